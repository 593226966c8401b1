"""Generated rows, buffered per table and handed on in batches for executemany."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from sqlalchemy import Date, DateTime, Time
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from resilian_desktop.db.models import Base
from resilian_desktop.db.search_index import (
    IndexEntry,
    contact_entry,
    meeting_entry,
    organisation_entry,
    taskforce_entry,
)
from resilian_desktop.domain.text import contact_sort_name, fold

Row = dict[str, Any]

BATCH_ROWS = 10_000
"""Rows buffered (all tables together) before they are written."""

# Tables in an order that satisfies every foreign key (SQLite checks them per statement).
TABLE_ORDER = (
    "programme",
    "topic",
    "organisation",
    "programme_funder",
    "membership",
    "organisation_topic",
    "person",
    "taskforce",
    "taskforce_origin",
    "taskforce_member",
    "meeting",
    "meeting_topic",
    "attendance",
    "roadmap_action",
)

Batch = tuple[str, tuple[str, ...], list[tuple[Any, ...]]]
"""Rows of one table ready for executemany: table, column names, values."""

INDEX_COLUMNS = ("rowid", "kind", "record_id", "label", "terms")


class RowBuffer:
    """Buffers generated rows per table and hands them on in batches, parents first.

    Rows are dicts keyed by column name, as for ``insert(table)``; they leave
    as plain tuples, because SQLAlchemy's per-row parameter processing cost as
    much as SQLite itself (measured: half of the write time). Temporal values
    are converted with the bind processors of the columns' own types (cached
    per distinct value), so the stored text is exactly what the ORM writes and
    reads back. The derived columns the ORM's hooks would fill are filled here:
    the sort keys and the search index entries (built by the search module's
    own functions, so they equal what rebuild_index writes).

    Nothing here touches the database: the buffer runs in the process that
    generates, which at large scales is not the one that writes.
    """

    def __init__(self, now: dt.datetime, deliver: Callable[[list[Batch]], None]) -> None:
        dialect = sqlite_dialect()
        self.tables = {name: Base.metadata.tables[name] for name in TABLE_ORDER}
        self.processors: dict[str, dict[str, Callable[[Any], Any]]] = {}
        for name, table in self.tables.items():
            processors: dict[str, Callable[[Any], Any]] = {}
            for column in table.columns:
                if isinstance(column.type, Date | DateTime | Time):
                    processor = column.type.dialect_impl(dialect).bind_processor(dialect)
                    if processor is not None:
                        processors[column.name] = processor
            self.processors[name] = processors
        self.stamp = self.processors["organisation"]["created_at"](now)
        self.deliver = deliver
        self.cache: dict[Any, Any] = {}
        self.rows: dict[str, list[Row]] = {name: [] for name in TABLE_ORDER}
        self.counts: dict[str, int] = dict.fromkeys(TABLE_ORDER, 0)
        self.organisation_names: dict[int, str] = {}  # for the contacts' index labels
        self.pending = 0

    def add(self, table: str, row: Row) -> None:
        row["created_at"] = row["updated_at"] = self.stamp
        self.rows[table].append(row)
        self.pending += 1

    def extend(self, table: str, rows: list[Row]) -> None:
        """Add rows that already carry created_at and updated_at (self.stamp)."""
        self.rows[table].extend(rows)
        self.pending += len(rows)

    def flush_if_full(self) -> None:
        if self.pending >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        batches: list[Batch] = []
        index: list[tuple[Any, ...]] = []
        for name in TABLE_ORDER:
            rows = self.rows[name]
            if not rows:
                continue
            self.derive(name, rows, index)
            keys = tuple(rows[0])
            unknown = set(keys) - set(self.tables[name].columns.keys())
            if unknown:
                raise ValueError(f"{name} has no column {sorted(unknown)}")
            getter = itemgetter(*keys)  # fails loudly if a row lacks a column
            values: list[tuple[Any, ...]] = [getter(row) for row in rows]
            processors = self.processors[name]
            converted = [
                (i, processors[key])
                for i, key in enumerate(keys)
                if key in processors and key not in ("created_at", "updated_at")  # pre-converted
            ]
            if converted:
                values = [self.convert(v, converted) for v in values]
            batches.append((name, keys, values))
            self.counts[name] += len(rows)
            rows.clear()
        if index:
            batches.append(("search_index", INDEX_COLUMNS, index))
        self.pending = 0
        if batches:
            self.deliver(batches)

    def derive(self, name: str, rows: list[Row], index: list[tuple[Any, ...]]) -> None:
        """Fill the sort keys and collect the search index entries of *rows*."""
        entries: list[IndexEntry]
        if name == "organisation":
            for row in rows:
                row["sort_name"] = fold(row["name"])
                self.organisation_names[row["id"]] = row["name"]
            entries = [
                organisation_entry(r["id"], r["name"], r["commune"], r["siret"], r["sector"])
                for r in rows
            ]
        elif name == "person":
            names = self.organisation_names
            for row in rows:
                row["sort_name"] = contact_sort_name(row["last_name"], row["first_name"])
                row["email_key"] = row["email"].lower() if row.get("email") else None
            entries = [
                contact_entry(
                    r["id"],
                    r["first_name"],
                    r["last_name"],
                    r["email"],
                    r["job_title"],
                    names.get(r["organisation_id"]),
                )
                for r in rows
            ]
        elif name == "meeting":
            entries = [
                meeting_entry(r["id"], r["title"], r["date"].isoformat(), r["venue"]) for r in rows
            ]
        elif name == "taskforce":
            entries = [taskforce_entry(r["id"], r["name"], r["problem_statement"]) for r in rows]
        else:
            return
        index.extend((e.rowid, e.kind, e.record_id, e.label, e.terms) for e in entries)

    def convert(
        self, values: tuple[Any, ...], converted: list[tuple[int, Callable[[Any], Any]]]
    ) -> tuple[Any, ...]:
        items = list(values)
        cache = self.cache
        for index, processor in converted:
            value = items[index]
            if value is not None:
                key = (processor, value)
                stored = cache.get(key)
                if stored is None:
                    stored = cache[key] = processor(value)
                items[index] = stored
        return tuple(items)
