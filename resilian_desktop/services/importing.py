"""Applying an import: validated rows written in ONE transaction, all or nothing.

:func:`apply_import` takes an :class:`imports.validate.ImportPreview` and
writes its rows through the same validation as the forms (the services'
own validators). A row that matches an existing record updates it instead
of adding a duplicate:

- organisations: same SIRET, else same name (legal form ignored) in the same
  commune (domain.duplicates, the rule of the record windows' warning); a
  same-name organisation with another SIRET is a probable duplicate,
  reported for the officer to resolve (apply_import's same_as, new_rows);
- contacts: same e-mail (case ignored), else same first and last name
  (accents, case ignored) in the same organisation; an e-mail address known
  under another name is a probable duplicate; erased contacts are never
  matched;
- roadmap actions: same title (accents, case ignored) in the taskforce.

Empty cells never erase what is known. Contacts files overwrite what they
give; registration forms, typed by the participants themselves, only fill in
what a contact lacks. Only values that differ are written, so importing the
same file twice changes nothing the second time (not even a modification
date).

By default any problem rejects the whole file (ImportRejected lists every
problem with its row and column; nothing is written). With ``skip_invalid``
the valid rows are written and the others reported. ``dry_run`` goes through
everything and rolls back: the preview of what would happen.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Attendance,
    Contact,
    Meeting,
    Organisation,
    Programme,
    RoadmapAction,
    Taskforce,
    TaskforceMember,
)
from resilian_desktop.domain import duplicates as dup
from resilian_desktop.domain.errors import FieldProblem, ValidationError
from resilian_desktop.domain.halfdays import half_days
from resilian_desktop.domain.text import fold
from resilian_desktop.domain.vocab import ActionStatus, AttendanceStatus, OrganisationKind
from resilian_desktop.imports.fields import IGNORED, ImportKind
from resilian_desktop.imports.validate import (
    ActionRecord,
    ContactRecord,
    ImportPreview,
    ImportRow,
    OrganisationRecord,
    RowProblem,
)
from resilian_desktop.services import contacts, meetings, organisations, taskforces
from resilian_desktop.services.common import get_or_raise

# The services' validators are the single statement of the rules of each
# record; the import calls them inside its own transaction.
_validate_organisation = organisations.validate_draft
_validate_contact = contacts.validate_draft
_validate_action = taskforces.validate_action

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
SKIPPED = "skipped"
# Rows between two calls of apply_import's progress callback.
PROGRESS_STEP = 100

# Owners written as the agency itself ("Agence", "l'agence") on a roadmap.
_AGENCY_WORDS = {"agence", "l agence", "agence de developpement", "the agency", "agency"}
_ACRONYM = re.compile(r"\(([^()]{2,15})\)\s*$")
_STATUS_RANK = {
    AttendanceStatus.INVITED.value: 0,
    AttendanceStatus.REGISTERED.value: 1,
}


@dataclass(frozen=True)
class RowOutcome:
    """What an import did (or would do) with one row of the file."""

    row: int
    action: str  # CREATED, UPDATED, UNCHANGED or SKIPPED
    record_id: int | None
    label: str
    changed: tuple[str, ...] = ()  # fields written on an existing record
    problems: tuple[RowProblem, ...] = ()
    attendance: str | None = None  # registrations: CREATED, UPDATED or UNCHANGED


@dataclass(frozen=True)
class ImportResult:
    """The outcome of an import, row by row."""

    kind: ImportKind
    applied: bool  # False for a dry run
    outcomes: tuple[RowOutcome, ...]
    organisations_created: tuple[str, ...] = field(default=())  # by contacts, registrations

    def _count(self, action: str) -> int:
        return sum(1 for o in self.outcomes if o.action == action)

    @property
    def created(self) -> int:
        return self._count(CREATED)

    @property
    def updated(self) -> int:
        return self._count(UPDATED)

    @property
    def unchanged(self) -> int:
        return self._count(UNCHANGED)

    @property
    def skipped(self) -> int:
        return self._count(SKIPPED)

    @property
    def attendance_added(self) -> int:
        return sum(1 for o in self.outcomes if o.attendance == CREATED)

    @property
    def attendance_updated(self) -> int:
        return sum(1 for o in self.outcomes if o.attendance == UPDATED)

    @property
    def problems(self) -> tuple[RowProblem, ...]:
        return tuple(p for o in self.outcomes for p in o.problems)

    @property
    def changed_anything(self) -> bool:
        return bool(
            self.created
            or self.updated
            or self.attendance_added
            or self.attendance_updated
            or self.organisations_created
        )

    def summary(self) -> str:
        """One line in English for the command line and the logs."""
        parts = [
            f"{self.created} created",
            f"{self.updated} updated",
            f"{self.unchanged} unchanged",
            f"{self.skipped} skipped",
        ]
        if self.kind is ImportKind.REGISTRATIONS:
            parts.append(
                f"{self.attendance_added} added to the meeting, "
                f"{self.attendance_updated} registration(s) updated"
            )
        if self.organisations_created:
            parts.append(f"{len(self.organisations_created)} organisation(s) created")
        return ", ".join(parts)


def probable_duplicates(outcomes: Sequence[RowOutcome]) -> dict[int, int]:
    """Row -> the record it probably is, for the rows reported as probable duplicates.

    Given as *same_as* to apply_import, it imports those rows onto the records.
    """
    return {
        p.row: p.record_id
        for outcome in outcomes
        for p in outcome.problems
        if p.code == "probable_duplicate" and p.record_id is not None
    }


class ImportRejected(ValidationError):
    """Problems in the file: nothing was written. ``result`` has every row's outcome."""

    def __init__(self, problems: Sequence[FieldProblem], result: ImportResult) -> None:
        super().__init__(problems)
        self.result = result


class _DryRun(Exception):
    """Raised to roll the transaction of a dry run back."""


def _differs(current: object, new: object) -> bool:
    if isinstance(current, str) and isinstance(new, str) and "@" in new:
        return current.casefold() != new.casefold()  # e-mail addresses: case is noise
    return bool(current != new)


def _rotations(words: str) -> list[str]:
    """ "a b c", "b c a", "c a b": every "last first" order of a name typed "first last"."""
    parts = words.split()
    return [" ".join(parts[i:] + parts[:i]) for i in range(len(parts))] or [words]


def _comparable(name: str) -> str:
    return dup.comparable_name(name)


class _Importer:
    def __init__(
        self,
        session: Session,
        preview: ImportPreview,
        target_id: int | None,
        today: dt.date,
        same_as: Mapping[int, int] | None = None,
        new_rows: Collection[int] = (),
    ) -> None:
        self.session = session
        # The officer's answers to probable duplicates: row -> the record it
        # is, and rows that are records of their own.
        self.same_as = dict(same_as or {})
        self.new_rows = frozenset(new_rows)
        self.preview = preview
        self.target_id = target_id
        self.today = today
        self.organisations_created: list[str] = []
        self._columns = {
            key: preview.table.column_label(index)
            for index, key in enumerate(preview.mapping)
            if key != IGNORED
        }
        self._org_names: dict[str, list[int]] | None = None
        # Organisations met, held here: the session's identity map only keeps
        # weak references, and each row would otherwise read them again.
        self._organisations: dict[int, Organisation] = {}
        self._members: tuple[set[int], set[int]] | None = None
        self.meeting: Meeting | None = None
        self.taskforce: Taskforce | None = None
        if preview.kind is ImportKind.REGISTRATIONS:
            assert target_id is not None
            self.meeting = get_or_raise(session, Meeting, target_id, "meeting")
        if preview.kind is ImportKind.ACTIONS:
            assert target_id is not None
            self.taskforce = get_or_raise(session, Taskforce, target_id, "taskforce")

    # --- problems ------------------------------------------------------------

    def problem(
        self, row: int, field_key: str, code: str, message: str, record_id: int | None = None
    ) -> RowProblem:
        column = self._columns.get(field_key, "")
        return RowProblem(field_key, code, message, row, column, record_id)

    def located(self, row: int, error: ValidationError) -> tuple[RowProblem, ...]:
        return tuple(self.problem(row, p.field, p.code, p.message) for p in error.problems)

    # --- organisations by name ----------------------------------------------

    def org_names(self) -> dict[str, list[int]]:
        """Comparable name (and acronym in brackets) -> organisation ids, built once."""
        if self._org_names is None:
            self._org_names = {}
            for oid, name in self.session.execute(
                select(Organisation.id, Organisation.name)
                .where(Organisation.merged_into_id.is_(None))  # the record kept stands for it
                .order_by(Organisation.id)
            ):
                self._index_org(oid, name)
        return self._org_names

    def _index_org(self, oid: int, name: str) -> None:
        assert self._org_names is not None
        keys = {_comparable(name)}
        acronym = _ACRONYM.search(name)
        if acronym:
            keys.add(fold(acronym[1]))
        for key in keys - {""}:
            self._org_names.setdefault(key, []).append(oid)

    def orgs_named(self, name: str) -> list[Organisation]:
        ids = self.org_names().get(_comparable(name), [])
        found = [o for o in map(self._organisation, ids) if o is not None]
        # Archived organisations are matched only when nothing current is.
        current = [o for o in found if o.archived_at is None]
        return current or found

    def _organisation(self, oid: int) -> Organisation | None:
        held = self._organisations.get(oid)
        if held is None:
            held = self.session.get(Organisation, oid)
            if held is not None:
                self._organisations[oid] = held
        return held

    def organisation_for_contact(
        self, row: int, name: str, *, create: bool
    ) -> tuple[int | None, RowProblem | None]:
        """The organisation a contact's "Structure" names; created (kind other) when
        unknown and *create*."""
        matches = self.orgs_named(name)
        if len(matches) > 1:
            listed = ", ".join(f"#{o.id} {o.name} ({o.commune or '?'})" for o in matches[:5])
            return None, self.problem(
                row,
                "organisation",
                "organisation_ambiguous",
                f'"{name}" matches several organisations: {listed}',
            )
        if matches:
            return matches[0].id, None
        if not create:
            return None, None
        # Its kind is not known: "other" counts it nowhere as a company until
        # the officer says so (funders count companies supported).
        organisation = Organisation(name=name, kind=OrganisationKind.OTHER.value)
        self.session.add(organisation)
        self.session.flush()
        self._organisations[organisation.id] = organisation
        self._index_org(organisation.id, organisation.name)
        self.organisations_created.append(name)
        return organisation.id, None

    # --- rows ----------------------------------------------------------------

    def apply(self, row: ImportRow) -> RowOutcome:
        record = row.record
        if record is None:
            return RowOutcome(row.number, SKIPPED, None, "", problems=row.problems)
        savepoint = self.session.begin_nested()
        try:
            if isinstance(record, OrganisationRecord):
                outcome = self.organisation(row.number, record)
            elif isinstance(record, ContactRecord):
                outcome = self.contact(row.number, record)
            else:
                outcome = self.action(row.number, record)
        except ValidationError as error:
            savepoint.rollback()
            return RowOutcome(
                row.number, SKIPPED, None, "", problems=self.located(row.number, error)
            )
        if outcome.problems:
            savepoint.rollback()
            return outcome
        savepoint.commit()
        return outcome

    def _write(self, target: Any, values: dict[str, object]) -> tuple[str, ...]:
        changed = tuple(k for k, value in values.items() if _differs(getattr(target, k), value))
        for key in changed:
            setattr(target, key, values[key])
        self.session.flush()
        return changed

    def _skipped(self, row: int, label: str, *problems: RowProblem) -> RowOutcome:
        return RowOutcome(row, SKIPPED, None, label, problems=problems)

    def _organisation_target(
        self, row: int, record: OrganisationRecord
    ) -> tuple[Organisation | None, RowProblem | None]:
        """The organisation a row describes (None: a new one), by domain.duplicates' rule.

        The same SIRET is the same organisation. The same name in the same
        commune is the same organisation when the SIRETs do not contradict it,
        else a probable duplicate that the officer resolves: --same-as ROW=ID
        (this row is that record) or --new ROW (another site).
        """
        new = dup.OrganisationIdentity(record.name, record.commune, record.siret)
        chosen = self.same_as.get(row)
        if chosen is not None:
            target = self._organisation(chosen)
            if target is None:
                return None, self.problem(
                    row, "name", "unknown_reference", f"organisation {chosen} does not exist"
                )
            taken = [
                m
                for m in organisations.find_duplicates(
                    self.session, name="", commune=None, siret=record.siret, exclude_id=chosen
                )
                if m[2] == dup.Match.SIRET
            ]
            if taken:
                return None, self.problem(
                    row,
                    "siret",
                    "siret_taken",
                    f"SIRET {record.siret} already belongs to {taken[0][1]} (#{taken[0][0]})",
                )
            return target, None
        matches = organisations.find_duplicates(
            self.session, name=record.name, commune=record.commune, siret=record.siret
        )
        by_siret = [m for m in matches if m[2] == dup.Match.SIRET]
        if by_siret:
            return self._organisation(by_siret[0][0]), None
        if row in self.new_rows:
            return None, None
        same_name = [o for o in (self._organisation(m[0]) for m in matches) if o is not None]
        existing = {o.id: dup.OrganisationIdentity(o.name, o.commune, o.siret) for o in same_name}
        same = [o for o in same_name if not dup.is_probable_duplicate(new, existing[o.id])]
        if len(same) > 1:
            listed = ", ".join(f"#{o.id}" for o in same)
            return None, self.problem(
                row,
                "name",
                "organisation_ambiguous",
                f'"{record.name}" matches several organisations: {listed}',
            )
        if same:
            return same[0], None
        if same_name:
            other = same_name[0]
            return None, self.problem(
                row,
                "siret",
                "probable_duplicate",
                f'probably #{other.id} "{other.name}" ({other.commune or "commune unknown"}), '
                f"recorded with SIRET {other.siret}: --same-as {row}={other.id} updates it "
                f"with this row, --new {row} records another site; "
                f"two records already made are merged with `merge organisation`",
                other.id,
            )
        return None, None

    def organisation(self, row: int, record: OrganisationRecord) -> RowOutcome:
        target, problem = self._organisation_target(row, record)
        if problem is not None:
            return self._skipped(row, record.name, problem)
        given = {f.name: getattr(record, f.name) for f in fields(record)}
        if target is None:
            draft = organisations.OrganisationDraft(
                **{k: v for k, v in given.items() if v is not None and k != "kind"},
                kind=record.kind or OrganisationKind.COMPANY.value,
            )
            values = _validate_organisation(self.session, draft)
            created = Organisation(**values)
            self.session.add(created)
            self.session.flush()
            if self._org_names is not None:
                self._index_org(created.id, created.name)
            return RowOutcome(row, CREATED, created.id, created.name)
        merged = {
            key: value if value is not None else getattr(target, key)
            for key, value in given.items()
        }
        if record.siret is not None and record.siren is None:
            merged["siren"] = None  # the SIREN is the new SIRET's, not the old one's
        draft = organisations.OrganisationDraft(**merged)
        values = _validate_organisation(self.session, draft)
        changed = self._write(target, values)
        return RowOutcome(row, UPDATED if changed else UNCHANGED, target.id, target.name, changed)

    def _contact_match(
        self, row: int, record: ContactRecord, organisation_id: int | None
    ) -> tuple[Contact | None, RowProblem | None]:
        matches = contacts.find_duplicates(
            self.session,
            first_name=record.first_name,
            last_name=record.last_name,
            email=record.email,
            organisation_id=organisation_id,
        )
        found = [
            (p, reason)
            for p, reason in ((self.session.get(Contact, m[0]), m[2]) for m in matches)
            if p is not None and p.erased_at is None
        ]
        chosen = self.same_as.get(row)
        if chosen is not None:
            contact = self.session.get(Contact, chosen)
            if contact is None or contact.erased_at is not None:
                return None, self.problem(
                    row, "last_name", "unknown_reference", f"contact {chosen} does not exist"
                )
            return contact, None
        identity = dup.ContactIdentity(
            record.first_name, record.last_name, record.email, organisation_id
        )
        by_email = [p for p, reason in found if reason == dup.Match.EMAIL]
        if row in self.new_rows:
            found, by_email = [], []
        others = [
            p
            for p in by_email
            if dup.is_other_contact(
                identity, dup.ContactIdentity(p.first_name, p.last_name, p.email)
            )
        ]
        if others and len(others) == len(by_email):
            other = others[0]
            return None, self.problem(
                row,
                "email",
                "probable_duplicate",
                f"{record.email} is the address of #{other.id} {other.full_name}: "
                f"--same-as {row}={other.id} updates that contact with this row, "
                f"--new {row} records another contact",
                other.id,
            )
        candidates = [p for p in by_email if p not in others] or [p for p, _ in found]
        if len(candidates) > 1:
            listed = ", ".join(f"#{p.id} {p.full_name}" for p in candidates[:5])
            return None, self.problem(
                row,
                "email" if by_email else "last_name",
                "person_ambiguous",
                f"{record.first_name} {record.last_name} matches several contacts: {listed}",
            )
        return (candidates[0] if candidates else None), None

    def contact(self, row: int, record: ContactRecord) -> RowOutcome:
        fill_only = self.preview.kind is ImportKind.REGISTRATIONS
        organisation_id: int | None = None
        if record.organisation:
            organisation_id, problem = self.organisation_for_contact(
                row, record.organisation, create=False
            )
            if problem is not None:
                return RowOutcome(row, SKIPPED, None, "", problems=(problem,))
        contact, problem = self._contact_match(row, record, organisation_id)
        if problem is not None:
            return RowOutcome(row, SKIPPED, None, "", problems=(problem,))
        keeps_organisation = fill_only and contact is not None and contact.organisation_id
        if record.organisation and organisation_id is None and not keeps_organisation:
            organisation_id, _ = self.organisation_for_contact(
                row, record.organisation, create=True
            )
        given: dict[str, Any] = {
            "civility": record.civility,
            "first_name": record.first_name,
            "last_name": record.last_name,
            "job_title": record.job_title,
            "organisation_id": organisation_id,
            "email": record.email,
            "phone": record.phone,
            "mobile": record.mobile,
            "is_elected_official": record.is_elected_official,
            "mandate": record.mandate,
            "notes": record.notes,
        }
        if contact is None:
            known: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
            draft = contacts.ContactDraft(**known)
            values = _validate_contact(self.session, draft)
            contact = Contact(**values)
            self.session.add(contact)
            self.session.flush()
            outcome = RowOutcome(row, CREATED, contact.id, contact.full_name)
        else:
            current: dict[str, Any] = {key: getattr(contact, key) for key in given}
            merged: dict[str, Any] = {
                key: (
                    current[key]
                    if given[key] is None or (fill_only and current[key] not in (None, False))
                    else given[key]
                )
                for key in current
            }
            draft = contacts.ContactDraft(
                **merged,
                consent_basis=contact.consent_basis,
                consent_date=contact.consent_date,
                active=contact.active,
            )
            values = _validate_contact(self.session, draft)
            changed = self._write(contact, values)
            outcome = RowOutcome(
                row, UPDATED if changed else UNCHANGED, contact.id, contact.full_name, changed
            )
        if self.meeting is not None:
            attendance = self.attend(contact, record.status)
            outcome = RowOutcome(
                outcome.row,
                outcome.action,
                outcome.record_id,
                outcome.label,
                outcome.changed,
                attendance=attendance,
            )
        return outcome

    def attend(self, contact: Contact, status: str | None) -> str:
        """Put *person* on the meeting's list; returns CREATED, UPDATED or UNCHANGED."""
        meeting = self.meeting
        assert meeting is not None
        attendance = self.session.scalar(
            select(Attendance).where(
                Attendance.meeting_id == meeting.id, Attendance.person_id == contact.id
            )
        )
        if attendance is None:
            # As services.meetings.set_attendance: organisation, job and role of the day.
            self.session.add(
                meetings.new_attendance_with_status(
                    meeting, contact, status or AttendanceStatus.REGISTERED.value
                )
            )
            self.session.flush()
            return CREATED
        if status is None:
            # A registration form only moves "invited" to "registered"; what was
            # recorded at or after the meeting is not overwritten.
            if _STATUS_RANK.get(attendance.status, 99) >= 1:
                return UNCHANGED
            status = AttendanceStatus.REGISTERED.value
        if attendance.status == status:
            return UNCHANGED
        attendance.status = status
        if len(half_days(meeting.start_time, meeting.end_time)) == 2:
            present = status == AttendanceStatus.PRESENT.value
            attendance.present_morning = attendance.present_afternoon = (
                present if status not in _STATUS_RANK else None
            )
        self.session.flush()
        return UPDATED

    def owner(self, row: int, text: str) -> tuple[int | None, int | None, RowProblem | None]:
        """(person id, organisation id) that an action's "Porteur" names."""
        member_contacts, member_orgs = self.members()
        key = fold(text)
        # "Organisation" forms: "Anaïs Müller (Fonderie)" as the roadmap prints owners.
        bare = re.sub(r"\s*\([^()]*\)\s*$", "", text).strip() or text
        bare_key = fold(bare)
        contacts_found = list(
            self.session.scalars(
                select(Contact).where(
                    Contact.erased_at.is_(None),
                    # sort_name is the folded "last first": "first last" as
                    # typed is one of its rotations (indexed lookups, no fold per row).
                    Contact.sort_name.in_(_rotations(bare_key)),
                )
            )
        )
        if len(contacts_found) > 1:
            contacts_found = [
                p for p in contacts_found if p.id in member_contacts
            ] or contacts_found
        if len(contacts_found) == 1:
            return contacts_found[0].id, None, None
        orgs = self.orgs_named(text) or self.orgs_named(bare)
        if not orgs and key in _AGENCY_WORDS:
            orgs = self._agency(member_orgs)
        if len(orgs) > 1:
            orgs = [o for o in orgs if o.id in member_orgs] or orgs
        if len(orgs) == 1 and not contacts_found:
            return None, orgs[0].id, None
        if contacts_found or len(orgs) > 1:
            return (
                None,
                None,
                self.problem(
                    row,
                    "owner",
                    "owner_ambiguous",
                    f'"{text}" names several contacts or organisations',
                ),
            )
        return (
            None,
            None,
            self.problem(
                row,
                "owner",
                "owner_unknown",
                f'"{text}" is neither a contact nor an organisation: '
                "add it first or correct the name",
            ),
        )

    def members(self) -> tuple[set[int], set[int]]:
        """The taskforce's member people and organisations (its lead included), read once."""
        if self._members is None:
            taskforce = self.taskforce
            assert taskforce is not None
            rows = self.session.execute(
                select(TaskforceMember.person_id, TaskforceMember.organisation_id).where(
                    TaskforceMember.taskforce_id == taskforce.id
                )
            ).all()
            member_orgs = {o for _, o in rows if o is not None}
            if taskforce.lead_organisation_id is not None:
                member_orgs.add(taskforce.lead_organisation_id)
            self._members = {p for p, _ in rows if p is not None}, member_orgs
        return self._members

    def _agency(self, member_orgs: set[int]) -> list[Organisation]:
        """The agency that "Agence" means: the taskforce's, the programme's, or the only one."""
        taskforce = self.taskforce
        assert taskforce is not None
        agencies = list(
            self.session.scalars(
                select(Organisation).where(Organisation.kind == OrganisationKind.AGENCY.value)
            )
        )
        following = [o for o in agencies if o.id in member_orgs]
        if following:
            return following
        programme = self.session.get(Programme, taskforce.programme_id)
        if programme is not None and programme.agency_name:
            named = [
                o for o in agencies if _comparable(o.name) == _comparable(programme.agency_name)
            ]
            if named:
                return named
        return agencies if len(agencies) == 1 else []

    def action(self, row: int, record: ActionRecord) -> RowOutcome:
        taskforce = self.taskforce
        assert taskforce is not None
        person_id: int | None = None
        organisation_id: int | None = None
        if record.owner:
            person_id, organisation_id, problem = self.owner(row, record.owner)
            if problem is not None:
                return RowOutcome(row, SKIPPED, None, record.title, problems=(problem,))
        target = self.session.scalar(
            select(RoadmapAction)
            .where(
                RoadmapAction.taskforce_id == taskforce.id,
                func.fold(RoadmapAction.title) == fold(record.title),
            )
            .order_by(RoadmapAction.id)
            .limit(1)
        )
        given: dict[str, Any] = {
            "title": record.title,
            "description": record.description,
            "owner_person_id": person_id,
            "owner_organisation_id": organisation_id,
            "start_date": record.start_date,
            "due_date": record.due_date,
            "status": record.status,
            "progress": record.progress,
            "is_milestone": record.is_milestone,
            "deliverable": record.deliverable,
            "done_date": record.done_date,
        }
        if target is None:
            draft = taskforces.ActionDraft(**{k: v for k, v in given.items() if v is not None})
            values = _validate_action(self.session, draft)
            position = taskforces.next_position(self.session, taskforce.id)
            action = RoadmapAction(taskforce_id=taskforce.id, position=position, **values)
            self.session.add(action)
            self.session.flush()
            return RowOutcome(row, CREATED, action.id, action.title)
        if record.owner:
            # The owner named replaces the previous one, person and organisation alike.
            given["owner_person_id"], given["owner_organisation_id"] = person_id, organisation_id
        merged = {
            key: (value if value is not None or (record.owner and key.startswith("owner_"))
                  else getattr(target, key))
            for key, value in given.items()
        }  # fmt: skip
        if merged["status"] != ActionStatus.DONE.value:
            merged["done_date"] = None  # reopened: no longer done
        values = _validate_action(self.session, taskforces.ActionDraft(**merged))
        changed = self._write(target, values)
        return RowOutcome(row, UPDATED if changed else UNCHANGED, target.id, target.title, changed)


def apply_import(
    db: Database,
    preview: ImportPreview,
    *,
    meeting_id: int | None = None,
    taskforce_id: int | None = None,
    skip_invalid: bool = False,
    dry_run: bool = False,
    today: dt.date | None = None,
    same_as: Mapping[int, int] | None = None,
    new_rows: Collection[int] = (),
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Write the rows of *preview* in one transaction and say what was done.

    Registrations need *meeting_id*, actions *taskforce_id*. Raises
    ImportRejected (nothing written) when any row has a problem, unless
    *skip_invalid*; NotFoundError for an unknown meeting or taskforce. With
    *dry_run* nothing is written and the result says what would be.
    *progress(done, total)* is called every PROGRESS_STEP rows and at the end;
    an exception it raises (a cancel) rolls everything back.

    A row that looks like an existing record without being surely it (same
    name and commune, another SIRET; an e-mail address of another name) is a
    ``probable_duplicate`` problem. The officer answers with *same_as* (file
    row number -> id of the organisation or contact the row is) or
    *new_rows* (rows that are records of their own).
    """
    kind = preview.kind
    if kind is ImportKind.REGISTRATIONS and meeting_id is None:
        raise ValueError("registrations are imported into a meeting: give meeting_id")
    if kind is ImportKind.ACTIONS and taskforce_id is None:
        raise ValueError("actions are imported into a taskforce's roadmap: give taskforce_id")
    target_id = meeting_id if kind is ImportKind.REGISTRATIONS else taskforce_id
    if preview.file_problems:
        result = ImportResult(
            kind,
            False,
            tuple(
                RowOutcome(p.row, SKIPPED, None, "", problems=(p,)) for p in preview.file_problems
            ),
        )
        raise ImportRejected(preview.file_problems, result)
    outcome_list: list[RowOutcome] = []
    created_orgs: list[str] = []
    try:
        with db.write() as session:
            importer = _Importer(
                session, preview, target_id, today or dt.date.today(), same_as, new_rows
            )
            total = len(preview.rows)
            for done, row in enumerate(preview.rows, 1):
                outcome_list.append(importer.apply(row))
                if progress is not None and (done % PROGRESS_STEP == 0 or done == total):
                    progress(done, total)
            created_orgs = importer.organisations_created
            problems = [p for o in outcome_list for p in o.problems]
            result = ImportResult(kind, not dry_run, tuple(outcome_list), tuple(created_orgs))
            if problems and not skip_invalid:
                raise ImportRejected(problems, ImportResult(kind, False, tuple(outcome_list)))
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return result
