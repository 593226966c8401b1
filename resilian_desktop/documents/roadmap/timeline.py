"""The roadmap's timeline: one bar per action across the months, milestones, today.

Drawn straight on the canvas as a flowable that splits between rows, so a
300-action roadmap runs over several pages with the months repeated on each.
Meant for a landscape A4 page: action names are wrapped in full (a row grows
to hold them), months are named ("janv.", "févr.", never a single letter).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from resilian_desktop.documents.lines import ActionLine
from resilian_desktop.documents.pdf_parts.fonts import BOLD, OBLIQUE, REGULAR
from resilian_desktop.documents.pdf_parts.template import Palette, fit
from resilian_desktop.documents.pdf_parts.widgets import status_look
from resilian_desktop.documents.text import plain
from resilian_desktop.domain.formats import month_name, short_date
from resilian_desktop.domain.vocab import ActionStatus

MIN_LABEL_WIDTH = 56 * mm
MAX_LABEL_WIDTH = 88 * mm
LABEL_SHARE = 0.32
"""The share of the chart's width given to the action names, between the bounds above."""
NAME_LINES = 4
"""Lines an action's name may take (some 200 characters); a longer one is cut
with "…" on its last line: it is whole in the actions' table."""
LABEL_SIZE = 8.0
LABEL_LEADING = 9.2
MONTH_SIZE = 7.0
HEADER_HEIGHT = 29.0
LEGEND_HEIGHT = 16.0
MIN_ROWS = 6
"""Rows kept together on either side of a page break: no lonely rows on a page."""
WHOLE_ROWS = 30
"""A chart of up to this many rows moves whole to the next page rather than split..."""
NEARLY_A_PAGE = 400.0
"""...unless it already has this much room (points), when it must split anyway
(below the height of a landscape A4 page's frame, about 450 points)."""
BAR_HEIGHT = 5.6
TODAY_REACH = dt.timedelta(days=366)
"""Today is drawn when it lies within a year of the actions' dates; further
away it would squeeze every bar into a corner of the chart."""


@dataclass(frozen=True)
class Period:
    """The months the chart spans: [start, end) with both on the first of a month."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def months(self) -> list[dt.date]:
        found, day = [], self.start
        while day < self.end:
            found.append(day)
            day = _next_month(day)
        return found


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def chart_period(actions: Sequence[ActionLine], today: dt.date | None) -> Period | None:
    """Whole months from the first to the last date of the actions (and today, when near).

    None when no action has a date.
    """
    dates = [d for a in actions for d in (a.start, a.due) if d is not None]
    if not dates:
        return None
    first, last = min(dates), max(dates)
    if today is not None and first - TODAY_REACH <= today <= last + TODAY_REACH:
        first, last = min(first, today), max(last, today)
    return Period(dt.date(first.year, first.month, 1), _next_month(last))


class Timeline(Flowable):
    """Rows of bars from start to due date, coloured and hatched by status.

    Late actions are hatched and outlined dark, milestones carry a diamond at
    their due date, today is a dashed line. Splits between rows.
    """

    def __init__(
        self,
        actions: Sequence[ActionLine],
        today: dt.date | None,
        period: Period | None = None,
        *,
        legend: bool = True,
        row_height: float | None = None,
    ) -> None:
        super().__init__()
        self.actions = list(actions)
        self.today = today
        self.period = period or chart_period(self.actions, today)
        self.legend = legend
        # Long roadmaps get tighter rows so that the chart stays a few pages;
        # the parts of a split chart keep the height of the whole.
        # the parts of a split chart keep the height of the whole. A row grows
        # from this height to hold its action's name wrapped in full.
        self.row_height = row_height or _row_height(len(self.actions))
        self.width = 0.0
        self._names: list[list[str]] = []
        self._rows: list[float] = []

    @property
    def header_height(self) -> float:
        return HEADER_HEIGHT + (LEGEND_HEIGHT if self.legend else 0)

    @property
    def label_width(self) -> float:
        return min(max(self.width * LABEL_SHARE, MIN_LABEL_WIDTH), MAX_LABEL_WIDTH)

    def _lay_out(self, width: float) -> None:
        """Each action's name cut into lines, and each row's height, for *width*."""
        if width == self.width and len(self._rows) == len(self.actions):
            return
        self.width = width
        self._names, self._rows = [], []
        for action in self.actions:
            font = BOLD if action.late else REGULAR
            room = self.label_width - 22
            lines = simpleSplit(plain(action.title), font, LABEL_SIZE, room) or [""]
            if len(lines) > NAME_LINES:
                lines[NAME_LINES - 1] = " ".join(lines[NAME_LINES - 1 :]) + "…"
                del lines[NAME_LINES:]
            # A word wider than the column (a pasted link) is cut rather than run into the bars.
            lines = [fit(line, font, LABEL_SIZE, room) for line in lines]
            self._names.append(lines)
            self._rows.append(max(self.row_height, len(lines) * LABEL_LEADING + 3))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._lay_out(availWidth)
        self.height = self.header_height + sum(self._rows) + 2
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._lay_out(availWidth)
        room, rows = availHeight - self.header_height - 2, 0
        while rows < len(self._rows) and room >= self._rows[rows]:
            room -= self._rows[rows]
            rows += 1
        if rows >= len(self.actions):
            return [self]
        if len(self.actions) <= WHOLE_ROWS and availHeight < NEARLY_A_PAGE:
            return []
        rows = min(rows, len(self.actions) - MIN_ROWS)
        if rows < MIN_ROWS:  # too few rows here: the chart starts on the next page
            return []
        return [
            Timeline(
                self.actions[:rows],
                self.today,
                self.period,
                legend=self.legend,
                row_height=self.row_height,
            ),
            Timeline(
                self.actions[rows:],
                self.today,
                self.period,
                legend=False,
                row_height=self.row_height,
            ),
        ]

    # --- drawing -------------------------------------------------------------

    def _x(self, day: dt.date) -> float:
        assert self.period is not None
        chart = self.width - self.label_width
        offset = (day - self.period.start).days / max(self.period.days, 1)
        return self.label_width + chart * min(max(offset, 0.0), 1.0)

    @property
    def _rows_height(self) -> float:
        return sum(self._rows)

    def draw(self) -> None:
        canvas = self.canv
        if self.legend:
            draw_legend(canvas, self.height - 9)
        rows_top = self.height - self.header_height
        self._draw_rows_background(canvas, rows_top)
        if self.period is not None:
            self._draw_months(canvas, rows_top)
        top = rows_top
        for action, lines, height in zip(self.actions, self._names, self._rows, strict=True):
            self._draw_label(canvas, action, lines, top, height)
            self._draw_bar(canvas, action, top - height / 2)
            top -= height
        if self.period is not None and self.today is not None:
            self._draw_today(canvas, rows_top)

    def _draw_rows_background(self, canvas: Canvas, rows_top: float) -> None:
        top = rows_top
        for index, (action, height) in enumerate(zip(self.actions, self._rows, strict=True)):
            top -= height
            if action.late:
                canvas.setFillColor(Palette.LATE_LIGHT)
            elif index % 2:
                canvas.setFillColor(Palette.STRIPE)
            else:
                continue
            canvas.rect(0, top, self.width, height, stroke=0, fill=1)
        canvas.setStrokeColor(Palette.RULE)
        canvas.setLineWidth(0.5)
        bottom = rows_top - self._rows_height
        canvas.line(0, bottom, self.width, bottom)
        canvas.line(self.label_width, bottom, self.label_width, rows_top + 18)

    def _draw_months(self, canvas: Canvas, rows_top: float) -> None:
        assert self.period is not None
        months = self.period.months()
        month_width = (self.width - self.label_width) / len(months)
        bottom = rows_top - self._rows_height
        year_band, month_band = rows_top + 9, rows_top
        canvas.setFillColor(Palette.BRAND_LIGHT)
        canvas.rect(
            self.label_width, month_band, self.width - self.label_width, 18, stroke=0, fill=1
        )
        step = _month_step(month_width)
        for month in months:
            x = self._x(month)
            new_year = month.month == 1 or month == self.period.start
            if month_width >= 3 or new_year:
                canvas.setStrokeColor(Palette.MUTED if new_year else Palette.RULE)
                canvas.setLineWidth(0.6 if new_year else 0.3)
                canvas.line(x, bottom, x, year_band + (9 if new_year else 0))
            if step and (month.month - 1) % step == 0:
                # Named over its own month, or from its start when names skip months.
                text = month_name(month.month, short=True)
                canvas.setFillColor(Palette.INK)
                canvas.setFont(REGULAR, MONTH_SIZE)
                if step == 1:
                    canvas.drawCentredString(x + month_width / 2, month_band + 3, text)
                else:
                    canvas.drawString(x + 1.5, month_band + 3, text)
        # Years: centred over their months, when there is room for the figure.
        for year in sorted({m.year for m in months}):
            first = max(dt.date(year, 1, 1), self.period.start)
            last = min(dt.date(year + 1, 1, 1), self.period.end)
            left, right = self._x(first), self._x(last)
            text = str(year)
            if right - left >= stringWidth(text, BOLD, 7) + 2:
                canvas.setFillColor(Palette.BRAND)
                canvas.setFont(BOLD, 7)
                canvas.drawCentredString((left + right) / 2, year_band + 2.5, text)

    def _draw_label(
        self, canvas: Canvas, action: ActionLine, lines: list[str], top: float, height: float
    ) -> None:
        font = BOLD if action.late else REGULAR
        # The name's lines centred in the row, the number on the first line.
        first = top - (height - len(lines) * LABEL_LEADING) / 2 - LABEL_LEADING + 2.4
        canvas.setFillColor(Palette.LATE if action.late else Palette.INK)
        canvas.setFont(font, LABEL_SIZE)
        canvas.drawRightString(15, first, str(action.number))
        canvas.setFillColor(Palette.INK)
        for index, line in enumerate(lines):
            canvas.drawString(19, first - index * LABEL_LEADING, line)

    def _draw_bar(self, canvas: Canvas, action: ActionLine, middle: float) -> None:
        if self.period is None or (action.start is None and action.due is None):
            canvas.setFillColor(Palette.MUTED)
            canvas.setFont(OBLIQUE, 6.4)
            canvas.drawString(self.label_width + 4, middle - 2.2, "dates à fixer")
            return
        look = status_look(action.status)
        strong = Palette.LATE if action.late else look.strong
        bottom = middle - BAR_HEIGHT / 2
        if action.start is not None and action.due is not None:
            left = self._x(action.start)
            right = max(self._x(action.due + dt.timedelta(days=1)), left + 2)
            width = right - left
            canvas.setFillColor(Palette.LATE_LIGHT if action.late else look.fill)
            canvas.rect(left, bottom, width, BAR_HEIGHT, stroke=0, fill=1)
            done = 100 if action.status == ActionStatus.DONE.value else action.progress
            if done:
                canvas.setFillColor(strong)
                canvas.rect(
                    left, bottom, width * min(done, 100) / 100, BAR_HEIGHT, stroke=0, fill=1
                )
            if action.late:
                _hatch(canvas, left, bottom, width, BAR_HEIGHT, Palette.LATE)
            canvas.setStrokeColor(strong)
            canvas.setLineWidth(1.1 if action.late else 0.5)
            canvas.rect(left, bottom, width, BAR_HEIGHT, stroke=1, fill=0)
        elif not action.is_milestone:
            # A single date: a dot at it, full when it is the due date.
            only = action.due or action.start
            assert only is not None
            canvas.setStrokeColor(strong)
            canvas.setFillColor(strong if action.due else colors.white)
            canvas.setLineWidth(0.8)
            canvas.circle(self._x(only), middle, 2.3, stroke=1, fill=1)
        if action.is_milestone:
            day = action.due or action.start
            assert day is not None
            _diamond(
                canvas, self._x(day), middle, 3.6, Palette.LATE if action.late else Palette.INK
            )

    def _draw_today(self, canvas: Canvas, rows_top: float) -> None:
        assert self.period is not None and self.today is not None
        if not self.period.start <= self.today < self.period.end:
            return
        x = self._x(self.today)
        bottom = rows_top - self._rows_height
        canvas.saveState()
        canvas.setStrokeColor(Palette.LATE)
        canvas.setLineWidth(0.9)
        canvas.setDash(2.5, 1.6)
        canvas.line(x, bottom, x, rows_top + 18)
        canvas.restoreState()
        text = f"aujourd'hui {short_date(self.today)[:5]}"
        canvas.setFont(BOLD, 7)
        width = stringWidth(text, BOLD, 7)
        centre = min(max(x, self.label_width + width / 2), self.width - width / 2)
        canvas.setFillColor(Palette.LATE)
        canvas.drawCentredString(centre, rows_top + HEADER_HEIGHT - 7, text)


def _row_height(actions: int) -> float:
    """Roomy rows for a roadmap that fits a page, tighter ones for a long one."""
    if actions <= 30:
        return 13.0
    return 11.5 if actions <= 60 else 10.5


MONTH_STEPS = (1, 2, 3, 6, 12)


def _month_step(month_width: float) -> int:
    """Every how many months a name fits ("janv." … "sept."): 0 when not even yearly."""
    widest = max(stringWidth(month_name(m, short=True), REGULAR, MONTH_SIZE) for m in range(1, 13))
    for step in MONTH_STEPS:
        if step * month_width >= widest + 3:
            return step
    return 0


def _hatch(
    canvas: Canvas, x: float, y: float, width: float, height: float, colour: colors.Color
) -> None:
    """Diagonal lines inside a rectangle: the mark of a late action in black and white."""
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(x, y, width, height)
    canvas.clipPath(path, stroke=0, fill=0)
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(0.7)
    step = 2.6
    offset = -height
    while offset < width:
        canvas.line(x + offset, y, x + offset + height, y + height)
        offset += step
    canvas.restoreState()


def _diamond(canvas: Canvas, x: float, y: float, size: float, colour: colors.Color) -> None:
    path = canvas.beginPath()
    path.moveTo(x, y + size)
    path.lineTo(x + size, y)
    path.lineTo(x, y - size)
    path.lineTo(x - size, y)
    path.close()
    canvas.setFillColor(colour)
    canvas.setStrokeColor(colors.white)
    canvas.setLineWidth(0.6)
    canvas.drawPath(path, stroke=1, fill=1)


def draw_legend(canvas: Canvas, y: float) -> None:
    """What the marks of the timeline mean, drawn with the same marks, on one line at *y*."""
    look = status_look(ActionStatus.IN_PROGRESS.value)
    x = 0.0
    canvas.setFont(REGULAR, 6.8)

    def caption(text: str, at: float) -> float:
        canvas.setFillColor(Palette.INK)
        canvas.drawString(at, y, text)
        return at + stringWidth(text, REGULAR, 6.8) + 12

    canvas.setFillColor(look.fill)
    canvas.rect(x, y - 0.5, 22, BAR_HEIGHT, stroke=0, fill=1)
    canvas.setFillColor(look.strong)
    canvas.rect(x, y - 0.5, 11, BAR_HEIGHT, stroke=0, fill=1)
    canvas.setStrokeColor(look.strong)
    canvas.setLineWidth(0.5)
    canvas.rect(x, y - 0.5, 22, BAR_HEIGHT, stroke=1, fill=0)
    x = caption("du début à l'échéance, partie foncée : avancement", x + 26)
    canvas.setFillColor(Palette.LATE_LIGHT)
    canvas.rect(x, y - 0.5, 22, BAR_HEIGHT, stroke=0, fill=1)
    _hatch(canvas, x, y - 0.5, 22, BAR_HEIGHT, Palette.LATE)
    canvas.setStrokeColor(Palette.LATE)
    canvas.setLineWidth(1.1)
    canvas.rect(x, y - 0.5, 22, BAR_HEIGHT, stroke=1, fill=0)
    x = caption("en retard (hachuré)", x + 26)
    _diamond(canvas, x + 4, y + 2.3, 3.6, Palette.INK)
    x = caption("jalon", x + 11)
    canvas.setFillColor(Palette.INK)
    canvas.setStrokeColor(Palette.INK)
    canvas.circle(x + 3, y + 2.3, 2.3, stroke=1, fill=1)
    x = caption("échéance seule", x + 9)
    canvas.saveState()
    canvas.setStrokeColor(Palette.LATE)
    canvas.setLineWidth(0.9)
    canvas.setDash(2.5, 1.6)
    canvas.line(x + 3, y - 2, x + 3, y + 7)
    canvas.restoreState()
    caption("aujourd'hui", x + 8)
