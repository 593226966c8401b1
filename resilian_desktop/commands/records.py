"""`archive`, `unarchive` and `delete` of organisations, contacts, meetings and taskforces."""

from __future__ import annotations

import argparse
from typing import Any

from resilian_desktop.commands.common import opened_database
from resilian_desktop.services.archive import (
    ENTITIES,
    archive,
    delete_record,
    preview_deletion,
    unarchive,
)


def _add(commands: Any, name: str, help_text: str, handler: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(name, help=help_text)
    parser.add_argument("entity", choices=ENTITIES)  # domain.kinds.RecordKind
    parser.add_argument("id", type=int)
    parser.set_defaults(handler=handler)
    return parser


def register(commands: Any) -> None:
    _add(
        commands,
        "archive",
        "take a record out of the everyday lists, keeping its history",
        cmd_archive,
    )
    _add(commands, "unarchive", "bring an archived record back", cmd_unarchive)
    delete = _add(commands, "delete", "delete a record without history", cmd_delete)
    delete.add_argument(
        "--dry-run", action="store_true", help="say what would be deleted, delete nothing"
    )


def cmd_archive(args: argparse.Namespace) -> int:
    with opened_database(args) as db:
        label = archive(db, args.entity, args.id)
    print(f"archived {args.entity} {args.id} ({label})")
    return 0


def cmd_unarchive(args: argparse.Namespace) -> int:
    with opened_database(args) as db:
        label = unarchive(db, args.entity, args.id)
    print(f"restored {args.entity} {args.id} ({label})")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    with opened_database(args) as db:
        preview = preview_deletion(db, args.entity, args.id)
        goes_with = ", ".join(f"{n} {what}" for what, n in preview.goes_with.items())
        suffix = f", with {goes_with}" if goes_with else ""
        if args.dry_run and preview.can_delete:
            print(f"would delete {args.entity} {args.id} ({preview.label}){suffix}")
            return 0
        delete_record(db, args.entity, args.id)  # HasHistoryError gives the reason
    print(f"deleted {args.entity} {args.id} ({preview.label}){suffix}")
    return 0
