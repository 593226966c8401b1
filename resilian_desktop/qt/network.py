"""The Network menu's windows: programmes with their funders (logos, mentions,
references printed on the documents), and the topics of exchange."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSettings, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QTableWidgetItem,
    QWidget,
)

from resilian_desktop.db.engine import Database
from resilian_desktop.documents.sources import resolve_logo
from resilian_desktop.domain.errors import FieldProblem, ResilianError, ValidationError
from resilian_desktop.domain.vocab import OrganisationKind
from resilian_desktop.qt.context import PROGRAMME, TOPIC, AppContext, describe_error, show_error
from resilian_desktop.qt.forms.ui_funder_dialog import Ui_FunderDialog
from resilian_desktop.qt.forms.ui_programmes_dialog import Ui_ProgrammesDialog
from resilian_desktop.qt.forms.ui_topics_dialog import Ui_TopicsDialog
from resilian_desktop.qt.labels import label
from resilian_desktop.qt.record_form import ask_about_unsaved
from resilian_desktop.qt.rights import lock_dialog
from resilian_desktop.qt.rows_model import Column, RowsModel
from resilian_desktop.qt.widgets import (
    DateField,
    FieldErrors,
    muted,
    setup_form,
    setup_table,
    show_as_error,
    size_columns,
)
from resilian_desktop.services import organisations, programmes
from resilian_desktop.services.programmes import (
    LOGO_SUFFIXES,
    FunderDraft,
    ProgrammeDraft,
    ProgrammeRow,
    TopicInUseError,
    TopicUsage,
)

Index = QModelIndex | QPersistentModelIndex
LOGO_ICON_HEIGHT = 20
PREVIEW_SIZE = QSize(236, 96)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _first_line(text: str | None) -> str:
    lines = (text or "").strip().splitlines()
    return lines[0] + (" …" if len(lines) > 1 else "") if lines else ""


def logo_pixmap(logo_file: str | None, size: QSize) -> QPixmap | None:
    """The logo's image scaled to fit *size*; None when there is none or it cannot be read."""
    path = resolve_logo(logo_file)
    if path is None:
        return None
    image = QPixmap(str(path))
    if image.isNull():
        return None
    return image.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class FundersModel(RowsModel):
    """The funder lines, each with its logo beside its name."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(columns, parent, tooltip=FundersModel._tooltip_of)
        self._icons: dict[str | None, QPixmap | None] = {}

    @staticmethod
    def _tooltip_of(line: FunderDraft) -> str:
        return "\n".join(
            text
            for text in (line.name, line.operation_reference, line.funding_mention, line.logo_file)
            if text
        )

    def icon_of(self, logo_file: str | None) -> QPixmap | None:
        if logo_file not in self._icons:
            self._icons[logo_file] = logo_pixmap(
                logo_file, QSize(LOGO_ICON_HEIGHT * 4, LOGO_ICON_HEIGHT)
            )
        return self._icons[logo_file]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 0:
            return self.icon_of(self.row_at(index.row()).logo_file)
        return super().data(index, role)


# --- one funder -----------------------------------------------------------------


class FunderDialog(QDialog):
    """Add or edit one funder line, checked against the programme's other lines.

    Nothing is written to the database here (a chosen logo is copied into the
    user data folder): the line joins the programme window's list, saved with
    the programme.
    """

    def __init__(
        self,
        candidates: Sequence[organisations.OrganisationRow],
        others: Sequence[FunderDraft],
        line: FunderDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_FunderDialog()
        setup_form(self.ui, self)
        ui = self.ui
        self.setObjectName("funder_dialog")
        self.setWindowTitle(self.tr("Edit the funder") if line else self.tr("Add a funder"))
        self.others = list(others)
        self.line = line
        self.result_line: FunderDraft | None = None
        self.logo_file = line.logo_file if line else None
        ui.organisation_combo.addItem(self.tr("(not in the network's organisations)"), None)
        for org in candidates:
            ui.organisation_combo.addItem(f"{org.name} — {label(org.kind)}", org.id)
        self._names = {org.id: org.name for org in candidates}
        if line is not None:
            ui.organisation_combo.setCurrentIndex(
                max(ui.organisation_combo.findData(line.organisation_id), 0)
            )
            ui.name_edit.setText(line.name)
            ui.operation_reference_edit.setText(_text(line.operation_reference))
            ui.funding_mention_edit.setPlainText(_text(line.funding_mention))
        self._previous_organisation = ui.organisation_combo.currentData()
        ui.organisation_combo.currentIndexChanged.connect(self._organisation_chosen)
        ui.choose_logo_button.clicked.connect(self.choose_logo)
        ui.clear_logo_button.clicked.connect(self._clear_logo)
        self.errors = FieldErrors(
            self,
            {
                "organisation_id": ui.organisation_combo,
                "name": ui.name_edit,
                "operation_reference": ui.operation_reference_edit,
                "funding_mention": ui.funding_mention_edit,
                "logo_file": ui.logo_box,
            },
            ui.problems_label,
        )
        muted(ui.hint_label)
        ui.funding_mention_edit.setMaximumHeight(
            ui.funding_mention_edit.fontMetrics().lineSpacing() * 5 + 12
        )
        ui.button_box.button(QDialogButtonBox.StandardButton.Ok).clicked.connect(self.check)
        self._show_logo()
        (ui.name_edit if line else ui.organisation_combo).setFocus()

    def _organisation_chosen(self, _index: int) -> None:
        # The name follows the organisation chosen, unless it was typed differently.
        chosen = self.ui.organisation_combo.currentData()
        typed = self.ui.name_edit.text().strip()
        if chosen is not None and typed in ("", self._names.get(self._previous_organisation)):
            self.ui.name_edit.setText(self._names[chosen])
        self._previous_organisation = chosen

    def _show_logo(self) -> None:
        ui = self.ui
        image = logo_pixmap(self.logo_file, PREVIEW_SIZE)
        ui.clear_logo_button.setEnabled(self.logo_file is not None)
        if image is not None:
            ui.logo_preview.setPixmap(image)
            ui.logo_file_label.setText(Path(self.logo_file or "").name)
            ui.logo_file_label.setToolTip(str(resolve_logo(self.logo_file)))
            return
        ui.logo_preview.clear()
        ui.logo_file_label.setToolTip("")
        if self.logo_file is None:
            ui.logo_preview.setText(self.tr("No logo"))
            ui.logo_file_label.setText(self.tr("No logo: the funder's name is printed instead."))
        else:
            ui.logo_preview.setText(self.tr("Not found"))
            ui.logo_file_label.setText(
                self.tr(
                    "The file “{name}” cannot be found or read: the funder's name is "
                    "printed instead. Choose the logo again."
                ).format(name=self.logo_file)
            )

    def choose_logo(self) -> None:
        settings = QSettings()
        folder = str(settings.value("folders/logos", str(Path.home())))
        patterns = " ".join(f"*{suffix}" for suffix in LOGO_SUFFIXES)
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the funder's logo"),
            folder,
            self.tr("Images ({patterns})").format(patterns=patterns),
        )
        if not chosen:
            return
        source = Path(chosen)
        settings.setValue("folders/logos", str(source.parent))
        if source.suffix.lower() in LOGO_SUFFIXES and QPixmap(str(source)).isNull():
            self.errors.show(
                [
                    FieldProblem(
                        "logo_file",
                        "file_unreadable",
                        f'"{source.name}" is not an image that can be read',
                    )
                ]
            )
            return
        try:
            self.logo_file = programmes.store_logo(source)
        except ValidationError as error:
            self.errors.show(error.problems)
            return
        self.errors.clear_field("logo_file")
        self._show_logo()

    def _clear_logo(self) -> None:
        self.logo_file = None
        self._show_logo()

    def draft(self) -> FunderDraft:
        ui = self.ui
        data = ui.organisation_combo.currentData()
        return FunderDraft(
            name=ui.name_edit.text(),
            organisation_id=int(data) if data is not None else None,
            logo_file=self.logo_file,
            funding_mention=ui.funding_mention_edit.toPlainText(),
            operation_reference=ui.operation_reference_edit.text(),
            id=self.line.id if self.line else None,
        )

    def check(self) -> None:
        try:
            self.result_line = programmes.check_funder(self.draft(), self.others)
        except ValidationError as error:
            self.errors.show_and_focus(error.problems)
            return
        self.accept()


# --- programmes -----------------------------------------------------------------


class ProgrammesDialog(QDialog):
    """The programmes on the left; the chosen one's fields and funders on the right,
    saved together (one transaction) with Save."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, programme_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ProgrammesDialog()
        setup_form(self.ui, self)
        ui = self.ui
        self.setObjectName("programmes_dialog")
        self.ctx = ctx
        self.db: Database = ctx.db
        self.programme_id: int | None = None  # the programme shown; None: a new one
        self.row: ProgrammeRow | None = None
        self.funder_lines: list[FunderDraft] = []
        self._dirty = False
        self._loading = False
        self._organisations: dict[int, organisations.OrganisationRow] = {}
        self.funders_model = FundersModel(
            [
                Column(self.tr("Funder"), lambda line: line.name),
                Column(self.tr("Organisation"), self._organisation_name),
                Column(self.tr("Operation reference"), lambda line: line.operation_reference),
                Column(self.tr("Funding mention"), lambda line: _first_line(line.funding_mention)),
            ],
            self,
        )
        ui.funders_table.setModel(self.funders_model)
        setup_table(ui.funders_table)
        ui.funders_table.setIconSize(QSize(LOGO_ICON_HEIGHT * 4, LOGO_ICON_HEIGHT))
        size_columns(ui.funders_table, [34, 24, 16])
        ui.funders_table.doubleClicked.connect(lambda _index: self.edit_funder())
        ui.funders_table.selectionModel().selectionChanged.connect(
            lambda *_args: self._update_buttons()
        )
        for edit in (ui.description_edit, ui.funding_mention_edit):
            edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 5 + 12)
        self.errors = FieldErrors(
            self,
            {
                "name": ui.name_edit,
                "territory": ui.territory_edit,
                "agency_name": ui.agency_edit,
                "operation_reference": ui.operation_reference_edit,
                "start_date": ui.start_field,
                "end_date": ui.end_field,
                "description": ui.description_edit,
                "funding_mention": ui.funding_mention_edit,
                "funders": ui.funders_table,
            },
            ui.problems_label,
        )
        for widget in (
            ui.name_edit,
            ui.territory_edit,
            ui.agency_edit,
            ui.operation_reference_edit,
            ui.start_field,
            ui.end_field,
            ui.description_edit,
            ui.funding_mention_edit,
        ):
            if isinstance(widget, QLineEdit | QPlainTextEdit | DateField):
                widget.textChanged.connect(self.mark_dirty)
        ui.programmes_list.currentRowChanged.connect(self._programme_chosen)
        ui.new_programme_button.clicked.connect(self.new_programme)
        ui.delete_programme_button.clicked.connect(self.delete_programme)
        ui.add_funder_button.clicked.connect(self.add_funder)
        ui.edit_funder_button.clicked.connect(self.edit_funder)
        ui.remove_funder_button.clicked.connect(self.remove_funder)
        ui.up_funder_button.clicked.connect(lambda: self.move_funder(-1))
        ui.down_funder_button.clicked.connect(lambda: self.move_funder(1))
        ui.save_button.clicked.connect(self.save)
        ui.close_button.clicked.connect(self.reject)
        ui.splitter.setStretchFactor(1, 1)
        ui.splitter.setSizes([230, 850])
        self._read_organisations()
        self._fill_list(programme_id)
        if ui.programmes_list.count() == 0:
            self.new_programme()
        self.refused = lock_dialog(
            self,
            (
                "new_programme_button",
                "delete_programme_button",
                "add_funder_button",
                "edit_funder_button",
                "remove_funder_button",
                "up_funder_button",
                "down_funder_button",
                "save_button",
                "start_field",
                "end_field",
            ),
            ctx.rights.admin_refusal(),
            ctx.rights,
        )

    # --- the list of programmes ------------------------------------------------

    def _read_organisations(self) -> None:
        self._organisations = {
            o.id: o for o in organisations.list_organisations(self.db, include_archived=True)
        }

    def _organisation_name(self, line: FunderDraft) -> str:
        org = self._organisations.get(line.organisation_id or 0)
        return org.name if org else ""

    def _fill_list(self, selected: int | None = None) -> None:
        """Programmes by name; shows *selected* (else the first)."""
        listed = self.ui.programmes_list
        listed.blockSignals(True)
        listed.clear()
        for programme in programmes.list_programmes(self.db):
            item = QListWidgetItem(programme.name, listed)
            item.setData(Qt.ItemDataRole.UserRole, programme.id)
        listed.blockSignals(False)
        row = next(
            (i for i in range(listed.count()) if self._id_at(i) == selected),
            0 if listed.count() else -1,
        )
        if row >= 0:
            self._select_row(row)
            self.show_programme(self._id_at(row))

    def _id_at(self, row: int) -> int:
        return int(self.ui.programmes_list.item(row).data(Qt.ItemDataRole.UserRole))

    def _select_row(self, row: int) -> None:
        self.ui.programmes_list.blockSignals(True)
        self.ui.programmes_list.setCurrentRow(row)
        self.ui.programmes_list.blockSignals(False)

    def _row_of(self, programme_id: int | None) -> int:
        listed = self.ui.programmes_list
        return next((i for i in range(listed.count()) if self._id_at(i) == programme_id), -1)

    def _programme_chosen(self, row: int) -> None:
        if row < 0 or self._id_at(row) == self.programme_id:
            return
        target = self._id_at(row)
        if not self.ask_to_leave():
            self._select_row(self._row_of(self.programme_id))
            return
        # Saving may have added a programme to the list: find the one chosen again.
        self._select_row(self._row_of(target))
        self.show_programme(target)

    # --- one programme ---------------------------------------------------------

    def mark_dirty(self, *_args: object) -> None:
        if not self._loading and not self._dirty:
            self._dirty = True
            self._show_title()

    def is_dirty(self) -> bool:
        return self._dirty

    def _show_title(self) -> None:
        name = self.row.name if self.row else self.tr("New programme")
        self.ui.title_label.setText(name + (" *" if self._dirty else ""))
        self.ui.delete_programme_button.setEnabled(self.row is not None)

    def show_programme(self, programme_id: int | None) -> None:
        """Show a stored programme, or empty fields for a new one (None)."""
        ui = self.ui
        self.row = programmes.get_programme(self.db, programme_id) if programme_id else None
        self.programme_id = programme_id
        row = self.row
        self._loading = True
        try:
            ui.name_edit.setText(row.name if row else "")
            ui.territory_edit.setText(_text(row.territory if row else None))
            ui.agency_edit.setText(_text(row.agency_name if row else None))
            ui.operation_reference_edit.setText(_text(row.operation_reference if row else None))
            ui.start_field.set_date(row.start_date if row else None)
            ui.end_field.set_date(row.end_date if row else None)
            ui.description_edit.setPlainText(_text(row.description if row else None))
            ui.funding_mention_edit.setPlainText(_text(row.funding_mention if row else None))
            for edit in (ui.name_edit, ui.territory_edit, ui.agency_edit):
                edit.setCursorPosition(0)
            lines = [
                FunderDraft(
                    f.name,
                    f.organisation_id,
                    f.logo_file,
                    f.funding_mention,
                    f.operation_reference,
                    f.id,
                )
                for f in (row.funders if row else ())
            ]
            self._show_funders(lines)
            self.errors.clear()
        finally:
            self._loading = False
        self._dirty = False
        self._show_title()

    def new_programme(self) -> None:
        if not self.ask_to_leave():
            return
        self._select_row(-1)
        self.ui.programmes_list.clearSelection()
        self.show_programme(None)
        self.ui.saved_label.clear()
        self.ui.name_edit.setFocus()

    def draft(self) -> ProgrammeDraft:
        ui = self.ui
        return ProgrammeDraft(
            name=ui.name_edit.text(),
            territory=ui.territory_edit.text(),
            description=ui.description_edit.toPlainText(),
            agency_name=ui.agency_edit.text(),
            operation_reference=ui.operation_reference_edit.text(),
            funding_mention=ui.funding_mention_edit.toPlainText(),
            start_date=ui.start_field.text() or None,
            end_date=ui.end_field.text() or None,
            funders=tuple(self.funder_lines),
        )

    def save(self) -> bool:
        """Save the fields and the funders in one transaction; True when saved."""
        if self.refused:
            return False
        try:
            if self.programme_id is None:
                row = programmes.create_programme(self.db, self.draft())
            else:
                row = programmes.update_programme(self.db, self.programme_id, self.draft())
        except ValidationError as error:
            self.errors.show_and_focus(error.problems)
            return False
        except ResilianError as error:
            show_error(self, error)
            return False
        self._fill_list(row.id)
        self.ui.saved_label.setText(self.tr("“{name}” saved.").format(name=row.name))
        self.ctx.notify(PROGRAMME)
        return True

    def ask_to_leave(self) -> bool:
        """True when the programme shown may be left: nothing unsaved, or the user decided."""
        if not self._dirty:
            return True
        answer = ask_about_unsaved(self, self.row.name if self.row else self.tr("New programme"))
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._dirty = False
            return True
        return False

    def reject(self) -> None:
        # Close, Esc and the window's close button all come here.
        if self.ask_to_leave():
            super().reject()

    def delete_programme(self) -> None:
        if self.row is None:
            return
        usage = programmes.programme_usage(self.db, self.row.id)
        if usage:
            words = {
                "meetings": self.tr("%n meeting(s)", "", usage.get("meetings", 0)),
                "taskforces": self.tr("%n taskforce(s)", "", usage.get("taskforces", 0)),
                "memberships": self.tr(
                    "%n member organisation(s)", "", usage.get("memberships", 0)
                ),
            }
            QMessageBox.information(
                self,
                self.tr("Delete the programme"),
                self.tr(
                    "“{name}” cannot be deleted: {used} refer to it. A programme "
                    "that has been used stays, so that past figures stay true."
                ).format(name=self.row.name, used=", ".join(words[k] for k in usage)),
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete the programme"),
            self.tr("Delete “{name}” and its funders? This cannot be undone.").format(
                name=self.row.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            programmes.delete_programme(self.db, self.row.id)
        except ResilianError as error:
            show_error(self, error)
            return
        self._dirty = False
        self.ctx.notify(PROGRAMME)
        self._fill_list()
        if self.ui.programmes_list.count() == 0:
            self.new_programme()

    # --- funders (saved with the programme) --------------------------------------

    def _show_funders(self, lines: list[FunderDraft], selected: int | None = None) -> None:
        self.funder_lines = lines
        self.funders_model.set_rows(lines)
        if selected is not None and 0 <= selected < len(lines):
            self.ui.funders_table.selectRow(selected)
        self._update_buttons()

    def _selected_funder(self) -> int | None:
        rows = self.ui.funders_table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        ui = self.ui
        index = self._selected_funder()
        ui.edit_funder_button.setEnabled(index is not None)
        ui.remove_funder_button.setEnabled(index is not None)
        ui.up_funder_button.setEnabled(index is not None and index > 0)
        ui.down_funder_button.setEnabled(index is not None and index < len(self.funder_lines) - 1)

    def _candidates(self, line: FunderDraft | None) -> list[organisations.OrganisationRow]:
        """Organisations offered as funders: all but companies (and the line's own)."""
        self._read_organisations()
        return [
            o
            for o in self._organisations.values()
            if (o.kind != OrganisationKind.COMPANY.value and o.archived_at is None)
            or (line is not None and o.id == line.organisation_id)
        ]

    def _funder_dialog(self, index: int | None) -> FunderDraft | None:
        line = self.funder_lines[index] if index is not None else None
        others = [f for i, f in enumerate(self.funder_lines) if i != index]
        dialog = FunderDialog(self._candidates(line), others, line, self)
        return dialog.result_line if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _changed_funders(self, lines: list[FunderDraft], selected: int | None) -> None:
        self._show_funders(lines, selected)
        self.errors.clear_field("funders")
        self.mark_dirty()

    def add_funder(self) -> None:
        chosen = self._funder_dialog(None)
        if chosen is not None:
            self._changed_funders([*self.funder_lines, chosen], len(self.funder_lines))

    def edit_funder(self) -> None:
        index = self._selected_funder()
        if index is None:
            return
        chosen = self._funder_dialog(index)
        if chosen is not None:
            lines = list(self.funder_lines)
            lines[index] = chosen
            self._changed_funders(lines, index)

    def remove_funder(self) -> None:
        index = self._selected_funder()
        if index is None:
            return
        lines = list(self.funder_lines)
        del lines[index]
        self._changed_funders(lines, min(index, len(lines) - 1) if lines else None)

    def move_funder(self, step: int) -> None:
        index = self._selected_funder()
        if index is None or not 0 <= index + step < len(self.funder_lines):
            return
        lines = list(self.funder_lines)
        lines[index], lines[index + step] = lines[index + step], lines[index]
        self._changed_funders(lines, index + step)


# --- topics ---------------------------------------------------------------------

NAME, ORGANISATIONS, MEETINGS = range(3)


class TopicsDialog(QDialog):
    """The topics in their order, with what uses them: add, rename, reorder, remove.

    Each change is saved at once (one service call each); the other windows
    are told, so their check lists and filters follow.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TopicsDialog()
        setup_form(self.ui, self)
        ui = self.ui
        self.setObjectName("topics_dialog")
        self.ctx = ctx
        self.db: Database = ctx.db
        self.topics: list[TopicUsage] = []
        self._filling = False
        table = ui.topics_table
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(
            [self.tr("Topic"), self.tr("Organisations"), self.tr("Meetings")]
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (ORGANISATIONS, MEETINGS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setAlternatingRowColors(True)
        table.itemChanged.connect(self._renamed)
        table.itemSelectionChanged.connect(self._update_buttons)
        for button in (ui.rename_button, ui.up_button, ui.down_button, ui.remove_button):
            button.setAutoDefault(False)
        # Enter in the new topic's field adds it.
        ui.add_button.setDefault(True)
        ui.add_button.clicked.connect(self.add_topic)
        ui.rename_button.clicked.connect(self.start_rename)
        ui.up_button.clicked.connect(lambda: self.move_topic(-1))
        ui.down_button.clicked.connect(lambda: self.move_topic(1))
        ui.remove_button.clicked.connect(self.remove_topic)
        ui.name_edit.textEdited.connect(lambda _text: self._say(""))
        muted(ui.hint_label)
        show_as_error(ui.problems_label)
        self._say("")
        self.refresh()
        ui.name_edit.setFocus()
        lock_dialog(
            self,
            ("add_button", "rename_button", "up_button", "down_button", "remove_button"),
            ctx.rights.network_refusal(),
            ctx.rights,
        )

    # --- showing -----------------------------------------------------------------

    def refresh(self, selected: int | None = None) -> None:
        """Read the topics again; select the topic *selected* (by id) if given."""
        self.topics = programmes.list_topic_usage(self.db)
        table = self.ui.topics_table
        self._filling = True
        try:
            table.setRowCount(len(self.topics))
            for row, topic in enumerate(self.topics):
                name = QTableWidgetItem(topic.name)
                name.setData(Qt.ItemDataRole.UserRole, topic.id)
                table.setItem(row, NAME, name)
                counts = ((ORGANISATIONS, topic.organisations), (MEETINGS, topic.meetings))
                for column, count in counts:
                    item = QTableWidgetItem(str(count) if count else "")
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                    table.setItem(row, column, item)
        finally:
            self._filling = False
        if selected is not None:
            for row, topic in enumerate(self.topics):
                if topic.id == selected:
                    table.selectRow(row)
                    table.scrollTo(table.model().index(row, NAME))
        self._update_buttons()

    def _say(self, text: str) -> None:
        self.ui.problems_label.setText(text)
        self.ui.problems_label.setVisible(bool(text))

    def selected_row(self) -> int | None:
        rows = self.ui.topics_table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        ui = self.ui
        row = self.selected_row()
        for button in (ui.rename_button, ui.remove_button):
            button.setEnabled(row is not None)
        ui.up_button.setEnabled(row is not None and row > 0)
        ui.down_button.setEnabled(row is not None and row < len(self.topics) - 1)
        if row is not None and self.topics[row].in_use:
            ui.remove_button.setToolTip(self.tr("A topic in use cannot be removed."))
        else:
            ui.remove_button.setToolTip("")

    def _changed(self, selected: int | None) -> None:
        self.refresh(selected)
        self.ctx.notify(TOPIC)

    def _refused(self, error: ValidationError, what: str) -> None:
        text = describe_error(error)
        self._say(self.tr("{what}: {problem}").format(what=what, problem=text) if what else text)

    # --- changes -----------------------------------------------------------------

    def _attempt(self, action: Callable[[], object], what: str = "") -> bool:
        try:
            action()
        except ValidationError as error:
            self._refused(error, what)
            return False
        except TopicInUseError as error:
            self._say(self.in_use_text(error))
            return False
        except ResilianError as error:
            show_error(self, error)
            self.refresh()
            return False
        self._say("")
        return True

    def add_topic(self) -> None:
        name = self.ui.name_edit.text()
        created: list[int] = []
        if self._attempt(
            lambda: created.append(programmes.create_topic(self.db, name).id),
            "",
        ):
            self.ui.name_edit.clear()
            self._changed(created[0])
        self.ui.name_edit.setFocus()

    def start_rename(self) -> None:
        row = self.selected_row()
        if row is not None:
            table = self.ui.topics_table
            table.setFocus()
            table.edit(table.model().index(row, NAME))

    def _renamed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != NAME:
            return
        topic_id = int(item.data(Qt.ItemDataRole.UserRole))
        old = next(t.name for t in self.topics if t.id == topic_id)
        new = item.text()
        if new.strip() == old:
            return
        renamed = self._attempt(
            lambda: programmes.rename_topic(self.db, topic_id, new), f"“{new.strip()}”"
        )
        if renamed:
            self._changed(topic_id)
        else:
            # Put the stored name back; the reason stays shown.
            self._filling = True
            item.setText(old)
            self._filling = False

    def move_topic(self, step: int) -> None:
        row = self.selected_row()
        if row is None or not 0 <= row + step < len(self.topics):
            return
        topic_id = self.topics[row].id
        if self._attempt(lambda: programmes.move_topic(self.db, topic_id, row + step)):
            self._changed(topic_id)

    def remove_topic(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        topic = self.topics[row]
        if topic.in_use:
            refusal = TopicInUseError(topic.name, topic.organisations, topic.meetings)
            self._say(self.in_use_text(refusal))
            return
        if self._attempt(lambda: programmes.delete_topic(self.db, topic.id)):
            remaining = [t.id for t in self.topics if t.id != topic.id]
            self._changed(remaining[min(row, len(remaining) - 1)] if remaining else None)

    def in_use_text(self, error: TopicInUseError) -> str:
        """Why a topic cannot be removed, in the interface language."""
        used = []
        if error.organisations:
            used.append(self.tr("%n organisation(s)", "", error.organisations))
        if error.meetings:
            used.append(self.tr("%n meeting(s)", "", error.meetings))
        return self.tr(
            "“{name}” cannot be removed: {used} use it. Untick it there first, "
            "or rename it if the word no longer fits."
        ).format(name=error.name, used=self.tr(" and ").join(used))
