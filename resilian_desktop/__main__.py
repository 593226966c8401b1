"""`python -m resilian_desktop` and the `resilian-desktop` command."""

from __future__ import annotations

import multiprocessing
import sys

from resilian_desktop.cli import run


def main() -> None:
    # In the frozen bundle, a process started by multiprocessing (the large
    # demo's generator) is this executable again: freeze_support runs its
    # task instead of the application. A no-op everywhere else.
    multiprocessing.freeze_support()
    sys.exit(run())


if __name__ == "__main__":
    main()
