"""The page every document shares: A4, header, footer with "page X / Y", styles.

build_document() lays a story of flowables on A4 pages whose header names the
programme, the kind of document, its subject and edition date, and whose
footer carries the agency, the funders' mention (and logos) and the page
number out of the total. The canvas starts in the embedded DejaVu Sans, so
reportlab never declares its unembedded default Helvetica.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from resilian_desktop import __version__
from resilian_desktop.documents.files import atomic_output
from resilian_desktop.documents.letterhead import Letterhead
from resilian_desktop.documents.pdf_parts.fonts import BOLD, OBLIQUE, REGULAR, register_fonts
from resilian_desktop.documents.text import markup, plain
from resilian_desktop.domain.formats import short_date

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 15 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
HEADER_TOP_GAP = 11 * mm
HEADER_RULE_GAP = 19.5 * mm
FRAME_TOP_GAP = 23 * mm
FRAME_TOP = PAGE_HEIGHT - FRAME_TOP_GAP
LANDSCAPE = "landscape"
"""The id of the landscape A4 page template: `NextPageTemplate(LANDSCAPE)` before a
page break puts what follows on landscape pages (a wide chart), `NextPageTemplate(PORTRAIT)`
returns to portrait."""
PORTRAIT = "page"
LANDSCAPE_CONTENT_WIDTH = landscape(A4)[0] - 2 * MARGIN_X
PAGE_BOTTOM = 9 * mm
LOGO_HEIGHT = 9 * mm
LOGO_MAX_WIDTH = 24 * mm


class Palette:
    """The agency's colours; every meaning also has a word, so black and white loses nothing."""

    INK = colors.HexColor("#1F2933")
    MUTED = colors.HexColor("#5F6B7A")
    RULE = colors.HexColor("#C5CDD6")
    BRAND = colors.HexColor("#1D3D63")
    BRAND_LIGHT = colors.HexColor("#E8EEF5")
    STRIPE = colors.HexColor("#F5F7FA")
    LATE = colors.HexColor("#A61B1B")
    LATE_LIGHT = colors.HexColor("#FBEAEA")
    WHITE = colors.white


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the documents, all in the embedded font."""

    body: ParagraphStyle
    bullet: ParagraphStyle
    muted: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_small: ParagraphStyle
    cell_date: ParagraphStyle
    cell_date_bold: ParagraphStyle
    cell_head: ParagraphStyle
    label: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle


@functools.cache
def styles() -> Styles:
    """The shared styles (fonts registered first)."""
    register_fonts()

    def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        kw.setdefault("fontName", REGULAR)
        kw.setdefault("textColor", Palette.INK)
        kw.setdefault("bulletFontName", REGULAR)
        return ParagraphStyle(name, fontSize=size, leading=leading, alignment=TA_LEFT, **kw)

    return Styles(
        body=style("body", 9.5, 13, spaceAfter=3),
        bullet=style(
            "bullet", 9.5, 13, leftIndent=11, bulletIndent=1, spaceAfter=1.5, bulletFontSize=9
        ),
        muted=style("muted", 9, 12, fontName=OBLIQUE, textColor=Palette.MUTED, spaceAfter=3),
        small=style("small", 7.5, 9.5, textColor=Palette.MUTED),
        title=style("title", 19, 23.5, fontName=BOLD, textColor=Palette.BRAND, spaceAfter=3),
        subtitle=style("subtitle", 10.5, 14, textColor=Palette.MUTED, spaceAfter=8),
        heading=style("heading", 12.5, 16, fontName=BOLD, textColor=Palette.BRAND),
        subheading=style(
            "subheading", 10, 13, fontName=BOLD, spaceBefore=6, spaceAfter=2, keepWithNext=1
        ),
        cell=style("cell", 8, 10),
        cell_bold=style("cell_bold", 8, 10, fontName=BOLD),
        cell_small=style("cell_small", 6.8, 8.6, textColor=Palette.MUTED),
        # Dates a little smaller than the text: "30/05/2024" in bold fits 19.5 mm.
        cell_date=style("cell_date", 7.6, 10),
        cell_date_bold=style("cell_date_bold", 7.6, 10, fontName=BOLD),
        cell_head=style("cell_head", 7.6, 9.5, fontName=BOLD, textColor=Palette.WHITE),
        label=style("label", 8.5, 11, fontName=BOLD, textColor=Palette.MUTED),
        figure=style("figure", 17, 20, fontName=BOLD, textColor=Palette.BRAND),
        figure_label=style("figure_label", 7.5, 9.5, textColor=Palette.MUTED),
    )


def fit(text: str, font: str, size: float, width: float) -> str:
    """*text* cut with an ellipsis so that it fits *width* points on one line."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with its ellipsis
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle].rstrip() + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


@dataclass(frozen=True)
class PageSetup:
    """What the header and footer of every page of one document say."""

    kind: str
    subject: str
    edition_date: dt.date
    letterhead: Letterhead


class _Footer:
    """The footer's pieces, measured once: its height sets the frame's bottom."""

    def __init__(self, letterhead: Letterhead) -> None:
        self.logos: list[tuple[ImageReader, float, float]] = []
        for funder in letterhead.funders:
            logo = read_logo(funder.logo_path)
            if logo is not None:
                self.logos.append(logo)
        logos_width = sum(w for _, w, _ in self.logos) + 3 * mm * len(self.logos)
        self.mention_width = CONTENT_WIDTH - logos_width
        mention = letterhead.funding_mention or (
            "Avec le soutien de : " + ", ".join(f.name for f in letterhead.funders)
            if letterhead.funders
            else ""
        )
        if letterhead.operation_reference:
            reference = f"Opération n° {letterhead.operation_reference}"
            mention = f"{mention} — {reference}" if mention else reference
        self.mention: Paragraph | None = None
        mention_height = 0.0
        if mention:
            self.mention = Paragraph(
                markup(mention),
                ParagraphStyle(
                    "footer_mention",
                    fontName=REGULAR,
                    fontSize=6.8,
                    leading=8.4,
                    textColor=Palette.MUTED,
                ),
            )
            mention_height = self.mention.wrap(self.mention_width, PAGE_HEIGHT)[1]
        self.agency = plain(letterhead.agency)
        logo_height = LOGO_HEIGHT if self.logos else 0.0
        # From the page's bottom up: the mention (or logos), then the agency line, then the rule.
        self.block_height = max(mention_height, logo_height)
        self.line_y = PAGE_BOTTOM + self.block_height + 3
        self.rule_y = self.line_y + 10
        self.frame_bottom = self.rule_y + 5 * mm

    def draw(self, canvas: Canvas, page_width: float) -> None:
        canvas.setStrokeColor(Palette.RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, self.rule_y, page_width - MARGIN_X, self.rule_y)
        canvas.setFillColor(Palette.INK)
        canvas.setFont(BOLD, 7.2)
        canvas.drawString(MARGIN_X, self.line_y, fit(self.agency, BOLD, 7.2, CONTENT_WIDTH * 0.7))
        if self.mention is not None:
            self.mention.wrap(self.mention_width, PAGE_HEIGHT)
            self.mention.drawOn(
                canvas, MARGIN_X, PAGE_BOTTOM + self.block_height - self.mention.height
            )
        x = page_width - MARGIN_X
        for image, width, height in reversed(self.logos):
            x -= width
            canvas.drawImage(
                image, x, PAGE_BOTTOM, width, height, preserveAspectRatio=True, mask="auto"
            )
            x -= 3 * mm


def read_logo(
    path: Path | None, height: float = LOGO_HEIGHT, max_width: float = LOGO_MAX_WIDTH
) -> tuple[ImageReader, float, float] | None:
    """A funder's logo as (image, width, height) in points, *height* tall unless
    that makes it wider than *max_width*; None when the file cannot be read."""
    if path is None or not path.is_file():
        return None
    try:
        image = ImageReader(str(path))
        pixels_wide, pixels_high = image.getSize()
    except Exception:  # a broken logo file must not stop the document
        return None
    if pixels_wide <= 0 or pixels_high <= 0:
        return None
    width = min(height * pixels_wide / pixels_high, max_width)
    return image, width, width * pixels_high / pixels_wide


def _draw_header(canvas: Canvas, setup: PageSetup, page_width: float, page_height: float) -> None:
    content_width = page_width - 2 * MARGIN_X
    header_top = page_height - HEADER_TOP_GAP
    right_kind = plain(setup.kind)
    right_date = f"Édition du {short_date(setup.edition_date)}"
    kind_width = stringWidth(right_kind, BOLD, 9.5)
    date_width = stringWidth(right_date, REGULAR, 7.5)
    canvas.setFillColor(Palette.MUTED)
    canvas.setFont(REGULAR, 7.5)
    canvas.drawString(
        MARGIN_X,
        header_top,
        fit(plain(setup.letterhead.programme), REGULAR, 7.5, content_width - kind_width - 12),
    )
    canvas.setFillColor(Palette.BRAND)
    canvas.setFont(BOLD, 9.5)
    canvas.drawRightString(page_width - MARGIN_X, header_top, right_kind)
    canvas.setFillColor(Palette.INK)
    canvas.setFont(BOLD, 8.5)
    canvas.drawString(
        MARGIN_X,
        header_top - 11,
        fit(plain(setup.subject), BOLD, 8.5, content_width - date_width - 12),
    )
    canvas.setFillColor(Palette.MUTED)
    canvas.setFont(REGULAR, 7.5)
    canvas.drawRightString(page_width - MARGIN_X, header_top - 11, right_date)
    canvas.setStrokeColor(Palette.BRAND)
    canvas.setLineWidth(1.1)
    canvas.line(
        MARGIN_X,
        page_height - HEADER_RULE_GAP,
        page_width - MARGIN_X,
        page_height - HEADER_RULE_GAP,
    )


class _NumberedCanvas(Canvas):
    """A canvas that holds its pages until the end, to write "page X / Y" on each."""

    def __init__(self, *args: Any, page_number_y: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_number_y = page_number_y
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        # What Canvas.showPage does after writing the page; the stubs omit private names.
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self.setFillColor(Palette.INK)
            self.setFont(BOLD, 7.2)
            page_width = self._pagesize[0]  # type: ignore[attr-defined]
            self.drawRightString(
                page_width - MARGIN_X, self._page_number_y, f"page {number} / {total}"
            )
            super().showPage()
        super().save()


def build_document(target: Path, story: Sequence[Flowable], setup: PageSetup, title: str) -> int:
    """Write *story* to *target* (atomically) on the shared page; returns the page count.

    *title* goes into the PDF's properties, with the agency as author.
    """
    register_fonts()
    footer = _Footer(setup.letterhead)

    def on_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        page_width, page_height = canvas._pagesize  # type: ignore[attr-defined]
        canvas.saveState()
        _draw_header(canvas, setup, page_width, page_height)
        footer.draw(canvas, page_width)
        canvas.restoreState()

    with atomic_output(target) as partial:
        doc = BaseDocTemplate(
            str(partial),
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=PAGE_HEIGHT - FRAME_TOP,
            bottomMargin=footer.frame_bottom,
            title=plain(title),
            author=plain(setup.letterhead.agency),
            subject=plain(setup.letterhead.programme),
            creator=f"RESILIAN Desktop {__version__}",
            lang="fr-FR",
            initialFontName=REGULAR,
        )
        templates = []
        for template_id, (width, height) in ((PORTRAIT, A4), (LANDSCAPE, landscape(A4))):
            frame = Frame(
                MARGIN_X,
                footer.frame_bottom,
                width - 2 * MARGIN_X,
                height - FRAME_TOP_GAP - footer.frame_bottom,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id=f"content-{template_id}",
            )
            templates.append(
                PageTemplate(
                    id=template_id, frames=[frame], onPage=on_page, pagesize=(width, height)
                )
            )
        doc.addPageTemplates(templates)
        doc.build(
            list(story),
            canvasmaker=functools.partial(_NumberedCanvas, page_number_y=footer.line_y),
        )
    return int(doc.page)
