"""The network's data model (SQLAlchemy 2 declarative, typed).

Foreign keys from history rows (attendance, memberships, roadmap actions...)
RESTRICT deletion instead of cascading: removing history is always an explicit
act of a service, never a side effect of deleting a parent.
Enumerations are stored as their short English codes (domain.vocab) with a
CHECK constraint, so a bug or an outside tool cannot write an unknown status.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    event,
    func,
    literal_column,
    text,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Mapper,
    declared_attr,
    mapped_column,
    relationship,
)

from resilian_desktop.db.audit import database_user
from resilian_desktop.domain.text import contact_sort_name, fold
from resilian_desktop.domain.vocab import (
    ActionStatus,
    AttendanceRole,
    AttendanceStatus,
    Civility,
    ConsentBasis,
    MeetingKind,
    MeetingStatus,
    MemberRole,
    OrganisationKind,
    TaskforceStatus,
    TopicRelation,
)

# Named constraints: Alembic's batch mode (SQLite table rebuilds) needs names
# to drop or alter a constraint.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Archivable:
    """Records with history are archived, never deleted: they leave the everyday
    lists but stay in past meetings, sheets and reports."""

    archived_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


def archived_index(table: str) -> Index:
    """The few archived rows of *table*: a list's count is all rows minus these.

    Partial, so the planner never takes it for "archived_at IS NULL", the
    everyday lists' condition, which must keep using their sort index.
    """
    return Index(
        f"ix_{table}_archived",
        "archived_at",
        sqlite_where=text("archived_at IS NOT NULL"),
        postgresql_where=text("archived_at IS NOT NULL"),
    )


class Timestamped:
    """When (created_at / updated_at, in UTC) and by whom (created_by / updated_by,
    the database user: see db.audit) every row was created and last changed.

    The who-columns are filled by column defaults, so every INSERT and UPDATE
    the application sends through SQLAlchemy, ORM or not, keeps them; None on
    rows written before revision 0008 (nobody knows who made them).
    """

    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=utc_now, server_default=func.current_timestamp()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=utc_now, onupdate=utc_now, server_default=func.current_timestamp()
    )
    created_by: Mapped[str | None] = mapped_column(String(128), default=database_user())
    updated_by: Mapped[str | None] = mapped_column(
        String(128), default=database_user(), onupdate=database_user()
    )


class Versioned:
    """A row the officers edit: its version counts the changes made to it.

    SQLAlchemy's optimistic concurrency (``version_id_col``) writes every ORM
    UPDATE and DELETE as "... WHERE id = ? AND version = <the version read>"
    and raises StaleDataError when another transaction changed the row in
    between (db.engine turns it into StaleRecordError). UPDATEs that bypass
    the unit of work (``update(Model)``: renumbering, merges) add one through
    the column's ``onupdate``. A form that keeps a row while the officer types
    compares the version it started from in services.versions.
    """

    version: Mapped[int] = mapped_column(
        Integer, nullable=False, server_default=text("1"), onupdate=literal_column("version") + 1
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]

    def record_label(self) -> str:
        """What names the row for a person: its name, title or full name."""
        for attribute in ("name", "title", "full_name"):
            value = getattr(self, attribute, None)
            if isinstance(value, str):
                return value
        return ""


def restrict(target: str) -> ForeignKey:
    return ForeignKey(target, ondelete="RESTRICT")


def one_of(column: str, values: type[StrEnum], name: str | None = None) -> CheckConstraint:
    allowed = ", ".join(f"'{v.value}'" for v in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=name or f"{column}_allowed")


class Programme(Versioned, Timestamped, Base):
    """A collective approach, e.g. "RESILIAN - Alsace du Nord"."""

    __tablename__ = "programme"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    territory: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    agency_name: Mapped[str | None] = mapped_column(String(200))
    operation_reference: Mapped[str | None] = mapped_column(String(100))
    funding_mention: Mapped[str | None] = mapped_column(Text)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)

    funders: Mapped[list[ProgrammeFunder]] = relationship(
        back_populates="programme", order_by="ProgrammeFunder.position"
    )


class ProgrammeFunder(Versioned, Timestamped, Base):
    """A funder of a programme, with what must be printed on its documents."""

    __tablename__ = "programme_funder"
    __table_args__ = (UniqueConstraint("programme_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(restrict("programme.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(restrict("organisation.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    logo_file: Mapped[str | None] = mapped_column(String(500))
    funding_mention: Mapped[str | None] = mapped_column(Text)
    operation_reference: Mapped[str | None] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)

    programme: Mapped[Programme] = relationship(back_populates="funders")


class Topic(Versioned, Timestamped, Base):
    """A theme of exchange: lean, digitalisation, training, HR, ..."""

    __tablename__ = "topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Organisation(Archivable, Versioned, Timestamped, Base):
    """A company site (one SIRET) or a partner: funder, local authority, agency..."""

    __tablename__ = "organisation"
    __table_args__ = (
        one_of("kind", OrganisationKind),
        CheckConstraint("headcount IS NULL OR headcount >= 0", name="headcount_positive"),
        # One site, one SIRET; several rows without SIRET are allowed.
        Index(
            "uq_organisation_siret",
            "siret",
            unique=True,
            sqlite_where=text("siret IS NOT NULL"),
            postgresql_where=text("siret IS NOT NULL"),
        ),
        Index("ix_organisation_name", "name"),
        Index("ix_organisation_sort_name", "sort_name"),
        archived_index("organisation"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default=OrganisationKind.COMPANY.value)
    name: Mapped[str] = mapped_column(String(200))
    # fold(name), kept by a mapper hook (sort_name_hooks): lists sort on it
    # through an index, accent- and case-blind ("Électricité" among the E).
    sort_name: Mapped[str] = mapped_column(String(300), default="", server_default="")
    siren: Mapped[str | None] = mapped_column(String(9))
    siret: Mapped[str | None] = mapped_column(String(14))
    naf_code: Mapped[str | None] = mapped_column(String(6))
    sector: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    postcode: Mapped[str | None] = mapped_column(String(10))
    commune: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2), default="FR", server_default="FR")
    headcount: Mapped[int | None] = mapped_column(Integer)
    website: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    # Set when the organisation was merged into another (a duplicate): it stays,
    # archived, so history and old exports still resolve, and points to the one kept.
    merged_into_id: Mapped[int | None] = mapped_column(restrict("organisation.id"))

    contacts: Mapped[list[Contact]] = relationship(back_populates="organisation")
    memberships: Mapped[list[Membership]] = relationship(back_populates="organisation")
    topic_links: Mapped[list[OrganisationTopic]] = relationship(back_populates="organisation")


class Membership(Versioned, Timestamped, Base):
    """An organisation's membership of a programme, with its dates."""

    __tablename__ = "membership"
    __table_args__ = (
        UniqueConstraint("organisation_id", "programme_id", "since"),
        # One membership without a start date per organisation and programme
        # (NULLs are distinct in the constraint above).
        Index(
            "uq_membership_undated",
            "organisation_id",
            "programme_id",
            unique=True,
            sqlite_where=text("since IS NULL"),
            postgresql_where=text("since IS NULL"),
        ),
        CheckConstraint("until IS NULL OR since IS NULL OR until >= since", name="dates_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(restrict("organisation.id"), index=True)
    programme_id: Mapped[int] = mapped_column(restrict("programme.id"), index=True)
    since: Mapped[dt.date | None] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date)

    organisation: Mapped[Organisation] = relationship(back_populates="memberships")
    programme: Mapped[Programme] = relationship()


class OrganisationTopic(Timestamped, Base):
    """A topic an organisation has expertise in, or a need for."""

    __tablename__ = "organisation_topic"
    __table_args__ = (one_of("relation", TopicRelation),)

    organisation_id: Mapped[int] = mapped_column(restrict("organisation.id"), primary_key=True)
    topic_id: Mapped[int] = mapped_column(restrict("topic.id"), primary_key=True, index=True)
    relation: Mapped[str] = mapped_column(String(10), primary_key=True)

    organisation: Mapped[Organisation] = relationship(back_populates="topic_links")
    topic: Mapped[Topic] = relationship()


class Contact(Archivable, Versioned, Timestamped, Base):
    """A contact: someone who works for an organisation, or an elected official."""

    # The stored names keep the first word, "person" (this table, the *person_id
    # columns): outside tools, the command line's --person and person_id read them.
    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint("civility IS NULL OR civility IN ('M.', 'Mme')", name="civility_allowed"),
        one_of("consent_basis", ConsentBasis),
        Index("ix_person_names", "last_name", "first_name"),
        Index("ix_person_email", "email"),
        Index("ix_person_email_key", "email_key"),
        # Duplicate checks by name look for a sort name within an organisation.
        Index("ix_person_sort_name_organisation", "sort_name", "organisation_id"),
        Index("ix_person_sort_name", "sort_name"),
        archived_index("person"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    civility: Mapped[str | None] = mapped_column(String(3))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    # person_sort_name(last, first), kept by a mapper hook: the list's order and
    # the duplicate check's indexed lookup.
    sort_name: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # email.lower(), kept by the same hook: duplicate checks by e-mail are an
    # indexed lookup instead of a scan per row (an import of N contacts was N²).
    email_key: Mapped[str | None] = mapped_column(String(254))
    job_title: Mapped[str | None] = mapped_column(String(200))
    organisation_id: Mapped[int | None] = mapped_column(restrict("organisation.id"), index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(30))
    mobile: Mapped[str | None] = mapped_column(String(30))
    is_elected_official: Mapped[bool] = mapped_column(Boolean, default=False)
    mandate: Mapped[str | None] = mapped_column(String(200))
    consent_basis: Mapped[str] = mapped_column(
        String(30), default=ConsentBasis.LEGITIMATE_INTEREST.value
    )
    consent_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Set when the person's data was erased on request (RGPD): the row stays,
    # anonymous, so past attendance counts do not change.
    erased_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Set when the contact was merged into another (a duplicate): see Organisation.
    merged_into_id: Mapped[int | None] = mapped_column(restrict("person.id"))

    organisation: Mapped[Organisation | None] = relationship(back_populates="contacts")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Taskforce(Archivable, Versioned, Timestamped, Base):
    """One problem, one project: a working group with a roadmap."""

    __tablename__ = "taskforce"
    __table_args__ = (
        one_of("status", TaskforceStatus),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="dates_ordered",
        ),
        archived_index("taskforce"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(restrict("programme.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    problem_statement: Mapped[str | None] = mapped_column(Text)
    objectives: Mapped[str | None] = mapped_column(Text)
    success_indicators: Mapped[str | None] = mapped_column(Text)
    lead_organisation_id: Mapped[int | None] = mapped_column(
        restrict("organisation.id"), index=True
    )
    lead_person_id: Mapped[int | None] = mapped_column(restrict("person.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=TaskforceStatus.EMERGING.value)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)

    programme: Mapped[Programme] = relationship()
    lead_organisation: Mapped[Organisation | None] = relationship()
    lead_contact: Mapped[Contact | None] = relationship()
    origins: Mapped[list[TaskforceOrigin]] = relationship(back_populates="taskforce")
    members: Mapped[list[TaskforceMember]] = relationship(back_populates="taskforce")
    actions: Mapped[list[RoadmapAction]] = relationship(
        back_populates="taskforce",
        order_by="RoadmapAction.position",
        foreign_keys="RoadmapAction.taskforce_id",
    )


class TaskforceOrigin(Timestamped, Base):
    """An organisation that raised the taskforce's problem."""

    __tablename__ = "taskforce_origin"

    taskforce_id: Mapped[int] = mapped_column(restrict("taskforce.id"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        restrict("organisation.id"), primary_key=True, index=True
    )

    taskforce: Mapped[Taskforce] = relationship(back_populates="origins")
    organisation: Mapped[Organisation] = relationship()


class TaskforceMember(Versioned, Timestamped, Base):
    """A member of a taskforce: a person (with their organisation) or a whole organisation."""

    __tablename__ = "taskforce_member"
    __table_args__ = (
        one_of("role", MemberRole),
        CheckConstraint(
            "person_id IS NOT NULL OR organisation_id IS NOT NULL", name="person_or_organisation"
        ),
        UniqueConstraint("taskforce_id", "person_id", "organisation_id"),
        # SQLite treats NULLs as distinct in the constraint above: these say
        # "a person once per taskforce" and "a whole organisation once".
        Index(
            "uq_taskforce_member_person",
            "taskforce_id",
            "person_id",
            unique=True,
            sqlite_where=text("person_id IS NOT NULL"),
            postgresql_where=text("person_id IS NOT NULL"),
        ),
        Index(
            "uq_taskforce_member_organisation",
            "taskforce_id",
            "organisation_id",
            unique=True,
            sqlite_where=text("person_id IS NULL"),
            postgresql_where=text("person_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    taskforce_id: Mapped[int] = mapped_column(restrict("taskforce.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(restrict("person.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(restrict("organisation.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default=MemberRole.MEMBER.value)
    joined_on: Mapped[dt.date | None] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)

    taskforce: Mapped[Taskforce] = relationship(back_populates="members")
    contact: Mapped[Contact | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()


class Meeting(Archivable, Versioned, Timestamped, Base):
    """A business corner, challenge, taskforce meeting, steering committee..."""

    __tablename__ = "meeting"
    __table_args__ = (
        one_of("kind", MeetingKind),
        one_of("status", MeetingStatus),
        CheckConstraint(
            "end_time IS NULL OR start_time IS NULL OR end_time >= start_time",
            name="times_ordered",
        ),
        CheckConstraint(
            "venue_capacity IS NULL OR venue_capacity > 0", name="venue_capacity_positive"
        ),
        Index("ix_meeting_date", "date"),
        archived_index("meeting"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(restrict("programme.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300))
    date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    venue: Mapped[str | None] = mapped_column(String(300))
    # How many people the room holds, when known: more present is a controller's red flag.
    venue_capacity: Mapped[int | None] = mapped_column(Integer)
    host_organisation_id: Mapped[int | None] = mapped_column(
        restrict("organisation.id"), index=True
    )
    taskforce_id: Mapped[int | None] = mapped_column(restrict("taskforce.id"), index=True)
    agenda: Mapped[str | None] = mapped_column(Text)
    minutes: Mapped[str | None] = mapped_column(Text)
    decisions: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=MeetingStatus.PLANNED.value)

    programme: Mapped[Programme] = relationship()
    host_organisation: Mapped[Organisation | None] = relationship()
    taskforce: Mapped[Taskforce | None] = relationship()
    topic_links: Mapped[list[MeetingTopic]] = relationship(back_populates="meeting")
    attendances: Mapped[list[Attendance]] = relationship(back_populates="meeting")


class MeetingTopic(Timestamped, Base):
    __tablename__ = "meeting_topic"

    meeting_id: Mapped[int] = mapped_column(restrict("meeting.id"), primary_key=True)
    topic_id: Mapped[int] = mapped_column(restrict("topic.id"), primary_key=True, index=True)

    meeting: Mapped[Meeting] = relationship(back_populates="topic_links")
    topic: Mapped[Topic] = relationship()


class Attendance(Versioned, Timestamped, Base):
    """A person's invitation to, and presence at, a meeting.

    The organisation represented and the job title are copied on the day, so
    a person who changes company later does not rewrite past figures.
    present_morning / present_afternoon record presence per half-day when the
    meeting spans both (None: that half-day is not covered or not recorded).
    """

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        one_of("status", AttendanceStatus),
        one_of("role", AttendanceRole),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(restrict("meeting.id"))
    person_id: Mapped[int] = mapped_column(restrict("person.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(restrict("organisation.id"), index=True)
    organisation_name: Mapped[str | None] = mapped_column(String(200))
    job_title: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default=AttendanceStatus.INVITED.value)
    role: Mapped[str] = mapped_column(String(20), default=AttendanceRole.PARTICIPANT.value)
    present_morning: Mapped[bool | None] = mapped_column(Boolean)
    present_afternoon: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str | None] = mapped_column(Text)

    meeting: Mapped[Meeting] = relationship(back_populates="attendances")
    contact: Mapped[Contact] = relationship()
    organisation: Mapped[Organisation | None] = relationship()


class RoadmapAction(Versioned, Timestamped, Base):
    """One line of a taskforce's roadmap."""

    __tablename__ = "roadmap_action"
    __table_args__ = (
        one_of("status", ActionStatus),
        CheckConstraint("progress BETWEEN 0 AND 100", name="progress_range"),
        CheckConstraint(
            "due_date IS NULL OR start_date IS NULL OR due_date >= start_date",
            name="dates_ordered",
        ),
        Index("ix_roadmap_action_taskforce_position", "taskforce_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    taskforce_id: Mapped[int] = mapped_column(restrict("taskforce.id"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    owner_person_id: Mapped[int | None] = mapped_column(restrict("person.id"), index=True)
    owner_organisation_id: Mapped[int | None] = mapped_column(
        restrict("organisation.id"), index=True
    )
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=ActionStatus.TODO.value)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    is_milestone: Mapped[bool] = mapped_column(Boolean, default=False)
    done_date: Mapped[dt.date | None] = mapped_column(Date)
    deliverable: Mapped[str | None] = mapped_column(String(300))
    decided_in_meeting_id: Mapped[int | None] = mapped_column(restrict("meeting.id"), index=True)

    taskforce: Mapped[Taskforce] = relationship(back_populates="actions")
    owner_contact: Mapped[Contact | None] = relationship()
    owner_organisation: Mapped[Organisation | None] = relationship()
    decided_in_meeting: Mapped[Meeting | None] = relationship()


class ErasureRecord(Timestamped, Base):
    """The register of erasures: when a person's data was erased, and nothing personal."""

    __tablename__ = "erasure_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    erased_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    attendance_rows_kept: Mapped[int] = mapped_column(Integer, default=0)


class SignatureRecord(Base):
    """One signature given on screen (or on a tablet) for one half-day of a meeting.

    Evidence for funders' controllers, so it is never updated: the rows of one
    meeting form a hash chain (services.signatures), and each row stores the
    SHA-256 of its image and strokes, so that erasing them (privacy) keeps the
    chain verifiable. ``signed_at`` is ISO 8601 text with the local offset, as
    outside audit tools read it.
    """

    __tablename__ = "signature"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id", "half_day"),
        UniqueConstraint("meeting_id", "position"),
        CheckConstraint("half_day IN ('morning', 'afternoon')", name="half_day_allowed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(restrict("meeting.id"))
    position: Mapped[int] = mapped_column(Integer)  # 1, 2, ... within the meeting's chain
    person_id: Mapped[int] = mapped_column(restrict("person.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(restrict("organisation.id"), index=True)
    organisation_name: Mapped[str | None] = mapped_column(String(200))
    half_day: Mapped[str] = mapped_column(String(10))
    signed_at: Mapped[str] = mapped_column(String(40))
    image: Mapped[bytes | None] = mapped_column(LargeBinary)  # PNG; None once erased
    strokes: Mapped[str | None] = mapped_column(Text)  # JSON; None once erased or not given
    image_sha256: Mapped[str] = mapped_column(String(64))
    strokes_sha256: Mapped[str] = mapped_column(String(64))
    chain_hash: Mapped[str] = mapped_column(String(64))


class MeetingAttachment(Base):
    """A scanned sheet (or any proof) attached to a meeting: the file lives in the
    attachments folder beside the database, under ``stored_name``; its SHA-256
    is recorded here so that a changed or replaced file is seen."""

    __tablename__ = "meeting_attachment"
    __table_args__ = (
        UniqueConstraint("meeting_id", "sha256"),
        CheckConstraint(
            "media_type IN ('application/pdf', 'image/png', 'image/jpeg')",
            name="media_type_allowed",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(restrict("meeting.id"), index=True)
    original_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(255), unique=True)
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    attached_at: Mapped[str] = mapped_column(String(40))  # ISO 8601 with the local offset


class TeamMember(Base):
    """A database user's programme, on a team's PostgreSQL server (services.team).

    The user's role (admin, officer, reader) is the server's own group
    membership; this table says which programmes an officer writes and a
    reader reads. The server's row-level security policies read it. Unused on
    a local SQLite file, which has one user.
    """

    __tablename__ = "team_member"

    db_user: Mapped[str] = mapped_column(String(63), primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        restrict("programme.id"), primary_key=True, index=True
    )


# Rows per table that a backup or a migration must carry over unchanged.
HISTORY_TABLES = (
    "programme",
    "programme_funder",
    "topic",
    "organisation",
    "membership",
    "organisation_topic",
    "person",
    "taskforce",
    "taskforce_origin",
    "taskforce_member",
    "meeting",
    "meeting_topic",
    "attendance",
    "roadmap_action",
    "erasure_record",
    "signature",
    "meeting_attachment",
)


@event.listens_for(Organisation, "before_insert")
@event.listens_for(Organisation, "before_update")
def _organisation_sort_name(_mapper: Mapper[Any], _connection: Any, target: Organisation) -> None:
    target.sort_name = fold(target.name)


@event.listens_for(Contact, "before_insert")
@event.listens_for(Contact, "before_update")
def _contact_sort_name(_mapper: Mapper[Any], _connection: Any, target: Contact) -> None:
    target.sort_name = contact_sort_name(target.last_name, target.first_name)
    target.email_key = target.email.lower() if target.email else None


__all__ = [
    "HISTORY_TABLES",
    "Attendance",
    "Base",
    "Civility",
    "Contact",
    "ErasureRecord",
    "Meeting",
    "MeetingAttachment",
    "MeetingTopic",
    "Membership",
    "Organisation",
    "OrganisationTopic",
    "Programme",
    "ProgrammeFunder",
    "RoadmapAction",
    "SignatureRecord",
    "Taskforce",
    "TaskforceMember",
    "TaskforceOrigin",
    "TeamMember",
    "Topic",
]
