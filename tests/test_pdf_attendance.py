"""The attendance sheet as a PDF for printing (no database)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from resilian_desktop.exports.pdf import (
    AttendanceSheetDocument,
    MeetingInfo,
    SheetLine,
    samples,
    write_attendance_pdf,
)
from tests.pdf_checks import assert_sound, needs_poppler, pdftotext, squash

KIND = "Feuille d'émargement"
MEETING = MeetingInfo(
    title="Business corner — Lean chez R&D <Alsace>",
    kind="business_corner",
    date=dt.date(2027, 1, 20),
    start_time=dt.time(9),
    end_time=dt.time(16, 30),
    venue="Parc d'activités du Ried, 67110 Reichshoffen",
    host="R&D <Alsace>",
    topics=("Lean",),
)
PEOPLE = (
    SheetLine("Wiśniewski", "Łukasz", "R&D <Alsace>", "Directeur <industriel>"),
    SheetLine("Nguyễn", "Thị Hồng", "L'Œuvre Notre-Dame", "Acheteuse"),
)


def sheet(**kw: object) -> AttendanceSheetDocument:
    base = AttendanceSheetDocument(
        letterhead=samples.letterhead(),
        meeting=MEETING,
        edition_date=samples.TODAY,
        half_day_labels=("Matin", "Après-midi"),
        speakers=(
            SheetLine("Blanchard", "Mélanie", "ADAN", "Chargée de mission", "Organisatrice"),
        ),
        participants=PEOPLE,
    )
    return dataclasses.replace(base, **kw)  # type: ignore[arg-type]


def test_a_sheet_to_sign(tmp_path: Path) -> None:
    target = tmp_path / "emargement.pdf"
    assert write_attendance_pdf(sheet(), target) == 1
    pdf = assert_sound(target, kind=KIND)
    text = squash(pdf.text)
    for expected in (
        "Business corner — Lean chez R&D <Alsace>",
        "Opération Business corner — Lean chez R&D <Alsace> (opération n° GE0012345)",
        "Organisateur Agence de développement Alsace Nord (ADAN) — RESILIAN - Alsace du Nord",
        "Type et thème Business corner — Lean",
        "Date Mercredi 20/01/2027",
        "Horaires 9 h 00 – 16 h 30 (matin et après-midi)",
        "Signature — Matin",
        "Signature — Après-midi",
        "Intervenants",
        "Blanchard Mélanie ADAN Chargée de mission Organisatrice",
        "Participants",
        "1 Wiśniewski Łukasz R&D <Alsace> Directeur <industriel>",
        "2 Nguyễn Thị Hồng L'Œuvre Notre-Dame Acheteuse",
        "Fait pour valoir ce que de droit.",
        "Signature et cachet de l'organisateur",
        "Données personnelles",
    ):
        assert expected in text, expected
    # Five numbered empty lines for walk-ins follow the two participants.
    assert "3 4 5 6 7" in text


def test_a_filled_sheet_with_one_half_day(tmp_path: Path) -> None:
    filled = sheet(
        half_day_labels=("Matin",),
        participants=(
            dataclasses.replace(PEOPLE[0], presence_labels=("Présent",)),
            dataclasses.replace(PEOPLE[1], presence_labels=("Excusé",)),
        ),
        blank_rows=0,
        speaker_blank_rows=0,
        totals=("2 personnes inscrites, 1 présente, 1 excusée.",),
    )
    target = tmp_path / "rempli.pdf"
    write_attendance_pdf(filled, target)
    text = squash(assert_sound(target, kind=KIND).text)
    assert "Signature — Matin" in text and "Après-midi" not in text
    assert "Directeur <industriel> Présent" in text
    assert "Acheteuse Excusé" in text
    assert "2 personnes inscrites, 1 présente, 1 excusée." in text


def test_a_long_list_repeats_the_header_on_every_page(tmp_path: Path) -> None:
    many = tuple(SheetLine(f"Nom{n}", "Prénom", "Organisation", "Fonction") for n in range(1, 61))
    target = tmp_path / "longue.pdf"
    pages = write_attendance_pdf(sheet(participants=many), target)
    assert pages >= 3
    pdf = assert_sound(target, kind=KIND)
    for text in pdf.pages:
        assert "Signature — Matin" in squash(text)
    assert "Nom60" in pdf.text


@needs_poppler
def test_poppler_reads_the_sheet(tmp_path: Path) -> None:
    target = tmp_path / "emargement.pdf"
    write_attendance_pdf(sheet(), target)
    text = squash(pdftotext(target))
    for expected in ("Łukasz", "Wiśniewski", "Nguyễn", "L'Œuvre Notre-Dame", "R&D <Alsace>"):
        assert expected in text
