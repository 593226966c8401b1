"""Printed documents built from a real migrated database, and the `export` PDF commands."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import update

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import TaskforceMember
from resilian_desktop.demo import generate_demo
from resilian_desktop.documents import sources
from resilian_desktop.documents.agenda.build import agenda_document
from resilian_desktop.documents.agenda.pdf import write_agenda_pdf
from resilian_desktop.documents.minutes.build import minutes_document
from resilian_desktop.documents.minutes.pdf import write_minutes_pdf
from resilian_desktop.documents.roadmap.build import roadmap_document
from resilian_desktop.documents.roadmap.pdf import write_roadmap_pdf
from resilian_desktop.domain.errors import NotFoundError
from resilian_desktop.services import meetings, programmes, taskforces
from tests import factories as f
from tests.pdf_checks import assert_sound, needs_poppler, pdftotext, squash

TODAY = dt.date(2026, 11, 28)
DAY = dt.timedelta(days=1)

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)


@pytest.fixture
def network(db: Database, tmp_path: Path) -> dict[str, int]:
    logo = tmp_path / "region.png"
    Image.new("RGB", (240, 80), (0, 90, 160)).save(logo)
    prog = programmes.create_programme(
        db,
        programmes.ProgrammeDraft(
            name="RESILIAN - Alsace du Nord",
            agency_name="Agence de développement Alsace Nord (ADAN)",
            funding_mention="Action cofinancée par la Région Grand Est & l'agglomération.",
            operation_reference="GE0012345",
        ),
    )
    programmes.add_funder(db, prog.id, name="Région Grand Est", logo_file=str(logo))
    rd = f.organisation(db, "R&D <Alsace>")
    oeuvre = f.organisation(db, "L'Œuvre Notre-Dame", commune="Strasbourg", postcode="67000")
    lukasz = f.contact(
        db, "Łukasz", "Wiśniewski", organisation_id=rd.id, job_title="Directeur <industriel>"
    )
    hong = f.contact(db, "Thị Hồng", "Nguyễn", organisation_id=oeuvre.id, job_title="Acheteuse")
    gone = f.contact(db, "Parti", "Ailleurs", organisation_id=oeuvre.id)
    tf = f.taskforce(
        db,
        prog.id,
        lead_organisation_id=rd.id,
        lead_person_id=lukasz.id,
        status="active",
        start_date=TODAY - 400 * DAY,
        problem_statement="Les factures <énergie> ont doublé & plus.",
        objectives="- Acheter ensemble\n- Réduire de 10\u202f% le coût",
        success_indicators="- Entreprises engagées",
    )
    taskforces.add_member(db, tf.id, person_id=lukasz.id, role="lead")
    taskforces.add_member(db, tf.id, person_id=hong.id)
    left = taskforces.add_member(db, tf.id, person_id=gone.id)
    with db.write() as session:
        session.execute(
            update(TaskforceMember)
            .where(TaskforceMember.id == left.id)
            .values(left_on=TODAY - 30 * DAY)
        )
    held = f.meeting(
        db,
        prog.id,
        kind="taskforce_meeting",
        title="Taskforce énergie — réunion n° 1",
        date=TODAY - 10 * DAY,
        start_time="14:00",
        end_time="16:00",
        taskforce_id=tf.id,
        status="held",
        minutes="Tour de table.\nLe budget <prévisionnel> est validé.",
        decisions="- Lancer <vite> & bien\n- Relancer L'Œuvre Notre-Dame",
    )
    f.meeting(
        db,
        prog.id,
        kind="taskforce_meeting",
        title="Réunion annulée",
        date=TODAY + 5 * DAY,
        taskforce_id=tf.id,
        status="cancelled",
    )
    coming = f.meeting(
        db,
        prog.id,
        kind="taskforce_meeting",
        title="Taskforce énergie — réunion n° 2",
        date=TODAY + 30 * DAY,
        start_time="9:00",
        end_time="12:00",
        venue="Parc d'activités du Ried, 67110 Reichshoffen",
        taskforce_id=tf.id,
        agenda="Tour de table\nRevue de la feuille de route",
    )
    add = taskforces.add_action
    draft = taskforces.ActionDraft
    add(db, tf.id, draft(title="Diagnostic déjà fait", status="done", due_date=TODAY - 20 * DAY))
    add(
        db,
        tf.id,
        draft(
            title="Recenser les contrats <en cours>",
            owner_person_id=lukasz.id,
            start_date=TODAY - 60 * DAY,
            due_date=TODAY - 5 * DAY,
            status="in_progress",
            progress=40,
            decided_in_meeting_id=held.id,
        ),
    )
    add(
        db,
        tf.id,
        draft(
            title="Choisir le fournisseur",
            owner_organisation_id=oeuvre.id,
            start_date=TODAY,
            due_date=TODAY + 50 * DAY,
            is_milestone=True,
        ),
    )
    add(db, tf.id, draft(title="Bilan à une date à fixer"))
    meetings.set_attendance(db, held.id, [lukasz.id], status="present")
    meetings.set_attendance(db, held.id, [hong.id], status="excused")
    meetings.set_attendance(db, coming.id, [lukasz.id, hong.id], status="invited")
    return {"programme": prog.id, "tf": tf.id, "held": held.id, "coming": coming.id}


def test_roadmap_document_from_the_database(db: Database, network: dict[str, int]) -> None:
    doc = roadmap_document(db, network["tf"], today=TODAY)
    assert doc.taskforce == "Mutualisation des achats d'énergie"
    assert doc.edition_date == TODAY
    assert doc.status == "active"
    assert doc.lead_organisation == "R&D <Alsace>"
    assert doc.lead_contact == "Łukasz Wiśniewski"
    assert doc.problem_statement == "Les factures <énergie> ont doublé & plus."
    # The member who left is not printed.
    assert {(m.organisation, m.contact, m.role) for m in doc.members} == {
        ("R&D <Alsace>", "Łukasz Wiśniewski", "lead"),
        ("L'Œuvre Notre-Dame", "Thị Hồng Nguyễn", "member"),
    }
    assert [(a.number, a.late) for a in doc.actions] == [
        (1, False),
        (2, True),
        (3, False),
        (4, False),
    ]
    assert doc.actions[0].progress == 100
    assert doc.actions[1].owner == "Łukasz Wiśniewski (R&D <Alsace>)"
    assert doc.actions[2].is_milestone and doc.actions[2].owner == "L'Œuvre Notre-Dame"
    # The cancelled meeting is skipped; the last one held gives its decisions.
    assert doc.next_meeting is not None
    assert doc.next_meeting.title == "Taskforce énergie — réunion n° 2"
    assert doc.last_meeting is not None and doc.last_meeting.date == TODAY - 10 * DAY
    assert doc.last_decisions == "- Lancer <vite> & bien\n- Relancer L'Œuvre Notre-Dame"
    head = doc.letterhead
    assert head.programme == "RESILIAN - Alsace du Nord"
    assert head.agency == "Agence de développement Alsace Nord (ADAN)"
    assert head.operation_reference == "GE0012345"
    assert [funder.name for funder in head.funders] == ["Région Grand Est"]
    assert head.funders[0].logo_path is not None and head.funders[0].logo_path.is_file()


def test_roadmap_pdf_from_the_database(
    db: Database, network: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "feuille de route.pdf"
    write_roadmap_pdf(roadmap_document(db, network["tf"], today=TODAY), target)
    pdf = assert_sound(target, kind="Feuille de route")
    text = squash(pdf.text)
    for expected in (
        "Les factures <énergie> ont doublé & plus.",
        "Réduire de 10 % le coût",
        "Entreprise pilote R&D <Alsace>",
        "Łukasz Wiśniewski (pilote)",
        "Thị Hồng Nguyễn",
        "Recenser les contrats <en cours>",
        "En retard",
        "Lancer <vite> & bien",
        "Décisions de la dernière réunion (18/11/2026)",
        "Prochaine réunion",
        "Lundi 28 décembre 2026, 9 h 00 – 12 h 00, Parc d'activités du Ried",
        "Prochains jalons",
        "Choisir le fournisseur",
        "Action cofinancée par la Région Grand Est & l'agglomération.",
    ):
        assert expected in text, expected
    assert "Parti Ailleurs" not in text
    assert "Réduire de 10\u202f% le coût" in pdf.text
    # The funder's logo is drawn on every page.
    for page in pdf.reader.pages:
        resources: Any = page["/Resources"]
        assert len(resources["/XObject"]) == 1


def test_agenda_document_from_the_database(db: Database, network: dict[str, int]) -> None:
    doc = agenda_document(db, network["coming"], today=TODAY)
    assert doc.meeting.title == "Taskforce énergie — réunion n° 2"
    assert doc.meeting.taskforce == "Mutualisation des achats d'énergie"
    assert doc.agenda == "Tour de table\nRevue de la feuille de route"
    assert [p.full_name for p in doc.invited] == ["Thị Hồng Nguyễn", "Łukasz Wiśniewski"]
    assert doc.invited[1].organisation == "R&D <Alsace>"
    assert doc.invited[1].job_title == "Directeur <industriel>"
    # Late on the meeting's day, or due within two months of it; not done, not undated.
    assert [a.title for a in doc.actions_to_review] == [
        "Recenser les contrats <en cours>",
        "Choisir le fournisseur",
    ]
    assert doc.actions_to_review[0].late


def test_minutes_document_from_the_database(db: Database, network: dict[str, int]) -> None:
    doc = minutes_document(db, network["held"], today=TODAY)
    assert [p.full_name for p in doc.present] == ["Łukasz Wiśniewski"]
    assert [p.full_name for p in doc.excused] == ["Thị Hồng Nguyễn"]
    assert doc.minutes == "Tour de table.\nLe budget <prévisionnel> est validé."
    assert [a.title for a in doc.actions] == ["Recenser les contrats <en cours>"]
    assert doc.next_meeting is not None
    assert doc.next_meeting.title == "Taskforce énergie — réunion n° 2"


def test_meeting_pdfs_from_the_database(
    db: Database, network: dict[str, int], tmp_path: Path
) -> None:
    agenda = tmp_path / "odj.pdf"
    write_agenda_pdf(agenda_document(db, network["coming"], today=TODAY), agenda)
    text = squash(assert_sound(agenda, kind="Ordre du jour").text)
    assert "1. Tour de table" in text and "Directeur <industriel>" in text
    minutes = tmp_path / "cr.pdf"
    write_minutes_pdf(minutes_document(db, network["held"], today=TODAY), minutes)
    text = squash(assert_sound(minutes, kind="Compte rendu").text)
    assert "Le budget <prévisionnel> est validé." in text
    assert "Excusés Thị Hồng Nguyễn (L'Œuvre Notre-Dame)" in text


def test_funders_mentions_when_the_programme_has_none(db: Database, tmp_path: Path) -> None:
    prog = programmes.create_programme(db, programmes.ProgrammeDraft(name="Autre démarche"))
    for name in ("Région Grand Est", "Agglomération"):
        programmes.add_funder(
            db, prog.id, name=name, funding_mention=f"Avec le soutien de : {name}."
        )
    programmes.add_funder(db, prog.id, name="Fonds", logo_file="logos/absent.png")
    head = sources.letterhead(db, prog.id)
    assert head.funding_mention == (
        "Avec le soutien de : Région Grand Est. Avec le soutien de : Agglomération."
    )
    assert [f.logo_path for f in head.funders] == [None, None, None]


def test_logo_paths_relative_to_the_user_data_folder(tmp_path: Path) -> None:
    from resilian_desktop import paths

    logo = paths.data_dir() / "logos" / "region.png"
    logo.parent.mkdir(parents=True)
    Image.new("RGB", (10, 10)).save(logo)
    assert sources.resolve_logo("logos/region.png") == logo
    assert sources.resolve_logo(str(logo)) == logo
    assert sources.resolve_logo("logos/none.png") is None
    assert sources.resolve_logo("  ") is None


def test_unknown_ids_are_not_found(db: Database, network: dict[str, int]) -> None:
    with pytest.raises(NotFoundError, match="taskforce 999"):
        roadmap_document(db, 999)
    with pytest.raises(NotFoundError, match="meeting 999"):
        agenda_document(db, 999)
    with pytest.raises(NotFoundError, match="meeting 999"):
        minutes_document(db, 999)


def test_every_demo_roadmap_and_meeting_document(db: Database, tmp_path: Path) -> None:
    generate_demo(db)
    for taskforce in taskforces.list_taskforces(db):
        target = tmp_path / f"roadmap-{taskforce.id}.pdf"
        write_roadmap_pdf(roadmap_document(db, taskforce.id), target)
        pdf = assert_sound(target, kind="Feuille de route")
        assert squash(taskforce.name) in squash(pdf.text)
    meeting = meetings.list_meetings(db, kind="taskforce_meeting")[0]
    write_agenda_pdf(agenda_document(db, meeting.id), tmp_path / "a.pdf")
    write_minutes_pdf(minutes_document(db, meeting.id), tmp_path / "m.pdf")
    assert_sound(tmp_path / "a.pdf", kind="Ordre du jour")
    assert_sound(tmp_path / "m.pdf", kind="Compte rendu")


# --- the command line ---------------------------------------------------------------


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resilian_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )


def test_export_commands_write_pdfs(
    db: Database, db_location: str, network: dict[str, int], tmp_path: Path
) -> None:
    db.dispose()
    cases = (
        ("roadmap", "--taskforce", network["tf"], "Feuille de route"),
        ("agenda", "--meeting", network["coming"], "Ordre du jour"),
        ("minutes", "--meeting", network["held"], "Compte rendu"),
    )
    for kind, option, record_id, header in cases:
        target = tmp_path / f"{kind}.pdf"
        result = cli("--db", db_location, "export", kind, option, str(record_id), "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"{kind} written to {target} (")
        assert_sound(target, kind=header)


def test_export_command_errors(db: Database, db_location: str, tmp_path: Path) -> None:
    db.dispose()
    target = tmp_path / "out.pdf"
    result = cli("--db", db_location, "export", "roadmap", "--taskforce", "999", "-o", str(target))
    assert result.returncode == 1
    assert result.stderr.strip() == "error: taskforce 999 does not exist"
    result = cli("--db", db_location, "export", "minutes", "--meeting", "999", "-o", str(target))
    assert result.returncode == 1
    assert "meeting 999 does not exist" in result.stderr
    assert not target.exists()
    result = cli("--db", db_location, "export", "agenda", "-o", str(target))
    assert result.returncode == 2
    assert "--meeting" in result.stderr


def test_export_into_a_missing_folder_fails_cleanly(
    db: Database, db_location: str, network: dict[str, int], tmp_path: Path
) -> None:
    db.dispose()
    target = tmp_path / "missing" / "out.pdf"
    result = cli(
        "--db",
        db_location,
        "export",
        "roadmap",
        "--taskforce",
        str(network["tf"]),
        "-o",
        str(target),
    )
    assert result.returncode == 1
    assert "does not exist" in result.stderr


@needs_poppler
def test_poppler_reads_a_roadmap_from_the_database(
    db: Database, network: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "r.pdf"
    write_roadmap_pdf(roadmap_document(db, network["tf"], today=TODAY), target)
    text = squash(pdftotext(target))
    for expected in ("Łukasz Wiśniewski", "Nguyễn", "L'Œuvre Notre-Dame", "R&D <Alsace>"):
        assert expected in text
