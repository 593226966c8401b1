"""A readable workbook of everything held about one person (RGPD access request)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from resilian_desktop.documents.personal_data.model import PersonalData
from resilian_desktop.documents.xlsx_parts.cells import set_cell

FIELD_LABELS = {
    "id": "Identifiant",
    "civility": "Civilité",
    "first_name": "Prénom",
    "last_name": "Nom",
    "job_title": "Fonction",
    "email": "E-mail",
    "phone": "Téléphone",
    "mobile": "Mobile",
    "is_elected_official": "Élu(e)",
    "mandate": "Mandat",
    "consent_basis": "Base légale",
    "consent_date": "Date de la base légale",
    "notes": "Notes",
    "active": "Actif",
    "archived_at": "Archivé le",
    "erased_at": "Effacé le",
    "created_at": "Créé le",
    "updated_at": "Modifié le",
}


def _table(sheet: Any, headers: list[str], rows: list[list[Any]]) -> None:
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            set_cell(sheet.cell(row_number, column), value)
    sheet.freeze_panes = "A2"
    for column, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(str(r[column - 1] or "")) for r in rows])
        sheet.column_dimensions[sheet.cell(1, column).column_letter].width = min(width + 2, 60)


def write_contact_workbook(data: PersonalData, target: Path) -> None:
    """Write *data* (services.privacy.person_data) as a workbook at *target*."""
    book = Workbook()
    contact = book.active
    assert contact is not None
    contact.title = "Personne"
    fields = [[FIELD_LABELS.get(k, k), v] for k, v in data["person"].items()]
    organisation = data.get("organisation")
    fields.append(["Structure", organisation["name"] if organisation else None])
    fields.append(["Exporté le", data["exported_at"]])
    _table(contact, ["Donnée", "Valeur"], fields)
    _table(
        book.create_sheet("Présences"),
        [
            "Date",
            "Réunion",
            "Type",
            "Statut",
            "Rôle",
            "Structure ce jour-là",
            "Fonction ce jour-là",
        ],
        [
            [
                a["date"],
                a["meeting"],
                a["kind"],
                a["status"],
                a["role"],
                a["organisation_on_the_day"],
                a["job_title_on_the_day"],
            ]
            for a in data["attendance"]
        ],
    )
    _table(
        book.create_sheet("Signatures"),
        [
            "Réunion",
            "Demi-journée",
            "Signée le",
            "Structure ce jour-là",
            "SHA-256 de l'image",
            "Image",
        ],
        [
            [
                s["meeting_id"],
                s["half_day"],
                s["signed_at"],
                s["organisation_on_the_day"],
                s["sha256"],
                "effacée" if s["image_png_base64"] is None else "dans l'export JSON",
            ]
            for s in data["signatures"]
        ],
    )
    _table(
        book.create_sheet("Taskforces"),
        ["Taskforce", "Rôle"],
        [[m["taskforce"], m["role"]] for m in data["taskforce_memberships"]]
        + [[t["taskforce"], "pilote"] for t in data["taskforces_led"]],
    )
    _table(
        book.create_sheet("Actions"),
        ["Taskforce", "Action", "Statut"],
        [[a["taskforce"], a["action"], a["status"]] for a in data["roadmap_actions_owned"]],
    )
    book.save(target)
