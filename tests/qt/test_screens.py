"""Every page, tab and dialog fits the officer's 1366×768 laptop, in French and in English."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from resilian_desktop.db.engine import Database
from resilian_desktop.demo import generate_demo
from tests.qt.tour import LAPTOP, LAPTOP_CONTENTS, plain, tour, visible_texts


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest) -> str:
    if request.param == "fr":
        request.getfixturevalue("french")
    return str(request.param)


@pytest.fixture
def demo_network(db: Database) -> Database:
    generate_demo(db)
    return db


def test_the_test_screen_is_a_laptop() -> None:
    screen = QGuiApplication.primaryScreen()
    assert screen.availableGeometry().size() == LAPTOP


def test_every_screen_fits_a_laptop(language: str, demo_network: Database, window: Any) -> None:
    seen: list[str] = []
    too_large: dict[str, str] = {}
    room = QGuiApplication.primaryScreen().availableGeometry()

    def visit(name: str, widget: QWidget) -> None:
        seen.append(name)
        if isinstance(widget, QMenu):
            return
        top = widget.window()
        minimum = top.minimumSizeHint().expandedTo(top.minimumSize())
        if minimum.width() > LAPTOP_CONTENTS.width() or minimum.height() > LAPTOP_CONTENTS.height():
            too_large[name] = f"minimum {minimum.width()}×{minimum.height()}"
        elif not room.contains(top.frameGeometry()):
            too_large[name] = f"opens at {top.frameGeometry()}, beyond {room}"

    tour(window, visit)
    assert too_large == {}
    # The walk went everywhere: the main window's pages, each form's tabs, the dialogs.
    assert len(seen) >= 45, seen


def _catalogue() -> list[tuple[str, str]]:
    """(English source, French translation) of every text of the French catalogue."""
    import xml.etree.ElementTree as ET

    from tests.qt.test_translations import TS

    pairs = []
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or message.get("numerus") == "yes":
            continue
        pairs.append((plain(source), plain(translation.text or "")))
    return pairs


def test_every_text_is_in_the_interface_language(
    language: str, demo_network: Database, window: Any
) -> None:
    """French screens show no English source text left untranslated, and
    English screens no French word (the catalogue lists both)."""
    pairs = _catalogue()
    english, french = {source for source, _ in pairs}, {fr for _, fr in pairs}
    # Words both languages write alike ("Absent", "Participant") are neither's mistake.
    foreign = english - french if language == "fr" else french - english
    assert "Meetings" in english - french and "Réunions" in french - english
    found: dict[str, set[str]] = {}

    def visit(name: str, widget: QWidget) -> None:
        wrong = visible_texts(widget) & foreign
        if wrong:
            found[name] = wrong

    tour(window, visit)
    assert found == {}
