"""A past period's figures do not move when today's flags change.

On the demo network, every figure of past periods (and the row counts of the
report's detail sheets) is read, then records are archived, restored and
erased, and a taskforce that was running is closed today: the figures read
again are the same. They come from what was true during the period
(memberships and their dates, attendance as recorded, a taskforce's end date).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Attendance, Membership, Organisation, Taskforce
from resilian_desktop.demo import generate_demo
from resilian_desktop.domain.vocab import AttendanceStatus, OrganisationKind, TaskforceStatus
from resilian_desktop.services import archive, organisations, privacy
from resilian_desktop.services.reports import open_period_report
from resilian_desktop.services.stats import Period
from tests.test_demo import TODAY, new_database

PAST = (
    Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    Period(dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
    Period(dt.date(2025, 7, 1), dt.date(2025, 12, 31)),
)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("unmoving")
    db = new_database(folder)
    generate_demo(db, today=TODAY)
    db.dispose()
    return folder / "demo.sqlite"


@pytest.fixture
def db(demo_file: Path, tmp_path: Path) -> Database:
    shutil.copy(demo_file, tmp_path / "demo.sqlite")
    return new_database(tmp_path)


def report_of(db: Database, period: Period) -> dict[str, Any]:
    """Every figure of the period and the size of each detail sheet."""
    with open_period_report(db, period, today=TODAY) as report:
        figures = {i.code: i.value for i in report.indicators}
        return figures | {
            "meetings sheet": report.meetings.count,
            "attendance sheet": report.attendances.count,
            "organisations sheet": report.organisations.count,
            "taskforces sheet": report.taskforces.count,
        }


def reports(db: Database) -> dict[Period, dict[str, Any]]:
    return {period: report_of(db, period) for period in PAST}


def _dormant_member_company(db: Database) -> int:
    """A company that is a member of the programme since 2020 and never came:
    counted as dormant at the end of every past period."""
    with db.read() as session:
        programme = session.scalar(select(Membership.programme_id).limit(1))
    assert programme is not None
    company = organisations.create_organisation(
        db,
        organisations.OrganisationDraft(
            name="Tréfilerie Silencieuse", commune="Haguenau", postcode="67500"
        ),
    )
    organisations.add_membership(db, company.id, programme, since=dt.date(2020, 1, 1))
    return company.id


def _busy_company(db: Database) -> int:
    with db.read() as session:
        found = session.scalar(
            select(Attendance.organisation_id)
            .join(Organisation, Organisation.id == Attendance.organisation_id)
            .join(Membership, Membership.organisation_id == Organisation.id)
            .where(
                Attendance.status == AttendanceStatus.PRESENT.value,
                Organisation.kind == OrganisationKind.COMPANY.value,
            )
            .group_by(Attendance.organisation_id)
            .order_by(func.count().desc())
            .limit(1)
        )
    assert found is not None
    return int(found)


def _present_contact(db: Database, period: Period) -> int:
    with db.read() as session:
        found = session.scalar(
            select(Attendance.person_id)
            .where(Attendance.status == AttendanceStatus.PRESENT.value)
            .order_by(Attendance.id)
            .limit(1)
        )
    assert found is not None
    return int(found)


def test_archive_unarchive_and_erase_leave_past_reports_as_they_were(db: Database) -> None:
    dormant = _dormant_member_company(db)
    before = reports(db)
    assert all(r["participations"] and r["dormant_companies"] for r in before.values())
    busy = _busy_company(db)
    contact = _present_contact(db, PAST[0])

    archive.archive(db, "organisation", dormant)
    archive.archive(db, "organisation", busy)
    archive.archive(db, "contact", contact)
    assert reports(db) == before, "archiving changed a past report"

    archive.unarchive(db, "organisation", busy)
    assert reports(db) == before, "restoring changed a past report"

    privacy.erase_contact(db, contact)
    assert reports(db) == before, "erasing a person changed a past report"


def test_closing_a_taskforce_today_leaves_past_reports_as_they_were(db: Database) -> None:
    with db.read() as session:
        running = session.scalars(
            select(Taskforce.id).where(
                Taskforce.status == TaskforceStatus.ACTIVE.value,
                (Taskforce.start_date.is_(None)) | (Taskforce.start_date <= PAST[0].date_to),
            )
        ).first()
    assert running is not None, "the demo has a taskforce running since 2024"
    before = reports(db)
    with db.write() as session:
        taskforce = session.get(Taskforce, running)
        assert taskforce is not None
        taskforce.status = TaskforceStatus.CLOSED.value
        taskforce.end_date = TODAY
    assert reports(db) == before, "closing a taskforce today changed a past report"
