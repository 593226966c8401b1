"""The personal-data export of one person, as a workbook or as JSON, chosen by the file's suffix."""

from __future__ import annotations

from pathlib import Path

from resilian_desktop.db.engine import Database
from resilian_desktop.documents.files import ExportError, atomic_output
from resilian_desktop.documents.personal_data.json_file import write_contact_json
from resilian_desktop.documents.personal_data.xlsx import write_contact_workbook
from resilian_desktop.services.privacy import contact_data

SUFFIXES = (".json", ".xlsx")


def export_personal_data(db: Database, person_id: int, target: Path) -> Path:
    """Write everything held about the person to *target* (.json or .xlsx), atomically.

    Raises NotFoundError for an unknown person, ExportError for another suffix.
    """
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(f"{target}: the file must end in .json or .xlsx")
    data = contact_data(db, person_id)
    with atomic_output(target) as partial:
        if suffix == ".json":
            write_contact_json(data, partial)
        else:
            write_contact_workbook(data, partial)
    return target
