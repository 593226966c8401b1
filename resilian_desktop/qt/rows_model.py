"""A small table model over a list of frozen rows (histories, members, linked meetings).

These lists hold at most a few hundred rows, loaded whole; the big lists use
LazyListModel instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from resilian_desktop.domain import formats
from resilian_desktop.domain.formats import Language
from resilian_desktop.qt.labels import label, language

Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column:
    """One column: its title (translated) and how to get its value from a row."""

    title: str
    value: Callable[[Any], object]
    is_code: bool = False  # a vocabulary code, shown as its translated word


def display(value: object, *, is_code: bool = False, lang: Language | None = None) -> str:
    """*value* as a cell shows it; *lang*, when the caller has it, spares asking
    the locale again for every cell."""
    if value is None:
        return ""
    if is_code and isinstance(value, str):
        return label(value)
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, dt.date):
        return formats.short_date(value, lang or language())
    if isinstance(value, int):
        return formats.integer(value, lang or language())
    if isinstance(value, float):
        return formats.decimal(value, 1, lang or language())
    return str(value)


class RowsModel(QAbstractTableModel):
    """Rows shown whole; display strings computed once when the rows are set."""

    def __init__(
        self,
        columns: Sequence[Column],
        parent: Any = None,
        *,
        colour: Callable[[Any], QColor | None] | None = None,
        bold: Callable[[Any], bool] | None = None,
        tooltip: Callable[[Any], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []
        self._cells: list[tuple[str, ...]] = []
        self._numeric = [False] * len(self._columns)
        self._colour = colour
        self._bold = bold
        self._tooltip = tooltip
        self._bold_font = QFont()
        self._bold_font.setBold(True)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = []
        lang = language()
        for row in self._rows:
            values = [c.value(row) for c in self._columns]
            for i, v in enumerate(values):
                if isinstance(v, int) and not isinstance(v, bool):
                    self._numeric[i] = True
            self._cells.append(
                tuple(
                    display(v, is_code=c.is_code, lang=lang)
                    for v, c in zip(values, self._columns, strict=True)
                )
            )
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self._numeric[index.column()] else None
        if role == Qt.ItemDataRole.ForegroundRole and self._colour is not None:
            return self._colour(self._rows[index.row()])
        if role == Qt.ItemDataRole.FontRole and self._bold is not None:
            return self._bold_font if self._bold(self._rows[index.row()]) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if self._tooltip is not None:
                return self._tooltip(self._rows[index.row()])
            # The whole text of a cell the column may cut.
            text = self._cells[index.row()][index.column()]
            return text if len(text) > 12 else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].title
        return None
