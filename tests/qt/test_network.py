"""The Network menu: programmes with their funders, and the topics, driven as a
user would, in French."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from resilian_desktop import paths
from resilian_desktop.db.engine import Database
from resilian_desktop.documents import sources
from resilian_desktop.qt.main_window import MainWindow
from resilian_desktop.qt.network import FunderDialog, ProgrammesDialog, TopicsDialog
from resilian_desktop.services import programmes
from tests import factories as f
from tests.qt.helpers import mnemonic_clashes, type_into, with_modal

pytestmark = pytest.mark.usefixtures("french")


@pytest.fixture
def logo(tmp_path: Path) -> Path:
    path = tmp_path / "downloads" / "Logo Région.png"
    path.parent.mkdir()
    Image.new("RGB", (300, 100), (0, 90, 160)).save(path)
    return path


def answer(monkeypatch: pytest.MonkeyPatch, kind: str, *answers: Any) -> list[str]:
    """Patch QMessageBox.<kind> to give *answers* in turn; returns the texts shown."""
    shown: list[str] = []
    queue = list(answers)

    def box(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        shown.append(text)
        return queue.pop(0) if queue else QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, kind, box)
    return shown


def click(qtbot: QtBot, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def ok(qtbot: QtBot, dialog: FunderDialog) -> None:
    click(qtbot, dialog.ui.button_box.button(dialog.ui.button_box.StandardButton.Ok))


def open_programmes(qtbot: QtBot, window: MainWindow, programme_id: int | None = None) -> Any:
    dialog = ProgrammesDialog(window.ctx, window, programme_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def funder_names(dialog: ProgrammesDialog) -> list[str]:
    model = dialog.funders_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_the_network_menu_opens_both_windows(qtbot: QtBot, window: MainWindow) -> None:
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "network_menu")
    assert menu is not None
    assert [a.objectName() for a in menu.actions()] == ["programmes_action", "topics_action"]
    opened: list[type] = []

    def close(dialog: Any) -> None:
        opened.append(type(dialog))
        dialog.reject()

    with_modal(window.programmes_action.trigger, close)
    with_modal(window.topics_action.trigger, close)
    assert opened == [ProgrammesDialog, TopicsDialog]


def test_edit_a_programme_and_its_funders_saved_together(
    qtbot: QtBot,
    db: Database,
    window: MainWindow,
    logo: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    prog = f.programme(db)
    programmes.add_funder(db, prog.id, name="Communauté d'agglomération de Haguenau")
    region = f.organisation(db, "Région Grand Est", kind="funder", commune="Strasbourg")
    f.organisation(db, "Fonderie Cœur d'Alsace")  # a company: not offered as a funder
    dialog = open_programmes(qtbot, window, prog.id)
    ui = dialog.ui
    assert ui.name_edit.text() == prog.name and not dialog.is_dirty()
    type_into(qtbot, ui.operation_reference_edit, "GE0012345")
    type_into(qtbot, ui.funding_mention_edit, "Action cofinancée par la Région Grand Est.")
    assert dialog.is_dirty() and ui.title_label.text().endswith("*")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(logo), ""))
    offered: list[str] = []

    def add_region(funder: FunderDialog) -> None:
        combo = funder.ui.organisation_combo
        offered.extend(combo.itemText(i) for i in range(combo.count()))
        combo.setCurrentIndex(combo.findData(region.id))
        assert funder.ui.name_edit.text() == "Région Grand Est"  # filled from the choice
        type_into(qtbot, funder.ui.funding_mention_edit, "Avec le soutien de la Région")
        click(qtbot, funder.ui.choose_logo_button)
        preview = funder.ui.logo_preview.pixmap()
        assert not preview.isNull() and preview.width() <= 236
        ok(qtbot, funder)

    with_modal(lambda: click(qtbot, ui.add_funder_button), add_region)
    assert offered == ["(hors des structures du réseau)", "Région Grand Est — Financeur"]
    assert funder_names(dialog) == ["Communauté d'agglomération de Haguenau", "Région Grand Est"]
    assert dialog.funders_model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    # Region first: the order of the logos.
    ui.funders_table.selectRow(1)
    click(qtbot, ui.up_funder_button)
    assert funder_names(dialog)[0] == "Région Grand Est"
    assert dialog.funder_lines[0].logo_file == "logos/logo-region.png"
    assert (paths.data_dir() / "logos" / "logo-region.png").is_file()
    assert programmes.get_programme(db, prog.id).funders[0].name != "Région Grand Est"

    click(qtbot, ui.save_button)
    assert not dialog.is_dirty()
    saved = programmes.get_programme(db, prog.id)
    assert saved.operation_reference == "GE0012345"
    assert [(fr.name, fr.organisation_id) for fr in saved.funders] == [
        ("Région Grand Est", region.id),
        ("Communauté d'agglomération de Haguenau", None),
    ]
    head = sources.letterhead(db, prog.id)
    assert head.funders[0].logo_path == paths.data_dir() / "logos" / "logo-region.png"
    assert head.funding_mention == "Action cofinancée par la Région Grand Est."

    # Edit a line (double-click opens it), then remove the other: one more save.
    def rename(funder: FunderDialog) -> None:
        assert funder.ui.logo_file_label.text() == "logo-region.png"
        type_into(qtbot, funder.ui.operation_reference_edit, "GE0099999")
        click(qtbot, funder.ui.clear_logo_button)
        assert funder.ui.logo_preview.pixmap().isNull()
        ok(qtbot, funder)

    ui.funders_table.selectRow(0)
    with_modal(lambda: click(qtbot, ui.edit_funder_button), rename)
    ui.funders_table.selectRow(1)
    click(qtbot, ui.remove_funder_button)
    click(qtbot, ui.save_button)
    saved = programmes.get_programme(db, prog.id)
    assert [(fr.name, fr.operation_reference, fr.logo_file) for fr in saved.funders] == [
        ("Région Grand Est", "GE0099999", None)
    ]


def test_problems_are_shown_next_to_their_fields(
    qtbot: QtBot, db: Database, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prog = f.programme(db)
    f.programme(db, "Innovation alimentaire - Bas-Rhin")
    programmes.add_funder(db, prog.id, name="Région Grand Est")
    dialog = open_programmes(qtbot, window, prog.id)
    ui = dialog.ui
    type_into(qtbot, ui.name_edit, "innovation alimentaire - bas-rhin")
    type_into(qtbot, ui.start_field.edit, "01/01/2024")
    type_into(qtbot, ui.end_field.edit, "31/12/2023")
    click(qtbot, ui.save_button)
    assert dialog.errors.message("name") == "Ce nom est déjà utilisé."
    assert dialog.errors.message("end_date") == "La fin est antérieure au début."
    assert programmes.get_programme(db, prog.id).name == prog.name

    not_an_image = tmp_path / "logo.png"
    not_an_image.write_text("not a picture")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(not_an_image), ""))
    seen: dict[str, str] = {}

    def refused(funder: FunderDialog) -> None:
        type_into(qtbot, funder.ui.name_edit, "région grand est")
        click(qtbot, funder.ui.choose_logo_button)
        seen["logo"] = funder.ui.logo_box.toolTip()
        ok(qtbot, funder)
        seen["name"] = funder.errors.message("name")
        assert funder.isVisible() and funder.result_line is None
        funder.reject()

    with_modal(lambda: click(qtbot, ui.add_funder_button), refused)
    assert "not an image" in seen["logo"]
    assert seen["name"] == "Ce nom est déjà utilisé."
    assert funder_names(dialog) == ["Région Grand Est"]
    assert not (paths.data_dir() / "logos" / "logo.png").exists()
    dialog._dirty = False


def test_leaving_a_changed_programme_asks(
    qtbot: QtBot, db: Database, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    prog = f.programme(db)
    other = f.programme(db, "Innovation alimentaire - Bas-Rhin")
    dialog = open_programmes(qtbot, window, prog.id)
    ui = dialog.ui
    asked = answer(
        monkeypatch,
        "question",
        QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
        QMessageBox.StandardButton.Discard,
    )
    type_into(qtbot, ui.territory_edit, "Alsace du Nord et Outre-Forêt")
    ui.programmes_list.setCurrentRow(dialog._row_of(other.id))  # Cancel: stays
    assert dialog.programme_id == prog.id and ui.programmes_list.currentRow() == dialog._row_of(
        prog.id
    )
    ui.programmes_list.setCurrentRow(dialog._row_of(other.id))  # Save, then show the other
    assert dialog.programme_id == other.id and ui.name_edit.text() == other.name
    assert programmes.get_programme(db, prog.id).territory == "Alsace du Nord et Outre-Forêt"
    type_into(qtbot, ui.territory_edit, "Ailleurs")
    dialog.reject()  # Discard: closes without saving
    assert not dialog.isVisible()
    assert programmes.get_programme(db, other.id).territory == other.territory
    assert len(asked) == 3 and "Innovation alimentaire" in asked[2]


def test_create_and_delete_programmes(
    qtbot: QtBot, db: Database, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = window.page("dashboard")
    page = window.list_page("organisations")
    dialog = open_programmes(qtbot, window)  # an empty network: a new programme at once
    ui = dialog.ui
    assert dialog.programme_id is None and ui.programmes_list.count() == 0
    assert not ui.delete_programme_button.isEnabled()
    type_into(qtbot, ui.name_edit, "RESILIAN - Alsace du Nord")

    def add(funder: FunderDialog) -> None:
        type_into(qtbot, funder.ui.name_edit, "Fonds de revitalisation")
        ok(qtbot, funder)

    with_modal(lambda: click(qtbot, ui.add_funder_button), add)
    click(qtbot, ui.save_button)
    [created] = programmes.list_programmes(db)
    assert [fr.name for fr in created.funders] == ["Fonds de revitalisation"]
    assert dialog.programme_id == created.id and ui.programmes_list.count() == 1
    # The programme choosers of the windows built before follow.
    qtbot.waitUntil(lambda: page.programme_combo.findData(created.id) >= 0)
    qtbot.waitUntil(lambda: board.ui.programme_combo.findData(created.id) >= 0)

    f.meeting(db, created.id)
    informed = answer(monkeypatch, "information")
    click(qtbot, ui.delete_programme_button)
    assert dialog.tr("%n meeting(s)", "", 1) in informed[0]
    assert len(programmes.list_programmes(db)) == 1

    click(qtbot, ui.new_programme_button)
    type_into(qtbot, ui.name_edit, "Erreur de saisie")
    click(qtbot, ui.save_button)
    asked = answer(monkeypatch, "question", QMessageBox.StandardButton.Yes)
    click(qtbot, ui.delete_programme_button)
    assert "Erreur de saisie" in asked[0]
    assert [p.name for p in programmes.list_programmes(db)] == ["RESILIAN - Alsace du Nord"]
    assert dialog.programme_id == created.id


# --- topics -------------------------------------------------------------------------


def topic_names(dialog: TopicsDialog) -> list[str]:
    table = dialog.ui.topics_table
    return [table.item(r, 0).text() for r in range(table.rowCount())]


def test_topics_added_renamed_reordered_and_removed(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    lean = programmes.create_topic(db, "Lean")
    f.organisation(db, expertise_topic_ids=(lean.id,))
    org_form = window.new_record("organisation")
    page = window.list_page("organisations")
    page.topic_combo.setCurrentIndex(page.topic_combo.findData(lean.id))  # filtering on Lean
    dialog = TopicsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    assert topic_names(dialog) == ["Lean"]
    assert ui.topics_table.item(0, 1).text() == "1"  # one organisation

    type_into(qtbot, ui.name_edit, "Énergie")
    qtbot.keyClick(ui.name_edit, Qt.Key.Key_Return)  # Enter adds
    type_into(qtbot, ui.name_edit, "Achats")
    click(qtbot, ui.add_button)
    assert topic_names(dialog) == ["Lean", "Énergie", "Achats"]
    assert ui.name_edit.text() == ""
    type_into(qtbot, ui.name_edit, "energie")
    click(qtbot, ui.add_button)
    assert ui.problems_label.isVisible() and "déjà utilisé" in ui.problems_label.text()
    assert len(programmes.list_topics(db)) == 3

    # Rename in place; a name taken is refused and the stored one comes back.
    ui.topics_table.item(2, 0).setText("Achats groupés")
    assert [t.name for t in programmes.list_topics(db)][2] == "Achats groupés"
    ui.topics_table.item(2, 0).setText("LEAN")
    assert topic_names(dialog)[2] == "Achats groupés"
    assert "déjà utilisé" in ui.problems_label.text()

    ui.topics_table.selectRow(2)
    click(qtbot, ui.up_button)
    assert topic_names(dialog) == ["Lean", "Achats groupés", "Énergie"]
    assert [t.name for t in programmes.list_topics(db)] == topic_names(dialog)
    assert ui.topics_table.selectionModel().selectedRows()[0].row() == 1
    click(qtbot, ui.down_button)
    assert topic_names(dialog) == ["Lean", "Énergie", "Achats groupés"]

    ui.topics_table.selectRow(0)
    click(qtbot, ui.remove_button)
    refusal = ui.problems_label.text()
    assert "« Lean »" in refusal and dialog.tr("%n organisation(s)", "", 1) in refusal
    assert dialog.tr("%n meeting(s)", "", 0) not in refusal  # no meeting uses it
    assert len(programmes.list_topics(db)) == 3
    ui.topics_table.selectRow(1)
    click(qtbot, ui.remove_button)
    assert topic_names(dialog) == ["Lean", "Achats groupés"]
    assert not ui.problems_label.isVisible()
    # The open organisation window offers the topics as they are now.
    qtbot.waitUntil(lambda: org_form.ui.expertise_list.count() == 2)
    assert org_form.ui.expertise_list.item(1).text() == "Achats groupés"
    # So do the list filters, still on the topic chosen.
    combo = page.topic_combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["Lean", "Achats groupés"]
    assert combo.currentData() == lean.id


def test_every_alt_key_is_claimed_once(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    """Alt+letter reaches one control in French (the default language)."""
    prog = f.programme(db)
    dialog = open_programmes(qtbot, window, prog.id)
    assert mnemonic_clashes(dialog) == {}
    topics = TopicsDialog(window.ctx, window)
    qtbot.addWidget(topics)
    topics.show()
    assert mnemonic_clashes(topics) == {}
