"""Small helpers shared by the services."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import update
from sqlalchemy.orm import Session

from resilian_desktop.domain.errors import (
    FieldProblem,
    NotFoundError,
    ResilianError,
    ValidationError,
)

T = TypeVar("T")


class DuplicateError(ResilianError):
    """The record looks like one that exists; the caller may confirm and save anyway."""

    def __init__(self, entity: str, matches: Sequence[tuple[int, str, str]]) -> None:
        # matches: (id, label, reason)
        self.entity = entity
        self.matches = tuple(matches)
        described = "; ".join(f"#{i} {label} ({reason})" for i, label, reason in self.matches)
        super().__init__(f"this {entity} may already exist: {described}")


class HasHistoryError(ResilianError):
    """A record with history cannot be deleted."""


def refuse_if_history(entity: str, record_id: int, label: str, history: dict[str, int]) -> None:
    """Raise HasHistoryError listing the history that forbids deleting a record."""
    if history:
        listed = ", ".join(f"{name}: {n}" for name, n in history.items())
        raise HasHistoryError(
            f"{entity} {record_id} ({label}) has history ({listed}): archive it instead"
        )


def get_or_raise(session: Session, model: type[T], record_id: int, entity: str) -> T:
    obj = session.get(model, record_id)
    if obj is None:
        raise NotFoundError(entity, record_id)
    return obj


def renumber(session: Session, model: type[Any], ids: Iterable[int], *, first: int = 0) -> None:
    """Number the rows *ids* of *model* first, first + 1, ... in that order (column position)."""
    for position, record_id in enumerate(ids, start=first):
        session.execute(update(model).where(model.id == record_id).values(position=position))


def check_reference(
    session: Session,
    model: type[Any],
    record_id: int | None,
    field: str,
    entity: str,
    problems: list[FieldProblem],
) -> None:
    """Record a problem when an id given for *field* names no existing record."""
    if record_id is not None and session.get(model, record_id) is None:
        problems.append(
            FieldProblem(field, "unknown_reference", f"{entity} {record_id} does not exist")
        )


def enum_value(
    value: object, allowed: type[StrEnum], field: str, problems: list[FieldProblem]
) -> str:
    """The code of *value* in *allowed*; records a problem and returns "" when unknown."""
    raw = value.value if isinstance(value, StrEnum) else str(value or "").strip()
    codes = {member.value for member in allowed}
    if raw in codes:
        return raw
    problems.append(
        FieldProblem(field, "not_allowed", f'"{raw}" is not one of: {", ".join(sorted(codes))}')
    )
    return ""


def raise_if(problems: list[FieldProblem]) -> None:
    if problems:
        raise ValidationError(problems)


def collect(problems: list[FieldProblem], func: Any, *args: Any, **kwargs: Any) -> Any:
    """Call a validator, adding its problems to *problems* instead of stopping at the first."""
    try:
        return func(*args, **kwargs)
    except ValidationError as error:
        problems.extend(error.problems)
        return None
