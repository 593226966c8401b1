"""The printed documents' contents, read from the database (Qt-free).

Each function returns a plain dataclass of exports.pdf.model that the PDF
writers turn into a file; nothing here knows about reportlab. Late actions
are judged against *today* (the edition date), or, for an agenda, against the
meeting's date when it is still to come.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Organisation, Person, TaskforceMember
from resilian_desktop.domain.vocab import ActionStatus, AttendanceStatus, MeetingStatus
from resilian_desktop.exports.pdf.model import (
    ActionLine,
    AgendaDocument,
    Funder,
    Letterhead,
    MeetingInfo,
    MemberLine,
    MinutesDocument,
    Participant,
    RoadmapDocument,
)
from resilian_desktop.services import meetings, programmes, taskforces
from resilian_desktop.services.meetings import AttendanceRow, MeetingRow
from resilian_desktop.services.sheets import resolve_logo
from resilian_desktop.services.taskforces import ActionRow

REVIEW_AHEAD = dt.timedelta(days=61)
"""An agenda lists the open actions due within about two months of the meeting."""

# One lookup for funders' logos, shared with the attendance sheets.
logo_path = resolve_logo


def letterhead(db: Database, programme_id: int) -> Letterhead:
    """The programme, agency, funders' mention and logos printed on every page.

    The mention is the programme's; without one, each funder's own (once each).
    """
    programme = programmes.get_programme(db, programme_id)
    mention = (programme.funding_mention or "").strip()
    if not mention:
        own = [f.funding_mention.strip() for f in programme.funders if f.funding_mention]
        mention = " ".join(dict.fromkeys(m for m in own if m))
    return Letterhead(
        programme=programme.name,
        agency=programme.agency_name,
        funding_mention=mention or None,
        operation_reference=programme.operation_reference,
        funders=tuple(Funder(f.name, resolve_logo(f.logo_file)) for f in programme.funders),
    )


def action_line(row: ActionRow, today: dt.date) -> ActionLine:
    """A roadmap action as printed, late or not on *today*."""
    return ActionLine(
        number=row.position,
        title=row.title,
        owner=row.owner,
        start=row.start_date,
        due=row.due_date,
        status=row.status,
        progress=100 if row.status == ActionStatus.DONE.value else row.progress,
        is_milestone=row.is_milestone,
        late=row.is_late(today),
        description=row.description,
        deliverable=row.deliverable,
        done_on=row.done_date,
    )


def meeting_info(row: MeetingRow) -> MeetingInfo:
    """What identifies a meeting on a document."""
    return MeetingInfo(
        title=row.title,
        kind=row.kind,
        date=row.date,
        start_time=row.start_time,
        end_time=row.end_time,
        venue=row.venue,
        host=row.host_organisation_name,
        taskforce=row.taskforce_name,
        topics=row.topics,
        status=row.status,
    )


def participant(row: AttendanceRow) -> Participant:
    """An attendee with the organisation and job title recorded on the day."""
    return Participant(
        last_name=row.last_name,
        first_name=row.first_name,
        organisation=row.organisation_name,
        job_title=row.job_title,
        role=row.role,
        status=row.status,
    )


def _when(meeting: MeetingRow) -> tuple[dt.date, dt.time]:
    """Sort key of meetings: by date, then start time (an unknown one first)."""
    return meeting.date, meeting.start_time or dt.time()


def _current_members(db: Database, taskforce_id: int, today: dt.date) -> tuple[MemberLine, ...]:
    """Members who have not left the taskforce by *today*."""
    with db.read() as session:
        rows = session.execute(
            select(TaskforceMember.role, Person.first_name, Person.last_name, Organisation.name)
            .outerjoin(Person, Person.id == TaskforceMember.person_id)
            .outerjoin(Organisation, Organisation.id == TaskforceMember.organisation_id)
            .where(
                TaskforceMember.taskforce_id == taskforce_id,
                or_(TaskforceMember.left_on.is_(None), TaskforceMember.left_on > today),
            )
            .order_by(Organisation.name, Person.last_name, Person.first_name, TaskforceMember.id)
        )
        return tuple(
            MemberLine(
                organisation=org_name,
                person=f"{first} {last}".strip() if last else None,
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
        key=_when,
    )
    past = sorted(
        (m for m in held if m.date <= today and m.status == MeetingStatus.HELD.value),
        key=_when,
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
        lead_person=taskforce.lead_person_name,
        members=_current_members(db, taskforce_id, today),
        actions=actions,
        next_meeting=meeting_info(coming[0]) if coming else None,
        last_meeting=meeting_info(last) if last else None,
        last_decisions=last.decisions if last else None,
    )


def agenda_document(
    db: Database, meeting_id: int, *, today: dt.date | None = None
) -> AgendaDocument:
    """The agenda of a meeting, with its invited people and, for a taskforce
    meeting, the roadmap's late actions and those falling due soon after it.

    Raises NotFoundError for an unknown meeting.
    """
    today = today or dt.date.today()
    meeting = meetings.get_meeting(db, meeting_id)
    reference = max(today, meeting.date)
    review: tuple[ActionLine, ...] = ()
    if meeting.taskforce_id is not None:
        review = tuple(
            action_line(a, reference)
            for a in taskforces.list_actions(db, taskforce_id=meeting.taskforce_id)
            if a.is_late(reference)
            or (
                a.status not in taskforces.CLOSED_ACTION_STATUSES
                and a.due_date is not None
                and reference <= a.due_date <= reference + REVIEW_AHEAD
            )
        )
    return AgendaDocument(
        letterhead=letterhead(db, meeting.programme_id),
        meeting=meeting_info(meeting),
        edition_date=today,
        agenda=meeting.agenda,
        invited=tuple(participant(a) for a in meetings.list_attendance(db, meeting_id)),
        actions_to_review=review,
    )


def minutes_document(
    db: Database, meeting_id: int, *, today: dt.date | None = None
) -> MinutesDocument:
    """The minutes of a meeting: present and excused people, minutes, decisions,
    the roadmap actions it decided, and the taskforce's next meeting.

    Raises NotFoundError for an unknown meeting.
    """
    today = today or dt.date.today()
    meeting = meetings.get_meeting(db, meeting_id)
    attendance = meetings.list_attendance(db, meeting_id)
    decided: tuple[ActionLine, ...] = ()
    next_meeting = None
    if meeting.taskforce_id is not None:
        decided = tuple(
            action_line(a, today)
            for a in taskforces.list_actions(db, taskforce_id=meeting.taskforce_id)
            if a.decided_in_meeting_id == meeting_id
        )
        later = sorted(
            (
                m
                for m in meetings.list_meetings(db, taskforce_id=meeting.taskforce_id)
                if m.date > meeting.date and m.status != MeetingStatus.CANCELLED.value
            ),
            key=_when,
        )
        next_meeting = meeting_info(later[0]) if later else None
    return MinutesDocument(
        letterhead=letterhead(db, meeting.programme_id),
        meeting=meeting_info(meeting),
        edition_date=today,
        minutes=meeting.minutes,
        decisions=meeting.decisions,
        present=tuple(
            participant(a) for a in attendance if a.status == AttendanceStatus.PRESENT.value
        ),
        excused=tuple(
            participant(a) for a in attendance if a.status == AttendanceStatus.EXCUSED.value
        ),
        actions=decided,
        next_meeting=next_meeting,
    )
