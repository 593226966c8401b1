"""A PDF shown before it is printed or saved: roadmaps, agendas, minutes, sheets.

    dialog = PdfPreviewDialog(pdf_path, "Feuille de route - Énergie.pdf", parent)
    dialog.exec()

or, to have the dialog own a temporary file written by one of the PDF writers:

    dialog = PdfPreviewDialog.for_document(
        lambda path: write_roadmap_pdf(document, path), "Feuille de route.pdf", parent
    )

Print goes through the system's printer dialog, each page rendered by QtPdf;
Save as… copies the file atomically (a temporary file beside the target,
moved into place), then "Open the folder" shows where it went.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSettings, QSize, QSizeF, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resilian_desktop.documents.files import atomic_output
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.qt.screen import fit_to_screen
from resilian_desktop.qt.written import tell_written

PRINT_DPI_CAP = 300
"""Pages are rendered for the printer at its resolution, but never above this:
an A4 page at 1200 dpi would be a 550 MB image."""
SETTINGS_FOLDER = "pdf_preview/last_folder"


class PdfPreviewDialog(QDialog):
    """Shows a PDF with Print, Save as… and Open the folder (after saving).

    *pdf_path* is read, never changed or removed (unless the dialog made it,
    see for_document). *suggested_name* is offered by Save as….
    """

    def __init__(self, pdf_path: Path, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview_dialog")
        self.pdf_path = Path(pdf_path)
        self.suggested_name = suggested_name
        self.saved_path: Path | None = None
        self._owned_folder: Path | None = None
        self.setWindowTitle(self.tr("Preview — %1").replace("%1", suggested_name))
        fit_to_screen(self, 900, 1000)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.info_label = QLabel(self)
        self.info_label.setObjectName("info_label")
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setObjectName("print_button")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button = QPushButton(self.tr("&Save as…"), self)
        self.save_button.setObjectName("save_button")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.open_folder_button = QPushButton(self.tr("Open the &folder"), self)
        self.open_folder_button.setObjectName("open_folder_button")
        self.open_folder_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("close_button")

        buttons = QHBoxLayout()
        buttons.addWidget(self.info_label, 1)
        for button in (
            self.print_button,
            self.save_button,
            self.open_folder_button,
            self.close_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        self._load()

    @classmethod
    def for_document(
        cls,
        write: Callable[[Path], object],
        suggested_name: str,
        parent: QWidget | None = None,
    ) -> PdfPreviewDialog:
        """A dialog on a PDF that *write* makes in a temporary folder, removed on closing.

        Errors of *write* (ResilianError, OSError) propagate, and no folder is left behind.
        """
        folder = Path(tempfile.mkdtemp(prefix="resilian-pdf-"))
        try:
            target = folder / (Path(suggested_name).stem + ".pdf")
            write(target)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        dialog = cls(target, suggested_name, parent)
        dialog._owned_folder = folder
        return dialog

    # --- loading ------------------------------------------------------------------

    def _load(self) -> None:
        error = self.document.load(str(self.pdf_path))
        ready = error == QPdfDocument.Error.None_ and self.document.pageCount() > 0
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        if ready:
            pages = self.document.pageCount()
            self.info_label.setText(self.tr("%n page(s)", "", pages))
        else:
            self.info_label.setText(
                self.tr("This PDF cannot be read: %1").replace("%1", str(self.pdf_path))
            )

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    # --- printing -----------------------------------------------------------------

    def print_document(self) -> bool:
        """Ask the system's printer dialog where to print, then print; False when cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        printer.setFromTo(1, self.page_count)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, self.page_count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.render_to(printer)
        return True

    def render_to(self, printer: QPrinter) -> int:
        """Draw the pages (the printer's page range, else all) on *printer*; returns their count.

        Each page is rendered by QtPdf at the printer's resolution (capped at
        PRINT_DPI_CAP) and drawn to fill the printable page, keeping its proportions.
        """
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, self.page_count
        pages = range(max(first, 1) - 1, min(last, self.page_count))
        dpi = min(printer.resolution(), PRINT_DPI_CAP)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.windowTitle(), self.tr("The printer cannot be used."))
            return 0
        printed = 0
        try:
            for index, page in enumerate(pages):
                if index:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                image = self.document.render(page, size)
                area = QRectF(painter.viewport())
                scale = min(area.width() / size.width(), area.height() / size.height())
                target = QRectF(QPointF(0, 0), QSizeF(size.width() * scale, size.height() * scale))
                target.moveCenter(area.center())
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        return printed

    # --- saving -------------------------------------------------------------------

    def _default_folder(self) -> str:
        remembered = QSettings().value(SETTINGS_FOLDER, "", str)
        if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
            return remembered
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def save_as(self) -> Path | None:
        """Ask where to save a copy, then save it; None when cancelled or failed."""
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the PDF"),
            str(Path(self._default_folder()) / self.suggested_name),
            self.tr("PDF documents (*.pdf)"),
        )
        if not chosen:
            return None
        try:
            saved = self.save_to(Path(chosen))
        except (ResilianError, OSError) as error:
            QMessageBox.warning(self, self.tr("Save the PDF"), str(error))
            return None
        tell_written(self, saved)
        return saved

    def save_to(self, target: Path) -> Path:
        """Copy the PDF to *target* (".pdf" added when missing), atomically; returns the path.

        Raises ExportError or OSError; an existing *target* is then left as it was.
        """
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        with atomic_output(target) as partial:
            shutil.copyfile(self.pdf_path, partial)
        self.saved_path = target
        QSettings().setValue(SETTINGS_FOLDER, str(target.parent))
        self.open_folder_button.setEnabled(True)
        self.info_label.setText(self.tr("Saved: %1").replace("%1", str(target)))
        return target

    def open_folder(self) -> bool:
        """Show the folder of the last saved copy in the system's file manager."""
        if self.saved_path is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path.parent)))

    # --- closing ------------------------------------------------------------------

    def done(self, result: int) -> None:
        super().done(result)
        if self._owned_folder is not None:
            # The document keeps its file open (Windows would refuse the removal).
            self.document.close()
            shutil.rmtree(self._owned_folder, ignore_errors=True)
            self._owned_folder = None
