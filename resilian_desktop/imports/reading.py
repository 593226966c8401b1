"""Reading spreadsheets as an officer receives them: .xlsx and .csv files.

- .xlsx: the first sheet that has a recognisable header (or the one named),
  values as typed (numbers, dates), formulas as their last computed value;
- .csv: UTF-8 when the bytes are UTF-8, UTF-16 with or without BOM, else the
  encoding charset-normalizer recognises (Windows-1252 as French Excel writes
  it, preferred among equals); a byte the encoding does not define is refused
  with its row; comma, semicolon or tab, found from the file itself;
- the header row is looked for below title rows (merged or not): it is the
  row, among the first ones, where the most cells read as known column
  names; empty rows are skipped but keep their number, so that problems are
  reported at the row the officer sees in the spreadsheet.

Hostile files cost bounded memory and time: a workbook's zip directory is
checked (sizes, compression ratios) before anything is inflated, an XML part
that declares a DTD is refused before it is parsed (and defusedxml, which
openpyxl uses when installed, refuses entities), CSV files, lines and fields
have limits, and every refusal is one ImportFileError naming the file and,
when it has one, the row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.domain.text import fold

# The header is looked for in this many first rows.
HEADER_SEARCH_ROWS = 30
# Refuse files beyond this: an import is a few thousand rows, not a database dump.
MAX_ROWS = 100_000
MAX_COLUMNS = 200
CSV_DELIMITERS = (";", ",", "\t")
# A CSV of 100,000 contacts is about 15 MB.
MAX_CSV_BYTES = 64 * 1024 * 1024
# The most a spreadsheet cell holds (Excel); a longer CSV value is not a cell.
MAX_VALUE_CHARS = 32_767
# Excel's columns: a line splitting into more fields is not a table.
MAX_CSV_FIELDS = 16_384
# A workbook: each part and the whole, inflated, and how much a part may inflate.
MAX_XLSX_PART_BYTES = 128 * 1024 * 1024
MAX_XLSX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_XLSX_RATIO = 100
# The zip directory is read whole when the file is opened: its size bounds it.
MAX_XLSX_BYTES = 64 * 1024 * 1024
MAX_XLSX_PARTS = 10_000
# Small parts (styles, themes) may compress better than this without harm.
RATIO_CHECKED_ABOVE = 1024 * 1024
# Encodings preferred, among those charset-normalizer finds equally likely,
# in the order of how often a French agency receives them.
PREFERRED_ENCODINGS = ("cp1252", "iso8859_15", "latin_1", "mac_roman")
CP1252_UNDEFINED = b"\x81\x8d\x8f\x90\x9d"


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


_ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (with BOM)",
    "utf-16": "UTF-16 (with BOM)",
    "utf-16-le": "UTF-16 little-endian (without BOM)",
    "utf-16-be": "UTF-16 big-endian (without BOM)",
    "cp1252": "Windows-1252",
    "iso8859_15": "ISO-8859-15",
    "latin_1": "ISO-8859-1",
    "mac_roman": "Mac Roman",
}


def encoding_label(encoding: str) -> str:
    """An encoding as the officer's spreadsheet names it: "Windows-1252", not "cp1252"."""
    if encoding in _ENCODING_NAMES:
        return _ENCODING_NAMES[encoding]
    if encoding.startswith("cp") and encoding[2:].isdigit():
        return f"Windows-{encoding[2:]}"
    return encoding.replace("_", "-").upper()


def _utf16_without_bom(sample: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when the bytes look like UTF-16 text written without a BOM.

    Latin text in UTF-16 has a zero byte in every other position; no 8-bit
    text has that many zeros.
    """
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _detected_encoding(data: bytes) -> str | None:
    """The encoding charset-normalizer is confident about; cp1252 first among equals."""
    # Only for files that are not UTF-8: the detector's tables load when needed.
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        return None
    best = min(result.chaos for result in results)
    likely = {result.encoding for result in results if result.chaos <= best + 0.01}
    for name in PREFERRED_ENCODINGS:
        if name in likely:
            return name
    return str(results[0].encoding)


def _has_utf8_text(data: bytes) -> bool:
    """Whether the bytes hold UTF-8 multi-byte characters (beside whatever is invalid)."""
    return any(ord(c) > 127 and c != "\ufffd" for c in data.decode("utf-8", errors="replace"))


def decode_csv(path: Path, data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a CSV file's bytes; ImportFileError naming the row of a bad byte.

    UTF-8 (with or without BOM) when the bytes are UTF-8; UTF-16 with a BOM or
    recognisably without one; else the encoding charset-normalizer is
    confident about. A file that is UTF-8 but for some bytes is refused, never
    read as another encoding (that would garble every accented letter).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(path, data, "utf-8-sig", "as its BOM declares"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(path, data, "utf-16", "as its BOM declares"), "utf-16"
    utf16 = _utf16_without_bom(data[:4096])
    if utf16 is not None:
        return _strict(path, data, utf16, "as the rest of the file"), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if _has_utf8_text(data):
            _refuse_byte(path, error, "utf-8", "as the rest of the file")
    encoding = _detected_encoding(data)
    defined = data.translate(None, CP1252_UNDEFINED)
    if encoding != "cp1252" and defined != data and _detected_encoding(defined) == "cp1252":
        # Windows-1252 but for bytes it leaves undefined: the detector, which
        # only proposes encodings that decode every byte, would pick a stranger.
        encoding = "cp1252"
    if encoding is None:
        raise ImportFileError(
            f"{path}: not UTF-8, and its encoding cannot be recognised; "
            "save it again as CSV UTF-8 from the spreadsheet"
        )
    return _strict(path, data, encoding, "the encoding recognised"), encoding


def _strict(path: Path, data: bytes, encoding: str, why: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        _refuse_byte(path, error, encoding, why)
        raise  # unreachable: _refuse_byte raises


def _refuse_byte(path: Path, error: UnicodeDecodeError, encoding: str, why: str) -> None:
    """Raise the refusal of a byte that *encoding* does not define, naming its row."""
    # The error's object is what the codec saw (without a UTF-8 BOM).
    seen: bytes = error.object
    prefix = seen[: error.start].decode(encoding, errors="replace")
    try:
        # The rows before the byte, plus the one it is in (the sentinel opens or ends it).
        row = sum(1 for _ in csv.reader(io.StringIO(prefix + "x")))
    except csv.Error:  # a value over the csv module's limit before it: count lines
        row = prefix.count("\n") + 1
    raise ImportFileError(
        f"{path}: row {row}: byte 0x{seen[error.start]:02X} is not "
        f"{encoding_label(encoding).split(' (')[0]}, {why}; "
        "correct it, or save the file again as CSV UTF-8 from the spreadsheet"
    )


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most, and most regular, columns.

    Ties go to the semicolon: French Excel writes it, and commas are common
    inside French text ("Haguenau, Bas-Rhin").
    """
    first = itertools.islice(io.StringIO(text), HEADER_SEARCH_ROWS)
    lines = [line for line in first if line.strip()]
    if not lines:
        return ";"
    best, best_score = ";", (-1, 0)
    for delimiter in CSV_DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:  # a field over the csv module's limit: the reading says where
            continue
        widest = max(counts, default=0)
        if widest < 2:
            continue
        # The number of rows that have the most common width, then that width.
        common = max(set(counts), key=lambda n: (counts.count(n), n))
        score = (counts.count(common) if common > 1 else 0, common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _without_trailing_empties(values: list[str]) -> list[str]:
    end = len(values)
    while end and not values[end - 1].strip():
        end -= 1
    return values[:end]


def _csv_rows(path: Path) -> tuple[list[tuple[int, list[object]]], str, str]:
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise ImportFileError(
                f"{path}: {size / 1e6:.0f} MB, more than an import reads "
                f"({MAX_CSV_BYTES // 2**20} MB); split the file"
            )
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"{path}: cannot read the file ({error.strerror})") from error
    text, encoding = decode_csv(path, data)
    del data
    text = text.replace("\x00", "")  # a NUL stops the csv module; it is never data
    delimiter = sniff_delimiter(text)
    rows: list[tuple[int, list[object]]] = []
    number = 0
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            if len(row) > MAX_CSV_FIELDS:
                raise ImportFileError(
                    f"{path}: row {number}: {len(row):,} fields, more than a spreadsheet's "
                    f"{MAX_CSV_FIELDS:,} columns; not a table"
                )
            values = _without_trailing_empties(row)
            if len(values) > MAX_COLUMNS:
                raise ImportFileError(
                    f"{path}: row {number}: {len(values)} columns, more than an import reads "
                    f"({MAX_COLUMNS})"
                )
            if any(len(value) > MAX_VALUE_CHARS for value in values):
                raise ImportFileError(_too_long(path, number))
            rows.append((number, list[object](values)))
            if number > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise ImportFileError(f"{path}: more than {MAX_ROWS} rows; split the file")
    except csv.Error as error:
        if "field limit" in str(error):
            raise ImportFileError(_too_long(path, number + 1)) from error
        raise ImportFileError(
            f"{path}: row {number + 1}: not a readable CSV line ({error})"
        ) from error
    return rows, encoding, delimiter


def _too_long(path: Path, row: int) -> str:
    return (
        f"{path}: row {row}: a value longer than {MAX_VALUE_CHARS:,} characters, "
        "the most a spreadsheet cell holds"
    )


def check_workbook_container(path: Path) -> None:
    """Refuse a workbook whose parts would inflate too far, before anything is inflated.

    zipfile never inflates a member beyond the size its directory declares
    (a lie ends in a CRC error), so checking the declared sizes bounds the work.
    An XML part that declares a DTD is refused: no spreadsheet needs one, and
    entities are how XML bombs and external-file reads work.
    """
    try:
        size = path.stat().st_size
        if size > MAX_XLSX_BYTES:
            raise ImportFileError(
                f"{path}: {size / 1e6:.0f} MB, more than an import reads "
                f"({MAX_XLSX_BYTES // 2**20} MB); split the file"
            )
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_XLSX_PARTS:
                raise ImportFileError(
                    f"{path}: {len(members):,} parts in the zip container; a workbook has tens"
                )
            total = 0
            for member in members:
                size = member.file_size
                total += size
                if size > MAX_XLSX_PART_BYTES:
                    raise ImportFileError(
                        f"{path}: part {member.filename} inflates to {size / 1e6:,.0f} MB, "
                        f"more than an import reads ({MAX_XLSX_PART_BYTES // 2**20} MB)"
                    )
                ratio = size / max(member.compress_size, 1)
                if size > RATIO_CHECKED_ABOVE and ratio > MAX_XLSX_RATIO:
                    raise ImportFileError(
                        f"{path}: part {member.filename} inflates {ratio:,.0f} times "
                        f"(a zip bomb; spreadsheets stay under {MAX_XLSX_RATIO})"
                    )
            if total > MAX_XLSX_TOTAL_BYTES:
                raise ImportFileError(
                    f"{path}: inflates to {total / 1e6:,.0f} MB, more than an import reads "
                    f"({MAX_XLSX_TOTAL_BYTES // 2**20} MB)"
                )
            for member in members:
                if member.filename.endswith((".xml", ".rels")) and _declares_dtd(archive, member):
                    raise ImportFileError(
                        f"{path}: part {member.filename} declares a DTD (<!DOCTYPE>), which "
                        "spreadsheets never do; refused unread"
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as error:
        raise ImportFileError(f"{path}: not a readable .xlsx workbook ({error})") from error
    except OSError as error:
        raise ImportFileError(f"{path}: cannot read the file ({error.strerror})") from error


def _declares_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether the part's prolog (what comes before its first element) holds <!DOCTYPE."""
    with archive.open(member) as stream:
        head = stream.read(64 * 1024)
    # Comments and processing instructions aside, a DOCTYPE is the first thing
    # in the prolog or there is none.
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    text = re.sub(r"<!--.*?-->|<\?.*?\?>", "", text, flags=re.DOTALL)
    return re.match(r"\s*<!DOCTYPE", text, flags=re.IGNORECASE) is not None


# What a damaged or hostile workbook raises from inside openpyxl: entities refused by
# defusedxml (ValueError), malformed XML (ParseError, a SyntaxError), a dangling
# shared-string index (IndexError), a missing part (KeyError), a damaged stream.
_XLSX_FAILURES = (
    zipfile.BadZipFile,
    ParseError,
    SyntaxError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    EOFError,
    OSError,
)


_ENTITY_REFUSALS = ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden")


def _xlsx_failure(path: Path, where: str, error: BaseException) -> ImportFileError:
    # openpyxl wraps some failures in a ValueError of its own: the cause says more.
    causes: list[BaseException] = []
    cause: BaseException | None = error
    while cause is not None and cause not in causes:
        causes.append(cause)
        cause = cause.__cause__ or cause.__context__
    if any(type(c).__name__ in _ENTITY_REFUSALS for c in causes):
        reason = "it declares XML entities, which spreadsheets never do"
    elif any(isinstance(c, IndexError) for c in causes):
        reason = "a cell refers to a shared text the workbook does not have"
    else:
        inner = causes[-1]
        reason = f"{type(inner).__name__}: {' '.join(str(inner).split())[:160]}"
    return ImportFileError(
        f"{path}: {where}not a readable .xlsx workbook ({reason}); "
        "open it in the spreadsheet and save it again"
    )


def _xlsx_rows(path: Path, sheet: object, limit: int | None) -> list[tuple[int, list[object]]]:
    """The rows of *sheet* (a read-only worksheet), the first *limit* only when given."""
    rows: list[tuple[int, list[object]]] = []
    number = 0
    title = getattr(sheet, "title", "")
    try:
        # openpyxl pads every row to the sheet's declared width (its dimension),
        # which a hostile file sets to 16,384 columns: never wider than an import reads.
        width = min(getattr(sheet, "max_column", None) or MAX_COLUMNS, MAX_COLUMNS)
        values_by_row = sheet.iter_rows(values_only=True, max_col=width)  # type: ignore[attr-defined]
        for number, values in enumerate(values_by_row, 1):
            row = list(values)
            end = len(row)
            while end and _is_empty(row[end - 1]):
                end -= 1
            rows.append((number, row[:end]))
            if limit is not None and number >= limit:
                break
            if number > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise ImportFileError(f"{path}: more than {MAX_ROWS} rows; split the file")
    except _XLSX_FAILURES as error:
        raise _xlsx_failure(path, f"sheet {title!r}, row {number + 1}: ", error) from error
    return rows


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
    if len(body) > MAX_ROWS:
        raise ImportFileError(f"{path}: more than {MAX_ROWS} rows; split the file")
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


def _read_xlsx(path: Path, is_header: Callable[[str], bool], sheet_name: str | None) -> SourceTable:
    # Imported for workbooks only: a CSV import does not load openpyxl.
    from openpyxl import load_workbook

    check_workbook_container(path)
    try:
        # data_only: a formula's last computed value, not its text (which could
        # be a formula someone planted).
        workbook = load_workbook(path, read_only=True, data_only=True)
    except _XLSX_FAILURES as error:
        raise _xlsx_failure(path, "", error) from error
    try:
        sheets = list(workbook.worksheets)
        if sheet_name is not None:
            sheets = [s for s in sheets if s.title == sheet_name]
            if not sheets:
                raise ImportFileError(f"{path}: no sheet named {sheet_name!r}")
        # The header is looked for in the first rows of each sheet; only the
        # sheet chosen is read whole.
        candidates: list[tuple[int, int, Any]] = []
        for position, candidate in enumerate(sheets):
            head = _xlsx_rows(path, candidate, HEADER_SEARCH_ROWS)
            header = _find_header(head, is_header)
            if header is not None:
                recognised = sum(
                    1 for v in head[header][1] if isinstance(v, str) and is_header(v.strip())
                )
                candidates.append((recognised, -position, candidate))
        if not candidates:
            raise ImportFileError(f"{path}: no sheet with a header row (names of columns)")
        # The sheet whose header is best recognised; the first one on ties.
        chosen = max(candidates, key=lambda c: (c[0], c[1]))[2]
        rows = _xlsx_rows(path, chosen, None)
        header = _find_header(rows, is_header)
        assert header is not None  # found in the same first rows above
        return _table(path, str(chosen.title), None, None, rows, header)
    finally:
        workbook.close()


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
        return _read_xlsx(path, is_header, sheet)
    if suffix in (".xls", ".ods"):
        raise ImportFileError(
            f"{path}: {suffix} files are not read; save it as .xlsx or .csv from the spreadsheet"
        )
    raise ImportFileError(f"{path}: expected a .xlsx or .csv file")


def header_words(text: str) -> str:
    """A header as compared with known names: folded, without punctuation or "(s)"."""
    text = re.sub(r"\(s\)|\(e\)|\(es\)", "", text, flags=re.IGNORECASE)
    return fold(text)
