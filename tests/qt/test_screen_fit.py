"""Fitting a window to the screen must leave the application's QScreen alone.

PySide makes the QScreen wrapper that ``QWidget.screen()`` returns a child of
the widget: when the widget went, the wrapper went with it, and as windows came
and went the QScreen itself was freed while Qt still listed it (the Qt tests
crashed one run in two in QScreen::virtualSiblings).
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from resilian_desktop.qt.screen import fit_to_screen


def test_a_fitted_window_that_goes_leaves_the_screen_alone(qapp: QApplication) -> None:
    screen = QGuiApplication.primaryScreen()
    window = QWidget()
    fit_to_screen(window, 5000, 5000)
    room = screen.availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    del window
    gc.collect()
    assert shiboken6.isValid(screen)
    assert QGuiApplication.screens() == [screen]
