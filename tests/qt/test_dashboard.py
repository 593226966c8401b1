"""The dashboard counts on a worker thread, follows changes, and opens the
records behind a figure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from resilian_desktop.db.engine import Database
from resilian_desktop.qt.dashboard import THIS_QUARTER, DashboardPage, RecordsDialog, preset_period
from resilian_desktop.qt.main_window import MainWindow
from resilian_desktop.services import attachments, meetings, organisations, taskforces
from tests import factories as f

pytestmark = pytest.mark.usefixtures("french")


def _ready(qtbot: QtBot, page: DashboardPage) -> None:
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10_000)


def test_figures_change_when_attendance_is_recorded(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    prog = f.programme(db)
    fonderie = f.organisation(db, "Fonderie Cœur d'Alsace", siret=f.SIRET_A)
    organisations.add_membership(db, fonderie.id, prog.id, since="01/01/2020")
    anna = f.contact(db, organisation_id=fonderie.id)
    marc = f.contact(db, "Marc", "Dupont", organisation_id=fonderie.id)
    corner = f.meeting(
        db, prog.id, date=dt.date(2026, 3, 12), start_time="9:00", end_time="16:30", status="held"
    )
    meetings.set_attendance(db, corner.id, [anna.id], status="present")
    tf = f.taskforce(db, prog.id, status="active")
    taskforces.add_action(db, tf.id, taskforces.ActionDraft(title="Late", due_date="01/02/2026"))

    page = window.go_to("dashboard")
    assert isinstance(page, DashboardPage)
    page.today = lambda: dt.date(2026, 6, 1)
    page.set_period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    _ready(qtbot, page)
    assert page.value("meetings_held") == 1
    assert page.value("kind:business_corner") == 1
    assert page.value("half_days") == 2
    assert page.value("participations") == 1
    assert page.value("companies_supported") == 1
    assert page.value("actions_late") == 1
    assert page.cards["participations"].caption_label.text() == "participations"

    # Marc is marked present elsewhere in the window: the figures follow.
    meetings.set_attendance(db, corner.id, [marc.id], status="present")
    window.ctx.notify("meeting")
    qtbot.waitUntil(lambda: page.value("participations") == 2, timeout=10_000)
    assert page.value("distinct_people") == 2
    assert page.value("person_half_days") == 4
    assert sum(bars for bars in _month_bars(page)) == 2

    # A click on a figure lists the records behind it; a double click opens one.
    qtbot.mouseClick(page.cards["distinct_people"], Qt.MouseButton.LeftButton)
    dialog = page.findChildren(RecordsDialog)[-1]
    assert dialog.model.total == 2
    assert dialog.windowTitle() == "Personnes différentes"
    dialog.table.doubleClicked.emit(dialog.model.index(0, 0))
    assert window.forms[-1].KIND == "contact"
    dialog.close()

    qtbot.mouseClick(page.cards["actions_late"], Qt.MouseButton.LeftButton)
    late = page.findChildren(RecordsDialog)[-1]
    assert late.model.total == 1 and late.model.index(0, 2).data() == "Late"
    late.table.doubleClicked.emit(late.model.index(0, 0))
    assert window.forms[-1].KIND == "taskforce" and window.forms[-1].record_id == tf.id


def _month_bars(page: DashboardPage) -> list[float]:
    series = page.month_chart.series()[0]
    bars = series.barSets()[0]
    return [bars.at(i) for i in range(bars.count())]


def test_empty_database_shows_zeros_and_says_so(qtbot: QtBot, window: MainWindow) -> None:
    page = window.go_to("dashboard")
    _ready(qtbot, page)
    assert page.value("meetings_held") == 0
    assert "aucune présence" in page.month_chart.title()
    assert page.company_ids == []


def test_period_presets() -> None:
    assert preset_period(THIS_QUARTER, dt.date(2026, 11, 20)) == (
        dt.date(2026, 10, 1),
        dt.date(2026, 12, 31),
    )
    assert preset_period(THIS_QUARTER, dt.date(2026, 5, 2)) == (
        dt.date(2026, 4, 1),
        dt.date(2026, 6, 30),
    )


def test_held_meetings_without_proof_are_counted_and_listed(
    qtbot: QtBot, db: Database, window: MainWindow, tmp_path: Path
) -> None:
    prog = f.programme(db)
    anna = f.contact(db)
    scanned, bare = (
        f.meeting(db, prog.id, title=title, date=dt.date(2026, 3, day), status="held")
        for title, day in (("Avec scan", 12), ("Sans preuve", 13))
    )
    f.meeting(db, prog.id, title="Prévue", date=dt.date(2026, 3, 14))  # no proof owed
    for meeting in (scanned, bare):
        meetings.set_attendance(db, meeting.id, [anna.id], status="present")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    attachments.attach_file(db, scanned.id, scan)

    page = window.go_to("dashboard")
    assert isinstance(page, DashboardPage)
    page.today = lambda: dt.date(2026, 6, 1)
    page.set_period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    _ready(qtbot, page)
    assert page.value("meetings_held") == 2
    assert page.value("meetings_without_proof") == 1
    card = page.cards["meetings_without_proof"]
    assert card.caption_label.text() == "réunions tenues sans preuve de présence"
    window.resize(1280, 800)
    qtbot.wait(20)
    window.grab().save(str(tmp_path / "dashboard.png"))
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    dialog = page.findChildren(RecordsDialog)[-1]
    assert dialog.model.total == 1
    assert "Sans preuve" in [str(dialog.model.index(0, c).data()) for c in range(4)]
    dialog.close()
