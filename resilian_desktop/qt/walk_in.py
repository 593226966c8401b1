"""Someone came without being invited: create the contact and record them, without
leaving the meeting; warn when they may already be in the directory."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton, QWidget

from resilian_desktop.domain.errors import ResilianError, ValidationError
from resilian_desktop.domain.vocab import AttendanceStatus
from resilian_desktop.qt.contact_form import fill_civility
from resilian_desktop.qt.context import CONTACT, MEETING, ORGANISATION, AppContext, show_error
from resilian_desktop.qt.forms.ui_walk_in_dialog import Ui_WalkInDialog
from resilian_desktop.qt.pickers import unchosen
from resilian_desktop.qt.undo import AttendanceCommand
from resilian_desktop.qt.widgets import FieldErrors, fill_codes, setup_form
from resilian_desktop.services import attendance_tools, meetings
from resilian_desktop.services.common import DuplicateError
from resilian_desktop.services.contacts import ContactDraft


class WalkInDialog(QDialog):
    def __init__(self, ctx: AppContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WalkInDialog()
        setup_form(self.ui, self)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.person_id: int | None = None
        ui = self.ui
        fill_civility(ui.civility_combo)
        fill_codes(
            ui.status_combo,
            (AttendanceStatus.PRESENT.value, AttendanceStatus.REGISTERED.value),
        )
        ui.organisation_lookup.configure(ctx.db, ORGANISATION, self.tr("Type a few letters…"))
        self.errors = FieldErrors(
            self,
            {
                "civility": ui.civility_combo,
                "first_name": ui.first_name_edit,
                "last_name": ui.last_name_edit,
                "organisation_id": ui.organisation_lookup,
                "job_title": ui.job_title_edit,
                "email": ui.email_edit,
                "phone": ui.phone_edit,
            },
            ui.problems_label,
        )
        ui.button_box.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        ui.first_name_edit.setFocus()

    def draft(self) -> ContactDraft:
        ui = self.ui
        return ContactDraft(
            first_name=ui.first_name_edit.text(),
            last_name=ui.last_name_edit.text(),
            civility=ui.civility_combo.currentData(),
            job_title=ui.job_title_edit.text(),
            organisation_id=ui.organisation_lookup.record_id,
            email=ui.email_edit.text(),
            phone=ui.phone_edit.text(),
        )

    def save(self) -> None:
        ui = self.ui
        unresolved = unchosen({"organisation_id": ui.organisation_lookup})
        if unresolved:
            self.errors.show(unresolved)
            return
        status = str(ui.status_combo.currentData())
        draft = self.draft()
        try:
            try:
                row = attendance_tools.add_walk_in(
                    self.ctx.db, self.meeting_id, draft, status=status
                )
            except DuplicateError as duplicate:
                choice = self._ask_about_duplicate(duplicate)
                if choice is None:
                    return
                if choice > 0:
                    self._record_existing(choice, status)
                    return
                row = attendance_tools.add_walk_in(
                    self.ctx.db, self.meeting_id, draft, status=status, allow_duplicate=True
                )
        except ValidationError as error:
            self.errors.show_and_focus(error.problems)
            return
        except ResilianError as error:
            show_error(self, error)
            return
        self.person_id = row.person_id
        self.ctx.notify(CONTACT, MEETING)
        self.accept()

    def _ask_about_duplicate(self, duplicate: DuplicateError) -> int | None:
        """The existing person to record (their id), 0 to create a new contact, None to go back."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Already in the directory?"))
        listed = "\n".join(f"• {label}" for _id, label, _reason in duplicate.matches)
        box.setText(
            self.tr("This person may already be a contact:\n{matches}").format(matches=listed)
        )
        use: QPushButton = box.addButton(
            self.tr("Record {name}").format(name=duplicate.matches[0][1]),
            QMessageBox.ButtonRole.AcceptRole,
        )
        create = box.addButton(self.tr("Create a new contact"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(use)
        box.exec()
        clicked = box.clickedButton()
        if clicked is use:
            return int(duplicate.matches[0][0])
        if clicked is create:
            return 0
        return None

    def _record_existing(self, person_id: int, status: str) -> None:
        meeting_id = self.meeting_id
        if self.ctx.execute(
            AttendanceCommand(
                self.ctx,
                self.tr("Record a walk-in"),
                meeting_id,
                [person_id],
                lambda: meetings.set_attendance(
                    self.ctx.db, meeting_id, [person_id], status=status
                ),
            )
        ):
            self.person_id = person_id
            self.accept()
