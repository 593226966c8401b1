"""The one way each kind of value is written, in French and in English."""

from __future__ import annotations

import datetime as dt

import pytest

from resilian_desktop.domain import formats as f

N = f.NNBSP


def test_long_date_in_both_languages() -> None:
    day = dt.date(2027, 1, 14)
    assert f.long_date(day) == "jeudi 14 janvier 2027"
    assert f.long_date(day, "en") == "Thursday 14 January 2027"
    assert f.long_date(dt.date(2027, 2, 1)) == "lundi 1er février 2027"
    assert f.short_date(day) == "14/01/2027"
    assert f.short_date(None, empty="—") == "—"


def test_times_and_ranges() -> None:
    nine, half_four = dt.time(9, 0), dt.time(16, 30)
    assert f.time_range(nine, half_four) == f"9{N}h{N}00 – 16{N}h{N}30"
    assert f.time_range(nine, half_four, "en") == "9:00 – 16:30"
    assert f.time_range(nine, None) == f"à partir de 9{N}h{N}00"
    assert f.time_range(None, None) == ""


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (0, "0", "0"),
        (999, "999", "999"),
        (1200, f"1{N}200", "1,200"),
        (-1234567, f"-1{N}234{N}567", "-1,234,567"),
    ],
)
def test_integers_group_thousands(value: int, fr: str, en: str) -> None:
    assert f.integer(value) == fr
    assert f.integer(value, "en") == en


def test_decimals_percent_money() -> None:
    assert f.decimal(0.94) == "0,9"
    assert f.decimal(1234.56, 1, "en") == "1,234.6"
    assert f.decimal(-0.01, 1) == "0,0"
    assert f.percent(100) == f"100{N}%"
    assert f.percent(100, "en") == "100%"
    assert f.money(1200) == f"1{N}200,00{N}€"
    assert f.money(-5, "en") == "-€5.00"


@pytest.mark.parametrize(
    ("size", "fr", "en"),
    [
        (512, "512 octets", "512 bytes"),
        (1_500, f"1,5{N}ko", "1.5 kB"),
        (900_000, f"0,9{N}Mo", "0.9 MB"),
        (616_000_000, f"0,6{N}Go", "0.6 GB"),
        (12_300_000, f"12,3{N}Mo", "12.3 MB"),
    ],
)
def test_file_sizes(size: int, fr: str, en: str) -> None:
    assert f.file_size(size) == fr
    assert f.file_size(size, "en") == en


def test_names_siret_counts() -> None:
    assert f.contact_name("Élise", "Muller") == "Élise Muller"
    assert f.contact_name(None, " Muller ") == "Muller"
    assert f.siret("73282932000074") == "732 829 320 00074"
    assert f.siret("732829320") == "732 829 320"
    assert f.siret("12AB") == "12AB"
    assert f.count(0, "action", "actions") == "0 action"
    assert f.count(0, "action", "actions", "en") == "0 actions"
    assert f.count(1200, "personne", "personnes") == f"1{N}200 personnes"
