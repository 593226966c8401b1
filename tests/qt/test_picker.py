"""Picking many people at once: a basket kept across searches and filters, people
who left marked, the whole basket invited in one step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from resilian_desktop.db.engine import Database
from resilian_desktop.qt.main_window import MainWindow
from resilian_desktop.services import archive, programmes
from tests import factories as f
from tests.qt.helpers import type_into, with_modal


def test_twelve_contacts_from_six_companies_in_one_visit(
    qtbot: QtBot, french: Any, window: MainWindow, db: Database
) -> None:
    prog = f.programme(db)
    energy = programmes.create_topic(db, "Énergie")
    names = ["Ried", "Zinsel", "Moder", "Sauer", "Lauter", "Rhin"]
    companies = [
        f.organisation(db, f"Fonderie du {name}", expertise_topic_ids=(energy.id,) if i < 2 else ())
        for i, name in enumerate(names)
    ]
    for number, company in enumerate(companies):
        f.contact(db, "Alice", f"Alpha{number}", organisation_id=company.id)
        f.contact(db, "Bruno", f"Beta{number}", organisation_id=company.id)
    gone = f.contact(db, "Chloé", "Partie", organisation_id=companies[0].id, active=False)
    meeting = f.meeting(db, prog.id)
    form: Any = window.open_record("meeting", meeting.id)
    form.ui.tabs.setCurrentWidget(form.ui.attendance_tab)
    seen: dict[str, object] = {}

    def select_all_but_gone(dialog: Any) -> None:
        selection = dialog.ui.table.selectionModel()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        dialog.ui.table.clearSelection()
        for row in range(dialog.model.rowCount()):
            if dialog.model.record_id(row) != gone.id:
                selection.select(dialog.model.index(row, 0), flags)

    def pick(dialog: Any) -> None:
        for name in names:  # one search per company; the basket keeps the earlier ones
            type_into(qtbot, dialog.ui.search_edit, name)
            qtbot.waitUntil(lambda n=name: dialog.model.filter_text == n)
            assert dialog.model.total == (3 if name == "Ried" else 2)
            if name == "Ried":  # Chloé left: marked, and not taken
                marks = [dialog._label_of(r) for r in range(dialog.model.rowCount())]
                seen["mark"] = [m for m in marks if "Partie" in m]
            select_all_but_gone(dialog)
            qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        seen["basket"] = dialog.basket.count()
        # Filters: by topic (the two energy companies) and by organisation.
        type_into(qtbot, dialog.ui.search_edit, "")
        dialog.topic_combo.setCurrentIndex(dialog.topic_combo.findData(energy.id))
        qtbot.waitUntil(lambda: dialog.model.total == 5)
        dialog.topic_combo.setCurrentIndex(0)
        dialog.organisation_lookup.set_record(companies[3].id, companies[3].name)
        dialog._apply_filters()
        qtbot.waitUntil(lambda: dialog.model.total == 2)
        seen["ok"] = dialog.ok_button.text()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    with_modal(
        lambda: qtbot.mouseClick(form.ui.add_contacts_button, Qt.MouseButton.LeftButton), pick
    )
    assert seen["mark"] == ["Chloé Partie — Fonderie du Ried (N'y est plus)"]
    assert seen["basket"] == 12
    assert seen["ok"] == "Inviter (12)"
    assert form.attendance_model.counts()[0] == 12  # one step: the whole basket


def test_contacts_whose_organisation_is_archived_are_marked(
    qtbot: QtBot, french: Any, window: MainWindow, db: Database
) -> None:
    prog = f.programme(db)
    closed = f.organisation(db, "Tissage fermé")
    f.contact(db, "Denis", "Ancien", organisation_id=closed.id)
    archive.archive(db, "organisation", closed.id)
    meeting = f.meeting(db, prog.id)
    form: Any = window.open_record("meeting", meeting.id)
    form.ui.tabs.setCurrentWidget(form.ui.attendance_tab)
    labels: list[str] = []

    def look(dialog: Any) -> None:
        qtbot.waitUntil(lambda: dialog.model.total == 1)
        labels.append(dialog._label_of(0))
        dialog.reject()

    with_modal(
        lambda: qtbot.mouseClick(form.ui.add_contacts_button, Qt.MouseButton.LeftButton), look
    )
    assert labels == ["Denis Ancien — Tissage fermé (Structure archivée)"]
