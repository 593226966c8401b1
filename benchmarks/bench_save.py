#!/usr/bin/env python3
"""Saving a meeting and marking one person present, at scale, beside bare sqlite3 writes.

    .venv/bin/python -m resilian_desktop --db /tmp/big.sqlite demo --scale 1000
    .venv/bin/python benchmarks/bench_save.py --db /tmp/big.sqlite

Takes the meeting with the most attendance rows; medians of 9 runs each, in
the same run. The meeting's title is put back at the end.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from resilian_desktop.db.storage import open_database
from resilian_desktop.services import meetings


def median_ms(action: Callable[[int], Any], runs: int = 9) -> float:
    times = []
    for i in range(runs):
        start = time.perf_counter()
        action(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    db = open_database(args.db, backup_dir=args.db.parent / "bench-backups")
    raw = sqlite3.connect(args.db, isolation_level=None)
    mid = raw.execute(
        "SELECT meeting_id FROM attendance GROUP BY meeting_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    contacts = [
        r[0] for r in raw.execute("SELECT person_id FROM attendance WHERE meeting_id=?", (mid,))
    ]
    row = meetings.get_meeting(db, mid)

    def draft(title: str) -> meetings.MeetingDraft:
        return meetings.MeetingDraft(
            programme_id=row.programme_id,
            kind=row.kind,
            title=title,
            date=row.date,
            start_time=row.start_time,
            end_time=row.end_time,
            venue=row.venue,
            host_organisation_id=row.host_organisation_id,
            taskforce_id=row.taskforce_id,
            agenda=row.agenda,
            minutes=row.minutes,
            decisions=row.decisions,
            status=row.status,
        )

    def bare_update(sql: str, params: tuple[Any, ...]) -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(sql, params)
        raw.execute("COMMIT")

    def status(i: int) -> str:
        return "present" if i % 2 else "excused"

    try:
        ours_save = median_ms(lambda i: meetings.update_meeting(db, mid, draft(f"{row.title} {i}")))
        bare_save = median_ms(
            lambda i: bare_update(
                "UPDATE meeting SET title=? WHERE id=?", (f"{row.title} {i}", mid)
            )
        )
        ours_mark = median_ms(
            lambda i: meetings.set_attendance(db, mid, contacts[:1], status=status(i))
        )
        bare_mark = median_ms(
            lambda i: bare_update(
                "UPDATE attendance SET status=? WHERE meeting_id=? AND person_id=?",
                (status(i), mid, contacts[0]),
            )
        )
        ours_open = median_ms(
            lambda i: (meetings.get_meeting(db, mid), meetings.list_attendance(db, mid))
        )
    finally:
        meetings.update_meeting(db, mid, draft(row.title))
    print(f"meeting {mid}, {len(contacts)} attendance rows; medians of 9")
    print(f"save the meeting     {ours_save:7.1f} ms   bare UPDATE + commit {bare_save:6.1f} ms")
    print(f"mark one present     {ours_mark:7.1f} ms   bare UPDATE + commit {bare_mark:6.1f} ms")
    print(f"open it (row + list) {ours_open:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
