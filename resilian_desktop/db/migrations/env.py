"""Alembic environment: always run by resilian_desktop.db.migrate on a given connection.

The caller has switched foreign keys off outside the transaction: a batch
rebuild of a parent table (SQLite's ALTER TABLE) with foreign keys on would
cascade or refuse deletes into its children.
"""

from __future__ import annotations

from alembic import context

from resilian_desktop.db.models import Base

SEARCH_TABLE_PREFIX = "search_index"


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # The FTS5 search table and its shadow tables are managed by hand.
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_TABLE_PREFIX))


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through resilian_desktop.db.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
