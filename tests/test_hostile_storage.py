"""Hostile use of the storage, through the real command line on real files (issue #11).

Each test names the item of the issue it reproduces: restore must never
destroy, locks explain themselves, a full disk or a permission problem is
named as such, personal data stays private, read-only files stay as they are.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from resilian_desktop.db.engine import Database
from tests import factories as f
from tests.test_cli import as_json, cli


@pytest.fixture
def network(db: Database) -> dict[str, int]:
    prog = f.programme(db)
    org = f.organisation(db, siret=f.SIRET_A)
    who = f.person(db, "Élodie", "Schneider", organisation_id=org.id, email="e.s@fonderie.fr")
    spare = f.organisation(db, "Sans Histoire", commune="Seltz", postcode="67470")
    db.dispose()
    return {"programme": prog.id, "org": org.id, "person": who.id, "spare": spare.id}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def scalar(path: Path, sql: str) -> object:
    raw = sqlite3.connect(path)
    try:
        return raw.execute(sql).fetchone()[0]
    finally:
        raw.close()


def topics_in(path: Path) -> set[str]:
    raw = sqlite3.connect(path)
    try:
        return {r[0] for r in raw.execute("SELECT name FROM topic")}
    finally:
        raw.close()


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The whole stderr of a refused command: exactly one line, no traceback."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if not line.endswith("…")]
    assert "Traceback" not in result.stderr, result.stderr
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def holder() -> Iterator[list[subprocess.Popen[str]]]:
    """Second processes started by a test, killed if still running at its end."""
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()


def hold_lock(
    started: list[subprocess.Popen[str]], db: Path, seconds: float, *extra: str
) -> subprocess.Popen[str]:
    """Start tests.lock_holder on *db*; return once it holds the lock."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.lock_holder", str(db), str(seconds), *extra],
        stdout=subprocess.PIPE,
        text=True,
    )
    started.append(process)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "locked"
    return process


# --- 1. restore over a file every other command refuses ---------------------


def _newer(path: Path) -> None:
    raw = sqlite3.connect(path)
    raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.commit()
    raw.close()


def _foreign(path: Path) -> None:
    path.unlink()
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE comptes (id INTEGER PRIMARY KEY, libelle TEXT)")
    raw.execute("INSERT INTO comptes (libelle) VALUES ('données précieuses')")
    raw.commit()
    raw.close()


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"Nom;Prenom\nMuller;Jean\n" * 100)


@pytest.mark.parametrize("spoil", [_newer, _foreign, _not_sqlite])
def test_item1_restore_never_destroys_a_file_other_commands_refuse(
    db_path: Path, network: dict[str, int], tmp_path: Path, spoil: object
) -> None:
    backup = tmp_path / "good.sqlite"
    assert cli("--db", str(db_path), "backup", "-o", str(backup)).returncode == 0
    spoil(db_path)  # type: ignore[operator]
    before = digest(db_path)
    refused = cli("--db", str(db_path), "restore", str(backup))
    line = one_line_error(refused)
    assert "nothing was changed" in line and "--replace-unreadable" in line
    assert digest(db_path) == before

    replaced = cli("--db", str(db_path), "restore", str(backup), "--replace-unreadable")
    assert replaced.returncode == 0, replaced.stderr
    (kept,) = (tmp_path / "userdata" / "backups" / "replaced").iterdir()
    assert digest(kept) == before  # the replaced file, whole
    assert kept.stat().st_mode & 0o077 == 0
    assert str(kept) in replaced.stdout
    names = {
        o["name"] for o in as_json(cli("--db", str(db_path), "list", "organisations", "--json"))
    }
    assert "Sans Histoire" in names


def test_item1_restore_refuses_the_database_itself_and_an_empty_revision_table(
    db_path: Path, network: dict[str, int], tmp_path: Path
) -> None:
    before = digest(db_path)
    itself = cli("--db", str(db_path), "restore", str(db_path))
    assert "the current database itself" in one_line_error(itself)
    no_revision = tmp_path / "sans-revision.sqlite"
    assert cli("--db", str(db_path), "backup", "-o", str(no_revision)).returncode == 0
    raw = sqlite3.connect(no_revision)
    raw.execute("DELETE FROM alembic_version")
    raw.commit()
    raw.close()
    refused = cli("--db", str(db_path), "restore", str(no_revision))
    assert "empty schema revision table" in one_line_error(refused)
    assert digest(db_path) == before
    # Opened directly, the same file is refused too, untouched.
    listed = cli("--db", str(no_revision), "list", "organisations")
    assert "empty schema revision table" in one_line_error(listed)


# --- 2. restore racing another writer ---------------------------------------


def test_item2_restore_waits_for_a_writer_and_its_safety_copy_holds_that_work(
    db_path: Path, network: dict[str, int], tmp_path: Path, holder: list[subprocess.Popen[str]]
) -> None:
    backup = tmp_path / "good.sqlite"
    assert cli("--db", str(db_path), "backup", "-o", str(backup)).returncode == 0
    # A second process is in the middle of a write (an import, say) when the
    # restore starts: it commits while the restore waits for the lock.
    writer = hold_lock(holder, db_path, 2.0, "Saisi pendant la restauration")
    restored = cli("--db", str(db_path), "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert writer.wait(timeout=30) == 0
    (safety,) = (tmp_path / "userdata" / "backups" / "before-restore").iterdir()
    # Nothing lost: the work committed before the restore is in its safety
    # copy, and the database is the backup.
    assert "Saisi pendant la restauration" in topics_in(safety)
    assert "Saisi pendant la restauration" not in topics_in(db_path)
    assert topics_in(db_path) == topics_in(backup)
    assert cli("--db", str(db_path), "check").returncode == 0
