"""The rules a controller applies to an attendance sheet (issue 16, point 6),
without a database: services.proof_checks reads the facts and calls these.

- A signature is expected on the meeting's day, between its start and end
  times give or take SIGNING_TOLERANCE: people sign as they arrive, some a
  little early, and the last ones as the meeting closes.
- Signing takes time: finding one's name, signing, confirming. A run of at
  least RAPID_RUN signatures of one half-day each made less than
  RAPID_SECONDS after the previous one looks like one hand signing for
  several people.
- Two meetings overlap for a person present at both when they share a
  half-day that person attended and their times overlap (a meeting without
  times spans its whole half-days).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

SIGNING_TOLERANCE = dt.timedelta(minutes=30)
RAPID_SECONDS = 5
RAPID_RUN = 3

T = TypeVar("T")


def rapid_runs(signed: Sequence[tuple[dt.datetime, T]]) -> list[list[tuple[dt.datetime, T]]]:
    """The runs of signatures made too fast, from (time, what) pairs of one half-day.

    A run is at least RAPID_RUN signatures in a row (in time order), each made
    less than RAPID_SECONDS after the previous one.
    """
    ordered = sorted(signed, key=lambda pair: pair[0])
    runs: list[list[tuple[dt.datetime, T]]] = []
    current: list[tuple[dt.datetime, T]] = []
    for pair in ordered:
        if current and (pair[0] - current[-1][0]).total_seconds() < RAPID_SECONDS:
            current.append(pair)
            continue
        if len(current) >= RAPID_RUN:
            runs.append(current)
        current = [pair]
    if len(current) >= RAPID_RUN:
        runs.append(current)
    return runs


def signed_outside(
    day: dt.date, start: dt.time | None, end: dt.time | None, signed_at: dt.datetime
) -> bool:
    """Whether a signature made at *signed_at* (local clock) falls outside the
    meeting of *day* from *start* to *end*, with SIGNING_TOLERANCE each side.
    Without times, only the day counts."""
    if signed_at.date() != day:
        return True
    moment = signed_at.replace(tzinfo=None)
    if start is not None and moment < dt.datetime.combine(day, start) - SIGNING_TOLERANCE:
        return True
    return end is not None and moment > dt.datetime.combine(day, end) + SIGNING_TOLERANCE


@dataclass(frozen=True)
class Presence:
    """A person's presence at one meeting: its day, times and the half-days attended."""

    meeting_id: int
    day: dt.date
    start: dt.time | None
    end: dt.time | None
    half_days: tuple[str, ...]


def overlap(a: Presence, b: Presence) -> bool:
    """Whether one person cannot have been at both meetings."""
    if a.day != b.day or not set(a.half_days) & set(b.half_days):
        return False
    a_start, a_end = a.start or dt.time.min, a.end or dt.time.max
    b_start, b_end = b.start or dt.time.min, b.end or dt.time.max
    return a_start < b_end and b_start < a_end


def overlapping_pairs(presences: Sequence[Presence]) -> list[tuple[Presence, Presence]]:
    """The pairs of one person's presences that overlap, each pair once."""
    by_day: dict[dt.date, list[Presence]] = {}
    for p in presences:
        by_day.setdefault(p.day, []).append(p)
    pairs: list[tuple[Presence, Presence]] = []
    for day_presences in by_day.values():
        ordered = sorted(day_presences, key=lambda p: p.meeting_id)
        for i, a in enumerate(ordered):
            pairs.extend((a, b) for b in ordered[i + 1 :] if overlap(a, b))
    return pairs
