"""Every page, tab and dialog fits the officer's 1366×768 laptop, in French and in English."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from resilian_desktop.db.engine import Database
from resilian_desktop.demo import generate_demo
from tests.qt.tour import LAPTOP_CONTENTS, plain, tour, tour_first_run, visible_texts


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest) -> str:
    if request.param == "fr":
        request.getfixturevalue("french")
    return str(request.param)


def test_every_screen_fits_a_laptop(language: str, walk: Any, window: Any) -> None:
    """No window needs more than a 1366×768 laptop gives it, and none opens larger
    than the screen it is on.

    The tests' offscreen screen is Qt's default 800×800: every window whose
    minimum fits it must open within it (fit_to_screen); the main window's
    minimum is wider than 800 pixels, so only its minimum is checked here
    (scripts/screenshots.py shows it opening within a 1366×768 screen).
    """
    seen: list[str] = []
    too_large: dict[str, str] = {}
    room = QGuiApplication.primaryScreen().availableGeometry()

    def visit(name: str, widget: QWidget) -> None:
        seen.append(name)
        if isinstance(widget, QMenu):
            return
        top = widget.window()
        minimum = top.minimumSizeHint().expandedTo(top.minimumSize())
        size = top.size()
        if minimum.width() > LAPTOP_CONTENTS.width() or minimum.height() > LAPTOP_CONTENTS.height():
            too_large[name] = f"minimum {minimum.width()}×{minimum.height()}"
        elif (
            minimum.width() <= room.width()
            and minimum.height() <= room.height()
            and (size.width() > room.width() or size.height() > room.height())
        ):
            too_large[name] = f"opens at {size.width()}×{size.height()}, beyond {room}"

    walk(window, visit)
    assert too_large == {}
    # The walk went everywhere: the main window's pages, each form's tabs, the dialogs.
    assert len(seen) >= (45 if walk is tour else 4), seen


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


def test_every_text_is_in_the_interface_language(language: str, walk: Any, window: Any) -> None:
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

    walk(window, visit)
    assert found == {}


def test_every_access_key_reaches_one_control(language: str, walk: Any, window: Any) -> None:
    """On every page, tab and dialog: a label's Alt+letter moves to its field, and
    no letter is claimed twice."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from tests.qt.helpers import mnemonic_clashes

    lost: dict[str, list[str]] = {}
    clashes: dict[str, dict[str, list[str]]] = {}

    def visit(name: str, widget: QWidget) -> None:
        if isinstance(widget, QMenu):
            return
        top = widget.window()
        for label in top.findChildren(QLabel):
            text = label.text().replace("&&", "")
            if (
                not label.isVisible()
                or "&" not in text
                or label.textFormat() == Qt.TextFormat.RichText
            ):
                continue
            buddy = label.buddy()
            target = buddy.focusProxy() or buddy if buddy is not None else None
            if (
                target is None
                or not target.isVisible()
                or target.focusPolicy() == Qt.FocusPolicy.NoFocus
            ):
                lost.setdefault(name, []).append(label.text())
        found = mnemonic_clashes(top)
        if found:
            clashes[name] = found

    walk(window, visit)
    assert lost == {}
    assert clashes == {}


@pytest.fixture(params=["demo", "empty"])
def walk(request: pytest.FixtureRequest, db: Database) -> Any:
    """The whole walk on the demo network, or the first run of an empty database."""
    if request.param == "demo":
        generate_demo(db)
        return tour
    return tour_first_run
