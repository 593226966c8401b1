"""The question asked when another user saved the record first.

The service refused the save (StaleRecordError, services.versions) and wrote
nothing; this box names the record, who changed it and when, and what they
changed, and lets the officer reload the stored version (losing her edits)
or keep hers knowingly (saved over the stored version).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from resilian_desktop.domain.errors import FieldChange, StaleRecordError
from resilian_desktop.qt.labels import label
from resilian_desktop.qt.widgets import format_date, format_time

# Fields holding a code of the vocabularies: shown by their word.
CODE_FIELDS = frozenset({"kind", "status", "role", "consent_basis"})
LONGEST_VALUE = 60  # characters of a value shown before "…"


class StaleChoice(Enum):
    RELOAD = "reload"  # show the stored version, the edits are dropped
    KEEP_MINE = "keep"  # save the edits over the stored version
    CANCEL = "cancel"  # nothing now: the edits stay in the window, unsaved


def local_time(value: dt.datetime) -> dt.datetime:
    """A stored UTC time (naive) in this computer's time zone."""
    return value.replace(tzinfo=dt.UTC).astimezone()


class StaleRecordBox(QMessageBox):
    """Reload, keep mine, or cancel; ``choice()`` after ``exec()``."""

    def __init__(
        self,
        parent: QWidget | None,
        record_title: str,
        error: StaleRecordError,
        field_title: Callable[[str], str],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stale_record_message")
        # Wide enough for a field's "before → after" on one line.
        self.setStyleSheet(
            "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 34em; }"
        )
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Changed by someone else"))
        who = error.changed_by or self.tr("another user")
        if error.changed_at is not None:
            when = local_time(error.changed_at)
            text = self.tr(
                "“{record}” was changed by {who} on {date} at {time}, while you were editing it."
            )
            text = text.format(
                record=record_title,
                who=who,
                date=format_date(when.date()),
                time=format_time(when.time()),
            )
        else:
            text = self.tr("“{record}” was changed by {who}, while you were editing it.").format(
                record=record_title, who=who
            )
        self.setText(text)
        lines = [self.describe(change, field_title) for change in error.changes]
        changed = (
            self.tr("What they changed:") + "\n" + "\n".join(lines)
            if lines
            else self.tr("They changed what this window does not show.")
        )
        self.setInformativeText(
            changed
            + "\n\n"
            + self.tr(
                "Reload shows the version now stored: your changes are lost.\n"
                "Keep my version saves yours over it."
            )
        )
        self.reload_button = self.addButton(
            self.tr("&Reload"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.keep_button = self.addButton(
            self.tr("&Keep my version"), QMessageBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def describe(self, change: FieldChange, field_title: Callable[[str], str]) -> str:
        title = field_title(change.field)
        before = self.shown(change.field, change.before)
        after = self.shown(change.field, change.after)
        if before is None or after is None:
            return self.tr("• {field}").format(field=title)
        return self.tr("• {field}: “{before}” → “{after}”").format(
            field=title, before=before, after=after
        )

    def shown(self, field: str, value: object) -> str | None:
        """*value* as one short line; None when it is not worth a line (a list of records)."""
        if value is None or value == "" or value == ():
            return self.tr("empty")
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, dt.datetime):
            local = local_time(value)
            return f"{format_date(local.date())} {format_time(local.time())}"
        if isinstance(value, dt.date):
            return format_date(value)
        if isinstance(value, dt.time):
            return format_time(value)
        if isinstance(value, tuple):
            if not all(isinstance(item, str) for item in value):
                return None
            text = ", ".join(value)
        elif field in CODE_FIELDS and isinstance(value, str):
            text = label(value)
        else:
            text = " ".join(str(value).split())
        return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"

    def choice(self) -> StaleChoice:
        clicked = self.clickedButton()
        if clicked is self.reload_button:
            return StaleChoice.RELOAD
        if clicked is self.keep_button:
            return StaleChoice.KEEP_MINE
        return StaleChoice.CANCEL
