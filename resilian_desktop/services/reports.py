"""The funders' period report: the dashboard's figures and the detail behind them.

:func:`open_period_report` gives a :class:`PeriodReport` inside one read
transaction: the summary comes from services.stats.period_figures (so the
report says what the dashboard says), the detail tables are generators that
stream rows from SQLite while the workbook is written, so memory does not grow
with the number of rows. documents.period_report.build opens it and writes the
workbook.

The detail tables are built so that they add up to the summary: the meetings
sheet lists the held meetings counted there, the attendance sheet their
attendance lists (its "present" rows are the participations), the
organisations sheet the organisations of the people present, the taskforces
sheet the taskforces active or closed in the period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple, TypeAlias

from sqlalchemy import CompoundSelect, Select, case, distinct, func, select, union
from sqlalchemy.orm import Session

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Attendance,
    Contact,
    Meeting,
    MeetingTopic,
    Organisation,
    Programme,
    RoadmapAction,
    Taskforce,
    TaskforceMember,
    Topic,
)
from resilian_desktop.domain.formats import short_date
from resilian_desktop.domain.halfdays import AFTERNOON, MORNING, attended, duration_hours, half_days
from resilian_desktop.domain.vocab import (
    LABELS_FR,
    ActionStatus,
    AttendanceRole,
    AttendanceStatus,
    MeetingKind,
    OrganisationKind,
    TaskforceStatus,
)
from resilian_desktop.services import proof_status, stats
from resilian_desktop.services.common import get_or_raise
from resilian_desktop.services.stats import Period, PeriodFigures

# A select of any columns (SQLAlchemy 2.1 types a select by its columns).
AnySelect: TypeAlias = "Select[*tuple[Any, ...]]"

# Rows fetched from SQLite at a time while streaming.
FETCH_SIZE = 2000


# --- rows of the detail sheets (NamedTuples: light enough for a million rows) --


class MeetingLine(NamedTuple):
    """One held meeting of the period with its counts."""

    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    duration_hours: float | None
    kind: str
    title: str
    programme: str
    taskforce: str | None
    venue: str | None
    host: str | None
    topics: str | None
    half_days: int
    listed: int
    present: int
    absent: int
    excused: int
    organisations: int  # distinct organisations of the people present
    person_half_days: int
    proof: str  # "Signatures" (on screen), "Scan" or "Aucune" (services.proof_status)
    meeting_id: int


class AttendanceLine(NamedTuple):
    """One person on one held meeting's list, with the organisation and job of the day."""

    date: dt.date
    meeting_title: str
    kind: str
    last_name: str
    first_name: str
    organisation: str | None
    job_title: str | None
    role: str
    status: str
    morning: int | None  # 1 present, 0 not, None: the meeting does not cover it
    afternoon: int | None
    half_days: int  # half-days of presence (as counted in the summary)
    meeting_id: int
    person_id: int


class OrganisationLine(NamedTuple):
    """An organisation that took part in the period, with its participation."""

    name: str
    kind: str
    siret: str | None
    postcode: str | None
    commune: str | None
    meetings: int  # held meetings with at least one of its people present
    contacts: int  # distinct people present
    participations: int
    person_half_days: int
    taskforces: int  # taskforces of the period it leads or is a member of
    organisation_id: int


class TaskforceLine(NamedTuple):
    """A taskforce active or closed in the period, with its roadmap's progress."""

    name: str
    status: str
    lead_organisation: str | None
    lead_contact: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    members: int
    meetings: int  # held meetings of the period
    actions: int
    actions_done: int
    actions_open: int
    actions_late: int  # at the report's reference date
    actions_done_in_period: int
    progress: float | None  # mean progress of actions not dropped, 0..1
    taskforce_id: int


@dataclass(frozen=True)
class Indicator:
    """One line of the summary; ``level`` 1 is a detail of the line above."""

    code: str
    label: str
    value: int
    definition: str
    level: int = 0


@dataclass(frozen=True)
class Table:
    """Rows streamed from the database, with their number known in advance."""

    rows: Iterable[Any]
    count: int


@dataclass(frozen=True)
class PeriodReport:
    """The report of one period: summary figures and four detail tables.

    The tables' rows are generators bound to the open read transaction of
    :func:`open_period_report`: consume them inside its ``with`` block, once.
    Codes (kind, status, role) are already replaced by their French labels.
    """

    date_from: dt.date
    date_to: dt.date
    programme_id: int | None
    programme_name: str | None  # None: every programme
    agency_name: str | None
    operation_reference: str | None
    funding_mention: str | None
    generated_on: dt.date
    figures: PeriodFigures
    indicators: tuple[Indicator, ...]
    meetings: Table
    attendances: Table
    organisations: Table
    taskforces: Table

    @property
    def total_rows(self) -> int:
        return (
            self.meetings.count
            + self.attendances.count
            + self.organisations.count
            + self.taskforces.count
        )


def _labels(vocabulary: type[StrEnum]) -> dict[str, str]:
    """Code -> French label for one vocabulary (codes repeat across vocabularies)."""
    return {member.value: LABELS_FR[member] for member in vocabulary}


_MEETING_KINDS = _labels(MeetingKind)
_ORGANISATION_KINDS = _labels(OrganisationKind)
_STATUS_LABELS = _labels(AttendanceStatus)
_ROLE_LABELS = _labels(AttendanceRole)
_TASKFORCE_STATUSES = _labels(TaskforceStatus)
# Short enough for the printed column: the summary's definition says what each means.
_PROOF_LABELS = {
    proof_status.SIGNED: "Signatures",
    proof_status.SCAN: "Scan",
    proof_status.NONE: "Aucune",
}


def summary_indicators(figures: PeriodFigures) -> tuple[Indicator, ...]:
    """The summary's lines, in order. Add a line here to extend the report."""
    reference = short_date(figures.reference_date)
    lines = [
        Indicator(
            "meetings_held",
            "Réunions tenues",
            figures.meetings_held,
            "Réunions au statut « tenue » dont la date est dans la période.",
        )
    ]
    for kind in MeetingKind:
        count = figures.meetings_by_kind.get(kind.value, 0)
        if count:
            lines.append(
                Indicator(
                    f"meetings_{kind.value}",
                    f"dont {LABELS_FR[kind]}",
                    count,
                    "Réunions tenues de ce type.",
                    level=1,
                )
            )
    lines += [
        Indicator(
            "meetings_without_proof",
            "dont sans preuve de présence",
            figures.meetings_without_proof,
            "Réunions tenues sans signatures électroniques de chaque présent ni feuille "
            "scannée jointe (colonne « Preuve de présence » de la feuille Réunions : "
            "« Signatures », « Scan » ou « Aucune »).",
            level=1,
        ),
        Indicator(
            "half_days",
            "Demi-journées d'animation",
            figures.half_days,
            "Somme des demi-journées (matin, après-midi) couvertes par chaque réunion tenue.",
        ),
        Indicator(
            "participations",
            "Participations",
            figures.participations,
            "Personnes présentes, comptées une fois par réunion (lignes « Présent » "
            "de la feuille Présences).",
        ),
        Indicator(
            "person_half_days",
            "Présences en demi-journées",
            figures.person_half_days,
            "Participations comptées par demi-journée de présence.",
        ),
        Indicator(
            "distinct_people",
            "Personnes distinctes",
            figures.distinct_people,
            "Personnes présentes au moins une fois dans la période.",
        ),
        Indicator(
            "distinct_organisations",
            "Structures distinctes",
            figures.distinct_organisations,
            "Structures représentées par au moins une personne présente "
            "(structure du jour de la réunion).",
        ),
        Indicator(
            "companies_supported",
            "Entreprises accompagnées",
            figures.companies_supported,
            "Entreprises industrielles représentées par au moins une personne présente "
            "(soutien non financier, cf. indicateurs RCO01 et RCO04).",
        ),
        Indicator(
            "elected_officials",
            "Élus rencontrés",
            figures.elected_officials,
            "Personnes présentes en qualité d'élu(e) le jour de la réunion.",
        ),
        Indicator(
            "taskforces_active",
            "Taskforces actives",
            figures.taskforces_active,
            "Taskforces actives ou en pause, ou clôturées après la période, dont les "
            "dates croisent la période.",
        ),
        Indicator(
            "taskforces_closed",
            "Taskforces clôturées",
            figures.taskforces_closed,
            "Taskforces clôturées dont la date de fin est dans la période.",
        ),
        Indicator(
            "actions_done",
            "Actions réalisées",
            figures.actions_done,
            "Actions de feuille de route passées à « fait » pendant la période.",
        ),
        Indicator(
            "actions_late",
            "Actions en retard",
            figures.actions_late,
            f"Actions ouvertes dont l'échéance était passée au {reference}.",
        ),
        Indicator(
            "actions_due_soon",
            "Actions à échéance proche",
            figures.actions_due_soon,
            f"Actions ouvertes dont l'échéance tombe dans les {stats.DUE_SOON_DAYS} jours "
            f"suivant le {reference}.",
        ),
        Indicator(
            "dormant_companies",
            "Entreprises membres sans participation depuis un an",
            figures.dormant_companies,
            "Entreprises membres au dernier jour de la période (dates d'adhésion), dont "
            "personne n'a été présent dans l'année précédant la fin de la période.",
        ),
    ]
    return tuple(lines)


# --- queries -------------------------------------------------------------------


def _stream(session: Session, query: AnySelect) -> Iterator[Any]:
    """Rows of *query*, fetched FETCH_SIZE at a time."""
    result = session.execute(query.execution_options(yield_per=FETCH_SIZE))
    try:
        yield from result
    finally:
        result.close()


def _count(session: Session, query: AnySelect) -> int:
    return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def _covered(session: Session, held: Select[Any]) -> dict[int, tuple[str, ...]]:
    """Half-days each held meeting covers, by meeting id (domain.halfdays decides)."""
    return {
        meeting_id: half_days(start, end)
        for meeting_id, start, end in session.execute(
            select(Meeting.id, Meeting.start_time, Meeting.end_time).where(Meeting.id.in_(held))
        )
    }


def _person_half_days(halves: tuple[str, ...], present: int, mornings: int, afternoons: int) -> int:
    """Present rows counted per half-day, as services.stats counts them."""
    return int(mornings) + int(afternoons) if len(halves) == 2 else int(present)


def _presence_half_days(
    halves: tuple[str, ...], status: str, morning: bool | None, afternoon: bool | None
) -> tuple[int | None, int | None, int]:
    """(morning, afternoon, half-days present) of one attendance, as stats counts them."""
    there = attended(halves, morning, afternoon) if status == AttendanceStatus.PRESENT.value else ()
    am = int(MORNING in there) if MORNING in halves else None
    pm = int(AFTERNOON in there) if AFTERNOON in halves else None
    return am, pm, len(there)


def _meeting_lines(
    session: Session, held: Select[Any], covered: dict[int, tuple[str, ...]]
) -> Iterator[MeetingLine]:
    present = Attendance.status == AttendanceStatus.PRESENT.value
    counts = (
        select(
            Attendance.meeting_id.label("meeting_id"),
            func.count().label("listed"),
            func.sum(case((present, 1), else_=0)).label("present"),
            func.sum(case((Attendance.status == AttendanceStatus.ABSENT.value, 1), else_=0)).label(
                "absent"
            ),
            func.sum(case((Attendance.status == AttendanceStatus.EXCUSED.value, 1), else_=0)).label(
                "excused"
            ),
            func.count(distinct(case((present, Attendance.organisation_id)))).label("orgs"),
            func.sum(case((present & Attendance.present_morning.isnot(False), 1), else_=0)).label(
                "am"
            ),
            func.sum(case((present & Attendance.present_afternoon.isnot(False), 1), else_=0)).label(
                "pm"
            ),
        )
        .where(Attendance.meeting_id.in_(held))
        .group_by(Attendance.meeting_id)
        .subquery()
    )
    # Joined here, in the order topics are shown everywhere (group_concat and
    # string_agg would each keep an order of their own).
    topic_names: dict[int, list[str]] = {}
    for meeting_id, name in session.execute(
        select(MeetingTopic.meeting_id, Topic.name)
        .join(Topic, Topic.id == MeetingTopic.topic_id)
        .where(MeetingTopic.meeting_id.in_(held))
        .order_by(MeetingTopic.meeting_id, Topic.position, Topic.name)
    ):
        topic_names.setdefault(meeting_id, []).append(name)
    host = Organisation.__table__.alias("host")
    query = (
        select(
            Meeting.id,
            Meeting.date,
            Meeting.start_time,
            Meeting.end_time,
            Meeting.kind,
            Meeting.title,
            Programme.name,
            Taskforce.name,
            Meeting.venue,
            host.c.name,
            func.coalesce(counts.c.listed, 0),
            func.coalesce(counts.c.present, 0),
            func.coalesce(counts.c.absent, 0),
            func.coalesce(counts.c.excused, 0),
            func.coalesce(counts.c.orgs, 0),
            func.coalesce(counts.c.am, 0),
            func.coalesce(counts.c.pm, 0),
            proof_status.signed_condition(),
            proof_status.scanned_condition(),
        )
        .join(Programme, Programme.id == Meeting.programme_id)
        .outerjoin(Taskforce, Taskforce.id == Meeting.taskforce_id)
        .outerjoin(host, host.c.id == Meeting.host_organisation_id)
        .outerjoin(counts, counts.c.meeting_id == Meeting.id)
        .where(Meeting.id.in_(held))
        .order_by(Meeting.date, Meeting.start_time, Meeting.id)
    )
    for row in _stream(session, query):
        (mid, date, start, end, kind, title, programme, taskforce, venue, host_name,
         listed, n_present, absent, excused, orgs, am, pm, signed, scanned) = row  # fmt: skip
        halves = covered[mid]
        yield MeetingLine(
            date=date,
            start_time=start,
            end_time=end,
            duration_hours=duration_hours(start, end),
            kind=_MEETING_KINDS.get(kind, kind),
            title=title,
            programme=programme,
            taskforce=taskforce,
            venue=venue,
            host=host_name,
            topics=", ".join(topic_names[mid]) if mid in topic_names else None,
            half_days=len(halves),
            listed=int(listed),
            present=int(n_present),
            absent=int(absent),
            excused=int(excused),
            organisations=int(orgs),
            person_half_days=_person_half_days(halves, n_present, am, pm),
            proof=_PROOF_LABELS[proof_status.proof_of(signed, scanned)],
            meeting_id=mid,
        )


def _attendance_query(held: Select[Any]) -> AnySelect:
    return (
        select(
            Meeting.date,
            Meeting.title,
            Meeting.kind,
            Contact.last_name,
            Contact.first_name,
            Attendance.organisation_name,
            Attendance.job_title,
            Attendance.role,
            Attendance.status,
            Attendance.present_morning,
            Attendance.present_afternoon,
            Attendance.meeting_id,
            Attendance.person_id,
        )
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .join(Contact, Contact.id == Attendance.person_id)
        .where(Attendance.meeting_id.in_(held))
    )


def _attendance_lines(
    session: Session, held: Select[Any], covered: dict[int, tuple[str, ...]]
) -> Iterator[AttendanceLine]:
    query = _attendance_query(held).order_by(
        Meeting.date, Meeting.start_time, Meeting.id, Contact.last_name, Contact.first_name
    )
    for row in _stream(session, query):
        (date, title, kind, last, first, organisation, job, role, status, morning, afternoon,
         meeting_id, person_id) = row  # fmt: skip
        am, pm, total = _presence_half_days(covered[meeting_id], status, morning, afternoon)
        yield AttendanceLine(
            date,
            title,
            _MEETING_KINDS.get(kind, kind),
            last,
            first,
            organisation,
            job,
            _ROLE_LABELS.get(role, role),
            _STATUS_LABELS.get(status, status),
            am,
            pm,
            total,
            meeting_id,
            person_id,
        )


def _period_taskforces(period: Period) -> Select[Any]:
    # The same taskforces the summary counts as active or closed.
    active, closed = stats.taskforce_ids(period)
    return select(union(active, closed).subquery().c[0])


def _present_organisations(held: Select[Any]) -> tuple[Any, ...]:
    return (
        Attendance.meeting_id.in_(held),
        Attendance.status == AttendanceStatus.PRESENT.value,
        Attendance.organisation_id.is_not(None),
    )


def _taskforce_organisations(taskforce_ids: Select[Any]) -> CompoundSelect[int, int | None]:
    """(taskforce_id, organisation_id) of the period's taskforces: leads and members."""
    leads = select(
        Taskforce.id.label("taskforce_id"), Taskforce.lead_organisation_id.label("organisation_id")
    ).where(Taskforce.id.in_(taskforce_ids), Taskforce.lead_organisation_id.is_not(None))
    members = select(
        TaskforceMember.taskforce_id.label("taskforce_id"),
        TaskforceMember.organisation_id.label("organisation_id"),
    ).where(
        TaskforceMember.taskforce_id.in_(taskforce_ids),
        TaskforceMember.organisation_id.is_not(None),
    )
    return union(leads, members)


def _report_organisation_ids(held: Select[Any], taskforce_ids: Select[Any]) -> Select[Any]:
    """Organisations of the people present, and those in the period's taskforces."""
    present = select(Attendance.organisation_id).where(*_present_organisations(held))
    in_taskforces = select(_taskforce_organisations(taskforce_ids).subquery().c.organisation_id)
    return select(union(present, in_taskforces).subquery().c[0])


def _organisation_lines(
    session: Session,
    held: Select[Any],
    covered: dict[int, tuple[str, ...]],
    taskforce_ids: Select[Any],
) -> Iterator[OrganisationLine]:
    # Aggregates kept in memory are one entry per organisation, never per row.
    present = _present_organisations(held)
    contacts: dict[int | None, int] = {
        oid: int(n)
        for oid, n in session.execute(
            select(Attendance.organisation_id, func.count(distinct(Attendance.person_id)))
            .where(*present)
            .group_by(Attendance.organisation_id)
        )
    }
    links = _taskforce_organisations(taskforce_ids).subquery()
    taskforces: dict[int | None, int] = {
        oid: int(n)
        for oid, n in session.execute(
            select(links.c.organisation_id, func.count(distinct(links.c.taskforce_id))).group_by(
                links.c.organisation_id
            )
        )
    }
    # Per organisation and meeting: rows present, and present per half-day.
    per_meeting = (
        select(
            Attendance.organisation_id,
            Attendance.meeting_id,
            func.count(),
            func.sum(case((Attendance.present_morning.isnot(False), 1), else_=0)),
            func.sum(case((Attendance.present_afternoon.isnot(False), 1), else_=0)),
        )
        .where(*present)
        .group_by(Attendance.organisation_id, Attendance.meeting_id)
    )
    totals: dict[int, list[int]] = {}  # organisation -> [meetings, participations, half-days]
    for organisation_id, meeting_id, rows, am, pm in _stream(session, per_meeting):
        total = totals.setdefault(organisation_id, [0, 0, 0])
        total[0] += 1
        total[1] += int(rows)
        total[2] += _person_half_days(covered[meeting_id], rows, am, pm)
    query = (
        select(
            Organisation.id,
            Organisation.name,
            Organisation.kind,
            Organisation.siret,
            Organisation.postcode,
            Organisation.commune,
        )
        .where(Organisation.id.in_(_report_organisation_ids(held, taskforce_ids)))
        .order_by(Organisation.name, Organisation.id)
    )
    for oid, name, kind, siret, postcode, commune in _stream(session, query):
        meetings, participations, person_half_days = totals.get(oid, (0, 0, 0))
        yield OrganisationLine(
            name,
            _ORGANISATION_KINDS.get(kind, kind),
            siret,
            postcode,
            commune,
            meetings,
            contacts.get(oid, 0),
            participations,
            person_half_days,
            taskforces.get(oid, 0),
            oid,
        )


def _taskforce_lines(
    session: Session,
    period: Period,
    held: Select[Any],
    taskforce_ids: Select[Any],
    reference: dt.date,
) -> Iterator[TaskforceLine]:
    status = RoadmapAction.status
    open_statuses = (
        ActionStatus.TODO.value,
        ActionStatus.IN_PROGRESS.value,
        ActionStatus.BLOCKED.value,
    )
    not_dropped = status != ActionStatus.DROPPED.value
    actions = (
        select(
            RoadmapAction.taskforce_id.label("taskforce_id"),
            func.count().label("total"),
            func.sum(case((status == ActionStatus.DONE.value, 1), else_=0)).label("done"),
            func.sum(case((status.in_(open_statuses), 1), else_=0)).label("open"),
            func.sum(
                case((status.in_(open_statuses) & (RoadmapAction.due_date < reference), 1), else_=0)
            ).label("late"),
            func.sum(
                case(
                    (
                        (status == ActionStatus.DONE.value)
                        & (RoadmapAction.done_date >= period.date_from)
                        & (RoadmapAction.done_date <= period.date_to),
                        1,
                    ),
                    else_=0,
                )
            ).label("done_in_period"),
            func.avg(case((not_dropped, RoadmapAction.progress))).label("progress"),
        )
        .where(RoadmapAction.taskforce_id.in_(taskforce_ids))
        .group_by(RoadmapAction.taskforce_id)
        .subquery()
    )
    members = (
        select(TaskforceMember.taskforce_id.label("taskforce_id"), func.count().label("members"))
        .where(TaskforceMember.taskforce_id.in_(taskforce_ids))
        .group_by(TaskforceMember.taskforce_id)
        .subquery()
    )
    meetings = (
        select(Meeting.taskforce_id.label("taskforce_id"), func.count().label("meetings"))
        .where(Meeting.id.in_(held), Meeting.taskforce_id.is_not(None))
        .group_by(Meeting.taskforce_id)
        .subquery()
    )
    lead_org = Organisation.__table__.alias("lead_org")
    lead_contact = Contact.__table__.alias("lead_person")
    query = (
        select(
            Taskforce.id,
            Taskforce.name,
            Taskforce.status,
            lead_org.c.name,
            lead_contact.c.first_name,
            lead_contact.c.last_name,
            Taskforce.start_date,
            Taskforce.end_date,
            func.coalesce(members.c.members, 0),
            func.coalesce(meetings.c.meetings, 0),
            func.coalesce(actions.c.total, 0),
            func.coalesce(actions.c.done, 0),
            func.coalesce(actions.c.open, 0),
            func.coalesce(actions.c.late, 0),
            func.coalesce(actions.c.done_in_period, 0),
            actions.c.progress,
        )
        .outerjoin(lead_org, lead_org.c.id == Taskforce.lead_organisation_id)
        .outerjoin(lead_contact, lead_contact.c.id == Taskforce.lead_person_id)
        .outerjoin(actions, actions.c.taskforce_id == Taskforce.id)
        .outerjoin(members, members.c.taskforce_id == Taskforce.id)
        .outerjoin(meetings, meetings.c.taskforce_id == Taskforce.id)
        .where(Taskforce.id.in_(taskforce_ids))
        .order_by(Taskforce.name, Taskforce.id)
    )
    for row in _stream(session, query):
        (tid, name, tf_status, org, first, last, start, end, n_members, n_meetings, total, done,
         n_open, late, done_in_period, progress) = row  # fmt: skip
        yield TaskforceLine(
            name,
            _TASKFORCE_STATUSES.get(tf_status, tf_status),
            org,
            f"{first} {last}".strip() if last else None,
            start,
            end,
            int(n_members),
            int(n_meetings),
            int(total),
            int(done),
            int(n_open),
            int(late),
            int(done_in_period),
            None if progress is None else round(float(progress) / 100, 4),
            tid,
        )


@contextmanager
def open_period_report(
    db: Database, period: Period, *, today: dt.date | None = None
) -> Iterator[PeriodReport]:
    """The report of *period*, its tables streaming from one read transaction.

    Raises NotFoundError when the period names a programme that does not exist.
    """
    today = today or dt.date.today()
    with db.read() as session:
        figures = stats.figures_in(session, period, today=today)
        programme = (
            get_or_raise(session, Programme, period.programme_id, "programme")
            if period.programme_id is not None
            else None
        )
        held = stats.held_meeting_ids(period)
        covered = _covered(session, held)
        taskforce_ids = _period_taskforces(period)
        report = PeriodReport(
            date_from=period.date_from,
            date_to=period.date_to,
            programme_id=period.programme_id,
            programme_name=programme.name if programme else None,
            agency_name=programme.agency_name if programme else None,
            operation_reference=programme.operation_reference if programme else None,
            funding_mention=programme.funding_mention if programme else None,
            generated_on=today,
            figures=figures,
            indicators=summary_indicators(figures),
            meetings=Table(_meeting_lines(session, held, covered), len(covered)),
            attendances=Table(
                _attendance_lines(session, held, covered),
                _count(session, select(Attendance.id).where(Attendance.meeting_id.in_(held))),
            ),
            organisations=Table(
                _organisation_lines(session, held, covered, taskforce_ids),
                _count(session, _report_organisation_ids(held, taskforce_ids)),
            ),
            taskforces=Table(
                _taskforce_lines(session, period, held, taskforce_ids, figures.reference_date),
                _count(session, taskforce_ids),
            ),
        )
        yield report


__all__ = [
    "AttendanceLine",
    "Indicator",
    "MeetingLine",
    "OrganisationLine",
    "Period",
    "PeriodReport",
    "Table",
    "TaskforceLine",
    "open_period_report",
    "summary_indicators",
]
