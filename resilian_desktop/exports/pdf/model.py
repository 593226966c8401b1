"""The plain data each PDF document is drawn from.

No database, no reportlab: services.documents fills these from the database,
tests and benchmarks build them by hand. Texts are kept exactly as typed
(the writers escape them); statuses and roles are the domain's codes
(domain.vocab), turned into French words by the writers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Funder:
    """A funder of the programme; its logo is printed when the file can be read."""

    name: str
    logo_path: Path | None = None


@dataclass(frozen=True)
class Letterhead:
    """What every page carries: the programme, the agency and the funders' mention."""

    programme: str
    agency: str | None = None
    funding_mention: str | None = None
    operation_reference: str | None = None
    funders: tuple[Funder, ...] = ()


@dataclass(frozen=True)
class ActionLine:
    """One action of a roadmap, as printed."""

    number: int
    title: str
    owner: str | None = None
    start: dt.date | None = None
    due: dt.date | None = None
    status: str = "todo"
    progress: int = 0
    is_milestone: bool = False
    late: bool = False
    description: str | None = None
    deliverable: str | None = None
    done_on: dt.date | None = None


@dataclass(frozen=True)
class MemberLine:
    """A member of a taskforce: a person of an organisation, or a whole organisation."""

    organisation: str | None
    person: str | None = None
    role: str = "member"


@dataclass(frozen=True)
class MeetingInfo:
    """What identifies a meeting on a document."""

    title: str
    kind: str
    date: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue: str | None = None
    host: str | None = None
    taskforce: str | None = None
    topics: tuple[str, ...] = ()
    status: str = "planned"


@dataclass(frozen=True)
class Participant:
    """A person invited to, or present at, a meeting (organisation and job of the day)."""

    last_name: str
    first_name: str
    organisation: str | None = None
    job_title: str | None = None
    role: str = "participant"
    status: str = "invited"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


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
    lead_person: str | None = None
    members: tuple[MemberLine, ...] = ()
    actions: tuple[ActionLine, ...] = ()
    next_meeting: MeetingInfo | None = None
    last_meeting: MeetingInfo | None = None
    last_decisions: str | None = None


@dataclass(frozen=True)
class AgendaDocument:
    """The agenda sent before a meeting, with the people invited."""

    letterhead: Letterhead
    meeting: MeetingInfo
    edition_date: dt.date
    agenda: str | None = None
    invited: tuple[Participant, ...] = ()
    actions_to_review: tuple[ActionLine, ...] = ()


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
