"""Scanned sheets attached to a meeting (issue 16): PDF, PNG or JPEG files kept in
a folder beside the database, each with its SHA-256 recorded in the database."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Meeting, MeetingAttachment
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.services.common import get_or_raise

# The first bytes of each kind of file accepted, and the extension it is stored under.
KINDS = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
)
# A scan of a few pages at 300 dpi is a few megabytes; a file far larger is a mistake.
MAX_BYTES = 100_000_000
CHUNK = 1 << 20


class AttachmentRefused(ResilianError):
    """A file that cannot be attached, said in one line naming it."""


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    meeting_id: int
    original_name: str
    path: Path
    media_type: str
    size: int
    sha256: str
    attached_at: str


def attachments_dir(db_path: Path) -> Path:
    """The folder beside the database file that holds its attachments."""
    return db_path.with_name(db_path.name + ".attachments")


def _kind(source: Path) -> tuple[str, str]:
    with source.open("rb") as handle:
        head = handle.read(8)
    for magic, media_type, suffix in KINDS:
        if head.startswith(magic):
            return media_type, suffix
    raise AttachmentRefused(f"{source}: not a PDF, PNG or JPEG file")


def _row(db_path: Path, record: MeetingAttachment) -> AttachmentRow:
    return AttachmentRow(
        id=record.id,
        meeting_id=record.meeting_id,
        original_name=record.original_name,
        path=attachments_dir(db_path) / record.stored_name,
        media_type=record.media_type,
        size=record.size,
        sha256=record.sha256,
        attached_at=record.attached_at,
    )


def attach_file(db: Database, meeting_id: int, source: Path) -> AttachmentRow:
    """Copy *source* into the attachments folder and record it for *meeting_id*.

    The copy is written under a temporary name and moved into place inside the
    database transaction: a refused or failed attachment leaves neither a row
    nor a file.
    """
    media_type, suffix = _kind(source)
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise AttachmentRefused(f"{source}: {size} bytes, more than {MAX_BYTES // 1_000_000} MB")
    folder = attachments_dir(db.path)
    folder.mkdir(mode=0o700, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".attaching-", suffix=suffix, dir=folder)
    partial = Path(name)
    moved: Path | None = None
    digest = hashlib.sha256()
    try:
        with os.fdopen(handle, "wb") as copy, source.open("rb") as original:
            while chunk := original.read(CHUNK):
                digest.update(chunk)
                copy.write(chunk)
            copy.flush()
            os.fsync(copy.fileno())
        sha256 = digest.hexdigest()
        with db.write() as session:
            get_or_raise(session, Meeting, meeting_id, "meeting")
            if session.scalars(
                select(MeetingAttachment).where(
                    MeetingAttachment.meeting_id == meeting_id, MeetingAttachment.sha256 == sha256
                )
            ).first():
                raise AttachmentRefused(f"{source}: already attached to meeting {meeting_id}")
            stored = f"meeting-{meeting_id}-{sha256[:16]}{suffix}"
            record = MeetingAttachment(
                meeting_id=meeting_id,
                original_name=source.name[:255],
                stored_name=stored,
                media_type=media_type,
                size=size,
                sha256=sha256,
                attached_at=dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
            )
            session.add(record)
            session.flush()
            moved = folder / stored
            partial.replace(moved)
            row = _row(db.path, record)
        return row
    except BaseException:
        # The transaction did not commit: the file goes too.
        if moved is not None:
            moved.unlink(missing_ok=True)
        raise
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def list_attachments(db: Database, meeting_id: int) -> list[AttachmentRow]:
    with db.read() as session:
        get_or_raise(session, Meeting, meeting_id, "meeting")
        return [
            _row(db.path, r)
            for r in session.scalars(
                select(MeetingAttachment)
                .where(MeetingAttachment.meeting_id == meeting_id)
                .order_by(MeetingAttachment.id)
            )
        ]
