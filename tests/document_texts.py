"""The text of every document except the attendance sheet, for the before/after comparison.

``document_texts`` fills a demo network (fixed seed and date) and writes the
roadmap, agenda, minutes, period report and personal-data export through the
same entry points as the command line, then reads each file back as text
(pypdf for PDFs, openpyxl for workbooks, the JSON as is). The fixtures in
tests/fixtures/document_texts/ were written from the code before the documents
moved into resilian_desktop/documents/ (issue 12, commit "Document texts
captured before the move"); test_document_texts.py proves the moved code
prints the same. Rewrite them only for an intended change of a document:

    .venv/bin/python -m tests.document_texts
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import update

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import ProgrammeFunder
from resilian_desktop.demo import generate_demo
from resilian_desktop.documents.agenda.build import export_agenda
from resilian_desktop.documents.minutes.build import export_minutes
from resilian_desktop.documents.period_report.build import export_period_report
from resilian_desktop.documents.personal_data.build import export_personal_data
from resilian_desktop.documents.roadmap.build import export_roadmap
from resilian_desktop.services import meetings
from resilian_desktop.services.stats import Period

TODAY = dt.date(2026, 11, 28)
FIXTURES = Path(__file__).parent / "fixtures" / "document_texts"
# The version number printed in PDF footers changes with every release.
_VERSION = re.compile(r"RESILIAN Desktop \d+(\.\d+)*\S*")


def pdf_text(path: Path) -> str:
    pages = [page.extract_text() or "" for page in PdfReader(path).pages]
    return _VERSION.sub("RESILIAN Desktop", "\n\f\n".join(pages))


def workbook_text(path: Path) -> str:
    workbook = load_workbook(path, read_only=True)
    lines: list[str] = []
    for sheet in workbook.worksheets:
        lines.append(f"## {sheet.title}")
        for row in sheet.iter_rows(values_only=True):
            lines.append("\t".join("" if v is None else str(v) for v in row).rstrip())
    workbook.close()
    return "\n".join(lines)


def _meetings(db: Database) -> tuple[int, int]:
    """A held taskforce meeting (minutes) and the next planned one (agenda)."""
    rows = [m for m in meetings.list_meetings(db) if m.taskforce_id is not None]
    held = max((m for m in rows if m.status == "held"), key=lambda m: (m.date, m.id))
    planned = min((m for m in rows if m.status == "planned"), key=lambda m: (m.date, m.id))
    return held.id, planned.id


def document_texts(db: Database, folder: Path) -> dict[str, str]:
    """Write each document of the demo network into *folder*; returns its text by name."""
    generate_demo(db, today=TODAY)
    # The fixtures were captured before the demo's funders had logos: a logo
    # narrows the footer's mention (other line breaks, the same words).
    with db.write() as session:
        session.execute(update(ProgrammeFunder).values(logo_file=None))
    held, planned = _meetings(db)
    texts: dict[str, str] = {}
    for taskforce_id in (1, 2):
        path = folder / f"roadmap-{taskforce_id}.pdf"
        export_roadmap(db, taskforce_id, path, today=TODAY)
        texts[f"roadmap-{taskforce_id}"] = pdf_text(path)
    path = folder / "agenda.pdf"
    export_agenda(db, planned, path, today=TODAY)
    texts["agenda"] = pdf_text(path)
    path = folder / "minutes.pdf"
    export_minutes(db, held, path, today=TODAY)
    texts["minutes"] = pdf_text(path)
    path = folder / "report.xlsx"
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 11, 28), None)
    export_period_report(db, period, path, today=TODAY)
    texts["report"] = workbook_text(path)
    path = folder / "person.xlsx"
    export_personal_data(db, 3, path)
    texts["person-xlsx"] = workbook_text(path)
    path = folder / "person.json"
    export_personal_data(db, 3, path)
    texts["person-json"] = path.read_text(encoding="utf-8")
    return texts


def _stable(name: str, text: str) -> str:
    """Without the values that change on every run (creation stamps of the demo rows)."""
    if name.startswith("person"):
        text = re.sub(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?", "<stamp>", text)
    return text


def stable_texts(db: Database, folder: Path) -> dict[str, str]:
    return {name: _stable(name, text) for name, text in document_texts(db, folder).items()}


def main() -> None:
    import tempfile

    from resilian_desktop.db.storage import open_database

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(folder / "demo.sqlite", backup_dir=folder / "backups")
        try:
            texts = stable_texts(db, folder)
        finally:
            db.dispose()
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (FIXTURES / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        print(f"{name}: {len(text)} characters")


if __name__ == "__main__":
    main()
