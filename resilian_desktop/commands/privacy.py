"""`privacy export|erase|review`: personal data as the RGPD asks."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from resilian_desktop import paths
from resilian_desktop.commands.common import UsageError, opened_database, print_json
from resilian_desktop.services import privacy
from resilian_desktop.services.backups import BACKUPS_KEEP_ERASED_DATA


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "privacy", help="personal data: export what is held about a person, erase it, review"
    )
    actions = parser.add_subparsers(dest="privacy_action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="everything held about a person, as JSON or .xlsx")
    export.add_argument("--person", dest="contact", type=int, required=True, metavar="ID")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    export.set_defaults(handler=cmd_export)
    erase = actions.add_parser(
        "erase", help="erase a person's identity and details, keeping anonymous attendance"
    )
    erase.add_argument("--person", dest="contact", type=int, required=True, metavar="ID")
    erase.set_defaults(handler=cmd_erase)
    review = actions.add_parser("review", help="contacts with no activity for three years")
    review.add_argument("--json", action="store_true")
    review.add_argument(
        "--years",
        type=_review_years,
        default=privacy.REVIEW_AFTER_YEARS,
        help=f"years without activity (1 to {privacy.REVIEW_MAX_YEARS}; default 3)",
    )
    review.set_defaults(handler=cmd_review)


def _review_years(text: str) -> int:
    try:
        years = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= years <= privacy.REVIEW_MAX_YEARS:
        raise argparse.ArgumentTypeError(
            f"{years} years: give 1 to {privacy.REVIEW_MAX_YEARS} years without activity"
        )
    return years


def cmd_export(args: argparse.Namespace) -> int:
    # Imported here: openpyxl is not needed by the other commands (start-up time).
    from resilian_desktop.documents.personal_data.build import SUFFIXES, export_personal_data

    if args.output.suffix.lower() not in SUFFIXES:
        raise UsageError("the output file must end in .json or .xlsx")
    with opened_database(args) as db:
        export_personal_data(db, args.contact, args.output)
    print(f"data held about person {args.contact} written to {args.output}")
    return 0


def cmd_erase(args: argparse.Namespace) -> int:

    with opened_database(args) as db:
        mentions = privacy.mentions_of(db, args.contact)  # before the name goes
        entry = privacy.erase_contact(db, args.contact)
        journal_clean = privacy.purge_journal(db)
    print(f"person {args.contact} erased (register entry {entry}); anonymous attendance kept")
    if not journal_clean:
        print(
            f"the previous details stay in {db.path}-wal until the window that has the "
            "database open is closed"
        )
    if db.server is not None:
        print(
            f"{db.location}: the server's own backups (pg_dump files, base backups, archived "
            "WAL) made before now still hold this person's data until they expire; its "
            "deleted rows leave the data files at the next VACUUM"
        )
    folder = paths.backup_dir()
    copies = sum(1 for _ in folder.rglob("*.sqlite")) if folder.is_dir() else 0
    print(
        f"{copies} backup(s) in {folder} made before now still hold this person's data: "
        f"{BACKUPS_KEEP_ERASED_DATA}; restoring one applies this erasure again"
    )
    if mentions:
        print(f"{len(mentions)} free-text mention(s) still name this person; edit them by hand:")
        for mention in mentions:
            print(f"  {mention}")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    with opened_database(args) as db:
        rows = privacy.review_inactive(db, years=args.years)
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(
                f"{row.id}\t{row.last_name}\t{row.first_name}\t{row.organisation or ''}\t"
                f"{row.last_activity:%d/%m/%Y}"
            )
    return 0
