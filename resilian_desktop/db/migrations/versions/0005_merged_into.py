"""organisation.merged_into_id, person.merged_into_id: a merged duplicate points to the record kept

Revision ID: 0005_merged_into
Revises: 0004_person_email_key
Create Date: 2026-12-01 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005_merged_into"
down_revision: str | None = "0004_person_email_key"
branch_labels: str | None = None
depends_on: str | None = None

TABLES = ("organisation", "person")


def upgrade() -> None:
    # A named foreign key needs the table rebuilt (SQLite's ADD COLUMN cannot
    # name a constraint); storage.migrate runs migrations with foreign keys
    # off and checks them afterwards, so the rebuild takes no child row along.
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                f"fk_{table}_merged_into_id_{table}",
                table,
                ["merged_into_id"],
                ["id"],
                ondelete="RESTRICT",
            )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(f"fk_{table}_merged_into_id_{table}", type_="foreignkey")
            batch_op.drop_column("merged_into_id")
