"""Window sizes against the screen, with nothing but Qt (used before the data layer loads)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open *window* at width × height, or smaller when the screen is smaller
    (a 1366×768 laptop): never partly below the task bar or off the side."""
    # The primary screen, not window.screen(): asked of a window not shown yet,
    # PySide 6.11 left a QScreen deleted behind it, and a later layout crashed
    # in QScreen::virtualSiblings (found with gdb; the tests crashed one run in two).
    screen = QApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        # The title bar and frame are drawn outside the size asked for.
        width = min(width, room.width() - 16)
        height = min(height, room.height() - 40)
    window.resize(width, height)
