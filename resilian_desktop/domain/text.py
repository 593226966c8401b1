"""Text folding for accent-, case- and punctuation-insensitive search.

SQLite's unicode61 tokenizer removes accents but does not unfold ligatures
("Cœur" stays "cœur") and keeps "L'Oréal" as two tokens, so the search index
stores text folded here and queries are folded the same way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode decomposition leaves alone but a French user types
# without their mark.
_UNFOLDED = str.maketrans(
    {
        "œ": "oe",
        "Œ": "oe",
        "æ": "ae",
        "Æ": "ae",
        "ß": "ss",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ı": "i",
        "þ": "th",
    }
)
_APOSTROPHES = re.compile(r"['’ʼ‘`´]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces.

    "L'Œuvre Notre-Dame" gives "l oeuvre notre dame".
    """
    # Word by word through a cache: names, communes and job titles repeat, so
    # indexing a large network folds each distinct word once.
    return " ".join(filter(None, map(_fold_word, text.split())))


@lru_cache(maxsize=200_000)
def _fold_word(text: str) -> str:
    if text.isascii():  # most words, and every email and number: no accents to remove
        return _NON_WORD.sub(" ", text.lower()).strip()
    text = unicodedata.normalize("NFKD", text.translate(_UNFOLDED))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.translate(_UNFOLDED)  # casefold may have produced new ligature forms
    return _NON_WORD.sub(" ", _APOSTROPHES.sub(" ", text)).strip()


def contact_sort_name(last_name: str, first_name: str) -> str:
    """The key contacts sort and are matched on: folded last name, then first name."""
    return fold(f"{last_name} {first_name}")


def search_terms(text: str) -> str:
    """Folded text plus apostrophe-joined forms, for the search index.

    "L'Oréal" is indexed as "l oreal loreal" so that "loreal", "oreal" and
    "l'oreal" all find it.
    """
    folded = fold(text)
    if not _APOSTROPHES.search(text):
        return folded
    joined = [
        _fold_word(word).replace(" ", "") for word in text.split() if _APOSTROPHES.search(word)
    ]
    return " ".join([folded, *[j for j in joined if j]])


def fts_query(user_text: str) -> str | None:
    """An FTS5 MATCH expression: every folded word as a prefix, all required.

    Returns None when the text holds nothing searchable. Words are quoted, so
    FTS5 operators typed by the user (AND, NEAR, *, quotes) are plain text.
    """
    words = fold(user_text).split()
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)
