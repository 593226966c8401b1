"""The organisation and contact windows, typed into as a user would, in French."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from resilian_desktop.db.engine import Database
from resilian_desktop.qt.contact_form import ContactForm
from resilian_desktop.qt.main_window import MainWindow
from resilian_desktop.qt.organisation_form import OrganisationForm
from resilian_desktop.services import contacts, meetings, organisations, programmes
from tests import factories as f
from tests.qt.helpers import choose_in_lookup, type_into

pytestmark = pytest.mark.usefixtures("french")


def answer_questions(
    monkeypatch: pytest.MonkeyPatch, *answers: QMessageBox.StandardButton
) -> list[str]:
    """Patch QMessageBox.question to give *answers* in turn; returns the questions asked."""
    asked: list[str] = []
    queue = list(answers)

    def question(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return queue.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_create_an_organisation_through_its_form(qtbot: QtBot, db: Database, window) -> None:  # type: ignore[no-untyped-def]
    lean = programmes.create_topic(db, "Lean")
    form = window.new_record("organisation")
    assert isinstance(form, OrganisationForm)
    ui = form.ui
    assert form.windowTitle() == "Nouvelle structure[*]"
    type_into(qtbot, ui.name_edit, "Fonderie Cœur d'Alsace")
    type_into(qtbot, ui.siret_edit, "732 829 320 00074")  # typed with spaces
    type_into(qtbot, ui.naf_edit, "2451z")
    type_into(qtbot, ui.headcount_edit, "1 200")
    type_into(qtbot, ui.postcode_edit, "67110")
    type_into(qtbot, ui.commune_edit, "Reichshoffen")
    ui.expertise_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert form.is_dirty() and form.isWindowModified()
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)

    assert form.record_id is not None and not form.is_dirty()
    saved = organisations.get_organisation(db, form.record_id)
    assert (saved.siret, saved.siren, saved.naf_code, saved.headcount) == (
        "73282932000074",
        "732829320",
        "24.51Z",
        1200,
    )
    assert saved.expertise_topics == (lean.name,)
    assert ui.siret_edit.text() == "732 829 320 00074"
    assert form.windowTitle() == "Fonderie Cœur d'Alsace[*]"
    page = window.go_to("organisations")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.model.index(0, 0).data() == "Fonderie Cœur d'Alsace"


def test_problems_are_shown_next_to_their_fields(qtbot: QtBot, db: Database, window) -> None:  # type: ignore[no-untyped-def]
    form = window.new_record("organisation")
    ui = form.ui
    type_into(qtbot, ui.siret_edit, "732 829 320")
    type_into(qtbot, ui.postcode_edit, "6711")
    type_into(qtbot, ui.website_edit, "pas un site")
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.keyClick(ui.siret_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S
    assert form.record_id is None
    assert form.errors.message("name") == "Ce champ est obligatoire."
    assert form.errors.message("siret") == "Un SIRET a 14 chiffres."
    assert form.errors.message("website") == "Cette adresse de site web n'est pas valide."
    assert form.errors.labels["siret"].isVisible()
    assert "14 digits" in ui.siret_edit.toolTip()  # the service's own sentence
    assert not form.errors.labels["commune"].isVisible()
    type_into(qtbot, ui.name_edit, "Fonderie")
    type_into(qtbot, ui.siret_edit, "73282932000074")
    type_into(qtbot, ui.website_edit, "")
    type_into(qtbot, ui.postcode_edit, "67110")
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert form.record_id is not None
    assert not form.errors.labels["siret"].isVisible()


def test_duplicate_warning_lets_the_user_decide(
    qtbot: QtBot, db: Database, window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    f.organisation(db, "Fonderie Cœur d'Alsace SAS", commune="Reichshoffen")
    asked = answer_questions(
        monkeypatch, QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save
    )
    form = window.new_record("organisation")
    type_into(qtbot, form.ui.name_edit, "Fonderie Coeur d'Alsace")
    type_into(qtbot, form.ui.commune_edit, "Reichshoffen")
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    assert form.record_id is None and "Fonderie Cœur d'Alsace SAS" in asked[0]
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    assert form.record_id is not None
    assert len(organisations.list_organisations(db)) == 2


def test_closing_a_changed_form_asks_and_never_drops_silently(
    qtbot: QtBot, db: Database, window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    asked = answer_questions(
        monkeypatch,
        QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    form = window.new_record("organisation")
    type_into(qtbot, form.ui.name_edit, "Tôlerie Nouvelle")
    assert not form.close()
    assert form.isVisible() and "modifications non enregistrées" in asked[0]
    assert form.close()  # "Save" this time: saved, then closed
    assert [o.name for o in organisations.list_organisations(db)] == ["Tôlerie Nouvelle"]
    assert window.forms == []  # forgotten as soon as closed


def test_closing_the_main_window_asks_about_open_forms(
    qtbot: QtBot, db: Database, window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    form = window.new_record("contact")
    type_into(qtbot, form.ui.first_name_edit, "Anaïs")
    assert not window.close()
    assert window.isVisible() and form.isVisible()


def test_create_a_contact_with_the_organisation_picker(qtbot: QtBot, db: Database, window) -> None:  # type: ignore[no-untyped-def]
    org = f.organisation(db, "Fonderie Cœur d'Alsace")
    f.organisation(db, "Plasturgie du Ried", commune="Brumath", postcode="67170")
    form = window.new_record("contact")
    assert isinstance(form, ContactForm)
    ui = form.ui
    ui.civility_combo.setCurrentIndex(ui.civility_combo.findData("Mme"))
    type_into(qtbot, ui.first_name_edit, "Anaïs")
    type_into(qtbot, ui.last_name_edit, "Müller")
    choose_in_lookup(
        qtbot, ui.organisation_lookup, "coeur", "Fonderie Cœur d'Alsace (Reichshoffen)"
    )
    type_into(qtbot, ui.email_edit, "Anais.Muller@Fonderie.example")
    type_into(qtbot, ui.phone_edit, "0388123456")
    ui.elected_check.setChecked(True)
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert form.record_id is None
    assert form.errors.message("mandate") == "Ce champ est obligatoire."
    type_into(qtbot, ui.mandate_edit, "Adjointe au maire de Reichshoffen")
    type_into(qtbot, ui.consent_date_edit.edit, "01/02/2026")
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)

    assert form.record_id is not None
    contact = contacts.get_contact(db, form.record_id)
    assert contact.organisation_id == org.id
    assert (contact.email, contact.phone) == ("Anais.Muller@fonderie.example", "03 88 12 34 56")
    assert contact.is_elected_official and contact.consent_date == dt.date(2026, 2, 1)
    assert ui.title_label.text() == "Anaïs Müller — Fonderie Cœur d'Alsace"


def test_a_name_typed_but_not_chosen_is_reported(qtbot: QtBot, db: Database, window) -> None:  # type: ignore[no-untyped-def]
    f.organisation(db, "Fonderie Cœur d'Alsace")
    form = window.new_record("contact")
    type_into(qtbot, form.ui.first_name_edit, "Jean")
    type_into(qtbot, form.ui.last_name_edit, "Weber")
    form.ui.organisation_lookup.setFocus()
    qtbot.keyClicks(form.ui.organisation_lookup, "Fonderie inconnue")
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    assert form.record_id is None
    assert form.errors.message("organisation_id") == "Choisissez dans la liste proposée."


def test_contact_shows_attendance_history_and_organisation_its_contacts(
    qtbot: QtBot, db: Database, window
) -> None:  # type: ignore[no-untyped-def]
    prog = f.programme(db)
    org = f.organisation(db)
    anna = f.contact(db, organisation_id=org.id)
    meeting = f.meeting(db, prog.id, status="held")
    form = window.open_record("contact", anna.id)
    assert form.attendance_model.rowCount() == 0
    meetings.set_attendance(db, meeting.id, [anna.id], status="present")
    window.ctx.notify("meeting")
    qtbot.waitUntil(lambda: form.attendance_model.rowCount() == 1)
    assert form.ui.attendance_summary.text() == "Invité(e) à 1 réunions, présent(e) à 1."
    assert form.attendance_model.index(0, 5).data() == "Présent"
    org_form = window.open_record("organisation", org.id)
    assert org_form.contacts_model.rowCount() == 1
    assert org_form.participation_model.index(0, 3).data() == "Anaïs Müller"
    assert window.open_record("organisation", org.id) is org_form  # raised, not reopened


def test_archive_from_the_form_and_undo(qtbot: QtBot, db: Database, window) -> None:  # type: ignore[no-untyped-def]
    org = f.organisation(db)
    form = window.open_record("organisation", org.id)
    page = window.go_to("organisations")
    assert page.model.total == 1
    qtbot.mouseClick(form.ui.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.total == 0)
    assert form.ui.archived_label.isVisibleTo(form) and form.ui.archive_button.text() == "Restaurer"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert organisations.get_organisation(db, org.id).archived_at is None


def test_new_contact_from_an_organisation_is_linked_to_it(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    org = f.organisation(db)
    form = window.open_record("organisation", org.id)
    form.ui.tabs.setCurrentWidget(form.ui.contacts_tab)
    qtbot.mouseClick(form.ui.new_contact_button, Qt.MouseButton.LeftButton)
    contact = window.forms[-1]
    assert isinstance(contact, ContactForm)
    assert contact.ui.organisation_lookup.record_id == org.id


def test_a_record_window_keeps_the_column_widths_the_officer_chose(
    qtbot,
    db,
    window,  # type: ignore[no-untyped-def]
) -> None:
    from tests import factories

    prog = factories.programme(db)
    taskforce = factories.taskforce(db, prog.id)
    form = window.open_record("taskforce", taskforce.id)
    header = form.ui.roadmap_table.horizontalHeader()
    header.resizeSection(2, 321)  # the owner
    form.close()
    again = window.open_record("taskforce", taskforce.id)
    assert again is not form
    assert again.ui.roadmap_table.horizontalHeader().sectionSize(2) == 321
