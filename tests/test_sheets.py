"""Attendance sheet data (services.sheets) from a real migrated database.

``network()`` builds the small network the sheet, xlsx and report tests share.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image

from resilian_desktop.db.engine import Database
from resilian_desktop.domain.errors import NotFoundError
from resilian_desktop.services import meetings, organisations, programmes, taskforces
from resilian_desktop.services.privacy import erase_person
from resilian_desktop.services.sheets import (
    AttendanceSheet,
    attendance_sheet,
    attendance_sheets,
    french_date,
    resolve_logo,
)
from resilian_desktop.services.stats import Period, period_figures
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
    anna = f.person(db, "Anna", "Zimmer", organisation_id=fonderie.id, job_title="Directrice")
    bruno = f.person(db, "Bruno", "Adam", organisation_id=plasturgie.id, job_title="Responsable")
    chloe = f.person(db, "Chloé", "Ébert", organisation_id=fonderie.id, job_title="Acheteuse")
    elise = f.person(
        db,
        "Élise",
        "Élue",
        organisation_id=region.id,
        is_elected_official=True,
        mandate="Conseillère régionale",
        job_title="Conseillère régionale",
    )
    officer = f.person(
        db, "Béatrice", "Ritter", organisation_id=agency.id, job_title="Chargée de mission"
    )
    expert = f.person(db, "Łukasz", "Wiśniewski", organisation_id=plasturgie.id)
    gone = f.person(db, "Denis", "Parti", organisation_id=plasturgie.id)
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
    erase_person(db, gone.id)
    return {
        "programme": prog.id,
        "taskforce": tf.id,
        "held": held.id,
        "planned": planned.id,
        "fonderie": fonderie.id,
        "anna": anna.id,
        "gone": gone.id,
    }


def _names(sheet: AttendanceSheet) -> list[str]:
    return [p.last_name for p in sheet.participants]


def test_filled_sheet_of_a_held_meeting(db: Database) -> None:
    ids = network(db)
    sheet = attendance_sheet(db, ids["held"], today=dt.date(2026, 3, 13))
    assert sheet.filled
    assert sheet.document_title == "Feuille d'émargement"
    assert (sheet.programme_name, sheet.organiser) == ("RESILIAN - Alsace du Nord", AGENCY)
    assert sheet.meeting_title == "Business corner — Lean & 5S"
    assert sheet.kind_label == "Business corner"
    assert sheet.date_label == "jeudi 12 mars 2026"
    assert sheet.times_label == "9h00 – 16h30"
    assert sheet.duration_hours == 7.5
    assert [h.label for h in sheet.half_days] == ["Matin", "Après-midi"]
    assert sheet.host_organisation == "Fonderie Cœur d'Alsace"
    assert sheet.operation_reference == "GE0012345"
    assert sheet.funding_mentions == (MENTION,)
    assert [fu.name for fu in sheet.funders] == [
        "Région Grand Est",
        "Communauté d'agglomération de Haguenau",
    ]
    # Speakers and the organiser sign apart; everyone else is numbered, by name.
    assert [(p.last_name, p.role) for p in sheet.speakers] == [
        ("Ritter", "organiser"),
        ("Wiśniewski", "speaker"),
    ]
    assert _names(sheet) == ["Adam", "Contact effacé", "Ébert", "Élue", "Zimmer"]
    assert [p.number for p in sheet.participants] == [1, 2, 3, 4, 5]
    by_name = {p.last_name: p for p in sheet.participants}
    assert by_name["Adam"].presence == (True, False)
    assert by_name["Adam"].presence_labels == ("Présent", "Absent")
    assert by_name["Ébert"].presence_labels == ("Excusé", "Excusé")
    assert by_name["Contact effacé"].erased and by_name["Contact effacé"].first_name == ""
    assert by_name["Élue"].role_label == "Élu"
    assert sheet.certifier is not None and sheet.certifier.last_name == "Ritter"
    assert sheet.blank_rows == 0 and sheet.speaker_blank_rows == 0
    assert "Fait pour valoir ce que de droit" in sheet.certification_text
    assert AGENCY in sheet.privacy_notice
    assert sheet.generated_on == dt.date(2026, 3, 13)


def test_totals_agree_with_the_dashboard(db: Database) -> None:
    ids = network(db)
    sheet = attendance_sheet(db, ids["held"])
    totals = sheet.totals
    assert totals is not None
    assert (totals.listed, totals.present, totals.absent, totals.excused) == (7, 5, 1, 1)
    assert totals.present_by_half_day == (5, 4)
    figures = period_figures(db, Period(dt.date(2026, 3, 12), dt.date(2026, 3, 12)))
    assert totals.present == figures.participations
    assert sum(totals.present_by_half_day) == figures.person_half_days
    assert totals.organisations_represented == figures.distinct_organisations == 4
    assert sheet.totals_text == (
        "Personnes présentes : 5 (matin : 5, après-midi : 4) — absentes : 1 — "
        "excusées : 1 — structures représentées : 4"
    )


def test_blank_sheet_of_a_planned_meeting_lists_the_people_expected(db: Database) -> None:
    ids = network(db)
    sheet = attendance_sheet(db, ids["planned"])
    assert not sheet.filled and sheet.totals is None and sheet.totals_text is None
    # Excused before the meeting and erased contacts are not expected.
    assert _names(sheet) == ["Adam", "Zimmer"]
    assert [p.presence for p in sheet.participants] == [(None,), (None,)]
    assert [p.presence_labels for p in sheet.participants] == [("",), ("",)]
    assert [h.code for h in sheet.half_days] == ["afternoon"]
    assert [p.last_name for p in sheet.speakers] == ["Ritter"]
    assert sheet.speaker_blank_rows == 1
    assert sheet.blank_rows == 5  # at least five lines for walk-ins


def test_blank_sheet_of_a_held_meeting_keeps_everyone_without_presence(db: Database) -> None:
    ids = network(db)
    sheet = attendance_sheet(db, ids["held"], blank=True)
    assert not sheet.filled and sheet.totals is None
    assert len(sheet.participants) == 5
    assert all(p.presence == (None, None) for p in sheet.people)


def test_logos_are_given_only_when_the_file_exists(db: Database, tmp_path: Path) -> None:
    logo = make_logo(tmp_path / "region.png")
    ids = network(db, logo=logo)
    sheet = attendance_sheet(db, ids["held"])
    assert [fu.logo_path for fu in sheet.funders] == [logo, None]
    logo.unlink()
    assert attendance_sheet(db, ids["held"]).funders[0].logo_path is None


def test_logo_paths_are_resolved_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESILIAN_DATA_DIR", str(tmp_path))
    (tmp_path / "logos").mkdir()
    logo = make_logo(tmp_path / "logos" / "region.png")
    assert resolve_logo("logos/region.png") == logo
    assert resolve_logo("logos/missing.png") is None
    assert resolve_logo("") is None and resolve_logo(None) is None


def test_several_meetings_in_the_order_given_and_unknown_ids(db: Database) -> None:
    ids = network(db)
    sheets = attendance_sheets(db, [ids["planned"], ids["held"], ids["planned"]])
    assert [s.meeting_id for s in sheets] == [ids["planned"], ids["held"]]
    with pytest.raises(NotFoundError):
        attendance_sheet(db, 9999)


def test_french_dates() -> None:
    assert french_date(dt.date(2026, 5, 1)) == "vendredi 1er mai 2026"
    assert french_date(dt.date(2026, 8, 15)) == "samedi 15 août 2026"
