"""The window on a team's PostgreSQL database shows what the user may not do as
disabled, with the reason (#15, point 4); the server refuses it anyway."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QStandardItemModel
from pytestqt.qtbot import QtBot

from resilian_desktop import app, paths
from resilian_desktop.db.engine import Database
from resilian_desktop.db.storage import open_database
from resilian_desktop.qt.main_window import MainWindow
from resilian_desktop.qt.meeting_form import MeetingForm
from resilian_desktop.services import meetings
from tests import postgres
from tests.team_support import Team

READER_REASON = "reads this database: changes are not possible."
OFFICER_REASON = "changes only the records of their own programmes."


@pytest.fixture
def prepared(
    server_database_url: str, postgres_server: postgres.TestServer, tmp_path: Path
) -> Iterator[Team]:
    owner = open_database(paths.database_location(server_database_url), backup_dir=tmp_path)
    prepared = Team(owner, server_database_url, postgres_server, tmp_path)
    meetings.set_attendance(owner, prepared.meeting_a, [prepared.contact])
    yield prepared
    prepared.close()
    owner.dispose()


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    opened: list[MainWindow] = []
    yield opened
    for main in opened:
        main.close()
        main.deleteLater()
    qtbot.wait(1)


def _window(qtbot: QtBot, db: Database, opened: list[MainWindow]) -> MainWindow:
    main = MainWindow(db, host=app.HOST)
    opened.append(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_reader_sees_save_and_attendance_disabled_with_the_reason(
    qtbot: QtBot, prepared: Team, open_window: list[MainWindow]
) -> None:
    name = prepared.user("rita", "reader", [prepared.a])
    main = _window(qtbot, prepared.connect(name), open_window)
    assert main.rights_label.text() == f"{name}: reader"
    form = main.open_record("meeting", prepared.meeting_a)
    assert isinstance(form, MeetingForm)
    ui = form.ui
    assert not ui.save_button.isEnabled()
    assert ui.save_button.toolTip() == f"{name} {READER_REASON}"
    assert form.rights_label.isVisible()
    assert form.rights_label.text() == f"{name} {READER_REASON}"
    assert ui.title_edit.isReadOnly()
    assert not ui.programme_combo.isEnabled()
    # Selecting an attendee enables the marking buttons for others; not here.
    ui.attendance_table.selectionModel().select(
        form.attendance_model.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert not ui.present_button.isEnabled()
    assert ui.present_button.toolTip() == f"{name} {READER_REASON}"
    flags = form.attendance_model.flags(form.attendance_model.index(0, 5))
    assert not flags & Qt.ItemFlag.ItemIsUserCheckable
    # Ctrl+S does nothing either: nothing reaches the server.
    assert form.save() is False
    assert meetings.get_meeting(prepared.owner, prepared.meeting_a).title == "Business corner A"
    # The lists' New and the main window's changes are disabled too.
    organisations_page = main.list_page("organisations")
    assert not organisations_page.new_button.isEnabled()
    assert organisations_page.new_button.toolTip() == f"{name} {READER_REASON}"
    assert not main.archive_action.isEnabled()
    form._dirty = False
    form.close()


def test_officer_edits_their_programme_and_sees_the_other_disabled(
    qtbot: QtBot, prepared: Team, open_window: list[MainWindow]
) -> None:
    name = prepared.user("alice", "officer", [prepared.a])
    main = _window(qtbot, prepared.connect(name), open_window)
    theirs = main.open_record("meeting", prepared.meeting_a)
    assert theirs.ui.save_button.isEnabled()
    assert not theirs.rights_label.isVisible()
    other = main.open_record("meeting", prepared.meeting_b)
    assert not other.ui.save_button.isEnabled()
    assert other.ui.save_button.toolTip() == f"{name} {OFFICER_REASON}"
    assert other.rights_label.text() == f"{name} {OFFICER_REASON}"
    # Organisations and contacts are the agency's: the officer creates them.
    assert main.list_page("organisations").new_button.isEnabled()
    # Saving her own meeting goes through.
    theirs.ui.title_edit.setText("Business corner A, revu")
    assert theirs.save()
    assert meetings.get_meeting(prepared.owner, prepared.meeting_a).title == (
        "Business corner A, revu"
    )
    # A new meeting: her programmes offered, the others shown greyed with the
    # reason, and no "New programme…" (an administrator's).
    new = main.new_record("meeting")
    combo = new.ui.programme_combo
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    offered = {combo.itemText(i): model.item(i).isEnabled() for i in range(combo.count())}
    assert offered == {"Programme A": True, "Programme B": False}
    index_b = combo.findText("Programme B")
    assert combo.itemData(index_b, Qt.ItemDataRole.ToolTipRole) == f"{name} {OFFICER_REASON}"
    for form in (theirs, other, new):
        form._dirty = False
        form.close()


def test_reader_walks_the_demo_network(
    qtbot: QtBot,
    server_database_url: str,
    postgres_server: postgres.TestServer,
    tmp_path: Path,
    open_window: list[MainWindow],
) -> None:
    """Every page and the first record of each list open for a reader of one
    programme of the demo, with only what that programme holds."""
    from resilian_desktop.demo import generate_demo
    from resilian_desktop.services import taskforces, team
    from tests.qt.helpers import with_modal
    from tests.qt.tour import first_id
    from tests.team_support import as_user

    owner = open_database(paths.database_location(server_database_url), backup_dir=tmp_path)
    try:
        generate_demo(owner, scale=1, seed=2018)
        team.init_team(owner)
        # The programme of the first taskforce, which has meetings too.
        first = taskforces.list_taskforces(owner)[0].programme_id
        name = postgres_server.new_name("director")
        team.add_user(owner, name, "reader", [first], password="secret")
        total = len(meetings.list_meetings(owner))
    finally:
        owner.dispose()
    reader = open_database(
        paths.database_location(as_user(server_database_url, name)), backup_dir=tmp_path
    )
    try:
        shown = meetings.list_meetings(reader)
        assert 0 < len(shown) < total
        assert {m.programme_id for m in shown} == {first}
        main = _window(qtbot, reader, open_window)
        for row, page_name in enumerate(main.PAGES):
            main.show_page(row)
            qtbot.wait(1)
            if page_name == "dashboard":
                main.dashboard.wait()
        for kind, list_name in (
            ("organisation", "organisations"),
            ("contact", "contacts"),
            ("meeting", "meetings"),
            ("taskforce", "taskforces"),
        ):
            form = main.open_record(kind, first_id(main, list_name))
            qtbot.wait(1)
            assert not form.ui.save_button.isEnabled(), kind
            form.close()

        def programmes_read_only(dialog: object) -> None:
            ui = dialog.ui  # type: ignore[attr-defined]
            assert not ui.save_button.isEnabled()
            assert ui.name_edit.isReadOnly()
            dialog.reject()  # type: ignore[attr-defined]

        with_modal(main.programmes_action.trigger, programmes_read_only)
    finally:
        for main in open_window:
            main.close()
        open_window.clear()
        reader.dispose()
