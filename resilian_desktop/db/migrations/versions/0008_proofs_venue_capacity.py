"""meeting.venue_capacity: how many people the room holds, when known (issue 16, the
check "more people present than the venue holds")

Revision ID: 0008_proofs_venue_capacity
Revises: 0007_meeting_attachments
Create Date: 2026-12-01 17:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008_proofs_venue_capacity"
down_revision: str | None = "0007_meeting_attachments"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    # A named check needs the table rebuilt; storage.migrate runs migrations with
    # foreign keys off and checks them afterwards, so no child row goes along.
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(sa.Column("venue_capacity", sa.Integer(), nullable=True))
        batch.create_check_constraint(
            op.f("ck_meeting_venue_capacity_positive"),
            "venue_capacity IS NULL OR venue_capacity > 0",
        )


def downgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.drop_constraint(op.f("ck_meeting_venue_capacity_positive"), type_="check")
        batch.drop_column("venue_capacity")
