"""The dashboard's "Dossier de preuves…": the audit pack of the dashboard's period,
written behind the progress dialog and said in the window (issue 16, point 7)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from resilian_desktop.db.engine import Database
from resilian_desktop.documents.audit_pack.verify import verify_pack
from resilian_desktop.qt import dashboard
from resilian_desktop.qt.main_window import MainWindow
from resilian_desktop.services import signatures
from tests.signing import signature_png, two_half_day_meeting

pytestmark = pytest.mark.usefixtures("french")


def test_audit_pack_of_the_dashboards_period(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    setup = two_half_day_meeting(db)  # held on 12 March 2026
    for contact in setup.contacts:
        signatures.add_signature(db, setup.meeting_id, contact, "morning", signature_png(contact))
    page = window.go_to("dashboard")
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10_000)
    button = page.ui.audit_pack_button
    assert button.isVisibleTo(page) and button.text().replace("&", "") == "Dossier de preuves…"
    page.set_period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    asked: list[str] = []
    target = tmp_path / "dossier.zip"

    def ask(_parent: object, title: str, name: str, _filter: str) -> Path:
        asked.append(name)
        return target

    monkeypatch.setattr(dashboard, "ask_target", ask)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["Dossier de preuves 2026-03-01 au 2026-03-31.zip"]
    check = verify_pack(target)
    assert check.intact and check.signatures == 3
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert [m["id"] for m in manifest["meetings"]] == [setup.meeting_id]
    # Said in the window, with the manifest's fingerprint to send apart.
    message = page.findChild(QMessageBox, "written_message")
    assert message is not None and message.isVisible()
    assert message.property("path") == str(target)
    assert check.manifest_sha256 is not None
    assert check.manifest_sha256 in message.informativeText()
    assert "SHA-256 du manifeste" in message.informativeText()
    message.close()
