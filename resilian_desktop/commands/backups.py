"""`backup -o FILE` and `restore FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from resilian_desktop import paths
from resilian_desktop.db.access import window_holding
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.services.backups import backup_to, restore


def register(commands: Any) -> None:
    backup: argparse.ArgumentParser = commands.add_parser(
        "backup", help="copy the database, consistently, to a file"
    )
    backup.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    backup.set_defaults(handler=cmd_backup)
    restore_parser: argparse.ArgumentParser = commands.add_parser(
        "restore", help="replace the database by a backup (the current one is backed up first)"
    )
    restore_parser.add_argument("file", type=Path)
    restore_parser.add_argument(
        "--replace-unreadable",
        action="store_true",
        help=(
            "also replace a database no command can open (newer, another program's, "
            "not SQLite), keeping it whole beside the backups"
        ),
    )
    restore_parser.set_defaults(handler=cmd_restore)


def _sqlite_file(location: paths.DatabaseLocation) -> Path:
    if isinstance(location, paths.ServerDatabase):
        raise ResilianError(
            f"{location}: restore replaces a SQLite file; restore a server database with "
            "pg_restore (see the README)"
        )
    return location


def _database(args: argparse.Namespace) -> Path:
    path = _sqlite_file(paths.database_path(args.db))
    if not path.exists():
        raise ResilianError(f"{path}: no such database")
    return path


def cmd_backup(args: argparse.Namespace) -> int:
    # Imported when the command runs: SQLAlchemy is not needed to parse arguments.
    from resilian_desktop.db.storage import DatabaseRefused, probe

    location = paths.database_path(args.db)
    if isinstance(location, paths.ServerDatabase):
        from resilian_desktop.db.postgres import dump

        written = dump(location, args.output.expanduser())
        print(
            f"backup of {location} written to {written} "
            f"({written.stat().st_size // 1024} KiB, pg_dump custom format: "
            "restore it with pg_restore)"
        )
        return 0
    source = _database(args)
    found = probe(source)
    if found.detail:
        raise DatabaseRefused(source, found.state, found.detail)
    target = backup_to(source, args.output.expanduser())
    print(f"backup of {source} written to {target} ({target.stat().st_size // 1024} KiB)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    target = _sqlite_file(paths.database_path(args.db))
    holder = window_holding(target)
    if holder is not None:
        raise ResilianError(
            f"{target}: open in a window (process {holder}); close it before restoring"
        )
    result = restore(
        target,
        args.file.expanduser(),
        paths.backup_dir(),
        replace_unreadable=args.replace_unreadable,
    )
    if result.safety is not None:
        print(f"the previous database was saved to {result.safety}")
    if result.kept_aside is not None:
        print(f"the file it replaced was kept whole as {result.kept_aside}")
    if result.erasures_reapplied:
        contacts = ", ".join(str(i) for i in result.erasures_reapplied)
        print(
            f"{len(result.erasures_reapplied)} erasure(s) made after this backup applied "
            f"again (person {contacts})"
        )
    if result.files_restored:
        print(f"{result.files_restored} attached file(s) restored, their SHA-256 checked")
    for name in result.files_missing:
        print(
            f"attached file {name} is not in this backup: its record is kept, the file is missing"
        )
    print(f"{target} restored from {args.file}")
    return 0
