"""The dashboard: the period's figures (services.stats), two charts, and a click
from any figure to the records behind it.

At a thousand networks the figures take seconds to count, so they are counted
on a worker thread (read-only sessions; SQLite in WAL mode lets them run beside
the window's own reads) and shown when ready; the window stays responsive.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QDate,
    QLocale,
    QObject,
    QRunnable,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QFrame,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from resilian_desktop.db.engine import Database
from resilian_desktop.domain import formats
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.qt.context import ORGANISATION, PROGRAMME, AppContext, show_error
from resilian_desktop.qt.document_files import ask_target, file_name
from resilian_desktop.qt.export_progress import export_audit_pack, export_report
from resilian_desktop.qt.forms.ui_dashboard import Ui_DashboardPage
from resilian_desktop.qt.labels import MEETING_KINDS, code_labels, label, language
from resilian_desktop.qt.list_model import LazyListModel
from resilian_desktop.qt.list_page import size_list_columns
from resilian_desktop.qt.screen import fit_to_screen
from resilian_desktop.qt.widgets import muted, setup_form, setup_table
from resilian_desktop.qt.written import tell_written
from resilian_desktop.services import programmes, stats, trends
from resilian_desktop.services.drilldown import FigureRef, list_name_of
from resilian_desktop.services.listings import SPECS, ListFilters
from resilian_desktop.services.stats import Period, PeriodFigures

log = logging.getLogger(__name__)
RECOMPUTE_DELAY_MS = 300
THIS_YEAR, LAST_YEAR, LAST_12_MONTHS, THIS_QUARTER, CUSTOM = range(5)


@dataclass(frozen=True)
class DashboardData:
    figures: PeriodFigures
    months: list[trends.MonthCount]
    companies: list[trends.CompanyEngagement]


def compute(db: Database, period: Period, today: dt.date) -> DashboardData:
    """Everything the dashboard shows for *period* (runs on a worker thread)."""
    return DashboardData(
        stats.period_figures(db, period, today=today),
        trends.participation_by_month(db, period),
        trends.engagement_by_company(db, period),
    )


def preset_period(preset: int, today: dt.date) -> tuple[dt.date, dt.date] | None:
    if preset == THIS_YEAR:
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    if preset == LAST_YEAR:
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    if preset == LAST_12_MONTHS:
        start = dt.date(today.year - 1, today.month, 1)
        return start, today
    if preset == THIS_QUARTER:
        first_month = 3 * ((today.month - 1) // 3) + 1
        start = dt.date(today.year, first_month, 1)
        after = (
            dt.date(today.year + 1, 1, 1)
            if first_month == 10
            else dt.date(today.year, first_month + 3, 1)
        )
        return start, after - dt.timedelta(days=1)
    return None


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, generation: int, work: Callable[[], DashboardData]) -> None:
        super().__init__()
        self.generation = generation
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # shown in the dashboard, logged with its traceback
            log.exception("dashboard figures failed")
            self.signals.failed.emit(self.generation, str(error))
        else:
            self.signals.done.emit(self.generation, result)


class FigureCard(QFrame):
    """A figure and its caption; a click (or Enter) asks for the records behind it."""

    clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure_card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value_label = QLabel("–", self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value_label.setFont(font)
        self.caption_label = QLabel(caption, self)
        self.caption_label.setWordWrap(True)
        muted(self.caption_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)
        layout.addStretch(1)
        self.setAccessibleName(caption)
        self.setMinimumWidth(150)

    def set_value(self, value: int | None) -> None:
        self.value_label.setText("–" if value is None else formats.integer(value, language()))
        self.setAccessibleDescription(self.value_label.text())

    def value_text(self) -> str:
        return self.value_label.text()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class RecordsDialog(QDialog):
    """The records behind a figure, in a lazy list; a double click opens one."""

    def __init__(self, ctx: AppContext, ref: FigureRef, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.ctx = ctx
        list_name = list_name_of(ref.figure)
        self.spec = SPECS[list_name]
        self.model = LazyListModel(ctx.db, self.spec, code_labels(), self)
        self.model.set_filters(ListFilters(figure=ref))
        self.table = QTableView(self)
        self.table.setObjectName("records_table")
        self.table.setModel(self.model)
        setup_table(self.table)
        size_list_columns(self.table, self.spec)
        self.table.doubleClicked.connect(self._open)
        period = ref.period
        summary = QLabel(
            self.tr("%n record(s), from {start} to {end}", "", self.model.total).format(
                start=formats.short_date(period.date_from), end=formats.short_date(period.date_to)
            ),
            self,
        )
        self.summary_label = summary
        hint = QLabel(self.tr("Double-click a line to open it."), self)
        muted(hint)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(hint)
        fit_to_screen(self, 1150, 560)

    def _open(self, index: Any) -> None:
        self.ctx.open_record(self.spec.opens, self.model.open_id(index.row()))


class DashboardPage(QWidget):
    """Figures for a chosen period and programme; click one to see its records."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.ui = Ui_DashboardPage()
        setup_form(self.ui, self)
        ui = self.ui
        self.data: DashboardData | None = None
        self.period: Period | None = None
        self._generation = 0
        self._jobs: dict[int, _Job] = {}
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        muted(ui.figures_hint)
        muted(ui.status_label)
        for text in (
            self.tr("This year"),
            self.tr("Last year"),
            self.tr("Last 12 months"),
            self.tr("This quarter"),
            self.tr("Custom period"),
        ):
            ui.period_combo.addItem(text)
        self._fill_programmes()
        ui.export_button.clicked.connect(lambda: self.export_report())
        ui.audit_pack_button.clicked.connect(lambda: self.export_audit_pack())

        self.cards: dict[str, FigureCard] = {}
        self._build_cards()
        self._build_charts()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        settings = QSettings()
        preset = int(str(settings.value("dashboard/period", THIS_YEAR)))
        ui.period_combo.setCurrentIndex(preset if 0 <= preset < CUSTOM else THIS_YEAR)
        self._apply_preset()
        ui.period_combo.currentIndexChanged.connect(self._preset_changed)
        ui.from_date.dateChanged.connect(self._dates_edited)
        ui.to_date.dateChanged.connect(self._dates_edited)
        ui.programme_combo.currentIndexChanged.connect(lambda _i: self._timer.start())
        ctx.changed.connect(self._records_changed)

    def _fill_programmes(self) -> None:
        """The programme chooser, keeping the programme chosen when it still exists."""
        combo = self.ui.programme_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All programmes"), None)
        for programme in programmes.list_programmes(self.ctx.db):
            combo.addItem(programme.name, programme.id)
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
        combo.blockSignals(False)

    def _records_changed(self, kinds: list[str]) -> None:
        if PROGRAMME in kinds:
            self._fill_programmes()
        self._timer.start()

    # --- layout -------------------------------------------------------------

    def _build_cards(self) -> None:
        grid = self.ui.figures_layout
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        sections: list[tuple[str, list[tuple[str, str]]]] = [
            (
                self.tr("Meetings"),
                [
                    ("meetings_held", self.tr("meetings held")),
                    ("half_days", self.tr("half-days delivered")),
                    (
                        "meetings_without_proof",
                        self.tr("held meetings with no proof of attendance"),
                    ),
                ],
            ),
            (
                self.tr("Meetings held, by kind"),
                [(f"kind:{kind}", label(kind)) for kind in MEETING_KINDS],
            ),
            (
                self.tr("Participants"),
                [
                    ("participations", self.tr("participations")),
                    ("person_half_days", self.tr("person half-days")),
                    ("distinct_people", self.tr("different people")),
                    ("distinct_organisations", self.tr("organisations represented")),
                    ("companies_supported", self.tr("companies supported")),
                    ("elected_officials", self.tr("elected officials")),
                ],
            ),
            (
                self.tr("Taskforces and roadmaps"),
                [
                    ("taskforces_active", self.tr("active taskforces")),
                    ("taskforces_closed", self.tr("taskforces closed")),
                    ("actions_done", self.tr("actions done")),
                    ("actions_late", self.tr("actions late")),
                    ("actions_due_soon", self.tr("actions due within 30 days")),
                    (
                        "dormant_companies",
                        self.tr("member companies with no one present for a year"),
                    ),
                ],
            ),
        ]
        columns = 6
        row = 0
        for title, figures in sections:
            heading = QLabel(title, self.ui.figures_panel)
            font = QFont(heading.font())
            font.setBold(True)
            heading.setFont(font)
            grid.addWidget(heading, row, 0, 1, columns)
            row += 1
            for i, (key, caption) in enumerate(figures):
                card = FigureCard(caption, self.ui.figures_panel)
                card.setObjectName(f"card_{key.replace(':', '_')}")
                card.clicked.connect(lambda k=key, c=caption: self.show_records(k, c))
                self.cards[key] = card
                grid.addWidget(card, row + i // columns, i % columns)
            row += (len(figures) - 1) // columns + 1
        for column in range(columns):
            grid.setColumnStretch(column, 1)

    def _build_charts(self) -> None:
        self.month_chart = QChart()
        self.month_chart.setTitle(self.tr("Participation per month"))
        self.month_chart.legend().hide()
        self.month_view = QChartView(self.month_chart, self.ui.charts_panel)
        self.month_view.setObjectName("month_chart_view")
        self.company_chart = QChart()
        self.company_chart.setTitle(self.tr("Engagement per company (participations)"))
        self.company_chart.legend().hide()
        self.company_view = QChartView(self.company_chart, self.ui.charts_panel)
        self.company_view.setObjectName("company_chart_view")
        # One above the other, full width: company names need room.
        self.ui.charts_layout.setDirection(QBoxLayout.Direction.TopToBottom)
        for view, height in ((self.month_view, 300), (self.company_view, 380)):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(height)
            self.ui.charts_layout.addWidget(view)
        self.company_ids: list[int] = []

    # --- period -------------------------------------------------------------

    def _apply_preset(self) -> None:
        span = preset_period(self.ui.period_combo.currentIndex(), self.today())
        if span is None:
            return
        for edit, day in ((self.ui.from_date, span[0]), (self.ui.to_date, span[1])):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _preset_changed(self, index: int) -> None:
        QSettings().setValue("dashboard/period", index)
        self._apply_preset()
        self._timer.start()

    def _dates_edited(self) -> None:
        combo = self.ui.period_combo
        combo.blockSignals(True)
        combo.setCurrentIndex(CUSTOM)
        combo.blockSignals(False)
        self._timer.start()

    def _period_file(
        self, stem: str, suffix: str, title: str, filter_text: str, target: Path | None
    ) -> tuple[Period, Path] | None:
        """The dashboard's period and the file to write for it (asked when not given)."""
        period = self.current_period()
        name = file_name(
            stem, f"{period.date_from.isoformat()} au {period.date_to.isoformat()}", suffix=suffix
        )
        target = target or ask_target(self, title, name, filter_text)
        return None if target is None else (period, target)

    def _written(self, target: Path) -> QMessageBox:
        self.ui.status_label.setText(self.tr("Written: {path}").format(path=target))
        return tell_written(self, target)

    def export_report(self, target: Path | None = None) -> Path | None:
        """Write the period report of the dashboard's period (Excel)."""
        chosen = self._period_file(
            "Bilan",
            ".xlsx",
            self.tr("Period report"),
            self.tr("Excel workbooks (*.xlsx)"),
            target,
        )
        if chosen is None:
            return None
        period, target = chosen
        try:
            written = export_report(
                self,
                self.ctx.db,
                period.date_from,
                period.date_to,
                target,
                programme_id=period.programme_id,
            )
        except ResilianError as error:
            show_error(self, error)
            return None
        if written is not None:
            self._written(written)
        return written

    def export_audit_pack(self, target: Path | None = None) -> Path | None:
        """Write the audit pack of the dashboard's period: the proofs a funder's
        controller asks for, in one zip with its manifest."""
        chosen = self._period_file(
            "Dossier de preuves",
            ".zip",
            self.tr("Audit pack"),
            self.tr("Zip archives (*.zip)"),
            target,
        )
        if chosen is None:
            return None
        period, target = chosen
        try:
            pack = export_audit_pack(self, self.ctx.db, period, target)
        except ResilianError as error:
            show_error(self, error)
            return None
        if pack is None:
            return None
        message = self._written(target)
        # The controller checks the manifest against this, received another way.
        message.setInformativeText(
            message.informativeText()
            + "\n\n"
            + self.tr("Manifest SHA-256, to send apart from the pack:\n{sha256}").format(
                sha256=pack.manifest_sha256
            )
        )
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return target

    def current_period(self) -> Period:
        ui = self.ui
        first, last = ui.from_date.date(), ui.to_date.date()
        start = dt.date(first.year(), first.month(), first.day())
        end = dt.date(last.year(), last.month(), last.day())
        data = ui.programme_combo.currentData()
        return Period(min(start, end), max(start, end), int(data) if data is not None else None)

    def set_period(self, start: dt.date, end: dt.date, programme_id: int | None = None) -> None:
        """Show the figures of another period (what the date fields do)."""
        ui = self.ui
        for edit, day in ((ui.from_date, start), (ui.to_date, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        ui.period_combo.setCurrentIndex(CUSTOM)
        index = ui.programme_combo.findData(programme_id)
        ui.programme_combo.setCurrentIndex(max(index, 0))
        self.refresh()

    # --- computing ----------------------------------------------------------

    def refresh(self) -> None:
        """Count the figures again on the worker thread."""
        self._timer.stop()
        self._generation += 1
        period = self.current_period()
        today = self.today()
        db = self.ctx.db
        job = _Job(self._generation, lambda: compute(db, period, today))
        job.setAutoDelete(False)  # kept in _jobs until its result arrived
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        self._jobs[self._generation] = job
        self.period = period
        self.ui.status_label.setText(self.tr("Counting…"))
        self.pool.start(job)

    def is_busy(self) -> bool:
        return bool(self._jobs)

    def wait(self) -> None:
        """Block until the worker has finished (closing the window, tests)."""
        self.pool.waitForDone()

    def _done(self, generation: int, data: DashboardData) -> None:
        self._jobs.pop(generation, None)
        if generation != self._generation:
            return  # a newer period was asked for meanwhile
        self.data = data
        self.ui.status_label.setText("")
        self._show(data)

    def _failed(self, generation: int, message: str) -> None:
        self._jobs.pop(generation, None)
        if generation == self._generation:
            self.ui.status_label.setText(
                self.tr("The figures could not be counted: {error}").format(error=message)
            )

    def value(self, key: str) -> int:
        """The figure *key* as shown (tests, accessibility)."""
        return int(re.sub(r"\D", "", self.cards[key].value_text()) or 0)

    def _show(self, data: DashboardData) -> None:
        figures = data.figures
        for key, card in self.cards.items():
            if key.startswith("kind:"):
                card.set_value(figures.meetings_by_kind.get(key[5:], 0))
            else:
                card.set_value(int(getattr(figures, key)))
        late = self.cards["actions_late"]
        late.value_label.setStyleSheet("color: #b00020;" if figures.actions_late else "")
        unproven = self.cards["meetings_without_proof"]
        unproven.value_label.setStyleSheet(
            "color: #b00020;" if figures.meetings_without_proof else ""
        )
        self._show_months(data.months)
        self._show_companies(data.companies)

    def _show_months(self, months: list[trends.MonthCount]) -> None:
        chart = self.month_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bars = QBarSet(self.tr("Participations"))
        locale = QLocale()
        categories = []
        for month in months:
            bars.append(month.participations)
            name = locale.monthName(month.month, QLocale.FormatType.ShortFormat)
            categories.append(f"{name} {month.year % 100:02d}")
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append(categories)
        x_axis.setLabelsAngle(-60 if len(categories) > 12 else 0)
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%d")
        y_axis.setRange(0, max([m.participations for m in months] + [4]))
        y_axis.applyNiceNumbers()  # whole, round ticks: 0, 10, 20... not 0, 0.2, 0.4
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        total = sum(m.participations for m in months)
        chart.setTitle(
            self.tr("Participation per month")
            if total
            else self.tr("Participation per month — nobody recorded present in this period")
        )

    def _show_companies(self, companies: list[trends.CompanyEngagement]) -> None:
        chart = self.company_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        # Bottom to top: the most engaged company is drawn last, at the top.
        shown = list(reversed(companies))
        self.company_ids = [c.organisation_id for c in shown]
        bars = QBarSet(self.tr("Participations"))
        for company in shown:
            bars.append(company.participations)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.clicked.connect(self._company_clicked)
        chart.addSeries(series)
        y_axis = QBarCategoryAxis()
        y_axis.append([_short(c.name) for c in shown] or [""])
        x_axis = QValueAxis()
        x_axis.setLabelFormat("%d")
        x_axis.setRange(0, max([c.participations for c in shown] + [4]))
        x_axis.applyNiceNumbers()
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(y_axis)
        series.attachAxis(x_axis)
        chart.setTitle(
            self.tr("Engagement per company (participations) — click a bar to open it")
            if shown
            else self.tr("Engagement per company — no company present in this period")
        )

    def _company_clicked(self, index: int, _bars: QBarSet) -> None:
        if 0 <= index < len(self.company_ids):
            self.ctx.open_record(ORGANISATION, self.company_ids[index])

    # --- drill-down ---------------------------------------------------------

    def show_records(self, key: str, caption: str) -> RecordsDialog | None:
        """Open the list of the records counted by the figure *key*."""
        if self.data is None:
            return None
        figures = self.data.figures
        kind = None
        figure = key
        if key.startswith("kind:"):
            figure, kind = "meetings_by_kind", key[5:]
        ref = FigureRef(figure, figures.period, figures.reference_date, kind)
        dialog = RecordsDialog(self.ctx, ref, caption[:1].upper() + caption[1:], self)
        dialog.show()
        return dialog


def _short(name: str, limit: int = 48) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
