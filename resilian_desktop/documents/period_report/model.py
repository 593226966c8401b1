"""What the period report's workbook reads: the shape of services.reports.PeriodReport.

The figures and the detail rows are computed by services.reports (one read
transaction, rows streamed); the writer sees them only through these
protocols, so it imports neither the services nor the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Protocol


class IndicatorLine(Protocol):
    """One line of the summary: a figure with its label and definition."""

    @property
    def label(self) -> str: ...
    @property
    def value(self) -> int: ...
    @property
    def definition(self) -> str: ...
    @property
    def level(self) -> int: ...


class DetailTable(Protocol):
    """The rows of one detail sheet (tuples in the order of its columns) and their count."""

    @property
    def rows(self) -> Iterable[Any]: ...
    @property
    def count(self) -> int: ...


class PeriodReportData(Protocol):
    """Everything the report's workbook shows."""

    @property
    def date_from(self) -> dt.date: ...
    @property
    def date_to(self) -> dt.date: ...
    @property
    def programme_name(self) -> str | None: ...
    @property
    def agency_name(self) -> str | None: ...
    @property
    def operation_reference(self) -> str | None: ...
    @property
    def funding_mention(self) -> str | None: ...
    @property
    def generated_on(self) -> dt.date: ...
    @property
    def indicators(self) -> Sequence[IndicatorLine]: ...
    @property
    def meetings(self) -> DetailTable: ...
    @property
    def attendances(self) -> DetailTable: ...
    @property
    def organisations(self) -> DetailTable: ...
    @property
    def taskforces(self) -> DetailTable: ...
    @property
    def total_rows(self) -> int: ...
