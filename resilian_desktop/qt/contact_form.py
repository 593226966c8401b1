"""The contact window: a person, their organisation, consent, mandate and attendance history."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from resilian_desktop.domain.errors import FieldProblem, ResilianError
from resilian_desktop.qt.bindings import (
    CHECK,
    CODE,
    DATE,
    LINE,
    LOOKUP,
    OPTIONAL_CODE,
    PLAIN,
    Field,
)
from resilian_desktop.qt.context import (
    CONTACT,
    MEETING,
    ORGANISATION,
    TASKFORCE,
    AppContext,
    show_error,
)
from resilian_desktop.qt.forms.ui_contact_form import Ui_ContactForm
from resilian_desktop.qt.labels import CONSENT_BASES
from resilian_desktop.qt.record_form import RecordForm
from resilian_desktop.qt.rows_model import Column, RowsModel
from resilian_desktop.qt.widgets import (
    fill_codes,
    setup_form,
    setup_table,
    size_columns,
)
from resilian_desktop.services import contacts, history
from resilian_desktop.services.backups import WEEKLY_KEPT
from resilian_desktop.services.contacts import ContactDraft, ContactRow
from resilian_desktop.services.privacy import erase_contact, mentions_of, purge_journal

# The contact's fields, in the order of the form.
FIELDS = (
    Field("civility", "civility_combo", OPTIONAL_CODE),
    Field("first_name", "first_name_edit", LINE),
    Field("last_name", "last_name_edit", LINE),
    Field("organisation_id", "organisation_lookup", LOOKUP, label="organisation_name"),
    Field("job_title", "job_title_edit", LINE),
    Field("email", "email_edit", LINE),
    Field("phone", "phone_edit", LINE),
    Field("mobile", "mobile_edit", LINE),
    Field("is_elected_official", "elected_check", CHECK, default=False, problems=False),
    Field("mandate", "mandate_edit", LINE),
    Field("consent_basis", "consent_combo", CODE, default="legitimate_interest"),
    Field("consent_date", "consent_date_edit", DATE),
    Field("active", "active_check", CHECK, default=True, problems=False),
    Field("notes", "notes_edit", PLAIN),
)


def fill_civility(combo: Any) -> None:
    """Civility choices: none, "M.", "Mme" (the codes are the French abbreviations)."""
    combo.clear()
    combo.addItem("", None)
    combo.addItem("M.", "M.")
    combo.addItem("Mme", "Mme")


class ContactForm(RecordForm):
    KIND = CONTACT
    EDIT_WIDGETS = ("erase_button",)

    def refusal_code(self) -> str | None:
        return self.ctx.rights.network_refusal()

    def __init__(
        self,
        ctx: AppContext,
        record_id: int | None,
        parent: QWidget | None = None,
        prefill: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(ctx, record_id, parent)
        self.ui = Ui_ContactForm()
        setup_form(self.ui, self)
        ui = self.ui
        fill_civility(ui.civility_combo)
        fill_codes(ui.consent_combo, CONSENT_BASES)
        ui.organisation_lookup.configure(
            self.db, ORGANISATION, self.tr("Type a few letters of the name…")
        )
        ui.elected_check.toggled.connect(self._elected_toggled)

        self.attendance_model = RowsModel(
            [
                Column(self.tr("Date"), lambda r: r.date),
                Column(self.tr("Meeting"), lambda r: r.meeting_title),
                Column(self.tr("Kind"), lambda r: r.meeting_kind, is_code=True),
                Column(self.tr("For"), lambda r: r.organisation_name),
                Column(self.tr("Role"), lambda r: r.role, is_code=True),
                Column(self.tr("Attendance"), lambda r: r.status, is_code=True),
            ],
            self,
        )
        self.taskforces_model = RowsModel(
            [
                Column(self.tr("Taskforce"), lambda t: t.name),
                Column(self.tr("Role"), lambda t: t.role, is_code=True),
                Column(self.tr("Status"), lambda t: t.status, is_code=True),
            ],
            self,
        )
        for table, model, widths in (
            (ui.attendance_table, self.attendance_model, [11, 40, 20, 26, 14, 10]),
            (ui.taskforces_table, self.taskforces_model, [40, 16, 12]),
        ):
            table.setModel(model)
            setup_table(table)
            size_columns(table, widths)
        ui.attendance_table.doubleClicked.connect(
            lambda index: ctx.open_record(
                MEETING, self.attendance_model.row_at(index.row()).meeting_id
            )
        )
        ui.taskforces_table.doubleClicked.connect(
            lambda index: ctx.open_record(
                TASKFORCE, self.taskforces_model.row_at(index.row()).taskforce_id
            )
        )
        ui.save_button.clicked.connect(self.save)
        ui.close_button.clicked.connect(self.close)
        ui.archive_button.clicked.connect(self._archive)
        ui.export_data_button.clicked.connect(self.export_personal_data)
        ui.erase_button.clicked.connect(self.erase_on_request)
        self.bind(ui, FIELDS, ui.problems_label)
        self.restore_geometry()
        self.load(prefill)

    def _elected_toggled(self, elected: bool) -> None:
        self.ui.mandate_edit.setEnabled(elected)

    # --- RecordForm ---------------------------------------------------------

    def fetch(self) -> ContactRow:
        assert self.record_id is not None
        return contacts.get_contact(self.db, self.record_id)

    def title_of(self, row: ContactRow) -> str:
        return row.full_name

    def new_title(self) -> str:
        return self.tr("New contact")

    def clear_fields(self, prefill: Mapping[str, Any]) -> None:
        # setChecked() is silent when the box already shows that state: the
        # mandate follows by hand.
        self._elected_toggled(False)
        self._show_header(None)

    def show_row(self, row: ContactRow) -> None:
        self._elected_toggled(row.is_elected_official)
        self._show_header(row)

    def _show_header(self, row: ContactRow | None) -> None:
        ui = self.ui
        if row is None:
            ui.title_label.setText(self.tr("New contact"))
        else:
            ui.title_label.setText(
                f"{row.full_name} — {row.organisation_name}"
                if row.organisation_name
                else row.full_name
            )
        archived = getattr(row, "archived_at", None) is not None
        ui.archived_label.setVisible(archived)
        ui.archive_button.setText(self.tr("Restore") if archived else self.tr("Archive"))
        ui.archive_button.setEnabled(row is not None)
        erased = getattr(row, "erased_at", None) is not None
        ui.export_data_button.setEnabled(row is not None)
        ui.erase_button.setEnabled(row is not None and not erased)
        if erased:
            ui.archive_button.setEnabled(False)

    def collect_problems(self) -> list[FieldProblem]:
        if self.ui.organisation_lookup.is_unresolved():
            return [
                FieldProblem(
                    "organisation_id",
                    "not_chosen",
                    "choose the organisation from the list offered, or leave the field empty",
                )
            ]
        return []

    def build_draft(self) -> ContactDraft:
        values = self.binding.values()
        if not values["is_elected_official"]:
            values["mandate"] = None  # a mandate typed, then "elected" unticked
        return ContactDraft(**values)

    def write(self, draft: ContactDraft, allow_duplicate: bool) -> ContactRow:
        if self.record_id is None:
            return contacts.create_contact(self.db, draft, allow_duplicate=allow_duplicate)
        return contacts.update_contact(
            self.db, self.record_id, draft, allow_duplicate=allow_duplicate, base=self.row
        )

    def reveal(self, widget: QWidget) -> None:
        self.ui.tabs.setCurrentWidget(self.ui.details_tab)

    def related_kinds(self) -> tuple[str, ...]:
        return (MEETING, TASKFORCE, ORGANISATION)

    def refresh_related(self) -> None:
        ui = self.ui
        if self.record_id is None:
            self.attendance_model.set_rows([])
            self.taskforces_model.set_rows([])
            ui.attendance_summary.setText(self.tr("Not invited to any meeting yet."))
            ui.taskforces_summary.setText("")
            return
        rows = history.contact_attendance(self.db, self.record_id)
        self.attendance_model.set_rows(rows)
        present = sum(1 for r in rows if r.status == "present")
        ui.attendance_summary.setText(
            self.tr("Invited to {invited} meetings, present at {present}.").format(
                invited=len(rows), present=present
            )
            if rows
            else self.tr("Not invited to any meeting yet.")
        )
        links = history.contact_taskforces(self.db, self.record_id)
        self.taskforces_model.set_rows(links)
        ui.taskforces_summary.setText(
            self.tr("%n taskforce(s)", "", len(links))
            if links
            else self.tr("This contact takes part in no taskforce.")
        )

    def _archive(self) -> None:
        self.toggle_archive(lambda row: row.full_name)

    def export_personal_data(self) -> Path | None:
        """Save everything held about the person (RGPD access), as .xlsx or .json."""
        if self.row is None:
            return None
        # Imported when asked for: openpyxl is not needed to open the window.
        from resilian_desktop.documents.personal_data.build import export_personal_data

        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export personal data"),
            f"donnees-{self.row.last_name or 'contact'}.xlsx",
            self.tr("Workbook (*.xlsx);;JSON (*.json)"),
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() not in (".xlsx", ".json"):
            target = target.with_name(target.name + ".xlsx")
        try:
            export_personal_data(self.db, self.row.id, target)
        except ResilianError as error:
            show_error(self, error)
            return None
        QMessageBox.information(
            self,
            self.tr("Export personal data"),
            self.tr("Everything held about {name} was written to {path}.").format(
                name=self.row.full_name, path=target
            ),
        )
        return target

    def erase_on_request(self) -> bool:
        """Erase the person's data after a confirmation that says what stays."""
        if self.row is None:
            return False

        answer = QMessageBox.question(
            self,
            self.tr("Erase on request"),
            self.tr(
                "Erase {name}'s identity, contact details and notes?\n\n"
                "Their attendance stays, anonymous, so that the figures already given to "
                "funders do not change. The erasure is recorded with its date only. "
                "This cannot be undone.\n\n"
                "Backups made before now still hold these details: the automatic ones "
                "for up to {weeks} weeks, the copies you saved until you delete them. "
                "Restoring one erases them again."
            ).format(name=self.row.full_name, weeks=WEEKLY_KEPT),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        mentions = mentions_of(self.db, self.row.id)  # before the name goes
        erase_contact(self.db, self.row.id)
        purge_journal(self.db)  # this window's own reads do not hold the journal
        if mentions:
            QMessageBox.information(
                self,
                self.tr("Erase on request"),
                self.tr("Free text still names this person; edit it by hand:\n\n{mentions}").format(
                    mentions="\n".join(str(m) for m in mentions[:20])
                ),
            )
        self.load()
        self.ctx.notify(CONTACT)  # the lists and the search forget the person
        return True
