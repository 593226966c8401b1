"""French public holidays computed (issue 16: a signature made on a holiday)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resilian_desktop.domain.holidays import easter_sunday, holiday_of, is_weekend, public_holidays

# Easter Sundays published by the Bureau des longitudes / the Church's tables.
KNOWN_EASTERS = {
    1818: (3, 22),  # the earliest possible date
    1943: (4, 25),  # the latest possible date
    2000: (4, 23),
    2008: (3, 23),
    2011: (4, 24),
    2019: (4, 21),
    2024: (3, 31),
    2025: (4, 20),
    2026: (4, 5),
    2027: (3, 28),
    2038: (4, 25),
    2285: (3, 22),
}


@pytest.mark.parametrize(("year", "month_day"), sorted(KNOWN_EASTERS.items()))
def test_easter_matches_the_published_tables(year: int, month_day: tuple[int, int]) -> None:
    assert easter_sunday(year) == dt.date(year, *month_day)


@given(st.integers(min_value=1583, max_value=4099))
def test_easter_is_a_sunday_between_22_march_and_25_april(year: int) -> None:
    easter = easter_sunday(year)
    assert easter.weekday() == 6
    assert dt.date(year, 3, 22) <= easter <= dt.date(year, 4, 25)


def test_the_holidays_of_2026_in_alsace() -> None:
    days = public_holidays(2026)
    assert days == {
        dt.date(2026, 1, 1): "new_year",
        dt.date(2026, 4, 3): "good_friday",
        dt.date(2026, 4, 6): "easter_monday",
        dt.date(2026, 5, 1): "labour_day",
        dt.date(2026, 5, 8): "victory_day",
        dt.date(2026, 5, 14): "ascension",
        dt.date(2026, 5, 25): "whit_monday",
        dt.date(2026, 7, 14): "national_day",
        dt.date(2026, 8, 15): "assumption",
        dt.date(2026, 11, 1): "all_saints",
        dt.date(2026, 11, 11): "armistice",
        dt.date(2026, 12, 25): "christmas",
        dt.date(2026, 12, 26): "st_stephen",
    }
    # Elsewhere in France, Good Friday and 26 December are working days.
    national = public_holidays(2026, alsace_moselle=False)
    assert set(days) - set(national) == {dt.date(2026, 4, 3), dt.date(2026, 12, 26)}


def test_ascension_on_labour_day_is_one_holiday() -> None:
    # 2008: Easter on 23 March, Ascension on 1 May.
    assert holiday_of(dt.date(2008, 5, 1)) == "labour_day"
    assert len(public_holidays(2008)) == 12
    assert holiday_of(dt.date(2008, 5, 12)) == "whit_monday"


def test_ordinary_days_and_weekends() -> None:
    assert holiday_of(dt.date(2026, 3, 12)) is None
    assert is_weekend(dt.date(2026, 3, 21)) and is_weekend(dt.date(2026, 3, 22))
    assert not is_weekend(dt.date(2026, 3, 20))
