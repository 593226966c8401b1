"""The checks before a sheet goes out (issue 16, point 6), on a real migrated database."""

from __future__ import annotations

import datetime as dt
import json
from itertools import product
from pathlib import Path

import pytest

from resilian_desktop import cli
from resilian_desktop.db.engine import Database
from resilian_desktop.domain import proof_rules
from resilian_desktop.domain.halfdays import attended, half_days
from resilian_desktop.domain.proof_rules import Presence
from resilian_desktop.services import meetings, proof_checks, proof_status, signatures
from resilian_desktop.services.stats import Period, held_meeting_ids
from tests import factories as f
from tests.signing import signature_png

PARIS = dt.timezone(dt.timedelta(hours=1))
SUMMER = dt.timezone(dt.timedelta(hours=2))
THURSDAY = dt.date(2026, 3, 12)


def at(day: dt.date, hour: int, minute: int, second: int = 0, tz: dt.tzinfo = PARIS) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute, second), tzinfo=tz)


def sign(db: Database, meeting_id: int, person_id: int, half_day: str, when: dt.datetime) -> None:
    signatures.add_signature(
        db, meeting_id, person_id, half_day, signature_png(person_id), signed_at=when
    )


def codes(problems: list[proof_checks.ProofProblem]) -> list[tuple[str, tuple[int, ...]]]:
    return sorted((p.code, p.person_ids) for p in problems)


@pytest.fixture
def network(db: Database) -> dict[str, int]:
    programme = f.programme(db)
    company = f.organisation(db)
    names = ("Anne", "Bruno", "Chloé", "Dominique")
    ids = {n: f.contact(db, first=n, last="Koch", organisation_id=company.id).id for n in names}
    day = f.meeting(
        db,
        programme.id,
        title="Business corner — Lean",
        date=THURSDAY,
        start_time=dt.time(9, 0),
        end_time=dt.time(17, 0),
        status="held",
        venue_capacity=3,
    )
    meetings.set_attendance(db, day.id, list(ids.values()), status="registered")
    return {"programme": programme.id, "day": day.id, **ids}


def test_every_check_names_its_meeting_and_contacts(db: Database, network: dict[str, int]) -> None:
    day, anne, bruno, chloe, dominique = (
        network[k] for k in ("day", "Anne", "Bruno", "Chloé", "Dominique")
    )
    # Three morning signatures two seconds apart: one hand for three people.
    sign(db, day, anne, "morning", at(THURSDAY, 9, 1, 0))
    sign(db, day, bruno, "morning", at(THURSDAY, 9, 1, 2))
    sign(db, day, chloe, "morning", at(THURSDAY, 9, 1, 4))
    # Chloé left at noon: no afternoon owed.
    meetings.set_attendance(
        db, day, [chloe], status="present", present_morning=True, present_afternoon=False
    )
    # Anne signs the afternoon at 18:00, half an hour past the tolerance after 17:00.
    sign(db, day, anne, "afternoon", at(THURSDAY, 18, 0))
    sign(db, day, bruno, "afternoon", at(THURSDAY, 14, 5))
    # Dominique is marked present and signs nothing.
    meetings.set_attendance(db, day, [dominique], status="present")
    # Anne is also at a meeting from 10:00 to 11:00 the same morning; Chloé at one
    # in the afternoon, after she left: no overlap for her.
    elsewhere = f.meeting(
        db,
        network["programme"],
        title="COPIL",
        kind="steering_committee",
        date=THURSDAY,
        start_time=dt.time(10, 0),
        end_time=dt.time(11, 0),
        status="held",
    )
    afternoon = f.meeting(
        db,
        network["programme"],
        title="Visite",
        date=THURSDAY,
        start_time=dt.time(14, 0),
        end_time=dt.time(16, 0),
        status="held",
    )
    meetings.set_attendance(db, elsewhere.id, [anne], status="present")
    meetings.set_attendance(db, afternoon.id, [chloe], status="present")

    problems = proof_checks.meeting_problems(db, day)
    assert codes(problems) == sorted(
        [
            ("unsigned", (dominique,)),
            ("rapid_signatures", (anne, bruno, chloe)),
            ("overlapping_meetings", (anne,)),
            ("over_capacity", ()),  # 4 present in the morning for 3 seats
            ("signature_outside_times", (anne,)),
        ]
    )
    by_code = {p.code: p for p in problems}
    assert all(p.meeting_id == day for p in problems)
    assert (
        "Meeting" in by_code["unsigned"].message and "Dominique Koch" in by_code["unsigned"].message
    )
    assert "morning and afternoon" in by_code["unsigned"].message
    assert "matin et après-midi" in by_code["unsigned"].message_fr
    rapid = by_code["rapid_signatures"]
    assert "09:01:00 Anne Koch, 09:01:02 Bruno Koch, 09:01:04 Chloé Koch" in rapid.message
    assert rapid.person_id is None and "en 4 s" in rapid.message_fr
    assert by_code["overlapping_meetings"].related_meeting_id == elsewhere.id
    assert "COPIL" in by_code["overlapping_meetings"].message
    assert "4 people present in the morning for a room of 3" in by_code["over_capacity"].message
    assert "18:00:00" in by_code["signature_outside_times"].message
    # The other side of the overlap names it too.
    assert codes(proof_checks.meeting_problems(db, elsewhere.id)) == [
        ("overlapping_meetings", (anne,))
    ]
    assert proof_checks.meeting_problems(db, afternoon.id) == []
    # The same problems for the period, every held meeting a key.
    found = proof_checks.period_problems(db, Period(THURSDAY, THURSDAY))
    assert set(found) == {day, elsewhere.id, afternoon.id}
    assert codes(found[day]) == codes(problems)


def test_tolerance_and_rapid_limits_are_exclusive(db: Database, network: dict[str, int]) -> None:
    day, anne, bruno, chloe, dominique = (
        network[k] for k in ("day", "Anne", "Bruno", "Chloé", "Dominique")
    )
    gap = proof_rules.RAPID_SECONDS
    # Exactly RAPID_SECONDS apart is a person's pace; exactly at the tolerance is inside.
    sign(db, day, anne, "morning", at(THURSDAY, 8, 30))
    sign(db, day, bruno, "morning", at(THURSDAY, 8, 30, gap))
    sign(db, day, chloe, "morning", at(THURSDAY, 8, 30, 2 * gap))
    sign(db, day, anne, "afternoon", at(THURSDAY, 17, 30))
    # One second faster: two in a row are not yet a run of RAPID_RUN.
    sign(db, day, dominique, "morning", at(THURSDAY, 8, 30, 3 * gap - 1))
    assert dt.timedelta(minutes=30) == proof_rules.SIGNING_TOLERANCE
    assert proof_rules.RAPID_RUN == 3
    # Four signed the morning for three seats; the afternoon (Anne alone) is within.
    assert codes(proof_checks.meeting_problems(db, day)) == [("over_capacity", ())]
    # A second past the tolerance is outside.
    sign(db, day, dominique, "afternoon", at(THURSDAY, 17, 30, 1))
    assert codes(proof_checks.meeting_problems(db, day)) == [
        ("over_capacity", ()),
        ("signature_outside_times", (dominique,)),
    ]


def test_signatures_on_a_holiday_or_a_weekend(db: Database, network: dict[str, int]) -> None:
    anne, bruno = network["Anne"], network["Bruno"]
    national_day = f.meeting(
        db,
        network["programme"],
        date=dt.date(2026, 7, 14),
        start_time=dt.time(9, 30),
        end_time=dt.time(12, 0),
        status="held",
    )
    good_friday = f.meeting(
        db,
        network["programme"],
        date=dt.date(2026, 4, 3),  # a working day outside Alsace-Moselle
        start_time=dt.time(9, 30),
        end_time=dt.time(12, 0),
        status="held",
    )
    for meeting_id in (national_day.id, good_friday.id):
        meetings.set_attendance(db, meeting_id, [anne, bruno], status="registered")
    sign(db, national_day.id, anne, "morning", at(dt.date(2026, 7, 14), 9, 40, tz=SUMMER))
    sign(db, national_day.id, bruno, "morning", at(dt.date(2026, 7, 14), 9, 45, tz=SUMMER))
    sign(db, good_friday.id, anne, "morning", at(dt.date(2026, 4, 3), 9, 40, tz=SUMMER))
    # Bruno signed the next day, a Saturday: outside the meeting's day too.
    sign(db, good_friday.id, bruno, "morning", at(dt.date(2026, 4, 4), 9, 40, tz=SUMMER))
    holiday = proof_checks.meeting_problems(db, national_day.id)
    assert codes(holiday) == [("signature_on_holiday", (anne,)), ("signature_on_holiday", (bruno,))]
    assert "Bastille Day" in holiday[0].message and "Fête nationale" in holiday[0].message_fr
    assert "09:40:00" in holiday[0].message
    friday = proof_checks.meeting_problems(db, good_friday.id)
    assert codes(friday) == [
        ("signature_on_holiday", (anne,)),
        ("signature_on_weekend", (bruno,)),
        ("signature_outside_times", (bruno,)),
    ]
    assert "Vendredi saint" in friday[0].message_fr


def test_proofs_command_lists_the_problems(
    capsys: pytest.CaptureFixture[str], db: Database, db_path: Path, network: dict[str, int]
) -> None:
    day, anne, bruno = network["day"], network["Anne"], network["Bruno"]
    sign(db, day, anne, "morning", at(THURSDAY, 9, 5))
    meetings.set_attendance(db, day, [bruno], status="present")
    code = cli.run(
        ["--db", str(db_path), "proofs", "--from", "2026-03-01", "--to", "2026-03-31", "--json"]
    )
    out = capsys.readouterr().out
    assert code == 0
    (item,) = json.loads(out)
    assert item["meeting_id"] == day and item["proof"] == "none"
    assert all(isinstance(p, str) for p in item["problems"])
    checks = item["checks"]
    # Anne signed the morning (which marked her afternoon absent); Bruno nothing.
    assert [(c["code"], c["person_id"], c["person_ids"]) for c in checks] == [
        ("unsigned", bruno, [bruno])
    ]
    assert item["problems"] == [c["message"] for c in checks]
    assert all(c["meeting_id"] == day and "sans signature" in c["message_fr"] for c in checks)
    code = cli.run(["--db", str(db_path), "proofs", "--from", "2026-03-01", "--to", "2026-03-31"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0 and lines[0].startswith(f"{day}\t2026-03-12\tnone\t")
    assert lines[1].startswith("\tunsigned: Meeting") and "Bruno Koch" in lines[1]


def test_overlap_rule_on_half_days() -> None:
    morning = Presence(1, THURSDAY, dt.time(9), dt.time(12), ("morning",))
    touching = Presence(2, THURSDAY, dt.time(12), dt.time(13), ("morning",))
    inside = Presence(3, THURSDAY, dt.time(11), dt.time(11, 30), ("morning",))
    untimed = Presence(4, THURSDAY, None, None, ("morning",))
    other_day = Presence(5, THURSDAY + dt.timedelta(days=1), dt.time(9), dt.time(12), ("morning",))
    assert not proof_rules.overlap(morning, touching)
    assert proof_rules.overlap(morning, inside) and proof_rules.overlap(untimed, morning)
    assert not proof_rules.overlap(morning, other_day)
    pairs = proof_rules.overlapping_pairs([morning, touching, inside, untimed, other_day])
    assert {(a.meeting_id, b.meeting_id) for a, b in pairs} == {(1, 3), (1, 4), (2, 4), (3, 4)}


TIMES = (None, dt.time(9), dt.time(12), dt.time(12, 30), dt.time(13), dt.time(14), dt.time(17))
MARKS = (None, True, False)


def test_the_sql_proof_rule_agrees_with_domain_halfdays(db: Database) -> None:
    """services.proof_status writes domain.halfdays in SQL: both agree on every
    combination of times, half-day marks and signatures."""
    programme = f.programme(db)
    contact = f.contact(db)
    expected: dict[int, str] = {}
    combos = [
        (start, end)
        for start, end in product(TIMES, TIMES)
        if start is None or end is None or end >= start
    ]
    for (start, end), morning, afternoon, signed in product(
        combos, MARKS, MARKS, ((), ("morning",), ("afternoon",), ("morning", "afternoon"))
    ):
        covered = half_days(start, end)
        if len(covered) < 2 and (morning is not None or afternoon is not None):
            continue  # half-day marks are only recorded on whole days
        if not set(signed) <= set(covered):
            continue  # a signature for a half-day not covered is refused
        meeting = f.meeting(
            db, programme.id, start_time=start, end_time=end, status="held", title="m"
        )
        meetings.set_attendance(db, meeting.id, [contact.id], status="registered")
        for i, half_day in enumerate(signed):
            sign(db, meeting.id, contact.id, half_day, at(THURSDAY, 9, i))
        meetings.set_attendance(
            db,
            meeting.id,
            [contact.id],
            status="present",
            present_morning=morning,
            present_afternoon=afternoon,
        )
        owed = set(attended(covered, morning, afternoon))
        expected[meeting.id] = "signed" if owed and owed <= set(signed) else "none"
    assert len(expected) > 150
    with db.read() as session:
        found = proof_status.proof_statuses(session, held_meeting_ids(Period(THURSDAY, THURSDAY)))
    assert found == expected
