"""Alt+letter reaches one control per page of the record windows, and of the
dialogs they open most, in French (the default) and in English (the source texts)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from resilian_desktop.db.engine import Database
from resilian_desktop.qt.main_window import MainWindow
from tests import factories as f
from tests.qt.helpers import mnemonic_clashes, with_modal


def _pages_clashes(qtbot: QtBot, form: object) -> dict[str, dict[str, list[str]]]:
    tabs = form.ui.tabs  # type: ignore[attr-defined]
    found = {}
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.waitUntil(tabs.currentWidget().isVisible)
        clashes = mnemonic_clashes(form)  # type: ignore[arg-type]
        if clashes:
            found[tabs.tabText(index)] = clashes
    return found


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest) -> str:
    if request.param == "fr":
        request.getfixturevalue("french")
    return str(request.param)


def test_record_windows(qtbot: QtBot, language: str, window: MainWindow, db: Database) -> None:
    prog = f.programme(db)
    org = f.organisation(db)
    contact = f.contact(db, organisation_id=org.id)
    meeting = f.meeting(db, prog.id)
    taskforce = f.taskforce(db, prog.id)
    forms = {
        "organisation": window.open_record("organisation", org.id),
        "contact": window.open_record("contact", contact.id),
        "meeting": window.open_record("meeting", meeting.id),
        "taskforce": window.open_record("taskforce", taskforce.id),
    }
    found = {kind: _pages_clashes(qtbot, form) for kind, form in forms.items()}
    assert {kind: clashes for kind, clashes in found.items() if clashes} == {}


def _dialog_clashes(trigger: Callable[[], object]) -> tuple[str, dict[str, list[str]]]:
    """Open a modal dialog with *trigger*, as the user does: its class and its clashes."""
    seen: list[tuple[str, dict[str, list[str]]]] = []

    def look(dialog: Any) -> None:
        seen.append((type(dialog).__name__, mnemonic_clashes(dialog)))
        dialog.reject()

    with_modal(trigger, look)
    assert seen, "no dialog opened"
    return seen[0]


def test_dialogs_opened_from_the_record_windows(
    qtbot: QtBot, language: str, window: MainWindow, db: Database
) -> None:
    prog = f.programme(db)
    f.organisation(db)
    meeting = f.meeting(db, prog.id)  # no taskforce: the action dialog offers the open ones
    taskforce = f.taskforce(db, prog.id)
    meeting_form: Any = window.open_record("meeting", meeting.id)
    taskforce_form: Any = window.open_record("taskforce", taskforce.id)
    m, t = meeting_form.ui, taskforce_form.ui

    def click(form: Any, tab: Any, button: QAbstractButton) -> Callable[[], None]:
        def run() -> None:
            form.ui.tabs.setCurrentWidget(tab)
            qtbot.waitUntil(button.isVisible)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

        return run

    m.minutes_edit.setPlainText("- Consulter trois fournisseurs")
    opened = {
        "walk-in": click(meeting_form, m.attendance_tab, m.walk_in_button),
        "contacts picker": click(meeting_form, m.attendance_tab, m.add_contacts_button),
        "organisations picker": click(
            taskforce_form, t.members_tab, t.add_member_organisations_button
        ),
        "action from the minutes": click(meeting_form, m.minutes_tab, m.action_from_line_button),
        "roadmap action": click(taskforce_form, t.roadmap_tab, t.add_action_button),
        "registrations import": click(
            meeting_form, m.attendance_tab, m.import_registrations_button
        ),
        "actions import": click(taskforce_form, t.roadmap_tab, t.import_actions_button),
        "import from the File menu": window.import_action.trigger,  # type: ignore[union-attr]
    }
    found = {name: _dialog_clashes(trigger) for name, trigger in opened.items()}
    assert {name: kind for name, (kind, _clashes) in found.items()} == {
        "walk-in": "WalkInDialog",
        "contacts picker": "RecordPickerDialog",
        "organisations picker": "RecordPickerDialog",
        "action from the minutes": "ActionDialog",
        "roadmap action": "ActionDialog",
        "registrations import": "ImportDialog",
        "actions import": "ImportDialog",
        "import from the File menu": "ImportDialog",
    }
    assert {name: clashes for name, (_kind, clashes) in found.items() if clashes} == {}


def _key(text: str) -> str | None:
    plain = text.replace("&&", "")
    index = plain.find("&")
    return plain[index + 1].lower() if 0 <= index < len(plain) - 1 else None


def test_menus_open_with_plain_letters_each_once(language: str, window: MainWindow) -> None:
    """Alt+letter opens each menu on a QWERTY keyboard (no Alt+É), and inside a
    menu (or the menu bar) no letter is claimed twice."""
    from PySide6.QtWidgets import QMenu

    problems: dict[str, object] = {}

    def check(name: str, texts: list[str]) -> None:
        keys = [_key(text) for text in texts]
        missing = [text for text, key in zip(texts, keys, strict=True) if key is None]
        not_ascii = [
            text for text, key in zip(texts, keys, strict=True) if key and not key.isascii()
        ]
        twice = {key for key in keys if key and keys.count(key) > 1}
        if missing or not_ascii or twice:
            problems[name] = (missing, not_ascii, twice)

    bar = window.menuBar()
    titles = [action.text() for action in bar.actions()]
    check("menu bar", titles)

    def walk(menu: QMenu) -> None:
        menu.aboutToShow.emit()
        entries = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        # The recent databases and the languages are named by their paths and names.
        if menu.objectName() not in {"recent_menu", "language_menu"}:
            check(menu.title(), [a.text() for a in entries])
        for action in entries:
            if isinstance(action.menu(), QMenu):
                walk(action.menu())  # type: ignore[arg-type]

    for action in bar.actions():
        walk(action.menu())  # type: ignore[arg-type]
    assert problems == {}
