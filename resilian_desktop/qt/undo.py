"""Undoable actions (Ctrl+Z): archiving, attendance changes, roadmap moves, deletions
and imports.

Each command calls services only; undo puts back what the service changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from resilian_desktop.domain.ink import Strokes
from resilian_desktop.domain.kinds import RecordKind
from resilian_desktop.qt.context import (
    CONTACT,
    MEETING,
    ORGANISATION,
    TASKFORCE,
    AppContext,
    ServiceCommand,
)
from resilian_desktop.services import archive, attendance_tools, signatures, taskforces
from resilian_desktop.services.taskforces import ActionRow, draft_of

# The window's kinds as services and the command line name them (domain.kinds).
ENTITY_OF_KIND: dict[str, RecordKind] = {
    ORGANISATION: RecordKind.ORGANISATION,
    CONTACT: RecordKind.CONTACT,
    MEETING: RecordKind.MEETING,
    TASKFORCE: RecordKind.TASKFORCE,
}


class ArchiveCommand(ServiceCommand):
    """Archive (or restore) one record."""

    def __init__(self, ctx: AppContext, kind: str, record_id: int, label: str, *, archived: bool):
        text = (
            QCoreApplication.translate("UndoCommands", "Archive “{label}”")
            if archived
            else QCoreApplication.translate("UndoCommands", "Restore “{label}”")
        )
        super().__init__(ctx, text.format(label=label), (kind,))
        self.entity = ENTITY_OF_KIND[kind]
        self.record_id = record_id
        self.archived = archived

    def apply(self) -> None:
        archive.set_archived(self.ctx.db, self.entity, self.record_id, self.archived)

    def revert(self) -> None:
        archive.set_archived(self.ctx.db, self.entity, self.record_id, not self.archived)


class DeleteCommand(ServiceCommand):
    """Delete a record without history; undo puts it back with its id."""

    def __init__(self, ctx: AppContext, kind: str, record_id: int, label: str) -> None:
        text = QCoreApplication.translate("UndoCommands", "Delete “{label}”")
        super().__init__(ctx, text.format(label=label), (kind,))
        self.entity = ENTITY_OF_KIND[kind]
        self.record_id = record_id
        self.deleted: archive.DeletedRecord | None = None

    def apply(self) -> None:
        self.deleted = archive.delete_record(self.ctx.db, self.entity, self.record_id)

    def revert(self) -> None:
        if self.deleted is not None:
            archive.undo_deletion(self.ctx.db, self.deleted)


class AttendanceCommand(ServiceCommand):
    """A change to some people's attendance at a meeting (added, marked, removed).

    The rows of these people are read before the change; undo puts them back
    exactly and removes the rows the change created. *before* gives those rows
    when the change is already made (an import: see AppContext.push_done).
    """

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        meeting_id: int,
        person_ids: Sequence[int],
        change: Callable[[], object],
        before: dict[int, attendance_tools.AttendanceState] | None = None,
    ) -> None:
        super().__init__(ctx, text, (MEETING, CONTACT))
        self.meeting_id = meeting_id
        self.person_ids = list(dict.fromkeys(person_ids))
        self.change = change
        self.before = before
        # The rows' versions as this change left them: undo puts back only
        # rows nobody changed since (another officer on a shared database).
        self.after: dict[int, int] | None = None
        if before is not None:  # already made
            self.after = attendance_tools.attendance_versions(ctx.db, meeting_id, self.person_ids)

    def apply(self) -> None:
        if self.before is None:
            self.before = attendance_tools.attendance_states(
                self.ctx.db, self.meeting_id, self.person_ids
            )
        self.change()
        self.after = attendance_tools.attendance_versions(
            self.ctx.db, self.meeting_id, self.person_ids
        )

    def revert(self) -> None:
        before = self.before or {}
        attendance_tools.restore_attendance(
            self.ctx.db,
            self.meeting_id,
            list(before.values()),
            remove_person_ids=[p for p in self.person_ids if p not in before],
            expected=self.after,
        )


class SignatureCommand(ServiceCommand):
    """A signature drawn in kiosk mode, with the presence it records.

    Undo takes back the signature and puts the person's attendance back as it
    was, in one transaction; the service allows it only while the signature
    is the last of its meeting's chain, so the chain always verifies. Undo
    runs in reverse order, so after signatures given one after another it is
    always the last. Redo records it again with the time it was first made.
    """

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        meeting_id: int,
        person_id: int,
        half_day: str,
        strokes: Strokes,
    ) -> None:
        super().__init__(ctx, text, (MEETING, CONTACT))
        self.meeting_id = meeting_id
        self.person_id = person_id
        self.half_day = half_day
        self.strokes = strokes
        self.row: signatures.SignatureRow | None = None
        self.before: attendance_tools.AttendanceState | None = None

    def apply(self) -> None:
        db = self.ctx.db
        self.before = attendance_tools.attendance_states(db, self.meeting_id, [self.person_id]).get(
            self.person_id
        )
        first = self.row
        if first is None or first.image is None:
            self.row = signatures.add_drawn_signature(
                db, self.meeting_id, self.person_id, self.half_day, self.strokes
            )
        else:
            self.row = signatures.add_signature(
                db,
                self.meeting_id,
                self.person_id,
                self.half_day,
                first.image,
                strokes=self.strokes,
                signed_at=first.signed_time,
            )

    def revert(self) -> None:
        if self.row is not None:
            signatures.withdraw_last_signature(self.ctx.db, self.row.id, self.before)


class MoveActionCommand(ServiceCommand):
    """Move a roadmap action to another place in its roadmap."""

    def __init__(self, ctx: AppContext, action: ActionRow, new_position: int) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate("UndoCommands", "Move the action “{title}”").format(
                title=action.title
            ),
            (TASKFORCE,),
        )
        self.action_id = action.id
        self.old_position = action.position
        self.new_position = new_position

    def apply(self) -> None:
        taskforces.move_action(self.ctx.db, self.action_id, self.new_position)

    def revert(self) -> None:
        taskforces.move_action(self.ctx.db, self.action_id, self.old_position)


class DeleteActionCommand(ServiceCommand):
    """Delete a roadmap action; undo recreates it at its place (under a new id)."""

    def __init__(self, ctx: AppContext, action: ActionRow) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate("UndoCommands", "Delete the action “{title}”").format(
                title=action.title
            ),
            (TASKFORCE,),
        )
        self.action = action
        self.current_id = action.id

    def apply(self) -> None:
        taskforces.delete_action(self.ctx.db, self.current_id)

    def revert(self) -> None:
        row = taskforces.add_action(self.ctx.db, self.action.taskforce_id, draft_of(self.action))
        taskforces.move_action(self.ctx.db, row.id, self.action.position)
        self.current_id = row.id


class RemoveMemberCommand(ServiceCommand):
    """Take a member off a taskforce; undo adds them back."""

    def __init__(self, ctx: AppContext, member: taskforces.MemberRow, label: str) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate("UndoCommands", "Remove “{name}” from the taskforce").format(
                name=label
            ),
            (TASKFORCE,),
        )
        self.member = member
        self.current_id = member.id

    def apply(self) -> None:
        taskforces.remove_member(self.ctx.db, self.current_id)

    def revert(self) -> None:
        row = taskforces.add_member(
            self.ctx.db,
            self.member.taskforce_id,
            person_id=self.member.person_id,
            organisation_id=self.member.organisation_id,
            role=self.member.role,
        )
        self.current_id = row.id


class ImportActionsCommand(ServiceCommand):
    """Roadmap actions imported from a spreadsheet, made by the import dialog.

    Undo deletes the actions the import added and gives those it changed
    their previous values, in one transaction; redo adds them again (under
    new ids) and changes them again.
    """

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        taskforce_id: int,
        *,
        added: Sequence[ActionRow],
        changed_before: Sequence[ActionRow],
        changed_after: Sequence[ActionRow],
    ) -> None:
        super().__init__(ctx, text, (TASKFORCE,))
        self.taskforce_id = taskforce_id
        self.added = list(added)
        self.current_ids = [a.id for a in added]
        self.changed_before = list(changed_before)
        self.changed_after = list(changed_after)

    def apply(self) -> None:
        self.current_ids = taskforces.restore_actions(
            self.ctx.db, self.taskforce_id, restore=self.changed_after, recreate=self.added
        )

    def revert(self) -> None:
        taskforces.restore_actions(
            self.ctx.db,
            self.taskforce_id,
            remove_ids=self.current_ids,
            restore=self.changed_before,
        )
