"""Errors raised by the Qt-free layers.

Each problem names the field it is about, carries a stable machine code (the Qt
layer translates codes into the interface language) and an English sentence
used by the command line and the logs.
"""

from __future__ import annotations

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
