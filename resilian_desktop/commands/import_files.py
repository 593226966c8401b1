"""`import KIND FILE`: organisations, contacts, registrations, actions from spreadsheets.

    resilian-desktop import organisations FILE
    resilian-desktop import contacts FILE
    resilian-desktop import registrations --meeting ID FILE
    resilian-desktop import actions --taskforce ID FILE
      [--skip-invalid] [--dry-run] [--map "HEADER=FIELD" ...] [--sheet NAME]
      [--same-as ROW=ID ...] [--new ROW ...]

FILE is a .xlsx or .csv. All or nothing: any problem exits 1, writes
nothing, and lists every problem on stderr as
``FILE: row N, column "HEADER": message``. --skip-invalid writes the valid
rows and lists the others (exit 0). A probable duplicate (an organisation
of the same name in the same commune with another SIRET, an e-mail address
known under another name) is such a problem; --same-as ROW=ID says the row
is that record, --new ROW that it is another one. The summary goes to stdout:
``FILE: 12 created, 3 updated, 0 unchanged, 0 skipped``; for a CSV it is
preceded by the encoding and separator used (``FILE: read as Windows-1252,
";" between columns``). On a terminal, a long import shows a progress bar on
stderr; piped or redirected, nothing but the lines above.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from resilian_desktop.commands.common import UsageError, opened_database


def register(commands: Any) -> None:
    """Add the `import` command to *commands*."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "import", help="import organisations, contacts, registrations or actions from a file"
    )
    kinds = parser.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    for kind, help_text in (
        ("organisations", "organisations (companies, partners) from a .xlsx or .csv"),
        ("contacts", "contacts, creating the organisations they name when unknown"),
        ("registrations", "people registered to a meeting, creating missing contacts"),
        ("actions", "roadmap actions of a taskforce"),
    ):
        sub = kinds.add_parser(kind, help=help_text)
        if kind == "registrations":
            sub.add_argument("--meeting", type=int, required=True, metavar="ID")
        if kind == "actions":
            sub.add_argument("--taskforce", type=int, required=True, metavar="ID")
        sub.add_argument("file", type=Path, metavar="FILE", help="a .xlsx or .csv file")
        sub.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the valid rows and list the others (default: all or nothing)",
        )
        sub.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
        sub.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="HEADER=FIELD",
            help='read column HEADER as FIELD ("HEADER=" to ignore it); repeatable',
        )
        sub.add_argument("--sheet", metavar="NAME", help="the workbook's sheet to read")
        if kind in ("organisations", "contacts", "registrations"):
            sub.add_argument(
                "--same-as",
                action="append",
                default=[],
                metavar="ROW=ID",
                help="row ROW of the file is the record ID (a probable duplicate): "
                "update that record with it; repeatable",
            )
            sub.add_argument(
                "--new",
                action="append",
                default=[],
                type=int,
                metavar="ROW",
                help="row ROW of the file is a record of its own (a probable duplicate "
                "that is not one): create it; repeatable",
            )
        sub.set_defaults(handler=cmd_import)


def _mapping(pairs: list[str], kind: Any) -> dict[str, str]:
    # Imported when the command runs: the readers load openpyxl.
    from resilian_desktop.imports.fields import FIELDS

    known = {spec.key for spec in FIELDS[kind]}
    mapping: dict[str, str] = {}
    for pair in pairs:
        header, sep, field = pair.partition("=")
        if not sep or not header.strip():
            raise UsageError(f'--map "{pair}": expected HEADER=FIELD')
        field = field.strip()
        if field and field not in known:
            listed = ", ".join(sorted(known))
            raise UsageError(f'--map "{pair}": {kind} have no field "{field}" (fields: {listed})')
        mapping[header.strip()] = field
    return mapping


class ProgressBar:
    """A one-line bar on stderr, redrawn at most ten times a second; silent off a terminal."""

    WIDTH = 30

    def __init__(self, label: str, stream: TextIO | None = None, unit: str = "rows") -> None:
        self.label = label
        self.unit = unit
        self.stream = stream if stream is not None else sys.stderr
        self.shown = self.stream.isatty()
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.shown:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        filled = self.WIDTH * done // max(total, 1)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done:,}/{total:,} {self.unit}")
        self.stream.flush()

    def close(self) -> None:
        """Erase the bar, so that the lines that follow start clean (once)."""
        if self.shown and self._last:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._last = 0.0


def _same_as(pairs: list[str]) -> dict[int, int]:
    same_as: dict[int, int] = {}
    for pair in pairs:
        row, sep, record_id = pair.partition("=")
        if not (sep and row.strip().isdigit() and record_id.strip().isdigit()):
            raise UsageError(f'--same-as "{pair}": expected ROW=ID, two numbers')
        same_as[int(row)] = int(record_id)
    return same_as


def cmd_import(args: argparse.Namespace) -> int:
    # Imported when the command runs: the readers load openpyxl.
    from resilian_desktop.imports import ImportKind, read_and_validate
    from resilian_desktop.imports.reading import encoding_label
    from resilian_desktop.services.importing import ImportRejected, apply_import

    kind = ImportKind(args.import_kind)
    preview = read_and_validate(
        kind, args.file, mapping=_mapping(args.map, kind) or None, sheet=args.sheet
    )
    name = args.file.name
    table = preview.table
    if table.encoding is not None:
        between = "tabs" if table.delimiter == "\t" else f'"{table.delimiter}"'
        print(f"{name}: read as {encoding_label(table.encoding)}, {between} between columns")
    bar = ProgressBar(f"{name}: importing")
    try:
        with opened_database(args) as db:
            result = apply_import(
                db,
                preview,
                meeting_id=getattr(args, "meeting", None),
                taskforce_id=getattr(args, "taskforce", None),
                skip_invalid=args.skip_invalid,
                dry_run=args.dry_run,
                progress=bar,
                same_as=_same_as(getattr(args, "same_as", [])),
                new_rows=getattr(args, "new", []),
            )
    except ImportRejected as rejected:
        bar.close()
        for problem in rejected.problems:
            print(f"error: {name}: {problem}", file=sys.stderr)
        count = len(rejected.problems)
        print(
            f"error: {name}: nothing imported ({count} problem{'s' if count > 1 else ''}); "
            "correct the file, or use --skip-invalid to import the valid rows",
            file=sys.stderr,
        )
        return 1
    finally:
        # A full disk or a lock is said by the storage layer, on a clean line.
        bar.close()
    for problem in result.problems:
        print(f"skipped: {name}: {problem}", file=sys.stderr)
    prefix = "dry run, nothing written: " if args.dry_run else ""
    print(f"{name}: {prefix}{result.summary()}")
    for organisation in result.organisations_created:
        print(f"{name}: organisation created (kind: other, to check): {organisation}")
    return 0
