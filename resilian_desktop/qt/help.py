"""Help > Guide: the officer's main tasks step by step, shipped with the application
(resources/help/guide_<language>.html, its pictures made by scripts/screenshots.py
from the real window), read offline in a simple browser."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from resilian_desktop import paths
from resilian_desktop.qt.labels import language
from resilian_desktop.qt.screen import fit_to_screen


def guide_path(lang: str | None = None) -> Path:
    """The guide in *lang* (the interface's language by default)."""
    return paths.resources_dir() / "help" / f"guide_{lang or language()}.html"


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(self.tr("Guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide_browser")
        self.browser.setOpenExternalLinks(True)
        path = guide_path()
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 960, 760)
