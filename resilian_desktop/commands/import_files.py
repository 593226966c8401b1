"""`import KIND FILE`: organisations, contacts, registrations, actions from spreadsheets."""

from __future__ import annotations

from typing import Any


def register(commands: Any) -> None:
    """Add the `import` command to *commands*."""
