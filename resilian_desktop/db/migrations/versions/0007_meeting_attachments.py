"""meeting_attachment: scanned sheets attached to a meeting, with their SHA-256 (issue 16)

Revision ID: 0007_meeting_attachments
Revises: 0006_signatures
Create Date: 2026-12-01 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007_meeting_attachments"
down_revision: str | None = "0006_signatures"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "meeting_attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("stored_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("attached_at", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "media_type IN ('application/pdf', 'image/png', 'image/jpeg')",
            name=op.f("ck_meeting_attachment_media_type_allowed"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_attachment_meeting_id_meeting"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attachment")),
        sa.UniqueConstraint(
            "meeting_id", "sha256", name=op.f("uq_meeting_attachment_meeting_id_sha256")
        ),
        sa.UniqueConstraint("stored_name", name=op.f("uq_meeting_attachment_stored_name")),
    )
    op.create_index(op.f("ix_meeting_attachment_meeting_id"), "meeting_attachment", ["meeting_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_meeting_attachment_meeting_id"), table_name="meeting_attachment")
    op.drop_table("meeting_attachment")
