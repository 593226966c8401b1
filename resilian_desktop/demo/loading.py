"""Writing the demo into an empty database: one bulk transaction, and at large
scales a second process that generates while this one writes."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import multiprocessing.connection
import os
import queue
import sqlite3
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import CheckConstraint

from resilian_desktop.db.audit import os_user_literal
from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import HISTORY_TABLES, Base, utc_now
from resilian_desktop.demo.generator import generate
from resilian_desktop.demo.rows import TABLE_ORDER, Batch, RowBuffer
from resilian_desktop.domain.errors import ResilianError

MAX_SCALE = 100_000  # 3.9 million organisations: SIRETs stay unique below 10**7 (make_siret)
BULK_CACHE_KIB = 256 * 1024
AUTHORED_TABLES = frozenset(
    name for name, table in Base.metadata.tables.items() if "created_by" in table.columns
)
WORKER_MIN_SCALE = 20
"""From this scale on rows are generated in a second process (about 0.5 s to start)."""
WORKER_QUEUED_BATCHES = 8
"""Batches the worker may send ahead of the writer (bounds the memory used)."""


@dataclass(frozen=True)
class DemoSummary:
    """What generate_demo wrote, and how long it took."""

    organisations: int
    contacts: int
    meetings: int
    attendances: int
    taskforces: int
    actions: int
    seconds: float


class DemoRefused(ResilianError):
    """The demo is only written into an empty database; nothing was changed."""


def _generate_in_worker(
    channel: Any, scale: int, seed: int, today: dt.date, now: dt.datetime
) -> None:
    """The worker process: generates and sends batches, then ("done", counts) or ("error", text)."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        # If the writer dies (killed, crashed), nothing will read what is left:
        # leave at once, wherever this process is (generating, waiting for room
        # in the queue, or flushing it into the pipe at exit).
        def leave_with_parent() -> None:
            multiprocessing.connection.wait([parent.sentinel])
            os._exit(1)

        threading.Thread(target=leave_with_parent, daemon=True).start()
    try:
        buffer = RowBuffer(now, lambda batches: channel.put(("rows", batches)))
        generate(buffer, scale, seed, today)
        channel.put(("done", buffer.counts))
    except BaseException:  # reported to the parent, which rolls back
        channel.put(("error", traceback.format_exc()))


def _insert(connection: sqlite3.Connection, batches: list[Batch]) -> None:
    # The authors, as the ORM would write them (db.audit): a literal in the
    # statement, nothing per row. (PostgreSQL's column default does it there.)
    author = os_user_literal()
    for table, columns, values in batches:
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        if table in AUTHORED_TABLES:
            names += ', "created_by", "updated_by"'
            marks += f", {author}, {author}"
        connection.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values)


def _load_from_worker(
    insert: Callable[[list[Batch]], None], scale: int, seed: int, today: dt.date, now: dt.datetime
) -> dict[str, int]:
    """Generate in a second process while this one writes: both cores at work.

    At scale 1000 generating the rows in Python and writing them into SQLite
    take about as long as each other; side by side the demo takes the time of
    the longer instead of the sum. The worker is spawned (not forked: this
    process holds an open SQLite connection and, in the window, Qt threads).
    """
    context = multiprocessing.get_context("spawn")
    channel = context.Queue(maxsize=WORKER_QUEUED_BATCHES)
    worker = context.Process(
        target=_generate_in_worker,
        args=(channel, scale, seed, today, now),
        name="resilian-demo-generator",
        daemon=True,
    )
    worker.start()
    try:
        while True:
            try:
                kind, payload = channel.get(timeout=1.0)
            except queue.Empty:
                if not worker.is_alive():
                    raise RuntimeError(
                        f"the demo generator stopped unexpectedly (exit code {worker.exitcode})"
                    ) from None
                continue
            if kind == "rows":
                insert(payload)
            elif kind == "done":
                counts: dict[str, int] = payload
                return counts
            else:
                raise RuntimeError(f"the demo generator failed:\n{payload}")
    except BaseException:
        worker.terminate()  # it may be blocked on a full queue nobody reads any more
        raise
    finally:
        worker.join(timeout=5.0)
        if worker.is_alive():
            worker.terminate()
            worker.join()
        channel.close()


def _refuse_unless_empty(connection: Any) -> None:
    """*connection*: the driver's own (sqlite3 or psycopg), both have execute()."""
    ordered = ("organisation", *(t for t in HISTORY_TABLES if t != "organisation"))
    for name in ordered:
        if connection.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is not None:
            if name == "organisation":
                raise DemoRefused(
                    "the database already holds organisations; use a new file for the demo"
                )
            raise DemoRefused(
                f"the database already holds {name} rows; use a new file for the demo"
            )


def _verify_checks(connection: sqlite3.Connection) -> None:
    """Raise if a row written by the demo breaks a CHECK constraint of the schema."""
    for name in TABLE_ORDER:
        table = Base.metadata.tables[name]
        checks = [c for c in table.constraints if isinstance(c, CheckConstraint)]
        if not checks:
            continue
        condition = " OR ".join(f"NOT ({c.sqltext})" for c in checks)
        broken = connection.execute(
            f'SELECT rowid FROM "{name}" WHERE {condition} LIMIT 1'
        ).fetchone()
        if broken is not None:
            raise RuntimeError(f"the demo wrote a {name} row ({broken[0]}) that breaks a CHECK")


@contextmanager
def _bulk_transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction set up for a bulk load into an empty database.

    - The rollback journal instead of WAL while loading: in WAL mode every
      page is written twice (to the log, then checkpointed into the file); a
      rollback journal only records pages that existed before, and an empty
      database has almost none. A failure still rolls everything back. WAL
      is restored after the commit (and by every new connection anyway).
    - SQLite rebuilds the list of every "x IN (...)" CHECK constraint for each
      row inserted: on the attendance table that is half of the insert time
      (measured: 19 us a row with the checks, 9 without). The checks are
      skipped while the rows go in, then verified in one pass per table
      (_verify_checks) before the commit.
    - A large page cache keeps the indexes being filled in memory: at scale
      1000 the default 2 MB cache rereads index pages from disk all along.
    """
    try:
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.OperationalError:
        mode = None  # another connection has the file open: the load runs in WAL
    switched = mode is not None and str(mode[0]).lower() == "delete"
    connection.execute("PRAGMA ignore_check_constraints = ON")
    connection.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
            _verify_checks(connection)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    finally:
        connection.execute("PRAGMA ignore_check_constraints = OFF")
        connection.execute("PRAGMA cache_size = -2000")  # SQLite's default
        if switched:
            connection.execute("PRAGMA journal_mode = WAL")


def _load(
    insert: Callable[[list[Batch]], None],
    scale: int,
    seed: int,
    day: dt.date,
    now: dt.datetime,
    *,
    use_worker: bool,
) -> dict[str, int]:
    if use_worker:
        return _load_from_worker(insert, scale, seed, day, now)
    buffer = RowBuffer(now, insert)
    generate(buffer, scale, seed, day)
    return buffer.counts


def _load_into_server(
    db: Database, scale: int, seed: int, day: dt.date, now: dt.datetime, *, use_worker: bool
) -> dict[str, int]:
    """The same rows into a PostgreSQL database, by COPY, in one transaction;
    the server checks every constraint as they go in."""
    from resilian_desktop.db.postgres import bulk_transaction, copy_rows

    assert db.server is not None
    with bulk_transaction(db.engine, db.server) as connection:
        _refuse_unless_empty(connection)

        def insert(batches: list[Batch]) -> None:
            for table, columns, values in batches:
                copy_rows(connection, table, columns, values)

        return _load(insert, scale, seed, day, now, use_worker=use_worker)


def generate_demo(
    db: Database,
    *,
    scale: int = 1,
    seed: int = 2018,
    today: dt.date | None = None,
    worker: bool | None = None,
) -> DemoSummary:
    """Fill an empty database with *scale* copies of a fictional network, in one transaction.

    Deterministic for a given *seed* and *today* (apart from the created_at /
    updated_at stamps, which record when the demo was written). Raises
    DemoRefused, changing nothing, when the database already holds data.
    *worker* generates the rows in a second process while this one writes
    them; by default from WORKER_MIN_SCALE on, where that pays for the
    process start.
    """
    if not 1 <= scale <= MAX_SCALE:
        raise ValueError(f"scale must be between 1 and {MAX_SCALE}, not {scale}")
    started = time.perf_counter()
    day = today if today is not None else dt.date.today()
    now = utc_now()
    use_worker = scale >= WORKER_MIN_SCALE if worker is None else worker
    if db.server is not None:
        counts = _load_into_server(db, scale, seed, day, now, use_worker=use_worker)
    else:
        # The plain sqlite3 connection under the engine's pool: the load is raw SQL
        # (see _RowBuffer) and needs pragmas set outside any transaction.
        pooled = db.engine.raw_connection()
        try:
            connection = pooled.driver_connection
            assert isinstance(connection, sqlite3.Connection)
            with _bulk_transaction(connection):
                _refuse_unless_empty(connection)
                counts = _load(
                    lambda batches: _insert(connection, batches),
                    scale,
                    seed,
                    day,
                    now,
                    use_worker=use_worker,
                )
        finally:
            pooled.close()
    return DemoSummary(
        organisations=counts["organisation"],
        contacts=counts["person"],
        meetings=counts["meeting"],
        attendances=counts["attendance"],
        taskforces=counts["taskforce"],
        actions=counts["roadmap_action"],
        seconds=time.perf_counter() - started,
    )
