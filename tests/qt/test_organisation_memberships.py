"""The Programmes tab of the organisation window: memberships edited in the
window and saved with the organisation, in French."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from resilian_desktop.db.engine import Database
from resilian_desktop.qt.main_window import MainWindow
from resilian_desktop.qt.memberships import MembershipDialog
from resilian_desktop.qt.organisation_form import OrganisationForm
from resilian_desktop.qt.programme_choice import NEW_PROGRAMME
from resilian_desktop.services import organisations, programmes
from resilian_desktop.services.organisations import MembershipPeriod
from tests import factories as f
from tests.qt.helpers import mnemonic_clashes, type_into, with_modal

pytestmark = pytest.mark.usefixtures("french")


def _ok(qtbot: QtBot, dialog: MembershipDialog) -> None:
    ok = dialog.ui.button_box.button(dialog.ui.button_box.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def _fill(
    qtbot: QtBot, programme: str, since: str = "", until: str = "", *, also: Any = None
) -> Any:
    """A handler for the membership dialog: choose, type the dates, press OK."""

    def handle(dialog: MembershipDialog) -> None:
        combo = dialog.ui.programme_combo
        combo.setCurrentIndex(combo.findText(programme))
        type_into(qtbot, dialog.ui.since_field.edit, since)
        type_into(qtbot, dialog.ui.until_field.edit, until)
        _ok(qtbot, dialog)
        if also is not None:
            also(dialog)

    return handle


def _open(window: MainWindow, org_id: int) -> OrganisationForm:
    form = window.open_record("organisation", org_id)
    assert isinstance(form, OrganisationForm)
    form.ui.tabs.setCurrentWidget(form.ui.programmes_tab)
    return form


def _shown(form: OrganisationForm) -> list[tuple[str, str, str]]:
    model = form.memberships_model
    return [
        tuple(model.index(r, c).data() for c in range(3))  # type: ignore[misc]
        for r in range(model.rowCount())
    ]


def test_join_edit_and_leave_programmes_saved_with_the_organisation(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    prog = f.programme(db)
    food = f.programme(db, "Innovation alimentaire - Bas-Rhin")
    org = f.organisation(db)
    form = _open(window, org.id)
    ui = form.ui
    assert ui.programmes_summary.text() == form.tr("Not a member of any programme.")
    assert not ui.edit_membership_button.isEnabled()

    with_modal(
        lambda: qtbot.mouseClick(ui.add_membership_button, Qt.MouseButton.LeftButton),
        _fill(qtbot, prog.name, "12/07/2018"),
    )
    with_modal(
        lambda: qtbot.mouseClick(ui.add_membership_button, Qt.MouseButton.LeftButton),
        _fill(qtbot, food.name, "01/01/2021", "31/12/2022"),
    )
    assert _shown(form) == [
        (prog.name, "12/07/2018", ""),
        (food.name, "01/01/2021", "31/12/2022"),
    ]
    assert form.is_dirty() and form.isWindowModified()
    assert organisations.memberships_of(db, org.id) == []  # nothing written before Save
    assert ui.tabs.tabText(ui.tabs.indexOf(ui.programmes_tab)).endswith("(2)")
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert not form.is_dirty()
    stored = organisations.memberships_of(db, org.id)
    assert [(m.programme_name, m.since, m.until) for m in stored] == [
        (prog.name, dt.date(2018, 7, 12), None),
        (food.name, dt.date(2021, 1, 1), dt.date(2022, 12, 31)),
    ]

    # Edit the first line (double-click), remove the second, save once.
    def edit(dialog: MembershipDialog) -> None:
        assert dialog.ui.programme_combo.currentText() == prog.name
        assert dialog.ui.since_field.text() == "12/07/2018"
        type_into(qtbot, dialog.ui.until_field.edit, "30/06/2025")
        _ok(qtbot, dialog)

    ui.memberships_table.selectRow(0)
    with_modal(lambda: qtbot.mouseClick(ui.edit_membership_button, Qt.MouseButton.LeftButton), edit)
    ui.memberships_table.selectRow(1)
    qtbot.mouseClick(ui.remove_membership_button, Qt.MouseButton.LeftButton)
    assert _shown(form) == [(prog.name, "12/07/2018", "30/06/2025")]
    assert len(organisations.memberships_of(db, org.id)) == 2
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert [(m.id, m.until) for m in organisations.memberships_of(db, org.id)] == [
        (stored[0].id, dt.date(2025, 6, 30))
    ]
    assert ui.programmes_summary.text() == form.tr("Not a member of any programme today.")


def test_an_overlapping_membership_is_refused_in_the_dialog(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    prog = f.programme(db)
    org = f.organisation(db)
    organisations.add_membership(db, org.id, prog.id, since="01/01/2019", until="31/12/2020")
    form = _open(window, org.id)
    seen: dict[str, Any] = {}

    def refused_then_fixed(dialog: MembershipDialog) -> None:
        # Still open, the reason next to the programme; then a later period is fine.
        assert dialog.isVisible() and dialog.result_line is None
        seen["visible"] = dialog.errors.labels["programme_id"].isVisible()
        seen["tooltip"] = dialog.ui.programme_combo.toolTip()
        type_into(qtbot, dialog.ui.until_field.edit, "01/01/2019")
        _ok(qtbot, dialog)
        seen["date_error"] = dialog.errors.message("until")
        type_into(qtbot, dialog.ui.since_field.edit, "01/01/2021")
        type_into(qtbot, dialog.ui.until_field.edit, "")
        _ok(qtbot, dialog)

    with_modal(
        lambda: qtbot.mouseClick(form.ui.add_membership_button, Qt.MouseButton.LeftButton),
        _fill(qtbot, prog.name, "01/06/2020", also=refused_then_fixed),
    )
    assert seen["visible"]
    assert "already a member of this programme from 2019-01-01 to 2020-12-31" in seen["tooltip"]
    assert seen["date_error"] == "La fin est antérieure au début."
    assert _shown(form)[-1] == (prog.name, "01/01/2021", "")
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    assert len(organisations.memberships_of(db, org.id)) == 2


def test_a_refused_save_keeps_the_lines_and_shows_why(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    prog = f.programme(db)
    org = f.organisation(db)
    form = _open(window, org.id)
    with_modal(
        lambda: qtbot.mouseClick(form.ui.add_membership_button, Qt.MouseButton.LeftButton),
        _fill(qtbot, prog.name, "01/01/2020"),
    )
    type_into(qtbot, form.ui.postcode_edit, "675")
    # A line the service refuses (the programme deleted meanwhile): it checks again.
    form.membership_lines[0] = MembershipPeriod(999, None, None)
    form.ui.tabs.setCurrentWidget(form.ui.programmes_tab)
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    assert form.is_dirty()
    assert form.errors.message("postcode")
    assert form.errors.message("memberships")
    assert not form.errors.labels["memberships"].isHidden()  # on its tab, under the list
    assert "programme 999 does not exist" in form.ui.memberships_table.toolTip()
    assert form.ui.tabs.currentWidget() is form.ui.details_tab  # the first problem's tab
    assert organisations.memberships_of(db, org.id) == []
    assert organisations.get_organisation(db, org.id).postcode == "67110"
    # Removing the bad line hides its message; the rest saves.
    form.ui.memberships_table.selectRow(0)
    qtbot.mouseClick(form.ui.remove_membership_button, Qt.MouseButton.LeftButton)
    assert form.errors.labels["memberships"].isHidden()
    assert form.errors.message("memberships") == ""
    type_into(qtbot, form.ui.postcode_edit, "67110")
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    assert not form.is_dirty()


def test_closing_with_an_unsaved_membership_asks(
    qtbot: QtBot, db: Database, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    prog = f.programme(db)
    org = f.organisation(db)
    form = _open(window, org.id)
    with_modal(
        lambda: qtbot.mouseClick(form.ui.add_membership_button, Qt.MouseButton.LeftButton),
        _fill(qtbot, prog.name),
    )
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "question", question)
    assert form.close()
    assert "modifications non enregistrées" in asked[0]
    assert [m.programme_id for m in organisations.memberships_of(db, org.id)] == [prog.id]


def test_a_new_organisation_is_created_with_its_membership(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    prog = f.programme(db)
    form = window.new_record("organisation")
    type_into(qtbot, form.ui.name_edit, "Tôlerie Nouvelle")
    form.ui.tabs.setCurrentWidget(form.ui.programmes_tab)
    offered: list[str] = []

    def accept_what_is_offered(dialog: MembershipDialog) -> None:
        offered.append(dialog.ui.programme_combo.currentText())
        _ok(qtbot, dialog)

    with_modal(
        lambda: qtbot.mouseClick(form.ui.add_membership_button, Qt.MouseButton.LeftButton),
        accept_what_is_offered,
    )
    assert offered == [prog.name]  # the programme it is not yet a member of
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    assert form.record_id is not None
    assert [
        (m.programme_id, m.since) for m in organisations.memberships_of(db, form.record_id)
    ] == [(prog.id, None)]


def test_topics_and_programmes_renamed_elsewhere_show_at_once(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    prog = f.programme(db)
    lean = programmes.create_topic(db, "Lean")
    org = f.organisation(db, expertise_topic_ids=(lean.id,))
    organisations.add_membership(db, org.id, prog.id)
    form = _open(window, org.id)
    type_into(qtbot, form.ui.sector_edit, "Fonderie")  # unsaved: must survive
    programmes.rename_topic(db, lean.id, "Lean management")
    programmes.create_topic(db, "Énergie")
    programmes.update_programme(
        db, prog.id, programmes.ProgrammeDraft(name="RESILIAN", territory=prog.territory)
    )
    window.ctx.notify("topic", "programme")
    qtbot.waitUntil(lambda: form.ui.expertise_list.count() == 2)
    items = [form.ui.expertise_list.item(i) for i in range(2)]
    assert [(i.text(), i.checkState()) for i in items] == [
        ("Lean management", Qt.CheckState.Checked),
        ("Énergie", Qt.CheckState.Unchecked),
    ]
    assert _shown(form) == [("RESILIAN", "", "")]
    assert form.ui.sector_edit.text() == "Fonderie" and form.is_dirty()


def test_a_programme_created_from_the_membership_dialog(
    qtbot: QtBot, db: Database, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty network has no programme: the chooser offers to create one."""
    org = f.organisation(db)
    page = window.list_page("organisations")
    form = _open(window, org.id)
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *_a, **_k: ("RESILIAN - Alsace du Nord", True)
    )

    def create_then_ok(dialog: MembershipDialog) -> None:
        combo = dialog.ui.programme_combo
        assert dialog.programme_choice.programme_id() is None
        combo.setCurrentIndex(combo.findData(NEW_PROGRAMME))
        assert combo.currentText() == "RESILIAN - Alsace du Nord"
        _ok(qtbot, dialog)

    with_modal(
        lambda: qtbot.mouseClick(form.ui.add_membership_button, Qt.MouseButton.LeftButton),
        create_then_ok,
    )
    [created] = programmes.list_programmes(db)
    assert _shown(form) == [(created.name, "", "")]
    # The other windows hear of the new programme.
    qtbot.waitUntil(lambda: page.programme_combo.findData(created.id) >= 0)
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    assert [m.programme_id for m in organisations.memberships_of(db, org.id)] == [created.id]


def test_every_alt_key_of_the_programmes_tab_is_claimed_once(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    org = f.organisation(db)
    form = _open(window, org.id)
    qtbot.waitUntil(form.ui.programmes_tab.isVisible)
    assert mnemonic_clashes(form) == {}
    dialog = MembershipDialog(window.ctx, [], None, form)  # as "Join a programme" opens it
    qtbot.addWidget(dialog)
    dialog.show()
    assert mnemonic_clashes(dialog) == {}
