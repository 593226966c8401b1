"""What every document button of the window shares: a file name people
recognise, the save dialog that remembers its folder, the PDF preview with
its error message, and Ctrl+P.

The documents themselves come from the Qt-free package resilian_desktop.documents;
each form connects its own buttons to them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.qt.pdf_preview import PdfPreviewDialog

log = logging.getLogger(__name__)
_UNSAFE = re.compile(r'[\\/:*?"<>|\n\r\t]+')
_PUNCTUATION = re.compile(r"[—–«»;,()\[\]]+|\s-\s")


def file_name(*parts: str, suffix: str, words: int = 5) -> str:
    """A short file name people recognise, safe on every system:
    "Émargement 2027-01-14 Business corner digitalisation.xlsx".

    Punctuation that file names do not need (— « » : ;) goes; each part keeps
    its first *words* words.
    """
    kept = []
    for part in parts:
        plain = _PUNCTUATION.sub(" ", _UNSAFE.sub(" ", part or "")).split()
        if plain:
            kept.append(" ".join(plain[:words]))
    return " ".join(kept)[:80].strip() + suffix


def _folder(key: str) -> str:
    return str(QSettings().value(f"folders/{key}", str(Path.home())))


def ask_target(parent: QWidget, title: str, name: str, filter_text: str) -> Path | None:
    """Where to write a document; remembers the folder for next time."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(Path(_folder("exports")) / name), filter_text
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != Path(name).suffix.lower():
        target = target.with_name(target.name + Path(name).suffix)
    QSettings().setValue("folders/exports", str(target.parent))
    return target


def preview_pdf(
    parent: QWidget, write: Callable[[Path], object], name: str
) -> PdfPreviewDialog | None:
    """Write a PDF to a temporary file and show it with Print and Save as…."""
    try:
        dialog = PdfPreviewDialog.for_document(write, name, parent)
    except (ResilianError, OSError) as error:
        log.error("document %s failed: %s", name, error)
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Documents", "Document"),
            QCoreApplication.translate(
                "Documents", "The document could not be written: {error}"
            ).format(error=error),
        )
        return None
    dialog.exec()
    return dialog


def add_print_shortcut(window: QWidget, slot: Callable[[], object]) -> QAction:
    """Ctrl+P (the platform's Print key) on *window* runs *slot*."""
    action = QAction(window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action
