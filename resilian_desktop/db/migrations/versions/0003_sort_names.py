"""accent-blind sort keys for organisations and contacts; partial indexes of archived rows

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# The application's own folding: the keys must equal what the mapper hooks
# write from now on. A later change to fold() needs a revision that recomputes them.
from resilian_desktop.domain.text import contact_sort_name, fold

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

ARCHIVABLE = ("organisation", "person", "meeting", "taskforce")


def upgrade() -> None:
    for table in ("organisation", "person"):
        # ADD COLUMN with a constant default: SQLite alters in place, no rebuild.
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("sort_name", sa.String(length=300), server_default="", nullable=False)
            )
    bind = op.get_bind()
    organisations = bind.execute(sa.text("SELECT id, name FROM organisation")).all()
    if organisations:
        bind.execute(
            sa.text("UPDATE organisation SET sort_name = :key WHERE id = :id"),
            [{"key": fold(name), "id": row_id} for row_id, name in organisations],
        )
    contacts = bind.execute(sa.text("SELECT id, last_name, first_name FROM person")).all()
    if contacts:
        bind.execute(
            sa.text("UPDATE person SET sort_name = :key WHERE id = :id"),
            [
                {"key": contact_sort_name(last, first), "id": row_id}
                for row_id, last, first in contacts
            ],
        )
    op.create_index("ix_organisation_sort_name", "organisation", ["sort_name"], unique=False)
    op.create_index("ix_person_sort_name", "person", ["sort_name"], unique=False)
    for table in ARCHIVABLE:
        op.create_index(
            f"ix_{table}_archived",
            table,
            ["archived_at"],
            unique=False,
            sqlite_where=sa.text("archived_at IS NOT NULL"),
            postgresql_where=sa.text("archived_at IS NOT NULL"),
        )


def downgrade() -> None:
    for table in ARCHIVABLE:
        op.drop_index(f"ix_{table}_archived", table_name=table)
    op.drop_index("ix_person_sort_name", table_name="person")
    op.drop_index("ix_organisation_sort_name", table_name="organisation")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("sort_name")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("sort_name")
