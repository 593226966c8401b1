"""Start-up wiring: the database lock, translations, the demo database."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from resilian_desktop import paths
from resilian_desktop.app import acquire_database_lock, ensure_demo_database, install_translators
from tests.test_hostile_storage import NEEDS_ROOT, small_disk  # noqa: F401  (a fixture)


def test_a_second_process_cannot_open_a_locked_database(tmp_path: Path) -> None:
    path = tmp_path / "network.sqlite"
    lock = acquire_database_lock(path)
    assert lock is not None
    probe = textwrap.dedent(
        f"""
        from pathlib import Path
        from resilian_desktop.app import acquire_database_lock
        print("locked" if acquire_database_lock(Path({str(path)!r})) is None else "free")
        """
    )
    other = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert other.stdout.strip() == "locked", other.stderr
    lock.unlock()
    again = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert again.stdout.strip() == "free", again.stderr


def test_a_lock_left_by_a_crashed_process_is_taken(tmp_path: Path) -> None:
    path = tmp_path / "network.sqlite"
    crash = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from resilian_desktop.app import acquire_database_lock
        held = acquire_database_lock(Path({str(path)!r}))
        assert held is not None
        os._exit(0)  # no unlock: as if the process had been killed
        """
    )
    subprocess.run([sys.executable, "-c", crash], check=True, timeout=60)
    assert Path(str(path) + ".lock").exists()
    lock = acquire_database_lock(path)
    assert lock is not None
    lock.unlock()


def test_french_translation_is_shipped_and_loads(qapp: QApplication) -> None:
    translators = install_translators(qapp, "fr")
    try:
        assert len(translators) >= 1
        assert QApplication.translate("MainWindow", "Meetings") == "Réunions"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert QApplication.translate("MainWindow", "Meetings") == "Meetings"


def test_demo_database_is_created_once_in_the_user_data_folder() -> None:
    path = paths.demo_database_path()
    ensure_demo_database(path)
    assert path.exists()
    stamp = path.stat().st_mtime_ns
    ensure_demo_database(path)
    assert path.stat().st_mtime_ns == stamp


def test_opening_a_window_takes_the_days_backups_then_one_after_many_saves(
    qtbot,
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from resilian_desktop import app as app_module
    from resilian_desktop.services import backups
    from tests import factories as f

    monkeypatch.setattr(backups, "CHANGES_BETWEEN_BACKUPS", 3)
    path = tmp_path / "reseau.sqlite"
    window = app_module.open_window(path)
    assert window is not None
    qtbot.addWidget(window)
    folder = paths.backup_dir()
    qtbot.waitUntil(lambda: len(list(folder.glob("*/reseau-*.sqlite"))) == 2, timeout=10_000)
    assert {p.parent.name for p in folder.glob("*/reseau-*.sqlite")} == {"daily", "weekly"}
    for i in range(3):
        f.organisation(window.db, f"Entreprise {i}", commune=f"Commune {i}")
    qtbot.waitUntil(lambda: any(folder.glob("changes/reseau-*.sqlite")), timeout=10_000)
    window.close()


@NEEDS_ROOT
def test_a_database_on_a_read_only_medium_opens_read_only_in_the_window(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    small_disk: Path,  # noqa: F811  (the fixture imported above)
) -> None:
    # Issue #11 item 11: no lock file can be made there; the window opens it
    # read-only instead of claiming another window has it.
    from resilian_desktop import app as app_module
    from resilian_desktop.db.storage import open_database
    from tests import factories as f

    path = small_disk / "reseau.sqlite"
    db = open_database(path, backup_dir=tmp_path / "backups")
    f.organisation(db, "Sur clé USB")
    db.dispose()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    window = app_module.open_window(path)
    assert window is not None
    qtbot.addWidget(window)
    assert window.db.read_only and window.lock is None
    window.close()


def test_the_start_language_comes_from_lang_then_the_environment_then_the_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import QSettings

    from resilian_desktop import app as application
    from resilian_desktop.cli import build_parser

    monkeypatch.delenv(application.LANGUAGE_ENV, raising=False)
    assert application.start_language(None) == "fr"
    QSettings().setValue("language", "en")
    assert application.start_language(None) == "en"
    monkeypatch.setenv(application.LANGUAGE_ENV, "FR")
    assert application.start_language(None) == "fr"
    assert application.start_language("en") == "en"
    monkeypatch.setenv(application.LANGUAGE_ENV, "de")  # not offered: ignored
    assert application.start_language(None) == "en"
    assert build_parser().parse_args(["--lang", "en"]).lang == "en"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--lang", "de"])


def test_the_start_window_paints_before_the_data_layer_loads(tmp_path: Path) -> None:
    """run_gui shows the start window first: it needs Qt alone, not SQLAlchemy,
    the models or Alembic (the second or so that start-up spent before painting)."""
    probe = textwrap.dedent(
        """
        import os, sys
        from pathlib import Path
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from resilian_desktop import app
        qapp = app.make_application()
        from resilian_desktop.qt.start_window import StartWindow
        start = StartWindow("RESILIAN Desktop", "network.sqlite")
        start.show()
        start.repaint()
        loaded = sorted(m for m in ("sqlalchemy", "alembic", "resilian_desktop.db.models")
                        if m in sys.modules)
        print("loaded:", ",".join(loaded) or "nothing")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout.strip() == "loaded: nothing", done.stderr
