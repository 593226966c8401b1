"""People: the contacts of the network, elected officials included."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Attendance,
    Organisation,
    Person,
    RoadmapAction,
    Taskforce,
    TaskforceMember,
)
from resilian_desktop.domain import duplicates as dup
from resilian_desktop.domain import rules
from resilian_desktop.domain import validation as v
from resilian_desktop.domain.errors import FieldProblem, ValidationError
from resilian_desktop.domain.text import person_sort_name
from resilian_desktop.domain.vocab import Civility, ConsentBasis
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
class PersonDraft:
    first_name: str
    last_name: str
    civility: str | None = None
    job_title: str | None = None
    organisation_id: int | None = None
    email: object = None
    phone: object = None
    mobile: object = None
    is_elected_official: bool = False
    mandate: str | None = None
    consent_basis: str = ConsentBasis.LEGITIMATE_INTEREST.value
    consent_date: object = None
    notes: str | None = None
    active: bool = True


@dataclass(frozen=True)
class PersonRow:
    id: int
    civility: str | None
    first_name: str
    last_name: str
    job_title: str | None
    organisation_id: int | None
    organisation_name: str | None
    email: str | None
    phone: str | None
    mobile: str | None
    is_elected_official: bool
    mandate: str | None
    consent_basis: str
    consent_date: dt.date | None
    notes: str | None
    active: bool
    archived_at: dt.datetime | None
    erased_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    created_by: str | None
    updated_by: str | None
    version: int

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


# PersonRow's fields, in order, as columns.
_ROW_COLUMNS = (
    Person.id,
    Person.civility,
    Person.first_name,
    Person.last_name,
    Person.job_title,
    Person.organisation_id,
    Organisation.name,
    Person.email,
    Person.phone,
    Person.mobile,
    Person.is_elected_official,
    Person.mandate,
    Person.consent_basis,
    Person.consent_date,
    Person.notes,
    Person.active,
    Person.archived_at,
    Person.erased_at,
    Person.created_at,
    Person.updated_at,
    Person.created_by,
    Person.updated_by,
    Person.version,
)


def _row(person: Person, organisation_name: str | None) -> PersonRow:
    return PersonRow(
        id=person.id,
        civility=person.civility,
        first_name=person.first_name,
        last_name=person.last_name,
        job_title=person.job_title,
        organisation_id=person.organisation_id,
        organisation_name=organisation_name,
        email=person.email,
        phone=person.phone,
        mobile=person.mobile,
        is_elected_official=person.is_elected_official,
        mandate=person.mandate,
        consent_basis=person.consent_basis,
        consent_date=person.consent_date,
        notes=person.notes,
        active=person.active,
        archived_at=person.archived_at,
        erased_at=person.erased_at,
        created_at=person.created_at,
        updated_at=person.updated_at,
        created_by=person.created_by,
        updated_by=person.updated_by,
        version=person.version,
    )


def validate_draft(session: Session, draft: PersonDraft) -> dict[str, object]:
    """The values to store for *draft*, by the rules of domain.rules (as an import)."""
    problems: list[FieldProblem] = []
    civility = (draft.civility or "").strip() or None
    if civility is not None:
        civility = enum_value(civility, Civility, "civility", problems) or None
    values: dict[str, object] = {
        key: collect(problems, rules.check_field, rules.CONTACT_FIELDS, key, getattr(draft, key))
        for key in rules.CONTACT_FIELDS
    }
    values.update(
        {
            "civility": civility,
            "organisation_id": draft.organisation_id,
            "is_elected_official": bool(draft.is_elected_official),
            "consent_basis": enum_value(
                draft.consent_basis, ConsentBasis, "consent_basis", problems
            ),
            "consent_date": collect(
                problems, v.parse_date, draft.consent_date, field="consent_date"
            ),
            "active": bool(draft.active),
        }
    )
    rules.add_cross_problems(problems, rules.contact_problems(values))
    check_reference(
        session, Organisation, draft.organisation_id, "organisation_id", "organisation", problems
    )
    raise_if(problems)
    if values["consent_date"] is None:
        # The legal basis is dated the day the contact is recorded.
        values["consent_date"] = dt.date.today()
    return values


def find_duplicates(
    session: Session,
    *,
    first_name: str,
    last_name: str,
    email: str | None,
    organisation_id: int | None,
    exclude_id: int | None = None,
) -> list[tuple[int, str, str]]:
    """Contacts that look like this one, by domain.duplicates' rule.

    Returns (id, name, reason) tuples; reason is "email" or "name" (the same
    name in the same organisation). Erased contacts are never matched.
    """
    new = dup.ContactIdentity(first_name, last_name, email, organisation_id)
    conditions = []
    if email:
        conditions.append(Person.email_key == email.lower())
    same_org = (
        Person.organisation_id == organisation_id
        if organisation_id is not None
        else Person.organisation_id.is_(None)
    )
    # The stored sort key is the folded "last first": an indexed comparison
    # instead of folding every contact's names in Python.
    conditions.append(same_org & (Person.sort_name == person_sort_name(last_name, first_name)))
    matches = []
    for pid, first, last, pemail, porg in session.execute(
        select(Person.id, Person.first_name, Person.last_name, Person.email, Person.organisation_id)
        # A merged duplicate is not matched: the contact kept has its links.
        .where(or_(*conditions), Person.erased_at.is_(None), Person.merged_into_id.is_(None))
        .order_by(Person.id)
    ):
        reason = dup.contact_match(new, dup.ContactIdentity(first, last, pemail, porg))
        if pid != exclude_id and reason is not None:
            matches.append((pid, f"{first} {last}", reason.value))
    return matches


def check_duplicates(
    session: Session, values: dict[str, object], exclude_id: int | None, allow: bool
) -> None:
    if allow:
        return
    matches = find_duplicates(
        session,
        first_name=str(values["first_name"]),
        last_name=str(values["last_name"]),
        email=values["email"] if isinstance(values["email"], str) else None,
        organisation_id=values["organisation_id"]
        if isinstance(values["organisation_id"], int)
        else None,
        exclude_id=exclude_id,
    )
    if matches:
        raise DuplicateError("person", matches)


def _organisation_name(session: Session, organisation_id: int | None) -> str | None:
    if organisation_id is None:
        return None
    return session.scalar(select(Organisation.name).where(Organisation.id == organisation_id))


def create_person(db: Database, draft: PersonDraft, *, allow_duplicate: bool = False) -> PersonRow:
    """Validate and save a new contact; DuplicateError when it looks like an existing one."""
    with db.write() as session:
        values = validate_draft(session, draft)
        check_duplicates(session, values, None, allow_duplicate)
        person = Person(**values)
        session.add(person)
        session.flush()
        return _row(person, _organisation_name(session, person.organisation_id))


def update_person(
    db: Database,
    person_id: int,
    draft: PersonDraft,
    *,
    allow_duplicate: bool = False,
    base: PersonRow | None = None,
) -> PersonRow:
    """Save *draft* over the contact; StaleRecordError when it is no longer the
    version of *base*, the row the user started from (services.versions)."""
    with db.write() as session:
        person = get_or_raise(session, Person, person_id, "person")
        current = _row(person, _organisation_name(session, person.organisation_id))
        if person.erased_at is not None:
            # Erasure is final, also for a window opened before it (another
            # officer erased the contact meanwhile): nothing typed brings it back.
            raise ValidationError.single(
                "erased_at",
                "erased",
                f"contact {person_id}'s data was erased on request: it cannot be entered again",
            )
        check_unchanged("person", base, current, current.full_name)
        values = validate_draft(session, draft)
        if draft.consent_date is None:
            values["consent_date"] = person.consent_date or values["consent_date"]
        check_duplicates(session, values, person_id, allow_duplicate)
        for key, value in values.items():
            setattr(person, key, value)
        touch(person)
        session.flush()
        return _row(person, _organisation_name(session, person.organisation_id))


def get_person(db: Database, person_id: int) -> PersonRow:
    with db.read() as session:
        person = get_or_raise(session, Person, person_id, "person")
        return _row(person, _organisation_name(session, person.organisation_id))


def list_people(
    db: Database,
    *,
    organisation_id: int | None = None,
    taskforce_id: int | None = None,
    include_archived: bool = False,
) -> list[PersonRow]:
    """Contacts by last name; optionally of one organisation or the members of a taskforce.

    Archived contacts are left out unless include_archived.
    """
    with db.read() as session:
        # Plain columns, not ORM objects: a list of 150,000 contacts in seconds.
        query: Any = (
            select(*_ROW_COLUMNS)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id)
            .order_by(Person.sort_name, Person.id)
        )
        if not include_archived:
            query = query.where(Person.archived_at.is_(None))
        if organisation_id is not None:
            query = query.where(Person.organisation_id == organisation_id)
        if taskforce_id is not None:
            query = query.where(
                Person.id.in_(
                    select(TaskforceMember.person_id).where(
                        TaskforceMember.taskforce_id == taskforce_id
                    )
                )
            )
        return [PersonRow(*row) for row in session.execute(query)]


def history_of(session: Session, person_id: int) -> dict[str, int]:
    counts = {
        "attendance": select(func.count()).where(Attendance.person_id == person_id),
        "taskforce memberships": select(func.count()).where(TaskforceMember.person_id == person_id),
        "led taskforces": select(func.count()).where(Taskforce.lead_person_id == person_id),
        "roadmap actions": select(func.count()).where(RoadmapAction.owner_person_id == person_id),
    }
    result = {name: int(session.scalar(query) or 0) for name, query in counts.items()}
    return {name: n for name, n in result.items() if n}


def delete_person(db: Database, person_id: int) -> None:
    """Delete a contact without history (never invited, in no taskforce, owns no action)."""
    with db.write() as session:
        person = get_or_raise(session, Person, person_id, "person")
        refuse_if_history("person", person_id, person.full_name, history_of(session, person_id))
        session.delete(person)
