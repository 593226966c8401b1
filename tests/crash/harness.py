"""Kill the command line with SIGKILL in the middle of real work, then check the files.

After every kill the database must pass integrity_check and foreign_key_check
and hold either all or none of the interrupted work; an exported file is
either absent or complete. Run in CI with a few points per scenario
(tests/crash/test_crash_safety.py) or by hand with many:

    .venv/bin/python -m tests.crash.harness --points 40
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from resilian_desktop.db.revisions import HEAD_REVISION
from resilian_desktop.demo import WORKER_MIN_SCALE

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@dataclass
class Outcome:
    scenario: str
    tried: int = 0
    interrupted: int = 0  # killed before the command finished
    survived: int = 0
    failures: list[str] = field(default_factory=list)
    states: Counter[str] = field(default_factory=Counter)  # what the survivors held


def run_cli(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "resilian_desktop", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def timed_run(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = run_cli(args, env)
    if process.wait(timeout=600) != 0:
        raise RuntimeError(f"the command failed without being killed: {args}")
    return time.perf_counter() - start


def children_of(pid: int) -> list[int]:
    """Processes whose parent is *pid* (Linux /proc; none found elsewhere)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def still_running(pids: list[int], grace: float = 10.0) -> list[int]:
    """The *pids* still alive after *grace* seconds."""
    deadline = time.monotonic() + grace
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in alive if Path(f"/proc/{p}").exists()]
    return alive


def kill_after(args: list[str], env: dict[str, str], delay: float) -> tuple[bool, list[int]]:
    """Run, SIGKILL after *delay* seconds; (whether the kill interrupted it,
    the processes it had started that outlived it)."""
    process = run_cli(args, env)
    try:
        process.wait(timeout=delay)
        return False, []
    except subprocess.TimeoutExpired:
        children = children_of(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True, still_running(children)


def database_problems(path: Path) -> list[str]:
    """integrity_check and foreign_key_check of a file, opened as SQLite would after a crash."""
    if not path.exists() or path.stat().st_size == 0:
        return []
    raw = sqlite3.connect(path)
    try:
        problems = [r[0] for r in raw.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key {r}" for r in raw.execute("PRAGMA foreign_key_check")]
    finally:
        raw.close()
    return problems


def count(path: Path, sql: str) -> int | None:
    """A count, or None when the table does not exist (yet)."""
    if not path.exists():
        return None
    raw = sqlite3.connect(path)
    try:
        return int(raw.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:
        return None
    finally:
        raw.close()


def _delays(total: float, points: int) -> list[float]:
    return [total * (i + 0.5) / points for i in range(points)]


COMPANION_RC = "companion.rc"  # the exit code of a scenario's companion command


def _with_companion(
    folder: Path,
    env: dict[str, str],
    companion: Callable[[Path], list[str]] | None,
    run: Callable[[], object],
) -> object:
    """Run *companion*'s command beside *run* (never killed), then record its exit code."""
    if companion is None:
        return run()
    process = run_cli(companion(folder), env)
    try:
        time.sleep(0.5)  # let it take the write lock first, as a running import has
        return run()
    finally:
        (folder / COMPANION_RC).write_text(str(process.wait(timeout=600)))


def _scenario(
    name: str,
    points: int,
    work: Path,
    prepare: Callable[[Path], list[str]],
    check: Callable[[Path], tuple[str | None, str]],
    companion: Callable[[Path], list[str]] | None = None,
) -> Outcome:
    """prepare(folder) sets up a fresh folder and returns the CLI arguments;
    check(folder) returns (a failure description or None, the state found).
    companion(folder), when given, is a command started just before and left
    to finish (the killed command races it)."""
    outcome = Outcome(name)
    base = work / name
    env = {**os.environ, "RESILIAN_DATA_DIR": str(base / "userdata")}
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    reference = base / "reference"
    reference.mkdir()
    reference_env = {**env, "RESILIAN_DATA_DIR": str(reference / "userdata")}
    args = prepare(reference)
    total = float(
        _with_companion(  # type: ignore[arg-type]
            reference, reference_env, companion, lambda: timed_run(args, reference_env)
        )
    )
    if (problem := check(reference)[0]) is not None:
        raise RuntimeError(f"{name}: the uninterrupted run fails its own check: {problem}")
    for index, delay in enumerate(_delays(total, points)):
        folder = base / f"kill-{index:03d}"
        folder.mkdir()
        args = prepare(folder)
        outcome.tried += 1
        folder_env = {**env, "RESILIAN_DATA_DIR": str(folder / "userdata")}
        interrupted, orphans = _with_companion(  # type: ignore[misc]
            folder,
            folder_env,
            companion,
            lambda args=args, folder_env=folder_env, delay=delay: kill_after(  # type: ignore[misc]
                args, folder_env, delay
            ),
        )
        outcome.interrupted += interrupted
        for pid in orphans:
            os.kill(pid, signal.SIGKILL)
            outcome.failures.append(f"{name} killed at {delay:.2f} s: process {pid} outlived it")
        problem, state = check(folder)
        if problem is None:
            outcome.survived += 1
            outcome.states[state] += 1
        else:
            outcome.failures.append(f"{name} killed at {delay:.2f} s: {problem}")
        shutil.rmtree(folder, ignore_errors=True)
    return outcome


def demo_scenario(points: int, work: Path, scale: int = 4) -> Outcome:
    expected: dict[str, int] = {}

    def prepare(folder: Path) -> list[str]:
        return ["--db", str(folder / "demo.sqlite"), "demo", "--scale", str(scale)]

    def check(folder: Path) -> tuple[str | None, str]:
        path = folder / "demo.sqlite"
        problems = database_problems(path)
        if problems:
            return f"damaged: {problems[:3]}", "damaged"
        counts = {
            table: count(path, f"SELECT count(*) FROM {table}")
            for table in ("organisation", "person", "meeting", "attendance", "roadmap_action")
        }
        if not expected:
            expected.update({k: v for k, v in counts.items() if v is not None})
            return None, "all"
        if all(v in (None, 0) for v in counts.values()):
            return None, "none"
        if counts == expected:
            return None, "all"
        return f"partial demo: {counts} (expected none or {expected})", "partial"

    return _scenario(f"demo-{scale}", points, work, prepare, check)


def demo_worker_scenario(points: int, work: Path) -> Outcome:
    """The demo that generates in a second process: that process must not outlive a kill."""
    return demo_scenario(points, work, scale=WORKER_MIN_SCALE)


def migration_scenario(points: int, work: Path) -> Outcome:
    fixture = FIXTURES / "schema_0001.sqlite"
    tables = ("organisation", "person", "meeting", "attendance", "roadmap_action", "taskforce")
    before = {t: count(fixture, f"SELECT count(*) FROM {t}") for t in tables}

    def prepare(folder: Path) -> list[str]:
        shutil.copyfile(fixture, folder / "old.sqlite")
        return ["--db", str(folder / "old.sqlite"), "check"]

    def check(folder: Path) -> tuple[str | None, str]:
        path = folder / "old.sqlite"
        problems = database_problems(path)
        if problems:
            return f"damaged: {problems[:3]}", "damaged"
        revision = None
        raw = sqlite3.connect(path)
        try:
            revision = raw.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            columns = {r[1] for r in raw.execute("PRAGMA table_info(person)")}
        finally:
            raw.close()
        after = {t: count(path, f"SELECT count(*) FROM {t}") for t in tables}
        if after != before:
            return f"rows changed: {after} != {before}", "lost rows"
        if revision == "0001" and "archived_at" in columns:
            return "schema changed but revision still 0001", "mixed"
        # Migrations run in one transaction: the file is at the first revision or the last.
        if revision not in ("0001", HEAD_REVISION):
            return f"unexpected revision {revision}", "unknown"
        for copy in (folder / "userdata").rglob("*.sqlite"):
            if database_problems(copy):
                return f"a pre-migration backup is damaged: {copy.name}", "bad backup"
        return None, f"schema {revision}"

    return _scenario("migration", points, work, prepare, check)


def backup_scenario(points: int, work: Path) -> Outcome:
    fixture = FIXTURES / "schema_0001.sqlite"
    source = work / "backup-source.sqlite"
    if not source.exists():
        shutil.copyfile(fixture, source)
        subprocess.run(
            [sys.executable, "-m", "resilian_desktop", "--db", str(source), "check"],
            check=True,
            capture_output=True,
            env={**os.environ, "RESILIAN_DATA_DIR": str(work / "backup-source-userdata")},
        )

    def prepare(folder: Path) -> list[str]:
        return ["--db", str(source), "backup", "-o", str(folder / "copie.sqlite")]

    def check(folder: Path) -> tuple[str | None, str]:
        target = folder / "copie.sqlite"
        for partial in folder.glob("*.partial"):
            # What a kill leaves holds contacts: never readable by others.
            if partial.stat().st_mode & 0o077:
                return f"{partial.name} readable by others ({partial.stat().st_mode:o})", "open"
        if not target.exists():
            return None, "no file"
        problems = database_problems(target)
        if problems:
            return f"half-written copy under the user's name: {problems[:3]}", "half"
        if count(target, "SELECT count(*) FROM attendance") != count(
            source, "SELECT count(*) FROM attendance"
        ):
            return "incomplete copy under the user's name", "half"
        return None, "complete file"

    return _scenario("backup", points, work, prepare, check)


def restore_scenario(points: int, work: Path, contacts: int = 2000) -> Outcome:
    """A restore killed while an import runs on the same database (never killed).

    The database must hold the backup's records or the old ones, never a mix;
    the import's contacts all or none; and an import that reported success
    must have its contacts in the database or in the copy the restore made
    of it first (the defect was a restore that copied, waited for the
    import's lock, then overwrote its rows).
    """
    seed = work / "restore-seed"
    if not seed.exists():
        seed.mkdir(parents=True)
        env = {**os.environ, "RESILIAN_DATA_DIR": str(seed / "userdata")}
        for db in ("backup.sqlite", "current.sqlite"):
            subprocess.run(
                [sys.executable, "-m", "resilian_desktop", "--db", str(seed / db), "demo"],
                check=True,
                capture_output=True,
                env=env,
            )
        # The current database differs from the backup by one archived organisation.
        raw = sqlite3.connect(seed / "current.sqlite")
        raw.execute("UPDATE organisation SET archived_at = '2026-01-01' WHERE id = 1")
        raw.commit()
        raw.close()
        lines = ["Civilité;Nom;Prénom;Structure;Fonction;E-mail"]
        lines += [
            f"M.;Crash{i};Jean;Société Course {i % 20};Directeur;crash{i}@exemple.fr"
            for i in range(contacts)
        ]
        (seed / "contacts.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    archived = "SELECT count(*) FROM organisation WHERE archived_at IS NOT NULL"
    imported = "SELECT count(*) FROM person WHERE email LIKE 'crash%@exemple.fr'"

    def prepare(folder: Path) -> list[str]:
        shutil.copyfile(seed / "current.sqlite", folder / "work.sqlite")
        return ["--db", str(folder / "work.sqlite"), "restore", str(seed / "backup.sqlite")]

    def import_contacts(folder: Path) -> list[str]:
        return [
            "--db",
            str(folder / "work.sqlite"),
            "import",
            "contacts",
            str(seed / "contacts.csv"),
        ]

    def check(folder: Path) -> tuple[str | None, str]:
        path = folder / "work.sqlite"
        problems = database_problems(path)
        if problems:
            return f"damaged: {problems[:3]}", "damaged"
        state = {0: "restored", 1: "old"}.get(count(path, archived) or 0, "mixed")
        rows = count(path, imported)
        if state == "mixed" or rows not in (0, contacts):
            return f"a mix: {count(path, archived)} archived, {rows} imported", "mixed"
        copies = list((folder / "userdata" / "backups" / "before-restore").glob("*.sqlite"))
        for copy in copies:
            if database_problems(copy):
                return f"a damaged safety copy: {copy.name}", "bad copy"
        import_ok = (folder / COMPANION_RC).read_text() == "0"
        kept = rows == contacts or any(count(c, imported) == contacts for c in copies)
        if import_ok and not kept:
            return "the import reported success but its contacts are nowhere", "lost"
        return None, f"{state}, import {'in the database' if rows else 'in the safety copy'}"

    return _scenario("restore", points, work, prepare, check, companion=import_contacts)


SCENARIOS: dict[str, Callable[[int, Path], Outcome]] = {
    "demo": demo_scenario,
    "demo-worker": demo_worker_scenario,
    "migration": migration_scenario,
    "backup": backup_scenario,
    "restore": restore_scenario,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--points", type=int, default=20, help="kill points per scenario")
    parser.add_argument("--work", type=Path, default=Path("/tmp/resilian-crash"))
    parser.add_argument("scenarios", nargs="*", default=list(SCENARIOS))
    args = parser.parse_args()
    failed = False
    for name in args.scenarios:
        outcome = SCENARIOS[name](args.points, args.work)
        print(
            f"{name}: {outcome.tried} kill points tried, {outcome.interrupted} interrupted the "
            f"command, {outcome.survived} survived; found: {dict(outcome.states)}"
        )
        for failure in outcome.failures:
            print(f"  FAILED {failure}")
        failed |= bool(outcome.failures)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
