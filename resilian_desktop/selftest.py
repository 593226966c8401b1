"""`resilian-desktop --self-test`: prove, headless, that this installation works.

Runs the same from source and inside the PyInstaller bundle: a temporary
database is created and migrated, filled with a small demo, an attendance
workbook and a roadmap PDF are written and read back, and the main window is
built offscreen. Prints one line per check; exit code 0 only if all passed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from resilian_desktop import paths


class SelfTest:
    def __init__(self, write: Callable[[str], Any] = print) -> None:
        self.write = write
        self.failures = 0

    def check(self, name: str, step: Callable[[], str]) -> bool:
        started = time.perf_counter()
        try:
            detail = step()
        except Exception as error:  # a self-test reports every failure and goes on
            self.failures += 1
            self.write(f"FAIL  {name}: {error}")
            self.write("      " + traceback.format_exc().strip().replace("\n", "\n      "))
            return False
        self.write(
            f"ok    {name} ({time.perf_counter() - started:.2f} s){': ' + detail if detail else ''}"
        )
        return True


def run_self_test(write: Callable[[str], Any] = print) -> int:
    # The window is built without a screen; set before Qt starts.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    test = SelfTest(write)
    write(f"RESILIAN Desktop self-test, Python {sys.version.split()[0]}, {sys.platform}")
    with tempfile.TemporaryDirectory(prefix="resilian-self-test-") as tmp:
        folder = Path(tmp)
        os.environ[paths.DATA_DIR_ENV] = str(folder / "userdata")
        state: dict[str, Any] = {}
        # Each step imports what it needs: a module missing from a bundle then
        # fails that step alone, named, and the other checks still run.

        def database() -> str:
            from resilian_desktop.db.storage import check, head_revision, open_database, probe

            path = folder / "self-test.sqlite"
            state["db"] = open_database(path, backup_dir=folder / "backups")
            problems = check(state["db"])
            if problems:
                raise RuntimeError("; ".join(problems))
            revision = probe(path).revision
            if revision != head_revision():
                raise RuntimeError(f"schema {revision}, expected {head_revision()}")
            return f"created and migrated to schema {revision}"

        def demo() -> str:
            from resilian_desktop.demo import generate_demo
            from resilian_desktop.services.search import search

            summary = generate_demo(state["db"], scale=1)
            with state["db"].read() as session:
                hits = search(session, "coeur")
            if not hits:
                raise RuntimeError("the search finds nothing for 'coeur'")
            return f"{summary.organisations} organisations, {summary.meetings} meetings"

        def workbook() -> str:
            from openpyxl import load_workbook
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtWidgets import QApplication

            from resilian_desktop.documents.attendance_sheet.build import (
                export_attendance_sheets,
            )
            from resilian_desktop.services.meetings import list_meetings

            held = next(m for m in list_meetings(state["db"]) if m.status == "held" and m.present)
            target = folder / "emargement.xlsx"
            export_attendance_sheets(state["db"], [held.id], target)
            sheet = load_workbook(target).worksheets[0]
            text = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
            if "émargement" not in text.lower() or held.title not in text:
                raise RuntimeError("the workbook read back lacks its title or the meeting")
            pdf = folder / "emargement.pdf"
            export_attendance_sheets(state["db"], [held.id], pdf, pdf=True)
            state["app"] = QApplication.instance() or QApplication([sys.argv[0]])
            document = QPdfDocument()
            if document.load(str(pdf)) != QPdfDocument.Error.None_:
                raise RuntimeError("QtPdf cannot read the attendance sheet back")
            if held.title not in document.getAllText(0).text():
                raise RuntimeError("the attendance PDF read back lacks the meeting")
            pages = document.pageCount()
            return f"{target.stat().st_size // 1024} KiB and {pages} PDF pages, read back"

        def signed_sheet() -> str:
            import io
            import zipfile

            from PIL import Image, ImageDraw
            from PySide6.QtPdf import QPdfDocument

            from resilian_desktop.documents.attendance_sheet.build import (
                export_attendance_sheets,
            )
            from resilian_desktop.services import signatures
            from resilian_desktop.services.meetings import list_attendance, list_meetings

            held = next(m for m in list_meetings(state["db"]) if m.status == "held" and m.present)
            contact = list_attendance(state["db"], held.id)[0].person_id
            pad = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
            ImageDraw.Draw(pad).line([(10, 80), (90, 20), (170, 70), (290, 30)], "navy", 4)
            png = io.BytesIO()
            pad.save(png, format="PNG")
            signatures.add_signature(
                state["db"], held.id, contact, held.half_days[0], png.getvalue()
            )
            code = signatures.verify_chain(state["db"], held.id).code
            target = folder / "emargement-signe.xlsx"
            export_attendance_sheets(state["db"], [held.id], target)
            with zipfile.ZipFile(target) as book:
                media = [n for n in book.namelist() if n.startswith("xl/media/")]
            if len(media) < 2:
                raise RuntimeError("the signed workbook lacks the signature or the QR code")
            pdf = folder / "emargement-signe.pdf"
            export_attendance_sheets(state["db"], [held.id], pdf, pdf=True)
            document = QPdfDocument()
            if document.load(str(pdf)) != QPdfDocument.Error.None_:
                raise RuntimeError("QtPdf cannot read the signed attendance sheet back")
            pages = range(document.pageCount())
            if not any(code in document.getAllText(page).text() for page in pages):
                raise RuntimeError("the signed attendance PDF lacks the chain's code")
            return f"signature chained, code {code} printed with its QR code"

        def roadmap() -> str:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtWidgets import QApplication

            from resilian_desktop.documents.roadmap.build import export_roadmap
            from resilian_desktop.services.taskforces import list_taskforces

            taskforce = list_taskforces(state["db"])[0]
            target = folder / "feuille-de-route.pdf"
            pages = export_roadmap(state["db"], taskforce.id, target)
            state["app"] = QApplication.instance() or QApplication([sys.argv[0]])
            document = QPdfDocument()
            if document.load(str(target)) != QPdfDocument.Error.None_:
                raise RuntimeError("QtPdf cannot read the roadmap back")
            text = document.getAllText(0).text()
            if document.pageCount() != pages or "Feuille de route" not in text:
                raise RuntimeError("the PDF read back is not the roadmap written")
            return f"{pages} pages, read back"

        def field_rules() -> str:
            # Libraries that load their data lazily, by name: the bundle must carry it.
            from resilian_desktop.domain import validation
            from resilian_desktop.domain.countries import normalise_country

            found = (
                normalise_country("Allemagne"),
                validation.normalise_phone("+49 7221 123456"),
                validation.normalise_phone("0388123456"),
                validation.normalise_email("Jean@Société.FR"),
            )
            if found != ("DE", "+49 7221 123456", "03 88 12 34 56", "Jean@société.fr"):
                raise RuntimeError(f"country, phone and e-mail rules gave {found}")
            return "country names, phone numbers, e-mail addresses"

        def window() -> str:
            from resilian_desktop.app import install_translators, make_application
            from resilian_desktop.qt.main_window import MainWindow

            app = make_application()
            install_translators(app, "fr")
            main = MainWindow(state["db"])
            main.show()
            app.processEvents()
            image = main.grab()
            main.close()
            if image.isNull() or "RESILIAN Desktop" not in main.windowTitle():
                raise RuntimeError("the main window did not paint")
            return f"painted {image.width()}x{image.height()} offscreen"

        def server_driver() -> str:
            # No server here: the driver, its libpq and the dialect must load,
            # and a URL must compile to a connection string.
            import psycopg
            from sqlalchemy.dialects.postgresql import psycopg as dialect

            from resilian_desktop.db.postgres import make_server_engine

            engine = make_server_engine(
                paths.server_database("postgresql://officer@localhost:5432/resilian")
            )
            engine.dispose()
            if not issubclass(engine.dialect.__class__, dialect.PGDialect_psycopg):
                raise RuntimeError(f"dialect {engine.dialect.name} instead of psycopg")
            libpq = psycopg.pq.version()
            return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}, libpq {libpq})"

        for name, step in (
            ("database", database),
            ("PostgreSQL driver", server_driver),
            ("demo network and search", demo),
            ("attendance workbook and PDF", workbook),
            ("signed attendance sheet", signed_sheet),
            ("roadmap PDF", roadmap),
            ("field rules", field_rules),
            ("main window", window),
        ):
            if not test.check(name, step) and name == "database":
                break
        if "db" in state:
            state["db"].dispose()
    write("self-test passed" if test.failures == 0 else f"self-test FAILED ({test.failures})")
    return 0 if test.failures == 0 else 1
