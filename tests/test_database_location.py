"""--db takes a file path, a sqlite:/// URL or a postgresql:// URL; a URL of
another engine is refused with exit 2 and a line saying which forms are
accepted, and nothing is created."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from resilian_desktop.paths import ServerDatabase, UnsupportedDatabaseError, database_location


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("resilian.sqlite", Path("resilian.sqlite")),
        ("/data/resilian.sqlite", Path("/data/resilian.sqlite")),
        ("C:\\data\\resilian.sqlite", Path("C:\\data\\resilian.sqlite")),  # a drive, no URL
        ("sqlite:///resilian.sqlite", Path("resilian.sqlite")),
        ("sqlite:////data/resilian.sqlite", Path("/data/resilian.sqlite")),
        ("SQLite:///x.sqlite", Path("x.sqlite")),
    ],
)
def test_accepted_forms(value: str, expected: Path) -> None:
    assert database_location(value) == expected


@pytest.mark.parametrize(
    ("value", "shown", "host", "port", "user", "name"),
    [
        ("postgresql://me@host/db", "postgresql://me@host/db", "host", None, "me", "db"),
        (
            "postgresql+psycopg://officer:s3cret@db.agence.fr:5433/resilian?sslmode=verify-full",
            "postgresql+psycopg://officer@db.agence.fr:5433/resilian?sslmode=verify-full",
            "db.agence.fr",
            5433,
            "officer",
            "resilian",
        ),
        (
            "postgres://me@/db?host=/run/pg",
            "postgres://me@/db?host=/run/pg",
            "/run/pg",
            None,
            "me",
            "db",
        ),
    ],
)
def test_postgresql_urls_name_a_server_database_and_never_show_the_password(
    value: str, shown: str, host: str, port: int | None, user: str, name: str
) -> None:
    found = database_location(value)
    assert isinstance(found, ServerDatabase)
    assert (found.shown, found.host, found.port, found.user, found.name) == (
        shown,
        host,
        port,
        user,
        name,
    )
    assert found.url == value  # TLS and other query options reach libpq as given
    assert "s3cret" not in str(found) and "s3cret" not in str(found.local_folder)


def test_a_postgresql_url_without_database_is_refused() -> None:
    with pytest.raises(UnsupportedDatabaseError, match="names no database"):
        database_location("postgresql://me@host/")


@pytest.mark.parametrize(
    "value",
    [
        "mysql://host/db",
        "http://example.fr/resilian.sqlite",
        "file:///data/resilian.sqlite",
        "sqlite://",
        "sqlite:///:memory:",
    ],
)
def test_refused_forms_say_what_is_accepted(value: str) -> None:
    with pytest.raises(UnsupportedDatabaseError) as refused:
        database_location(value)
    message = str(refused.value)
    assert message.startswith(f'--db "{value}": ') and "\n" not in message
    assert "a file path" in message and "sqlite:///" in message and "postgresql://" in message


@pytest.mark.parametrize("how", ["option", "environment"])
def test_the_command_refuses_with_exit_2_and_creates_nothing(tmp_path: Path, how: str) -> None:
    env = {**os.environ, "RESILIAN_DATA_DIR": str(tmp_path / "userdata")}
    args = [sys.executable, "-m", "resilian_desktop"]
    if how == "option":
        args += ["--db", "mysql://host/db"]
    else:
        env["RESILIAN_DB"] = "mysql://host/db"
    for command in (["list", "organisations"], ["demo"], []):
        done = subprocess.run(
            [*args, *command], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 2, done.stderr
        last = done.stderr.strip().splitlines()[-1]
        assert "mysql:// databases are not supported" in last and "a file path" in last
    assert sorted(p.name for p in tmp_path.iterdir()) == []
