"""Agenda and minutes PDFs drawn from plain dataclasses (no database)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from resilian_desktop.documents.agenda.model import AgendaDocument
from resilian_desktop.documents.agenda.pdf import write_agenda_pdf
from resilian_desktop.documents.lines import MeetingInfo, Participant
from resilian_desktop.documents.minutes.model import MinutesDocument
from resilian_desktop.documents.minutes.pdf import write_minutes_pdf
from resilian_desktop.documents.roadmap import samples
from tests.pdf_checks import assert_sound, needs_poppler, pdftotext, squash

MEETING = MeetingInfo(
    title="Taskforce « énergie » — réunion n° 14 chez R&D <Alsace>",
    kind="taskforce_meeting",
    date=dt.date(2027, 1, 20),
    start_time=dt.time(8, 30),
    end_time=dt.time(10, 30),
    venue="Parc d'activités du Ried, 67110 Reichshoffen",
    host="R&D <Alsace>",
    taskforce="Mutualisation des achats d'énergie",
    topics=("Énergie", "Achats"),
)
CONTACTS = (
    Participant("Wiśniewski", "Łukasz", "R&D <Alsace>", "Directeur <industriel>", "speaker"),
    Participant("Nguyễn", "Thị Hồng", "L'Œuvre Notre-Dame", "Responsable achats"),
    Participant("Kœnig", "Jean-François", None, None, "elected_official"),
)


def test_agenda(tmp_path: Path) -> None:
    document = AgendaDocument(
        letterhead=samples.letterhead(),
        meeting=MEETING,
        edition_date=samples.TODAY,
        agenda="08:30 Tour de table\nRevue de la feuille de route\n- actions en retard\n"
        "Décisions <à prendre> & suites",
        invited=CONTACTS,
        actions_to_review=samples.actions(6),
    )
    target = tmp_path / "odj.pdf"
    write_agenda_pdf(document, target)
    pdf = assert_sound(target, kind="Ordre du jour")
    text = squash(pdf.text)
    for expected in (
        "Taskforce « énergie » — réunion n° 14 chez R&D <Alsace>",
        "Type Réunion de taskforce",
        "Date Mercredi 20 janvier 2027",
        "Horaires 8 h 30 – 10 h 30",
        "Lieu Parc d'activités du Ried, 67110 Reichshoffen",
        "Accueil R&D <Alsace>",
        "Thématiques Énergie, Achats",
        "1. 08:30 Tour de table",
        "2. Revue de la feuille de route",
        "– actions en retard",
        "3. Décisions <à prendre> & suites",
        "Actions de la feuille de route à examiner",
        "3 personnes invitées",
        "Łukasz Wiśniewski",
        "Directeur <industriel>",
        "Thị Hồng Nguyễn",
        "L'Œuvre Notre-Dame",
        "Jean-François Kœnig",
    ):
        assert expected in text, expected
    for action in samples.actions(6):
        assert squash(action.title) in text


def test_agenda_without_contents(tmp_path: Path) -> None:
    bare = MeetingInfo(title="Business corner", kind="business_corner", date=dt.date(2027, 2, 1))
    target = tmp_path / "odj.pdf"
    assert write_agenda_pdf(AgendaDocument(samples.letterhead(), bare, samples.TODAY), target) == 1
    text = squash(assert_sound(target, kind="Ordre du jour").text)
    assert "L'ordre du jour sera précisé en séance." in text
    assert "La liste des invités n'est pas encore établie." in text
    assert "Horaires" not in text and "à examiner" not in text


def test_minutes(tmp_path: Path) -> None:
    document = MinutesDocument(
        letterhead=samples.letterhead(),
        meeting=MEETING,
        edition_date=samples.TODAY,
        minutes="Tour de table.\nLe budget de 12\u202f500\u202f€ est validé <sous réserve>.",
        decisions="- Diffuser la feuille de route\n- Relancer R&D <Alsace>",
        present=CONTACTS[:2],
        excused=CONTACTS[2:],
        actions=samples.actions(3),
        next_meeting=MeetingInfo("Réunion n° 15", "taskforce_meeting", dt.date(2027, 4, 6)),
    )
    target = tmp_path / "cr.pdf"
    write_minutes_pdf(document, target)
    pdf = assert_sound(target, kind="Compte rendu")
    text = squash(pdf.text)
    for expected in (
        "2 personnes présentes",
        "Łukasz Wiśniewski R&D <Alsace> Directeur <industriel> Intervenant",
        "Thị Hồng Nguyễn L'Œuvre Notre-Dame Responsable achats Participant",
        "Excusés Jean-François Kœnig",
        "Le budget de 12 500 € est validé <sous réserve>.",
        "Relevé de décisions",
        "Relancer R&D <Alsace>",
        "Actions décidées",
        "Prochaine réunion Mardi 6 avril 2027",
    ):
        assert expected in text, expected
    assert "12\u202f500\u202f€" in pdf.text


def test_minutes_not_written_yet(tmp_path: Path) -> None:
    cancelled = MeetingInfo("Copil", "steering_committee", dt.date(2027, 3, 1), status="cancelled")
    target = tmp_path / "cr.pdf"
    write_minutes_pdf(MinutesDocument(samples.letterhead(), cancelled, samples.TODAY), target)
    text = squash(assert_sound(target, kind="Compte rendu").text)
    for expected in (
        "Type Comité de pilotage",
        "Réunion annulée",
        "Aucune présence enregistrée.",
        "Compte rendu non rédigé.",
        "Aucune décision consignée.",
    ):
        assert expected in text, expected


@needs_poppler
def test_poppler_reads_the_minutes(tmp_path: Path) -> None:
    document = MinutesDocument(
        samples.letterhead(), MEETING, samples.TODAY, minutes="R&D <Alsace>", present=CONTACTS
    )
    target = tmp_path / "cr.pdf"
    write_minutes_pdf(document, target)
    text = squash(pdftotext(target))
    for expected in ("Łukasz", "Wiśniewski", "Nguyễn", "Kœnig", "R&D <Alsace>"):
        assert expected in text
