"""What every window of one open database shares: the database, the undo stack,
the news that records changed, and the way to open a record."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from resilian_desktop.db.engine import Database
from resilian_desktop.domain.errors import ResilianError, StaleRecordError, ValidationError
from resilian_desktop.domain.kinds import RecordKind
from resilian_desktop.qt.labels import problem_text
from resilian_desktop.services.capabilities import Capabilities, capabilities

log = logging.getLogger(__name__)

# Kinds of records (domain.kinds).
ORGANISATION = RecordKind.ORGANISATION
CONTACT = RecordKind.CONTACT
MEETING = RecordKind.MEETING
TASKFORCE = RecordKind.TASKFORCE
RECORD_KINDS = (ORGANISATION, CONTACT, MEETING, TASKFORCE)
# Shared lists edited from the Network menu; windows showing them refresh.
PROGRAMME = "programme"
TOPIC = "topic"


def describe_error(error: ResilianError) -> str:
    """A sentence for the user about an error a service raised."""
    if isinstance(error, ValidationError):
        return "\n".join(problem_text(p) for p in error.problems)
    if isinstance(error, StaleRecordError):
        record = error.label or f"{error.kind} {error.record_id or ''}".strip()
        if error.deleted:
            return QCoreApplication.translate(
                "AppContext", "“{record}” was deleted by another user: nothing was saved."
            ).format(record=record)
        who = error.changed_by or QCoreApplication.translate("AppContext", "another user")
        return QCoreApplication.translate(
            "AppContext",
            "“{record}” was changed by {who} since you opened it: nothing was saved. "
            "Look at it again, then make your change.",
        ).format(record=record, who=who)
    return str(error)


def show_error(parent: QWidget | None, error: ResilianError) -> None:
    """Tell the user why a service refused an action (expected, so not logged as a bug)."""
    log.info("refused: %s", error)
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("AppContext", "Not possible"),
        describe_error(error),
    )


class ServiceCommand(QUndoCommand):
    """An undoable action made of service calls: apply() now and on redo, revert() on undo.

    AppContext.execute() applies the command before pushing it, so a refusal
    from a service never reaches the stack; redo() skips that first call.
    """

    def __init__(self, ctx: AppContext, text: str, kinds: tuple[str, ...]) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.kinds = kinds  # record kinds to refresh after each step
        self._applied = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # the first redo() is the push; apply() already ran
            return
        self._step(self.apply)

    def undo(self) -> None:
        self._step(self.revert)

    def _step(self, step: Callable[[], None]) -> None:
        try:
            step()
        except ResilianError as error:
            # The records changed since (edited elsewhere, deleted): this step
            # can no longer be replayed; drop it from the stack.
            show_error(self.ctx.dialog_parent(), error)
            self.setObsolete(True)
        finally:
            self.ctx.notify(*self.kinds)


class AppContext(QObject):
    """One open database as the windows see it."""

    # Record kinds that changed; lists and forms reload what shows them.
    changed = Signal(list)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        # What the connected user may do (everything on a local file): the
        # windows show the rest disabled, with the reason (qt.rights).
        self.rights: Capabilities = capabilities(db)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(100)
        self.opener: Callable[[str, int], Any] | None = None
        self.creator: Callable[..., Any] | None = None
        self._parent_widget: QWidget | None = None
        self._pending: set[str] = set()
        # Several changes in one event-loop turn give one reload.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._emit_changed)

    def set_dialog_parent(self, widget: QWidget) -> None:
        self._parent_widget = widget

    def dialog_parent(self) -> QWidget | None:
        return self._parent_widget

    def notify(self, *kinds: str) -> None:
        """Records of these kinds changed: refresh what shows them, soon."""
        self._pending.update(kinds)
        self._timer.start()

    def _emit_changed(self) -> None:
        kinds, self._pending = sorted(self._pending), set()
        if kinds:
            self.changed.emit(kinds)

    def open_record(self, kind: str, record_id: int) -> Any:
        """Open (or raise) the form of a record; returns the form."""
        return self.opener(kind, record_id) if self.opener else None

    def new_record(self, record_kind: str, **prefill: Any) -> Any:
        """Open an empty form for a new record of *record_kind*, with some fields filled."""
        return self.creator(record_kind, **prefill) if self.creator else None

    def execute(self, command: ServiceCommand) -> bool:
        """Apply *command* and put it on the undo stack; False when a service refused it."""
        try:
            command.apply()
        except ResilianError as error:
            show_error(self.dialog_parent(), error)
            self.notify(*command.kinds)
            return False
        command._applied = True
        self.undo_stack.push(command)
        self.notify(*command.kinds)
        return True

    def push_done(self, command: ServiceCommand) -> None:
        """Put on the undo stack a *command* whose change is already made.

        For changes a dialog writes itself in one transaction (an import):
        undo calls revert(), redo apply(), as for any other command.
        """
        command._applied = True
        self.undo_stack.push(command)
        self.notify(*command.kinds)
