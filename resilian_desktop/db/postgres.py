"""The PostgreSQL engine: connecting, the write lock, and what the server says went wrong.

The services see the same Database as on SQLite (db.engine). What differs is
kept here: psycopg 3 as the driver, libpq finding the password
(PGPASSWORD, ~/.pgpass) unless the window asked for one, and the write lock.
SQLite lets one writer at a time in (BEGIN IMMEDIATE); the services'
"look, then write" rules (duplicates on import, one SIRET per site) rely on
it, so every write transaction here takes one transaction-scoped advisory
lock first: writers queue, readers never wait.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects.postgresql.psycopg import PGCompiler_psycopg
from sqlalchemy.engine import make_url
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import ColumnClause, Label, UnaryExpression

from resilian_desktop.db.access import DatabaseBusy, StorageError, lock_wait_seconds
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.paths import ServerDatabase

# The key of the application's write lock (pg_advisory_xact_lock): "RESI" in ASCII.
WRITE_LOCK_KEY = 0x52455349
APPLICATION_NAME = "resilian-desktop"


def _driver_url(location: ServerDatabase) -> Any:
    url = make_url(location.url)
    return url.set(drivername="postgresql+psycopg")


def make_server_engine(location: ServerDatabase, *, password: str | None = None) -> Engine:
    """An engine on the server database *location* names.

    *password*, when the window asked for one, goes to the driver only: it is
    kept in no file, setting or message.
    """
    connect_args: dict[str, Any] = {
        # Who holds the write lock, as pg_stat_activity will show it to the others.
        "application_name": f"{APPLICATION_NAME} {socket.gethostname()}:{os.getpid()}"[:63],
        "connect_timeout": 10,
    }
    if password is not None:
        connect_args["password"] = password
    engine = create_engine(
        _driver_url(location), connect_args=connect_args, pool_pre_ping=True, future=True
    )
    event.listen(engine, "begin", partial(_on_begin, location=location))
    engine.dialect.statement_compiler = _SqliteNullOrderCompiler
    return engine


def _on_begin(connection: Any, *, location: ServerDatabase) -> None:
    if connection.get_execution_options().get("write_lock"):
        take_write_lock(connection, location)


def take_write_lock(connection: Any, where: ServerDatabase) -> None:
    """Wait for the application's write lock inside the current transaction
    (released at its commit or rollback), saying for whom when it has to wait;
    DatabaseBusy after lock_wait_seconds()."""
    from resilian_desktop.db import access  # the reporter is set by the front end

    if connection.exec_driver_sql(f"SELECT pg_try_advisory_xact_lock({WRITE_LOCK_KEY})").scalar():
        return
    deadline = time.monotonic() + lock_wait_seconds()
    if access.lock_wait_reporter is not None:
        access.lock_wait_reporter(
            f"{where}: waiting for {lock_holder(connection)} to finish writing "
            f"(up to {lock_wait_seconds():.0f} s)…"
        )
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if connection.exec_driver_sql(
            f"SELECT pg_try_advisory_xact_lock({WRITE_LOCK_KEY})"
        ).scalar():
            return
    raise DatabaseBusy(
        where,
        f"still in use by {lock_holder(connection)} after {lock_wait_seconds():.0f} s of "
        "waiting; nothing was changed; try again when it has finished",
    )


def lock_holder(connection: Any) -> str:
    """The session holding the write lock, as pg_stat_activity names it."""
    row = connection.exec_driver_sql(
        "SELECT a.usename, a.application_name, a.client_addr FROM pg_locks l "
        "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
        f"AND l.granted AND l.objid = {WRITE_LOCK_KEY} LIMIT 1"
    ).first()
    if row is None:
        return "another session"
    user, application, address = row
    return f"{user} ({application or 'another program'}{f', {address}' if address else ''})"


def connection_error(location: ServerDatabase, error: BaseException) -> StorageError | None:
    """A one-line StorageError for a server that cannot be reached or refuses
    the login; None for any other failure."""
    import psycopg

    found: BaseException | None = error
    while found is not None and not isinstance(found, psycopg.Error):
        found = getattr(found, "orig", None) or found.__cause__
    if not isinstance(found, psycopg.OperationalError):
        return None
    text = " ".join(str(found).split())
    lowered = text.lower()
    if "password" in lowered and ("no password supplied" in lowered or "authentication" in lowered):
        return StorageError(
            location,
            "password",
            f"the server refused the login of {location.user} ({text}); give the password in "
            "PGPASSWORD or ~/.pgpass (the window asks for it)",
        )
    if "does not exist" in lowered and "database" in lowered:
        return StorageError(
            location,
            "missing",
            f"no database {location.name} on the server ({text}); "
            "ask its administrator to create it (createdb)",
        )
    return StorageError(location, "connection", f"cannot connect to the server ({text})")


@contextmanager
def bulk_transaction(engine: Engine, location: ServerDatabase) -> Iterator[Any]:
    """The driver's own connection in one write transaction, for a bulk load of
    rows that carry their ids (the demo, copy-to): committed at the end of the
    block with every id sequence moved past the ids written, rolled back on
    any error. The server checks every constraint as the rows go in."""
    pooled = engine.raw_connection()
    try:
        connection = pooled.driver_connection
        assert connection is not None
        with connection.transaction():
            if not connection.execute(
                f"SELECT pg_try_advisory_xact_lock({WRITE_LOCK_KEY})"
            ).fetchone()[0]:
                raise DatabaseBusy(
                    location, "another session is writing; nothing was changed; try again later"
                )
            yield connection
            reset_sequences(connection)
    finally:
        pooled.close()


def copy_rows(
    connection: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Write *rows* into *table* with COPY (an order of magnitude faster than INSERTs)."""
    names = ", ".join(f'"{c}"' for c in columns)
    with connection.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)


def reset_sequences(connection: Any) -> None:
    """Move every id sequence of the public schema past the largest id of its
    table: rows written with their ids (a bulk load, a copy) leave the
    sequences behind, and the next insert would collide."""
    owned = connection.execute(
        "SELECT t.relname, a.attname, pg_get_serial_sequence(quote_ident(t.relname), a.attname) "
        "FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace "
        "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped "
        "WHERE n.nspname = 'public' AND t.relkind = 'r' "
        "AND pg_get_serial_sequence(quote_ident(t.relname), a.attname) IS NOT NULL"
    ).fetchall()
    for table, column, sequence in owned:
        connection.execute(
            f'SELECT setval(%s, COALESCE((SELECT max("{column}") FROM "{table}"), 0) + 1, false)',
            (sequence,),
        )


def server_tool(name: str) -> str:
    """The path of a PostgreSQL client program (pg_dump, pg_restore): on PATH,
    else in Debian's /usr/lib/postgresql/N/bin, newest first."""
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / name).exists():
            return str(folder / name)
    raise ResilianError(
        f"{name} not found: install PostgreSQL's client programs "
        "(Debian: postgresql-client) to back up a server database"
    )


def dump(location: ServerDatabase, target: Path) -> Path:
    """pg_dump of the server database, custom format (pg_restore reads it),
    written to a temporary name and moved into place when complete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial_file = target.with_name(f".{target.name}.part")
    done = subprocess.run(
        [
            server_tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            f"--file={partial_file}",
            f"--dbname={location.url}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        partial_file.unlink(missing_ok=True)
        reason = " ".join(done.stderr.split()) or f"exit code {done.returncode}"
        raise StorageError(location, "backup", f"pg_dump failed ({reason}); nothing was written")
    partial_file.replace(target)
    return target


class _SqliteNullOrderCompiler(PGCompiler_psycopg):
    """PostgreSQL's compiler, ordering NULLs as SQLite does: first going up,
    last going down (PostgreSQL does the opposite by default). Lists, reports
    and exports then give the same order on both engines without a word in
    the services. Columns declared NOT NULL are left as they are, so their
    indexes still serve the ORDER BY."""

    def order_by_clause(self, select: Any, **kw: Any) -> str:
        clauses = [_sqlite_null_order(clause) for clause in select._order_by_clauses]
        order_by = ", ".join(
            text for text in (c._compiler_dispatch(self, **kw) for c in clauses) if text
        )
        return f" ORDER BY {order_by}" if order_by else ""


def _sqlite_null_order(clause: Any) -> Any:
    element, descending = clause, False
    if isinstance(clause, UnaryExpression):
        if clause.modifier in (operators.nulls_first_op, operators.nulls_last_op):
            return clause  # said explicitly
        if clause.modifier not in (operators.asc_op, operators.desc_op):
            return clause
        element, descending = clause.element, clause.modifier is operators.desc_op
    inner = element.element if isinstance(element, Label) else element
    if isinstance(inner, ColumnClause) and getattr(inner, "nullable", True) is False:
        return clause
    if isinstance(inner, ColumnClause) and getattr(inner, "primary_key", False):
        return clause
    return element.desc().nulls_last() if descending else element.asc().nulls_first()
