"""The proof the funders need: erasing people on request leaves the period
report's figures identical (exported before and after, compared)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Attendance
from resilian_desktop.demo import generate_demo
from resilian_desktop.documents.period_report.build import export_period_report
from resilian_desktop.services.privacy import erase_contact
from resilian_desktop.services.stats import Period

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)

TODAY = dt.date(2026, 6, 15)
PERIOD = Period(dt.date(2023, 6, 1), dt.date(2026, 6, 15))
PERSONAL_COLUMNS = {"Nom", "Prénom", "Fonction (ce jour-là)", "Pilote"}


def sheets(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(path, read_only=True)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}
    finally:
        book.close()


def without_personal_columns(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    header = rows[0]
    keep = [i for i, name in enumerate(header) if name not in PERSONAL_COLUMNS]
    return sorted(
        (tuple(row[i] if i < len(row) else None for i in keep) for row in rows[1:]), key=repr
    )


def test_erasing_contacts_leaves_the_period_report_identical(db: Database, tmp_path: Path) -> None:
    generate_demo(db, scale=1, today=TODAY)
    with db.read() as session:
        busiest = [
            person_id
            for person_id, _ in session.execute(
                select(Attendance.person_id, func.count())
                .group_by(Attendance.person_id)
                .order_by(func.count().desc(), Attendance.person_id)
                .limit(5)
            )
        ]
    before_path = tmp_path / "avant.xlsx"
    after_path = tmp_path / "apres.xlsx"
    export_period_report(db, PERIOD, before_path, today=TODAY)
    for person_id in busiest:
        erase_contact(db, person_id)
    export_period_report(db, PERIOD, after_path, today=TODAY)

    before, after = sheets(before_path), sheets(after_path)
    assert before.keys() == after.keys()
    # Every figure identical; only the erased people's names and job titles are gone.
    assert after["Synthèse"] == before["Synthèse"]
    for title in set(before) - {"Synthèse"}:
        assert len(after[title]) == len(before[title]), title
        assert without_personal_columns(after[title]) == without_personal_columns(before[title])
    summary = [row for row in before["Synthèse"] if len(row) >= 2 and isinstance(row[1], int)]
    assert len(summary) >= 8  # the figures really are there to compare
