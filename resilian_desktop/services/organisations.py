"""Organisations: companies (one SIRET per site) and partners."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Attendance,
    Meeting,
    Membership,
    Organisation,
    OrganisationTopic,
    Person,
    Programme,
    ProgrammeFunder,
    RoadmapAction,
    Taskforce,
    TaskforceMember,
    TaskforceOrigin,
    Topic,
)
from resilian_desktop.domain import validation as v
from resilian_desktop.domain.errors import FieldProblem, ValidationError
from resilian_desktop.domain.text import fold
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

# Legal forms ignored when comparing names: "Fonderie X SAS" is "Fonderie X".
_LEGAL_FORMS = {"sa", "sas", "sasu", "sarl", "eurl", "sca", "snc", "gmbh", "ets", "etablissements"}


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
    expertise_topics: tuple[str, ...] = field(default=())
    need_topics: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class MembershipRow:
    id: int
    organisation_id: int
    programme_id: int
    programme_name: str
    since: dt.date | None
    until: dt.date | None


def comparable_name(name: str) -> str:
    """The name as compared for duplicates: folded, without legal form."""
    return " ".join(w for w in fold(name).split() if w not in _LEGAL_FORMS)


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
)


def _row(org: Organisation, topics: list[tuple[str, str]] | None = None) -> OrganisationRow:
    topics = topics or []
    return OrganisationRow(
        id=org.id,
        kind=org.kind,
        name=org.name,
        siren=org.siren,
        siret=org.siret,
        naf_code=org.naf_code,
        sector=org.sector,
        address=org.address,
        postcode=org.postcode,
        commune=org.commune,
        country=org.country,
        headcount=org.headcount,
        website=org.website,
        notes=org.notes,
        archived_at=org.archived_at,
        created_at=org.created_at,
        updated_at=org.updated_at,
        expertise_topics=tuple(n for n, r in topics if r == TopicRelation.EXPERTISE.value),
        need_topics=tuple(n for n, r in topics if r == TopicRelation.NEED.value),
    )


def _topics_of(session: Session, organisation_id: int) -> list[tuple[str, str]]:
    return [
        (name, relation)
        for name, relation in session.execute(
            select(Topic.name, OrganisationTopic.relation)
            .join(Topic, Topic.id == OrganisationTopic.topic_id)
            .where(OrganisationTopic.organisation_id == organisation_id)
            .order_by(Topic.position, Topic.name)
        )
    ]


def validate_draft(session: Session, draft: OrganisationDraft) -> dict[str, object]:
    problems: list[FieldProblem] = []
    values: dict[str, object] = {
        "name": collect(problems, v.require_text, draft.name, field="name"),
        "kind": enum_value(draft.kind, OrganisationKind, "kind", problems),
        "siret": collect(problems, v.normalise_siret, draft.siret),
        "siren": collect(problems, v.normalise_siren, draft.siren),
        "naf_code": collect(problems, v.normalise_naf, draft.naf_code),
        "sector": collect(problems, v.optional_text, draft.sector, field="sector"),
        "address": collect(
            problems, v.optional_text, draft.address, field="address", max_length=300
        ),
        "commune": collect(
            problems, v.optional_text, draft.commune, field="commune", max_length=100
        ),
        "country": (draft.country or "FR").strip().upper()[:2],
        "headcount": collect(problems, v.normalise_headcount, draft.headcount),
        "website": collect(problems, v.normalise_website, draft.website),
        "notes": collect(problems, v.optional_text, draft.notes, field="notes", multiline=True),
    }
    values["postcode"] = collect(
        problems, v.normalise_postcode, draft.postcode, country=str(values["country"])
    )
    siret = values["siret"]
    if isinstance(siret, str):
        derived = v.siren_of_siret(siret)
        if values["siren"] not in (None, derived):
            problems.append(
                FieldProblem(
                    "siren",
                    "siren_mismatch",
                    f"SIREN {values['siren']} is not the start of SIRET {siret}",
                )
            )
        values["siren"] = derived
    for topic_id in (*draft.expertise_topic_ids, *draft.need_topic_ids):
        check_reference(session, Topic, topic_id, "topics", "topic", problems)
    raise_if(problems)
    return values


def find_duplicates(
    session: Session,
    *,
    name: str,
    commune: str | None,
    siret: str | None,
    exclude_id: int | None = None,
) -> list[tuple[int, str, str]]:
    """Existing organisations with the same SIRET, or the same name in the same commune.

    Returns (id, name, reason) tuples; reason is "siret" or "name_commune".
    """
    matches: list[tuple[int, str, str]] = []
    if siret:
        for oid, oname in session.execute(
            select(Organisation.id, Organisation.name).where(Organisation.siret == siret)
        ):
            if oid != exclude_id:
                matches.append((oid, oname, "siret"))
    key = comparable_name(name)
    if key:
        candidates = select(Organisation.id, Organisation.name, Organisation.commune)
        if commune:
            candidates = candidates.where(func.fold(Organisation.commune) == fold(commune))
        else:
            candidates = candidates.where(Organisation.commune.is_(None))
        for oid, oname, _ in session.execute(candidates):
            if (
                oid != exclude_id
                and comparable_name(oname) == key
                and all(m[0] != oid for m in matches)
            ):
                matches.append((oid, oname, "name_commune"))
    return matches


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


def create_organisation(
    db: Database, draft: OrganisationDraft, *, allow_duplicate: bool = False
) -> OrganisationRow:
    """Validate and save a new organisation in one transaction.

    Raises ValidationError (naming each field), or DuplicateError when it looks
    like an existing one (same name in the same commune) unless allow_duplicate.
    """
    with db.write() as session:
        values = validate_draft(session, draft)
        _check_duplicates(session, values, None, allow_duplicate)
        org = Organisation(**values)
        session.add(org)
        session.flush()
        _set_topics(session, org.id, draft)
        session.flush()
        return _row(org, _topics_of(session, org.id))


def update_organisation(
    db: Database, organisation_id: int, draft: OrganisationDraft, *, allow_duplicate: bool = False
) -> OrganisationRow:
    with db.write() as session:
        org = get_or_raise(session, Organisation, organisation_id, "organisation")
        values = validate_draft(session, draft)
        _check_duplicates(session, values, organisation_id, allow_duplicate)
        for key, value in values.items():
            setattr(org, key, value)
        _set_topics(session, org.id, draft)
        session.flush()
        return _row(org, _topics_of(session, org.id))


def get_organisation(db: Database, organisation_id: int) -> OrganisationRow:
    with db.read() as session:
        org = get_or_raise(session, Organisation, organisation_id, "organisation")
        return _row(org, _topics_of(session, organisation_id))


def list_organisations(
    db: Database,
    *,
    kind: str | None = None,
    programme_id: int | None = None,
    include_archived: bool = False,
) -> list[OrganisationRow]:
    """Organisations by name; optionally of one kind or members of one programme.

    Archived organisations are left out unless include_archived.
    """
    with db.read() as session:
        # Plain columns, not ORM objects (topics are on the single-record read).
        query: Any = select(*_ROW_COLUMNS).order_by(Organisation.name, Organisation.id)
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
        return [OrganisationRow(*row) for row in session.execute(query)]


def history_of(session: Session, organisation_id: int) -> dict[str, int]:
    """Rows that refer to the organisation, by kind; empty when it has no history."""
    counts = {
        "people": select(func.count()).where(Person.organisation_id == organisation_id),
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


def add_membership(
    db: Database,
    organisation_id: int,
    programme_id: int,
    since: object = None,
    until: object = None,
) -> MembershipRow:
    with db.write() as session:
        get_or_raise(session, Organisation, organisation_id, "organisation")
        programme = get_or_raise(session, Programme, programme_id, "programme")
        problems: list[FieldProblem] = []
        start = collect(problems, v.parse_date, since, field="since")
        end = collect(problems, v.parse_date, until, field="until")
        raise_if(problems)
        v.check_date_order(start, end, start_field="since", end_field="until")
        membership = Membership(
            organisation_id=organisation_id, programme_id=programme_id, since=start, until=end
        )
        session.add(membership)
        session.flush()
        return MembershipRow(
            membership.id, organisation_id, programme_id, programme.name, start, end
        )


def memberships_of(db: Database, organisation_id: int) -> list[MembershipRow]:
    with db.read() as session:
        return [
            MembershipRow(m.id, m.organisation_id, m.programme_id, name, m.since, m.until)
            for m, name in session.execute(
                select(Membership, Programme.name)
                .join(Programme, Programme.id == Membership.programme_id)
                .where(Membership.organisation_id == organisation_id)
                .order_by(Membership.since)
            )
        ]
