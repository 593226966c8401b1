"""The attendance sheet: one model, two variants, the same facts in Excel and in PDF.

Built from a real migrated database (tests/attendance_network.py), written by
the same entry point as the window and the command line, and read back:
openpyxl for the workbook, poppler (pdftotext) and pypdf for the PDF.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from openpyxl import load_workbook

from resilian_desktop.db.engine import Database
from resilian_desktop.documents.attendance_sheet.build import (
    attendance_sheet,
    attendance_sheets,
    export_attendance_sheets,
)
from resilian_desktop.documents.attendance_sheet.model import AttendanceSheet, Variant
from resilian_desktop.documents.attendance_sheet.xlsx import page_breaks
from resilian_desktop.documents.files import ExportError
from resilian_desktop.documents.sources import resolve_logo
from resilian_desktop.domain.errors import NotFoundError
from resilian_desktop.services import meetings, programmes
from resilian_desktop.services.stats import Period, period_figures
from tests import factories as f
from tests.attendance_network import AGENCY, MENTION, make_logo, network
from tests.pdf_checks import assert_sound, needs_poppler, pdftotext, read_pdf, squash

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)

PRESENCE_WORDS = ("Présent", "Absent", "Excusé", "Non renseigné")


def _names(sheet: AttendanceSheet) -> list[str]:
    return [p.last_name for p in sheet.participants]


# --- the model --------------------------------------------------------------------------


def test_record_of_a_held_meeting(db: Database) -> None:
    ids = network(db)
    sheet = attendance_sheet(db, ids["held"], today=dt.date(2026, 3, 13))
    assert sheet.variant is Variant.RECORD and not sheet.to_sign
    assert (sheet.title, sheet.variant_title) == ("Feuille d'émargement", "Relevé des présences")
    assert dict(sheet.facts) == {
        "Programme": "RESILIAN - Alsace du Nord",
        # The operation is the programme's, never the meeting's title.
        "Opération": "n° GE0012345",
        "Organisateur": AGENCY,
        "Type et thématique": "Business corner",
        "Taskforce": "Mutualisation des achats d'énergie",
        "Date": "jeudi 12 mars 2026",
        "Horaires": "9\u202fh\u202f00 – 16\u202fh\u202f30 (matin et après-midi)",
        # The host once: the venue does not name it, so it follows.
        "Lieu": "Salle Rhin, 3 place de la Gare, Haguenau (accueil : Fonderie Cœur d'Alsace)",
    }
    assert sheet.funding_mentions == (MENTION,)
    assert sheet.columns == (
        "N°",
        "Nom",
        "Prénom",
        "Structure",
        "Fonction",
        "Présence — matin",
        "Présence — après-midi",
    )
    # Speakers and the organiser sign apart; everyone else is numbered, by name.
    assert [(p.last_name, p.role_label) for p in sheet.speakers] == [
        ("Ritter", "Organisateur"),
        ("Wiśniewski", "Intervenant"),
    ]
    assert _names(sheet) == ["Adam", "Contact effacé", "Ébert", "Élue", "Zimmer"]
    assert [p.number for p in sheet.participants] == [1, 2, 3, 4, 5]
    by_name = {p.last_name: p for p in sheet.contacts}
    assert by_name["Adam"].presence == ("Présent", "Absent")
    assert by_name["Ébert"].presence == ("Excusé", "Excusé")
    assert by_name["Contact effacé"].presence == ("Absent", "Absent")
    assert by_name["Élue"].role_label == "Élu"
    assert all(len(p.signatures) == 2 for p in sheet.contacts)
    assert sheet.blank_rows == 0
    cert = sheet.certification
    assert cert.signer == "Béatrice Ritter, Chargée de mission"
    assert "Béatrice Ritter" in cert.text and "Fait pour valoir ce que de droit" in cert.text
    assert AGENCY in sheet.privacy_notice
    assert sheet.edition_date == dt.date(2026, 3, 13)


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
    assert sheet.totals_lines == (
        ("Personnes attendues", 7),
        ("Personnes présentes", 5),
        ("Présentes — matin", 5),
        ("Présentes — après-midi", 4),
        ("Absentes", 1),
        ("Excusées", 1),
        ("Structures représentées", 4),
    )


def test_sheet_to_sign_of_a_planned_meeting(db: Database) -> None:
    ids = network(db)
    sheet = attendance_sheet(db, ids["planned"])
    assert sheet.variant is Variant.TO_SIGN and sheet.totals is None and not sheet.totals_lines
    # Excused people only when asked; an erased contact will not come to sign.
    assert _names(sheet) == ["Adam", "Zimmer"]
    assert all(p.presence == () for p in sheet.contacts)
    assert [h.code for h in sheet.half_days] == ["afternoon"]
    assert sheet.columns[-1] == "Signature — après-midi"
    assert [p.last_name for p in sheet.speakers] == ["Ritter"]
    assert sheet.blank_rows == 5  # at least five numbered lines for walk-ins
    assert list(sheet.blank_numbers) == [3, 4, 5, 6, 7]
    asked = attendance_sheet(db, ids["planned"], include_excused=True)
    assert _names(asked) == ["Adam", "Ébert", "Zimmer"]


def test_nobody_expected_is_missing_whatever_the_status(db: Database) -> None:
    """A planned meeting where presence was already marked lists everyone (it listed 1 of 12)."""
    prog = f.programme(db)
    org = f.organisation(db)
    contacts = [f.contact(db, "Prénom", f"Nom{n:02d}", organisation_id=org.id) for n in range(12)]
    meeting = f.meeting(db, prog.id, date=dt.date(2026, 11, 5), status="planned")
    ids = [p.id for p in contacts]
    meetings.set_attendance(db, meeting.id, ids, status="invited")
    meetings.set_attendance(db, meeting.id, ids[:8], status="present")
    meetings.set_attendance(db, meeting.id, ids[8:10], status="absent")
    meetings.set_attendance(db, meeting.id, ids[10:11], status="registered")
    sheet = attendance_sheet(db, meeting.id)
    assert sheet.variant is Variant.TO_SIGN
    assert _names(sheet) == [f"Nom{n:02d}" for n in range(12)]
    record = attendance_sheet(db, meeting.id, blank=True)
    assert len(record.participants) == 12


def test_speakers_section_only_when_there_are_speakers(db: Database, tmp_path: Path) -> None:
    prog = f.programme(db)
    contacts = [f.contact(db, "Jeanne", "Martin"), f.contact(db, "Paul", "Durand")]
    meeting = f.meeting(db, prog.id, date=dt.date(2026, 11, 5))
    meetings.set_attendance(db, meeting.id, [p.id for p in contacts], status="invited")
    sheet = attendance_sheet(db, meeting.id)
    assert sheet.speakers == ()
    workbook, pdf = tmp_path / "s.xlsx", tmp_path / "s.pdf"
    export_attendance_sheets(db, [meeting.id], workbook)
    export_attendance_sheets(db, [meeting.id], pdf, pdf=True)
    cells = _cells(workbook)
    assert sheet.speakers_heading not in cells and sheet.participants_heading in cells
    text = read_pdf(pdf).text
    assert "Intervenant" not in text and "Participant(e)s" in text


def test_logos_and_per_funder_references(db: Database, tmp_path: Path) -> None:
    logo = make_logo(tmp_path / "region.png")
    ids = network(db, logo=logo)
    programmes.add_funder(db, ids["programme"], name="FEDER", operation_reference="AL0099")
    sheet = attendance_sheet(db, ids["held"])
    assert [fu.logo_path for fu in sheet.letterhead.funders] == [logo, None, None]
    assert dict(sheet.facts)["Opération"] == "n° GE0012345 ; FEDER : n° AL0099"
    logo.unlink()
    assert attendance_sheet(db, ids["held"]).letterhead.funders[0].logo_path is None


def test_logo_paths_are_resolved_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESILIAN_DATA_DIR", str(tmp_path))
    (tmp_path / "logos").mkdir()
    logo = make_logo(tmp_path / "logos" / "region.png")
    assert resolve_logo("logos/region.png") == logo
    assert resolve_logo("logos/missing.png") is None
    assert resolve_logo("") is None and resolve_logo(None) is None


def test_several_meetings_in_the_order_given_and_unknown_ids(db: Database, tmp_path: Path) -> None:
    ids = network(db)
    sheets = attendance_sheets(db, [ids["planned"], ids["held"], ids["planned"]])
    assert [s.meeting_id for s in sheets] == [ids["planned"], ids["held"]]
    with pytest.raises(NotFoundError):
        attendance_sheet(db, 9999)
    target = tmp_path / "two.xlsx"
    export_attendance_sheets(db, [ids["planned"], ids["held"]], target)
    assert len(load_workbook(target).worksheets) == 2
    with pytest.raises(ExportError, match="one meeting"):
        export_attendance_sheets(db, [ids["planned"], ids["held"]], tmp_path / "x.pdf", pdf=True)
    assert not (tmp_path / "x.pdf").exists()


# --- both formats, read back ------------------------------------------------------------


@dataclass
class ReadBack:
    """What a reader finds on a printed sheet."""

    facts: dict[str, str] = field(default_factory=dict)
    contacts: list[tuple[str, str]] = field(default_factory=list)  # (last, first) in order
    totals: dict[str, int] = field(default_factory=dict)
    header: list[str] = field(default_factory=list)
    table: list[list[object]] = field(default_factory=list)  # the people's rows, all cells


def _cells(path: Path) -> list[str]:
    sheet = load_workbook(path).worksheets[0]
    return [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]


def read_workbook(path: Path) -> ReadBack:
    sheet = load_workbook(path).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    found = ReadBack()
    header_at = next(i for i, r in enumerate(rows) if r[0] == "N°")
    found.header = [str(v).replace("\n", " — ") for v in rows[header_at]]  # as in the model
    for row in rows[:header_at]:
        if row[0] and row[2] and row[1] is None:
            found.facts[str(row[0])] = str(row[2])
    in_totals = False
    for row in rows[header_at + 1 :]:
        if row[0] == "Totaux":
            in_totals = True
        elif in_totals and row[0] and isinstance(row[3], int):
            found.totals[str(row[0])] = row[3]  # two by two: A-C and D, then E and F
            if row[4] and isinstance(row[5], int):
                found.totals[str(row[4])] = row[5]
        elif not in_totals and row[1] and isinstance(row[1], str):
            found.contacts.append((row[1], str(row[2] or "")))
            found.table.append(row)
        elif not in_totals and isinstance(row[0], int):
            found.table.append(row)  # a numbered empty row for walk-ins
    return found


def read_pdf_sheet(path: Path, sheet: AttendanceSheet) -> ReadBack:
    """The PDF as poppler reads it, looked for the model's values (order included)."""
    text = squash("\n".join(pdftotext(path, page=n) for n in range(1, _pages(path) + 1)))
    found = ReadBack()
    for label, value in sheet.facts:
        if f"{squash(label)} {squash(value)}" in text or (
            squash(label) in text and squash(value) in text
        ):
            found.facts[label] = value
    position = 0
    for contact in sheet.contacts:
        at = text.find(squash(contact.last_name), position)
        if at >= 0 and squash(contact.first_name) in text[at : at + 200]:
            found.contacts.append((contact.last_name, contact.first_name))
            position = at + len(contact.last_name)
    for label, _ in sheet.totals_lines:
        match = re.search(re.escape(squash(label)) + r" (\d+)", text)
        if match:
            found.totals[label] = int(match[1])
    # Headers print on two lines ("Présence" over "matin"): pypdf reads each cell's
    # lines together.
    drawn = squash(read_pdf(path).text)
    found.header = [h for h in sheet.columns if squash(h.replace(" — ", " ")) in drawn]
    return found


def _pages(path: Path) -> int:
    return len(read_pdf(path).pages)


@needs_poppler
@pytest.mark.parametrize("blank", [False, True], ids=["record", "to sign"])
def test_excel_and_pdf_carry_the_same_facts(db: Database, tmp_path: Path, blank: bool) -> None:
    ids = network(db, logo=make_logo(tmp_path / "region.png"))
    workbook, pdf = tmp_path / "sheet.xlsx", tmp_path / "sheet.pdf"
    (sheet,) = export_attendance_sheets(db, [ids["held"]], workbook, blank=blank)
    export_attendance_sheets(db, [ids["held"]], pdf, blank=blank, pdf=True)
    assert_sound(pdf, kind="Feuille d'émargement")
    excel, paper = read_workbook(workbook), read_pdf_sheet(pdf, sheet)
    expected_contacts = [(p.last_name, p.first_name) for p in sheet.contacts]
    assert excel.contacts == paper.contacts == expected_contacts
    assert excel.facts == paper.facts == dict(sheet.facts)
    assert excel.totals == paper.totals == dict(sheet.totals_lines)
    assert excel.header == list(sheet.columns) and paper.header == list(sheet.columns)
    cells = _cells(workbook)
    assert f"{sheet.title.upper()} — {sheet.variant_title.upper()}" in cells
    assert MENTION in cells and MENTION in squash(pdftotext(pdf, page=1))


@needs_poppler
def test_no_presence_word_in_a_signature_cell(db: Database, tmp_path: Path) -> None:
    ids = network(db)
    # A record never titles a column "Signature"; its words are under "Présence".
    record_xlsx, record_pdf = tmp_path / "r.xlsx", tmp_path / "r.pdf"
    export_attendance_sheets(db, [ids["held"]], record_xlsx)
    export_attendance_sheets(db, [ids["held"]], record_pdf, pdf=True)
    record = read_workbook(record_xlsx)
    assert not any("Signature" in h for h in record.header)
    assert all(h.startswith("Présence") for h in record.header[5:])
    # "Signature" is only the organiser's box on a record, and also each column on a sheet to sign.
    record_text = read_pdf(record_pdf).text
    assert record_text.count("Signature") == record_text.count("Signature et cachet") == 1
    # A sheet to sign has signature cells and nothing typed in them.
    to_sign_xlsx, to_sign_pdf = tmp_path / "s.xlsx", tmp_path / "s.pdf"
    export_attendance_sheets(db, [ids["held"]], to_sign_xlsx, blank=True)
    export_attendance_sheets(db, [ids["held"]], to_sign_pdf, blank=True, pdf=True)
    to_sign = read_workbook(to_sign_xlsx)
    assert to_sign.header[5:] == ["Signature — matin", "Signature — après-midi"]
    assert to_sign.table and all(row[5] is None and row[6] is None for row in to_sign.table)
    text = squash(
        " ".join(pdftotext(to_sign_pdf, page=n) for n in (1, 2) if n <= _pages(to_sign_pdf))
    )
    assert not any(word in text for word in PRESENCE_WORDS)


@needs_poppler
@pytest.mark.parametrize("contacts", [10, 12, 14, 30, 45, 60])
def test_the_certification_is_never_alone_on_a_page(
    db: Database, tmp_path: Path, contacts: int
) -> None:
    """The last rows and the certification share a page in the PDF, whatever the count."""
    prog = f.programme(db)
    org = f.organisation(db, "Fonderie Cœur d'Alsace")
    contacts = [
        f.contact(db, "Prénom", f"Nom{n:02d}", organisation_id=org.id, job_title="Directeur")
        for n in range(contacts)
    ]
    meeting = f.meeting(db, prog.id, date=dt.date(2026, 11, 5), start_time="9:00", end_time="12:00")
    meetings.set_attendance(db, meeting.id, [p.id for p in contacts], status="invited")
    target = tmp_path / "sheet.pdf"
    (sheet,) = export_attendance_sheets(db, [meeting.id], target, pdf=True)
    last_number = max(sheet.blank_numbers)
    for page in range(1, _pages(target) + 1):
        text = squash(pdftotext(target, page=page))
        if "Je soussigné(e)" in text:
            # The last numbered row is on the certification's page.
            assert re.search(rf"(^| ){last_number}( |$)", text), f"page {page} alone"
            break
    else:
        pytest.fail("no certification printed")


def test_workbook_page_breaks_keep_the_last_rows_with_the_certification() -> None:
    # Rows 1-10 header area, 11 table header, 12-61 people (36 pt), 62-70 the tail.
    heights = dict.fromkeys(range(1, 11), 15.0) | {11: 30.0}
    heights |= dict.fromkeys(range(12, 62), 36.0) | dict.fromkeys(range(62, 71), 20.0)
    breaks = page_breaks(heights, header_row=11, keep_from=62, page_height=1000)
    for end in breaks:
        # No page ends within the last two rows of the table or inside the tail.
        assert not 60 <= end <= 69
    pages = [0, *breaks, 70]
    for first, last in itertools.pairwise(pages):
        used = sum(heights[r] for r in range(first + 1, last + 1))
        assert used + (30 if first else 0) <= 1000


def test_the_demo_funders_have_fictional_logos_that_print(tmp_path: Path, db: Database) -> None:
    from resilian_desktop.demo import generate_demo

    generate_demo(db, today=dt.date(2026, 11, 28))
    held = next(m for m in meetings.list_meetings(db) if m.status == "held" and m.present)
    sheet = attendance_sheet(db, held.id)
    logos = [fu.logo_path for fu in sheet.letterhead.funders]
    assert logos and all(path is not None and path.is_file() for path in logos)
    target = tmp_path / "demo.pdf"
    export_attendance_sheets(db, [held.id], target, pdf=True)
    first_page = read_pdf(target).reader.pages[0]
    # Every logo is drawn (reportlab stores each image once, used by the funding
    # block and by the footer).
    assert len(first_page.images) == len(logos)
