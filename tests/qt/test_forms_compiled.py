"""The compiled Designer forms are those of ui/*.ui, and every one of them builds."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

ROOT = Path(__file__).resolve().parents[2]


def _build_forms():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "build_forms", ROOT / "scripts" / "build_forms.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_compiled_forms_are_up_to_date_with_their_ui_sources() -> None:
    assert _build_forms().stale() == [], "run .venv/bin/python scripts/build_forms.py"


def test_every_form_builds_and_says_it_is_generated(qtbot) -> None:  # type: ignore[no-untyped-def]
    build = _build_forms()
    sources = build.sources()
    assert len(sources) >= 8
    for source in sources:
        target = build.target_of(source)
        assert "do not edit" in target.read_text(encoding="utf-8").splitlines()[0]
        module = importlib.import_module(f"resilian_desktop.qt.forms.{target.stem}")
        ui_class = next(getattr(module, n) for n in dir(module) if n.startswith("Ui_"))
        widget = QDialog() if "Dialog" in ui_class.__name__ else QWidget()
        qtbot.addWidget(widget)
        ui_class().setupUi(widget)
