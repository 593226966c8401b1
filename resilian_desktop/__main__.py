"""`python -m resilian_desktop` and the `resilian-desktop` command."""

from __future__ import annotations

import sys

from resilian_desktop.cli import run


def main() -> None:
    sys.exit(run())


if __name__ == "__main__":
    main()
