"""team_member: the programmes of each database user on a team's server (issue 15, point 4)

Revision ID: 0010_team_members
Revises: 0009_row_versions
Create Date: 2026-12-01 17:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0010_team_members"
down_revision: str | None = "0009_row_versions"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "team_member",
        sa.Column("db_user", sa.String(length=63), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_team_member_programme_id_programme"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("db_user", "programme_id", name=op.f("pk_team_member")),
    )
    op.create_index(op.f("ix_team_member_programme_id"), "team_member", ["programme_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_team_member_programme_id"), table_name="team_member")
    op.drop_table("team_member")
