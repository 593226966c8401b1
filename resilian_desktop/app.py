"""Start-up wiring: paths -> lock -> database (migrated) -> translator -> main window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QLockFile, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from resilian_desktop import __version__, paths
from resilian_desktop.db.engine import Database
from resilian_desktop.db.storage import open_database
from resilian_desktop.domain.errors import ResilianError

log = logging.getLogger("resilian_desktop")
DEFAULT_LANGUAGE = "fr"


def setup_logging() -> Path:
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    log_file = folder / "resilian-desktop.log"
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load the application's and Qt's own translations for *language* (English needs none)."""
    translators: list[QTranslator] = []
    if language == "en":
        return translators
    QLocale.setDefault(QLocale(language))
    candidates = (
        (paths.resources_dir() / "translations", f"resilian_{language}"),
        (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), f"qtbase_{language}"),
    )
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            translators.append(translator)
        else:
            log.warning("no %s translation %s in %s", language, name, folder)
    return translators


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("RESILIAN")
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationVersion(__version__)
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
            ).format(error=error, log=paths.log_dir() / "resilian-desktop.log"),
        )


def ensure_demo_database(path: Path) -> None:
    """Create the demo database at *path* when it does not exist yet."""
    if path.exists():
        return
    import resilian_desktop.services  # noqa: F401  (registers the search index hook)
    from resilian_desktop.services.demo import generate_demo

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


def run_gui(*, db_option: str | None, demo: bool) -> int:
    setup_logging()
    app = make_application()
    language = str(QSettings().value("language", DEFAULT_LANGUAGE))
    install_translators(app, language)
    sys.excepthook = _excepthook

    path = paths.demo_database_path() if demo else paths.database_path(db_option)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = acquire_database_lock(path)
    if lock is None:
        QMessageBox.warning(
            None,
            paths.APP_NAME,
            app.translate("App", "The database {path} is already open in another window.").format(
                path=path
            ),
        )
        return 1
    try:
        if demo:
            ensure_demo_database(path)
        import resilian_desktop.services  # noqa: F401  (registers the search index hook)

        database: Database = open_database(path, backup_dir=paths.backup_dir())
    except ResilianError as error:
        log.error("cannot open %s: %s", path, error)
        QMessageBox.critical(
            None,
            paths.APP_NAME,
            app.translate("App", "Cannot open the database:\n{error}").format(error=error),
        )
        lock.unlock()
        return 1

    from resilian_desktop.qt.main_window import MainWindow

    window = MainWindow(database)
    window.show()
    log.info("opened %s", path)
    try:
        return app.exec()
    finally:
        database.dispose()
        lock.unlock()
