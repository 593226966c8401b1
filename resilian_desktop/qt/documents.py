"""Document buttons and menu entries: the roadmap, agenda and minutes as PDF
(previewed, printed, saved), the attendance sheet and the period report in
Excel, and File > Import….

The documents are made by Qt-free modules (services.documents + exports.pdf,
services.sheets / services.reports + exports.xlsx) and shown through
qt.pdf_preview, qt.export_progress and qt.import_dialog. Each is wired only
when its modules are importable, so a partial checkout still opens.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.qt.context import MEETING, ORGANISATION, PERSON, TASKFORCE, show_error
from resilian_desktop.qt.written import tell_written

if TYPE_CHECKING:
    from resilian_desktop.qt.dashboard import DashboardPage
    from resilian_desktop.qt.main_window import MainWindow
    from resilian_desktop.qt.meeting_form import MeetingForm
    from resilian_desktop.qt.record_form import RecordForm
    from resilian_desktop.qt.taskforce_form import TaskforceForm

log = logging.getLogger(__name__)
_UNSAFE = re.compile(r'[\\/:*?"<>|\n\r\t]+')
_PUNCTUATION = re.compile(r"[—–«»;,()\[\]]+|\s-\s")


def available(*modules: str) -> bool:
    """True when every module exists (the document features are optional).

    Looked for as files, not imported: importing (or find_spec, which imports
    the parent packages) would load reportlab and openpyxl, a second at the
    opening of a form; they are imported when a document is asked for.
    """
    if getattr(sys, "frozen", False):
        return True  # a bundle holds what it was built with
    package = Path(__file__).resolve().parent.parent
    for name in modules:
        relative = Path(*name.split(".")[1:])
        if not (
            (package / relative).with_suffix(".py").exists()
            or (package / relative / "__init__.py").exists()
        ):
            log.info("document feature off: %s is missing", name)
            return False
    return True


PDF_MODULES = ("resilian_desktop.qt.pdf_preview", "resilian_desktop.services.documents")
ROADMAP_MODULES = (*PDF_MODULES, "resilian_desktop.exports.pdf.roadmap")
MEETING_PDF_MODULES = (*PDF_MODULES, "resilian_desktop.exports.pdf.meeting")
SHEET_MODULES = (
    "resilian_desktop.qt.export_progress",
    "resilian_desktop.services.sheets",
    "resilian_desktop.exports.xlsx.attendance",
)
REPORT_MODULES = ("resilian_desktop.qt.export_progress", "resilian_desktop.services.reports")
IMPORT_MODULES = ("resilian_desktop.qt.import_dialog",)


def file_name(*parts: str, suffix: str, words: int = 5) -> str:
    """A short file name people recognise, safe on every system:
    "Émargement 2027-01-14 Business corner digitalisation.xlsx".

    Punctuation that file names do not need (— « » : ;) goes; each part keeps
    its first *words* words.
    """
    kept = []
    for part in parts:
        plain = _PUNCTUATION.sub(" ", _UNSAFE.sub(" ", part or "")).split()
        if plain:
            kept.append(" ".join(plain[:words]))
    return " ".join(kept)[:80].strip() + suffix


def _folder(key: str) -> str:
    return str(QSettings().value(f"folders/{key}", str(Path.home())))


def ask_target(parent: QWidget, title: str, name: str, filter_text: str) -> Path | None:
    """Where to write a document; remembers the folder for next time."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(Path(_folder("exports")) / name), filter_text
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != Path(name).suffix.lower():
        target = target.with_name(target.name + Path(name).suffix)
    QSettings().setValue("folders/exports", str(target.parent))
    return target


def preview_pdf(parent: QWidget, write: Callable[[Path], object], name: str) -> Any:
    """Write a PDF to a temporary file and show it with Print and Save as…."""
    from resilian_desktop.qt.pdf_preview import PdfPreviewDialog

    try:
        dialog = PdfPreviewDialog.for_document(write, name, parent)
    except (ResilianError, OSError) as error:
        log.error("document %s failed: %s", name, error)
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Documents", "Document"),
            QCoreApplication.translate(
                "Documents", "The document could not be written: {error}"
            ).format(error=error),
        )
        return None
    dialog.exec()
    return dialog


# --- the taskforce form -----------------------------------------------------------


def roadmap_pdf(form: TaskforceForm) -> Any:
    if not form.ensure_saved() or form.record_id is None:
        return None
    from resilian_desktop.exports.pdf.roadmap import write_roadmap_pdf
    from resilian_desktop.services.documents import roadmap_document

    db, taskforce_id = form.db, form.record_id
    name = file_name(
        "Feuille de route",
        dt.date.today().isoformat(),
        form.row.name if form.row else "",
        suffix=".pdf",
    )
    return preview_pdf(
        form, lambda path: write_roadmap_pdf(roadmap_document(db, taskforce_id), path), name
    )


# --- the meeting form -------------------------------------------------------------


def _meeting_name(form: MeetingForm, what: str, suffix: str) -> str:
    row = form.row
    if row is None:
        return file_name(what, suffix=suffix)
    return file_name(what, row.date.isoformat(), row.title, suffix=suffix)


def agenda_pdf(form: MeetingForm) -> Any:
    if not form.ensure_saved() or form.record_id is None:
        return None
    from resilian_desktop.exports.pdf.meeting import write_agenda_pdf
    from resilian_desktop.services.documents import agenda_document

    db, meeting_id = form.db, form.record_id
    return preview_pdf(
        form,
        lambda path: write_agenda_pdf(agenda_document(db, meeting_id), path),
        _meeting_name(form, "Ordre du jour", ".pdf"),
    )


def minutes_pdf(form: MeetingForm) -> Any:
    if not form.ensure_saved() or form.record_id is None:
        return None
    from resilian_desktop.exports.pdf.meeting import write_minutes_pdf
    from resilian_desktop.services.documents import minutes_document

    db, meeting_id = form.db, form.record_id
    return preview_pdf(
        form,
        lambda path: write_minutes_pdf(minutes_document(db, meeting_id), path),
        _meeting_name(form, "Compte rendu", ".pdf"),
    )


def attendance_sheet_pdf(form: MeetingForm) -> Any:
    """The meeting's attendance sheet as PDF, previewed before printing."""
    if not form.ensure_saved() or form.record_id is None:
        return None
    from resilian_desktop.exports.pdf import write_attendance_pdf
    from resilian_desktop.services.sheets import attendance_sheet as sheet_of
    from resilian_desktop.services.sheets import pdf_sheet_document

    db, meeting_id = form.db, form.record_id
    return preview_pdf(
        form,
        lambda path: write_attendance_pdf(pdf_sheet_document(sheet_of(db, meeting_id)), path),
        _meeting_name(form, "Émargement", ".pdf"),
    )


def attendance_sheet(form: MeetingForm, target: Path | None = None) -> Path | None:
    """Write the meeting's attendance sheet (Excel) where the user chooses."""
    if not form.ensure_saved() or form.record_id is None:
        return None
    target = target or ask_target(
        form,
        QCoreApplication.translate("Documents", "Attendance sheet"),
        _meeting_name(form, "Émargement", ".xlsx"),
        QCoreApplication.translate("Documents", "Excel workbooks (*.xlsx)"),
    )
    if target is None:
        return None
    from resilian_desktop.qt.export_progress import export_attendance_sheets

    try:
        written = export_attendance_sheets(form, form.db, [form.record_id], target)
    except ResilianError as error:
        show_error(form, error)
        return None
    if written is not None:
        log.info("attendance sheet of meeting %s written to %s", form.record_id, written)
    return written


def _tell_written(window: MainWindow, asker: QWidget, path: Path | None) -> Path | None:
    """Where the document went: in the window that asked, and in the status bar."""
    if path is not None:
        window.statusBar().showMessage(
            QCoreApplication.translate("Documents", "Written: {path}").format(path=path), 10_000
        )
        tell_written(asker, path)
    return path


# --- wiring ---------------------------------------------------------------------------


def _print_action(form: RecordForm, slot: Callable[[], object]) -> None:
    action = QAction(form)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    action.triggered.connect(lambda _checked=False: slot())
    form.addAction(action)


def wire_form(window: MainWindow, form: RecordForm) -> None:
    """Give *form* the document buttons whose modules are available."""
    from resilian_desktop.qt.meeting_form import MeetingForm
    from resilian_desktop.qt.taskforce_form import TaskforceForm

    if isinstance(form, TaskforceForm) and available(*ROADMAP_MODULES):
        form.documents["roadmap"] = lambda: roadmap_pdf(form)
        form.ui.roadmap_pdf_button.clicked.connect(form.documents["roadmap"])
        _print_action(form, form.documents["roadmap"])
    elif isinstance(form, MeetingForm):
        if available(*MEETING_PDF_MODULES):
            form.documents["agenda"] = lambda: agenda_pdf(form)
            form.documents["minutes"] = lambda: minutes_pdf(form)
            form.ui.agenda_pdf_button.clicked.connect(form.documents["agenda"])
            form.ui.minutes_pdf_button.clicked.connect(form.documents["minutes"])

            def print_meeting() -> object:
                # Before the meeting its agenda is printed; afterwards its minutes.
                held = form.row is not None and form.row.date <= dt.date.today()
                return minutes_pdf(form) if held else agenda_pdf(form)

            _print_action(form, print_meeting)
        if available(*SHEET_MODULES):
            form.documents["sheet"] = lambda: _tell_written(window, form, attendance_sheet(form))
            form.ui.sheet_button.clicked.connect(form.documents["sheet"])
        if available(*SHEET_MODULES, *MEETING_PDF_MODULES):
            form.documents["sheet_pdf"] = lambda: attendance_sheet_pdf(form)
            form.ui.sheet_pdf_button.clicked.connect(form.documents["sheet_pdf"])
    else:
        return
    form.refresh_document_buttons()


def export_report(page: DashboardPage, target: Path | None = None) -> Path | None:
    """Write the period report of the dashboard's period (Excel)."""
    period = page.current_period()
    name = file_name(
        "Bilan",
        f"{period.date_from.isoformat()} au {period.date_to.isoformat()}",
        suffix=".xlsx",
    )
    target = target or ask_target(
        page,
        QCoreApplication.translate("Documents", "Period report"),
        name,
        QCoreApplication.translate("Documents", "Excel workbooks (*.xlsx)"),
    )
    if target is None:
        return None
    from resilian_desktop.qt.export_progress import export_report as run_export

    try:
        written = run_export(
            page,
            page.ctx.db,
            period.date_from,
            period.date_to,
            target,
            programme_id=period.programme_id,
        )
    except ResilianError as error:
        show_error(page, error)
        return None
    if written is not None:
        page.ui.status_label.setText(
            QCoreApplication.translate("Documents", "Written: {path}").format(path=written)
        )
        tell_written(page, written)
    return written


def import_file(window: MainWindow) -> object:
    from resilian_desktop.qt.import_dialog import run_import_dialog

    result = run_import_dialog(window.db, window)
    if result is not None:
        window.ctx.notify(ORGANISATION, PERSON, MEETING, TASKFORCE)
    return result


def wire_window(window: MainWindow) -> None:
    """Add File > Import… and the dashboard's report export when available."""
    if available(*IMPORT_MODULES):
        action = QAction(
            QCoreApplication.translate("Documents", "&Import from a spreadsheet…"), window
        )
        action.setObjectName("import_action")
        action.setShortcut(QKeySequence("Ctrl+I"))
        action.triggered.connect(lambda _checked=False: import_file(window))
        window.addAction(action)
        window.add_file_action(action)
        window.import_action = action


def wire_dashboard(page: DashboardPage) -> None:
    if available(*REPORT_MODULES):
        page.ui.export_button.setVisible(True)
        page.ui.export_button.clicked.connect(lambda: export_report(page))
