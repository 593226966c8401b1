"""Normalisation and validation of single field values.

Every function takes raw input as it arrives from a form or a spreadsheet cell
(``str`` with stray spaces, ``int``, ``float``, ``None``) and returns the value
to store, or raises :class:`ValidationError` naming the field, a stable code and
a short English sentence quoting the offending value.

Empty input (``None``, ``""``, whitespace, a float NaN as spreadsheet readers
produce for empty cells) gives ``None``: whether a field is required is decided
by the caller, except in :func:`require_text`.

The functions are idempotent: feeding a returned value back in returns it
unchanged, so data can be re-validated at any layer without drifting.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeGuard

import email_validator
import phonenumbers
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

from resilian_desktop.domain.errors import ValidationError

__all__ = [
    "check_date_order",
    "is_blank",
    "normalise_capacity",
    "normalise_email",
    "normalise_headcount",
    "normalise_naf",
    "normalise_phone",
    "normalise_postcode",
    "normalise_progress",
    "normalise_siren",
    "normalise_siret",
    "normalise_website",
    "optional_text",
    "parse_date",
    "parse_time",
    "require_text",
    "siren_of_siret",
]

# Longest excerpt of an offending value quoted in a message: enough to
# recognise it, short enough for a status bar or a log line.
_SHOWN_CHARS = 60
# Integers beyond this many bits are never valid for any field here; refusing
# to turn them into text avoids Python's int-to-str digit limit (ValueError).
_MAX_INT_BITS = 1000

# Invisible characters pasted from word processors and web pages; they are not
# category Cc, so they are listed by hand.  U+200D (zero-width joiner) is kept
# because emoji sequences need it.
_INVISIBLE = frozenset({"\u00ad", "\u200b", "\u2060", "\ufeff"})

_ASCII_DIGITS = re.compile(r"[0-9]+")


# --------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------


def is_blank(value: object) -> bool:
    """Whether a value means "nothing given", the same for a form and a spreadsheet.

    ``None``, an empty or whitespace-only string, and the float NaN that some
    spreadsheet readers give for an empty numeric cell.
    """
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    # pandas and some CSV readers give NaN for an empty numeric cell.
    return isinstance(value, float) and math.isnan(value)


def _show(value: object) -> str:
    """The value as quoted in a message: trimmed, shortened, controls escaped."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return '"<a very large number>"'
    text = str(value).strip()
    if len(text) > _SHOWN_CHARS:
        text = text[: _SHOWN_CHARS - 1] + "…"
    text = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)
    return f'"{text}"'


def _error(field: str, code: str, message: str) -> ValidationError:
    return ValidationError.single(field, code, message)


def _number_digits(value: int | float) -> str | None:
    """Decimal digits of a non-negative whole number, else ``None``.

    Spreadsheets store identifiers typed without quotes as numbers, floats
    included (``12345678900012.0``); only exact whole values are accepted.
    """
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer() or value < 0:
            return None
        value = int(value)
    if value < 0 or value.bit_length() > _MAX_INT_BITS:
        return None
    return str(value)


def _is_number(value: object) -> TypeGuard[int | float]:
    # bool is an int subclass, but True is never a meaningful cell value here.
    return isinstance(value, int | float) and not isinstance(value, bool)


# --------------------------------------------------------------------------
# SIREN, SIRET, NAF
# --------------------------------------------------------------------------


# A number cell drops an identifier's leading zeros, and a CSV written from
# such a cell keeps the shortened digits as text. SIRENs beginning with "00"
# exist, so up to two zeros are restored, for numbers and digit strings alike.
_RESTORED_ZEROS = 2


def _identifier_digits(
    value: object,
    *,
    label: str,
    field: str,
    length: int,
    prefix: str,
    is_valid: Callable[[str], bool],
) -> str | None:
    """Digits of a SIREN/SIRET candidate, with format and length checked.

    Digits one or two short get their leading zeros back (see _RESTORED_ZEROS).
    Luhn ignores leading zeros, so the restored number is valid exactly when
    the digits given are: restoring never turns a wrong number into a right one,
    and digits that stay wrong once restored are reported as too short.
    """
    if is_blank(value):
        return None
    if _is_number(value):
        digits = _number_digits(value)
        if digits is None:
            raise _error(field, f"{prefix}_format", f"{label} {_show(value)} is not a number")
    elif isinstance(value, str):
        # Separators people type or paste: spaces (including no-break ones) and dots.
        digits = re.sub(r"[\s.]", "", value)
        if not _ASCII_DIGITS.fullmatch(digits):
            raise _error(
                field,
                f"{prefix}_format",
                f"{label} {_show(value)} must contain only digits",
            )
    else:
        raise _error(field, f"{prefix}_format", f"{label} {_show(value)} is not a number")
    lost_zeros = length - _RESTORED_ZEROS <= len(digits) < length and digits[0] != "0"
    if lost_zeros and is_valid(digits.zfill(length)):
        digits = digits.zfill(length)
    if len(digits) != length:
        raise _error(
            field,
            f"{prefix}_length",
            f"{label} {_show(value)} must have {length} digits (it has {len(digits)})",
        )
    return digits


def normalise_siren(value: object, *, field: str = "siren") -> str | None:
    """Return the 9-digit SIREN, or ``None`` when empty.

    Accepts spaces, dots, no-break spaces and numbers (up to two leading zeros
    lost by a numeric cell are restored). Codes: ``siren_format``, ``siren_length``,
    ``siren_checksum``.
    """
    digits = _identifier_digits(
        value, label="SIREN", field=field, length=9, prefix="siren", is_valid=stdnum_siren.is_valid
    )
    if digits is None:
        return None
    if not stdnum_siren.is_valid(digits):
        raise _error(
            field,
            "siren_checksum",
            f"SIREN {_show(value)} is not valid (its check digit is wrong)",
        )
    return digits


def normalise_siret(value: object, *, field: str = "siret") -> str | None:
    """Return the 14-digit SIRET, or ``None`` when empty.

    The check is python-stdnum's: Luhn on all 14 digits *and* on the SIREN
    part (first 9 digits), except for La Poste (SIREN 356000000) whose
    establishments only need a digit sum that is a multiple of 5. Accepts
    spaces, dots, no-break spaces, ints and whole floats; up to two leading
    zeros lost by a numeric cell are restored. Codes:
    ``siret_format``, ``siret_length``, ``siret_checksum``.
    """
    digits = _identifier_digits(
        value, label="SIRET", field=field, length=14, prefix="siret", is_valid=stdnum_siret.is_valid
    )
    if digits is None:
        return None
    if not stdnum_siret.is_valid(digits):
        if not stdnum_siren.is_valid(digits[:9]):
            reason = f"its SIREN part {digits[:9]} has a wrong check digit"
        else:
            reason = "its check digit is wrong"
        raise _error(field, "siret_checksum", f"SIRET {_show(value)} is not valid ({reason})")
    return digits


def siren_of_siret(siret: str) -> str:
    """Return the SIREN (first 9 digits) of a SIRET, validating the SIRET first.

    Raises :class:`ValidationError` on field ``siret`` when the SIRET is empty
    (code ``required``) or invalid.
    """
    digits = normalise_siret(siret)
    if digits is None:
        raise _error("siret", "required", "A SIRET is required to find its SIREN")
    return digits[:9]


_NAF = re.compile(r"([0-9]{2})\.?([0-9]{2})([A-Za-z])")


def normalise_naf(value: object, *, field: str = "naf_code") -> str | None:
    """Return a NAF/APE rev. 2 code as ``"25.62A"``, or ``None`` when empty.

    Accepts ``"2562A"``, ``"25.62a"``, ``"25 62 A"``. Code ``naf_format``.
    """
    if is_blank(value):
        return None
    match = _NAF.fullmatch(re.sub(r"\s", "", value)) if isinstance(value, str) else None
    if match is None:
        raise _error(
            field,
            "naf_format",
            f'NAF code {_show(value)} must look like "25.62A" (4 digits and a letter)',
        )
    return f"{match[1]}.{match[2]}{match[3].upper()}"


# --------------------------------------------------------------------------
# Postcode
# --------------------------------------------------------------------------

_FOREIGN_POSTCODE = re.compile(r"[A-Z0-9][A-Z0-9 -]*[A-Z0-9]")


def normalise_postcode(
    value: object, *, country: str = "FR", field: str = "postcode"
) -> str | None:
    """Return a postcode, or ``None`` when empty.

    France (``country`` ``"FR"``, case-insensitive, or empty): exactly 5 digits
    whose first two are 01-95 (metropolitan) or 97/98 (overseas, Monaco); a
    4-digit value, as a spreadsheet that dropped the leading zero gives, is
    padded (``1000`` -> ``"01000"``). Other countries: 2 to 10 letters, digits,
    spaces or hyphens, upper-cased. Code ``postcode_format``.
    """
    if is_blank(value):
        return None
    is_french = (country or "FR").strip().upper() == "FR"
    if _is_number(value):
        text = _number_digits(value)
    elif isinstance(value, str):
        text = value
    else:
        text = None
    if text is None:
        raise _error(field, "postcode_format", f"Postcode {_show(value)} is not a postcode")

    if is_french:
        digits = re.sub(r"\s", "", text)
        if _ASCII_DIGITS.fullmatch(digits) and len(digits) == 4:
            digits = "0" + digits
        if (
            not _ASCII_DIGITS.fullmatch(digits)
            or len(digits) != 5
            or not ("01" <= digits[:2] <= "95" or digits[:2] in ("97", "98"))
        ):
            raise _error(
                field,
                "postcode_format",
                f"Postcode {_show(value)} must be 5 digits for France, like 67000",
            )
        return digits

    code = " ".join(text.split()).upper()
    if not (2 <= len(code) <= 10 and _FOREIGN_POSTCODE.fullmatch(code)):
        raise _error(
            field,
            "postcode_format",
            f"Postcode {_show(value)} must be 2 to 10 letters, digits, spaces or hyphens",
        )
    return code


# --------------------------------------------------------------------------
# E-mail, phone, website
# --------------------------------------------------------------------------


def _is_domain_label(label: str) -> bool:
    """One dot-separated part of a host name, internationalised letters allowed."""
    if not 1 <= len(label) <= 63 or not label[0].isalnum() or label[-1] == "-":
        return False
    # Combining marks (category M*) occur in many scripts, and "İ".lower() yields one.
    return all(
        ch.isalnum() or ch == "-" or unicodedata.category(ch).startswith("M") for ch in label
    )


def _is_domain(host: str) -> bool:
    labels = host.split(".")
    # An all-digit last label would be an IP address, not a domain name.
    return len(labels) >= 2 and all(map(_is_domain_label, labels)) and not labels[-1].isdigit()


def normalise_email(value: object, *, field: str = "email") -> str | None:
    """Return the e-mail address as email-validator normalises it, or ``None``.

    The rules are email-validator's (RFC 5321/5322 and internationalised
    addresses, without any network look-up): the domain is lower-cased and
    Unicode NFC-normalised, the local part keeps its case (it is
    case-sensitive in principle). Code ``email_format``; the message gives
    the library's reason.
    """
    if is_blank(value):
        return None

    def fail(reason: str) -> ValidationError:
        return _error(field, "email_format", f"Email address {_show(value)} {reason}")

    if not isinstance(value, str):
        raise fail("is not an e-mail address")
    text = value.strip()
    # The most common slip, said plainly rather than in the library's words.
    if "@" not in text:
        raise fail("must contain @")
    try:
        checked = email_validator.validate_email(
            # strict: also the 64-character limit of the part before @ (RFC 5321).
            text,
            check_deliverability=False,
            allow_quoted_local=False,
            strict=True,
        )
    except email_validator.EmailNotValidError as error:
        raise fail(f"is not valid: {error}") from None
    address: str = checked.normalized
    return address


# Google's phone number rules (phonenumbers); France is the default country.
_DEFAULT_REGION = "FR"
_PHONE_ALLOWED = re.compile(r"\+?[0-9\s().\-/]*")
_PHONE_SEPARATORS = re.compile(r"[\s().\-/]+")


def normalise_phone(value: object, *, field: str = "phone") -> str | None:
    """Return a phone number for display, or ``None`` when empty.

    The number must be valid by Google's rules for its country (the
    phonenumbers library), France being the country of a number written
    without ``+`` or ``00``. French numbers are shown in the national format
    (``0388123456``, ``+33 (0)3 88 12 34 56``, ``0033388123456`` all give
    ``"03 88 12 34 56"``), others in the international format
    (``"+49 7221 123456"``). A number cell of a spreadsheet loses the leading
    zero (``388123456``) or the ``+`` (``33388123456``): both are restored.
    A French number typed as text must keep its leading zero. Code
    ``phone_format``.
    """
    if is_blank(value):
        return None

    def fail(reason: str) -> ValidationError:
        return _error(field, "phone_format", f"Phone number {_show(value)} {reason}")

    if _is_number(value):
        digits = _number_digits(value)
        if digits is None:
            raise fail("is not a phone number")
        # A number cell dropped the trunk zero, or the "+" of "+33...".
        text = "+" + digits if len(digits) == 11 and digits.startswith("33") else "0" + digits
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise fail("is not a phone number")
    if not _PHONE_ALLOWED.fullmatch(text) or not text.strip("+"):
        raise fail("may contain only digits, spaces, dots, hyphens, brackets and a leading +")
    if not text.startswith(("+", "00")) and not _PHONE_SEPARATORS.sub("", text).startswith("0"):
        raise fail("must start with 0, or with + and a country code, like 03 88 12 34 56")
    try:
        number = phonenumbers.parse(text, _DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        raise fail("is not a phone number") from None
    if not phonenumbers.is_valid_number(number):
        raise fail("is not a valid number for its country")
    region = phonenumbers.region_code_for_number(number)
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if region == _DEFAULT_REGION
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    shown: str = phonenumbers.format_number(number, style)
    return shown


_URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*)://")
_MAX_URL_LENGTH = 2000


def normalise_website(value: object, *, field: str = "website") -> str | None:
    """Return the website URL, with ``https://`` added when no scheme is given.

    Only ``http`` and ``https`` are accepted; scheme and host are lower-cased,
    the path is kept as typed. Rejects spaces and hosts without a dot. Code
    ``website_format``.
    """
    if is_blank(value):
        return None

    def fail(reason: str) -> ValidationError:
        return _error(field, "website_format", f"Website {_show(value)} {reason}")

    if not isinstance(value, str):
        raise fail("is not a web address")
    text = value.strip()
    if any(ch.isspace() for ch in text):
        raise fail("must not contain spaces")
    scheme_match = _URL_SCHEME.match(text)
    if scheme_match is None:
        scheme, rest = "https", text
    else:
        scheme, rest = scheme_match[1].lower(), text[scheme_match.end() :]
        if scheme not in ("http", "https"):
            raise fail("must start with http:// or https://")
    authority = re.match(r"[^/?#]*", rest)
    assert authority is not None  # the pattern matches the empty string
    tail = rest[authority.end() :]
    host, colon, port = authority[0].partition(":")
    host = unicodedata.normalize("NFC", host.lower())
    if colon and not re.fullmatch(r"[0-9]{1,5}", port):
        raise fail("has an invalid port number")
    if "." not in host:
        raise fail("must have a domain name with a dot, like example.fr")
    if not _is_domain(host):
        raise fail("has an invalid domain name")
    if not tail.isprintable():
        raise fail("contains invisible characters")
    url = f"{scheme}://{host}{colon}{port}{tail}"
    if len(url) > _MAX_URL_LENGTH:
        raise fail(f"is too long ({len(url)} characters, at most {_MAX_URL_LENGTH})")
    return url


# --------------------------------------------------------------------------
# Free text
# --------------------------------------------------------------------------


def _is_removed(ch: str) -> bool:
    # Cc: control characters; Cs: lone surrogates, which SQLite cannot encode.
    return ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cs")


def _single_line(text: str) -> str:
    kept = "".join(
        " " if ch.isspace() else ch for ch in text if ch.isspace() or not _is_removed(ch)
    )
    # NFC after removal: removing a character can leave a decomposable pair.
    return " ".join(unicodedata.normalize("NFC", kept).split())


def _multi_line(text: str) -> str:
    # splitlines() understands \r\n, \r, \v, \f, U+2028 and U+2029 as line breaks.
    lines = [
        unicodedata.normalize(
            "NFC", "".join(ch for ch in line if ch == "\t" or not _is_removed(ch))
        ).rstrip()
        for line in text.splitlines()
    ]
    return "\n".join(lines).strip()


def _as_text(value: object) -> str | None:
    """The text of a form or cell value; ``None`` for an absurdly large integer."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a cell typed 2024 comes back as 2024.0
    if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:
        return None
    return str(value)


def _check_length(text: str, value: object, field: str, max_length: int) -> str:
    if len(text) > max_length:
        raise _error(
            field,
            "too_long",
            f"Text {_show(value)} is too long ({len(text)} characters, at most {max_length})",
        )
    return text


def require_text(value: object, *, field: str, max_length: int = 200) -> str:
    """Return single-line text, trimmed, with whitespace runs collapsed to one space.

    Control and invisible characters are removed and Unicode is NFC-normalised.
    Codes: ``required`` when nothing is left, ``too_long`` beyond ``max_length``.
    """
    text = optional_text(value, field=field, max_length=max_length)
    if text is None:
        raise _error(field, "required", f"A value is required for {field}")
    return text


def optional_text(
    value: object, *, field: str, max_length: int | None = None, multiline: bool = False
) -> str | None:
    """Like :func:`require_text` but return ``None`` when nothing is left.

    With ``multiline=True`` newlines are kept (``\\r\\n`` and ``\\r`` become
    ``\\n``), tabs and spaces inside a line are kept as typed (indented lists),
    trailing spaces of each line and whitespace around the whole text are
    dropped. ``max_length`` defaults to 200, or 20000 when ``multiline``.
    """
    if is_blank(value):
        return None
    if max_length is None:
        max_length = 20000 if multiline else 200
    raw = _as_text(value)
    if raw is None:
        raise _error(field, "too_long", f"Text {_show(value)} is too long")
    text = _multi_line(raw) if multiline else _single_line(raw)
    if not text:
        return None
    return _check_length(text, value, field, max_length)


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------

# Far above any real employer; keeps values inside SQLite's 64-bit integers.
_MAX_HEADCOUNT = 10_000_000
_GROUPED_THOUSANDS = re.compile(r"[0-9]{1,3}(?: [0-9]{3})+")


def normalise_headcount(value: object, *, field: str = "headcount") -> int | None:
    """Return a number of people (0 to 10 000 000), or ``None`` when empty.

    Accepts ``"1500"``, ``"1 500"`` (any kind of space between thousands),
    ``1500`` and ``1500.0``. Rejects fractions, negatives and ``"1.500"`` /
    ``"1,500"`` (ambiguous between French and English). Code
    ``headcount_format``.
    """
    if is_blank(value):
        return None
    number: int | None = None
    if _is_number(value):
        digits = _number_digits(value)
        number = None if digits is None else int(digits)
    elif isinstance(value, str):
        text = " ".join(value.split())
        if _ASCII_DIGITS.fullmatch(text) or _GROUPED_THOUSANDS.fullmatch(text):
            number = int(text.replace(" ", ""))
    if number is None or number > _MAX_HEADCOUNT:
        raise _error(
            field,
            "headcount_format",
            f"Headcount {_show(value)} must be a whole number from 0 to 10 000 000",
        )
    return number


# A room for a hundred thousand is a stadium; beyond that a capacity is a typing mistake.
_MAX_CAPACITY = 100_000


def normalise_capacity(value: object, *, field: str = "venue_capacity") -> int | None:
    """Return how many people a room holds (1 to 100 000), or ``None`` when empty.

    Read as a headcount is read (``"120"``, ``"1 200"``, ``120.0``). Code
    ``capacity_format``.
    """
    try:
        number = normalise_headcount(value, field=field)
    except ValidationError:
        number = 0
    if number is not None and not 0 < number <= _MAX_CAPACITY:
        raise _error(
            field,
            "capacity_format",
            f"Capacity {_show(value)} must be a whole number from 1 to 100 000",
        )
    return number


_PERCENT = re.compile(r"([0-9]+)(?:[.,]([0-9]+))?(%?)")


def normalise_progress(value: object, *, field: str = "progress") -> int:
    """Return a progress percentage from 0 to 100; empty input gives 0.

    Accepts ``50``, ``"50"``, ``"50 %"``, ``"12,5%"`` (rounded half up). A
    float from 0.0 to 1.0 inclusive is a spreadsheet percentage cell, so
    ``0.5`` and ``1.0`` mean 50 % and 100 %, while the int ``1`` means 1 %. A
    decimal string without ``%`` follows the float rule. Code ``progress_range``.
    """
    if is_blank(value):
        return 0
    amount: Decimal | None = None
    if isinstance(value, float):
        if math.isfinite(value):
            # repr() gives the shortest exact decimal, so 0.285 is 28.5 and not 28.4999.
            amount = Decimal(repr(value))
            if 0 <= amount <= 1:
                amount *= 100
    elif isinstance(value, int) and not isinstance(value, bool):
        amount = Decimal(value)
    elif isinstance(value, str):
        match = _PERCENT.fullmatch(re.sub(r"\s", "", value))
        if match is not None:
            whole, fraction, percent_sign = match.groups()
            amount = Decimal(f"{whole}.{fraction}" if fraction else whole)
            if not percent_sign and fraction is not None and amount <= 1:
                amount *= 100
    # Range first: quantize() fails on numbers wider than the decimal precision.
    if amount is None or not 0 <= amount < Decimal("100.5"):
        raise _error(
            field,
            "progress_range",
            f"Progress {_show(value)} must be a percentage from 0 to 100",
        )
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --------------------------------------------------------------------------
# Dates and times
# --------------------------------------------------------------------------

_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_EXCEL_SERIAL_MIN = 20000  # 1954-10-03
_EXCEL_SERIAL_MAX = 80000  # 2119-01-11
# A time part that spreadsheets append when a date is exported as text; ignored.
_TIME_SUFFIX = r"(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
_DMY = re.compile(r"([0-9]{1,2})([/.\-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})" + _TIME_SUFFIX)
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})" + _TIME_SUFFIX)


def check_date_order(
    start: datetime.date | datetime.time | None,
    end: datetime.date | datetime.time | None,
    *,
    start_field: str,
    end_field: str,
) -> None:
    """Raise ``end_before_start`` on ``end_field`` when ``end`` is before ``start``.

    Both values are dates or both are times; when either is ``None`` there is
    nothing to check. Equal values are accepted.
    """
    if start is None or end is None:
        return
    # datetime is a date subclass but does not compare with a plain date.
    if isinstance(start, datetime.datetime) != isinstance(end, datetime.datetime):
        if isinstance(start, datetime.datetime):
            start = start.date()
        if isinstance(end, datetime.datetime):
            end = end.date()
    if isinstance(start, datetime.time) or isinstance(end, datetime.time):
        if not (isinstance(start, datetime.time) and isinstance(end, datetime.time)):
            raise TypeError(f"cannot compare {type(start).__name__} with {type(end).__name__}")
        is_before = end < start
    else:
        is_before = end < start
    if is_before:
        raise _error(
            end_field,
            "end_before_start",
            f'End "{end.isoformat()}" is before start "{start.isoformat()}"',
        )


def parse_date(value: object, *, field: str = "date") -> datetime.date | None:
    """Return a date, or ``None`` when empty.

    Accepts ``date`` and ``datetime`` objects, ``dd/mm/yyyy`` and ``d/m/yyyy``
    with ``/``, ``-`` or ``.``, two-digit years (``dd/mm/yy`` -> 20yy), ISO
    ``yyyy-mm-dd`` (a trailing time is ignored) and Excel serial numbers from
    20000 to 80000 (days since 1899-12-30). Code ``date_format``.
    """
    if is_blank(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value

    def fail() -> ValidationError:
        return _error(
            field,
            "date_format",
            f"Date {_show(value)} is not a valid date (expected dd/mm/yyyy)",
        )

    if _is_number(value):
        if not _EXCEL_SERIAL_MIN <= value <= _EXCEL_SERIAL_MAX:
            raise fail()
        # The fractional part of a serial is the time of day.
        return _EXCEL_EPOCH + datetime.timedelta(days=math.floor(value))
    if not isinstance(value, str):
        raise fail()
    text = value.strip()
    if dmy := _DMY.fullmatch(text):
        day, month, year = int(dmy[1]), int(dmy[3]), dmy[4]
        full_year = 2000 + int(year) if len(year) == 2 else int(year)
    elif iso := _ISO_DATE.fullmatch(text):
        full_year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    else:
        raise fail()
    try:
        return datetime.date(full_year, month, day)
    except ValueError:  # 31/02, month 13, year 0
        raise fail() from None


_TIME_H = re.compile(r"([0-9]{1,2})\s*[hH]\s*(?:([0-9]{2}))?")
_TIME_COLON = re.compile(r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?")
_SECONDS_PER_DAY = 24 * 60 * 60


def parse_time(value: object, *, field: str = "time") -> datetime.time | None:
    """Return a time of day, or ``None`` when empty.

    Accepts ``time`` objects (and ``datetime``, whose time is taken),
    ``"9:00"``, ``"14:30:00"``, ``"09h00"``, ``"9h"``, ``"14h30"`` and an Excel
    fraction of a day (a number from 0 inclusive to 1 exclusive, rounded to
    the second). Code ``time_format``.
    """
    if is_blank(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.time()
    if isinstance(value, datetime.time):
        return value

    def fail() -> ValidationError:
        return _error(
            field,
            "time_format",
            f"Time {_show(value)} is not a valid time (expected 14:30 or 14h30)",
        )

    if _is_number(value):
        if not 0 <= value < 1:
            raise fail()
        seconds = round(value * _SECONDS_PER_DAY)
        if seconds >= _SECONDS_PER_DAY:  # 0.999995 and above would be 24:00:00
            raise fail()
        return datetime.time(seconds // 3600, seconds // 60 % 60, seconds % 60)
    if not isinstance(value, str):
        raise fail()
    text = value.strip()
    if match := _TIME_H.fullmatch(text):
        hour, minute, second = match[1], match[2], None
    elif match := _TIME_COLON.fullmatch(text):
        hour, minute, second = match[1], match[2], match[3]
    else:
        raise fail()
    try:
        return datetime.time(int(hour), int(minute or 0), int(second or 0))
    except ValueError:  # 25:00, 12:60
        raise fail() from None
