"""What the officer sees while the data layer loads: the window's frame, where the
main window will stand, with the database's name. Only Qt is imported here, so it
paints in about the time of a bare Qt window; SQLAlchemy, the models and the
migrations load right after, and the main window takes its place."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from resilian_desktop.qt.screen import fit_to_screen


class StartWindow(QWidget):
    def __init__(self, title: str, database: str) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("start_window")
        self.setWindowTitle(title)
        label = QLabel(
            QCoreApplication.translate("StartWindow", "Opening {name}…").format(name=database),
            self,
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        # Where the main window was left, so that it replaces this one in place.
        geometry = QSettings().value("main_window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            fit_to_screen(self, 1280, 800)
