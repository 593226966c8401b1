"""A taskforce and its roadmap: created through the form, actions added,
reordered by drag and drop and by keys, completed; late actions stand out."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from resilian_desktop.db.engine import Database
from resilian_desktop.qt.main_window import MainWindow
from resilian_desktop.qt.roadmap import MIME_TYPE
from resilian_desktop.qt.taskforce_form import TaskforceForm
from resilian_desktop.qt.widgets import LATE_COLOUR
from resilian_desktop.services import taskforces
from tests import factories as f
from tests.qt.helpers import choose_in_lookup, type_into, with_modal

pytestmark = pytest.mark.usefixtures("french")
TODAY = dt.date(2026, 3, 1)


def _titles(form: TaskforceForm) -> list[str]:
    return [a.title for a in form.roadmap_model.rows()]


def _add_action(qtbot: QtBot, form: TaskforceForm, title: str, due: str = "") -> None:
    def fill(dialog: Any) -> None:
        type_into(qtbot, dialog.ui.title_edit, title)
        if due:
            type_into(qtbot, dialog.ui.due_date_edit.edit, due)
        choose_in_lookup(qtbot, dialog.ui.owner_contact_lookup, "muller")
        qtbot.mouseClick(
            dialog.ui.button_box.button(dialog.ui.button_box.StandardButton.Save),
            Qt.MouseButton.LeftButton,
        )

    with_modal(lambda: qtbot.mouseClick(form.ui.add_action_button, Qt.MouseButton.LeftButton), fill)


def test_build_reorder_and_complete_a_roadmap(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    prog = f.programme(db)
    org = f.organisation(db, "Fonderie Cœur d'Alsace")
    f.contact(db, "Anaïs", "Müller", organisation_id=org.id)
    form = window.new_record("taskforce")
    assert isinstance(form, TaskforceForm)
    form.roadmap_model._today = lambda: TODAY  # the roadmap judges lateness on that day
    ui = form.ui
    type_into(qtbot, ui.name_edit, "Mutualisation des achats d'énergie")
    ui.status_combo.setCurrentIndex(ui.status_combo.findData("active"))
    type_into(qtbot, ui.start_date_edit.edit, "01/01/2026")
    choose_in_lookup(qtbot, ui.lead_organisation_lookup, "coeur")
    type_into(qtbot, ui.problem_edit, "Les prix de l'énergie ont triplé.")
    type_into(qtbot, ui.objectives_edit, "Un contrat groupé pour 2027.")
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert form.record_id is not None
    saved = taskforces.get_taskforce(db, form.record_id)
    assert (saved.programme_id, saved.lead_organisation_id) == (prog.id, org.id)
    assert saved.start_date == dt.date(2026, 1, 1)

    ui.tabs.setCurrentWidget(ui.roadmap_tab)
    _add_action(qtbot, form, "Recenser les consommations", "15/02/2026")  # late on 1 March
    _add_action(qtbot, form, "Consulter trois fournisseurs", "30/04/2026")
    _add_action(qtbot, form, "Signer le contrat groupé", "30/09/2026")
    assert _titles(form) == [
        "Recenser les consommations",
        "Consulter trois fournisseurs",
        "Signer le contrat groupé",
    ]
    model = form.roadmap_model
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) == LATE_COLOUR
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(0, 2).data() == "Anaïs Müller (Fonderie Cœur d'Alsace)"
    assert ui.progress_label.text() == "3 actions · 0 faites · 1 en retard"

    # Drag "Signer" and drop it on the first line: what the view asks the model.
    mime = model.mimeData([model.index(2, 0)])
    assert mime.hasFormat(MIME_TYPE)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert _titles(form) == [
        "Signer le contrat groupé",
        "Recenser les consommations",
        "Consulter trois fournisseurs",
    ]
    # Keys: Ctrl+Down moves the selected action one line down.
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    ui.roadmap_table.setFocus()
    ui.roadmap_table.selectRow(0)
    qtbot.keyClick(ui.roadmap_table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _titles(form)[:2] == ["Recenser les consommations", "Signer le contrat groupé"]
    assert form.selected_action().title == "Signer le contrat groupé"  # selection follows
    qtbot.mouseClick(ui.down_button, Qt.MouseButton.LeftButton)
    assert _titles(form) == [
        "Recenser les consommations",
        "Consulter trois fournisseurs",
        "Signer le contrat groupé",
    ]
    assert [a.position for a in taskforces.list_actions(db, taskforce_id=form.record_id)] == [
        1,
        2,
        3,
    ]
    # Undo puts the last move back.
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _titles(form)[2] == "Consulter trois fournisseurs")

    # Complete the late action: done, 100 %, no longer late.
    ui.roadmap_table.selectRow(0)
    qtbot.mouseClick(ui.done_button, Qt.MouseButton.LeftButton)
    done = taskforces.list_actions(db, taskforce_id=form.record_id)[0]
    assert (done.status, done.progress, done.done_date is not None) == ("done", 100, True)
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) != LATE_COLOUR
    assert model.index(0, 5).data() == "Fait"
    assert ui.progress_label.text() == "3 actions · 1 faites · 0 en retard"


def test_edit_delete_and_undo_an_action(qtbot: QtBot, db: Database, window: MainWindow) -> None:
    prog = f.programme(db)
    tf = f.taskforce(db, prog.id)
    for title in ("Un", "Deux"):
        taskforces.add_action(db, tf.id, taskforces.ActionDraft(title=title))
    form = window.open_record("taskforce", tf.id)
    ui = form.ui
    ui.roadmap_table.selectRow(0)

    def edit(dialog: Any) -> None:
        assert dialog.ui.title_edit.text() == "Un"
        type_into(qtbot, dialog.ui.title_edit, "Premier")
        dialog.ui.milestone_check.setChecked(True)
        type_into(qtbot, dialog.ui.due_date_edit.edit, "31/13/2026")
        save = dialog.ui.button_box.button(dialog.ui.button_box.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert dialog.errors.message("due_date") == "Saisissez une date sous la forme jj/mm/aaaa."
        type_into(qtbot, dialog.ui.due_date_edit.edit, "31/12/2026")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    with_modal(lambda: qtbot.mouseClick(ui.edit_action_button, Qt.MouseButton.LeftButton), edit)
    assert form.roadmap_model.index(0, 1).data() == "◆ Premier"
    ui.roadmap_table.selectRow(0)
    qtbot.mouseClick(ui.delete_action_button, Qt.MouseButton.LeftButton)
    assert _titles(form) == ["Deux"]
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _titles(form) == ["Premier", "Deux"])
    assert taskforces.list_actions(db, taskforce_id=tf.id)[0].is_milestone


def test_members_and_a_meeting_of_the_taskforce(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    prog = f.programme(db)
    org = f.organisation(db, "Fonderie Cœur d'Alsace")
    f.contact(db, "Anaïs", "Müller", organisation_id=org.id)
    tf = f.taskforce(db, prog.id)
    form = window.open_record("taskforce", tf.id)
    ui = form.ui
    ui.tabs.setCurrentWidget(ui.members_tab)

    def pick(dialog: Any) -> None:
        type_into(qtbot, dialog.ui.search_edit, "anais")
        qtbot.waitUntil(lambda: dialog.model.total == 1)
        dialog.ui.table.selectRow(0)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    with_modal(
        lambda: qtbot.mouseClick(ui.add_member_contacts_button, Qt.MouseButton.LeftButton), pick
    )
    assert form.members_model.index(0, 0).data() == "Anaïs Müller"
    assert form.members_model.index(0, 1).data() == "Fonderie Cœur d'Alsace"
    assert form.members_model.index(0, 2).data() == "Membre"
    ui.members_table.selectRow(0)
    qtbot.mouseClick(ui.remove_member_button, Qt.MouseButton.LeftButton)
    assert form.members_model.rowCount() == 0
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: form.members_model.rowCount() == 1)

    ui.tabs.setCurrentWidget(ui.meetings_tab)
    qtbot.mouseClick(ui.new_meeting_button, Qt.MouseButton.LeftButton)
    meeting_form = window.forms[-1]
    assert meeting_form.ui.taskforce_lookup.record_id == tf.id
    assert meeting_form.ui.kind_combo.currentData() == "taskforce_meeting"
    type_into(qtbot, meeting_form.ui.date_edit.edit, "02/04/2026")
    qtbot.mouseClick(meeting_form.ui.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.meetings_model.rowCount() == 1)
    assert form.ui.meetings_summary.text() == "1 réunion"


def test_saving_keeps_and_edits_the_organisations_that_raised_the_problem(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    from resilian_desktop.services import history

    prog = f.programme(db)
    fonderie = f.organisation(db, "Fonderie Cœur d'Alsace")
    plasturgie = f.organisation(db, "Plasturgie du Ried", commune="Brumath", postcode="67170")
    tf = f.taskforce(db, prog.id, origin_organisation_ids=(fonderie.id,))
    form = window.open_record("taskforce", tf.id)
    ui = form.ui
    assert ui.origins_list.item(0).text() == "Fonderie Cœur d'Alsace"
    type_into(qtbot, ui.name_edit, "Achats d'énergie groupés")
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert history.taskforce_origins(db, tf.id) == [(fonderie.id, "Fonderie Cœur d'Alsace")]

    def pick(dialog: Any) -> None:
        type_into(qtbot, dialog.ui.search_edit, "ried")
        qtbot.waitUntil(lambda: dialog.model.total == 1)
        dialog.ui.table.selectRow(0)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    with_modal(lambda: qtbot.mouseClick(ui.add_origin_button, Qt.MouseButton.LeftButton), pick)
    ui.origins_list.setCurrentRow(0)
    qtbot.mouseClick(ui.remove_origin_button, Qt.MouseButton.LeftButton)
    assert form.is_dirty()
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert history.taskforce_origins(db, tf.id) == [(plasturgie.id, "Plasturgie du Ried")]


# --- roadmap actions imported from a spreadsheet, from the roadmap tab ---------------


def _roadmap_network(db: Database) -> Any:
    """A taskforce followed by the agency, and the owners the sample roadmap names."""
    prog = f.programme(db)
    agency = f.organisation(db, "Agence", kind="agency", commune="Haguenau")
    for name in (
        "Tôlerie Wendling & Fils",
        "Ferroviaire Nord-Alsace",
        "Mécanique Précise de la Moder",
    ):
        f.organisation(db, name)
    tf = f.taskforce(db, prog.id, name="Compétences en soudage", status="active")
    taskforces.add_member(db, tf.id, organisation_id=agency.id)
    return tf


def test_roadmap_imported_from_the_roadmap_tab_and_undone(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    from tests.qt.test_meeting_form import _import_from_form, _tab_text

    tf = _roadmap_network(db)
    taskforces.add_action(db, tf.id, taskforces.ActionDraft(title="Lancement"))
    # Also in the file, with another due date and as a milestone: updated.
    bilan = taskforces.add_action(
        db,
        tf.id,
        taskforces.ActionDraft(title="Bilan au comité de pilotage", due_date=dt.date(2027, 6, 1)),
    )
    form = window.open_record("taskforce", tf.id)
    assert isinstance(form, TaskforceForm)
    form.roadmap_model._today = lambda: TODAY
    ui = form.ui
    ui.tabs.setCurrentWidget(ui.roadmap_tab)
    assert ui.import_actions_button.isEnabled()

    def roadmap_refreshed_behind_the_dialog() -> None:
        assert len(_titles(form)) == 7

    target, result = _import_from_form(
        qtbot,
        ui.import_actions_button,
        "feuille_de_route.xlsx",
        roadmap_refreshed_behind_the_dialog,
    )
    assert target == tf.id  # preset for this taskforce
    assert (result.created, result.updated) == (5, 1)
    imported = [
        "Lancement",
        "Bilan au comité de pilotage",
        "Cartographier les besoins en compétences de soudage",
        "Recenser les formations existantes (CFAI, lycées)",
        "Visite de l'atelier école de Reichshoffen",
        "Monter un parcours commun de soudeurs",
        "Demande de financement OPCO",
    ]
    assert _titles(form) == imported
    assert [a.title for a in taskforces.list_actions(db, taskforce_id=tf.id)] == imported
    assert ui.progress_label.text() == "7 actions · 1 faites · 0 en retard"
    assert _tab_text(form, ui.roadmap_tab).endswith("(7)")
    updated = taskforces.list_actions(db, taskforce_id=tf.id)[1]
    assert (updated.id, updated.due_date, updated.is_milestone) == (
        bilan.id,
        dt.date(2027, 7, 5),
        True,
    )
    assert form.roadmap_model.index(2, 2).data() == "Tôlerie Wendling & Fils"
    assert form.selected_action().title == imported[2]  # the first action added
    assert "feuille_de_route.xlsx" in window.undo_action.text()
    after_import = _contents(db, tf.id)

    # Undo: the five added actions go, the one updated gets its values back.
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _titles(form) == ["Lancement", "Bilan au comité de pilotage"])
    restored = taskforces.list_actions(db, taskforce_id=tf.id)
    assert [(a.position, a.due_date, a.is_milestone) for a in restored] == [
        (1, None, False),
        (2, dt.date(2027, 6, 1), False),
    ]
    assert ui.progress_label.text() == "2 actions · 0 faites · 0 en retard"
    # Redo: the same roadmap again, every field as the import left it.
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: _titles(form) == imported)
    assert _contents(db, tf.id) == after_import
    assert ui.progress_label.text() == "7 actions · 1 faites · 0 en retard"


def _contents(db: Database, taskforce_id: int) -> list[tuple[object, ...]]:
    """The roadmap without the ids (redo adds actions again under new ids)."""
    return [
        (
            a.position,
            a.title,
            a.owner,
            a.start_date,
            a.due_date,
            a.status,
            a.progress,
            a.is_milestone,
            a.done_date,
        )
        for a in taskforces.list_actions(db, taskforce_id=taskforce_id)
    ]


def test_a_new_taskforce_is_saved_before_importing_its_roadmap(
    qtbot: QtBot, db: Database, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from resilian_desktop.qt.import_dialog import ImportDialog
    from tests.qt.test_meeting_form import _import_from_form

    _roadmap_network(db)
    form = window.new_record("taskforce")
    assert isinstance(form, TaskforceForm)
    ui = form.ui
    ui.tabs.setCurrentWidget(ui.roadmap_tab)
    assert ui.import_actions_button.isEnabled() and ui.import_actions_button.toolTip()
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]

    def question(_parent: Any, title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    opened: list[Any] = []
    real_exec = ImportDialog.exec
    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    qtbot.mouseClick(ui.import_actions_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and opened == [] and form.record_id is None
    assert len(taskforces.list_taskforces(db)) == 1  # only the one of the network

    # Saved on the user's word; the dialog then opens preset for it.
    type_into(qtbot, ui.name_edit, "Parcours de soudeurs")
    answer[0] = QMessageBox.StandardButton.Save
    monkeypatch.setattr(ImportDialog, "exec", real_exec)
    target, _result = _import_from_form(qtbot, ui.import_actions_button, "feuille_de_route.xlsx")
    assert len(asked) == 2
    assert form.record_id is not None and target == form.record_id
    assert taskforces.get_taskforce(db, form.record_id).name == "Parcours de soudeurs"
    assert len(_titles(form)) == 6
    assert len(taskforces.list_actions(db, taskforce_id=form.record_id)) == 6


def test_importing_a_roadmap_keeps_the_fields_typed_and_not_saved(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    from tests.qt.test_meeting_form import _import_from_form

    tf = _roadmap_network(db)
    form = window.open_record("taskforce", tf.id)
    assert isinstance(form, TaskforceForm)
    ui = form.ui
    type_into(qtbot, ui.objectives_edit, "Former douze soudeurs d'ici 2027.")
    assert form.is_dirty()
    ui.tabs.setCurrentWidget(ui.roadmap_tab)
    # Alt+I's button, by the keyboard: Tab from "Add an action…", then Space.
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    ui.add_action_button.setFocus()
    qtbot.keyClick(ui.add_action_button, Qt.Key.Key_Tab)
    assert ui.import_actions_button.hasFocus()
    _import_from_form(qtbot, ui.import_actions_button, "feuille_de_route.xlsx")
    qtbot.wait(20)  # the news of the change reaches every window
    assert len(_titles(form)) == 6
    assert ui.progress_label.text().startswith("6 actions")
    assert ui.objectives_edit.toPlainText() == "Former douze soudeurs d'ici 2027."
    assert form.is_dirty() and form.isWindowModified()
    assert taskforces.get_taskforce(db, tf.id).objectives is None  # nothing half-saved
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert taskforces.get_taskforce(db, tf.id).objectives == "Former douze soudeurs d'ici 2027."
    assert len(taskforces.list_actions(db, taskforce_id=tf.id)) == 6 == len(_titles(form))
