"""Backups of the database: automatic (daily, weekly, after many changes), on demand, and restore.

Every copy is made with SQLite's online backup API (consistent while the
application runs), checked with quick_check, written under a temporary name
and moved into place, and readable by its owner only.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from resilian_desktop.db.backup import copy_database, prune
from resilian_desktop.db.storage import REFUSED, SchemaState, probe, readonly_uri
from resilian_desktop.domain.errors import ResilianError

DAILY_KEPT = 7
WEEKLY_KEPT = 5
CHANGES_KEPT = 5
RESTORE_SAFETY_KEPT = 5
CHANGES_BETWEEN_BACKUPS = 50  # write transactions between two "changes" backups


class RestoreRefused(ResilianError):
    """The file offered for restore is unusable; the current database was not touched."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # daily, weekly, changes, manual, before-restore, before-migration
    modified: dt.datetime
    size: int
    organisations: int | None
    people: int | None
    meetings: int | None


def _folder(backup_dir: Path, kind: str) -> Path:
    return backup_dir / kind


def automatic_backup(
    db_path: Path, backup_dir: Path, *, now: dt.datetime | None = None
) -> list[Path]:
    """The start-of-day backups: one daily copy a day, one weekly copy a week.

    Returns the copies made (none when today's already exist). Old copies
    beyond DAILY_KEPT and WEEKLY_KEPT are removed.
    """
    now = now or dt.datetime.now()
    made: list[Path] = []
    daily = _folder(backup_dir, "daily") / f"{db_path.stem}-{now:%Y-%m-%d}.sqlite"
    year, week, _ = now.isocalendar()
    weekly = _folder(backup_dir, "weekly") / f"{db_path.stem}-{year}-W{week:02d}.sqlite"
    if not daily.exists():
        copy_database(db_path, daily)
        made.append(daily)
        prune(daily.parent, f"{db_path.stem}-*.sqlite", DAILY_KEPT)
    if not weekly.exists():
        copy_database(db_path, weekly)
        made.append(weekly)
        prune(weekly.parent, f"{db_path.stem}-*.sqlite", WEEKLY_KEPT)
    return made


def changes_backup(db_path: Path, backup_dir: Path, *, now: dt.datetime | None = None) -> Path:
    """A copy after many changes in one session (the caller counts them)."""
    now = now or dt.datetime.now()
    target = _folder(backup_dir, "changes") / f"{db_path.stem}-{now:%Y-%m-%dT%H%M%S}.sqlite"
    copy_database(db_path, target)
    prune(target.parent, f"{db_path.stem}-*.sqlite", CHANGES_KEPT)
    return target


class ChangeCounter:
    """Counts committed write transactions; says when a "changes" backup is due."""

    def __init__(self, every: int | None = None) -> None:
        self.every = every if every is not None else CHANGES_BETWEEN_BACKUPS
        self.count = 0

    def committed(self) -> bool:
        """Record one commit; True when a backup is due (the count then restarts)."""
        self.count += 1
        if self.count >= self.every:
            self.count = 0
            return True
        return False


def backup_to(db_path: Path, target: Path) -> Path:
    """A copy on demand, to a file the user chose."""
    copy_database(db_path, target)
    return target


def _counts(path: Path) -> tuple[int | None, int | None, int | None]:
    try:
        raw = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            return tuple(
                raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("organisation", "person", "meeting")
            )
        finally:
            raw.close()
    except sqlite3.DatabaseError:
        return (None, None, None)


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Every backup in the backups folder, newest first, with its record counts."""
    found: list[BackupInfo] = []
    if not backup_dir.is_dir():
        return found
    for path in backup_dir.rglob("*.sqlite"):
        if path.name.endswith(".partial"):
            continue
        kind = path.parent.name if path.parent != backup_dir else "before-migration"
        stat = path.stat()
        organisations, people, meetings = _counts(path)
        found.append(
            BackupInfo(
                path=path,
                kind=kind,
                modified=dt.datetime.fromtimestamp(stat.st_mtime),
                size=stat.st_size,
                organisations=organisations,
                people=people,
                meetings=meetings,
            )
        )
    return sorted(found, key=lambda info: info.modified, reverse=True)


def check_restorable(source: Path) -> SchemaState:
    """Refuse, with the reason, a file that cannot replace the database."""
    if not source.is_file():
        raise RestoreRefused(f"{source}: no such file")
    found = probe(source)
    if found.state in REFUSED:
        raise RestoreRefused(f"{source}: {found.detail}; the current database was not changed")
    if found.state in (SchemaState.MISSING, SchemaState.EMPTY):
        raise RestoreRefused(
            f"{source}: is empty, not a RESILIAN Desktop backup; "
            "the current database was not changed"
        )
    raw = sqlite3.connect(readonly_uri(source), uri=True)
    try:
        result = raw.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        result = str(error)
    finally:
        raw.close()
    if result != "ok":
        raise RestoreRefused(
            f"{source}: is damaged ({result}); the current database was not changed"
        )
    return found.state


def restore(
    db_path: Path, source: Path, backup_dir: Path, *, now: dt.datetime | None = None
) -> Path | None:
    """Replace the database at *db_path* by the backup *source*.

    The source is checked first (a SQLite file of this application, not newer,
    intact). The current database is copied into the backups folder before
    anything is replaced; that copy's path is returned (None when there was no
    database yet). No connection to *db_path* may be open.
    """
    check_restorable(source)
    now = now or dt.datetime.now()
    safety: Path | None = None
    if db_path.exists() and probe(db_path).state not in REFUSED | {SchemaState.MISSING}:
        safety = (
            _folder(backup_dir, "before-restore") / f"{db_path.stem}-{now:%Y-%m-%dT%H%M%S}.sqlite"
        )
        copy_database(db_path, safety)
        prune(safety.parent, f"{db_path.stem}-*.sqlite", RESTORE_SAFETY_KEPT)
    # The backup API writes the pages in one transaction of the destination:
    # a crash leaves the old database or the restored one, never a mix.
    src = sqlite3.connect(readonly_uri(source), uri=True)
    try:
        dst = sqlite3.connect(db_path)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return safety
