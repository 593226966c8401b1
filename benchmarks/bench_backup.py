"""Backup of a `demo --scale N` database with SQLite's online backup API, beside a
plain file copy of the same file, in the same run (medians).

    .venv/bin/python benchmarks/bench_backup.py [--scale 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from resilian_desktop.db.backup import copy_database
from resilian_desktop.db.storage import open_database
from resilian_desktop.demo import generate_demo


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "demo.sqlite"
        db = open_database(source, backup_dir=folder / "b")
        generate_demo(db, scale=args.scale)
        db.dispose()
        size = source.stat().st_size
        ours, plain = [], []
        for i in range(args.repeat):
            start = time.perf_counter()
            copy_database(source, folder / f"backup-{i}.sqlite")
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            shutil.copyfile(source, folder / f"copy-{i}.sqlite")
            plain.append(time.perf_counter() - start)
            (folder / f"backup-{i}.sqlite").unlink()
            (folder / f"copy-{i}.sqlite").unlink()
        a, b = statistics.median(ours), statistics.median(plain)
        print(f"database: {size / 1e6:.0f} MB (demo --scale {args.scale})")
        print(f"online backup API + quick_check + rename: {a:.2f} s (median of {args.repeat})")
        print(f"plain file copy (shutil.copyfile):        {b:.2f} s")
        print(f"ratio: x{a / b:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
