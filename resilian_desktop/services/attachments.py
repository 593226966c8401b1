"""Scanned sheets attached to a meeting (issue 16): PDF, PNG or JPEG files kept in
a folder beside the database, each with its SHA-256 recorded in the database."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from resilian_desktop.db.engine import Database, readonly_uri
from resilian_desktop.db.models import Meeting, MeetingAttachment
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.services.common import get_or_raise

log = logging.getLogger(__name__)
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


def _stored_paths(db_path: Path, stored_names: list[str]) -> list[Path]:
    return [attachments_dir(db_path) / name for name in stored_names]


def remove_files(db_path: Path, stored_names: list[str]) -> None:
    """Delete attached files whose rows were deleted; called after the commit, so
    that a failed transaction never leaves a row without its file."""
    for path in _stored_paths(db_path, stored_names):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            # The row is gone: a file left behind is an orphan, not a loss.
            log.warning("could not delete %s", path, exc_info=True)


@dataclass(frozen=True)
class HeldFile:
    """An attached file's bytes, kept to put it back (undoing a deletion)."""

    stored_name: str
    sha256: str
    data: bytes


def read_files(db_path: Path, rows: list[tuple[str, str]]) -> list[HeldFile]:
    """The bytes of the files (stored_name, sha256) that are there and intact."""
    held = []
    for stored_name, sha256 in rows:
        path = attachments_dir(db_path) / stored_name
        with contextlib.suppress(FileNotFoundError):
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() == sha256:
                held.append(HeldFile(stored_name, sha256, data))
    return held


def write_file(db_path: Path, stored_name: str, data: bytes) -> Path:
    """Write *data* as the attached file *stored_name*: temporary name, then moved in place."""
    folder = attachments_dir(db_path)
    folder.mkdir(mode=0o700, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".restoring-", dir=folder)
    partial = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        target = folder / stored_name
        partial.replace(target)
        return target
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


# --- backups --------------------------------------------------------------------
# A backup is one SQLite file (backup -o FILE, the automatic copies, the copy
# made before a restore): the attached files go inside it, in a table that only
# backups have, keyed by SHA-256. A restore checks each file against the
# SHA-256 its meeting_attachment row records before anything is replaced.

BACKUP_TABLE = "backup_attached_file"


def embed_in_backup(db_path: Path) -> Callable[[sqlite3.Connection], None]:
    """A db.backup.copy_database *finish*: copies the files the copy's rows name
    from the attachments folder of *db_path* into the copy."""

    def finish(copy: sqlite3.Connection) -> None:
        tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meeting_attachment" not in tables:
            return  # a database older than attachments
        copy.execute(
            f"CREATE TABLE IF NOT EXISTS {BACKUP_TABLE} "
            "(sha256 TEXT PRIMARY KEY, stored_name TEXT NOT NULL, data BLOB NOT NULL)"
        )
        rows = copy.execute("SELECT stored_name, sha256 FROM meeting_attachment").fetchall()
        held = read_files(db_path, rows)
        for file in held:
            copy.execute(
                f"INSERT OR IGNORE INTO {BACKUP_TABLE} VALUES (?, ?, ?)",
                (file.sha256, file.stored_name, file.data),
            )
        copy.commit()
        missing = {sha for _, sha in rows} - {file.sha256 for file in held}
        if missing:
            # The backup is still made: its rows say what was attached.
            log.warning("%s: %d attached file(s) missing or changed", db_path, len(missing))

    return finish


@dataclass
class StagedFiles:
    """The attached files of a backup being restored, written beside the
    attachments folder under temporary names until the database is replaced."""

    db_path: Path
    staged: list[tuple[Path, str]]  # (temporary file, stored name)
    missing: list[str]  # stored names neither in the backup nor beside the database

    def place(self) -> None:
        """After the commit: each file moved to its name in the attachments folder."""
        folder = attachments_dir(self.db_path)
        for temporary, stored_name in self.staged:
            temporary.replace(folder / stored_name)
        self.staged = []

    def discard(self) -> None:
        for temporary, _ in self.staged:
            temporary.unlink(missing_ok=True)
        self.staged = []


def stage_from_backup(
    source: Path, db_path: Path, refuse: Callable[[str], Exception]
) -> StagedFiles:
    """Read the attached files out of the backup *source*, checking each one's
    SHA-256 against its row; *refuse* makes the error for a damaged one.

    A file the backup lacks (one made before backups carried files) that is
    still beside the database, intact, is kept; otherwise it is listed as
    missing (the restore goes on: its row says what was attached).
    """
    raw = sqlite3.connect(readonly_uri(source), uri=True)
    staged = StagedFiles(db_path, [], [])
    try:
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meeting_attachment" not in tables:
            return staged
        rows = raw.execute(
            "SELECT meeting_id, stored_name, sha256 FROM meeting_attachment ORDER BY id"
        ).fetchall()
        folder = attachments_dir(db_path)
        for meeting_id, stored_name, sha256 in rows:
            data = None
            if BACKUP_TABLE in tables:
                found = raw.execute(
                    f"SELECT CAST(data AS BLOB) FROM {BACKUP_TABLE} WHERE sha256 = ?", (sha256,)
                ).fetchone()
                data = found[0] if found else None
            if data is None:
                if read_files(db_path, [(stored_name, sha256)]):
                    continue  # already beside the database, intact
                staged.missing.append(stored_name)
                continue
            if hashlib.sha256(data).hexdigest() != sha256:
                raise refuse(
                    f"{source}: the attached file {stored_name} of meeting {meeting_id} is "
                    "damaged in the backup (its SHA-256 differs from the one recorded)"
                )
            folder.mkdir(mode=0o700, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=".restoring-", dir=folder)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            staged.staged.append((Path(name), stored_name))
    except BaseException:
        staged.discard()
        raise
    finally:
        raw.close()
    return staged
