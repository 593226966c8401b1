"""Backups and personal-data review, in the window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilian_desktop import paths
from resilian_desktop.domain import formats
from resilian_desktop.domain.kinds import RecordKind
from resilian_desktop.qt.labels import language
from resilian_desktop.qt.screen import fit_to_screen
from resilian_desktop.services import backups, privacy

if TYPE_CHECKING:
    from resilian_desktop.qt.main_window import MainWindow

# Marked for Qt Linguist here, translated where shown (self.tr of a variable is never extracted).
KIND_LABELS: dict[str, Any] = {
    "daily": QT_TRANSLATE_NOOP("BackupsDialog", "Daily"),
    "weekly": QT_TRANSLATE_NOOP("BackupsDialog", "Weekly"),
    "changes": QT_TRANSLATE_NOOP("BackupsDialog", "After changes"),
    "manual": QT_TRANSLATE_NOOP("BackupsDialog", "Manual"),
    "before-restore": QT_TRANSLATE_NOOP("BackupsDialog", "Before a restore"),
    "before-migration": QT_TRANSLATE_NOOP("BackupsDialog", "Before an update"),
}


def _folder_row(parent: QWidget, path: Path, open_text: str) -> QWidget:
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(str(path), row)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    button = QPushButton(open_text, row)
    button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
    layout.addWidget(label, 1)
    layout.addWidget(button)
    return row


class BackupsDialog(QDialog):
    """The database's location, its backups with their counts, and restore in one action."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("backups_dialog")
        self.setWindowTitle(self.tr("Backups"))
        fit_to_screen(self, 820, 460)
        self.folder = paths.backup_dir()
        form = QFormLayout()
        form.addRow(
            self.tr("Database:"),
            _folder_row(self, window.db.path.parent, self.tr("Open the folder")),
        )
        form.addRow(self.tr("Backups:"), _folder_row(self, self.folder, self.tr("Open the folder")))
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("backups_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Size"),
                self.tr("Organisations"),
                self.tr("Contacts"),
                self.tr("Meetings"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.backup_button = QPushButton(self.tr("&Back up now"), self)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("&Restore the selected backup…"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.backups: list[backups.BackupInfo] = []
        self.reload()

    def reload(self) -> None:
        self.backups = backups.list_backups(self.folder)
        self.table.setRowCount(len(self.backups))
        lang = language()
        for row, info in enumerate(self.backups):
            values = [
                _when(info.modified),
                QCoreApplication.translate("BackupsDialog", KIND_LABELS.get(info.kind, info.kind)),
                formats.file_size(info.size, lang),
                "" if info.organisations is None else formats.integer(info.organisations, lang),
                "" if info.contacts is None else formats.integer(info.contacts, lang),
                "" if info.meetings is None else formats.integer(info.meetings, lang),
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.restore_button.setEnabled(bool(self.backups))
        if self.backups:
            self.table.selectRow(0)

    def back_up_now(self) -> Path:
        target = self.folder / "manual" / f"{self.window_.db.path.stem}-{_stamp()}.sqlite"
        backups.backup_to(self.window_.db.path, target)
        self.reload()
        return target

    def restore_selected(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False
        info = self.backups[rows[0].row()]
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr(
                "Replace the database by the backup of {date}?\n\n"
                "The current database is backed up first; the window reopens on the "
                "restored one."
            ).format(date=_when(info.modified)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.accept()
        return self.window_.restore_backup(info.path)


def _when(moment: dt.datetime) -> str:
    return f"{formats.short_date(moment.date())} {formats.time_of_day(moment.time(), language())}"


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y-%m-%dT%H%M%S")


class InactiveContactsDialog(QDialog):
    """Contacts with no activity for three years (the CNIL's usual review rule)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("inactive_contacts_dialog")
        self.setWindowTitle(self.tr("Contacts to review"))
        fit_to_screen(self, 760, 440)
        self.rows = privacy.review_inactive(window.db)
        intro = QLabel(
            self.tr(
                "%n contact(s) with no activity for three years: keep them if the "
                "relation goes on, otherwise archive or erase them. Double-click to open.",
                "",
                len(self.rows),
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.rows), 4, self)
        self.table.setObjectName("inactive_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Organisation"), self.tr("Email"), self.tr("Last activity")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, contact in enumerate(self.rows):
            values = [
                formats.contact_name(contact.first_name, contact.last_name),
                contact.organisation or "",
                contact.email or "",
                formats.short_date(contact.last_activity),
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.doubleClicked.connect(
            lambda index: window.open_record(RecordKind.CONTACT, self.rows[index.row()].id)
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
