"""Scanned sheets over a meeting's life (issue 16, point 4): backups and restores
carry them, archiving keeps them, deleting the meeting removes them after the commit."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from resilian_desktop import cli
from resilian_desktop.db.engine import Database
from resilian_desktop.db.storage import open_database
from resilian_desktop.services import archive, attachments, backups, meetings
from resilian_desktop.services.attachments import BACKUP_TABLE
from resilian_desktop.services.backups import RestoreRefused
from tests import factories as f


def scan(folder: Path, name: str, seed: int) -> Path:
    path = folder / name
    path.write_bytes(b"%PDF-1.4\n" + hashlib.sha256(bytes([seed])).digest() * 500 + b"\n%%EOF\n")
    return path


def files_of(db_path: Path) -> dict[str, str]:
    folder = attachments.attachments_dir(db_path)
    if not folder.exists():
        return {}
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def run(capsys: pytest.CaptureFixture[str], db_path: Path, *args: str) -> tuple[int, str, str]:
    code = cli.run(["--db", str(db_path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def meeting_id(db: Database) -> int:
    return f.meeting(db, f.programme(db).id).id


def test_backup_carries_the_files_and_restore_checks_them(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    db_path: Path,
    tmp_path: Path,
    meeting_id: int,
) -> None:
    first = attachments.attach_file(db, meeting_id, scan(tmp_path, "a.pdf", 1))
    before = files_of(db_path)
    copy = tmp_path / "copie.sqlite"
    assert run(capsys, db_path, "backup", "-o", str(copy))[0] == 0
    # One file: the scan is inside the backup, under its SHA-256.
    assert not copy.with_name(copy.name + ".attachments").exists()
    with sqlite3.connect(copy) as raw:
        ((sha, data),) = raw.execute(f"SELECT sha256, data FROM {BACKUP_TABLE}").fetchall()
    assert sha == first.sha256 == hashlib.sha256(data).hexdigest()
    # After the backup: another scan, and the first one lost from the folder.
    second = attachments.attach_file(db, meeting_id, scan(tmp_path, "b.pdf", 2))
    first.path.unlink()
    db.dispose()
    status, out, err = run(capsys, db_path, "restore", str(copy))
    assert status == 0, err
    assert "1 attached file(s) restored, their SHA-256 checked" in out
    assert files_of(db_path)[first.path.name] == first.sha256
    assert files_of(db_path).keys() - before.keys() == {second.path.name}  # left, unreferenced
    reopened = open_database(db_path, backup_dir=tmp_path / "backups")
    try:
        assert [r.sha256 for r in attachments.list_attachments(reopened, meeting_id)] == [
            first.sha256
        ]
        with reopened.read() as session:
            tables = {
                name
                for (name,) in session.connection().exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
        assert BACKUP_TABLE not in tables  # the files' table stays in backups
    finally:
        reopened.dispose()


def test_a_damaged_file_in_a_backup_is_refused_before_anything_changes(
    db: Database, db_path: Path, tmp_path: Path, meeting_id: int
) -> None:
    row = attachments.attach_file(db, meeting_id, scan(tmp_path, "a.pdf", 1))
    copy = tmp_path / "copie.sqlite"
    backups.backup_to(db_path, copy)
    with sqlite3.connect(copy) as raw:
        raw.execute(f"UPDATE {BACKUP_TABLE} SET data = data || x'00'")
    f.organisation(db, "Après la copie")
    db.dispose()
    database_before = db_path.read_bytes()
    with pytest.raises(RestoreRefused, match=f"{row.path.name} of meeting {meeting_id} is damaged"):
        backups.restore(db_path, copy, tmp_path / "backups")
    assert db_path.read_bytes() == database_before
    assert files_of(db_path) == {row.path.name: row.sha256}  # nothing staged left behind


def test_automatic_backups_and_the_copy_before_a_restore_carry_the_files(
    db: Database, db_path: Path, tmp_path: Path, meeting_id: int
) -> None:
    row = attachments.attach_file(db, meeting_id, scan(tmp_path, "a.pdf", 1))
    folder = tmp_path / "backups"
    made = backups.automatic_backup(db_path, folder)
    made.append(backups.changes_backup(db_path, folder))
    empty = tmp_path / "empty.sqlite"
    backups.backup_to(db_path, empty)
    with sqlite3.connect(empty) as raw:  # a backup of the network without the scan
        raw.execute("DELETE FROM meeting_attachment")
    db.dispose()
    result = backups.restore(db_path, empty, folder)
    assert result.safety is not None
    for copy in [*made, result.safety]:
        with sqlite3.connect(copy) as raw:
            blobs = raw.execute(f"SELECT sha256 FROM {BACKUP_TABLE}").fetchall()
        assert blobs == [(row.sha256,)], copy
    # Restoring the safety copy brings the scan's row back, and its file is checked.
    row.path.unlink()
    again = backups.restore(db_path, result.safety, folder)
    assert again.files_restored == 1 and files_of(db_path)[row.path.name] == row.sha256


def test_archiving_keeps_the_files_and_deleting_removes_them_after_the_commit(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    db_path: Path,
    tmp_path: Path,
    meeting_id: int,
) -> None:
    row = attachments.attach_file(db, meeting_id, scan(tmp_path, "a.pdf", 1))
    archive.archive(db, "meeting", meeting_id)
    archive.unarchive(db, "meeting", meeting_id)
    assert attachments.list_attachments(db, meeting_id)[0].sha256 == row.sha256
    assert files_of(db_path) == {row.path.name: row.sha256}
    status, out, _ = run(capsys, db_path, "delete", "meeting", str(meeting_id), "--dry-run")
    assert status == 0 and "with 1 attached files" in out
    assert row.path.exists()
    deleted = archive.delete_record(db, "meeting", meeting_id)
    assert not row.path.exists()
    with db.read() as session:
        count = session.connection().exec_driver_sql("SELECT count(*) FROM meeting_attachment")
        assert count.scalar() == 0
    # Undo puts the row and the file back, intact.
    archive.undo_deletion(db, deleted)
    assert files_of(db_path) == {row.path.name: row.sha256}
    assert attachments.list_attachments(db, meeting_id)[0].path == row.path


def test_a_failed_deletion_keeps_the_file(
    db: Database, db_path: Path, tmp_path: Path, meeting_id: int
) -> None:
    row = attachments.attach_file(db, meeting_id, scan(tmp_path, "a.pdf", 1))
    contact = f.contact(db)
    meetings.set_attendance(db, meeting_id, [contact.id], status="invited")
    with pytest.raises(Exception, match="has history"):
        meetings.delete_meeting(db, meeting_id)
    assert row.path.read_bytes() and attachments.list_attachments(db, meeting_id)
