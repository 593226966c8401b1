"""Texts on the documents: escaping for reportlab's markup, French words for codes.

Dates, times and numbers are written by domain.formats, as everywhere else.
"""

from __future__ import annotations

import re
from enum import StrEnum
from xml.sax.saxutils import escape

from resilian_desktop.domain.vocab import LABELS_FR

# Characters XML 1.0 forbids; reportlab's parser stops on them. Tabs and
# line breaks are kept (line breaks become <br/>).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BULLET = re.compile(r"^\s*[-–—•*·]\s+")


def markup(value: str | None) -> str:
    """*value* as a Paragraph shows it exactly as typed.

    Every character that reportlab reads as markup is escaped ("R&D <Alsace>"
    prints as such, a typed "<b>" is not bold) and line breaks are kept.
    """
    if not value:
        return ""
    cleaned = _FORBIDDEN.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return escape(cleaned.replace("\t", " ")).replace("\n", "<br/>")


def plain(value: str | None) -> str:
    """*value* on one line, for a canvas string (never parsed as markup)."""
    if not value:
        return ""
    return " ".join(_FORBIDDEN.sub("", value).split())


def text_lines(value: str | None) -> list[tuple[bool, str]]:
    """The non-empty lines of a multi-line text, each with whether it is a bullet.

    "- item", "• item" and "* item" are bullets, their mark removed.
    """
    lines: list[tuple[bool, str]] = []
    for line in (value or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            continue
        bullet = _BULLET.match(line)
        lines.append((True, line[bullet.end() :].strip()) if bullet else (False, line.strip()))
    return lines


def label(vocabulary: type[StrEnum], code: str | None) -> str:
    """The French word for *code* of *vocabulary*; an unknown code is shown as is."""
    if not code:
        return ""
    try:
        return LABELS_FR.get(vocabulary(code), code)
    except ValueError:
        return code
