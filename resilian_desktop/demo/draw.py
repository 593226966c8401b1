"""What every part of the generator shares: the rows being written, the random
draws, the ids counted so far, the names and domains taken."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import TypeVar

from resilian_desktop.demo.plans import years_before
from resilian_desktop.demo.rows import TABLE_ORDER, RowBuffer

T = TypeVar("T")


class Draw:
    """The state of one generation, shared by its parts (one object, one random stream)."""

    def __init__(self, writer: RowBuffer, rng: random.Random, today: dt.date) -> None:
        self.w = writer
        self.rng = rng
        self.today = today
        self.window_start = years_before(today, 3)
        self.window_end = today + dt.timedelta(days=61)
        self.recent = today - dt.timedelta(days=20)  # latest consent date
        self.ids: dict[str, int] = dict.fromkeys(TABLE_ORDER, 0)
        self.siret_counter = 0
        self.used_names: set[str] = set()
        self.used_domains: set[str] = set()
        self.main_programme = 0
        self.food_programme = 0
        self.topic_ids: list[int] = []
        self.domains: dict[int, str] = {}  # organisation id -> e-mail and web domain


class Part:
    """A part of the generator (organisations, people, meetings...) over the shared Draw.

    The objects the draw never rebinds are plain attributes here (the hot
    loops read them often); the values it changes are read through it.
    """

    def __init__(self, draw: Draw) -> None:
        self.draw = draw
        self.w = draw.w
        self.rng = draw.rng
        self.today = draw.today
        self.window_start = draw.window_start
        self.window_end = draw.window_end
        self.recent = draw.recent
        self.ids = draw.ids
        self.used_names = draw.used_names
        self.used_domains = draw.used_domains
        self.topic_ids = draw.topic_ids
        self.domains = draw.domains

    @property
    def main_programme(self) -> int:
        return self.draw.main_programme

    @property
    def food_programme(self) -> int:
        return self.draw.food_programme

    # random.Random.choice and randint cost a microsecond each (rejection
    # sampling on getrandbits); these draw from random() and are ten times cheaper.
    def choice(self, items: Sequence[T]) -> T:
        return items[int(self.rng.random() * len(items))]

    def randint(self, low: int, high: int) -> int:
        return low + int(self.rng.random() * (high - low + 1))

    def next_id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def days(self, offset: int) -> dt.date:
        return self.today + dt.timedelta(days=offset)

    def between(self, first: dt.date, last: dt.date) -> dt.date:
        """A day from *first* to *last* included (*first* when the range is empty)."""
        if last <= first:
            return first
        return first + dt.timedelta(days=int(self.rng.random() * ((last - first).days + 1)))
