"""Series for the dashboard's charts, counted as services.stats counts.

Participation is the present attendance at held meetings of the period
(``stats.present_at_held``, as the figures count it), so the charts add up to
the figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, extract, func, select

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Attendance, Meeting, Organisation
from resilian_desktop.domain.vocab import OrganisationKind
from resilian_desktop.services import stats
from resilian_desktop.services.stats import Period


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    participations: int
    meetings: int  # held meetings of the month


@dataclass(frozen=True)
class CompanyEngagement:
    organisation_id: int
    name: str
    participations: int
    meetings: int  # distinct meetings the company's people attended


def months_of(period: Period) -> list[tuple[int, int]]:
    """(year, month) of every month the period touches, in order."""
    year, month = period.date_from.year, period.date_from.month
    months = []
    while (year, month) <= (period.date_to.year, period.date_to.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def participation_by_month(db: Database, period: Period) -> list[MonthCount]:
    """Participations and held meetings per month of the period, months without any included."""
    # Year * 100 + month: the same number on both engines (EXTRACT).
    month = extract("year", Meeting.date) * 100 + extract("month", Meeting.date)
    with db.read() as session:
        contacts: dict[int, int] = dict(
            session.execute(
                select(month, func.count())
                .select_from(Attendance)
                .join(Meeting, Meeting.id == Attendance.meeting_id)
                .where(stats.present_at_held(period))
                .group_by(month)
            ).all()
        )
        meetings: dict[int, int] = dict(
            session.execute(
                select(month, func.count())
                .where(Meeting.id.in_(stats.held_meeting_ids(period)))
                .group_by(month)
            ).all()
        )
    result = []
    for year, number in months_of(period):
        key = year * 100 + number
        result.append(
            MonthCount(year, number, int(contacts.get(key, 0)), int(meetings.get(key, 0)))
        )
    return result


def engagement_by_company(
    db: Database, period: Period, *, limit: int = 12
) -> list[CompanyEngagement]:
    """The companies whose people were present most often during the period."""
    participations = func.count(Attendance.id)
    with db.read() as session:
        rows = session.execute(
            select(
                Organisation.id,
                Organisation.name,
                participations,
                func.count(distinct(Attendance.meeting_id)),
            )
            .join(Attendance, Attendance.organisation_id == Organisation.id)
            .join(Meeting, Meeting.id == Attendance.meeting_id)
            .where(
                stats.present_at_held(period),
                Organisation.kind == OrganisationKind.COMPANY.value,
            )
            .group_by(Organisation.id, Organisation.name)
            .order_by(participations.desc(), Organisation.name)
            .limit(limit)
        )
        return [CompanyEngagement(int(i), n, int(p), int(m)) for i, n, p, m in rows]
