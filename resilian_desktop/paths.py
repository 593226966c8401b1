"""Where the application reads its resources and writes its data, logs and backups.

User data never goes next to the executable: a bundled application may sit in
a read-only program folder.
"""

from __future__ import annotations

import getpass
import os
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit, urlunsplit

import platformdirs

APP_NAME = "RESILIAN Desktop"
APP_SLUG = "resilian-desktop"
DATA_DIR_ENV = "RESILIAN_DATA_DIR"  # overrides the user data folder (tests, portable use)
DATABASE_ENV = "RESILIAN_DB"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False))


def log_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override) / "logs"
    return Path(platformdirs.user_log_dir(APP_SLUG, appauthor=False))


def backup_dir() -> Path:
    return data_dir() / "backups"


def default_database_path() -> Path:
    return data_dir() / "resilian.sqlite"


def demo_database_path() -> Path:
    return data_dir() / "demo.sqlite"


class UnsupportedDatabaseError(ValueError):
    """A --db or RESILIAN_DB value that names a database the application cannot open."""


@dataclass(frozen=True)
class ServerDatabase:
    """A database on a PostgreSQL server, named by a postgresql:// URL.

    *url* is the URL as given (its query options, such as sslmode, pass
    through to libpq); *shown* is the same without any password, for every
    message, title and list of recent databases: the application never
    writes a password down.
    """

    url: str
    shown: str
    host: str
    port: int | None
    user: str
    name: str

    @property
    def local_folder(self) -> Path:
        """Where this machine keeps what belongs to the server database but not
        in it (attachments, the erasure journal): in the user data folder."""
        server = f"{self.user}@{self.host}-{self.port or 5432}-{self.name}"
        return data_dir() / "servers" / re.sub(r"[^\w@.\-]+", "_", server)

    def __str__(self) -> str:
        return self.shown


DatabaseLocation = Path | ServerDatabase

# The forms a --db value may take, as the refusal lists them.
SUPPORTED_DATABASE_FORMS = (
    "a file path (resilian.sqlite, ~/data/resilian.sqlite, C:\\data\\resilian.sqlite)",
    "a SQLite URL (sqlite:///resilian.sqlite, sqlite:////home/me/resilian.sqlite)",
    "a PostgreSQL URL (postgresql://user@host:5432/resilian?sslmode=require)",
)
# scheme://... ; a Windows drive ("C:\\...") has one letter and no "//".
_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]+)://(.*)", re.DOTALL)
_POSTGRESQL_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def server_database(value: str, *, given_as: str = "--db") -> ServerDatabase:
    """The PostgreSQL database a postgresql:// URL names; the database name is required."""
    # The standard library's parser: this module is read by every layer,
    # documents included, which must not load SQLAlchemy.
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as error:
        unsafe = re.sub(r"(://[^:/@]*):[^@/]*@", r"\1@", value)  # never a password in a message
        raise UnsupportedDatabaseError(
            f'{given_as} "{unsafe}": not a valid URL ({error})'
        ) from None
    netloc = parts.netloc.rpartition("@")
    user_part = netloc[0].partition(":")[0] if netloc[1] else ""
    shown = urlunsplit(
        (
            parts.scheme,
            f"{user_part}@{netloc[2]}" if netloc[1] else netloc[2],
            parts.path,
            parts.query,
            "",
        )
    )
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise UnsupportedDatabaseError(
            f'{given_as} "{shown}": the URL names no database; '
            "give postgresql://user@host:5432/DATABASE"
        )
    socket_folder = parse_qs(parts.query).get("host", [""])[0]
    host = parts.hostname or socket_folder or "localhost"
    user = unquote(user_part) or os.environ.get("PGUSER") or login_name()
    return ServerDatabase(value, shown, host, port, user, name)


@cache
def login_name() -> str:
    """The login name of this process's account ("unknown" when it has none): the
    server user libpq assumes, and the author of a change on SQLite (db.audit)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a container without a passwd entry)
        return "unknown"


def database_location(value: str, *, given_as: str = "--db") -> DatabaseLocation:
    """The database that *value* names: a SQLite file (a path, or a sqlite:///
    URL) or a PostgreSQL database (a postgresql:// URL).

    Any other URL (mysql://, http://...) raises UnsupportedDatabaseError with
    one line saying which forms are accepted: it is never taken for a file
    name (a folder "mysql:" created).
    """
    match = _URL.match(value)
    if match is None:
        return Path(value).expanduser()
    scheme, rest = match[1].lower(), match[2]
    # sqlite:///relative.sqlite and sqlite:////absolute.sqlite, as SQLAlchemy writes them.
    if scheme == "sqlite" and rest.startswith("/") and rest[1:] not in ("", ":memory:"):
        return Path(rest[1:]).expanduser()
    if scheme in _POSTGRESQL_SCHEMES:
        return server_database(value, given_as=given_as)
    raise UnsupportedDatabaseError(
        f'{given_as} "{value}": {scheme}:// databases are not supported; give '
        + " or ".join(SUPPORTED_DATABASE_FORMS)
    )


def database_path(option: str | None) -> DatabaseLocation:
    """The database chosen by --db, else RESILIAN_DB, else the default one.

    Raises UnsupportedDatabaseError for a URL of a database it cannot open.
    """
    if option:
        return database_location(option)
    chosen = os.environ.get(DATABASE_ENV)
    return database_location(chosen, given_as=DATABASE_ENV) if chosen else default_database_path()


def resources_dir() -> Path:
    """The resources/ folder, from a source checkout or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
