"""French public holidays, computed for any year (never a fixed list).

The national ones (Code du travail, L3133-1): 1 January, Easter Monday, 1 May,
8 May, Ascension Thursday, Whit Monday, 14 July, 15 August, 1 November,
11 November, 25 December. The network is in Alsace, where the local law of
Alsace-Moselle (L3134-13) adds Good Friday and 26 December: they are included
unless ``alsace_moselle=False``.

Easter Sunday comes from the Gregorian computus (the "anonymous Gregorian
algorithm" of Meeus and Jones, Butcher), valid for every Gregorian year.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

# code -> (French, English): what a check prints about a day.
HOLIDAY_NAMES = {
    "new_year": ("Jour de l'an", "New Year's Day"),
    "good_friday": ("Vendredi saint", "Good Friday"),
    "easter_monday": ("Lundi de Pâques", "Easter Monday"),
    "labour_day": ("Fête du Travail", "Labour Day"),
    "victory_day": ("Victoire 1945", "Victory in Europe Day"),
    "ascension": ("Ascension", "Ascension Day"),
    "whit_monday": ("Lundi de Pentecôte", "Whit Monday"),
    "national_day": ("Fête nationale", "Bastille Day"),
    "assumption": ("Assomption", "Assumption Day"),
    "all_saints": ("Toussaint", "All Saints' Day"),
    "armistice": ("Armistice 1918", "Armistice Day"),
    "christmas": ("Noël", "Christmas Day"),
    "st_stephen": ("Saint-Étienne", "St Stephen's Day"),
}
ALSACE_MOSELLE_ONLY = ("good_friday", "st_stephen")


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of a Gregorian *year* (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@cache
def public_holidays(year: int, *, alsace_moselle: bool = True) -> dict[dt.date, str]:
    """The public holidays of *year*: date -> code (a key of HOLIDAY_NAMES)."""
    easter = easter_sunday(year)
    days = (
        (dt.date(year, 1, 1), "new_year"),
        (easter - dt.timedelta(days=2), "good_friday"),
        (easter + dt.timedelta(days=1), "easter_monday"),
        (dt.date(year, 5, 1), "labour_day"),
        (dt.date(year, 5, 8), "victory_day"),
        (easter + dt.timedelta(days=39), "ascension"),
        (easter + dt.timedelta(days=50), "whit_monday"),
        (dt.date(year, 7, 14), "national_day"),
        (dt.date(year, 8, 15), "assumption"),
        (dt.date(year, 11, 1), "all_saints"),
        (dt.date(year, 11, 11), "armistice"),
        (dt.date(year, 12, 25), "christmas"),
        (dt.date(year, 12, 26), "st_stephen"),
    )
    # Ascension can fall on 1 or 8 May (2008): the first code stays, a holiday either way.
    result: dict[dt.date, str] = {}
    for day, code in days:
        if alsace_moselle or code not in ALSACE_MOSELLE_ONLY:
            result.setdefault(day, code)
    return result


def holiday_of(day: dt.date, *, alsace_moselle: bool = True) -> str | None:
    """The code of the public holiday on *day*, or None on an ordinary day."""
    return public_holidays(day.year, alsace_moselle=alsace_moselle).get(day)


def is_weekend(day: dt.date) -> bool:
    return day.weekday() >= 5
