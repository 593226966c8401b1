"""`demo --scale N` with row versions and authors (revision 0009_row_versions)
beside its baseline, in the same run (medians): the same command run from a
checkout of the code before them (``--baseline``, e.g. made by
``git archive 8751ea1 | tar -x -C /tmp/before``), alternately, each into a new
database file. The demo writes by bulk inserts that name neither version nor
authors: the columns' defaults fill them.

    .venv/bin/python benchmarks/bench_demo_versions.py --baseline /tmp/before \\
        [--scale 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_demo(source: Path, database: Path, scale: int) -> float:
    environment = {
        **os.environ,
        "PYTHONPATH": str(source),
        "RESILIAN_DATA_DIR": str(database.parent / "data"),
    }
    command = [
        sys.executable,
        "-m",
        "resilian_desktop",
        "--db",
        str(database),
        "demo",
        "--scale",
        str(scale),
    ]
    start = time.perf_counter()
    subprocess.run(command, env=environment, check=True, capture_output=True, cwd=source)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", type=Path, required=True, help="checkout of the code before")
    parser.add_argument("--scale", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    now, before = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(args.repeat):
            before.append(
                run_demo(args.baseline, folder / f"before-{i}" / "demo.sqlite", args.scale)
            )
            now.append(run_demo(ROOT, folder / f"now-{i}" / "demo.sqlite", args.scale))
            print(
                f"run {i + 1}: before {before[-1]:.1f} s, with versions {now[-1]:.1f} s", flush=True
            )
    a, b = statistics.median(now), statistics.median(before)
    print(
        f"demo --scale {args.scale}, with versions and authors: {a:.1f} s (median of {args.repeat})"
    )
    print(f"demo --scale {args.scale}, before (baseline):            {b:.1f} s")
    print(f"ratio: x{a / b:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
