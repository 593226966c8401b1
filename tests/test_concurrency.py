"""Concurrent edits never lose data silently (issue 15, point 3).

Two officers are two Database objects on the same database (a SQLite file, or
a database of the test session's PostgreSQL server), each with its own
connections, as two application windows on a shared database would be.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session

from resilian_desktop import paths
from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Meeting
from resilian_desktop.db.storage import open_database
from resilian_desktop.domain.errors import StaleRecordError
from resilian_desktop.domain.vocab import AttendanceStatus
from resilian_desktop.services import contacts, meetings, organisations, taskforces
from tests import factories as f

pytestmark = pytest.mark.both_engines


@pytest.fixture
def second(db: Database, db_location: str, tmp_path: Path) -> Iterator[Database]:
    """The other officer: another Database on the same file or server database."""
    other = open_database(paths.database_location(db_location), backup_dir=tmp_path / "b2")
    yield other
    other.dispose()


def user_of(db: Database) -> str:
    """Who the database says is writing: the server's role, or the OS login for SQLite."""
    if not db.on_server:
        return getpass.getuser()
    with db.read() as session:
        return str(session.scalar(text("SELECT current_user")))


def meeting_draft(row: meetings.MeetingRow, **changes: object) -> meetings.MeetingDraft:
    """The draft a meeting window would send for *row*, with *changes* typed."""
    values: dict[str, object] = {
        "programme_id": row.programme_id,
        "kind": row.kind,
        "title": row.title,
        "date": row.date,
        "start_time": row.start_time,
        "end_time": row.end_time,
        "venue": row.venue,
        "host_organisation_id": row.host_organisation_id,
        "taskforce_id": row.taskforce_id,
        "agenda": row.agenda,
        "minutes": row.minutes,
        "decisions": row.decisions,
        "status": row.status,
    }
    values.update(changes)
    return meetings.MeetingDraft(**values)  # type: ignore[arg-type]


@pytest.fixture
def meeting(db: Database) -> meetings.MeetingRow:
    programme = f.programme(db)
    return f.meeting(
        db,
        programme.id,
        venue="Haguenau",
        start_time=dt.time(9),
        end_time=dt.time(17),
    )


def test_rows_record_their_author_and_version(db: Database, meeting: meetings.MeetingRow) -> None:
    assert meeting.version == 1
    assert meeting.created_by == meeting.updated_by == user_of(db)
    saved = meetings.update_meeting(db, meeting.id, meeting_draft(meeting, title="Lean, suite"))
    assert saved.version == 2 and saved.updated_by == user_of(db)


def test_the_second_save_is_refused_naming_what_changed(
    db: Database, second: Database, meeting: meetings.MeetingRow
) -> None:
    alice_row = meetings.get_meeting(db, meeting.id)
    bruno_row = meetings.get_meeting(second, meeting.id)
    bruno_saved = meetings.update_meeting(
        second,
        meeting.id,
        meeting_draft(bruno_row, title="Lean 2", venue="Bischwiller"),
        base=bruno_row,
    )
    with pytest.raises(StaleRecordError) as refused:
        meetings.update_meeting(
            db, meeting.id, meeting_draft(alice_row, agenda="Tour de table"), base=alice_row
        )
    error = refused.value
    assert (error.kind, error.record_id, error.label) == ("meeting", meeting.id, "Lean 2")
    assert [(c.field, c.before, c.after) for c in error.changes] == [
        ("title", "Business corner — Lean", "Lean 2"),
        ("venue", "Haguenau", "Bischwiller"),
    ]
    assert error.changed_by == user_of(db)
    assert error.changed_at == bruno_saved.updated_at
    assert f"meeting {meeting.id} (Lean 2) was changed by" in str(error)
    assert "(title, venue): nothing was saved" in str(error)
    # Nothing of Alice's save was applied.
    stored = meetings.get_meeting(db, meeting.id)
    assert stored == bruno_saved and stored.agenda is None


def test_keeping_her_version_saves_over_the_stored_one_knowingly(
    db: Database, second: Database, meeting: meetings.MeetingRow
) -> None:
    alice_row = meetings.get_meeting(db, meeting.id)
    meetings.update_meeting(
        second, meeting.id, meeting_draft(meeting, title="Lean 2"), base=meeting
    )
    draft = meeting_draft(alice_row, agenda="Tour de table")
    with pytest.raises(StaleRecordError) as refused:
        meetings.update_meeting(db, meeting.id, draft, base=alice_row)
    assert isinstance(refused.value.current, meetings.MeetingRow)
    saved = meetings.update_meeting(db, meeting.id, draft, base=refused.value.current)
    assert (saved.title, saved.agenda, saved.version) == (
        "Business corner — Lean",
        "Tour de table",
        3,
    )


def test_a_change_of_links_only_is_a_new_version(
    db: Database, second: Database, meeting: meetings.MeetingRow
) -> None:
    from resilian_desktop.services import programmes

    topic = programmes.create_topic(db, "Lean")
    alice_row = meetings.get_meeting(db, meeting.id)
    saved = meetings.update_meeting(
        second, meeting.id, replace(meeting_draft(meeting), topic_ids=(topic.id,)), base=meeting
    )
    assert saved.version == 2
    with pytest.raises(StaleRecordError) as refused:
        meetings.update_meeting(db, meeting.id, meeting_draft(alice_row, venue="X"), base=alice_row)
    assert [(c.field, c.before, c.after) for c in refused.value.changes] == [
        ("topics", (), ("Lean",))
    ]


def test_marking_attendance_does_not_make_the_header_save_stale(
    db: Database, second: Database, meeting: meetings.MeetingRow
) -> None:
    anna, bruno = f.contact(db), f.contact(db, "Bruno", "Keller")
    meetings.set_attendance(db, meeting.id, [anna.id, bruno.id])
    header = meetings.get_meeting(db, meeting.id)
    # The other officer marks attendance while this one edits the header.
    meetings.set_attendance(second, meeting.id, [anna.id], status=AttendanceStatus.PRESENT.value)
    assert meetings.get_meeting(second, meeting.id).version == header.version
    saved = meetings.update_meeting(
        db, meeting.id, meeting_draft(header, venue="Wissembourg"), base=header
    )
    assert saved.venue == "Wissembourg" and saved.present == 1
    statuses = {a.person_id: a.status for a in meetings.list_attendance(second, meeting.id)}
    assert statuses == {anna.id: "present", bruno.id: "invited"}


def test_two_officers_mark_different_contacts_and_both_are_kept(
    db: Database, second: Database, meeting: meetings.MeetingRow
) -> None:
    anna, bruno = f.contact(db), f.contact(db, "Bruno", "Keller")
    meetings.set_attendance(db, meeting.id, [anna.id, bruno.id])
    versions = {a.person_id: a for a in meetings.list_attendance(db, meeting.id)}
    meetings.set_attendance(db, meeting.id, [anna.id], status=AttendanceStatus.PRESENT.value)
    meetings.set_attendance(second, meeting.id, [bruno.id], status=AttendanceStatus.EXCUSED.value)
    rows = {a.person_id: a for a in meetings.list_attendance(db, meeting.id)}
    assert (rows[anna.id].status, rows[bruno.id].status) == ("present", "excused")
    assert rows[anna.id].present_morning and rows[bruno.id].present_morning is False
    assert versions[anna.id] != rows[anna.id]


def test_a_row_changed_during_the_save_is_named_and_nothing_is_written(
    db: Database, meeting: meetings.MeetingRow
) -> None:
    """What PostgreSQL's concurrent sessions can do between a read and its UPDATE,
    played inside one transaction: the row's version moves on under the ORM."""
    with pytest.raises(StaleRecordError) as refused, db.write() as session:
        loaded = session.get(Meeting, meeting.id)
        assert loaded is not None
        session.execute(
            text("UPDATE meeting SET version = version + 1, title = 'Lean 3' WHERE id = :id"),
            {"id": meeting.id},
        )
        loaded.venue = "Saverne"
    error = refused.value
    assert (error.kind, error.record_id) == ("meeting", meeting.id)
    assert "was changed by" in str(error) and "nothing was saved" in str(error)
    stored = meetings.get_meeting(db, meeting.id)
    assert (stored.title, stored.venue, stored.version) == (meeting.title, "Haguenau", 1)


def test_contacts_organisations_and_taskforces_are_checked_too(
    db: Database, second: Database
) -> None:
    org = f.organisation(db)
    contact = f.contact(db, organisation_id=org.id)
    programme = f.programme(db)
    taskforce = f.taskforce(db, programme.id)

    organisations.update_organisation(
        second,
        org.id,
        organisations.OrganisationDraft(name="Fonderie", commune="Niederbronn"),
        base=org,
    )
    with pytest.raises(StaleRecordError) as refused:
        organisations.update_organisation(
            db, org.id, organisations.OrganisationDraft(name=org.name, headcount=12), base=org
        )
    assert {c.field for c in refused.value.changes} == {"name", "commune", "postcode"}

    contacts.update_contact(
        second,
        contact.id,
        contacts.ContactDraft(first_name="Anaïs", last_name="Meyer", organisation_id=org.id),
        base=contact,
    )
    with pytest.raises(StaleRecordError) as refused:
        contacts.update_contact(
            db,
            contact.id,
            contacts.ContactDraft(first_name="Anaïs", last_name="Müller"),
            base=contact,
        )
    assert refused.value.label == "Anaïs Meyer"
    assert [c.field for c in refused.value.changes] == ["last_name"]

    taskforces.update_taskforce(
        second,
        taskforce.id,
        taskforces.TaskforceDraft(programme_id=programme.id, name="Énergie"),
        base=taskforce,
    )
    with pytest.raises(StaleRecordError) as refused:
        taskforces.update_taskforce(
            db,
            taskforce.id,
            taskforces.TaskforceDraft(programme_id=programme.id, name=taskforce.name),
            base=taskforce,
        )
    assert [c.field for c in refused.value.changes] == ["name"]


# --- another client of the server, between a read and its write ---------------
# On SQLite no writer can come in between: the write lock is taken at BEGIN. On
# PostgreSQL the application's writers share an advisory lock, but a client that
# does not take it (another tool, a script) can: the UPDATE's own version
# condition catches it.


@pytest.fixture
def server_db(server_database_url: str, tmp_path: Path) -> Iterator[Database]:
    database = open_database(paths.database_location(server_database_url), backup_dir=tmp_path)
    yield database
    database.dispose()


def other_client(server: Any, url: str) -> Callable[[str], None]:
    """Runs SQL as "bruno", another role of the server, in its own transaction."""
    name = urlsplit(url).path.lstrip("/")
    server.execute(
        "DO $$ BEGIN CREATE ROLE bruno; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
        database=name,
    )
    server.execute("GRANT SELECT, UPDATE ON meeting TO bruno", database=name)
    return lambda sql: server.execute("SET ROLE bruno", sql, database=name)


def test_a_server_row_changed_between_read_and_write_is_refused(
    server_db: Database, server_database_url: str, postgres_server: Any
) -> None:
    programme = f.programme(server_db)
    meeting = f.meeting(server_db, programme.id, venue="Haguenau")
    run_as_bruno = other_client(postgres_server, server_database_url)
    with pytest.raises(StaleRecordError) as refused, server_db.write() as session:
        loaded = session.get(Meeting, meeting.id)
        assert loaded is not None
        run_as_bruno(
            "UPDATE meeting SET title = 'Lean 3', version = version + 1, "
            f"updated_by = CURRENT_USER WHERE id = {meeting.id}"
        )
        loaded.venue = "Saverne"
    error = refused.value
    assert (error.kind, error.record_id, error.label, error.changed_by) == (
        "meeting",
        meeting.id,
        "Lean 3",
        "bruno",
    )
    stored = meetings.get_meeting(server_db, meeting.id)
    assert (stored.title, stored.venue, stored.version) == ("Lean 3", "Haguenau", 2)


def test_a_stale_command_line_write_exits_1_with_one_line(
    server_db: Database,
    server_database_url: str,
    postgres_server: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from resilian_desktop import cli

    programme = f.programme(server_db)
    meeting = f.meeting(server_db, programme.id)
    run_as_bruno = other_client(postgres_server, server_database_url)

    def bruno_saves_first(*_args: object) -> None:
        run_as_bruno(f"UPDATE meeting SET venue = 'Saverne', version = 7 WHERE id = {meeting.id}")

    event.listen(Session, "before_flush", bruno_saves_first, once=True)
    try:
        code = cli.run(["--db", server_database_url, "archive", "meeting", str(meeting.id)])
    finally:
        if event.contains(Session, "before_flush", bruno_saves_first):
            event.remove(Session, "before_flush", bruno_saves_first)
    lines = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith(
        f"error: meeting {meeting.id} (Business corner — Lean) was changed by"
    )
    assert lines[0].endswith("nothing was saved")
    stored = meetings.get_meeting(server_db, meeting.id)
    assert (stored.archived_at, stored.venue, stored.version) == (None, "Saverne", 7)


def test_a_roadmap_action_edited_by_two_officers(db: Database, second: Database) -> None:
    programme = f.programme(db)
    taskforce = f.taskforce(db, programme.id)
    action = taskforces.add_action(db, taskforce.id, taskforces.ActionDraft(title="Cartographier"))
    taskforces.update_action(
        second,
        action.id,
        replace(taskforces.draft_of(action), status="in_progress", progress=40),
        base=action,
    )
    with pytest.raises(StaleRecordError) as refused:
        taskforces.update_action(
            db, action.id, replace(taskforces.draft_of(action), status="done"), base=action
        )
    assert [(c.field, c.before, c.after) for c in refused.value.changes] == [
        ("status", "todo", "in_progress"),
        ("progress", 0, 40),
    ]
    assert taskforces.list_actions(db, taskforce_id=taskforce.id)[0].status == "in_progress"


def test_the_demo_bulk_load_records_its_author_and_first_versions(db: Database) -> None:
    from resilian_desktop.db.models import Base
    from resilian_desktop.demo import generate_demo

    generate_demo(db, scale=1)
    author = user_of(db)
    with db.read() as session:
        for name, table in Base.metadata.tables.items():
            if "created_by" not in table.columns:
                continue
            rows = session.execute(
                select(table.c.created_by, table.c.updated_by, func.count()).group_by(
                    table.c.created_by, table.c.updated_by
                )
            ).all()
            assert all(row[:2] == (author, author) for row in rows), (name, rows)
            if "version" in table.columns:
                assert session.scalar(select(func.max(table.c.version))) in (None, 1), name


def test_a_contact_erased_meanwhile_cannot_be_saved_back(db: Database, second: Database) -> None:
    from resilian_desktop.domain.errors import ValidationError
    from resilian_desktop.services import privacy

    contact = f.contact(db, email="anais.muller@example.fr")
    privacy.erase_contact(second, contact.id)
    draft = contacts.ContactDraft(first_name="Anaïs", last_name="Müller", phone="03 88 12 34 56")
    # Neither the window's save nor "keep my version" (its base: the stored row).
    for base in (contact, contacts.get_contact(db, contact.id)):
        with pytest.raises(ValidationError) as refused:
            contacts.update_contact(db, contact.id, draft, base=base)
        assert refused.value.problems[0].code == "erased"
    assert contacts.get_contact(db, contact.id).last_name != "Müller"
