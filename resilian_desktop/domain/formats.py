"""One way to write each kind of value, in French or in English.

Lists, forms, documents and messages all format through these functions, so a
date, a headcount or a file size reads the same everywhere. The application
speaks exactly two languages and the rules are few; they are written here
because French typography wants what Babel's patterns do not give ("1er
février", "9 h 30"), and because lists format thousands of cells per second.

French typography: narrow no-break space (U+202F) as thousands separator and
before "%", "h" in times ("9 h 30"), a decimal comma. The PDF font (DejaVu Sans)
has the glyph; openpyxl and Qt show it as a thin space.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

Language = Literal["fr", "en"]

NNBSP = "\u202f"  # narrow no-break space
EM_DASH = "—"

_WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
_MONTHS_SHORT = {
    "fr": (
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
    ),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def month_name(month: int, lang: Language = "fr", *, short: bool = False) -> str:
    """ "janvier" / "January" (month 1-12); *short*: "janv." / "Jan"."""
    return (_MONTHS_SHORT if short else _MONTHS)[lang][month - 1]


def weekday_name(value: dt.date, lang: Language = "fr") -> str:
    """ "jeudi" / "Thursday"."""
    return _WEEKDAYS[lang][value.weekday()]


def short_date(value: dt.date | None, lang: Language = "fr", empty: str = "") -> str:
    """ "14/01/2027" in both languages (the agency's English readers are European)."""
    if value is None:
        return empty
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def long_date(value: dt.date, lang: Language = "fr") -> str:
    """ "jeudi 14 janvier 2027" / "Thursday 14 January 2027"."""
    day = "1er" if lang == "fr" and value.day == 1 else str(value.day)
    return f"{weekday_name(value, lang)} {day} {month_name(value.month, lang)} {value.year}"


def time_of_day(value: dt.time, lang: Language = "fr") -> str:
    """ "9 h 00" / "9:00"."""
    if lang == "fr":
        return f"{value.hour}{NNBSP}h{NNBSP}{value.minute:02d}"
    return f"{value.hour}:{value.minute:02d}"


def time_range(start: dt.time | None, end: dt.time | None, lang: Language = "fr") -> str:
    """ "9 h 00 – 16 h 30", "à partir de 9 h 00", "jusqu'à 12 h 00", or ""."""
    if start and end:
        return f"{time_of_day(start, lang)} – {time_of_day(end, lang)}"
    if start:
        prefix = "à partir de" if lang == "fr" else "from"
        return f"{prefix} {time_of_day(start, lang)}"
    if end:
        prefix = "jusqu'à" if lang == "fr" else "until"
        return f"{prefix} {time_of_day(end, lang)}"
    return ""


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(parts)


def integer(value: int, lang: Language = "fr") -> str:
    """ "1 200" (narrow no-break space) / "1,200"; "-1 200" for negatives."""
    sign = "-" if value < 0 else ""
    return sign + _group(str(abs(value)), NNBSP if lang == "fr" else ",")


def decimal(value: float, digits: int = 1, lang: Language = "fr") -> str:
    """ "0,9" / "0.9", "1 234,5" / "1,234.5": *digits* after the decimal mark."""
    text = f"{abs(value):.{digits}f}"
    whole, _, fraction = text.partition(".")
    sign = "-" if value < 0 and float(text) != 0 else ""
    grouped = _group(whole, NNBSP if lang == "fr" else ",")
    if not fraction:
        return sign + grouped
    return f"{sign}{grouped}{',' if lang == 'fr' else '.'}{fraction}"


def percent(value: float, lang: Language = "fr", digits: int = 0) -> str:
    """ "100 %" / "100%" (*value* is already in percent)."""
    number = integer(round(value), lang) if digits == 0 else decimal(value, digits, lang)
    return f"{number}{NNBSP}%" if lang == "fr" else f"{number}%"


def money(value: float, lang: Language = "fr") -> str:
    """ "1 200,00 €" / "€1,200.00"."""
    amount = decimal(value, 2, lang)
    if lang == "fr":
        return f"{amount}{NNBSP}€"
    return f"-€{amount[1:]}" if amount.startswith("-") else f"€{amount}"


_SIZE_UNITS = {"fr": ("octets", "ko", "Mo", "Go", "To"), "en": ("bytes", "kB", "MB", "GB", "TB")}


def file_size(size: int, lang: Language = "fr") -> str:
    """ "0,9 Mo" / "0.9 MB": decimal units (what file managers show), one decimal.

    Below 1 kB the exact count: "512 octets" / "512 bytes".
    """
    units = _SIZE_UNITS[lang]
    if size < 1000:
        return f"{integer(size, lang)} {units[0]}"
    value = size / 1000
    unit = 1
    while value >= 1000 and unit < len(units) - 1:
        value /= 1000
        unit += 1
    # 0.9 MB reads better than 900 kB for anything above half the next unit.
    if value >= 500 and unit < len(units) - 1:
        value /= 1000
        unit += 1
    return f"{decimal(value, 1, lang)}{NNBSP if lang == 'fr' else ' '}{units[unit]}"


def contact_name(first_name: str | None, last_name: str | None) -> str:
    """A person as everyone writes them in a sentence or a list: "Élise Muller".

    One order everywhere (first name, then last name); lists sort on the last
    name through the sort key, not by writing the name backwards.
    """
    return " ".join(part.strip() for part in (first_name, last_name) if part and part.strip())


def siret(value: str | None) -> str:
    """ "732 829 320 00074": SIREN in groups of three, then the establishment's five digits.

    Anything that is not 14 digits is shown as stored.
    """
    if not value:
        return ""
    if len(value) == 14 and value.isdigit():
        return f"{value[:3]} {value[3:6]} {value[6:9]} {value[9:]}"
    if len(value) == 9 and value.isdigit():
        return f"{value[:3]} {value[3:6]} {value[6:]}"
    return value


def count(value: int, singular: str, plural: str, lang: Language = "fr") -> str:
    """ "1 action", "3 actions"; zero takes the singular in French ("0 action"), not in English.

    For the Qt-free layers (documents, command line); the window uses Qt's
    numerus forms through tr(..., n).
    """
    one = value <= 1 if lang == "fr" else value == 1
    return f"{integer(value, lang)} {singular if one else plural}"
