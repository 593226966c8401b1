"""Texts on the documents: escaping for reportlab's markup, French formats and words."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from xml.sax.saxutils import escape

from resilian_desktop.domain.vocab import LABELS_FR

NNBSP = "\u202f"  # narrow no-break space: "14 h 30", "60 %", « guillemets »
DASH = "—"

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS_SHORT = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)

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


def date_fr(value: dt.date | None, empty: str = DASH) -> str:
    """dd/mm/yyyy, or *empty*."""
    return value.strftime("%d/%m/%Y") if value else empty


def long_date_fr(value: dt.date) -> str:
    """ "mardi 17/11/2026"."""
    return f"{WEEKDAYS[value.weekday()]} {date_fr(value)}"


def time_fr(value: dt.time) -> str:
    """ "9 h 30", "14 h 00" with narrow no-break spaces."""
    return f"{value.hour}{NNBSP}h{NNBSP}{value.minute:02d}"


def time_range_fr(start: dt.time | None, end: dt.time | None) -> str:
    """ "9 h 00 – 12 h 30", "à partir de 9 h 00", or an empty string."""
    if start and end:
        return f"{time_fr(start)} – {time_fr(end)}"
    if start:
        return f"à partir de {time_fr(start)}"
    if end:
        return f"jusqu'à {time_fr(end)}"
    return ""


def percent_fr(value: int) -> str:
    """ "60 %" with a narrow no-break space, as French typography has it."""
    return f"{value}{NNBSP}%"


def label(vocabulary: type[StrEnum], code: str | None) -> str:
    """The French word for *code* of *vocabulary*; an unknown code is shown as is."""
    if not code:
        return ""
    try:
        return LABELS_FR.get(vocabulary(code), code)
    except ValueError:
        return code


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 action", "3 actions", "0 action" (French: zero takes the singular)."""
    word = singular if count <= 1 else (plural_form or singular + "s")
    return f"{count} {word}"
