"""The minutes of a meeting, read from the database through the services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from resilian_desktop.db.engine import Database
from resilian_desktop.documents.lines import ActionLine
from resilian_desktop.documents.minutes.model import MinutesDocument
from resilian_desktop.documents.minutes.pdf import write_minutes_pdf
from resilian_desktop.documents.sources import (
    action_line,
    letterhead,
    meeting_info,
    participant,
    when,
)
from resilian_desktop.domain.vocab import AttendanceStatus, MeetingStatus
from resilian_desktop.services import meetings, taskforces


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
            key=when,
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


def export_minutes(
    db: Database, meeting_id: int, target: Path, *, today: dt.date | None = None
) -> int:
    """Write the meeting's minutes to *target* (PDF, atomically); returns the page count."""
    return write_minutes_pdf(minutes_document(db, meeting_id, today=today), target)
