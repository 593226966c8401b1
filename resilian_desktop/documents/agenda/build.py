"""The agenda of a meeting, read from the database through the services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from resilian_desktop.db.engine import Database
from resilian_desktop.documents.agenda.model import AgendaDocument
from resilian_desktop.documents.agenda.pdf import write_agenda_pdf
from resilian_desktop.documents.lines import ActionLine
from resilian_desktop.documents.sources import action_line, letterhead, meeting_info, participant
from resilian_desktop.services import meetings, taskforces

REVIEW_AHEAD = dt.timedelta(days=61)
"""An agenda lists the open actions due within about two months of the meeting."""


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


def export_agenda(
    db: Database, meeting_id: int, target: Path, *, today: dt.date | None = None
) -> int:
    """Write the meeting's agenda to *target* (PDF, atomically); returns the page count."""
    return write_agenda_pdf(agenda_document(db, meeting_id, today=today), target)
