"""Telling the officer where a document was written, in the window that asked
for it: a message naming the file, with "Open" and "Show in folder"."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

log = logging.getLogger(__name__)


def open_file(path: Path) -> bool:
    """Open *path* in the application the system gives its kind (Excel, a PDF reader)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> bool:
    """Show *path* in the system's file manager: selected where the system can
    (Windows Explorer, macOS Finder), otherwise its folder opened."""
    try:
        if sys.platform == "win32":
            subprocess.Popen(["explorer", f"/select,{path}"])
            return True
        if sys.platform == "darwin":
            subprocess.Popen(["open", "-R", str(path)])
            return True
    except OSError as error:  # no file manager there: open the folder instead
        log.warning("cannot select %s in the file manager: %s", path, error)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def tell_written(parent: QWidget, path: Path, title: str = "") -> QMessageBox:
    """A message over *parent* saying where *path* was written, with "Open" and
    "Show in folder". It does not block: the officer may carry on and close it."""
    box = QMessageBox(parent)
    box.setObjectName("written_message")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title or parent.window().windowTitle().replace("[*]", ""))
    written = QCoreApplication.translate("Written", "Written: {name}")
    folder = QCoreApplication.translate("Written", "In the folder {folder}")
    box.setText(written.format(name=path.name))
    box.setInformativeText(folder.format(folder=path.parent))
    action = QMessageBox.ButtonRole.ActionRole
    open_button = box.addButton(QCoreApplication.translate("Written", "&Open"), action)
    folder_button = box.addButton(QCoreApplication.translate("Written", "Show in &folder"), action)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setProperty("path", str(path))

    def clicked(button: QPushButton) -> None:
        if button is open_button:
            open_file(path)
        elif button is folder_button:
            show_in_folder(path)

    box.buttonClicked.connect(clicked)
    box.open()
    return box
