"""Progress of a long document and how to stop it.

A writer calls a :data:`Progress` callback with (rows written so far, rows in
all); the callback may raise :class:`ExportCancelled` to stop, and the file
is then not written (files.atomic_output removes the partial one).
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]


class ExportCancelled(Exception):
    """Raised by a progress callback to stop an export; nothing is left behind."""
