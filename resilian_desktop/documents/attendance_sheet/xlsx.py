"""The attendance sheet as an Excel workbook, one worksheet per meeting, ready to print on A4.

Lays out model.AttendanceSheet and decides nothing about content: the funding
block (every funder's logo, the mention), the title and variant, the header
facts, one table (speakers only when there are some, then participants and
numbered empty rows on a sheet to sign), the totals of a record, the
organiser's certification and the personal-data notice.

Page breaks are placed here rather than left to the spreadsheet: the scale
is fixed (the table fits the page width), every row has an explicit height,
so the pages can be counted, and a break is moved up when the certification
would otherwise start a page alone. The table's header repeats on each page.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import segno
from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break, RowBreak
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

# Pillow scales the logos before they are embedded, and measures the signatures.
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from resilian_desktop.documents.attendance_sheet.model import (
    AttendanceSheet,
    SheetContact,
    Signature,
    SignatureProof,
)
from resilian_desktop.documents.files import ExportError, atomic_output
from resilian_desktop.documents.letterhead import Funder
from resilian_desktop.documents.xlsx_parts.cells import (
    header_footer_text,
    safe_text,
    set_sheet_cell,
    sheet_title,
)

FONT_NAME = "Arial"  # Liberation Sans has the same metrics where Arial is missing
BASE_SIZE = 10
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
WRAP_CENTER = Alignment(wrap_text=True, vertical="center")
CENTERED = Alignment(wrap_text=True, horizontal="center", vertical="center")

# Column widths in characters of the default font: N°, last name, first name,
# organisation, job, then the half-days sharing a fixed total, so one or two
# half-days print at the same scale. A sheet to sign leaves room to sign; a
# record, room for names (the same total width: the same scale).
# The total is kept small enough that the text prints at about 8 points once
# fitted to A4 (LibreOffice fits wider columns, so smaller).
FIXED_WIDTHS = {True: (4.0, 16.0, 13.0, 22.0, 18.0), False: (4.0, 18.0, 14.0, 28.0, 24.0)}
HALF_DAY_TOTAL = {True: 44.0, False: 29.0}
SIGN_ROW_HEIGHT = 36.0  # points: about 1 cm once scaled, room to sign
SIGNED_ROW_HEIGHT = 46.0  # a signature given on screen above its time
SIGNATURE_HEIGHT_PX = 40
QR_MODULE_PX = 3  # pixels a module of the QR code: read by a phone once printed
NOTE_FONT_COLOR = "A61B1B"  # the PDF's colour for what a controller looks for
RECORD_ROW_HEIGHT = 18.0
LOGO_HEIGHT_PX = 60  # about 12 mm once scaled: legible, as funders ask
LOGO_GAP_PX = 24
CERTIFICATION_BOX_ROWS = 3

# A4 portrait in points and the margins set below (inches -> points).
PAGE_HEIGHT_PT = 841.89
PAGE_WIDTH_PT = 595.28
MARGIN_SIDE_IN, MARGIN_TOP_IN, MARGIN_BOTTOM_IN = 0.4, 0.6, 0.7
# Row heights are estimates of wrapped text: leave a little room on each page.
PAGE_FILL = 0.95


@dataclass(frozen=True)
class _Layout:
    widths: tuple[float, ...]

    @property
    def columns(self) -> int:
        return len(self.widths)

    def chars(self, first: int, last: int) -> float:
        """Width in characters of columns first..last (1-based, inclusive)."""
        return sum(self.widths[first - 1 : last])

    @property
    def pixels(self) -> list[int]:
        # Excel's conversion for its default font: 7 pixels a character plus padding.
        return [int(w * 7 + 5) for w in self.widths]

    @property
    def scale(self) -> int:
        """The print scale (percent) at which the columns fill the page width."""
        printable_px = (PAGE_WIDTH_PT / 72 - 2 * MARGIN_SIDE_IN) * 96
        return min(100, math.floor(printable_px / sum(self.pixels) * 100))


def _font(size: float = BASE_SIZE, *, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def _lines(text: str, width_chars: float, size: float = BASE_SIZE) -> int:
    """Lines that *text* takes when wrapped in a column *width_chars* wide.

    A column's width counts the default font's digits (7 pixels); French
    text in 10-point Arial averages about 6 pixels a character, a little
    more for capitals, so the estimate errs on the tall side.
    """
    per_line = max(1, int(width_chars * 1.12 * BASE_SIZE / size))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _height(lines: int, size: float = BASE_SIZE) -> float:
    return lines * size * 1.3 + 4


class _Sheet:
    """One worksheet being written row by row, each row's height recorded."""

    def __init__(self, ws: Worksheet, layout: _Layout) -> None:
        self.ws = ws
        self.layout = layout
        self.row = 0
        self.heights: dict[int, float] = {}

    def next(self, height: float) -> int:
        self.row += 1
        self.ws.row_dimensions[self.row].height = height
        self.heights[self.row] = height
        return self.row

    def gap(self, height: float = 8.0) -> None:
        self.next(height)

    def merged(
        self,
        first: int,
        last: int,
        value: object,
        *,
        font: Font,
        alignment: Alignment = WRAP_CENTER,
        row: int | None = None,
    ) -> None:
        at = row or self.row
        cell = set_sheet_cell(self.ws, at, first, value)
        cell.font = font
        cell.alignment = alignment
        if last > first:
            self.ws.merge_cells(start_row=at, start_column=first, end_row=at, end_column=last)

    def text_row(
        self,
        text: str,
        *,
        size: float = BASE_SIZE,
        bold: bool = False,
        italic: bool = False,
        minimum: float = 15.0,
        alignment: Alignment = WRAP_TOP,
    ) -> int:
        full = self.layout.chars(1, self.layout.columns)
        row = self.next(max(minimum, _height(_lines(text, full, size), size)))
        self.merged(
            1,
            self.layout.columns,
            text,
            font=_font(size, bold=bold, italic=italic),
            alignment=alignment,
        )
        return row


def _logo_image(path: Path, height_px: int) -> Image | None:
    """The logo scaled to *height_px*, as PNG; None when the file is not a usable image."""
    try:
        with PILImage.open(path) as source:
            source.load()
            picture = source.convert("RGBA")
    except (OSError, UnidentifiedImageError, ValueError):
        return None  # an unreadable logo falls back to the funder's name
    if picture.width == 0 or picture.height == 0:
        return None
    ratio = height_px / picture.height
    size = (max(1, round(picture.width * ratio)), height_px)
    # Stored at twice the printed size: sharp on paper, still a small file.
    stored = picture.resize((size[0] * 2, size[1] * 2))
    buffer = io.BytesIO()
    stored.save(buffer, format="PNG")
    buffer.seek(0)
    image = Image(buffer)
    image.width, image.height = size
    return image


def _emu(pixels: int) -> int:
    """Pixels (at 96 dpi) in the English Metric Units of drawings."""
    return pixels * 9525


def _place_logos(sheet: _Sheet, funders: Sequence[Funder]) -> list[str]:
    """Put the logos side by side, centred, on the current row; returns the funders without one."""
    images: list[Image] = []
    missing: list[str] = []
    for funder in funders:
        image = _logo_image(funder.logo_path, LOGO_HEIGHT_PX) if funder.logo_path else None
        if image is None:
            missing.append(funder.name)
        else:
            images.append(image)
    if not images:
        return missing
    column_px = sheet.layout.pixels
    available = sum(column_px) - LOGO_GAP_PX
    needed = sum(int(i.width) for i in images) + LOGO_GAP_PX * (len(images) - 1)
    scale = min(1.0, available / needed)
    x = max(0, int((available - needed * scale) / 2))
    for image in images:
        width, height = int(image.width * scale), int(image.height * scale)
        column, offset = 0, x
        while column < len(column_px) - 1 and offset >= column_px[column]:
            offset -= column_px[column]
            column += 1
        image.width, image.height = width, height
        image.anchor = OneCellAnchor(
            _from=AnchorMarker(col=column, colOff=_emu(offset), row=sheet.row - 1, rowOff=0),
            ext=XDRPositiveSize2D(_emu(width), _emu(height)),
        )
        sheet.ws.add_image(image)
        x += width + int(LOGO_GAP_PX * scale)
    return missing


def _funding_block(sheet: _Sheet, data: AttendanceSheet) -> None:
    """Every funder's logo (or name), then the mention: the funders' publicity rule."""
    if data.letterhead.funders:
        sheet.next(LOGO_HEIGHT_PX * 0.75 + 6)  # pixels -> points, and a margin
        missing = _place_logos(sheet, data.letterhead.funders)
        if missing:
            sheet.text_row(
                "Avec le soutien de : " + " · ".join(missing),
                size=9,
                bold=True,
                alignment=CENTERED,
            )
    for mention in data.funding_mentions:
        sheet.text_row(mention, size=9, italic=True, alignment=CENTERED)


def _facts(sheet: _Sheet, data: AttendanceSheet) -> None:
    layout = sheet.layout
    label_width, value_width = layout.chars(1, 2), layout.chars(3, layout.columns)
    for label, value in data.facts:
        lines = max(_lines(label, label_width), _lines(value, value_width))
        sheet.next(max(15.0, _height(lines)))
        sheet.merged(1, 2, label, font=_font(bold=True), alignment=WRAP_TOP)
        sheet.merged(3, layout.columns, value, font=_font(), alignment=WRAP_TOP)


def _job(contact: SheetContact) -> str | None:
    """The job of the day, and the role of a speaker or organiser under it."""
    parts = [p for p in (contact.job_title, contact.role_label) if p]
    return "\n".join(parts) or None


def _half_day_text(signature: Signature, presence: str | None) -> str | None:
    """The words of a half-day's cell, under the signature image when there is one."""
    words = [w for w in (presence, signature.time, signature.note) if w]
    return " · ".join(words) or None


def _place_signature(sheet: _Sheet, row: int, column: int, png: bytes) -> None:
    """The signature at the top of its cell, scaled into the column's width."""
    with PILImage.open(io.BytesIO(png)) as source:
        wide, high = source.size
    column_px = sheet.layout.pixels[column - 1]
    scale = min(SIGNATURE_HEIGHT_PX / high, (column_px - 8) / wide)
    width, height = max(1, int(wide * scale)), max(1, int(high * scale))
    image = Image(io.BytesIO(png))
    image.width, image.height = width, height
    image.anchor = OneCellAnchor(
        _from=AnchorMarker(col=column - 1, colOff=_emu(4), row=row - 1, rowOff=_emu(3)),
        ext=XDRPositiveSize2D(_emu(width), _emu(height)),
    )
    sheet.ws.add_image(image)


def _contact_row(
    sheet: _Sheet, data: AttendanceSheet, contact: SheetContact | None, number: int | None
) -> None:
    layout = sheet.layout
    values: list[object] = [number]
    cells: tuple[Signature, ...] = ()
    if contact is not None:
        values += [contact.last_name, contact.first_name, contact.organisation, _job(contact)]
        cells = contact.signatures
        values += [
            _half_day_text(signature, None if data.to_sign else contact.presence[index])
            for index, signature in enumerate(cells)
        ]
    tallest = 1
    for column, value in enumerate(values, start=1):
        if isinstance(value, str):
            tallest = max(tallest, _lines(value, layout.widths[column - 1]))
    base = SIGN_ROW_HEIGHT if data.to_sign else RECORD_ROW_HEIGHT
    if any(c.image is not None for c in cells):
        base = SIGNED_ROW_HEIGHT
    row = sheet.next(max(base, _height(tallest)))
    for column in range(1, layout.columns + 1):
        value = values[column - 1] if column <= len(values) else None
        cell = set_sheet_cell(sheet.ws, row, column, value)
        cell.border = BOX
        cell.font = _font(bold=column == 2)
        cell.alignment = CENTERED if column == 1 or column > 5 else WRAP_CENTER
    for index, signature in enumerate(cells):
        column = len(FIXED_WIDTHS[True]) + 1 + index
        cell = sheet.ws.cell(row=row, column=column)
        if signature.image is not None:
            _place_signature(sheet, row, column, signature.image)
            # The words under the image.
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="bottom")
            cell.font = _font(8)
        if signature.note:
            cell.font = Font(name=FONT_NAME, size=8, bold=True, color=NOTE_FONT_COLOR)


def _section_row(sheet: _Sheet, label: str) -> None:
    columns = sheet.layout.columns
    sheet.next(16)
    sheet.merged(1, columns, label, font=_font(bold=True, italic=True))
    for column in range(1, columns + 1):
        cell = sheet.ws.cell(row=sheet.row, column=column)
        cell.border = BOX
        cell.fill = SECTION_FILL


def _table(sheet: _Sheet, data: AttendanceSheet) -> int:
    """The people's table; returns its header row (repeated on every page)."""
    header = sheet.next(30)
    for column, text in enumerate(data.columns, start=1):
        cell = set_sheet_cell(sheet.ws, header, column, text.replace(" — ", "\n"))
        cell.font = _font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = CENTERED
    if data.speakers:
        _section_row(sheet, data.speakers_heading)
        for contact in data.speakers:
            _contact_row(sheet, data, contact, None)
    _section_row(sheet, data.participants_heading)
    for contact in data.participants:
        _contact_row(sheet, data, contact, contact.number)
    for number in data.blank_numbers:
        _contact_row(sheet, data, None, number)
    if not data.participants and not data.blank_rows:
        sheet.text_row("Aucun participant inscrit.", italic=True)
    return header


def _totals(sheet: _Sheet, data: AttendanceSheet) -> None:
    """The totals two by two (label, count, label, count), as in the PDF."""
    lines = data.totals_lines
    if not lines:
        return
    sheet.gap()
    sheet.next(16)
    sheet.merged(1, 3, "Totaux", font=_font(bold=True))
    for first in range(0, len(lines), 2):
        sheet.next(15)
        for (label, value), (label_at, value_at) in zip(
            lines[first : first + 2], ((1, 4), (5, 6)), strict=False
        ):
            if label_at == 1:
                sheet.merged(1, 3, label, font=_font())
            else:
                set_sheet_cell(sheet.ws, sheet.row, label_at, label).font = _font()
            cell = set_sheet_cell(sheet.ws, sheet.row, value_at, value)
            cell.font = _font(bold=True)
            cell.alignment = Alignment(horizontal="left")


def _qr_image(text: str) -> Image:
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=QR_MODULE_PX, border=2)
    buffer.seek(0)
    image = Image(buffer)
    return image


def _proof(sheet: _Sheet, proof: SignatureProof | None) -> None:
    """The signature chain's code and QR code, and how to check them."""
    if proof is None:
        return
    layout = sheet.layout
    sheet.gap()
    qr = _qr_image(proof.qr_text)
    first = sheet.next(30)
    qr.anchor = OneCellAnchor(
        _from=AnchorMarker(col=0, colOff=_emu(2), row=first - 1, rowOff=_emu(2)),
        ext=XDRPositiveSize2D(_emu(int(qr.width)), _emu(int(qr.height))),
    )
    sheet.ws.add_image(qr)
    sheet.merged(3, layout.columns, proof.title, font=_font(bold=True), alignment=WRAP_CENTER)
    # The QR code's height in points, less the title's row: room for the words beside it.
    rest = max(
        _height(_lines(proof.how_to_check, layout.chars(3, layout.columns), 8), 8),
        qr.height * 0.75 - 30 + 4,
    )
    sheet.next(rest)
    sheet.merged(3, layout.columns, proof.how_to_check, font=_font(8), alignment=WRAP_TOP)


def _certification(sheet: _Sheet, data: AttendanceSheet) -> None:
    layout, cert = sheet.layout, data.certification
    sheet.gap()
    sheet.text_row(cert.text)
    box_first = 5
    first = sheet.next(24)
    sheet.merged(1, box_first - 1, cert.place_and_date, font=_font(), alignment=WRAP_TOP)
    sheet.merged(
        box_first,
        layout.columns,
        cert.signature_label + " :",
        font=_font(9, italic=True),
        alignment=WRAP_TOP,
    )
    for _ in range(CERTIFICATION_BOX_ROWS - 1):
        sheet.next(24)
    sheet.ws.merge_cells(
        start_row=first, start_column=box_first, end_row=sheet.row, end_column=layout.columns
    )
    for box_row in range(first, sheet.row + 1):
        for column in range(box_first, layout.columns + 1):
            sheet.ws.cell(row=box_row, column=column).border = BOX


def page_breaks(
    heights: dict[int, float], *, header_row: int, keep_from: int, page_height: float
) -> list[int]:
    """The rows after which a page ends, with every page within *page_height* points.

    The header row repeats on every page after the first. Rows from
    *keep_from* to the end (totals, certification) stay together, with at
    least the two table rows before them, so the certification never starts
    a page alone.
    """
    last = max(heights)
    breaks: list[int] = []
    page_start, used = 1, 0.0
    row = 1
    while row <= last:
        height = heights.get(row, 15.0)
        if used + height > page_height and row > page_start:
            end = row - 1
            if end >= keep_from - 2 and keep_from - 3 >= page_start:
                # The tail would be cut or left alone: start the next page earlier.
                end = keep_from - 3
            breaks.append(end)
            page_start = end + 1
            used = heights.get(header_row, 0.0) + sum(
                heights.get(r, 15.0) for r in range(page_start, row)
            )
            continue
        used += height
        row += 1
    return breaks


def _page_setup(sheet: _Sheet, data: AttendanceSheet, header_row: int, keep_from: int) -> None:
    ws, layout = sheet.ws, sheet.layout
    ws.print_area = f"A1:{get_column_letter(layout.columns)}{sheet.row}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    # Fitted to the page width by the spreadsheet; the breaks below are counted
    # at Excel's scale, the largest a spreadsheet picks (LibreOffice's fonts are
    # narrower), so each counted page holds what it is given.
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    margins = ws.page_margins
    margins.left = margins.right = MARGIN_SIDE_IN
    margins.top, margins.bottom = MARGIN_TOP_IN, MARGIN_BOTTOM_IN
    margins.header, margins.footer = 0.25, 0.3
    ws.sheet_view.showGridLines = False
    printable = (PAGE_HEIGHT_PT - (MARGIN_TOP_IN + MARGIN_BOTTOM_IN) * 72) * PAGE_FILL
    breaks = page_breaks(
        sheet.heights,
        header_row=header_row,
        keep_from=keep_from,
        page_height=printable * 100 / layout.scale,
    )
    ws.row_breaks = RowBreak()
    for row in breaks:
        ws.row_breaks.append(Break(id=row))
    # Every page says which meeting it proves and who funds it.
    header, footer = ws.oddHeader, ws.oddFooter
    assert header is not None and footer is not None  # openpyxl creates both
    header.left.text = header_footer_text(data.footer, limit=150)
    header.left.size = 8
    header.right.text = header_footer_text(data.variant_title)
    header.right.size = 8
    if data.funding_mentions:
        footer.left.text = header_footer_text(data.funding_mentions[0], limit=180)
        footer.left.size = 7
    footer.right.text = "Page &P / &N"
    footer.right.size = 8


def add_attendance_sheet(workbook: Workbook, data: AttendanceSheet) -> Worksheet:
    """Add one meeting's sheet to *workbook* and return it."""
    taken = [ws.title for ws in workbook.worksheets]
    ws: Worksheet = workbook.create_sheet(
        sheet_title(f"{data.date:%Y-%m-%d} {data.meeting_title}", taken, fallback="Réunion")
    )
    count = max(1, len(data.half_days))
    # Signatures, on paper or on screen, need the roomy half-day columns.
    roomy = data.to_sign or data.signed
    layout = _Layout(FIXED_WIDTHS[roomy] + (HALF_DAY_TOTAL[roomy] / count,) * count)
    for index, width in enumerate(layout.widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    sheet = _Sheet(ws, layout)

    _funding_block(sheet, data)
    sheet.gap(6)
    sheet.text_row(
        f"{data.title.upper()} — {data.variant_title.upper()}",
        size=15,
        bold=True,
        minimum=26,
        alignment=CENTERED,
    )
    sheet.text_row(data.meeting_title, size=12, bold=True, minimum=20, alignment=CENTERED)
    _facts(sheet, data)
    sheet.gap(10)
    header_row = _table(sheet, data)
    keep_from = sheet.row + 1
    _totals(sheet, data)
    _proof(sheet, data.proof)
    _certification(sheet, data)
    sheet.gap(6)
    sheet.text_row(data.privacy_notice, size=7.5, italic=True, minimum=12)
    _page_setup(sheet, data, header_row, keep_from)
    return ws


def write_attendance_workbook(sheets: Sequence[AttendanceSheet], target: Path) -> Path:
    """Write the attendance sheets of one or several meetings to *target* (.xlsx).

    One worksheet per meeting, named after its date and title, written
    through a temporary file moved into place (files.atomic_output).
    """
    if not sheets:
        raise ExportError(f"{target}: no meeting to write an attendance sheet for")
    workbook = Workbook()
    default = workbook.active
    for data in sheets:
        add_attendance_sheet(workbook, data)
    if default is not None:
        workbook.remove(default)
    workbook.properties.title = safe_text(sheets[0].title)
    workbook.properties.creator = safe_text(sheets[0].letterhead.agency or "RESILIAN Desktop")
    with atomic_output(target) as partial:
        workbook.save(partial)
    return target
