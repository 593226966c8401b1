#!/usr/bin/env python3
"""Make a database at an old schema revision, filled by the demo, for migration tests.

    .venv/bin/python scripts/make_fixture_db.py 0001 tests/fixtures/schema_0001.sqlite

Run it when a release introduces a new revision, against the revision that
release shipped, and commit the file: tests then upgrade it to head and check
that no row was lost.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import tempfile
from pathlib import Path

from resilian_desktop.db.engine import Database, make_engine
from resilian_desktop.db.storage import open_database, upgrade
from resilian_desktop.demo import generate_demo


def main(revision: str, target: Path) -> int:
    """The demo is generated at head, then the columns the old schema has are copied."""
    if target.exists():
        target.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "head.sqlite"
        head = open_database(source, backup_dir=Path(tmp) / "backups")
        generate_demo(head, scale=1, seed=2018, today=dt.date(2026, 6, 15))
        head.dispose()
        old = Database(target, make_engine(target))
        upgrade(old, revision)
        old.dispose()
        raw = sqlite3.connect(target)
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("ATTACH DATABASE ? AS head", (str(source),))
        tables = [
            name
            for (name,) in raw.execute("SELECT name FROM main.sqlite_master WHERE type='table'")
            if name != "alembic_version" and not name.startswith("search_index")
        ]
        with raw:
            for table in tables:
                columns = ", ".join(
                    row[1] for row in raw.execute(f"PRAGMA main.table_info({table})")
                )
                raw.execute(
                    f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM head.{table}"
                )
            raw.execute("INSERT INTO main.search_index SELECT * FROM head.search_index")
        raw.execute("DETACH DATABASE head")
        # A standalone file: no -wal beside it to forget.
        raw.execute("PRAGMA journal_mode = DELETE")
        raw.execute("VACUUM")
        raw.close()
    print(f"{target}: schema {revision}, {target.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
