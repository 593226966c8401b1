"""Attendance sheets as an Excel workbook, one worksheet per meeting, ready to print on A4.

The content comes whole from :class:`services.sheets.AttendanceSheet`; this
module only lays it out: the funders' logos, the meeting's description, one
table with the speakers then the participants (one signature column per
half-day), empty lines for walk-ins, the totals of a filled sheet, the
organiser's certification and the personal-data notice. Print settings make it
print as it is: A4, fitted to the page width, the table's header repeated on
every page, signature rows tall enough to sign, the meeting and the funding
mention in the page header and footer.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from resilian_desktop.exports.files import ExportError, atomic_output
from resilian_desktop.exports.xlsx.cells import (
    header_footer_text,
    safe_text,
    set_sheet_cell,
    sheet_title,
)
from resilian_desktop.exports.xlsx.stream import print_setup

if TYPE_CHECKING:
    # Only the shape of the data is needed: importing the service at run time
    # would pull the database layer into the exports.
    from resilian_desktop.services.sheets import AttendanceSheet, SheetFunder, SheetPerson

FONT_NAME = "Arial"  # Liberation Sans has the same metrics where Arial is missing
BASE_SIZE = 10
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
WRAP_CENTER = Alignment(wrap_text=True, vertical="center")
CENTERED = Alignment(wrap_text=True, horizontal="center", vertical="center")

# Column widths in characters of the default font. The signature columns are
# wide enough for a signature at the scale that fits the page width.
FIXED_WIDTHS = (5.0, 20.0, 16.0, 26.0, 22.0)
SIGNATURE_WIDTH = {1: 34.0, 2: 22.0}
SIGN_ROW_HEIGHT = 36.0  # points: about 1 cm once fitted to the page width, room to sign
FILLED_ROW_HEIGHT = 18.0
LOGO_ROW_HEIGHT = 48.0
LOGO_HEIGHT_PX = 56
LOGO_GAP_PX = 18
CERTIFICATION_BOX_ROWS = 3


@dataclass(frozen=True)
class _Layout:
    widths: tuple[float, ...]

    @property
    def columns(self) -> int:
        return len(self.widths)

    def chars(self, first: int, last: int) -> float:
        """Width in characters of columns first..last (1-based, inclusive)."""
        return sum(self.widths[first - 1 : last])


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


def _merged(
    ws: Worksheet,
    row: int,
    first: int,
    last: int,
    value: object,
    *,
    font: Font,
    alignment: Alignment = WRAP_CENTER,
) -> None:
    cell = set_sheet_cell(ws, row, first, value)
    cell.font = font
    cell.alignment = alignment
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _fit_row(ws: Worksheet, row: int, text: str, width: float, size: float, minimum: float) -> None:
    ws.row_dimensions[row].height = max(minimum, _height(_lines(text, width, size), size))


def _logo_image(path: Path, height_px: int) -> Image | None:
    """The logo scaled to *height_px*, as PNG; None when the file is not a usable image."""
    try:
        from PIL import Image as PILImage

        with PILImage.open(path) as source:
            source.load()
            picture = source.convert("RGBA")
    except Exception:  # any unreadable logo falls back to the funder's name
        return None
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


def _column_pixels(width: float) -> int:
    # Excel's conversion for its default font: 7 pixels a character plus padding.
    return int(width * 7 + 5)


def _place_logos(ws: Worksheet, layout: _Layout, funders: Sequence[SheetFunder]) -> list[str]:
    """Put the logos side by side on row 1; returns the names of funders without one."""
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
    column_px = [_column_pixels(w) for w in layout.widths]
    available = sum(column_px) - LOGO_GAP_PX
    needed = sum(int(i.width) for i in images) + LOGO_GAP_PX * (len(images) - 1)
    scale = min(1.0, available / needed)
    # The logos side by side, the group centred on the page.
    x = max(0, int((available - needed * scale) / 2))
    for image in images:
        width, height = int(image.width * scale), int(image.height * scale)
        column, offset = 0, x
        while column < len(column_px) - 1 and offset >= column_px[column]:
            offset -= column_px[column]
            column += 1
        image.width, image.height = width, height
        image.anchor = OneCellAnchor(
            _from=AnchorMarker(col=column, colOff=_emu(offset), row=0, rowOff=0),
            ext=XDRPositiveSize2D(_emu(width), _emu(height)),
        )
        ws.add_image(image)
        x += width + int(LOGO_GAP_PX * scale)
    return missing


def _info_rows(sheet: AttendanceSheet) -> list[tuple[str, str]]:
    rows = [("Type de réunion", sheet.kind_label)]
    if sheet.topics:
        rows.append(
            ("Thématique" + ("s" if len(sheet.topics) > 1 else ""), ", ".join(sheet.topics))
        )
    if sheet.taskforce_name:
        rows.append(("Taskforce", sheet.taskforce_name))
    rows.append(("Date", sheet.date_label))
    halves = " et ".join(h.label.lower() for h in sheet.half_days)
    if sheet.times_label:
        hours = (
            f" ({sheet.duration_hours:.1f} h)".replace(".", ",").replace(",0 h", " h")
            if sheet.duration_hours
            else ""
        )
        rows.append(("Horaires", f"{sheet.times_label}{hours} — demi-journée(s) : {halves}"))
    else:
        rows.append(("Demi-journée(s)", halves))
    if sheet.venue:
        rows.append(("Lieu", sheet.venue))
    if sheet.host_organisation:
        rows.append(("Structure d'accueil", sheet.host_organisation))
    rows.append(("Organisateur", sheet.organiser or ""))
    references = [sheet.operation_reference] if sheet.operation_reference else []
    for funder in sheet.funders:
        if funder.operation_reference and funder.operation_reference not in references:
            references.append(f"{funder.operation_reference} ({funder.name})")
    if references:
        rows.append(("Référence de l'opération", " ; ".join(references)))
    return rows


def _person_row(
    ws: Worksheet,
    row: int,
    layout: _Layout,
    person: SheetPerson | None,
    number: int | None,
    sheet: AttendanceSheet,
) -> None:
    values: list[object] = [number]
    if person is not None:
        values += [person.last_name, person.first_name, person.organisation, person.job_title]
        values += list(person.presence_labels) if sheet.filled else [None] * len(sheet.half_days)
    else:
        values += [None] * (layout.columns - 1)
    tallest = 1
    for column, value in enumerate(values, start=1):
        cell = set_sheet_cell(ws, row, column, value)
        cell.border = BOX
        cell.font = _font(BASE_SIZE)
        cell.alignment = CENTERED if column == 1 or column > 5 else WRAP_CENTER
        if isinstance(value, str):
            tallest = max(tallest, _lines(value, layout.widths[column - 1]))
    base = FILLED_ROW_HEIGHT if sheet.filled else SIGN_ROW_HEIGHT
    ws.row_dimensions[row].height = max(base, _height(tallest))


def _section_row(ws: Worksheet, row: int, layout: _Layout, label: str) -> None:
    _merged(ws, row, 1, layout.columns, label, font=_font(BASE_SIZE, bold=True, italic=True))
    for column in range(1, layout.columns + 1):
        cell = ws.cell(row=row, column=column)
        cell.border = BOX
        cell.fill = SECTION_FILL
    ws.row_dimensions[row].height = 16


def _page_setup(ws: Worksheet, sheet: AttendanceSheet, header_row: int, last_row: int) -> None:
    ws.print_area = f"A1:{get_column_letter(ws.max_column)}{last_row}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    # A4 portrait, fitted to the page width on as many pages as the list needs,
    # the first funding mention at the foot of every page.
    print_setup(ws, sheet.funding_mentions[0] if sheet.funding_mentions else None, landscape=False)
    ws.print_options.horizontalCentered = True
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.page_margins.header = 0.25
    ws.page_margins.footer = 0.3
    ws.sheet_view.showGridLines = False
    # Every page says which meeting it proves and who funds it: the first page
    # carries it in full, the others in the header and footer.
    header, footer = ws.oddHeader, ws.oddFooter
    assert header is not None and footer is not None  # openpyxl creates both
    title = header_footer_text(f"{sheet.document_title} — {sheet.meeting_title}", limit=120)
    header.left.text = title
    header.left.size = 8
    header.right.text = header_footer_text(sheet.date.strftime("%d/%m/%Y"))
    header.right.size = 8
    footer.right.text = "Page &P / &N"
    footer.right.size = 8


def add_attendance_sheet(workbook: Workbook, sheet: AttendanceSheet) -> Worksheet:
    """Add one meeting's sheet to *workbook* and return it."""
    taken = [ws.title for ws in workbook.worksheets]
    ws: Worksheet = workbook.create_sheet(
        sheet_title(f"{sheet.date:%Y-%m-%d} {sheet.meeting_title}", taken, fallback="Réunion")
    )
    signature_width = SIGNATURE_WIDTH.get(len(sheet.half_days), 22.0)
    layout = _Layout(FIXED_WIDTHS + (signature_width,) * len(sheet.half_days))
    for index, width in enumerate(layout.widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    full = layout.chars(1, layout.columns)

    # Row 1: logos; the funders without a usable logo file are named instead.
    ws.row_dimensions[1].height = LOGO_ROW_HEIGHT
    missing = _place_logos(ws, layout, sheet.funders)
    if missing and len(missing) == len(sheet.funders):
        _merged(
            ws,
            1,
            1,
            layout.columns,
            "Avec le soutien de : " + " · ".join(missing),
            font=_font(9, bold=True),
            alignment=CENTERED,
        )

    row = 2
    _merged(ws, row, 1, 4, sheet.programme_name, font=_font(11, bold=True))
    _merged(
        ws,
        row,
        5,
        layout.columns,
        sheet.organiser or "",
        font=_font(9),
        alignment=Alignment(wrap_text=True, horizontal="right", vertical="center"),
    )
    ws.row_dimensions[row].height = max(
        18.0,
        _height(_lines(sheet.programme_name, layout.chars(1, 4), 11), 11),
        _height(_lines(sheet.organiser or "", layout.chars(5, layout.columns), 9), 9),
    )
    if missing and len(missing) < len(sheet.funders):
        row += 1
        text = "Avec le soutien de : " + " · ".join(missing)
        _merged(ws, row, 1, layout.columns, text, font=_font(9, bold=True))
        _fit_row(ws, row, text, full, 9, 14)

    row += 1
    title = sheet.document_title.upper()
    if sheet.filled:
        title += " — RELEVÉ DES PRÉSENCES"
    _merged(ws, row, 1, layout.columns, title, font=_font(16, bold=True), alignment=CENTERED)
    ws.row_dimensions[row].height = 28

    row += 1
    _merged(
        ws,
        row,
        1,
        layout.columns,
        sheet.meeting_title,
        font=_font(12, bold=True),
        alignment=CENTERED,
    )
    _fit_row(ws, row, sheet.meeting_title, full, 12, 20)

    label_width, value_width = layout.chars(1, 2), layout.chars(3, layout.columns)
    for label, value in _info_rows(sheet):
        row += 1
        _merged(ws, row, 1, 2, label, font=_font(BASE_SIZE, bold=True), alignment=WRAP_TOP)
        _merged(ws, row, 3, layout.columns, value, font=_font(BASE_SIZE), alignment=WRAP_TOP)
        lines = max(_lines(label, label_width), _lines(value, value_width))
        ws.row_dimensions[row].height = max(15.0, _height(lines))
    for mention in sheet.funding_mentions:
        row += 1
        _merged(ws, row, 1, layout.columns, mention, font=_font(9, italic=True), alignment=WRAP_TOP)
        _fit_row(ws, row, mention, full, 9, 14)

    row += 2
    header_row = row
    headers = ["N°", "Nom", "Prénom", "Structure", "Fonction"]
    if sheet.filled:
        headers += [f"{h.label}\nPrésence" for h in sheet.half_days]
    elif len(sheet.half_days) == 1:
        headers += [f"Signature\n({sheet.half_days[0].label.lower()})"]
    else:
        headers += [f"Signature\n{h.label.lower()}" for h in sheet.half_days]
    for column, text in enumerate(headers, start=1):
        cell = set_sheet_cell(ws, row, column, text)
        cell.font = _font(BASE_SIZE, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = CENTERED
    ws.row_dimensions[row].height = 28

    row += 1
    _section_row(ws, row, layout, "Intervenant(e)s et organisation")
    for person in sheet.speakers:
        row += 1
        _person_row(ws, row, layout, person, None, sheet)
    for _ in range(sheet.speaker_blank_rows):
        row += 1
        _person_row(ws, row, layout, None, None, sheet)

    row += 1
    _section_row(ws, row, layout, "Participant(e)s")
    for person in sheet.participants:
        row += 1
        _person_row(ws, row, layout, person, person.number, sheet)
    for extra in range(sheet.blank_rows):
        row += 1
        _person_row(ws, row, layout, None, len(sheet.participants) + extra + 1, sheet)
    if not sheet.participants and not sheet.blank_rows:
        row += 1
        _merged(ws, row, 1, layout.columns, "Aucun participant inscrit.", font=_font(italic=True))

    if sheet.totals_text is not None:
        row += 2
        text = sheet.totals_text
        _merged(ws, row, 1, layout.columns, text, font=_font(BASE_SIZE, bold=True))
        _fit_row(ws, row, text, full, BASE_SIZE, 16)

    row += 2
    _merged(ws, row, 1, layout.columns, sheet.certification_text, font=_font(BASE_SIZE))
    _fit_row(ws, row, sheet.certification_text, full, BASE_SIZE, 16)
    if sheet.certifier is not None:
        row += 1
        who = f"Organisateur présent : {sheet.certifier.first_name} {sheet.certifier.last_name}"
        if sheet.certifier.job_title:
            who += f", {sheet.certifier.job_title}"
        _merged(ws, row, 1, layout.columns, who, font=_font(BASE_SIZE, italic=True))
        _fit_row(ws, row, who, full, BASE_SIZE, 15)

    row += 1
    box_first = 5
    _merged(
        ws,
        row,
        1,
        box_first - 1,
        "Fait à ...................................., le ....../....../..........",
        font=_font(BASE_SIZE),
        alignment=WRAP_TOP,
    )
    _merged(
        ws,
        row,
        box_first,
        layout.columns,
        "Signature et cachet de l'organisateur :",
        font=_font(9, italic=True),
        alignment=WRAP_TOP,
    )
    ws.merge_cells(
        start_row=row,
        start_column=box_first,
        end_row=row + CERTIFICATION_BOX_ROWS - 1,
        end_column=layout.columns,
    )
    for box_row in range(row, row + CERTIFICATION_BOX_ROWS):
        ws.row_dimensions[box_row].height = 24
        for column in range(box_first, layout.columns + 1):
            ws.cell(row=box_row, column=column).border = BOX
    row += CERTIFICATION_BOX_ROWS

    row += 1
    _merged(ws, row, 1, layout.columns, sheet.privacy_notice, font=_font(7.5, italic=True))
    _fit_row(ws, row, sheet.privacy_notice, full, 7.5, 12)

    _page_setup(ws, sheet, header_row, row)
    return ws


def write_attendance_workbook(sheets: Sequence[AttendanceSheet], target: Path) -> Path:
    """Write the attendance sheets of one or several meetings to *target* (.xlsx).

    One worksheet per meeting, named after its date and title. Written
    through a temporary file moved into place (exports.files.atomic_output).
    """
    if not sheets:
        raise ExportError(f"{target}: no meeting to write an attendance sheet for")
    workbook = Workbook()
    default = workbook.active
    for sheet in sheets:
        add_attendance_sheet(workbook, sheet)
    if default is not None:
        workbook.remove(default)
    workbook.properties.title = safe_text(sheets[0].document_title)
    workbook.properties.creator = safe_text(sheets[0].organiser or "RESILIAN Desktop")
    with atomic_output(target) as partial:
        workbook.save(partial)
    return target
