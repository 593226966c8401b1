"""A stale UPDATE or DELETE, named: which row another transaction changed.

SQLAlchemy's version check (models.Versioned) raises StaleDataError when an
UPDATE or DELETE "... WHERE id = ? AND version = ?" matched no row: another
transaction changed or deleted the row after this one read it. Its message
names the table only; ``note_versioned_rows`` notes, before each flush, the
versioned rows about to be written, and ``stale_record`` finds among them the
one whose stored version moved on, for a StaleRecordError that names it.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.orm.exc import StaleDataError

from resilian_desktop.db.models import Versioned
from resilian_desktop.domain.errors import StaleRecordError

NOTED = "versioned_rows"


def note_versioned_rows(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    """before_flush: (class, id, version read) of each versioned row this flush may write."""
    noted = session.info.setdefault(NOTED, [])
    for record in (*session.dirty, *session.deleted):
        identity = inspect(record).identity
        if isinstance(record, Versioned) and identity is not None:
            noted.append((type(record), identity[0], record.__dict__.get("version")))


def stale_record(
    session: Session, noted: list[tuple[type[Any], int, Any]], error: StaleDataError
) -> StaleRecordError:
    """The error naming the first of *noted* whose stored version is not the one
    read (*session*: a new session, that sees the other transaction's commit);
    when none is (changed back since), the first noted row of the table
    *error* names."""
    for model, record_id, version_read in noted:
        stored = session.get(model, record_id)
        kind = str(model.__tablename__)
        if stored is None:
            return StaleRecordError(kind, record_id, "", deleted=True)
        if stored.version != version_read:
            return StaleRecordError(
                kind,
                record_id,
                stored.record_label(),
                changed_by=stored.updated_by,
                changed_at=stored.updated_at,
            )
    table = re.search(r"on table '(\w+)'", str(error))
    for model, record_id, _version in noted:
        if table is not None and model.__tablename__ == table[1]:
            stored = session.get(model, record_id)
            label = stored.record_label() if stored is not None else ""
            return StaleRecordError(str(table[1]), record_id, label)
    return StaleRecordError(table[1] if table else "record", None, "")
