"""The log file: rotated, and readable by its owner only from its first byte.

Logs name people and files: personal data. A file opened with Python's
default mode would be created readable by every local user (0644) at each
rotation; this handler creates each one owner-only.
"""

from __future__ import annotations

import io
import logging.handlers
import os


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A RotatingFileHandler whose files are created with mode 0600."""

    def _open(self) -> io.TextIOWrapper:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        # A descriptor, not a path: Path.open cannot take one. The handler
        # keeps the file open and closes it.
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)  # noqa: PTH123
