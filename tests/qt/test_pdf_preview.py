"""The PDF preview: shown offscreen, printed to a PDF file, saved, its folder opened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from resilian_desktop.documents.files import ExportError
from resilian_desktop.documents.roadmap import samples
from resilian_desktop.documents.roadmap.pdf import write_roadmap_pdf
from resilian_desktop.qt import pdf_preview
from resilian_desktop.qt.pdf_preview import PdfPreviewDialog


@pytest.fixture
def roadmap_pdf(tmp_path: Path) -> tuple[Path, int]:
    target = tmp_path / "source" / "feuille.pdf"
    target.parent.mkdir()
    pages = write_roadmap_pdf(samples.roadmap(12), target)
    return target, pages


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(150)  # keeps the test's images small
    return printer


def test_the_preview_shows_every_page(qtbot: QtBot, roadmap_pdf: tuple[Path, int]) -> None:
    path, pages = roadmap_pdf
    dialog = PdfPreviewDialog(path, "Feuille de route.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert dialog.page_count == pages
    assert dialog.view.document() is dialog.document
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert not dialog.open_folder_button.isEnabled()
    assert str(pages) in dialog.info_label.text()
    assert "Feuille de route.pdf" in dialog.windowTitle()


def test_printing_renders_every_page(
    qtbot: QtBot, roadmap_pdf: tuple[Path, int], tmp_path: Path
) -> None:
    path, pages = roadmap_pdf
    dialog = PdfPreviewDialog(path, "Feuille de route.pdf")
    qtbot.addWidget(dialog)
    printed = tmp_path / "printed.pdf"
    assert dialog.render_to(pdf_printer(printed)) == pages
    reader = PdfReader(printed)
    assert len(reader.pages) == pages
    for page in reader.pages:
        resources: Any = page["/Resources"]
        images = [x.get_object() for x in resources["/XObject"].values()]
        assert any(int(image["/Width"]) > 500 for image in images)


def test_printing_a_page_range(qtbot: QtBot, roadmap_pdf: tuple[Path, int], tmp_path: Path) -> None:
    path, pages = roadmap_pdf
    assert pages >= 2
    dialog = PdfPreviewDialog(path, "Feuille de route.pdf")
    qtbot.addWidget(dialog)
    printer = pdf_printer(tmp_path / "page2.pdf")
    printer.setFromTo(2, 2)
    assert dialog.render_to(printer) == 1
    assert len(PdfReader(tmp_path / "page2.pdf").pages) == 1


def test_print_goes_through_the_printer_dialog(
    qtbot: QtBot, roadmap_pdf: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, pages = roadmap_pdf
    dialog = PdfPreviewDialog(path, "Feuille de route.pdf")
    qtbot.addWidget(dialog)
    printed = tmp_path / "via-dialog.pdf"

    def accept(print_dialog: QPrintDialog) -> int:
        # What the user would choose: the "print to file" printer.
        printer = print_dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(100)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    qtbot.mouseClick(dialog.print_button, pdf_preview.Qt.MouseButton.LeftButton)
    assert len(PdfReader(printed).pages) == pages

    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected.value)
    assert dialog.print_document() is False


def test_save_as_copies_atomically_then_opens_the_folder(
    qtbot: QtBot, roadmap_pdf: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = roadmap_pdf
    dialog = PdfPreviewDialog(path, "Feuille de route.pdf")
    qtbot.addWidget(dialog)
    folder = tmp_path / "Documents"
    folder.mkdir()
    asked: list[str] = []

    def choose(_parent: object, _title: str, proposed: str, _filter: str) -> tuple[str, str]:
        asked.append(proposed)
        return str(folder / "copie"), "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    qtbot.mouseClick(dialog.save_button, pdf_preview.Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith("Feuille de route.pdf")
    saved = folder / "copie.pdf"
    assert saved.read_bytes() == path.read_bytes()
    assert dialog.saved_path == saved
    assert sorted(p.name for p in folder.iterdir()) == ["copie.pdf"]  # no temporary left
    assert dialog.open_folder_button.isEnabled()
    assert str(saved) in dialog.info_label.text()

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(dialog.open_folder_button, pdf_preview.Qt.MouseButton.LeftButton)
    assert [Path(url.toLocalFile()) for url in opened] == [folder]

    # The next Save as… starts in the folder used last.
    asked.clear()
    dialog.save_as()
    assert Path(asked[0]).parent == folder


def test_save_as_cancelled_or_failing(
    qtbot: QtBot, roadmap_pdf: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = roadmap_pdf
    dialog = PdfPreviewDialog(path, "Feuille de route.pdf")
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: ("", ""))
    assert dialog.save_as() is None
    assert not dialog.open_folder_button.isEnabled()

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    missing = tmp_path / "missing" / "x.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(missing), ""))
    assert dialog.save_as() is None
    assert warnings and "does not exist" in warnings[0]
    assert not missing.parent.exists()
    with pytest.raises(ExportError):
        dialog.save_to(missing)


def test_an_unreadable_file_disables_print_and_save(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    dialog = PdfPreviewDialog(broken, "broken.pdf")
    qtbot.addWidget(dialog)
    assert not dialog.print_button.isEnabled()
    assert not dialog.save_button.isEnabled()
    assert str(broken) in dialog.info_label.text()


def test_for_document_owns_its_temporary_file(qtbot: QtBot) -> None:
    made: list[Path] = []

    def write(path: Path) -> int:
        made.append(path)
        return write_roadmap_pdf(samples.roadmap(3), path)

    dialog = PdfPreviewDialog.for_document(write, "Feuille de route - Énergie.pdf")
    qtbot.addWidget(dialog)
    assert made[0].name == "Feuille de route - Énergie.pdf"
    assert dialog.page_count >= 1
    dialog.reject()
    assert not made[0].parent.exists()


def test_for_document_cleans_up_when_writing_fails() -> None:
    made: list[Path] = []

    def fail(path: Path) -> None:
        made.append(path)
        path.write_bytes(b"half")
        raise ExportError("disk full")

    with pytest.raises(ExportError):
        PdfPreviewDialog.for_document(fail, "x.pdf")
    assert not made[0].parent.exists()
