"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from resilian_desktop.domain.errors import ResilianError


class ExportError(ResilianError):
    """A file could not be written; the target, if it existed, is unchanged."""


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside *target*; move it into place when the block succeeds.

    The temporary file is in the same folder so the final rename is atomic.
    On any error it is removed and *target* is left as it was. A target that
    another program holds open (Excel locks its files on Windows) gives an
    ExportError that names it.
    """
    target = target.expanduser()
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise ExportError(f"{target}: the folder {folder} does not exist")
    handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix, dir=folder)
    os.close(handle)
    partial = Path(name)
    try:
        yield partial
        with partial.open("rb+") as written:
            os.fsync(written.fileno())
        # mkstemp made the file owner-only from its first byte, and so it
        # stays: exports hold contacts, which are personal data.
        try:
            partial.replace(target)
        except PermissionError as error:
            raise ExportError(
                f"{target}: cannot replace the file; is it open in another program? ({error})"
            ) from error
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
