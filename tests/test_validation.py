"""Tests of resilian_desktop.domain.validation: example tables and properties."""

from __future__ import annotations

import contextlib
import datetime as dt
import unicodedata
from collections.abc import Callable
from functools import partial

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from stdnum.fr import siret

from resilian_desktop.domain import validation as v
from resilian_desktop.domain.errors import FieldProblem, ValidationError

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def luhn_check_digit(payload: str) -> str:
    """Check digit that makes ``payload + digit`` Luhn-valid (written here, not stdnum's)."""
    total = 0
    for position, char in enumerate(reversed(payload)):
        digit = int(char)
        # Once the check digit is appended, these positions are the doubled ones.
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str(-total % 10)


def luhn_is_valid(number: str) -> bool:
    return luhn_check_digit(number[:-1]) == number[-1]


def rejected(func: Callable[..., object], value: object, **kwargs: object) -> FieldProblem:
    """The single problem ``func(value, **kwargs)`` reports."""
    with pytest.raises(ValidationError) as caught:
        func(value, **kwargs)
    assert len(caught.value.problems) == 1
    return caught.value.problems[0]


def is_control(char: str) -> bool:
    """Characters free text must not keep: controls, lone surrogates, invisible ones."""
    return unicodedata.category(char) in ("Cc", "Cs") or char in "\u00ad\u200b\u2060\ufeff"


def digits(size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=size, max_size=size)


LA_POSTE_SIREN = "356000000"
LA_POSTE_HEAD_OFFICE = "35600000000048"

sirens = digits(8).map(lambda payload: payload + luhn_check_digit(payload))


def _siret_from(siren: str, nic_payload: str) -> str:
    payload = siren + nic_payload
    return payload + luhn_check_digit(payload)


# A real SIRET: a valid SIREN, 4 digits, and a check digit over all 13.
# La Poste numbers follow another rule and are tested separately.
sirets = st.builds(_siret_from, sirens, digits(4)).filter(
    lambda siret: not siret.startswith(LA_POSTE_SIREN)
)


def spaced_siret(siret: str, space: str = " ") -> str:
    return space.join((siret[0:3], siret[3:6], siret[6:9], siret[9:]))


# --------------------------------------------------------------------------
# SIRET
# --------------------------------------------------------------------------


def test_luhn_helper_agrees_with_known_numbers() -> None:
    assert luhn_is_valid("73282932000074")
    assert not luhn_is_valid("73282932000079")
    assert luhn_is_valid("732829320")


@given(sirets)
@example("73282932000074")
@example(_siret_from("012345674", "0001"))  # an int loses the leading zero
@example(_siret_from("000000018", "0001"))  # an int loses two zeros
def test_valid_siret_round_trips_in_every_form(siret: str) -> None:
    assert v.normalise_siret(siret) == siret
    assert v.normalise_siret(spaced_siret(siret)) == siret
    assert v.normalise_siret(f"  {spaced_siret(siret)} ") == siret
    assert v.normalise_siret(spaced_siret(siret, "\u00a0")) == siret
    assert v.normalise_siret(spaced_siret(siret, "\u202f")) == siret
    assert v.normalise_siret(spaced_siret(siret, ".")) == siret
    # A numeric cell drops leading zeros (a CSV written from it keeps the
    # shortened digits as text); up to two are restored, whatever the path.
    if not siret.startswith("000"):
        assert v.normalise_siret(int(siret)) == siret
        assert v.normalise_siret(float(int(siret))) == siret
        assert v.normalise_siret(str(int(siret))) == siret
    # Idempotent.
    assert v.normalise_siret(v.normalise_siret(siret)) == siret


@given(digits(13))
def test_thirteen_random_digits_plus_luhn_digit_need_a_valid_siren_part(payload: str) -> None:
    """stdnum checks the SIREN part too: Luhn over the 14 digits is not enough."""
    assume(not payload.startswith(LA_POSTE_SIREN))
    siret = payload + luhn_check_digit(payload)
    if luhn_is_valid(siret[:9]):
        assert v.normalise_siret(siret) == siret
    else:
        assert rejected(v.normalise_siret, siret).code == "siret_checksum"


def test_luhn_valid_siret_with_invalid_siren_part_is_rejected() -> None:
    problem = rejected(v.normalise_siret, "12345678000006")
    assert problem == FieldProblem(
        "siret",
        "siret_checksum",
        'SIRET "12345678000006" is not valid (its SIREN part 123456780 has a wrong check digit)',
    )


@given(sirets, st.integers(min_value=0, max_value=13), st.integers(min_value=1, max_value=9))
def test_any_single_digit_change_is_rejected(siret: str, position: int, shift: int) -> None:
    altered_digit = str((int(siret[position]) + shift) % 10)
    altered = siret[:position] + altered_digit + siret[position + 1 :]
    # The La Poste exception only checks the digit sum modulo 5.
    assume(not altered.startswith(LA_POSTE_SIREN))
    problem = rejected(v.normalise_siret, altered, field="head_office_siret")
    assert problem.field == "head_office_siret"
    assert problem.code == "siret_checksum"
    assert f'"{altered}"' in problem.message


def _restorable_siret(digits: str) -> bool:
    """One or two leading zeros lost by a number cell are given back when the
    result is a valid SIRET (the rule both the form and the import follow)."""
    return 12 <= len(digits) <= 13 and siret.is_valid(digits.zfill(14))


@given(
    st.text(alphabet="0123456789", min_size=1, max_size=30).filter(
        lambda s: len(s) != 14 and not _restorable_siret(s)
    )
)
def test_siret_of_wrong_length_is_rejected(number: str) -> None:
    problem = rejected(v.normalise_siret, number, field="siret_field")
    assert problem.field == "siret_field"
    assert problem.code == "siret_length"
    assert problem.message == f'SIRET "{number}" must have 14 digits (it has {len(number)})'


def test_siret_length_message_quotes_value_as_typed() -> None:
    assert rejected(v.normalise_siret, "123 456") == FieldProblem(
        "siret", "siret_length", 'SIRET "123 456" must have 14 digits (it has 6)'
    )


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("7328293200007A", "siret_format"),
        ("732-829-320-00074", "siret_format"),
        ("SIRET 73282932000074", "siret_format"),
        ("٧٣٢٨٢٩٣٢٠٠٠٠٧٤", "siret_format"),  # Arabic-Indic digits are not accepted
        (-73282932000074, "siret_format"),
        (73282932000074.5, "siret_format"),
        (True, "siret_format"),
        (123456789012, "siret_length"),  # 12 digits: only one lost zero is restored
        ("73282932000079", "siret_checksum"),
    ],
)
def test_siret_rejections(value: object, code: str) -> None:
    problem = rejected(v.normalise_siret, value)
    assert (problem.field, problem.code) == ("siret", code)


@pytest.mark.parametrize("empty", [None, "", "   ", "\u00a0", float("nan")])
def test_empty_siret_is_none(empty: object) -> None:
    assert v.normalise_siret(empty) is None
    assert v.normalise_siren(empty) is None


def test_la_poste_head_office_and_establishments() -> None:
    # Head office: an ordinary Luhn-valid SIRET.
    assert luhn_is_valid(LA_POSTE_HEAD_OFFICE)
    assert v.normalise_siret(LA_POSTE_HEAD_OFFICE) == LA_POSTE_HEAD_OFFICE
    # Establishments: not Luhn-valid, only the digit sum is a multiple of 5.
    assert not luhn_is_valid("35600000000001")
    assert v.normalise_siret("356 000 000 00001") == "35600000000001"
    assert rejected(v.normalise_siret, "35600000000005").code == "siret_checksum"
    # Which is why a single-digit change of 5 goes unnoticed there.
    assert v.normalise_siret("35600000000006") == "35600000000006"
    assert v.siren_of_siret("35600000000001") == LA_POSTE_SIREN


@given(digits(5))
def test_la_poste_rule_is_digit_sum_multiple_of_five(nic: str) -> None:
    siret = LA_POSTE_SIREN + nic
    expected_valid = siret == LA_POSTE_HEAD_OFFICE or sum(map(int, siret)) % 5 == 0
    if expected_valid:
        assert v.normalise_siret(siret) == siret
    else:
        assert rejected(v.normalise_siret, siret).code == "siret_checksum"


def test_siren_of_siret() -> None:
    assert v.siren_of_siret("732 829 320 00074") == "732829320"
    assert rejected(v.siren_of_siret, "73282932000079").code == "siret_checksum"
    assert rejected(v.siren_of_siret, "") == FieldProblem(
        "siret", "required", "A SIRET is required to find its SIREN"
    )


# --------------------------------------------------------------------------
# SIREN
# --------------------------------------------------------------------------


@given(sirens)
@example("732829320")
@example(LA_POSTE_SIREN)
def test_valid_siren_round_trips(siren: str) -> None:
    assert v.normalise_siren(siren) == siren
    assert v.normalise_siren(f"{siren[:3]} {siren[3:6]} {siren[6:]}") == siren
    assert v.normalise_siren(f"{siren[:3]}\u00a0{siren[3:6]}\u00a0{siren[6:]}") == siren
    assert v.normalise_siren(f"{siren[:3]}.{siren[3:6]}.{siren[6:]}") == siren
    if not siren.startswith("00"):
        assert v.normalise_siren(int(siren)) == siren
        assert v.normalise_siren(float(siren)) == siren


@given(sirens, st.integers(min_value=0, max_value=8), st.integers(min_value=1, max_value=9))
def test_siren_single_digit_change_is_rejected(siren: str, position: int, shift: int) -> None:
    altered = siren[:position] + str((int(siren[position]) + shift) % 10) + siren[position + 1 :]
    problem = rejected(v.normalise_siren, altered, field="group_siren")
    assert (problem.field, problem.code) == ("group_siren", "siren_checksum")


@given(st.text(alphabet="0123456789", min_size=1, max_size=20).filter(lambda s: len(s) != 9))
def test_siren_of_wrong_length_is_rejected(number: str) -> None:
    if len(number) in (7, 8) and number[0] != "0" and luhn_is_valid(number):
        # Lost leading zeros restored (a number cell): a valid SIREN, tested above.
        assert v.normalise_siren(number) == number.zfill(9)
        return
    problem = rejected(v.normalise_siren, number, field="group_siren")
    assert problem == FieldProblem(
        "group_siren",
        "siren_length",
        f'SIREN "{number}" must have 9 digits (it has {len(number)})',
    )


def test_siren_format_and_checksum_messages() -> None:
    assert rejected(v.normalise_siren, "73282932O") == FieldProblem(
        "siren", "siren_format", 'SIREN "73282932O" must contain only digits'
    )
    assert rejected(v.normalise_siren, "732829321") == FieldProblem(
        "siren", "siren_checksum", 'SIREN "732829321" is not valid (its check digit is wrong)'
    )


# --------------------------------------------------------------------------
# NAF
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("25.62A", "25.62A"),
        ("2562A", "25.62A"),
        ("25.62a", "25.62A"),
        ("25 62 A", "25.62A"),
        (" 01.11z ", "01.11Z"),
        ("", None),
        (None, None),
    ],
)
def test_naf_accepted(value: object, expected: str | None) -> None:
    assert v.normalise_naf(value) == expected


@pytest.mark.parametrize("value", ["25.6A", "25.621", "2562", "25-62A", "25.62AB", "A25.62", 2562])
def test_naf_rejected(value: object) -> None:
    problem = rejected(v.normalise_naf, value, field="ape")
    assert (problem.field, problem.code) == ("ape", "naf_format")


# --------------------------------------------------------------------------
# Postcodes
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "country", "expected"),
    [
        ("67500", "FR", "67500"),
        (67500, "FR", "67500"),
        (67500.0, "FR", "67500"),
        (" 67 500 ", "FR", "67500"),
        (1000, "FR", "01000"),
        ("1000", "FR", "01000"),
        ("6750", "FR", "06750"),  # 4 digits: a lost leading zero is the rule
        ("97400", "FR", "97400"),
        ("98000", "fr", "98000"),
        ("20000", "", "20000"),
        ("76437", "DE", "76437"),
        ("sw1a 1aa", "GB", "SW1A 1AA"),
        ("1000-001", "PT", "1000-001"),
        (1067, "DE", "1067"),
        ("  ", "FR", None),
        (None, "DE", None),
    ],
)
def test_postcode_accepted(value: object, country: str, expected: str | None) -> None:
    assert v.normalise_postcode(value, country=country) == expected


@pytest.mark.parametrize(
    ("value", "country"),
    [
        ("675000", "FR"),
        ("00100", "FR"),
        ("0000", "FR"),
        ("96000", "FR"),
        ("99000", "FR"),
        ("675", "FR"),
        (675, "FR"),
        ("67OOO", "FR"),
        ("67000 CEDEX", "FR"),
        (67500.5, "FR"),
        ("1", "DE"),
        ("12345678901", "DE"),
        ("76437!", "DE"),
        ("-7643", "DE"),
    ],
)
def test_postcode_rejected(value: object, country: str) -> None:
    problem = rejected(v.normalise_postcode, value, country=country, field="billing_postcode")
    assert (problem.field, problem.code) == ("billing_postcode", "postcode_format")


def test_postcode_message() -> None:
    assert rejected(v.normalise_postcode, "675000").message == (
        'Postcode "675000" must be 5 digits for France, like 67000'
    )


# --------------------------------------------------------------------------
# E-mail
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("jean.dupont@example.fr", "jean.dupont@example.fr"),
        ("  Jean.Dupont@Example.FR ", "Jean.Dupont@example.fr"),
        ("contact+rdv@sub.example.co.uk", "contact+rdv@sub.example.co.uk"),
        ("élodie@société.fr", "élodie@société.fr"),
        ("e\u0301lodie@SOCIE\u0301TE\u0301.fr", "élodie@société.fr"),  # NFC
        ("o'brien@example.ie", "o'brien@example.ie"),
        ("a@b-c.fr", "a@b-c.fr"),
        ("", None),
        (None, None),
    ],
)
def test_email_accepted(value: object, expected: str | None) -> None:
    assert v.normalise_email(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "jean.dupont.example.fr",
        "jean dupont@example.fr",
        "jean@exa mple.fr",
        "@example.fr",
        "jean@example",
        "jean@@example.fr",
        "jean@a@example.fr",
        "jean..dupont@example.fr",
        "jean@example..fr",
        ".jean@example.fr",
        "jean.@example.fr",
        "jean@.example.fr",
        "jean@example.fr.",
        "jean@-example.fr",
        "jean@exam_ple.fr",
        "<jean@example.fr>",
        "jean@192.168.0.1",
        "jean@",
        "a" * 65 + "@example.fr",
        "a@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 63 + "." + "e" * 63 + ".fr",
        12345,
    ],
)
def test_email_rejected(value: object) -> None:
    problem = rejected(v.normalise_email, value, field="contact_email")
    assert (problem.field, problem.code) == ("contact_email", "email_format")


def test_email_message_quotes_value() -> None:
    assert rejected(v.normalise_email, "jean.example.fr") == FieldProblem(
        "email", "email_format", 'Email address "jean.example.fr" must contain @'
    )


def test_email_of_exactly_254_characters_is_accepted() -> None:
    address = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 58 + ".fr"
    assert len(address) == 254
    assert v.normalise_email(address) == address
    too_long = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 59 + ".fr"
    assert "too long" in rejected(v.normalise_email, too_long).message


@given(st.emails())
def test_generated_emails_are_accepted_and_idempotent(address: str) -> None:
    normalised = v.normalise_email(address)
    assert normalised is not None
    # The part before @ is kept as typed; the domain may come back lower-cased
    # and with its IDNA ("xn--") labels as Unicode letters.
    assert normalised.split("@")[0] == address.split("@")[0]
    assert (
        normalised.split("@")[1].encode("idna").lower()
        == address.split("@")[1].encode("idna").lower()
        or normalised.split("@")[1] == address.split("@")[1].lower()
    )
    assert v.normalise_email(normalised) == normalised


@given(st.text())
@example("A@ÉXAMPLE.FR")
@example("a@İ.fr")
def test_email_is_idempotent_on_its_output(text: str) -> None:
    try:
        normalised = v.normalise_email(text)
    except ValidationError:
        return
    if normalised is not None:
        assert v.normalise_email(normalised) == normalised


# --------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "0388123456",
        "03 88 12 34 56",
        "03.88.12.34.56",
        "03-88-12-34-56",
        " 03\u00a088\u00a012\u00a034\u00a056 ",
        "+33 3 88 12 34 56",
        "+33 (0)3 88 12 34 56",
        "+33(0)388123456",
        "+33388123456",
        "+33 03 88 12 34 56",
        "0033388123456",
        "00 33 3 88 12 34 56",
        388123456,
        388123456.0,
        33388123456,  # "+33388123456" typed into a spreadsheet becomes this number
    ],
)
def test_french_phone_forms(value: object) -> None:
    assert v.normalise_phone(value) == "03 88 12 34 56"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("+49 7221 123456", "+49 7221 123456"),
        ("0049 7221 123456", "+49 7221 123456"),
        ("+49 (0)7221-123456", "+49 7221 123456"),
        # Other countries in their international format, as Google's rules group them.
        ("+1 (202) 555-0143", "+1 202-555-0143"),
        ("+48 22 123 45 67", "+48 22 123 45 67"),  # Poland
        ("+90 212 123 45 67", "+90 212 123 45 67"),  # Turkey
        ("+351 21 123 4567", "+351 21 123 4567"),  # Portugal
        ("00351211234567", "+351 21 123 4567"),
        ("+84 24 3825 1234", "+84 24 3825 1234"),  # Vietnam
        ("+32 2 555 12 34", "+32 2 555 12 34"),  # Belgium
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("+41.22.123.45.67", "+41 22 123 45 67"),
        ("+352 27 12 34 56", "+352 27 12 34 56"),  # Luxembourg
        ("+262 262 12 34 56", "+262 262 12 34 56"),  # Réunion: its own country code
        ("0612345678", "06 12 34 56 78"),
        ("", None),
        (None, None),
    ],
)
def test_international_phones(value: object, expected: str | None) -> None:
    assert v.normalise_phone(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "03 88 12 34 5",
        "03 88 12 34 567",
        "3 88 12 34 56",  # text keeps its zero: a missing digit is a typo
        "00",
        "00 0 88 12 34 56",  # 00 starts an international number, 0 is no country code
        "+33 3 88 12 34",
        "+33 0 88 12 34 56",
        "+49 123",
        "+49 1234 5678 9012 3456",
        "+0 123 456 789",
        "+49 7221 1",  # a German number too short for its area
        "+1 555 123 4567",  # 555 is no North American area code
        "+84 24 1234 5678",  # not a Vietnamese fixed-line pattern
        "03 88 12 34 5a",
        "03 88 12 34 56 poste 12",
        "tel: 03 88 12 34 56",
        "03 88 +12 34 56",
        "+",
        "12345",
        38812345,
        -388123456,
        3.88,
    ],
)
def test_phone_rejected(value: object) -> None:
    problem = rejected(v.normalise_phone, value, field="mobile")
    assert (problem.field, problem.code) == ("mobile", "phone_format")


# Numbers under prefixes where every block is allocated (Google's rules refuse
# numbers in unallocated blocks, such as 04 00 ...).
national_numbers = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(["1", "3", "9"]),
    digits(8),
)


@given(national_numbers)
def test_every_way_of_writing_a_french_number_gives_the_same_result(number: str) -> None:
    pairs = [number[1:3], number[3:5], number[5:7], number[7:9]]
    expected = "0" + number[0] + " " + " ".join(pairs)
    forms: list[object] = [
        "0" + number,
        expected,
        ".".join(["0" + number[0], *pairs]),
        "-".join(["0" + number[0], *pairs]),
        "+33 " + number[0] + " " + " ".join(pairs),
        "+33 (0)" + number[0] + " " + " ".join(pairs),
        "+33" + number,
        "0033" + number,
        int(number),
        float(number),
    ]
    for form in forms:
        assert v.normalise_phone(form) == expected, form
    assert v.normalise_phone(expected) == expected


@given(st.one_of(st.text(), st.text(alphabet="0123456789 +().-/", max_size=25)))
def test_phone_is_idempotent_on_its_output(text: str) -> None:
    try:
        normalised = v.normalise_phone(text)
    except ValidationError:
        return
    if normalised is not None:
        assert v.normalise_phone(normalised) == normalised


# --------------------------------------------------------------------------
# Websites
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("www.example.fr", "https://www.example.fr"),
        ("example.fr/contact", "https://example.fr/contact"),
        ("  WWW.Example.FR/Page?q=A ", "https://www.example.fr/Page?q=A"),
        ("http://example.fr", "http://example.fr"),
        ("HTTPS://Example.fr/", "https://example.fr/"),
        ("example.fr:8080/x", "https://example.fr:8080/x"),
        ("https://société.fr", "https://société.fr"),
        ("", None),
        (None, None),
    ],
)
def test_website_accepted(value: object, expected: str | None) -> None:
    assert v.normalise_website(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "www.example .fr",
        "https://example.fr/a page",
        "localhost",
        "https://intranet/",
        "ftp://example.fr",
        "mailto:contact@example.fr",
        "https://",
        "https://exa_mple.fr",
        "https://example..fr",
        "https://user@example.fr",
        "example.fr:port",
        "https://192.168.0.1",
        42,
    ],
)
def test_website_rejected(value: object) -> None:
    problem = rejected(v.normalise_website, value, field="site")
    assert (problem.field, problem.code) == ("site", "website_format")


# --------------------------------------------------------------------------
# Free text
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  Acme  ", "Acme"),
        ("Acme\tIndustrie\n  SAS", "Acme Industrie SAS"),
        ("Ac\x00me\x07 SAS\x1b", "Acme SAS"),
        ("\ufeffAcme\u200b SAS", "Acme SAS"),
        ("Acme\u00a0\u00a0SAS", "Acme SAS"),
        ("Socie\u0301te\u0301", "Société"),  # NFC
        (2024, "2024"),
        (2024.0, "2024"),
    ],
)
def test_require_text_cleans(value: object, expected: str) -> None:
    assert v.require_text(value, field="name") == expected


@pytest.mark.parametrize("value", [None, "", "   ", "\t\n", "\x00\x07", "\u200b"])
def test_require_text_empty_is_required(value: object) -> None:
    assert rejected(v.require_text, value, field="name") == FieldProblem(
        "name", "required", "A value is required for name"
    )
    assert v.optional_text(value, field="name") is None


def test_text_too_long() -> None:
    assert v.require_text("x" * 200, field="name") == "x" * 200
    problem = rejected(v.require_text, "x" * 201, field="name")
    assert (problem.field, problem.code) == ("name", "too_long")
    assert "201 characters, at most 200" in problem.message
    assert rejected(v.optional_text, "abcdef", field="acronym", max_length=5).code == "too_long"
    # Length is measured after cleaning.
    assert v.require_text("  " + "x" * 200 + "  ", field="name") == "x" * 200


def test_multiline_text() -> None:
    raw = "  \r\nFirst line   \r\n\r\n\t- item\x07 one\rlast\u2028line  \n\n"
    assert v.optional_text(raw, field="notes", multiline=True) == (
        "First line\n\n\t- item one\nlast\nline"
    )
    assert v.optional_text("a  b", field="notes", multiline=True) == "a  b"
    assert v.optional_text(" \r\n \n", field="notes", multiline=True) is None
    long_text = "x" * 20000
    assert v.optional_text(long_text, field="notes", multiline=True) == long_text
    problem = rejected(v.optional_text, long_text + "x", field="notes", multiline=True)
    assert (problem.field, problem.code) == ("notes", "too_long")


@given(st.text())
def test_text_has_no_control_characters_and_is_idempotent(text: str) -> None:
    single = v.optional_text(text, field="name", max_length=10_000)
    if single is not None:
        assert not any(is_control(ch) for ch in single)
        assert single == single.strip()
        assert "  " not in single
        assert v.optional_text(single, field="name", max_length=10_000) == single
    multi = v.optional_text(text, field="notes", multiline=True)
    if multi is not None:
        assert not any(is_control(ch) and ch not in "\n\t" for ch in multi)
        assert v.optional_text(multi, field="notes", multiline=True) == multi


# --------------------------------------------------------------------------
# Headcount and progress
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1500", 1500),
        ("1 500", 1500),
        ("1\u202f500", 1500),
        ("1\u00a0500", 1500),
        ("2 000 000", 2_000_000),
        (1500, 1500),
        (1500.0, 1500),
        (0, 0),
        ("0", 0),
        ("", None),
        (None, None),
    ],
)
def test_headcount_accepted(value: object, expected: int | None) -> None:
    assert v.normalise_headcount(value) == expected


@pytest.mark.parametrize(
    "value",
    [12.5, "12.5", -3, "-3", "1.500", "1,500", "15 00", "about 50", True, 10_000_001, float("inf")],
)
def test_headcount_rejected(value: object) -> None:
    problem = rejected(v.normalise_headcount, value, field="staff")
    assert (problem.field, problem.code) == ("staff", "headcount_format")


@pytest.mark.parametrize(
    ("value", "expected"), [("30", 30), ("1 200", 1200), (45.0, 45), ("", None), (None, None)]
)
def test_capacity_accepted(value: object, expected: int | None) -> None:
    assert v.normalise_capacity(value) == expected


@pytest.mark.parametrize("value", [0, "0", -5, "12.5", "about 30", 100_001, True])
def test_capacity_rejected(value: object) -> None:
    problem = rejected(v.normalise_capacity, value)
    assert (problem.field, problem.code) == ("venue_capacity", "capacity_format")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, 0),
        ("", 0),
        (0, 0),
        (1, 1),  # an int 1 is 1 %
        (50, 50),
        (100, 100),
        ("50", 50),
        ("50%", 50),
        ("50 %", 50),
        ("50\u202f%", 50),
        ("12,5 %", 13),
        (0.5, 50),  # spreadsheet percentage cell
        (0.285, 29),
        (1.0, 100),  # a float 1.0 is a fraction: 100 %
        (0.0, 0),
        (50.0, 50),
        (99.4, 99),
        ("0.25", 25),
        ("1.0", 100),
    ],
)
def test_progress_accepted(value: object, expected: int) -> None:
    assert v.normalise_progress(value) == expected


@pytest.mark.parametrize("value", [-1, 101, 100.5, "150 %", "-5", "half", 1.5e300, True])
def test_progress_rejected(value: object) -> None:
    problem = rejected(v.normalise_progress, value, field="roadmap_progress")
    assert (problem.field, problem.code) == ("roadmap_progress", "progress_range")


# --------------------------------------------------------------------------
# Dates and times
# --------------------------------------------------------------------------

NEW_YEAR = dt.date(2025, 1, 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (NEW_YEAR, NEW_YEAR),
        (dt.datetime(2025, 1, 1, 14, 30), NEW_YEAR),
        ("01/01/2025", NEW_YEAR),
        ("1/1/2025", NEW_YEAR),
        ("01-01-2025", NEW_YEAR),
        ("01.01.2025", NEW_YEAR),
        ("2025-01-01", NEW_YEAR),
        ("2025-01-01 00:00:00", NEW_YEAR),
        ("2025-01-01T09:30", NEW_YEAR),
        ("01/01/25", NEW_YEAR),
        (" 01/01/2025 ", NEW_YEAR),
        ("31/12/2024", dt.date(2024, 12, 31)),
        ("3/4/2025", dt.date(2025, 4, 3)),  # day first, the French way
        ("29/02/2024", dt.date(2024, 2, 29)),
        (45658, NEW_YEAR),
        (45658.0, NEW_YEAR),
        (45658.75, NEW_YEAR),  # 18:00 on that day
        (20000, dt.date(1954, 10, 3)),
        (80000, dt.date(2119, 1, 11)),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_accepted(value: object, expected: dt.date | None) -> None:
    assert v.parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "31/02/2025",
        "29/02/2025",
        "32/01/2025",
        "01/13/2025",
        "2025-13-01",
        "demain",
        "01/01/202",
        "01/01-2025",
        "2025/01/01",
        "00/01/2025",
        "01/01/0000",
        19999,
        80001,
        -45658,
        True,
        float("inf"),
    ],
)
def test_parse_date_rejected(value: object) -> None:
    problem = rejected(v.parse_date, value, field="meeting_date")
    assert (problem.field, problem.code) == ("meeting_date", "date_format")


def test_parse_date_message_quotes_value() -> None:
    assert rejected(v.parse_date, "31/02/2025") == FieldProblem(
        "date", "date_format", 'Date "31/02/2025" is not a valid date (expected dd/mm/yyyy)'
    )


@given(st.dates(min_value=dt.date(1, 1, 1)))
def test_dates_round_trip_in_french_and_iso_forms(day: dt.date) -> None:
    assert v.parse_date(f"{day.day:02d}/{day.month:02d}/{day.year:04d}") == day
    assert v.parse_date(f"{day.day}.{day.month}.{day.year:04d}") == day
    assert v.parse_date(day.isoformat()) == day


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9:00", dt.time(9, 0)),
        ("09:00", dt.time(9, 0)),
        ("09h00", dt.time(9, 0)),
        ("9h", dt.time(9, 0)),
        ("9H", dt.time(9, 0)),
        ("14h30", dt.time(14, 30)),
        ("14 h 30", dt.time(14, 30)),
        ("14:30:00", dt.time(14, 30)),
        ("14:30:15", dt.time(14, 30, 15)),
        ("0:00", dt.time(0, 0)),
        ("23:59", dt.time(23, 59)),
        (dt.time(8, 15), dt.time(8, 15)),
        (dt.datetime(2025, 1, 1, 8, 15), dt.time(8, 15)),
        (0.5, dt.time(12, 0)),
        (0.6041666666666666, dt.time(14, 30)),
        (0.0, dt.time(0, 0)),
        (0, dt.time(0, 0)),
        ("", None),
        (None, None),
    ],
)
def test_parse_time_accepted(value: object, expected: dt.time | None) -> None:
    assert v.parse_time(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "24:00",
        "12:60",
        "9",
        "9:",
        "9:0",
        "h30",
        "midi",
        "14h30m",
        "9:00 AM",
        1.0,
        1,
        -0.1,
        0.99999999,
    ],
)
def test_parse_time_rejected(value: object) -> None:
    problem = rejected(v.parse_time, value, field="start_time")
    assert (problem.field, problem.code) == ("start_time", "time_format")


def test_check_date_order() -> None:
    v.check_date_order(NEW_YEAR, NEW_YEAR, start_field="start", end_field="end")
    v.check_date_order(NEW_YEAR, dt.date(2025, 1, 2), start_field="start", end_field="end")
    v.check_date_order(None, NEW_YEAR, start_field="start", end_field="end")
    v.check_date_order(NEW_YEAR, None, start_field="start", end_field="end")
    v.check_date_order(dt.time(9), dt.time(10), start_field="start", end_field="end")
    with pytest.raises(ValidationError) as caught:
        v.check_date_order(
            dt.date(2025, 1, 2), NEW_YEAR, start_field="start_date", end_field="end_date"
        )
    assert caught.value.problems == (
        FieldProblem(
            "end_date", "end_before_start", 'End "2025-01-01" is before start "2025-01-02"'
        ),
    )
    with pytest.raises(ValidationError) as caught:
        v.check_date_order(dt.time(10), dt.time(9, 30), start_field="from", end_field="to")
    assert [(p.field, p.code) for p in caught.value.problems] == [("to", "end_before_start")]
    # A datetime and a date compare by day.
    v.check_date_order(dt.datetime(2025, 1, 1, 18), NEW_YEAR, start_field="s", end_field="e")
    with pytest.raises(ValidationError):
        v.check_date_order(dt.datetime(2025, 1, 2), NEW_YEAR, start_field="s", end_field="e")


# --------------------------------------------------------------------------
# Robustness: only ValidationError, whatever comes in
# --------------------------------------------------------------------------

FUNCTIONS: dict[str, Callable[[object], object]] = {
    "siren": v.normalise_siren,
    "siret": v.normalise_siret,
    "naf": v.normalise_naf,
    "postcode_fr": v.normalise_postcode,
    "postcode_de": partial(v.normalise_postcode, country="DE"),
    "email": v.normalise_email,
    "phone": v.normalise_phone,
    "website": v.normalise_website,
    "require_text": partial(v.require_text, field="name"),
    "optional_text": partial(v.optional_text, field="name"),
    "multiline_text": partial(v.optional_text, field="notes", multiline=True),
    "headcount": v.normalise_headcount,
    "capacity": v.normalise_capacity,
    "progress": v.normalise_progress,
    "date": v.parse_date,
    "time": v.parse_time,
}

# Normalisers whose output is a string that must come back unchanged.
STRING_NORMALISERS = [
    "siren",
    "siret",
    "naf",
    "postcode_fr",
    "postcode_de",
    "email",
    "phone",
    "website",
    "optional_text",
    "multiline_text",
]

raw_values = st.one_of(
    st.integers(),
    st.floats(),
    st.text(),
    st.none(),
    # Inputs made of the characters the parsers care about reach deeper branches.
    st.text(alphabet="0123456789 .,-/:+()%hH@T\u00a0", max_size=25),
)


def _call(name: str, value: object) -> object:
    try:
        return FUNCTIONS[name](value)
    except ValidationError as error:
        assert error.problems, name
        return error


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@given(text=st.text())
def test_arbitrary_text_only_raises_validation_error(name: str, text: str) -> None:
    _call(name, text)


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@given(value=raw_values)
def test_arbitrary_values_only_raise_validation_error(name: str, value: object) -> None:
    _call(name, value)


@given(text=st.text())
def test_siren_of_siret_only_raises_validation_error(text: str) -> None:
    with contextlib.suppress(ValidationError):
        assert len(v.siren_of_siret(text)) == 9


@pytest.mark.parametrize("name", STRING_NORMALISERS)
@given(value=raw_values)
def test_normalisers_are_idempotent(name: str, value: object) -> None:
    result = _call(name, value)
    if isinstance(result, str):
        assert FUNCTIONS[name](result) == result


FIELD_CASES: list[tuple[Callable[..., object], object, dict[str, object]]] = [
    (v.normalise_siren, "12", {}),
    (v.normalise_siret, "12", {}),
    (v.normalise_naf, "12", {}),
    (v.normalise_postcode, "12", {}),
    (v.normalise_postcode, "!", {"country": "DE"}),
    (v.normalise_email, "12", {}),
    (v.normalise_phone, "12", {}),
    (v.normalise_website, "12", {}),
    (v.require_text, "", {}),
    (v.optional_text, "x" * 201, {}),
    (v.optional_text, "x" * 20001, {"multiline": True}),
    (v.normalise_headcount, "-12", {}),
    (v.normalise_progress, "120", {}),
    (v.parse_date, "12", {}),
    (v.parse_time, "12", {}),
]


@pytest.mark.parametrize(("func", "bad_value", "kwargs"), FIELD_CASES)
def test_errors_name_the_given_field(
    func: Callable[..., object], bad_value: object, kwargs: dict[str, object]
) -> None:
    problem = rejected(func, bad_value, field="my_field", **kwargs)
    assert problem.field == "my_field"
