"""The proof of a meeting on its attendance tab (issue 16): the checks a
controller would make, listed before the sheet is printed or exported, and the
scanned sheets attached to it ("Joindre la feuille signée…", open one)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from resilian_desktop.db.engine import Database
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.qt.context import MEETING, AppContext, show_error
from resilian_desktop.qt.labels import language
from resilian_desktop.qt.widgets import format_date
from resilian_desktop.qt.written import open_file
from resilian_desktop.services import attachments, proof_checks
from resilian_desktop.services.attachments import AttachmentRow
from resilian_desktop.services.proof_checks import ProofProblem

log = logging.getLogger(__name__)
PROBLEM_COLOUR = QColor("#8a4b00")
SHORT_HASH = 12  # characters of a SHA-256 shown beside a file (the whole one in its tooltip)
_FOLDER_KEY = "folders/scans"
# Lines shown before a list scrolls: the attendance list keeps most of the tab.
MAX_PROBLEM_ROWS = 6
MAX_SCAN_ROWS = 3


class ProofPanel(QWidget):
    """Below the attendance list: the problems found, then the attached scans."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proof_panel")
        # As tall as its contents: the attendance list above takes the rest.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.ctx = ctx
        self.meeting_id: int | None = None
        self.problems: list[ProofProblem] = []
        self.attachments: list[AttachmentRow] = []

        self.problems_title = QLabel(self)
        self.problems_title.setObjectName("proof_problems_title")
        self.problems_list = QListWidget(self)
        self.problems_list.setObjectName("proof_problems_list")
        self.problems_list.setWordWrap(True)
        self.problems_list.setAlternatingRowColors(True)

        self.scans_title = QLabel(self.tr("Scanned signed sheets"), self)
        self.scans_list = QListWidget(self)
        self.scans_list.setObjectName("scans_list")
        self.scans_list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.scans_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.attach_button = QPushButton(self.tr("Attach the signed sheet…"), self)
        self.attach_button.setObjectName("attach_scan_button")
        self.attach_button.setToolTip(
            self.tr(
                "Attach the scan of the sheet signed on paper (PDF, PNG or JPEG): a copy is "
                "kept beside the database with its SHA-256, and goes into every backup"
            )
        )
        self.attach_button.clicked.connect(self.choose_and_attach)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("open_scan_button")
        self.open_button.clicked.connect(self.open_selected)

        scans = QHBoxLayout()
        scans.addWidget(self.scans_title, 1)
        scans.addWidget(self.attach_button)
        scans.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems_list)
        layout.addLayout(scans)
        layout.addWidget(self.scans_list)
        self.refresh(None)

    @property
    def db(self) -> Database:
        return self.ctx.db

    def refresh(self, meeting_id: int | None) -> None:
        """Read the meeting's problems and attachments again (after any change)."""
        self.meeting_id = meeting_id
        self.problems, self.attachments = [], []
        if meeting_id is not None:
            try:
                self.problems = proof_checks.meeting_problems(self.db, meeting_id)
                self.attachments = attachments.list_attachments(self.db, meeting_id)
            except ResilianError as error:  # the meeting was deleted meanwhile
                log.info("proofs of meeting %s not read: %s", meeting_id, error)
        self._show_problems()
        self._show_attachments()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Wrapped problems take more or fewer lines at another width.
        _fit_rows(self.problems_list, MAX_PROBLEM_ROWS)

    def unsigned(self) -> dict[int, tuple[str, ...]]:
        """person id -> the half-days a person marked present did not sign (a meeting
        signed on screen), for the attendance list to mark them."""
        return {
            p.person_ids[0]: p.half_days for p in self.problems if p.code == proof_checks.UNSIGNED
        }

    def _show_problems(self) -> None:
        lang = language()
        self.problems_list.clear()
        if self.meeting_id is None:
            self.problems_title.setText(self.tr("Checks before the sheet goes out"))
        elif not self.problems:
            self.problems_title.setText(
                self.tr("Checks before the sheet goes out: nothing a controller would reject")
            )
        else:
            self.problems_title.setText(
                self.tr(
                    "Checks before the sheet goes out: %n problem(s) a controller would reject",
                    "",
                    len(self.problems),
                )
            )
        for problem in self.problems:
            item = QListWidgetItem(problem.detail_text(lang))
            item.setForeground(PROBLEM_COLOUR)
            item.setToolTip(problem.text(lang))
            item.setData(Qt.ItemDataRole.UserRole, problem.code)
            self.problems_list.addItem(item)
        self.problems_list.setVisible(bool(self.problems))
        _fit_rows(self.problems_list, MAX_PROBLEM_ROWS)

    def _show_attachments(self) -> None:
        self.scans_list.clear()
        for row in self.attachments:
            attached = dt.datetime.fromisoformat(row.attached_at)
            item = QListWidgetItem(
                self.tr("{date} {time} — {name} — SHA-256 {hash}…").format(
                    date=format_date(attached.date()),
                    time=f"{attached:%H:%M}",
                    name=row.original_name,
                    hash=row.sha256[:SHORT_HASH],
                )
            )
            item.setToolTip(f"{row.path}\nSHA-256 {row.sha256}")
            self.scans_list.addItem(item)
        if self.attachments:
            self.scans_list.setCurrentRow(len(self.attachments) - 1)
        self.scans_list.setVisible(bool(self.attachments))
        _fit_rows(self.scans_list, MAX_SCAN_ROWS)
        self.scans_title.setText(
            self.tr("Scanned signed sheets")
            if self.attachments
            else self.tr("Scanned signed sheets: none attached")
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.attach_button.setEnabled(self.meeting_id is not None)
        self.open_button.setEnabled(self.scans_list.currentRow() >= 0)

    def choose_and_attach(self) -> AttachmentRow | None:
        if self.meeting_id is None:
            return None
        settings = QSettings()
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach the signed sheet"),
            str(settings.value(_FOLDER_KEY, str(Path.home()))),
            self.tr("Scans (*.pdf *.png *.jpg *.jpeg);;All files (*)"),
        )
        if not name:
            return None
        settings.setValue(_FOLDER_KEY, str(Path(name).parent))
        return self.attach(Path(name))

    def attach(self, source: Path) -> AttachmentRow | None:
        """Attach *source* to the meeting shown; a refusal is said, not raised."""
        if self.meeting_id is None:
            return None
        try:
            row = attachments.attach_file(self.db, self.meeting_id, source)
        except ResilianError as error:
            show_error(self, error)
            return None
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Not possible"),
                self.tr("{file}: cannot be read ({error})").format(
                    file=source, error=error.strerror or error
                ),
            )
            return None
        self.ctx.notify(MEETING)
        self.refresh(self.meeting_id)
        return row

    def open_selected(self) -> bool:
        index = self.scans_list.currentRow()
        if not 0 <= index < len(self.attachments):
            return False
        row = self.attachments[index]
        if not row.path.exists():
            QMessageBox.warning(
                self,
                self.tr("Not possible"),
                self.tr("{file}: the attached file is missing from {folder}").format(
                    file=row.path.name, folder=row.path.parent
                ),
            )
            return False
        return open_file(row.path)


def _fit_rows(widget: QListWidget, most: int) -> None:
    """As tall as its lines of text (an item wraps at the list's width), up to
    *most* lines, then it scrolls."""
    metrics = widget.fontMetrics()
    width = max(widget.viewport().width() - 8, 200)
    lines = sum(
        -(-metrics.horizontalAdvance(widget.item(i).text()) // width) for i in range(widget.count())
    )
    shown = max(1, min(lines, most))
    widget.setFixedHeight(shown * metrics.lineSpacing() + 2 * widget.frameWidth() + 6)
