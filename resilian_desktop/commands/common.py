"""Helpers shared by every command: opening the database, printing JSON, usage errors."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, Any

from resilian_desktop import paths

if TYPE_CHECKING:
    from resilian_desktop.db.engine import Database
    from resilian_desktop.services.stats import Period


class UsageError(Exception):
    """Arguments that parse but make no sense together (exit 2)."""


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-01-31") from None


def add_period_options(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    """--from, --to and --programme: the period of a report, its proofs or its pack."""
    parser.add_argument(
        "--from",
        dest="date_from",
        type=iso_date,
        required=required,
        metavar="DATE",
        help="first day, 2026-01-01",
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        type=iso_date,
        required=required,
        metavar="DATE",
        help="last day, included",
    )
    parser.add_argument(
        "--programme", type=int, metavar="ID", help="one programme only (default: all)"
    )


def chosen_period(args: argparse.Namespace) -> Period:
    """The period of --from, --to and --programme; UsageError when it runs backwards."""
    # On run: the services load only for commands that use them.
    from resilian_desktop.services.stats import Period

    if args.date_to < args.date_from:
        raise UsageError(f"--to {args.date_to} is before --from {args.date_from}")
    return Period(args.date_from, args.date_to, args.programme)


@contextmanager
def opened_database(args: argparse.Namespace) -> Iterator[Database]:
    """The database chosen by --db / RESILIAN_DB / default, opened and migrated,
    for the length of a ``with`` block; disposed after it."""
    # Imported when a command runs: SQLAlchemy is not needed to parse arguments.
    from resilian_desktop.db.storage import open_database

    db = open_database(paths.database_path(args.db), backup_dir=paths.backup_dir())
    try:
        _keep_erasures(db)
        yield db
    finally:
        db.dispose()


def _keep_erasures(db: Database) -> None:
    # Here, not at the top: the window starts through the command line, and
    # the services load after its first paint.
    from resilian_desktop.services.privacy import keep_erasures

    again = keep_erasures(db)
    if again:
        contacts = ", ".join(str(i) for i in again)
        print(
            f"{db.location}: person {contacts} had been erased but came back with an older copy "
            "of the database: erased again",
            file=sys.stderr,
        )


def json_default(value: object) -> object:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        # Shallow: nested rows come back here; asdict's deep copies cost
        # seconds on a large list.
        return {f.name: getattr(value, f.name) for f in fields(value)}
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(items: Any) -> None:
    """One JSON document on stdout, UTF-8 text as typed (no \\u escapes)."""
    # One string, one write: json.dump would call write() for every token.
    sys.stdout.write(json.dumps(items, default=json_default, ensure_ascii=False))
    sys.stdout.write("\n")
