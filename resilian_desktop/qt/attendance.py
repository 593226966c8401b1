"""The attendance list of a meeting as a table: status per person, presence per half-day."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from resilian_desktop.domain.formats import contact_name
from resilian_desktop.domain.halfdays import AFTERNOON, MORNING
from resilian_desktop.domain.vocab import AttendanceStatus
from resilian_desktop.qt.labels import contact_label
from resilian_desktop.qt.widgets import MUTED_COLOUR
from resilian_desktop.services.meetings import AttendanceRow

Index = QModelIndex | QPersistentModelIndex

NAME, ORGANISATION, JOB, ROLE, STATUS, MORNING_COLUMN, AFTERNOON_COLUMN = range(7)
PRESENT_COLOUR = QColor("#1b6e20")
UNSIGNED_COLOUR = QColor("#b00020")
_MUTED_STATUSES = (AttendanceStatus.ABSENT.value, AttendanceStatus.EXCUSED.value)


class AttendanceModel(QAbstractTableModel):
    """One line per person invited; the half-day columns are ticked to record presence."""

    # person id, "morning" or "afternoon", present
    half_day_toggled = Signal(int, str, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AttendanceRow] = []
        self._cells: list[tuple[str, ...]] = []
        self.both_half_days = False
        # person id -> the note of a present person who did not sign (issue 16)
        self._unsigned: dict[int, str] = {}
        # False when the user may not change this meeting's attendance (qt.rights).
        self.editable = True
        self._bold = QFont()
        self._bold.setBold(True)
        self._titles = (
            self.tr("Name"),
            self.tr("Organisation"),
            self.tr("Job title"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Morning"),
            self.tr("Afternoon"),
        )

    def set_rows(self, rows: Sequence[AttendanceRow], *, both_half_days: bool) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.both_half_days = both_half_days
        self._cells = [
            (
                contact_name(r.first_name, r.last_name),
                r.organisation_name or "",
                r.job_title or "",
                contact_label(r.role, r.civility),
                contact_label(r.status, r.civility),
            )
            for r in self._rows
        ]
        self.endResetModel()

    def set_unsigned(self, unsigned: dict[int, tuple[str, ...]]) -> None:
        """Mark the people present who did not sign for these half-days, on a
        meeting signed on screen (services.proof_checks, code "unsigned")."""
        words = {MORNING: self.tr("morning"), AFTERNOON: self.tr("afternoon")}
        self._unsigned = {
            person_id: (
                self.tr("not signed")
                if len(halves) != 1 or not self.both_half_days
                else self.tr("not signed ({half_day})").format(half_day=words[halves[0]])
            )
            for person_id, halves in unsigned.items()
        }
        if self._rows:
            self.dataChanged.emit(self.index(0, STATUS), self.index(len(self._rows) - 1, STATUS))

    def unsigned_note(self, row: int) -> str | None:
        """What the status cell adds for a present person without a signature."""
        return self._unsigned.get(self._rows[row].person_id)

    def row_at(self, row: int) -> AttendanceRow:
        return self._rows[row]

    def rows(self) -> list[AttendanceRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if (
            index.column() in (MORNING_COLUMN, AFTERNOON_COLUMN)
            and self.both_half_days
            and self.editable
        ):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column in (MORNING_COLUMN, AFTERNOON_COLUMN):
            if role == Qt.ItemDataRole.CheckStateRole and self.both_half_days:
                value = row.present_morning if column == MORNING_COLUMN else row.present_afternoon
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        unsigned = self._unsigned.get(row.person_id) if column == STATUS else None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._cells[index.row()][column]
            return f"{text} — {unsigned}" if unsigned else text
        if role == Qt.ItemDataRole.ToolTipRole and unsigned:
            return self.tr(
                "Marked present without a signature given on screen: the sheet prints "
                "“sans signature” in the cell"
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            if unsigned:
                return UNSIGNED_COLOUR
            if row.status == AttendanceStatus.PRESENT.value and column == STATUS:
                return PRESENT_COLOUR
            if row.status in _MUTED_STATUSES:
                return MUTED_COLOUR
            return None
        if role == Qt.ItemDataRole.FontRole and column == STATUS:
            return self._bold if row.status == AttendanceStatus.PRESENT.value else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.CheckStateRole
            or index.column() not in (MORNING_COLUMN, AFTERNOON_COLUMN)
            or not self.both_half_days
            or not self.editable
        ):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        which = MORNING if index.column() == MORNING_COLUMN else AFTERNOON
        # The change goes through a service and comes back by a reload.
        self.half_day_toggled.emit(self._rows[index.row()].person_id, which, checked)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None

    def counts(self) -> tuple[int, int, int]:
        """(invited, present, organisations represented by someone present)."""
        present = [r for r in self._rows if r.status == AttendanceStatus.PRESENT.value]
        organisations = {r.organisation_id or r.organisation_name for r in present} - {None, ""}
        return len(self._rows), len(present), len(organisations)
