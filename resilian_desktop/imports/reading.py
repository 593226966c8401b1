"""Reading spreadsheets as an officer receives them: .xlsx and .csv files.

- .xlsx: the first sheet that has a recognisable header (or the one named),
  values as typed (numbers, dates), formulas as their last computed value;
- .csv: UTF-8 with or without BOM, or Windows-1252 as French Excel writes it;
  comma, semicolon or tab, found from the file itself;
- the header row is looked for below title rows (merged or not): it is the
  row, among the first ones, where the most cells read as known column
  names; empty rows are skipped but keep their number, so that problems are
  reported at the row the officer sees in the spreadsheet.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.domain.text import fold

# The header is looked for in this many first rows.
HEADER_SEARCH_ROWS = 30
# Refuse files beyond this: an import is a few thousand rows, not a database dump.
MAX_ROWS = 100_000
MAX_COLUMNS = 200
CSV_DELIMITERS = (";", ",", "\t")


class ImportFileError(ResilianError):
    """The file cannot be read as a table (wrong format, unreadable, empty)."""


@dataclass(frozen=True)
class SourceRow:
    """One non-empty row below the header: its number in the spreadsheet, its values."""

    number: int
    values: tuple[object, ...]  # one per column of the header (padded with None)


@dataclass(frozen=True)
class SourceTable:
    """A table read from a file, from its header row down."""

    path: Path
    sheet: str | None  # the worksheet read (.xlsx)
    encoding: str | None  # .csv
    delimiter: str | None  # .csv
    header_row: int  # 1-based, as the spreadsheet numbers it
    headers: tuple[str, ...]  # trimmed; "" for a column without a header
    rows: tuple[SourceRow, ...]

    def column_label(self, index: int) -> str:
        """How a column is named in messages: its header, else its letter."""
        header = self.headers[index]
        return header if header else f"column {_letters(index)}"

    def samples(self, index: int, count: int = 3) -> tuple[str, ...]:
        """The first non-empty values of a column, as text, for the mapping step."""
        found: list[str] = []
        for row in self.rows:
            value = row.values[index]
            if value is not None and str(value).strip():
                found.append(_shown(value))
                if len(found) == count:
                    break
        return tuple(found)


def _shown(value: object) -> str:
    """A cell as the officer typed it: dates as dd/mm/yyyy, not Python's repr."""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return f"{value:%d/%m/%Y}"
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return str(value).strip()


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def decode_csv(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a CSV file's bytes.

    A BOM means UTF-8; otherwise UTF-8 when the bytes are valid UTF-8 (plain
    ASCII included), else Windows-1252, French Excel's "CSV (séparateur:
    point-virgule)"; Latin-1 last, which decodes anything.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most, and most regular, columns.

    Ties go to the semicolon: French Excel writes it, and commas are common
    inside French text ("Haguenau, Bas-Rhin").
    """
    lines = [line for line in text.splitlines()[:HEADER_SEARCH_ROWS] if line.strip()]
    if not lines:
        return ";"
    best, best_score = ";", (-1, 0)
    for delimiter in CSV_DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        widest = max(counts)
        if widest < 2:
            continue
        # The number of rows that have the most common width, then that width.
        common = max(set(counts), key=lambda n: (counts.count(n), n))
        score = (counts.count(common) if common > 1 else 0, common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(path: Path) -> tuple[list[tuple[int, list[object]]], str, str]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"{path}: cannot read the file ({error.strerror})") from error
    text, encoding = decode_csv(data)
    text = text.replace("\x00", "")  # a NUL stops the csv module; it is never data
    delimiter = sniff_delimiter(text)
    rows: list[tuple[int, list[object]]] = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            rows.append((number, list(row)))
            if number > MAX_ROWS:
                raise ImportFileError(f"{path}: more than {MAX_ROWS} rows; split the file")
    except csv.Error as error:
        raise ImportFileError(f"{path}: not a readable CSV file ({error})") from error
    return rows, encoding, delimiter


def _xlsx_sheets(path: Path) -> list[tuple[str, list[tuple[int, list[object]]]]]:
    # Imported for workbooks only: a CSV import does not load openpyxl.
    from openpyxl import load_workbook

    try:
        # data_only: a formula's last computed value, not its text (which could
        # be a formula someone planted).
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ImportFileError(f"{path}: not a readable .xlsx workbook ({error})") from error
    sheets = []
    try:
        for sheet in workbook.worksheets:
            rows: list[tuple[int, list[object]]] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
                rows.append((number, list(values[:MAX_COLUMNS])))
                if number > MAX_ROWS:
                    raise ImportFileError(f"{path}: more than {MAX_ROWS} rows; split the file")
            sheets.append((str(sheet.title), rows))
    finally:
        workbook.close()
    return sheets


def _find_header(
    rows: Sequence[tuple[int, list[object]]], score: Callable[[str], bool]
) -> int | None:
    """Index in *rows* of the header: the most cells recognised, earliest on ties."""
    best, best_hits = None, 0
    for index, (_, values) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        texts = [str(v).strip() for v in values if isinstance(v, str) and v.strip()]
        hits = sum(1 for t in texts if score(t))
        if hits > best_hits:
            best, best_hits = index, hits
    if best is not None:
        return best
    # Nothing recognised: the first row with two texts or more (a mapping step follows).
    for index, (_, values) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if sum(1 for v in values if isinstance(v, str) and v.strip()) >= 2:
            return index
    return None


def _table(
    path: Path,
    sheet: str | None,
    encoding: str | None,
    delimiter: str | None,
    rows: Sequence[tuple[int, list[object]]],
    header_index: int,
) -> SourceTable:
    header_number, header_values = rows[header_index]
    body = [(n, v) for n, v in rows[header_index + 1 :] if not all(map(_is_empty, v))]
    width = max([len(header_values), *(len(v) for _, v in body)])
    # Columns with neither a header nor any value (trailing empty cells) are dropped.
    while width and _is_empty(header_values[width - 1] if width <= len(header_values) else None):
        if any(len(v) >= width and not _is_empty(v[width - 1]) for _, v in body):
            break
        width -= 1
    headers = tuple(
        " ".join(str(v).split()) if v is not None else ""
        for v in (list(header_values) + [None] * width)[:width]
    )
    table_rows = tuple(
        SourceRow(number, tuple((list(values) + [None] * width)[:width])) for number, values in body
    )
    return SourceTable(path, sheet, encoding, delimiter, header_number, headers, table_rows)


def read_table(
    path: Path,
    *,
    is_header: Callable[[str], bool] = lambda _text: False,
    sheet: str | None = None,
) -> SourceTable:
    """Read the table of a .xlsx or .csv file.

    *is_header* tells whether a cell's text is a known column name; it finds
    the header row below title rows. For a workbook, *sheet* names the sheet;
    by default the first sheet whose header is recognised (else the first
    non-empty one). Raises ImportFileError when the file cannot be read.
    """
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportFileError(f"{path}: no such file")
    if suffix == ".csv" or suffix == ".txt":
        rows, encoding, delimiter = _csv_rows(path)
        header = _find_header(rows, is_header)
        if header is None:
            raise ImportFileError(f"{path}: no header row found (names of columns)")
        return _table(path, None, encoding, delimiter, rows, header)
    if suffix in (".xlsx", ".xlsm"):
        sheets = _xlsx_sheets(path)
        if sheet is not None:
            sheets = [s for s in sheets if s[0] == sheet]
            if not sheets:
                raise ImportFileError(f"{path}: no sheet named {sheet!r}")
        candidates: list[tuple[int, str, list[tuple[int, list[object]]], int]] = []
        for name, rows in sheets:
            header = _find_header(rows, is_header)
            if header is not None:
                recognised = sum(
                    1 for v in rows[header][1] if isinstance(v, str) and is_header(v.strip())
                )
                candidates.append((recognised, name, rows, header))
        if not candidates:
            raise ImportFileError(f"{path}: no sheet with a header row (names of columns)")
        # The sheet whose header is best recognised; the first one on ties.
        _, name, rows, header = max(candidates, key=lambda c: c[0])
        return _table(path, name, None, None, rows, header)
    if suffix in (".xls", ".ods"):
        raise ImportFileError(
            f"{path}: {suffix} files are not read; save it as .xlsx or .csv from the spreadsheet"
        )
    raise ImportFileError(f"{path}: expected a .xlsx or .csv file")


def header_words(text: str) -> str:
    """A header as compared with known names: folded, without punctuation or "(s)"."""
    text = re.sub(r"\(s\)|\(e\)|\(es\)", "", text, flags=re.IGNORECASE)
    return fold(text)
