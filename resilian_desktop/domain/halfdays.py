"""Half-days: the unit of presence on an attendance sheet (morning / afternoon)."""

from __future__ import annotations

import datetime as dt

MORNING = "morning"
AFTERNOON = "afternoon"
NOON = dt.time(12, 0)
AFTERNOON_STARTS = dt.time(13, 0)


def half_days(start: dt.time | None, end: dt.time | None) -> tuple[str, ...]:
    """The half-days a meeting covers, from its start and end times.

    A meeting that starts before noon and ends after 13:00 covers both; one
    without times counts as a single morning.
    """
    if start is not None and start >= NOON:
        return (AFTERNOON,)
    if end is not None and end > AFTERNOON_STARTS:
        return (MORNING, AFTERNOON)
    return (MORNING,)


def duration_hours(start: dt.time | None, end: dt.time | None) -> float | None:
    """Length of the meeting in hours, or None when a time is missing."""
    if start is None or end is None:
        return None
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return max(minutes, 0) / 60


def attended(
    covered: tuple[str, ...], morning: bool | None, afternoon: bool | None
) -> tuple[str, ...]:
    """The half-days a person marked present attended: all of a one-half-day
    meeting; of a whole day, each one not marked absent (an unrecorded
    half-day of a present person counts as attended)."""
    if len(covered) < 2:
        return covered
    marks = {MORNING: morning, AFTERNOON: afternoon}
    return tuple(h for h in covered if marks[h] is not False)


def current_half_day(covered: tuple[str, ...], now: dt.time) -> str:
    """The half-day to sign for at *now*: the afternoon from noon on, when the
    meeting covers it; otherwise the one it covers."""
    if len(covered) == 1:
        return covered[0]
    return AFTERNOON if now >= NOON else MORNING
