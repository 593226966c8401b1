"""Tables streamed into write-only worksheets: real Excel types, bounded memory.

A table is a header row and rows of plain values (tuples, NamedTuples). Each
column has a kind that decides the cell type and number format: dates are
Excel dates shown dd/mm/yyyy, numbers stay numbers, percentages are fractions
shown with %. The header row is frozen and filtered, columns are sized from
the header and the first rows, and the sheet prints landscape, fitted to the
page width, with the header repeated on every page and tall enough for its
wrapped titles. Secondary columns (identifiers, figures derived from others)
are folded away in a collapsed outline group: kept for filtering and one click
away on screen, but left off the printed page so that what a reader needs is
printed large enough. A table longer than Excel's 1,048,576 rows continues on
a second sheet ("Présences (2)").
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from resilian_desktop.documents.progress import Progress
from resilian_desktop.documents.xlsx_parts.cells import (
    MAX_CELL_UNITS,
    clean_text,
    guard_cell,
    header_footer_text,
    needs_text_guard,
    sheet_title,
)

EXCEL_MAX_ROWS = 1_048_576
# Rows looked at to size the columns before the stream is written.
SIZING_ROWS = 500
PROGRESS_EVERY = 2000
MAX_WIDTH = 60.0
HEADER_FONT = Font(name="Arial", bold=True, size=10)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center")
# Over figures and dates (right-aligned by the spreadsheet), headers are centred.
VALUE_HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center", horizontal="center")
HEADER_LINE_HEIGHT = 13.0
"""Points per line of the header's 10-point bold text."""

NUMBER_FORMATS = {
    "date": "DD/MM/YYYY",
    "time": "HH:MM",
    "hours": "0.0#",
    "percent": "0%",
    "int": "0",
    "number": "0.0#",
}


@dataclass(frozen=True)
class Column:
    """One column of a table: its header, how its values are typed, a width hint."""

    header: str
    kind: str = "text"  # text, int, number, hours, date, time, percent
    width: float | None = None  # characters; None: sized from the content
    printed: bool = True  # False: folded away (hidden, in an outline group), not printed

    def __post_init__(self) -> None:
        if self.kind != "text" and self.kind not in NUMBER_FORMATS:
            raise ValueError(f"unknown column kind {self.kind!r}")


class _Counter:
    """Rows written across all tables of a workbook, reported to a progress callback."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress

    def add(self, rows: int) -> None:
        self.done += rows
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)


def _converters(sheet: WriteOnlyWorksheet, columns: Sequence[Column]) -> list[Callable[[Any], Any]]:
    """One function per column turning a value into what sheet.append takes."""
    converters: list[Callable[[Any], Any]] = []
    for column in columns:
        if column.kind == "text":
            converters.append(_text_converter(sheet))
        elif column.kind == "int":
            converters.append(_int_converter(sheet))
        else:
            converters.append(_typed_converter(sheet, column.kind))
    return converters


# One regular expression finds, in a single pass, anything that sends a text
# down the slow path: a first character Excel would read as a formula or an
# error value, a character XML forbids, a carriage return.
_SUSPECT = re.compile("^[=+\\-@\t\r#]|[\x00-\x08\x0b\x0c\x0e-\x1f\r\ud800-\udfff\ufffe\uffff]")
_LONG = MAX_CELL_UNITS // 2


def _text_converter(sheet: WriteOnlyWorksheet) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        if value is None:
            return None
        text = value if type(value) is str else str(value)
        if len(text) < _LONG and _SUSPECT.search(text) is None:
            return text  # the common case: plain text, written as is
        text = clean_text(text)
        if needs_text_guard(text):
            cell = WriteOnlyCell(sheet)
            guard_cell(cell, text)
            return cell
        return text

    return convert


def _int_converter(sheet: WriteOnlyWorksheet) -> Callable[[Any], Any]:
    # Whole numbers need no number format: they go as plain values, the
    # cheapest cell openpyxl writes.
    fallback = _typed_converter(sheet, "number")

    def convert(value: Any) -> Any:
        if value is None or type(value) is int:
            return value
        return fallback(value)

    return convert


def _typed_converter(sheet: WriteOnlyWorksheet, kind: str) -> Callable[[Any], Any]:
    # One styled cell per column, reused row after row: openpyxl writes it out
    # as soon as it is appended, so only its value changes between rows. This
    # avoids building a new styled cell for every date of a million rows.
    cell = WriteOnlyCell(sheet)
    cell.number_format = NUMBER_FORMATS[kind]
    as_text = _text_converter(sheet)

    def convert(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, bool):
            value = int(value)
        elif isinstance(value, dt.datetime | dt.time):
            value = value.replace(tzinfo=None)
        elif isinstance(value, float) and not math.isfinite(value):
            return None  # Excel has no NaN nor infinity
        elif not isinstance(value, int | float | dt.date):
            # A value of the wrong type is shown as text rather than lost.
            return as_text(value)
        cell.value = value
        return cell

    return convert


def _widths(columns: Sequence[Column], sample: Sequence[Sequence[Any]]) -> list[float]:
    widths = []
    for index, column in enumerate(columns):
        if column.width is not None:
            widths.append(column.width)
            continue
        longest = max((len(str(row[index])) for row in sample if row[index] is not None), default=0)
        header = max(len(part) for part in column.header.split("\n"))
        widths.append(min(MAX_WIDTH, max(8.0, header * 1.1 + 2, longest * 1.05 + 2)))
    return widths


def _new_sheet(
    workbook: Workbook,
    title: str,
    columns: Sequence[Column],
    widths: Sequence[float],
    footer: str | None,
) -> Any:
    # openpyxl's stubs leave out what write-only sheets share with normal ones
    # (column_dimensions, auto_filter...): they are typed Any here.
    sheet: Any = workbook.create_sheet(sheet_title(title, [ws.title for ws in workbook.worksheets]))
    # Column widths and the frozen pane go before the first row in write-only mode.
    for index, (column, width) in enumerate(zip(columns, widths, strict=True), start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = width
        if not column.printed:
            dimension.outline_level = 1
            dimension.hidden = True
            # The sheet's outline depth (outlineLevelCol), without which Excel draws
            # no "+" to unfold them: openpyxl writes it from this attribute, which it
            # computes only after writing it.
            sheet.column_dimensions.max_outline = 1
    sheet.freeze_panes = "A2"
    print_setup(sheet, footer)
    sheet.print_title_rows = "1:1"
    # Excel and Calc do not grow a row for wrapped text on opening: the header's
    # height is set for its longest title, or the second line covers the first row.
    lines = max(
        header_lines(c.header, w) for c, w in zip(columns, widths, strict=True) if c.printed
    )
    sheet.row_dimensions[1].height = HEADER_LINE_HEIGHT * lines + 3
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=clean_text(column.header))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT if column.kind == "text" else VALUE_HEADER_ALIGNMENT
        header.append(cell)
    sheet.append(header)
    return sheet


def header_lines(header: str, width: float) -> int:
    """Lines *header* takes wrapped at word boundaries in a column *width* characters wide."""
    room = max(width - 1.5, 1.0)  # the cell's padding; bold letters are about one unit wide
    lines = 0
    for paragraph in header.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            if used and used + 1 + len(word) > room:
                lines += 1
                used = 0.0
            used += (1 if used else 0) + len(word)
            while used > room:  # a word longer than the column breaks inside
                lines += 1
                used -= room
    return lines


def print_setup(sheet: Any, footer: str | None, *, landscape: bool = True) -> None:
    """A4, fitted to the page width, page numbers and *footer* at the foot of every page."""
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    if footer:
        sheet.oddFooter.left.text = header_footer_text(footer, limit=180)
        sheet.oddFooter.left.size = 7
    sheet.oddFooter.right.text = "&A — page &P / &N"
    sheet.oddFooter.right.size = 8


def write_table(
    workbook: Workbook,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    counter: _Counter | None = None,
    footer: str | None = None,
    max_rows: int = EXCEL_MAX_ROWS,
) -> list[str]:
    """Stream *rows* into new write-only sheets of *workbook*; returns their titles.

    Rows are consumed once, lazily: only the first SIZING_ROWS are held to
    size the columns. When a sheet is full (*max_rows* including the header)
    the table continues on another sheet with the same header.
    """
    iterator = iter(rows)
    sample = list(itertools.islice(iterator, SIZING_ROWS))
    widths = _widths(columns, sample)
    last_column = get_column_letter(len(columns))
    titles: list[str] = []
    per_sheet = max_rows - 1
    stream = itertools.chain(sample, iterator)
    while True:
        sheet: Any = _new_sheet(workbook, title, columns, widths, footer)
        titles.append(sheet.title)
        convert = _converters(sheet, columns)
        written = 0
        for row in itertools.islice(stream, per_sheet):
            sheet.append([f(v) for f, v in zip(convert, row, strict=True)])
            written += 1
            if counter is not None and written % PROGRESS_EVERY == 0:
                counter.add(PROGRESS_EVERY)
        if counter is not None:
            counter.add(written % PROGRESS_EVERY)
        sheet.auto_filter.ref = f"A1:{last_column}{written + 1}"
        if written < per_sheet:
            return titles
        # Full: go on only if something is left.
        try:
            first = next(stream)
        except StopIteration:
            return titles
        stream = itertools.chain([first], stream)
