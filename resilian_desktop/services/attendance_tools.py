"""What the attendance editor needs beyond services.meetings: whom to invite in
one action, walk-ins created on the spot, and exact states for undo.

Each write is one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, delete, or_, select
from sqlalchemy.orm import Session

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Attendance,
    Contact,
    Meeting,
    Organisation,
    Taskforce,
    TaskforceMember,
)
from resilian_desktop.domain.errors import FieldProblem, StaleRecordError
from resilian_desktop.domain.text import fold
from resilian_desktop.domain.vocab import AttendanceStatus
from resilian_desktop.services import contacts, meetings
from resilian_desktop.services.common import enum_value, get_or_raise, raise_if
from resilian_desktop.services.meetings import AttendanceRow, list_attendance


def _reachable() -> list[ColumnElement[bool]]:
    """Contacts one may still invite: not archived, not erased, active."""
    return [
        Contact.archived_at.is_(None),
        Contact.erased_at.is_(None),
        Contact.active.is_(True),
    ]


def contacts_of_organisations(db: Database, organisation_ids: Sequence[int]) -> list[int]:
    """Ids of the current contacts of these organisations, by name."""
    if not organisation_ids:
        return []
    with db.read() as session:
        return list(
            session.scalars(
                select(Contact.id)
                .where(Contact.organisation_id.in_(list(organisation_ids)), *_reachable())
                .order_by(Contact.sort_name, Contact.id)
            )
        )


def taskforce_member_contacts(db: Database, taskforce_id: int) -> list[int]:
    """Ids of the people of a taskforce: its members who are people, and the
    contacts of its members that are whole organisations, plus its lead person."""
    with db.read() as session:
        members = session.execute(
            select(TaskforceMember.person_id, TaskforceMember.organisation_id).where(
                TaskforceMember.taskforce_id == taskforce_id, TaskforceMember.left_on.is_(None)
            )
        ).all()
        person_ids = {pid for pid, _ in members if pid is not None}
        whole_orgs = [oid for pid, oid in members if pid is None and oid is not None]
        conditions: list[ColumnElement[bool]] = [Contact.id.in_(person_ids)]
        if whole_orgs:
            conditions.append(Contact.organisation_id.in_(whole_orgs))
        lead_contact = session.scalar(
            select(Taskforce.lead_person_id).where(Taskforce.id == taskforce_id)
        )
        if lead_contact is not None:
            conditions.append(Contact.id == lead_contact)
        return list(
            session.scalars(
                select(Contact.id)
                .where(or_(*conditions), *_reachable())
                .order_by(Contact.sort_name, Contact.id)
            )
        )


def add_walk_in(
    db: Database,
    meeting_id: int,
    draft: contacts.ContactDraft,
    *,
    status: str = AttendanceStatus.PRESENT.value,
    allow_duplicate: bool = False,
    organisation_of_the_day: str | None = None,
) -> AttendanceRow:
    """Create a contact met at the meeting and record them present, in one transaction.

    Raises ValidationError for the contact's fields, or DuplicateError when the
    contact looks like an existing one (unless allow_duplicate): the caller
    then offers to record the existing person instead. *organisation_of_the_day*
    names, on the attendance row only, an organisation not in the directory
    (a walk-in says where they come from; kiosk mode).
    """
    problems: list[FieldProblem] = []
    status = enum_value(status, AttendanceStatus, "status", problems)
    raise_if(problems)
    named = (organisation_of_the_day or "").strip()[:200]
    with db.write() as session:
        meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
        if draft.organisation_id is None and named:
            # Typed by the person: the directory's organisation when it is
            # exactly that one (accents, case and punctuation aside).
            found = list(
                session.scalars(
                    select(Organisation.id)
                    .where(
                        Organisation.sort_name == fold(named), Organisation.archived_at.is_(None)
                    )
                    .limit(2)
                )
            )
            if len(found) == 1:
                draft = replace(draft, organisation_id=found[0])
        values = contacts.validate_draft(session, draft)
        contacts.check_duplicates(session, values, None, allow_duplicate)
        contact = Contact(**values)
        session.add(contact)
        session.flush()
        attendance = meetings.new_attendance_with_status(meeting, contact, status)
        if attendance.organisation_name is None and named:
            attendance.organisation_name = named
        session.add(attendance)
        session.flush()
        person_id = contact.id
    return next(a for a in list_attendance(db, meeting_id) if a.person_id == person_id)


@dataclass(frozen=True)
class AttendanceState:
    """Everything an attendance row holds, to put it back exactly (undo)."""

    person_id: int
    status: str
    role: str
    present_morning: bool | None
    present_afternoon: bool | None
    organisation_id: int | None
    organisation_name: str | None
    job_title: str | None
    notes: str | None


def attendance_states(
    db: Database, meeting_id: int, person_ids: Sequence[int]
) -> dict[int, AttendanceState]:
    """The current rows of these people at the meeting; a person without a row is left out."""
    with db.read() as session:
        return {
            a.person_id: AttendanceState(
                person_id=a.person_id,
                status=a.status,
                role=a.role,
                present_morning=a.present_morning,
                present_afternoon=a.present_afternoon,
                organisation_id=a.organisation_id,
                organisation_name=a.organisation_name,
                job_title=a.job_title,
                notes=a.notes,
            )
            for a in session.scalars(
                select(Attendance).where(
                    Attendance.meeting_id == meeting_id,
                    Attendance.person_id.in_(list(person_ids)),
                )
            )
        }


def attendance_versions(db: Database, meeting_id: int, person_ids: Sequence[int]) -> dict[int, int]:
    """person id -> version of their row at the meeting (people without a row left out)."""
    with db.read() as session:
        return {
            int(pid): int(version)
            for pid, version in session.execute(
                select(Attendance.person_id, Attendance.version).where(
                    Attendance.meeting_id == meeting_id,
                    Attendance.person_id.in_(list(person_ids)),
                )
            )
        }


def _check_versions(session: Session, meeting_id: int, expected: Mapping[int, int]) -> None:
    """StaleRecordError when a row is not at the version *expected* (person id ->
    version): another officer changed it since this one's change."""
    for row, first, last in session.execute(
        select(Attendance, Contact.first_name, Contact.last_name)
        .join(Contact, Contact.id == Attendance.person_id)
        .where(Attendance.meeting_id == meeting_id, Attendance.person_id.in_(list(expected)))
    ):
        if row.version != expected[row.person_id]:
            raise StaleRecordError(
                "attendance",
                row.id,
                f"{first} {last}".strip(),
                changed_by=row.updated_by,
                changed_at=row.updated_at,
            )


def restore_attendance(
    db: Database,
    meeting_id: int,
    states: Sequence[AttendanceState],
    *,
    remove_person_ids: Sequence[int] = (),
    expected: Mapping[int, int] | None = None,
) -> None:
    """Put rows back as *states* describe and remove the rows of *remove_person_ids*.

    This is the undo of an edit made a moment ago by the user, so it may take
    back people just added to a meeting that was held (services.meetings
    refuses that for older history). *expected* (person id -> version, the
    rows as the user's edit left them): a row another user changed since is
    not put back; StaleRecordError names it and nothing is written.
    """
    with db.write() as session:
        if expected is not None:
            get_or_raise(session, Meeting, meeting_id, "meeting")
            _check_versions(session, meeting_id, expected)
        restore_states(session, meeting_id, states, remove_person_ids=remove_person_ids)


def restore_states(
    session: Session,
    meeting_id: int,
    states: Sequence[AttendanceState],
    *,
    remove_person_ids: Sequence[int] = (),
) -> None:
    """restore_attendance inside the caller's transaction."""
    get_or_raise(session, Meeting, meeting_id, "meeting")
    if remove_person_ids:
        session.execute(
            delete(Attendance).where(
                Attendance.meeting_id == meeting_id,
                Attendance.person_id.in_(list(remove_person_ids)),
            )
        )
    existing = {
        a.person_id: a
        for a in session.scalars(
            select(Attendance).where(
                Attendance.meeting_id == meeting_id,
                Attendance.person_id.in_([s.person_id for s in states]),
            )
        )
    }
    for state in states:
        row = existing.get(state.person_id)
        if row is None:
            row = Attendance(meeting_id=meeting_id, person_id=state.person_id)
            session.add(row)
        row.status = state.status
        row.role = state.role
        row.present_morning = state.present_morning
        row.present_afternoon = state.present_afternoon
        row.organisation_id = state.organisation_id
        row.organisation_name = state.organisation_name
        row.job_title = state.job_title
        row.notes = state.notes
