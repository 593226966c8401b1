"""Plain data several documents print: a meeting, a person at it, a roadmap action.

No database, no reportlab: the builders fill these, tests build them by hand.
Texts are kept exactly as typed (the writers escape them); statuses and roles
are the domain's codes (domain.vocab), turned into French words by the writers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resilian_desktop.domain.formats import contact_name


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
        return contact_name(self.first_name, self.last_name)
