"""The meeting form prevents the wrong attendance sheet (issue 12).

- a new meeting takes the programme used last, or the only active one, and
  otherwise none (another programme's funders would print on its sheet);
- "held" with a date after today is refused next to the status, with the reason;
- marking presence on a planned meeting offers to set it held;
- excused people go on the sheet to sign only when the officer says so.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from resilian_desktop.db.engine import Database
from resilian_desktop.qt.main_window import MainWindow
from resilian_desktop.qt.meeting_form import MeetingForm
from resilian_desktop.services import meetings, programmes
from tests import factories as f
from tests.qt.helpers import type_into

pytestmark = pytest.mark.usefixtures("french")
TODAY = dt.date.today()


def _programme(db: Database, name: str, *, ended: bool = False) -> int:
    end = (TODAY - dt.timedelta(days=30)).strftime("%d/%m/%Y") if ended else None
    return programmes.create_programme(
        db,
        programmes.ProgrammeDraft(name=name, start_date="01/01/2020", end_date=end),
    ).id


def _new(window: MainWindow) -> MeetingForm:
    form = window.new_record("meeting")
    assert isinstance(form, MeetingForm)
    return form


def _fill_and_save(qtbot: QtBot, form: MeetingForm, date: dt.date, status: str) -> None:
    ui = form.ui
    type_into(qtbot, ui.title_edit, "Business corner — Lean")
    type_into(qtbot, ui.date_edit.edit, date.strftime("%d/%m/%Y"))
    ui.status_combo.setCurrentIndex(ui.status_combo.findData(status))
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)


def test_a_new_meeting_takes_the_only_active_programme(db: Database, window: MainWindow) -> None:
    # "Alimentaire" comes first alphabetically but ended last month.
    _programme(db, "Alimentaire - Bas-Rhin", ended=True)
    resilian = _programme(db, "RESILIAN - Alsace du Nord")
    form = _new(window)
    assert form.programmes.programme_id() == resilian


def test_with_two_active_programmes_the_officer_chooses_then_it_is_remembered(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    _programme(db, "Alimentaire - Bas-Rhin")
    resilian = _programme(db, "RESILIAN - Alsace du Nord")
    form = _new(window)
    # Nothing chosen for them: saving asks for the programme, next to it.
    assert form.programmes.programme_id() is None
    _fill_and_save(qtbot, form, TODAY, "planned")
    assert form.record_id is None
    assert form.errors.labels["programme_id"].isVisibleTo(form)
    combo = form.ui.programme_combo
    combo.setCurrentIndex(combo.findData(resilian))
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    assert form.record_id is not None
    form.close()
    # The next new meeting starts in the programme used last.
    assert _new(window).programmes.programme_id() == resilian


def test_held_with_a_date_after_today_is_refused_next_to_the_status(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    _programme(db, "RESILIAN - Alsace du Nord")
    form = _new(window)
    later = TODAY + dt.timedelta(days=42)
    _fill_and_save(qtbot, form, later, "held")
    assert form.record_id is None
    label = form.errors.labels["status"]
    assert label.isVisibleTo(form)
    assert "après aujourd'hui" in label.text()
    # Kept planned, the same meeting saves.
    form.ui.status_combo.setCurrentIndex(form.ui.status_combo.findData("planned"))
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    assert form.record_id is not None
    assert meetings.get_meeting(db, form.record_id).status == "planned"


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_marking_presence_on_a_planned_meeting_offers_to_set_it_held(
    qtbot: QtBot,
    db: Database,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
) -> None:
    prog = _programme(db, "RESILIAN - Alsace du Nord")
    anna = f.contact(db, "Anaïs", "Müller")
    meeting = f.meeting(db, prog, date=TODAY - dt.timedelta(days=1), status="planned")
    meetings.set_attendance(db, meeting.id, [anna.id], status="invited")
    form = window.open_record("meeting", meeting.id)
    assert isinstance(form, MeetingForm)
    asked: list[Any] = []

    def reply(_parent: object, title: str, text: str, *_args: object) -> Any:
        asked.append((title, text))
        return answer

    monkeypatch.setattr(QMessageBox, "question", reply)
    form.ui.tabs.setCurrentWidget(form.ui.attendance_tab)
    form.ui.attendance_table.selectRow(0)
    qtbot.mouseClick(form.ui.present_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "émargement" in asked[0][1]
    saved = meetings.get_meeting(db, meeting.id)
    held = answer == QMessageBox.StandardButton.Yes
    assert saved.status == ("held" if held else "planned")
    assert meetings.list_attendance(db, meeting.id)[0].status == "present"


def test_no_offer_for_a_meeting_in_the_future(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    prog = _programme(db, "RESILIAN - Alsace du Nord")
    anna = f.contact(db, "Anaïs", "Müller")
    meeting = f.meeting(db, prog, date=TODAY + dt.timedelta(days=7), status="planned")
    meetings.set_attendance(db, meeting.id, [anna.id], status="invited")
    form = window.open_record("meeting", meeting.id)
    assert isinstance(form, MeetingForm)
    form.ui.attendance_table.selectRow(0)
    # No message box is expected (the autouse fixture fails the test on one).
    qtbot.mouseClick(form.ui.present_button, Qt.MouseButton.LeftButton)
    assert meetings.get_meeting(db, meeting.id).status == "planned"


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_excused_contacts_on_the_sheet_to_sign_only_when_asked(
    db: Database,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    answer: QMessageBox.StandardButton,
) -> None:
    prog = _programme(db, "RESILIAN - Alsace du Nord")
    anna, marc = f.contact(db, "Anaïs", "Müller"), f.contact(db, "Marc", "Dupont")
    meeting = f.meeting(db, prog, date=TODAY + dt.timedelta(days=7), status="planned")
    meetings.set_attendance(db, meeting.id, [anna.id], status="invited")
    meetings.set_attendance(db, meeting.id, [marc.id], status="excused")
    form = window.open_record("meeting", meeting.id)
    assert isinstance(form, MeetingForm)
    asked: list[str] = []

    def reply(_parent: object, _title: str, text: str, *_args: object) -> Any:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", reply)
    target = tmp_path / "sheet.xlsx"
    assert form.save_attendance_workbook(target) == target
    assert len(asked) == 1 and "1 personne" in asked[0]
    names = {str(c.value) for row in load_workbook(target).worksheets[0].iter_rows() for c in row}
    assert "Müller" in names
    assert ("Dupont" in names) == (answer == QMessageBox.StandardButton.Yes)
