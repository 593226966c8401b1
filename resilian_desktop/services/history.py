"""What an organisation or a person took part in: meetings attended, taskforces.

Read-only views for the organisation and contact forms. Attendance is shown
as it was recorded on the day (the organisation a person came for, their
role), so a person who changed company keeps their past in the old one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Attendance,
    Contact,
    Meeting,
    Organisation,
    Taskforce,
    TaskforceMember,
    TaskforceOrigin,
)
from resilian_desktop.domain.vocab import MemberRole

# Role of an organisation in a taskforce that is not a membership.
ORIGIN_ROLE = "origin"


@dataclass(frozen=True)
class ParticipationRow:
    """One attendance row: who, at which meeting, with which outcome."""

    attendance_id: int
    meeting_id: int
    date: dt.date
    meeting_title: str
    meeting_kind: str
    meeting_status: str
    person_id: int
    contact_name: str
    organisation_id: int | None
    organisation_name: str | None
    status: str
    role: str


@dataclass(frozen=True)
class TaskforceLink:
    """A taskforce an organisation or person is part of, and in which role."""

    taskforce_id: int
    name: str
    status: str
    role: str  # a MemberRole code, or ORIGIN_ROLE for an organisation that raised it
    start_date: dt.date | None


def _participations(db: Database, *conditions: object) -> list[ParticipationRow]:
    query = (
        select(
            Attendance.id,
            Meeting.id,
            Meeting.date,
            Meeting.title,
            Meeting.kind,
            Meeting.status,
            Contact.id,
            Contact.first_name,
            Contact.last_name,
            Attendance.organisation_id,
            Attendance.organisation_name,
            Attendance.status,
            Attendance.role,
        )
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .join(Contact, Contact.id == Attendance.person_id)
        .where(*conditions)  # type: ignore[arg-type]
        .order_by(Meeting.date.desc(), Meeting.id.desc(), Contact.sort_name)
    )
    with db.read() as session:
        return [
            ParticipationRow(
                attendance_id=aid,
                meeting_id=mid,
                date=date,
                meeting_title=title,
                meeting_kind=kind,
                meeting_status=mstatus,
                person_id=pid,
                contact_name=f"{first} {last}".strip(),
                organisation_id=oid,
                organisation_name=oname,
                status=status,
                role=role,
            )
            for (
                aid,
                mid,
                date,
                title,
                kind,
                mstatus,
                pid,
                first,
                last,
                oid,
                oname,
                status,
                role,
            ) in session.execute(query)
        ]


def organisation_participation(db: Database, organisation_id: int) -> list[ParticipationRow]:
    """Meetings the organisation's people were invited to, newest first, with who came."""
    return _participations(db, Attendance.organisation_id == organisation_id)


def contact_attendance(db: Database, person_id: int) -> list[ParticipationRow]:
    """Meetings the person was invited to, newest first."""
    return _participations(db, Attendance.person_id == person_id)


def organisation_taskforces(db: Database, organisation_id: int) -> list[TaskforceLink]:
    """Taskforces the organisation leads, is a member of, or raised; one line each,
    with its strongest role."""
    with db.read() as session:
        links: list[tuple[int, str]] = [
            (tid, MemberRole.LEAD.value)
            for tid in session.scalars(
                select(Taskforce.id).where(Taskforce.lead_organisation_id == organisation_id)
            )
        ]
        links += [
            (tid, role)
            for tid, role in session.execute(
                select(TaskforceMember.taskforce_id, TaskforceMember.role).where(
                    TaskforceMember.organisation_id == organisation_id
                )
            )
        ]
        links += [
            (tid, ORIGIN_ROLE)
            for tid in session.scalars(
                select(TaskforceOrigin.taskforce_id).where(
                    TaskforceOrigin.organisation_id == organisation_id
                )
            )
        ]
        return _links(session, links)


def contact_taskforces(db: Database, person_id: int) -> list[TaskforceLink]:
    """Taskforces the person leads or is a member of."""
    with db.read() as session:
        links: list[tuple[int, str]] = [
            (tid, MemberRole.LEAD.value)
            for tid in session.scalars(
                select(Taskforce.id).where(Taskforce.lead_person_id == person_id)
            )
        ]
        links += [
            (tid, role)
            for tid, role in session.execute(
                select(TaskforceMember.taskforce_id, TaskforceMember.role).where(
                    TaskforceMember.person_id == person_id
                )
            )
        ]
        return _links(session, links)


# Strongest role first, when the same taskforce comes through several links.
_ROLE_ORDER = [
    MemberRole.LEAD.value,
    MemberRole.MEMBER.value,
    MemberRole.EXPERT.value,
    MemberRole.OBSERVER.value,
    ORIGIN_ROLE,
]


def _links(session: Session, links: list[tuple[int, str]]) -> list[TaskforceLink]:
    best: dict[int, str] = {}
    for tid, role in links:
        current = best.get(tid)
        if current is None or _ROLE_ORDER.index(role) < _ROLE_ORDER.index(current):
            best[tid] = role
    if not best:
        return []
    rows = session.execute(
        select(Taskforce.id, Taskforce.name, Taskforce.status, Taskforce.start_date)
        .where(Taskforce.id.in_(list(best)))
        .order_by(func.fold(Taskforce.name), Taskforce.id)
    )
    return [TaskforceLink(tid, name, status, best[tid], start) for tid, name, status, start in rows]


def taskforce_origins(db: Database, taskforce_id: int) -> list[tuple[int, str]]:
    """(id, name) of the organisations that raised the taskforce's problem, by name.

    The taskforce form shows them and sends them back with every save
    (TaskforceDraft.origin_organisation_ids replaces the whole list).
    """
    with db.read() as session:
        return [
            (int(oid), name)
            for oid, name in session.execute(
                select(Organisation.id, Organisation.name)
                .join(TaskforceOrigin, TaskforceOrigin.organisation_id == Organisation.id)
                .where(TaskforceOrigin.taskforce_id == taskforce_id)
                .order_by(Organisation.sort_name, Organisation.id)
            )
        ]
