"""Safe values for workbook cells and valid sheet names.

Every value written by this package goes through :func:`cell_value` (or
:func:`safe_text` for text placed in headers and merged blocks):

- a string that begins with = + - @ a tab or a carriage return is stored as a
  string cell with Excel's "quote prefix" style, so it is shown as typed and
  never becomes a formula, even when someone edits the cell later (OWASP's
  rule for spreadsheet injection; openpyxl would write "=..." as a formula);
- strings that Excel reads as error values ("#N/A", "#REF!"...) stay strings;
- characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE,
  U+FFFF) are removed, where openpyxl would raise or write a broken file;
- text longer than Excel's 32,767 characters per cell is shortened with "…".
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import ERROR_CODES, WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

# XML 1.0 allows tab, newline and carriage return among the C0 controls; the
# others, lone surrogates and the two non-characters make the file unreadable.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_ERROR_CODES = frozenset(ERROR_CODES)
# Excel counts a cell's length in UTF-16 code units.
MAX_CELL_UNITS = 32_767
_ELLIPSIS = "…"

# Excel's own rules for sheet names.
MAX_SHEET_TITLE = 31
# Characters Excel refuses in a sheet name, replaced by the nearest it accepts.
_SHEET_REPLACEMENTS = str.maketrans(
    {"/": "-", "\\": "-", "[": "(", "]": ")", ":": "", "*": "", "?": ""}
)
# "History" is reserved by Excel for its change-tracking sheet.
_RESERVED_TITLES = frozenset({"history"})


def _utf16_units(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _shorten(text: str, units: int) -> str:
    """*text* cut to at most *units* UTF-16 code units, an ellipsis marking the cut."""
    if _utf16_units(text) <= units:
        return text
    kept: list[str] = []
    used = 0
    for ch in text:
        size = 2 if ord(ch) > 0xFFFF else 1
        if used + size > units - 1:
            break
        kept.append(ch)
        used += size
    return "".join(kept) + _ELLIPSIS


def clean_text(value: str) -> str:
    """*value* without XML-forbidden characters, CR LF as LF, within Excel's cell limit."""
    if _XML_FORBIDDEN.search(value):
        value = _XML_FORBIDDEN.sub("", value)
    if "\r" in value:
        # XML readers turn a bare CR into LF anyway; do it here so the
        # injection check below sees what Excel will see.
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if len(value) > MAX_CELL_UNITS // 2:
        value = _shorten(value, MAX_CELL_UNITS)
    return value


def needs_text_guard(text: str) -> bool:
    """True when Excel or openpyxl would not keep *text* as plain text."""
    return text.startswith(FORMULA_PREFIXES) or text in _ERROR_CODES


def safe_text(value: object) -> str:
    """Text for places that take a plain string (headers, footers, sheet titles)."""
    return clean_text("" if value is None else str(value))


def normalise_value(value: object) -> object:
    """A value openpyxl can store, with its real type kept where Excel has one.

    Dates, times and numbers stay as they are; timezone-aware datetimes are
    converted to naive local time of their zone (Excel has no time zones);
    Decimal becomes float; non-finite floats, which Excel cannot store,
    become empty; anything else becomes cleaned text.
    """
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return float(value) if value.is_finite() else None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.time):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date | dt.timedelta):
        return value
    return clean_text(value if isinstance(value, str) else str(value))


def guard_cell(cell: Any, text: str) -> None:
    """Store *text* in *cell* as a string shown as typed (quote prefix), never a formula."""
    cell.value = text
    cell.data_type = "s"
    cell.quotePrefix = True


def set_cell(cell: Any, value: object) -> None:
    """Assign *value* to an openpyxl cell safely (see the module docstring)."""
    value = normalise_value(value)
    if isinstance(value, str) and needs_text_guard(value):
        guard_cell(cell, value)
    else:
        cell.value = value


def stream_value(sheet: WriteOnlyWorksheet, value: object) -> object:
    """*value* ready for ``sheet.append`` in write-only mode.

    Plain values pass through (fast path); text that needs the guard becomes a
    styled write-only cell.
    """
    value = normalise_value(value)
    if isinstance(value, str) and needs_text_guard(value):
        cell = WriteOnlyCell(sheet)
        guard_cell(cell, value)
        return cell
    return value


def sheet_title(name: object, taken: Iterable[str] = (), *, fallback: str = "Feuille") -> str:
    """A valid sheet name from *name*, unique (case-insensitively) among *taken*.

    Forbidden characters are replaced ("/" and "\\" by "-", brackets by
    parentheses) or dropped (":*?"), invisible characters are removed,
    leading and trailing apostrophes and spaces are dropped (Excel refuses
    them), the name is cut to 31 characters and numbered " (2)", " (3)"...
    when already taken. Empty or reserved names give *fallback*.
    """
    text = safe_text(name).translate(_SHEET_REPLACEMENTS)
    text = " ".join(text.split())  # newlines, tabs and other spaces too
    # Invisible characters (direction marks, controls) have no place in a tab's name.
    text = "".join(ch for ch in text if ch.isprintable())
    text = text.strip("' ")
    if not text or text.casefold() in _RESERVED_TITLES:
        text = fallback
    text = _shorten(text, MAX_SHEET_TITLE).strip("' ")
    used = {t.casefold() for t in taken}
    candidate, number = text, 1
    while candidate.casefold() in used or candidate.casefold() in _RESERVED_TITLES:
        number += 1
        suffix = f" ({number})"
        candidate = _shorten(text, MAX_SHEET_TITLE - len(suffix)).strip("' ") + suffix
    return candidate


def header_footer_text(value: object, *, limit: int = 250) -> str:
    """Text for a page header or footer: "&" doubled (it starts a code there), one line."""
    text = " ".join(safe_text(value).split())
    text = _shorten(text, limit)
    return text.replace("&", "&&")


def set_sheet_cell(sheet: Worksheet, row: int, column: int, value: object) -> Any:
    """Write *value* at (row, column) of a normal worksheet; returns the cell."""
    cell = sheet.cell(row=row, column=column)
    set_cell(cell, value)
    return cell
