"""The import dialog: a spreadsheet in, checked row by row, written all at once.

Steps, all on one page so the officer sees cause and effect:

1. choose the file and what it holds (organisations, contacts, registrations
   to a meeting, roadmap actions of a taskforce); the kind is guessed from
   the headers;
2. the columns: each column of the file with a few sample values and the
   field it is imported as; unrecognised columns can be mapped or ignored;
3. the preview: every row with what would happen to it (created, updated,
   unchanged) and its problems, checked against the database in a
   transaction that is rolled back;
4. import: all or nothing, or only the valid rows; the result is shown and
   :attr:`ImportDialog.imported` is emitted so lists can refresh.

Everything Qt-free is done by imports.* and services.importing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilian_desktop.db.engine import Database
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.imports import (
    FIELDS,
    IGNORED,
    ImportKind,
    ImportPreview,
    guess_kind,
    guess_mapping,
    read_table,
    validate_table,
)
from resilian_desktop.imports.fields import is_known_header
from resilian_desktop.imports.reading import SourceTable
from resilian_desktop.qt.export_progress import run_with_progress
from resilian_desktop.qt.screen import fit_to_screen
from resilian_desktop.services import meetings, taskforces
from resilian_desktop.services.importing import (
    CREATED,
    SKIPPED,
    UNCHANGED,
    UPDATED,
    ImportRejected,
    ImportResult,
    RowOutcome,
    apply_import,
    probable_duplicates,
)

PROBLEM_COLOUR = QColor("#fde2e1")
MAX_TARGETS = 500  # meetings or taskforces offered in the target list

# What a file holds and the fields it can fill, in the interface language (the
# import layer's own labels are the French words of its error messages).
_KIND_TEXTS: dict[str, Any] = {
    "organisations": QT_TRANSLATE_NOOP("ImportFields", "Organisations"),
    "contacts": QT_TRANSLATE_NOOP("ImportFields", "Contacts"),
    "registrations": QT_TRANSLATE_NOOP("ImportFields", "Registrations for a meeting"),
    "actions": QT_TRANSLATE_NOOP("ImportFields", "Roadmap actions"),
}
_FIELD_TEXTS: dict[str, Any] = {
    "name": QT_TRANSLATE_NOOP("ImportFields", "Company name"),
    "kind": QT_TRANSLATE_NOOP("ImportFields", "Kind"),
    "siret": QT_TRANSLATE_NOOP("ImportFields", "SIRET"),
    "siren": QT_TRANSLATE_NOOP("ImportFields", "SIREN"),
    "naf_code": QT_TRANSLATE_NOOP("ImportFields", "NAF code"),
    "sector": QT_TRANSLATE_NOOP("ImportFields", "Sector"),
    "address": QT_TRANSLATE_NOOP("ImportFields", "Address"),
    "postcode": QT_TRANSLATE_NOOP("ImportFields", "Postcode"),
    "commune": QT_TRANSLATE_NOOP("ImportFields", "Commune"),
    "country": QT_TRANSLATE_NOOP("ImportFields", "Country"),
    "headcount": QT_TRANSLATE_NOOP("ImportFields", "Headcount"),
    "website": QT_TRANSLATE_NOOP("ImportFields", "Website"),
    "notes": QT_TRANSLATE_NOOP("ImportFields", "Notes"),
    "civility": QT_TRANSLATE_NOOP("ImportFields", "Civility"),
    "last_name": QT_TRANSLATE_NOOP("ImportFields", "Last name"),
    "first_name": QT_TRANSLATE_NOOP("ImportFields", "First name"),
    "organisation": QT_TRANSLATE_NOOP("ImportFields", "Organisation"),
    "job_title": QT_TRANSLATE_NOOP("ImportFields", "Job title"),
    "email": QT_TRANSLATE_NOOP("ImportFields", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("ImportFields", "Phone"),
    "mobile": QT_TRANSLATE_NOOP("ImportFields", "Mobile"),
    "is_elected_official": QT_TRANSLATE_NOOP("ImportFields", "Elected official"),
    "mandate": QT_TRANSLATE_NOOP("ImportFields", "Mandate"),
    "status": QT_TRANSLATE_NOOP("ImportFields", "Status"),
    "title": QT_TRANSLATE_NOOP("ImportFields", "Action"),
    "owner": QT_TRANSLATE_NOOP("ImportFields", "Owner"),
    "start_date": QT_TRANSLATE_NOOP("ImportFields", "Start"),
    "due_date": QT_TRANSLATE_NOOP("ImportFields", "Due date"),
    "progress": QT_TRANSLATE_NOOP("ImportFields", "Progress"),
    "is_milestone": QT_TRANSLATE_NOOP("ImportFields", "Milestone"),
    "deliverable": QT_TRANSLATE_NOOP("ImportFields", "Deliverable"),
    "description": QT_TRANSLATE_NOOP("ImportFields", "Description"),
    "done_date": QT_TRANSLATE_NOOP("ImportFields", "Done on"),
}


def _kind_text(kind: ImportKind) -> str:
    return QCoreApplication.translate("ImportFields", str(_KIND_TEXTS[kind.value]))


def _field_text(key: str) -> str:
    source = _FIELD_TEXTS.get(key)
    return QCoreApplication.translate("ImportFields", str(source)) if source else key


Index = QModelIndex | QPersistentModelIndex


PROBLEMS_COLUMN = 2  # of the preview: row, outcome, problems, then the file's columns


class PreviewModel(QAbstractTableModel):
    """The rows of a preview: row number, outcome, mapped values, problems.

    Display strings are computed once when the rows are set.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._cells: list[list[str]] = []
        self._problem_rows: list[bool] = []
        self._tips: list[str] = []
        self._problem_brush = QBrush(PROBLEM_COLOUR)  # made once, not at each repaint

    def set_preview(
        self,
        preview: ImportPreview | None,
        outcomes: dict[int, RowOutcome],
        action_labels: dict[str, str],
        headers: tuple[str, str, str],
        only_problems: bool = False,
    ) -> None:
        self.beginResetModel()
        self._cells, self._problem_rows, self._tips = [], [], []
        self._headers = []
        if preview is not None:
            mapped = [(i, key) for i, key in enumerate(preview.mapping) if key != IGNORED]
            # The problems right after the outcome: with many columns they
            # would sit off-screen at the end.
            self._headers = [
                headers[0],
                headers[1],
                headers[2],
                *(preview.table.column_label(i) for i, _ in mapped),
            ]
            for row in preview.rows:
                outcome = outcomes.get(row.number)
                problems = list(row.problems) or (list(outcome.problems) if outcome else [])
                if only_problems and not problems:
                    continue
                values = [row.values.get(key) for _, key in mapped]
                action = action_labels.get(outcome.action, "") if outcome else ""
                if problems:
                    action = action_labels[SKIPPED]
                text = "\n".join(p.message for p in problems)
                self._cells.append(
                    [
                        str(row.number),
                        action,
                        " · ".join(p.message for p in problems),
                        *("" if v is None else str(v) for v in values),
                    ]
                )
                self._problem_rows.append(bool(problems))
                self._tips.append(text)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and self._problem_rows[index.row()]:
            return self._problem_brush
        if role == Qt.ItemDataRole.ToolTipRole:
            # The problems in full on the row; a cut value whole on its cell.
            cell = self._cells[index.row()][index.column()]
            return self._tips[index.row()] or (cell if len(cell) > 12 else None)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def problem_count(self) -> int:
        return sum(self._problem_rows)


class ImportDialog(QDialog):
    """Import organisations, contacts, registrations or roadmap actions from a file.

    Give *kind*, *meeting_id* or *taskforce_id* to open it for one purpose
    (the meeting form's "Import registrations…", the roadmap's "Import
    actions…"): the kind and the target are then fixed. *path* loads a file
    at once. After a successful import, :attr:`import_result` holds the
    ImportResult and :attr:`imported` has been emitted with it.
    """

    imported = Signal(object)  # ImportResult

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        kind: ImportKind | None = None,
        meeting_id: int | None = None,
        taskforce_id: int | None = None,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import from a spreadsheet"))
        self.db = db
        self.table: SourceTable | None = None
        self.preview: ImportPreview | None = None
        self.outcomes: dict[int, RowOutcome] = {}
        self.import_result: ImportResult | None = None
        self._fixed_kind = kind is not None or meeting_id is not None or taskforce_id is not None
        if meeting_id is not None:
            kind = ImportKind.REGISTRATIONS
        if taskforce_id is not None:
            kind = ImportKind.ACTIONS
        self._action_labels = {
            CREATED: self.tr("New"),
            UPDATED: self.tr("Update"),
            UNCHANGED: self.tr("Unchanged"),
            SKIPPED: self.tr("Not imported"),
        }

        # 1. File and kind.
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("path_edit")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("A .xlsx or .csv file"))
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.setObjectName("browse_button")
        self.browse_button.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind_combo")
        for import_kind in ImportKind:
            self.kind_combo.addItem(_kind_text(import_kind), import_kind.value)
        self.target_label = QLabel(self)
        self.target_combo = QComboBox(self)
        self.target_combo.setObjectName("target_combo")
        self.target_combo.setMinimumContentsLength(40)
        self.target_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        form = QFormLayout()
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Contents:"), self.kind_combo)
        form.addRow(self.target_label, self.target_combo)

        # 2. Columns.
        self.mapping_table = QTableWidget(0, 3, self)
        self.mapping_table.setObjectName("mapping_table")
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column of the file"), self.tr("First values"), self.tr("Imported as")]
        )
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        columns_box = QGroupBox(self.tr("Columns"), self)
        QVBoxLayout(columns_box).addWidget(self.mapping_table)

        # 3. Preview.
        self.preview_model = PreviewModel(self)
        self.preview_view = QTableView(self)
        self.preview_view.setObjectName("preview_view")
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.verticalHeader().setVisible(False)
        self.preview_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.only_problems_check = QCheckBox(self.tr("Only rows with problems"), self)
        self.only_problems_check.setObjectName("only_problems_check")
        self.only_problems_check.toggled.connect(self._show_preview)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        preview_box = QGroupBox(self.tr("Preview"), self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.summary_label)
        preview_layout.addWidget(self.only_problems_check)
        preview_layout.addWidget(self.preview_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(columns_box)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(1, 2)

        # 4. Import.
        self.all_or_nothing_radio = QRadioButton(
            self.tr("All or nothing: import only if every row is valid"), self
        )
        self.all_or_nothing_radio.setObjectName("all_or_nothing_radio")
        self.skip_invalid_radio = QRadioButton(
            self.tr("Import the valid rows, leave the others out"), self
        )
        self.skip_invalid_radio.setObjectName("skip_invalid_radio")
        self.all_or_nothing_radio.setChecked(True)
        mode = QButtonGroup(self)
        mode.addButton(self.all_or_nothing_radio)
        mode.addButton(self.skip_invalid_radio)
        self.all_or_nothing_radio.toggled.connect(self._update_buttons)
        # Rows that look like a recorded organisation or contact (same name and
        # commune, another SIRET; an e-mail known under another name).
        self.same_as_check = QCheckBox(
            self.tr(
                "Import the probable duplicates onto the records they resemble "
                "(otherwise: correct the file, or merge the records afterwards)"
            ),
            self,
        )
        self.same_as_check.setObjectName("same_as_check")
        self.same_as_check.setVisible(False)
        self.same_as_check.toggled.connect(self._revalidate)
        self.same_as: dict[int, int] = {}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.import_button.setObjectName("import_button")
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.same_as_check)
        layout.addWidget(self.all_or_nothing_radio)
        layout.addWidget(self.skip_invalid_radio)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 980, 720)

        if kind is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self.kind_combo.setEnabled(not self._fixed_kind)
        self._fill_targets(meeting_id, taskforce_id)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.target_combo.currentIndexChanged.connect(self._revalidate)
        self._update_buttons()
        if path is not None:
            self.load_file(path)

    # --- what the officer chooses -------------------------------------------

    @property
    def kind(self) -> ImportKind:
        return ImportKind(self.kind_combo.currentData())

    @property
    def target_id(self) -> int | None:
        data = self.target_combo.currentData()
        return int(data) if data is not None else None

    def set_kind(self, kind: ImportKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def set_target(self, record_id: int) -> None:
        """Choose the meeting (registrations) or taskforce (actions) by id."""
        index = self.target_combo.findData(record_id)
        if index < 0:
            raise LookupError(f"{record_id} is not offered as a target")
        self.target_combo.setCurrentIndex(index)

    def set_skip_invalid(self, skip: bool) -> None:
        (self.skip_invalid_radio if skip else self.all_or_nothing_radio).setChecked(True)

    def mapping_combo(self, column: int) -> QComboBox:
        widget = self.mapping_table.cellWidget(column, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def set_column_field(self, column: int, key: str) -> None:
        """Import the file's *column* as field *key* (IGNORED to leave it out)."""
        combo = self.mapping_combo(column)
        index = combo.findData(key)
        if index < 0:
            raise LookupError(f"{self.kind} imports have no field {key!r}")
        combo.setCurrentIndex(index)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Spreadsheet to import"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"),
        )
        if name:
            self.load_file(Path(name))

    # --- loading and checking -------------------------------------------------

    def load_file(self, path: Path) -> None:
        """Read *path*, guess its kind (unless fixed) and columns, and check it."""
        self.path_edit.setText(str(path))
        self.import_result = None
        self.result_label.clear()
        try:
            # Any kind's headers find the header row; the kind is chosen after.
            table = read_table(path, is_header=lambda text: is_known_header(None, text))
        except (ResilianError, OSError) as error:
            self.table = self.preview = None
            self.outcomes = {}
            self.mapping_table.setRowCount(0)
            self._show_preview()
            self.summary_label.setText(str(error))
            self._update_buttons()
            return
        self.table = table
        if not self._fixed_kind:
            guessed = guess_kind(table.headers)
            if guessed is not None and guessed is not self.kind:
                self.kind_combo.blockSignals(True)
                self.set_kind(guessed)
                self.kind_combo.blockSignals(False)
                self._fill_targets(None, None)
        self._fill_mapping()
        self._revalidate()

    def _kind_changed(self) -> None:
        self._fill_targets(None, None)
        if self.table is not None:
            self._fill_mapping()
        self._revalidate()

    def _fill_targets(self, meeting_id: int | None, taskforce_id: int | None) -> None:

        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        kind = self.kind
        if kind is ImportKind.REGISTRATIONS:
            self.target_label.setText(self.tr("Meeting:"))
            since = dt.date.today() - dt.timedelta(days=366)
            rows = meetings.list_meetings(self.db, date_from=since)[:MAX_TARGETS]
            if meeting_id is not None and all(m.id != meeting_id for m in rows):
                rows.insert(0, meetings.get_meeting(self.db, meeting_id))
            for m in rows:
                self.target_combo.addItem(f"{m.date:%d/%m/%Y} — {m.title}", m.id)
            if meeting_id is not None:
                self.target_combo.setCurrentIndex(self.target_combo.findData(meeting_id))
        elif kind is ImportKind.ACTIONS:
            self.target_label.setText(self.tr("Taskforce:"))
            for t in taskforces.list_taskforces(self.db)[:MAX_TARGETS]:
                self.target_combo.addItem(t.name, t.id)
            if taskforce_id is not None:
                index = self.target_combo.findData(taskforce_id)
                if index < 0:
                    row = taskforces.get_taskforce(self.db, taskforce_id)
                    self.target_combo.insertItem(0, row.name, row.id)
                    index = 0
                self.target_combo.setCurrentIndex(index)
        needs_target = kind in (ImportKind.REGISTRATIONS, ImportKind.ACTIONS)
        self.target_label.setVisible(needs_target)
        self.target_combo.setVisible(needs_target)
        self.target_combo.setEnabled(needs_target and meeting_id is None and taskforce_id is None)
        self.target_combo.blockSignals(False)

    def _fill_mapping(self) -> None:
        table = self.table
        assert table is not None
        guessed = guess_mapping(self.kind, table.headers)
        self.mapping_table.setRowCount(len(table.headers))
        for column, key in enumerate(guessed):
            header = QTableWidgetItem(table.column_label(column))
            samples = QTableWidgetItem(" · ".join(table.samples(column)))
            self.mapping_table.setItem(column, 0, header)
            self.mapping_table.setItem(column, 1, samples)
            combo = QComboBox(self.mapping_table)
            combo.setObjectName(f"mapping_combo_{column}")
            combo.addItem(self.tr("— not imported —"), IGNORED)
            for spec in FIELDS[self.kind]:
                combo.addItem(_field_text(spec.key) + (" *" if spec.required else ""), spec.key)
            combo.setCurrentIndex(combo.findData(key))
            combo.currentIndexChanged.connect(self._revalidate)
            self.mapping_table.setCellWidget(column, 2, combo)
        self.mapping_table.resizeColumnToContents(0)
        self.mapping_table.resizeColumnToContents(2)

    def current_mapping(self) -> tuple[str, ...]:
        if self.table is None:
            return ()
        return tuple(
            str(self.mapping_combo(column).currentData())
            for column in range(len(self.table.headers))
        )

    def _revalidate(self) -> None:
        """Validate the rows with the current mapping, then check them against the database."""
        self.result_label.clear()
        if self.table is None:
            self._update_buttons()
            return
        self.preview = validate_table(self.kind, self.table, self.current_mapping())
        self.outcomes = {}
        if not self.preview.file_problems and self._target_ready():
            # A dry run: the import as it would go, rolled back; small files
            # take milliseconds, large ones show their progress. First without the
            # answers to probable duplicates, to find them.
            self.same_as = {}
            checked = self._apply(self.tr("Checking against the database…"), dry_run=True)
            if checked is not None:
                probable = probable_duplicates(checked.outcomes)
                self.same_as = probable if self.same_as_check.isChecked() else {}
                if self.same_as:
                    checked = self._apply(self.tr("Checking against the database…"), dry_run=True)
                self.same_as_check.setVisible(bool(probable))
                if checked is not None:
                    self.outcomes = {o.row: o for o in checked.outcomes}
        self._show_preview()
        self._update_buttons()

    def _apply(
        self, label: str, *, skip_invalid: bool = True, dry_run: bool = False
    ) -> ImportResult | None:
        """apply_import in a worker thread behind a progress dialog that appears after
        0.4 s; the ImportResult, or None when the officer cancelled (nothing written).
        Rows the officer said are existing records (self.same_as) are imported onto them."""

        preview = self.preview
        assert preview is not None
        meeting_id = self.target_id if self.kind is ImportKind.REGISTRATIONS else None
        taskforce_id = self.target_id if self.kind is ImportKind.ACTIONS else None
        same_as = dict(self.same_as)
        return run_with_progress(
            self,
            self.tr("Import"),
            lambda progress: apply_import(
                self.db,
                preview,
                meeting_id=meeting_id,
                taskforce_id=taskforce_id,
                skip_invalid=skip_invalid,
                dry_run=dry_run,
                same_as=same_as,
                progress=progress,
            ),
            label=label,
        )

    def _target_ready(self) -> bool:
        needs_target = self.kind in (ImportKind.REGISTRATIONS, ImportKind.ACTIONS)
        return not needs_target or self.target_id is not None

    def problem_rows(self) -> int:
        """Rows that would not be imported (file problems and database problems)."""
        if self.preview is None:
            return 0
        return sum(
            1
            for row in self.preview.rows
            if row.problems or (row.number in self.outcomes and self.outcomes[row.number].problems)
        )

    def _size_preview_columns(self) -> None:
        """Each column as wide as its contents and title, at most about thirty
        characters (the tooltip has the rest); the problems column wider."""
        view = self.preview_view
        view.resizeColumnsToContents()
        char = view.fontMetrics().horizontalAdvance("n")
        header = view.horizontalHeader()
        for column in range(self.preview_model.columnCount()):
            widest = (60 if column == PROBLEMS_COLUMN else 30) * char
            header.resizeSection(column, min(header.sectionSize(column), widest))

    def _show_preview(self) -> None:
        self.preview_model.set_preview(
            self.preview,
            self.outcomes,
            self._action_labels,
            (self.tr("Row"), self.tr("Outcome"), self.tr("Problems")),
            self.only_problems_check.isChecked(),
        )
        self._size_preview_columns()
        preview = self.preview
        if preview is None:
            return
        if preview.file_problems:
            self.summary_label.setText("\n".join(p.message for p in preview.file_problems))
            return
        counts = {
            action: sum(1 for o in self.outcomes.values() if o.action == action and not o.problems)
            for action in (CREATED, UPDATED, UNCHANGED)
        }
        ignored = preview.ignored_columns
        text = self.tr("%n row(s) read", "", len(preview.rows))
        text += " — " + self.tr("%n with problems", "", self.problem_rows())
        if self.outcomes:
            text += " — " + self.tr("new: %1, updates: %2, unchanged: %3").replace(
                "%1", str(counts[CREATED])
            ).replace("%2", str(counts[UPDATED])).replace("%3", str(counts[UNCHANGED]))
        elif not self._target_ready():
            text += " — " + self.tr("choose where to import")
        if ignored:
            text += "\n" + self.tr("Columns not imported: %1").replace("%1", ", ".join(ignored))
        self.summary_label.setText(text)

    def _update_buttons(self) -> None:
        ready = (
            self.preview is not None
            and not self.preview.file_problems
            and bool(self.preview.rows)
            and self._target_ready()
            and self.import_result is None
        )
        if ready and self.all_or_nothing_radio.isChecked() and self.problem_rows():
            ready = False
            self.import_button.setToolTip(
                self.tr("Some rows have problems: correct the file, or import the valid rows only")
            )
        else:
            self.import_button.setToolTip("")
        self.import_button.setEnabled(ready)

    # --- import ---------------------------------------------------------------

    def run_import(self) -> ImportResult | None:
        """Import with the chosen mode; returns the result, None when rejected."""
        if self.preview is None:
            return None
        try:
            result = self._apply(
                self.tr("Importing…"), skip_invalid=self.skip_invalid_radio.isChecked()
            )
        except ImportRejected as rejected:
            self.outcomes = {o.row: o for o in rejected.result.outcomes}
            self._show_preview()
            self.result_label.setText(
                self.tr("Nothing was imported: %n problem(s).", "", len(rejected.problems))
            )
            return None
        except ResilianError as error:
            self.result_label.setText(str(error))
            return None
        if result is None:
            self.result_label.setText(self.tr("Import cancelled: nothing was written."))
            return None
        self.import_result = result
        self.outcomes = {o.row: o for o in result.outcomes}
        self._show_preview()
        self.result_label.setText(self._result_text(result))
        self._update_buttons()
        self.imported.emit(result)
        return result

    def _result_text(self, result: ImportResult) -> str:
        text = (
            self.tr("Imported: %1 new, %2 updated, %3 unchanged, %4 left out.")
            .replace("%1", str(result.created))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.unchanged))
            .replace("%4", str(result.skipped))
        )
        if result.kind is ImportKind.REGISTRATIONS:
            text += " " + self.tr("%n added to the meeting.", "", result.attendance_added)
        if result.organisations_created:
            text += " " + self.tr('Organisations created (kind "other", to check): %1').replace(
                "%1", ", ".join(result.organisations_created)
            )
        return text


def run_import_dialog(
    db: Database,
    parent: QWidget | None = None,
    *,
    kind: ImportKind | None = None,
    meeting_id: int | None = None,
    taskforce_id: int | None = None,
    path: Path | None = None,
) -> ImportResult | None:
    """Show the import dialog modally; the result of the import, or None when nothing was."""
    dialog = ImportDialog(
        db, parent, kind=kind, meeting_id=meeting_id, taskforce_id=taskforce_id, path=path
    )
    dialog.exec()
    result = dialog.import_result
    dialog.deleteLater()
    return result


__all__: Sequence[str] = ("ImportDialog", "PreviewModel", "run_import_dialog")
