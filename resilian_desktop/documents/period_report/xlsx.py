"""The funders' period report as one workbook, streamed (openpyxl write-only).

Sheets: "Synthèse" (the dashboard's figures with their definitions), then
"Réunions", "Présences", "Structures" and "Taskforces", one row per record with
real Excel types. The detail rows are consumed as they come from the
database, so a report of a million attendance rows is written in bounded
memory. The data has the shape of model.PeriodReportData (services.reports.PeriodReport).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from resilian_desktop.documents.files import atomic_output
from resilian_desktop.documents.period_report.model import PeriodReportData as PeriodReport
from resilian_desktop.documents.progress import ExportCancelled, Progress
from resilian_desktop.documents.xlsx_parts.cells import safe_text, stream_value
from resilian_desktop.documents.xlsx_parts.stream import (
    EXCEL_MAX_ROWS,
    HEADER_FILL,
    HEADER_FONT,
    Column,
    _Counter,
    print_setup,
    write_table,
)
from resilian_desktop.domain.formats import short_date

__all__ = [
    "ATTENDANCE_COLUMNS",
    "MEETING_COLUMNS",
    "ORGANISATION_COLUMNS",
    "TASKFORCE_COLUMNS",
    "ExportCancelled",
    "write_period_report",
]

SUMMARY_TITLE = "Synthèse"
MEETINGS_TITLE = "Réunions"
ATTENDANCES_TITLE = "Présences"
ORGANISATIONS_TITLE = "Structures"
TASKFORCES_TITLE = "Taskforces"

# Columns in the order of the fields of services.reports.MeetingLine, etc.
# (a test checks that both lists agree). Each sheet prints landscape, fitted to
# the page's width: the widths below keep the printed columns at 75 % or more of
# their size. Columns marked printed=False (identifiers, figures another column
# gives or that follow from others, the programme the report is usually filtered
# on) are folded away: still there for filtering, one click away on screen.
MEETING_COLUMNS = (
    Column("Date", "date", 11),
    Column("Début", "time", 7),
    Column("Fin", "time", 7),
    Column("Durée (h)", "hours", 9, printed=False),  # from Début and Fin
    Column("Type", width=18),
    Column("Titre", width=40),
    Column("Programme", width=28, printed=False),
    Column("Taskforce", width=26),
    Column("Lieu", width=24),
    Column("Structure d'accueil", width=22),
    Column("Thématiques", width=24, printed=False),
    Column("Demi-journées", "int", 9, printed=False),
    Column("Inscrits", "int", 10),
    Column("Présents", "int", 10),
    Column("Absents", "int", 9, printed=False),  # inscrits less présents and excusés
    Column("Excusés", "int", 9, printed=False),
    Column("Structures représentées", "int", 14),
    Column("Présences en demi-journées", "int", 15, printed=False),
    Column("Preuve de présence", width=11),
    Column("N° réunion", "int", 10, printed=False),
)
ATTENDANCE_COLUMNS = (
    Column("Date", "date", 11),
    Column("Réunion", width=38),
    Column("Type", width=18),
    Column("Nom", width=18),
    Column("Prénom", width=15),
    Column("Structure (ce jour-là)", width=28),
    Column("Fonction (ce jour-là)", width=22),
    Column("Rôle", width=13),
    Column("Statut", width=10),
    Column("Matin", "int", 8),
    Column("Après-midi", "int", 12),
    Column("Demi-journées de présence", "int", 15, printed=False),  # Matin plus Après-midi
    Column("N° réunion", "int", 10, printed=False),
    Column("N° contact", "int", 10, printed=False),
)
ORGANISATION_COLUMNS = (
    Column("Structure", width=36),
    Column("Type", width=22),
    Column("SIRET", width=16),
    Column("Code postal", width=9),
    Column("Commune", width=20),
    Column("Réunions", "int", 10),
    Column("Personnes", "int", 11),
    Column("Participations", "int", 16),
    Column("Présences en demi-journées", "int", 15),
    Column("Taskforces", "int", 12),
    Column("N° structure", "int", 11, printed=False),
)
TASKFORCE_COLUMNS = (
    Column("Taskforce", width=36),
    Column("Statut", width=10),
    Column("Structure pilote", width=26),
    Column("Pilote", width=20),
    Column("Début", "date", 11),
    Column("Fin", "date", 11),
    Column("Membres", "int", 10),
    Column("Réunions dans la période", "int", 11),
    Column("Actions", "int", 9),
    Column("Actions faites", "int", 9),
    Column("Actions ouvertes", "int", 10),
    Column("Actions en retard", "int", 9),
    Column("Faites dans la période", "int", 10),
    Column("Avancement moyen", "percent", 12),
    Column("N° taskforce", "int", 11, printed=False),
)

_TITLE_FONT = Font(name="Arial", bold=True, size=14)
_BOLD = Font(name="Arial", bold=True, size=10)
_PLAIN = Font(name="Arial", size=10)
_NOTE = Font(name="Arial", italic=True, size=9)
_WRAP = Alignment(wrap_text=True, vertical="top")


def _styled(sheet: WriteOnlyWorksheet, value: object, font: Font, **kw: object) -> object:
    converted: Any = stream_value(sheet, value)
    cell = converted if isinstance(converted, Cell) else WriteOnlyCell(sheet, converted)
    cell.font = font
    for name, setting in kw.items():
        setattr(cell, name, setting)
    return cell


def _period_label(report: PeriodReport) -> str:
    return f"du {short_date(report.date_from)} au {short_date(report.date_to)}"


def _footer(report: PeriodReport) -> str:
    parts = [f"Rapport d'activité {_period_label(report)}"]
    if report.funding_mention:
        parts.append(report.funding_mention)
    return " — ".join(parts)


def _write_summary(workbook: Workbook, report: PeriodReport, sheets: dict[str, list[str]]) -> None:
    sheet: Any = workbook.create_sheet(SUMMARY_TITLE)  # write-only: see stream._new_sheet
    for letter, width in zip("ABC", (46, 12, 90), strict=True):
        sheet.column_dimensions[letter].width = width
    # Landscape: the definitions' column is wide, and printed at full size.
    print_setup(sheet, _footer(report))
    title = "Rapport d'activité"
    if report.programme_name:
        title += f" — {report.programme_name}"
    sheet.append([_styled(sheet, title, _TITLE_FONT)])
    sheet.append([_styled(sheet, f"Période {_period_label(report)}", _BOLD)])
    facts = [
        ("Programme", report.programme_name or "Tous les programmes"),
        ("Organisateur", report.agency_name),
        ("Référence de l'opération", report.operation_reference),
        ("Édité le", report.generated_on),
    ]
    for label, value in facts:
        if value is None:
            continue
        cells = [_styled(sheet, label, _BOLD)]
        if label == "Édité le":
            cells.append(_styled(sheet, value, _PLAIN, number_format="DD/MM/YYYY"))
        else:
            cells.append(_styled(sheet, value, _PLAIN))
        sheet.append(cells)
    if report.funding_mention:
        sheet.append([_styled(sheet, report.funding_mention, _NOTE)])
    sheet.append([])
    sheet.append(
        [
            _styled(sheet, text, HEADER_FONT, fill=HEADER_FILL)
            for text in ("Indicateur", "Valeur", "Définition")
        ]
    )
    for indicator in report.indicators:
        label = ("    " * indicator.level) + indicator.label
        sheet.append(
            [
                _styled(sheet, label, _PLAIN if indicator.level else _BOLD),
                _styled(sheet, indicator.value, _PLAIN, number_format="#,##0"),
                _styled(sheet, indicator.definition, _NOTE, alignment=_WRAP),
            ]
        )
    sheet.append([])
    # Two short lines rather than one long one, which would run past the
    # printed columns and shrink the whole page to fit it.
    for note in (
        "Les feuilles suivantes donnent le détail de ces chiffres : "
        + ", ".join(f"« {name} »" for titles in sheets.values() for name in titles)
        + ".",
        "Seules les réunions au statut « tenue » sont comptées ; les structures "
        "et fonctions sont celles du jour de chaque réunion.",
    ):
        sheet.append([_styled(sheet, note, _NOTE)])


def _planned_titles(report: PeriodReport, max_rows: int) -> dict[str, list[str]]:
    """Names the detail sheets will have, for the summary (written first) to list."""
    tables = {
        MEETINGS_TITLE: report.meetings.count,
        ATTENDANCES_TITLE: report.attendances.count,
        ORGANISATIONS_TITLE: report.organisations.count,
        TASKFORCES_TITLE: report.taskforces.count,
    }
    per_sheet = max_rows - 1
    titles = {}
    for title, count in tables.items():
        parts = max(1, -(-count // per_sheet))
        titles[title] = [title] + [f"{title} ({n})" for n in range(2, parts + 1)]
    return titles


def write_period_report(
    report: PeriodReport,
    target: Path,
    *,
    progress: Progress | None = None,
    max_rows: int = EXCEL_MAX_ROWS,
) -> Path:
    """Write *report* to *target* (.xlsx) through a temporary file; returns *target*.

    *progress* is called with (rows written, rows in all); raising
    ExportCancelled from it stops the export and leaves no file.
    *max_rows* (rows per sheet, header included) is Excel's limit; tests lower it.
    """
    workbook = Workbook(write_only=True)
    try:
        _write_sheets(workbook, report, progress, max_rows)
        with atomic_output(target) as partial:
            workbook.save(partial)
    except BaseException:
        _discard(workbook)
        raise
    return target


def _discard(workbook: Workbook) -> None:
    """Remove the temporary files of an unfinished write-only workbook now, not at exit."""
    for sheet in workbook.worksheets:
        # Private openpyxl state: each write-only sheet streams its rows through a
        # generator into a temporary file. The generator is closed first (it
        # ends the XML element it is in), then the file's writer, then the file
        # is deleted; whatever closing raises, the point is only the deletion.
        rows = getattr(sheet, "_rows", None)
        writer = getattr(sheet, "_writer", None)
        if rows is not None:
            with contextlib.suppress(Exception):
                rows.close()
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.close()
            with contextlib.suppress(Exception):
                writer.cleanup()


def _write_sheets(
    workbook: Workbook, report: PeriodReport, progress: Progress | None, max_rows: int
) -> None:
    workbook.properties.title = safe_text(f"Rapport d'activité {_period_label(report)}")
    workbook.properties.creator = safe_text(report.agency_name or "RESILIAN Desktop")
    counter = _Counter(report.total_rows, progress)
    _write_summary(workbook, report, _planned_titles(report, max_rows))
    footer = _footer(report)
    for title, columns, table in (
        (MEETINGS_TITLE, MEETING_COLUMNS, report.meetings),
        (ATTENDANCES_TITLE, ATTENDANCE_COLUMNS, report.attendances),
        (ORGANISATIONS_TITLE, ORGANISATION_COLUMNS, report.organisations),
        (TASKFORCES_TITLE, TASKFORCE_COLUMNS, report.taskforces),
    ):
        write_table(
            workbook,
            title,
            columns,
            table.rows,
            counter=counter,
            footer=footer,
            max_rows=max_rows,
        )
