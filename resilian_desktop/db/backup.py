"""Copies of a live database with SQLite's online backup API."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path


def copy_database(source: Path, target: Path) -> None:
    """Copy *source* to *target* consistently, even while it is in use.

    The copy is written beside the target under a temporary name, checked,
    then moved into place, so *target* is either the old file or a whole copy.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # A backup is a standalone file: no -wal beside it to lose.
            dst.execute("PRAGMA journal_mode = DELETE")
            result = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    if result != "ok":
        partial.unlink()
        raise OSError(f"backup of {source} failed its check: {result}")
    restrict_to_owner(partial)
    partial.replace(target)


def restrict_to_owner(*paths: Path) -> None:
    """Make files readable by their owner only: contacts are personal data."""
    if os.name == "posix":
        for path in paths:
            if path.exists():
                path.chmod(0o600)


def prune(folder: Path, pattern: str, keep: int) -> None:
    """Delete all but the *keep* newest files of *folder* matching *pattern*."""
    files = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink()
