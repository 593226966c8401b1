"""Errors raised by the Qt-free layers.

Each problem names the field it is about, carries a stable machine code (the Qt
layer translates codes into the interface language) and an English sentence
used by the command line and the logs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with one field."""

    field: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ResilianError(Exception):
    """Base of every error the application reports to the user."""


class ValidationError(ResilianError, ValueError):
    """Input that cannot be saved; lists every problem found, not only the first."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        self.problems: tuple[FieldProblem, ...] = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, field: str, code: str, message: str) -> ValidationError:
        return cls([FieldProblem(field, code, message)])


class NotFoundError(ResilianError, LookupError):
    """A record asked for by id does not exist."""

    def __init__(self, entity: str, record_id: int) -> None:
        self.entity = entity
        self.record_id = record_id
        super().__init__(f"{entity} {record_id} does not exist")


@dataclass(frozen=True)
class FieldChange:
    """One field another user changed: its value when this user read the record,
    and the value stored now."""

    field: str
    before: object
    after: object


class StaleRecordError(ResilianError):
    """Another user changed or deleted the record since this user read it; nothing
    was saved.

    *changes* lists the fields that differ between the version read and the one
    stored (empty when unknown: a change made during the save itself, or a
    deletion); *current* is the row stored now, to save over it knowingly (its
    version) or to show it.
    """

    def __init__(
        self,
        kind: str,
        record_id: int | None,
        label: str,
        *,
        changes: Sequence[FieldChange] = (),
        changed_by: str | None = None,
        changed_at: dt.datetime | None = None,
        current: object = None,
        deleted: bool = False,
    ) -> None:
        self.kind = kind
        self.record_id = record_id
        self.label = label
        self.changes = tuple(changes)
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current = current
        self.deleted = deleted
        what = f"{kind} {record_id}" if record_id is not None else "a record"
        what += f" ({label})" if label else ""
        if deleted:
            happened = "was deleted by another user"
        else:
            happened = "was changed by " + (changed_by or "another user")
            if changed_at is not None:
                happened += f" at {changed_at:%Y-%m-%d %H:%M} UTC"
        fields = f" ({', '.join(c.field for c in self.changes)})" if self.changes else ""
        super().__init__(f"{what} {happened} since it was read{fields}: nothing was saved")
