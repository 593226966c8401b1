"""`export KIND ...`: documents written from the database (Excel workbooks, PDFs)."""

from __future__ import annotations

import argparse
from typing import Any

from resilian_desktop.commands import export_excel, export_pdf


def register(commands: Any) -> None:
    export: argparse.ArgumentParser = commands.add_parser(
        "export", help="write a workbook or a PDF from the database"
    )
    kinds = export.add_subparsers(dest="kind", metavar="KIND", required=True)
    export_excel.register(kinds)
    export_pdf.register(kinds)
