"""The database engine, its per-connection settings, and transaction helpers.

A Database is a SQLite file (the default; pragmas and BEGIN IMMEDIATE here)
or a PostgreSQL database (db.postgres): services use either the same way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from resilian_desktop.db import row_versions, search_index
from resilian_desktop.db.access import (
    DatabaseReadOnly,
    StorageError,
    error_kind,
    explain,
    server_refusal,
    wait_for_write_lock,
)
from resilian_desktop.domain.text import fold
from resilian_desktop.paths import ServerDatabase

BUSY_TIMEOUT_MS = 5000


# Cached per whole value: a list sorted on fold(column) calls it once per row,
# and names, communes and job titles repeat (measured on 162,000 contacts:
# 400 ms a page without the cache, 160 ms with it).
@lru_cache(maxsize=65_536)
def _fold_sql(value: object) -> str | None:
    return fold(value) if isinstance(value, str) else None


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any, *, read_only: bool) -> None:
    # Take transactions out of the sqlite3 module's hands (it would open them
    # lazily and commit around DDL); the "begin" listener issues BEGIN itself.
    # Pragmas run here, outside any transaction: inside one SQLite ignores
    # foreign_keys without a word.
    dbapi_connection.isolation_level = None
    # fold() lets queries compare names as the search does (accents, case, Œ).
    dbapi_connection.create_function("fold", 1, _fold_sql, deterministic=True)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:  # a read-only file keeps the journal it has
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        # Deleted content is overwritten, not left in free pages: an erased
        # person's details must not survive in the file.
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


def _on_begin(connection: Any, *, path: Path) -> None:
    # Writers take the write lock at BEGIN: a deferred transaction that reads
    # then writes can fail with SQLITE_BUSY on the lock upgrade, which
    # busy_timeout cannot wait out in WAL mode. A writer that finds the lock
    # held waits, saying for whom, then gives up with one line.
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    if mode == "IMMEDIATE":
        wait_for_write_lock(path, lambda: connection.exec_driver_sql("BEGIN IMMEDIATE"))
    else:
        connection.exec_driver_sql(f"BEGIN {mode}")


def readonly_uri(path: Path) -> str:
    """A URI that opens *path* for reading without creating anything beside it.

    Without a -wal file, immutable=1 keeps SQLite from creating -wal and -shm
    files (a read-only folder or medium allows neither); with one, its
    committed pages must be read, so plain read-only.
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on the SQLite file at *path* with the application's pragmas;
    *read_only* opens it so that nothing can be written, nor created beside it."""
    if read_only:
        uri = readonly_uri(path)
        engine = create_engine(
            f"sqlite:///{path}",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            future=True,
        )
    else:
        engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", partial(_on_connect, read_only=read_only))
    event.listen(engine, "begin", partial(_on_begin, path=path))
    return engine


@contextmanager
def storage_errors(path: Path | ServerDatabase) -> Iterator[None]:
    """Turn a failure that is not the code's fault (busy, full disk,
    permissions, damage; a server that cannot be reached) into a one-line
    StorageError naming the database."""
    try:
        yield
    except StorageError:
        raise
    except (DBAPIError, sqlite3.Error) as error:
        if server_refusal(error) is not None:
            # The server refused the connected user (grants, row-level
            # security, the team's guard): one line, nothing changed.
            raise explain(path, error) from error
        if isinstance(path, ServerDatabase):
            from resilian_desktop.db.postgres import connection_error

            explained = connection_error(path, error)
            if explained is None:
                raise
            raise explained from error
        if error_kind(error) is None:
            raise
        raise explain(path, error) from error


class Database:
    """An open database: read sessions and one-transaction write sessions."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        *,
        read_only: bool = False,
        server: ServerDatabase | None = None,
    ) -> None:
        # The file; for a server database, the local folder that stands for it
        # (attachments and the erasure journal are kept beside it).
        self.path = path
        # The PostgreSQL database, None for a SQLite file.
        self.server = server
        self.engine = engine
        # Opened read-only (the file, its folder or its medium cannot be
        # written): lists and exports work, writes are refused.
        self.read_only = read_only
        self.read_only_reason = ""
        # A read sees one snapshot from its first query to its end, as in
        # SQLite's WAL mode (a report read while another officer saves stays
        # whole): REPEATABLE READ on a server, whose default sees each commit.
        reader = (
            engine
            if server is None
            else engine.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        )
        self._reader = sessionmaker(bind=reader, expire_on_commit=False, autoflush=False)
        self._writer = sessionmaker(
            # The write lock at BEGIN: SQLite's own, or the server's advisory lock.
            bind=engine.execution_options(sqlite_begin="IMMEDIATE", write_lock=True),
            expire_on_commit=False,
        )
        # The search index follows every write made through these sessions:
        # registered here, once, rather than on every Session of the process.
        event.listen(self._writer, "after_flush", search_index.after_flush)
        # Names the row of a stale UPDATE or DELETE (another user's change).
        event.listen(self._writer, "before_flush", row_versions.note_versioned_rows)
        # Called after every committed write transaction (the window counts
        # them to take a backup after many changes).
        self.commit_listeners: list[Callable[[], None]] = []

    @property
    def location(self) -> Path | ServerDatabase:
        """What messages name: the file, or the server database (without password)."""
        return self.server if self.server is not None else self.path

    @property
    def on_server(self) -> bool:
        return self.server is not None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; rolled back at the end, never writes."""
        with storage_errors(self.location), self._reader() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        if self.read_only:
            raise DatabaseReadOnly(
                self.location, f"{self.read_only_reason or 'is read-only'}; nothing was changed"
            )
        session = self._writer()
        try:
            with storage_errors(self.location), session, session.begin():
                yield session
        except StaleDataError as error:
            # Another transaction changed or deleted a row this one read, then
            # wrote: nothing was written (rolled back).
            with self.read() as fresh:
                noted = session.info.get(row_versions.NOTED, [])
                stale = row_versions.stale_record(fresh, noted, error)
            raise stale from error
        for listener in self.commit_listeners:
            listener()

    def purge_journal(self) -> bool:
        """Make erased details leave the write-ahead log now: SQLite's -wal file
        is checkpointed and emptied (False when another connection, an open
        window, still reads and keeps them there). A server's log and its
        dead rows are the server's (VACUUM, WAL recycling): True."""
        if self.server is not None:
            return True
        with self.engine.connect() as connection:
            busy, frames, done = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        return not busy and (frames in (0, -1) or frames == done)

    def dispose(self) -> None:
        self.engine.dispose()
