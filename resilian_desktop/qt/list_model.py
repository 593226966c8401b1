"""A lazy table model over services.listings: pages fetched from SQL as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from resilian_desktop.db.engine import Database
from resilian_desktop.domain import formats
from resilian_desktop.qt.labels import language
from resilian_desktop.qt.rows_model import display
from resilian_desktop.qt.widgets import MUTED_COLOUR
from resilian_desktop.services import listings
from resilian_desktop.services.listings import NO_FILTERS, ListFilters, ListSpec

PAGE_SIZE = 200
_ROLES_SERVED = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ToolTipRole,
)
Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class LazyListModel(QAbstractTableModel):
    """Rows of one list, fetched PAGE_SIZE at a time, sorted and filtered in SQL.

    Display strings are computed once per fetched row: views ask data() for
    every visible cell and several roles at each repaint.
    """

    def __init__(
        self, db: Database, spec: ListSpec, labels: dict[str, str], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._spec = spec
        self._labels = labels  # code -> word in the interface language
        self._ids: list[int] = []
        self._open_ids: list[int] = []
        self._archived: set[int] = set()  # rows of archived records, shown greyed
        self._cells: list[tuple[str, ...]] = []
        self._numeric = [False] * len(spec.columns)
        lang = self._lang = language()
        # Values written their own way (domain.formats), whatever their type.
        special: dict[str, Callable[[Any], str]] = {
            "siret": lambda v: formats.siret(str(v)),
            "progress": lambda v: formats.percent(int(v), lang),
        }
        self._special = [special.get(column.key) for column in spec.columns]
        self._total = 0
        self._sort_key: str | None = None
        self._descending: bool | None = None  # None: the list's own default order
        self._filter = ""
        self._filters = NO_FILTERS
        self._italic = QFont()
        self._italic.setItalic(True)
        self.reload()

    # --- what the view asks -------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._spec.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES_SERVED or not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text of a cell the column may cut.
            text = self._cells[index.row()][index.column()]
            return text if len(text) > 12 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self._numeric[index.column()] else None
        if index.row() not in self._archived:
            return None
        return MUTED_COLOUR if role == Qt.ItemDataRole.ForegroundRole else self._italic

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return QApplication.translate("ListColumns", self._spec.columns[section].title)
        return str(section + 1)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._ids) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        rows = self._fetch(len(self._ids))
        if not rows:
            self._total = len(self._ids)
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._append(rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._spec.columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == self._effective_sort():
            # The view asks again when sorting is enabled or its header restored:
            # the rows are in that order already, so no second query.
            return
        self._sort_key = key
        self._descending = descending
        self.reload()

    def _effective_sort(self) -> tuple[str, bool]:
        if self._sort_key is None:
            return self._spec.default_sort, self._spec.default_descending
        return self._sort_key, bool(self._descending)

    # --- what the window asks -----------------------------------------------

    def default_sort(self) -> tuple[int, Qt.SortOrder]:
        """The column and order the rows come in before the user sorts."""
        keys = [c.key for c in self._spec.columns]
        order = (
            Qt.SortOrder.DescendingOrder
            if self._spec.default_descending
            else Qt.SortOrder.AscendingOrder
        )
        return keys.index(self._spec.default_sort), order

    @property
    def total(self) -> int:
        return self._total

    @property
    def spec(self) -> ListSpec:
        return self._spec

    @property
    def filters(self) -> ListFilters:
        return self._filters

    @property
    def filter_text(self) -> str:
        return self._filter

    def record_id(self, row: int) -> int:
        return self._ids[row]

    def open_id(self, row: int) -> int:
        """The id of the record a double click on *row* opens (see ListSpec.opens)."""
        return self._open_ids[row]

    def is_archived(self, row: int) -> bool:
        return row in self._archived

    def row_of(self, record_id: int) -> int:
        """The row showing *record_id* among the rows fetched, or -1."""
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def set_filter(self, text: str) -> None:
        if text != self._filter:
            self._filter = text
            self.reload()

    def set_filters(self, filters: ListFilters) -> None:
        if filters != self._filters:
            self._filters = filters
            self.reload()

    def reload(self) -> None:
        """Fetch again from the first page, keeping the sort and the filters."""
        self.beginResetModel()
        self._ids.clear()
        self._open_ids.clear()
        self._archived.clear()
        self._cells.clear()
        self._total = listings.count_rows(
            self._db, self._spec.name, filter_text=self._filter, filters=self._filters
        )
        self._append(self._fetch(0))
        self.endResetModel()

    def _fetch(self, offset: int) -> list[listings.ListRow]:
        return listings.fetch_page(
            self._db,
            self._spec.name,
            offset=offset,
            limit=PAGE_SIZE,
            sort_key=self._sort_key,
            descending=self._descending,
            filter_text=self._filter,
            filters=self._filters,
        )

    def _cell(self, column: int, value: Any) -> str:
        special = self._special[column]
        if value is not None and special is not None:
            return special(value)
        if isinstance(value, str):
            return self._labels.get(value, value)
        return display(value, lang=self._lang)

    def _append(self, rows: list[listings.ListRow]) -> None:
        for row in rows:
            if row.archived:
                self._archived.add(len(self._ids))
            self._ids.append(row.id)
            self._open_ids.append(row.open_id if row.open_id is not None else row.id)
            self._cells.append(tuple(self._cell(i, v) for i, v in enumerate(row.values)))
            for i, value in enumerate(row.values):
                if isinstance(value, int) and not isinstance(value, bool):
                    self._numeric[i] = True
