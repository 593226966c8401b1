"""Merging duplicates: everything moves to the record kept, in one transaction;
the duplicate stays, archived, pointing to it; past reports change only where
the duplicate was counted twice; undo puts every row back."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    HISTORY_TABLES,
    Attendance,
    Contact,
    Meeting,
    Membership,
    Organisation,
)
from resilian_desktop.demo import generate_demo
from resilian_desktop.domain.kinds import RecordKind
from resilian_desktop.domain.vocab import AttendanceStatus, MeetingStatus, OrganisationKind
from resilian_desktop.services import contacts, organisations
from resilian_desktop.services.merging import MergeError, merge_records, undo_merge
from resilian_desktop.services.search import search
from resilian_desktop.services.stats import Period, period_figures
from tests.test_demo import TODAY, new_database

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of record, as a sorted list (a link row put back by
    an undo gets another rowid, not another content), without row versions
    (an undo is a change: versions only grow, see versions())."""
    with sqlite3.connect(path) as connection:
        snap = {}
        for table in HISTORY_TABLES:
            columns = [
                name
                for _cid, name, *_rest in connection.execute(f"PRAGMA table_info({table})")
                if name != "version"
            ]
            listed = ", ".join(columns)
            rows = connection.execute(f"SELECT {listed} FROM {table}").fetchall()
            snap[table] = sorted(rows, key=repr)
        return snap


def versions(path: Path, table: str) -> dict[int, int]:
    with sqlite3.connect(path) as connection:
        return dict(connection.execute(f"SELECT id, version FROM {table}").fetchall())


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("merge-demo")
    db = new_database(folder)
    generate_demo(db, today=TODAY)
    db.dispose()
    return folder / "demo.sqlite"


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> tuple[Database, Path]:
    shutil.copy(demo_file, tmp_path / "demo.sqlite")
    return new_database(tmp_path), tmp_path / "demo.sqlite"


def _busiest_companies(db: Database) -> tuple[int, int]:
    """The two companies with the most present attendance: a merge that moves a lot."""
    with db.read() as session:
        rows = session.execute(
            select(Attendance.organisation_id, func.count())
            .join(Organisation, Organisation.id == Attendance.organisation_id)
            .where(
                Attendance.status == AttendanceStatus.PRESENT.value,
                Organisation.kind == OrganisationKind.COMPANY.value,
            )
            .group_by(Attendance.organisation_id)
            .order_by(func.count().desc(), Attendance.organisation_id)
            .limit(2)
        ).all()
    return rows[0][0], rows[1][0]


def _periods() -> list[Period]:
    """Every year and quarter of the demo's three years."""
    periods = []
    for year in (2023, 2024, 2025, 2026):
        periods.append(Period(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        for quarter in range(4):
            start = dt.date(year, 3 * quarter + 1, 1)
            end = dt.date(year + (quarter == 3), (3 * quarter + 3) % 12 + 1, 1)
            periods.append(Period(start, end - dt.timedelta(days=1)))
    return periods


def _both_present(db: Database, period: Period, a: int, b: int) -> bool:
    """Whether both organisations were counted in the period (someone present for each)."""
    with db.read() as session:
        found = set(
            session.scalars(
                select(Attendance.organisation_id)
                .join(Meeting, Meeting.id == Attendance.meeting_id)
                .where(
                    Meeting.status == MeetingStatus.HELD.value,
                    Meeting.date >= period.date_from,
                    Meeting.date <= period.date_to,
                    Attendance.status == AttendanceStatus.PRESENT.value,
                    Attendance.organisation_id.in_((a, b)),
                )
            )
        )
    return found == {a, b}


def test_a_past_report_changes_only_where_the_duplicate_was_counted_twice(
    demo: tuple[Database, Path],
) -> None:
    """The issue's property, on the demo network: participations, half-days,
    people and meetings are identical; distinct organisations (and companies
    supported) drop by exactly one in the periods where both were counted."""
    db, _path = demo
    keep, other = _busiest_companies(db)
    periods = _periods()
    before = {p: period_figures(db, p, today=TODAY) for p in periods}
    overlaps = {p: _both_present(db, p, keep, other) for p in periods}
    assert any(overlaps.values()) and not all(overlaps.values())

    merge_records(db, RecordKind.ORGANISATION, keep, other)

    for period in periods:
        old, new = before[period], period_figures(db, period, today=TODAY)
        for unchanged in (
            "meetings_held",
            "meetings_by_kind",
            "half_days",
            "participations",
            "person_half_days",
            "distinct_people",
            "elected_officials",
            "taskforces_active",
            "taskforces_closed",
            "actions_done",
        ):
            assert getattr(new, unchanged) == getattr(old, unchanged), (period, unchanged)
        drop = int(overlaps[period])
        assert new.distinct_organisations == old.distinct_organisations - drop, period
        assert new.companies_supported == old.companies_supported - drop, period


def test_everything_moves_and_the_duplicate_points_to_the_record_kept(
    demo: tuple[Database, Path],
) -> None:
    db, _path = demo
    keep, other = _busiest_companies(db)
    with db.read() as session:
        other_contacts = set(
            session.scalars(select(Contact.id).where(Contact.organisation_id == other))
        )
        attendance = session.scalar(
            select(func.count()).where(Attendance.organisation_id.in_((keep, other)))
        )
        other_name = session.get(Organisation, other).name  # type: ignore[union-attr]
    result = merge_records(db, RecordKind.ORGANISATION, keep, other)
    assert result.moved["contacts"] == len(other_contacts)
    with db.read() as session:
        for model, column in (
            (Contact, Contact.organisation_id),
            (Attendance, Attendance.organisation_id),
            (Membership, Membership.organisation_id),
        ):
            assert (
                session.scalar(select(func.count()).select_from(model).where(column == other)) == 0
            )
        assert (
            session.scalar(select(func.count()).where(Attendance.organisation_id == keep))
            == attendance
        )
        merged = session.get(Organisation, other)
        assert merged is not None and merged.merged_into_id == keep and merged.archived_at
    # Archived, out of the lists; the search finds the record kept.
    assert other not in {o.id for o in organisations.list_organisations(db)}
    with db.read() as session:
        hits = {(h.type, h.id) for h in search(session, other_name)}
    assert ("organisation", other) not in hits
    # The contacts that moved are found under the organisation kept.
    with db.read() as session:
        keep_name = session.get(Organisation, keep).name  # type: ignore[union-attr]
        for moved in sorted(other_contacts)[:3]:
            contact = session.get(Contact, moved)
            assert contact is not None
            labels = {
                h.label
                for h in search(session, f"{contact.first_name} {contact.last_name}")
                if (h.type, h.id) == ("contact", moved)
            }
            assert labels and all(label.endswith(f" — {keep_name}") for label in labels), labels
    with pytest.raises(MergeError):
        merge_records(db, RecordKind.ORGANISATION, keep, other)


def test_undo_puts_every_row_back(demo: tuple[Database, Path]) -> None:
    db, path = demo
    keep, other = _busiest_companies(db)
    before = snapshot(path)
    versions_before = versions(path, "attendance")
    result = merge_records(db, RecordKind.ORGANISATION, keep, other, choose={"siret": "other"})
    assert snapshot(path) != before
    versions_merged = versions(path, "attendance")
    undo_merge(db, result)
    assert snapshot(path) == before
    # Each attendance row moved and moved back went forward twice, never back.
    versions_after = versions(path, "attendance")
    moved = {i for i, v in versions_merged.items() if v != versions_before[i]}
    assert moved and all(versions_merged[i] == versions_before[i] + 1 for i in moved)
    assert all(versions_after[i] == versions_before[i] + 2 for i in moved)
    assert all(versions_after[i] == v for i, v in versions_before.items() if i not in moved)
    with db.read() as session:
        name = session.get(Organisation, other).name  # type: ignore[union-attr]
        assert ("organisation", other) in {(h.type, h.id) for h in search(session, name)}


def test_a_dry_run_lists_and_writes_nothing(demo: tuple[Database, Path]) -> None:
    db, path = demo
    keep, other = _busiest_companies(db)
    before = snapshot(path)
    result = merge_records(db, RecordKind.ORGANISATION, keep, other, dry_run=True)
    assert not result.applied and result.moved["attendance rows"] > 0
    assert any(line.startswith("would move:") for line in result.lines())
    assert snapshot(path) == before


def test_contacts_at_the_same_meeting_become_one_attendance(db: Database) -> None:
    from tests import factories as f

    programme = f.programme(db)
    meeting = f.meeting(db, programme.id)
    keep = f.contact(db, "Anaïs", "Müller", email="a.muller@example.fr")
    other = contacts.create_contact(
        db,
        contacts.ContactDraft(first_name="Anais", last_name="Muller", phone="03 88 12 34 56"),
        allow_duplicate=True,
    )
    with db.write() as session:
        session.add(Attendance(meeting_id=meeting.id, person_id=keep.id, status="registered"))
        session.add(Attendance(meeting_id=meeting.id, person_id=other.id, status="present"))
    result = merge_records(db, RecordKind.CONTACT, keep.id, other.id)
    assert result.joined["attendance rows"] == 1
    with db.read() as session:
        rows = session.execute(
            select(Attendance.person_id, Attendance.status).where(
                Attendance.meeting_id == meeting.id
            )
        ).all()
    assert rows == [(keep.id, "present")]
    kept = contacts.get_contact(db, keep.id)
    # KEEP's values, OTHER's where KEEP had none.
    assert (kept.email, kept.phone) == ("a.muller@example.fr", "03 88 12 34 56")


def test_merge_command(demo: tuple[Database, Path]) -> None:
    db, path = demo
    keep, other = _busiest_companies(db)
    db.dispose()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "resilian_desktop", "--db", str(path), "merge", *args],
            capture_output=True,
            text=True,
            check=False,
        )

    dry = run("organisation", str(keep), str(other), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("dry run, nothing written:") and "would move:" in dry.stdout
    done = run("organisation", str(keep), str(other))
    assert done.returncode == 0 and f"merged into {keep}" in done.stdout
    again = run("organisation", str(keep), str(other))
    assert again.returncode == 1 and "merged into" in again.stderr
    unknown = run("contact", "1", "999999")
    assert unknown.returncode == 1 and "999999" in unknown.stderr
    # The duplicate stays, archived, pointing to the record kept; the others point nowhere.
    command = ["list", "organisations", "--archived", "--json"]
    listed = subprocess.run(
        [sys.executable, "-m", "resilian_desktop", "--db", str(path), *command],
        capture_output=True,
        text=True,
        check=True,
    )
    pointers = {o["id"]: o["merged_into_id"] for o in json.loads(listed.stdout)}
    assert pointers[other] == keep
    assert {i for i, into in pointers.items() if into is not None} == {other}
