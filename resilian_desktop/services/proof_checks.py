"""The checks before a sheet goes out (issue 16, point 6): what a funder's
controller would reject, found before the controller does.

Each problem names its meeting and, when it is about people, the people. The
codes:

- ``unsigned``: a person present without a signature for a half-day they
  attended, on a meeting signed on screen (one with at least one signature:
  a meeting signed on paper has no signatures in the database to miss);
- ``signature_on_holiday`` / ``signature_on_weekend``: a signature made on a
  French public holiday (Alsace-Moselle's included: domain.holidays) or on a
  Saturday or Sunday; ``meeting_on_holiday`` / ``meeting_on_weekend`` the
  same for a meeting signed on paper, whose signatures carry its date;
- ``rapid_signatures``: signatures of one half-day made faster than a person
  can sign (domain.proof_rules: RAPID_RUN in a row, each under RAPID_SECONDS
  after the previous), with their times;
- ``overlapping_meetings``: a person present at another meeting whose times
  overlap, for a half-day they attended at both;
- ``over_capacity``: more people present for a half-day than the room's
  recorded capacity;
- ``signature_outside_times``: a signature made on another day, or more than
  domain.proof_rules.SIGNING_TOLERANCE before the start or after the end.

Messages come in English and French (the command line prints the English
one, the window the one of its language).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Attendance, Contact, Meeting, SignatureRecord
from resilian_desktop.domain import formats, proof_rules
from resilian_desktop.domain.halfdays import AFTERNOON, MORNING, attended, half_days
from resilian_desktop.domain.holidays import HOLIDAY_NAMES, holiday_of, is_weekend
from resilian_desktop.domain.vocab import AttendanceStatus, MeetingStatus
from resilian_desktop.services.common import get_or_raise
from resilian_desktop.services.stats import Period, held_meeting_ids

UNSIGNED = "unsigned"
SIGNATURE_ON_HOLIDAY = "signature_on_holiday"
SIGNATURE_ON_WEEKEND = "signature_on_weekend"
MEETING_ON_HOLIDAY = "meeting_on_holiday"
MEETING_ON_WEEKEND = "meeting_on_weekend"
RAPID_SIGNATURES = "rapid_signatures"
OVERLAPPING_MEETINGS = "overlapping_meetings"
OVER_CAPACITY = "over_capacity"
SIGNATURE_OUTSIDE_TIMES = "signature_outside_times"

# (English, French) of each half-day.
_HALF_DAY_WORDS = {MORNING: ("morning", "matin"), AFTERNOON: ("afternoon", "après-midi")}


def _half_day(code: str, lang: int) -> str:
    """0: English, 1: French."""
    return _HALF_DAY_WORDS[code][lang]


@dataclass(frozen=True)
class ProofProblem:
    """One thing a controller would reject on a meeting's sheet."""

    code: str
    meeting_id: int
    person_ids: tuple[int, ...]  # the people it is about, when it is about people
    heading: str  # the meeting: "Meeting 12 “Business corner — Lean” of 12/03/2026"
    heading_fr: str
    detail: str  # what is wrong, naming the people (English)
    detail_fr: str
    related_meeting_id: int | None = None  # the other meeting of an overlap
    half_days: tuple[str, ...] = ()  # the half-days left unsigned ("unsigned")

    @property
    def message(self) -> str:
        """The whole problem in English, meeting first."""
        return f"{self.heading}: {self.detail}"

    @property
    def message_fr(self) -> str:
        return f"{self.heading_fr} : {self.detail_fr}"

    @property
    def person_id(self) -> int | None:
        """The person, when the problem is about one person."""
        return self.person_ids[0] if len(self.person_ids) == 1 else None

    def text(self, lang: str) -> str:
        return self.message_fr if lang == "fr" else self.message

    def detail_text(self, lang: str) -> str:
        """What is wrong without the meeting's name (a window showing that meeting)."""
        return self.detail_fr if lang == "fr" else self.detail


@dataclass(frozen=True)
class _Meeting:
    id: int
    title: str
    date: dt.date
    start: dt.time | None
    end: dt.time | None
    capacity: int | None
    covered: tuple[str, ...]  # domain.halfdays.half_days of its times

    def heading(self, lang: int) -> str:
        day = formats.short_date(self.date)
        if lang:
            return f"Réunion {self.id} « {self.title} » du {day}"
        return f"Meeting {self.id} “{self.title}” of {day}"


def _meeting(
    meeting_id: int,
    title: str,
    day: dt.date,
    start: dt.time | None,
    end: dt.time | None,
    capacity: int | None,
) -> _Meeting:
    return _Meeting(meeting_id, title, day, start, end, capacity, half_days(start, end))


@dataclass
class _Facts:
    """What the checks read of the chosen meetings (and of overlapping ones)."""

    meetings: dict[int, _Meeting] = field(default_factory=dict)
    present: dict[int, list[tuple[int, tuple[str, ...]]]] = field(default_factory=dict)
    signatures: dict[int, list[tuple[int, str, dt.datetime]]] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    others: dict[int, _Meeting] = field(default_factory=dict)  # every meeting of an overlap
    # (person, day) -> that person's presences that day (meeting, half-days attended),
    # at the chosen meetings and others
    presences: dict[tuple[int, dt.date], list[tuple[_Meeting, tuple[str, ...]]]] = field(
        default_factory=dict
    )
    # meeting id -> (person, other meeting) for each overlap
    overlaps: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    def find_overlaps(self) -> None:
        for (person_id, _day), seen in self.presences.items():
            if len(seen) < 2:
                continue
            presences = [
                proof_rules.Presence(m.id, m.date, m.start, m.end, there) for m, there in seen
            ]
            for a, b in proof_rules.overlapping_pairs(presences):
                self.overlaps.setdefault(a.meeting_id, []).append((person_id, b.meeting_id))
                self.overlaps.setdefault(b.meeting_id, []).append((person_id, a.meeting_id))


def _who(facts: _Facts, person_id: int, lang: int) -> str:
    # "contact" in both languages: the word the lists and `list contacts` use.
    return f"{facts.names.get(person_id) or '?'} (contact {person_id})"


def _clock(moment: dt.datetime) -> str:
    return f"{moment:%H:%M:%S}"


def _read(session: Session, chosen: Select[Any]) -> _Facts:
    # Plain Core rows: at a few hundred thousand rows the ORM's row handling
    # cost as much as SQLite (benchmarks/bench_proofs.py).
    connection = session.connection()
    facts = _Facts()
    for row in connection.execute(
        select(
            Meeting.id,
            Meeting.title,
            Meeting.date,
            Meeting.start_time,
            Meeting.end_time,
            Meeting.venue_capacity,
        ).where(Meeting.id.in_(chosen))
    ):
        facts.meetings[row[0]] = _meeting(*row)
        facts.present[row[0]] = []
        facts.signatures[row[0]] = []
    for meeting_id, person_id, morning, afternoon in connection.execute(
        select(
            Attendance.meeting_id,
            Attendance.person_id,
            Attendance.present_morning,
            Attendance.present_afternoon,
        )
        .where(
            Attendance.meeting_id.in_(chosen),
            Attendance.status == AttendanceStatus.PRESENT.value,
        )
        .order_by(Attendance.meeting_id, Attendance.id)
    ):
        meeting = facts.meetings[meeting_id]
        there = attended(meeting.covered, morning, afternoon)
        facts.present[meeting_id].append((person_id, there))
        facts.presences.setdefault((person_id, meeting.date), []).append((meeting, there))
    for meeting_id, person_id, half_day, signed_at in connection.execute(
        select(
            SignatureRecord.meeting_id,
            SignatureRecord.person_id,
            SignatureRecord.half_day,
            SignatureRecord.signed_at,
        )
        .where(SignatureRecord.meeting_id.in_(chosen))
        .order_by(SignatureRecord.meeting_id, SignatureRecord.position)
    ):
        facts.signatures[meeting_id].append(
            (person_id, half_day, dt.datetime.fromisoformat(signed_at))
        )
    # Overlaps with meetings not chosen (another programme, a planned one): those
    # not cancelled, on the same days, where the same people were present.
    contacts = select(Attendance.person_id).where(
        Attendance.meeting_id.in_(chosen), Attendance.status == AttendanceStatus.PRESENT.value
    )
    days = select(Meeting.date).where(Meeting.id.in_(chosen))
    others: dict[int, _Meeting] = {}
    for (
        person_id,
        morning,
        afternoon,
        meeting_id,
        title,
        day,
        start,
        end,
        capacity,
    ) in connection.execute(
        select(
            Attendance.person_id,
            Attendance.present_morning,
            Attendance.present_afternoon,
            Meeting.id,
            Meeting.title,
            Meeting.date,
            Meeting.start_time,
            Meeting.end_time,
            Meeting.venue_capacity,
        )
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(
            Meeting.date.in_(days),
            Meeting.id.not_in(chosen),
            Meeting.status != MeetingStatus.CANCELLED.value,
            Attendance.status == AttendanceStatus.PRESENT.value,
            Attendance.person_id.in_(contacts),
        )
    ):
        meeting = others.get(meeting_id) or _meeting(meeting_id, title, day, start, end, capacity)
        others[meeting_id] = meeting
        there = attended(meeting.covered, morning, afternoon)
        facts.presences.setdefault((person_id, day), []).append((meeting, there))
    facts.find_overlaps()
    facts.others = {**others, **facts.meetings}
    signers = select(SignatureRecord.person_id).where(SignatureRecord.meeting_id.in_(chosen))
    for person_id, first, last in connection.execute(
        select(Contact.id, Contact.first_name, Contact.last_name).where(
            Contact.id.in_(contacts.union(signers))
        )
    ):
        facts.names[person_id] = formats.contact_name(first, last)
    return facts


def _problem(
    code: str,
    meeting: _Meeting,
    contacts: tuple[int, ...],
    detail: str,
    detail_fr: str,
    **extra: Any,
) -> ProofProblem:
    return ProofProblem(
        code,
        meeting.id,
        contacts,
        meeting.heading(0),
        meeting.heading(1),
        detail,
        detail_fr,
        **extra,
    )


def _unsigned(facts: _Facts, meeting: _Meeting) -> Iterable[ProofProblem]:
    if not facts.signatures[meeting.id]:
        return
    signed = {(p, h) for p, h, _ in facts.signatures[meeting.id]}
    for person_id, there in facts.present[meeting.id]:
        missing = tuple(h for h in there if (person_id, h) not in signed)
        if not missing:
            continue
        en = " and ".join(_half_day(h, 0) for h in missing)
        fr = " et ".join(_half_day(h, 1) for h in missing)
        yield _problem(
            UNSIGNED,
            meeting,
            (person_id,),
            f"{_who(facts, person_id, 0)} is marked present ({en}) without a signature",
            f"{_who(facts, person_id, 1)} est marqué(e) présent(e) ({fr}) sans signature",
            half_days=missing,
        )


def _day_problem(day: dt.date) -> tuple[str, str, str] | None:
    """(kind, English, French) when *day* is a public holiday or a weekend day."""
    holiday = holiday_of(day)
    if holiday is not None:
        fr, en = HOLIDAY_NAMES[holiday]
        return "holiday", f"a public holiday ({en})", f"un jour férié ({fr})"
    if is_weekend(day):
        en_day = formats.weekday_name(day, "en")
        fr_day = formats.weekday_name(day, "fr")
        return "weekend", f"a {en_day}", f"un {fr_day}"
    return None


def _days_off(facts: _Facts, meeting: _Meeting) -> Iterable[ProofProblem]:
    signatures = facts.signatures[meeting.id]
    if not signatures:
        found = _day_problem(meeting.date)
        if found is not None:
            kind, en, fr = found
            yield _problem(
                MEETING_ON_HOLIDAY if kind == "holiday" else MEETING_ON_WEEKEND,
                meeting,
                (),
                f"held on {en}, the date its signatures carry",
                f"tenue {fr}, la date que portent ses signatures",
            )
        return
    by_contact: dict[tuple[int, dt.date], list[dt.datetime]] = {}
    for person_id, _half, signed_at in signatures:
        by_contact.setdefault((person_id, signed_at.date()), []).append(signed_at)
    for (person_id, day), moments in by_contact.items():
        found = _day_problem(day)
        if found is None:
            continue
        kind, en, fr = found
        times = ", ".join(_clock(m) for m in moments)
        yield _problem(
            SIGNATURE_ON_HOLIDAY if kind == "holiday" else SIGNATURE_ON_WEEKEND,
            meeting,
            (person_id,),
            f"{_who(facts, person_id, 0)} signed on {formats.short_date(day)}, {en} (at {times})",
            f"{_who(facts, person_id, 1)} a signé le {formats.short_date(day)}, {fr} (à {times})",
        )


def _rapid(facts: _Facts, meeting: _Meeting) -> Iterable[ProofProblem]:
    by_half: dict[str, list[tuple[dt.datetime, int]]] = {}
    for person_id, half_day, signed_at in facts.signatures[meeting.id]:
        by_half.setdefault(half_day, []).append((signed_at, person_id))
    for half_day, signed in by_half.items():
        for run in proof_rules.rapid_runs(signed):
            contacts = tuple(p for _, p in run)
            pattern = ", ".join(f"{_clock(m)} {facts.names.get(p) or '?'}" for m, p in run)
            span = int((run[-1][0] - run[0][0]).total_seconds())
            yield _problem(
                RAPID_SIGNATURES,
                meeting,
                contacts,
                f"{len(run)} signatures of the {_half_day(half_day, 0)} in {span} s, each less "
                f"than {proof_rules.RAPID_SECONDS} s after the previous: {pattern}",
                f"{len(run)} signatures du {_half_day(half_day, 1)} en {span} s, chacune moins "
                f"de {proof_rules.RAPID_SECONDS} s après la précédente : {pattern}",
            )


def _times(meeting: _Meeting, lang: str) -> str:
    if lang == "fr":
        return formats.time_range(meeting.start, meeting.end, "fr") or "sans horaires"
    return formats.time_range(meeting.start, meeting.end, "en") or "no times"


def _overlaps(facts: _Facts, meeting: _Meeting) -> Iterable[ProofProblem]:
    for person_id, other_id in facts.overlaps.get(meeting.id, []):
        them = facts.others[other_id]
        yield _problem(
            OVERLAPPING_MEETINGS,
            meeting,
            (person_id,),
            f"{_who(facts, person_id, 0)}, present here ({_times(meeting, 'en')}), is also "
            f"marked present at meeting {them.id} “{them.title}” ({_times(them, 'en')}), "
            "which overlaps",
            f"{_who(facts, person_id, 1)}, présent(e) ici ({_times(meeting, 'fr')}), est "
            f"aussi marqué(e) présent(e) à la réunion {them.id} « {them.title} » "
            f"({_times(them, 'fr')}), qui la chevauche",
            related_meeting_id=them.id,
        )


def _capacity(facts: _Facts, meeting: _Meeting) -> Iterable[ProofProblem]:
    if meeting.capacity is None:
        return
    for half_day in meeting.covered:
        count = sum(1 for _, there in facts.present[meeting.id] if half_day in there)
        if count > meeting.capacity:
            yield _problem(
                OVER_CAPACITY,
                meeting,
                (),
                f"{count} people present in the {_half_day(half_day, 0)} for a room of "
                f"{meeting.capacity}",
                f"{count} personnes présentes le {_half_day(half_day, 1)} pour une salle de "
                f"{meeting.capacity}",
            )


def _outside(facts: _Facts, meeting: _Meeting) -> Iterable[ProofProblem]:
    tolerance = int(proof_rules.SIGNING_TOLERANCE.total_seconds() // 60)
    for person_id, half_day, signed_at in facts.signatures[meeting.id]:
        if not proof_rules.signed_outside(meeting.date, meeting.start, meeting.end, signed_at):
            continue
        when = f"{formats.short_date(signed_at.date())} {_clock(signed_at)}"
        yield _problem(
            SIGNATURE_OUTSIDE_TIMES,
            meeting,
            (person_id,),
            f"{_who(facts, person_id, 0)} signed for the {_half_day(half_day, 0)} on {when}, "
            f"outside the meeting's day and times ({_times(meeting, 'en')}, ±{tolerance} min)",
            f"{_who(facts, person_id, 1)} a signé pour le {_half_day(half_day, 1)} le {when}, "
            f"hors du jour et des horaires de la réunion ({_times(meeting, 'fr')}, "
            f"±{tolerance} min)",
        )


CHECKS = (_unsigned, _days_off, _rapid, _overlaps, _capacity, _outside)


def _problems_in(session: Session, chosen: Select[Any]) -> dict[int, list[ProofProblem]]:
    facts = _read(session, chosen)
    return {
        meeting.id: [problem for check in CHECKS for problem in check(facts, meeting)]
        for meeting in facts.meetings.values()
    }


def period_problems(db: Database, period: Period) -> dict[int, list[ProofProblem]]:
    """The problems of each held meeting of *period* (every held meeting is a key)."""
    with db.read() as session:
        return _problems_in(session, held_meeting_ids(period))


def problems_in(session: Session, chosen: Select[Any]) -> dict[int, list[ProofProblem]]:
    """The problems of the meetings whose ids *chosen* selects, in the caller's transaction."""
    return _problems_in(session, chosen)


def meeting_problems(db: Database, meeting_id: int) -> list[ProofProblem]:
    """The problems of one meeting, whatever its status (the window shows them
    before the sheet is printed or exported)."""
    with db.read() as session:
        get_or_raise(session, Meeting, meeting_id, "meeting")
        return _problems_in(session, select(Meeting.id).where(Meeting.id == meeting_id))[meeting_id]
