"""The documents moved into resilian_desktop/documents/ print what they printed before.

The fixtures were captured from the code before the move (tests/document_texts.py);
the same demo network is written again through the new entry points and read
back as text. The one intended change: the PDFs write their long
dates as every document now does ("mardi 17 novembre 2026" instead of
"mardi 17/11/2026"), so the old fixtures' dates are rewritten that way first.
The roadmap fixtures were captured again after issue 14 changed its layout on
purpose (late and due-soon actions on page 1, done actions condensed after the
open ones, the timeline on a page of its own).
Since then, the personal data export lists the person's signatures (issue 16):
an empty list and an empty "Signatures" sheet in these fixtures.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

import pytest

from resilian_desktop.db.engine import Database
from resilian_desktop.domain.formats import long_date
from tests.document_texts import FIXTURES, stable_texts

NAMES = ("roadmap-1", "roadmap-2", "agenda", "minutes", "report", "person-xlsx", "person-json")
_OLD_LONG_DATE = re.compile(
    r"\b(Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche) (\d{2})/(\d{2})/(\d{4})"
)


def _new_long_dates(text: str) -> str:
    def rewrite(match: re.Match[str]) -> str:
        day = dt.date(int(match[4]), int(match[3]), int(match[2]))
        return long_date(day).capitalize()

    return _OLD_LONG_DATE.sub(rewrite, text)


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    from resilian_desktop.db.storage import open_database

    folder: Path = tmp_path_factory.mktemp("documents")
    db: Database = open_database(folder / "demo.sqlite", backup_dir=folder / "backups")
    try:
        return stable_texts(db, folder)
    finally:
        db.dispose()


@pytest.mark.parametrize("name", NAMES)
def test_the_document_prints_what_it_printed_before_the_move(
    texts: dict[str, str], name: str
) -> None:
    before = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n")
    if name.startswith(("roadmap", "agenda", "minutes")):
        before = _new_long_dates(before)
    after = texts[name].rstrip("\n")
    diff = "\n".join(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm=""))
    assert after == before, f"{name} changed:\n{diff[:4000]}"


def test_the_fixtures_hold_real_documents() -> None:
    # Guards the comparison against empty or truncated fixtures.
    minutes = (FIXTURES / "minutes.txt").read_text(encoding="utf-8")
    assert "Compte rendu" in minutes and "Relevé de décisions" in minutes
    report = (FIXTURES / "report.txt").read_text(encoding="utf-8")
    assert "## Synthèse" in report and "## Présences" in report
    assert "Feuille de route" in (FIXTURES / "roadmap-1.txt").read_text(encoding="utf-8")
