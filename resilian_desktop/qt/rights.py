"""Showing what the connected user may not do: disabled, with the reason.

The server refuses such changes anyway (db.team_rules); the window says so
before the user types. ``services.capabilities`` gives reason codes; this
module turns them into words and keeps the widgets disabled even when a
form's own logic enables them again (a selection in a table enables its
buttons): a lock re-disables them on every change of their enabled state.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from resilian_desktop.services.capabilities import (
    ADMIN_ONLY,
    NOT_THEIR_PROGRAMME,
    READER,
    Capabilities,
)


def refusal_text(code: str, rights: Capabilities) -> str:
    """The sentence that says why a change is not possible, for *code*."""
    user = rights.user or ""
    if code == READER:
        return QCoreApplication.translate(
            "Rights", "{user} reads this database: changes are not possible."
        ).format(user=user)
    if code == NOT_THEIR_PROGRAMME:
        return QCoreApplication.translate(
            "Rights", "{user} changes only the records of their own programmes."
        ).format(user=user)
    if code == ADMIN_ONLY:
        return QCoreApplication.translate(
            "Rights", "Only an administrator changes programmes, funders and users."
        )
    return code


class DisabledLock(QObject):
    """Keeps some widgets disabled, with the reason as their tooltip."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._reasons: dict[QWidget, str] = {}

    def lock(self, widgets: Iterable[QWidget], reason: str) -> None:
        for widget in widgets:
            self._reasons[widget] = reason
            widget.installEventFilter(self)
            widget.setToolTip(reason)
            widget.setEnabled(False)

    def is_locked(self, widget: QWidget) -> bool:
        return widget in self._reasons

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget) or watched not in self._reasons:
            return False
        # The form's own logic enables its buttons on a selection and sets
        # their tooltips: the lock and its reason win.
        if event.type() == QEvent.Type.EnabledChange and watched.isEnabled():
            watched.setEnabled(False)
        elif event.type() == QEvent.Type.ToolTipChange:
            reason = self._reasons[watched]
            if watched.toolTip() != reason:
                watched.setToolTip(reason)
        return False


def lock_action(action: QAction, reason: str | None) -> None:
    """Disable *action* for good with *reason* in its tooltip and status tip (None: leave it)."""
    if reason is None:
        return
    action.setToolTip(reason)
    action.setStatusTip(reason)
    action.setEnabled(False)

    def keep_disabled() -> None:
        if action.isEnabled():
            action.setEnabled(False)

    action.changed.connect(keep_disabled)


def disable_item(combo: QComboBox, index: int, reason: str) -> None:
    """Show the choice at *index* of *combo* greyed out, with *reason* as its tooltip."""
    model = combo.model()
    if isinstance(model, QStandardItemModel):
        item = model.item(index)
        if item is not None:
            item.setEnabled(False)
    combo.setItemData(index, reason, Qt.ItemDataRole.ToolTipRole)


def make_read_only(root: QWidget, keep: Iterable[QWidget] = ()) -> None:
    """Text fields under *root* read-only and tables not editable (values stay
    selectable and copyable); *keep* are left as they are."""
    kept = set(keep)
    for edit in root.findChildren(QLineEdit):
        if edit not in kept:
            edit.setReadOnly(True)
    for plain in root.findChildren(QPlainTextEdit):
        if plain not in kept:
            plain.setReadOnly(True)
    for rich in root.findChildren(QTextEdit):
        if rich not in kept:
            rich.setReadOnly(True)
    for view in root.findChildren(QAbstractItemView):
        if view not in kept:
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


def reason_label(parent: QWidget) -> QLabel:
    """The line shown above a form that cannot be changed, saying why."""
    label = QLabel(parent)
    label.setObjectName("rights_label")
    label.setWordWrap(True)
    label.hide()
    return label


def show_reason(root: QWidget, label: QLabel, reason: str) -> None:
    """Put *label*, saying *reason*, at the top of *root*'s layout."""
    label.setText(reason)
    layout = root.layout()
    if isinstance(layout, QBoxLayout) and layout.indexOf(label) < 0:
        layout.insertWidget(0, label)
    label.show()


def lock_dialog(
    dialog: QWidget, names: Iterable[str], code: str | None, rights: Capabilities
) -> bool:
    """Show *dialog* as the user may use it: when *code* says why they may not
    change what it shows, the widgets named *names* disabled and its fields
    read-only, the reason above them and on each. True when locked."""
    if code is None:
        return False
    reason = refusal_text(code, rights)
    lock = DisabledLock(dialog)
    lock.lock([w for n in names if (w := dialog.findChild(QWidget, n)) is not None], reason)
    make_read_only(dialog)
    show_reason(dialog, reason_label(dialog), reason)
    return True
