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
    Contact,
    Organisation,
    RoadmapAction,
    Taskforce,
    TaskforceMember,
)
from resilian_desktop.domain import duplicates as dup
from resilian_desktop.domain import rules
from resilian_desktop.domain import validation as v
from resilian_desktop.domain.errors import FieldProblem, ValidationError
from resilian_desktop.domain.text import contact_sort_name
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
class ContactDraft:
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
class ContactRow:
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
    merged_into_id: int | None  # the record kept when this one was merged into it

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


# ContactRow's fields, in order, as columns.
_ROW_COLUMNS = (
    Contact.id,
    Contact.civility,
    Contact.first_name,
    Contact.last_name,
    Contact.job_title,
    Contact.organisation_id,
    Organisation.name,
    Contact.email,
    Contact.phone,
    Contact.mobile,
    Contact.is_elected_official,
    Contact.mandate,
    Contact.consent_basis,
    Contact.consent_date,
    Contact.notes,
    Contact.active,
    Contact.archived_at,
    Contact.erased_at,
    Contact.created_at,
    Contact.updated_at,
    Contact.created_by,
    Contact.updated_by,
    Contact.version,
    Contact.merged_into_id,
)


def _row(contact: Contact, organisation_name: str | None) -> ContactRow:
    # The fields are _ROW_COLUMNS's, read off the loaded record.
    values = {c.key: getattr(contact, c.key) for c in _ROW_COLUMNS if c.class_ is Contact}
    return ContactRow(**values, organisation_name=organisation_name)


def validate_draft(session: Session, draft: ContactDraft) -> dict[str, object]:
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
        conditions.append(Contact.email_key == email.lower())
    same_org = (
        Contact.organisation_id == organisation_id
        if organisation_id is not None
        else Contact.organisation_id.is_(None)
    )
    # The stored sort key is the folded "last first": an indexed comparison
    # instead of folding every contact's names in Python.
    conditions.append(same_org & (Contact.sort_name == contact_sort_name(last_name, first_name)))
    matches = []
    for pid, first, last, pemail, porg in session.execute(
        select(
            Contact.id,
            Contact.first_name,
            Contact.last_name,
            Contact.email,
            Contact.organisation_id,
        )
        # A merged duplicate is not matched: the contact kept has its links.
        .where(or_(*conditions), Contact.erased_at.is_(None), Contact.merged_into_id.is_(None))
        .order_by(Contact.id)
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
        raise DuplicateError("contact", matches)


def _organisation_name(session: Session, organisation_id: int | None) -> str | None:
    if organisation_id is None:
        return None
    return session.scalar(select(Organisation.name).where(Organisation.id == organisation_id))


def create_contact(
    db: Database, draft: ContactDraft, *, allow_duplicate: bool = False
) -> ContactRow:
    """Validate and save a new contact; DuplicateError when it looks like an existing one."""
    with db.write() as session:
        values = validate_draft(session, draft)
        check_duplicates(session, values, None, allow_duplicate)
        contact = Contact(**values)
        session.add(contact)
        session.flush()
        return _row(contact, _organisation_name(session, contact.organisation_id))


def update_contact(
    db: Database,
    person_id: int,
    draft: ContactDraft,
    *,
    allow_duplicate: bool = False,
    base: ContactRow | None = None,
) -> ContactRow:
    """Save *draft* over the contact; StaleRecordError when it is no longer the
    version of *base*, the row the user started from (services.versions)."""
    with db.write() as session:
        contact = get_or_raise(session, Contact, person_id, "contact")
        current = _row(contact, _organisation_name(session, contact.organisation_id))
        if contact.erased_at is not None:
            # Erasure is final, also for a window opened before it (another
            # officer erased the contact meanwhile): nothing typed brings it back.
            raise ValidationError.single(
                "erased_at",
                "erased",
                f"contact {person_id}'s data was erased on request: it cannot be entered again",
            )
        check_unchanged("contact", base, current, current.full_name)
        values = validate_draft(session, draft)
        if draft.consent_date is None:
            values["consent_date"] = contact.consent_date or values["consent_date"]
        check_duplicates(session, values, person_id, allow_duplicate)
        for key, value in values.items():
            setattr(contact, key, value)
        touch(contact)
        session.flush()
        return _row(contact, _organisation_name(session, contact.organisation_id))


def get_contact(db: Database, person_id: int) -> ContactRow:
    with db.read() as session:
        contact = get_or_raise(session, Contact, person_id, "contact")
        return _row(contact, _organisation_name(session, contact.organisation_id))


def list_contacts(
    db: Database,
    *,
    organisation_id: int | None = None,
    taskforce_id: int | None = None,
    include_archived: bool = False,
) -> list[ContactRow]:
    """Contacts by last name; optionally of one organisation or the members of a taskforce.

    Archived contacts are left out unless include_archived.
    """
    with db.read() as session:
        # Plain columns, not ORM objects: a list of 150,000 contacts in seconds.
        query: Any = (
            select(*_ROW_COLUMNS)
            .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
            .order_by(Contact.sort_name, Contact.id)
        )
        if not include_archived:
            query = query.where(Contact.archived_at.is_(None))
        if organisation_id is not None:
            query = query.where(Contact.organisation_id == organisation_id)
        if taskforce_id is not None:
            query = query.where(
                Contact.id.in_(
                    select(TaskforceMember.person_id).where(
                        TaskforceMember.taskforce_id == taskforce_id
                    )
                )
            )
        return [ContactRow(*row) for row in session.execute(query)]


def history_of(session: Session, person_id: int) -> dict[str, int]:
    counts = {
        "attendance": select(func.count()).where(Attendance.person_id == person_id),
        "taskforce memberships": select(func.count()).where(TaskforceMember.person_id == person_id),
        "led taskforces": select(func.count()).where(Taskforce.lead_person_id == person_id),
        "roadmap actions": select(func.count()).where(RoadmapAction.owner_person_id == person_id),
    }
    result = {name: int(session.scalar(query) or 0) for name, query in counts.items()}
    return {name: n for name, n in result.items() if n}


def delete_contact(db: Database, person_id: int) -> None:
    """Delete a contact without history (never invited, in no taskforce, owns no action)."""
    with db.write() as session:
        contact = get_or_raise(session, Contact, person_id, "contact")
        refuse_if_history("contact", person_id, contact.full_name, history_of(session, person_id))
        session.delete(contact)
