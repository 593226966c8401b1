"""`copy-to TARGET`: the whole database into an empty server database or a new file."""

from __future__ import annotations

import argparse
from typing import Any

from resilian_desktop import paths
from resilian_desktop.commands.common import UsageError, opened_database
from resilian_desktop.domain.errors import ResilianError


def register(commands: Any) -> None:
    copy: argparse.ArgumentParser = commands.add_parser(
        "copy-to",
        help=(
            "copy the whole database into an empty PostgreSQL database (postgresql://...) "
            "or a new SQLite file, ids kept, checked table by table; no merge"
        ),
    )
    copy.add_argument("target", metavar="TARGET")
    copy.set_defaults(handler=cmd_copy_to)


def cmd_copy_to(args: argparse.Namespace) -> int:
    # Imported when the command runs: SQLAlchemy is not needed to parse arguments.
    from resilian_desktop.db.copying import copy_database
    from resilian_desktop.db.storage import open_database

    try:
        target = paths.database_location(args.target, given_as="copy-to")
    except paths.UnsupportedDatabaseError as error:
        raise UsageError(str(error)) from None
    if target == paths.database_path(args.db):
        raise UsageError("copy-to: the target is the database itself")
    created = False
    if not isinstance(target, paths.ServerDatabase):
        if target.exists() and target.stat().st_size > 0:
            raise ResilianError(
                f"{target}: exists already; copy-to writes a new file (it does not merge)"
            )
        created = not target.exists()
    with opened_database(args) as source:
        destination = open_database(target, backup_dir=paths.backup_dir())
        try:
            checks = copy_database(source, destination)
        except BaseException:
            destination.dispose()
            if created and not isinstance(target, paths.ServerDatabase):
                for leftover in (
                    target,
                    *(target.with_name(target.name + s) for s in ("-wal", "-shm")),
                ):
                    leftover.unlink(missing_ok=True)
            raise
        destination.dispose()
    rows = sum(check.rows for check in checks)
    print(
        f"{source.location} copied to {target}: {rows} rows in {len(checks)} tables, "
        "each table's count and content digest equal to the source's; "
        "sort keys and search index rebuilt"
    )
    return 0
