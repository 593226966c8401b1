"""The attendance tab shows what a controller would reject, marks the people
present without a signature, and attaches and opens the scanned sheet (issue 16)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from resilian_desktop.db.engine import Database
from resilian_desktop.qt.attendance import STATUS
from resilian_desktop.qt.main_window import MainWindow
from resilian_desktop.qt.meeting_form import MeetingForm
from resilian_desktop.services import attachments, meetings, signatures
from tests import factories as f
from tests.qt.helpers import type_into
from tests.signing import signature_png

pytestmark = pytest.mark.usefixtures("french")
PARIS = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture
def signed_meeting(db: Database) -> dict[str, int]:
    programme = f.programme(db)
    company = f.organisation(db)
    anne = f.contact(db, "Anne", "Koch", organisation_id=company.id).id
    bruno = f.contact(db, "Bruno", "Weber", organisation_id=company.id).id
    chloe = f.contact(db, "Chloé", "Meyer", organisation_id=company.id).id
    meeting = f.meeting(
        db,
        programme.id,
        title="Business corner — Lean",
        start_time=dt.time(9),
        end_time=dt.time(12),
        status="held",
        venue_capacity=2,
    )
    meetings.set_attendance(db, meeting.id, [anne, bruno, chloe], status="registered")
    for contact, second in ((anne, 0), (bruno, 2)):
        signatures.add_signature(
            db,
            meeting.id,
            contact,
            "morning",
            signature_png(contact),
            signed_at=dt.datetime(2026, 3, 12, 9, 10, second, tzinfo=PARIS),
        )
    meetings.set_attendance(db, meeting.id, [chloe], status="present")
    return {"meeting": meeting.id, "anne": anne, "bruno": bruno, "chloe": chloe}


def _open(window: MainWindow, meeting_id: int) -> MeetingForm:
    form = window.open_record("meeting", meeting_id)
    assert isinstance(form, MeetingForm)
    form.ui.tabs.setCurrentWidget(form.ui.attendance_tab)
    return form


def test_the_attendance_tab_lists_the_problems_and_marks_the_unsigned(
    qtbot: QtBot, db: Database, window: MainWindow, signed_meeting: dict[str, int], tmp_path: Path
) -> None:
    form = _open(window, signed_meeting["meeting"])
    panel = form.proof_panel
    texts = [panel.problems_list.item(i).text() for i in range(panel.problems_list.count())]
    assert "2 problèmes" in panel.problems_title.text()
    assert texts == [
        "Chloé Meyer (contact 3) est marqué(e) présent(e) (matin) sans signature",
        "3 personnes présentes le matin pour une salle de 2",
    ]
    model = form.attendance_model
    statuses = {
        f"{r.first_name} {r.last_name}": model.index(i, STATUS).data()
        for i, r in enumerate(model.rows())
    }
    assert statuses["Chloé Meyer"].endswith("— non signé")
    assert "non signé" not in statuses["Anne Koch"]
    form.resize(1100, 760)
    qtbot.wait(10)
    form.grab().save(str(tmp_path / "attendance-proofs.png"))
    # Chloé signs: her mark and her problem go.
    signatures.add_signature(
        db,
        signed_meeting["meeting"],
        signed_meeting["chloe"],
        "morning",
        signature_png(9),
        signed_at=dt.datetime(2026, 3, 12, 9, 30, tzinfo=PARIS),
    )
    form.refresh_related()
    assert panel.problems_list.count() == 1
    assert all("non signé" not in str(model.index(i, STATUS).data()) for i in range(3))


def test_attach_the_signed_sheet_then_open_it(
    qtbot: QtBot,
    db: Database,
    window: MainWindow,
    signed_meeting: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    form = _open(window, signed_meeting["meeting"])
    panel = form.proof_panel
    assert panel.attach_button.text() == "Joindre la feuille signée…"
    assert not panel.open_button.isEnabled()
    scan = tmp_path / "feuille signée.pdf"
    scan.write_bytes(b"%PDF-1.4\n%scan\n%%EOF\n")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(scan), "Scans (*.pdf)")
    )
    panel.attach_button.click()
    (row,) = attachments.list_attachments(db, signed_meeting["meeting"])
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert row.sha256 == digest
    item = panel.scans_list.item(0).text()
    assert "feuille signée.pdf" in item and digest[:12] in item
    assert item.startswith(dt.date.today().strftime("%d/%m/%Y"))
    form.resize(1100, 760)
    qtbot.wait(10)
    form.grab().save(str(tmp_path / "attached.png"))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert panel.open_button.isEnabled()
    panel.open_button.click()
    assert [Path(u.toLocalFile()) for u in opened] == [row.path]
    # The same file again is refused with the reason, in one message.
    said: list[Any] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a))
    panel.attach_button.click()
    assert len(said) == 1 and "already attached" in said[0][2], said
    assert len(attachments.list_attachments(db, signed_meeting["meeting"])) == 1


def test_the_room_capacity_is_typed_on_the_details_tab(
    qtbot: QtBot, db: Database, window: MainWindow, signed_meeting: dict[str, int]
) -> None:
    form = _open(window, signed_meeting["meeting"])
    ui = form.ui
    ui.tabs.setCurrentWidget(ui.details_tab)
    assert ui.venue_capacity_edit.text() == "2"
    form.activateWindow()
    type_into(qtbot, ui.venue_capacity_edit, "0")
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert form.errors.message("venue_capacity") == (
        "La capacité est un nombre entier de personnes, de 1 à 100 000."
    )
    assert meetings.get_meeting(db, signed_meeting["meeting"]).venue_capacity == 2
    type_into(qtbot, ui.venue_capacity_edit, "3")
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert meetings.get_meeting(db, signed_meeting["meeting"]).venue_capacity == 3
    # Three present for three seats: the capacity problem is gone.
    codes = [
        form.proof_panel.problems_list.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(form.proof_panel.problems_list.count())
    ]
    assert codes == ["unsigned"]
