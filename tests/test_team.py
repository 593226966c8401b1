"""Users and roles of a team's database, enforced by the PostgreSQL server (#15, point 4).

Every test runs on a real PostgreSQL 15 server (tests/postgres.py): the owner
prepares the database and adds users; the users then connect as themselves,
through the application's services or as another client would (plain SQL),
and the server holds them to their role.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from resilian_desktop import paths
from resilian_desktop.db.access import StorageError
from resilian_desktop.db.engine import Database
from resilian_desktop.db.storage import open_database
from resilian_desktop.services import (
    capabilities,
    meetings,
    organisations,
    programmes,
    search,
    team,
)
from resilian_desktop.services.capabilities import NOT_THEIR_PROGRAMME, READER
from tests import factories, postgres
from tests.team_support import Team, as_user


@pytest.fixture
def owner(server_database_url: str, tmp_path: Path) -> Iterator[Database]:
    database = open_database(paths.database_location(server_database_url), backup_dir=tmp_path)
    yield database
    database.dispose()


@pytest.fixture
def prepared(
    owner: Database, server_database_url: str, postgres_server: postgres.TestServer, tmp_path: Path
) -> Iterator[Team]:
    prepared = Team(owner, server_database_url, postgres_server, tmp_path)
    yield prepared
    prepared.close()


def meeting_title(db: Database, meeting_id: int) -> str:
    return meetings.get_meeting(db, meeting_id).title


def renamed(db: Database, meeting_id: int, title: str) -> meetings.MeetingRow:
    row = meetings.get_meeting(db, meeting_id)
    draft = meetings.MeetingDraft(
        programme_id=row.programme_id, kind=row.kind, title=title, date=row.date
    )
    return meetings.update_meeting(db, meeting_id, draft)


def test_init_twice_gives_the_same_rules(prepared: Team) -> None:
    def rules() -> list[tuple[str, ...]]:
        with prepared.owner.read() as session:
            policies = session.execute(
                text("SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies")
            ).all()
            grants = session.execute(
                text(
                    "SELECT table_name, grantee, privilege_type "
                    "FROM information_schema.role_table_grants WHERE grantee LIKE :prefix"
                ),
                {"prefix": f"{prepared.server_db_name()}_%"},
            ).all()
        return sorted(tuple(map(str, row)) for row in [*policies, *grants])

    before = rules()
    done = team.init_team(prepared.owner)
    assert rules() == before
    assert done.unclassified == ()
    assert {"meeting", "attendance", "roadmap_action", "search_index"} <= {r[0] for r in before}


def test_reader_reads_their_programmes_and_changes_nothing(prepared: Team) -> None:
    rita = prepared.connect(prepared.user("rita", "reader", [prepared.a]))
    assert {m.id for m in meetings.list_meetings(rita)} == {prepared.meeting_a}
    with pytest.raises(StorageError) as refused:
        renamed(rita, prepared.meeting_a, "Changed by a reader")
    assert refused.value.kind == "permission"
    assert "refused by the server: permission denied for table meeting" in str(refused.value)
    assert "nothing was changed" in str(refused.value)
    with pytest.raises(StorageError, match="permission denied for table organisation"):
        factories.organisation(rita, "Nouvelle entreprise")
    assert meeting_title(prepared.owner, prepared.meeting_a) == "Business corner A"
    assert [o.name for o in organisations.list_organisations(prepared.owner)] == []
    # Search works for a reader, and finds only what they may read.
    fonderie = factories.organisation(prepared.owner, "Fonderie du Nord").id
    # Organisations are the agency's: seen whole, with memberships of any programme.
    organisations.add_membership(prepared.owner, fonderie, prepared.b)
    seen = organisations.get_organisation(rita, fonderie)
    assert [m.programme_name for m in seen.memberships] == ["Programme B"]
    with rita.read() as session:
        found = {(h.type, h.label.split(" (")[0]) for h in search.search(session, "business")}
        assert found == {("meeting", "Business corner A")}
        assert [h.type for h in search.search(session, "fonderie")] == ["organisation"]
    rights = capabilities.capabilities(rita)
    assert (rights.role, rights.programme_ids) == ("reader", frozenset({prepared.a}))
    assert rights.network_refusal() == READER


def test_officer_writes_their_programme_only(prepared: Team) -> None:
    alice = prepared.connect(prepared.user("alice", "officer", [prepared.a]))
    # Officers read every programme's meetings (the networks overlap).
    assert {m.id for m in meetings.list_meetings(alice)} == {
        prepared.meeting_a,
        prepared.meeting_b,
    }
    assert renamed(alice, prepared.meeting_a, "Lean, revu").title == "Lean, revu"
    with pytest.raises(StorageError, match="may not change meeting rows of programme"):
        renamed(alice, prepared.meeting_b, "Not hers")
    assert meeting_title(prepared.owner, prepared.meeting_b) == "Business corner B"
    with pytest.raises(StorageError, match='row-level security policy for table "meeting"'):
        factories.meeting(alice, prepared.b, title="Placed in B")
    with pytest.raises(StorageError, match="may not change meeting rows"):
        meetings.delete_meeting(alice, prepared.meeting_b)
    # Attendance goes through its meeting.
    meetings.set_attendance(alice, prepared.meeting_a, [prepared.contact])
    with pytest.raises(StorageError, match='row-level security policy for table "attendance"'):
        meetings.set_attendance(alice, prepared.meeting_b, [prepared.contact])
    assert meetings.list_attendance(prepared.owner, prepared.meeting_b) == []
    # The agency's organisations and contacts: hers to write.
    assert factories.organisation(alice, "Tôlerie Moderne").name == "Tôlerie Moderne"
    # Programmes and funders: admins only.
    with pytest.raises(StorageError, match="permission denied for table programme"):
        factories.programme(alice, "Programme C")
    rights = capabilities.capabilities(alice)
    assert rights.programme_refusal(prepared.a) is None
    assert rights.programme_refusal(prepared.b) == NOT_THEIR_PROGRAMME


def test_another_client_is_held_too(prepared: Team) -> None:
    meetings.set_attendance(prepared.owner, prepared.meeting_b, [prepared.contact])
    name = prepared.user("alice", "officer", [prepared.a])
    with psycopg.connect(
        host=str(prepared.server.folder),
        port=prepared.server.port,
        user=name,
        dbname=prepared.server_db_name(),
        autocommit=True,
    ) as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(
                "UPDATE meeting SET title = 'x' WHERE id = %s", (prepared.meeting_b,)
            )
        # Moving a meeting into another programme is a change to both.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(
                "UPDATE meeting SET programme_id = %s WHERE id = %s",
                (prepared.b, prepared.meeting_a),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("DELETE FROM attendance")  # none of B's may go
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("ALTER TABLE meeting DISABLE TRIGGER resilian_team_guard")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("INSERT INTO team_member VALUES (%s, %s)", (name, prepared.b))
    assert meeting_title(prepared.owner, prepared.meeting_b) == "Business corner B"
    assert len(meetings.list_attendance(prepared.owner, prepared.meeting_b)) == 1


def test_admin_adds_a_programme_and_users(prepared: Team) -> None:
    name = prepared.user("ada", "admin", [])
    ada = prepared.connect(name)
    created = factories.programme(ada, "Innovation alimentaire Bas-Rhin")
    assert created.id in {p.id for p in programmes.list_programmes(prepared.owner)}
    renamed(ada, prepared.meeting_b, "Changed by an admin")
    # An admin manages users.
    other = prepared.server.new_name("bob")
    team.add_user(ada, other, "officer", [created.id], password="another secret")
    assert team.list_users(ada)[0].name in {name, other}
    assert {(u.name, u.role, u.programme_ids) for u in team.list_users(ada)} >= {
        (name, "admin", ()),
        (other, "officer", (created.id,)),
    }
    assert capabilities.capabilities(ada).admin_refusal() is None
    assert team.remove_user(ada, other).login_dropped
    # Preparing the database stays its owner's.
    with pytest.raises(team.TeamError, match="must be run by the owner of the database's tables"):
        team.init_team(ada)


def test_password_is_stored_hashed_and_never_in_clear(prepared: Team) -> None:
    name = prepared.user("alice", "officer", [prepared.a])
    with prepared.owner.read() as session:
        stored = session.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :name"), {"name": name}
        ).scalar()
    assert stored.startswith("SCRAM-SHA-256$")
    assert "secret one" not in stored


def test_removed_user_cannot_connect_and_rows_stay(prepared: Team) -> None:
    name = prepared.user("alice", "officer", [prepared.a])
    alice = prepared.connect(name)
    renamed(alice, prepared.meeting_a, "Written by alice")
    alice.dispose()
    removed = team.remove_user(prepared.owner, name)
    assert removed.login_dropped and removed.role == "officer"
    with pytest.raises(StorageError) as refused:
        prepared.connect(name)
    assert refused.value.kind in ("connection", "password")
    assert meeting_title(prepared.owner, prepared.meeting_a) == "Written by alice"
    assert name not in {u.name for u in team.list_users(prepared.owner)}


def test_removed_user_still_connected_can_no_longer_write(prepared: Team) -> None:
    name = prepared.user("alice", "officer", [prepared.a])
    alice = prepared.connect(name)
    meetings.get_meeting(alice, prepared.meeting_a)  # connected
    team.remove_user(prepared.owner, name)
    with pytest.raises(StorageError, match="refused by the server"):
        renamed(alice, prepared.meeting_a, "After removal")
    assert meeting_title(prepared.owner, prepared.meeting_a) == "Business corner A"


def test_team_needs_init_and_a_known_programme(owner: Database) -> None:
    with pytest.raises(team.TeamError, match="run team init first"):
        team.add_user(owner, "nobody_yet", "reader", [], password="x")
    team.init_team(owner)
    with pytest.raises(team.TeamError, match="programme 999 does not exist"):
        team.add_user(owner, "nobody_yet", "reader", [999], password="x")
    with pytest.raises(team.TeamError, match="superuser"):
        team.add_user(owner, "postgres", "reader", [])
    with pytest.raises(team.TeamError, match="not a user of the database"):
        team.remove_user(owner, "nobody_yet")


def test_team_is_refused_on_sqlite(db: Database) -> None:
    with pytest.raises(team.TeamError, match="local SQLite file has one user"):
        team.init_team(db)
    assert capabilities.capabilities(db) == capabilities.LOCAL


# --- the command line -------------------------------------------------------------


def cli(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resilian_desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=120,
    )


def test_cli_team_commands(prepared: Team) -> None:
    url = prepared.url
    again = cli("--db", url, "team", "init")
    assert again.returncode == 0, again.stderr
    assert "prepared for a team" in again.stdout
    name = prepared.server.new_name("rita")
    added = cli(
        "--db",
        url,
        "team",
        "add-user",
        name,
        "--role",
        "reader",
        "--programme",
        str(prepared.a),
        stdin="typed secret\n",
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == f"{name}: reader, programmes {prepared.a} (new login)"
    assert "typed secret" not in added.stdout + added.stderr
    listed = cli("--db", url, "team", "list", "--json")
    assert f'"name": "{name}"' in listed.stdout
    # The reader's write: exit 1, one line, nothing changed.
    refused = cli("--db", as_user(url, name), "archive", "meeting", str(prepared.meeting_a))
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1, refused.stderr
    assert "refused by the server: permission denied for table meeting" in lines[0]
    assert "nothing was changed" in lines[0]
    assert meetings.get_meeting(prepared.owner, prepared.meeting_a).archived_at is None
    officer = prepared.server.new_name("alice")
    added = cli(
        "--db", url, "team", "add-user", officer, "--role", "officer",
        "--programme", str(prepared.a),
        env={"RESILIAN_USER_PASSWORD": "from the environment"},
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    other = cli("--db", as_user(url, officer), "archive", "meeting", str(prepared.meeting_b))
    assert other.returncode == 1
    assert other.stderr.strip().splitlines() == [
        f"error: {paths.server_database(as_user(url, officer))}: refused by the server: "
        f"user {officer} may not change "
        f"meeting rows of programme {prepared.b} (Programme B), not one of their programmes; "
        "nothing was changed"
    ]
    own = cli("--db", as_user(url, officer), "archive", "meeting", str(prepared.meeting_a))
    assert own.returncode == 0, own.stderr
    removed = cli("--db", url, "team", "remove-user", name)
    assert removed.returncode == 0, removed.stderr
    assert "login dropped" in removed.stdout and "stay as they are" in removed.stdout
    gone = cli("--db", url, "team", "remove-user", name)
    assert gone.returncode == 1
    assert (
        gone.stderr.strip()
        == f"error: {name} is not a user of the database {prepared.server_db_name()}"
    )


def test_cli_team_refused_on_sqlite(tmp_path: Path) -> None:
    target = tmp_path / "local.sqlite"
    done = cli("--db", str(target), "team", "init")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "error: team commands need a PostgreSQL database (--db postgresql://…); "
        "a local SQLite file has one user, who may do everything"
    ]
    assert not target.exists()


def test_officer_meeting_of_their_programme_is_dated(prepared: Team) -> None:
    alice = prepared.connect(prepared.user("alice", "officer", [prepared.a]))
    created = factories.meeting(alice, prepared.a, title="Nouveau", date=dt.date(2026, 5, 4))
    assert meetings.get_meeting(prepared.owner, created.id).programme_id == prepared.a


def test_every_table_has_its_team_rule() -> None:
    # A table the rules do not name is written by admins only: an officer's
    # everyday work that writes it would be refused. Name it in
    # db/team_rules.py (network, programme through a meeting or taskforce, admin).
    from resilian_desktop.db.models import Base
    from resilian_desktop.db.team_rules import classified_tables

    unnamed = set(Base.metadata.tables) - classified_tables()
    assert unnamed == set(), f"classify these tables in db/team_rules.py: {sorted(unnamed)}"
