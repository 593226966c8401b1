"""Hostile use of the storage, through the real command line on real files (issue #11).

Each test names the item of the issue it reproduces: restore must never
destroy, locks explain themselves, a full disk or a permission problem is
named as such, personal data stays private, read-only files stay as they are.
"""

from __future__ import annotations

import hashlib
import os
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
    who = f.contact(db, "Élodie", "Schneider", organisation_id=org.id, email="e.s@fonderie.fr")
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


# --- file systems the tests make: a small tmpfs (full disk, read-only medium) ---

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NEEDS_ROOT = pytest.mark.skipif(
    not IS_ROOT or not sys.platform.startswith("linux"),
    reason="mounting a small tmpfs (full disk, read-only medium) needs root on Linux",
)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs mounted for the test (root only), unmounted after it."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(disk: Path) -> None:
    """Take every free byte of *disk*."""
    try:
        with (disk / "remplissage").open("ab") as filler:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
    except OSError:
        pass  # full


def read_only(disk: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)


# --- 5. a second writer while another holds the lock --------------------------


def test_item5_a_writer_waits_saying_for_whom_then_succeeds(
    db_path: Path, network: dict[str, int], holder: list[subprocess.Popen[str]]
) -> None:
    writer = hold_lock(holder, db_path, 7.0)
    archived = cli("--db", str(db_path), "archive", "organisation", str(network["spare"]))
    assert archived.returncode == 0, archived.stderr
    assert "Traceback" not in archived.stderr
    (waiting,) = archived.stderr.splitlines()
    assert f"waiting for process {writer.pid} (python -m tests.lock_holder" in waiting
    assert writer.wait(timeout=30) == 0


def test_item5_a_writer_gives_up_with_one_line_naming_the_holder(
    db_path: Path, network: dict[str, int], holder: list[subprocess.Popen[str]]
) -> None:
    writer = hold_lock(holder, db_path, 20.0)
    before = scalar(db_path, "SELECT count(*) FROM organisation WHERE archived_at IS NULL")
    short_wait = {"RESILIAN_LOCK_WAIT": "1"}
    refused = cli(
        "--db", str(db_path), "archive", "organisation", str(network["spare"]), env=short_wait
    )
    line = one_line_error(refused)
    assert f"still in use by process {writer.pid}" in line and "nothing was changed" in line
    # The window's lock file (Qt's QLockFile: pid, application, host) names the window.
    import socket

    Path(str(db_path) + ".lock").write_text(
        f"{writer.pid}\nRESILIAN Desktop\n{socket.gethostname()}\n"
    )
    refused = cli(
        "--db", str(db_path), "archive", "organisation", str(network["spare"]), env=short_wait
    )
    assert f"the RESILIAN Desktop window (process {writer.pid})" in one_line_error(refused)
    writer.kill()
    writer.wait()
    assert scalar(db_path, "SELECT count(*) FROM organisation WHERE archived_at IS NULL") == before


# --- 6. busy, full or damaged: each named as what it is ----------------------


def test_item6_a_database_locked_by_another_program_is_busy_not_damaged(
    db_path: Path, network: dict[str, int], holder: list[subprocess.Popen[str]]
) -> None:
    other = hold_lock(holder, db_path, 15.0, "--exclusive")
    listed = cli("--db", str(db_path), "list", "organisations")
    line = one_line_error(listed)
    assert f"in use by process {other.pid}" in line and "damaged" not in line


@NEEDS_ROOT
def test_item6_a_healthy_database_on_a_full_disk_is_full_not_damaged(
    db_path: Path, network: dict[str, int], small_disk: Path
) -> None:
    on_disk = small_disk / "reseau.sqlite"
    assert cli("--db", str(db_path), "backup", "-o", str(on_disk)).returncode == 0
    before = digest(on_disk)
    fill(small_disk)
    for command in (["list", "organisations"], ["archive", "organisation", str(network["spare"])]):
        result = cli("--db", str(on_disk), *command)
        if result.returncode == 0:  # reading may still work on a full disk
            continue
        line = one_line_error(result)
        assert "the disk is full" in line and "damaged" not in line
    (small_disk / "remplissage").unlink()
    assert digest(on_disk) == before
    assert cli("--db", str(on_disk), "check").returncode == 0


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _first_page_scrambled(data: bytes) -> bytes:
    return data[:100] + bytes((i * 37 + 11) % 256 for i in range(3996)) + data[4096:]


def _middle_pages_overwritten(data: bytes) -> bytes:
    middle = len(data) // 2 // 4096 * 4096
    return data[:middle] + b"\xff" * 8192 + data[middle + 8192 :]


def _bad_page_size(data: bytes) -> bytes:
    return data[:16] + b"\x00\x03" + data[18:]


@pytest.mark.parametrize(
    "damage", [_truncated, _first_page_scrambled, _middle_pages_overwritten, _bad_page_size]
)
def test_item6_check_lists_damage_in_lines_and_restore_repairs_it(
    db: Database, db_path: Path, tmp_path: Path, damage: object
) -> None:
    prog = f.programme(db)
    for i in range(60):  # a few pages of rows, so damage lands on data
        f.meeting(db, prog.id, title=f"Réunion {i} " + "x" * 200)
    db.dispose()
    backup = tmp_path / "sauvegarde.sqlite"
    assert cli("--db", str(db_path), "backup", "-o", str(backup)).returncode == 0
    damaged = damage(db_path.read_bytes())  # type: ignore[operator]
    db_path.write_bytes(damaged)
    checked = cli("--db", str(db_path), "check")
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert checked.stderr.strip()
    for line in checked.stderr.splitlines():
        assert line.startswith(f"{db_path}: "), line
    restored = cli("--db", str(db_path), "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    (kept,) = (tmp_path / "userdata" / "backups" / "replaced").iterdir()
    assert kept.read_bytes() == damaged
    assert cli("--db", str(db_path), "check").returncode == 0
    assert len(as_json(cli("--db", str(db_path), "list", "meetings", "--json"))) == 60


# --- 8. one line, never a traceback ---------------------------------------------


@NEEDS_ROOT
def test_item8_backup_and_restore_to_an_unwritable_place(
    db_path: Path, network: dict[str, int], tmp_path: Path, small_disk: Path
) -> None:
    backup = tmp_path / "sauvegarde.sqlite"
    assert cli("--db", str(db_path), "backup", "-o", str(backup)).returncode == 0
    on_disk = small_disk / "reseau.sqlite"
    assert cli("--db", str(db_path), "backup", "-o", str(on_disk)).returncode == 0
    before = digest(on_disk)
    read_only(small_disk)
    refused = cli("--db", str(db_path), "backup", "-o", str(small_disk / "copie.sqlite"))
    assert str(small_disk) in one_line_error(refused)
    refused = cli("--db", str(on_disk), "restore", str(backup))
    assert "read-only" in one_line_error(refused)
    assert digest(on_disk) == before


@NEEDS_ROOT
def test_item8_a_database_in_a_folder_the_user_cannot_write(
    db_path: Path, network: dict[str, int], tmp_path: Path
) -> None:
    # Root writes everywhere: the command runs as "nobody" on a folder of root's.
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="resilian-ro-", dir="/tmp"))
    try:
        folder.chmod(0o755)
        shared = folder / "reseau.sqlite"
        assert cli("--db", str(db_path), "backup", "-o", str(shared)).returncode == 0
        shared.chmod(0o644)
        before = digest(shared)

        def as_nobody(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [sys.executable, "-m", "resilian_desktop", "--db", str(shared), *args],
                capture_output=True,
                text=True,
                timeout=120,
                cwd=folder,
                env={**os.environ, "RESILIAN_DATA_DIR": str(folder / "nobody-data")},
                user=65534,
                group=65534,
                extra_groups=[],
            )

        listed = as_nobody("list", "organisations", "--json")
        assert listed.returncode == 0, listed.stderr
        assert "Sans Histoire" in listed.stdout
        refused = as_nobody("archive", "organisation", str(network["spare"]))
        assert "read-only" in one_line_error(refused) or "cannot write" in refused.stderr
        assert digest(shared) == before
        assert sorted(p.name for p in folder.iterdir()) == ["reseau.sqlite"]
        # A file the user cannot read at all: a permission problem, said so.
        shared.chmod(0o600)
        unreadable = one_line_error(as_nobody("list", "organisations"))
        assert "Permission denied" in unreadable and "damaged" not in unreadable
    finally:
        shutil.rmtree(folder)


@NEEDS_ROOT
def test_item8_a_full_disk_during_demo_backup_and_restore(
    db_path: Path, network: dict[str, int], tmp_path: Path, small_disk: Path
) -> None:
    backup = tmp_path / "sauvegarde.sqlite"
    assert cli("--db", str(db_path), "backup", "-o", str(backup)).returncode == 0
    on_disk = small_disk / "reseau.sqlite"
    assert cli("--db", str(db_path), "backup", "-o", str(on_disk)).returncode == 0
    before = digest(on_disk)
    # Leave less than a demo needs.
    (small_disk / "remplissage").write_bytes(
        b"\0" * (2 * 1024 * 1024 - 3 * len(on_disk.read_bytes()))
    )
    demo = cli("--db", str(small_disk / "demo.sqlite"), "demo")
    assert "the disk is full" in one_line_error(demo)
    fill(small_disk)
    copy = cli("--db", str(db_path), "backup", "-o", str(small_disk / "copie.sqlite"))
    assert "the disk is full" in one_line_error(copy)
    assert not list(small_disk.glob("copie*"))  # no half copy left behind
    restored = cli("--db", str(on_disk), "restore", str(backup))
    assert "the disk is full" in one_line_error(restored)
    (small_disk / "remplissage").unlink()
    assert digest(on_disk) == before
    assert cli("--db", str(on_disk), "check").returncode == 0


def test_item8_privacy_review_over_thousands_of_years_is_a_usage_error(
    db_path: Path, network: dict[str, int]
) -> None:
    result = cli("--db", str(db_path), "privacy", "review", "--years", "5000")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "give 1 to 100 years" in result.stderr.splitlines()[-1]


# --- 9. personal data in files others can read --------------------------------


def test_item9_rotated_logs_are_owner_only_from_their_first_byte(tmp_path: Path) -> None:
    import logging

    from resilian_desktop.logs import PrivateRotatingFileHandler

    old_umask = os.umask(0o022)
    try:
        handler = PrivateRotatingFileHandler(tmp_path / "journal.log", maxBytes=200, backupCount=2)
        record = logging.LogRecord(
            "t", logging.INFO, __file__, 1, "Élodie Schneider " * 10, (), None
        )
        for _ in range(6):
            handler.emit(record)
        handler.close()
    finally:
        os.umask(old_umask)
    logs = sorted(tmp_path.glob("journal.log*"))
    assert len(logs) == 3  # rotated twice at least
    assert {oct(p.stat().st_mode & 0o777) for p in logs} == {oct(0o600)}


def test_item9_database_backup_and_exports_are_owner_only(
    db_path: Path, network: dict[str, int], tmp_path: Path
) -> None:
    old_umask = os.umask(0o022)
    try:
        fresh = tmp_path / "neuve.sqlite"
        assert cli("--db", str(fresh), "list", "organisations").returncode == 0
        copy = tmp_path / "copie.sqlite"
        assert cli("--db", str(db_path), "backup", "-o", str(copy)).returncode == 0
        export = tmp_path / "personne.json"
        assert (
            cli(
                "--db",
                str(db_path),
                "privacy",
                "export",
                "--person",
                str(network["person"]),
                "-o",
                str(export),
            ).returncode
            == 0
        )
    finally:
        os.umask(old_umask)
    for path in (fresh, copy, export):
        assert path.stat().st_mode & 0o077 == 0, path


# --- 11. read-only files open read-only -----------------------------------------


def test_item11_a_0400_database_is_listed_never_written_nor_chmodded(
    db_path: Path, network: dict[str, int], tmp_path: Path
) -> None:
    db_path.chmod(0o400)
    before = digest(db_path)
    for args in (["list", "organisations"], ["search", "Sans"], ["list", "contacts", "--json"]):
        listed = cli("--db", str(db_path), *args)
        assert listed.returncode == 0, listed.stderr
    assert "Sans Histoire" in cli("--db", str(db_path), "list", "organisations").stdout
    export = tmp_path / "personne.json"
    exported = cli(
        "--db",
        str(db_path),
        "privacy",
        "export",
        "--person",
        str(network["person"]),
        "-o",
        str(export),
    )
    assert exported.returncode == 0, exported.stderr
    refused = cli("--db", str(db_path), "archive", "organisation", str(network["spare"]))
    assert "read-only (permissions 0400)" in one_line_error(refused)
    assert db_path.stat().st_mode & 0o777 == 0o400
    assert digest(db_path) == before


@NEEDS_ROOT
def test_item11_a_database_on_a_read_only_medium_is_listed(
    db_path: Path, network: dict[str, int], small_disk: Path
) -> None:
    on_disk = small_disk / "reseau.sqlite"
    assert cli("--db", str(db_path), "backup", "-o", str(on_disk)).returncode == 0
    read_only(small_disk)
    listed = cli("--db", str(on_disk), "list", "organisations", "--json")
    assert listed.returncode == 0, listed.stderr
    assert "Sans Histoire" in listed.stdout
    assert cli("--db", str(on_disk), "search", "Schneider").stdout.strip()
    refused = cli("--db", str(on_disk), "archive", "organisation", str(network["spare"]))
    assert "read-only disk or medium" in one_line_error(refused)


# --- 10. erasure and backups ------------------------------------------------------


def _in_files(path: Path, text: str) -> list[str]:
    """Which of the database file and its -wal hold *text* (UTF-8), byte for byte."""
    needle = text.encode("utf-8")
    return [
        p.name
        for p in (path, path.with_name(path.name + "-wal"))
        if p.exists() and needle in p.read_bytes()
    ]


@pytest.fixture
def mentioned(db: Database, db_path: Path) -> dict[str, int]:
    """A person named in a meeting's minutes and an action's title."""
    prog = f.programme(db)
    org = f.organisation(db, siret=f.SIRET_A)
    who = f.contact(
        db,
        "Élodie",
        "Schneider",
        organisation_id=org.id,
        email="e.schneider@fonderie.fr",
        notes="Allergique aux arachides",
    )
    f.meeting(
        db,
        prog.id,
        title="Revue annuelle",
        minutes="Élodie Schneider présente le plan de formation.",
    )
    tf = f.taskforce(db, prog.id)
    from resilian_desktop.services import taskforces

    taskforces.add_action(
        db, tf.id, taskforces.ActionDraft(title="Relancer Mme Schneider sur le devis")
    )
    db.dispose()
    return {"person": who.id}


def test_item10_erase_lists_mentions_says_how_long_backups_keep_and_cleans_the_wal(
    db_path: Path, mentioned: dict[str, int], tmp_path: Path
) -> None:
    contact = str(mentioned["person"])
    # A backup exists before the erasure: the confirmation must say it holds the person.
    assert (
        cli(
            "--db",
            str(db_path),
            "backup",
            "-o",
            str(tmp_path / "userdata" / "backups" / "manual" / "avant.sqlite"),
        ).returncode
        == 0
    )
    export = tmp_path / "personne.json"
    assert (
        cli(
            "--db", str(db_path), "privacy", "export", "--person", contact, "-o", str(export)
        ).returncode
        == 0
    )
    import json

    mentions = json.loads(export.read_text(encoding="utf-8"))["mentions_in_free_text"]
    assert {(m["record"], m["field"]) for m in mentions} == {
        ("meeting", "minutes"),
        ("action", "title"),
    }
    erased = cli("--db", str(db_path), "privacy", "erase", "--person", contact)
    assert erased.returncode == 0, erased.stderr
    out = erased.stdout
    assert "1 backup(s)" in out and "within 5 weeks" in out and "applies this erasure again" in out
    assert "2 free-text mention(s)" in out and "Relancer Mme Schneider" in out
    # The e-mail and notes left the file and its journal, not only the lists.
    assert _in_files(db_path, "e.schneider@fonderie.fr") == []
    assert _in_files(db_path, "arachides") == []


def test_item10_erase_while_a_window_reads_says_when_the_trace_goes(
    db_path: Path, mentioned: dict[str, int], holder: list[subprocess.Popen[str]]
) -> None:
    hold_lock(holder, db_path, 15.0, "--read")
    erased = cli("--db", str(db_path), "privacy", "erase", "--person", str(mentioned["person"]))
    assert erased.returncode == 0, erased.stderr
    assert f"stay in {db_path}-wal until the window" in erased.stdout


def test_item10_restoring_a_backup_from_before_an_erasure_erases_again(
    db_path: Path, mentioned: dict[str, int], tmp_path: Path
) -> None:
    contact = str(mentioned["person"])
    before = tmp_path / "avant-effacement.sqlite"
    assert cli("--db", str(db_path), "backup", "-o", str(before)).returncode == 0
    assert cli("--db", str(db_path), "privacy", "erase", "--person", contact).returncode == 0
    erased_on = scalar(db_path, "SELECT erased_at FROM erasure_record")
    restored = cli("--db", str(db_path), "restore", str(before))
    assert restored.returncode == 0, restored.stderr
    assert (
        f"1 erasure(s) made after this backup applied again (person {contact})" in restored.stdout
    )
    assert scalar(db_path, f"SELECT last_name FROM person WHERE id = {contact}") == "Contact effacé"
    # The register entry is back, with the original date.
    assert scalar(db_path, "SELECT count(*) FROM erasure_record") == 1
    assert scalar(db_path, "SELECT erased_at FROM erasure_record") == erased_on
    assert _in_files(db_path, "e.schneider@fonderie.fr") == []
    # The journal beside the database is enough when the database itself is lost.
    db_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    again = cli("--db", str(db_path), "restore", str(before))
    assert again.returncode == 0, again.stderr
    assert scalar(db_path, f"SELECT last_name FROM person WHERE id = {contact}") == "Contact effacé"


def test_item10_an_older_copy_put_back_by_hand_is_erased_again_at_the_next_command(
    db_path: Path, mentioned: dict[str, int], tmp_path: Path
) -> None:
    import shutil

    contact = str(mentioned["person"])
    before = tmp_path / "avant-effacement.sqlite"
    assert cli("--db", str(db_path), "backup", "-o", str(before)).returncode == 0
    assert cli("--db", str(db_path), "privacy", "erase", "--person", contact).returncode == 0
    for leftover in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(before, db_path)  # the officer copies a backup over the database
    listed = cli("--db", str(db_path), "list", "contacts", "--json")
    assert listed.returncode == 0, listed.stderr
    assert "Schneider" not in listed.stdout
    assert f"person {contact} had been erased but came back" in listed.stderr
    assert scalar(db_path, f"SELECT last_name FROM person WHERE id = {contact}") == "Contact effacé"
