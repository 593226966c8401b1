"""The command line: a contract other tools rely on; keep names and outputs stable.

Exit codes: 0 success, 1 a problem with the data or a file (one line per
problem on stderr), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from resilian_desktop import __version__, paths
from resilian_desktop.commands.common import (
    UsageError,
    opened_database,
    print_json,
)
from resilian_desktop.domain.errors import ResilianError, ValidationError

LIST_ENTITIES = ("organisations", "contacts", "meetings", "taskforces", "actions")
# Modules of resilian_desktop.commands that add their own subcommands.
EXTENSIONS: tuple[str, ...] = (
    "records",
    "backups",
    "privacy",
    "export",
    "import_files",
    "merge",
    "signatures",
    "proofs",
    "audit_pack",
    "copy_to",
    "team",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resilian-desktop",
        description=(
            "RESILIAN Desktop: the network's organisations, contacts, meetings and taskforces."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"database file (default: ${paths.DATABASE_ENV} or {paths.default_database_path()})",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on the demo database of the user data folder (created if missing)",
    )
    parser.add_argument(
        "--lang",
        choices=("fr", "en"),
        help="language of the window (default: $RESILIAN_LANG, else the last one chosen, else fr)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check, headless, that this installation works (database, exports, window)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="fill the database with a fictional network")
    demo.set_defaults(handler=cmd_demo)
    demo.add_argument("--scale", type=_positive_int, default=1, help="multiply the network by N")
    demo.add_argument(
        "--seed", type=int, default=2018, help="random seed (same seed, same network)"
    )

    listing = commands.add_parser("list", help="list records")
    listing.set_defaults(handler=cmd_list)
    listing.add_argument("entity", choices=LIST_ENTITIES)
    listing.add_argument(
        "--taskforce", type=int, metavar="ID", help="contacts: members; actions: roadmap"
    )
    listing.add_argument(
        "--meeting", type=int, metavar="ID", help="contacts: that meeting's attendees"
    )
    listing.add_argument("--json", action="store_true", help="one JSON array on stdout")
    listing.add_argument(
        "--archived", action="store_true", help="include archived records (marked archived)"
    )

    search = commands.add_parser("search", help="accent-insensitive search across all records")
    search.set_defaults(handler=cmd_search)
    search.add_argument("text")
    search.add_argument("--limit", type=_positive_int, default=50)
    search.add_argument("--json", action="store_true", help="one JSON array on stdout")

    check = commands.add_parser("check", help="integrity and foreign-key check of the database")
    check.set_defaults(handler=cmd_check)
    for name in EXTENSIONS:
        importlib.import_module(f"resilian_desktop.commands.{name}").register(commands)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be 1 or more")
    return value


# --- commands ----------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    # Imported by the command that needs it: the window starts through this module too.
    from resilian_desktop.demo import generate_demo

    with opened_database(args) as db:
        summary = generate_demo(db, scale=args.scale, seed=args.seed)
    print(
        f"demo network written to {db.location}: {summary.organisations} organisations, "
        f"{summary.contacts} contacts, {summary.meetings} meetings, "
        f"{summary.attendances} attendances, "
        f"{summary.taskforces} taskforces, {summary.actions} roadmap actions "
        f"in {summary.seconds:.1f} s"
    )
    return 0


def _list_items(db: Any, args: argparse.Namespace) -> list[dict[str, Any]]:
    # Imported by the command that needs it: the window starts through this module too.
    from resilian_desktop.services import contacts, meetings, organisations, taskforces

    entity = args.entity
    if args.meeting is not None and entity != "contacts":
        raise UsageError("--meeting applies to: list contacts")
    if args.taskforce is not None and entity not in ("contacts", "actions", "meetings"):
        raise UsageError("--taskforce applies to: list contacts, list actions, list meetings")
    if args.meeting is not None and args.taskforce is not None:
        raise UsageError("give --meeting or --taskforce, not both")
    if args.taskforce is not None:
        taskforces.get_taskforce(db, args.taskforce)  # NotFoundError for an unknown id

    archived = args.archived
    if entity == "organisations":
        # Shallow copies: the nested membership rows are written by json_default
        # (a deep asdict of 39,000 rows took 3.7 s).
        return [
            _marked(asdict(o))
            for o in organisations.list_organisations(
                db, include_archived=archived, with_links=True
            )
        ]
    if entity == "contacts":
        if args.meeting is not None:
            return [
                {
                    "id": a.person_id,
                    "first_name": a.first_name,
                    "last_name": a.last_name,
                    "organisation": a.organisation_name,
                    "job_title": a.job_title,
                    "status": a.status,
                    "role": a.role,
                    "present_morning": a.present_morning,
                    "present_afternoon": a.present_afternoon,
                }
                for a in meetings.list_attendance(db, args.meeting)
            ]
        return [
            _marked({**asdict(p), "organisation": p.organisation_name})
            for p in contacts.list_contacts(
                db, taskforce_id=args.taskforce, include_archived=archived
            )
        ]
    if entity == "meetings":
        return [
            _marked({**asdict(m), "half_days": list(m.half_days)})
            for m in meetings.list_meetings(
                db, taskforce_id=args.taskforce, include_archived=archived
            )
        ]
    if entity == "taskforces":
        return [
            _marked(asdict(t)) for t in taskforces.list_taskforces(db, include_archived=archived)
        ]
    today = dt.date.today()
    return [
        {**asdict(a), "late": a.is_late(today)}
        for a in taskforces.list_actions(db, taskforce_id=args.taskforce, include_archived=archived)
    ]


def asdict(row: Any) -> dict[str, Any]:
    """A row's fields as a new dict; shallow, unlike dataclasses.asdict, which
    deep-copies every value and costs seconds on 150,000 rows."""
    return dict(row.__dict__)


def _marked(item: dict[str, Any]) -> dict[str, Any]:
    item["archived"] = item.get("archived_at") is not None
    return item


_TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "organisations": ("id", "name", "kind", "commune", "siret"),
    "contacts": ("id", "last_name", "first_name", "organisation", "status"),
    "meetings": ("id", "date", "kind", "title", "invited", "present"),
    "taskforces": ("id", "name", "status", "actions", "actions_late"),
    "actions": ("id", "position", "title", "status", "due_date", "owner"),
}


def cmd_list(args: argparse.Namespace) -> int:
    with opened_database(args) as db:
        items = _list_items(db, args)
    if args.json:
        print_json(items)
    else:
        columns = _TEXT_COLUMNS[args.entity]
        for item in items:
            print("\t".join("" if item.get(c) is None else str(item.get(c)) for c in columns))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    # Imported by the command that needs it: the window starts through this module too.
    from resilian_desktop.services.search import search

    with opened_database(args) as db, db.read() as session:
        hits = search(session, args.text, limit=args.limit)
    if args.json:
        print_json(hits)
    else:
        for hit in hits:
            print(f"{hit.type}\t{hit.id}\t{hit.label}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    # Imported by the command that needs it: the window starts through this module too.
    from resilian_desktop.db.storage import SchemaState, check, check_file, probe

    path = paths.database_path(args.db)
    if isinstance(path, Path) and probe(path).state is SchemaState.DAMAGED:
        # Listed, not refused: finding what is wrong is what check is for.
        problems = check_file(path)
    else:
        with opened_database(args) as db:
            problems = check(db)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        return 1
    if isinstance(path, Path):
        print(f"{path}: integrity and foreign keys ok")
    else:
        print(
            f"{path}: constraints validated, indexes valid, id sequences ahead of the ids, "
            "fold() as the application's, search index complete"
        )
    return 0


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def run(argv: Sequence[str] | None = None) -> int:
    """Parse *argv* and run the command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        # Before anything is opened or created: a URL of another engine is refused.
        paths.database_path(args.db)
    except paths.UnsupportedDatabaseError as error:
        parser.error(str(error))
    if args.self_test:
        # The self-test and the window (Qt) load only when asked for.
        from resilian_desktop.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        # Qt only for the window, as above.
        from resilian_desktop.app import run_gui

        return run_gui(db_option=args.db, demo=args.demo, language=args.lang)
    if args.demo:
        parser.error("--demo opens the window; for a demo database file use: demo")
    # Here, not at the top: the window starts through this module, and the
    # database layer loads after its first paint.
    from resilian_desktop.db import access

    access.lock_wait_reporter = _say
    try:
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except UsageError as error:
        parser.error(str(error))
    except ValidationError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`... | head`): stop quietly, as Unix tools do.
        # Before OSError, of which it is a subclass.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (ResilianError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except Exception as error:
        # A SQLite failure that is not the code's fault (full disk, busy,
        # permissions, damage) reaching here unexplained: one line, naming the
        # database. Anything else is a bug, and keeps its traceback.
        if access.error_kind(error) is None:
            raise
        location = paths.database_path(args.db)
        if not isinstance(location, Path) and access.server_refusal(error) is None:
            raise
        print(f"error: {access.explain(location, error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: nothing was written by the interrupted step", file=sys.stderr)
        return 130
