"""The French interface is complete and the compiled catalogue matches its source."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "resilian_fr.ts"
TS_EN = ROOT / "resources" / "translations" / "resilian_en.ts"


def unfinished(ts: Path) -> list[str]:
    return [
        message.findtext("source") or ""
        for message in ET.parse(ts).getroot().iter("message")
        if (translation := message.find("translation")) is not None
        and translation.get("type") == "unfinished"
    ]


def test_every_french_message_is_translated() -> None:
    assert unfinished(TS) == [], "translate them in resilian_fr.ts (pyside6-linguist)"


def test_every_english_plural_has_its_two_forms() -> None:
    """English is the source language; its catalogue gives "1 record" / "92 records"."""
    assert unfinished(TS_EN) == [], "write the plural forms in resilian_en.ts"


@pytest.mark.parametrize("ts", [TS, TS_EN], ids=["fr", "en"])
def test_the_shipped_catalogue_is_compiled_from_the_source(tmp_path: Path, ts: Path) -> None:
    compiled = tmp_path / "compiled.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(ts), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        "run .venv/bin/python scripts/translations.py"
    )


def test_every_interface_text_is_in_the_catalogue(tmp_path: Path) -> None:
    """lupdate finds nothing new in the sources: no English text slips through."""
    copy = tmp_path / "check.ts"
    copy.write_bytes(TS.read_bytes())
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import translations
    finally:
        sys.path.pop(0)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), "-no-obsolete", *translations.sources(), "-ts", str(copy)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    assert unfinished(copy) == [], "run scripts/translations.py and translate the new texts"


def test_qt_own_file_dialog_speaks_french(french: object) -> None:
    """Qt's widget file dialog (Linux): its labels in French, two of them from our catalogue."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    dialog.deleteLater()
    assert labels == ["&Voir dans\u00a0:", "&Nom de fichier\u00a0:", "Fichiers de &type\u00a0:"]
