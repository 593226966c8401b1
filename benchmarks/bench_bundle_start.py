"""Start time of the bundled application beside a bare PySide6 window bundled
the same way (PyInstaller one-folder), on a virtual X screen, same run, medians.

    .venv/bin/python benchmarks/bench_bundle_start.py --bundle /tmp/resilian-dist/RESILIAN-Desktop

Needs Xvfb and xdotool (Debian: xvfb xdotool). "Started" means the window is
mapped and visible on the screen (xdotool search --sync --onlyvisible).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DISPLAY = ":97"


def build_bare(dist: Path, work: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--onedir",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            "--specpath",
            str(work),
            str(HERE / "bare_window" / "bare_window.py"),
        ],
        check=True,
    )
    return dist / "bare_window" / "bare_window"


def time_to_window(command: list[str], title: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", title],
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )
        return time.perf_counter() - start
    finally:
        process.kill()
        process.wait()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, required=True, help="the RESILIAN-Desktop folder")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    if not shutil.which("Xvfb") or not shutil.which("xdotool"):
        print("needs Xvfb and xdotool")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bare = build_bare(folder / "dist", folder / "build")
        screen = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1600x1000x24"])
        time.sleep(1.0)
        try:
            env = {**os.environ, "DISPLAY": DISPLAY, "QT_QPA_PLATFORM": "xcb"}
            env["RESILIAN_DATA_DIR"] = str(folder / "userdata")
            ours = [str(args.bundle / "RESILIAN-Desktop"), "--demo"]
            time_to_window(ours, "RESILIAN Desktop", env)  # creates the demo database once
            results: dict[str, list[float]] = {"ours": [], "bare": []}
            for _ in range(args.repeat):  # interleaved: both see the same machine load
                results["ours"].append(time_to_window(ours, "RESILIAN Desktop", env))
                results["bare"].append(time_to_window([str(bare)], "Bare PySide6 window", env))
        finally:
            screen.kill()
        size = sum(p.stat().st_size for p in bare.parent.rglob("*") if p.is_file())
        ours_size = sum(p.stat().st_size for p in args.bundle.rglob("*") if p.is_file())
        a, b = statistics.median(results["ours"]), statistics.median(results["bare"])
        print(
            f"bundle size: ours {ours_size / 1e6:.0f} MB, bare PySide6 window {size / 1e6:.0f} MB"
        )
        print(
            f"launch to visible window, median of {args.repeat}: "
            f"ours {a:.2f} s, bare {b:.2f} s, x{a / b:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
