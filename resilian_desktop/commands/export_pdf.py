"""PDF exports: roadmaps, agendas and minutes (issue 5).

    resilian-desktop export roadmap --taskforce ID -o OUT.pdf
    resilian-desktop export agenda --meeting ID -o OUT.pdf
    resilian-desktop export minutes --meeting ID -o OUT.pdf

Each writes the file atomically and prints one line naming it with its page
count. An unknown id exits 1 ("error: taskforce 99 does not exist").
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from resilian_desktop.commands.common import opened_database

# The documents are imported by the handlers, as in commands/export_excel.py
# (start-up time of every command and of the window).


def register(kinds: Any) -> None:
    """Add the PDF kinds of `export` (roadmap, agenda, minutes) to *kinds*."""
    roadmap = kinds.add_parser("roadmap", help="a taskforce's roadmap as a PDF")
    roadmap.add_argument(
        "--taskforce", type=int, required=True, metavar="ID", help="the taskforce's id"
    )
    _output_argument(roadmap)
    roadmap.set_defaults(handler=cmd_roadmap)

    for name, help_text, handler in (
        ("agenda", "a meeting's agenda as a PDF", cmd_agenda),
        ("minutes", "a meeting's minutes as a PDF", cmd_minutes),
    ):
        parser = kinds.add_parser(name, help=help_text)
        parser.add_argument(
            "--meeting", type=int, required=True, metavar="ID", help="the meeting's id"
        )
        _output_argument(parser)
        parser.set_defaults(handler=handler)


def _output_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT.pdf",
        help="the PDF to write (replaced whole, or left as it was on error)",
    )


def _report(what: str, target: Path, pages: int) -> int:
    print(f"{what} written to {target} ({pages} page{'s' if pages > 1 else ''})")
    return 0


def cmd_roadmap(args: argparse.Namespace) -> int:
    # On run, as said at the top of the module.
    from resilian_desktop.documents.roadmap.build import export_roadmap

    with opened_database(args) as db:
        pages = export_roadmap(db, args.taskforce, args.output)
    return _report("roadmap", args.output, pages)


def cmd_agenda(args: argparse.Namespace) -> int:
    # On run, as said at the top of the module.
    from resilian_desktop.documents.agenda.build import export_agenda

    with opened_database(args) as db:
        pages = export_agenda(db, args.meeting, args.output)
    return _report("agenda", args.output, pages)


def cmd_minutes(args: argparse.Namespace) -> int:
    # On run, as said at the top of the module.
    from resilian_desktop.documents.minutes.build import export_minutes

    with opened_database(args) as db:
        pages = export_minutes(db, args.meeting, args.output)
    return _report("minutes", args.output, pages)
