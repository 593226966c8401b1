"""Kiosk mode (issue 16, point 1): participants find their name, sign with the
mouse on the pad, and the signature is stored, chained and marks them present;
walk-ins sign too; only the officer leaves; each signature is one undo step."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from resilian_desktop import cli
from resilian_desktop.db.engine import Database
from resilian_desktop.qt.context import AppContext
from resilian_desktop.qt.kiosk import window as kiosk_module
from resilian_desktop.qt.kiosk.window import KioskWindow
from resilian_desktop.qt.main_window import MainWindow
from resilian_desktop.qt.meeting_form import MeetingForm
from resilian_desktop.services import meetings, signatures
from tests import factories as f
from tests.pdf_checks import read_pdf
from tests.qt.helpers import type_text
from tests.test_signed_sheet import same_pixels

pytestmark = pytest.mark.usefixtures("french")


@pytest.fixture
def network(db: Database) -> dict[str, Any]:
    """A whole-day meeting: four people expected, one excused, one company in the directory."""
    prog = f.programme(db)
    fonderie = f.organisation(db, "Fonderie Cœur d'Alsace", siret=f.SIRET_A)
    plasturgie = f.organisation(db, "Plasturgie du Ried", commune="Brumath", postcode="67170")
    contacts = {
        "anais": f.contact(db, "Anaïs", "Müller", organisation_id=fonderie.id),
        "marc": f.contact(db, "Marc", "Dupont", organisation_id=fonderie.id),
        "lea": f.contact(db, "Léa", "Schmitt", organisation_id=plasturgie.id),
        "hugo": f.contact(db, "Hugo", "Klein", organisation_id=plasturgie.id),
        "eve": f.contact(db, "Ève", "Martin", organisation_id=plasturgie.id),
    }
    meeting = f.meeting(
        db,
        prog.id,
        title="Atelier énergie",
        start_time=dt.time(9, 0),
        end_time=dt.time(16, 30),
    )
    ids = [p.id for k, p in contacts.items() if k != "eve"]
    meetings.set_attendance(db, meeting.id, ids, status="registered")
    meetings.set_attendance(db, meeting.id, [contacts["eve"].id], status="excused")
    return {"meeting": meeting, "fonderie": fonderie, **contacts}


@pytest.fixture
def ctx(db: Database) -> AppContext:
    return AppContext(db)


@pytest.fixture
def kiosk(qtbot: QtBot, ctx: AppContext, network: dict[str, Any]) -> Iterator[KioskWindow]:
    window = KioskWindow(ctx, network["meeting"].id, "morning")
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window._unlocked = True
    window.close()
    window.deleteLater()


def sign_on_pad(qtbot: QtBot, kiosk: KioskWindow, wave: int = 0) -> None:
    """Two strokes with the mouse, as a hand: a wavy name and an underline."""
    pad = kiosk.pad
    qtbot.waitUntil(lambda: pad.isVisible() and pad.width() > 100)
    w, h = pad.width(), pad.height()
    left, mid = int(w * 0.15), int(h * 0.5)
    QTest.mousePress(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(left, mid)
    )
    for step in range(1, 30):
        x = left + step * int(w * 0.02)
        y = mid + (18 if (step + wave) % 4 < 2 else -18)
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(
        pad,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(left + 30 * int(w * 0.02), mid),
    )
    base = int(h * 0.75)
    QTest.mousePress(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(left, base)
    )
    QTest.mouseMove(pad, QPoint(left + w // 4, base + 3))
    QTest.mouseRelease(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(left + w // 2, base)
    )


def tap_name(qtbot: QtBot, kiosk: KioskWindow, name: str) -> None:
    view = kiosk.contacts_list
    item = next(view.item(i) for i in range(view.count()) if view.item(i).text() == name)
    rect = view.visualItemRect(item)
    assert rect.isValid() and not item.isHidden(), f"{name} is not on the screen"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def attendance(db: Database, meeting_id: int) -> dict[str, tuple[str, bool | None, bool | None]]:
    return {
        f"{a.first_name} {a.last_name}": (a.status, a.present_morning, a.present_afternoon)
        for a in meetings.list_attendance(db, meeting_id)
    }


def verify(db_path: Path, meeting_id: int, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.run(["--db", str(db_path), "signatures", "verify", "--meeting", str(meeting_id)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_search_narrows_the_list_accent_blind_and_leaves_out_the_excused(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    assert kiosk.visible_names() == ["Marc Dupont", "Hugo Klein", "Anaïs Müller", "Léa Schmitt"]
    type_text(qtbot, kiosk.search_edit, "mull")
    assert kiosk.visible_names() == ["Anaïs Müller"]
    kiosk.search_edit.clear()
    type_text(qtbot, kiosk.search_edit, "LEA")
    assert kiosk.visible_names() == ["Léa Schmitt"]
    kiosk.search_edit.clear()
    type_text(qtbot, kiosk.search_edit, "ried")  # the organisation counts too
    assert kiosk.visible_names() == ["Hugo Klein", "Léa Schmitt"]
    kiosk.search_edit.clear()
    type_text(qtbot, kiosk.search_edit, "zzz")
    assert kiosk.visible_names() == []
    assert "pas sur la liste" in kiosk.empty_label.text()


def test_tap_draw_confirm_stores_a_chained_signature_and_marks_present(
    qtbot: QtBot,
    kiosk: KioskWindow,
    db: Database,
    db_path: Path,
    tmp_path: Path,
    network: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    meeting_id = network["meeting"].id
    type_text(qtbot, kiosk.search_edit, "anais")
    tap_name(qtbot, kiosk, "Anaïs Müller")
    assert kiosk.pages.currentIndex() == 1
    assert "Anaïs Müller — Fonderie Cœur d'Alsace" in kiosk.signer_label.text()
    assert "matin" in kiosk.statement_label.text()
    assert not kiosk.confirm_button.isEnabled()  # nothing drawn yet
    sign_on_pad(qtbot, kiosk)
    assert kiosk.confirm_button.isEnabled()
    qtbot.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)

    assert kiosk.pages.currentIndex() == 0 and kiosk.search_edit.text() == ""
    assert "Anaïs Müller" in kiosk.thanks_label.text()
    assert "1 sur 4" in kiosk.count_label.text()
    (row,) = signatures.list_signatures(db, meeting_id)
    assert (row.person_id, row.half_day) == (network["anais"].id, "morning")
    with Image.open(io.BytesIO(row.image or b"")) as image:
        assert image.format == "PNG" and image.size == (600, 200)
        # Ink in the image: the drawn strokes, not a blank picture.
        assert image.getchannel("A").getextrema()[1] == 255
    connection = sqlite3.connect(db_path)
    (strokes_text,) = connection.execute("SELECT strokes FROM signature").fetchone()
    connection.close()
    strokes = json.loads(strokes_text)
    assert len(strokes) == 2 and len(strokes[0]) >= 20
    assert all(len(point) == 3 for stroke in strokes for point in stroke)  # x, y, ms
    assert attendance(db, meeting_id)["Anaïs Müller"] == ("present", True, False)
    assert attendance(db, meeting_id)["Marc Dupont"] == ("registered", None, None)
    code, said = verify(db_path, meeting_id, capsys)
    assert code == 0, said
    # The sheet prints the image stored, pixel for pixel, in her line.
    sheet = tmp_path / "sheet.pdf"
    assert cli.run(
        ["--db", str(db_path), "export", "attendance", "--meeting", str(meeting_id), "--pdf",
         "-o", str(sheet)]
    ) == 0  # fmt: skip
    capsys.readouterr()
    (printed,) = [i.image for page in read_pdf(sheet).reader.pages for i in page.images]
    assert printed is not None and same_pixels(printed, Image.open(io.BytesIO(row.image or b"")))
    # Her card is now marked signed, and cannot be tapped again.
    card = next(
        kiosk.contacts_list.item(i)
        for i in range(kiosk.contacts_list.count())
        if kiosk.contacts_list.item(i).text() == "Anaïs Müller"
    )
    assert "Signé à" in str(card.data(kiosk_module.SIGNED_ROLE))
    tap_name(qtbot, kiosk, "Anaïs Müller")
    assert kiosk.pages.currentIndex() == 0


def test_clear_and_retry(
    qtbot: QtBot, kiosk: KioskWindow, db: Database, db_path: Path, network: dict[str, Any]
) -> None:
    tap_name(qtbot, kiosk, "Marc Dupont")
    sign_on_pad(qtbot, kiosk)
    assert kiosk.pad.strokes
    qtbot.mouseClick(kiosk.clear_button, Qt.MouseButton.LeftButton)
    assert kiosk.pad.strokes == [] and not kiosk.confirm_button.isEnabled()
    # A tap is not a signature.
    QTest.mouseClick(kiosk.pad, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
    assert not kiosk.confirm_button.isEnabled()
    kiosk.pad.clear()
    sign_on_pad(qtbot, kiosk, wave=1)
    qtbot.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)
    (row,) = signatures.list_signatures(db, network["meeting"].id)
    assert row.person_id == network["marc"].id
    connection = sqlite3.connect(db_path)
    (strokes_text,) = connection.execute("SELECT strokes FROM signature").fetchone()
    connection.close()
    assert len(json.loads(strokes_text)) == 2  # the cleared strokes and the tap are not kept


def test_a_second_signature_for_the_half_day_is_refused(
    qtbot: QtBot, kiosk: KioskWindow, db: Database, network: dict[str, Any]
) -> None:
    meeting_id = network["meeting"].id
    tap_name(qtbot, kiosk, "Hugo Klein")
    sign_on_pad(qtbot, kiosk)
    # Meanwhile Hugo signed on another device for the same half-day.
    signatures.add_drawn_signature(
        db, meeting_id, network["hugo"].id, "morning", [[(0, 0), (100, 40), (200, 0)]]
    )
    assert not kiosk.confirm()
    assert "organisateur" in kiosk.sign_error_label.text()
    assert len(signatures.list_signatures(db, meeting_id)) == 1
    assert not kiosk.ctx.undo_stack.count()
    kiosk.show_list()
    tap_name(qtbot, kiosk, "Hugo Klein")  # now shown as signed: the tap does nothing
    assert kiosk.pages.currentIndex() == 0


def test_a_walk_in_adds_themselves_and_signs(
    qtbot: QtBot,
    kiosk: KioskWindow,
    db: Database,
    db_path: Path,
    network: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    meeting_id = network["meeting"].id
    qtbot.mouseClick(kiosk.walk_in_button, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == 2
    qtbot.mouseClick(kiosk.walk_in_continue_button, Qt.MouseButton.LeftButton)
    assert kiosk.walk_in_error_label.text()  # names are required
    type_text(qtbot, kiosk.first_name_edit, "Zoé")
    type_text(qtbot, kiosk.last_name_edit, "Lefèvre")
    type_text(qtbot, kiosk.organisation_edit, "fonderie coeur d'alsace")
    qtbot.mouseClick(kiosk.walk_in_continue_button, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == 1, kiosk.walk_in_error_label.text()
    assert "Zoé Lefèvre — Fonderie Cœur d'Alsace" in kiosk.signer_label.text()
    sign_on_pad(qtbot, kiosk)
    qtbot.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)
    assert attendance(db, meeting_id)["Zoé Lefèvre"] == ("present", True, False)
    zoe = next(a for a in meetings.list_attendance(db, meeting_id) if a.last_name == "Lefèvre")
    assert zoe.organisation_id == network["fonderie"].id  # the directory's, typed loosely
    assert [s.person_id for s in signatures.list_signatures(db, meeting_id)] == [zoe.person_id]
    assert verify(db_path, meeting_id, capsys)[0] == 0

    # Someone not in the directory's organisations keeps the name typed, for the day.
    qtbot.mouseClick(kiosk.walk_in_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, kiosk.first_name_edit, "Paul")
    type_text(qtbot, kiosk.last_name_edit, "Roth")
    type_text(qtbot, kiosk.organisation_edit, "Chambre de métiers")
    qtbot.mouseClick(kiosk.walk_in_continue_button, Qt.MouseButton.LeftButton)
    paul = next(a for a in meetings.list_attendance(db, meeting_id) if a.last_name == "Roth")
    assert (paul.organisation_id, paul.organisation_name) == (None, "Chambre de métiers")

    # The same name again: "that is me" signs as the known person, no new contact.
    kiosk.show_list()
    qtbot.mouseClick(kiosk.walk_in_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, kiosk.first_name_edit, "Paul")
    type_text(qtbot, kiosk.last_name_edit, "Roth")
    qtbot.mouseClick(kiosk.walk_in_continue_button, Qt.MouseButton.LeftButton)
    assert kiosk.same_contact_button.isVisible()
    qtbot.mouseClick(kiosk.same_contact_button, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == 1 and "Paul Roth" in kiosk.signer_label.text()
    assert sum(1 for a in meetings.list_attendance(db, meeting_id) if a.last_name == "Roth") == 1


def test_escape_and_close_do_not_leave(qtbot: QtBot, kiosk: KioskWindow) -> None:
    QTest.keyClick(kiosk, Qt.Key.Key_Escape)
    QTest.keyClick(kiosk.search_edit, Qt.Key.Key_Escape)
    assert not kiosk.close()
    QTest.keyClick(kiosk, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    QApplication.processEvents()
    assert kiosk.isVisible() and kiosk.is_locked()
    # Ctrl+Z is not there for a participant to take back someone's signature.
    assert kiosk.windowModality() == Qt.WindowModality.ApplicationModal


def test_the_key_combination_and_the_typed_word_leave(qtbot: QtBot, kiosk: KioskWindow) -> None:
    left: list[int] = []
    kiosk.left.connect(left.append)
    compress = Qt.ApplicationAttribute.AA_CompressHighFrequencyEvents
    assert not QApplication.testAttribute(compress)  # every move of the pen counts
    QTest.keySequence(kiosk, QKeySequence(kiosk_module.LEAVE_KEYS))
    assert kiosk.pages.currentIndex() == 3
    qtbot.mouseClick(
        kiosk.pages.currentWidget().findChildren(type(kiosk.confirm_button))[-1],
        Qt.MouseButton.LeftButton,
    )
    assert kiosk.isVisible() and "QUITTER" in kiosk.leave_error_label.text()
    type_text(qtbot, kiosk.leave_edit, "quiter")
    QTest.keyClick(kiosk.leave_edit, Qt.Key.Key_Return)
    assert kiosk.isVisible() and not left
    kiosk.leave_edit.clear()
    type_text(qtbot, kiosk.leave_edit, "quitter")
    QTest.keyClick(kiosk.leave_edit, Qt.Key.Key_Return)
    assert not kiosk.isVisible() and left == [0]
    assert QApplication.testAttribute(compress) == kiosk._compressed  # as Qt had it


def test_each_signature_is_one_undo_step_and_the_chain_still_verifies(
    qtbot: QtBot,
    kiosk: KioskWindow,
    db: Database,
    db_path: Path,
    network: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    meeting_id = network["meeting"].id
    for name in ("Léa Schmitt", "Marc Dupont"):
        tap_name(qtbot, kiosk, name)
        sign_on_pad(qtbot, kiosk)
        qtbot.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)
    stack = kiosk.ctx.undo_stack
    assert stack.count() == 2 and stack.undoText() == "Signature de Marc Dupont"
    first, second = signatures.list_signatures(db, meeting_id)
    stack.undo()
    assert [s.id for s in signatures.list_signatures(db, meeting_id)] == [first.id]
    assert attendance(db, meeting_id)["Marc Dupont"] == ("registered", None, None)
    assert attendance(db, meeting_id)["Léa Schmitt"] == ("present", True, False)
    assert verify(db_path, meeting_id, capsys)[0] == 0
    stack.redo()
    again = signatures.list_signatures(db, meeting_id)
    assert len(again) == 2 and again[1].signed_at == second.signed_at
    assert again[1].sha256 == second.sha256  # the same image, the time it was made
    assert attendance(db, meeting_id)["Marc Dupont"] == ("present", True, False)
    assert verify(db_path, meeting_id, capsys)[0] == 0
    stack.undo()
    stack.undo()
    assert signatures.list_signatures(db, meeting_id) == []
    assert attendance(db, meeting_id)["Léa Schmitt"] == ("registered", None, None)
    assert verify(db_path, meeting_id, capsys)[0] == 0


def test_only_the_last_signature_of_a_meeting_can_be_taken_back(
    db: Database, network: dict[str, Any]
) -> None:
    meeting_id = network["meeting"].id
    scribble = [[(0, 0), (60, 30), (120, 0)]]
    first = signatures.add_drawn_signature(db, meeting_id, network["lea"].id, "morning", scribble)
    signatures.add_drawn_signature(db, meeting_id, network["marc"].id, "morning", scribble)
    with pytest.raises(signatures.SignatureRefused, match="last"):
        signatures.withdraw_last_signature(db, first.id, None)
    assert len(signatures.list_signatures(db, meeting_id)) == 2


def test_have_participants_sign_from_the_attendance_tab(
    qtbot: QtBot,
    db: Database,
    window: MainWindow,
    network: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    meeting_id = network["meeting"].id
    form = window.open_record("meeting", meeting_id)
    assert isinstance(form, MeetingForm)
    asked: list[tuple[str, ...]] = []

    def answer(_parent: Any, covered: tuple[str, ...], _now: dt.time) -> str:
        asked.append(covered)
        return "afternoon"

    monkeypatch.setattr(kiosk_module, "ask_half_day", answer)
    opened: list[KioskWindow] = []
    monkeypatch.setattr(
        MeetingForm, "offer_to_mark_held", lambda self: opened.append(self) or False
    )
    form.ui.tabs.setCurrentWidget(form.ui.attendance_tab)
    qtbot.mouseClick(form.ui.sign_button, Qt.MouseButton.LeftButton)
    kiosk = QApplication.activeModalWidget() or next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWindow) and w.isVisible()
    )
    assert isinstance(kiosk, KioskWindow)
    assert asked == [("morning", "afternoon")] and kiosk.half_day == "afternoon"
    assert kiosk.isFullScreen()
    assert "après-midi" in kiosk.title_label.text()
    tap_name(qtbot, kiosk, "Léa Schmitt")
    sign_on_pad(qtbot, kiosk)
    qtbot.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)
    kiosk.ask_to_leave()
    type_text(qtbot, kiosk.leave_edit, "QUITTER")
    QTest.keyClick(kiosk.leave_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not kiosk.isVisible())
    qtbot.waitUntil(lambda: len(opened) == 1)  # offered to mark the meeting held
    # Back in the form: the list shows her present for the afternoon only.
    lea = next(r for r in form.attendance_model.rows() if r.last_name == "Schmitt")
    assert (lea.status, lea.present_morning, lea.present_afternoon) == ("present", False, True)
    # The officer's Ctrl+Z, in the meeting's window, takes the signature back.
    window.ctx.undo_stack.undo()
    assert signatures.list_signatures(db, meeting_id) == []


def test_a_pen_s_pressure_is_kept_with_its_points(qtbot: QtBot, kiosk: KioskWindow) -> None:
    """Tablet events (a pen) give the pressure; the stored points carry it."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPointingDevice, QTabletEvent

    tap_name(qtbot, kiosk, "Léa Schmitt")
    pad = kiosk.pad
    pen = QPointingDevice.primaryPointingDevice()

    def send(kind: QTabletEvent.Type, x: float, pressure: float) -> None:
        position = QPointF(x, 80)
        event = QTabletEvent(
            kind, pen, position, QPointF(pad.mapToGlobal(position)), pressure, 0, 0, 0, 0, 0,
            Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
        )  # fmt: skip
        QApplication.sendEvent(pad, event)

    send(QTabletEvent.Type.TabletPress, 40, 0.2)
    for step in range(1, 20):
        send(QTabletEvent.Type.TabletMove, 40 + step * 10, 0.2 + step * 0.04)
    send(QTabletEvent.Type.TabletRelease, 240, 0.9)
    (stroke,) = pad.strokes
    assert [round(p[3], 2) for p in stroke[:3]] == [0.2, 0.24, 0.28]
    assert kiosk.confirm_button.isEnabled()


def test_a_page_left_half_done_goes_back_to_the_list(qtbot: QtBot, kiosk: KioskWindow) -> None:
    kiosk._idle_timer.setInterval(100)
    tap_name(qtbot, kiosk, "Marc Dupont")
    sign_on_pad(qtbot, kiosk)  # then walked away without confirming
    qtbot.waitUntil(lambda: kiosk.pages.currentIndex() == 0, timeout=3000)
    assert kiosk.pad.strokes == [] and kiosk.contact is None


@pytest.mark.parametrize(
    ("now", "default"), [(dt.time(10, 30), "Matin"), (dt.time(14, 0), "Après-midi")]
)
def test_the_half_day_asked_defaults_to_the_current_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, now: dt.time, default: str
) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    offered: list[str] = []

    def answer_with_the_default(box: QMessageBox) -> int:
        offered.append(box.defaultButton().text())
        box.defaultButton().click()  # Enter, as the officer would
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer_with_the_default)
    chosen = kiosk_module.ask_half_day(parent, ("morning", "afternoon"), now)
    assert offered == [default]
    assert chosen == ("morning" if default == "Matin" else "afternoon")
    # A meeting of one half-day is not asked about.
    assert kiosk_module.ask_half_day(parent, ("afternoon",), now) == "afternoon"
    assert len(offered) == 1


def test_the_officer_takes_back_a_signature_given_under_another_s_name(
    qtbot: QtBot,
    kiosk: KioskWindow,
    db: Database,
    db_path: Path,
    network: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    meeting_id = network["meeting"].id
    QTest.keySequence(kiosk, QKeySequence(kiosk_module.LEAVE_KEYS))
    assert not kiosk.take_back_button.isVisible()  # nothing signed here yet
    kiosk.show_list()
    for name in ("Léa Schmitt", "Marc Dupont"):  # Hugo tapped Marc's name by mistake
        tap_name(qtbot, kiosk, name)
        sign_on_pad(qtbot, kiosk)
        qtbot.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)
    QTest.keySequence(kiosk, QKeySequence(kiosk_module.LEAVE_KEYS))
    button = kiosk.take_back_button
    assert button.isVisible() and "Marc Dupont" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the word first
    assert len(signatures.list_signatures(db, meeting_id)) == 2
    type_text(qtbot, kiosk.leave_edit, "QUITTER")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert kiosk.isVisible() and kiosk.pages.currentIndex() == 0
    assert "Marc Dupont" in kiosk.thanks_label.text()
    assert [s.person_id for s in signatures.list_signatures(db, meeting_id)] == [network["lea"].id]
    assert attendance(db, meeting_id)["Marc Dupont"] == ("registered", None, None)
    assert verify(db_path, meeting_id, capsys)[0] == 0
    # Marc's card can be tapped again; Léa's signature is not offered to take back
    # once the officer's undo moved the stack (only the last step is).
    tap_name(qtbot, kiosk, "Marc Dupont")
    assert kiosk.pages.currentIndex() == 1
    kiosk.show_list()
    QTest.keySequence(kiosk, QKeySequence(kiosk_module.LEAVE_KEYS))
    assert kiosk.take_back_button.isVisible() and "Léa Schmitt" in kiosk.take_back_button.text()
