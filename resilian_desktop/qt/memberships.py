"""An organisation's memberships of programmes, as the organisation window edits
them: a list of lines kept in the window and saved with the organisation, and
the dialog that adds or edits one line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from resilian_desktop.domain.errors import ValidationError
from resilian_desktop.qt.context import AppContext
from resilian_desktop.qt.forms.ui_membership_dialog import Ui_MembershipDialog
from resilian_desktop.qt.programme_choice import ProgrammeChoice
from resilian_desktop.qt.widgets import MUTED_COLOUR, FieldErrors, setup_form
from resilian_desktop.services.organisations import (
    MembershipDraft,
    MembershipPeriod,
    MembershipRow,
    check_membership,
)


def is_current(line: MembershipPeriod, today: dt.date) -> bool:
    return (line.since is None or line.since <= today) and (
        line.until is None or line.until >= today
    )


def sort_key(line: MembershipPeriod, names: dict[int, str]) -> tuple[object, ...]:
    """The order of the stored list: undated first, then by start, then by programme."""
    return (line.since is not None, line.since or dt.date.min, names.get(line.programme_id, ""))


def period_of(row: MembershipRow) -> MembershipPeriod:
    return MembershipPeriod(row.programme_id, row.since, row.until, row.id)


def colour_of(line: MembershipPeriod, today: dt.date) -> QColor | None:
    """Memberships that ended are grey."""
    return MUTED_COLOUR if line.until is not None and line.until < today else None


class MembershipDialog(QDialog):
    """Add or edit one membership line, checked against the organisation's other lines.

    Nothing is written here: the line joins the organisation window's list,
    saved with the organisation.
    """

    def __init__(
        self,
        ctx: AppContext,
        others: Sequence[MembershipPeriod],
        line: MembershipPeriod | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MembershipDialog()
        setup_form(self.ui, self)
        ui = self.ui
        self.setObjectName("membership_dialog")
        self.others = list(others)
        self.line = line
        self.result_line: MembershipPeriod | None = None
        # The chooser offers "New programme…" too: a new network has none yet.
        self.programme_choice = ProgrammeChoice(ctx, ui.programme_combo, self)
        self.setWindowTitle(self.tr("Edit the membership") if line else self.tr("Join a programme"))
        if line is not None:
            self.programme_choice.select(line.programme_id)
            ui.since_field.set_date(line.since)
            ui.until_field.set_date(line.until)
        else:
            self.programme_choice.select(self._first_free_programme())
        self.errors = FieldErrors(
            self,
            {
                "programme_id": ui.programme_combo,
                "since": ui.since_field,
                "until": ui.until_field,
            },
            ui.problems_label,
        )
        ui.button_box.button(QDialogButtonBox.StandardButton.Ok).clicked.connect(self.check)
        (ui.since_field if line else ui.programme_combo).setFocus()

    def _first_free_programme(self) -> int | None:
        """A programme the organisation is not a member of today, when there is one."""
        today = dt.date.today()
        taken = {o.programme_id for o in self.others if is_current(o, today)}
        for index in range(self.ui.programme_combo.count()):
            data = self.ui.programme_combo.itemData(index)
            if isinstance(data, int) and data > 0 and data not in taken:
                return data
        return None

    def draft(self) -> MembershipDraft:
        ui = self.ui
        return MembershipDraft(
            programme_id=self.programme_choice.programme_id(),
            since=ui.since_field.text() or None,
            until=ui.until_field.text() or None,
            id=self.line.id if self.line else None,
        )

    def check(self) -> None:
        """Accept the line when the service's rules allow it; else show why, by the field."""
        try:
            self.result_line = check_membership(self.draft(), self.others)
        except ValidationError as error:
            self.errors.show_and_focus(error.problems)
            return
        self.accept()
