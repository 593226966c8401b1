"""One list of the main window: a debounced filter, choosers for kind, status,
topic, year and programme, "show archived", and a lazy table."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from resilian_desktop.qt.context import CONTACT, PROGRAMME, TOPIC, AppContext
from resilian_desktop.qt.labels import (
    MEETING_KINDS,
    MEETING_STATUSES,
    ORGANISATION_KINDS,
    TASKFORCE_STATUSES,
    code_labels,
    label,
)
from resilian_desktop.qt.list_model import LazyListModel
from resilian_desktop.qt.widgets import muted, setup_table, size_columns
from resilian_desktop.services import listings, programmes
from resilian_desktop.services.listings import SPECS, ListFilters, ListSpec

FILTER_DELAY_MS = 250
COLUMN_CHARS = {
    "name": 36,
    "title": 48,
    "kind": 18,
    "commune": 20,
    "postcode": 9,
    "siret": 16,
    "headcount": 9,
    "last_name": 18,
    "first_name": 16,
    "organisation": 30,
    "job_title": 28,
    "email": 30,
    "phone": 16,
    "date": 11,
    "venue": 22,
    "status": 12,
    "invited": 8,
    "present": 8,
    "lead": 30,
    "start_date": 11,
    "taskforce": 30,
    "position": 4,
    "owner": 26,
    "due_date": 11,
    "progress": 9,
    "meeting": 40,
    "state": 16,
    "members": 7,
    "late": 7,
    "next_meeting": 11,
}


# The column that takes the room left in each list: its main text.
STRETCHED = ("title", "name", "meeting", "organisation")


def size_list_columns(table: QTableView, spec: ListSpec) -> None:
    """Widths from typical contents, in characters: measuring 150,000 rows
    with resizeColumnsToContents would take seconds."""
    keys = [column.key for column in spec.columns]
    stretch = next((keys.index(key) for key in STRETCHED if key in keys), None)
    # A meeting's title ends with what tells it apart ("— réunion n° 8"), its
    # venue with the commune: cut in the middle.
    elide = Qt.TextElideMode.ElideMiddle if spec.name == "meetings" else Qt.TextElideMode.ElideRight
    size_columns(table, [COLUMN_CHARS.get(key, 14) for key in keys], stretch=stretch, elide=elide)


class ListPage(QWidget):
    """A filter field, filter choosers, a count and a table of one list."""

    record_activated = Signal(str, int)  # record kind, id
    new_requested = Signal(str)  # record kind

    def __init__(self, ctx: AppContext, list_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list_name = list_name
        self.spec = SPECS[list_name]
        self.model = LazyListModel(ctx.db, self.spec, code_labels(), self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName(f"{list_name}_filter_edit")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter (accents and case ignored)…"))
        # The filter is the list's main tool: the choosers beside it never squeeze it.
        self.filter_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 22))
        self.count_label = QLabel(self)
        self.count_label.setObjectName(f"{list_name}_count_label")
        self.new_button = QPushButton(self._new_text(), self)
        self.new_button.setObjectName(f"{list_name}_new_button")
        self.new_button.clicked.connect(lambda: self.new_requested.emit(self.spec.opens))

        self.kind_combo: QComboBox | None = None
        self.status_combo: QComboBox | None = None
        self.topic_combo: QComboBox | None = None
        self.year_combo: QComboBox | None = None
        self.programme_combo: QComboBox | None = None
        self.archived_check: QCheckBox | None = None
        choosers = self._build_choosers()

        self.table = QTableView(self)
        self.table.setObjectName(f"{list_name}_table")
        self.table.setModel(self.model)
        setup_table(self.table, multi=False)
        header = self.table.horizontalHeader()
        header.setSortIndicator(*self.model.default_sort())
        self.table.setSortingEnabled(True)
        size_list_columns(self.table, self.spec)
        state = QSettings().value(f"lists/{list_name}/header")
        if isinstance(state, QByteArray):
            header.restoreState(state)
        # Enter and double click (the platform's "activate") open the record.
        self.table.activated.connect(lambda index: self.activate_row(index.row()))

        # Shown instead of the table when the list is empty.
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName(f"{list_name}_empty_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        muted(self.empty_label)
        self.body = QStackedLayout()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty_label)

        # Debounce: one SQL query when typing pauses, not one per keystroke.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._filter_timer.start)

        # Two rows: the filter, the count and "New" above; the choosers below,
        # so that six of them fit a 1366-pixel screen in French.
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.new_button)
        chooser_row = QHBoxLayout()
        for widget in choosers:
            chooser_row.addWidget(widget)
        chooser_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        if choosers:
            layout.addLayout(chooser_row)
        layout.addLayout(self.body, 1)
        self.model.modelReset.connect(self._show_count)
        self._show_count()
        ctx.changed.connect(self._records_changed)

    def _new_text(self) -> str:
        return {
            "organisations": self.tr("New organisation"),
            "contacts": self.tr("New contact"),
            "meetings": self.tr("New meeting"),
            "taskforces": self.tr("New taskforce"),
        }.get(self.list_name, self.tr("New"))

    def _combo(self, name: str, everything: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"{self.list_name}_{name}_combo")
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        _fit(combo)
        combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        return combo

    def _build_choosers(self) -> list[QWidget]:
        widgets: list[QWidget] = []
        filters = self.spec.filters
        db = self.ctx.db
        if listings.KIND in filters:
            kinds = MEETING_KINDS if self.list_name == "meetings" else ORGANISATION_KINDS
            everything = (
                self.tr("All kinds")
                if self.list_name != "contacts"
                else self.tr("All organisations")
            )
            self.kind_combo = self._combo("kind", everything, [(label(k), k) for k in kinds])
            widgets.append(self.kind_combo)
        if listings.STATUS in filters:
            if self.list_name == "contacts":
                items: list[tuple[str, object]] = [
                    (self.tr("Elected officials"), "elected_official"),
                    (self.tr("Inactive contacts"), "inactive"),
                ]
                everything = self.tr("All contacts")
            else:
                codes = MEETING_STATUSES if self.list_name == "meetings" else TASKFORCE_STATUSES
                items = [(label(c), c) for c in codes]
                everything = self.tr("All statuses")
            self.status_combo = self._combo("status", everything, items)
            widgets.append(self.status_combo)
        if listings.TOPIC in filters:
            self.topic_combo = self._combo(
                "topic",
                self.tr("All topics"),
                [(t.name, t.id) for t in programmes.list_topics(db)],
            )
            widgets.append(self.topic_combo)
        if listings.YEAR in filters:
            self.year_combo = self._combo(
                "year", self.tr("All years"), [(str(y), y) for y in listings.meeting_years(db)]
            )
            widgets.append(self.year_combo)
        if listings.PROGRAMME in filters:
            choices = programmes.list_programmes(db)
            self.programme_combo = self._combo(
                "programme", self.tr("All programmes"), [(p.name, p.id) for p in choices]
            )
            # One programme (the usual case) needs no chooser.
            self.programme_combo.setVisible(len(choices) > 1)
            widgets.append(self.programme_combo)
        if listings.ARCHIVED in filters:
            self.archived_check = QCheckBox(self.tr("Show archived"), self)
            self.archived_check.setObjectName(f"{self.list_name}_archived_check")
            self.archived_check.toggled.connect(lambda _on: self.apply_filters())
            widgets.append(self.archived_check)
        return widgets

    def current_filters(self) -> ListFilters:
        def data(combo: QComboBox | None) -> object:
            return combo.currentData() if combo is not None else None

        kind, status, topic, year, programme = (
            data(self.kind_combo),
            data(self.status_combo),
            data(self.topic_combo),
            data(self.year_combo),
            data(self.programme_combo),
        )
        return ListFilters(
            kind=str(kind) if kind else None,
            status=str(status) if status else None,
            topic_id=int(str(topic)) if topic is not None else None,
            year=int(str(year)) if year is not None else None,
            programme_id=int(str(programme)) if programme is not None else None,
            show_archived=self.archived_check is not None and self.archived_check.isChecked(),
        )

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.filter_edit.text())

    def apply_filters(self) -> None:
        self.model.set_filters(self.current_filters())

    def filters_active(self) -> bool:
        return bool(self.filter_edit.text().strip()) or self.current_filters() != ListFilters()

    def _show_count(self) -> None:
        total = self.model.total
        self.count_label.setText(self.tr("%n record(s)", "", total))
        if total:
            self.body.setCurrentWidget(self.table)
            return
        if self.filters_active():
            self.empty_label.setText(self.tr("Nothing matches these filters."))
        else:
            self.empty_label.setText(
                {
                    "organisations": self.tr(
                        "No organisation yet.\n"
                        "Create the first one with “New organisation” (Ctrl+N)."
                    ),
                    "contacts": self.tr(
                        "No contact yet.\nCreate the first one with “New contact” (Ctrl+N)."
                    ),
                    "meetings": self.tr(
                        "No meeting yet.\nCreate the first one with “New meeting” (Ctrl+N)."
                    ),
                    "taskforces": self.tr(
                        "No taskforce yet.\nCreate the first one with “New taskforce” (Ctrl+N)."
                    ),
                }.get(self.list_name, "")
            )
        self.body.setCurrentWidget(self.empty_label)

    def _records_changed(self, kinds: list[str]) -> None:
        if TOPIC in kinds and self.topic_combo is not None:
            topics = programmes.list_topics(self.ctx.db)
            self._refill(self.topic_combo, [(t.name, t.id) for t in topics])
        if PROGRAMME in kinds and self.programme_combo is not None:
            choices = programmes.list_programmes(self.ctx.db)
            self._refill(self.programme_combo, [(p.name, p.id) for p in choices])
            self.programme_combo.setVisible(len(choices) > 1)
        if self.spec.opens in kinds or (self.list_name == "meetings" and CONTACT in kinds):
            self.reload(keep_selection=True)

    def _refill(self, combo: QComboBox, items: list[tuple[str, object]]) -> None:
        """New choices for a filter (topics or programmes edited), keeping the one chosen
        when it still exists; the list is filtered again only when it does not."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        everything = combo.itemText(0)
        combo.clear()
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        _fit(combo)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if index < 0:
            self.apply_filters()

    def reload(self, *, keep_selection: bool = False) -> None:
        selected = self.selected_id() if keep_selection else None
        self.model.reload()
        if selected is not None:
            self.select_record(selected)

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return self.model.record_id(row) if row >= 0 else None

    def select_record(self, record_id: int) -> bool:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def activate_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.record_activated.emit(self.spec.opens, self.model.open_id(row))

    def save_state(self) -> None:
        QSettings().setValue(
            f"lists/{self.list_name}/header", self.table.horizontalHeader().saveState()
        )


def _fit(combo: QComboBox) -> None:
    """At most about sixteen characters wide, so that the choosers and the filter
    fit a 1366-pixel laptop screen; the open list shows whole names."""
    longest = max((len(combo.itemText(i)) for i in range(combo.count())), default=0)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(min(16, longest))
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
