"""Backups: automatic rotation, on demand, listing, and a restore that refuses bad files."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from resilian_desktop.db.engine import Database
from resilian_desktop.db.storage import open_database
from resilian_desktop.services import backups
from resilian_desktop.services.backups import ChangeCounter, RestoreRefused
from tests import factories as f


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def organisations_in(path: Path) -> int:
    raw = sqlite3.connect(path)
    try:
        return int(raw.execute("SELECT count(*) FROM organisation").fetchone()[0])
    finally:
        raw.close()


def test_daily_and_weekly_backups_rotate(db: Database, db_path: Path, tmp_path: Path) -> None:
    f.organisation(db)
    folder = tmp_path / "backups"
    start = dt.datetime(2026, 11, 2, 9, 0)  # a Monday
    made = backups.automatic_backup(db_path, folder, now=start)
    assert {p.parent.name for p in made} == {"daily", "weekly"}
    assert backups.automatic_backup(db_path, folder, now=start + dt.timedelta(hours=3)) == []
    for day in range(1, 40):
        backups.automatic_backup(db_path, folder, now=start + dt.timedelta(days=day))
    assert len(list((folder / "daily").glob("*.sqlite"))) == backups.DAILY_KEPT
    assert len(list((folder / "weekly").glob("*.sqlite"))) == backups.WEEKLY_KEPT
    for copy in (folder / "daily").glob("*.sqlite"):
        assert organisations_in(copy) == 1
        assert copy.stat().st_mode & 0o077 == 0


def test_change_counter_asks_for_a_backup_every_n_commits() -> None:
    counter = ChangeCounter(every=3)
    assert [counter.committed() for _ in range(7)] == [
        False,
        False,
        True,
        False,
        False,
        True,
        False,
    ]


def test_backup_list_shows_counts(db: Database, db_path: Path, tmp_path: Path) -> None:
    f.organisation(db)
    folder = tmp_path / "backups"
    backups.changes_backup(db_path, folder)
    (info,) = backups.list_backups(folder)
    assert (info.kind, info.organisations, info.contacts, info.meetings) == ("changes", 1, 0, 0)
    assert info.size > 0


def test_restore_backs_up_current_then_replaces(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    f.organisation(db, "Avant")
    copy = tmp_path / "copy.sqlite"
    backups.backup_to(db_path, copy)
    f.organisation(db, "Après", commune="Haguenau", postcode="67500")
    db.dispose()
    safety = backups.restore(db_path, copy, tmp_path / "backups").safety
    assert safety is not None and organisations_in(safety) == 2
    reopened = open_database(db_path, backup_dir=tmp_path / "backups")
    try:
        from resilian_desktop.services.organisations import list_organisations

        assert [o.name for o in list_organisations(reopened)] == ["Avant"]
    finally:
        reopened.dispose()


@pytest.mark.parametrize(
    "content",
    [
        b"not a database at all" * 100,
        b"SQLite format 3\x00" + b"\x00" * 4000,
    ],
)
def test_restore_refuses_bad_files_and_keeps_the_database(
    db: Database, db_path: Path, tmp_path: Path, content: bytes
) -> None:
    f.organisation(db)
    db.dispose()
    before = digest(db_path)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    with pytest.raises(RestoreRefused, match="not changed"):
        backups.restore(db_path, bad, tmp_path / "backups")
    assert digest(db_path) == before


def test_restore_refuses_a_newer_schema_and_a_foreign_database(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    db.dispose()
    before = digest(db_path)
    newer = tmp_path / "newer.sqlite"
    backups.backup_to(db_path, newer)
    raw = sqlite3.connect(newer)
    raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.commit()
    raw.close()
    with pytest.raises(RestoreRefused, match="newer version"):
        backups.restore(db_path, newer, tmp_path / "backups")
    foreign = tmp_path / "foreign.sqlite"
    raw = sqlite3.connect(foreign)
    raw.execute("CREATE TABLE t (x)")
    raw.commit()
    raw.close()
    with pytest.raises(RestoreRefused, match="another program"):
        backups.restore(db_path, foreign, tmp_path / "backups")
    assert digest(db_path) == before
