"""What the funders count, for a period: the figures of the dashboard and of the
period report, computed in one place so that they always agree.

Figures are computed from what was recorded on the day (the organisation an
attendance was for, the role a person had) and from dated facts (memberships
and their dates, a taskforce's end date), never from today's flags, so
archiving, restoring or erasing a record, or closing a taskforce, today does
not change a past period's figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, case, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Attendance,
    Meeting,
    Membership,
    Organisation,
    RoadmapAction,
    Taskforce,
)
from resilian_desktop.domain.halfdays import half_days
from resilian_desktop.domain.vocab import (
    ActionStatus,
    AttendanceRole,
    AttendanceStatus,
    MeetingStatus,
    OrganisationKind,
    TaskforceStatus,
)
from resilian_desktop.services.proof_status import unproven_meeting_ids

DUE_SOON_DAYS = 30
DORMANT_DAYS = 365
_OPEN_ACTIONS = (
    ActionStatus.TODO.value,
    ActionStatus.IN_PROGRESS.value,
    ActionStatus.BLOCKED.value,
)


@dataclass(frozen=True)
class Period:
    """Dates included at both ends; programme None means every programme."""

    date_from: dt.date
    date_to: dt.date
    programme_id: int | None = None


@dataclass(frozen=True)
class PeriodFigures:
    period: Period
    reference_date: dt.date  # "today" for late and due-soon actions, capped at the period end
    meetings_held: int
    meetings_by_kind: dict[str, int]
    half_days: int  # half-days delivered: sum over held meetings of the half-days each covers
    participations: int  # present attendance rows
    person_half_days: int  # present attendance counted per half-day
    distinct_people: int
    distinct_organisations: int
    companies_supported: int  # distinct companies with at least one person present
    elected_officials: int  # distinct people present in the role of elected official
    taskforces_active: int
    taskforces_closed: int
    actions_done: int  # done during the period
    actions_late: int  # open and past due at the reference date
    actions_due_soon: int  # open and due within DUE_SOON_DAYS after the reference date
    dormant_companies: int  # member companies with nobody present in the year before the end
    meetings_without_proof: int  # held, neither signed on screen nor with a scan (proof_status)


def _held_conditions(period: Period) -> list[Any]:
    conditions = [
        Meeting.status == MeetingStatus.HELD.value,
        Meeting.date >= period.date_from,
        Meeting.date <= period.date_to,
    ]
    if period.programme_id is not None:
        conditions.append(Meeting.programme_id == period.programme_id)
    return conditions


def held_meeting_ids(period: Period) -> Select[Any]:
    return select(Meeting.id).where(*_held_conditions(period))


def present_attendance_ids(period: Period) -> Select[Any]:
    """Attendance ids of people present at a held meeting of the period."""
    return select(Attendance.id).where(
        Attendance.meeting_id.in_(held_meeting_ids(period)),
        Attendance.status == AttendanceStatus.PRESENT.value,
    )


def present_at_held(period: Period) -> Any:
    """present_attendance_ids as a condition on Attendance joined to its Meeting:
    a join reads the period's meetings through their date index, where
    "IN (present ids)" first builds the set of every present row."""
    return and_(*_held_conditions(period), Attendance.status == AttendanceStatus.PRESENT.value)


def _count(session: Session, ids: Select[Any]) -> int:
    """How many rows the query *ids* returns."""
    return int(session.scalar(select(func.count()).select_from(ids.subquery())) or 0)


def taskforce_ids(period: Period) -> tuple[Select[Any], Select[Any]]:
    overlapping = and_(
        or_(Taskforce.start_date.is_(None), Taskforce.start_date <= period.date_to),
        or_(Taskforce.end_date.is_(None), Taskforce.end_date >= period.date_from),
    )
    # Active during the period: still running, or closed after the period ended
    # (closing it today does not take it out of a past period's figures).
    closed_later = (Taskforce.status == TaskforceStatus.CLOSED.value) & (
        Taskforce.end_date > period.date_to
    )
    active = select(Taskforce.id).where(
        overlapping,
        Taskforce.status.in_((TaskforceStatus.ACTIVE.value, TaskforceStatus.ON_HOLD.value))
        | closed_later,
    )
    closed = select(Taskforce.id).where(
        Taskforce.status == TaskforceStatus.CLOSED.value,
        Taskforce.end_date >= period.date_from,
        Taskforce.end_date <= period.date_to,
    )
    if period.programme_id is not None:
        active = active.where(Taskforce.programme_id == period.programme_id)
        closed = closed.where(Taskforce.programme_id == period.programme_id)
    return active, closed


def _actions_of_programme(query: Select[Any], period: Period) -> Select[Any]:
    if period.programme_id is None:
        return query
    return query.where(
        RoadmapAction.taskforce_id.in_(
            select(Taskforce.id).where(Taskforce.programme_id == period.programme_id)
        )
    )


def actions_done_ids(period: Period) -> Select[Any]:
    return _actions_of_programme(
        select(RoadmapAction.id).where(
            RoadmapAction.status == ActionStatus.DONE.value,
            RoadmapAction.done_date >= period.date_from,
            RoadmapAction.done_date <= period.date_to,
        ),
        period,
    )


def actions_late_ids(period: Period, reference: dt.date) -> Select[Any]:
    return _actions_of_programme(
        select(RoadmapAction.id).where(
            RoadmapAction.status.in_(_OPEN_ACTIONS), RoadmapAction.due_date < reference
        ),
        period,
    )


def actions_due_soon_ids(period: Period, reference: dt.date) -> Select[Any]:
    return _actions_of_programme(
        select(RoadmapAction.id).where(
            RoadmapAction.status.in_(_OPEN_ACTIONS),
            RoadmapAction.due_date >= reference,
            RoadmapAction.due_date <= reference + dt.timedelta(days=DUE_SOON_DAYS),
        ),
        period,
    )


def dormant_company_ids(period: Period) -> Select[Any]:
    """Member companies with nobody present in the year before the period end.

    A member is a company whose membership covers the period's last day: the
    memberships and their dates say it, not today's archive flag (archiving
    a company that left does not rewrite a past period; its membership's end
    date does). A duplicate merged into another has no membership left.
    """
    since = period.date_to - dt.timedelta(days=DORMANT_DAYS)
    recent = select(Attendance.organisation_id).where(
        Attendance.status == AttendanceStatus.PRESENT.value,
        Attendance.organisation_id.is_not(None),
        Attendance.meeting_id.in_(
            select(Meeting.id).where(
                Meeting.status == MeetingStatus.HELD.value,
                Meeting.date > since,
                Meeting.date <= period.date_to,
            )
        ),
    )
    members = select(Membership.organisation_id).where(
        or_(Membership.since.is_(None), Membership.since <= period.date_to),
        or_(Membership.until.is_(None), Membership.until >= period.date_to),
    )
    if period.programme_id is not None:
        members = members.where(Membership.programme_id == period.programme_id)
    # NOT EXISTS rather than NOT IN: PostgreSQL runs NOT IN over a subquery
    # larger than its work memory row by row (minutes at scale 1000); both
    # engines run NOT EXISTS as an anti-join (SQLite: as fast as NOT IN).
    return select(Organisation.id).where(
        Organisation.kind == OrganisationKind.COMPANY.value,
        Organisation.id.in_(members),
        ~exists(recent.where(Attendance.organisation_id == Organisation.id)),
    )


def period_figures(db: Database, period: Period, *, today: dt.date | None = None) -> PeriodFigures:
    """Every figure of the period, in one read transaction."""
    with db.read() as session:
        return figures_in(session, period, today=today)


def figures_in(session: Session, period: Period, *, today: dt.date | None = None) -> PeriodFigures:
    """period_figures inside the caller's transaction (the report reads its
    summary and its detail sheets from the same snapshot)."""
    today = today or dt.date.today()
    reference = min(today, period.date_to)
    by_kind: dict[str, int] = {}
    covered = {}
    for meeting_id, kind, start, end in session.execute(
        select(Meeting.id, Meeting.kind, Meeting.start_time, Meeting.end_time).where(
            *_held_conditions(period)
        )
    ):
        by_kind[kind] = by_kind.get(kind, 0) + 1
        covered[meeting_id] = half_days(start, end)
    # Present rows counted in two passes over the period's meetings (their
    # date index) joined to their attendance, aggregated by SQLite: five
    # "IN (present ids)" queries each rebuilt the set of present rows, and
    # reading the rows into Python cost as much (measured at scale 1000 over
    # four years: 13.4 s, then 8.6 s, now see the note on issue #3).
    present = present_at_held(period)
    per_meeting = session.execute(
        select(
            Attendance.meeting_id,
            func.count(),
            func.sum(case((Attendance.present_morning.is_not(False), 1), else_=0)),
            func.sum(case((Attendance.present_afternoon.is_not(False), 1), else_=0)),
        )
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(present)
        .group_by(Attendance.meeting_id)
    ).all()
    participations = 0
    person_half_days = 0
    for meeting_id, count, mornings, afternoons in per_meeting:
        participations += count
        # Unrecorded half-days of a present person count as attended.
        person_half_days += mornings + afternoons if len(covered[meeting_id]) == 2 else count
    company = Organisation.kind == OrganisationKind.COMPANY.value
    elected = Attendance.role == AttendanceRole.ELECTED_OFFICIAL.value
    contacts, organisations, companies, officials = session.execute(
        select(
            func.count(distinct(Attendance.person_id)),
            func.count(distinct(Attendance.organisation_id)),
            func.count(distinct(case((company, Attendance.organisation_id)))),
            func.count(distinct(case((elected, Attendance.person_id)))),
        )
        .select_from(Attendance)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .outerjoin(Organisation, Organisation.id == Attendance.organisation_id)
        .where(present)
    ).one()
    active, closed = taskforce_ids(period)
    return PeriodFigures(
        period=period,
        reference_date=reference,
        meetings_held=sum(by_kind.values()),
        meetings_by_kind=by_kind,
        half_days=sum(len(h) for h in covered.values()),
        participations=participations,
        person_half_days=person_half_days,
        distinct_people=int(contacts),
        distinct_organisations=int(organisations),
        companies_supported=int(companies),
        elected_officials=int(officials),
        taskforces_active=_count(session, active),
        taskforces_closed=_count(session, closed),
        actions_done=_count(session, actions_done_ids(period)),
        actions_late=_count(session, actions_late_ids(period, reference)),
        actions_due_soon=_count(session, actions_due_soon_ids(period, reference)),
        dormant_companies=_count(session, dormant_company_ids(period)),
        meetings_without_proof=_count(session, unproven_meeting_ids(held_meeting_ids(period))),
    )
