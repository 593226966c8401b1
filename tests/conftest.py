"""Shared fixtures: every test runs against real SQLite files in its own folder.

Databases are created by ``open_database``, the same path the application
takes, so each test's schema is the migrated production schema.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Qt tests run without a display; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from resilian_desktop.db.engine import Database
from resilian_desktop.db.storage import open_database


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user data folder and RESILIAN_DB."""
    monkeypatch.setenv("RESILIAN_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.delenv("RESILIAN_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "network.sqlite"


@pytest.fixture
def db(db_path: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_database(db_path, backup_dir=tmp_path / "backups")
    yield database
    database.dispose()
