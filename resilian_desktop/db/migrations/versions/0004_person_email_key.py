"""person.email_key, lower(email) indexed, and (sort_name, organisation): duplicate checks
without a scan

An import of N contacts looked each e-mail up with lower(email) = ?, a scan
of the person table per row: quadratic time. The key is kept by the same
mapper hook as sort_name (an expression index would be dropped silently by
any later batch rebuild of the table, which cannot reflect it).

Revision ID: 0004_person_email_key
Revises: 0003
Create Date: 2026-12-01 15:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004_person_email_key"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email_key", sa.String(length=254), nullable=True))
    bind = op.get_bind()
    contacts = bind.execute(sa.text("SELECT id, email FROM person WHERE email IS NOT NULL")).all()
    if contacts:
        # Python's lower(), as the mapper hook writes it (SQLite's folds ASCII only).
        bind.execute(
            sa.text("UPDATE person SET email_key = :key WHERE id = :id"),
            [{"key": email.lower(), "id": row_id} for row_id, email in contacts],
        )
    op.create_index("ix_person_email_key", "person", ["email_key"], unique=False)
    # Same name in the same organisation: one lookup, also for contacts without one.
    op.create_index("ix_person_sort_name_organisation", "person", ["sort_name", "organisation_id"])


def downgrade() -> None:
    op.drop_index("ix_person_sort_name_organisation", table_name="person")
    op.drop_index("ix_person_email_key", table_name="person")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("email_key")
