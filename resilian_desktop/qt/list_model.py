"""A lazy table model over services.listings: pages fetched from SQL as the view scrolls."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication

from resilian_desktop.db.engine import Database
from resilian_desktop.services import listings
from resilian_desktop.services.listings import ListSpec

PAGE_SIZE = 200
_ROLES_SERVED = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole)
Index = QModelIndex | QPersistentModelIndex


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u202f")
    return str(value)


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
        self._cells: list[tuple[str, ...]] = []
        self._numeric = [False] * len(spec.columns)
        self._total = 0
        self._sort_key: str | None = None
        self._descending: bool | None = None  # None: the list's own default order
        self._filter = ""
        self.reload()

    # --- what the view asks -------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._spec.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES_SERVED or not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self._numeric[index.column()]:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        return self._cells[index.row()][index.column()]

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
        self._sort_key = self._spec.columns[column].key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

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

    def record_id(self, row: int) -> int:
        return self._ids[row]

    def set_filter(self, text: str) -> None:
        if text != self._filter:
            self._filter = text
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids.clear()
        self._cells.clear()
        self._total = listings.count_rows(self._db, self._spec.name, filter_text=self._filter)
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
        )

    def _append(self, rows: list[listings.ListRow]) -> None:
        for row in rows:
            self._ids.append(row.id)
            self._cells.append(
                tuple(
                    self._labels.get(v, v) if isinstance(v, str) else _display(v)
                    for v in row.values
                )
            )
            for i, value in enumerate(row.values):
                if isinstance(value, int) and not isinstance(value, bool):
                    self._numeric[i] = True
