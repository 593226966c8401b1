"""Optimistic concurrency for the records an officer edits in a window.

A window keeps the row it read (with its ``version``) while the officer types;
the save sends it back as *base*. Inside the save's transaction the service
reads the stored row and calls ``check_unchanged``: another version stored
means another user saved in between, and StaleRecordError names the record,
the fields that differ and who changed them, before anything is written.
``touch`` then makes the save a new version even when only the record's links
(topics, origins, memberships) changed. A change committed between that read
and the UPDATE (PostgreSQL, several sessions at once) is caught by the
UPDATE's own version condition (models.Versioned, db.engine).
"""

from __future__ import annotations

import dataclasses
from types import MappingProxyType
from typing import Any

from resilian_desktop.db.models import Timestamped, utc_now
from resilian_desktop.domain.errors import FieldChange, StaleRecordError

# Fields that say when and by whom, not what: never reported as changes.
BOOKKEEPING = frozenset({"id", "version", "created_at", "created_by", "updated_at", "updated_by"})
DERIVED = MappingProxyType({"derived": True})
"""Metadata of a row field computed from other rows (a count), not compared:
``invited: int = field(metadata=DERIVED)``."""


def changed_fields(base: Any, current: Any) -> tuple[FieldChange, ...]:
    """The fields of two rows of the same record that differ, in declaration order.

    A reference (``x_id`` beside ``x_name``) is compared by its id and reported
    by its name, as ``x_name`` (what the user sees; the other record renamed is
    not a change of this one); bookkeeping and derived fields are left out.
    """
    names = {f.name for f in dataclasses.fields(current)}
    changes = []
    for f in dataclasses.fields(current):
        if f.name in BOOKKEEPING or f.metadata.get("derived"):
            continue
        if f.name.endswith("_name") and f.name.removesuffix("_name") + "_id" in names:
            continue  # compared through its id
        before, after = getattr(base, f.name), getattr(current, f.name)
        if before == after:
            continue
        shown = f.name.removesuffix("_id") + "_name"
        if f.name.endswith("_id") and shown in names:
            changes.append(FieldChange(shown, getattr(base, shown), getattr(current, shown)))
        else:
            changes.append(FieldChange(f.name, before, after))
    return tuple(changes)


def check_unchanged(kind: str, base: Any | None, current: Any, label: str) -> None:
    """Raise StaleRecordError when *current*, the row stored now, is not the
    version of *base*, the row the user started from (None: nothing to compare,
    the caller read and writes in one transaction)."""
    if base is None or base.version == current.version:
        return
    raise StaleRecordError(
        kind,
        current.id,
        label,
        changes=changed_fields(base, current),
        changed_by=current.updated_by,
        changed_at=current.updated_at,
        current=current,
    )


def touch(record: Timestamped) -> None:
    """Make this save a new version of *record* even when none of its own
    columns changed (only its links did)."""
    record.updated_at = utc_now()
