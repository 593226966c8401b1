"""The personal-data export as JSON: the data as it is, indented, accents kept."""

from __future__ import annotations

import json
from pathlib import Path

from resilian_desktop.documents.personal_data.model import PersonalData


def write_contact_json(data: PersonalData, target: Path) -> None:
    """Write *data* to *target* (a temporary name the caller moves into place)."""
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
