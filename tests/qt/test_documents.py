"""Documents from the windows: roadmap and meeting PDFs previewed, the attendance
sheet and the period report written, File > Import… offered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from resilian_desktop.db.engine import Database
from resilian_desktop.qt.document_files import file_name
from resilian_desktop.qt.main_window import MainWindow
from resilian_desktop.services import meetings, taskforces
from tests import factories as f
from tests.qt.helpers import with_modal

pytestmark = pytest.mark.usefixtures("french")


@pytest.fixture
def records(db: Database) -> dict[str, int]:
    prog = f.programme(db)
    org = f.organisation(db)
    anna = f.contact(db, organisation_id=org.id, job_title="Directrice")
    tf = f.taskforce(db, prog.id, status="active", lead_organisation_id=org.id)
    taskforces.add_action(
        db, tf.id, taskforces.ActionDraft(title="Recenser", due_date="01/02/2026")
    )
    meeting = f.meeting(db, prog.id, taskforce_id=tf.id, agenda="Point 1\nPoint 2", status="held")
    meetings.set_attendance(db, meeting.id, [anna.id], status="present")
    return {"tf": tf.id, "meeting": meeting.id}


def test_roadmap_pdf_is_previewed_from_the_taskforce(
    qtbot: QtBot, window: MainWindow, records: dict[str, int]
) -> None:
    form = window.open_record("taskforce", records["tf"])
    assert form.ui.roadmap_pdf_button.isVisibleTo(form)
    pages: list[int] = []

    def look(dialog: Any) -> None:
        pages.append(dialog.page_count)
        assert dialog.suggested_name == (
            f"Feuille de route {dt.date.today().isoformat()} Mutualisation des achats d'énergie.pdf"
        )
        dialog.reject()

    with_modal(
        lambda: qtbot.mouseClick(form.ui.roadmap_pdf_button, Qt.MouseButton.LeftButton), look
    )
    assert pages and pages[0] >= 1


def test_meeting_agenda_minutes_and_attendance_sheet(
    qtbot: QtBot, window: MainWindow, records: dict[str, int], tmp_path: Path
) -> None:
    form = window.open_record("meeting", records["meeting"])
    for button in (form.ui.agenda_pdf_button, form.ui.minutes_pdf_button, form.ui.sheet_button):
        assert button.isVisibleTo(form)
    names: list[str] = []

    def look(dialog: Any) -> None:
        names.append(dialog.suggested_name)
        assert dialog.page_count >= 1
        dialog.reject()

    with_modal(lambda: qtbot.mouseClick(form.ui.agenda_pdf_button, Qt.MouseButton.LeftButton), look)
    with_modal(
        lambda: qtbot.mouseClick(form.ui.minutes_pdf_button, Qt.MouseButton.LeftButton), look
    )
    assert form.ui.sheet_pdf_button.isVisibleTo(form)
    with_modal(lambda: qtbot.mouseClick(form.ui.sheet_pdf_button, Qt.MouseButton.LeftButton), look)
    assert names == [
        "Ordre du jour 2026-03-12 Business corner Lean.pdf",
        "Compte rendu 2026-03-12 Business corner Lean.pdf",
        "Émargement 2026-03-12 Business corner Lean.pdf",
    ]
    target = tmp_path / "emargement.xlsx"
    assert form.save_attendance_workbook(target) == target
    sheet = load_workbook(target).active
    assert sheet is not None
    assert any("Müller" in str(cell.value) for row in sheet.iter_rows() for cell in row)


def test_period_report_and_import_entries(
    qtbot: QtBot, window: MainWindow, records: dict[str, int], tmp_path: Path
) -> None:
    assert window.import_action is not None
    assert window.import_action in window.file_menu.actions()
    page = window.go_to("dashboard")
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10_000)
    assert page.ui.export_button.isVisibleTo(page)
    page.set_period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    target = tmp_path / "bilan.xlsx"
    assert page.export_report(target) == target and target.stat().st_size > 0
    # Said in the window that asked, with the way to the file.
    message = page.findChild(QMessageBox, "written_message")
    assert message is not None and message.isVisible()
    assert message.property("path") == str(target) and "bilan.xlsx" in message.text()
    buttons = {button.text().replace("&", "") for button in message.buttons()}
    assert {"Ouvrir", "Afficher dans le dossier"} <= buttons  # the interface is in French
    message.close()
    assert file_name("Bilan", "01/01/2026: a?b", suffix=".xlsx") == ("Bilan 01 01 2026 a b.xlsx")
    assert (
        file_name(
            "Émargement",
            "2027-01-14",
            "Business corner — Digitalisation : l'atelier connecté, retours d'expérience",
            suffix=".xlsx",
        )
        == "Émargement 2027-01-14 Business corner Digitalisation l'atelier connecté.xlsx"
    )
