"""Restore of a `demo --scale N` database: the locked replacement (write lock,
safety copy, contents replaced in one transaction, services.backups.restore)
beside its baseline, in the same run (medians): a safety copy then SQLite's
backup API over the file, which is what restore did before it held the lock
(and lost the rows an import committed between the two).

    .venv/bin/python benchmarks/bench_restore.py [--scale 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from resilian_desktop.db.backup import copy_database
from resilian_desktop.db.storage import open_database, readonly_uri
from resilian_desktop.demo import generate_demo
from resilian_desktop.services.backups import check_restorable, restore


def unlocked_restore(target: Path, source: Path, safety: Path) -> None:
    """The baseline: check, copy, then the backup API over the database."""
    check_restorable(source, target)
    copy_database(target, safety)
    src = sqlite3.connect(readonly_uri(source), uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "backup.sqlite"
        db = open_database(source, backup_dir=folder / "b")
        generate_demo(db, scale=args.scale)
        db.dispose()
        size = source.stat().st_size
        locked, baseline = [], []
        for i in range(args.repeat):
            target = folder / f"locked-{i}.sqlite"
            shutil.copyfile(source, target)
            start = time.perf_counter()
            restore(target, source, folder / "backups")
            locked.append(time.perf_counter() - start)
            target = folder / f"baseline-{i}.sqlite"
            shutil.copyfile(source, target)
            start = time.perf_counter()
            unlocked_restore(target, source, folder / f"safety-{i}.sqlite")
            baseline.append(time.perf_counter() - start)
        a, b = statistics.median(locked), statistics.median(baseline)
        print(f"database: {size / 1e6:.0f} MB (demo --scale {args.scale})")
        print(f"restore under the write lock (SQL copy):  {a:.2f} s (median of {args.repeat})")
        print(f"copy then backup API, no lock (before):   {b:.2f} s")
        print(f"ratio: x{a / b:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
