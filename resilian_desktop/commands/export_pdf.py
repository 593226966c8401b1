"""PDF exports: roadmaps, agendas and minutes (issue 5)."""

from __future__ import annotations

from typing import Any


def register(kinds: Any) -> None:
    """Add the PDF kinds of `export` (roadmap, agenda, minutes) to *kinds*."""
