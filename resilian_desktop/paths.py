"""Where the application reads its resources and writes its data, logs and backups.

User data never goes next to the executable: a bundled application may sit in
a read-only program folder.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

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


# The forms a --db value may take, as the refusal lists them.
SUPPORTED_DATABASE_FORMS = (
    "a file path (resilian.sqlite, ~/data/resilian.sqlite, C:\\data\\resilian.sqlite)",
    "a SQLite URL (sqlite:///resilian.sqlite, sqlite:////home/me/resilian.sqlite)",
)
# scheme://... ; a Windows drive ("C:\\...") has one letter and no "//".
_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]+)://(.*)", re.DOTALL)


def database_location(value: str, *, given_as: str = "--db") -> Path:
    """The SQLite file that *value* names: a path, or a sqlite:/// URL.

    Any other URL (postgresql://, mysql://, http://...) raises
    UnsupportedDatabaseError with one line saying which forms are accepted:
    it is never taken for a file name (a folder "postgresql:" created).
    """
    match = _URL.match(value)
    if match is None:
        return Path(value).expanduser()
    scheme, rest = match[1].lower(), match[2]
    # sqlite:///relative.sqlite and sqlite:////absolute.sqlite, as SQLAlchemy writes them.
    if scheme == "sqlite" and rest.startswith("/") and rest[1:] not in ("", ":memory:"):
        return Path(rest[1:]).expanduser()
    raise UnsupportedDatabaseError(
        f'{given_as} "{value}": {scheme}:// databases are not supported; give '
        + " or ".join(SUPPORTED_DATABASE_FORMS)
    )


def database_path(option: str | None) -> Path:
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
