"""The meeting window: details, agenda, minutes and decisions, and the attendance editor."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from resilian_desktop.db.engine import Database
from resilian_desktop.domain.errors import FieldProblem, ResilianError
from resilian_desktop.domain.formats import contact_name
from resilian_desktop.domain.halfdays import MORNING, half_days
from resilian_desktop.domain.text import fold
from resilian_desktop.domain.vocab import AttendanceStatus, MeetingStatus, TaskforceStatus
from resilian_desktop.qt import attendance as columns
from resilian_desktop.qt.attendance import AttendanceModel
from resilian_desktop.qt.bindings import CODE, DATE, LINE, LOOKUP, PLAIN, TIME, Field
from resilian_desktop.qt.context import (
    CONTACT,
    MEETING,
    ORGANISATION,
    TASKFORCE,
    AppContext,
    show_error,
)
from resilian_desktop.qt.document_files import (
    add_print_shortcut,
    ask_target,
    file_name,
    preview_pdf,
)
from resilian_desktop.qt.export_progress import export_attendance_sheets
from resilian_desktop.qt.forms.ui_meeting_form import Ui_MeetingForm
from resilian_desktop.qt.labels import MEETING_KINDS, MEETING_STATUSES, label
from resilian_desktop.qt.meeting_proofs import ProofPanel
from resilian_desktop.qt.pickers import RecordPickerDialog, unchosen
from resilian_desktop.qt.programme_choice import ProgrammeChoice
from resilian_desktop.qt.record_form import RecordForm
from resilian_desktop.qt.roadmap import ActionDialog
from resilian_desktop.qt.undo import AttendanceCommand
from resilian_desktop.qt.walk_in import WalkInDialog
from resilian_desktop.qt.widgets import (
    checked_ids,
    fill_checklist,
    fill_codes,
    format_date,
    select_data,
    setup_form,
    setup_table,
    size_columns,
)
from resilian_desktop.qt.written import tell_written
from resilian_desktop.services import (
    attendance_tools,
    meetings,
    programmes,
    taskforces,
)
from resilian_desktop.services.importing import UNCHANGED, ImportResult
from resilian_desktop.services.listings import ListFilters
from resilian_desktop.services.meetings import MeetingDraft, MeetingRow
from resilian_desktop.services.taskforces import ActionDraft, ActionRow

log = logging.getLogger(__name__)
# Statuses that record presence: marking them on a planned meeting offers to set it held.
RECORDED_STATUSES = (AttendanceStatus.PRESENT.value, AttendanceStatus.ABSENT.value)
STATUS_KEYS = {
    Qt.Key.Key_P: AttendanceStatus.PRESENT.value,
    Qt.Key.Key_A: AttendanceStatus.ABSENT.value,
    Qt.Key.Key_E: AttendanceStatus.EXCUSED.value,
    Qt.Key.Key_I: AttendanceStatus.INVITED.value,
}
# Bullets and numbering people put at the start of a line of minutes.
_BULLET = re.compile(r"^\s*(?:[-•*–·]|\d+[.)]|[a-z][.)])\s*", re.IGNORECASE)


# The meeting's simple fields; the programme (a remembered choice), topics and
# attendance are shown by the form.
FIELDS = (
    Field("kind", "kind_combo", CODE, default="business_corner"),
    Field("title", "title_edit", LINE),
    Field("date", "date_edit", DATE),
    Field("start_time", "start_time_edit", TIME),
    Field("end_time", "end_time_edit", TIME),
    Field("status", "status_combo", CODE, default=MeetingStatus.PLANNED.value),
    Field("venue", "venue_edit", LINE),
    Field("venue_capacity", "venue_capacity_edit", LINE),
    Field("host_organisation_id", "host_lookup", LOOKUP, label="host_organisation_name"),
    Field("taskforce_id", "taskforce_lookup", LOOKUP, label="taskforce_name"),
    Field("agenda", "agenda_edit", PLAIN),
    Field("minutes", "minutes_edit", PLAIN),
    Field("decisions", "decisions_edit", PLAIN),
)


class MeetingForm(RecordForm):
    KIND = MEETING
    EDIT_WIDGETS = (
        "action_from_line_button",
        "add_people_button",
        "add_taskforce_button",
        "add_organisations_button",
        "walk_in_button",
        "import_registrations_button",
        "present_button",
        "absent_button",
        "excused_button",
        "invited_button",
        "remove_button",
    )

    def __init__(
        self,
        ctx: AppContext,
        record_id: int | None,
        parent: QWidget | None = None,
        prefill: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(ctx, record_id, parent)
        self.ui = Ui_MeetingForm()
        setup_form(self.ui, self)
        ui = self.ui
        self.programmes = ProgrammeChoice(ctx, ui.programme_combo, self, remember_as="meeting")
        fill_codes(ui.kind_combo, MEETING_KINDS)
        fill_codes(ui.status_combo, MEETING_STATUSES)
        ui.host_lookup.configure(self.db, ORGANISATION, self.tr("Company receiving the meeting"))
        ui.taskforce_lookup.configure(
            self.db, TASKFORCE, self.tr("Taskforce this meeting works for")
        )
        self._topics = [(t.id, t.name) for t in programmes.list_topics(self.db)]

        self.attendance_model = AttendanceModel(self)
        self.attendance_model.half_day_toggled.connect(self._half_day_toggled)
        table = ui.attendance_table
        table.setModel(self.attendance_model)
        setup_table(table, multi=True)
        size_columns(table, [26, 26, 22, 14, 18, 9, 9])
        table.doubleClicked.connect(self._open_attendee)
        # P, A, E, I on the list mark the selected people. An event filter, not
        # QShortcut: the table takes letters for its keyboard search first.
        table.installEventFilter(self)
        ui.present_button.setText(label(AttendanceStatus.PRESENT.value))
        ui.absent_button.setText(label(AttendanceStatus.ABSENT.value))
        ui.excused_button.setText(label(AttendanceStatus.EXCUSED.value))
        ui.invited_button.setText(label(AttendanceStatus.INVITED.value))
        ui.present_button.clicked.connect(
            lambda: self.mark_selected(AttendanceStatus.PRESENT.value)
        )
        ui.absent_button.clicked.connect(lambda: self.mark_selected(AttendanceStatus.ABSENT.value))
        ui.excused_button.clicked.connect(
            lambda: self.mark_selected(AttendanceStatus.EXCUSED.value)
        )
        ui.invited_button.clicked.connect(
            lambda: self.mark_selected(AttendanceStatus.INVITED.value)
        )
        ui.remove_button.clicked.connect(self.remove_selected)
        ui.add_contacts_button.clicked.connect(self.add_from_directory)
        ui.add_taskforce_button.clicked.connect(self.add_taskforce_members)
        ui.add_organisations_button.clicked.connect(self.add_organisation_contacts)
        ui.walk_in_button.clicked.connect(self.add_walk_in)
        ui.import_registrations_button.clicked.connect(self.import_registrations)
        ui.sign_button.clicked.connect(self.have_participants_sign)
        ui.action_from_line_button.clicked.connect(self.action_from_minutes_line)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        ui.taskforce_lookup.record_changed.connect(self._update_buttons)
        # Under the list: what a controller would reject, and the scanned sheets.
        self.proof_panel = ProofPanel(ctx, ui.attendance_tab)
        ui.attendance_layout.addWidget(self.proof_panel)

        ui.save_button.clicked.connect(self.save)
        ui.close_button.clicked.connect(self.close)
        ui.archive_button.clicked.connect(self._archive)
        ui.agenda_pdf_button.clicked.connect(self.print_agenda)
        ui.minutes_pdf_button.clicked.connect(self.print_minutes)
        ui.sheet_button.clicked.connect(self.save_attendance_workbook)
        ui.sheet_pdf_button.clicked.connect(self.print_attendance_sheet)
        add_print_shortcut(self, self.print_meeting)
        self._held_offered = False
        self.bind(
            ui,
            FIELDS,
            ui.problems_label,
            watched=[ui.programme_combo, ui.topics_list],
            problems={"programme_id": ui.programme_combo, "topics": ui.topics_list},
        )
        self.restore_geometry()
        self.load(prefill)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.ui.attendance_table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and Qt.Key(event.key()) in STATUS_KEYS
        ):
            self.mark_selected(STATUS_KEYS[Qt.Key(event.key())])
            return True
        return super().eventFilter(watched, event)

    # --- RecordForm ---------------------------------------------------------

    def fetch(self) -> MeetingRow:
        assert self.record_id is not None
        return meetings.get_meeting(self.db, self.record_id)

    def title_of(self, row: MeetingRow) -> str:
        return f"{row.title} — {format_date(row.date)}"

    def new_title(self) -> str:
        return self.tr("New meeting")

    def clear_fields(self, prefill: Mapping[str, Any]) -> None:
        self.programmes.select(prefill.get("programme_id"))
        fill_checklist(self.ui.topics_list, self._topics, ())
        self._show_header(None)

    def show_row(self, row: MeetingRow) -> None:
        self.programmes.select(row.programme_id)
        fill_checklist(self.ui.topics_list, self._topics, row.topics)
        self._show_header(row)

    def _show_header(self, row: MeetingRow | None) -> None:
        ui = self.ui
        if row is None:
            ui.title_label.setText(self.tr("New meeting"))
        else:
            kind = label(row.kind)
            # Titles often begin with their kind ("Business corner — Lean"): not twice.
            named = fold(row.title).startswith(fold(kind))
            title = row.title if named else f"{kind} — {row.title}"
            ui.title_label.setText(f"{title} — {format_date(row.date)}")
        archived = getattr(row, "archived_at", None) is not None
        ui.archived_label.setVisible(archived)
        ui.archive_button.setText(self.tr("Restore") if archived else self.tr("Archive"))
        ui.archive_button.setEnabled(row is not None)

    def collect_problems(self) -> list[FieldProblem]:
        ui = self.ui
        problems = unchosen(
            {"host_organisation_id": ui.host_lookup, "taskforce_id": ui.taskforce_lookup}
        )
        if self.programmes.programme_id() is None:
            problems.append(FieldProblem("programme_id", "required", "choose a programme"))
        return problems

    def build_draft(self) -> MeetingDraft:
        return MeetingDraft(
            **self.binding.values(),
            programme_id=self.programmes.programme_id() or 0,
            topic_ids=checked_ids(self.ui.topics_list),
        )

    def write(self, draft: MeetingDraft, allow_duplicate: bool) -> MeetingRow:
        if self.record_id is None:
            row = meetings.create_meeting(self.db, draft)
        else:
            row = meetings.update_meeting(self.db, self.record_id, draft, base=self.row)
        # The next new meeting starts in the programme used last.
        self.programmes.remember(row.programme_id)
        return row

    def reveal(self, widget: QWidget) -> None:
        ui = self.ui
        for tab in (ui.details_tab, ui.agenda_tab, ui.minutes_tab):
            if tab.isAncestorOf(widget):
                ui.tabs.setCurrentWidget(tab)

    def related_kinds(self) -> tuple[str, ...]:
        # Attendance changes come as MEETING: with fields being typed, which
        # must stay, only the list is read again.
        return (MEETING, CONTACT)

    # --- attendance ---------------------------------------------------------

    def refresh_related(self) -> None:
        ui = self.ui
        rows = meetings.list_attendance(self.db, self.record_id) if self.record_id else []
        both = self.row is not None and len(half_days(self.row.start_time, self.row.end_time)) == 2
        # The same people stay selected across a reload (after marking them, say).
        selected = set(self.selected_person_ids())
        current = ui.attendance_table.currentIndex()
        self.attendance_model.set_rows(rows, both_half_days=both)
        self.proof_panel.refresh(self.record_id)
        self.attendance_model.set_unsigned(self.proof_panel.unsigned())
        self._reselect(selected, current.column() if current.isValid() else 0)
        ui.attendance_table.setColumnHidden(columns.MORNING_COLUMN, not both)
        ui.attendance_table.setColumnHidden(columns.AFTERNOON_COLUMN, not both)
        ui.attendance_hint.setText(
            self.tr(
                "Keys on the list: P present, A absent, E excused, I invited. "
                "Tick Morning or Afternoon (or press Space on them) to record half-days."
            )
            if both
            else self.tr("Keys on the list: P present, A absent, E excused, I invited.")
        )
        invited, present, organisations = self.attendance_model.counts()
        ui.counts_label.setText(
            self.tr(
                "{invited} invited · {present} present · {organisations} organisations represented"
            ).format(invited=invited, present=present, organisations=organisations)
        )
        ui.tabs.setTabText(
            ui.tabs.indexOf(ui.attendance_tab),
            self.tr("Atte&ndance ({present}/{invited})").format(present=present, invited=invited),
        )
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        ui = self.ui
        selected = bool(ui.attendance_table.selectionModel().selectedRows())
        for button in (ui.present_button, ui.absent_button, ui.excused_button, ui.invited_button):
            button.setEnabled(selected)
        held = self.row is not None and self.row.status == MeetingStatus.HELD.value
        ui.remove_button.setEnabled(selected and not held)
        ui.remove_button.setToolTip(
            self.tr("A held meeting keeps its list: mark people absent instead.") if held else ""
        )
        has_taskforce = ui.taskforce_lookup.record_id is not None
        ui.add_taskforce_button.setEnabled(has_taskforce)
        ui.add_taskforce_button.setToolTip(
            "" if has_taskforce else self.tr("Link the meeting to a taskforce first (Details tab).")
        )
        ui.import_registrations_button.setToolTip(
            self.tr(
                "Add to this list the people registered in a spreadsheet (.xlsx or .csv); "
                "people not yet in the directory are added to it."
            )
            if self.record_id is not None
            else self.tr("The meeting is saved first: registrations go into a saved meeting.")
        )

    def _reselect(self, person_ids: set[int], column: int) -> None:
        if not person_ids:
            return
        table = self.ui.attendance_table
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        first = True
        for row, attendance in enumerate(self.attendance_model.rows()):
            if attendance.person_id in person_ids:
                index = self.attendance_model.index(row, column)
                if first:
                    table.selectionModel().setCurrentIndex(index, flags)
                    first = False
                else:
                    table.selectionModel().select(index, flags)

    def selected_person_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.ui.attendance_table.selectionModel().selectedRows())
        return [self.attendance_model.row_at(r).person_id for r in rows]

    def refusal_code(self) -> str | None:
        return self.ctx.rights.programme_refusal(self.row.programme_id if self.row else None)

    def rights_changed(self, refused: bool) -> None:
        self.attendance_model.editable = not refused

    def _change(self, text: str, person_ids: Sequence[int], change: Callable[[], object]) -> bool:
        if not person_ids or self.record_id is None or self.refused:
            return False
        command = AttendanceCommand(self.ctx, text, self.record_id, person_ids, change)
        ok = self.ctx.execute(command)
        if ok:
            self.refresh_related()
        return ok

    def invite(self, person_ids: Sequence[int], how: str) -> int:
        """Add people not yet on the list, as invited; returns how many were added."""
        if not self.ensure_saved() or self.record_id is None:
            return 0
        already = {r.person_id for r in self.attendance_model.rows()}
        new = [p for p in dict.fromkeys(person_ids) if p not in already]
        meeting_id = self.record_id
        if not new:
            QMessageBox.information(
                self, self.tr("Attendance"), self.tr("Everyone chosen is already on the list.")
            )
            return 0
        self._change(
            how,
            new,
            lambda: meetings.set_attendance(
                self.db, meeting_id, new, status=AttendanceStatus.INVITED.value
            ),
        )
        return len(new)

    def add_from_directory(self) -> None:
        if not self.ensure_saved():
            return
        dialog = RecordPickerDialog(
            self.db,
            "contacts",
            title=self.tr("Invite contacts"),
            accept_text=self.tr("Invite"),
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.invite(dialog.selected_ids(), self.tr("Invite contacts"))

    def add_taskforce_members(self) -> None:
        taskforce_id = self.ui.taskforce_lookup.record_id
        if taskforce_id is None or not self.ensure_saved():
            return
        ids = attendance_tools.taskforce_member_contacts(self.db, taskforce_id)
        if not ids:
            QMessageBox.information(
                self, self.tr("Attendance"), self.tr("The taskforce has no members yet.")
            )
            return
        self.invite(ids, self.tr("Invite the taskforce's members"))

    def add_organisation_contacts(self) -> None:
        if not self.ensure_saved():
            return
        dialog = RecordPickerDialog(
            self.db,
            "organisations",
            title=self.tr("Invite every contact of organisations"),
            accept_text=self.tr("Invite their contacts"),
            filters=ListFilters(),
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ids = attendance_tools.contacts_of_organisations(self.db, dialog.selected_ids())
        if not ids:
            QMessageBox.information(
                self, self.tr("Attendance"), self.tr("These organisations have no contacts yet.")
            )
            return
        self.invite(ids, self.tr("Invite the contacts of organisations"))

    def add_walk_in(self) -> None:
        if not self.ensure_saved() or self.record_id is None:
            return
        dialog = WalkInDialog(self.ctx, self.record_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh_related()

    def have_participants_sign(self, half_day: str | None = None) -> Any:
        """Kiosk mode for one half-day (asked when the meeting covers both);
        returns the kiosk window, shown full screen, or None."""
        # On first use, like the documents: the pad and PIL are not needed to open the form.
        from resilian_desktop.qt.kiosk.window import KioskWindow, ask_half_day

        if not self.ensure_saved() or self.record_id is None or self.row is None:
            return None
        covered = half_days(self.row.start_time, self.row.end_time)
        half_day = half_day or ask_half_day(self, covered, dt.datetime.now().time())
        if half_day is None:
            return None
        kiosk = KioskWindow(self.ctx, self.record_id, half_day, self)
        kiosk.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # After the kiosk window has gone: a question from the form then shows on the form.
        kiosk.left.connect(
            lambda signed: QTimer.singleShot(0, lambda: self._kiosk_left(signed)),
            Qt.ConnectionType.QueuedConnection,
        )
        # The whole screen the form is on, also where no window manager applies
        # "full screen" (a bare X session): the geometry first, then the state.
        screen = self.screen()
        if screen is not None:
            kiosk.setGeometry(screen.geometry())
        kiosk.showFullScreen()
        kiosk.activateWindow()
        return kiosk

    def _kiosk_left(self, signed: int) -> None:
        self.refresh_related()
        if signed:
            self.offer_to_mark_held()

    def import_registrations(self) -> ImportResult | None:
        """Registrations from a spreadsheet, into this meeting (the import dialog, preset).

        Returns the result of the last import made in the dialog, None when none was.
        """
        # The import is its own transaction, like every other change to the
        # list (inviting, marking): it writes attendance, contacts and
        # organisations, never the meeting's own fields. So fields typed and
        # not saved yet stay as they are, unsaved, and only the list is read
        # again: nothing typed is lost and nothing is half-saved. A new
        # meeting alone must be saved first, with the user's agreement.
        if (
            not self.ensure_created(
                self.tr("Import registrations"),
                self.tr("Registrations are imported into a saved meeting. Save this one now?"),
            )
            or self.record_id is None
        ):
            return None
        meeting_id = self.record_id
        before = self._attendance_states(meeting_id)

        def imported(result: ImportResult, file_name: str) -> None:
            nonlocal before
            now = self._attendance_states(meeting_id)
            touched = [
                o.record_id
                for o in result.outcomes
                if o.record_id is not None
                and o.attendance not in (None, UNCHANGED)
                and o.record_id in now
            ]
            if touched:
                # Undo (Ctrl+Z) puts the list back as it was, like any other
                # change to it; contacts and organisations the import created
                # stay in the directory, as a walk-in's do.
                after = [now[p] for p in touched]
                self.ctx.push_done(
                    AttendanceCommand(
                        self.ctx,
                        self.tr("Import registrations from “{file}”").format(file=file_name),
                        meeting_id,
                        touched,
                        lambda: attendance_tools.restore_attendance(self.db, meeting_id, after),
                        before={p: before[p] for p in touched if p in before},
                    )
                )
            before = now  # the dialog may import another file
            self.ctx.notify(MEETING, CONTACT, ORGANISATION)

        return self.run_import(imported, meeting_id=meeting_id)

    def _attendance_states(self, meeting_id: int) -> dict[int, attendance_tools.AttendanceState]:
        ids = [a.person_id for a in meetings.list_attendance(self.db, meeting_id)]
        return attendance_tools.attendance_states(self.db, meeting_id, ids)

    def mark_selected(self, status: str) -> None:
        ids = self.selected_person_ids()
        if not ids or self.record_id is None:
            return
        meeting_id = self.record_id
        changed = self._change(
            self.tr("Mark %n person(s) as {status}", "", len(ids)).format(status=label(status)),
            ids,
            lambda: meetings.set_attendance(self.db, meeting_id, ids, status=status),
        )
        if changed and status in RECORDED_STATUSES:
            self.offer_to_mark_held()

    def offer_to_mark_held(self) -> bool:
        """Presence recorded on a planned meeting of today or before: offer to set it held.

        Until then its attendance sheet stays the sheet to sign. True when set held.
        """
        row = self.row
        if row is None or row.status != MeetingStatus.PLANNED.value or row.date > dt.date.today():
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Meeting held?"),
            self.tr(
                "This meeting is still planned. Presence is being recorded: "
                "mark it held? Its attendance sheet then becomes the record of presence."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        select_data(self.ui.status_combo, MeetingStatus.HELD.value)
        return self.save()

    # --- documents ----------------------------------------------------------

    def _file_name(self, what: str, suffix: str) -> str:
        row = self.row
        if row is None:
            return file_name(what, suffix=suffix)
        return file_name(what, row.date.isoformat(), row.title, suffix=suffix)

    def _preview(self, what: str, export: Callable[[Database, int, Path], object]) -> Any:
        if not self.ensure_saved() or self.record_id is None:
            return None
        db, meeting_id = self.db, self.record_id
        return preview_pdf(
            self, lambda path: export(db, meeting_id, path), self._file_name(what, ".pdf")
        )

    def print_agenda(self) -> Any:
        # Documents are imported when asked for: reportlab is not needed to open the window.
        from resilian_desktop.documents.agenda.build import export_agenda

        return self._preview("Ordre du jour", export_agenda)

    def print_minutes(self) -> Any:
        # On first use, as above.
        from resilian_desktop.documents.minutes.build import export_minutes

        return self._preview("Compte rendu", export_minutes)

    def print_meeting(self) -> Any:
        """Ctrl+P: before the meeting its agenda, afterwards its minutes."""
        held = self.row is not None and self.row.date <= dt.date.today()
        return self.print_minutes() if held else self.print_agenda()

    def print_attendance_sheet(self) -> Any:
        """The sheet to sign, or the record of a held meeting, as a PDF previewed."""
        # On first use, as above.
        from resilian_desktop.documents.attendance_sheet.build import (
            export_attendance_sheets as write_sheets,
        )

        excused = self.include_excused()
        return self._preview(
            "Émargement",
            lambda db, meeting_id, path: write_sheets(
                db, [meeting_id], path, pdf=True, include_excused=excused
            ),
        )

    def include_excused(self) -> bool:
        """Whether the sheet to sign lists the people who excused themselves: asked
        when there are some (a record lists them anyway, marked excused)."""
        if self.row is not None and self.row.status == MeetingStatus.HELD.value:
            return False
        excused = sum(
            1 for r in self.attendance_model.rows() if r.status == AttendanceStatus.EXCUSED.value
        )
        if not excused:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Attendance sheet"),
            self.tr(
                "%n person(s) on the list excused themselves. "
                "Print them on the sheet to sign as well?",
                "",
                excused,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save_attendance_workbook(self, target: Path | None = None) -> Path | None:
        """Write the meeting's attendance sheet (Excel) where the user chooses."""
        if not self.ensure_saved() or self.record_id is None:
            return None
        target = target or ask_target(
            self,
            self.tr("Attendance sheet"),
            self._file_name("Émargement", ".xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if target is None:
            return None
        excused = self.include_excused()
        try:
            written = export_attendance_sheets(
                self, self.db, [self.record_id], target, include_excused=excused
            )
        except ResilianError as error:
            show_error(self, error)
            return None
        if written is not None:
            log.info("attendance sheet of meeting %s written to %s", self.record_id, written)
            # Said in the window that asked, with the way to the file.
            tell_written(self, written)
        return written

    def remove_selected(self) -> None:
        ids = self.selected_person_ids()
        if not ids or self.record_id is None:
            return
        meeting_id = self.record_id
        self._change(
            self.tr("Remove %n person(s) from the list", "", len(ids)),
            ids,
            lambda: meetings.remove_attendance(self.db, meeting_id, ids),
        )

    def _half_day_toggled(self, person_id: int, which: str, present: bool) -> None:
        row = next(r for r in self.attendance_model.rows() if r.person_id == person_id)
        morning = present if which == MORNING else bool(row.present_morning)
        afternoon = bool(row.present_afternoon) if which == MORNING else present
        status = (
            AttendanceStatus.PRESENT.value
            if morning or afternoon
            else AttendanceStatus.ABSENT.value
        )
        meeting_id = self.record_id
        assert meeting_id is not None
        self._change(
            self.tr("Half-day presence of {name}").format(
                name=contact_name(row.first_name, row.last_name)
            ),
            [person_id],
            lambda: meetings.set_attendance(
                self.db,
                meeting_id,
                [person_id],
                status=status,
                present_morning=morning,
                present_afternoon=afternoon,
            ),
        )
        if present:
            self.offer_to_mark_held()

    def _open_attendee(self, index: QModelIndex) -> None:
        if index.column() in (columns.MORNING_COLUMN, columns.AFTERNOON_COLUMN):
            return
        self.ctx.open_record(CONTACT, self.attendance_model.row_at(index.row()).person_id)

    # --- minutes to roadmap -------------------------------------------------

    def current_minutes_line(self) -> str:
        line = self.ui.minutes_edit.textCursor().block().text()
        return _BULLET.sub("", line).strip()

    def action_from_minutes_line(self) -> ActionRow | None:
        """Make the line of the minutes under the cursor an action of a roadmap."""
        line = self.current_minutes_line()
        if not line:
            QMessageBox.information(
                self,
                self.tr("Roadmap action"),
                self.tr("Put the cursor on a line of the minutes first."),
            )
            return None
        if not self.ensure_saved() or self.row is None:
            return None
        meeting = self.row
        choices: list[tuple[int, str]] = []
        if meeting.taskforce_id is None:
            choices = [
                (t.id, t.name)
                for t in taskforces.list_taskforces(self.db, programme_id=meeting.programme_id)
                if t.status != TaskforceStatus.CLOSED.value
                and getattr(t, "archived_at", None) is None
            ]
            if not choices:
                QMessageBox.information(
                    self,
                    self.tr("Roadmap action"),
                    self.tr("There is no open taskforce to give this action to."),
                )
                return None

        def save(draft: ActionDraft, chosen: int | None) -> ActionRow:
            taskforce_id = meeting.taskforce_id or chosen
            assert taskforce_id is not None
            return taskforces.add_action(self.db, taskforce_id, draft)

        dialog = ActionDialog(
            self.db,
            save=save,
            title=self.tr("Action decided at this meeting"),
            decided_in=(meeting.id, f"{meeting.title} — {format_date(meeting.date)}"),
            taskforce_choices=choices,
            parent=self,
        )
        dialog.set_title_text(line)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved_row is None:
            return None
        self.ctx.notify(TASKFORCE)
        return dialog.saved_row

    # --- archive ------------------------------------------------------------

    def _archive(self) -> None:
        self.toggle_archive(lambda row: row.title)
