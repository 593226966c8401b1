"""Paged, sorted and filtered lists for the window's tables.

Sorting, filtering and paging happen in SQL, so a list of 150,000 contacts
costs one small query per screenful; the Qt models only hold what was shown.
Values come out raw (codes, dates); the Qt layer turns them into words.

Archived records are left out unless the filters ask for them; the records
behind a dashboard figure (``ListFilters.figure``) are listed archived or not,
as the figure counted them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Attendance,
    Contact,
    Meeting,
    MeetingTopic,
    Membership,
    Organisation,
    OrganisationTopic,
    RoadmapAction,
    Taskforce,
    TaskforceMember,
)
from resilian_desktop.db.search_index import matching_ids
from resilian_desktop.domain.text import fold
from resilian_desktop.domain.vocab import (
    ActionStatus,
    AttendanceStatus,
    ContactState,
    MeetingStatus,
)
from resilian_desktop.services import drilldown
from resilian_desktop.services.drilldown import FigureRef
from resilian_desktop.services.search import SearchHit, search

# Filters a list may offer; the Qt layer shows a chooser for each.
KIND = "kind"
STATUS = "status"
TOPIC = "topic"
YEAR = "year"
PROGRAMME = "programme"
ARCHIVED = "archived"


@dataclass(frozen=True)
class ListColumn:
    key: str
    title: str  # English source text; the Qt layer translates it


@dataclass(frozen=True)
class ListRow:
    id: int
    values: tuple[Any, ...]
    # The record a double click opens, when it is not the row itself
    # (a roadmap action opens its taskforce, an attendance its meeting).
    open_id: int | None = None
    archived: bool = False


@dataclass(frozen=True)
class ListSpec:
    name: str
    search_kind: str | None  # kind in the search index; None: the list has no text filter
    columns: tuple[ListColumn, ...]
    default_sort: str
    default_descending: bool = False
    filters: tuple[str, ...] = ()
    opens: str = ""  # the record kind a row opens: organisation, contact, meeting, taskforce


@dataclass(frozen=True)
class ListFilters:
    """What the user chose above a list; None or False means "no restriction"."""

    kind: str | None = None
    status: str | None = None
    topic_id: int | None = None
    year: int | None = None
    programme_id: int | None = None
    show_archived: bool = False
    organisation_id: int | None = None
    taskforce_id: int | None = None
    figure: FigureRef | None = None


NO_FILTERS = ListFilters()

SPECS: dict[str, ListSpec] = {
    spec.name: spec
    for spec in (
        ListSpec(
            "organisations",
            "organisation",
            (
                ListColumn("name", "Name"),
                ListColumn("kind", "Kind"),
                ListColumn("commune", "Commune"),
                ListColumn("postcode", "Postcode"),
                ListColumn("siret", "SIRET"),
                ListColumn("headcount", "Headcount"),
                ListColumn("sector", "Sector"),
            ),
            "name",
            filters=(KIND, TOPIC, PROGRAMME, ARCHIVED),
            opens="organisation",
        ),
        ListSpec(
            "contacts",
            "contact",
            (
                ListColumn("last_name", "Last name"),
                ListColumn("first_name", "First name"),
                ListColumn("organisation", "Organisation"),
                ListColumn("job_title", "Job title"),
                ListColumn("email", "Email"),
                ListColumn("phone", "Phone"),
                ListColumn("state", "Still there?"),
            ),
            "last_name",
            filters=(KIND, STATUS, PROGRAMME, ARCHIVED),
            opens="contact",
        ),
        ListSpec(
            "meetings",
            "meeting",
            (
                ListColumn("date", "Date"),
                ListColumn("kind", "Kind"),
                ListColumn("title", "Title"),
                ListColumn("venue", "Venue"),
                ListColumn("status", "Status"),
                ListColumn("invited", "Invited"),
                ListColumn("present", "Present"),
            ),
            "date",
            default_descending=True,
            filters=(KIND, STATUS, TOPIC, YEAR, PROGRAMME, ARCHIVED),
            opens="meeting",
        ),
        ListSpec(
            "taskforces",
            "taskforce",
            (
                ListColumn("name", "Name"),
                ListColumn("status", "Status"),
                ListColumn("lead", "Lead organisation"),
                ListColumn("start_date", "Start"),
                ListColumn("members", "Members"),
                ListColumn("late", "Late actions"),
                ListColumn("next_meeting", "Next meeting"),
            ),
            "name",
            filters=(STATUS, YEAR, PROGRAMME, ARCHIVED),
            opens="taskforce",
        ),
        # Shown for the dashboard's drill-down: roadmap actions and attendance rows.
        ListSpec(
            "actions",
            None,
            (
                ListColumn("taskforce", "Taskforce"),
                ListColumn("position", "No."),
                ListColumn("title", "Action"),
                ListColumn("owner", "Owner"),
                ListColumn("due_date", "Due"),
                ListColumn("status", "Status"),
                ListColumn("progress", "Progress"),
            ),
            "due_date",
            opens="taskforce",
        ),
        ListSpec(
            "attendances",
            None,
            (
                ListColumn("date", "Date"),
                ListColumn("meeting", "Meeting"),
                ListColumn("last_name", "Last name"),
                ListColumn("first_name", "First name"),
                ListColumn("organisation", "Organisation"),
                ListColumn("status", "Status"),
            ),
            "date",
            default_descending=True,
            opens="meeting",
        ),
    )
}


@dataclass(frozen=True)
class _Query:
    select: Select[Any]  # id, open id, archived flag, then the columns in order
    columns: dict[str, Any]  # expression of each column key
    entity: Any  # the mapped class of the rows
    id_column: Any
    # What a column sorts on when that is not the column itself: the indexed
    # sort keys, or text folded by the SQL function fold() (accent- and
    # case-blind, cached per value), so that "Électricité" sorts among the E.
    sort_keys: dict[str, Any]


def _archived(entity: Any) -> Any:
    return entity.archived_at.is_not(None)


def _contact_name() -> Any:
    return Contact.last_name + " " + Contact.first_name


def _query(name: str) -> _Query:
    if name == "organisations":
        columns: dict[str, Any] = {
            "name": Organisation.name,
            "kind": Organisation.kind,
            "commune": Organisation.commune,
            "postcode": Organisation.postcode,
            "siret": Organisation.siret,
            "headcount": Organisation.headcount,
            "sector": Organisation.sector,
        }
        query = select(Organisation.id, Organisation.id, _archived(Organisation), *columns.values())
        sort_keys = {
            "name": Organisation.sort_name,
            "commune": func.fold(Organisation.commune),
            "sector": func.fold(Organisation.sector),
        }
        return _Query(query, columns, Organisation, Organisation.id, sort_keys)
    if name == "contacts":
        columns = {
            "last_name": Contact.last_name,
            "first_name": Contact.first_name,
            "organisation": Organisation.name,
            "job_title": Contact.job_title,
            "email": Contact.email,
            "phone": Contact.phone,
            # Marked so that nobody invites a person who left (ContactState).
            "state": case(
                (Contact.active.is_(False), literal(ContactState.GONE.value)),
                (
                    Organisation.archived_at.is_not(None),
                    literal(ContactState.ORGANISATION_ARCHIVED.value),
                ),
                else_=None,
            ),
        }
        query = select(Contact.id, Contact.id, _archived(Contact), *columns.values()).outerjoin(
            Organisation, Organisation.id == Contact.organisation_id
        )
        sort_keys = {
            "last_name": Contact.sort_name,
            "first_name": func.fold(Contact.first_name),
            "organisation": Organisation.sort_name,
            "job_title": func.fold(Contact.job_title),
            "email": Contact.email.collate("NOCASE"),
            "phone": Contact.phone,
            "state": columns["state"],
        }
        return _Query(query, columns, Contact, Contact.id, sort_keys)
    if name == "meetings":
        # Counted per row shown (correlated, through the attendance index) rather
        # than grouped over the whole attendance table: at a million rows the
        # grouping costs half a second per page.
        invited = (
            select(func.count())
            .where(Attendance.meeting_id == Meeting.id)
            .correlate(Meeting)
            .scalar_subquery()
        )
        present = (
            select(func.count())
            .where(
                Attendance.meeting_id == Meeting.id,
                Attendance.status == AttendanceStatus.PRESENT.value,
            )
            .correlate(Meeting)
            .scalar_subquery()
        )
        columns = {
            "date": Meeting.date,
            "kind": Meeting.kind,
            "title": Meeting.title,
            "venue": Meeting.venue,
            "status": Meeting.status,
            "invited": invited,
            "present": present,
        }
        query = select(Meeting.id, Meeting.id, _archived(Meeting), *columns.values())
        sort_keys = {"title": func.fold(Meeting.title), "venue": func.fold(Meeting.venue)}
        return _Query(query, columns, Meeting, Meeting.id, sort_keys)
    if name == "taskforces":
        # What the officer follows a taskforce by, counted per row shown.
        today = dt.date.today()
        members = (
            select(func.count())
            .where(TaskforceMember.taskforce_id == Taskforce.id)
            .correlate(Taskforce)
            .scalar_subquery()
        )
        late = (
            select(func.count())
            .where(
                RoadmapAction.taskforce_id == Taskforce.id,
                RoadmapAction.due_date < today,
                RoadmapAction.status.not_in((ActionStatus.DONE.value, ActionStatus.DROPPED.value)),
            )
            .correlate(Taskforce)
            .scalar_subquery()
        )
        next_meeting = (
            select(func.min(Meeting.date))
            .where(
                Meeting.taskforce_id == Taskforce.id,
                Meeting.date >= today,
                Meeting.status != MeetingStatus.CANCELLED.value,
                Meeting.archived_at.is_(None),
            )
            .correlate(Taskforce)
            .scalar_subquery()
        )
        columns = {
            "name": Taskforce.name,
            "status": Taskforce.status,
            "lead": Organisation.name,
            "start_date": Taskforce.start_date,
            "members": members,
            "late": late,
            "next_meeting": next_meeting,
        }
        query = select(
            Taskforce.id, Taskforce.id, _archived(Taskforce), *columns.values()
        ).outerjoin(Organisation, Organisation.id == Taskforce.lead_organisation_id)
        sort_keys = {"name": func.fold(Taskforce.name), "lead": Organisation.sort_name}
        return _Query(query, columns, Taskforce, Taskforce.id, sort_keys)
    if name == "actions":
        columns = {
            "taskforce": Taskforce.name,
            "position": RoadmapAction.position,
            "title": RoadmapAction.title,
            "owner": func.coalesce(_contact_name(), Organisation.name),
            "due_date": RoadmapAction.due_date,
            "status": RoadmapAction.status,
            "progress": RoadmapAction.progress,
        }
        query = (
            select(RoadmapAction.id, RoadmapAction.taskforce_id, literal(False), *columns.values())
            .join(Taskforce, Taskforce.id == RoadmapAction.taskforce_id)
            .outerjoin(Contact, Contact.id == RoadmapAction.owner_person_id)
            .outerjoin(Organisation, Organisation.id == RoadmapAction.owner_organisation_id)
        )
        sort_keys = {
            "taskforce": func.fold(Taskforce.name),
            "title": func.fold(RoadmapAction.title),
            "owner": func.coalesce(Contact.sort_name, Organisation.sort_name),
        }
        return _Query(query, columns, RoadmapAction, RoadmapAction.id, sort_keys)
    if name == "attendances":
        columns = {
            "date": Meeting.date,
            "meeting": Meeting.title,
            "last_name": Contact.last_name,
            "first_name": Contact.first_name,
            "organisation": Attendance.organisation_name,
            "status": Attendance.status,
        }
        query = (
            select(Attendance.id, Attendance.meeting_id, literal(False), *columns.values())
            .join(Meeting, Meeting.id == Attendance.meeting_id)
            .join(Contact, Contact.id == Attendance.person_id)
        )
        sort_keys = {
            "meeting": func.fold(Meeting.title),
            "last_name": Contact.sort_name,
            "first_name": func.fold(Contact.first_name),
            "organisation": func.fold(Attendance.organisation_name),
        }
        return _Query(query, columns, Attendance, Attendance.id, sort_keys)
    raise KeyError(name)


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _conditions(
    session: Session, spec: ListSpec, q: _Query, filters: ListFilters, filter_text: str
) -> list[Any]:
    """WHERE conditions on the list's own table only, so counting needs no join."""
    where: list[Any] = []
    entity = q.entity
    if filters.figure is not None:
        where.append(q.id_column.in_(drilldown.ids_of(filters.figure)))
    elif hasattr(entity, "archived_at") and not filters.show_archived:
        where.append(entity.archived_at.is_(None))
    words = fold(filter_text).split() if spec.search_kind else []
    if words and spec.search_kind is not None:
        matching = matching_ids(session, spec.search_kind, words)
        where.append(q.id_column.in_(matching.columns(record_id=q.id_column.type)))

    def members_of(programme_id: int) -> Select[Any]:
        return select(Membership.organisation_id).where(Membership.programme_id == programme_id)

    if spec.name == "organisations":
        if filters.kind:
            where.append(Organisation.kind == filters.kind)
        if filters.topic_id is not None:
            where.append(
                Organisation.id.in_(
                    select(OrganisationTopic.organisation_id).where(
                        OrganisationTopic.topic_id == filters.topic_id
                    )
                )
            )
        if filters.programme_id is not None:
            where.append(Organisation.id.in_(members_of(filters.programme_id)))
    elif spec.name == "contacts":
        if filters.kind:
            where.append(
                Contact.organisation_id.in_(
                    select(Organisation.id).where(Organisation.kind == filters.kind)
                )
            )
        if filters.status == "elected_official":
            where.append(Contact.is_elected_official.is_(True))
        elif filters.status == "inactive":
            where.append(Contact.active.is_(False))
        if filters.programme_id is not None:
            where.append(Contact.organisation_id.in_(members_of(filters.programme_id)))
        if filters.organisation_id is not None:
            where.append(Contact.organisation_id == filters.organisation_id)
        if filters.topic_id is not None:  # the topics of their organisation
            where.append(
                Contact.organisation_id.in_(
                    select(OrganisationTopic.organisation_id).where(
                        OrganisationTopic.topic_id == filters.topic_id
                    )
                )
            )
    elif spec.name == "meetings":
        if filters.kind:
            where.append(Meeting.kind == filters.kind)
        if filters.status:
            where.append(Meeting.status == filters.status)
        if filters.topic_id is not None:
            where.append(
                Meeting.id.in_(
                    select(MeetingTopic.meeting_id).where(MeetingTopic.topic_id == filters.topic_id)
                )
            )
        if filters.year is not None:
            first, last = _year_bounds(filters.year)
            where.append(Meeting.date.between(first, last))
        if filters.programme_id is not None:
            where.append(Meeting.programme_id == filters.programme_id)
        if filters.taskforce_id is not None:
            where.append(Meeting.taskforce_id == filters.taskforce_id)
    elif spec.name == "taskforces":
        if filters.status:
            where.append(Taskforce.status == filters.status)
        if filters.year is not None:
            # Taskforces running at some point of the year.
            first, last = _year_bounds(filters.year)
            where.append(
                and_(
                    or_(Taskforce.start_date.is_(None), Taskforce.start_date <= last),
                    or_(Taskforce.end_date.is_(None), Taskforce.end_date >= first),
                )
            )
        if filters.programme_id is not None:
            where.append(Taskforce.programme_id == filters.programme_id)
    return where


def count_rows(
    db: Database, name: str, *, filter_text: str = "", filters: ListFilters = NO_FILTERS
) -> int:
    """How many rows the list *name* holds with these filters."""
    spec = SPECS[name]
    q = _query(name)
    entity = q.entity
    with db.read() as session:
        if filters == NO_FILTERS and not filter_text.strip() and hasattr(entity, "archived_at"):
            # The list as it opens: every row but the archived ones. Counting
            # "archived_at IS NULL" reads the whole table (70 ms on 91,000
            # meetings); all rows (any index) minus the archived ones (their
            # partial index) costs a few milliseconds.
            total = session.scalar(select(func.count()).select_from(entity)) or 0
            archived = (
                session.scalar(
                    select(func.count()).select_from(entity).where(entity.archived_at.is_not(None))
                )
                or 0
            )
            return int(total - archived)
        where = _conditions(session, spec, q, filters, filter_text)
        return int(session.scalar(select(func.count(q.id_column)).where(*where)) or 0)


def fetch_page(
    db: Database,
    name: str,
    *,
    offset: int,
    limit: int,
    sort_key: str | None = None,
    descending: bool | None = None,
    filter_text: str = "",
    filters: ListFilters = NO_FILTERS,
) -> list[ListRow]:
    """One page of the list *name*, sorted in SQL by *sort_key* then id."""
    spec = SPECS[name]
    q = _query(name)
    key = sort_key or spec.default_sort
    sort_column = q.sort_keys.get(key, q.columns[key])
    if descending is None:
        descending = spec.default_descending if sort_key is None else False
    ordering: Sequence[Any] = (
        (sort_column.desc(), q.id_column.desc())
        if descending
        else (sort_column.asc(), q.id_column.asc())
    )
    with db.read() as session:
        query = q.select.where(*_conditions(session, spec, q, filters, filter_text))
        query = query.order_by(*ordering).offset(offset).limit(limit)
        return [
            ListRow(
                int(row[0]),
                tuple(row[3:]),
                int(row[1]) if row[1] is not None else None,
                bool(row[2]),
            )
            for row in session.execute(query)
        ]


def meeting_years(db: Database) -> list[int]:
    """Years that have meetings, newest first (the choices of the year filter)."""
    with db.read() as session:
        first, last = session.execute(select(func.min(Meeting.date), func.max(Meeting.date))).one()
    if first is None or last is None:
        return [dt.date.today().year]
    newest = max(last.year, dt.date.today().year)
    return list(range(newest, first.year - 1, -1))


def find(
    db: Database, user_text: str, *, limit: int = 30, kind: str | None = None
) -> list[SearchHit]:
    """The accent-insensitive search of the whole network, optionally of one record kind.

    Archived records are found too: the global search is how one gets back to them.
    """
    with db.read() as session:
        return search(session, user_text, limit=limit, kind=kind)
