"""The period report of a large network beside a bare openpyxl write-only workbook.

    .venv/bin/python benchmarks/bench_report.py [--scale 1000] [--repeat 3] [--db PATH]

Makes (or reuses, with --db) a `demo --scale N` database and times, in the
same run, each step in its own process so that its peak memory is its own:

- ours: documents.period_report.build.export_period_report over the whole demo period:
  the period figures, the streaming queries, typed and guarded cells, styles,
  print settings, the file written through a temporary file;
- bare: the same rows, already fetched into memory (not timed), appended as
  plain values to an openpyxl write-only workbook with no style, one sheet
  per table (split at Excel's row limit like ours), then saved;
- rows: fetching the report's rows alone, nothing written (where ours spends
  its time apart from openpyxl).

Medians of --repeat runs; peak resident memory of each process. Not part of
the test suite: the machines are shared and noisy, read ratios and medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from resilian_desktop.db.storage import open_database
from resilian_desktop.documents.period_report.build import export_period_report

EXCEL_ROWS = 1_048_575  # data rows per sheet under the header


def _period(db_path: Path) -> object:
    from sqlalchemy import func, select

    from resilian_desktop.db.models import Meeting
    from resilian_desktop.services.stats import Period

    db = open_database(db_path, backup_dir=db_path.parent / "backups")
    with db.read() as session:
        first, last = session.execute(select(func.min(Meeting.date), func.max(Meeting.date))).one()
    db.dispose()
    return Period(first, last)


def step_ours(db_path: Path, out: Path) -> dict[str, float]:

    period = _period(db_path)
    db = open_database(db_path, backup_dir=db_path.parent / "backups")
    start = time.perf_counter()
    export_period_report(db, period, out)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    db.dispose()
    return {"seconds": seconds}


def _all_rows(db_path: Path) -> tuple[dict[str, list[tuple[object, ...]]], float]:
    from resilian_desktop.services.reports import open_period_report

    period = _period(db_path)
    db = open_database(db_path, backup_dir=db_path.parent / "backups")
    start = time.perf_counter()
    with open_period_report(db, period) as report:  # type: ignore[arg-type]
        tables = {
            "Réunions": [tuple(r) for r in report.meetings.rows],
            "Présences": [tuple(r) for r in report.attendances.rows],
            "Structures": [tuple(r) for r in report.organisations.rows],
            "Taskforces": [tuple(r) for r in report.taskforces.rows],
        }
    seconds = time.perf_counter() - start
    db.dispose()
    return tables, seconds


def step_rows(db_path: Path, out: Path) -> dict[str, float]:
    tables, seconds = _all_rows(db_path)
    return {"seconds": seconds, "rows": float(sum(len(t) for t in tables.values()))}


def step_bare(db_path: Path, out: Path) -> dict[str, float]:
    from openpyxl import Workbook

    tables, _ = _all_rows(db_path)  # not timed: the baseline gets its rows for free
    start = time.perf_counter()
    book = Workbook(write_only=True)
    for title, rows in tables.items():
        for part in range(0, max(len(rows), 1), EXCEL_ROWS):
            sheet = book.create_sheet(title if part == 0 else f"{title} ({part // EXCEL_ROWS + 1})")
            sheet.append([f"col{i}" for i in range(len(rows[0]) if rows else 1)])
            for row in rows[part : part + EXCEL_ROWS]:
                sheet.append(row)
    book.save(out)
    return {"seconds": time.perf_counter() - start}


STEPS = {"ours": step_ours, "bare": step_bare, "rows": step_rows}


def run_step(name: str, db_path: Path, out: Path) -> dict[str, float]:
    """Run one step in a fresh process; its timing and its peak memory."""
    result = subprocess.run(
        [sys.executable, __file__, "--step", name, "--db", str(db_path), "--out", str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", type=Path, help="reuse this demo database")
    parser.add_argument("--step", choices=sorted(STEPS), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.step:
        data = STEPS[args.step](args.db, args.out)
        data["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(data))
        return 0

    with tempfile.TemporaryDirectory(prefix="bench-report-") as folder:
        work = Path(folder)
        db_path = args.db
        if db_path is None:
            from resilian_desktop.demo import generate_demo

            db_path = work / "demo.sqlite"
            db = open_database(db_path, backup_dir=work / "backups")
            started = time.perf_counter()
            summary = generate_demo(db, scale=args.scale, seed=2018)
            db.dispose()
            print(
                f"demo --scale {args.scale}: {summary.meetings} meetings, "
                f"{summary.attendances} attendances ({time.perf_counter() - started:.0f} s)"
            )
        print(f"period report of {db_path}, {args.repeat} run(s) each, {dt.date.today()}")
        results: dict[str, list[dict[str, float]]] = {name: [] for name in ("ours", "bare", "rows")}
        for _ in range(args.repeat):
            # Interleaved, so that a burst of load on the machine hits both alike.
            for name in results:
                results[name].append(run_step(name, db_path, work / f"{name}.xlsx"))
        medians = {
            name: (
                statistics.median(r["seconds"] for r in runs),
                max(r["max_rss_mb"] for r in runs),
            )
            for name, runs in results.items()
        }
        rows = int(results["rows"][0]["rows"])
        size = (work / "ours.xlsx").stat().st_size / 1e6
        print(f"rows in the detail sheets: {rows:,}; our workbook: {size:.1f} MB")
        for name, label in (
            ("ours", "our report (figures + queries + write)"),
            ("bare", "bare openpyxl write-only, same rows"),
            ("rows", "fetching the rows alone"),
        ):
            seconds, rss = medians[name]
            print(f"  {label:<42} {seconds:8.1f} s   peak {rss:7.0f} MB")
        ours, bare = medians["ours"][0], medians["bare"][0]
        print(f"  ratio ours / bare: x{ours / bare:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
