"""The roadmap of a taskforce, read from the database through the services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import or_, select

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Contact, Organisation, TaskforceMember
from resilian_desktop.documents.roadmap.model import MemberLine, RoadmapDocument
from resilian_desktop.documents.roadmap.pdf import write_roadmap_pdf
from resilian_desktop.documents.sources import action_line, letterhead, meeting_info, when
from resilian_desktop.domain.vocab import MeetingStatus
from resilian_desktop.services import meetings, taskforces


def _current_members(db: Database, taskforce_id: int, today: dt.date) -> tuple[MemberLine, ...]:
    """Members who have not left the taskforce by *today*."""
    with db.read() as session:
        rows = session.execute(
            select(TaskforceMember.role, Contact.first_name, Contact.last_name, Organisation.name)
            .outerjoin(Contact, Contact.id == TaskforceMember.person_id)
            .outerjoin(Organisation, Organisation.id == TaskforceMember.organisation_id)
            .where(
                TaskforceMember.taskforce_id == taskforce_id,
                or_(TaskforceMember.left_on.is_(None), TaskforceMember.left_on > today),
            )
            .order_by(Organisation.name, Contact.last_name, Contact.first_name, TaskforceMember.id)
        )
        return tuple(
            MemberLine(
                organisation=org_name,
                contact=f"{first} {last}".strip() if last else None,
                role=role,
            )
            for role, first, last, org_name in rows
        )


def roadmap_document(
    db: Database, taskforce_id: int, *, today: dt.date | None = None
) -> RoadmapDocument:
    """The taskforce's roadmap as of *today* (default: the current date).

    Raises NotFoundError for an unknown taskforce.
    """
    today = today or dt.date.today()
    taskforce = taskforces.get_taskforce(db, taskforce_id, today=today)
    actions = tuple(
        action_line(a, today) for a in taskforces.list_actions(db, taskforce_id=taskforce_id)
    )
    held = [
        m
        for m in meetings.list_meetings(db, taskforce_id=taskforce_id)
        if m.status != MeetingStatus.CANCELLED.value
    ]
    coming = sorted(
        (m for m in held if m.date >= today and m.status == MeetingStatus.PLANNED.value),
        key=when,
    )
    past = sorted(
        (m for m in held if m.date <= today and m.status == MeetingStatus.HELD.value),
        key=when,
    )
    last = past[-1] if past else None
    return RoadmapDocument(
        letterhead=letterhead(db, taskforce.programme_id),
        taskforce=taskforce.name,
        edition_date=today,
        status=taskforce.status,
        start_date=taskforce.start_date,
        end_date=taskforce.end_date,
        problem_statement=taskforce.problem_statement,
        objectives=taskforce.objectives,
        success_indicators=taskforce.success_indicators,
        lead_organisation=taskforce.lead_organisation_name,
        lead_contact=taskforce.lead_contact_name,
        members=_current_members(db, taskforce_id, today),
        actions=actions,
        next_meeting=meeting_info(coming[0]) if coming else None,
        last_meeting=meeting_info(last) if last else None,
        last_decisions=last.decisions if last else None,
    )


def export_roadmap(
    db: Database, taskforce_id: int, target: Path, *, today: dt.date | None = None
) -> int:
    """Write the taskforce's roadmap to *target* (PDF, atomically); returns the page count."""
    return write_roadmap_pdf(roadmap_document(db, taskforce_id, today=today), target)
