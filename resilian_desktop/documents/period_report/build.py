"""The period report: figures and detail rows from services.reports, written as a workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from resilian_desktop.db.engine import Database
from resilian_desktop.documents.period_report.xlsx import write_period_report
from resilian_desktop.documents.progress import Progress
from resilian_desktop.services.reports import open_period_report
from resilian_desktop.services.stats import Period


def export_period_report(
    db: Database,
    period: Period,
    target: Path,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the report of *period* to *target* (.xlsx), streaming; returns *target*.

    *progress* is called with (rows written, rows in all) as rows are written;
    it may raise documents.progress.ExportCancelled to stop: nothing is left
    at *target* then. Raises NotFoundError for an unknown programme.
    """
    with open_period_report(db, period, today=today) as report:
        return write_period_report(report, target, progress=progress)
