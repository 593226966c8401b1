#!/usr/bin/env python3
"""Build the one-folder bundle from build.spec, then run its self-test.

    .venv/bin/python scripts/build_bundle.py [--dist DIR] [--skip-build]

Exit code 0 only when the bundle was built and its self-test passed. Prints
the bundle's size. The same command builds on Windows and macOS (run it with
that platform's Python; PyInstaller does not cross-compile).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "RESILIAN-Desktop"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--skip-build", action="store_true", help="test an existing bundle")
    args = parser.parse_args()
    bundle = args.dist / APP_NAME
    if not args.skip_build:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--log-level",
                "WARN",
                "--distpath",
                str(args.dist),
                "--workpath",
                str(args.work),
                str(ROOT / "build.spec"),
            ],
            check=True,
            cwd=ROOT,
        )
    suffix = ".exe" if os.name == "nt" else ""
    launcher = bundle / f"{APP_NAME}-cli{suffix}"
    if sys.platform == "darwin" and not launcher.exists():
        launcher = args.dist / f"{APP_NAME}.app" / "Contents" / "MacOS" / f"{APP_NAME}-cli"
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.0f} MB)", flush=True)
    with tempfile.TemporaryDirectory() as home:
        # A clean user folder, and no source tree on the path: only the bundle runs.
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "RESILIAN_DB")}
        env["RESILIAN_DATA_DIR"] = home
        result = subprocess.run([str(launcher), "--self-test"], env=env, cwd=home, check=False)
        print(f"self-test in the bundle: {'passed' if result.returncode == 0 else 'FAILED'}")
        if result.returncode != 0:
            return result.returncode
        # A large demo runs its generator in a second process: the frozen
        # executable must start that process (multiprocessing.freeze_support).
        demo = subprocess.run(
            [str(launcher), "--db", str(Path(home) / "scaled.sqlite"), "demo", "--scale", "20"],
            env=env,
            cwd=home,
            check=False,
            timeout=600,
        )
    print(f"demo --scale 20 in the bundle: {'passed' if demo.returncode == 0 else 'FAILED'}")
    return demo.returncode


if __name__ == "__main__":
    sys.exit(main())
