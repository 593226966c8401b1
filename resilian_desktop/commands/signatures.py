"""`signatures add|list|verify`: signatures captured elsewhere, listed, and their chain checked."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from resilian_desktop.commands.common import opened_database, print_json
from resilian_desktop.services import signatures


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "signatures", help="signatures per half-day: record one, list them, verify their chain"
    )
    actions = parser.add_subparsers(dest="signatures_action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help="record a signature captured elsewhere; marks the person present"
    )
    add.add_argument("--meeting", type=int, required=True, metavar="ID")
    add.add_argument("--person", dest="contact", type=int, required=True, metavar="ID")
    add.add_argument("--half-day", required=True, choices=signatures.HALF_DAYS)
    add.add_argument("--image", type=Path, required=True, metavar="FILE.png")
    add.set_defaults(handler=cmd_add)
    listing = actions.add_parser("list", help="a meeting's signatures, in the chain's order")
    listing.add_argument("--meeting", type=int, required=True, metavar="ID")
    listing.add_argument("--json", action="store_true", help="one JSON array on stdout")
    listing.set_defaults(handler=cmd_list)
    verify = actions.add_parser(
        "verify", help="check a meeting's chain (and the code printed on its sheet)"
    )
    verify.add_argument("--meeting", type=int, required=True, metavar="ID")
    verify.add_argument("--code", metavar="CODE", help="the code read off the printed sheet")
    verify.set_defaults(handler=cmd_verify)


def cmd_add(args: argparse.Namespace) -> int:
    image = args.image.read_bytes()  # OSError: one line naming the file (cli.run)
    with opened_database(args) as db:
        row = signatures.add_signature(
            db, args.meeting, args.contact, args.half_day, image, source=str(args.image)
        )
    print(
        f"signature {row.id} of person {row.person_id} recorded for the {row.half_day} of "
        f"meeting {row.meeting_id} at {row.signed_at}; person marked present"
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with opened_database(args) as db:
        rows = signatures.list_signatures(db, args.meeting)
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "position": r.position,
                    "person_id": r.person_id,
                    "organisation": r.organisation_name,
                    "half_day": r.half_day,
                    "signed_at": r.signed_at,
                    "sha256": r.sha256,
                    "chain_hash": r.chain_hash,
                    "erased": r.image is None,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            print(f"{r.id}\t{r.person_id}\t{r.half_day}\t{r.signed_at}\t{r.sha256[:12]}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with opened_database(args) as db:
        result = signatures.verify_chain(db, args.meeting, args.code)
    if not result.intact:
        print(f"error: meeting {args.meeting}: {result.problem}", file=sys.stderr)
        return 1
    print(
        f"meeting {args.meeting}: {result.signatures} signature(s), "
        f"chain intact, code {result.code}"
    )
    return 0
