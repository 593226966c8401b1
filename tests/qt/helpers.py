"""Driving the real windows in tests: modal dialogs answered while they run,
and small waits for debounced searches."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

T = TypeVar("T")


def with_modal(trigger: Callable[[], T], handler: Callable[[Any], None]) -> T:
    """Run *trigger*, which opens a modal dialog, and let *handler* drive the
    dialog from inside its event loop (as a user would, then closing it).

    If the handler fails, the dialog is rejected so the test does not hang,
    and the failure is raised once *trigger* returns.
    """
    errors: list[BaseException] = []

    def act(attempts: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if attempts < 200:
                QTimer.singleShot(10, lambda: act(attempts + 1))
            return
        try:
            handler(dialog)
        except BaseException as error:  # re-raised below, outside the dialog's loop
            errors.append(error)
            if isinstance(dialog, QDialog):
                dialog.reject()
            else:
                dialog.close()

    QTimer.singleShot(0, act)
    result = trigger()
    if errors:
        raise errors[0]
    return result


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type *text* key by key. QTest only knows ASCII keys; other letters (é, œ,
    ü) arrive as key events carrying their text, as from a French keyboard."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                )


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace the text of a field by typing, as the keyboard would."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def choose_in_lookup(qtbot: QtBot, lookup: Any, text: str, expected: str | None = None) -> None:
    """Type into a RecordLookup, wait for the choices, take the first (Enter)."""
    lookup.setFocus()
    type_text(qtbot, lookup, text)
    qtbot.waitUntil(lambda: lookup.search.model.rowCount() > 0, timeout=3000)
    popup = lookup.search.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert lookup.record_id is not None
    if expected is not None:
        assert lookup.text() == expected


def mnemonic_clashes(root: QWidget, scope: QWidget | None = None) -> dict[str, list[str]]:
    """Alt+letter keys that more than one visible control of *root* claims.

    Looks at buttons, labels with a buddy, group boxes and the tabs of tab
    widgets; only widgets inside *scope* (default: all of root) and visible
    on screen count, since Qt cycles between clashing controls on one page.
    """
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget

    claims: dict[str, list[str]] = {}

    def claim(text: str) -> None:
        index = text.replace("&&", "").find("&")
        if index >= 0 and index + 1 < len(text.replace("&&", "")):
            letter = text.replace("&&", "")[index + 1].lower()
            claims.setdefault(letter, []).append(text)

    inside = scope or root
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not (widget is inside or inside.isAncestorOf(widget)):
            continue
        if isinstance(widget, QAbstractButton):
            if not isinstance(widget.parent(), QTabWidget):  # tabs are counted below
                claim(widget.text())
        elif isinstance(widget, QLabel):
            if widget.buddy() is not None:
                claim(widget.text())
        elif isinstance(widget, QGroupBox):
            claim(widget.title())
        elif isinstance(widget, QTabWidget):
            for tab in range(widget.count()):
                claim(widget.tabText(tab))
    return {letter: texts for letter, texts in claims.items() if len(texts) > 1}
