"""copy-to: a whole database into an empty one, on either engine, checked.

A laptop's SQLite file goes to the agency's server (or a server database to
a new file, for offline work): every table's rows with their ids, in one
transaction on the target, then the derived columns (sort keys) and the
search index rebuilt there, and each table compared with its source by its
row count and a digest of its content. A target that holds any record is
refused: this is a copy, not a merge.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Base
from resilian_desktop.db.search_index import rebuild_index
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.domain.text import contact_sort_name, fold
from resilian_desktop.paths import ServerDatabase

BATCH = 5000
# Derived from other columns: written again on the target from what they derive from.
DERIVED_COLUMNS = {("organisation", "sort_name"), ("person", "sort_name"), ("person", "email_key")}


class CopyRefused(ResilianError):
    """The target is not an empty database; nothing was written to it."""


@dataclass(frozen=True)
class TableCheck:
    table: str
    rows: int
    digest: str  # sha256 of the rows in id order, the same on both sides


def tables() -> list[Table]:
    """The application's tables, parents before children."""
    return list(Base.metadata.sorted_tables)


def _self_references(table: Table) -> list[Column[Any]]:
    """Columns pointing at their own table (merged_into_id): written after every row is in."""
    return [
        column
        for column in table.columns
        if any(fk.column.table is table for fk in column.foreign_keys)
    ]


def _canonical(value: object) -> str:
    """One text per value, the same whichever engine it was read from."""
    if value is None:
        return "\x00"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return str(value)


def _ordered(table: Table) -> Any:
    return select(*table.columns).order_by(*table.primary_key.columns)


def _rows(session: Session, table: Table) -> Iterator[tuple[Any, ...]]:
    result = session.execute(_ordered(table).execution_options(yield_per=BATCH))
    try:
        for row in result:
            yield tuple(row)
    finally:
        result.close()


def table_checks(db: Database) -> list[TableCheck]:
    """Each table's row count and content digest (the search index and the sort
    keys aside: they are rebuilt on the target)."""
    checks = []
    with db.read() as session:
        for table in tables():
            digest = hashlib.sha256()
            count = 0
            kept = [
                i
                for i, c in enumerate(table.columns)
                if (table.name, c.name) not in DERIVED_COLUMNS
            ]
            for row in _rows(session, table):
                digest.update("\x1f".join(_canonical(row[i]) for i in kept).encode())
                digest.update(b"\x1e")
                count += 1
            checks.append(TableCheck(table.name, count, digest.hexdigest()))
    return checks


def record_count(db: Database) -> int:
    """Rows in the application's tables (0: an empty database)."""
    with db.read() as session:
        return sum(
            int(session.scalar(select(func.count()).select_from(table)) or 0) for table in tables()
        )


def copy_database(source: Database, target: Database) -> list[TableCheck]:
    """Copy every row of *source* into the empty *target*, then check both
    sides table by table; returns the checks. Raises CopyRefused when the
    target holds anything; a failure while copying leaves the target as it
    was (one transaction); ResilianError naming the table when the check
    finds a difference (the copy is committed by then: the message says to
    empty the target; copy-to deletes a file it created)."""
    if record_count(target):
        raise CopyRefused(
            f"{target.location}: holds records already; copy-to writes only into an empty "
            "database (it does not merge)"
        )
    if target.server is not None:
        _copy_into_server(source, target, target.server)
    else:
        _copy_into_file(source, target)
    with target.write() as session:
        _rebuild_derived(session)
        rebuild_index(session)
    expected, found = table_checks(source), table_checks(target)
    for before, after in zip(expected, found, strict=True):
        if before != after:
            raise ResilianError(
                f"{target.location}: table {before.table} differs from the source after the "
                f"copy ({after.rows} rows against {before.rows}, digest {after.digest[:12]} "
                f"against {before.digest[:12]}); do not use this copy: empty the target "
                "before copying again"
            )
    return found


def _copy_into_server(source: Database, target: Database, where: ServerDatabase) -> None:
    from resilian_desktop.db.postgres import bulk_transaction, copy_rows

    with source.read() as session, bulk_transaction(target.engine, where) as connection:
        for table in tables():
            later = _self_references(table)
            positions = [i for i, c in enumerate(table.columns) if c in later]
            pending: list[tuple[Any, ...]] = []

            copy_rows(
                connection,
                table.name,
                [c.name for c in table.columns],
                _set_aside(_rows(session, table), positions, pending),
            )
            key = [c.name for c in table.primary_key.columns]
            for row in pending:
                values = dict(zip((c.name for c in table.columns), row, strict=True))
                assignments = ", ".join(f'"{c.name}" = %({c.name})s' for c in later)
                condition = " AND ".join(f'"{k}" = %({k})s' for k in key)
                connection.execute(
                    f'UPDATE "{table.name}" SET {assignments} WHERE {condition}', values
                )


def _set_aside(
    rows: Iterator[tuple[Any, ...]], positions: list[int], pending: list[tuple[Any, ...]]
) -> Iterator[tuple[Any, ...]]:
    """*rows* with the columns at *positions* empty; the rows that had them go to *pending*."""
    for row in rows:
        if positions and any(row[i] is not None for i in positions):
            pending.append(row)
            yield tuple(None if i in positions else v for i, v in enumerate(row))
        else:
            yield row


def _copy_into_file(source: Database, target: Database) -> None:
    with source.read() as reading, target.write() as writing:
        for table in tables():
            later = _self_references(table)
            pending: list[dict[str, Any]] = []
            batch: list[dict[str, Any]] = []
            for row in _rows(reading, table):
                values = dict(zip((c.key for c in table.columns), row, strict=True))
                if any(values[c.key] is not None for c in later):
                    pending.append(values)
                    values = {**values, **{c.key: None for c in later}}
                batch.append(values)
                if len(batch) >= BATCH:
                    writing.execute(insert(table), batch)
                    batch = []
            if batch:
                writing.execute(insert(table), batch)
            for values in pending:
                writing.execute(
                    update(table)
                    .where(*(c == values[c.key] for c in table.primary_key.columns))
                    # updated_at too: Core would stamp it now (its onupdate).
                    .values(
                        {c.key: values[c.key] for c in table.columns if c in later or c.onupdate}
                    )
                )


def _rebuild_derived(session: Session) -> None:
    """The sort keys, from the names they fold (the source's may predate a
    change of fold); only those that differ, their updated_at kept."""
    organisation = Base.metadata.tables["organisation"]
    contact = Base.metadata.tables["person"]
    changed = [
        {"key_id": oid, "sort_name": key, "updated_at": stamp}
        for oid, name, current, stamp in session.execute(
            select(
                organisation.c.id,
                organisation.c.name,
                organisation.c.sort_name,
                organisation.c.updated_at,
            )
        )
        if (key := fold(name)) != current
    ]
    if changed:
        session.execute(
            update(organisation).where(organisation.c.id == bindparam("key_id")), changed
        )
    changed = []
    for pid, last, first, email, sort_name, email_key, stamp in session.execute(
        select(
            contact.c.id,
            contact.c.last_name,
            contact.c.first_name,
            contact.c.email,
            contact.c.sort_name,
            contact.c.email_key,
            contact.c.updated_at,
        )
    ):
        keys = (contact_sort_name(last or "", first or ""), email.lower() if email else None)
        if keys != (sort_name, email_key):
            changed.append(
                {"key_id": pid, "sort_name": keys[0], "email_key": keys[1], "updated_at": stamp}
            )
    if changed:
        session.execute(update(contact).where(contact.c.id == bindparam("key_id")), changed)
