"""What every document carries at the top or foot of its pages: the programme,
the agency, the funders (logos) and their mention, the operation reference.

Plain data: the builders fill it (sources.letterhead), the writers lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Funder:
    """A funder of the programme; its logo is printed when the file can be read."""

    name: str
    logo_path: Path | None = None
    funding_mention: str | None = None  # the funder's own, printed when the programme has none
    operation_reference: str | None = None  # the funder's reference of the operation


@dataclass(frozen=True)
class Letterhead:
    """What every page carries: the programme, the agency and the funders' mention."""

    programme: str
    agency: str | None = None
    funding_mention: str | None = None
    operation_reference: str | None = None
    funders: tuple[Funder, ...] = ()
