"""Opening, refusing and migrating database files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import HISTORY_TABLES
from resilian_desktop.db.storage import (
    DatabaseRefused,
    MigrationError,
    SchemaState,
    alembic_config,
    check,
    head_revision,
    open_database,
    probe,
    upgrade,
)
from resilian_desktop.domain.text import contact_sort_name, fold
from tests import factories as f

FIXTURES = Path(__file__).parent / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_created_at_head_with_safe_pragmas(db: Database, db_path: Path) -> None:
    assert probe(db_path).state is SchemaState.CURRENT
    assert probe(db_path).revision == head_revision()
    with db.read() as session:
        pragma = {
            name: session.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
        }
    assert pragma == {
        "foreign_keys": 1,
        "journal_mode": "wal",
        "synchronous": 1,
        "busy_timeout": 5000,
    }
    assert check(db) == []


def test_database_file_is_private_to_its_owner(db: Database, db_path: Path) -> None:
    assert db_path.stat().st_mode & 0o077 == 0


def test_a_failed_write_leaves_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as session:
        session.execute(text("INSERT INTO topic (name, position) VALUES ('Lean', 1)"))
        raise RuntimeError("crash in the middle of a save")
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM topic")).scalar() == 0


def _refused(path: Path, tmp_path: Path, state: SchemaState) -> None:
    before = digest(path)
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(DatabaseRefused) as caught:
        open_database(path, backup_dir=tmp_path / "backups")
    assert caught.value.state is state
    assert str(path) in str(caught.value)
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"Raison sociale;SIRET\nFonderie;123\n" * 50)
    _refused(path, tmp_path, SchemaState.NOT_SQLITE)


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT)")
    raw.execute("INSERT INTO clients (name) VALUES ('x')")
    raw.commit()
    raw.close()
    _refused(path, tmp_path, SchemaState.FOREIGN)


def test_a_newer_schema_is_refused_untouched(db: Database, db_path: Path, tmp_path: Path) -> None:
    db.dispose()
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    raw.commit()
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.close()
    _refused(db_path, tmp_path, SchemaState.NEWER)


def test_a_damaged_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    _refused(path, tmp_path, SchemaState.DAMAGED)


def test_an_outdated_database_is_backed_up_then_migrated(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    f.programme(db)
    db.dispose()
    # Back to the empty schema (revision base): the next open must migrate.
    config = alembic_config()
    database = Database(db_path, db.engine)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    database.dispose()
    assert probe(db_path).state is SchemaState.OUTDATED
    backups = tmp_path / "backups"
    reopened = open_database(db_path, backup_dir=backups)
    try:
        assert probe(db_path).state is SchemaState.CURRENT
        (copy,) = backups.glob("network-before-base-*.sqlite")
        assert probe(copy).state is SchemaState.OUTDATED
        assert copy.stat().st_mode & 0o077 == 0
    finally:
        reopened.dispose()


def _migrations_with(tmp_path: Path, body: str) -> object:
    """A copy of the shipped migrations plus one extra revision with *body*."""
    scripts = tmp_path / "migrations"
    shutil.copytree(Path(alembic_config().get_main_option("script_location") or ""), scripts)
    (scripts / "versions" / "9000_extra.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f"revision = '9000'\ndown_revision = '{head_revision()}'\n"
        "branch_labels = None\ndepends_on = None\n"
        f"def upgrade():\n{body}\n"
        "def downgrade():\n    pass\n"
    )
    config = alembic_config()
    config.set_main_option("script_location", str(scripts))
    return config


def _populate(db: Database) -> None:
    prog = f.programme(db)
    org = f.organisation(db)
    who = f.contact(db, organisation_id=org.id)
    meeting = f.meeting(db, prog.id, host_organisation_id=org.id)
    from resilian_desktop.services.meetings import set_attendance

    set_attendance(db, meeting.id, [who.id], status="present")


def _counts(path: Path) -> dict[str, int]:
    """Rows per history table present in the file (older schemas have fewer tables)."""
    raw = sqlite3.connect(path)
    try:
        present = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {
            t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in HISTORY_TABLES
            if t in present
        }
    finally:
        raw.close()


def test_rebuilding_a_parent_table_keeps_its_children(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    """The reproduced trap: a batch rebuild of a parent with foreign keys on."""
    _populate(db)
    before = _counts(db_path)
    config = _migrations_with(
        tmp_path,
        "    with op.batch_alter_table('organisation', recreate='always') as batch:\n"
        "        batch.add_column(sa.Column('extra', sa.String(10)))\n"
        "    with op.batch_alter_table('person', recreate='always') as batch:\n"
        "        batch.add_column(sa.Column('extra', sa.String(10)))\n",
    )
    upgrade(db, "head", config=config)  # type: ignore[arg-type]
    assert _counts(db_path) == before
    assert check(db) == []
    with db.read() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_migration_that_breaks_references_is_rolled_back(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    _populate(db)
    before = _counts(db_path)
    config = _migrations_with(tmp_path, "    op.execute('DELETE FROM organisation')\n")
    with pytest.raises(MigrationError, match="broken references"):
        upgrade(db, "head", config=config)  # type: ignore[arg-type]
    assert _counts(db_path) == before
    assert probe(db_path).revision == head_revision()


def test_committed_first_schema_database_upgrades_without_losing_rows(tmp_path: Path) -> None:
    """tests/fixtures/schema_0001.sqlite was made by `demo` at the first revision."""
    fixture = FIXTURES / "schema_0001.sqlite"
    path = tmp_path / "old.sqlite"
    shutil.copyfile(fixture, path)
    before = _counts(path)
    assert before["attendance"] > 500
    assert probe(path).revision == "0001"
    database = open_database(path, backup_dir=tmp_path / "backups")
    try:
        after = _counts(path)
        assert {t: after[t] for t in before} == before
        assert check(database) == []
        assert probe(path).state is SchemaState.CURRENT
        # Columns added later start empty, not with invented values.
        raw = sqlite3.connect(path)
        assert (
            raw.execute("SELECT count(*) FROM person WHERE archived_at IS NOT NULL").fetchone()[0]
            == 0
        )
        # Sort keys (revision 0003) are computed for the rows already there.
        for org_id, name, key in raw.execute("SELECT id, name, sort_name FROM organisation"):
            assert key == fold(name), org_id
        for person_id, last, first, key in raw.execute(
            "SELECT id, last_name, first_name, sort_name FROM person"
        ):
            assert key == contact_sort_name(last, first), person_id
        # Room capacities (revision 0008) are unknown, and never zero or less.
        assert raw.execute("SELECT count(venue_capacity) FROM meeting").fetchone()[0] == 0
        with pytest.raises(sqlite3.IntegrityError, match="venue_capacity_positive"):
            raw.execute("UPDATE meeting SET venue_capacity = 0 WHERE id = 1")
        raw.close()
    finally:
        database.dispose()


def test_known_revisions_match_the_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    from resilian_desktop.db.revisions import KNOWN_REVISIONS

    scripts = ScriptDirectory.from_config(alembic_config())
    oldest_first = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert list(KNOWN_REVISIONS) == oldest_first
    assert scripts.get_current_head() == head_revision()


@pytest.mark.both_engines
def test_migrations_build_exactly_the_models(db: Database) -> None:
    """A model change without its Alembic revision fails here (on both engines:
    the PostgreSQL schema is built by the same revisions)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from resilian_desktop.db.models import Base
    from resilian_desktop.db.storage import include_object

    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_object": include_object, "compare_type": True, "render_as_batch": True},
        )
        assert compare_metadata(context, Base.metadata) == []
