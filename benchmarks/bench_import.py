#!/usr/bin/env python3
"""`import contacts` of 1,000 to 100,000 rows, and two hostile files, as the officer runs it.

    .venv/bin/python benchmarks/bench_import.py                 # this tree
    .venv/bin/python benchmarks/bench_import.py --src /tmp/old  # another tree, same machine

Each import runs the real command line in a child process on a fresh migrated
database (one organisation for ten contacts, every contact with an e-mail);
wall time and the child's peak resident memory (wait4's ru_maxrss) are
printed with the ratio of time per row to the 1,000-row import's. Runs
``--runs`` times per size (median). ``--hostile`` also times the 1 GB-inflating
workbook and the CSV line of a million separators built by tests/hostile_files.py.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def write_contacts(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["Civilité", "Nom", "Prénom", "Entreprise", "Fonction", "E-mail"])
        for i in range(count):
            writer.writerow(
                [
                    "Mme" if i % 2 else "M.",
                    f"Müller-{i:06d}",
                    f"Anaïs{i % 97}",
                    f"Fonderie d'Alsace n°{i // 10}",
                    "Responsable qualité",
                    f"contact{i}@exemple-{i % 50}.fr",
                ]
            )


def run(src: Path, database: Path, *args: str, timeout: float) -> tuple[float, float, int, str]:
    """(seconds, peak RSS in MB, exit code, last line of stderr) of one command."""
    env = dict(os.environ, PYTHONPATH=str(src), QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "resilian_desktop", "--db", str(database), *args]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.05)
        elapsed = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        lines = errors.read().decode("utf-8", "replace").strip().splitlines()
    return elapsed, usage.ru_maxrss / 1024, child.returncode, lines[-1] if lines else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--src", type=Path, default=ROOT, help="source tree to run")
    parser.add_argument("--sizes", default="1000,10000,30000,100000")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=900, help="seconds per import")
    parser.add_argument("--hostile", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    print(f"source: {args.src}")
    base_per_row = None
    for size in (int(s) for s in args.sizes.split(",")):
        source = work / f"contacts-{size}.csv"
        write_contacts(source, size)
        times, peaks = [], []
        for attempt in range(args.runs):
            database = work / f"db-{size}-{attempt}.sqlite"
            seconds, peak, code, last = run(
                args.src, database, "import", "contacts", str(source), timeout=args.timeout
            )
            if code != 0:
                print(f"{size:>7} rows: exit {code} after {seconds:.1f} s ({last})")
                break
            times.append(seconds)
            peaks.append(peak)
        if not times:
            continue
        median = statistics.median(times)
        per_row = median / size
        base_per_row = base_per_row or per_row
        print(
            f"{size:>7} rows: {median:7.1f} s  peak {max(peaks):6.0f} MB  "
            f"time per row x{per_row / base_per_row:.2f} of the first size"
        )
    if args.hostile:
        from tests.hostile_files import million_separator_csv, shared_strings_bomb

        database = work / "hostile.sqlite"
        for name, build in (
            ("workbook inflating to 1 GB", shared_strings_bomb),
            ("CSV line of a million separators", million_separator_csv),
        ):
            path = build(work)
            seconds, peak, code, last = run(
                args.src, database, "import", "contacts", str(path), timeout=args.timeout
            )
            megabytes = path.stat().st_size / 1e6
            print(f"{name} ({megabytes:.2f} MB): exit {code}, {seconds:.1f} s, peak {peak:.0f} MB")
            print(f"    {last[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
