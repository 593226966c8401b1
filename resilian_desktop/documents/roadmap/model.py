"""A taskforce's roadmap as printed: plain frozen data, no database, no reportlab."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resilian_desktop.documents.letterhead import Letterhead
from resilian_desktop.documents.lines import ActionLine, MeetingInfo


@dataclass(frozen=True)
class MemberLine:
    """A member of a taskforce: a person of an organisation, or a whole organisation."""

    organisation: str | None
    contact: str | None = None
    role: str = "member"


@dataclass(frozen=True)
class RoadmapDocument:
    """A taskforce's roadmap as handed out at its meetings."""

    letterhead: Letterhead
    taskforce: str
    edition_date: dt.date
    status: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    problem_statement: str | None = None
    objectives: str | None = None
    success_indicators: str | None = None
    lead_organisation: str | None = None
    lead_contact: str | None = None
    members: tuple[MemberLine, ...] = ()
    actions: tuple[ActionLine, ...] = ()
    next_meeting: MeetingInfo | None = None
    last_meeting: MeetingInfo | None = None
    last_decisions: str | None = None
