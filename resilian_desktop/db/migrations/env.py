"""Alembic environment: always run by resilian_desktop.db.storage.upgrade on its connection.

The caller has switched foreign keys off outside the transaction: a batch
rebuild of a parent table (SQLite's ALTER TABLE) with foreign keys on would
cascade or refuse deletes into its children.
"""

from __future__ import annotations

from alembic import context

from resilian_desktop.db.models import Base
from resilian_desktop.db.storage import include_object

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through db.storage.upgrade(), not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
