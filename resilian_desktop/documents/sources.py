"""What several documents read from the database: the letterhead, meetings,
people at a meeting, roadmap actions (through the services, Qt-free).

The builders of each document (documents/*/build.py) call these and return
plain frozen data; nothing here knows about reportlab or openpyxl. Late
actions are judged against *today* (the edition date).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from resilian_desktop import paths
from resilian_desktop.db.engine import Database
from resilian_desktop.documents.letterhead import Funder, Letterhead
from resilian_desktop.documents.lines import ActionLine, MeetingInfo, Participant
from resilian_desktop.domain.vocab import ActionStatus
from resilian_desktop.services import programmes
from resilian_desktop.services.meetings import AttendanceRow, MeetingRow
from resilian_desktop.services.taskforces import ActionRow


def resolve_logo(logo_file: str | None) -> Path | None:
    """The logo's file when it exists: absolute, or relative to the user data
    folder, then to the application's resources; None otherwise."""
    if not logo_file or not logo_file.strip():
        return None
    candidate = Path(logo_file.strip()).expanduser()
    places = (
        [candidate]
        if candidate.is_absolute()
        else [paths.data_dir() / candidate, paths.resources_dir() / candidate]
    )
    for place in places:
        try:
            if place.is_file():
                return place
        except OSError:  # an unreachable network drive, a name too long
            continue
    return None


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
        funders=tuple(
            Funder(
                f.name,
                resolve_logo(f.logo_file),
                funding_mention=(f.funding_mention or "").strip() or None,
                operation_reference=(f.operation_reference or "").strip() or None,
            )
            for f in programme.funders
        ),
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


def when(meeting: MeetingRow) -> tuple[dt.date, dt.time]:
    """Sort key of meetings: by date, then start time (an unknown one first)."""
    return meeting.date, meeting.start_time or dt.time()
