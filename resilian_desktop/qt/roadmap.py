"""A taskforce's roadmap: the ordered actions as a table that can be reordered
by drag and drop, and the dialog that adds or edits one action."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from resilian_desktop.db.engine import Database
from resilian_desktop.domain import formats
from resilian_desktop.domain.errors import ResilianError, ValidationError
from resilian_desktop.domain.vocab import ActionStatus
from resilian_desktop.qt.context import CONTACT, ORGANISATION, show_error
from resilian_desktop.qt.forms.ui_action_dialog import Ui_ActionDialog
from resilian_desktop.qt.labels import ACTION_STATUSES, label, language
from resilian_desktop.qt.pickers import unchosen
from resilian_desktop.qt.widgets import (
    LATE_COLOUR,
    MUTED_COLOUR,
    FieldErrors,
    fill_codes,
    format_date,
    select_data,
    setup_form,
)
from resilian_desktop.services import meetings
from resilian_desktop.services.taskforces import ActionDraft, ActionRow

Index = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-resilian-roadmap-action"
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
POSITION, TITLE, OWNER, START, DUE, STATUS, PROGRESS = range(7)


class RoadmapModel(QAbstractTableModel):
    """The roadmap in order. Late actions are red and bold, closed ones grey.

    A drop does not move rows itself: it asks for the move (``move_requested``)
    and the roadmap is read again once the service has renumbered it.
    """

    move_requested = Signal(int, int)  # action id, new 1-based position

    def __init__(self, parent: Any = None, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self._rows: list[ActionRow] = []
        self._cells: list[tuple[str, ...]] = []
        self._late: list[bool] = []
        self._today = today
        self._bold = QFont()
        self._bold.setBold(True)
        self._titles = (
            self.tr("No."),
            self.tr("Action"),
            self.tr("Owner"),
            self.tr("Start"),
            self.tr("Due"),
            self.tr("Status"),
            self.tr("Progress"),
        )

    def set_rows(self, rows: Sequence[ActionRow]) -> None:
        self.beginResetModel()
        today = self._today()
        self._rows = list(rows)
        self._late = [r.is_late(today) for r in self._rows]
        self._cells = [
            (
                str(r.position),
                ("◆ " if r.is_milestone else "") + r.title,
                r.owner or "",
                format_date(r.start_date),
                format_date(r.due_date),
                label(r.status),
                formats.percent(r.progress, language()),
            )
            for r in self._rows
        ]
        self.endResetModel()

    def row_at(self, row: int) -> ActionRow:
        return self._rows[row]

    def rows(self) -> list[ActionRow]:
        return list(self._rows)

    def row_of(self, action_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == action_id:
                return i
        return -1

    def is_late(self, row: int) -> bool:
        return self._late[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._late[row]:
                return LATE_COLOUR
            if self._rows[row].status in (ActionStatus.DONE.value, ActionStatus.DROPPED.value):
                return MUTED_COLOUR
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if self._late[row] or self._rows[row].is_milestone else None
        if role == Qt.ItemDataRole.ToolTipRole:
            action = self._rows[row]
            if self._late[row]:
                return self.tr("Late: due on {date}").format(date=format_date(action.due_date))
            return action.description or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (POSITION, PROGRESS):
            return _RIGHT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None

    # --- drag and drop ------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(MIME_TYPE, QByteArray(str(self._rows[rows[0]].id).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        action_id = int(bytes(data.data(MIME_TYPE).data()).decode())
        source = self.row_of(action_id)
        if source < 0:
            return False
        # Dropped between rows (row) or onto a row (parent): the target line.
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        if target > source:
            target -= 1  # the action leaves its place before taking the new one
        if target != source:
            self.move_requested.emit(action_id, target + 1)
        # False: the view must not remove the source row; the reload does it.
        return False


class ActionDialog(QDialog):
    """Add or edit one roadmap action; saving goes through *save* (a service call)."""

    def __init__(
        self,
        db: Database,
        *,
        save: Callable[[ActionDraft, int | None], ActionRow],
        action: ActionRow | None = None,
        title: str = "",
        decided_in: tuple[int, str] | None = None,
        taskforce_choices: Sequence[tuple[int, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ActionDialog()
        setup_form(self.ui, self)
        ui = self.ui
        self._save = save
        self.action = action
        self.saved_row: ActionRow | None = None
        self.decided_in_meeting_id = (
            decided_in[0] if decided_in else action.decided_in_meeting_id if action else None
        )
        fill_codes(ui.status_combo, ACTION_STATUSES)
        ui.owner_contact_lookup.configure(db, CONTACT, self.tr("Type a name…"))
        ui.owner_organisation_lookup.configure(db, ORGANISATION, self.tr("Type a name…"))
        ui.taskforce_combo.clear()
        for tid, name in taskforce_choices:
            ui.taskforce_combo.addItem(name, tid)
        show_choice = bool(taskforce_choices)
        ui.taskforce_combo.setVisible(show_choice)
        ui.taskforce_label.setVisible(show_choice)
        if decided_in is None and action is not None and action.decided_in_meeting_id:
            meeting = meetings.get_meeting(db, action.decided_in_meeting_id)
            decided_in = (meeting.id, f"{meeting.title} — {format_date(meeting.date)}")
        ui.decided_value.setText(decided_in[1] if decided_in else "")
        ui.decided_value.setVisible(decided_in is not None)
        ui.decided_label.setVisible(decided_in is not None)
        ui.status_combo.currentIndexChanged.connect(self._status_changed)
        self.setWindowTitle(
            self.tr("Edit the action") if action else (title or self.tr("New roadmap action"))
        )
        if action is not None:
            ui.title_edit.setText(action.title)
            ui.description_edit.setPlainText(action.description or "")
            ui.owner_contact_lookup.set_record(action.owner_person_id, action.owner or "")
            if action.owner_person_id is None and action.owner_organisation_id is not None:
                ui.owner_organisation_lookup.set_record(
                    action.owner_organisation_id, action.owner or ""
                )
            ui.start_date_edit.set_date(action.start_date)
            ui.due_date_edit.set_date(action.due_date)
            select_data(ui.status_combo, action.status)
            ui.progress_spin.setValue(action.progress)
            ui.milestone_check.setChecked(action.is_milestone)
            ui.deliverable_edit.setText(action.deliverable or "")
        self.errors = FieldErrors(
            self,
            {
                "title": ui.title_edit,
                "description": ui.description_edit,
                "owner_person_id": ui.owner_contact_lookup,
                "owner_organisation_id": ui.owner_organisation_lookup,
                "start_date": ui.start_date_edit,
                "due_date": ui.due_date_edit,
                "status": ui.status_combo,
                "progress": ui.progress_spin,
                "deliverable": ui.deliverable_edit,
            },
            ui.problems_label,
        )
        ui.button_box.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        ui.title_edit.setFocus()

    def set_title_text(self, text: str) -> None:
        self.ui.title_edit.setText(text)

    def _status_changed(self) -> None:
        if self.ui.status_combo.currentData() == ActionStatus.DONE.value:
            self.ui.progress_spin.setValue(100)

    def draft(self) -> ActionDraft:
        ui = self.ui
        done = ui.status_combo.currentData() == ActionStatus.DONE.value
        return ActionDraft(
            title=ui.title_edit.text(),
            description=ui.description_edit.toPlainText(),
            owner_person_id=ui.owner_contact_lookup.record_id,
            owner_organisation_id=ui.owner_organisation_lookup.record_id,
            start_date=ui.start_date_edit.text() or None,
            due_date=ui.due_date_edit.text() or None,
            status=str(ui.status_combo.currentData()),
            progress=ui.progress_spin.value(),
            is_milestone=ui.milestone_check.isChecked(),
            # Keep the day it was done when editing a done action.
            done_date=self.action.done_date if done and self.action else None,
            deliverable=ui.deliverable_edit.text(),
            decided_in_meeting_id=self.decided_in_meeting_id,
        )

    def chosen_taskforce(self) -> int | None:
        data = self.ui.taskforce_combo.currentData()
        return int(data) if data is not None else None

    def save(self) -> None:
        ui = self.ui
        unresolved = unchosen(
            {
                "owner_person_id": ui.owner_contact_lookup,
                "owner_organisation_id": ui.owner_organisation_lookup,
            }
        )
        if unresolved:
            self.errors.show(unresolved)
            return
        try:
            self.saved_row = self._save(self.draft(), self.chosen_taskforce())
        except ValidationError as error:
            self.errors.show_and_focus(error.problems)
            return
        except ResilianError as error:
            show_error(self, error)
            return
        self.accept()
