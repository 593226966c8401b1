"""Merging a duplicate (OTHER) into the record kept (KEEP), in one transaction.

Everything that refers to OTHER moves to KEEP: for an organisation its
contacts, attendance, programme memberships, hosted meetings, taskforce
roles and origins, roadmap actions, funding and topics; for a contact its
attendance, taskforce roles and roadmap actions. Where KEEP already has the
same link, the two become one: membership periods of one programme that
share a day are joined into one, two attendance rows at one meeting become
one (the stronger status, each half-day present if either was). OTHER stays,
archived, with ``merged_into_id`` pointing to KEEP, so history and old
exports still resolve; the search index finds KEEP instead.

Each field of KEEP gets the value chosen for it (by default KEEP's, or
OTHER's where KEEP has none; notes are joined). Every row written is noted in
a journal, so a merge can be undone exactly (the window's undo step).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, and_, delete, insert, select, update
from sqlalchemy.orm import Session

from resilian_desktop.db import search_index as search
from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Attendance,
    Contact,
    Meeting,
    Membership,
    Organisation,
    OrganisationTopic,
    ProgrammeFunder,
    RoadmapAction,
    Taskforce,
    TaskforceMember,
    TaskforceOrigin,
    utc_now,
)
from resilian_desktop.domain.errors import ResilianError, ValidationError
from resilian_desktop.domain.kinds import RecordKind
from resilian_desktop.services import contacts, organisations
from resilian_desktop.services.common import get_or_raise

KEEP = "keep"
OTHER = "other"

# The fields the officer chooses between, in the order the window shows them.
ORGANISATION_FIELDS = (
    "name",
    "kind",
    "siret",
    "naf_code",
    "sector",
    "address",
    "postcode",
    "commune",
    "country",
    "headcount",
    "website",
    "notes",
)
CONTACT_FIELDS = (
    "civility",
    "first_name",
    "last_name",
    "job_title",
    "organisation_id",
    "email",
    "phone",
    "mobile",
    "is_elected_official",
    "mandate",
    "consent_basis",
    "consent_date",
    "notes",
    "active",
)

# Attendance statuses, weakest first: two rows at one meeting keep the stronger.
_STATUS_STRENGTH = ("invited", "registered", "excused", "absent", "present")


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


class MergeError(ResilianError):
    """Two records that cannot be merged (the same one, one already merged, erased)."""


@dataclass
class Journal:
    """Every row a merge changed, to put it back exactly (undo)."""

    steps: list[tuple[str, Table, Any]] = field(default_factory=list)

    def update(self, session: Session, table: Table, where: Any, values: dict[str, Any]) -> int:
        """UPDATE the rows *where*, noting their previous values; returns their number."""
        primary = list(table.primary_key.columns)
        # The modification's date and author too, so that undo leaves the row as
        # it was; not its version, which only grows (an undo is a change: a form
        # opened on the merged row must not save over the row put back).
        noted = [*values, *(k for k in ("updated_at", "updated_by") if k in table.c)]
        rows = session.execute(select(*primary, *(table.c[k] for k in noted)).where(where)).all()
        for row in rows:
            # The row as found after the update: a link table's key holds the id moved.
            key = {c.name: values.get(c.name, row[i]) for i, c in enumerate(primary)}
            before = {k: row[len(primary) + i] for i, k in enumerate(noted)}
            self.steps.append(("update", table, (key, before)))
        if rows:
            session.execute(update(table).where(where).values(**values))
        return len(rows)

    def delete(self, session: Session, table: Table, where: Any) -> int:
        """DELETE the rows *where*, noting them whole; returns their number."""
        rows = [dict(r) for r in session.execute(select(table).where(where)).mappings()]
        for row in rows:
            self.steps.append(("delete", table, row))
        if rows:
            session.execute(delete(table).where(where))
        return len(rows)

    def undo(self, session: Session) -> None:
        """Put every row back as it was, latest change first."""
        for action, table, payload in reversed(self.steps):
            if action == "delete":
                session.execute(insert(table).values(**payload))
            else:
                key, before = payload
                condition = and_(*(table.c[k] == v for k, v in key.items()))
                session.execute(update(table).where(condition).values(**before))


@dataclass(frozen=True)
class FieldChoice:
    """One field of the side-by-side choice: both values and the one kept."""

    name: str
    keep_value: Any
    other_value: Any
    chosen: Any


@dataclass
class MergeResult:
    """What a merge moved (or, dry run, would move), and how to undo it."""

    kind: RecordKind
    keep_id: int
    other_id: int
    keep_label: str
    other_label: str
    fields: tuple[FieldChoice, ...]
    moved: dict[str, int]  # rows moved to KEEP, by what they are
    joined: dict[str, int]  # rows of OTHER that became one with KEEP's, by what they are
    applied: bool
    journal: Journal = field(default_factory=Journal, repr=False)

    def lines(self) -> list[str]:
        """What moved, one English line each, for the command line."""
        verb = "moved" if self.applied else "would move"
        lines = [f"{verb}: {n} {what}" for what, n in self.moved.items() if n]
        lines += [
            f"joined with #{self.keep_id}'s: {n} {what}" for what, n in self.joined.items() if n
        ]
        lines += [
            f"field {c.name}: {c.chosen!r} (kept {c.keep_value!r}, other {c.other_value!r})"
            for c in self.fields
            if c.keep_value != c.other_value
        ]
        return lines


class _DryRun(Exception):
    """Rolls the transaction of a dry run back."""


def _label(kind: RecordKind, record: Any) -> str:
    return str(record.name) if kind is RecordKind.ORGANISATION else str(record.full_name)


def _default_choice(name: str, keep_value: Any, other_value: Any) -> Any:
    if name == "notes" and keep_value and other_value and keep_value != other_value:
        return f"{keep_value}\n\n{other_value}"
    if keep_value in (None, "") and other_value not in (None, ""):
        return other_value
    return keep_value


def _choices(
    names: Sequence[str], keep: Any, other: Any, choose: Mapping[str, str]
) -> tuple[FieldChoice, ...]:
    unknown = set(choose) - set(names)
    wrong = set(choose.values()) - {KEEP, OTHER}
    if unknown or wrong:
        raise ValidationError.single(
            "fields",
            "not_allowed",
            f"no field {', '.join(sorted(unknown))} to choose (fields: {', '.join(names)})"
            if unknown
            else f'a field takes the value of "{KEEP}" or "{OTHER}", not {sorted(wrong)}',
        )
    choices = []
    for name in names:
        keep_value, other_value = getattr(keep, name), getattr(other, name)
        side = choose.get(name)
        if side == OTHER:
            chosen = other_value
        elif side == KEEP:
            chosen = keep_value
        else:
            chosen = _default_choice(name, keep_value, other_value)
        choices.append(FieldChoice(name, keep_value, other_value, chosen))
    return tuple(choices)


def _check_pair(kind: RecordKind, keep: Any, other: Any) -> None:
    if keep.id == other.id:
        raise MergeError(f"{kind.value} {keep.id} cannot be merged with itself")
    for record in (keep, other):
        if record.merged_into_id is not None:
            raise MergeError(
                f"{kind.value} {record.id} was merged into #{record.merged_into_id} already"
            )
        if getattr(record, "erased_at", None) is not None:
            raise MergeError(f"contact {record.id} was erased: there is nothing to merge")


def _retarget(
    session: Session,
    journal: Journal,
    table: Table,
    column: str,
    keep_id: int,
    other_id: int,
) -> int:
    return journal.update(session, table, table.c[column] == other_id, {column: keep_id})


def _join_periods(
    a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date | None, dt.date | None]
) -> tuple[dt.date | None, dt.date | None]:
    since = None if a[0] is None or b[0] is None else min(a[0], b[0])
    until = None if a[1] is None or b[1] is None else max(a[1], b[1])
    return since, until


def _merge_memberships(session: Session, journal: Journal, keep_id: int, other_id: int) -> int:
    """Move OTHER's memberships; periods of one programme that share a day become one.

    Returns the number of OTHER's memberships joined to one of KEEP's.
    """
    table = _table(Membership)
    joined = 0
    rows = session.execute(
        select(Membership.id, Membership.organisation_id, Membership.programme_id,
               Membership.since, Membership.until)
        .where(Membership.organisation_id.in_((keep_id, other_id)))
        .order_by(Membership.organisation_id != keep_id, Membership.id)
    ).all()  # fmt: skip
    kept: list[list[Any]] = []  # [id, programme, since, until] of the rows that stay
    for membership_id, _organisation, programme_id, since, until in rows:
        target = next(
            (
                k
                for k in kept
                if k[1] == programme_id
                and organisations.periods_overlap((k[2], k[3]), (since, until))
            ),
            None,
        )
        if target is None:
            kept.append([membership_id, programme_id, since, until])
            continue
        # Delete first: the joined period may take this row's start (unique).
        # KEEP's rows come first and never overlap each other: this is OTHER's.
        journal.delete(session, table, table.c.id == membership_id)
        joined += 1
        target[2], target[3] = _join_periods((target[2], target[3]), (since, until))
        journal.update(
            session, table, table.c.id == target[0], {"since": target[2], "until": target[3]}
        )
    journal.update(
        session,
        table,
        table.c.organisation_id == other_id,
        {"organisation_id": keep_id},
    )
    return joined


def _merge_linked_rows(
    session: Session,
    journal: Journal,
    table: Table,
    column: str,
    same_link: Sequence[str],
    keep_id: int,
    other_id: int,
) -> tuple[int, int]:
    """Move OTHER's rows of a link table; a row KEEP has already is dropped.

    *same_link* names the columns that, with *column*, make a link unique.
    Returns (moved, joined).
    """
    keep_links = {
        tuple(r)
        for r in session.execute(
            select(*(table.c[c] for c in same_link)).where(table.c[column] == keep_id)
        )
    }
    joined = 0
    for row in session.execute(
        select(*(table.c[c] for c in same_link)).where(table.c[column] == other_id)
    ).all():
        if tuple(row) in keep_links:
            condition = and_(
                table.c[column] == other_id,
                *(
                    table.c[c].is_(None) if v is None else table.c[c] == v
                    for c, v in zip(same_link, row, strict=True)
                ),
            )
            joined += journal.delete(session, table, condition)
    moved = _retarget(session, journal, table, column, keep_id, other_id)
    return moved, joined


def _merge_organisation_links(
    session: Session, journal: Journal, keep_id: int, other_id: int
) -> tuple[dict[str, int], dict[str, int]]:
    moved: dict[str, int] = {}
    joined: dict[str, int] = {}

    def retarget(what: str, model: Any, column: str) -> None:
        moved[what] = _retarget(session, journal, _table(model), column, keep_id, other_id)

    retarget("contacts", Contact, "organisation_id")
    retarget("attendance rows", Attendance, "organisation_id")
    memberships = len(
        session.execute(select(Membership.id).where(Membership.organisation_id == other_id)).all()
    )
    joined["programme memberships"] = _merge_memberships(session, journal, keep_id, other_id)
    moved["programme memberships"] = memberships - joined["programme memberships"]
    retarget("hosted meetings", Meeting, "host_organisation_id")
    retarget("led taskforces", Taskforce, "lead_organisation_id")
    retarget("roadmap actions", RoadmapAction, "owner_organisation_id")
    retarget("funding", ProgrammeFunder, "organisation_id")
    for what, model, same in (
        ("taskforce memberships", TaskforceMember, ("taskforce_id", "person_id")),
        ("raised taskforces", TaskforceOrigin, ("taskforce_id",)),
        ("topics", OrganisationTopic, ("topic_id", "relation")),
    ):
        moved[what], joined[what] = _merge_linked_rows(
            session, journal, _table(model), "organisation_id", same, keep_id, other_id
        )
    return moved, joined


def _merge_attendance(session: Session, journal: Journal, keep_id: int, other_id: int) -> int:
    """Move OTHER's attendance; at a meeting both attended, the two rows become one."""
    table = _table(Attendance)
    keep_rows = {
        meeting_id: (attendance_id, status, morning, afternoon)
        for attendance_id, meeting_id, status, morning, afternoon in session.execute(
            select(Attendance.id, Attendance.meeting_id, Attendance.status,
                   Attendance.present_morning, Attendance.present_afternoon)
            .where(Attendance.person_id == keep_id)
        )
    }  # fmt: skip
    joined = 0
    for attendance_id, meeting_id, status, morning, afternoon in session.execute(
        select(Attendance.id, Attendance.meeting_id, Attendance.status,
               Attendance.present_morning, Attendance.present_afternoon)
        .where(Attendance.person_id == other_id)
    ).all():  # fmt: skip
        if meeting_id not in keep_rows:
            continue
        keep_id_row, keep_status, keep_morning, keep_afternoon = keep_rows[meeting_id]
        stronger = max(keep_status, status, key=_STATUS_STRENGTH.index)

        def either(a: bool | None, b: bool | None) -> bool | None:
            return None if a is None and b is None else bool(a or b)

        journal.delete(session, table, table.c.id == attendance_id)
        journal.update(
            session,
            table,
            table.c.id == keep_id_row,
            {
                "status": stronger,
                "present_morning": either(keep_morning, morning),
                "present_afternoon": either(keep_afternoon, afternoon),
            },
        )
        joined += 1
    return joined


def _merge_contact_links(
    session: Session, journal: Journal, keep_id: int, other_id: int
) -> tuple[dict[str, int], dict[str, int]]:
    moved: dict[str, int] = {}
    joined: dict[str, int] = {
        "attendance rows": _merge_attendance(session, journal, keep_id, other_id)
    }
    moved["attendance rows"] = _retarget(
        session, journal, _table(Attendance), "person_id", keep_id, other_id
    )
    moved["taskforce memberships"], joined["taskforce memberships"] = _merge_linked_rows(
        session, journal, _table(TaskforceMember), "person_id", ("taskforce_id",), keep_id,
        other_id,
    )  # fmt: skip
    moved["led taskforces"] = _retarget(
        session, journal, _table(Taskforce), "lead_person_id", keep_id, other_id
    )
    moved["roadmap actions"] = _retarget(
        session, journal, _table(RoadmapAction), "owner_person_id", keep_id, other_id
    )
    return moved, joined


def _kept_values(
    session: Session, kind: RecordKind, keep: Any, choices: Sequence[FieldChoice]
) -> dict[str, Any]:
    """The chosen values, checked by the record's rules as a form's would be."""
    chosen = {c.name: c.chosen for c in choices}
    if kind is RecordKind.ORGANISATION:
        siret = chosen["siret"]
        # The SIREN follows the SIRET chosen; without one, KEEP's stays.
        draft = organisations.OrganisationDraft(
            **chosen, siren=keep.siren if siret is None else None
        )
        return organisations.validate_draft(session, draft)
    values = contacts.validate_draft(session, contacts.ContactDraft(**chosen))
    return values


def merge_records(
    db: Database,
    kind: RecordKind,
    keep_id: int,
    other_id: int,
    *,
    choose: Mapping[str, str] | None = None,
    dry_run: bool = False,
) -> MergeResult:
    """Merge *other_id* into *keep_id* (organisations or contacts), in one transaction.

    *choose* gives the side-by-side choice: field -> KEEP or OTHER, whose
    value the record kept takes. A field not named keeps KEEP's value, or
    OTHER's where KEEP has none; notes not named are joined. Raises NotFoundError, MergeError, or
    ValidationError when the chosen values break a rule. With *dry_run*
    nothing is written and the result lists what would move.
    """
    model: Any = Organisation if kind is RecordKind.ORGANISATION else Contact
    names = ORGANISATION_FIELDS if kind is RecordKind.ORGANISATION else CONTACT_FIELDS
    entity = "organisation" if kind is RecordKind.ORGANISATION else "contact"
    result: MergeResult | None = None
    try:
        with db.write() as session:
            keep = get_or_raise(session, model, keep_id, entity)
            other = get_or_raise(session, model, other_id, entity)
            _check_pair(kind, keep, other)
            choices = _choices(names, keep, other, choose or {})
            values = _kept_values(session, kind, keep, choices)
            journal = Journal()
            table = _table(model)
            if kind is RecordKind.ORGANISATION:
                if values["siret"] is not None and values["siret"] == other.siret:
                    # One SIRET, one organisation: it moves with the choice.
                    journal.update(session, table, table.c.id == other_id, {"siret": None})
                moved, joined = _merge_organisation_links(session, journal, keep_id, other_id)
            else:
                moved, joined = _merge_contact_links(session, journal, keep_id, other_id)
            session.expire_all()  # Core updates above: the ORM objects are stale
            changed = {
                k: v for k, v in values.items() if getattr(session.get(model, keep_id), k) != v
            }
            if changed:
                journal.update(session, table, table.c.id == keep_id, changed)
            stamp: dict[str, Any] = {"merged_into_id": keep_id}
            if other.archived_at is None:
                stamp["archived_at"] = utc_now()
            journal.update(session, table, table.c.id == other_id, stamp)
            session.expire_all()
            _reindex(session, kind, keep_id, other_id)
            result = MergeResult(
                kind,
                keep_id,
                other_id,
                _label(kind, session.get(model, keep_id)),
                _label(kind, session.get(model, other_id)),
                choices,
                moved,
                joined,
                not dry_run,
                journal,
            )
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    assert result is not None
    return result


def _reindex(session: Session, kind: RecordKind, keep_id: int, other_id: int) -> None:
    if kind is RecordKind.ORGANISATION:
        search.reindex(session, "organisation", (keep_id, other_id))
        # The contacts' labels name their organisation.
        search.reindex(
            session,
            "contact",
            session.scalars(select(Contact.id).where(Contact.organisation_id == keep_id)),
        )
    else:
        search.reindex(session, "contact", (keep_id, other_id))


def undo_merge(db: Database, result: MergeResult) -> None:
    """Put back everything *result*'s merge changed, in one transaction."""
    if not result.applied:
        return
    with db.write() as session:
        result.journal.undo(session)
        session.expire_all()
        _reindex(session, result.kind, result.keep_id, result.other_id)
        if result.kind is RecordKind.ORGANISATION:
            moved_back = session.scalars(
                select(Contact.id).where(Contact.organisation_id == result.other_id)
            )
            search.reindex(session, "contact", moved_back)
