"""Foundation benchmarks, each beside a bare baseline measured in the same run.

    .venv/bin/python benchmarks/bench_foundation.py [--scale 1000] [--repeat 5]

Not part of the test suite: the machines are shared and noisy, so read the
ratios and medians, not single timings.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from resilian_desktop.db.models import HISTORY_TABLES
from resilian_desktop.db.storage import open_database
from resilian_desktop.demo import generate_demo
from resilian_desktop.services import listings, search


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def line(name: str, ours: float, base: float, base_name: str) -> None:
    print(
        f"{name:<38} {ours * 1000:9.1f} ms   {base_name:<34} {base * 1000:9.1f} ms"
        f"   x{ours / base:5.2f}"
    )


def bare_reinsert(source: Path, folder: Path) -> float:
    """Seconds for sqlite3 executemany to write the same rows into the same schema."""
    target = folder / "bare.sqlite"
    src = sqlite3.connect(source)
    schema = [
        sql
        for (name, sql) in src.execute("SELECT name, sql FROM sqlite_master WHERE type='table'")
        if name in HISTORY_TABLES
    ]
    data = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in HISTORY_TABLES}
    src.close()
    dst = sqlite3.connect(target)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = NORMAL")
    for sql in schema:
        dst.execute(sql)
    dst.commit()
    start = time.perf_counter()
    with dst:
        for table, rows in data.items():
            if rows:
                marks = ",".join("?" * len(rows[0]))
                dst.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    seconds = time.perf_counter() - start
    dst.close()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "bench.sqlite"
        db = open_database(path, backup_dir=folder / "backups")
        summary = generate_demo(db, scale=args.scale)
        db.dispose()
        size_mb = path.stat().st_size / 1e6
        print(
            f"demo --scale {args.scale}: {summary.seconds:.1f} s, {size_mb:.0f} MB, "
            f"{summary.organisations} organisations, {summary.contacts} people, "
            f"{summary.meetings} meetings, {summary.attendances} attendances, "
            f"{summary.actions} actions"
        )
        bare = bare_reinsert(path, folder)
        line(
            "demo (generate + write + index)",
            summary.seconds,
            bare,
            "sqlite3 executemany same rows",
        )
        # The same demo generated in this process (no worker), in the same run.
        single = open_database(folder / "single.sqlite", backup_dir=folder / "backups")
        in_process = generate_demo(single, scale=args.scale, worker=False)
        single.dispose()
        (folder / "single.sqlite").unlink()
        line(
            "demo, generator in a worker process",
            summary.seconds,
            in_process.seconds,
            "demo generated in one process",
        )

        db = open_database(path, backup_dir=folder / "backups")
        raw = sqlite3.connect(path)

        def ours_page() -> object:
            listings.count_rows(db, "contacts")
            return listings.fetch_page(db, "contacts", offset=0, limit=200)

        def bare_page() -> object:
            raw.execute("SELECT count(*) FROM person WHERE archived_at IS NULL").fetchone()
            return raw.execute(
                "SELECT p.id, p.last_name, p.first_name, o.name, p.job_title, p.email, p.phone "
                "FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id "
                "WHERE p.archived_at IS NULL ORDER BY p.sort_name, p.id LIMIT 200"
            ).fetchall()

        def ours_first_names() -> object:
            return listings.fetch_page(db, "contacts", offset=0, limit=200, sort_key="first_name")

        def nocase_first_names() -> object:
            return raw.execute(
                "SELECT p.id, p.last_name, p.first_name, o.name, p.job_title, p.email, p.phone "
                "FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id "
                "ORDER BY p.first_name COLLATE NOCASE, p.id LIMIT 200"
            ).fetchall()

        line(
            "first page of contacts (count + 200)",
            median_seconds(ours_page, args.repeat),
            median_seconds(bare_page, args.repeat),
            "sqlite3, count where not archived",
        )

        line(
            "contacts by first name (accent-blind)",
            median_seconds(ours_first_names, args.repeat),
            median_seconds(nocase_first_names, args.repeat),
            "sqlite3 NOCASE (É after Z)",
        )

        def ours_filter() -> object:
            listings.count_rows(db, "contacts", filter_text="muller")
            return listings.fetch_page(db, "contacts", offset=0, limit=200, filter_text="muller")

        def bare_filter() -> object:
            return raw.execute(
                "SELECT p.id, p.last_name FROM person p WHERE p.last_name LIKE '%muller%' "
                "ORDER BY p.last_name LIMIT 200"
            ).fetchall()

        line(
            "filtered contacts 'muller' (FTS)",
            median_seconds(ours_filter, args.repeat),
            median_seconds(bare_filter, args.repeat),
            "bare LIKE '%muller%' (misses Müller)",
        )

        def ours_search() -> object:
            with db.read() as session:
                return search.search(session, "coeur")

        def bare_search() -> object:
            return raw.execute(
                "SELECT kind, record_id, label FROM search_index WHERE search_index MATCH "
                "'terms : (\"coeur\"*)' ORDER BY rank LIMIT 50"
            ).fetchall()

        line(
            "search 'coeur' (service)",
            median_seconds(ours_search, args.repeat),
            median_seconds(bare_search, args.repeat),
            "bare FTS5 MATCH",
        )
        db.dispose()

        env = {**os.environ, "RESILIAN_DATA_DIR": str(folder / "userdata")}

        def ours_cli() -> object:
            return subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "resilian_desktop",
                    "--db",
                    str(path),
                    "list",
                    "contacts",
                    "--json",
                ],
                check=True,
                capture_output=True,
                env=env,
            )

        def bare_cli() -> object:
            script = (
                "import sqlite3, json, sys; c = sqlite3.connect(sys.argv[1]); "
                "rows = c.execute('SELECT p.id, p.first_name, p.last_name, o.name "
                "FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id "
                "ORDER BY p.last_name').fetchall(); "
                "print(json.dumps([dict(id=r[0], first_name=r[1], last_name=r[2], "
                "organisation=r[3]) for r in rows]))"
            )
            return subprocess.run(
                [sys.executable, "-c", script, str(path)], check=True, capture_output=True
            )

        line(
            "CLI list contacts --json",
            median_seconds(ours_cli, max(1, args.repeat // 2)),
            median_seconds(bare_cli, max(1, args.repeat // 2)),
            "python -c sqlite3 + json.dumps",
        )
        count = len(json.loads(ours_cli().stdout))  # type: ignore[attr-defined]
        print(f"(CLI listed {count} contacts)")
        raw.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
