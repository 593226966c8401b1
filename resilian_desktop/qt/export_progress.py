"""Long exports run off the interface thread, with a progress dialog and a Cancel button.

:func:`run_with_progress` runs a job (any function taking a progress callback)
in a worker thread while a modal QProgressDialog shows how far it is; Cancel
makes the next progress call raise ExportCancelled, so the export stops and
documents.files.atomic_output leaves no file behind. The window stays painted
and responsive meanwhile.

:func:`export_report` and :func:`export_attendance_sheets` are the two
exports of issue 4 wrapped this way, for the dashboard's "Period report…" and
the meeting form's "Attendance sheet…" buttons.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from resilian_desktop.db.engine import Database
from resilian_desktop.documents.progress import ExportCancelled, Progress
from resilian_desktop.services.stats import Period

if TYPE_CHECKING:
    from resilian_desktop.documents.audit_pack.build import PackSummary

T = TypeVar("T")


SCALE = 1000  # the dialog counts in thousandths: row counts can exceed an int's range


class _Worker(QThread):
    progressed = Signal(int, int)

    def __init__(self, job: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self.cancel_requested = threading.Event()
        self.value: Any = None
        self.error: BaseException | None = None

    def _progress(self, done: int, total: int) -> None:
        if self.cancel_requested.is_set():
            raise ExportCancelled
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            self.value = self._job(self._progress)
        except BaseException as error:  # handed to the interface thread, raised again there
            self.error = error


def run_with_progress(
    parent: QWidget | None,
    title: str,
    job: Callable[[Progress], T],
    *,
    label: str = "",
    minimum_duration_ms: int = 400,
) -> T | None:
    """Run *job(progress)* in a worker thread behind a progress dialog.

    Returns what *job* returned, or None when the officer cancelled. An
    exception raised by *job* is raised again here, in the interface thread.
    The dialog appears only for jobs longer than *minimum_duration_ms*.
    """
    dialog = QProgressDialog(
        label or title, QCoreApplication.translate("ExportProgress", "Cancel"), 0, SCALE, parent
    )
    dialog.setObjectName("export_progress_dialog")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(minimum_duration_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    worker = _Worker(job)

    def show(done: int, total: int) -> None:
        dialog.setValue(min(SCALE, done * SCALE // max(total, 1)))

    loop = QEventLoop()
    worker.progressed.connect(show, Qt.ConnectionType.QueuedConnection)
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(worker.cancel_requested.set)
    worker.start()
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    dialog.close()
    dialog.deleteLater()
    error = worker.error
    worker.deleteLater()
    if isinstance(error, ExportCancelled):
        return None
    if error is not None:
        raise error
    return worker.value  # type: ignore[no-any-return]


def export_report(
    parent: QWidget | None,
    db: Database,
    date_from: dt.date,
    date_to: dt.date,
    target: Path,
    *,
    programme_id: int | None = None,
) -> Path | None:
    """Write the period report to *target* with a progress dialog; None when cancelled."""
    # Imported when asked for: openpyxl is not needed to open the window.
    from resilian_desktop.documents.period_report.build import export_period_report

    period = Period(date_from, date_to, programme_id)
    return run_with_progress(
        parent,
        QCoreApplication.translate("ExportProgress", "Period report"),
        lambda progress: export_period_report(db, period, target, progress=progress),
    )


def export_attendance_sheets(
    parent: QWidget | None,
    db: Database,
    meeting_ids: Sequence[int],
    target: Path,
    *,
    blank: bool = False,
    pdf: bool = False,
    include_excused: bool = False,
) -> Path | None:
    """Write the attendance sheets of *meeting_ids* to *target* (.xlsx, or one
    meeting's .pdf); None when cancelled."""
    # Imported when asked for: openpyxl and reportlab are not needed to open the window.
    from resilian_desktop.documents.attendance_sheet.build import (
        export_attendance_sheets as export,
    )

    def job(progress: Progress) -> Path:
        export(
            db,
            meeting_ids,
            target,
            blank=blank,
            pdf=pdf,
            include_excused=include_excused,
            progress=progress,
        )
        return target

    return run_with_progress(
        parent, QCoreApplication.translate("ExportProgress", "Attendance sheets"), job
    )


def export_audit_pack(
    parent: QWidget | None, db: Database, period: Period, target: Path
) -> PackSummary | None:
    """Write the audit pack of *period* to *target* (.zip) with a progress dialog;
    None when cancelled."""
    # Imported when asked for: the documents are not needed to open the window.
    from resilian_desktop.documents.audit_pack.build import build_audit_pack

    return run_with_progress(
        parent,
        QCoreApplication.translate("ExportProgress", "Audit pack"),
        lambda progress: build_audit_pack(db, period, target, progress=progress),
    )
