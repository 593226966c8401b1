"""The main window and its lazy lists, driven through real widgets offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from resilian_desktop.db.engine import Database
from resilian_desktop.qt import list_model
from resilian_desktop.qt.labels import code_labels, french_labels_are_complete
from resilian_desktop.qt.list_model import LazyListModel
from resilian_desktop.qt.main_window import MainWindow
from resilian_desktop.services.listings import SPECS
from tests import factories as f


def test_lazy_model_passes_qt_model_tester(qtmodeltester, db: Database) -> None:  # type: ignore[no-untyped-def]
    for i in range(5):
        f.organisation(db, f"Entreprise {i}", commune=f"Commune {i}")
    qtmodeltester.check(LazyListModel(db, SPECS["organisations"], code_labels()))


def test_lazy_model_fetches_pages_sorts_and_filters_in_sql(
    db: Database,
    monkeypatch,
    qtbot: QtBot,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(list_model, "PAGE_SIZE", 4)
    names = ["Zinc", "Acier", "Éclair", "Bois", "Cuivre", "Dentelle", "Fonte", "Granit", "Héliu"]
    for i, name in enumerate(names):
        f.organisation(db, f"{name} SA", commune=f"Commune {i}", headcount=i * 10)
    model = LazyListModel(db, SPECS["organisations"], code_labels())
    assert (model.rowCount(), model.total) == (4, 9)
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 9 and not model.canFetchMore()
    model.sort(5, Qt.SortOrder.DescendingOrder)  # headcount
    assert model.index(0, 0).data() == "Héliu SA"
    assert model.index(0, 5).data() == "80"
    model.set_filter("eclair")
    assert model.total == 1 and model.index(0, 0).data() == "Éclair SA"
    model.set_filter("")
    assert model.total == 9


def test_main_window_in_french_lists_filters_and_shows_the_database(
    qtbot: QtBot, db: Database, french
) -> None:  # type: ignore[no-untyped-def]
    prog = f.programme(db)
    f.organisation(db, "Fonderie Cœur d'Alsace")
    f.organisation(db, "L'Oréal Plasturgie", commune="Haguenau")
    f.meeting(db, prog.id, title="Business corner — Lean")
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert window.windowTitle() == f"RESILIAN Desktop — {db.path.name}"
    assert window.db_label.text() == str(db.path)
    assert [window.navigation.item(i).text() for i in range(4)] == [
        "Organisations",
        "Contacts",
        "Réunions",
        "Taskforces",
    ]
    page = window.pages["organisations"]
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Nom"
    assert page.model.index(0, 1).data() == "Entreprise industrielle"
    assert page.count_label.text() == "2 fiches"

    qtbot.keyClicks(page.filter_edit, "coeur")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=2000)
    assert page.model.index(0, 0).data() == "Fonderie Cœur d'Alsace"
    assert page.count_label.text() == "1 fiche"

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().list_name == "meetings"
    meetings = window.pages["meetings"].model
    assert meetings.index(0, 1).data() == "Business corner"
    assert meetings.index(0, 0).data() == "12/03/2026"
    assert str(db.path) in window.about_text()


def test_french_vocabulary_covers_every_listed_code() -> None:
    assert french_labels_are_complete()


def test_window_geometry_is_kept_between_runs(qtbot: QtBot, db: Database) -> None:
    first = MainWindow(db)
    qtbot.addWidget(first)
    first.resize(700, 450)
    first.splitter.setSizes([150, 550])
    first.close()
    second = MainWindow(db)
    qtbot.addWidget(second)
    assert (second.size().width(), second.size().height()) == (700, 450)
    assert QApplication.instance() is not None


def test_data_path_is_never_next_to_the_code(tmp_path: Path) -> None:
    from resilian_desktop import paths

    assert paths.default_database_path().is_relative_to(tmp_path)
