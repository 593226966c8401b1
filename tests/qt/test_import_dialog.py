"""The import dialog driven through its real widgets, offscreen, on a migrated database."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from resilian_desktop.db.engine import Database
from resilian_desktop.documents.files import ExportError, atomic_output
from resilian_desktop.documents.xlsx_parts.stream import Progress
from resilian_desktop.imports import IGNORED, ImportKind
from resilian_desktop.qt.export_progress import (
    export_attendance_sheets,
    export_report,
    run_with_progress,
)
from resilian_desktop.qt.import_dialog import ImportDialog
from resilian_desktop.services import contacts, meetings, taskforces
from tests import factories as f
from tests.test_imports import SAMPLES


def _dialog(qtbot: QtBot, db: Database, **kw: object) -> ImportDialog:
    dialog = ImportDialog(db, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _column(dialog: ImportDialog, header: str) -> list[str]:
    model = dialog.preview_model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    index = titles.index(header)
    return [model.index(r, index).data() for r in range(model.rowCount())]


def test_contacts_file_is_recognised_previewed_and_imported(qtbot: QtBot, db: Database) -> None:
    dialog = _dialog(qtbot, db)
    dialog.load_file(SAMPLES / "contacts.csv")
    assert dialog.kind is ImportKind.CONTACTS  # guessed from the headers
    assert dialog.mapping_table.rowCount() == 7
    assert dialog.mapping_table.item(1, 0).text() == "Nom"
    assert dialog.mapping_combo(1).currentData() == "last_name"
    assert "Muller" in dialog.mapping_table.item(1, 1).text()  # first values shown
    assert dialog.preview_model.rowCount() == 14
    assert set(_column(dialog, "Outcome")) == {"New"}
    assert _column(dialog, "Nom")[0] == "Muller"
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    result = signal.args[0]
    assert result.created == 14
    assert dialog.import_result is result
    assert "14 new" in dialog.result_label.text()
    assert not dialog.import_button.isEnabled()  # imported once; reopen to import again
    assert len(contacts.list_contacts(db)) == 14
    # Loaded again: every row is now "Unchanged".
    dialog.load_file(SAMPLES / "contacts.csv")
    assert set(_column(dialog, "Outcome")) == {"Unchanged"}


def test_unknown_columns_are_mapped_by_hand(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text("Qui;Prénom;Mail pro\nDupont;Jeanne;j.dupont@exemple.fr\n", encoding="utf-8")
    dialog = _dialog(qtbot, db, kind=ImportKind.CONTACTS)
    dialog.load_file(path)
    assert not dialog.kind_combo.isEnabled()
    assert dialog.current_mapping() == (IGNORED, "first_name", IGNORED)
    assert 'no column for "Nom"' in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
    dialog.set_column_field(0, "last_name")
    dialog.set_column_field(2, "email")
    assert dialog.current_mapping() == ("last_name", "first_name", "email")
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [p.email for p in contacts.list_contacts(db)] == ["j.dupont@exemple.fr"]


def test_problem_rows_block_all_or_nothing_until_skipping_is_chosen(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "orgs.csv"
    path.write_text(
        "Raison sociale;SIRET;Code postal\nBonne;73282932000074;67110\nMauvaise;123;ABC\n",
        encoding="utf-8",
    )
    dialog = _dialog(qtbot, db)
    dialog.load_file(path)
    assert dialog.kind is ImportKind.ORGANISATIONS
    assert dialog.problem_rows() == 1
    assert "1 with problems" in dialog.summary_label.text()
    problems = _column(dialog, "Problems")
    assert problems[0] == "" and "14 digits" in problems[1] and "5 digits" in problems[1]
    assert _column(dialog, "Outcome") == ["New", "Not imported"]
    model = dialog.preview_model
    assert isinstance(model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole), QBrush)
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert not dialog.import_button.isEnabled()
    dialog.only_problems_check.setChecked(True)
    assert model.rowCount() == 1
    radio = dialog.skip_invalid_radio
    # On its round indicator: the widget is as wide as the dialog, its label is not.
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert dialog.skip_invalid_radio.isChecked()
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.import_result is not None
    assert (dialog.import_result.created, dialog.import_result.skipped) == (1, 1)


def test_registrations_into_a_given_meeting(qtbot: QtBot, db: Database) -> None:
    prog = f.programme(db)
    meeting = f.meeting(db, prog.id, title="Business corner — Lean")
    dialog = _dialog(qtbot, db, meeting_id=meeting.id, path=SAMPLES / "inscriptions.csv")
    assert dialog.kind is ImportKind.REGISTRATIONS
    assert not dialog.kind_combo.isEnabled() and not dialog.target_combo.isEnabled()
    assert dialog.target_id == meeting.id
    assert "Business corner — Lean" in dialog.target_combo.currentText()
    assert "Columns not imported: Horodateur" in dialog.summary_label.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.import_result is not None and dialog.import_result.attendance_added == 10
    assert len(meetings.list_attendance(db, meeting.id)) == 10


def test_roadmap_actions_need_their_taskforce(qtbot: QtBot, db: Database) -> None:
    prog = f.programme(db)
    agency = f.organisation(db, "Agence", kind="agency", commune="Haguenau")
    tf = f.taskforce(db, prog.id)
    taskforces.add_member(db, tf.id, organisation_id=agency.id)
    for name in (
        "Tôlerie Wendling & Fils",
        "Ferroviaire Nord-Alsace",
        "Mécanique Précise de la Moder",
    ):
        f.organisation(db, name)
    dialog = _dialog(qtbot, db)
    dialog.load_file(SAMPLES / "feuille_de_route.xlsx")
    assert dialog.kind is ImportKind.ACTIONS
    assert dialog.target_combo.isVisible() and dialog.target_combo.isEnabled()
    dialog.set_target(tf.id)
    assert set(_column(dialog, "Outcome")) == {"New"}
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(taskforces.list_actions(db, taskforce_id=tf.id)) == 6


def test_an_unreadable_file_is_said_plainly(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "vieux.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    dialog = _dialog(qtbot, db)
    dialog.load_file(path)
    assert "save it as .xlsx or .csv" in dialog.summary_label.text()
    assert dialog.preview_model.rowCount() == 0
    assert not dialog.import_button.isEnabled()


def test_preview_model_passes_the_qt_model_tester(
    qtmodeltester,  # type: ignore[no-untyped-def]
    qtbot: QtBot,
    db: Database,
) -> None:
    dialog = _dialog(qtbot, db, path=SAMPLES / "organisations.xlsx")
    qtmodeltester.check(dialog.preview_model)


# --- long exports behind a progress dialog (qt.export_progress) ----------------------


def test_report_export_runs_behind_a_progress_dialog(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    from tests.attendance_network import network

    network(db)
    target = export_report(
        None, db, dt.date(2026, 1, 1), dt.date(2026, 12, 31), tmp_path / "rapport.xlsx"
    )
    assert target == tmp_path / "rapport.xlsx"
    assert load_workbook(target).sheetnames[0] == "Synthèse"
    sheets = export_attendance_sheets(None, db, [1, 2], tmp_path / "emargement.xlsx")
    assert sheets is not None and len(load_workbook(sheets).sheetnames) == 2


def test_cancel_stops_the_export_and_leaves_no_file(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "long.xlsx"
    seen: list[int] = []

    def job(progress: Progress) -> Path:
        with atomic_output(target) as partial:
            partial.write_text("partial")
            for step in range(500):
                progress(step, 500)
                seen.append(step)
                time.sleep(0.01)
        return target

    def press_cancel() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "export_progress_dialog" and w.isVisible()
        )
        assert isinstance(dialog, QProgressDialog)
        assert 0 < dialog.value() < dialog.maximum()  # it shows how far the job is
        button = dialog.findChild(QPushButton)
        assert button is not None and button.text() == "Cancel"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(300, press_cancel)
    assert run_with_progress(None, "Export", job, minimum_duration_ms=0) is None
    assert 0 < len(seen) < 500
    assert list(tmp_path.iterdir()) == []


def test_an_error_in_the_job_is_raised_in_the_interface_thread(qtbot: QtBot) -> None:
    def job(progress: Progress) -> None:
        progress(1, 2)
        raise ExportError("disk full")

    with pytest.raises(ExportError, match="disk full"):
        run_with_progress(None, "Export", job)


def test_a_long_import_shows_its_progress_and_cancel_writes_nothing(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "many.csv"
    rows = "".join(f"Nom{i};Jeanne;Org {i % 50};p{i}@exemple.fr\n" for i in range(1500))
    path.write_text("Nom;Prénom;Structure;E-mail\n" + rows, encoding="utf-8")
    dialog = _dialog(qtbot, db, kind=ImportKind.CONTACTS)
    dialog.load_file(path)  # checked against the database behind the same progress dialog
    assert dialog.import_button.isEnabled()
    shown: list[str] = []

    def press_cancel() -> None:
        progress = next(
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "export_progress_dialog" and w.isVisible()
        )
        assert isinstance(progress, QProgressDialog)
        shown.append(progress.labelText())
        assert 0 < progress.value() < progress.maximum()
        button = progress.findChild(QPushButton)
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(1200, press_cancel)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert shown == ["Importing…"]
    assert dialog.result_label.text() == "Import cancelled: nothing was written."
    assert dialog.import_result is None
    assert contacts.list_contacts(db) == []
