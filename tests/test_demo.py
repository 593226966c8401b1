"""The demo network generator, on real SQLite files made by open_database."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from stdnum.fr import siren as siren_check
from stdnum.fr import siret as siret_check

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Attendance,
    Contact,
    Meeting,
    Organisation,
    Programme,
    RoadmapAction,
    Taskforce,
    TaskforceMember,
)
from resilian_desktop.db.storage import open_database
from resilian_desktop.demo import MAX_SCALE, DemoRefused, DemoSummary, generate_demo
from resilian_desktop.demo.plans import luhn_check_digit, make_siret
from resilian_desktop.domain.text import contact_sort_name, fold
from resilian_desktop.domain.vocab import (
    ActionStatus,
    AttendanceRole,
    AttendanceStatus,
    MeetingKind,
    MeetingStatus,
    OrganisationKind,
    TaskforceStatus,
)
from resilian_desktop.services.search import rebuild_index, search

TODAY = dt.date(2026, 6, 15)
MAIN = "RESILIAN - Alsace du Nord"
STAMPS = ("created_at", "updated_at")  # when the demo was written: the only varying columns


def new_database(directory: Path, name: str = "demo.sqlite") -> Database:
    return open_database(directory / name, backup_dir=directory / "backups")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    """One scale-1 demo shared by the read-only tests of this module."""
    db = new_database(tmp_path_factory.mktemp("demo"))
    summary = generate_demo(db, today=TODAY)
    yield db, summary
    db.dispose()


def count(db: Database, model: Any, *where: Any) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def table_rows(db: Database, table: str) -> list[tuple[Any, ...]]:
    with db.engine.connect() as connection:
        columns = [row[1] for row in connection.exec_driver_sql(f"PRAGMA table_info({table})")]
        kept = ", ".join(f'"{c}"' for c in columns if c not in STAMPS)
        return list(connection.exec_driver_sql(f'SELECT {kept} FROM "{table}" ORDER BY id'))


def late_actions(db: Database) -> int:
    return count(
        db,
        RoadmapAction,
        RoadmapAction.due_date < TODAY,
        RoadmapAction.status.not_in([ActionStatus.DONE.value, ActionStatus.DROPPED.value]),
    )


# --------------------------------------------------------------------------- scale 1


def test_summary_matches_the_rows_written(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    assert summary.organisations == count(db, Organisation)
    assert summary.contacts == count(db, Contact)
    assert summary.meetings == count(db, Meeting)
    assert summary.attendances == count(db, Attendance)
    assert summary.taskforces == count(db, Taskforce) == 6
    assert summary.actions == count(db, RoadmapAction)
    assert summary.seconds > 0


def test_about_thirty_companies_and_their_contacts(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    companies = count(db, Organisation, Organisation.kind == OrganisationKind.COMPANY.value)
    assert 25 <= companies <= 40
    assert 140 <= summary.contacts <= 200
    kinds = {
        kind
        for (kind,) in db.engine.connect().exec_driver_sql("SELECT DISTINCT kind FROM organisation")
    }
    assert {"company", "funder", "local_authority", "agency", "training_body"} <= kinds
    assert (
        count(db, Contact, Contact.is_elected_official.is_(True), Contact.mandate.is_not(None)) >= 3
    )
    assert count(db, Contact, Contact.active.is_(False)) >= 1


def test_meetings_cover_three_years(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as session:
        rows = session.execute(
            select(Meeting.kind, Meeting.date, Meeting.status, Meeting.start_time, Meeting.end_time)
        ).all()
        corners_by_year = Counter(
            day.year
            for day in session.scalars(
                select(Meeting.date)
                .join(Programme, Programme.id == Meeting.programme_id)
                .where(Meeting.kind == MeetingKind.BUSINESS_CORNER.value, Programme.name == MAIN)
            )
        )
    dates = [row.date for row in rows]
    assert min(dates) <= dt.date(2023, 8, 15)
    assert TODAY < max(dates) <= TODAY + dt.timedelta(days=75)
    # About five business corners a year (the full years inside the window).
    assert 4 <= corners_by_year[2024] <= 6
    assert 4 <= corners_by_year[2025] <= 6
    assert 13 <= sum(corners_by_year.values()) <= 18
    kinds = Counter(row.kind for row in rows)
    assert kinds[MeetingKind.CHALLENGE.value] >= 6
    assert kinds[MeetingKind.STEERING_COMMITTEE.value] >= 6
    assert kinds[MeetingKind.PLENARY.value] >= 3
    assert kinds[MeetingKind.TASKFORCE_MEETING.value] >= 30
    for row in rows:
        assert row.start_time <= row.end_time
        if row.status == MeetingStatus.HELD.value:
            assert row.date < TODAY
        elif row.status == MeetingStatus.PLANNED.value:
            assert row.date >= TODAY
    assert 1 <= Counter(row.status for row in rows)[MeetingStatus.CANCELLED.value] <= 2


def test_challenges_are_held_at_the_host(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as session:
        challenges = session.execute(
            select(Meeting, Organisation)
            .join(Organisation, Meeting.host_organisation_id == Organisation.id)
            .where(Meeting.kind == MeetingKind.CHALLENGE.value)
        ).all()
        assert challenges
        for meeting, host in challenges:
            assert meeting.title.startswith(f"Challenge chez {host.name} : ")
            assert meeting.venue == f"{host.address}, {host.postcode} {host.commune}"
            roles = Counter(
                session.scalars(
                    select(Attendance.role).where(Attendance.meeting_id == meeting.id)
                ).all()
            )
            assert roles[AttendanceRole.HOST.value] >= 2
            assert 10 <= roles[AttendanceRole.PARTICIPANT.value] <= 14


def test_attendance_is_believable(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as session:
        rows = session.execute(
            select(
                Attendance.organisation_id,
                Attendance.organisation_name,
                Attendance.job_title,
                Attendance.status,
                Attendance.role,
                Attendance.present_morning,
                Attendance.present_afternoon,
                Meeting.status.label("meeting_status"),
                Meeting.start_time,
                Meeting.end_time,
                Contact.organisation_id.label("contact_organisation_id"),
                Contact.job_title.label("contact_job_title"),
                Contact.is_elected_official,
                Organisation.name.label("contact_organisation_name"),
            )
            .join(Meeting, Attendance.meeting_id == Meeting.id)
            .join(Contact, Attendance.person_id == Contact.id)
            .outerjoin(Organisation, Contact.organisation_id == Organisation.id)
        ).all()
    statuses: Counter[str] = Counter()
    partial = 0
    for row in rows:
        assert row.organisation_id == row.contact_organisation_id
        assert row.organisation_name == row.contact_organisation_name
        assert row.job_title == row.contact_job_title
        if row.meeting_status == MeetingStatus.HELD.value:
            assert row.status in {"present", "absent", "excused"}
        elif row.meeting_status == MeetingStatus.PLANNED.value:
            assert row.status in {"invited", "registered"}
        full_day = row.start_time < dt.time(12) and row.end_time > dt.time(14)
        if full_day and row.meeting_status == MeetingStatus.HELD.value:
            assert row.present_morning is not None and row.present_afternoon is not None
            present = row.status == AttendanceStatus.PRESENT.value
            assert present == (row.present_morning or row.present_afternoon)
            partial += row.present_morning != row.present_afternoon
        elif not full_day:
            assert row.present_morning is None and row.present_afternoon is None
        if row.role == AttendanceRole.ELECTED_OFFICIAL.value:
            assert row.is_elected_official
        statuses[row.status] += 1
    assert statuses["present"] > 3 * (statuses["absent"] + statuses["excused"])
    assert statuses["absent"] and statuses["excused"]
    assert partial >= 1  # someone came for one half-day only
    with db.read() as session:
        copil_elected = session.scalar(
            select(func.count())
            .select_from(Attendance)
            .join(Meeting, Attendance.meeting_id == Meeting.id)
            .where(
                Meeting.kind == MeetingKind.STEERING_COMMITTEE.value,
                Attendance.role == AttendanceRole.ELECTED_OFFICIAL.value,
            )
        )
    assert copil_elected


def test_six_taskforces_with_roadmaps(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as session:
        taskforces = session.scalars(select(Taskforce)).all()
        statuses = Counter(t.status for t in taskforces)
        assert statuses[TaskforceStatus.ACTIVE.value] >= 3
        for status in ("closed", "emerging", "on_hold"):
            assert statuses[status] == 1
        for taskforce in taskforces:
            assert taskforce.problem_statement and taskforce.objectives
            assert taskforce.success_indicators
            assert taskforce.lead_contact is not None
            assert taskforce.lead_contact.organisation_id == taskforce.lead_organisation_id
            contacts = session.scalar(
                select(func.count())
                .select_from(TaskforceMember)
                .where(
                    TaskforceMember.taskforce_id == taskforce.id,
                    TaskforceMember.person_id.is_not(None),
                )
            )
            assert contacts is not None and 4 <= contacts <= 10
            actions = taskforce.actions
            assert 10 <= len(actions) <= 25
            assert [a.position for a in actions] == list(range(1, len(actions) + 1))
            assert any(a.is_milestone for a in actions)
            for action in actions:
                assert action.owner_person_id or action.owner_organisation_id
                assert action.start_date is not None and action.due_date is not None
                assert action.start_date <= action.due_date
                if action.status == ActionStatus.DONE.value:
                    assert action.progress == 100 and action.done_date is not None
                    assert action.done_date <= TODAY
                elif action.status == ActionStatus.IN_PROGRESS.value:
                    assert 10 <= action.progress <= 90
                if action.decided_in_meeting is not None:
                    assert action.decided_in_meeting.taskforce_id == taskforce.id
                    assert action.decided_in_meeting.status == MeetingStatus.HELD.value
                    assert action.decided_in_meeting.date <= action.start_date
        decided = session.scalar(
            select(func.count())
            .select_from(RoadmapAction)
            .where(RoadmapAction.decided_in_meeting_id.is_not(None))
        )
    assert decided
    assert late_actions(db) >= 3
    statuses_seen = {
        status
        for (status,) in db.engine.connect().exec_driver_sql(
            "SELECT DISTINCT status FROM roadmap_action"
        )
    }
    assert statuses_seen == {s.value for s in ActionStatus}


def test_sirets_are_valid_and_unique(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as session:
        rows = session.execute(select(Organisation.siren, Organisation.siret)).all()
    sirets = [siret or "" for _, siret in rows]
    assert all(siret_check.is_valid(siret) for siret in sirets)
    assert len(set(sirets)) == len(sirets)
    assert all(
        siren == siret[:9] and siren_check.is_valid(siren)
        for siren, siret in zip((siren for siren, _ in rows), sirets, strict=True)
    )


def test_names_carry_accents_apostrophes_and_ligatures(
    demo: tuple[Database, DemoSummary],
) -> None:
    db, _ = demo
    with db.read() as session:
        organisations = set(session.scalars(select(Organisation.name)).all())
        contacts = {
            f"{first} {last}"
            for first, last in session.execute(select(Contact.first_name, Contact.last_name))
        }
        emails = session.scalars(select(Contact.email).where(Contact.email.is_not(None))).all()
        phones = [
            number
            for pair in session.execute(select(Contact.phone, Contact.mobile))
            for number in pair
            if number is not None
        ]
        postcodes = set(session.execute(select(Organisation.commune, Organisation.postcode)))
    assert {"Fonderie Cœur d'Alsace", "L'Œuvre Métallique", "Plasturgie L'Oréalienne"} <= (
        organisations
    )
    assert "Ateliers Würth-Kœnig" in organisations
    for name in ("Łukasz Wiśniewski", "Thị Hồng Nguyễn", "Ayşe Yılmaz", "João Gonçalves"):
        assert name in contacts
    assert "Jean-François Schœnenberger" in contacts and "Anaïs Müller" in contacts
    assert all(email is not None and email.isascii() and email.count("@") == 1 for email in emails)
    assert len(set(emails)) == len(emails)
    assert phones and all(re.fullmatch(r"0[1-9]( \d\d){4}", number) for number in phones)
    assert any(number.startswith("03 88 ") for number in phones)
    assert any(number.startswith(("06 ", "07 ")) for number in phones)
    assert ("Reichshoffen", "67110") in postcodes and ("Haguenau", "67500") in postcodes
    assert ("Strasbourg", "67070") in postcodes


def test_the_database_is_sound(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert connection.exec_driver_sql("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_the_search_index_is_built(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as session:
        coeur = search(session, "coeur")
        loreal = search(session, "loreal")
        oeuvre = search(session, "oeuvre metal")
    assert any(
        h.type == "organisation" and h.label.startswith("Fonderie Cœur d'Alsace") for h in coeur
    )
    assert any(
        h.type == "organisation" and h.label.startswith("Plasturgie L'Oréalienne") for h in loreal
    )
    assert any(h.label.startswith("L'Œuvre Métallique") for h in oeuvre)


# --------------------------------------------------------------------------- behaviour


def test_same_seed_and_day_give_the_same_network(tmp_path: Path) -> None:
    first, second, other = (new_database(tmp_path, f"{n}.sqlite") for n in ("a", "b", "c"))
    try:
        generate_demo(first, seed=7, today=TODAY)
        generate_demo(second, seed=7, today=TODAY)
        generate_demo(other, seed=8, today=TODAY)
        for table in ("organisation", "person", "meeting", "attendance", "roadmap_action"):
            assert table_rows(first, table) == table_rows(second, table), table
        assert table_rows(first, "attendance") != table_rows(other, "attendance")
    finally:
        for db in (first, second, other):
            db.dispose()


def test_today_moves_the_calendar(tmp_path: Path) -> None:
    db = new_database(tmp_path)
    try:
        generate_demo(db, today=dt.date(2031, 2, 10))
        with db.read() as session:
            last = session.scalar(select(func.max(Meeting.date)))
            held = session.scalar(
                select(func.max(Meeting.date)).where(Meeting.status == MeetingStatus.HELD.value)
            )
        assert last is not None and held is not None
        assert dt.date(2031, 2, 10) < last and held < dt.date(2031, 2, 10)
    finally:
        db.dispose()


def test_refuses_a_database_that_holds_organisations(tmp_path: Path) -> None:
    db = new_database(tmp_path)
    try:
        generate_demo(db, today=TODAY)
        before = {t: table_rows(db, t) for t in ("organisation", "person", "attendance")}
        with pytest.raises(DemoRefused, match="already holds organisations"):
            generate_demo(db, today=TODAY)
        assert {t: table_rows(db, t) for t in before} == before
    finally:
        db.dispose()


def test_refuses_even_a_single_organisation(tmp_path: Path) -> None:
    db = new_database(tmp_path)
    try:
        with db.write() as session:
            session.add(Organisation(name="Entreprise saisie à la main"))
        with pytest.raises(DemoRefused):
            generate_demo(db, today=TODAY)
        assert count(db, Organisation) == 1
        assert count(db, Contact) == 0 and count(db, Meeting) == 0
    finally:
        db.dispose()


def test_scale_must_be_in_range(tmp_path: Path) -> None:
    db = new_database(tmp_path)
    try:
        with pytest.raises(ValueError):
            generate_demo(db, scale=0, today=TODAY)
        with pytest.raises(ValueError):
            generate_demo(db, scale=MAX_SCALE + 1, today=TODAY)
        assert count(db, Organisation) == 0
    finally:
        db.dispose()


def test_scale_three_is_three_networks(tmp_path: Path, demo: tuple[Database, DemoSummary]) -> None:
    _, one = demo
    db = new_database(tmp_path)
    try:
        three = generate_demo(db, scale=3, today=TODAY)
        assert three.organisations == 3 * one.organisations
        assert three.contacts == 3 * one.contacts
        assert three.meetings == 3 * one.meetings
        assert three.taskforces == 3 * one.taskforces
        assert three.actions == 3 * one.actions
        assert 2.5 * one.attendances < three.attendances < 3.5 * one.attendances
        with db.read() as session:
            sirets = session.scalars(select(Organisation.siret)).all()
            emails = session.scalars(select(Contact.email).where(Contact.email.is_not(None))).all()
            names = session.scalars(
                select(Organisation.name).where(Organisation.kind == "company")
            ).all()
            assert session.scalar(select(func.count()).select_from(text("programme"))) == 2
        assert len(set(sirets)) == len(sirets)
        assert all(s is not None and siret_check.is_valid(s) for s in sirets)
        assert len(set(emails)) == len(emails)
        assert len(set(names)) == len(names)
        assert late_actions(db) >= 9
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.dispose()


def test_siret_helpers() -> None:
    assert luhn_check_digit("7328293200007") == "4"  # 732 829 320 00074, a known SIRET
    sirets = {make_siret(counter, 3, 1) for counter in range(1, 5001)}
    assert len(sirets) == 5000
    assert all(siret_check.is_valid(s) for s in sirets)


def test_a_row_breaking_a_check_rolls_everything_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # CHECK constraints are skipped during the bulk insert and verified before
    # the commit: simulate a generator bug writing an unknown attendance status.
    db = new_database(tmp_path)
    try:
        monkeypatch.setattr("resilian_desktop.demo.meetings.PRESENT", "here")
        with pytest.raises(RuntimeError, match="attendance"):
            generate_demo(db, today=TODAY)
        assert count(db, Organisation) == 0 and count(db, Attendance) == 0
        monkeypatch.undo()
        with db.write() as session:
            connection = session.connection()
            assert connection.exec_driver_sql("PRAGMA ignore_check_constraints").scalar() == 0
        generate_demo(db, today=TODAY)
        with db.write() as session:
            connection = session.connection()
            assert connection.exec_driver_sql("PRAGMA ignore_check_constraints").scalar() == 0
            with pytest.raises(IntegrityError, match="CHECK"):
                session.execute(text("UPDATE attendance SET status = 'here' WHERE id = 1"))
    finally:
        db.dispose()


# --------------------------------------------------------------------------- bulk load


def index_rows(db: Database) -> list[tuple[Any, ...]]:
    with db.engine.connect() as connection:
        return list(
            connection.exec_driver_sql(
                "SELECT rowid, kind, record_id, label, terms FROM search_index ORDER BY rowid"
            )
        )


def test_derived_columns_equal_what_the_orm_paths_write(
    demo: tuple[Database, DemoSummary], tmp_path: Path
) -> None:
    """The demo fills sort keys and the search index itself, bypassing the ORM hooks."""
    db, _ = demo
    built = index_rows(db)
    assert len(built) == count(db, Organisation) + count(db, Contact) + count(db, Meeting) + count(
        db, Taskforce
    )
    copy = new_database(tmp_path, "copy.sqlite")
    try:
        generate_demo(copy, today=TODAY)
        with copy.write() as session:
            rebuild_index(session)
        assert index_rows(copy) == built
        with copy.read() as session:
            for org in session.scalars(select(Organisation)):
                assert org.sort_name == fold(org.name)
            for contact in session.scalars(select(Contact)):
                assert contact.sort_name == contact_sort_name(contact.last_name, contact.first_name)
    finally:
        copy.dispose()


def test_a_worker_process_writes_the_same_network(tmp_path: Path) -> None:
    here, there = new_database(tmp_path, "here.sqlite"), new_database(tmp_path, "there.sqlite")
    try:
        in_process = generate_demo(here, scale=2, seed=5, today=TODAY, worker=False)
        in_worker = generate_demo(there, scale=2, seed=5, today=TODAY, worker=True)
        assert {**in_worker.__dict__, "seconds": 0} == {**in_process.__dict__, "seconds": 0}
        for table in ("organisation", "person", "meeting", "attendance", "roadmap_action"):
            assert table_rows(there, table) == table_rows(here, table), table
        assert index_rows(there) == index_rows(here)
        with there.engine.connect() as connection:
            # Loaded through a rollback journal, then back in WAL.
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert not (tmp_path / "there.sqlite-journal").exists()
    finally:
        here.dispose()
        there.dispose()


def test_a_failing_worker_leaves_the_database_empty(tmp_path: Path) -> None:
    db = new_database(tmp_path)
    try:
        # A day that is not a date makes the generation fail inside the worker.
        with pytest.raises(RuntimeError, match="demo generator failed"):
            generate_demo(db, scale=2, today="June", worker=True)  # type: ignore[arg-type]
        assert count(db, Organisation) == 0 and count(db, Contact) == 0
        generate_demo(db, today=TODAY)  # the file is still usable
        assert count(db, Organisation) > 0
    finally:
        db.dispose()


def test_another_open_connection_keeps_the_load_in_wal(tmp_path: Path) -> None:
    """The window may hold a second connection: the demo still loads, in WAL."""
    db = new_database(tmp_path)
    try:
        with db.read() as session, db.engine.connect() as other:
            other.exec_driver_sql("SELECT count(*) FROM organisation").scalar()
            assert session.scalar(select(func.count()).select_from(Organisation)) == 0
            # Both checked out at once: the demo's connection is a third one.
            generate_demo(db, today=TODAY)
        assert count(db, Organisation) > 0
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        db.dispose()
