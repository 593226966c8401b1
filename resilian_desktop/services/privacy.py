"""Personal data as the RGPD asks: what is held about a person, erasure, review.

Contacts are professionals recorded on the agency's legitimate interest (or
their consent), with the date. A person may ask for everything held about
them, or for its erasure. Erasure removes identity, contact details and notes
but keeps the attendance rows, anonymous, so that every figure already given to
a funder stays true; a register keeps the date of each erasure and nothing else.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, or_, select, text, update

from resilian_desktop import __version__
from resilian_desktop.db.engine import Database, readonly_uri
from resilian_desktop.db.models import (
    Attendance,
    Contact,
    ErasureRecord,
    Meeting,
    Organisation,
    Programme,
    RoadmapAction,
    SignatureRecord,
    Taskforce,
    TaskforceMember,
    utc_now,
)
from resilian_desktop.db.search_index import purge_removed
from resilian_desktop.domain.errors import ResilianError, ValidationError
from resilian_desktop.domain.text import fold
from resilian_desktop.services.common import get_or_raise
from resilian_desktop.services.signatures import erase_signatures

ERASED_LAST_NAME = "Contact effacé"
REVIEW_AFTER_YEARS = 3
REVIEW_MAX_YEARS = 100


class AlreadyErased(ResilianError):
    pass


@dataclass(frozen=True)
class ReviewRow:
    id: int
    first_name: str
    last_name: str
    organisation: str | None
    email: str | None
    last_activity: dt.date
    consent_basis: str


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime | dt.time) else value


def contact_data(db: Database, person_id: int) -> dict[str, Any]:
    """Everything held about a person, attendance included, as plain JSON-ready data."""
    with db.read() as session:
        contact = get_or_raise(session, Contact, person_id, "contact")
        organisation = (
            session.get(Organisation, contact.organisation_id) if contact.organisation_id else None
        )
        fields = [
            "id",
            "civility",
            "first_name",
            "last_name",
            "job_title",
            "email",
            "phone",
            "mobile",
            "is_elected_official",
            "mandate",
            "consent_basis",
            "consent_date",
            "notes",
            "active",
            "archived_at",
            "erased_at",
            "created_at",
            "updated_at",
        ]
        attendance = [
            {
                "meeting_id": meeting.id,
                "meeting": meeting.title,
                "date": meeting.date.isoformat(),
                "kind": meeting.kind,
                "status": a.status,
                "role": a.role,
                "organisation_on_the_day": a.organisation_name,
                "job_title_on_the_day": a.job_title,
                "present_morning": a.present_morning,
                "present_afternoon": a.present_afternoon,
                "notes": a.notes,
            }
            for a, meeting in session.execute(
                select(Attendance, Meeting)
                .join(Meeting, Meeting.id == Attendance.meeting_id)
                .where(Attendance.person_id == person_id)
                .order_by(Meeting.date, Meeting.id)
            )
        ]
        memberships = [
            {"taskforce_id": t.id, "taskforce": t.name, "role": m.role}
            for m, t in session.execute(
                select(TaskforceMember, Taskforce)
                .join(Taskforce, Taskforce.id == TaskforceMember.taskforce_id)
                .where(TaskforceMember.person_id == person_id)
            )
        ]
        actions = [
            {"action_id": a.id, "taskforce": t.name, "action": a.title, "status": a.status}
            for a, t in session.execute(
                select(RoadmapAction, Taskforce)
                .join(Taskforce, Taskforce.id == RoadmapAction.taskforce_id)
                .where(RoadmapAction.owner_person_id == person_id)
            )
        ]
        led = [
            {"taskforce_id": t.id, "taskforce": t.name}
            for t in session.scalars(select(Taskforce).where(Taskforce.lead_person_id == person_id))
        ]
        signed = [
            {
                "meeting_id": r.meeting_id,
                "half_day": r.half_day,
                "signed_at": r.signed_at,
                "organisation_on_the_day": r.organisation_name,
                "sha256": r.image_sha256,
                "chain_hash": r.chain_hash,
                "image_png_base64": base64.b64encode(r.image).decode("ascii") if r.image else None,
                "strokes": json.loads(r.strokes) if r.strokes else None,
            }
            for r in session.scalars(
                select(SignatureRecord)
                .where(SignatureRecord.person_id == person_id)
                .order_by(SignatureRecord.meeting_id, SignatureRecord.position)
            )
        ]
        return {
            "exported_at": dt.datetime.now().isoformat(timespec="seconds"),
            "exported_by": f"RESILIAN Desktop {__version__}",
            "person": {name: _iso(getattr(contact, name)) for name in fields},
            "organisation": (
                {"id": organisation.id, "name": organisation.name, "siret": organisation.siret}
                if organisation
                else None
            ),
            "attendance": attendance,
            "signatures": signed,
            "taskforce_memberships": memberships,
            "taskforces_led": led,
            "roadmap_actions_owned": actions,
            # Free text naming the person (minutes, agendas, notes...): held
            # about them too, though not linked to their record.
            "mentions_in_free_text": [
                {"record": m.kind, "id": m.record_id, "field": m.field, "excerpt": m.excerpt}
                for m in mentions_of(db, person_id)
            ],
        }


def erasure_journal(db_path: Path) -> Path:
    """The register kept beside the database file: it survives a restore of an
    older backup, which would otherwise bring erased people back."""
    return db_path.with_name(db_path.name + ".erasures")


def erase_contact(db: Database, person_id: int, *, erased_at: dt.datetime | None = None) -> int:
    """Erase a person's identity, contact details and notes; returns the register entry id.

    Attendance rows, taskforce memberships and owned actions stay, pointing to
    the anonymous row, so past counts do not change; the job title copied on
    each attendance row is removed too. The person leaves every list. The
    erasure is also written to the journal beside the database (person id,
    creation and erasure dates: nothing personal), so a restore re-applies it.
    *erased_at* keeps the original date when a restore re-applies it.
    """
    with db.write() as session:
        contact = get_or_raise(session, Contact, person_id, "contact")
        if contact.erased_at is not None:
            raise AlreadyErased(f"person {person_id} was erased on {contact.erased_at:%d/%m/%Y}")
        now = erased_at or utc_now()
        # As stored (text): what a restore compares to know it is the same person.
        created = session.execute(
            text("SELECT created_at FROM person WHERE id = :id"), {"id": person_id}
        ).scalar_one()
        for name in (
            "civility",
            "job_title",
            "email",
            "phone",
            "mobile",
            "mandate",
            "notes",
            "consent_date",
        ):
            setattr(contact, name, None)
        contact.first_name = ""
        contact.last_name = ERASED_LAST_NAME
        contact.is_elected_official = False
        contact.active = False
        contact.erased_at = now
        contact.archived_at = contact.archived_at or now
        kept = int(
            session.scalar(select(func.count()).where(Attendance.person_id == person_id)) or 0
        )
        session.execute(
            update(Attendance)
            .where(Attendance.person_id == person_id)
            .values(job_title=None, notes=None)
        )
        # Images and strokes go; their hashes stay, so each meeting's chain verifies.
        erase_signatures(session, person_id)
        record = ErasureRecord(erased_at=now, attendance_rows_kept=kept)
        session.add(record)
        session.flush()  # the flush hook replaces the person's search entry
        # Merge the search index's segments so the old words leave the file too.
        purge_removed(session)
        entry = record.id
    _journal_erasure(db.path, person_id, str(created), now)
    return entry


def _journal_erasure(db_path: Path, person_id: int, created: str, erased_at: dt.datetime) -> None:
    journal = erasure_journal(db_path)
    line = json.dumps(
        {"person": person_id, "created_at": created, "erased_at": erased_at.isoformat()}
    )
    try:
        descriptor = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        raise ResilianError(
            f"person {person_id} erased, but {journal} could not be written ({error.strerror}): "
            "restoring a backup made before now would not erase them again"
        ) from error


@dataclass(frozen=True)
class Erasure:
    """One erasure to keep: the person's id and creation date say it is the same person."""

    person_id: int
    created_at: str
    erased_at: dt.datetime


def journal_erasures(db_path: Path) -> list[Erasure]:
    """The erasures written in the journal beside the database at *db_path*."""
    found: dict[int, Erasure] = {}
    journal = erasure_journal(db_path)
    if journal.exists():
        for line in journal.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                item = json.loads(line)
                erasure = Erasure(
                    int(item["person"]),
                    str(item["created_at"]),
                    dt.datetime.fromisoformat(item["erased_at"]),
                )
            except (ValueError, KeyError, TypeError):
                continue  # a line cut by a crash
            found.setdefault(erasure.person_id, erasure)
    return list(found.values())


def erasures_on_record(db_path: Path) -> list[Erasure]:
    """Every erasure known for the database at *db_path*: the journal beside it
    and the erased people inside it (when it can be read), without duplicates."""
    found = {e.person_id: e for e in journal_erasures(db_path)}
    try:
        raw = sqlite3.connect(readonly_uri(db_path), uri=True)
        try:
            rows = raw.execute(
                "SELECT id, created_at, erased_at FROM person WHERE erased_at IS NOT NULL"
            ).fetchall()
        finally:
            raw.close()
    except sqlite3.Error:
        rows = []  # damaged, foreign, missing: the journal is what is left
    for person_id, created, erased in rows:
        try:
            when = dt.datetime.fromisoformat(str(erased))
        except ValueError:
            continue
        found.setdefault(int(person_id), Erasure(int(person_id), str(created), when))
    return sorted(found.values(), key=lambda e: e.person_id)


def reapply_erasures(db: Database, erasures: list[Erasure]) -> list[int]:
    """Erase again, with their original dates, the people of *erasures* that
    *db* (a restored backup) holds unerased; returns their ids."""
    if not erasures:
        return []
    # One query for all (this runs at every command and window start): the
    # people still unerased, with what tells them from another person.
    with db.read() as session:
        unerased = {
            int(pid): str(created)
            for pid, created in session.execute(
                # The stored text of created_at, as the journal recorded it.
                text(
                    "SELECT id, created_at FROM person WHERE erased_at IS NULL AND id IN :ids"
                ).bindparams(bindparam("ids", expanding=True)),
                {"ids": [e.person_id for e in erasures]},
            )
        }
    again: list[int] = []
    for erasure in erasures:
        if unerased.get(erasure.person_id) != erasure.created_at:
            continue  # not in this backup, erased already, or another person
        erase_contact(db, erasure.person_id, erased_at=erasure.erased_at)
        again.append(erasure.person_id)
    return again


def keep_erasures(db: Database) -> list[int]:
    """Erase again the people the journal beside *db* says were erased but
    who are back (an older copy was put in its place by hand, or a restore
    stopped before it re-applied them); returns their ids. Cheap when there
    is no journal; nothing on a read-only database."""
    if db.read_only:
        return []
    erasures = journal_erasures(db.path)
    return reapply_erasures(db, erasures) if erasures else []


def purge_journal(db: Database) -> bool:
    """Checkpoint and empty the -wal file so erased details leave it now; False
    when another connection (an open window) still reads and keeps them there."""
    return db.purge_journal()


@dataclass(frozen=True)
class Mention:
    """A free-text field that names the person: for the officer to edit by hand."""

    kind: str  # meeting, action, taskforce, organisation, person, attendance, programme
    record_id: int
    field: str
    excerpt: str

    def __str__(self) -> str:
        return f"{self.kind} {self.record_id} ({self.field}): «{self.excerpt}»"


_FREE_TEXT: tuple[tuple[str, Any, tuple[str, ...]], ...] = (
    ("meeting", Meeting, ("title", "agenda", "minutes", "decisions")),
    ("action", RoadmapAction, ("title", "description")),
    ("taskforce", Taskforce, ("problem_statement", "objectives", "success_indicators")),
    ("organisation", Organisation, ("notes",)),
    ("contact", Contact, ("notes",)),
    ("attendance", Attendance, ("notes",)),
    ("programme", Programme, ("description",)),
)


def _needles(contact: Contact) -> list[str]:
    """What names the person in free text, folded: full name either way, last
    name alone when it is long enough to mean something, e-mail."""
    first, last = fold(contact.first_name or ""), fold(contact.last_name or "")
    found = {f"{first} {last}".strip(), f"{last} {first}".strip()}
    if len(last) >= 3:
        found.add(last)
    if contact.email:
        found.add(fold(contact.email))
    return sorted(n for n in found if len(n) >= 3)


def mentions_of(db: Database, person_id: int) -> list[Mention]:
    """Free-text fields (minutes, agendas, action titles, notes...) naming the person."""
    mentions: list[Mention] = []
    with db.read() as session:
        contact = get_or_raise(session, Contact, person_id, "contact")
        needles = _needles(contact)
        if not needles:
            return mentions
        patterns = [re.compile(rf"(?<!\w){re.escape(n)}(?!\w)") for n in needles]
        for kind, model, names in _FREE_TEXT:
            columns = [getattr(model, name) for name in names]
            condition = or_(
                *(func.fold(c).contains(n, autoescape=True) for c in columns for n in needles)
            )
            query = select(model).where(condition)
            if model is Contact:
                query = query.where(Contact.id != person_id)
            for record in session.scalars(query):
                for name in names:
                    value = getattr(record, name)
                    if not value:
                        continue
                    folded = fold(value)
                    hit = next((m for p in patterns if (m := p.search(folded))), None)
                    if hit is None:
                        continue
                    start = max(hit.start() - 30, 0)
                    excerpt = " ".join(str(value)[start : hit.end() + 30].split())
                    mentions.append(Mention(kind, record.id, name, excerpt))
    return mentions


def erasure_register(db: Database) -> list[tuple[int, dt.datetime, int]]:
    """(entry id, date, attendance rows kept) for every erasure, oldest first."""
    with db.read() as session:
        return [
            (r.id, r.erased_at, r.attendance_rows_kept)
            for r in session.scalars(select(ErasureRecord).order_by(ErasureRecord.id))
        ]


def review_inactive(
    db: Database, *, today: dt.date | None = None, years: int = REVIEW_AFTER_YEARS
) -> list[ReviewRow]:
    """Contacts with no activity for *years* (the CNIL's usual three), oldest activity first.

    Activity is the latest of: a meeting they were on the list of, the date of
    their legal basis, the day they were recorded. Erased contacts are left out.
    """
    today = today or dt.date.today()
    if not 1 <= years <= REVIEW_MAX_YEARS:
        raise ValidationError.single(
            "years", "out_of_range", f"give 1 to {REVIEW_MAX_YEARS} years, not {years}"
        )
    limit = (
        today.replace(year=today.year - years)
        if not (today.month == 2 and today.day == 29)
        else today.replace(year=today.year - years, day=28)
    )
    last_meeting = (
        select(Attendance.person_id, func.max(Meeting.date).label("last_meeting"))
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(Meeting.date <= today)
        .group_by(Attendance.person_id)
        .subquery()
    )
    rows: list[ReviewRow] = []
    with db.read() as session:
        query = (
            select(Contact, Organisation.name, last_meeting.c.last_meeting)
            .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
            .outerjoin(last_meeting, last_meeting.c.person_id == Contact.id)
            .where(Contact.erased_at.is_(None))
        )
        for contact, organisation, last in session.execute(query):
            dates = [contact.created_at.date()]
            if contact.consent_date is not None:
                dates.append(contact.consent_date)
            if last is not None:
                dates.append(last)
            activity = max(dates)
            if activity < limit:
                rows.append(
                    ReviewRow(
                        id=contact.id,
                        first_name=contact.first_name,
                        last_name=contact.last_name,
                        organisation=organisation,
                        email=contact.email,
                        last_activity=activity,
                        consent_basis=contact.consent_basis,
                    )
                )
    return sorted(rows, key=lambda r: (r.last_activity, r.last_name, r.id))
