"""Finding records while typing: the completer behind the global search and the
record lookups of the forms, and a dialog to choose several records from a list."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QDialog, QLineEdit, QWidget

from resilian_desktop.db.engine import Database
from resilian_desktop.domain.errors import FieldProblem
from resilian_desktop.qt.forms.ui_record_picker_dialog import Ui_RecordPickerDialog
from resilian_desktop.qt.labels import code_labels
from resilian_desktop.qt.list_model import LazyListModel
from resilian_desktop.qt.widgets import setup_form, setup_table, size_columns
from resilian_desktop.services import listings
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
    """Choose one or more records from a searchable list (contacts, organisations)."""

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
        self.model = LazyListModel(db, SPECS[list_name], code_labels(), self)
        if filters is not None:
            self.model.set_filters(filters)
        self.ui.table.setModel(self.model)
        setup_table(self.ui.table, multi=True)
        size_columns(
            self.ui.table,
            [18, 16, 30, 28, 30, 16] if list_name == "contacts" else [36, 22, 20, 9, 16, 9],
        )
        self.ok_button = self.ui.button_box.button(self.ui.button_box.StandardButton.Ok)
        self.ok_button.setText(accept_text)
        self.ok_button.setEnabled(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.model.set_filter(self.ui.search_edit.text()))
        self.ui.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.ui.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.ui.table.doubleClicked.connect(lambda _index: self.accept())
        self.model.modelReset.connect(self._show_count)
        self._show_count()
        self.ui.search_edit.setFocus()

    def _show_count(self) -> None:
        self.ui.count_label.setText(self.tr("%n found", "", self.model.total))
        self._selection_changed()

    def _selection_changed(self) -> None:
        count = len(self.ui.table.selectionModel().selectedRows())
        self.ok_button.setEnabled(count > 0)
        self.ui.selection_label.setText(self.tr("%n selected", "", count) if count else "")

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.ui.table.selectionModel().selectedRows())
        return [self.model.record_id(row) for row in rows]
