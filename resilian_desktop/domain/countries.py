"""Countries: ISO 3166 codes, and their names in French and English.

The names are CLDR's (through Babel), so "Allemagne", "Germany" and "DE" are
one country for a form and a spreadsheet alike. German names are known too:
the neighbours across the Rhine write "Deutschland" and "Schweiz".
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from resilian_desktop.domain.errors import ValidationError
from resilian_desktop.domain.text import fold
from resilian_desktop.domain.validation import is_blank

__all__ = ["country_name", "normalise_country"]

# Languages whose country names are recognised.
_LANGUAGES = ("fr", "en", "de")
# CLDR territories that are not countries: unions, zones, unknown and
# pseudo-regions.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"})
# Names people write that CLDR spells otherwise.
_ALIASES = {"uk": "GB", "usa": "US", "angleterre": "GB", "england": "GB"}


@cache
def _codes() -> frozenset[str]:
    territories = Locale("en").territories
    return frozenset(
        code
        for code in territories
        if isinstance(code, str)
        and len(code) == 2
        and code.isalpha()
        and code not in _NOT_COUNTRIES
    )


@cache
def _by_name() -> dict[str, str]:
    """Folded country name (any known language) -> ISO code."""
    names: dict[str, str] = {}
    codes = _codes()
    for language in reversed(_LANGUAGES):  # French wins a name shared with another language
        for code, name in Locale(language).territories.items():
            if code in codes and isinstance(name, str):
                names[fold(name)] = code
    names.update(_ALIASES)
    return names


def normalise_country(value: object, *, field: str = "country") -> str | None:
    """Return the ISO 3166 alpha-2 code of a country, or ``None`` when empty.

    Accepts a code in any case ("fr", "DE") or a name in French, English or
    German, accents and case ignored ("Allemagne", "germany", "Deutschland").
    Code ``country_format``: an unknown name is never cut to two letters
    ("Allemagne" is not "AL", Albania).
    """
    if is_blank(value):
        return None
    text = " ".join(str(value).split())
    code = text.upper()
    if code in _codes():
        return code
    found = _by_name().get(fold(text))
    if found is None:
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise ValidationError.single(
            field,
            "country_format",
            f'"{shown}" is not a country: give its name ("Allemagne") or its code (DE)',
        )
    return found


def country_name(code: str, language: str = "fr") -> str:
    """The name of a country in *language*; the code itself when unknown."""
    name = Locale(language).territories.get(code.upper())
    return name if isinstance(name, str) else code
