"""Row versions and authors: version on every editable row, created_by / updated_by on every row

Revision ID: 0009_row_versions
Revises: 0008_proofs_venue_capacity
Create Date: 2026-12-01 17:15:00

Columns added in place (no table rebuilt): a constant default on SQLite, a
"fast default" on PostgreSQL. Rows already there get version 1 and no author
(nobody knows who made them). On PostgreSQL the server fills the author of
rows inserted without one (bulk copies) with CURRENT_USER; on SQLite the
application does (db.audit).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009_row_versions"
down_revision: str | None = "0008_proofs_venue_capacity"
branch_labels: str | None = None
depends_on: str | None = None

# Rows an officer edits in a form or a dialog (models.Versioned).
EDITABLE_TABLES = (
    "programme",
    "programme_funder",
    "topic",
    "organisation",
    "membership",
    "person",
    "taskforce",
    "taskforce_member",
    "meeting",
    "attendance",
    "roadmap_action",
)
# Rows replaced whole with their parent (links), and the erasure register:
# authors only (models.Timestamped).
OTHER_TABLES = (
    "organisation_topic",
    "taskforce_origin",
    "meeting_topic",
    "erasure_record",
)
AUTHORS = ("created_by", "updated_by")


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in EDITABLE_TABLES:
        op.add_column(
            table, sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
        )
    for table in EDITABLE_TABLES + OTHER_TABLES:
        for column in AUTHORS:
            op.add_column(table, sa.Column(column, sa.String(length=128), nullable=True))
            if postgresql:
                # After the column exists, so that the rows already there keep no author.
                op.alter_column(table, column, server_default=sa.text("CURRENT_USER"))


def downgrade() -> None:
    for table in EDITABLE_TABLES + OTHER_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in AUTHORS:
                batch_op.drop_column(column)
            if table in EDITABLE_TABLES:
                batch_op.drop_column("version")
