"""Every table model passes pytest-qt's model tester, with real rows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from resilian_desktop.db.engine import Database
from resilian_desktop.qt import list_model
from resilian_desktop.qt.attendance import AttendanceModel
from resilian_desktop.qt.labels import code_labels
from resilian_desktop.qt.list_model import LazyListModel
from resilian_desktop.qt.roadmap import RoadmapModel
from resilian_desktop.qt.rows_model import Column, RowsModel
from resilian_desktop.services import meetings, stats, taskforces
from resilian_desktop.services.drilldown import FigureRef
from resilian_desktop.services.listings import SPECS, ListFilters
from tests import factories as f

YEAR = stats.Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


@pytest.fixture
def network(db: Database) -> dict[str, int]:
    prog = f.programme(db)
    org = f.organisation(db)
    contacts = [f.contact(db, f"Prénom{i}", f"Nom{i}", organisation_id=org.id).id for i in range(5)]
    meeting = f.meeting(db, prog.id, start_time="9:00", end_time="17:00", status="held")
    meetings.set_attendance(db, meeting.id, contacts[:3], status="present")
    meetings.set_attendance(db, meeting.id, contacts[3:], status="excused")
    tf = f.taskforce(db, prog.id, status="active")
    for i in range(4):
        taskforces.add_action(
            db, tf.id, taskforces.ActionDraft(title=f"Action {i}", due_date=f"0{i + 1}/02/2026")
        )
    return {"meeting": meeting.id, "tf": tf.id}


@pytest.mark.parametrize("name", sorted(SPECS))
def test_lazy_list_model(qtmodeltester, db: Database, network, monkeypatch, name: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(list_model, "PAGE_SIZE", 2)  # several pages, fetched as asked
    model = LazyListModel(db, SPECS[name], code_labels())
    if name in ("actions", "attendances"):
        figure = "actions_late" if name == "actions" else "participations"
        model.set_filters(ListFilters(figure=FigureRef(figure, YEAR, dt.date(2026, 6, 1))))
        assert model.total > 0
    qtmodeltester.check(model)


def test_lazy_model_fetches_pages_sorts_and_filters_in_sql(db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
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


def test_rows_model(qtmodeltester, db: Database, network) -> None:  # type: ignore[no-untyped-def]
    model = RowsModel(
        [
            Column("Date", lambda m: m.date),
            Column("Kind", lambda m: m.kind, is_code=True),
            Column("Present", lambda m: m.present),
        ]
    )
    model.set_rows(meetings.list_meetings(db))
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "12/03/2026"
    assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) is not None


def test_attendance_model(qtmodeltester, db: Database, network) -> None:  # type: ignore[no-untyped-def]
    model = AttendanceModel()
    model.set_rows(meetings.list_attendance(db, network["meeting"]), both_half_days=True)
    qtmodeltester.check(model)
    assert model.counts() == (5, 3, 1)
    toggled: list[tuple[int, str, bool]] = []
    model.half_day_toggled.connect(lambda *args: toggled.append(args))
    index = model.index(0, 6)
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert toggled == [(model.row_at(0).person_id, "afternoon", False)]


def test_roadmap_model(qtmodeltester, db: Database, network) -> None:  # type: ignore[no-untyped-def]
    model = RoadmapModel(today=lambda: dt.date(2026, 2, 2))
    model.set_rows(taskforces.list_actions(db, taskforce_id=network["tf"]))
    qtmodeltester.check(model)
    assert [model.is_late(r) for r in range(4)] == [True, False, False, False]
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "Late: due on 01/02/2026"
