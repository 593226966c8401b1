"""The funders' period report: the dashboard's figures, detail that adds up to them,
real Excel types, print settings, streaming in bounded memory."""

from __future__ import annotations

import datetime as dt
import gc
import tempfile
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from resilian_desktop.db.engine import Database
from resilian_desktop.documents.period_report.build import export_period_report
from resilian_desktop.documents.period_report.xlsx import (
    ATTENDANCE_COLUMNS,
    MEETING_COLUMNS,
    ORGANISATION_COLUMNS,
    TASKFORCE_COLUMNS,
    ExportCancelled,
    write_period_report,
)
from resilian_desktop.domain.errors import NotFoundError
from resilian_desktop.services import meetings
from resilian_desktop.services.reports import (
    AttendanceLine,
    MeetingLine,
    OrganisationLine,
    PeriodReport,
    Table,
    TaskforceLine,
    open_period_report,
    summary_indicators,
)
from resilian_desktop.services.stats import Period, period_figures
from tests import factories as f
from tests.attendance_network import network

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)

YEAR = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
TODAY = dt.date(2026, 10, 1)


def _table(ws: Worksheet) -> list[dict[str, Any]]:
    rows = list(ws.iter_rows(values_only=True))
    headers = rows[0]
    return [dict(zip(headers, row, strict=True)) for row in rows[1:]]


def _summary(ws: Worksheet) -> dict[str, Any]:
    values: dict[str, Any] = {}
    started = False
    for label, value, *_ in ws.iter_rows(values_only=True):
        if label == "Indicateur":
            started = True
        elif started and label:
            values[str(label).strip()] = value
    return values


@pytest.fixture
def report_path(db: Database, tmp_path: Path) -> Path:
    ids = network(db)
    # Another year, another programme: neither is in the report of the programme's 2026.
    f.meeting(db, ids["programme"], title="L'an dernier", date=dt.date(2025, 4, 2), status="held")
    other = f.programme(db, "Innovation alimentaire")
    f.meeting(db, other.id, title="=cmd|' /C calc'!A0", date=dt.date(2026, 4, 2), status="held")
    return export_period_report(
        db,
        Period(YEAR.date_from, YEAR.date_to, ids["programme"]),
        tmp_path / "rapport.xlsx",
        today=TODAY,
    )


def test_sheets_and_summary_match_the_dashboard(db: Database, report_path: Path) -> None:
    book = load_workbook(report_path)
    assert book.sheetnames == ["Synthèse", "Réunions", "Présences", "Structures", "Taskforces"]
    summary = _summary(book["Synthèse"])
    figures = period_figures(db, Period(YEAR.date_from, YEAR.date_to, 1), today=TODAY)
    assert summary["Réunions tenues"] == figures.meetings_held == 1
    assert summary["dont Business corner"] == 1
    assert summary["Demi-journées d'animation"] == figures.half_days == 2
    assert summary["Participations"] == figures.participations == 5
    assert summary["Présences en demi-journées"] == figures.person_half_days == 9
    assert summary["Personnes distinctes"] == figures.distinct_people
    assert summary["Structures distinctes"] == figures.distinct_organisations == 4
    assert summary["Entreprises accompagnées"] == figures.companies_supported == 2
    assert summary["Élus rencontrés"] == figures.elected_officials == 1
    assert summary["Taskforces actives"] == figures.taskforces_active == 1
    assert summary["Actions réalisées"] == figures.actions_done == 1
    for indicator in summary_indicators(figures):
        assert summary[indicator.label] == indicator.value
        assert isinstance(summary[indicator.label], int)
    texts = [c for row in book["Synthèse"].iter_rows(values_only=True) for c in row if c]
    assert "Période du 01/01/2026 au 31/12/2026" in texts


def test_detail_sheets_add_up_to_the_summary(db: Database, report_path: Path) -> None:
    book = load_workbook(report_path)
    figures = period_figures(db, Period(YEAR.date_from, YEAR.date_to, 1), today=TODAY)
    meetings_rows = _table(book["Réunions"])
    assert len(meetings_rows) == figures.meetings_held
    assert sum(r["Présents"] for r in meetings_rows) == figures.participations
    assert sum(r["Demi-journées"] for r in meetings_rows) == figures.half_days
    assert sum(r["Présences en demi-journées"] for r in meetings_rows) == figures.person_half_days
    attendance = _table(book["Présences"])
    present = [r for r in attendance if r["Statut"] == "Présent"]
    assert len(attendance) == 7 and len(present) == figures.participations
    assert sum(r["Demi-journées de présence"] for r in attendance) == figures.person_half_days
    assert len({r["N° contact"] for r in present}) == figures.distinct_people
    organisations = _table(book["Structures"])
    active = [r for r in organisations if r["Réunions"]]
    assert len(active) == figures.distinct_organisations
    companies = [r for r in active if r["Type"] == "Entreprise industrielle"]
    assert len(companies) == figures.companies_supported
    assert sum(r["Participations"] for r in organisations) == figures.participations
    taskforce_rows = _table(book["Taskforces"])
    assert len(taskforce_rows) == figures.taskforces_active + figures.taskforces_closed


def test_rows_carry_real_excel_types(report_path: Path) -> None:
    book = load_workbook(report_path)
    meeting = _table(book["Réunions"])[0]
    assert meeting["Date"] == dt.datetime(2026, 3, 12)
    assert (meeting["Début"], meeting["Fin"]) == (dt.time(9), dt.time(16, 30))
    assert meeting["Durée (h)"] == 7.5
    assert meeting["Titre"] == "Business corner — Lean & 5S"
    assert meeting["Type"] == "Business corner"
    assert (meeting["Inscrits"], meeting["Absents"], meeting["Excusés"]) == (7, 1, 1)
    cells = {c.column_letter: c for c in book["Réunions"][2]}
    assert cells["A"].is_date and cells["A"].number_format == "DD/MM/YYYY"
    assert cells["B"].number_format == "HH:MM" and cells["D"].data_type == "n"
    by_name = {r["Nom"]: r for r in _table(book["Présences"])}
    adam = by_name["Adam"]
    assert (adam["Matin"], adam["Après-midi"], adam["Demi-journées de présence"]) == (1, 0, 1)
    assert by_name["Ébert"]["Statut"] == "Excusé"
    assert by_name["Ritter"]["Rôle"] == "Organisateur"
    assert by_name["Adam"]["Structure (ce jour-là)"] == "Plasturgie Sauer & Fils"
    taskforce = _table(book["Taskforces"])[0]
    assert taskforce["Début"] == dt.datetime(2026, 2, 1)
    assert taskforce["Avancement moyen"] == pytest.approx(0.7)  # (100 + 40) / 2
    progress_cell = next(
        c for c in book["Taskforces"][2] if c.value == taskforce["Avancement moyen"]
    )
    assert progress_cell.number_format == "0%"
    organisation = next(r for r in _table(book["Structures"]) if r["Structure"].startswith("Fond"))
    assert organisation["SIRET"] == f.SIRET_A  # an identifier stays text
    assert (organisation["Réunions"], organisation["Taskforces"]) == (1, 1)


def test_sheets_are_frozen_filtered_sized_and_print(report_path: Path) -> None:
    book = load_workbook(report_path)
    for name, columns in (
        ("Réunions", MEETING_COLUMNS),
        ("Présences", ATTENDANCE_COLUMNS),
        ("Structures", ORGANISATION_COLUMNS),
        ("Taskforces", TASKFORCE_COLUMNS),
    ):
        ws = book[name]
        assert [c.value for c in ws[1]] == [c.header for c in columns]
        assert ws.freeze_panes == "A2"
        assert (
            ws.auto_filter.ref
            == f"A1:{ws.cell(row=1, column=len(columns)).column_letter}{ws.max_row}"
        )
        assert all(ws.column_dimensions[c.column_letter].width >= 7 for c in ws[1])
        assert ws.print_title_rows == "$1:$1"
        assert ws.page_setup.orientation == "landscape"
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws[1][0].font.b


def test_sheets_print_legibly_on_a4(report_path: Path) -> None:
    """Landscape, fitted to the width at a readable scale, the header tall enough
    for its wrapped titles; secondary columns folded away from print but kept."""
    book = load_workbook(report_path)
    assert book["Synthèse"].page_setup.orientation == "landscape"
    for name, columns in (
        ("Réunions", MEETING_COLUMNS),
        ("Présences", ATTENDANCE_COLUMNS),
        ("Structures", ORGANISATION_COLUMNS),
        ("Taskforces", TASKFORCE_COLUMNS),
    ):
        ws = book[name]
        assert [c.value for c in ws[1]] == [c.header for c in columns]  # every data column
        printed, widest_title = 0.0, 1
        for cell, column in zip(ws[1], columns, strict=True):
            dimension = ws.column_dimensions[cell.column_letter]
            assert dimension.hidden == (not column.printed), (name, column.header)
            if not column.printed:
                assert dimension.outline_level == 1  # one click unfolds it on screen
                continue
            printed += dimension.width
            # No word of a header is wider than its column (bold letters ~ 1 unit, padding).
            longest = max(len(word) for word in column.header.split())
            assert longest + 1.5 <= dimension.width, (name, column.header)
            words_per_line = dimension.width - 1.5
            widest_title = max(widest_title, -(-len(column.header) // int(words_per_line)))
        # About 150 width units print at 100 % across landscape A4: 200 is 75 %.
        assert printed <= 200, (name, printed)
        if not all(c.printed for c in columns):
            assert ws.sheet_format.outlineLevelCol == 1  # Excel's "+" above the columns
        assert ws.row_dimensions[1].height >= 13 * widest_title, name
    meetings = book["Réunions"]
    shown = [c.value for c in meetings[1] if not meetings.column_dimensions[c.column_letter].hidden]
    for needed in ("Date", "Titre", "Taskforce", "Lieu", "Inscrits", "Présents"):
        assert needed in shown
    # Headers of two lines or more (the taskforces' ones overlapped the first row).
    assert book["Taskforces"].row_dimensions[1].height >= 26


def test_columns_follow_the_rows_fields() -> None:
    for columns, line in (
        (MEETING_COLUMNS, MeetingLine),
        (ATTENDANCE_COLUMNS, AttendanceLine),
        (ORGANISATION_COLUMNS, OrganisationLine),
        (TASKFORCE_COLUMNS, TaskforceLine),
    ):
        assert len(columns) == len(line._fields)


def test_programmes_are_filtered_and_unknown_ones_refused(db: Database, tmp_path: Path) -> None:
    network(db)
    other = f.programme(db, "Innovation alimentaire")
    f.meeting(db, other.id, title="=cmd|' /C calc'!A0", date=dt.date(2026, 4, 2), status="held")
    everything = export_period_report(db, YEAR, tmp_path / "all.xlsx", today=TODAY)
    rows = _table(load_workbook(everything)["Réunions"])
    assert [r["Titre"] for r in rows] == ["Business corner — Lean & 5S", "=cmd|' /C calc'!A0"]
    title = load_workbook(everything)["Réunions"]["F3"]
    assert title.data_type == "s" and title.value.startswith("=")
    with pytest.raises(NotFoundError):
        export_period_report(db, Period(YEAR.date_from, YEAR.date_to, 99), tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_empty_period_gives_headers_only(db: Database, tmp_path: Path) -> None:
    network(db)
    target = export_period_report(
        db, Period(dt.date(2030, 1, 1), dt.date(2030, 1, 31)), tmp_path / "vide.xlsx"
    )
    book = load_workbook(target)
    assert book["Réunions"].max_row == 1
    assert book["Réunions"].auto_filter.ref == "A1:T1"
    assert _summary(book["Synthèse"])["Réunions tenues"] == 0


def test_a_table_longer_than_a_sheet_goes_on(db: Database, tmp_path: Path) -> None:
    network(db)
    with open_period_report(db, YEAR, today=TODAY) as report:
        target = write_period_report(report, tmp_path / "long.xlsx", max_rows=4)
    book = load_workbook(target)
    assert book.sheetnames == [
        "Synthèse",
        "Réunions",
        "Présences",
        "Présences (2)",
        "Présences (3)",
        "Structures",
        "Structures (2)",
        "Taskforces",
    ]
    rows = _table(book["Présences"]) + _table(book["Présences (2)"]) + _table(book["Présences (3)"])
    assert len(rows) == 7
    assert book["Présences (3)"].auto_filter.ref == "A1:N2"
    notes = [c for row in book["Synthèse"].iter_rows(values_only=True) for c in row if c]
    assert any("« Présences (3) »" in str(c) for c in notes)


def _temporary_files() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("openpyxl.*")}


def test_cancelling_leaves_no_file(db: Database, tmp_path: Path) -> None:
    network(db)
    before = _temporary_files()
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        raise ExportCancelled

    target = tmp_path / "annule.xlsx"
    with pytest.raises(ExportCancelled):
        export_period_report(db, YEAR, target, progress=progress)
    assert calls and not target.exists()
    assert list(tmp_path.glob("*.xlsx")) == []
    assert _temporary_files() <= before


def test_progress_reaches_the_total(db: Database, tmp_path: Path) -> None:
    network(db)
    calls: list[tuple[int, int]] = []
    export_period_report(db, YEAR, tmp_path / "r.xlsx", progress=lambda d, t: calls.append((d, t)))
    total = calls[-1][1]
    assert calls[-1] == (total, total)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def _synthetic(rows: int) -> PeriodReport:
    """A report whose attendance table is a generator of *rows* rows, nothing in memory."""
    figures = period_figures_stub()

    def attendance() -> Iterator[AttendanceLine]:
        for i in range(rows):
            yield AttendanceLine(
                dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
                f"Réunion {i % 997}",
                "Business corner",
                f"Nom{i}",
                f"Prénom{i % 500}",
                f"Structure {i % 311}",
                "Directeur",
                "Participant",
                "Présent",
                1,
                None,
                1,
                i // 10,
                i,
            )

    return PeriodReport(
        YEAR.date_from,
        YEAR.date_to,
        None,
        None,
        None,
        None,
        None,
        TODAY,
        figures,
        summary_indicators(figures),
        Table(iter(()), 0),
        Table(attendance(), rows),
        Table(iter(()), 0),
        Table(iter(()), 0),
    )


def period_figures_stub() -> Any:
    from resilian_desktop.services.stats import PeriodFigures

    return PeriodFigures(YEAR, TODAY, 0, {}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)


def _peak_bytes(rows: int, target: Path) -> int:
    report = _synthetic(rows)
    gc.collect()
    tracemalloc.start()
    try:
        write_period_report(report, target)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_streaming_memory_does_not_grow_with_the_rows(tmp_path: Path) -> None:
    small = _peak_bytes(1_000, tmp_path / "small.xlsx")
    large = _peak_bytes(6_000, tmp_path / "large.xlsx")
    # Six times the rows, the same peak (about 0.5 MB here): rows are written
    # as they come and openpyxl write-only keeps no cell in memory. Holding the
    # rows would add some 400 bytes each.
    assert large < small * 1.3 + 500_000, (small, large)
    sheet = load_workbook(tmp_path / "large.xlsx", read_only=True)["Présences"]
    assert sum(1 for _ in sheet.iter_rows(values_only=True)) == 6_001


def test_meeting_attendance_set_after_the_report_is_not_in_it(db: Database, tmp_path: Path) -> None:
    ids = network(db)
    with open_period_report(db, YEAR, today=TODAY) as report:
        # The report reads one transaction: a change made meanwhile does not mix in.
        meetings.set_attendance(db, ids["held"], [ids["anna"]], status="absent")
        target = write_period_report(report, tmp_path / "snapshot.xlsx")
    rows = _table(load_workbook(target)["Présences"])
    assert next(r for r in rows if r["Nom"] == "Zimmer")["Statut"] == "Présent"
