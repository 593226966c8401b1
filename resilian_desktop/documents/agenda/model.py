"""A meeting's agenda as printed: plain frozen data, no database, no reportlab."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resilian_desktop.documents.letterhead import Letterhead
from resilian_desktop.documents.lines import ActionLine, MeetingInfo, Participant


@dataclass(frozen=True)
class AgendaDocument:
    """The agenda sent before a meeting, with the people invited."""

    letterhead: Letterhead
    meeting: MeetingInfo
    edition_date: dt.date
    agenda: str | None = None
    invited: tuple[Participant, ...] = ()
    actions_to_review: tuple[ActionLine, ...] = ()
