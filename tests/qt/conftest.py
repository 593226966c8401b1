"""Qt fixtures: an application in French, as the officer sees it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from resilian_desktop import app


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path, qapp: QApplication) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """QSettings go to a scratch folder, never the developer's own."""
    QCoreApplication.setOrganizationName("RESILIAN-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


@pytest.fixture
def french(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """The interface in French, as the application installs it (and can change it)."""
    app.apply_language("fr")
    yield list(app._translators)
    app.apply_language("en")


@pytest.fixture(autouse=True)
def _english_after_each_test(qapp: QApplication) -> Iterator[None]:
    """A test that starts the application in French (its default) leaves no
    French translators or locale behind for the tests after it."""
    yield
    if app.language_in_use() != "en" or app._translators:
        app.apply_language("en")


@pytest.fixture(autouse=True)
def _no_unexpected_message_box(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box nobody answers would block the test run: fail instead.

    Tests that expect one patch it again with the answer the user gives.
    """

    def unexpected(*args, **_kwargs):  # type: ignore[no-untyped-def]
        texts = [a for a in args if isinstance(a, str)]
        raise AssertionError(f"unexpected message box: {texts}")

    for name in ("question", "warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, unexpected)
    monkeypatch.setattr(QMessageBox, "exec", unexpected)


@pytest.fixture
def window(qtbot, db):  # type: ignore[no-untyped-def]
    """The main window on the test database, shown offscreen, hosted by the
    application as app.open_window hosts it (language switch, other databases).

    Closed here rather than by qtbot.addWidget: pytest-qt closes its widgets
    before fixtures end, and a form a failed test left changed would then ask.
    """
    from resilian_desktop.qt.main_window import MainWindow

    main = MainWindow(db, host=app.HOST)
    main.show()
    qtbot.waitExposed(main)
    yield main
    for form in list(main.forms):
        form._dirty = False
    if main.dashboard is not None:
        main.dashboard.wait()
    main.close()
    main.deleteLater()
    qtbot.wait(1)
