"""Backups of the database: automatic (daily, weekly, after many changes), on demand, and restore.

Every copy is made with SQLite's online backup API (consistent while the
application runs), checked with quick_check, written under a temporary name
and moved into place, and readable by its owner only. Each copy carries the
scans attached to meetings (services.attachments: inside the file, checked
against their SHA-256 when restored), so a backup stays one file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from resilian_desktop.db.access import (
    DatabaseReadOnly,
    StorageError,
    explain,
    wait_for_write_lock,
)
from resilian_desktop.db.backup import copy_database, copy_file_private, prune, replace_contents
from resilian_desktop.db.engine import BUSY_TIMEOUT_MS, storage_errors
from resilian_desktop.db.storage import (
    REFUSED,
    SchemaState,
    open_database,
    probe,
    read_only_reason,
    readonly_uri,
)
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.services.attachments import BACKUP_TABLE, embed_in_backup, stage_from_backup
from resilian_desktop.services.privacy import erasures_on_record, purge_journal, reapply_erasures

DAILY_KEPT = 7
WEEKLY_KEPT = 5
CHANGES_KEPT = 5
RESTORE_SAFETY_KEPT = 5
CHANGES_BETWEEN_BACKUPS = 50  # write transactions between two "changes" backups
# How long automatic copies keep data erased since (said at each erasure).
BACKUPS_KEEP_ERASED_DATA = (
    f"automatic copies are replaced within {WEEKLY_KEPT} weeks (daily ones within "
    f"{DAILY_KEPT} days, those made after many changes, before a migration or a restore "
    f"after {CHANGES_KEPT} newer ones); copies made with backup -o stay until deleted"
)


class RestoreRefused(ResilianError):
    """The file offered for restore is unusable; the current database was not touched."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # daily, weekly, changes, manual, before-restore, before-migration
    modified: dt.datetime
    size: int
    organisations: int | None
    contacts: int | None
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
        copy_database(db_path, daily, finish=embed_in_backup(db_path))
        made.append(daily)
        prune(daily.parent, f"{db_path.stem}-*.sqlite", DAILY_KEPT)
    if not weekly.exists():
        copy_database(db_path, weekly, finish=embed_in_backup(db_path))
        made.append(weekly)
        prune(weekly.parent, f"{db_path.stem}-*.sqlite", WEEKLY_KEPT)
    return made


def changes_backup(db_path: Path, backup_dir: Path, *, now: dt.datetime | None = None) -> Path:
    """A copy after many changes in one session (the caller counts them)."""
    now = now or dt.datetime.now()
    target = _folder(backup_dir, "changes") / f"{db_path.stem}-{now:%Y-%m-%dT%H%M%S}.sqlite"
    copy_database(db_path, target, finish=embed_in_backup(db_path))
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
    """A copy on demand, to a file the user chose, its attached files inside."""
    copy_database(db_path, target, finish=embed_in_backup(db_path))
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
        organisations, contacts, meetings = _counts(path)
        found.append(
            BackupInfo(
                path=path,
                kind=kind,
                modified=dt.datetime.fromtimestamp(stat.st_mtime),
                size=stat.st_size,
                organisations=organisations,
                contacts=contacts,
                meetings=meetings,
            )
        )
    return sorted(found, key=lambda info: info.modified, reverse=True)


def check_restorable(source: Path, db_path: Path | None = None) -> SchemaState:
    """Refuse, with the reason, a file that cannot replace the database."""
    if not source.is_file():
        raise RestoreRefused(f"{source}: no such file")
    if db_path is not None and db_path.exists() and source.samefile(db_path):
        raise RestoreRefused(
            f"{source}: is the current database itself, not a backup; nothing was changed"
        )
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


@dataclass(frozen=True)
class RestoreResult:
    safety: Path | None  # the copy of the database as it was, in the backups folder
    kept_aside: Path | None  # a damaged or unreadable file replaced, kept whole
    erasures_reapplied: tuple[int, ...] = ()  # people erased after the backup, erased again
    files_restored: int = 0  # attached files written back from the backup
    files_missing: tuple[str, ...] = ()  # attached files neither in the backup nor kept


def restore(
    db_path: Path,
    source: Path,
    backup_dir: Path,
    *,
    now: dt.datetime | None = None,
    replace_unreadable: bool = False,
) -> RestoreResult:
    """Replace the database at *db_path* by the backup *source*.

    The source is checked first (a SQLite file of this application, not newer,
    intact, not the database itself). A database this version can open is
    replaced under its write lock: the lock is taken (waiting for a running
    import or save to finish), the safety copy made, the contents replaced
    and committed, so no commit can fall between the copy and the
    replacement. A damaged database is kept whole aside and replaced. A file
    every other command refuses (newer, another program's, not SQLite) is
    left as it is unless *replace_unreadable*, and then kept whole aside too.
    Erasures recorded in the replaced database or in the journal beside it
    are applied again to the restored one.
    """
    check_restorable(source, db_path)
    # The attached files are read out and checked before anything is replaced,
    # and put in place only once the database is.
    files = stage_from_backup(source, db_path, RestoreRefused)
    try:
        erasures = erasures_on_record(db_path)
        result = _restore(db_path, source, backup_dir, now or dt.datetime.now(), replace_unreadable)
    except BaseException:
        files.discard()
        raise
    restored = len(files.staged)
    files.place()
    result = dataclasses.replace(
        result, files_restored=restored, files_missing=tuple(files.missing)
    )
    # Read again: an erasure committed while the restore waited for the lock
    # is in the journal by now.
    known = {e.person_id for e in erasures}
    erasures += [e for e in erasures_on_record(db_path) if e.person_id not in known]
    if not erasures:
        return result
    # People erased after the backup was made come back with it: erased again,
    # with their original dates (the register inside the backup lacks them).
    database = open_database(db_path, backup_dir=backup_dir)
    try:
        again = reapply_erasures(database, erasures)
        if again:
            purge_journal(database)  # the restored details leave the -wal file too
    finally:
        database.dispose()
    return dataclasses.replace(result, erasures_reapplied=tuple(again))


def _restore(
    db_path: Path, source: Path, backup_dir: Path, now: dt.datetime, replace_unreadable: bool
) -> RestoreResult:
    reason = read_only_reason(db_path)
    if reason:
        raise DatabaseReadOnly(db_path, f"{reason}; nothing was changed")
    found = probe(db_path)
    if found.state is SchemaState.MISSING:
        with contextlib.suppress(FileNotFoundError):
            db_path.unlink()  # an empty file
        copy_database(source, db_path, finish=_without_files)
        return RestoreResult(safety=None, kept_aside=None)
    if found.state in REFUSED:
        if db_path.exists() and not db_path.is_file():
            raise RestoreRefused(f"{db_path}: is not a file; nothing was changed")
        if found.state is not SchemaState.DAMAGED and not replace_unreadable:
            raise RestoreRefused(
                f"{db_path}: {found.detail}; restoring would destroy it, so nothing was "
                "changed (restore --replace-unreadable replaces it, keeping it whole "
                "beside the backups)"
            )
        aside = _replace_file(db_path, source, backup_dir, now)
        return RestoreResult(safety=None, kept_aside=aside)
    safety = _folder(backup_dir, "before-restore") / f"{db_path.stem}-{now:%Y-%m-%dT%H%M%S}.sqlite"
    try:
        _replace_locked(db_path, source, safety)
    except StorageError as error:
        if error.kind != "damaged":
            raise
        # Damage the first look did not see (deep in a table): repaired as
        # any damaged database is, the file kept whole aside.
        return RestoreResult(
            safety=None, kept_aside=_replace_file(db_path, source, backup_dir, now)
        )
    prune(safety.parent, f"{db_path.stem}-*.sqlite", RESTORE_SAFETY_KEPT)
    return RestoreResult(safety=safety, kept_aside=None)


def _replace_locked(db_path: Path, source: Path, safety: Path) -> None:
    """Under the write lock of *db_path*: copy it to *safety*, then replace its contents."""
    try:
        writer = sqlite3.connect(db_path, isolation_level=None, uri=True)
    except sqlite3.Error as error:
        raise explain(db_path, error) from error
    try:
        with storage_errors(db_path):
            writer.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            writer.execute("PRAGMA foreign_keys = OFF")  # outside the transaction
            writer.execute("PRAGMA secure_delete = ON")
            writer.execute("PRAGMA cache_size = -65536")  # 64 MB: the copy rebuilds every index
            writer.execute("ATTACH DATABASE ? AS src", (readonly_uri(source),))
            wait_for_write_lock(db_path, lambda: writer.execute("BEGIN IMMEDIATE"))
        try:
            # Read through a second connection: the writer holds the lock, so
            # the copy holds every commit made before it, and none can follow.
            reader = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)
            try:
                copy_database(reader, safety, source_path=db_path, finish=embed_in_backup(db_path))
            finally:
                reader.close()
            with storage_errors(db_path):
                replace_contents(writer, "src", exclude=(BACKUP_TABLE,))
                writer.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                writer.execute("ROLLBACK")
            raise
        with contextlib.suppress(sqlite3.Error):
            # Let the old pages leave the -wal file when no reader holds them.
            writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        writer.close()


def _without_files(copy: sqlite3.Connection) -> None:
    """A backup copied whole into the database's place leaves its files' table
    behind (they go to the attachments folder)."""
    copy.execute(f"DROP TABLE IF EXISTS {BACKUP_TABLE}")
    copy.commit()
    copy.execute("VACUUM")


def _replace_file(db_path: Path, source: Path, backup_dir: Path, now: dt.datetime) -> Path:
    """Keep the unusable file at *db_path* (and its -wal) whole aside, then put
    a copy of *source* in its place; returns where the old file was kept."""
    suffix = db_path.suffix or ".sqlite"
    aside = _folder(backup_dir, "replaced") / f"{db_path.stem}-{now:%Y-%m-%dT%H%M%S}{suffix}"
    try:
        copy_file_private(db_path, aside)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            copy_file_private(wal, aside.with_name(aside.name + "-wal"))
    except OSError as error:
        raise StorageError(
            db_path,
            "permission",
            f"cannot keep a copy in {aside.parent} ({error}); nothing changed",
        ) from error
    incoming = db_path.with_name(db_path.name + ".restoring")
    copy_database(source, incoming, finish=_without_files)
    # The old -wal would be replayed into the new file: it goes first (kept above).
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            db_path.with_name(db_path.name + suffix).unlink()
    incoming.replace(db_path)
    return aside
