"""The small network the attendance sheet, LibreOffice and report tests share.

``network()`` builds, in a real migrated database, a programme with funders,
organisations, people, a held meeting over two half-days and a planned one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image

from resilian_desktop.db.engine import Database
from resilian_desktop.services import meetings, organisations, programmes, taskforces
from resilian_desktop.services.privacy import erase_contact
from tests import factories as f

AGENCY = "Agence de développement Alsace Nord (ADAN)"
MENTION = "Action cofinancée par la Région Grand Est et la Communauté d'agglomération de Haguenau."


def make_logo(path: Path, size: tuple[int, int] = (300, 120)) -> Path:
    Image.new("RGB", size, (0, 80, 160)).save(path)
    return path


def network(db: Database, logo: Path | None = None) -> dict[str, int]:
    """A programme with funders, four organisations, people, a held and a planned meeting."""
    prog = programmes.create_programme(
        db,
        programmes.ProgrammeDraft(
            name="RESILIAN - Alsace du Nord",
            territory="Alsace du Nord",
            agency_name=AGENCY,
            operation_reference="GE0012345",
            funding_mention=MENTION,
        ),
    )
    programmes.add_funder(
        db,
        prog.id,
        name="Région Grand Est",
        logo_file=str(logo) if logo else None,
        funding_mention="Avec le soutien de la Région Grand Est",
        operation_reference="GE0012345",
    )
    programmes.add_funder(db, prog.id, name="Communauté d'agglomération de Haguenau")
    fonderie = f.organisation(db, "Fonderie Cœur d'Alsace", siret=f.SIRET_A)
    plasturgie = f.organisation(db, "Plasturgie Sauer & Fils", commune="Haguenau", siret=f.SIRET_B)
    region = f.organisation(db, "Région Grand Est", kind="funder", commune="Strasbourg")
    agency = f.organisation(db, AGENCY, kind="agency", commune="Haguenau", postcode="67500")
    for org in (fonderie, plasturgie):
        organisations.add_membership(db, org.id, prog.id, since="01/01/2020")
    anna = f.contact(db, "Anna", "Zimmer", organisation_id=fonderie.id, job_title="Directrice")
    bruno = f.contact(db, "Bruno", "Adam", organisation_id=plasturgie.id, job_title="Responsable")
    chloe = f.contact(db, "Chloé", "Ébert", organisation_id=fonderie.id, job_title="Acheteuse")
    elise = f.contact(
        db,
        "Élise",
        "Élue",
        organisation_id=region.id,
        is_elected_official=True,
        mandate="Conseillère régionale",
        job_title="Conseillère régionale",
    )
    officer = f.contact(
        db, "Béatrice", "Ritter", organisation_id=agency.id, job_title="Chargée de mission"
    )
    expert = f.contact(db, "Łukasz", "Wiśniewski", organisation_id=plasturgie.id)
    gone = f.contact(db, "Denis", "Parti", organisation_id=plasturgie.id)
    tf = f.taskforce(
        db, prog.id, status="active", start_date="01/02/2026", lead_organisation_id=fonderie.id
    )
    taskforces.add_member(db, tf.id, person_id=anna.id)
    taskforces.add_action(
        db, tf.id, taskforces.ActionDraft(title="Fait", status="done", done_date="10/05/2026")
    )
    taskforces.add_action(
        db, tf.id, taskforces.ActionDraft(title="En cours", status="in_progress", progress=40)
    )
    held = f.meeting(
        db,
        prog.id,
        title="Business corner — Lean & 5S",
        date=dt.date(2026, 3, 12),
        start_time="9:00",
        end_time="16:30",
        venue="Salle Rhin, 3 place de la Gare, Haguenau",
        host_organisation_id=fonderie.id,
        taskforce_id=tf.id,
        status="held",
    )
    ids = [anna.id, bruno.id, chloe.id, elise.id, officer.id, expert.id, gone.id]
    meetings.set_attendance(db, held.id, ids, status="invited")
    meetings.set_attendance(db, held.id, [officer.id], status="present", role="organiser")
    meetings.set_attendance(db, held.id, [expert.id], status="present", role="speaker")
    meetings.set_attendance(db, held.id, [anna.id, elise.id], status="present")
    meetings.set_attendance(db, held.id, [bruno.id], status="present", present_afternoon=False)
    meetings.set_attendance(db, held.id, [chloe.id], status="excused")
    meetings.set_attendance(db, held.id, [gone.id], status="absent")
    planned = f.meeting(
        db,
        prog.id,
        kind="steering_committee",
        title="COPIL 2026",
        date=dt.date(2026, 6, 2),
        start_time="14:00",
        end_time="16:00",
        venue="Haguenau",
    )
    meetings.set_attendance(db, planned.id, [anna.id, gone.id], status="invited")
    meetings.set_attendance(db, planned.id, [bruno.id], status="registered")
    meetings.set_attendance(db, planned.id, [chloe.id], status="excused")
    meetings.set_attendance(db, planned.id, [officer.id], status="registered", role="organiser")
    erase_contact(db, gone.id)
    return {
        "programme": prog.id,
        "taskforce": tf.id,
        "held": held.id,
        "planned": planned.id,
        "fonderie": fonderie.id,
        "anna": anna.id,
        "gone": gone.id,
    }
