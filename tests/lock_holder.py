"""A second process that holds a database's write lock, as a long import does.

    python -m tests.lock_holder DB SECONDS [TOPIC] [--exclusive | --read]

Opens DB as the application does, adds the topic TOPIC in one write
transaction, prints "locked" once it holds the write lock, sleeps SECONDS,
commits and prints "committed". With --exclusive it instead switches the file
to a rollback journal and holds an exclusive lock, which keeps readers out
too (another program doing so, or the demo loading). With --read it holds
a read transaction open, as a window showing a list does.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

from resilian_desktop.db.models import Topic
from resilian_desktop.db.storage import open_database


def main(argv: list[str]) -> int:
    path, seconds = Path(argv[0]), float(argv[1])
    if "--read" in argv:  # an open window reading: holds a snapshot, writes nothing
        raw = sqlite3.connect(path, isolation_level=None)
        raw.execute("BEGIN")
        raw.execute("SELECT count(*) FROM person").fetchone()
        print("locked", flush=True)
        time.sleep(seconds)
        raw.execute("COMMIT")
        return 0
    if "--exclusive" in argv:
        raw = sqlite3.connect(path, isolation_level=None)
        raw.execute("PRAGMA journal_mode = DELETE")
        raw.execute("BEGIN EXCLUSIVE")
        print("locked", flush=True)
        time.sleep(seconds)
        raw.execute("COMMIT")
        raw.execute("PRAGMA journal_mode = WAL")
        print("committed", flush=True)
        return 0
    topic = argv[2] if len(argv) > 2 else "Écrit pendant l'attente"
    db = open_database(path, backup_dir=path.parent / "holder-backups")
    try:
        with db.write() as session:
            session.add(Topic(name=topic))
            session.flush()
            print("locked", flush=True)
            time.sleep(seconds)
        print("committed", flush=True)
    finally:
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
