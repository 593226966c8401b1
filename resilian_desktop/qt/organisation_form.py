"""The organisation window: identity, address, topics, programmes, contacts,
participation, taskforces."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from resilian_desktop.domain import formats
from resilian_desktop.domain.formats import contact_name
from resilian_desktop.qt.bindings import CODE, LINE, PLAIN, Field
from resilian_desktop.qt.context import (
    CONTACT,
    MEETING,
    ORGANISATION,
    PROGRAMME,
    TASKFORCE,
    TOPIC,
    AppContext,
)
from resilian_desktop.qt.forms.ui_organisation_form import Ui_OrganisationForm
from resilian_desktop.qt.labels import ORGANISATION_KINDS
from resilian_desktop.qt.memberships import (
    MembershipDialog,
    colour_of,
    is_current,
    period_of,
    sort_key,
)
from resilian_desktop.qt.record_form import RecordForm
from resilian_desktop.qt.rows_model import Column, RowsModel
from resilian_desktop.qt.widgets import (
    checked_ids,
    fill_checklist,
    fill_codes,
    setup_form,
    setup_table,
    size_columns,
)
from resilian_desktop.services import contacts, history, organisations, programmes
from resilian_desktop.services.organisations import (
    MembershipDraft,
    MembershipPeriod,
    OrganisationDraft,
    OrganisationRow,
)

# The organisation's simple fields; topics and memberships are shown by the form.
FIELDS = (
    Field("name", "name_edit", LINE),
    Field("kind", "kind_combo", CODE, default="company"),
    Field("siret", "siret_edit", LINE, shown=formats.siret),
    Field("siren", "siren_edit", LINE),
    Field("naf_code", "naf_edit", LINE),
    Field("sector", "sector_edit", LINE),
    Field("headcount", "headcount_edit", LINE),
    Field("address", "address_edit", LINE),
    Field("postcode", "postcode_edit", LINE),
    Field("commune", "commune_edit", LINE),
    # An empty country reads as France; its problems go to the general label.
    Field("country", "country_edit", LINE, default="FR", problems=False),
    Field("website", "website_edit", LINE),
    Field("notes", "notes_edit", PLAIN),
)


class OrganisationForm(RecordForm):
    KIND = ORGANISATION
    EDIT_WIDGETS = (
        "add_membership_button",
        "edit_membership_button",
        "remove_membership_button",
        "new_contact_button",
    )

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
        self.ui = Ui_OrganisationForm()
        setup_form(self.ui, self)
        ui = self.ui
        fill_codes(ui.kind_combo, ORGANISATION_KINDS)
        self._topics = [(t.id, t.name) for t in programmes.list_topics(self.db)]
        # The memberships as edited here; saved with the organisation.
        self.membership_lines: list[MembershipPeriod] = []
        self._programme_names: dict[int, str] = {}
        self._read_programme_names()
        self.memberships_model = RowsModel(
            [
                Column(self.tr("Programme"), lambda m: self._programme_names.get(m.programme_id)),
                Column(self.tr("Member since"), lambda m: m.since),
                Column(self.tr("Until"), lambda m: m.until),
            ],
            self,
            colour=lambda m: colour_of(m, dt.date.today()),
        )

        self.contacts_model = RowsModel(
            [
                Column(self.tr("Name"), lambda p: contact_name(p.first_name, p.last_name)),
                Column(self.tr("Job title"), lambda p: p.job_title),
                Column(self.tr("Email"), lambda p: p.email),
                Column(self.tr("Phone"), lambda p: p.phone or p.mobile),
            ],
            self,
        )
        self.participation_model = RowsModel(
            [
                Column(self.tr("Date"), lambda r: r.date),
                Column(self.tr("Meeting"), lambda r: r.meeting_title),
                Column(self.tr("Kind"), lambda r: r.meeting_kind, is_code=True),
                Column(self.tr("Contact"), lambda r: r.contact_name),
                Column(self.tr("Attendance"), lambda r: r.status, is_code=True),
            ],
            self,
        )
        self.taskforces_model = RowsModel(
            [
                Column(self.tr("Taskforce"), lambda t: t.name),
                Column(self.tr("Role"), lambda t: t.role, is_code=True),
                Column(self.tr("Status"), lambda t: t.status, is_code=True),
                Column(self.tr("Started"), lambda t: t.start_date),
            ],
            self,
        )
        for table, model, widths in (
            (ui.contacts_table, self.contacts_model, [28, 30, 30, 16]),
            (ui.participation_table, self.participation_model, [11, 40, 20, 24, 10]),
            (ui.taskforces_table, self.taskforces_model, [40, 16, 12, 11]),
            (ui.memberships_table, self.memberships_model, [44, 14, 14]),
        ):
            table.setModel(model)
            setup_table(table)
            size_columns(table, widths)
        ui.contacts_table.doubleClicked.connect(
            lambda index: ctx.open_record(CONTACT, self.contacts_model.row_at(index.row()).id)
        )
        ui.participation_table.doubleClicked.connect(
            lambda index: ctx.open_record(
                MEETING, self.participation_model.row_at(index.row()).meeting_id
            )
        )
        ui.taskforces_table.doubleClicked.connect(
            lambda index: ctx.open_record(
                TASKFORCE, self.taskforces_model.row_at(index.row()).taskforce_id
            )
        )
        ui.new_contact_button.clicked.connect(self._new_contact)
        ui.add_membership_button.clicked.connect(self._add_membership)
        ui.edit_membership_button.clicked.connect(self._edit_membership)
        ui.remove_membership_button.clicked.connect(self._remove_membership)
        ui.memberships_table.doubleClicked.connect(lambda _index: self._edit_membership())
        ui.memberships_table.selectionModel().selectionChanged.connect(
            lambda *_args: self._update_membership_buttons()
        )
        ui.save_button.clicked.connect(self.save)
        ui.close_button.clicked.connect(self.close)
        ui.archive_button.clicked.connect(self._archive)

        self.bind(
            ui,
            FIELDS,
            ui.problems_label,
            watched=[ui.expertise_list, ui.need_list],
            problems={"memberships": ui.memberships_table},
        )
        ctx.changed.connect(self._network_changed)
        self.restore_geometry()
        self.load(prefill)

    # --- RecordForm ---------------------------------------------------------

    def fetch(self) -> OrganisationRow:
        assert self.record_id is not None
        return organisations.get_organisation(self.db, self.record_id)

    def title_of(self, row: OrganisationRow) -> str:
        return row.name

    def new_title(self) -> str:
        return self.tr("New organisation")

    def clear_fields(self, prefill: Mapping[str, Any]) -> None:
        ui = self.ui
        fill_checklist(ui.expertise_list, self._topics, ())
        fill_checklist(ui.need_list, self._topics, ())
        self._show_memberships([])
        self._show_header(None)

    def show_row(self, row: OrganisationRow) -> None:
        ui = self.ui
        fill_checklist(ui.expertise_list, self._topics, row.expertise_topics)
        fill_checklist(ui.need_list, self._topics, row.need_topics)
        self._read_programme_names()
        self._show_memberships([period_of(m) for m in row.memberships])
        self._show_header(row)

    def _show_header(self, row: OrganisationRow | None) -> None:
        ui = self.ui
        ui.title_label.setText(row.name if row else self.tr("New organisation"))
        archived = getattr(row, "archived_at", None) is not None
        ui.archived_label.setVisible(archived)
        ui.archive_button.setText(self.tr("Restore") if archived else self.tr("Archive"))
        ui.archive_button.setEnabled(row is not None)
        ui.new_contact_button.setEnabled(row is not None)

    def build_draft(self) -> OrganisationDraft:
        ui = self.ui
        return OrganisationDraft(
            **self.binding.values(),
            expertise_topic_ids=checked_ids(ui.expertise_list),
            need_topic_ids=checked_ids(ui.need_list),
            memberships=tuple(
                MembershipDraft(line.programme_id, line.since, line.until, line.id)
                for line in self.membership_lines
            ),
        )

    def write(self, draft: OrganisationDraft, allow_duplicate: bool) -> OrganisationRow:
        if self.record_id is None:
            return organisations.create_organisation(
                self.db, draft, allow_duplicate=allow_duplicate
            )
        return organisations.update_organisation(
            self.db, self.record_id, draft, allow_duplicate=allow_duplicate, base=self.row
        )

    def reveal(self, widget: QWidget) -> None:
        tabs = self.ui.tabs
        for index in range(tabs.count()):
            page = tabs.widget(index)
            if page is not None and page.isAncestorOf(widget):
                tabs.setCurrentIndex(index)
                return

    def related_kinds(self) -> tuple[str, ...]:
        return (CONTACT, MEETING, TASKFORCE)

    def refresh_related(self) -> None:
        ui = self.ui
        if self.record_id is None:
            for model in (self.contacts_model, self.participation_model, self.taskforces_model):
                model.set_rows([])
            ui.contacts_summary.setText(self.tr("Save the organisation to add its contacts."))
            ui.participation_summary.setText("")
            ui.taskforces_summary.setText("")
            return
        its_contacts = contacts.list_contacts(self.db, organisation_id=self.record_id)
        self.contacts_model.set_rows(its_contacts)
        ui.contacts_summary.setText(self.tr("%n contact(s)", "", len(its_contacts)))
        rows = history.organisation_participation(self.db, self.record_id)
        self.participation_model.set_rows(rows)
        present = [r for r in rows if r.status == "present"]
        ui.participation_summary.setText(
            self.tr(
                "Invited {invited} times; present {present} times at {meetings} meetings."
            ).format(
                invited=len(rows),
                present=len(present),
                meetings=len({r.meeting_id for r in present}),
            )
            if rows
            else self.tr("Nobody from this organisation has been invited to a meeting yet.")
        )
        links = history.organisation_taskforces(self.db, self.record_id)
        self.taskforces_model.set_rows(links)
        ui.taskforces_summary.setText(
            self.tr("%n taskforce(s)", "", len(links))
            if links
            else self.tr("This organisation takes part in no taskforce.")
        )
        ui.tabs.setTabText(
            ui.tabs.indexOf(ui.contacts_tab), self.tr("&Contacts (%n)", "", len(its_contacts))
        )

    # --- programmes (saved with the organisation) ----------------------------

    def _read_programme_names(self) -> None:
        self._programme_names = {p.id: p.name for p in programmes.list_programmes(self.db)}

    def _show_memberships(self, lines: list[MembershipPeriod]) -> None:
        ui = self.ui
        names = self._programme_names
        self.membership_lines = sorted(lines, key=lambda line: sort_key(line, names))
        self.memberships_model.set_rows(self.membership_lines)
        today = dt.date.today()
        current = sorted(
            {names.get(m.programme_id, "") for m in self.membership_lines if is_current(m, today)}
        )
        if current:
            summary = self.tr("Member today of: {programmes}.").format(
                programmes=", ".join(current)
            )
        elif self.membership_lines:
            summary = self.tr("Not a member of any programme today.")
        else:
            summary = self.tr("Not a member of any programme.")
        ui.programmes_summary.setText(summary)
        ui.tabs.setTabText(
            ui.tabs.indexOf(ui.programmes_tab),
            self.tr("Pro&grammes (%n)", "", len(self.membership_lines)),
        )
        self._update_membership_buttons()

    def _selected_membership(self) -> int | None:
        rows = self.ui.memberships_table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_membership_buttons(self) -> None:
        selected = self._selected_membership() is not None
        self.ui.edit_membership_button.setEnabled(selected)
        self.ui.remove_membership_button.setEnabled(selected)

    def _membership_dialog(self, index: int | None) -> MembershipPeriod | None:
        line = self.membership_lines[index] if index is not None else None
        others = [m for i, m in enumerate(self.membership_lines) if i != index]
        dialog = MembershipDialog(self.ctx, others, line, self)
        chosen = dialog.result_line if dialog.exec() == QDialog.DialogCode.Accepted else None
        # The dialog may have created a programme (its chooser tells the
        # other windows): its name is needed now, to show the line.
        self._read_programme_names()
        return chosen

    def _replace_memberships(self, lines: list[MembershipPeriod], chosen: MembershipPeriod) -> None:
        self._show_memberships(lines)
        self.mark_dirty()
        if chosen in self.membership_lines:
            self.ui.memberships_table.selectRow(self.membership_lines.index(chosen))
        if self.errors is not None:
            self.errors.clear_field("memberships")

    def _add_membership(self) -> None:
        chosen = self._membership_dialog(None)
        if chosen is not None:
            self._replace_memberships([*self.membership_lines, chosen], chosen)

    def _edit_membership(self) -> None:
        index = self._selected_membership()
        if index is None:
            return
        chosen = self._membership_dialog(index)
        if chosen is not None:
            lines = list(self.membership_lines)
            lines[index] = chosen
            self._replace_memberships(lines, chosen)

    def _remove_membership(self) -> None:
        index = self._selected_membership()
        if index is None:
            return
        lines = list(self.membership_lines)
        del lines[index]
        self._show_memberships(lines)
        self.mark_dirty()
        if self.errors is not None:
            self.errors.clear_field("memberships")

    def _network_changed(self, kinds: list[str]) -> None:
        """Topics or programmes changed (Network menu): show them, keeping what is ticked."""
        if TOPIC in kinds:
            self._topics = [(t.id, t.name) for t in programmes.list_topics(self.db)]
            loading, self._loading = self._loading, True
            try:
                for checklist in (self.ui.expertise_list, self.ui.need_list):
                    fill_checklist(checklist, self._topics, checked_ids(checklist))
            finally:
                self._loading = loading
        if PROGRAMME in kinds:
            self._read_programme_names()
            self._show_memberships(self.membership_lines)

    # --- actions ------------------------------------------------------------

    def _new_contact(self) -> None:
        if self.ensure_saved() and self.row is not None:
            self.ctx.new_record(
                CONTACT, organisation_id=self.row.id, organisation_name=self.row.name
            )

    def _archive(self) -> None:
        self.toggle_archive(lambda row: row.name)
