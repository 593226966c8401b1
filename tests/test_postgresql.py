"""The PostgreSQL engine itself: the URL, the schema, fold() in SQL, search, the write lock."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from resilian_desktop import paths
from resilian_desktop.db.access import StorageError
from resilian_desktop.db.engine import Database
from resilian_desktop.db.postgres import WRITE_LOCK_KEY
from resilian_desktop.db.storage import DatabaseRefused, SchemaState, head_revision, open_database
from resilian_desktop.domain.text import fold
from resilian_desktop.services.search import search
from tests import factories
from tests.postgres import ThrowawayServer, pg_bin
from tests.test_cli import cli
from tests.test_imports import SAMPLES

pytestmark = pytest.mark.both_engines


def test_the_database_opens_migrated(db: Database, engine: str) -> None:
    assert (db.server is not None) == (engine == "postgresql")
    with db.read() as session:
        assert session.get_bind().dialect.name == engine


def test_search_is_accent_case_ligature_and_apostrophe_blind(db: Database) -> None:
    factories.organisation(db, "Fonderie Cœur d'Alsace")
    factories.organisation(db, "Plasturgie L'Oréalienne", commune="Bischwiller")
    with db.read() as session:
        for typed, found in (
            ("coeur", "Fonderie Cœur"),
            ("CŒUR d’als", "Fonderie Cœur"),
            ("loreal", "Plasturgie L'Or"),
            ("l'oreal", "Plasturgie L'Or"),
            ("bischw", "Plasturgie L'Or"),
        ):
            hits = search(session, typed)
            assert [h.label[: len(found)] for h in hits] == [found], typed
        assert search(session, "eur") == []  # a word's middle is not a prefix


FRENCH_TEXT = st.text(
    alphabet=st.sampled_from(
        list("aAeEiouyzZ09 -'’._@/") + list("éèêëÉÈàâäÂçÇîïôöœŒæÆßłŁøØđĐıþùûüÿñ") + ["ﬁ", "²", "İ"]
    ),
    max_size=30,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=FRENCH_TEXT)
def test_fold_in_sql_is_the_python_fold(db: Database, value: str) -> None:
    # The lists sort and compare on fold() computed by the database: on
    # SQLite the Python function itself, on PostgreSQL its SQL counterpart.
    with db.read() as session:
        assert session.scalar(select(func.fold(value))) == fold(value)


# --- opening a server database: the same refusals as a file, migrations in one transaction


def _server_open(url: str, tmp_path: Path) -> Database:
    return open_database(paths.server_database(url), backup_dir=tmp_path / "backups")


def _tables(url: str) -> dict[str, object]:
    with psycopg.connect(url) as connection:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        version = (
            connection.execute("SELECT version_num FROM alembic_version").fetchall()
            if "alembic_version" in names
            else None
        )
    return {"tables": names, "version": version}


def test_a_newer_schema_on_the_server_is_refused_untouched(
    server_database_url: str, tmp_path: Path
) -> None:
    with psycopg.connect(server_database_url) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = _tables(server_database_url)
    with pytest.raises(DatabaseRefused) as refused:
        _server_open(server_database_url, tmp_path)
    assert refused.value.state is SchemaState.NEWER
    assert "newer version" in str(refused.value) and "postgresql://" in str(refused.value)
    assert _tables(server_database_url) == before


def test_another_programs_server_database_is_refused_untouched(
    empty_server_database_url: str, tmp_path: Path
) -> None:
    with psycopg.connect(empty_server_database_url) as connection:
        connection.execute("CREATE TABLE clients (id serial PRIMARY KEY, name text)")
    with pytest.raises(DatabaseRefused) as refused:
        _server_open(empty_server_database_url, tmp_path)
    assert refused.value.state is SchemaState.FOREIGN
    assert _tables(empty_server_database_url) == {"tables": ["clients"], "version": None}


def test_a_failed_migration_leaves_the_server_database_as_it_was(
    empty_server_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command

    real_upgrade = command.upgrade

    def upgrade_then_fail(config: object, revision: str) -> None:
        real_upgrade(config, revision)  # type: ignore[arg-type]
        raise RuntimeError("the server went away after the last revision")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(RuntimeError):
        _server_open(empty_server_database_url, tmp_path)
    # Every revision ran, in the one transaction that was rolled back.
    assert _tables(empty_server_database_url) == {"tables": [], "version": None}
    monkeypatch.setattr(command, "upgrade", real_upgrade)
    _server_open(empty_server_database_url, tmp_path).dispose()
    assert _tables(empty_server_database_url)["version"] == [(head_revision(),)]


def test_two_clients_opening_a_new_server_database_at_once_migrate_it_once(
    empty_server_database_url: str, tmp_path: Path
) -> None:
    results: list[object] = []

    def open_it() -> None:
        try:
            _server_open(empty_server_database_url, tmp_path).dispose()
            results.append("ok")
        except Exception as error:  # reported by the assertion below
            results.append(error)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results == ["ok", "ok"]
    assert _tables(empty_server_database_url)["version"] == [(head_revision(),)]


def test_a_server_that_cannot_be_reached_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as failed:
        _server_open("postgresql://nobody@127.0.0.1:1/resilian", tmp_path)
    message = str(failed.value)
    assert message.startswith("postgresql://nobody@127.0.0.1:1/resilian: cannot connect")
    assert "\n" not in message


def test_a_database_not_in_utf8_is_refused(
    postgres_server: ThrowawayServer, tmp_path: Path
) -> None:
    name = postgres_server.new_name("latin")
    postgres_server.execute(
        f"CREATE DATABASE {name} ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
    )
    with pytest.raises(DatabaseRefused, match="needs a UTF8 database"):
        _server_open(postgres_server.url(name), tmp_path)


# --- operations: backup, restore refused, check, the write lock's wait


def test_backup_is_a_pg_dump_that_pg_restore_brings_back(
    postgres_server: ThrowawayServer, server_database_url: str, tmp_path: Path
) -> None:
    assert cli("--db", server_database_url, "demo", "--seed", "3").returncode == 0
    target = tmp_path / "agence.dump"
    done = cli("--db", server_database_url, "backup", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert "pg_restore" in done.stdout
    assert target.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    # The README's way back: a new database, pg_restore, then --db on it.
    restored = postgres_server.new_name("restored")
    postgres_server.execute(f"CREATE DATABASE {restored}")
    subprocess.run(
        [
            str(pg_bin() / "pg_restore"),
            "--no-owner",
            f"--dbname={postgres_server.url(restored)}",
            str(target),
        ],
        check=True,
        capture_output=True,
    )
    for kind in ("organisations", "meetings"):
        listed = [
            cli("--db", url, "list", kind, "--json").stdout
            for url in (server_database_url, postgres_server.url(restored))
        ]
        assert listed[0] == listed[1] and len(listed[0]) > 100
    assert cli("--db", postgres_server.url(restored), "check").returncode == 0


def test_restore_refuses_a_server_database_in_one_line(
    server_database_url: str, tmp_path: Path
) -> None:
    backup = tmp_path / "laptop.sqlite"
    assert cli("--db", str(backup), "demo").returncode == 0
    done = cli("--db", server_database_url, "restore", str(backup))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "pg_restore" in done.stderr


def test_check_finds_what_the_server_does_not_prevent(server_database_url: str) -> None:
    assert cli("--db", server_database_url, "demo").returncode == 0
    sound = cli("--db", server_database_url, "check")
    assert sound.returncode == 0, sound.stderr
    with psycopg.connect(server_database_url) as connection:
        connection.execute("SELECT setval(pg_get_serial_sequence('meeting', 'id'), 3)")
        connection.execute("DELETE FROM search_index WHERE kind = 'taskforce'")
    found = cli("--db", server_database_url, "check")
    assert found.returncode == 1
    problems = found.stderr.strip().splitlines()
    assert any("meeting_id_seq would give id 4, already used in meeting" in p for p in problems)
    assert any("search index:" in p and "taskforce" in p for p in problems)


def test_a_writer_waits_for_the_lock_says_who_holds_it_then_gives_up(
    server_database_url: str,
) -> None:
    with psycopg.connect(server_database_url) as holder:
        holder.execute("SET application_name = 'resilian-desktop bureau-2:4242'")
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
        done = cli(
            "--db",
            server_database_url,
            "import",
            "organisations",
            str(SAMPLES / "organisations.xlsx"),
            env={"RESILIAN_LOCK_WAIT": "2"},
        )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert "waiting for postgres (resilian-desktop bureau-2:4242" in lines[0]
    assert "still in use by postgres (resilian-desktop bureau-2:4242" in lines[-1]
    assert "nothing was changed" in lines[-1]
