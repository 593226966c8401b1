"""`attach` and `proofs`: scans attached to meetings, and the proof of each held meeting."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from resilian_desktop.commands.common import (
    add_period_options,
    chosen_period,
    opened_database,
    print_json,
)


def register(commands: Any) -> None:
    attach: argparse.ArgumentParser = commands.add_parser(
        "attach", help="attach a scanned sheet (PDF, PNG or JPEG) to a meeting"
    )
    attach.add_argument("--meeting", type=int, required=True, metavar="ID")
    attach.add_argument("file", type=Path, metavar="FILE")
    attach.set_defaults(handler=cmd_attach)
    proofs: argparse.ArgumentParser = commands.add_parser(
        "proofs", help="held meetings of a period with their proof: signed, scan or none"
    )
    add_period_options(proofs)
    proofs.add_argument("--json", action="store_true", help="one JSON array on stdout")
    proofs.set_defaults(handler=cmd_proofs)


def cmd_attach(args: argparse.Namespace) -> int:
    from resilian_desktop.services.attachments import attach_file

    with opened_database(args) as db:
        row = attach_file(db, args.meeting, args.file)
    print(
        f"{args.file} attached to meeting {row.meeting_id} as {row.path} "
        f"({row.media_type}, {row.size} bytes, SHA-256 {row.sha256})"
    )
    return 0


def cmd_proofs(args: argparse.Namespace) -> int:
    from resilian_desktop.services.proofs import meeting_proofs

    period = chosen_period(args)
    with opened_database(args) as db:
        rows = meeting_proofs(db, period)
    if args.json:
        print_json(
            [
                {
                    "meeting_id": r.meeting_id,
                    "date": r.date.isoformat(),
                    "title": r.title,
                    "proof": r.proof,
                    "signatures_due": r.signatures_due,
                    "signatures_given": r.signatures_given,
                    "attachments": r.attachments,
                    # Strings, as the command's contract says (issue 16); the same
                    # problems with their codes and people are in "checks".
                    "problems": list(r.problems),
                    "checks": [
                        {
                            "code": p.code,
                            "meeting_id": p.meeting_id,
                            "person_id": p.person_id,
                            "person_ids": list(p.person_ids),
                            "related_meeting_id": p.related_meeting_id,
                            "message": p.message,
                            "message_fr": p.message_fr,
                        }
                        for p in r.checks
                    ],
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            print(f"{r.meeting_id}\t{r.date.isoformat()}\t{r.proof}\t{r.title}")
            for p in r.checks:
                print(f"\t{p.code}: {p.message}")
    return 0
