"""Pieces the documents are made of: headings, texts, badges, tables of actions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from resilian_desktop.documents.lines import ActionLine, Participant
from resilian_desktop.documents.pdf_parts.fonts import BOLD, REGULAR
from resilian_desktop.documents.pdf_parts.template import CONTENT_WIDTH, Palette, fit, styles
from resilian_desktop.documents.text import label, markup, text_lines
from resilian_desktop.domain.formats import EM_DASH, percent, short_date
from resilian_desktop.domain.vocab import ActionStatus, AttendanceRole


@dataclass(frozen=True)
class StatusLook:
    """How a status is drawn: a light fill, a strong colour for marks, and its word."""

    fill: colors.Color
    strong: colors.Color
    text: colors.Color


STATUS_LOOKS: dict[str, StatusLook] = {
    ActionStatus.TODO.value: StatusLook(
        colors.white, colors.HexColor("#6B7785"), colors.HexColor("#3E4A57")
    ),
    ActionStatus.IN_PROGRESS.value: StatusLook(
        colors.HexColor("#DCE9F8"), colors.HexColor("#2D6CB5"), colors.HexColor("#174A85")
    ),
    ActionStatus.DONE.value: StatusLook(
        colors.HexColor("#DCF0E3"), colors.HexColor("#2E7D4F"), colors.HexColor("#1D5C37")
    ),
    ActionStatus.BLOCKED.value: StatusLook(
        colors.HexColor("#FCE6C8"), colors.HexColor("#C06A00"), colors.HexColor("#7A4300")
    ),
    ActionStatus.DROPPED.value: StatusLook(
        colors.HexColor("#ECEEF0"), colors.HexColor("#9AA3AD"), colors.HexColor("#5F6B7A")
    ),
}
LATE_WORD = "En retard"
MILESTONE_MARK = "◆"


def status_look(status: str) -> StatusLook:
    """The look of an action status (an unknown code looks like "to do")."""
    return STATUS_LOOKS.get(status, STATUS_LOOKS[ActionStatus.TODO.value])


SECTION_ROOM = 32 * mm
"""Room a section needs below its title: with less, the section starts on the next page.

(A CondPageBreak rather than keepWithNext: reportlab's keepWithNext would push a
title and a whole table that does not fit to the next page, leaving a blank one.)
"""


def section(title: str, *, space_before: float = 12) -> list[Flowable]:
    """A section title, on the next page when too little room is left for its start."""
    return [CondPageBreak(SECTION_ROOM), SectionHeading(title, space_before=space_before)]


class SectionHeading(Flowable):
    """A section title over a thin rule."""

    def __init__(self, title: str, *, space_before: float = 12) -> None:
        super().__init__()
        self.paragraph = Paragraph(markup(title), styles().heading)
        self.space_before = space_before

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, height = self.paragraph.wrap(availWidth, availHeight)
        self.width, self.height = availWidth, height + 5
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self.space_before

    def getSpaceAfter(self) -> float:
        return 5

    def draw(self) -> None:
        self.paragraph.drawOn(self.canv, 0, 5)
        self.canv.setStrokeColor(Palette.RULE)
        self.canv.setLineWidth(0.7)
        self.canv.line(0, 1.5, self.width, 1.5)


def text_block(value: str | None, empty: str = "Non renseigné.") -> list[Flowable]:
    """A multi-line text typed by the user: paragraphs, and bullets for "- " lines."""
    st = styles()
    lines = text_lines(value)
    if not lines:
        return [Paragraph(markup(empty), st.muted)]
    return [
        Paragraph(markup(line), st.bullet, bulletText="•")
        if bullet
        else Paragraph(markup(line), st.body)
        for bullet, line in lines
    ]


SPLIT_IN_ROW = 72
"""A row is cut across pages only when at least this much of it (points) fits."""


def make_table(
    data: Sequence[Sequence[object]],
    widths: Sequence[float | None],
    commands: Sequence[tuple[object, ...]],
    *,
    repeat_rows: int = 0,
) -> Table:
    """A left-aligned Table whose cells default to the embedded font.

    reportlab's Table sets its default font (Helvetica) at every cell, even
    one holding only flowables; that alone would declare an unembedded font.
    A row taller than the room left is cut between the lines of its cells
    (splitInRow), so a very long text never stops the document.
    """
    table = Table(
        [list(row) for row in data],
        colWidths=list(widths),
        repeatRows=repeat_rows,
        hAlign="LEFT",
        splitInRow=SPLIT_IN_ROW,
    )
    # The stubs spell out each command's shape; these are built above as plain tuples.
    style: list[Any] = [("FONT", (0, 0), (-1, -1), REGULAR, 8), *commands]
    table.setStyle(TableStyle(style))
    return table


def key_values(rows: Sequence[tuple[str, str]], label_width: float = 38 * mm) -> Table:
    """A two-column table of labels and values; values are markup (already escaped)."""
    st = styles()
    data = [[Paragraph(markup(key), st.label), Paragraph(value, st.body)] for key, value in rows]
    return make_table(
        data,
        [label_width, CONTENT_WIDTH - label_width],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ],
    )


class StatusBadge(Flowable):
    """The status of an action by colour and by word; a late action also says "En retard".

    A late badge is a dark fill with white bold text: it stands out in colour
    and stays the darkest mark of the table in black and white.
    """

    def __init__(self, status: str, late: bool) -> None:
        super().__init__()
        self.status = status
        self.late = late
        self.word = label(ActionStatus, status)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = 21.0 if self.late else 12.0
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        look = status_look(self.status)
        if self.late:
            canvas.setFillColor(Palette.LATE)
            canvas.setStrokeColor(Palette.LATE)
            canvas.roundRect(0, 0, self.width, self.height, 2.5, stroke=0, fill=1)
            canvas.setFillColor(Palette.WHITE)
            canvas.setFont(BOLD, 7.4)
            canvas.drawCentredString(self.width / 2, 11.6, fit(LATE_WORD, BOLD, 7.4, self.width))
            canvas.setFont(REGULAR, 6.6)
            canvas.drawCentredString(self.width / 2, 3.6, fit(self.word, REGULAR, 6.6, self.width))
            return
        canvas.setFillColor(look.fill)
        canvas.setStrokeColor(look.strong)
        canvas.setLineWidth(0.7)
        canvas.roundRect(0, 0, self.width, self.height, 2.5, stroke=1, fill=1)
        canvas.setFillColor(look.text)
        font = BOLD if self.status == ActionStatus.DONE.value else REGULAR
        canvas.setFont(font, 7.2)
        canvas.drawCentredString(self.width / 2, 3.6, fit(self.word, font, 7.2, self.width - 2))


class ProgressBar(Flowable):
    """Progress as a figure ("60 %") over a thin bar filled to match."""

    def __init__(self, progress: int, status: str, late: bool) -> None:
        super().__init__()
        self.progress = max(0, min(100, progress))
        self.status = status
        self.late = late

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, 14.0
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        text = percent(self.progress)
        canvas.setFillColor(Palette.INK)
        canvas.setFont(BOLD if self.late else REGULAR, 7.2)
        canvas.drawRightString(self.width, 6.5, text)
        canvas.setFillColor(Palette.WHITE)
        canvas.setStrokeColor(Palette.MUTED)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0.5, self.width, 4, stroke=1, fill=1)
        if self.progress:
            strong = Palette.LATE if self.late else status_look(self.status).strong
            canvas.setFillColor(strong)
            canvas.rect(0, 0.5, self.width * self.progress / 100, 4, stroke=0, fill=1)


# Widths of the roadmap table, in millimetres: n°, action, owner, start, due, status, progress.
ACTION_COLUMNS_MM = (9.5, 53.5, 34, 19.5, 19.5, 21, 23)
ACTION_HEADERS = ("N°", "Action", "Porteur", "Début", "Échéance", "Statut", "Avancement")


def _action_cell(action: ActionLine) -> list[Flowable]:
    st = styles()
    title = markup(action.title)
    if action.is_milestone:
        title = f"{MILESTONE_MARK} {title}"
    cell: list[Flowable] = [Paragraph(title, st.cell_bold if action.late else st.cell)]
    details = []
    if action.is_milestone:
        details.append("<b>Jalon</b>")
    if action.deliverable:
        details.append(f"Livrable : {markup(action.deliverable)}")
    if details:
        cell.append(Paragraph(" · ".join(details), st.cell_small))
    if action.description:
        cell.append(Paragraph(markup(action.description), st.cell_small))
    return cell


def _due_cell(action: ActionLine) -> list[Flowable]:
    st = styles()
    cell: list[Flowable] = [
        Paragraph(
            short_date(action.due, empty=EM_DASH),
            st.cell_date_bold if action.late else st.cell_date,
        )
    ]
    if action.status == ActionStatus.DONE.value and action.done_on:
        cell.append(Paragraph(f"fait le {short_date(action.done_on)}", st.cell_small))
    return cell


def action_table(actions: Sequence[ActionLine]) -> Table:
    """The roadmap's table: header repeated on each page, long texts wrapped in their cells.

    A late action has a dark bar on its left edge, a bold title and due
    date, and a dark "En retard" badge: visible without colour.
    """
    st = styles()
    widths = [w * mm for w in ACTION_COLUMNS_MM]
    data: list[list[object]] = [[Paragraph(h, st.cell_head) for h in ACTION_HEADERS]]
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), Palette.BRAND),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, Palette.RULE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, Palette.STRIPE]),
    ]
    for row, action in enumerate(actions, start=1):
        number_style = st.cell_bold if action.late else st.cell
        data.append(
            [
                Paragraph(str(action.number), number_style),
                _action_cell(action),
                Paragraph(markup(action.owner) or EM_DASH, st.cell),
                Paragraph(short_date(action.start, empty=EM_DASH), st.cell_date),
                _due_cell(action),
                StatusBadge(action.status, action.late),
                ProgressBar(action.progress, action.status, action.late),
            ]
        )
        if action.late:
            commands += [
                ("BACKGROUND", (0, row), (-1, row), Palette.LATE_LIGHT),
                ("LINEBEFORE", (0, row), (0, row), 3.2, Palette.LATE),
            ]
    return make_table(data, widths, commands, repeat_rows=1)


def contacts_table(contacts: Sequence[Participant], *, with_role: bool = False) -> Table:
    """Names, organisations and job titles of the day, with the role when asked."""
    st = styles()
    headers = ["Nom", "Organisation", "Fonction"] + (["Qualité"] if with_role else [])
    widths_mm = (46, 56, 50, 28) if with_role else (52, 66, 62)
    data: list[list[object]] = [[Paragraph(h, st.cell_head) for h in headers]]
    for contact in contacts:
        row: list[object] = [
            Paragraph(f"{markup(contact.first_name)} <b>{markup(contact.last_name)}</b>", st.cell),
            Paragraph(markup(contact.organisation) or EM_DASH, st.cell),
            Paragraph(markup(contact.job_title) or EM_DASH, st.cell),
        ]
        if with_role:
            row.append(Paragraph(markup(label(AttendanceRole, contact.role)), st.cell))
        data.append(row)
    return make_table(
        data,
        [w * mm for w in widths_mm],
        [
            ("BACKGROUND", (0, 0), (-1, 0), Palette.BRAND),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, Palette.RULE),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, Palette.STRIPE]),
        ],
        repeat_rows=1,
    )


def figures(items: Sequence[tuple[str, str, bool]]) -> Table:
    """A row of key figures: (figure, caption, emphasised). An emphasised tile is framed dark."""
    st = styles()
    width = CONTENT_WIDTH / len(items)
    late_figure = ParagraphStyle("figure_late", parent=st.figure, textColor=Palette.LATE)
    cells = [
        [
            Paragraph(markup(value), late_figure if emphasised else st.figure),
            Paragraph(markup(caption), st.figure_label),
        ]
        for value, caption, emphasised in items
    ]
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("BACKGROUND", (0, 0), (-1, -1), Palette.BRAND_LIGHT),
        ("LINEAFTER", (0, 0), (-2, -1), 2, colors.white),
    ]
    for column, (_, _, emphasised) in enumerate(items):
        if emphasised:
            commands += [
                ("BACKGROUND", (column, 0), (column, 0), Palette.LATE_LIGHT),
                ("BOX", (column, 0), (column, 0), 1.6, Palette.LATE),
            ]
    return make_table([cells], [width] * len(items), commands)


def gap(height_mm: float) -> Spacer:
    """Vertical space, in millimetres."""
    return Spacer(1, height_mm * mm)
