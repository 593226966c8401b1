"""Shared fixtures: every test runs against real databases in its own folder.

Databases are created by ``open_database``, the same path the application
takes, so each test's schema is the migrated production schema. Tests of a
module marked ``both_engines`` run twice: on a SQLite file, and on a fresh
database of a real PostgreSQL 15 server that the session starts itself
(tests/postgres.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Qt tests run without a display; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from resilian_desktop import paths
from resilian_desktop.db.engine import Database
from resilian_desktop.db.storage import open_database
from tests.postgres import (
    OPT_OUT_ENV,
    PostgresUnavailable,
    ThrowawayServer,
    opted_out,
    throwaway_server,
)

ENGINES = ("sqlite", "postgresql")
TEMPLATE = "resilian_template"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_engines"):
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user data folder and RESILIAN_DB."""
    monkeypatch.setenv("RESILIAN_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.delenv("RESILIAN_DB", raising=False)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[ThrowawayServer]:
    """The session's PostgreSQL server, with a migrated template database.

    Missing PostgreSQL fails the test with the reason (CI installs it), unless
    the developer opted out with RESILIAN_TESTS_WITHOUT_POSTGRESQL=1.
    """
    if opted_out():
        pytest.skip(f"PostgreSQL half skipped: {OPT_OUT_ENV} is set")
    try:
        with throwaway_server() as server:
            server.execute(f"CREATE DATABASE {TEMPLATE}")
            template = open_database(
                paths.server_database(server.url(TEMPLATE)), backup_dir=server.folder
            )
            template.dispose()
            yield server
    except PostgresUnavailable as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """sqlite, or postgresql in the second run of a both_engines test."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def server_database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a new database on the test server, migrated (a copy of the template)."""
    server: ThrowawayServer = request.getfixturevalue("postgres_server")
    name = server.new_name()
    server.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    yield server.url(name)
    server.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def empty_server_database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a new, empty database on the test server (no schema)."""
    server: ThrowawayServer = request.getfixturevalue("postgres_server")
    name = server.new_name("empty")
    server.execute(f"CREATE DATABASE {name}")
    yield server.url(name)
    server.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "network.sqlite"


@pytest.fixture
def db_location(engine: str, db_path: Path, request: pytest.FixtureRequest) -> str:
    """What --db names: the SQLite file, or the server database's URL."""
    if engine == "postgresql":
        return str(request.getfixturevalue("server_database_url"))
    return str(db_path)


@pytest.fixture
def db(db_location: str, tmp_path: Path) -> Iterator[Database]:
    database = open_database(paths.database_location(db_location), backup_dir=tmp_path / "backups")
    yield database
    database.dispose()
