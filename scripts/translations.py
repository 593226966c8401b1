#!/usr/bin/env python3
"""Refresh the Qt Linguist sources and compile them.

    .venv/bin/python scripts/translations.py     # lupdate then lrelease

Edit resources/translations/*.ts with Qt Linguist (pyside6-linguist), then run
this again; the compiled .qm files are committed so a checkout runs as is.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fr", "en")
# English is the source language: its catalogue holds only the plural forms
# ("%n record(s)" -> "1 record" / "92 records").
LUPDATE_OPTIONS = {"en": ["-pluralonly"]}
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    qt = ROOT / "resilian_desktop" / "qt"
    files = [p for p in qt.rglob("*.py") if "forms" not in p.parts]
    files += [ROOT / "resilian_desktop" / "app.py"]
    files += list((ROOT / "ui").glob("*.ui"))
    return [str(p.relative_to(ROOT)) for p in sorted(files)]


def main() -> int:
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"resilian_{language}.ts"
        subprocess.run(
            [
                str(BIN / "pyside6-lupdate"),
                "-no-obsolete",
                *LUPDATE_OPTIONS.get(language, []),
                *sources(),
                "-ts",
                str(ts),
            ],
            check=True,
            cwd=ROOT,
        )
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
            cwd=ROOT,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
