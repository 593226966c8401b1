"""The workbooks opened by a real spreadsheet program: LibreOffice Calc, headless.

LibreOffice converts each export to PDF (as it prints) or to CSV (as it shows
the cells), and the converted text must hold what the officer expects: dates
shown dd/mm/yyyy, numbers as numbers, text that looks like a formula shown
as typed (a formula would show its result), one A4 page per meeting or more
with the table's header on each.

Debian's package is libreoffice-calc (libreoffice-calc-nogui suffices); CI
installs it. Without it these tests are skipped locally and fail under CI.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from resilian_desktop.db.engine import Database
from resilian_desktop.documents.attendance_sheet.build import attendance_sheet
from resilian_desktop.documents.attendance_sheet.xlsx import write_attendance_workbook
from resilian_desktop.documents.period_report.build import export_period_report
from resilian_desktop.services.stats import Period
from tests.attendance_network import network

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")
TIMEOUT = 180
# Comma-separated, UTF-8, cells as shown (formats applied), every sheet to its own file.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"

if not (SOFFICE and POPPLER):
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (libreoffice-calc) and poppler-utils are needed", pytrace=False)
    pytest.skip("LibreOffice or poppler-utils is not installed", allow_module_level=True)


def convert(source: Path, target_format: str, tmp_path: Path) -> Path:
    """Convert *source* with LibreOffice in a private profile; returns the output folder."""
    out = tmp_path / f"out-{target_format.split(':')[0]}"
    out.mkdir(exist_ok=True)
    profile = tmp_path / "lo-profile"
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            target_format,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=TIMEOUT,
    )
    return out


def pdf_pages(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = int(re.search(r"Pages:\s+(\d+)", info.stdout)[1])  # type: ignore[index]
    assert "(A4)" in info.stdout
    pages = []
    for page in range(1, count + 1):
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages.append(text)
    return pages


def test_sheet_to_sign_and_record_print_as_pdf(db: Database, tmp_path: Path) -> None:
    ids = network(db)
    workbook = write_attendance_workbook(
        [attendance_sheet(db, ids["planned"]), attendance_sheet(db, ids["held"])],
        tmp_path / "emargement.xlsx",
    )
    pdf = convert(workbook, "pdf", tmp_path) / "emargement.pdf"
    pages = pdf_pages(pdf)
    assert len(pages) == 2  # one A4 page per meeting
    to_sign, record = pages
    for expected in (
        "FEUILLE D'ÉMARGEMENT — FEUILLE À SIGNER",
        "COPIL 2026",
        "mardi 2 juin 2026",
        "Adam",
        "Zimmer",
        "Signature",
        "Fait pour valoir ce que de droit",
        "Signature et cachet de l'organisateur",
        "Données personnelles",
        "GE0012345",
    ):
        assert expected in to_sign, expected
    # Calc numbers the pages of the whole workbook; a sheet printed alone is "1 / 1".
    assert "Page 1 / 2" in to_sign and "Page 2 / 2" in record
    assert "Présent" not in to_sign
    for expected in (
        "RELEVÉ DES PRÉSENCES",
        "Business corner — Lean & 5S",
        "Présent",
        "Excusé",
        "Personnes présentes",
        "Contact effacé",
    ):
        assert expected in record, expected
    assert "Signature —" not in record and "Signature\n" not in record


def test_a_long_list_repeats_the_table_header_on_every_page(db: Database, tmp_path: Path) -> None:
    ids = network(db)
    sheet = attendance_sheet(db, ids["planned"])
    model = sheet.participants[0]
    many = tuple(
        dataclasses.replace(model, number=i, last_name=f"Nom{i:02d}") for i in range(1, 61)
    )
    workbook = write_attendance_workbook(
        [dataclasses.replace(sheet, participants=many, blank_rows=12)], tmp_path / "long.xlsx"
    )
    pages = pdf_pages(convert(workbook, "pdf", tmp_path) / "long.pdf")
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert re.search(r"N°\s+Nom\s+Prénom\s+Structure\s+Fonction", page), number
        assert f"Page {number} / {len(pages)}" in page
    text = "".join(pages)
    assert all(f"Nom{i:02d}" in text for i in range(1, 61))
    # The certification is printed with the last numbered lines, never alone.
    last = pages[-1]
    assert "Je soussigné(e)" in last and re.search(r"\b72\b", last) and re.search(r"\b71\b", last)


def test_report_reads_back_in_calc_with_formats_and_no_formula(
    db: Database, tmp_path: Path
) -> None:
    ids = network(db)
    from tests import factories as f

    f.meeting(db, ids["programme"], title="=1+1", date=dt.date(2026, 4, 2), status="held")
    report = export_period_report(
        db, Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), tmp_path / "rapport.xlsx"
    )
    out = convert(report, CSV_FILTER, tmp_path)
    files = {p.stem.removeprefix("rapport-"): p for p in out.glob("*.csv")}
    assert set(files) == {"Synthèse", "Réunions", "Présences", "Structures", "Taskforces"}

    def rows(name: str) -> list[dict[str, str]]:
        with files[name].open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    meetings = rows("Réunions")
    assert [m["Date"] for m in meetings] == ["12/03/2026", "02/04/2026"]
    assert (meetings[0]["Début"], meetings[0]["Fin"], meetings[0]["Durée (h)"]) == (
        "09:00",
        "16:30",
        "7.5",
    )
    # A formula would show "2"; the title is text, shown as typed.
    assert meetings[1]["Titre"] == "=1+1"
    assert sum(int(m["Présents"]) for m in meetings) == 5
    summary = {
        r[0].strip(): r[1] for r in csv.reader(files["Synthèse"].open(encoding="utf-8")) if r
    }
    assert summary["Réunions tenues"] == "2"
    assert summary["Participations"] == "5"
    assert summary["Structures distinctes"] == "4"
    taskforces = rows("Taskforces")
    assert taskforces[0]["Avancement moyen"] == "70%"
    assert taskforces[0]["Début"] == "01/02/2026"
    present = [r for r in rows("Présences") if r["Statut"] == "Présent"]
    assert len(present) == 5


def test_report_prints_landscape_with_the_readers_columns(db: Database, tmp_path: Path) -> None:
    ids = network(db)
    report = export_period_report(
        db,
        Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31), ids["programme"]),
        tmp_path / "r.xlsx",
    )
    pdf = convert(report, "pdf", tmp_path) / "r.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info.stdout).groups())  # type: ignore[union-attr]
    assert width > height  # landscape A4
    pages = pdf_pages(pdf)
    meetings = next(p for p in pages if "Réunions — page" in p)
    for needed in (
        "Date",
        "Titre",
        "Taskforce",
        "Lieu",
        "Inscrits",
        "Présents",
        "Business corner — Lean & 5S",
    ):
        assert needed in meetings, needed
    # Folded away from print, still in the workbook: the identifiers and the programme.
    assert "N° réunion" not in meetings and "Programme" not in meetings
    taskforces = next(p for p in pages if "Taskforces — page" in p)
    assert "Taskforce" in taskforces and "Avancement" in taskforces


def test_hostile_participant_prints_as_typed(db: Database, tmp_path: Path) -> None:
    ids = network(db)
    sheet = attendance_sheet(db, ids["planned"])
    hostile = dataclasses.replace(
        sheet.participants[0], last_name="=2+2", first_name="@SUM(1)\x01", organisation="-3+3"
    )
    workbook = write_attendance_workbook(
        [dataclasses.replace(sheet, participants=(hostile,))], tmp_path / "hostile.xlsx"
    )
    text = "".join(pdf_pages(convert(workbook, "pdf", tmp_path) / "hostile.pdf"))
    assert "=2+2" in text and "@SUM(1)" in text and "-3+3" in text
