"""What an audit pack holds and where: the names, the manifest's format and the
CSV files' columns, shared by the builder and the verifier (which has no database).

The CSV files are for a controller's spreadsheet (";" between columns, UTF-8
with a byte-order mark, as French Excel opens them) and for the verifier.
A text cell that a spreadsheet would read as a formula is written behind a
quote, the house rule of the workbooks (documents.xlsx_parts.cells); a cell
that begins with a quote gets one more, so that the verifier gives every
value back exactly as the signature chain hashed it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from resilian_desktop.documents.xlsx_parts.cells import FORMULA_PREFIXES
from resilian_desktop.services.signatures import CHAINED_FIELDS

FORMAT = "resilian-desktop audit pack"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
README = "LISEZMOI.txt"
# With a byte-order mark: older Windows Notepads read text without one as ANSI.
README_ENCODING = "utf-8-sig"
MEETINGS_CSV = "reunions.csv"
SIGNATURES_CSV = "signatures.csv"
PROBLEMS_CSV = "problemes.csv"
SHEET_NAME = "feuille-emargement.pdf"
SCANS_FOLDER = "scans"
CSV_ENCODING = "utf-8-sig"
CSV_DELIMITER = ";"
QUOTE = "'"

# One row per signature: the chained fields under their own names (the
# verifier hashes them again), then what a reader needs beside them.
SIGNATURE_COLUMNS = (
    *CHAINED_FIELDS,
    "person",
    "state",
    "previous_hash",
    "chain_hash",
)
# Fields the chain holds as whole numbers, and those that may be empty (None).
INTEGER_FIELDS = frozenset({"id", "meeting_id", "position", "person_id", "organisation_id"})
OPTIONAL_FIELDS = frozenset({"organisation_id", "organisation_name"})
SIGNED, ERASED = "signed", "erased"

MEETING_COLUMNS = (
    "meeting_id",
    "date",
    "title",
    "proof",
    "signatures",
    "code",
    "chain_head",
    "scans",
    "problems",
    "sheet",
)
PROBLEM_COLUMNS = ("meeting_id", "date", "title", "code", "person_ids", "problem")


def meeting_folder(meeting_id: int, date_iso: str) -> str:
    """The folder of one meeting's files: sorted by date when listed."""
    return f"reunions/{date_iso}_reunion-{meeting_id}"


def report_name(date_from_iso: str, date_to_iso: str) -> str:
    return f"rapport-periode_{date_from_iso}_{date_to_iso}.xlsx"


def guarded(value: object) -> str:
    """A cell's text, behind a quote when a spreadsheet would run it (or it
    begins with a quote itself); None is an empty cell."""
    text = "" if value is None else str(value)
    if text.startswith((*FORMULA_PREFIXES, QUOTE)):
        return QUOTE + text
    return text


def unguarded(text: str) -> str:
    """The value :func:`guarded` wrote."""
    return text[1:] if text.startswith(QUOTE) else text


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file: the header, then one line per row, every cell guarded."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([guarded(value) for value in row] for row in rows)
    return out.getvalue().encode(CSV_ENCODING)
