"""Where the application reads its resources and writes its data, logs and backups.

User data never goes next to the executable: a bundled application may sit in
a read-only program folder.
"""

from __future__ import annotations

import os
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


def database_path(option: str | None) -> Path:
    """The database chosen by --db, else RESILIAN_DB, else the default one."""
    chosen = option or os.environ.get(DATABASE_ENV)
    return Path(chosen).expanduser() if chosen else default_database_path()


def resources_dir() -> Path:
    """The resources/ folder, from a source checkout or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
