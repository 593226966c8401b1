"""The window on a server database: opened from the File menu by its URL, the
password asked when the server wants one and kept nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from resilian_desktop import app, paths
from resilian_desktop.db.engine import Database
from resilian_desktop.db.storage import open_database
from resilian_desktop.qt.main_window import MainWindow
from tests import factories as f
from tests.postgres import ThrowawayServer


@pytest.fixture
def officer_url(
    postgres_server: ThrowawayServer, server_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> str:
    """The test database through TCP as a user with a password (libpq finds none)."""
    name = server_database_url.split("/")[3].split("?")[0]
    role = postgres_server.new_name("officer")
    postgres_server.execute(
        f"CREATE ROLE {role} LOGIN PASSWORD 'Mot-de-passe-2026'",
        f"GRANT ALL ON SCHEMA public TO {role}",
        f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}",
        database=name,
    )
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(Path("/nonexistent/pgpass")))
    return postgres_server.tcp_url(name, role)


def test_a_server_database_opens_from_the_file_menu_with_the_password_asked(
    qtbot: QtBot,
    db: Database,
    window: MainWindow,
    officer_url: str,
    server_database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = open_database(paths.database_location(server_database_url), backup_dir=tmp_path)
    f.organisation(server, "Fonderie Cœur d'Alsace")
    server.dispose()
    asked: list[str] = []

    def answer(_parent, title: str, label: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(label)
        if title == "Open a server database":  # the URL, then the password
            return officer_url, True
        return "Mot-de-passe-2026", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    window.open_server_action.trigger()
    opened = app._windows[-1]
    try:
        assert opened is not window and opened.db.server is not None
        assert len(asked) == 2 and "Password" in asked[1]
        assert opened.windowTitle() == f"RESILIAN Desktop — {officer_url}"
        assert not opened.save_copy_action.isEnabled()
        assert "copy-to" in opened.save_copy_action.statusTip()
        with opened.db.read() as session:
            from resilian_desktop.services.search import search

            assert next(h.label for h in search(session, "coeur")).startswith("Fonderie Cœur")
        QSettings().sync()
        settings_text = "".join(
            p.read_text(errors="replace") for p in (tmp_path / "settings").rglob("*") if p.is_file()
        )
        assert officer_url in settings_text  # offered again next time
        assert "Mot-de-passe-2026" not in settings_text
    finally:
        opened.close()


def test_a_wrong_password_is_asked_again_then_cancelled(
    qtbot: QtBot, officer_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([("faux", True), ("", False)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    assert app.open_window(paths.database_location(officer_url)) is None
    assert next(answers, None) is None  # asked twice, then the officer cancelled


def test_an_unreachable_server_is_said_in_a_message(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: said.append(text))
    url = "postgresql://officer@127.0.0.1:1/resilian"
    assert app.open_window(paths.database_location(url)) is None
    assert url in said[0] and "cannot connect" in said[0]
