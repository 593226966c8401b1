"""Two officers import the same file into the same server database at once: no duplicate.

On SQLite the import's transaction takes the file's write lock at BEGIN
(BEGIN IMMEDIATE); on PostgreSQL every write transaction takes the
application's advisory lock first (db.postgres), so the second import waits,
then finds the first one's records and updates them instead of adding them
again. Real processes, through the command line, released together.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from resilian_desktop import paths
from resilian_desktop.db.models import Contact, Organisation
from resilian_desktop.db.postgres import WRITE_LOCK_KEY
from resilian_desktop.db.storage import open_database
from tests.test_imports import SAMPLES

pytestmark = pytest.mark.usefixtures("postgres_server")


def _start_import(url: str, kind: str, file: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "resilian_desktop", "--db", url, "import", kind, str(file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "RESILIAN_LOCK_WAIT": "120"},
    )


@pytest.mark.parametrize(
    ("kind", "file", "model"),
    [
        ("organisations", "organisations.xlsx", Organisation),
        ("contacts", "contacts.csv", Contact),
    ],
)
def test_two_imports_of_the_same_file_at_once_leave_no_duplicate(
    server_database_url: str, tmp_path: Path, kind: str, file: str, model: type
) -> None:
    location = paths.server_database(server_database_url)
    # Both imports start while a third session holds the write lock, so they
    # are both inside their transaction, waiting, when it is released.
    with psycopg.connect(server_database_url) as holder:
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
        imports = [_start_import(server_database_url, kind, SAMPLES / file) for _ in range(2)]
        time.sleep(4)  # both processes started and polling for the lock
        assert all(p.poll() is None for p in imports), "an import did not wait for the lock"
        holder.commit()  # releases the lock: the two race for it
    outputs = [p.communicate(timeout=120) for p in imports]
    for process, (_out, err) in zip(imports, outputs, strict=True):
        assert process.returncode == 0, err
    db = open_database(location, backup_dir=tmp_path)
    try:
        with db.read() as session:
            total = session.scalar(select(func.count()).select_from(model))
            if model is Organisation:
                names = session.scalars(select(Organisation.name)).all()
            else:
                names = session.scalars(select(Contact.sort_name)).all()
    finally:
        db.dispose()
    assert total and len(set(names)) == len(names) == total
    # One import created the records, the other found every one of them.
    created = sorted(int(re.search(r"(\d+) created", out)[1]) for out, _err in outputs)  # type: ignore[index]
    assert created == [0, total], outputs
