"""Records leave the everyday lists by archiving; only records without history are deleted.

The network's history is what the funders audit: a meeting that happened, who
came, which company they were from, must stay as it was. Archiving hides a
record from the everyday lists and keeps it in every past meeting, sheet and
report; it can be undone. Deletion is for mistakes only: records without history.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Contact,
    Meeting,
    MeetingAttachment,
    MeetingTopic,
    Organisation,
    OrganisationTopic,
    Taskforce,
    TaskforceOrigin,
    utc_now,
)
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.domain.kinds import RecordKind
from resilian_desktop.services import attachments, contacts, meetings, organisations, taskforces
from resilian_desktop.services.common import get_or_raise

# The kinds of record archived, restored and deleted (domain.kinds, as the window
# and the command line name them).
ENTITIES = tuple(kind.value for kind in RecordKind)


class ArchiveStateError(ResilianError):
    """Archiving what is archived already, or restoring what is not archived."""


@dataclass(frozen=True)
class _Children:
    """Rows deleted together with a record: their model, the column naming the
    record, and how the confirmation calls them."""

    model: type[Any]
    key: str
    description: str

    def where(self, record_id: int) -> Any:
        return getattr(self.model, self.key) == record_id


@dataclass(frozen=True)
class _Entity:
    model: type[Any]
    label: Callable[[Any], str]
    history: Callable[[Session, int], dict[str, int]]
    delete: Callable[[Database, int], None]
    children: tuple[_Children, ...] = ()


_REGISTRY: dict[str, _Entity] = {
    RecordKind.ORGANISATION: _Entity(
        Organisation,
        lambda o: str(o.name),
        organisations.history_of,
        organisations.delete_organisation,
        (_Children(OrganisationTopic, "organisation_id", "topic links"),),
    ),
    RecordKind.CONTACT: _Entity(
        Contact,
        lambda p: str(p.full_name),
        contacts.history_of,
        contacts.delete_contact,
    ),
    RecordKind.MEETING: _Entity(
        Meeting,
        lambda m: str(m.title),
        meetings.history_of,
        meetings.delete_meeting,
        (
            _Children(MeetingTopic, "meeting_id", "topic links"),
            _Children(MeetingAttachment, "meeting_id", "attached files"),
        ),
    ),
    RecordKind.TASKFORCE: _Entity(
        Taskforce,
        lambda t: str(t.name),
        taskforces.history_of,
        taskforces.delete_taskforce,
        (_Children(TaskforceOrigin, "taskforce_id", "links to the organisations that raised it"),),
    ),
}


@dataclass(frozen=True)
class DeletionPreview:
    """What deleting a record would mean, for the confirmation the user must give."""

    entity: str
    record_id: int
    label: str
    archived: bool
    history: dict[str, int]  # non-empty: cannot be deleted, only archived
    goes_with: dict[str, int]  # rows deleted together with the record

    @property
    def can_delete(self) -> bool:
        return not self.history


def _entity(entity: str) -> _Entity:
    try:
        return _REGISTRY[entity]
    except KeyError:
        raise ValueError(
            f"unknown kind of record {entity!r}; one of {', '.join(ENTITIES)}"
        ) from None


def preview_deletion(db: Database, entity: str, record_id: int) -> DeletionPreview:
    spec = _entity(entity)
    with db.read() as session:
        obj = get_or_raise(session, spec.model, record_id, entity)
        goes_with: dict[str, int] = {}
        for children in spec.children:
            n = int(session.scalar(select(func.count()).where(children.where(record_id))) or 0)
            if n:
                goes_with[children.description] = n
        return DeletionPreview(
            entity=entity,
            record_id=record_id,
            label=spec.label(obj),
            archived=obj.archived_at is not None,
            history=spec.history(session, record_id),
            goes_with=goes_with,
        )


@dataclass(frozen=True)
class DeletedRecord:
    """What a deletion removed, column by column, so that it can be undone."""

    entity: str
    record_id: int
    label: str
    rows: tuple[tuple[type[Any], dict[str, Any]], ...]  # (model, columns), parent first
    files: tuple[attachments.HeldFile, ...] = ()  # attached files deleted with it


def _columns(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


def delete_record(db: Database, entity: str, record_id: int) -> DeletedRecord:
    """Delete a record without history; HasHistoryError (naming the history) otherwise.

    Returns what was removed, for undo_deletion.
    """
    spec = _entity(entity)
    with db.read() as session:
        obj = get_or_raise(session, spec.model, record_id, entity)
        rows: list[tuple[type[Any], dict[str, Any]]] = [(spec.model, _columns(obj))]
        label = spec.label(obj)
        for children in spec.children:
            rows += [
                (children.model, _columns(child))
                for child in session.scalars(
                    select(children.model).where(children.where(record_id))
                )
            ]
    # The files' bytes are kept for undo: the deletion removes them from the disk.
    files = attachments.read_files(
        db.path,
        [(c["stored_name"], c["sha256"]) for model, c in rows if model is MeetingAttachment],
    )
    spec.delete(db, record_id)
    return DeletedRecord(entity, record_id, label, tuple(rows), tuple(files))


def undo_deletion(db: Database, deleted: DeletedRecord) -> None:
    """Put a deleted record back, with its id and the rows that went with it (one
    transaction), and its attached files (written first, removed again if the
    transaction fails)."""
    written = [attachments.write_file(db.path, f.stored_name, f.data) for f in deleted.files]
    try:
        with db.write() as session:
            for model, columns in deleted.rows:
                session.add(model(**columns))
            session.flush()  # the flush hook puts the record back in the search index
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise


def set_archived(db: Database, entity: str, record_id: int, archived: bool) -> str:
    """Archive or restore a record; returns its label. One transaction."""
    spec = _entity(entity)
    with db.write() as session:
        obj = get_or_raise(session, spec.model, record_id, entity)
        label = spec.label(obj)
        if archived and obj.archived_at is not None:
            raise ArchiveStateError(f"{entity} {record_id} ({label}) is archived already")
        if not archived and obj.archived_at is None:
            raise ArchiveStateError(f"{entity} {record_id} ({label}) is not archived")
        if not archived and getattr(obj, "erased_at", None) is not None:
            raise ArchiveStateError(
                f"{entity} {record_id} was erased on request; it stays out of the lists"
            )
        obj.archived_at = utc_now() if archived else None
        return label


def archive(db: Database, entity: str, record_id: int) -> str:
    return set_archived(db, entity, record_id, True)


def unarchive(db: Database, entity: str, record_id: int) -> str:
    return set_archived(db, entity, record_id, False)
