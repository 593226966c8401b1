"""The binding table of the record forms: each kind of field clears, shows,
reads back and reports an edit, on real widgets."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from resilian_desktop.domain import formats
from resilian_desktop.qt.bindings import (
    CHECK,
    CODE,
    DATE,
    LINE,
    LOOKUP,
    OPTIONAL_CODE,
    PLAIN,
    SPIN,
    TIME,
    Binding,
    Field,
)
from resilian_desktop.qt.pickers import RecordLookup
from resilian_desktop.qt.widgets import DateField

FIELDS = (
    Field("name", "name_edit", LINE),
    Field("country", "country_edit", LINE, default="FR", problems=False),
    Field("siret", "siret_edit", LINE, shown=formats.siret),
    Field("notes", "notes_edit", PLAIN),
    Field("kind", "kind_combo", CODE, default="company"),
    Field("civility", "civility_combo", OPTIONAL_CODE),
    Field("date", "date_edit", DATE),
    Field("start_time", "time_edit", TIME),
    Field("active", "active_check", CHECK, default=True),
    Field("headcount", "headcount_spin", SPIN, default=0),
    Field("organisation_id", "organisation_lookup", LOOKUP, label="organisation_name"),
)


@pytest.fixture
def bound(qtbot):  # type: ignore[no-untyped-def]
    """Every kind of field bound to a real widget; *changed* lists the edits reported."""
    root = QWidget()

    kind_combo = QComboBox(root)
    kind_combo.addItem("Company", "company")
    kind_combo.addItem("Association", "association")
    civility_combo = QComboBox(root)
    civility_combo.addItem("", None)
    civility_combo.addItem("Mme", "Mme")
    spin = QSpinBox(root)
    spin.setRange(0, 100_000)
    ui = SimpleNamespace(
        name_edit=QLineEdit(root),
        country_edit=QLineEdit(root),
        siret_edit=QLineEdit(root),
        notes_edit=QPlainTextEdit(root),
        kind_combo=kind_combo,
        civility_combo=civility_combo,
        date_edit=DateField(root),
        time_edit=QLineEdit(root),
        active_check=QCheckBox(root),
        headcount_spin=spin,
        organisation_lookup=RecordLookup(root),
    )
    changed: list[str] = []
    binding = Binding(ui, FIELDS)
    for field in FIELDS:
        field.kind.connect(binding.widgets[field.name], lambda *_a, n=field.name: changed.append(n))
    yield binding, ui, changed
    root.deleteLater()  # held until here: its children are the widgets bound


ROW = SimpleNamespace(
    name="Céramiques de Soufflenheim",
    country="DE",
    siret="12345678901234",
    notes="Two lines\nof notes",
    kind="association",
    civility="Mme",
    date=dt.date(2026, 3, 9),
    start_time=dt.time(9, 30),
    active=False,
    headcount=42,
    organisation_id=7,
    organisation_name="Alsace Bois",
)


def test_clear_shows_defaults_and_prefill_and_reads_them_back(bound) -> None:  # type: ignore[no-untyped-def]
    binding, ui, _changed = bound
    binding.show(ROW)
    binding.clear({"name": "Prefilled", "organisation_id": 3, "organisation_name": "Named"})
    assert ui.name_edit.text() == "Prefilled"
    assert ui.country_edit.text() == "FR"
    assert ui.siret_edit.text() == ""
    assert ui.notes_edit.toPlainText() == ""
    assert ui.kind_combo.currentData() == "company"
    assert ui.civility_combo.currentIndex() == 0
    assert ui.date_edit.text() == ""
    assert ui.time_edit.text() == ""
    assert ui.active_check.isChecked()
    assert ui.headcount_spin.value() == 0
    assert (ui.organisation_lookup.record_id, ui.organisation_lookup.text()) == (3, "Named")
    assert binding.values() == {
        "name": "Prefilled",
        "country": "FR",
        "siret": "",
        "notes": "",
        "kind": "company",
        "civility": None,
        "date": None,
        "start_time": None,
        "active": True,
        "headcount": 0,
        "organisation_id": 3,
    }


def test_show_fills_each_widget_and_reads_the_values_back(bound) -> None:  # type: ignore[no-untyped-def]
    binding, ui, _changed = bound
    binding.show(ROW)
    assert ui.siret_edit.text() == formats.siret("12345678901234") != "12345678901234"
    assert ui.notes_edit.toPlainText() == "Two lines\nof notes"
    assert ui.date_edit.date() == dt.date(2026, 3, 9)
    assert ui.organisation_lookup.text() == "Alsace Bois"
    values = binding.values()
    assert values == {
        "name": "Céramiques de Soufflenheim",
        "country": "DE",
        "siret": formats.siret("12345678901234"),
        "notes": "Two lines\nof notes",
        "kind": "association",
        "civility": "Mme",
        "date": ui.date_edit.text(),
        "start_time": "09:30",
        "active": False,
        "headcount": 42,
        "organisation_id": 7,
    }
    # An emptied field reads as its default, or as empty.
    ui.country_edit.clear()
    ui.date_edit.setText("")
    ui.time_edit.clear()
    assert (binding.values()["country"], binding.values()["date"]) == ("FR", None)
    assert binding.values()["start_time"] is None


def test_each_kind_reports_an_edit(bound, qtbot) -> None:  # type: ignore[no-untyped-def]
    binding, ui, changed = bound
    binding.clear({})
    changed.clear()
    qtbot.keyClicks(ui.name_edit, "A")
    qtbot.keyClicks(ui.country_edit, "X")
    qtbot.keyClicks(ui.siret_edit, "1")
    qtbot.keyClicks(ui.notes_edit, "n")
    ui.kind_combo.setCurrentIndex(1)
    ui.civility_combo.setCurrentIndex(1)
    qtbot.keyClicks(ui.date_edit.edit, "0")
    qtbot.keyClicks(ui.time_edit, "9")
    ui.active_check.click()
    ui.headcount_spin.stepUp()
    qtbot.keyClicks(ui.organisation_lookup, "Al")
    assert set(changed) == {field.name for field in FIELDS}


def test_lookup_reports_a_record_chosen_and_forgotten(bound, qtbot) -> None:  # type: ignore[no-untyped-def]
    binding, ui, changed = bound
    binding.clear({})
    changed.clear()
    ui.organisation_lookup.set_record(5, "Chosen")
    assert changed == ["organisation_id"]
    assert binding.values()["organisation_id"] == 5
    qtbot.keyClicks(ui.organisation_lookup, "x")  # typing again forgets the choice
    assert binding.values()["organisation_id"] is None


def test_problems_go_beside_the_fields_that_take_them(bound) -> None:  # type: ignore[no-untyped-def]
    binding, ui, _changed = bound
    widgets = binding.problem_widgets()
    assert "country" not in widgets
    assert widgets["name"] is ui.name_edit
    assert widgets["organisation_id"] is ui.organisation_lookup
