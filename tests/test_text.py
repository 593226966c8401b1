"""Text folding for search: what a French user types finds what was recorded."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resilian_desktop.domain.text import fold, fts_query, search_terms


@pytest.mark.parametrize(
    ("recorded", "folded"),
    [
        ("Société Générale", "societe generale"),
        ("Fonderie Cœur d'Alsace", "fonderie coeur d alsace"),
        ("L’Œuvre Notre-Dame", "l oeuvre notre dame"),
        ("Łukasz Wiśniewski", "lukasz wisniewski"),
        ("Nguyễn Thị Hồng", "nguyen thi hong"),
        ("Ayşe Yılmaz", "ayse yilmaz"),
        ("João Gonçalves", "joao goncalves"),
        ("Straße  12\u202f500", "strasse 12 500"),
    ],
)
def test_fold_examples(recorded: str, folded: str) -> None:
    assert fold(recorded) == folded


def test_apostrophes_are_indexed_joined_and_split() -> None:
    assert search_terms("L'Oréal Plasturgie") == "l oreal plasturgie loreal"


def test_user_operators_are_quoted() -> None:
    assert fts_query('coeur AND "x" NEAR*') == '"coeur"* "and"* "x"* "near"*'
    assert fts_query("  ’ - ") is None


@given(st.text())
def test_fold_is_idempotent_ascii_and_word_by_word(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip() and "  " not in folded
    assert all(ch.isascii() and (ch.isalnum() or ch == " ") for ch in folded)
    words = text.split()
    assert folded == " ".join(w for w in (fold(w) for w in words) if w)
