"""The attendance sheet as an A4 PDF: the same model, words and order as the workbook.

Lays out model.AttendanceSheet: the funding block (every funder's logo at a
legible size, the mention), the title and variant, the header facts, one table
(speakers only when there are some, then participants and numbered empty rows
on a sheet to sign; the header repeated on every page), the totals of a
record, the organiser's certification and the personal-data notice.

The last two rows of the table, the totals and the certification are kept on
one page. When they had to move to a new page, the document is laid out a
second time with the table's header above those rows, so that page reads on
its own.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer, Table

from resilian_desktop.documents.attendance_sheet.model import (
    AttendanceSheet,
    SheetContact,
    Signature,
    SignatureProof,
)
from resilian_desktop.documents.letterhead import Funder
from resilian_desktop.documents.pdf_parts.fonts import REGULAR
from resilian_desktop.documents.pdf_parts.template import (
    CONTENT_WIDTH,
    PageSetup,
    Palette,
    build_document,
    read_logo,
    styles,
)
from resilian_desktop.documents.pdf_parts.widgets import gap, key_values, make_table
from resilian_desktop.documents.text import markup

SIGN_HEIGHT = 11 * mm
"""Height of a signature cell: room for a signature at arm's length."""
# N°, last name, first name, organisation, job; the half-days share the rest of
# the width. A sheet to sign leaves room to sign; a record, room for names.
FIXED_COLUMNS_MM = {True: (7, 27, 22, 36, 30), False: (7, 30, 24, 43, 38)}
SIGNATURE_HEIGHT = 10 * mm
"""Height of a signature given on screen, as printed in its cell."""
INK, LATE = (f"#{c.hexval()[2:]}" for c in (Palette.INK, Palette.LATE))
QR_SIZE = 26 * mm  # read by a phone from arm's length
FUNDING_LOGO_HEIGHT = 16 * mm  # legible, as the funders' publicity rules ask
FUNDING_LOGO_MAX_WIDTH = 50 * mm
KEPT_ROWS = 2
"""Table rows that always stay on the page of the certification."""


class _PageMark(Flowable):
    """Zero-size: remembers the page it was drawn on."""

    def __init__(self) -> None:
        super().__init__()
        self.page = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.page = self.canv.getPageNumber()


def _funding_block(sheet: AttendanceSheet) -> list[Flowable]:
    st = styles()
    logos: list[Flowable] = []
    named: list[Funder] = []
    for funder in sheet.letterhead.funders:
        logo = read_logo(funder.logo_path, FUNDING_LOGO_HEIGHT, FUNDING_LOGO_MAX_WIDTH)
        if logo is None:
            named.append(funder)
        else:
            _, width, height = logo
            logos.append(Image(str(funder.logo_path), width=width, height=height))
    story: list[Flowable] = []
    if logos:
        # make_table, not Table: reportlab's default cell font would be an unembedded Helvetica.
        row = make_table(
            [logos],
            [None] * len(logos),
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ],
        )
        row.hAlign = "CENTER"
        story += [row, gap(1.5)]
    if named:
        story.append(
            Paragraph(
                "<b>Avec le soutien de : " + markup(" · ".join(f.name for f in named)) + "</b>",
                st.cell,
            )
        )
    for mention in sheet.funding_mentions:
        story.append(Paragraph(f"<i>{markup(mention)}</i>", st.small))
    if story:
        story.append(gap(3))
    return story


def _job(contact: SheetContact) -> str:
    job = markup(contact.job_title)
    if contact.role_label:
        job += ("<br/>" if job else "") + f"<i>{markup(contact.role_label)}</i>"
    return job


def _signature_cell(
    signature: Signature, presence: str | None, width: float
) -> list[Flowable] | None:
    """A half-day's cell: the signature given on screen, then on one line the
    presence of a record, the signing time and what is missing; None for a
    cell left to sign on paper."""
    st = styles()
    parts: list[Flowable] = []
    if signature.image is not None:
        reader = ImageReader(io.BytesIO(signature.image))
        pixels_wide, pixels_high = reader.getSize()
        scale = min((width - 5) / pixels_wide, SIGNATURE_HEIGHT / pixels_high)
        image = Image(
            io.BytesIO(signature.image), width=pixels_wide * scale, height=pixels_high * scale
        )
        image.hAlign = "LEFT"
        parts.append(image)
    words = [f'<font color="{INK}">{markup(presence)}</font>'] if presence else []
    if signature.time:
        words.append(markup(signature.time))
    if signature.note:
        # Said in words and in colour: a controller looks for exactly this.
        words.append(f'<font color="{LATE}"><b>{markup(signature.note)}</b></font>')
    if words:
        parts.append(Paragraph(" · ".join(words), st.cell_small))
    return parts or None


def _rows(sheet: AttendanceSheet) -> tuple[list[list[object]], set[int]]:
    """The table's body rows (no header), and which of them are section headings."""
    st = styles()
    columns = len(sheet.columns)
    rows: list[list[object]] = []
    sections: set[int] = set()
    width = _widths(sheet)[-1]

    def section(title: str) -> None:
        sections.add(len(rows))
        rows.append([Paragraph(f"<b>{markup(title)}</b>", st.cell)] + [""] * (columns - 1))

    def contact(line: SheetContact | None, number: int | None) -> None:
        cells: list[object] = [
            Paragraph(str(number) if number else "", st.cell_small),
            Paragraph(f"<b>{markup(line.last_name)}</b>" if line else "", st.cell),
            Paragraph(markup(line.first_name) if line else "", st.cell),
            Paragraph(markup(line.organisation) if line else "", st.cell),
            Paragraph(_job(line) if line else "", st.cell),
        ]
        words = line.presence if line is not None else ()
        for index in range(len(sheet.half_days)):
            # A record types the presence, in a column titled as presence.
            cell = _signature_cell(
                line.signatures[index] if line is not None else Signature(),
                None if sheet.to_sign else words[index],
                width,
            )
            # An empty cell as tall as a signature needs (a long name may make it taller).
            cells.append(cell if cell is not None else Spacer(1, SIGN_HEIGHT - 6))
        rows.append(cells)

    if sheet.speakers:
        section(sheet.speakers_heading)
        for line in sheet.speakers:
            contact(line, None)
    section(sheet.participants_heading)
    for line in sheet.participants:
        contact(line, line.number)
    for number in sheet.blank_numbers:
        contact(None, number)
    return rows, sections


def _widths(sheet: AttendanceSheet) -> list[float]:
    count = max(len(sheet.half_days), 1)
    # Signatures, on paper or on screen, need the roomy half-day columns.
    fixed = [w * mm for w in FIXED_COLUMNS_MM[sheet.to_sign or sheet.signed]]
    return fixed + [(CONTENT_WIDTH - sum(fixed)) / count] * count


def _table(
    sheet: AttendanceSheet, rows: Sequence[list[object]], sections: set[int], *, header: bool
) -> Table:
    st = styles()
    widths = _widths(sheet)
    data: list[list[object]] = [list(r) for r in rows]
    offset = 0
    if header:
        # "Signature — matin" over two lines, as in the workbook.
        heads = [markup(h).replace(" — ", "<br/>") for h in sheet.columns]
        data.insert(0, [Paragraph(h, st.cell_head) for h in heads])
        offset = 1
    style: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, Palette.INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), Palette.BRAND))
    for row in sorted(sections):
        at = row + offset
        style += [("SPAN", (0, at), (-1, at)), ("BACKGROUND", (0, at), (-1, at), Palette.STRIPE)]
    if not sheet.to_sign:
        style += [
            ("TOPPADDING", (0, offset), (-1, -1), 4),
            ("BOTTOMPADDING", (0, offset), (-1, -1), 4),
        ]
        style.append(("ALIGN", (5, offset), (-1, -1), "CENTER"))
    return make_table(data, widths, style, repeat_rows=1 if header else 0)


def _totals(sheet: AttendanceSheet) -> list[Flowable]:
    """The totals two by two, as in the workbook: short enough to stay with the last rows."""
    lines = sheet.totals_lines
    if not lines:
        return []
    st = styles()
    cells: list[list[object]] = [
        [Paragraph(markup(label), st.cell), Paragraph(f"<b>{value}</b>", st.cell)]
        for label, value in lines
    ]
    rows: list[list[object]] = [[Paragraph("<b>Totaux</b>", st.cell), "", "", ""]]
    for first in range(0, len(cells), 2):
        pair = cells[first : first + 2]
        rows.append(pair[0] + (pair[1] if len(pair) > 1 else ["", ""]))  # label, count x 2
    table = make_table(
        rows,
        [52 * mm, 14 * mm, 52 * mm, 14 * mm],
        [
            ("SPAN", (0, 0), (-1, 0)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, Palette.INK),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ],
    )
    return [gap(3), table]


def _qr_code(text: str, size: float) -> Drawing:
    widget = QrCodeWidget(text, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(
        size,
        size,
        transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0],
        # Else the drawing declares reportlab's unembedded Helvetica.
        initialFontName=REGULAR,
    )
    drawing.add(widget)
    return drawing


def _proof(proof: SignatureProof | None) -> list[Flowable]:
    """The signature chain's code and QR code, and how to check them."""
    if proof is None:
        return []
    st = styles()
    box = make_table(
        [
            [
                _qr_code(proof.qr_text, QR_SIZE),
                [
                    Paragraph(f"<b>{markup(proof.title)}</b>", st.body),
                    gap(1),
                    Paragraph(markup(proof.how_to_check), st.small),
                ],
            ]
        ],
        [QR_SIZE + 4 * mm, CONTENT_WIDTH - QR_SIZE - 4 * mm],
        [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)],
    )
    return [gap(3), box]


def _certification(sheet: AttendanceSheet) -> list[Flowable]:
    st = styles()
    cert = sheet.certification
    box = make_table(
        [
            [
                Paragraph(markup(cert.place_and_date), st.body),
                [Paragraph(markup(cert.signature_label), st.small), Spacer(1, 22 * mm)],
            ]
        ],
        [CONTENT_WIDTH / 2, CONTENT_WIDTH / 2],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (1, 0), (1, 0), 0.7, Palette.INK),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
        ],
    )
    return [gap(4), Paragraph(markup(cert.text), st.body), gap(2), box]


def _story(
    sheet: AttendanceSheet, *, header_on_tail: bool
) -> tuple[list[Flowable], _PageMark, _PageMark]:
    st = styles()
    rows, sections = _rows(sheet)
    cut = max(0, len(rows) - KEPT_ROWS)
    table_end, tail_start = _PageMark(), _PageMark()
    story: list[Flowable] = [
        *_funding_block(sheet),
        Paragraph(markup(f"{sheet.title} — {sheet.variant_title}"), st.subtitle),
        Paragraph(markup(sheet.meeting_title), st.title),
        gap(1),
        key_values([(label, markup(value)) for label, value in sheet.facts]),
        gap(4),
    ]
    if cut:
        story.append(_table(sheet, rows[:cut], {r for r in sections if r < cut}, header=True))
    story.append(table_end)
    tail: list[Flowable] = [tail_start]
    tail.append(
        _table(
            sheet,
            rows[cut:],
            {r - cut for r in sections if r >= cut},
            header=header_on_tail or not cut,
        )
    )
    tail += [*_totals(sheet), *_proof(sheet.proof), *_certification(sheet)]
    story.append(KeepTogether(tail))
    story += [gap(4), Paragraph(markup(sheet.privacy_notice), st.small)]
    return story, table_end, tail_start


def write_attendance_pdf(sheet: AttendanceSheet, target: Path) -> int:
    """Write the attendance sheet to *target* as an A4 PDF (atomically); returns the page count."""
    setup = PageSetup(sheet.title, sheet.meeting_title, sheet.edition_date, sheet.letterhead)
    title = f"{sheet.title} — {sheet.meeting_title}"
    story, table_end, tail_start = _story(sheet, header_on_tail=False)
    pages = build_document(target, story, setup, title)
    if tail_start.page > table_end.page:
        # The last rows and the certification moved to a new page: give them the header.
        story, _, _ = _story(sheet, header_on_tail=True)
        pages = build_document(target, story, setup, title)
    return pages
