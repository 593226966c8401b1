"""Concurrent attendance: CLIENTS processes, each its own connections, mark
CHANGES attendance changes each on one meeting of a `demo --scale N` database,
all at once; on SQLite and on a PostgreSQL 15 server (started here, as the
tests start it) in the same run. Checks that no change was lost (each row's
final status and version) and that no client failed.

    .venv/bin/python benchmarks/bench_concurrent_attendance.py [--scale 20] \\
        [--clients 10] [--changes 100] [--engine both|sqlite|postgresql]

Each change is one set_attendance call (one write transaction) on the
client's own person; the statuses cycle so that every call is an UPDATE.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resilian_desktop import paths  # noqa: E402
from resilian_desktop.db.models import Attendance  # noqa: E402
from resilian_desktop.db.storage import open_database  # noqa: E402
from resilian_desktop.demo import generate_demo  # noqa: E402
from resilian_desktop.services import meetings  # noqa: E402

CYCLE = ("present", "absent", "excused", "invited")


def client(location: str, meeting_id: int, person_id: int, changes: int, start, out) -> None:  # type: ignore[no-untyped-def]
    db = open_database(paths.database_location(location), backup_dir=Path(tempfile.mkdtemp()))
    seconds: list[float] = []
    try:
        start.wait()
        for i in range(changes):
            began = time.perf_counter()
            meetings.set_attendance(db, meeting_id, [person_id], status=CYCLE[i % len(CYCLE)])
            seconds.append(time.perf_counter() - began)
        out.put(("ok", seconds))
    except Exception as error:  # reported by the parent
        out.put(("error", repr(error)))
    finally:
        db.dispose()


def run(location: str, clients: int, changes: int) -> tuple[float, float, list[str]]:
    db = open_database(paths.database_location(location), backup_dir=Path(tempfile.mkdtemp()))
    with db.read() as session:
        # A meeting with enough people on its list, and their rows' versions.
        meeting_id = session.scalar(
            select(Attendance.meeting_id)
            .group_by(Attendance.meeting_id)
            .having(func.count() >= clients)
            .order_by(Attendance.meeting_id)
            .limit(1)
        )
        rows = session.execute(
            select(Attendance.person_id, Attendance.version)
            .where(Attendance.meeting_id == meeting_id)
            .order_by(Attendance.person_id)
            .limit(clients)
        ).all()
    before = dict(rows)
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(clients + 1)
    out = context.Queue()
    workers = [
        context.Process(target=client, args=(location, meeting_id, pid, changes, start, out))
        for pid in before
    ]
    for worker in workers:
        worker.start()
    start.wait()
    began = time.perf_counter()
    results = [out.get(timeout=600) for _ in workers]
    wall = time.perf_counter() - began
    for worker in workers:
        worker.join()
    problems = [detail for kind, detail in results if kind == "error"]
    latencies = [s for kind, detail in results if kind == "ok" for s in detail]
    final = {a.person_id: a for a in meetings.list_attendance(db, meeting_id)}
    with db.read() as session:
        versions = dict(
            session.execute(
                select(Attendance.person_id, Attendance.version).where(
                    Attendance.meeting_id == meeting_id
                )
            ).all()
        )
    for pid, version in before.items():
        expected = CYCLE[(changes - 1) % len(CYCLE)]
        if final[pid].status != expected:
            problems.append(f"person {pid}: {final[pid].status}, expected {expected}")
        if versions[pid] < version + changes - 1:  # the first change may repeat the status
            problems.append(f"person {pid}: version {versions[pid]} after {changes} changes")
    db.dispose()
    return wall, statistics.median(latencies) if latencies else 0.0, problems


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=20)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--engine", choices=("both", "sqlite", "postgresql"), default="both")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        locations: dict[str, str] = {}
        server_context = None
        if args.engine in ("both", "sqlite"):
            locations["SQLite"] = str(Path(tmp) / "demo.sqlite")
        if args.engine in ("both", "postgresql"):
            from tests.postgres import test_server

            server_context = test_server()
            server = server_context.__enter__()
            server.execute("CREATE DATABASE bench")
            locations["PostgreSQL"] = server.url("bench")
        try:
            for name, location in locations.items():
                db = open_database(paths.database_location(location), backup_dir=Path(tmp))
                started = time.perf_counter()
                generate_demo(db, scale=args.scale)
                print(f"{name}: demo --scale {args.scale} in {time.perf_counter() - started:.1f} s")
                db.dispose()
                wall, median, problems = run(location, args.clients, args.changes)
                total = args.clients * args.changes
                verdict = (
                    "no lost update, no error" if not problems else f"PROBLEMS: {problems[:5]}"
                )
                print(
                    f"{name}: {args.clients} clients x {args.changes} attendance changes: "
                    f"{wall:.1f} s ({total / wall:.0f} saves/s, "
                    f"median save {median * 1000:.0f} ms), {verdict}"
                )
        finally:
            if server_context is not None:
                server_context.__exit__(None, None, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
