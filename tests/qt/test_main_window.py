"""The main window: navigation, lists with their filters, global search, menus,
databases, language and kept settings, driven through real widgets offscreen."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from resilian_desktop import app, paths
from resilian_desktop.db.engine import Database
from resilian_desktop.qt.labels import french_labels_are_complete
from resilian_desktop.qt.list_page import ListPage
from resilian_desktop.qt.main_window import MainWindow, recent_databases
from resilian_desktop.qt.organisation_form import OrganisationForm
from resilian_desktop.services import archive
from tests import factories as f
from tests.qt.helpers import type_text


def _activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_main_window_in_french_lists_filters_and_shows_the_database(
    qtbot: QtBot, db: Database, french, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    prog = f.programme(db)
    f.organisation(db, "Fonderie Cœur d'Alsace")
    f.organisation(db, "L'Oréal Plasturgie", commune="Haguenau")
    f.organisation(db, "Région Grand Est", kind="funder", commune="Strasbourg", postcode="67070")
    f.meeting(db, prog.id, title="Business corner — Lean")

    assert window.windowTitle() == f"RESILIAN Desktop — {db.path.name}"
    assert window.db_label.text() == str(db.path)
    assert [window.navigation.item(i).text() for i in range(5)] == [
        "Tableau de bord",
        "Structures",
        "Contacts",
        "Réunions",
        "Taskforces",
    ]
    _activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert isinstance(page, ListPage) and page.list_name == "organisations"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Nom"
    assert page.model.index(0, 1).data() == "Entreprise industrielle"
    assert page.count_label.text() == "3 fiches"

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filter_edit.hasFocus()
    qtbot.keyClicks(page.filter_edit, "coeur")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=2000)
    assert page.model.index(0, 0).data() == "Fonderie Cœur d'Alsace"
    assert page.count_label.text() == "1 fiche"
    page.filter_edit.clear()
    qtbot.waitUntil(lambda: page.model.total == 3, timeout=2000)

    # The kind chooser filters in SQL.
    combo = page.kind_combo
    assert combo is not None and combo.itemText(0) == "Tous les types"
    combo.setCurrentIndex(combo.findData("funder"))
    assert page.model.total == 1 and page.model.index(0, 0).data() == "Région Grand Est"
    combo.setCurrentIndex(0)

    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    meetings_page = window.current_page()
    assert meetings_page.list_name == "meetings"
    assert meetings_page.model.index(0, 1).data() == "Business corner"
    assert meetings_page.model.index(0, 0).data() == "12/03/2026"
    assert str(db.path) in window.about_text()


def test_delete_asks_before_archiving_and_no_keeps_the_record(
    qtbot: QtBot, db: Database, french, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    f.organisation(db, "Fonderie Cœur d'Alsace")
    page = window.go_to("organisations")
    page.reload()
    page.table.selectRow(0)
    _activate(qtbot, window)
    asked: list[str] = []

    def answer_no(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked and "Archiver « Fonderie Cœur d'Alsace » ?" in asked[0]
    assert page.model.total == 1 and not page.model.is_archived(0)
    assert window.ctx.undo_stack.count() == 0


def test_archive_hides_a_record_until_shown_and_undo_brings_it_back(
    qtbot: QtBot, db: Database, french, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    org = f.organisation(db, "Fonderie Cœur d'Alsace")
    f.organisation(db, "Plasturgie du Ried", commune="Brumath", postcode="67170")
    page = window.go_to("organisations")
    page.table.selectRow(0)
    _activate(qtbot, window)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert archive.preview_deletion(db, "organisation", org.id).archived
    assert window.undo_action.text() == "&Annuler Archiver « Fonderie Cœur d'Alsace »"
    assert page.archived_check is not None
    page.archived_check.setChecked(True)
    assert page.model.total == 2 and page.model.is_archived(0)
    assert page.model.index(0, 0).data(Qt.ItemDataRole.FontRole).italic()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not page.model.is_archived(0))


def test_global_search_jumps_to_the_record(
    qtbot: QtBot, db: Database, french, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    org = f.organisation(db, "L'Oréal Plasturgie", commune="Haguenau")
    f.contact(db, "Chloé", "Œhler", organisation_id=org.id)
    _activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_edit.hasFocus()
    type_text(qtbot, window.search_edit, "loreal")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 2, timeout=3000)
    labels = [label for _kind, _id, label in window.search.hits()]
    assert "L'Oréal Plasturgie (Haguenau)" in labels
    popup = window.search.popup()
    qtbot.waitUntil(popup.isVisible)
    row = [kind for kind, _id, _label in window.search.hits()].index("organisation")
    popup.setCurrentIndex(window.search.completer.completionModel().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    form = window.forms[-1]
    assert isinstance(form, OrganisationForm) and form.record_id == org.id
    assert window.search_edit.text() == ""
    # Enter in the field takes the best hit directly: "oehler" finds Chloé Œhler.
    window.search_edit.setFocus()
    type_text(qtbot, window.search_edit, "oehler")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.forms[-1].KIND == "contact"


def test_new_record_follows_the_current_list(
    qtbot: QtBot, db: Database, french, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window.go_to("taskforces")
    _activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.forms[-1].KIND == "taskforce"
    empty = window.list_page("taskforces").empty_label
    assert empty.isVisibleTo(window) and "Aucune taskforce" in empty.text()


def test_window_layout_and_lists_are_kept_between_runs(qtbot: QtBot, db: Database) -> None:
    f.organisation(db)  # an empty database would open on its welcome page
    first = MainWindow(db)
    qtbot.addWidget(first)
    first.resize(700, 450)  # within the offscreen screen (800 x 800)
    first.splitter.setSizes([150, 750])
    page = first.go_to("contacts")
    page.table.horizontalHeader().resizeSection(1, 333)  # 2, the organisation, stretches
    first.close()
    second = MainWindow(db)
    qtbot.addWidget(second)
    assert (second.size().width(), second.size().height()) == (700, 450)
    assert second.current_name() == "contacts"
    assert second.list_page("contacts").table.horizontalHeader().sectionSize(1) == 333
    assert QApplication.instance() is not None


def test_save_a_copy_new_database_and_recent_list(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    f.organisation(db)
    copy = tmp_path / "copies" / "copie.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    assert window.save_copy() == copy
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT count(*) FROM organisation").fetchone() == (1,)

    fresh = tmp_path / "autre"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    window.new_database_action.trigger()
    new_window = app._windows[-1]
    assert new_window is not window and new_window.db.path == fresh.with_suffix(".sqlite")
    assert not window.isVisible()
    assert recent_databases()[:2] == [str(fresh.with_suffix(".sqlite")), str(db.path)]
    assert app.acquire_database_lock(new_window.db.path) is None  # held by the new window
    new_window.close()
    assert not new_window.owns_database
    lock = app.acquire_database_lock(new_window.db.path)
    assert lock is not None
    lock.unlock()


def test_language_switch_rebuilds_the_window_in_english(
    qtbot: QtBot, db: Database, french, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window.language_actions["en"].trigger()
    english = app._windows[-1]
    try:
        assert QSettings().value("language") == "en"
        assert english.navigation.item(3).text() == "Meetings"
        assert english.db is db and not window.isVisible()
    finally:
        english.close()
        app.apply_language("fr")


def test_a_locked_database_is_refused_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "pris.sqlite"
    lock = app.acquire_database_lock(path)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    assert app.open_window(path) is None
    assert "déjà ouverte" in warned[0] or "already open" in warned[0]
    assert lock is not None
    lock.unlock()


def test_french_vocabulary_covers_every_listed_code() -> None:
    assert french_labels_are_complete()


def test_data_path_is_never_next_to_the_code(tmp_path: Path) -> None:
    assert paths.default_database_path().is_relative_to(tmp_path)


def test_enter_on_a_list_opens_the_record(qtbot: QtBot, db: Database, window: MainWindow) -> None:
    org = f.organisation(db)
    page = window.go_to("organisations")
    _activate(qtbot, window)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.forms and window.forms[-1].record_id == org.id


def test_search_hits_show_the_meeting_date_first_and_where_others_matched(
    french, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    from resilian_desktop.services.search import SearchHit

    meeting = SearchHit("meeting", 1, "Taskforce « Énergie » — réunion n° 12 (14/01/2027)")
    assert window._describe_hit(meeting) == (
        "Réunion — 14/01/2027 — Taskforce « Énergie » — réunion n° 12"
    )
    contact = SearchHit("contact", 2, "Élise Muller — Fonderie", context="responsable energie")
    assert window._describe_hit(contact) == (
        "Contact — Élise Muller — Fonderie  ·  responsable energie"
    )
