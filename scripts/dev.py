#!/usr/bin/env python3
"""Set up the project's virtual environment and run the application or the tests.

    python3 scripts/dev.py run      # the window, on the demo database
    python3 scripts/dev.py test     # the whole test suite (extra arguments go to pytest)
    python3 scripts/dev.py check    # ruff, mypy and the import contracts, as CI runs them

Idempotent: the .venv is made once and reinstalled only when pyproject.toml
changes. Needs nothing but Python 3.11+ (Windows: py -3 scripts\\dev.py ...).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def ensure_environment() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (runs on any python3, before the venv exists)
        sys.exit(f"Python 3.11 or newer is needed (this is {sys.version.split()[0]})")
    if not PYTHON.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    stamp = VENV / f".installed-{wanted}"
    if stamp.exists():
        return
    print("installing dependencies into .venv (once per change of pyproject.toml)", flush=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "--editable", f"{ROOT}[dev]"],
        check=True,
        cwd=ROOT,
    )
    for old in VENV.glob(".installed-*"):
        old.unlink()
    stamp.touch()


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "check", "setup"}:
        print(__doc__)
        return 2
    ensure_environment()
    command, rest = argv[0], argv[1:]
    if command == "setup":
        return 0
    if command == "run":
        return subprocess.call([str(PYTHON), "-m", "resilian_desktop", "--demo", *rest], cwd=ROOT)
    if command == "test":
        return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT)
    for step in (
        [str(PYTHON), "-m", "ruff", "check", "."],
        [str(PYTHON), "-m", "ruff", "format", "--check", "."],
        [str(PYTHON), "-m", "mypy", "resilian_desktop"],
        # The import contracts of pyproject.toml ([tool.importlinter]).
        [str(BIN / ("lint-imports.exe" if os.name == "nt" else "lint-imports"))],
    ):
        code = subprocess.call(step, cwd=ROOT)
        if code:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
