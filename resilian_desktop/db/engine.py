"""The SQLite engine, its per-connection pragmas, and transaction helpers."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from resilian_desktop.db import search_index
from resilian_desktop.domain.text import fold

BUSY_TIMEOUT_MS = 5000


# Cached per whole value: a list sorted on fold(column) calls it once per row,
# and names, communes and job titles repeat (measured on 162,000 contacts:
# 400 ms a page without the cache, 160 ms with it).
@lru_cache(maxsize=65_536)
def _fold_sql(value: object) -> str | None:
    return fold(value) if isinstance(value, str) else None


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
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
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        # Deleted content is overwritten, not left in free pages: an erased
        # person's details must not survive in the file.
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


def _on_begin(connection: Any) -> None:
    # Writers take the write lock at BEGIN: a deferred transaction that reads
    # then writes can fail with SQLITE_BUSY on the lock upgrade, which
    # busy_timeout cannot wait out in WAL mode.
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path) -> Engine:
    """An engine on the SQLite file at *path* with the application's pragmas."""
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """An open database file: read sessions and one-transaction write sessions."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._reader = sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)
        self._writer = sessionmaker(
            bind=engine.execution_options(sqlite_begin="IMMEDIATE"),
            expire_on_commit=False,
        )
        # The search index follows every write made through these sessions:
        # registered here, once, rather than on every Session of the process.
        event.listen(self._writer, "after_flush", search_index.after_flush)
        # Called after every committed write transaction (the window counts
        # them to take a backup after many changes).
        self.commit_listeners: list[Callable[[], None]] = []

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; rolled back at the end, never writes."""
        with self._reader() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self._writer() as session, session.begin():
            yield session
        for listener in self.commit_listeners:
            listener()

    def dispose(self) -> None:
        self.engine.dispose()
