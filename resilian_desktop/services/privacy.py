"""Personal data as the RGPD asks: what is held about a person, erasure, review.

Contacts are professionals recorded on the agency's legitimate interest (or
their consent), with the date. A person may ask for everything held about
them, or for its erasure. Erasure removes identity, contact details and notes
but keeps the attendance rows, anonymous, so that every figure already given to
a funder stays true; a register keeps the date of each erasure and nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, text, update

from resilian_desktop import __version__
from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Attendance,
    ErasureRecord,
    Meeting,
    Organisation,
    Person,
    RoadmapAction,
    Taskforce,
    TaskforceMember,
    utc_now,
)
from resilian_desktop.domain.errors import ResilianError, ValidationError
from resilian_desktop.services.common import get_or_raise

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


def person_data(db: Database, person_id: int) -> dict[str, Any]:
    """Everything held about a person, attendance included, as plain JSON-ready data."""
    with db.read() as session:
        person = get_or_raise(session, Person, person_id, "person")
        organisation = (
            session.get(Organisation, person.organisation_id) if person.organisation_id else None
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
        return {
            "exported_at": dt.datetime.now().isoformat(timespec="seconds"),
            "exported_by": f"RESILIAN Desktop {__version__}",
            "person": {name: _iso(getattr(person, name)) for name in fields},
            "organisation": (
                {"id": organisation.id, "name": organisation.name, "siret": organisation.siret}
                if organisation
                else None
            ),
            "attendance": attendance,
            "taskforce_memberships": memberships,
            "taskforces_led": led,
            "roadmap_actions_owned": actions,
        }


def erase_person(db: Database, person_id: int) -> int:
    """Erase a person's identity, contact details and notes; returns the register entry id.

    Attendance rows, taskforce memberships and owned actions stay, pointing to
    the anonymous row, so past counts do not change; the job title copied on
    each attendance row is removed too. The person leaves every list.
    """
    with db.write() as session:
        person = get_or_raise(session, Person, person_id, "person")
        if person.erased_at is not None:
            raise AlreadyErased(f"person {person_id} was erased on {person.erased_at:%d/%m/%Y}")
        now = utc_now()
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
            setattr(person, name, None)
        person.first_name = ""
        person.last_name = ERASED_LAST_NAME
        person.is_elected_official = False
        person.active = False
        person.erased_at = now
        person.archived_at = person.archived_at or now
        kept = int(
            session.scalar(select(func.count()).where(Attendance.person_id == person_id)) or 0
        )
        session.execute(
            update(Attendance)
            .where(Attendance.person_id == person_id)
            .values(job_title=None, notes=None)
        )
        record = ErasureRecord(erased_at=now, attendance_rows_kept=kept)
        session.add(record)
        session.flush()  # the flush hook replaces the person's search entry
        # Merge the search index's segments so the old words leave the file too.
        session.execute(text("INSERT INTO search_index(search_index) VALUES ('optimize')"))
        return record.id


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
            select(Person, Organisation.name, last_meeting.c.last_meeting)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id)
            .outerjoin(last_meeting, last_meeting.c.person_id == Person.id)
            .where(Person.erased_at.is_(None))
        )
        for person, organisation, last in session.execute(query):
            dates = [person.created_at.date()]
            if person.consent_date is not None:
                dates.append(person.consent_date)
            if last is not None:
                dates.append(last)
            activity = max(dates)
            if activity < limit:
                rows.append(
                    ReviewRow(
                        id=person.id,
                        first_name=person.first_name,
                        last_name=person.last_name,
                        organisation=organisation,
                        email=person.email,
                        last_activity=activity,
                        consent_basis=person.consent_basis,
                    )
                )
    return sorted(rows, key=lambda r: (r.last_activity, r.last_name, r.id))
