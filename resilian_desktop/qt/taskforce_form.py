"""The taskforce window: problem, objectives, lead, members, meetings and the roadmap editor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QDialog, QListWidgetItem, QWidget

from resilian_desktop.domain.errors import FieldProblem, ResilianError
from resilian_desktop.domain.vocab import ActionStatus, MemberRole, TaskforceStatus
from resilian_desktop.qt.bindings import CODE, DATE, LINE, LOOKUP, PLAIN, Field
from resilian_desktop.qt.context import (
    CONTACT,
    MEETING,
    ORGANISATION,
    TASKFORCE,
    AppContext,
    show_error,
)
from resilian_desktop.qt.document_files import add_print_shortcut, file_name, preview_pdf
from resilian_desktop.qt.forms.ui_taskforce_form import Ui_TaskforceForm
from resilian_desktop.qt.labels import MEMBER_ROLES, TASKFORCE_STATUSES
from resilian_desktop.qt.pdf_preview import PdfPreviewDialog
from resilian_desktop.qt.pickers import RecordPickerDialog, unchosen
from resilian_desktop.qt.programme_choice import ProgrammeChoice
from resilian_desktop.qt.record_form import RecordForm
from resilian_desktop.qt.roadmap import ActionDialog, RoadmapModel
from resilian_desktop.qt.rows_model import Column, RowsModel
from resilian_desktop.qt.undo import (
    DeleteActionCommand,
    ImportActionsCommand,
    MoveActionCommand,
    RemoveMemberCommand,
)
from resilian_desktop.qt.widgets import (
    fill_codes,
    select_data,
    setup_form,
    setup_table,
    size_columns,
)
from resilian_desktop.services import history, listings, taskforces
from resilian_desktop.services.importing import CREATED, UPDATED, ImportResult
from resilian_desktop.services.listings import ListFilters
from resilian_desktop.services.taskforces import (
    ActionDraft,
    ActionRow,
    TaskforceDraft,
    TaskforceRow,
    draft_of,
)

# The taskforce's simple fields; the programme (a remembered choice), the
# organisations that raised the problem, members and roadmap are the form's.
FIELDS = (
    Field("name", "name_edit", LINE),
    Field("status", "status_combo", CODE, default=TaskforceStatus.EMERGING.value),
    Field("start_date", "start_date_edit", DATE),
    Field("end_date", "end_date_edit", DATE),
    Field(
        "lead_organisation_id",
        "lead_organisation_lookup",
        LOOKUP,
        label="lead_organisation_name",
    ),
    Field("lead_person_id", "lead_contact_lookup", LOOKUP, label="lead_contact_name"),
    Field("problem_statement", "problem_edit", PLAIN),
    Field("objectives", "objectives_edit", PLAIN),
    Field("success_indicators", "indicators_edit", PLAIN),
)


class TaskforceForm(RecordForm):
    KIND = TASKFORCE
    EDIT_WIDGETS = (
        "add_origin_button",
        "remove_origin_button",
        "add_action_button",
        "import_actions_button",
        "edit_action_button",
        "up_button",
        "down_button",
        "done_button",
        "delete_action_button",
        "add_member_people_button",
        "add_member_organisations_button",
        "remove_member_button",
        "new_meeting_button",
    )

    def refusal_code(self) -> str | None:
        return self.ctx.rights.programme_refusal(self.row.programme_id if self.row else None)

    def __init__(
        self,
        ctx: AppContext,
        record_id: int | None,
        parent: QWidget | None = None,
        prefill: Mapping[str, Any] | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(ctx, record_id, parent)
        self.ui = Ui_TaskforceForm()
        setup_form(self.ui, self)
        ui = self.ui
        self.programmes = ProgrammeChoice(ctx, ui.programme_combo, self)
        fill_codes(ui.status_combo, TASKFORCE_STATUSES)
        fill_codes(ui.member_role_combo, MEMBER_ROLES)
        select_data(ui.member_role_combo, MemberRole.MEMBER.value)
        ui.lead_organisation_lookup.configure(
            self.db, ORGANISATION, self.tr("The company that leads")
        )
        ui.lead_contact_lookup.configure(self.db, CONTACT, self.tr("Its project lead"))
        ui.add_origin_button.clicked.connect(self.add_origins)
        ui.remove_origin_button.clicked.connect(self.remove_origin)

        # Roadmap: drag and drop to reorder, Ctrl+Up / Ctrl+Down from the keyboard.
        self.roadmap_model = RoadmapModel(self, today=today)
        self.roadmap_model.move_requested.connect(self.move_action)
        table = ui.roadmap_table
        table.setModel(self.roadmap_model)
        setup_table(table)
        size_columns(table, [4, 44, 24, 11, 11, 11, 8])
        table.setDragEnabled(True)
        table.setAcceptDrops(True)
        table.setDropIndicatorShown(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)
        table.doubleClicked.connect(lambda _index: self.edit_action())
        for keys, step in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda s=step: self.shift_selected(s))
        for keys, slot in (("Return", self.edit_action), ("Delete", self.delete_action)):
            shortcut = QShortcut(QKeySequence(keys), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        ui.add_action_button.clicked.connect(self.add_action)
        ui.import_actions_button.clicked.connect(self.import_actions)
        ui.edit_action_button.clicked.connect(self.edit_action)
        ui.up_button.clicked.connect(lambda: self.shift_selected(-1))
        ui.down_button.clicked.connect(lambda: self.shift_selected(1))
        ui.done_button.clicked.connect(self.mark_done)
        ui.delete_action_button.clicked.connect(self.delete_action)
        table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.members_model = RowsModel(
            [
                Column(self.tr("Contact"), lambda m: m.contact_name),
                Column(self.tr("Organisation"), lambda m: m.organisation_name),
                Column(self.tr("Role"), lambda m: m.role, is_code=True),
            ],
            self,
        )
        ui.members_table.setModel(self.members_model)
        setup_table(ui.members_table)
        size_columns(ui.members_table, [28, 36, 14])
        ui.members_table.doubleClicked.connect(self._open_member)
        ui.add_member_contacts_button.clicked.connect(self.add_member_contacts)
        ui.add_member_organisations_button.clicked.connect(self.add_member_organisations)
        ui.remove_member_button.clicked.connect(self.remove_member)
        ui.members_table.selectionModel().selectionChanged.connect(self._update_buttons)

        # Rows of listings' "meetings" list: date, kind, title, venue, status, invited, present.
        self.meetings_model = RowsModel(
            [
                Column(self.tr("Date"), lambda m: m.values[0]),
                Column(self.tr("Kind"), lambda m: m.values[1], is_code=True),
                Column(self.tr("Title"), lambda m: m.values[2]),
                Column(self.tr("Status"), lambda m: m.values[4], is_code=True),
                Column(self.tr("Present"), lambda m: m.values[6]),
            ],
            self,
        )
        ui.meetings_table.setModel(self.meetings_model)
        setup_table(ui.meetings_table)
        size_columns(ui.meetings_table, [11, 20, 44, 10, 8])
        ui.meetings_table.doubleClicked.connect(
            lambda index: ctx.open_record(MEETING, self.meetings_model.row_at(index.row()).id)
        )
        ui.new_meeting_button.clicked.connect(self.new_meeting)

        ui.save_button.clicked.connect(self.save)
        ui.close_button.clicked.connect(self.close)
        ui.archive_button.clicked.connect(self._archive)
        ui.roadmap_pdf_button.clicked.connect(self.print_roadmap)
        add_print_shortcut(self, self.print_roadmap)
        self.bind(
            ui,
            FIELDS,
            ui.problems_label,
            watched=[ui.programme_combo],
            problems={"programme_id": ui.programme_combo},
        )
        self.restore_geometry()
        self.load(prefill)

    # --- RecordForm ---------------------------------------------------------

    def fetch(self) -> TaskforceRow:
        assert self.record_id is not None
        return taskforces.get_taskforce(self.db, self.record_id)

    def title_of(self, row: TaskforceRow) -> str:
        return row.name

    def new_title(self) -> str:
        return self.tr("New taskforce")

    def clear_fields(self, prefill: Mapping[str, Any]) -> None:
        self.programmes.select(prefill.get("programme_id"))
        self._show_origins([])
        self._show_header(None)

    def show_row(self, row: TaskforceRow) -> None:
        self.programmes.select(row.programme_id)
        self._show_origins(history.taskforce_origins(self.db, row.id))
        self._show_header(row)

    def _show_header(self, row: TaskforceRow | None) -> None:
        ui = self.ui
        ui.title_label.setText(row.name if row else self.tr("New taskforce"))
        archived = getattr(row, "archived_at", None) is not None
        ui.archived_label.setVisible(archived)
        ui.archive_button.setText(self.tr("Restore") if archived else self.tr("Archive"))
        ui.archive_button.setEnabled(row is not None)

    def print_roadmap(self) -> PdfPreviewDialog | None:
        """The taskforce's roadmap as a PDF, previewed before printing or saving."""
        if not self.ensure_saved() or self.record_id is None:
            return None
        # Imported when asked for: reportlab is not needed to open the window.
        from resilian_desktop.documents.roadmap.build import export_roadmap

        db, taskforce_id = self.db, self.record_id
        name = file_name(
            "Feuille de route",
            dt.date.today().isoformat(),
            self.row.name if self.row else "",
            suffix=".pdf",
        )
        return preview_pdf(self, lambda path: export_roadmap(db, taskforce_id, path), name)

    # --- organisations that raised the problem ------------------------------

    def _show_origins(self, origins: list[tuple[int, str]]) -> None:
        self.ui.origins_list.clear()
        for organisation_id, name in origins:
            self._add_origin_item(organisation_id, name)

    def _add_origin_item(self, organisation_id: int, name: str) -> None:
        item = QListWidgetItem(name, self.ui.origins_list)
        item.setData(Qt.ItemDataRole.UserRole, organisation_id)

    def origin_ids(self) -> tuple[int, ...]:
        widget = self.ui.origins_list
        return tuple(
            int(widget.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(widget.count())
        )

    def add_origins(self) -> None:
        dialog = RecordPickerDialog(
            self.db,
            "organisations",
            title=self.tr("Organisations that raised the problem"),
            accept_text=self.tr("Add"),
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        known = set(self.origin_ids())
        model = dialog.model
        for row in sorted(i.row() for i in dialog.ui.table.selectionModel().selectedRows()):
            organisation_id = model.record_id(row)
            if organisation_id not in known:
                self._add_origin_item(organisation_id, str(model.index(row, 0).data()))
                self.mark_dirty()

    def remove_origin(self) -> None:
        for item in self.ui.origins_list.selectedItems():
            self.ui.origins_list.takeItem(self.ui.origins_list.row(item))
            self.mark_dirty()

    def collect_problems(self) -> list[FieldProblem]:
        ui = self.ui
        problems = unchosen(
            {
                "lead_organisation_id": ui.lead_organisation_lookup,
                "lead_person_id": ui.lead_contact_lookup,
            }
        )
        if self.programmes.programme_id() is None:
            problems.append(FieldProblem("programme_id", "required", "choose a programme"))
        return problems

    def build_draft(self) -> TaskforceDraft:
        return TaskforceDraft(
            **self.binding.values(),
            programme_id=self.programmes.programme_id() or 0,
            # The whole list goes back with each save: the service replaces it.
            origin_organisation_ids=self.origin_ids(),
        )

    def write(self, draft: TaskforceDraft, allow_duplicate: bool) -> TaskforceRow:
        if self.record_id is None:
            return taskforces.create_taskforce(self.db, draft)
        return taskforces.update_taskforce(self.db, self.record_id, draft, base=self.row)

    def reveal(self, widget: QWidget) -> None:
        self.ui.tabs.setCurrentWidget(self.ui.details_tab)

    def related_kinds(self) -> tuple[str, ...]:
        # Roadmap and member changes come as TASKFORCE: with fields being
        # typed, which must stay, only the lists are read again.
        return (MEETING, CONTACT, ORGANISATION, TASKFORCE)

    def refresh_related(self) -> None:
        ui = self.ui
        saved = self.record_id is not None
        selected = self.selected_action()
        actions = taskforces.list_actions(self.db, taskforce_id=self.record_id) if saved else []
        self.roadmap_model.set_rows(actions)
        if selected is not None:
            self.select_action(selected.id)
        self.members_model.set_rows(
            taskforces.list_members(self.db, self.record_id) if self.record_id else []
        )
        linked = (
            listings.fetch_page(
                self.db,
                "meetings",
                offset=0,
                limit=500,
                filters=ListFilters(taskforce_id=self.record_id, show_archived=True),
            )
            if self.record_id
            else []
        )
        self.meetings_model.set_rows(linked)
        ui.meetings_summary.setText(self.tr("%n meeting(s)", "", len(linked)) if saved else "")
        done = sum(1 for a in actions if a.status == ActionStatus.DONE.value)
        late = sum(1 for r in range(len(actions)) if self.roadmap_model.is_late(r))
        ui.progress_label.setText(
            self.tr("{actions} actions · {done} done · {late} late").format(
                actions=len(actions), done=done, late=late
            )
            if actions
            else ""
        )
        ui.tabs.setTabText(
            ui.tabs.indexOf(ui.roadmap_tab), self.tr("&Roadmap (%n)", "", len(actions))
        )
        ui.tabs.setTabText(
            ui.tabs.indexOf(ui.members_tab),
            self.tr("&Members (%n)", "", self.members_model.rowCount()),
        )
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        ui = self.ui
        action = self.selected_action()
        count = self.roadmap_model.rowCount()
        for button in (ui.edit_action_button, ui.done_button, ui.delete_action_button):
            button.setEnabled(action is not None)
        ui.up_button.setEnabled(action is not None and action.position > 1)
        ui.down_button.setEnabled(action is not None and action.position < count)
        ui.remove_member_button.setEnabled(bool(ui.members_table.selectionModel().selectedRows()))
        ui.import_actions_button.setToolTip(
            self.tr(
                "Add to this roadmap the actions of a spreadsheet (.xlsx or .csv); "
                "an action already there (same title) is updated."
            )
            if self.record_id is not None
            else self.tr("The taskforce is saved first: actions go into a saved roadmap.")
        )

    # --- roadmap ------------------------------------------------------------

    def selected_action(self) -> ActionRow | None:
        rows = self.ui.roadmap_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= self.roadmap_model.rowCount():
            return None
        return self.roadmap_model.row_at(rows[0].row())

    def select_action(self, action_id: int) -> None:
        row = self.roadmap_model.row_of(action_id)
        if row >= 0:
            self.ui.roadmap_table.selectRow(row)

    def _action_saver(
        self, existing: ActionRow | None
    ) -> Callable[[ActionDraft, int | None], ActionRow]:
        def save(draft: ActionDraft, _chosen: int | None) -> ActionRow:
            if existing is not None:
                return taskforces.update_action(self.db, existing.id, draft, base=existing)
            assert self.record_id is not None
            return taskforces.add_action(self.db, self.record_id, draft)

        return save

    def add_action(self) -> ActionRow | None:
        if not self.ensure_saved():
            return None
        dialog = ActionDialog(self.db, save=self._action_saver(None), parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved_row is None:
            return None
        self.ctx.notify(TASKFORCE)
        self.refresh_related()
        self.select_action(dialog.saved_row.id)
        return dialog.saved_row

    def edit_action(self) -> ActionRow | None:
        action = self.selected_action()
        if action is None:
            return None
        dialog = ActionDialog(self.db, save=self._action_saver(action), action=action, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved_row is None:
            return None
        self.ctx.notify(TASKFORCE)
        self.refresh_related()
        return dialog.saved_row

    def import_actions(self) -> ImportResult | None:
        """Roadmap actions from a spreadsheet, into this taskforce (the import dialog, preset).

        Returns the result of the last import made in the dialog, None when none was.
        """
        # The import is its own transaction, like every other change to the
        # roadmap (adding, moving, deleting an action): it writes actions,
        # never the taskforce's own fields. So fields typed and not saved yet
        # stay as they are, unsaved, and only the roadmap is read again:
        # nothing typed is lost and nothing is half-saved. A new taskforce
        # alone must be saved first, with the user's agreement.
        if (
            not self.ensure_created(
                self.tr("Import actions"),
                self.tr("Actions are imported into a saved taskforce. Save this one now?"),
            )
            or self.record_id is None
        ):
            return None
        taskforce_id = self.record_id
        before = {a.id: a for a in taskforces.list_actions(self.db, taskforce_id=taskforce_id)}

        def imported(result: ImportResult, file_name: str) -> None:
            nonlocal before
            now = {a.id: a for a in taskforces.list_actions(self.db, taskforce_id=taskforce_id)}
            added = [
                now[o.record_id]
                for o in result.outcomes
                if o.action == CREATED and o.record_id in now
            ]
            changed = [
                o.record_id
                for o in result.outcomes
                if o.record_id is not None
                and o.action == UPDATED
                and o.record_id in now
                and o.record_id in before
            ]
            if added or changed:
                # Undoable in one step (Ctrl+Z), as moves and deletions are.
                self.ctx.push_done(
                    ImportActionsCommand(
                        self.ctx,
                        self.tr("Import actions from “{file}”").format(file=file_name),
                        taskforce_id,
                        added=added,
                        changed_before=[before[i] for i in changed],
                        changed_after=[now[i] for i in changed],
                    )
                )
            before = now  # the dialog may import another file
            self.ctx.notify(TASKFORCE)
            if added:
                self.select_action(added[0].id)

        return self.run_import(imported, taskforce_id=taskforce_id)

    def mark_done(self) -> None:
        action = self.selected_action()
        if action is None or action.status == ActionStatus.DONE.value:
            return
        done = replace(draft_of(action), status=ActionStatus.DONE.value, done_date=None)
        try:
            taskforces.update_action(self.db, action.id, done, base=action)
        except ResilianError as error:  # changed by another user meanwhile
            show_error(self, error)
        self.ctx.notify(TASKFORCE)
        self.refresh_related()

    def move_action(self, action_id: int, new_position: int) -> None:
        row = self.roadmap_model.row_of(action_id)
        if row < 0:
            return
        action = self.roadmap_model.row_at(row)
        if self.ctx.execute(MoveActionCommand(self.ctx, action, new_position)):
            self.refresh_related()
            self.select_action(action_id)

    def shift_selected(self, step: int) -> None:
        action = self.selected_action()
        if action is None:
            return
        target = action.position + step
        if 1 <= target <= self.roadmap_model.rowCount():
            self.move_action(action.id, target)

    def delete_action(self) -> None:
        action = self.selected_action()
        if action is not None and self.ctx.execute(DeleteActionCommand(self.ctx, action)):
            self.refresh_related()

    # --- members and meetings -----------------------------------------------

    def _add_members(self, list_name: str, title: str, as_contact: bool) -> None:
        if not self.ensure_saved() or self.record_id is None:
            return
        dialog = RecordPickerDialog(
            self.db, list_name, title=title, accept_text=self.tr("Add"), parent=self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        role = str(self.ui.member_role_combo.currentData())
        present = {
            (m.person_id if as_contact else m.organisation_id)
            for m in self.members_model.rows()
            if (m.person_id is not None) == as_contact
        }
        for record_id in dialog.selected_ids():
            if record_id in present:
                continue
            if as_contact:
                taskforces.add_member(self.db, self.record_id, person_id=record_id, role=role)
            else:
                taskforces.add_member(self.db, self.record_id, organisation_id=record_id, role=role)
        self.ctx.notify(TASKFORCE)
        self.refresh_related()

    def add_member_contacts(self) -> None:
        self._add_members("contacts", self.tr("Add people to the taskforce"), True)

    def add_member_organisations(self) -> None:
        self._add_members("organisations", self.tr("Add organisations to the taskforce"), False)

    def remove_member(self) -> None:
        rows = self.ui.members_table.selectionModel().selectedRows()
        if not rows:
            return
        member = self.members_model.row_at(rows[0].row())
        name = member.contact_name or member.organisation_name or ""
        if self.ctx.execute(RemoveMemberCommand(self.ctx, member, name)):
            self.refresh_related()

    def _open_member(self, index: QModelIndex) -> None:
        member = self.members_model.row_at(index.row())
        if member.person_id is not None:
            self.ctx.open_record(CONTACT, member.person_id)
        elif member.organisation_id is not None:
            self.ctx.open_record(ORGANISATION, member.organisation_id)

    def new_meeting(self) -> None:
        if not self.ensure_saved() or self.row is None:
            return
        self.ctx.new_record(
            MEETING,
            programme_id=self.row.programme_id,
            taskforce_id=self.row.id,
            taskforce_name=self.row.name,
            kind="taskforce_meeting",
            title=self.tr("Taskforce meeting — {name}").format(name=self.row.name),
        )

    def _archive(self) -> None:
        self.toggle_archive(lambda row: row.name)
