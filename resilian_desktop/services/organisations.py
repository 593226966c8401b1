"""Organisations: companies (one SIRET per site) and partners."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Attendance,
    Contact,
    Meeting,
    Membership,
    Organisation,
    OrganisationTopic,
    Programme,
    ProgrammeFunder,
    RoadmapAction,
    Taskforce,
    TaskforceMember,
    TaskforceOrigin,
    Topic,
)
from resilian_desktop.domain import duplicates as dup
from resilian_desktop.domain import rules
from resilian_desktop.domain import validation as v
from resilian_desktop.domain.errors import FieldProblem, ValidationError
from resilian_desktop.domain.vocab import OrganisationKind, TopicRelation
from resilian_desktop.services.common import (
    DuplicateError,
    check_reference,
    collect,
    enum_value,
    get_or_raise,
    raise_if,
    refuse_if_history,
)
from resilian_desktop.services.versions import check_unchanged, touch


@dataclass(frozen=True)
class OrganisationDraft:
    """What a form or an import submits; raw values, validated by the service."""

    name: str
    kind: str = OrganisationKind.COMPANY.value
    siret: object = None
    siren: object = None
    naf_code: object = None
    sector: str | None = None
    address: str | None = None
    postcode: object = None
    commune: str | None = None
    country: str = "FR"
    headcount: object = None
    website: str | None = None
    notes: str | None = None
    expertise_topic_ids: tuple[int, ...] = ()
    need_topic_ids: tuple[int, ...] = ()
    # The programmes it belongs to, all of them, saved with the organisation;
    # None leaves the memberships as they are (imports, older callers).
    memberships: tuple[MembershipDraft, ...] | None = None


@dataclass(frozen=True)
class MembershipDraft:
    """One membership as a form submits it: raw dates, validated by the service.

    ``id`` names the stored membership a line edits; None for a new one.
    """

    programme_id: int | None
    since: object = None
    until: object = None
    id: int | None = None


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    kind: str
    name: str
    siren: str | None
    siret: str | None
    naf_code: str | None
    sector: str | None
    address: str | None
    postcode: str | None
    commune: str | None
    country: str
    headcount: int | None
    website: str | None
    notes: str | None
    archived_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    created_by: str | None
    updated_by: str | None
    version: int
    merged_into_id: int | None  # the record kept when this one was merged into it
    expertise_topics: tuple[str, ...] = field(default=())
    need_topics: tuple[str, ...] = field(default=())
    # Topics and memberships: filled by the single-record reads and writes,
    # and by list_organisations(with_links=True).
    memberships: tuple[MembershipRow, ...] = field(default=())


@dataclass(frozen=True)
class MembershipRow:
    id: int
    organisation_id: int
    programme_id: int
    programme_name: str
    since: dt.date | None
    until: dt.date | None


@dataclass(frozen=True)
class MembershipPeriod:
    """A validated membership line: which programme, from when to when."""

    programme_id: int
    since: dt.date | None
    until: dt.date | None
    id: int | None = None


# OrganisationRow's fields, in order, as columns (topics left to their defaults).
_ROW_COLUMNS = (
    Organisation.id,
    Organisation.kind,
    Organisation.name,
    Organisation.siren,
    Organisation.siret,
    Organisation.naf_code,
    Organisation.sector,
    Organisation.address,
    Organisation.postcode,
    Organisation.commune,
    Organisation.country,
    Organisation.headcount,
    Organisation.website,
    Organisation.notes,
    Organisation.archived_at,
    Organisation.created_at,
    Organisation.updated_at,
    Organisation.created_by,
    Organisation.updated_by,
    Organisation.version,
    Organisation.merged_into_id,
)


def _split_topics(
    topics: Iterable[tuple[str, str]],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(expertise, need) topic names of (name, relation) pairs, in their order."""
    topics = list(topics)
    return (
        tuple(n for n, r in topics if r == TopicRelation.EXPERTISE.value),
        tuple(n for n, r in topics if r == TopicRelation.NEED.value),
    )


def _row(
    org: Organisation,
    topics: list[tuple[str, str]] | None = None,
    memberships: Iterable[MembershipRow] = (),
) -> OrganisationRow:
    expertise, need = _split_topics(topics or ())
    # The fields are _ROW_COLUMNS's, read off the loaded record, then the links.
    return OrganisationRow(
        **{c.key: getattr(org, c.key) for c in _ROW_COLUMNS},
        expertise_topics=expertise,
        need_topics=need,
        memberships=tuple(memberships),
    )


def _topics_by_organisation(session: Session, *where: Any) -> dict[int, list[tuple[str, str]]]:
    """Organisation id -> its (topic name, relation) pairs, topics in their order."""
    topics: dict[int, list[tuple[str, str]]] = {}
    for org_id, name, relation in session.execute(
        select(OrganisationTopic.organisation_id, Topic.name, OrganisationTopic.relation)
        .join(Topic, Topic.id == OrganisationTopic.topic_id)
        .where(*where)
        .order_by(Topic.position, Topic.name)
    ):
        topics.setdefault(org_id, []).append((name, relation))
    return topics


def _topics_of(session: Session, organisation_id: int) -> list[tuple[str, str]]:
    return _topics_by_organisation(
        session, OrganisationTopic.organisation_id == organisation_id
    ).get(organisation_id, [])


def validate_draft(session: Session, draft: OrganisationDraft) -> dict[str, object]:
    """The values to store for *draft*, by the rules of domain.rules (as an import)."""
    problems: list[FieldProblem] = []
    values: dict[str, Any] = {
        key: collect(
            problems, rules.check_field, rules.ORGANISATION_FIELDS, key, getattr(draft, key)
        )
        for key in rules.ORGANISATION_FIELDS
    }
    values["kind"] = enum_value(draft.kind, OrganisationKind, "kind", problems)
    values["country"] = values["country"] or rules.DEFAULT_COUNTRY
    values["postcode"] = collect(
        problems, rules.organisation_postcode, draft.postcode, values["country"]
    )
    rules.add_cross_problems(problems, rules.organisation_problems(values))
    for topic_id in (*draft.expertise_topic_ids, *draft.need_topic_ids):
        check_reference(session, Topic, topic_id, "topics", "topic", problems)
    raise_if(problems)
    return values


def _same_start(word: str) -> Any:
    """Folded names that begin with *word* (a range over the sort_name index)."""
    return (Organisation.sort_name >= word) & (Organisation.sort_name < word + "\x7f")


def find_duplicates(
    session: Session,
    *,
    name: str,
    commune: str | None,
    siret: str | None,
    exclude_id: int | None = None,
) -> list[tuple[int, str, str]]:
    """Existing organisations that look like this one, by domain.duplicates' rule.

    Returns (id, name, reason) tuples, same SIRET first; reason is "siret" or
    "name_commune" (the same name in the same commune, whatever the SIRET).
    """
    new = dup.OrganisationIdentity(name, commune, siret)
    key = dup.comparable_name(name)
    conditions = []
    if siret:
        conditions.append(Organisation.siret == siret)
    if key:
        # Candidates by their first word, legal form or not ("SAS Fonderie X").
        first = key.split()[0]
        conditions.append(_same_start(first))
        conditions.extend(_same_start(f"{form} {first}") for form in sorted(dup.LEGAL_FORMS))
    if not conditions:
        return []
    matches: dict[int, tuple[int, str, str]] = {}
    for oid, oname, ocommune, osiret, merged in session.execute(
        select(
            Organisation.id,
            Organisation.name,
            Organisation.commune,
            Organisation.siret,
            Organisation.merged_into_id,
        )
        .where(or_(*conditions))
        .order_by(Organisation.id)
    ):
        reason = dup.organisation_match(new, dup.OrganisationIdentity(oname, ocommune, osiret))
        if reason is None:
            continue
        if merged is not None:
            # A merged duplicate stands for the record it was merged into.
            kept = _kept_record(session, merged)
            oid, oname = kept.id, kept.name
        if oid != exclude_id and (oid not in matches or reason is dup.Match.SIRET):
            matches[oid] = (oid, oname, reason.value)
    return sorted(matches.values(), key=lambda m: (m[2] != dup.Match.SIRET, m[0]))


def _kept_record(session: Session, organisation_id: int) -> Organisation:
    """The organisation a merged one ends in, following merges of merges."""
    organisation = get_or_raise(session, Organisation, organisation_id, "organisation")
    while organisation.merged_into_id is not None:
        organisation = get_or_raise(
            session, Organisation, organisation.merged_into_id, "organisation"
        )
    return organisation


def _check_duplicates(
    session: Session, values: dict[str, object], exclude_id: int | None, allow_duplicate: bool
) -> None:
    matches = find_duplicates(
        session,
        name=str(values["name"]),
        commune=values["commune"] if isinstance(values["commune"], str) else None,
        siret=values["siret"] if isinstance(values["siret"], str) else None,
        exclude_id=exclude_id,
    )
    same_siret = [m for m in matches if m[2] == "siret"]
    if same_siret:
        oid, oname, _ = same_siret[0]
        raise ValidationError.single(
            "siret", "siret_taken", f"SIRET {values['siret']} already belongs to {oname} (#{oid})"
        )
    if matches and not allow_duplicate:
        raise DuplicateError("organisation", matches)


def _set_topics(session: Session, org_id: int, draft: OrganisationDraft) -> None:
    session.execute(delete(OrganisationTopic).where(OrganisationTopic.organisation_id == org_id))
    for relation, ids in (
        (TopicRelation.EXPERTISE.value, draft.expertise_topic_ids),
        (TopicRelation.NEED.value, draft.need_topic_ids),
    ):
        for topic_id in dict.fromkeys(ids):
            session.add(
                OrganisationTopic(organisation_id=org_id, topic_id=topic_id, relation=relation)
            )


def _validated(
    session: Session, draft: OrganisationDraft, organisation_id: int | None
) -> tuple[dict[str, object], list[MembershipPeriod] | None]:
    """The organisation's values and its membership lines, every problem reported at once."""
    problems: list[FieldProblem] = []
    values = collect(problems, validate_draft, session, draft)
    periods = (
        None
        if draft.memberships is None
        else _check_membership_lines(session, organisation_id, draft.memberships, problems)
    )
    raise_if(problems)
    return values, periods


def create_organisation(
    db: Database, draft: OrganisationDraft, *, allow_duplicate: bool = False
) -> OrganisationRow:
    """Validate and save a new organisation, its topics and memberships, in one transaction.

    Raises ValidationError (naming each field), or DuplicateError when it looks
    like an existing one (same name in the same commune) unless allow_duplicate.
    """
    with db.write() as session:
        values, periods = _validated(session, draft, None)
        _check_duplicates(session, values, None, allow_duplicate)
        org = Organisation(**values)
        session.add(org)
        session.flush()
        _set_topics(session, org.id, draft)
        if periods is not None:
            _set_memberships(session, org.id, periods)
        session.flush()
        return _row(org, _topics_of(session, org.id), _memberships_of(session, org.id))


def update_organisation(
    db: Database,
    organisation_id: int,
    draft: OrganisationDraft,
    *,
    allow_duplicate: bool = False,
    base: OrganisationRow | None = None,
) -> OrganisationRow:
    """Validate and save an organisation, its topics and (unless draft.memberships
    is None) its memberships, in one transaction; same errors as create_organisation,
    and StaleRecordError when it is no longer the version of *base*, the row the
    user started from (services.versions)."""
    with db.write() as session:
        org = get_or_raise(session, Organisation, organisation_id, "organisation")
        current = _row(
            org, _topics_of(session, organisation_id), _memberships_of(session, organisation_id)
        )
        check_unchanged("organisation", base, current, org.name)
        values, periods = _validated(session, draft, organisation_id)
        _check_duplicates(session, values, organisation_id, allow_duplicate)
        for key, value in values.items():
            setattr(org, key, value)
        touch(org)
        _set_topics(session, org.id, draft)
        if periods is not None:
            _set_memberships(session, org.id, periods)
        session.flush()
        return _row(org, _topics_of(session, org.id), _memberships_of(session, org.id))


def get_organisation(db: Database, organisation_id: int) -> OrganisationRow:
    with db.read() as session:
        org = get_or_raise(session, Organisation, organisation_id, "organisation")
        return _row(
            org, _topics_of(session, organisation_id), _memberships_of(session, organisation_id)
        )


def list_organisations(
    db: Database,
    *,
    kind: str | None = None,
    programme_id: int | None = None,
    include_archived: bool = False,
    with_links: bool = False,
) -> list[OrganisationRow]:
    """Organisations by name; optionally of one kind or members of one programme.

    Archived organisations are left out unless include_archived. Topics and
    memberships are read (two queries for the whole list) only with_links.
    """
    with db.read() as session:
        # Plain columns, not ORM objects.
        query: Any = select(*_ROW_COLUMNS).order_by(Organisation.sort_name, Organisation.id)
        if not include_archived:
            query = query.where(Organisation.archived_at.is_(None))
        if kind:
            query = query.where(Organisation.kind == kind)
        if programme_id is not None:
            query = query.where(
                Organisation.id.in_(
                    select(Membership.organisation_id).where(
                        Membership.programme_id == programme_id
                    )
                )
            )
        if not with_links:
            return [OrganisationRow(*row) for row in session.execute(query)]
        topics = _topics_by_organisation(session)
        memberships = _memberships_by_organisation(session)
        rows = []
        for row in session.execute(query):
            values: tuple[Any, ...] = (  # the _ROW_COLUMNS, then the links
                *row,
                *_split_topics(topics.get(row[0], ())),
                tuple(memberships.get(row[0], ())),
            )
            rows.append(OrganisationRow(*values))
        return rows


def history_of(session: Session, organisation_id: int) -> dict[str, int]:
    """Rows that refer to the organisation, by kind; empty when it has no history."""
    counts = {
        "contacts": select(func.count()).where(Contact.organisation_id == organisation_id),
        "attendance": select(func.count()).where(Attendance.organisation_id == organisation_id),
        "memberships": select(func.count()).where(Membership.organisation_id == organisation_id),
        "hosted meetings": select(func.count()).where(
            Meeting.host_organisation_id == organisation_id
        ),
        "led taskforces": select(func.count()).where(
            Taskforce.lead_organisation_id == organisation_id
        ),
        "taskforce memberships": select(func.count()).where(
            TaskforceMember.organisation_id == organisation_id
        ),
        "raised taskforces": select(func.count()).where(
            TaskforceOrigin.organisation_id == organisation_id
        ),
        "roadmap actions": select(func.count()).where(
            RoadmapAction.owner_organisation_id == organisation_id
        ),
        "funding": select(func.count()).where(ProgrammeFunder.organisation_id == organisation_id),
    }
    result = {name: int(session.scalar(query) or 0) for name, query in counts.items()}
    return {name: n for name, n in result.items() if n}


def delete_organisation(db: Database, organisation_id: int) -> None:
    """Delete an organisation that has no history (its topics go with it)."""
    with db.write() as session:
        org = get_or_raise(session, Organisation, organisation_id, "organisation")
        refuse_if_history(
            "organisation", organisation_id, org.name, history_of(session, organisation_id)
        )
        session.execute(
            delete(OrganisationTopic).where(OrganisationTopic.organisation_id == organisation_id)
        )
        session.delete(org)


# --- memberships of programmes ---------------------------------------------


def _period_text(since: dt.date | None, until: dt.date | None) -> str:
    if since and until:
        return f"from {since.isoformat()} to {until.isoformat()}"
    if since:
        return f"since {since.isoformat()}"
    if until:
        return f"until {until.isoformat()}"
    return "with no dates"


def periods_overlap(
    a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date | None, dt.date | None]
) -> bool:
    """Whether two (since, until) periods share a day; a missing date is open-ended."""
    (a_since, a_until), (b_since, b_until) = a, b
    return (a_until is None or b_since is None or a_until >= b_since) and (
        b_until is None or a_since is None or b_until >= a_since
    )


def check_membership(
    draft: MembershipDraft, others: Iterable[MembershipPeriod | MembershipRow]
) -> MembershipPeriod:
    """Validate one membership line against the organisation's *other* memberships.

    Needs no database, so a form checks a line before it joins its list; the
    save checks every line again in its transaction. An organisation may leave
    a programme and join it again later, but two periods of the same programme
    may not share a day (the database refuses the same start twice).

    Raises ValidationError on ``programme_id`` (``required``,
    ``membership_overlap``), ``since`` (``date_format``) and ``until``
    (``date_format``, ``end_before_start``).
    """
    problems: list[FieldProblem] = []
    if draft.programme_id is None:
        problems.append(FieldProblem("programme_id", "required", "A programme is required"))
    since = collect(problems, v.parse_date, draft.since, field="since")
    until = collect(problems, v.parse_date, draft.until, field="until")
    raise_if(problems)
    assert draft.programme_id is not None
    v.check_date_order(since, until, start_field="since", end_field="until")
    for other in others:
        if other.programme_id == draft.programme_id and periods_overlap(
            (since, until), (other.since, other.until)
        ):
            raise ValidationError.single(
                "programme_id",
                "membership_overlap",
                "the organisation is already a member of this programme "
                + _period_text(other.since, other.until),
            )
    return MembershipPeriod(draft.programme_id, since, until, draft.id)


def _check_membership_lines(
    session: Session,
    organisation_id: int | None,
    drafts: Iterable[MembershipDraft],
    problems: list[FieldProblem],
) -> list[MembershipPeriod]:
    """Every line of a form's membership list, checked; problems on field "memberships"."""
    stored = (
        set()
        if organisation_id is None
        else set(
            session.scalars(
                select(Membership.id).where(Membership.organisation_id == organisation_id)
            )
        )
    )
    periods: list[MembershipPeriod] = []
    for draft in drafts:
        programme = (
            session.get(Programme, draft.programme_id) if draft.programme_id is not None else None
        )
        what = f'membership of "{programme.name}"' if programme else "membership"
        if draft.id is not None and draft.id not in stored:
            problems.append(
                FieldProblem(
                    "memberships",
                    "unknown_reference",
                    f"{what}: membership {draft.id} is not one of this organisation's",
                )
            )
            continue
        if draft.programme_id is not None and programme is None:
            problems.append(
                FieldProblem(
                    "memberships",
                    "unknown_reference",
                    f"{what}: programme {draft.programme_id} does not exist",
                )
            )
            continue
        try:
            periods.append(check_membership(draft, periods))
        except ValidationError as error:
            problems.extend(
                FieldProblem("memberships", p.code, f"{what}: {p.message}") for p in error.problems
            )
    return periods


def _set_memberships(session: Session, org_id: int, periods: list[MembershipPeriod]) -> None:
    """Make the organisation's memberships exactly *periods*.

    Changed rows are deleted and written again with their id and creation
    time, after the removed ones: rows updated in place one by one could
    collide on (organisation, programme, since) halfway through.
    """
    stored = {
        m.id: m
        for m in session.scalars(select(Membership).where(Membership.organisation_id == org_id))
    }
    wanted = {p.id: p for p in periods if p.id is not None}
    rewritten: list[tuple[MembershipPeriod, dt.datetime | None]] = []
    for membership_id, membership in stored.items():
        period = wanted.get(membership_id)
        unchanged = period is not None and (
            membership.programme_id,
            membership.since,
            membership.until,
        ) == (period.programme_id, period.since, period.until)
        if unchanged:
            continue
        if period is not None:
            rewritten.append((period, membership.created_at))
        session.delete(membership)
    session.flush()
    for period, created_at in rewritten:
        session.add(
            Membership(
                id=period.id,
                organisation_id=org_id,
                programme_id=period.programme_id,
                since=period.since,
                until=period.until,
                created_at=created_at,
            )
        )
    for period in periods:
        if period.id is None:
            session.add(
                Membership(
                    organisation_id=org_id,
                    programme_id=period.programme_id,
                    since=period.since,
                    until=period.until,
                )
            )
    session.flush()


def _membership_row(session: Session, membership: Membership) -> MembershipRow:
    programme = get_or_raise(session, Programme, membership.programme_id, "programme")
    return MembershipRow(
        membership.id,
        membership.organisation_id,
        membership.programme_id,
        programme.name,
        membership.since,
        membership.until,
    )


def _memberships_by_organisation(session: Session, *where: Any) -> dict[int, list[MembershipRow]]:
    """Organisation id -> its memberships, earliest first (undated ones before)."""
    memberships: dict[int, list[MembershipRow]] = {}
    for values in session.execute(
        select(
            Membership.id,
            Membership.organisation_id,
            Membership.programme_id,
            Programme.name,
            Membership.since,
            Membership.until,
        )
        .join(Programme, Programme.id == Membership.programme_id)
        .where(*where)
        .order_by(Membership.since, Programme.name, Membership.id)
    ):
        memberships.setdefault(values[1], []).append(MembershipRow(*values))
    return memberships


def _memberships_of(session: Session, organisation_id: int) -> list[MembershipRow]:
    return _memberships_by_organisation(session, Membership.organisation_id == organisation_id).get(
        organisation_id, []
    )


def _stored_periods(
    session: Session, organisation_id: int, *, besides: int | None = None
) -> list[MembershipRow]:
    return [m for m in _memberships_of(session, organisation_id) if m.id != besides]


def add_membership(
    db: Database,
    organisation_id: int,
    programme_id: int,
    since: object = None,
    until: object = None,
) -> MembershipRow:
    """Make an organisation a member of a programme from *since* to *until* (both optional).

    Raises ValidationError as check_membership does (a period of the same
    programme that shares a day with this one: ``membership_overlap``).
    """
    with db.write() as session:
        get_or_raise(session, Organisation, organisation_id, "organisation")
        get_or_raise(session, Programme, programme_id, "programme")
        period = check_membership(
            MembershipDraft(programme_id, since, until),
            _stored_periods(session, organisation_id),
        )
        membership = Membership(
            organisation_id=organisation_id,
            programme_id=programme_id,
            since=period.since,
            until=period.until,
        )
        session.add(membership)
        session.flush()
        return _membership_row(session, membership)


def update_membership(
    db: Database, membership_id: int, *, since: object = None, until: object = None
) -> MembershipRow:
    """Change the dates of a membership (same errors as add_membership)."""
    with db.write() as session:
        membership = get_or_raise(session, Membership, membership_id, "membership")
        period = check_membership(
            MembershipDraft(membership.programme_id, since, until, membership_id),
            _stored_periods(session, membership.organisation_id, besides=membership_id),
        )
        membership.since = period.since
        membership.until = period.until
        session.flush()
        return _membership_row(session, membership)


def remove_membership(db: Database, membership_id: int) -> None:
    """Delete a membership recorded by mistake.

    An organisation that left a programme keeps its membership with an end
    date ("until"): past member counts stay true.
    """
    with db.write() as session:
        session.delete(get_or_raise(session, Membership, membership_id, "membership"))


def memberships_of(db: Database, organisation_id: int) -> list[MembershipRow]:
    """The organisation's memberships, earliest first (undated ones before)."""
    with db.read() as session:
        return _memberships_of(session, organisation_id)
