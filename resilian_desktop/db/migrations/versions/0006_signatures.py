"""signature: signatures given on screen, one hash chain per meeting (issue 16)

Revision ID: 0006_signatures
Revises: 0005_merged_into
Create Date: 2026-12-01 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006_signatures"
down_revision: str | None = "0005_merged_into"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "signature",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("organisation_name", sa.String(length=200), nullable=True),
        sa.Column("half_day", sa.String(length=10), nullable=False),
        sa.Column("signed_at", sa.String(length=40), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=True),
        sa.Column("strokes", sa.Text(), nullable=True),
        sa.Column("image_sha256", sa.String(length=64), nullable=False),
        sa.Column("strokes_sha256", sa.String(length=64), nullable=False),
        sa.Column("chain_hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "half_day IN ('morning', 'afternoon')", name=op.f("ck_signature_half_day_allowed")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_signature_meeting_id_meeting"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_signature_organisation_id_organisation"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_signature_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signature")),
        sa.UniqueConstraint(
            "meeting_id",
            "person_id",
            "half_day",
            name=op.f("uq_signature_meeting_id_person_id_half_day"),
        ),
        sa.UniqueConstraint(
            "meeting_id", "position", name=op.f("uq_signature_meeting_id_position")
        ),
    )
    op.create_index(op.f("ix_signature_person_id"), "signature", ["person_id"])
    op.create_index(op.f("ix_signature_organisation_id"), "signature", ["organisation_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_signature_organisation_id"), table_name="signature")
    op.drop_index(op.f("ix_signature_person_id"), table_name="signature")
    op.drop_table("signature")
