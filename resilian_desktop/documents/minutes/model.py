"""A meeting's minutes as printed: plain frozen data, no database, no reportlab."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resilian_desktop.documents.letterhead import Letterhead
from resilian_desktop.documents.lines import ActionLine, MeetingInfo, Participant


@dataclass(frozen=True)
class MinutesDocument:
    """The minutes of a meeting: who came, what was said and decided, the actions created."""

    letterhead: Letterhead
    meeting: MeetingInfo
    edition_date: dt.date
    minutes: str | None = None
    decisions: str | None = None
    present: tuple[Participant, ...] = ()
    excused: tuple[Participant, ...] = ()
    actions: tuple[ActionLine, ...] = ()
    next_meeting: MeetingInfo | None = None
