"""Programmes (collective approaches) with their funders, and the editable topics."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Organisation, Programme, ProgrammeFunder, Topic
from resilian_desktop.domain import validation as v
from resilian_desktop.domain.errors import FieldProblem, ValidationError
from resilian_desktop.services.common import check_reference, collect, get_or_raise, raise_if


@dataclass(frozen=True)
class FunderRow:
    id: int
    name: str
    organisation_id: int | None
    logo_file: str | None
    funding_mention: str | None
    operation_reference: str | None


@dataclass(frozen=True)
class ProgrammeRow:
    id: int
    name: str
    territory: str | None
    description: str | None
    agency_name: str | None
    operation_reference: str | None
    funding_mention: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    funders: tuple[FunderRow, ...]


@dataclass(frozen=True)
class ProgrammeDraft:
    name: str
    territory: str | None = None
    description: str | None = None
    agency_name: str | None = None
    operation_reference: str | None = None
    funding_mention: str | None = None
    start_date: object = None
    end_date: object = None


@dataclass(frozen=True)
class TopicRow:
    id: int
    name: str
    position: int


def _programme_row(p: Programme) -> ProgrammeRow:
    return ProgrammeRow(
        id=p.id,
        name=p.name,
        territory=p.territory,
        description=p.description,
        agency_name=p.agency_name,
        operation_reference=p.operation_reference,
        funding_mention=p.funding_mention,
        start_date=p.start_date,
        end_date=p.end_date,
        funders=tuple(
            FunderRow(
                f.id,
                f.name,
                f.organisation_id,
                f.logo_file,
                f.funding_mention,
                f.operation_reference,
            )
            for f in p.funders
        ),
    )


def create_programme(db: Database, draft: ProgrammeDraft) -> ProgrammeRow:
    problems: list[FieldProblem] = []
    values = {
        "name": collect(problems, v.require_text, draft.name, field="name"),
        "territory": collect(problems, v.optional_text, draft.territory, field="territory"),
        "description": collect(
            problems, v.optional_text, draft.description, field="description", multiline=True
        ),
        "agency_name": collect(problems, v.optional_text, draft.agency_name, field="agency_name"),
        "operation_reference": collect(
            problems,
            v.optional_text,
            draft.operation_reference,
            field="operation_reference",
            max_length=100,
        ),
        "funding_mention": collect(
            problems,
            v.optional_text,
            draft.funding_mention,
            field="funding_mention",
            multiline=True,
        ),
        "start_date": collect(problems, v.parse_date, draft.start_date, field="start_date"),
        "end_date": collect(problems, v.parse_date, draft.end_date, field="end_date"),
    }
    raise_if(problems)
    v.check_date_order(
        values["start_date"], values["end_date"], start_field="start_date", end_field="end_date"
    )
    with db.write() as session:
        if session.scalar(select(Programme.id).where(Programme.name == values["name"])):
            raise ValidationError.single(
                "name", "name_taken", f'a programme named "{values["name"]}" already exists'
            )
        programme = Programme(**values)
        session.add(programme)
        session.flush()
        return _programme_row(programme)


def add_funder(
    db: Database,
    programme_id: int,
    *,
    name: str,
    organisation_id: int | None = None,
    logo_file: str | None = None,
    funding_mention: str | None = None,
    operation_reference: str | None = None,
) -> ProgrammeRow:
    problems: list[FieldProblem] = []
    clean_name = collect(problems, v.require_text, name, field="name")
    with db.write() as session:
        programme = get_or_raise(session, Programme, programme_id, "programme")
        check_reference(
            session, Organisation, organisation_id, "organisation_id", "organisation", problems
        )
        raise_if(problems)
        position = session.scalar(
            select(func.count()).where(ProgrammeFunder.programme_id == programme_id)
        )
        session.add(
            ProgrammeFunder(
                programme_id=programme_id,
                organisation_id=organisation_id,
                name=clean_name,
                logo_file=logo_file,
                funding_mention=funding_mention,
                operation_reference=operation_reference,
                position=int(position or 0),
            )
        )
        session.flush()
        session.refresh(programme)
        return _programme_row(programme)


def list_programmes(db: Database) -> list[ProgrammeRow]:
    with db.read() as session:
        return [
            _programme_row(p) for p in session.scalars(select(Programme).order_by(Programme.name))
        ]


def get_programme(db: Database, programme_id: int) -> ProgrammeRow:
    with db.read() as session:
        return _programme_row(get_or_raise(session, Programme, programme_id, "programme"))


def list_topics(db: Database) -> list[TopicRow]:
    with db.read() as session:
        return [
            TopicRow(t.id, t.name, t.position)
            for t in session.scalars(select(Topic).order_by(Topic.position, Topic.name))
        ]


def create_topic(db: Database, name: str) -> TopicRow:
    clean = v.require_text(name, field="name", max_length=100)
    with db.write() as session:
        if session.scalar(select(Topic.id).where(func.fold(Topic.name) == func.fold(clean))):
            raise ValidationError.single(
                "name", "name_taken", f'the topic "{clean}" already exists'
            )
        position = session.scalar(select(func.max(Topic.position))) or 0
        topic = Topic(name=clean, position=position + 1)
        session.add(topic)
        session.flush()
        return TopicRow(topic.id, topic.name, topic.position)


def rename_topic(db: Database, topic_id: int, name: str) -> TopicRow:
    clean = v.require_text(name, field="name", max_length=100)
    with db.write() as session:
        topic = get_or_raise(session, Topic, topic_id, "topic")
        clash = session.scalar(
            select(Topic.id).where(func.fold(Topic.name) == func.fold(clean), Topic.id != topic_id)
        )
        if clash:
            raise ValidationError.single(
                "name", "name_taken", f'the topic "{clean}" already exists'
            )
        topic.name = clean
        session.flush()
        return TopicRow(topic.id, topic.name, topic.position)
