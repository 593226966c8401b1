"""Opening a database file safely: refuse what is not ours, back up, then migrate.

Nothing here writes to a file before it has been recognised: a file that is
not a SQLite database, a SQLite database of another program, a damaged one,
or one made by a newer version of the application is refused and left byte
for byte as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect

from resilian_desktop.db.access import DatabaseReadOnly, StorageError, error_kind, explain
from resilian_desktop.db.backup import copy_database, create_private, prune, restrict_to_owner
from resilian_desktop.db.engine import Database, make_engine, readonly_uri, storage_errors
from resilian_desktop.db.revisions import HEAD_REVISION, KNOWN_REVISIONS
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.paths import ServerDatabase

if TYPE_CHECKING:
    from alembic.config import Config

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
PRE_MIGRATION_COPIES_KEPT = 5


class SchemaState(Enum):
    MISSING = "missing"  # no file, or an empty one: a new database is created
    EMPTY = "empty"  # a SQLite file without tables
    CURRENT = "current"
    OUTDATED = "outdated"  # ours, at an older revision: migrated after a backup
    NEWER = "newer"  # made by a newer version of the application
    FOREIGN = "foreign"  # a SQLite database of another program
    NOT_SQLITE = "not_sqlite"
    DAMAGED = "damaged"
    NO_REVISION = "no_revision"  # our tables, but an empty revision table: unknown schema


REFUSED = {
    SchemaState.NEWER,
    SchemaState.FOREIGN,
    SchemaState.NOT_SQLITE,
    SchemaState.DAMAGED,
    SchemaState.NO_REVISION,
}


class DatabaseRefused(ResilianError):
    """The file cannot be opened as a RESILIAN database; it was not modified."""

    def __init__(self, path: Path | ServerDatabase, state: SchemaState, detail: str) -> None:
        self.path = path
        self.state = state
        super().__init__(f"{path}: {detail}")


class MigrationError(ResilianError):
    """A migration failed; the database was rolled back to its previous state."""


@dataclass(frozen=True)
class Probe:
    state: SchemaState
    revision: str | None = None
    detail: str = ""


def alembic_config() -> Config:
    from alembic.config import Config  # imported only when migrating

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """What Alembic compares with the models: not the FTS5 search table and its
    shadow tables, which the migrations manage by hand."""
    return not (type_ == "table" and name is not None and name.startswith("search_index"))


def head_revision() -> str:
    return HEAD_REVISION


__all__ = ["readonly_uri"]  # re-exported: callers read files through storage


def probe(path: Path) -> Probe:
    """What *path* holds, found without writing to it.

    A file that is busy, unreadable for lack of permission, or on a disk that
    fails is not "damaged": those raise a StorageError saying which it is.
    """
    try:
        if not path.exists() or (path.is_file() and path.stat().st_size == 0):
            return Probe(SchemaState.MISSING)
        if not path.is_file():
            return Probe(SchemaState.NOT_SQLITE, detail="is not a file")
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return Probe(SchemaState.NOT_SQLITE, detail="is not a SQLite database")
    except OSError as error:
        raise StorageError(path, "permission", f"cannot be read ({error.strerror})") from error
    try:
        connection = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables:
                return Probe(SchemaState.EMPTY)
            if "alembic_version" not in tables:
                return Probe(
                    SchemaState.FOREIGN,
                    detail="is a SQLite database of another program, not a RESILIAN Desktop one",
                )
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if error_kind(error) != "damaged":
            raise explain(path, error) from error
        return Probe(SchemaState.DAMAGED, detail=f"is damaged ({error})")
    return _classify(tables, row[0] if row else None)


def _classify(tables: set[str], revision: str | None) -> Probe:
    """The state of a database holding *tables* at schema *revision* (from
    alembic_version), on either engine."""
    if revision is None and tables != {"alembic_version"}:
        return Probe(
            SchemaState.NO_REVISION,
            detail=(
                "has tables but an empty schema revision table (alembic_version): "
                "not a RESILIAN Desktop database this version can open"
            ),
        )
    if revision is None:
        return Probe(SchemaState.OUTDATED, revision=None)
    if revision not in KNOWN_REVISIONS:
        return Probe(
            SchemaState.NEWER,
            revision=revision,
            detail=(
                f"was made by a newer version of RESILIAN Desktop (schema {revision}); "
                "update the application to open it"
            ),
        )
    if revision == HEAD_REVISION:
        return Probe(SchemaState.CURRENT, revision=revision)
    return Probe(SchemaState.OUTDATED, revision=revision)


def probe_server(connection: Connection) -> Probe:
    """What the server database on *connection* holds (its public schema)."""
    encoding = connection.exec_driver_sql("SHOW server_encoding").scalar()
    if encoding != "UTF8":
        return Probe(
            SchemaState.FOREIGN,
            detail=(
                f"is encoded in {encoding}; RESILIAN Desktop needs a UTF8 database "
                "(createdb --encoding=UTF8)"
            ),
        )
    tables = set(inspect(connection).get_table_names())
    if not tables:
        return Probe(SchemaState.EMPTY)
    if "alembic_version" not in tables:
        return Probe(
            SchemaState.FOREIGN,
            detail="holds tables of another program, not a RESILIAN Desktop database",
        )
    revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return _classify(tables, revision)


def open_server_database(location: ServerDatabase, *, password: str | None = None) -> Database:
    """Open (creating the schema or migrating it as needed) the RESILIAN
    database on a PostgreSQL server.

    The server keeps its own backups: no copy is made before a migration,
    which runs in one transaction (PostgreSQL's DDL is transactional) under
    the write lock, so two clients starting at once migrate it once.
    Raises DatabaseRefused for a database this version cannot use, and a
    StorageError for a server that cannot be reached or refuses the login.
    """
    from resilian_desktop.db.postgres import make_server_engine

    local = location.local_folder
    database = Database(local, make_server_engine(location, password=password), server=location)
    try:
        with storage_errors(location):
            with database.engine.connect() as connection:
                found = probe_server(connection)
            if found.state in REFUSED:
                raise DatabaseRefused(location, found.state, found.detail)
            if found.state is not SchemaState.CURRENT:
                upgrade(database, "head")
        local.parent.mkdir(parents=True, exist_ok=True)
    except BaseException:
        database.dispose()
        raise
    return database


def open_database(path: Path | ServerDatabase, *, backup_dir: Path) -> Database:
    """Open (creating or migrating as needed) the RESILIAN database at *path*.

    Raises DatabaseRefused, leaving the file untouched, for anything that is
    not a RESILIAN database this version can use. An outdated database is
    copied into *backup_dir* before it is migrated. A postgresql:// location
    opens a server database (open_server_database).
    """
    if isinstance(path, ServerDatabase):
        return open_server_database(path)
    found = probe(path)
    if found.state in REFUSED:
        raise DatabaseRefused(path, found.state, found.detail)
    read_only = read_only_reason(path)
    if read_only:
        if found.state is not SchemaState.CURRENT:
            raise DatabaseReadOnly(
                path,
                f"{read_only}, and it must first be "
                + ("created" if found.state is SchemaState.MISSING else "updated to this version")
                + "; nothing was changed",
            )
        database = Database(path, make_engine(path, read_only=True), read_only=True)
        database.read_only_reason = read_only
        return database
    created = False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if found.state is SchemaState.MISSING and not path.exists():
            create_private(path)  # owner-only from the first byte
            created = True
    except OSError as error:
        raise StorageError(
            path, "permission", f"cannot create the database ({error.strerror})"
        ) from error
    if found.state is SchemaState.OUTDATED:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        copy_database(
            path, backup_dir / f"{path.stem}-before-{found.revision or 'base'}-{stamp}.sqlite"
        )
        prune(backup_dir, f"{path.stem}-before-*.sqlite", PRE_MIGRATION_COPIES_KEPT)
    database = Database(path, make_engine(path))
    try:
        with storage_errors(path):
            if found.state is not SchemaState.CURRENT:
                upgrade(database, "head")
            else:
                # Sets WAL on the first connection: a failure (full disk,
                # permissions) is said here, not in the middle of a command.
                database.engine.connect().close()
    except BaseException:
        database.dispose()
        if created:  # a database that could not even be created leaves no file
            for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
        raise
    restrict_to_owner(path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
    return database


def read_only_reason(path: Path) -> str:
    """Why the database at *path* must be opened read-only; empty when it can be written.

    The owner's write bit is honoured even for root, who could write anyway:
    a file the user made read-only stays unchanged, permissions included.
    """
    folder = path.parent if str(path.parent) else Path()
    target = path if path.exists() else folder
    try:
        if os.name == "posix" and os.statvfs(target).f_flag & os.ST_RDONLY:
            return "is on a read-only disk or medium"
        if path.exists():
            mode = stat.S_IMODE(path.stat().st_mode)
            if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
                return f"is read-only (permissions {mode:04o})"
        if folder.exists() and not os.access(folder, os.W_OK):
            return f"is in a folder this user cannot write ({folder})"
    except OSError:
        return ""
    return ""


def upgrade(database: Database, revision: str, *, config: Config | None = None) -> None:
    """Run migrations up to *revision* in one transaction.

    On SQLite, foreign keys are off while it runs and checked before the
    commit: a migration that leaves a dangling reference is rolled back
    whole. On PostgreSQL the server checks them at every statement, and the
    transaction holds the write lock: a client that waited finds the schema
    migrated already and runs nothing.
    """
    # Imported only when migrating, as Config above.
    from alembic import command

    config = config or alembic_config()
    if database.server is not None:
        from resilian_desktop.db.postgres import take_write_lock

        with database.engine.connect() as connection, connection.begin():
            take_write_lock(connection, database.server)
            found = probe_server(connection)
            if found.state in REFUSED:
                raise DatabaseRefused(database.server, found.state, found.detail)
            if found.state is not SchemaState.CURRENT or revision != "head":
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
        return
    with database.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")  # outside the transaction, or it is ignored
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise MigrationError(
                        f"migration to {revision} would leave {len(problems)} broken references "
                        f"(first: table {problems[0][0]} row {problems[0][1]}); nothing was changed"
                    )
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def check(database: Database) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks (on a
    server, by check_server); empty when sound."""
    if database.server is not None:
        return check_server(database)
    return check_file(database.path)


# Checks a server database can fail although the server enforces every
# constraint as rows are written: what a by-hand change, an interrupted
# index build or a copy of rows with their ids can leave behind.
_SERVER_CHECKS = (
    (
        "SELECT c.conname || ' on ' || c.conrelid::regclass::text FROM pg_constraint c "
        "JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE n.nspname = 'public' AND NOT c.convalidated",
        "constraint {} was added NOT VALID: old rows were never checked",
    ),
    (
        "SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid "
        "JOIN pg_namespace n ON n.oid = t.relnamespace "
        "WHERE n.nspname = 'public' AND NOT (i.indisvalid AND i.indisready)",
        "index {} is invalid (an interrupted build); REINDEX it",
    ),
    (
        "SELECT p.proname FROM (VALUES ('fold')) AS w(proname) LEFT JOIN pg_proc p "
        "ON p.proname = w.proname WHERE p.oid IS NULL",
        "function {} is missing: lists cannot sort",
    ),
)


def check_server(database: Database) -> list[str]:
    """The server-side consistency checks that apply to a PostgreSQL database:
    constraints validated, indexes valid, each id sequence ahead of its ids,
    fold() equal to the application's, one search entry per record."""
    from resilian_desktop.db.search_index import missing_entries
    from resilian_desktop.domain.text import fold

    problems: list[str] = []
    with database.engine.connect() as connection:
        for query, message in _SERVER_CHECKS:
            problems.extend(message.format(row[0]) for row in connection.exec_driver_sql(query))
        serials = connection.exec_driver_sql(
            "SELECT t.relname, a.attname, pg_get_serial_sequence(t.relname, a.attname) "
            "FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace "
            "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped "
            "WHERE n.nspname = 'public' AND t.relkind = 'r' "
            "AND pg_get_serial_sequence(t.relname, a.attname) IS NOT NULL"
        ).all()
        for table, column, sequence in serials:
            highest = connection.exec_driver_sql(f'SELECT max("{column}") FROM "{table}"').scalar()
            last, called = connection.exec_driver_sql(
                f"SELECT last_value, is_called FROM {sequence}"
            ).one()
            next_id = last + 1 if called else last
            if highest is not None and next_id <= highest:
                problems.append(
                    f"sequence {sequence} would give id {next_id}, already used in {table}"
                )
        sample = "L'Œuvre Notre-Dame, Cœur d'Alsace — Ærø ß"
        in_sql = connection.exec_driver_sql("SELECT fold(%(v)s)", {"v": sample}).scalar()
        if in_sql != fold(sample):
            problems.append(
                f"function fold gives {in_sql!r} for {sample!r} where the application gives "
                f"{fold(sample)!r}: searches and sorts would differ"
            )
    with database.read() as session:
        for kind, count in missing_entries(session).items():
            problems.append(
                f"search index: {count} {kind} record(s) without their entry or with a stale one"
            )
    return problems


def check_file(path: Path) -> list[str]:
    """Integrity and foreign-key problems of the SQLite file at *path*, one line
    each, read without writing; a check that cannot run on a damaged file is
    itself a problem listed, never an exception."""
    problems: list[str] = []
    try:
        connection = sqlite3.connect(readonly_uri(path), uri=True)
    except sqlite3.Error as error:
        raise explain(path, error) from error
    try:
        for pragma, label in (("integrity_check", "integrity"), ("foreign_key_check", "")):
            try:
                rows = connection.execute(f"PRAGMA {pragma}").fetchall()
            except sqlite3.DatabaseError as error:
                if error_kind(error) not in ("damaged", None):
                    raise explain(path, error) from error
                problems.append(f"{label or 'foreign key'}: cannot be checked ({error})")
                continue
            for row in rows:
                if label and row[0] != "ok":
                    problems.append(f"{label}: {row[0]}")
                elif not label:
                    table, rowid, parent, _fk = row
                    problems.append(
                        f"foreign key: {table} row {rowid} refers to a missing {parent}"
                    )
    finally:
        connection.close()
    return problems
