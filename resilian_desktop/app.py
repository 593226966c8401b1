"""Start-up wiring: paths -> lock -> database (migrated) -> translator -> main window."""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QLockFile, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from resilian_desktop import __version__, paths
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.logs import PrivateRotatingFileHandler
from resilian_desktop.qt.style import install_style

# The data layer (SQLAlchemy, the models, Alembic) is imported when the
# database opens, after the start window has painted: see run_gui.
if TYPE_CHECKING:
    from resilian_desktop.db.engine import Database
    from resilian_desktop.qt.main_window import MainWindow

log = logging.getLogger("resilian_desktop")
DEFAULT_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")
LANGUAGE_ENV = "RESILIAN_LANG"  # chooses the language at start, like --lang
LOG_FILE_NAME = "resilian-desktop.log"

# Translators installed now, removed when the language changes.
_translators: list[QTranslator] = []
# The language of the interface now (the translators' language).
_language: list[str] = [DEFAULT_LANGUAGE]
# Top-level windows opened from code (another database, another language);
# kept referenced here so Python does not collect them while they are shown.
_windows: list[MainWindow] = []


def setup_logging() -> Path:
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    log_file = folder / LOG_FILE_NAME
    handler = PrivateRotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    # Imported here: db.backup loads SQLAlchemy, which start-up loads after painting.
    from resilian_desktop.db.backup import restrict_to_owner

    restrict_to_owner(log_file)  # a log written by an older version
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load the application's and Qt's own translations for *language*.

    English is the source language: its catalogue holds only plural forms.
    """
    translators: list[QTranslator] = []
    candidates = [(paths.resources_dir() / "translations", f"resilian_{language}")]
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    else:
        QLocale.setDefault(QLocale(language))
        candidates.append(
            (
                Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                f"qtbase_{language}",
            )
        )
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            translators.append(translator)
        else:
            log.warning("no %s translation %s in %s", language, name, folder)
    return translators


def apply_language(language: str) -> None:
    """Replace the installed translators by those of *language*."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for translator in _translators:
        app.removeTranslator(translator)
    _translators[:] = install_translators(app, language)
    _language[0] = language


def language_in_use() -> str:
    """The interface's language: "fr" or "en"."""
    return _language[0]


def start_language(option: str | None) -> str:
    """The language to start in: --lang, else $RESILIAN_LANG, else the one last
    chosen in the window (View > Language), else French."""
    from_env = os.environ.get(LANGUAGE_ENV, "").strip().lower()
    if from_env and from_env not in LANGUAGES:
        log.warning("%s=%s is not one of %s; ignored", LANGUAGE_ENV, from_env, ", ".join(LANGUAGES))
        from_env = ""
    chosen = option or from_env or str(QSettings().value("language", DEFAULT_LANGUAGE))
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("RESILIAN")
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationVersion(__version__)
    install_style(app)
    return app


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """An unexpected error is logged and shown; the application keeps running."""
    log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, tb)))
    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            paths.APP_NAME,
            QApplication.translate(
                "App", "An unexpected error occurred: {error}\n\nDetails are in the log file {log}."
            ).format(error=error, log=paths.log_dir() / LOG_FILE_NAME),
        )


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    # A worker thread cannot show a dialog; its error goes to the log.
    log.error(
        "unexpected error in thread %s\n%s",
        getattr(args.thread, "name", "?"),
        "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)),
    )


def install_exception_hooks() -> None:
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook


def ensure_demo_database(path: Path) -> None:
    """Create the demo database at *path* when it does not exist yet."""
    if path.exists():
        return
    # The data layer loads after the start window's first paint (start-up time).
    from resilian_desktop.db.storage import open_database
    from resilian_desktop.demo import generate_demo

    db = open_database(path, backup_dir=paths.backup_dir())
    try:
        generate_demo(db)
    finally:
        db.dispose()


def acquire_database_lock(path: Path) -> QLockFile | None:
    """Lock *path* for this window; None when another live window holds it.

    One window per database file: a second one would write beside the first.
    A lock left by a crashed process is recognised by its dead PID and taken.
    """
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(200) else None


def _read_only(path: Path) -> bool:
    from resilian_desktop.db.storage import read_only_reason  # the data layer, when needed

    return bool(read_only_reason(path))


def open_server_window(location: paths.ServerDatabase) -> MainWindow | None:
    """Open a PostgreSQL database and show its window; None (after telling the
    user why) when it is refused or the server cannot be reached.

    The password comes from PGPASSWORD or ~/.pgpass (libpq), else it is asked
    here and given to the driver only: never written down. No lock file (the
    server serialises writers itself) and no automatic file backups (the
    server's backups are pg_dump's, see the README).
    """
    app = make_application()
    from resilian_desktop.db.access import StorageError
    from resilian_desktop.db.storage import open_server_database

    password: str | None = None
    while True:
        try:
            database = open_server_database(location, password=password)
            break
        except StorageError as error:
            if error.kind != "password":
                _refused(location, error)
                return None
            password, given = QInputDialog.getText(
                None,
                paths.APP_NAME,
                app.translate("App", "Password of {user} on {server}:").format(
                    user=location.user, server=location.shown
                ),
                QLineEdit.EchoMode.Password,
            )
            if not given:
                return None
        except ResilianError as error:
            _refused(location, error)
            return None
    from resilian_desktop.qt.main_window import MainWindow  # after the database, as below

    window = MainWindow(database, lock=None, host=HOST)
    window.owns_database = True  # no lock file, but the window closes the connections
    window.show()
    keep_window(window)
    log.info("opened %s", location)
    return window


def _refused(location: paths.ServerDatabase, error: Exception) -> None:
    log.error("cannot open %s: %s", location, error)
    QMessageBox.critical(
        None,
        paths.APP_NAME,
        QApplication.translate("App", "Cannot open the database:\n{error}").format(error=error),
    )


def open_window(path: paths.DatabaseLocation, *, demo: bool = False) -> MainWindow | None:
    """Lock and open the database at *path* and show its window; None (after
    telling the user why) when it is locked by another window or refused."""
    if isinstance(path, paths.ServerDatabase):
        return open_server_window(path)
    app = make_application()
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = acquire_database_lock(path)
    # Beside a read-only database no lock file can be made; nothing can be
    # written either (it opens read-only), so a second window is harmless.
    if lock is None and not (path.exists() and _read_only(path)):
        QMessageBox.warning(
            None,
            paths.APP_NAME,
            app.translate("App", "The database {path} is already open in another window.").format(
                path=path
            ),
        )
        return None
    try:
        if demo:
            ensure_demo_database(path)
        # After the start window's first paint (start-up time), like the rest
        # of the data layer.
        from resilian_desktop.db.storage import open_database

        database: Database = open_database(path, backup_dir=paths.backup_dir())
        from resilian_desktop.services.privacy import keep_erasures  # idem, after the paint

        for person_id in keep_erasures(database):  # an older copy put back by hand
            log.warning("person %s came back with an older copy: erased again", person_id)
    except ResilianError as error:
        log.error("cannot open %s: %s", path, error)
        QMessageBox.critical(
            None,
            paths.APP_NAME,
            app.translate("App", "Cannot open the database:\n{error}").format(error=error),
        )
        if lock is not None:
            lock.unlock()
        return None

    # After the database (see the top): the window pulls the data layer in.
    from resilian_desktop.qt.main_window import MainWindow

    window = MainWindow(database, lock=lock, host=HOST)
    window.show()
    keep_window(window)
    log.info("opened %s", path)
    start_backups(database)
    # After the window's paint, as the data layer (see the top of the module).
    from resilian_desktop.db.location import location_warnings

    for warning in location_warnings(path):
        log.warning(warning)
        QMessageBox.warning(
            window,
            paths.APP_NAME,
            app.translate(
                "App",
                "This database sits where it can be damaged:\n{warning}\n\n"
                "Move it to a local folder (File > Save a copy), and keep backups elsewhere.",
            ).format(warning=warning),
        )
    return window


def _in_background(name: str, job: Callable[[], object]) -> None:
    """Run a backup beside the interface: a copy of a large database takes seconds.

    The copy goes to a temporary name and is renamed when whole, so a thread
    stopped by the application's exit leaves no broken backup behind.
    """

    def run() -> None:
        try:
            job()
        except Exception:  # a failed backup is logged; the officer's work goes on
            log.exception("%s failed", name)

    threading.Thread(target=run, name=name, daemon=True).start()


def start_backups(database: Database) -> None:
    """The day's automatic backups now, and one more after every CHANGES_BETWEEN_BACKUPS saves."""
    # After the window's paint, as the data layer (see the top of the module).
    from resilian_desktop.services.backups import (
        ChangeCounter,
        automatic_backup,
        changes_backup,
    )

    folder = paths.backup_dir()
    _in_background("daily backup", lambda: automatic_backup(database.path, folder))
    counter = ChangeCounter()

    def committed() -> None:
        if counter.committed():
            _in_background("changes backup", lambda: changes_backup(database.path, folder))

    database.commit_listeners.append(committed)


def keep_window(window: MainWindow) -> None:
    """Hold a reference to *window* until it is destroyed."""
    _windows.append(window)
    window.destroyed.connect(
        lambda _obj=None: _windows.remove(window) if window in _windows else None
    )


class ApplicationHost:
    """The window lifecycle a main window asks for (qt.main_window.WindowHost)."""

    def open_window(self, path: paths.DatabaseLocation) -> MainWindow | None:
        return open_window(path)

    def apply_language(self, code: str) -> None:
        apply_language(code)

    def keep_window(self, window: MainWindow) -> None:
        keep_window(window)

    def ensure_demo_database(self, path: Path) -> None:
        ensure_demo_database(path)


HOST = ApplicationHost()


def run_gui(*, db_option: str | None, demo: bool, language: str | None = None) -> int:
    # A save waits on the interface's thread: no longer than SQLite's own
    # busy timeout, then the one-line "in use by ..." message, instead of the
    # command line's minute of waiting. (access needs only the standard library.)
    from resilian_desktop.db import access

    access.LOCK_WAIT_SECONDS = 5.0
    app = make_application()
    _language[0] = start_language(language)
    _translators[:] = install_translators(app, _language[0])
    install_exception_hooks()
    path = paths.demo_database_path() if demo else paths.database_path(db_option)
    # Paint first: a window made of Qt alone shows where the main window will
    # be while the data layer loads and the database opens, then gives way.
    from resilian_desktop.qt.start_window import StartWindow

    name = path.name if isinstance(path, Path) else path.shown
    start = StartWindow(f"{paths.APP_NAME} — {name}", name)
    start.show()
    start.repaint()
    app.processEvents()
    setup_logging()  # its file permissions need db.backup, hence SQLAlchemy: after painting
    try:
        window = open_window(path, demo=demo)
    finally:
        start.close()
        start.deleteLater()
    if window is None:
        return 1
    try:
        return app.exec()
    finally:
        for window in list(_windows):
            if window.owns_database:
                window.db.dispose()
                if window.lock is not None:
                    window.lock.unlock()
