"""An unexpected error shows a dialog, goes to the log file, and the window goes on."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from resilian_desktop import app, paths
from resilian_desktop.db.engine import Database
from resilian_desktop.qt.main_window import MainWindow
from tests import factories as f


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_shown_logged_and_survived(
    qtbot: QtBot, db: Database, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_file = app.setup_logging()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", app._excepthook)

    def broken() -> None:
        raise RuntimeError("disque plein")

    button = QPushButton("casse", window)
    button.clicked.connect(broken)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert shown and "disque plein" in shown[0] and str(paths.log_dir()) in shown[0]
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "RuntimeError: disque plein" in text and "Traceback" in text
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", None) == str(log_file):
            logging.getLogger().removeHandler(handler)
            handler.close()
    # The window still works.
    f.organisation(db)
    page = window.go_to("organisations")
    assert window.isVisible() and page.model.total == 1
