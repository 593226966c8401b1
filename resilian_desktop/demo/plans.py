"""What the generator keeps about the records it made: people, companies, meeting and
taskforce plans; and the small helpers that make SIRETs, phone numbers and dates."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from functools import lru_cache

from resilian_desktop.demo.catalogue import TaskforceTemplate
from resilian_desktop.domain.text import fold
from resilian_desktop.domain.vocab import MeetingKind, MemberRole


def luhn_check_digit(payload: str) -> str:
    """The digit that, appended to *payload*, makes the whole pass the Luhn check."""
    total = 0
    for index, char in enumerate(reversed(payload)):
        digit = int(char)
        if index % 2 == 0:  # doubled once the check digit is appended
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def make_siret(counter: int, first_digit: int, nic: int) -> str:
    """A SIRET valid for the Luhn checks, unique for each *counter* below 10**7.

    The last seven digits of the SIREN body are a bijection of the counter
    (an affine map modulo 10**7 with a multiplier prime to 10, the digits
    reversed, a second affine map), so they look scattered yet never repeat;
    *first_digit* gives the family (2 for public bodies, 3 to 9 for companies)
    and *nic* the establishment number.
    """
    mixed = (counter * 6_180_339 + 2_718_281) % 10_000_000
    mixed = (int(f"{mixed:07d}"[::-1]) * 4_142_137 + 1_732_050) % 10_000_000
    body = f"{first_digit}{mixed:07d}"
    siren = body + luhn_check_digit(body)
    payload = siren + f"{nic:04d}"
    return payload + luhn_check_digit(payload)


def staff_size(headcount: int) -> int:
    """How many contacts the officer has in a company of *headcount* employees."""
    for limit, size in ((30, 3), (100, 4), (300, 5), (800, 6)):
        if headcount < limit:
            return size
    return 8


@lru_cache(maxsize=8192)
def slug(text: str) -> str:
    """ASCII lower-case words joined by hyphens; apostrophes glue ("L'Œuvre" -> "loeuvre")."""
    return "-".join(fold(text.replace("'", "").replace("’", "")).split())


def shift_to_weekday(day: dt.date) -> dt.date:
    """The nearest Tuesday, Wednesday or Thursday: meetings avoid Mondays, Fridays, weekends."""
    return day + dt.timedelta(days=(1, 0, 0, 0, -1, -2, 2)[day.weekday()])


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def phone(rng: random.Random, prefix: str) -> str:
    """A French number: *prefix* "03 88" (then three pairs) or "06" (then four pairs)."""
    if " " in prefix:
        n = rng.randrange(1_000_000)
        return f"{prefix} {n // 10_000:02d} {n // 100 % 100:02d} {n % 100:02d}"
    n = rng.randrange(100_000_000)
    return (
        f"{prefix} {n // 1_000_000:02d} {n // 10_000 % 100:02d} {n // 100 % 100:02d} {n % 100:02d}"
    )


@dataclass(slots=True, eq=False)
class Who:
    """A person as the generator needs it to fill attendance and roadmaps."""

    id: int
    org_id: int | None
    org_name: str | None
    job: str | None
    director: bool
    elected: bool
    available_from: dt.date  # membership of the organisation
    available_until: dt.date  # membership end, or the person left (exclusive)

    def available(self, day: dt.date) -> bool:
        return self.available_from <= day < self.available_until


@dataclass(slots=True, eq=False)
class Company:
    id: int
    name: str
    address: str
    postcode: str
    commune: str
    headcount: int
    expertise: tuple[int, ...]
    needs: tuple[int, ...]
    food: bool
    since: dt.date | None
    until: dt.date | None
    staff: list[Who] = field(default_factory=list)

    @property
    def venue(self) -> str:
        return f"{self.address}, {self.postcode} {self.commune}"


@dataclass(slots=True, eq=False)
class MeetingPlan:
    kind: MeetingKind
    programme_id: int
    day: dt.date
    start: dt.time
    end: dt.time
    title: str
    topics: tuple[int, ...]
    host: Company | None = None
    venue: str | None = None
    host_org_id: int | None = None
    taskforce: int | None = None  # index of the taskforce in the copy
    number: int = 0  # taskforce meeting number
    last: bool = False  # closing meeting of a closed taskforce
    extra: str = ""  # challenge subject, corner theme...


@dataclass(slots=True, eq=False)
class TaskforcePlan:
    id: int
    template: TaskforceTemplate
    start: dt.date
    stop: dt.date | None
    lead_org: Company
    lead: Who
    members: list[tuple[Who, MemberRole, dt.date]]  # person, role, joined on
    org_ids: list[int]
    meetings: list[tuple[int, dt.date]] = field(default_factory=list)  # held: (id, date)
