"""Finding records while typing: the completer behind the global search and the
record lookups of the forms, and a dialog to choose several records from a list."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any, cast

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from resilian_desktop.db.engine import Database
from resilian_desktop.domain.errors import FieldProblem
from resilian_desktop.domain.formats import contact_name
from resilian_desktop.qt.context import ORGANISATION
from resilian_desktop.qt.forms.ui_record_picker_dialog import Ui_RecordPickerDialog
from resilian_desktop.qt.labels import code_labels
from resilian_desktop.qt.list_model import LazyListModel
from resilian_desktop.qt.screen import fit_to_screen
from resilian_desktop.qt.widgets import setup_form, setup_table, size_columns
from resilian_desktop.services import listings, programmes
from resilian_desktop.services.listings import SPECS, ListFilters
from resilian_desktop.services.search import SearchHit

SEARCH_DELAY_MS = 200
_KIND_ROLE = Qt.ItemDataRole.UserRole + 1
_ID_ROLE = Qt.ItemDataRole.UserRole + 2
_LABEL_ROLE = Qt.ItemDataRole.UserRole + 3


class SearchCompleter(QObject):
    """Search hits offered under a line edit as the user types (debounced).

    The popup is driven here rather than by QLineEdit's own completion so the
    choices come from the full-text index, not from prefix matching.
    """

    chosen = Signal(str, int, str)  # kind, id, label

    def __init__(
        self,
        edit: QLineEdit,
        search: Callable[[str], Sequence[SearchHit]],
        describe: Callable[[SearchHit], str] | None = None,
    ) -> None:
        super().__init__(edit)
        self.edit = edit
        self._search = search
        self._describe = describe or (lambda hit: hit.label)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setWidget(edit)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        # activated is overloaded (text, index); PySide's stubs do not type the index form.
        cast(Any, self.completer.activated)[QModelIndex].connect(self._activated)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        edit.textEdited.connect(lambda _text: self.timer.start())
        edit.returnPressed.connect(self._return_pressed)

    def popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None  # QCompleter makes its popup when it is constructed
        return popup

    def hits(self) -> list[tuple[str, int, str]]:
        """The choices offered now: (kind, id, label)."""
        return [
            (
                str(self.model.item(i).data(_KIND_ROLE)),
                int(self.model.item(i).data(_ID_ROLE)),
                str(self.model.item(i).data(_LABEL_ROLE)),
            )
            for i in range(self.model.rowCount())
        ]

    def refresh(self) -> None:
        """Search the text typed and show the popup of hits."""
        self.timer.stop()
        text = self.edit.text()
        hits = self._search(text) if text.strip() else []
        self.model.clear()
        for hit in hits:
            item = QStandardItem(self._describe(hit))
            item.setEditable(False)
            item.setData(hit.type, _KIND_ROLE)
            item.setData(hit.id, _ID_ROLE)
            item.setData(hit.label, _LABEL_ROLE)
            self.model.appendRow(item)
        popup = self.popup()
        if hits and self.edit.hasFocus():
            self.completer.complete()
            popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        else:
            popup.hide()

    def choose(self, row: int) -> None:
        """Take the hit at *row* (what Enter on a line of the popup does)."""
        item = self.model.item(row)
        self.popup().hide()
        self.chosen.emit(
            str(item.data(_KIND_ROLE)), int(item.data(_ID_ROLE)), str(item.data(_LABEL_ROLE))
        )

    def _activated(self, index: QModelIndex) -> None:
        self.choose(index.row())

    def _return_pressed(self) -> None:
        # Enter in the field itself takes the best hit, searching first if needed.
        if self.timer.isActive() or self.model.rowCount() == 0:
            self.refresh()
        if self.model.rowCount():
            self.choose(0)


class RecordLookup(QLineEdit):
    """A field naming one record (an organisation, a person), found by typing.

    ``record_id`` is None until a record is chosen from the list offered;
    typing again forgets the choice, so a name typed but never chosen is
    detected by ``is_unresolved`` and reported next to the field.
    """

    record_changed = Signal(object)  # int | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.record_id: int | None = None
        self._chosen_label = ""
        self._db: Database | None = None
        self._kind = ""
        self.search: SearchCompleter | None = None
        self.textEdited.connect(self._edited)
        self.textChanged.connect(self._cleared)

    def configure(self, db: Database, kind: str, placeholder: str = "") -> None:
        """Search records of *kind* ("organisation", "person") in *db*."""
        self._db = db
        self._kind = kind
        if placeholder:
            self.setPlaceholderText(placeholder)
        self.search = SearchCompleter(self, lambda text: listings.find(db, text, kind=kind))
        self.search.chosen.connect(lambda _kind, rid, text: self.set_record(rid, text))

    def set_record(self, record_id: int | None, text: str = "") -> None:
        changed = record_id != self.record_id
        self.record_id = record_id
        self._chosen_label = text if record_id is not None else ""
        self.blockSignals(True)
        self.setText(self._chosen_label)
        self.blockSignals(False)
        if changed:
            self.record_changed.emit(record_id)

    def is_unresolved(self) -> bool:
        """Text typed that names no chosen record."""
        return bool(self.text().strip()) and self.record_id is None

    def _edited(self, _text: str) -> None:
        if self.record_id is not None:
            self.record_id = None
            self.record_changed.emit(None)

    def _cleared(self, text: str) -> None:
        # The clear button empties the text without textEdited.
        if not text and self.record_id is not None:
            self.record_id = None
            self.record_changed.emit(None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Down arrow opens the choices without typing more.
        if (
            event.key() == Qt.Key.Key_Down
            and self.search is not None
            and not self.search.popup().isVisible()
        ):
            self.search.refresh()
            return
        super().keyPressEvent(event)


def unchosen(lookups: Mapping[str, RecordLookup]) -> list[FieldProblem]:
    """A problem for each field (by name) holding a name typed but never chosen."""
    return [
        FieldProblem(field, "not_chosen", "choose from the list offered")
        for field, lookup in lookups.items()
        if lookup.is_unresolved()
    ]


class RecordPickerDialog(QDialog):
    """Choose records from a searchable list (contacts, organisations) into a basket.

    The basket keeps what was added across searches and filters (twelve people
    from six companies in one visit); the filters narrow the list by
    organisation and topic; people who left or whose organisation is archived
    are marked. Accepting takes the basket, and the lines selected in the list.
    """

    def __init__(
        self,
        db: Database,
        list_name: str,
        *,
        title: str,
        accept_text: str,
        filters: ListFilters | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RecordPickerDialog()
        setup_form(self.ui, self)
        self.setWindowTitle(title)
        self.db = db
        self.list_name = list_name
        self.accept_text = accept_text
        self.base_filters = filters or ListFilters()
        self.model = LazyListModel(db, SPECS[list_name], code_labels(), self)
        self.model.set_filters(self.base_filters)
        self.ui.table.setModel(self.model)
        setup_table(self.ui.table, multi=True)
        size_columns(
            self.ui.table,
            [16, 14, 26, 24, 26, 14, 14] if list_name == "contacts" else [32, 20, 18, 9, 16, 9],
            stretch=2 if list_name == "contacts" else 0,
        )
        if list_name == "contacts":
            # Email and phone do not help choose; whether the person is still
            # there does. Both come back from the column titles' menu.
            keys = [column.key for column in SPECS[list_name].columns]
            for key in ("email", "phone"):
                self.ui.table.horizontalHeader().setSectionHidden(keys.index(key), True)
        self.ui.hint_label.setText(
            self.tr(
                "Search, filter, select lines and press Add to the selection (or double-click): "
                "the selection is kept from one search to the next."
            )
        )
        self.ok_button = self.ui.button_box.button(self.ui.button_box.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self._build_filters()
        self._build_basket()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.model.set_filter(self.ui.search_edit.text()))
        self.ui.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.ui.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.ui.table.doubleClicked.connect(lambda _index: self.add_selected())
        self.model.modelReset.connect(self._show_count)
        self._show_count()
        fit_to_screen(self, 1100, 620)
        self.ui.search_edit.setFocus()

    # --- building -------------------------------------------------------------

    def _build_filters(self) -> None:
        """Organisation (for contacts) and topic choosers beside the search field."""

        row = self.ui.search_layout
        self.organisation_lookup: RecordLookup | None = None
        if self.list_name == "contacts":
            lookup = RecordLookup(self)
            lookup.setObjectName("organisation_filter")
            lookup.configure(self.db, ORGANISATION, self.tr("Organisation…"))
            lookup.setClearButtonEnabled(True)
            lookup.record_changed.connect(lambda _id: self._apply_filters())
            lookup.textChanged.connect(lambda text: self._apply_filters() if not text else None)
            row.insertWidget(1, lookup, 1)
            row.setStretch(0, 2)  # the search field first
            self.organisation_lookup = lookup
        self.topic_combo = QComboBox(self)
        self.topic_combo.setObjectName("topic_filter")
        self.topic_combo.addItem(self.tr("All topics"), None)
        for topic in programmes.list_topics(self.db):
            self.topic_combo.addItem(topic.name, topic.id)
        self.topic_combo.currentIndexChanged.connect(lambda _i: self._apply_filters())
        row.insertWidget(row.count() - 1, self.topic_combo)

    def _build_basket(self) -> None:
        """The basket to the right of the list, with Add and Remove."""
        self.basket = QListWidget(self)
        self.basket.setObjectName("basket_list")
        self.basket.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.basket_label = QLabel(self)
        self.basket_label.setObjectName("basket_label")
        self.basket_label.setBuddy(self.basket)
        self.add_button = QPushButton(self.tr("&Add to the selection →"), self)
        self.add_button.setObjectName("add_to_basket_button")
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button = QPushButton(self.tr("&Remove from the selection"), self)
        self.remove_button.setObjectName("remove_from_basket_button")
        self.remove_button.clicked.connect(self.remove_chosen)
        self.remove_button.setEnabled(False)
        self.basket.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.basket.selectedItems()))
        )
        self.basket.itemDoubleClicked.connect(lambda _item: self.remove_chosen())
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.add_button)
        side_layout.addWidget(self.basket_label)
        side_layout.addWidget(self.basket, 1)
        side_layout.addWidget(self.remove_button)
        splitter = QSplitter(self)
        splitter.setObjectName("picker_splitter")
        layout = self.ui.main_layout
        index = layout.indexOf(self.ui.table)
        layout.removeWidget(self.ui.table)
        splitter.addWidget(self.ui.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        layout.insertWidget(index, splitter, 1)
        self._show_basket()

    # --- behaviour ------------------------------------------------------------

    def _apply_filters(self) -> None:
        lookup = self.organisation_lookup
        organisation_id = lookup.record_id if lookup is not None and lookup.text() else None
        topic = self.topic_combo.currentData()
        self.model.set_filters(
            replace(
                self.base_filters,
                organisation_id=organisation_id,
                topic_id=int(topic) if topic is not None else None,
            )
        )

    def _show_count(self) -> None:
        self.ui.count_label.setText(self.tr("%n found", "", self.model.total))
        self._selection_changed()

    def _selection_changed(self) -> None:
        count = len(self.ui.table.selectionModel().selectedRows())
        self.add_button.setEnabled(count > 0)
        self.ui.selection_label.setText(self.tr("%n selected", "", count) if count else "")
        self._update_ok()

    def _label_of(self, row: int) -> str:
        """How a line reads in the basket: "Élise Muller — Fonderie…", marked when gone."""

        def cell(key: str) -> str:
            keys = [column.key for column in self.model.spec.columns]
            return str(self.model.index(row, keys.index(key)).data() or "") if key in keys else ""

        if self.list_name == "contacts":
            text = contact_name(cell("first_name"), cell("last_name"))
            if cell("organisation"):
                text += f" — {cell('organisation')}"
            if cell("state"):
                text += f" ({cell('state')})"
            return text
        return cell("name")

    def add_selected(self) -> int:
        """Put the lines selected in the list into the basket; returns how many were new."""
        rows = sorted(index.row() for index in self.ui.table.selectionModel().selectedRows())
        chosen = set(self.basket_ids())
        added = 0
        for row in rows:
            record_id = self.model.record_id(row)
            if record_id in chosen:
                continue
            item = QListWidgetItem(self._label_of(row))
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            item.setToolTip(item.text())
            self.basket.addItem(item)
            chosen.add(record_id)
            added += 1
        self.ui.table.clearSelection()
        self._show_basket()
        return added

    def remove_chosen(self) -> None:
        for item in self.basket.selectedItems():
            self.basket.takeItem(self.basket.row(item))
        self._show_basket()

    def basket_ids(self) -> list[int]:
        return [
            int(self.basket.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.basket.count())
        ]

    def _show_basket(self) -> None:
        count = self.basket.count()
        self.basket_label.setText(self.tr("&Selection (%n)", "", count))
        self._update_ok()

    def _update_ok(self) -> None:
        count = len(self.selected_ids())
        self.ok_button.setEnabled(count > 0)
        self.ok_button.setText(f"{self.accept_text} ({count})" if count else self.accept_text)

    def selected_ids(self) -> list[int]:
        """The basket, then the lines still selected in the list (each once)."""
        ids = self.basket_ids()
        rows = sorted(index.row() for index in self.ui.table.selectionModel().selectedRows())
        for row in rows:
            record_id = self.model.record_id(row)
            if record_id not in ids:
                ids.append(record_id)
        return ids
