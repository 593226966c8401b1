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
    from resilian_desktop.exports.pdf import write_roadmap_pdf
    from resilian_desktop.services.documents import roadmap_document

    with opened_database(args) as db:
        document = roadmap_document(db, args.taskforce)
    return _report("roadmap", args.output, write_roadmap_pdf(document, args.output))


def cmd_agenda(args: argparse.Namespace) -> int:
    from resilian_desktop.exports.pdf import write_agenda_pdf
    from resilian_desktop.services.documents import agenda_document

    with opened_database(args) as db:
        document = agenda_document(db, args.meeting)
    return _report("agenda", args.output, write_agenda_pdf(document, args.output))


def cmd_minutes(args: argparse.Namespace) -> int:
    from resilian_desktop.exports.pdf import write_minutes_pdf
    from resilian_desktop.services.documents import minutes_document

    with opened_database(args) as db:
        document = minutes_document(db, args.meeting)
    return _report("minutes", args.output, write_minutes_pdf(document, args.output))
