"""Paged, sorted and filtered lists for the window's tables.

Sorting, filtering and paging happen in SQL, so a list of 150,000 contacts
costs one small query per screenful; the Qt models only hold what was shown.
Values come out raw (codes, dates); the Qt layer turns them into words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, String, case, func, select, text

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Attendance, Meeting, Organisation, Person, Taskforce
from resilian_desktop.domain.text import fts_query
from resilian_desktop.domain.vocab import AttendanceStatus
from resilian_desktop.services.search import KIND_CODES


@dataclass(frozen=True)
class ListColumn:
    key: str
    title: str  # English source text; the Qt layer translates it


@dataclass(frozen=True)
class ListRow:
    id: int
    values: tuple[Any, ...]


@dataclass(frozen=True)
class ListSpec:
    name: str
    search_kind: str
    columns: tuple[ListColumn, ...]
    default_sort: str
    default_descending: bool = False


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
        ),
        ListSpec(
            "contacts",
            "person",
            (
                ListColumn("last_name", "Last name"),
                ListColumn("first_name", "First name"),
                ListColumn("organisation", "Organisation"),
                ListColumn("job_title", "Job title"),
                ListColumn("email", "Email"),
                ListColumn("phone", "Phone"),
            ),
            "last_name",
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
        ),
        ListSpec(
            "taskforces",
            "taskforce",
            (
                ListColumn("name", "Name"),
                ListColumn("status", "Status"),
                ListColumn("lead", "Lead organisation"),
                ListColumn("start_date", "Start"),
            ),
            "name",
        ),
    )
}


def _base_query(name: str) -> tuple[Select[Any], dict[str, Any], Any]:
    """The list's query, its sortable expressions by column key, and its id column."""
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
        return select(Organisation.id, *columns.values()), columns, Organisation.id
    if name == "contacts":
        columns = {
            "last_name": Person.last_name,
            "first_name": Person.first_name,
            "organisation": Organisation.name,
            "job_title": Person.job_title,
            "email": Person.email,
            "phone": Person.phone,
        }
        query = select(Person.id, *columns.values()).outerjoin(
            Organisation, Organisation.id == Person.organisation_id
        )
        return query, columns, Person.id
    if name == "meetings":
        counts = (
            select(
                Attendance.meeting_id.label("meeting_id"),
                func.count().label("invited"),
                func.sum(
                    case((Attendance.status == AttendanceStatus.PRESENT.value, 1), else_=0)
                ).label("present"),
            )
            .group_by(Attendance.meeting_id)
            .subquery()
        )
        columns = {
            "date": Meeting.date,
            "kind": Meeting.kind,
            "title": Meeting.title,
            "venue": Meeting.venue,
            "status": Meeting.status,
            "invited": func.coalesce(counts.c.invited, 0),
            "present": func.coalesce(counts.c.present, 0),
        }
        query = select(Meeting.id, *columns.values()).outerjoin(
            counts, counts.c.meeting_id == Meeting.id
        )
        return query, columns, Meeting.id
    if name == "taskforces":
        columns = {
            "name": Taskforce.name,
            "status": Taskforce.status,
            "lead": Organisation.name,
            "start_date": Taskforce.start_date,
        }
        query = select(Taskforce.id, *columns.values()).outerjoin(
            Organisation, Organisation.id == Taskforce.lead_organisation_id
        )
        return query, columns, Taskforce.id
    raise KeyError(name)


def _filtered(query: Select[Any], spec: ListSpec, id_column: Any, filter_text: str) -> Select[Any]:
    match = fts_query(filter_text)
    if match is None:
        return query
    kind_code = KIND_CODES[spec.search_kind]
    matching = text(
        "SELECT record_id FROM search_index WHERE search_index MATCH :match "
        "AND rowid BETWEEN :low AND :high"
    ).bindparams(
        match=f"terms : ({match})",
        low=kind_code * 10**12,
        high=(kind_code + 1) * 10**12 - 1,
    )
    return query.where(id_column.in_(matching.columns(record_id=id_column.type)))


def count_rows(db: Database, name: str, *, filter_text: str = "") -> int:
    spec = SPECS[name]
    query, _, id_column = _base_query(name)
    query = _filtered(query, spec, id_column, filter_text)
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def fetch_page(
    db: Database,
    name: str,
    *,
    offset: int,
    limit: int,
    sort_key: str | None = None,
    descending: bool | None = None,
    filter_text: str = "",
) -> list[ListRow]:
    """One page of the list *name*, sorted in SQL by *sort_key* then id."""
    spec = SPECS[name]
    query, columns, id_column = _base_query(name)
    query = _filtered(query, spec, id_column, filter_text)
    sort_column = columns[sort_key or spec.default_sort]
    if descending is None:
        descending = spec.default_descending if sort_key is None else False
    if isinstance(sort_column.type, String):
        sort_column = sort_column.collate("NOCASE")
    ordering: Sequence[Any] = (
        (sort_column.desc(), id_column.desc())
        if descending
        else (sort_column.asc(), id_column.asc())
    )
    query = query.order_by(*ordering).offset(offset).limit(limit)
    with db.read() as session:
        return [ListRow(int(row[0]), tuple(row[1:])) for row in session.execute(query)]
