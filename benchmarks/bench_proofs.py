"""The proof status and the checks before a sheet goes out (issue 16) on a large network,
beside the figures they sit next to.

    .venv/bin/python benchmarks/bench_proofs.py --db /tmp/bench-proofs/big.sqlite [--repeat 5]

On a `demo --scale N` database (make it once: `resilian-desktop --db PATH demo
--scale 1000`), medians of --repeat runs, in the same process and run:

- held: counting the held meetings of the period (the dashboard's first figure),
  the baseline;
- unproven: counting those without proof (services.proof_status, the new figure);
- figures: every figure of the period (stats.period_figures, the dashboard's refresh);
- checks_year / checks_all: services.proof_checks over one year / the whole period
  (the `proofs` command, the audit pack);
- checks_meeting: the checks of one large meeting (the meeting form's attendance
  tab reads them at each refresh, on the window's thread).

Not part of the test suite: the machines are shared and noisy; read ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from resilian_desktop.db.models import Attendance, Meeting
from resilian_desktop.db.storage import open_database
from resilian_desktop.services import proof_checks, stats
from resilian_desktop.services.proof_status import unproven_meeting_ids
from resilian_desktop.services.stats import Period


def median_seconds(step: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    db = open_database(args.db, backup_dir=args.db.parent / "backups")
    with db.read() as session:
        first, last = session.execute(select(func.min(Meeting.date), func.max(Meeting.date))).one()
        biggest = session.execute(
            select(Attendance.meeting_id, func.count())
            .group_by(Attendance.meeting_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
    whole = Period(first, last)
    year = Period(dt.date(last.year - 1, 1, 1), dt.date(last.year - 1, 12, 31))

    def count(query: object) -> int:
        with db.read() as session:
            return int(
                session.scalar(select(func.count()).select_from(query.subquery()))  # type: ignore[attr-defined]
                or 0
            )

    steps: dict[str, Callable[[], object]] = {
        "held": lambda: count(stats.held_meeting_ids(whole)),
        "unproven": lambda: count(unproven_meeting_ids(stats.held_meeting_ids(whole))),
        "figures": lambda: stats.period_figures(db, whole).meetings_without_proof,
        "checks_year": lambda: sum(len(v) for v in proof_checks.period_problems(db, year).values()),
        "checks_all": lambda: sum(len(v) for v in proof_checks.period_problems(db, whole).values()),
        "checks_meeting": lambda: len(proof_checks.meeting_problems(db, biggest[0])),
    }
    print(f"{args.db}: {first} to {last}; largest meeting {biggest[0]} ({biggest[1]} listed)")
    results = {}
    for name, step in steps.items():
        seconds, value = median_seconds(step, args.repeat)
        results[name] = seconds
        print(f"{name:15s} {seconds * 1000:9.1f} ms   (result {value})")
    print(f"unproven / held: {results['unproven'] / results['held']:.1f}x")
    db.dispose()


if __name__ == "__main__":
    main()
