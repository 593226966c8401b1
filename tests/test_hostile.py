"""Hostile text through the services into every document: no crash, no formula,
no markup interpreted, and a clear error where the input cannot be accepted.

One database serves all the examples of a test on purpose (records pile up,
as they would in use), hence the function-scoped fixture health check is off.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from resilian_desktop.db.engine import Database
from resilian_desktop.documents.agenda.build import agenda_document
from resilian_desktop.documents.agenda.pdf import write_agenda_pdf
from resilian_desktop.documents.minutes.build import minutes_document
from resilian_desktop.documents.minutes.pdf import write_minutes_pdf
from resilian_desktop.documents.personal_data.xlsx import write_contact_workbook
from resilian_desktop.documents.roadmap.build import roadmap_document
from resilian_desktop.documents.roadmap.pdf import write_roadmap_pdf
from resilian_desktop.domain.errors import ValidationError
from resilian_desktop.services import contacts, meetings, organisations, taskforces
from resilian_desktop.services.common import DuplicateError
from resilian_desktop.services.privacy import contact_data
from tests import factories as f
from tests.pdf_checks import read_pdf

NASTY = [
    "=1+1",
    '=HYPERLINK("http://evil.example","clic")',
    "+33 cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=cachée",
    "R&D <Alsace>",
    "<b>gras</b> <font color=red>x</font> &amp; <br/>",
    "\u202eétiquette inversée\u202c",
    "bip\x07 nul\x00 échap\x1b",
    "L'Œuvre « Notre-Dame » — 12\u202f500 €",
    "Łukasz Wiśniewski / Nguyễn Thị Hồng / Ayşe Yılmaz",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂 \U0010fffd",
    "ligne 1\nligne 2\r\nligne 3",
    "x" * 5000,
]
hostile = st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=400))
SLOW = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _saved(make, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Save through a service; input it refuses must be refused with named fields."""
    try:
        return make(*args, **kwargs)
    except ValidationError as error:
        assert error.problems and all(p.field and p.message for p in error.problems)
        return None
    except DuplicateError:
        return None


@SLOW
@given(text=hostile)
def test_hostile_text_in_every_pdf(db: Database, tmp_path: Path, text: str) -> None:
    prog = f.programme(db, name=f"Programme {dt.datetime.now().timestamp()}")
    org = _saved(
        organisations.create_organisation,
        db,
        organisations.OrganisationDraft(name=text, commune=text[:100]),
        allow_duplicate=True,
    )
    contact = _saved(
        contacts.create_contact,
        db,
        contacts.ContactDraft(first_name=text[:100], last_name=text[:100], job_title=text[:200]),
        allow_duplicate=True,
    )
    tf = _saved(
        taskforces.create_taskforce,
        db,
        taskforces.TaskforceDraft(
            programme_id=prog.id,
            name=text[:200],
            problem_statement=text,
            lead_organisation_id=org.id if org else None,
        ),
    ) or f.taskforce(db, prog.id)
    _saved(
        taskforces.add_action,
        db,
        tf.id,
        taskforces.ActionDraft(title=text[:300], description=text, deliverable=text[:300]),
    )
    meeting = _saved(
        meetings.create_meeting,
        db,
        meetings.MeetingDraft(
            programme_id=prog.id,
            kind="taskforce_meeting",
            title=text[:300],
            date=dt.date(2026, 3, 12),
            venue=text[:300],
            agenda=text,
            minutes=text,
            decisions=text,
            taskforce_id=tf.id,
        ),
    ) or f.meeting(db, prog.id, taskforce_id=tf.id)
    if contact is not None:
        meetings.set_attendance(db, meeting.id, [contact.id], status="present")

    for name, write in (
        ("roadmap.pdf", lambda p: write_roadmap_pdf(roadmap_document(db, tf.id), p)),
        ("agenda.pdf", lambda p: write_agenda_pdf(agenda_document(db, meeting.id), p)),
        ("minutes.pdf", lambda p: write_minutes_pdf(minutes_document(db, meeting.id), p)),
    ):
        target = tmp_path / name
        pages = write(target)
        read = read_pdf(target)
        assert len(read.pages) == pages >= 1
        assert all(font.embedded for font in read.fonts.values())
        if text in ("R&D <Alsace>", "=1+1", "@SUM(A1:A9)"):
            assert text in read.text  # printed as typed, never read as markup


@SLOW
@given(text=hostile)
def test_hostile_text_in_a_personal_data_export(db: Database, tmp_path: Path, text: str) -> None:
    contact = _saved(
        contacts.create_contact,
        db,
        contacts.ContactDraft(first_name=text[:100], last_name="X", notes=text),
        allow_duplicate=True,
    )
    if contact is None:
        return
    data = contact_data(db, contact.id)
    json.loads(json.dumps(data, ensure_ascii=False))
    target = tmp_path / "person.xlsx"
    write_contact_workbook(data, target)
    for sheet in load_workbook(target).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"formula in {sheet.title}!{cell.coordinate}"
