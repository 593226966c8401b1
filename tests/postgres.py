"""A real PostgreSQL 15 server for the test session: initdb into a temporary
folder, a free port, its unix socket in that folder, stopped at the end.

initdb and pg_ctl refuse to run as root: as root (CI) they run as the
``postgres`` user, in a folder that user owns. When the binaries are missing
the PostgreSQL half of every parametrised test fails with a line saying how
to install them, unless RESILIAN_TESTS_WITHOUT_POSTGRESQL=1 says to skip it
(for a developer without PostgreSQL; CI installs it, so CI never skips).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PG_BIN_ENV = "RESILIAN_PG_BIN"  # another folder holding initdb and pg_ctl
DEFAULT_PG_BIN = Path("/usr/lib/postgresql/15/bin")
OPT_OUT_ENV = "RESILIAN_TESTS_WITHOUT_POSTGRESQL"
SUPERUSER = "postgres"


class PostgresUnavailable(RuntimeError):
    """The test server cannot be started here; the message says why and what to do."""


def pg_bin() -> Path:
    return Path(os.environ.get(PG_BIN_ENV, DEFAULT_PG_BIN))


def opted_out() -> bool:
    return os.environ.get(OPT_OUT_ENV, "") not in ("", "0")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ThrowawayServer:
    folder: Path
    port: int
    _run_as: list[str]
    _counter: int = 0

    def url(self, database: str) -> str:
        """A postgresql:// URL of *database* through the unix socket in the folder."""
        return f"postgresql://{SUPERUSER}@/{database}?host={self.folder}&port={self.port}"

    def tcp_url(self, database: str, user: str) -> str:
        """A URL through TCP, where the server asks *user* for a password."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def new_name(self, prefix: str = "test") -> str:
        self._counter += 1
        return f"{prefix}_{os.getpid()}_{self._counter}"

    def execute(self, *statements: str, database: str = "postgres") -> None:
        """Run statements outside any transaction (CREATE/DROP DATABASE need that)."""
        import psycopg

        with psycopg.connect(
            host=str(self.folder), port=self.port, user=SUPERUSER, dbname=database, autocommit=True
        ) as connection:
            for statement in statements:
                connection.execute(statement)  # type: ignore[arg-type]

    def pg_ctl(self, *args: str) -> None:
        subprocess.run(
            [*self._run_as, str(pg_bin() / "pg_ctl"), "-D", str(self.folder / "data"), *args],
            check=True,
            capture_output=True,
            text=True,
        )


@contextmanager
def throwaway_server() -> Iterator[ThrowawayServer]:
    """Start a throw-away PostgreSQL server; stopped and deleted on exit."""
    initdb = pg_bin() / "initdb"
    if not initdb.exists():
        raise PostgresUnavailable(
            f"PostgreSQL 15 is not installed ({initdb} missing): install Debian's "
            f"`postgresql` package (or set {PG_BIN_ENV} to the folder of initdb), or set "
            f"{OPT_OUT_ENV}=1 to skip the PostgreSQL half of the tests"
        )
    run_as: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="resilian-pg-"))
    if os.geteuid() == 0:
        # initdb and postgres refuse root: the server runs as "postgres".
        shutil.chown(folder, SUPERUSER, SUPERUSER)
        run_as = ["runuser", "-u", SUPERUSER, "--"]
    port = _free_port()
    server = ThrowawayServer(folder, port, run_as)
    try:
        subprocess.run(
            [
                *run_as,
                str(initdb),
                "-D",
                str(folder / "data"),
                "-U",
                SUPERUSER,
                # The socket trusts the session's superuser; TCP asks for a
                # password (the window's password prompt is tested through it).
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        # Throw-away data: no fsync; a socket in the folder, TCP on localhost.
        options = (
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        server.pg_ctl("-w", "-t", "60", "-o", options, "-l", str(folder / "server.log"), "start")
    except subprocess.CalledProcessError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise PostgresUnavailable(
            f"the test PostgreSQL server did not start: {error.stderr.strip() or error}"
        ) from error
    # A session stopped by SIGTERM (a CI timeout, `timeout`) would leave the
    # server running: the signal becomes an interruption, so the server stops.
    previous = signal.getsignal(signal.SIGTERM)
    in_main_thread = threading.current_thread() is threading.main_thread()
    if in_main_thread:
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield server
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
        try:
            server.pg_ctl("-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt("SIGTERM")
