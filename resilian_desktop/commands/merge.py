"""`merge organisation KEEP OTHER` and `merge contact KEEP OTHER`: end a duplicate.

    resilian-desktop merge organisation KEEP OTHER [--take FIELD ...] [--dry-run]
    resilian-desktop merge contact KEEP OTHER [--take FIELD ...] [--dry-run]

Everything that refers to OTHER moves to KEEP in one transaction; OTHER
stays, archived, pointing to KEEP. Each field keeps KEEP's value, or OTHER's
where KEEP has none (notes are joined); --take FIELD takes OTHER's value,
--keep FIELD KEEP's even when empty.
--dry-run lists what would move and writes nothing.
"""

from __future__ import annotations

import argparse
from typing import Any

from resilian_desktop.commands.common import opened_database
from resilian_desktop.domain.kinds import MERGEABLE, RecordKind
from resilian_desktop.services.merging import KEEP, OTHER, merge_records


def register(commands: Any) -> None:
    """Add the `merge` command to *commands*."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "merge", help="merge a duplicate organisation or contact into the record kept"
    )
    parser.add_argument("kind", choices=[k.value for k in MERGEABLE])
    parser.add_argument("keep", type=int, metavar="KEEP", help="id of the record kept")
    parser.add_argument("other", type=int, metavar="OTHER", help="id of the duplicate")
    parser.add_argument(
        "--take",
        action="append",
        default=[],
        metavar="FIELD",
        help="take OTHER's value of FIELD (default: KEEP's, or OTHER's when KEEP has none; "
        "notes joined); repeatable",
    )
    parser.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="FIELD",
        dest="keep_fields",
        help="keep KEEP's value of FIELD even when empty (notes: not joined); repeatable",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="list what would move, write nothing"
    )
    parser.set_defaults(handler=cmd_merge)


def cmd_merge(args: argparse.Namespace) -> int:

    kind = RecordKind(args.kind)
    choose = dict.fromkeys(args.keep_fields, KEEP) | dict.fromkeys(args.take, OTHER)
    with opened_database(args) as db:
        result = merge_records(db, kind, args.keep, args.other, choose=choose, dry_run=args.dry_run)
    prefix = "dry run, nothing written: " if args.dry_run else ""
    print(
        f"{prefix}{kind.value} {result.other_id} ({result.other_label}) "
        f"{'would be' if args.dry_run else ''}{' ' if args.dry_run else ''}"
        f"merged into {result.keep_id} ({result.keep_label})"
    )
    for line in result.lines():
        print(f"  {line}")
    return 0
