"""`audit-pack`: the zip of a period's proofs for a funder's controller, and its check.

    resilian-desktop audit-pack --from DATE --to DATE [--programme ID] -o FILE.zip
    resilian-desktop audit-pack verify FILE.zip

Building prints one line naming the file, what it holds and the manifest's
SHA-256 (to send apart from the pack); on a terminal a progress bar on stderr.
Verifying needs no database: exit 0 and one line when the pack is intact,
exit 1 and one line per problem, the first file or record that fails first.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from resilian_desktop.commands.common import (
    UsageError,
    add_period_options,
    chosen_period,
    opened_database,
)
from resilian_desktop.commands.import_files import ProgressBar

# The documents are imported by the handlers, as in commands/export_excel.py
# (start-up time of every command and of the window).


def register(commands: Any) -> None:
    pack: argparse.ArgumentParser = commands.add_parser(
        "audit-pack",
        help="one zip of a period's sheets, scans, signatures and report, with a manifest; "
        "'audit-pack verify FILE.zip' checks one",
        usage="%(prog)s --from DATE --to DATE [--programme ID] -o FILE.zip\n"
        "       %(prog)s verify FILE.zip",
    )
    # Not required by argparse: "audit-pack verify FILE.zip" has none of them.
    add_period_options(pack, required=False)
    pack.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE.zip",
        help="the zip to write (replaced whole, or left as it was on error)",
    )
    pack.set_defaults(handler=cmd_audit_pack)
    actions = pack.add_subparsers(dest="pack_action", metavar="verify")
    verify = actions.add_parser("verify", help="check a pack, without the database")
    verify.add_argument("pack", type=Path, metavar="FILE.zip")
    verify.set_defaults(handler=cmd_verify)


def cmd_audit_pack(args: argparse.Namespace) -> int:
    from resilian_desktop.documents.audit_pack.build import build_audit_pack

    missing = [
        option
        for option, value in (
            ("--from", args.date_from),
            ("--to", args.date_to),
            ("-o", args.output),
        )
        if value is None
    ]
    if missing:
        raise UsageError(f"audit-pack needs {', '.join(missing)} (or: audit-pack verify FILE.zip)")
    period = chosen_period(args)
    bar = ProgressBar(f"{args.output.name}: audit pack", unit="sheets")
    try:
        with opened_database(args) as db:
            pack = build_audit_pack(db, period, args.output, progress=bar)
    finally:
        bar.close()
    print(
        f"audit pack written to {args.output}: {pack.meetings} meetings held, "
        f"{pack.signatures} signatures, {pack.scans} scans, {pack.problems} problems, "
        f"{pack.files} files; manifest SHA-256 {pack.manifest_sha256}"
    )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from resilian_desktop.documents.audit_pack.verify import verify_pack

    if any(value is not None for value in (args.date_from, args.date_to, args.output)):
        raise UsageError("audit-pack verify takes only the pack: FILE.zip")
    check = verify_pack(args.pack)
    if check.intact:
        print(check.summary())
        return 0
    for problem in check.problems:
        print(f"error: {args.pack}: {problem}", file=sys.stderr)
    return 1
