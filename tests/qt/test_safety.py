"""Backups, restore and personal data from the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from resilian_desktop import paths
from resilian_desktop.app import open_window
from resilian_desktop.qt.contact_form import ContactForm
from resilian_desktop.qt.safety import BackupsDialog, InactiveContactsDialog
from resilian_desktop.services import contacts, meetings, organisations
from tests import factories as f


def test_backups_dialog_lists_backs_up_and_restores(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "reseau.sqlite"
    window = open_window(path)
    assert window is not None
    qtbot.addWidget(window)
    f.organisation(window.db, "Avant la sauvegarde")
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    made = dialog.back_up_now()
    assert made.parent == paths.backup_dir() / "manual"
    row = next(i for i, info in enumerate(dialog.backups) if info.path == made)
    assert dialog.table.item(row, 3).text() == "1"  # organisations in that backup

    f.organisation(window.db, "Après la sauvegarde", commune="Haguenau", postcode="67500")
    dialog.table.selectRow(row)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert dialog.restore_selected()
    from resilian_desktop import app as app_module

    new_window = app_module._windows[-1]
    qtbot.addWidget(new_window)
    assert [o.name for o in organisations.list_organisations(new_window.db)] == [
        "Avant la sauvegarde"
    ]
    assert any((paths.backup_dir() / "before-restore").glob("reseau-*.sqlite"))
    new_window.close()


def test_contact_form_exports_and_erases_personal_data(
    qtbot: QtBot,
    db,
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from resilian_desktop.qt.main_window import MainWindow

    prog = f.programme(db)
    who = f.contact(db, "Łukasz", "Wiśniewski", email="lukasz@x.fr")
    meeting = f.meeting(db, prog.id, status="held", minutes="Łukasz Wiśniewski présente.")
    meetings.set_attendance(db, meeting.id, [who.id], status="present")
    window = MainWindow(db)
    qtbot.addWidget(window)
    form = window.open_record("contact", who.id)
    assert isinstance(form, ContactForm)
    target = tmp_path / "lukasz.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    assert form.export_personal_data() == target and target.exists()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not form.erase_on_request()
    assert contacts.get_contact(db, who.id).erased_at is None
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, _title, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    assert form.erase_on_request()
    # Issue #11 item 10: the confirmation says how long backups keep the details.
    assert "5" in asked[0] and ("semaines" in asked[0] or "weeks" in asked[0])
    # ... and lists the free text that still names the person.
    assert len(told) == 1 and "Łukasz Wiśniewski présente" in told[0]
    assert contacts.get_contact(db, who.id).erased_at is not None
    assert not form.ui.erase_button.isEnabled()
    assert meetings.get_meeting(db, meeting.id).present == 1


def test_review_dialog_lists_contacts_to_review(qtbot: QtBot, db) -> None:  # type: ignore[no-untyped-def]
    from resilian_desktop.qt.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    dialog = InactiveContactsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0


def test_delete_from_the_window_confirms_refuses_history_and_undoes(
    qtbot: QtBot,
    db,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from resilian_desktop.qt.main_window import MainWindow
    from resilian_desktop.services.search import search

    prog = f.programme(db)
    kept = f.organisation(db, "Avec Histoire")
    who = f.contact(db, organisation_id=kept.id)
    meeting = f.meeting(db, prog.id, status="held")
    meetings.set_attendance(db, meeting.id, [who.id], status="present")
    mistake = f.organisation(db, "Doublon Saisi", commune="Seltz", postcode="67470")
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.go_to("organisations")
    page = window.list_page("organisations")

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    page.select_record(kept.id)
    assert not window.delete_selected()
    assert "archive it" in told[0] or "archivez" in told[0]

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.select_record(mistake.id)
    assert window.delete_selected()
    assert mistake.id not in {o.id for o in organisations.list_organisations(db)}
    window.ctx.undo_stack.undo()
    assert mistake.id in {o.id for o in organisations.list_organisations(db)}
    with db.read() as session:
        assert [h.id for h in search(session, "doublon")] == [mistake.id]
