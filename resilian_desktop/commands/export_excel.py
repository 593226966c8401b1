"""Excel exports: attendance sheets and the period report (issue 4)."""

from __future__ import annotations

from typing import Any


def register(kinds: Any) -> None:
    """Add the Excel kinds of `export` (attendance, report) to *kinds*."""
