"""Attendance sheets as workbooks, read back with openpyxl: contents and print settings."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from resilian_desktop.db.engine import Database
from resilian_desktop.exports.files import ExportError
from resilian_desktop.exports.xlsx.attendance import (
    SIGN_ROW_HEIGHT,
    write_attendance_workbook,
)
from resilian_desktop.services.sheets import AttendanceSheet, attendance_sheet, attendance_sheets
from tests.test_sheets import AGENCY, MENTION, make_logo, network


def _texts(ws: Worksheet) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def _row_of(ws: Worksheet, text: str, column: int = 2) -> int:
    for row in ws.iter_rows(min_col=column, max_col=column):
        if row[0].value == text:
            return row[0].row
    raise AssertionError(f"{text!r} not in column {column}")


@pytest.fixture
def sheets(db: Database, tmp_path: Path) -> dict[str, AttendanceSheet]:
    ids = network(db, logo=make_logo(tmp_path / "region.png"))
    return {
        "held": attendance_sheet(db, ids["held"]),
        "planned": attendance_sheet(db, ids["planned"]),
        "held_blank": attendance_sheet(db, ids["held"], blank=True),
    }


def test_blank_sheet_contents(sheets: dict[str, AttendanceSheet], tmp_path: Path) -> None:
    target = write_attendance_workbook([sheets["planned"]], tmp_path / "blank.xlsx")
    book = load_workbook(target)
    assert book.sheetnames == ["2026-06-02 COPIL 2026"]
    ws = book.active
    assert ws is not None
    texts = _texts(ws)
    for expected in (
        "FEUILLE D'ÉMARGEMENT",
        "COPIL 2026",
        "RESILIAN - Alsace du Nord",
        AGENCY,
        "Comité de pilotage",
        "mardi 2 juin 2026",
        "14h00 – 16h00 (2 h) — demi-journée(s) : après-midi",
        "GE0012345",
        MENTION,
        "Signature\n(après-midi)",
        "Intervenant(e)s et organisation",
        "Participant(e)s",
        "Adam",
        "Zimmer",
    ):
        assert expected in texts, expected
    assert "Présent" not in texts
    assert not any("Personnes présentes" in t for t in texts)
    assert any(t.startswith("Je soussigné(e)") for t in texts)
    assert any(t.startswith("Données personnelles") for t in texts)
    assert any("Signature et cachet" in t for t in texts)
    # Numbered lines: the two expected, then five empty lines for walk-ins.
    first = _row_of(ws, "Adam")
    numbers = [ws.cell(row=first + i, column=1).value for i in range(7)]
    assert numbers == [1, 2, 3, 4, 5, 6, 7]
    assert ws.cell(row=first + 6, column=2).value is None
    for row in range(first, first + 7):
        assert ws.row_dimensions[row].height >= SIGN_ROW_HEIGHT
        for column in range(1, 7):
            border = ws.cell(row=row, column=column).border
            assert border.left.style == border.right.style == "thin"
            assert border.top.style == border.bottom.style == "thin"


def test_print_settings(sheets: dict[str, AttendanceSheet], tmp_path: Path) -> None:
    target = write_attendance_workbook([sheets["held_blank"]], tmp_path / "print.xlsx")
    ws = load_workbook(target).active
    assert ws is not None
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr is not None
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    header_row = _row_of(ws, "Nom")
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert ws.print_area is not None and ws.print_area.startswith("'")
    last_row = int(ws.print_area.rsplit("$", 1)[1])
    assert last_row == ws.max_row
    assert ws.print_area.split("!")[1].startswith("$A$1:$G$")  # two signature columns
    widths = [ws.column_dimensions[c].width for c in "ABCDEFG"]
    assert widths[0] < 8 and min(widths[1:]) >= 15
    assert ws.oddFooter.right.text == "Page &P / &N"
    assert ws.oddFooter.left.text is not None and "Région Grand Est" in ws.oddFooter.left.text
    assert "Lean && 5S" in (ws.oddHeader.left.text or "")  # "&" doubled in a header
    assert ws.cell(row=header_row, column=6).value == "Signature\nmatin"
    assert ws.cell(row=header_row, column=7).value == "Signature\naprès-midi"


def test_filled_sheet_shows_presence_and_totals(
    sheets: dict[str, AttendanceSheet], tmp_path: Path
) -> None:
    target = write_attendance_workbook([sheets["held"]], tmp_path / "filled.xlsx")
    ws = load_workbook(target).active
    assert ws is not None
    texts = _texts(ws)
    assert "FEUILLE D'ÉMARGEMENT — RELEVÉ DES PRÉSENCES" in texts
    adam = _row_of(ws, "Adam")
    assert [ws.cell(row=adam, column=c).value for c in range(1, 8)] == [
        1,
        "Adam",
        "Bruno",
        "Plasturgie Sauer & Fils",
        "Responsable",
        "Présent",
        "Absent",
    ]
    ebert = _row_of(ws, "Ébert")
    assert [ws.cell(row=ebert, column=c).value for c in (6, 7)] == ["Excusé", "Excusé"]
    assert sheets["held"].totals_text in texts
    assert "Organisateur présent : Béatrice Ritter, Chargée de mission" in texts
    # No empty lines for walk-ins after the meeting.
    last = max(p.number or 0 for p in sheets["held"].participants)
    assert last == 5
    assert ws.cell(row=_row_of(ws, "Zimmer") + 1, column=1).value is None


def test_logo_image_is_placed_when_the_file_exists(
    sheets: dict[str, AttendanceSheet], tmp_path: Path
) -> None:
    target = write_attendance_workbook([sheets["held"]], tmp_path / "logo.xlsx")
    ws = load_workbook(target).active
    assert ws is not None
    assert len(ws._images) == 1  # the region's logo; openpyxl reads drawings back
    # The funder without a logo is named instead, under the logos.
    assert "Avec le soutien de : Communauté d'agglomération de Haguenau" in _texts(ws)


def test_an_unreadable_logo_falls_back_to_the_name(
    sheets: dict[str, AttendanceSheet], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    sheet = sheets["planned"]
    funders = tuple(dataclasses.replace(f, logo_path=broken) for f in sheet.funders)
    target = write_attendance_workbook(
        [dataclasses.replace(sheet, funders=funders)], tmp_path / "broken.xlsx"
    )
    ws = load_workbook(target).active
    assert ws is not None and not ws._images
    assert (
        "Avec le soutien de : Région Grand Est · Communauté d'agglomération de Haguenau"
        in _texts(ws)
    )


def test_several_meetings_one_sheet_each(db: Database, tmp_path: Path) -> None:
    ids = network(db)
    both = attendance_sheets(db, [ids["held"], ids["planned"], ids["held"]])
    target = write_attendance_workbook(both + both[:1], tmp_path / "several.xlsx")
    book = load_workbook(target)
    assert book.sheetnames == [
        "2026-03-12 Business corner — L…",
        "2026-06-02 COPIL 2026",
        "2026-03-12 Business corner… (2)",
    ]
    assert all(len(name) <= 31 for name in book.sheetnames)


def test_hostile_names_are_written_as_text(
    sheets: dict[str, AttendanceSheet], tmp_path: Path
) -> None:
    sheet = sheets["held"]
    evil = dataclasses.replace(
        sheet.participants[0],
        last_name='=HYPERLINK("http://evil.example","x")',
        first_name="@SUM(1)\x07",
        organisation="+33 <b>R&D</b>\u202e",
        job_title="x" * 5000,
    )
    hostile = dataclasses.replace(
        sheet,
        meeting_title="-1+1 [COPIL]: ?/\\*",
        participants=(evil, *sheet.participants[1:]),
    )
    target = write_attendance_workbook([hostile], tmp_path / "hostile.xlsx")
    book = load_workbook(target)
    ws = book.active
    assert ws is not None
    assert book.sheetnames == ["2026-03-12 -1+1 (COPIL) --"]
    row = _row_of(ws, '=HYPERLINK("http://evil.example","x")')
    cells = [ws.cell(row=row, column=c) for c in (2, 3, 4)]
    assert [c.data_type for c in cells] == ["s", "s", "s"]
    assert [c.value for c in cells] == [
        '=HYPERLINK("http://evil.example","x")',
        "@SUM(1)",
        "+33 <b>R&D</b>\u202e",
    ]
    # A long job title makes its row taller instead of spilling over.
    assert ws.row_dimensions[row].height > SIGN_ROW_HEIGHT


def test_no_meeting_and_locked_target(
    sheets: dict[str, AttendanceSheet], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ExportError, match="no meeting"):
        write_attendance_workbook([], tmp_path / "none.xlsx")
    target = tmp_path / "locked.xlsx"
    target.write_bytes(b"previous contents")

    def locked(self: Path, other: Path) -> Path:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(Path, "replace", locked)
    with pytest.raises(ExportError, match="open in another program"):
        write_attendance_workbook([sheets["planned"]], target)
    assert target.read_bytes() == b"previous contents"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx") == ["locked.xlsx"]


def test_generated_on_date_does_not_change_the_layout(db: Database, tmp_path: Path) -> None:
    ids = network(db)
    a = attendance_sheet(db, ids["held"], today=dt.date(2026, 1, 1))
    b = attendance_sheet(db, ids["held"], today=dt.date(2027, 1, 1))
    rows = []
    for sheet, name in ((a, "a.xlsx"), (b, "b.xlsx")):
        ws = load_workbook(write_attendance_workbook([sheet], tmp_path / name)).active
        assert ws is not None
        rows.append(_texts(ws))
    assert rows[0] == rows[1]
