"""Two officers, two windows, one database file (issue 15, point 3): the second
to save is told who changed what and chooses to reload or keep her version;
attendance marked in one window does not collide with the other's header."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from resilian_desktop import paths
from resilian_desktop.db.engine import Database
from resilian_desktop.db.storage import open_database
from resilian_desktop.domain.vocab import AttendanceStatus
from resilian_desktop.qt.contact_form import ContactForm
from resilian_desktop.qt.context import AppContext
from resilian_desktop.qt.meeting_form import MeetingForm
from resilian_desktop.qt.stale_record import StaleRecordBox
from resilian_desktop.qt.taskforce_form import TaskforceForm
from resilian_desktop.services import contacts, meetings, taskforces
from tests import factories as f
from tests.qt.helpers import type_into, with_modal
from tests.test_concurrency import user_of

pytestmark = [pytest.mark.usefixtures("french"), pytest.mark.both_engines]

# The real exec, before the autouse fixture makes every message box fail:
# these tests answer the box themselves, from inside its event loop.
REAL_EXEC = QMessageBox.exec
SCREENSHOTS = os.environ.get("RESILIAN_STALE_SCREENSHOTS")  # a folder: keep the boxes' pictures


@pytest.fixture
def second(db_location: str, tmp_path: Path, db: Database) -> Iterator[Database]:
    """The other officer's database: the same one, his own connections."""
    other = open_database(paths.database_location(db_location), backup_dir=tmp_path / "b2")
    yield other
    other.dispose()


@pytest.fixture
def meeting(db: Database) -> meetings.MeetingRow:
    programme = f.programme(db)
    return f.meeting(
        db,
        programme.id,
        venue="Haguenau",
        date=dt.date.today() + dt.timedelta(days=20),
        start_time=dt.time(9),
        end_time=dt.time(12),
    )


def open_form(qtbot: QtBot, form_class: Any, db: Database, record_id: int) -> Any:
    form = form_class(AppContext(db), record_id)
    form.show()
    qtbot.waitExposed(form)
    return form


@pytest.fixture
def forms(qtbot: QtBot) -> Iterator[list[Any]]:
    opened: list[Any] = []
    yield opened
    for form in opened:
        form._dirty = False  # closed without asking
        form.close()


def stale_box_answer(button: str, seen: dict[str, Any]) -> Any:
    def handler(box: Any) -> None:
        assert isinstance(box, StaleRecordBox)
        seen["title"] = box.windowTitle()
        seen["text"] = box.text()
        seen["details"] = box.informativeText()
        seen["buttons"] = [b.text() for b in box.buttons()]
        if SCREENSHOTS:
            box.grab().save(str(Path(SCREENSHOTS) / f"{button}-{box.text()[:12]}.png"))
        getattr(box, button).click()

    return handler


def test_the_second_to_save_keeps_her_version_knowingly(
    qtbot: QtBot,
    db: Database,
    second: Database,
    meeting: meetings.MeetingRow,
    forms: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QMessageBox, "exec", REAL_EXEC)
    alice = open_form(qtbot, MeetingForm, db, meeting.id)
    bruno = open_form(qtbot, MeetingForm, second, meeting.id)
    forms += [alice, bruno]
    type_into(qtbot, bruno.ui.title_edit, "Business corner — Lean, suite")
    type_into(qtbot, bruno.ui.venue_edit, "Bischwiller")
    type_into(qtbot, alice.ui.agenda_edit, "Tour de table")
    qtbot.mouseClick(bruno.ui.save_button, Qt.MouseButton.LeftButton)
    assert not bruno.is_dirty()

    seen: dict[str, Any] = {}
    saved = with_modal(alice.save, stale_box_answer("keep_button", seen))

    assert saved and not alice.is_dirty()
    assert seen["title"] == "Modifié par quelqu'un d'autre"
    assert " a modifié « Business corner — Lean, suite — " in seen["text"]
    assert seen["text"].endswith("pendant que vous faisiez vos modifications.")
    assert (
        "Intitulé : « Business corner — Lean » → « Business corner — Lean, suite »"
        in seen["details"]
    )
    assert "Lieu : « Haguenau » → « Bischwiller »" in seen["details"]
    assert sorted(seen["buttons"]) == ["&Garder ma version", "&Recharger", "Annuler"]
    stored = meetings.get_meeting(second, meeting.id)
    # Her whole version was saved over his, knowingly: his title and venue are gone.
    assert (stored.title, stored.venue, stored.agenda) == (
        "Business corner — Lean",
        "Haguenau",
        "Tour de table",
    )
    assert stored.version == 3
    assert alice.row == stored


def test_reloading_shows_the_stored_version_and_drops_her_edits(
    qtbot: QtBot,
    db: Database,
    second: Database,
    meeting: meetings.MeetingRow,
    forms: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QMessageBox, "exec", REAL_EXEC)
    alice = open_form(qtbot, MeetingForm, db, meeting.id)
    bruno = open_form(qtbot, MeetingForm, second, meeting.id)
    forms += [alice, bruno]
    type_into(qtbot, bruno.ui.venue_edit, "Bischwiller")
    assert bruno.save()
    type_into(qtbot, alice.ui.venue_edit, "Saverne")

    seen: dict[str, Any] = {}
    assert not with_modal(alice.save, stale_box_answer("reload_button", seen))
    assert alice.ui.venue_edit.text() == "Bischwiller" and not alice.is_dirty()
    assert meetings.get_meeting(db, meeting.id).venue == "Bischwiller"

    # Cancel leaves her edits in the window, unsaved, and asks again at the next save.
    type_into(qtbot, bruno.ui.venue_edit, "Wissembourg")
    assert bruno.save()
    type_into(qtbot, alice.ui.venue_edit, "Saverne")
    assert not with_modal(alice.save, stale_box_answer("cancel_button", seen))
    assert alice.is_dirty() and alice.ui.venue_edit.text() == "Saverne"
    assert meetings.get_meeting(db, meeting.id).venue == "Wissembourg"


def test_attendance_marked_in_one_window_leaves_the_other_header_save_alone(
    qtbot: QtBot, db: Database, second: Database, meeting: meetings.MeetingRow, forms: list[Any]
) -> None:
    anna, marc = f.contact(db), f.contact(db, "Marc", "Dupont")
    meetings.set_attendance(db, meeting.id, [anna.id, marc.id])
    alice = open_form(qtbot, MeetingForm, db, meeting.id)
    bruno = open_form(qtbot, MeetingForm, second, meeting.id)
    forms += [alice, bruno]
    type_into(qtbot, alice.ui.venue_edit, "Saverne")  # Alice edits the header

    # Bruno marks Anaïs present on his attendance tab.
    bruno.ui.tabs.setCurrentWidget(bruno.ui.attendance_tab)
    table = bruno.ui.attendance_table
    names = [f"{r.first_name} {r.last_name}" for r in bruno.attendance_model.rows()]
    table.selectionModel().select(
        bruno.attendance_model.index(names.index("Anaïs Müller"), 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.mouseClick(bruno.ui.present_button, Qt.MouseButton.LeftButton)

    assert alice.save()  # no question: the header was not changed by anyone else
    stored = meetings.get_meeting(db, meeting.id)
    assert stored.venue == "Saverne" and stored.present == 1
    statuses = {a.person_id: a.status for a in meetings.list_attendance(db, meeting.id)}
    assert statuses == {anna.id: AttendanceStatus.PRESENT.value, marc.id: "invited"}


def test_a_contact_window_names_the_fields_by_their_labels(
    qtbot: QtBot, db: Database, second: Database, forms: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "exec", REAL_EXEC)
    contact = f.contact(db, job_title="Responsable achats")
    alice = open_form(qtbot, ContactForm, db, contact.id)
    forms.append(alice)
    contacts.update_contact(
        second,
        contact.id,
        contacts.ContactDraft(first_name="Anaïs", last_name="Müller", job_title="Directrice"),
        base=contacts.get_contact(second, contact.id),
    )
    type_into(qtbot, alice.ui.phone_edit, "03 88 12 34 56")
    seen: dict[str, Any] = {}
    assert with_modal(alice.save, stale_box_answer("keep_button", seen))
    assert "« Responsable achats » → « Directrice »" in seen["details"]
    assert contacts.get_contact(db, contact.id).job_title == "Responsable achats"


def test_the_window_shows_who_created_and_changed_the_record(
    qtbot: QtBot, db: Database, meeting: meetings.MeetingRow, forms: list[Any]
) -> None:
    form = open_form(qtbot, MeetingForm, db, meeting.id)
    forms.append(form)
    shown = form.authors_label
    assert shown.isVisible() and shown.text().startswith("Création le ")
    assert shown.text().endswith(f"par {user_of(db)}")
    type_into(qtbot, form.ui.venue_edit, "Saverne")
    assert form.save()
    assert " · dernière modification le " in shown.text()


def test_marking_an_action_done_that_another_officer_changed_is_refused_in_french(
    qtbot: QtBot,
    db: Database,
    second: Database,
    forms: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    programme = f.programme(db)
    taskforce = f.taskforce(db, programme.id)
    action = taskforces.add_action(db, taskforce.id, taskforces.ActionDraft(title="Cartographier"))
    form = open_form(qtbot, TaskforceForm, db, taskforce.id)
    forms.append(form)
    form.ui.tabs.setCurrentWidget(form.ui.roadmap_tab)
    form.select_action(action.id)
    taskforces.update_action(
        second, action.id, replace(taskforces.draft_of(action), status="blocked"), base=action
    )
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    qtbot.mouseClick(form.ui.done_button, Qt.MouseButton.LeftButton)
    assert len(warned) == 1
    assert warned[0].endswith(
        "a modifié « Cartographier » depuis que vous l'avez ouvert : rien n'a été enregistré. "
        "Regardez-le à nouveau, puis refaites votre modification."
    )
    assert taskforces.list_actions(db, taskforce_id=taskforce.id)[0].status == "blocked"


def test_undo_never_takes_back_a_mark_another_officer_made_since(
    qtbot: QtBot,
    db: Database,
    second: Database,
    meeting: meetings.MeetingRow,
    forms: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    anna, marc = f.contact(db), f.contact(db, "Marc", "Dupont")
    meetings.set_attendance(db, meeting.id, [anna.id, marc.id])
    alice = open_form(qtbot, MeetingForm, db, meeting.id)
    forms.append(alice)
    alice.ui.tabs.setCurrentWidget(alice.ui.attendance_tab)
    alice.ui.attendance_table.selectAll()
    qtbot.mouseClick(alice.ui.present_button, Qt.MouseButton.LeftButton)
    # Bruno, at his desk, marks Anaïs excused after Alice marked everyone present.
    meetings.set_attendance(second, meeting.id, [anna.id], status=AttendanceStatus.EXCUSED.value)

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    alice.ctx.undo_stack.undo()
    assert len(warned) == 1 and "a modifié « Anaïs Müller »" in warned[0]
    statuses = {a.person_id: a.status for a in meetings.list_attendance(db, meeting.id)}
    # Nothing was taken back: Bruno's mark stays, and so does Alice's on Marc.
    assert statuses == {anna.id: "excused", marc.id: "present"}


def test_undo_takes_back_her_own_marks_when_nobody_else_changed_them(
    qtbot: QtBot, db: Database, meeting: meetings.MeetingRow, forms: list[Any]
) -> None:
    anna = f.contact(db)
    meetings.set_attendance(db, meeting.id, [anna.id])
    alice = open_form(qtbot, MeetingForm, db, meeting.id)
    forms.append(alice)
    alice.ui.tabs.setCurrentWidget(alice.ui.attendance_tab)
    alice.ui.attendance_table.selectAll()
    qtbot.mouseClick(alice.ui.present_button, Qt.MouseButton.LeftButton)
    alice.ctx.undo_stack.undo()
    assert [a.status for a in meetings.list_attendance(db, meeting.id)] == ["invited"]
    alice.ctx.undo_stack.redo()
    alice.ctx.undo_stack.undo()
    assert [a.status for a in meetings.list_attendance(db, meeting.id)] == ["invited"]
