"""Excel exports: attendance sheets and the funders' period report (issue 4).

    resilian-desktop export attendance --meeting ID [--meeting ID ...] [--blank] -o OUT.xlsx
    resilian-desktop export attendance --meeting ID [--blank] --pdf -o OUT.pdf
    resilian-desktop export report --from YYYY-MM-DD --to YYYY-MM-DD [--programme ID] -o OUT.xlsx

A meeting that was held gives the record (presence per half-day, totals)
unless --blank; any other meeting gives the sheet to sign. Each command
writes its file atomically and prints one line naming it. An unknown id
exits 1 ("error: meeting 99 does not exist"); a target that cannot be
replaced (open in Excel) exits 1 with the reason.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from resilian_desktop.commands.common import (
    UsageError,
    add_period_options,
    chosen_period,
    opened_database,
)

# The documents are imported by the handlers: every start of the program
# (the window's too) registers these commands, and the documents with
# SQLAlchemy, openpyxl and reportlab add about 1 s to it (measured on the
# 2-core build machine: importing cli 50-80 ms, the documents 1.1-1.2 s more).


def register(kinds: Any) -> None:
    """Add the Excel kinds of `export` (attendance, report) to *kinds*."""
    attendance = kinds.add_parser(
        "attendance", help="attendance sheets (feuilles d'émargement), one sheet per meeting"
    )
    attendance.add_argument(
        "--meeting",
        type=int,
        action="append",
        required=True,
        metavar="ID",
        help="a meeting's id; repeat for several meetings in one workbook",
    )
    attendance.add_argument(
        "--blank",
        action="store_true",
        help="sheets to sign, without presence, even for a meeting already held",
    )
    attendance.add_argument(
        "--pdf", action="store_true", help="write a PDF instead of a workbook (one meeting)"
    )
    _output_argument(attendance, "OUT.xlsx")
    attendance.set_defaults(handler=cmd_attendance)

    report = kinds.add_parser("report", help="the funders' activity report of a period")
    add_period_options(report)
    _output_argument(report, "OUT.xlsx")
    report.set_defaults(handler=cmd_report)


def _output_argument(parser: argparse.ArgumentParser, metavar: str) -> None:
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar=metavar,
        help="the file to write (replaced whole, or left as it was on error)",
    )


def cmd_attendance(args: argparse.Namespace) -> int:
    # On run, as said at the top of the module.
    from resilian_desktop.documents.attendance_sheet.build import export_attendance_sheets

    meeting_ids = list(dict.fromkeys(args.meeting))
    if args.pdf and len(meeting_ids) > 1:
        raise UsageError("--pdf writes one meeting's sheet: give a single --meeting")
    with opened_database(args) as db:
        sheets = export_attendance_sheets(
            db, meeting_ids, args.output, blank=args.blank, pdf=args.pdf
        )
    kinds = sorted({"to sign" if s.to_sign else "record" for s in sheets})
    print(
        f"{len(sheets)} attendance sheet{'s' if len(sheets) > 1 else ''} "
        f"({', '.join(kinds)}) written to {args.output}"
    )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    # On run, as said at the top of the module.
    from resilian_desktop.documents.period_report.build import export_period_report

    period = chosen_period(args)
    with opened_database(args) as db:
        export_period_report(db, period, args.output)
    print(f"report {args.date_from:%d/%m/%Y} to {args.date_to:%d/%m/%Y} written to {args.output}")
    return 0
