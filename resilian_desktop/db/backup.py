"""Copies of a live database with SQLite's online backup API, and private files."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable, Collection
from pathlib import Path

from resilian_desktop.db.access import StorageError, error_kind, explain
from resilian_desktop.db.engine import readonly_uri


def create_private(path: Path) -> None:
    """Create *path* empty and readable by its owner only, from its first byte.

    SQLite creates a database (and its -wal, -shm, journal) with the mode of
    the file it opens, so a file made here keeps every later byte private.
    Fails if the file exists.
    """
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)


# Work done on a copy before it is checked and moved into place (the attached
# files a backup carries, services.attachments).
Finish = Callable[[sqlite3.Connection], None]


def copy_database(
    source: Path | sqlite3.Connection,
    target: Path,
    *,
    source_path: Path | None = None,
    finish: Finish | None = None,
) -> None:
    """Copy *source* (a file, or an open connection) to *target* consistently,
    even while it is in use.

    The copy is written beside the target under a temporary name created
    owner-only, checked, then moved into place, so *target* is either the old
    file or a whole copy. A full disk, a folder that cannot be written or a
    busy source gives a one-line StorageError naming the file (*source_path*
    names a source given as a connection). *finish*, when given, works on the
    copy before its check.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(
            target, "permission", f"cannot create the folder {target.parent} ({error.strerror})"
        ) from error
    partial = target.with_name(target.name + ".partial")
    with contextlib.suppress(OSError):  # left by a killed copy; create_private says why not
        partial.unlink()
    try:
        create_private(partial)
    except OSError as error:
        raise StorageError(
            target, "permission", f"cannot write in {target.parent} ({error.strerror})"
        ) from error
    try:
        if isinstance(source, sqlite3.Connection):
            _copy_from(source, partial, source_path=source_path, finish=finish)
        else:
            try:
                src = sqlite3.connect(readonly_uri(source), uri=True)
            except sqlite3.Error as error:
                raise explain(source, error) from error
            try:
                _copy_from(src, partial, source_path=source, finish=finish)
            finally:
                src.close()
        partial.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def _copy_from(
    src: sqlite3.Connection,
    partial: Path,
    *,
    source_path: Path | None = None,
    finish: Finish | None = None,
) -> None:
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # A backup is a standalone file: no -wal beside it to lose.
            dst.execute("PRAGMA journal_mode = DELETE")
            if finish is not None:
                finish(dst)
            result = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
    except sqlite3.Error as error:
        # A failure reading the source is the source's; any other (a full
        # disk, most often) is the copy's.
        blamed = source_path if source_path is not None and _reading_failed(error) else partial
        raise explain(blamed, error, nothing_changed=False) from error
    if result != "ok":
        raise StorageError(partial, "damaged", f"the copy failed its check: {result}")


def _reading_failed(error: sqlite3.Error) -> bool:
    return error_kind(error) in ("busy", "damaged")


def restrict_to_owner(*paths: Path) -> None:
    """Take group and other permissions away (contacts are personal data),
    never adding any: a file made read-only stays read-only."""
    if os.name == "posix":
        for path in paths:
            with contextlib.suppress(FileNotFoundError):
                mode = stat.S_IMODE(path.stat().st_mode)
                if mode & 0o077:
                    path.chmod(mode & 0o700)


def copy_file_private(source: Path, target: Path) -> None:
    """A byte-for-byte copy of *source*, owner-only from its first byte."""
    target.parent.mkdir(parents=True, exist_ok=True)
    create_private(target)
    try:
        with source.open("rb") as reader, target.open("wb") as writer:
            shutil.copyfileobj(reader, writer, 1 << 20)
            writer.flush()
            os.fsync(writer.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise


def prune(folder: Path, pattern: str, keep: int) -> None:
    """Delete all but the *keep* newest files of *folder* matching *pattern*."""
    files = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _on_excluded(
    connection: sqlite3.Connection, schema: str, kind: str, name: str, exclude: Collection[str]
) -> bool:
    """Whether the index or trigger *name* belongs to an excluded table."""
    if kind not in ("index", "trigger") or not exclude:
        return False
    row = connection.execute(
        f"SELECT tbl_name FROM {_quoted(schema)}.sqlite_master WHERE name = ?", (name,)
    ).fetchone()
    return row is not None and row[0] in exclude


def replace_contents(
    connection: sqlite3.Connection, source: str = "src", exclude: Collection[str] = ()
) -> None:
    """Make the main database of *connection* a copy of its attached database *source*.

    Runs inside the caller's transaction (which holds the write lock), so
    other processes see the old database or the new one, and a crash leaves
    the old one. Every object of main is dropped, the source's schema is
    created, its rows copied (virtual tables' shadow tables included), then
    its indexes, triggers and views, except the tables named in *exclude*
    (and their indexes). Foreign keys must be off.
    """
    src = _quoted(source)

    def objects(schema: str) -> list[tuple[str, str, str | None]]:
        return list(
            connection.execute(
                f"SELECT type, name, sql FROM {schema}.sqlite_master "
                "WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid"
            )
        )

    def is_virtual(sql: str | None) -> bool:
        return bool(sql) and str(sql).upper().startswith("CREATE VIRTUAL TABLE")

    # Virtual tables first: dropping one drops its shadow tables.
    for kind, name, sql in objects("main"):
        if kind == "table" and is_virtual(sql):
            connection.execute(f"DROP TABLE main.{_quoted(name)}")
    for kind, name, _sql in objects("main"):
        if kind in ("view", "trigger"):
            connection.execute(f"DROP {kind.upper()} IF EXISTS main.{_quoted(name)}")
    for kind, name, _sql in objects("main"):
        if kind == "table":
            connection.execute(f"DROP TABLE IF EXISTS main.{_quoted(name)}")

    wanted = [
        (kind, name, sql)
        for kind, name, sql in objects(source)
        if name not in exclude and not _on_excluded(connection, source, kind, name, exclude)
    ]
    for kind, _name, sql in wanted:
        if kind == "table" and is_virtual(sql):
            connection.execute(str(sql))  # creates its shadow tables in main
    existing = {name for _kind, name, _sql in objects("main")}
    for kind, name, sql in wanted:
        if kind == "table" and not is_virtual(sql) and name not in existing:
            connection.execute(str(sql))
    for kind, name, sql in wanted:
        if kind == "table" and not is_virtual(sql):
            target = f"main.{_quoted(name)}"
            connection.execute(f"DELETE FROM {target}")
            connection.execute(f"INSERT INTO {target} SELECT * FROM {src}.{_quoted(name)}")
    has_sequence = connection.execute(
        f"SELECT count(*) FROM {src}.sqlite_master WHERE name = 'sqlite_sequence'"
    ).fetchone()[0]
    if has_sequence:
        connection.execute("DELETE FROM main.sqlite_sequence")
        connection.execute(f"INSERT INTO main.sqlite_sequence SELECT * FROM {src}.sqlite_sequence")
    for kind, _name, sql in wanted:
        if kind in ("index", "trigger", "view") and sql:
            connection.execute(str(sql))
    version = connection.execute(f"PRAGMA {src}.user_version").fetchone()[0]
    connection.execute(f"PRAGMA main.user_version = {int(version)}")
