"""Window sizes against the screen, with nothing but Qt (used before the data layer loads)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open *window* at width × height, or smaller when the screen is smaller
    (a 1366×768 laptop): never partly below the task bar or off the side."""
    # Not window.screen(): PySide makes the QScreen wrapper it returns a child
    # of the window, and a wrapper collected later deleted the application's
    # QScreen while Qt still listed it; the next layout of a window not shown
    # yet crashed in QScreen::virtualSiblings (tests/qt/test_screen_fit.py).
    screen = QApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        # The title bar and frame are drawn outside the size asked for.
        width = min(width, room.width() - 16)
        height = min(height, room.height() - 40)
    window.resize(width, height)
