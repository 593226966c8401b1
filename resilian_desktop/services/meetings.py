"""Meetings and their attendance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.orm import Session, selectinload

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Attendance,
    Contact,
    Meeting,
    MeetingAttachment,
    MeetingTopic,
    Organisation,
    Programme,
    RoadmapAction,
    Taskforce,
    Topic,
)
from resilian_desktop.domain import validation as v
from resilian_desktop.domain.errors import FieldProblem, NotFoundError
from resilian_desktop.domain.halfdays import half_days
from resilian_desktop.domain.vocab import (
    AttendanceRole,
    AttendanceStatus,
    MeetingKind,
    MeetingStatus,
)
from resilian_desktop.services import attachments
from resilian_desktop.services.common import (
    HasHistoryError,
    check_reference,
    collect,
    enum_value,
    get_or_raise,
    raise_if,
    refuse_if_history,
)
from resilian_desktop.services.versions import DERIVED, check_unchanged, touch


@dataclass(frozen=True)
class MeetingDraft:
    programme_id: int
    kind: str
    title: str
    date: object
    start_time: object = None
    end_time: object = None
    venue: str | None = None
    venue_capacity: object = None
    host_organisation_id: int | None = None
    taskforce_id: int | None = None
    agenda: str | None = None
    minutes: str | None = None
    decisions: str | None = None
    status: str = MeetingStatus.PLANNED.value
    topic_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class MeetingRow:
    id: int
    programme_id: int
    programme_name: str
    kind: str
    title: str
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    venue: str | None
    venue_capacity: int | None
    host_organisation_id: int | None
    host_organisation_name: str | None
    taskforce_id: int | None
    taskforce_name: str | None
    agenda: str | None
    minutes: str | None
    decisions: str | None
    status: str
    topics: tuple[str, ...]
    invited: int = field(metadata=DERIVED)
    present: int = field(metadata=DERIVED)
    archived_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    created_by: str | None
    updated_by: str | None
    version: int

    @property
    def half_days(self) -> tuple[str, ...]:
        return half_days(self.start_time, self.end_time)


@dataclass(frozen=True)
class AttendanceRow:
    id: int
    meeting_id: int
    person_id: int
    first_name: str
    last_name: str
    organisation_id: int | None
    organisation_name: str | None
    job_title: str | None
    status: str
    role: str
    present_morning: bool | None
    present_afternoon: bool | None
    notes: str | None
    civility: str | None = None  # "M." or "Mme": French words agree with it


def _validated(session: Session, draft: MeetingDraft) -> dict[str, object]:
    problems: list[FieldProblem] = []
    values: dict[str, object] = {
        "programme_id": draft.programme_id,
        "kind": enum_value(draft.kind, MeetingKind, "kind", problems),
        "title": collect(problems, v.require_text, draft.title, field="title", max_length=300),
        "date": collect(problems, v.parse_date, draft.date, field="date"),
        "start_time": collect(problems, v.parse_time, draft.start_time, field="start_time"),
        "end_time": collect(problems, v.parse_time, draft.end_time, field="end_time"),
        "venue": collect(problems, v.optional_text, draft.venue, field="venue", max_length=300),
        "venue_capacity": collect(problems, v.normalise_capacity, draft.venue_capacity),
        "host_organisation_id": draft.host_organisation_id,
        "taskforce_id": draft.taskforce_id,
        "agenda": collect(problems, v.optional_text, draft.agenda, field="agenda", multiline=True),
        "minutes": collect(
            problems, v.optional_text, draft.minutes, field="minutes", multiline=True
        ),
        "decisions": collect(
            problems, v.optional_text, draft.decisions, field="decisions", multiline=True
        ),
        "status": enum_value(draft.status, MeetingStatus, "status", problems),
    }
    if values["date"] is None and not any(p.field == "date" for p in problems):
        problems.append(FieldProblem("date", "required", "a meeting needs a date"))
    date = values["date"]
    if (
        values["status"] == MeetingStatus.HELD.value
        and isinstance(date, dt.date)
        and date > dt.date.today()
    ):
        # An attendance record of a meeting not yet held would print a false sheet.
        problems.append(
            FieldProblem(
                "status",
                "held_in_future",
                f"a meeting on {date:%d/%m/%Y} cannot be held yet: keep it planned",
            )
        )
    collect(
        problems,
        v.check_date_order,
        values["start_time"],
        values["end_time"],
        start_field="start_time",
        end_field="end_time",
    )
    check_reference(session, Programme, draft.programme_id, "programme_id", "programme", problems)
    check_reference(
        session,
        Organisation,
        draft.host_organisation_id,
        "host_organisation_id",
        "organisation",
        problems,
    )
    check_reference(session, Taskforce, draft.taskforce_id, "taskforce_id", "taskforce", problems)
    for topic_id in draft.topic_ids:
        check_reference(session, Topic, topic_id, "topics", "topic", problems)
    raise_if(problems)
    return values


def _rows(session: Session, where: list[object], *, limit: int | None = None) -> list[MeetingRow]:
    """Meetings with their counts, as plain columns (no ORM objects: 90,000
    meetings list in seconds)."""
    host = Organisation.__table__.alias("host")
    # Counted per meeting through the (meeting_id, person_id) index: grouping
    # the whole attendance table cost 1.8 s for one meeting at demo scale 1000.
    invited = (
        select(func.count())
        .where(Attendance.meeting_id == Meeting.id)
        .correlate(Meeting)
        .scalar_subquery()
    )
    present = (
        select(func.count())
        .where(
            Attendance.meeting_id == Meeting.id,
            Attendance.status == AttendanceStatus.PRESENT.value,
        )
        .correlate(Meeting)
        .scalar_subquery()
    )
    query: Any = (
        select(
            Meeting.id,
            Meeting.programme_id,
            Programme.name,
            Meeting.kind,
            Meeting.title,
            Meeting.date,
            Meeting.start_time,
            Meeting.end_time,
            Meeting.venue,
            Meeting.venue_capacity,
            Meeting.host_organisation_id,
            host.c.name,
            Meeting.taskforce_id,
            Taskforce.name,
            Meeting.agenda,
            Meeting.minutes,
            Meeting.decisions,
            Meeting.status,
            invited,
            present,
            Meeting.archived_at,
            Meeting.created_at,
            Meeting.updated_at,
            Meeting.created_by,
            Meeting.updated_by,
            Meeting.version,
        )
        .join(Programme, Programme.id == Meeting.programme_id)
        .outerjoin(host, host.c.id == Meeting.host_organisation_id)
        .outerjoin(Taskforce, Taskforce.id == Meeting.taskforce_id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(Meeting.date.desc(), Meeting.start_time, Meeting.id)
    )
    if limit is not None:
        query = query.limit(limit)
    results = session.execute(query).all()
    topics: dict[int, list[str]] = {}
    if results:
        # The same selection as a subquery: no list of ids bound as variables.
        chosen = select(Meeting.id).where(*where)  # type: ignore[arg-type]
        if len(results) <= 500:
            chosen = chosen.where(Meeting.id.in_([row[0] for row in results]))
        for meeting_id, name in session.execute(
            select(MeetingTopic.meeting_id, Topic.name)
            .join(Topic, Topic.id == MeetingTopic.topic_id)
            .where(MeetingTopic.meeting_id.in_(chosen))
            .order_by(Topic.position, Topic.name)
        ):
            topics.setdefault(meeting_id, []).append(name)
    names = [f.name for f in fields(MeetingRow) if f.name not in ("topics",)]
    return [
        MeetingRow(**dict(zip(names, row, strict=True)), topics=tuple(topics.get(row[0], ())))
        for row in results
    ]


def _set_topics(session: Session, meeting_id: int, topic_ids: tuple[int, ...]) -> None:
    session.execute(delete(MeetingTopic).where(MeetingTopic.meeting_id == meeting_id))
    for topic_id in dict.fromkeys(topic_ids):
        session.add(MeetingTopic(meeting_id=meeting_id, topic_id=topic_id))


def create_meeting(db: Database, draft: MeetingDraft) -> MeetingRow:
    with db.write() as session:
        meeting = Meeting(**_validated(session, draft))
        session.add(meeting)
        session.flush()
        _set_topics(session, meeting.id, draft.topic_ids)
        session.flush()
        return _rows(session, [Meeting.id == meeting.id])[0]


def update_meeting(
    db: Database, meeting_id: int, draft: MeetingDraft, *, base: MeetingRow | None = None
) -> MeetingRow:
    """Save *draft* over the meeting; StaleRecordError when it is no longer the
    version of *base*, the row the user started from (services.versions)."""
    with db.write() as session:
        meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
        current = _rows(session, [Meeting.id == meeting_id])[0]
        check_unchanged("meeting", base, current, meeting.title)
        for key, value in _validated(session, draft).items():
            setattr(meeting, key, value)
        touch(meeting)
        _set_topics(session, meeting_id, draft.topic_ids)
        session.flush()
        return _rows(session, [Meeting.id == meeting_id])[0]


def get_meeting(db: Database, meeting_id: int) -> MeetingRow:
    with db.read() as session:
        get_or_raise(session, Meeting, meeting_id, "meeting")
        return _rows(session, [Meeting.id == meeting_id])[0]


def list_meetings(
    db: Database,
    *,
    programme_id: int | None = None,
    taskforce_id: int | None = None,
    kind: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    include_archived: bool = False,
) -> list[MeetingRow]:
    """Meetings, newest first, with their invited and present counts.

    Archived meetings are left out unless include_archived.
    """
    where: list[object] = []
    if not include_archived:
        where.append(Meeting.archived_at.is_(None))
    if programme_id is not None:
        where.append(Meeting.programme_id == programme_id)
    if taskforce_id is not None:
        where.append(Meeting.taskforce_id == taskforce_id)
    if kind:
        where.append(Meeting.kind == kind)
    if date_from is not None:
        where.append(Meeting.date >= date_from)
    if date_to is not None:
        where.append(Meeting.date <= date_to)
    with db.read() as session:
        return _rows(session, where)


def history_of(session: Session, meeting_id: int) -> dict[str, int]:
    """What makes a meeting part of the record: attendance, minutes, decided actions."""
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    history = {
        "attendance": int(
            session.scalar(select(func.count()).where(Attendance.meeting_id == meeting_id)) or 0
        ),
        "roadmap actions": int(
            session.scalar(
                select(func.count()).where(RoadmapAction.decided_in_meeting_id == meeting_id)
            )
            or 0
        ),
        "minutes": 1 if (meeting.minutes or meeting.decisions) else 0,
    }
    return {name: n for name, n in history.items() if n}


def delete_meeting(db: Database, meeting_id: int) -> None:
    """Delete a meeting without history; its topics and attached files go with it.

    The attachment rows go in the same transaction, their files only after it
    committed: a failed deletion never leaves a row without its file.
    """
    with db.write() as session:
        meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
        refuse_if_history("meeting", meeting_id, meeting.title, history_of(session, meeting_id))
        session.execute(delete(MeetingTopic).where(MeetingTopic.meeting_id == meeting_id))
        stored = list(
            session.scalars(
                select(MeetingAttachment.stored_name).where(
                    MeetingAttachment.meeting_id == meeting_id
                )
            )
        )
        session.execute(delete(MeetingAttachment).where(MeetingAttachment.meeting_id == meeting_id))
        session.delete(meeting)
    attachments.remove_files(db.path, stored)


# --- attendance -------------------------------------------------------------


def _attendance_row(
    a: Attendance, first_name: str, last_name: str, civility: str | None = None
) -> AttendanceRow:
    return AttendanceRow(
        id=a.id,
        meeting_id=a.meeting_id,
        person_id=a.person_id,
        first_name=first_name,
        last_name=last_name,
        organisation_id=a.organisation_id,
        organisation_name=a.organisation_name,
        job_title=a.job_title,
        status=a.status,
        role=a.role,
        present_morning=a.present_morning,
        present_afternoon=a.present_afternoon,
        notes=a.notes,
        civility=civility,
    )


def list_attendance(db: Database, meeting_id: int) -> list[AttendanceRow]:
    """The meeting's attendance list, by last name."""
    with db.read() as session:
        get_or_raise(session, Meeting, meeting_id, "meeting")
        return [
            _attendance_row(a, first, last, civility)
            for a, first, last, civility in session.execute(
                select(Attendance, Contact.first_name, Contact.last_name, Contact.civility)
                .join(Contact, Contact.id == Attendance.person_id)
                .where(Attendance.meeting_id == meeting_id)
                .order_by(Contact.sort_name, Attendance.id)
            )
        ]


def new_attendance(meeting_id: int, contact: Contact, *, role: str | None = None) -> Attendance:
    """A person's attendance row as of today: the organisation and job title they
    have now are copied, so later changes to the person leave it as it was, and
    an elected official is counted in that role unless another is given."""
    return Attendance(
        meeting_id=meeting_id,
        person_id=contact.id,
        organisation_id=contact.organisation_id,
        organisation_name=contact.organisation.name if contact.organisation else None,
        job_title=contact.job_title,
        role=role
        or (
            AttendanceRole.ELECTED_OFFICIAL.value
            if contact.is_elected_official
            else AttendanceRole.PARTICIPANT.value
        ),
    )


def new_attendance_with_status(meeting: Meeting, contact: Contact, status: str) -> Attendance:
    """new_attendance with *status*; on a meeting covering both half-days the
    person is marked present at both when the status is "present", else at neither."""
    attendance = new_attendance(meeting.id, contact)
    attendance.status = status
    if len(half_days(meeting.start_time, meeting.end_time)) == 2:
        present = status == AttendanceStatus.PRESENT.value
        attendance.present_morning = attendance.present_afternoon = present
    return attendance


def set_attendance(
    db: Database,
    meeting_id: int,
    person_ids: list[int],
    *,
    status: str = AttendanceStatus.INVITED.value,
    role: str | None = None,
    present_morning: bool | None = None,
    present_afternoon: bool | None = None,
) -> list[AttendanceRow]:
    """Add people to a meeting or change their status, all in one transaction.

    A person added for the first time is recorded with the organisation and
    job title they have today; later changes to the person leave it as it was.
    For a meeting covering both half-days, "present" marks both unless the
    half-days are given; "absent" and "excused" clear them.
    """
    problems: list[FieldProblem] = []
    status = enum_value(status, AttendanceStatus, "status", problems)
    if role is not None:
        role = enum_value(role, AttendanceRole, "role", problems)
    raise_if(problems)
    with db.write() as session:
        record_attendance(
            session,
            meeting_id,
            person_ids,
            status=status,
            role=role,
            present_morning=present_morning,
            present_afternoon=present_afternoon,
        )
    wanted = set(person_ids)
    return [a for a in list_attendance(db, meeting_id) if a.person_id in wanted]


def record_attendance(
    session: Session,
    meeting_id: int,
    person_ids: list[int],
    *,
    status: str,
    role: str | None = None,
    present_morning: bool | None = None,
    present_afternoon: bool | None = None,
) -> None:
    """set_attendance inside the caller's transaction (signatures record presence
    with the signature, all or nothing); *status* and *role* already checked."""
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    covered = half_days(meeting.start_time, meeting.end_time)
    both = len(covered) == 2
    existing = {
        a.person_id: a
        for a in session.scalars(
            select(Attendance).where(
                Attendance.meeting_id == meeting_id, Attendance.person_id.in_(person_ids)
            )
        )
    }
    # The people added, with their organisations, in one query each.
    new_ids = [pid for pid in person_ids if pid not in existing]
    added = (
        {
            p.id: p
            for p in session.scalars(
                select(Contact)
                .options(selectinload(Contact.organisation))
                .where(Contact.id.in_(new_ids))
            )
        }
        if new_ids
        else {}
    )
    for person_id in dict.fromkeys(person_ids):
        attendance = existing.get(person_id)
        if attendance is None:
            contact = added.get(person_id)
            if contact is None:
                raise NotFoundError("contact", person_id)
            attendance = new_attendance(meeting_id, contact, role=role)
            session.add(attendance)
        elif role is not None:
            attendance.role = role
        attendance.status = status
        if not both:
            attendance.present_morning = attendance.present_afternoon = None
        elif status == AttendanceStatus.PRESENT.value:
            attendance.present_morning = True if present_morning is None else present_morning
            attendance.present_afternoon = True if present_afternoon is None else present_afternoon
        elif status in (AttendanceStatus.ABSENT.value, AttendanceStatus.EXCUSED.value):
            attendance.present_morning = attendance.present_afternoon = False
        else:
            attendance.present_morning = attendance.present_afternoon = None
    session.flush()


def remove_attendance(db: Database, meeting_id: int, person_ids: list[int]) -> int:
    """Take people off a meeting that has not been held; returns the rows removed."""
    with db.write() as session:
        meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
        if meeting.status == MeetingStatus.HELD.value:
            raise HasHistoryError(
                f"meeting {meeting_id} has been held: mark people absent instead of removing them"
            )
        result = session.execute(
            delete(Attendance).where(
                Attendance.meeting_id == meeting_id, Attendance.person_id.in_(person_ids)
            )
        )
        # A DELETE gives a CursorResult, which has the row count.
        return int(cast(CursorResult[Any], result).rowcount)
