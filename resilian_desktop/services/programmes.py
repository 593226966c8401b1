"""Programmes (collective approaches) with their funders, and the editable topics."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resilian_desktop import paths
from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Meeting,
    MeetingTopic,
    Membership,
    Organisation,
    OrganisationTopic,
    Programme,
    ProgrammeFunder,
    Taskforce,
    Topic,
)
from resilian_desktop.domain import validation as v
from resilian_desktop.domain.errors import FieldProblem, ValidationError
from resilian_desktop.domain.text import fold
from resilian_desktop.services.common import (
    HasHistoryError,
    check_reference,
    collect,
    get_or_raise,
    raise_if,
    refuse_if_history,
    renumber,
)

# Images the attendance sheets and the PDF documents can print.
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")
# Where chosen logos are copied, under the user data folder.
LOGO_FOLDER = "logos"


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
class FunderDraft:
    """One funder line as a form submits it; ``id`` names the stored line it edits."""

    name: str
    organisation_id: int | None = None
    logo_file: str | None = None
    funding_mention: str | None = None
    operation_reference: str | None = None
    id: int | None = None


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
    # Every funder, in the order of their logos, saved with the programme;
    # None leaves the funders as they are.
    funders: tuple[FunderDraft, ...] | None = None


@dataclass(frozen=True)
class TopicRow:
    id: int
    name: str
    position: int


@dataclass(frozen=True)
class TopicUsage:
    """A topic with what refers to it (a topic in use cannot be deleted)."""

    id: int
    name: str
    position: int
    organisations: int
    meetings: int

    @property
    def in_use(self) -> bool:
        return bool(self.organisations or self.meetings)


class TopicInUseError(HasHistoryError):
    """A topic still ticked on organisations or meetings cannot be deleted."""

    def __init__(self, name: str, organisations: int, meetings: int) -> None:
        self.name = name
        self.organisations = organisations
        self.meetings = meetings
        super().__init__(
            f'the topic "{name}" is used by {organisations} organisation(s) and '
            f"{meetings} meeting(s): untick it there first, or rename it"
        )


def _funder_row(f: ProgrammeFunder) -> FunderRow:
    return FunderRow(
        f.id, f.name, f.organisation_id, f.logo_file, f.funding_mention, f.operation_reference
    )


def _funder_values(line: FunderDraft) -> dict[str, object]:
    """The columns a funder line sets (its place in the order aside)."""
    return {
        "name": line.name,
        "organisation_id": line.organisation_id,
        "logo_file": line.logo_file,
        "funding_mention": line.funding_mention,
        "operation_reference": line.operation_reference,
    }


def _programme_row(
    session: Session, p: Programme, funders: Iterable[FunderRow] | None = None
) -> ProgrammeRow:
    """The programme with its funders in their order (read unless given)."""
    if funders is None:
        funders = map(
            _funder_row,
            session.scalars(
                select(ProgrammeFunder)
                .where(ProgrammeFunder.programme_id == p.id)
                .order_by(ProgrammeFunder.position, ProgrammeFunder.id)
            ),
        )
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
        funders=tuple(funders),
    )


# --- programmes -------------------------------------------------------------


def _programme_values(draft: ProgrammeDraft, problems: list[FieldProblem]) -> dict[str, object]:
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
    if not any(p.field in ("start_date", "end_date") for p in problems):
        collect(
            problems,
            v.check_date_order,
            values["start_date"],
            values["end_date"],
            start_field="start_date",
            end_field="end_date",
        )
    return values


def _name_taken(
    session: Session, model: type[Programme | Topic], name: str, exclude_id: int | None
) -> bool:
    """Whether another record of *model* has this name, accents and case ignored."""
    query = select(model.id).where(func.fold(model.name) == fold(name))
    if exclude_id is not None:
        query = query.where(model.id != exclude_id)
    return session.scalar(query) is not None


def _check_programme_name(
    session: Session, name: object, exclude_id: int | None, problems: list[FieldProblem]
) -> None:
    if isinstance(name, str) and _name_taken(session, Programme, name, exclude_id):
        problems.append(
            FieldProblem("name", "name_taken", f'a programme named "{name}" already exists')
        )


def create_programme(db: Database, draft: ProgrammeDraft) -> ProgrammeRow:
    """Validate and save a new programme (and its funders, if given) in one transaction.

    Raises ValidationError naming each field; a name already used, even with
    other accents or case, is ``name_taken``; funder lines' problems are on
    ``funders``.
    """
    with db.write() as session:
        problems: list[FieldProblem] = []
        values = _programme_values(draft, problems)
        _check_programme_name(session, values["name"], None, problems)
        lines = (
            None
            if draft.funders is None
            else _check_funder_lines(session, None, draft.funders, problems)
        )
        raise_if(problems)
        programme = Programme(**values)
        session.add(programme)
        session.flush()
        if lines is not None:
            _set_funders(session, programme.id, lines)
        return _programme_row(session, programme)


def update_programme(db: Database, programme_id: int, draft: ProgrammeDraft) -> ProgrammeRow:
    """Validate and save a programme and, unless ``draft.funders`` is None, its
    funders (added, edited, removed and reordered) in one transaction."""
    with db.write() as session:
        programme = get_or_raise(session, Programme, programme_id, "programme")
        problems: list[FieldProblem] = []
        values = _programme_values(draft, problems)
        _check_programme_name(session, values["name"], programme_id, problems)
        lines = (
            None
            if draft.funders is None
            else _check_funder_lines(session, programme_id, draft.funders, problems)
        )
        raise_if(problems)
        for key, value in values.items():
            setattr(programme, key, value)
        if lines is not None:
            _set_funders(session, programme_id, lines)
        session.flush()
        return _programme_row(session, programme)


def list_programmes(db: Database) -> list[ProgrammeRow]:
    with db.read() as session:
        # Every programme's funders in one query, not one per programme.
        funders: dict[int, list[FunderRow]] = {}
        for f in session.scalars(
            select(ProgrammeFunder).order_by(ProgrammeFunder.position, ProgrammeFunder.id)
        ):
            funders.setdefault(f.programme_id, []).append(_funder_row(f))
        return [
            _programme_row(session, p, funders.get(p.id, ()))
            for p in session.scalars(select(Programme).order_by(Programme.name))
        ]


def get_programme(db: Database, programme_id: int) -> ProgrammeRow:
    with db.read() as session:
        return _programme_row(session, get_or_raise(session, Programme, programme_id, "programme"))


def programme_history(session: Session, programme_id: int) -> dict[str, int]:
    """What refers to a programme, by kind; empty when it can be deleted."""
    counts = {
        "meetings": select(func.count()).where(Meeting.programme_id == programme_id),
        "taskforces": select(func.count()).where(Taskforce.programme_id == programme_id),
        "memberships": select(func.count()).where(Membership.programme_id == programme_id),
    }
    result = {name: int(session.scalar(query) or 0) for name, query in counts.items()}
    return {name: n for name, n in result.items() if n}


def programme_usage(db: Database, programme_id: int) -> dict[str, int]:
    """programme_history in its own read (the window asks before offering deletion)."""
    with db.read() as session:
        get_or_raise(session, Programme, programme_id, "programme")
        return programme_history(session, programme_id)


def delete_programme(db: Database, programme_id: int) -> None:
    """Delete a programme created by mistake, with its funder lines.

    Raises HasHistoryError when meetings, taskforces or memberships refer to it.
    """
    with db.write() as session:
        programme = get_or_raise(session, Programme, programme_id, "programme")
        refuse_if_history(
            "programme", programme_id, programme.name, programme_history(session, programme_id)
        )
        for funder in session.scalars(
            select(ProgrammeFunder).where(ProgrammeFunder.programme_id == programme_id)
        ):
            session.delete(funder)
        session.flush()
        session.delete(programme)


# --- funders ----------------------------------------------------------------


def check_funder(draft: FunderDraft, others: Iterable[FunderDraft | FunderRow]) -> FunderDraft:
    """Validate one funder line against the programme's *other* funders; returns it cleaned.

    Needs no database, so a form checks a line before it joins its list.
    Raises ValidationError on ``name`` (``required``, ``too_long``,
    ``name_taken``), ``logo_file`` (``logo_format``: not an image the
    documents can print), ``funding_mention`` and ``operation_reference``.
    """
    problems: list[FieldProblem] = []
    name = collect(problems, v.require_text, draft.name, field="name")
    logo = collect(problems, v.optional_text, draft.logo_file, field="logo_file", max_length=500)
    if isinstance(logo, str) and PurePosixPath(logo.replace("\\", "/")).suffix.lower() not in (
        LOGO_SUFFIXES
    ):
        problems.append(
            FieldProblem(
                "logo_file",
                "logo_format",
                f'logo "{logo}" must be an image: {", ".join(LOGO_SUFFIXES)}',
            )
        )
    mention = collect(
        problems, v.optional_text, draft.funding_mention, field="funding_mention", multiline=True
    )
    reference = collect(
        problems,
        v.optional_text,
        draft.operation_reference,
        field="operation_reference",
        max_length=100,
    )
    if isinstance(name, str) and any(fold(o.name) == fold(name) for o in others):
        problems.append(
            FieldProblem("name", "name_taken", f'"{name}" is already a funder of this programme')
        )
    raise_if(problems)
    return FunderDraft(name, draft.organisation_id, logo, mention, reference, draft.id)


def _check_funder_lines(
    session: Session,
    programme_id: int | None,
    drafts: Iterable[FunderDraft],
    problems: list[FieldProblem],
) -> list[FunderDraft]:
    """Every funder line of a form, checked; problems on field "funders"."""
    stored = (
        set()
        if programme_id is None
        else set(
            session.scalars(
                select(ProgrammeFunder.id).where(ProgrammeFunder.programme_id == programme_id)
            )
        )
    )
    lines: list[FunderDraft] = []
    for draft in drafts:
        what = f'funder "{draft.name.strip()}"' if draft.name.strip() else "funder"
        if draft.id is not None and draft.id not in stored:
            problems.append(
                FieldProblem(
                    "funders",
                    "unknown_reference",
                    f"{what}: line {draft.id} is not one of this programme's funders",
                )
            )
            continue
        own: list[FieldProblem] = []
        check_reference(
            session, Organisation, draft.organisation_id, "funders", "organisation", own
        )
        try:
            lines.append(check_funder(draft, lines))
        except ValidationError as error:
            own.extend(error.problems)
        problems.extend(FieldProblem("funders", p.code, f"{what}: {p.message}") for p in own)
    return lines


def _set_funders(session: Session, programme_id: int, lines: Sequence[FunderDraft]) -> None:
    """Make the programme's funders exactly *lines*, in that order.

    A renamed line is deleted and written again with its id, after the
    removed ones: names are unique within a programme, and renaming rows in
    place one by one could collide halfway through (two names swapped).
    """
    stored = {
        f.id: f
        for f in session.scalars(
            select(ProgrammeFunder).where(ProgrammeFunder.programme_id == programme_id)
        )
    }
    wanted = {line.id: line for line in lines if line.id is not None}
    renamed: dict[int, dt.datetime] = {}
    for funder_id, funder in stored.items():
        line = wanted.get(funder_id)
        if line is None or line.name != funder.name:
            if line is not None:
                renamed[funder_id] = funder.created_at
            session.delete(funder)
    session.flush()
    for position, line in enumerate(lines):
        values = {**_funder_values(line), "position": position}
        if line.id is not None and line.id not in renamed:
            for key, value in values.items():
                setattr(stored[line.id], key, value)
        elif line.id is not None:
            session.add(
                ProgrammeFunder(
                    id=line.id,
                    programme_id=programme_id,
                    created_at=renamed[line.id],
                    **values,
                )
            )
        else:
            session.add(ProgrammeFunder(programme_id=programme_id, **values))
    session.flush()


def _other_funders(
    session: Session, programme_id: int, besides: int | None = None
) -> list[FunderRow]:
    query = select(ProgrammeFunder).where(ProgrammeFunder.programme_id == programme_id)
    if besides is not None:
        query = query.where(ProgrammeFunder.id != besides)
    return [_funder_row(f) for f in session.scalars(query)]


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
    """Add a funder after the programme's others (same errors as check_funder,
    and ``unknown_reference`` on ``organisation_id``)."""
    with db.write() as session:
        programme = get_or_raise(session, Programme, programme_id, "programme")
        problems: list[FieldProblem] = []
        check_reference(
            session, Organisation, organisation_id, "organisation_id", "organisation", problems
        )
        line = collect(
            problems,
            check_funder,
            FunderDraft(name, organisation_id, logo_file, funding_mention, operation_reference),
            _other_funders(session, programme_id),
        )
        raise_if(problems)
        position = session.scalar(
            select(func.count()).where(ProgrammeFunder.programme_id == programme_id)
        )
        session.add(
            ProgrammeFunder(
                programme_id=programme_id, position=int(position or 0), **_funder_values(line)
            )
        )
        session.flush()
        return _programme_row(session, programme)


def update_funder(db: Database, funder_id: int, draft: FunderDraft) -> ProgrammeRow:
    """Change one funder line (its place in the order stays); same errors as add_funder."""
    with db.write() as session:
        funder = get_or_raise(session, ProgrammeFunder, funder_id, "funder")
        problems: list[FieldProblem] = []
        check_reference(
            session,
            Organisation,
            draft.organisation_id,
            "organisation_id",
            "organisation",
            problems,
        )
        line = collect(
            problems,
            check_funder,
            draft,
            _other_funders(session, funder.programme_id, besides=funder_id),
        )
        raise_if(problems)
        for key, value in _funder_values(line).items():
            setattr(funder, key, value)
        session.flush()
        return _programme_row(session, funder.programme)


def _funder_ids(session: Session, programme_id: int) -> list[int]:
    return list(
        session.scalars(
            select(ProgrammeFunder.id)
            .where(ProgrammeFunder.programme_id == programme_id)
            .order_by(ProgrammeFunder.position, ProgrammeFunder.id)
        )
    )


def remove_funder(db: Database, funder_id: int) -> ProgrammeRow:
    """Remove a funder line; the documents printed from now on no longer show it."""
    with db.write() as session:
        funder = get_or_raise(session, ProgrammeFunder, funder_id, "funder")
        programme = funder.programme
        session.delete(funder)
        session.flush()
        renumber(session, ProgrammeFunder, _funder_ids(session, programme.id))
        session.expire_all()
        return _programme_row(session, programme)


def move_funder(db: Database, funder_id: int, new_position: int) -> ProgrammeRow:
    """Move a funder to *new_position* (0-based) in the order of the logos."""
    with db.write() as session:
        funder = get_or_raise(session, ProgrammeFunder, funder_id, "funder")
        programme = funder.programme
        ids = _funder_ids(session, programme.id)
        ids.remove(funder_id)
        ids.insert(min(max(new_position, 0), len(ids)), funder_id)
        renumber(session, ProgrammeFunder, ids)
        session.expire_all()
        return _programme_row(session, programme)


def store_logo(source: Path) -> str:
    """Copy a logo chosen anywhere on disk into the user data folder.

    Returns the name to record as a funder's logo_file, relative to the user
    data folder (``logos/region.png``), so that moving or deleting the
    original later does not lose it. The same image chosen twice is copied
    once; another image with the same file name gets a numbered name.
    Raises ValidationError on ``logo_file``: ``logo_format`` (not an image
    the documents can print), ``file_unreadable``.
    """
    suffix = source.suffix.lower()
    if suffix not in LOGO_SUFFIXES:
        raise ValidationError.single(
            "logo_file",
            "logo_format",
            f'logo "{source.name}" must be an image: {", ".join(LOGO_SUFFIXES)}',
        )
    try:
        content = source.read_bytes()
    except OSError as error:
        raise ValidationError.single(
            "logo_file", "file_unreadable", f'cannot read "{source}": {error.strerror or error}'
        ) from None
    folder = paths.data_dir() / LOGO_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    stem = "-".join(fold(source.stem).split()) or "logo"
    digest = hashlib.sha256(content).digest()
    number = 1
    while True:
        name = f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}"
        target = folder / name
        if not target.exists():
            tmp = target.with_name(target.name + ".part")
            tmp.write_bytes(content)
            tmp.replace(target)
            break
        if hashlib.sha256(target.read_bytes()).digest() == digest:
            break
        number += 1
    return f"{LOGO_FOLDER}/{name}"


# --- topics -----------------------------------------------------------------


def _topic_rows(session: Session) -> list[TopicRow]:
    return [
        TopicRow(t.id, t.name, t.position)
        for t in session.scalars(select(Topic).order_by(Topic.position, Topic.name))
    ]


def _topic_ids(session: Session) -> list[int]:
    return list(session.scalars(select(Topic.id).order_by(Topic.position, Topic.name)))


def list_topics(db: Database) -> list[TopicRow]:
    with db.read() as session:
        return _topic_rows(session)


def _topic_counts(session: Session) -> tuple[dict[int, int], dict[int, int]]:
    """Per topic id: organisations that tick it (as expertise or need), meetings about it."""
    organisations: dict[int, int] = {
        topic_id: int(n)
        for topic_id, n in session.execute(
            select(
                OrganisationTopic.topic_id,
                func.count(func.distinct(OrganisationTopic.organisation_id)),
            ).group_by(OrganisationTopic.topic_id)
        )
    }
    meetings: dict[int, int] = {
        topic_id: int(n)
        for topic_id, n in session.execute(
            select(MeetingTopic.topic_id, func.count()).group_by(MeetingTopic.topic_id)
        )
    }
    return organisations, meetings


def list_topic_usage(db: Database) -> list[TopicUsage]:
    """The topics in their order, each with the organisations and meetings that use it."""
    with db.read() as session:
        organisations, meetings = _topic_counts(session)
        return [
            TopicUsage(t.id, t.name, t.position, organisations.get(t.id, 0), meetings.get(t.id, 0))
            for t in session.scalars(select(Topic).order_by(Topic.position, Topic.name))
        ]


def _check_topic_name(session: Session, name: object, exclude_id: int | None) -> str:
    clean = v.require_text(name, field="name", max_length=100)
    if _name_taken(session, Topic, clean, exclude_id):
        raise ValidationError.single("name", "name_taken", f'the topic "{clean}" already exists')
    return clean


def create_topic(db: Database, name: str) -> TopicRow:
    """Add a topic after the others; ``name_taken`` when it exists (any accents or case)."""
    with db.write() as session:
        clean = _check_topic_name(session, name, None)
        last = session.scalar(select(func.max(Topic.position)))
        topic = Topic(name=clean, position=0 if last is None else last + 1)
        session.add(topic)
        session.flush()
        return TopicRow(topic.id, topic.name, topic.position)


def rename_topic(db: Database, topic_id: int, name: str) -> TopicRow:
    """Rename a topic everywhere it is used (same errors as create_topic)."""
    with db.write() as session:
        topic = get_or_raise(session, Topic, topic_id, "topic")
        topic.name = _check_topic_name(session, name, topic_id)
        session.flush()
        return TopicRow(topic.id, topic.name, topic.position)


def move_topic(db: Database, topic_id: int, new_position: int) -> list[TopicRow]:
    """Move a topic to *new_position* (0-based) and renumber the topics 0..n-1.

    The order is the one of the check lists in the forms and of the filters.
    """
    with db.write() as session:
        get_or_raise(session, Topic, topic_id, "topic")
        ids = _topic_ids(session)
        ids.remove(topic_id)
        ids.insert(min(max(new_position, 0), len(ids)), topic_id)
        renumber(session, Topic, ids)
        session.expire_all()
        return _topic_rows(session)


def delete_topic(db: Database, topic_id: int) -> None:
    """Delete a topic nobody uses; TopicInUseError (with the counts) otherwise.

    The topics after it move up one place.
    """
    with db.write() as session:
        topic = get_or_raise(session, Topic, topic_id, "topic")
        organisations, meetings = _topic_counts(session)
        used_by = organisations.get(topic_id, 0), meetings.get(topic_id, 0)
        if any(used_by):
            raise TopicInUseError(topic.name, *used_by)
        session.delete(topic)
        session.flush()
        renumber(session, Topic, _topic_ids(session))
