"""The attendance sheet ("feuille d'émargement") as a PDF for printing.

Content is decided elsewhere (services.sheets builds it for the Excel sheet);
this module lays out an AttendanceSheetDocument: the meeting's description,
one table with the speakers then the participants and one signature column
per half-day, numbered empty lines for walk-ins, the totals of a filled
sheet, the organiser's certification with room to sign and stamp, and the
personal-data notice. The funders' mention and logos are in every footer.

The fields follow services.sheets.AttendanceSheet, so turning one into the
other is a field-by-field copy (see the report of issue 5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from resilian_desktop.domain.vocab import MeetingKind
from resilian_desktop.exports.pdf.model import Letterhead, MeetingInfo
from resilian_desktop.exports.pdf.template import (
    CONTENT_WIDTH,
    PageSetup,
    Palette,
    build_document,
    styles,
)
from resilian_desktop.exports.pdf.text import label, long_date_fr, markup, time_range_fr
from resilian_desktop.exports.pdf.widgets import gap, key_values, make_table

TITLE = "Feuille d'émargement"
SIGN_HEIGHT = 10 * mm
"""Height of a signature cell: room for a signature at arm's length."""
FIXED_COLUMNS_MM = (7, 29, 24, 38, 30)  # n°, last name, first name, organisation, job
DEFAULT_CERTIFICATION = (
    "Je soussigné(e), ......................................................, certifie que "
    "les personnes dont la signature figure ci-dessus ont participé à la réunion décrite "
    "sur cette feuille. Fait pour valoir ce que de droit."
)
DEFAULT_PRIVACY = (
    "Données personnelles : les informations de cette feuille sont recueillies par "
    "l'organisateur pour justifier auprès des financeurs de la réalisation de l'action. "
    "Vous pouvez exercer vos droits d'accès, de rectification et d'opposition auprès de lui."
)


@dataclass(frozen=True)
class SheetLine:
    """One person's line: names, organisation and job of the day, one cell per half-day.

    *presence_labels* is empty on a sheet to sign; on a filled sheet it holds
    one word per half-day ("Présent", "Absent", "Excusé", "" when not recorded).
    """

    last_name: str
    first_name: str
    organisation: str | None = None
    job_title: str | None = None
    role_label: str = ""
    presence_labels: tuple[str, ...] = ()
    number: int | None = None


@dataclass(frozen=True)
class AttendanceSheetDocument:
    """Everything a printed attendance sheet shows, texts in French as printed."""

    letterhead: Letterhead
    meeting: MeetingInfo
    edition_date: dt.date
    half_day_labels: tuple[str, ...] = ("Matin",)
    speakers: tuple[SheetLine, ...] = ()
    participants: tuple[SheetLine, ...] = ()
    speaker_blank_rows: int = 2
    blank_rows: int = 5
    totals: tuple[str, ...] = ()
    certification_text: str = DEFAULT_CERTIFICATION
    privacy_notice: str = DEFAULT_PRIVACY
    title: str = TITLE


def write_attendance_pdf(sheet: AttendanceSheetDocument, target: Path) -> int:
    """Write the attendance sheet to *target* as an A4 PDF (atomically); returns the page count.

    The table's header (with one "Signature" column per half-day) repeats on
    every page; signature cells are SIGN_HEIGHT tall; texts are escaped.
    """
    st = styles()
    meeting = sheet.meeting
    story: list[Flowable] = [
        Paragraph(markup(sheet.title), st.subtitle),
        Paragraph(markup(meeting.title), st.title),
        gap(1),
        key_values(_facts(sheet)),
        gap(4),
        _table(sheet),
    ]
    if sheet.totals:
        story += [gap(2), *(Paragraph(markup(line), st.body) for line in sheet.totals)]
    story += [gap(5), _certification(sheet), gap(4)]
    story.append(Paragraph(markup(sheet.privacy_notice), st.small))
    setup = PageSetup(sheet.title, meeting.title, sheet.edition_date, sheet.letterhead)
    return build_document(target, story, setup, f"{sheet.title} — {meeting.title}")


def _facts(sheet: AttendanceSheetDocument) -> list[tuple[str, str]]:
    meeting = sheet.meeting
    operation = meeting.title
    if sheet.letterhead.operation_reference:
        operation += f" (opération n° {sheet.letterhead.operation_reference})"
    organiser = " — ".join(x for x in (sheet.letterhead.agency, sheet.letterhead.programme) if x)
    kind = label(MeetingKind, meeting.kind)
    if meeting.topics:
        kind += " — " + ", ".join(meeting.topics)
    rows = [
        ("Opération", markup(operation)),
        ("Organisateur", markup(organiser)),
        ("Type et thème", markup(kind)),
        ("Date", markup(long_date_fr(meeting.date).capitalize())),
    ]
    times = time_range_fr(meeting.start_time, meeting.end_time)
    half_days = " et ".join(h.lower() for h in sheet.half_day_labels)
    rows.append(("Horaires", markup(f"{times} ({half_days})" if times else half_days)))
    where = ", ".join(x for x in (meeting.venue, meeting.host) if x)
    if where:
        rows.append(("Lieu", markup(where)))
    return rows


def _table(sheet: AttendanceSheetDocument) -> Flowable:
    st = styles()
    signatures = max(len(sheet.half_day_labels), 1)
    fixed = [w * mm for w in FIXED_COLUMNS_MM]
    sign_width = (CONTENT_WIDTH - sum(fixed)) / signatures
    widths = fixed + [sign_width] * signatures
    header = ["N°", "Nom", "Prénom", "Organisation", "Fonction"] + [
        f"Signature — {h}" for h in sheet.half_day_labels or ("",)
    ]
    data: list[list[object]] = [[Paragraph(markup(h), st.cell_head) for h in header]]
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), Palette.BRAND),
        ("GRID", (0, 0), (-1, -1), 0.5, Palette.INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]

    def section(title: str) -> None:
        row = len(data)
        data.append([Paragraph(f"<b>{markup(title)}</b>", st.cell)] + [""] * (len(widths) - 1))
        commands.extend(
            [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), Palette.STRIPE)]
        )

    def person(line: SheetLine | None, number: str) -> None:
        job = ""
        if line is not None:
            job = markup(line.job_title)
            if line.role_label:
                job += ("<br/>" if job else "") + f"<i>{markup(line.role_label)}</i>"
        cells: list[object] = [
            Paragraph(number, st.cell_small),
            Paragraph(f"<b>{markup(line.last_name)}</b>" if line else "", st.cell),
            Paragraph(markup(line.first_name) if line else "", st.cell),
            Paragraph(markup(line.organisation) if line else "", st.cell),
            Paragraph(job, st.cell),
        ]
        labels = line.presence_labels if line else ()
        for index in range(signatures):
            word = labels[index] if index < len(labels) else ""
            # The spacer gives the cell its height to sign; a filled sheet shows the word.
            cells.append([Spacer(1, SIGN_HEIGHT - 6), Paragraph(markup(word), st.cell_small)])
        data.append(cells)

    section("Intervenants")
    for line in sheet.speakers:
        person(line, "")
    for _ in range(sheet.speaker_blank_rows):
        person(None, "")
    section("Participants")
    number = 0
    for line in sheet.participants:
        number = line.number or number + 1
        person(line, str(number))
    for _ in range(sheet.blank_rows):
        number += 1
        person(None, str(number))
    return make_table(data, widths, commands, repeat_rows=1)


def _certification(sheet: AttendanceSheetDocument) -> Flowable:
    st = styles()
    dots = "." * 40
    place_and_date = f"Fait à {dots}, le ......../......../{sheet.meeting.date.year}"
    box = make_table(
        [
            [
                Paragraph(place_and_date, st.body),
                [Paragraph("Signature et cachet de l'organisateur", st.small), Spacer(1, 22 * mm)],
            ]
        ],
        [CONTENT_WIDTH / 2, CONTENT_WIDTH / 2],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (1, 0), (1, 0), 0.7, Palette.INK),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
        ],
    )
    return KeepTogether([Paragraph(markup(sheet.certification_text), st.body), gap(2), box])
