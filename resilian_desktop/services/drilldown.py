"""The records behind each figure of the dashboard.

Each figure of :class:`~resilian_desktop.services.stats.PeriodFigures` maps to
the list that shows its records and to the query of their ids, taken from
``services.stats`` itself so that a click always shows exactly what was
counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select

from resilian_desktop.db.models import Attendance, Meeting, Organisation
from resilian_desktop.domain.vocab import AttendanceRole, OrganisationKind
from resilian_desktop.services import stats
from resilian_desktop.services.proof_status import unproven_meeting_ids
from resilian_desktop.services.stats import Period


@dataclass(frozen=True)
class FigureRef:
    """One figure of one period: what a click on the dashboard asks to list.

    *kind* narrows "meetings_by_kind" to one meeting kind; *reference_date* is
    the PeriodFigures' reference date (for late and due-soon actions).
    """

    figure: str
    period: Period
    reference_date: dt.date
    kind: str | None = None


def _present(ref: FigureRef) -> Any:
    return Attendance.id.in_(stats.present_attendance_ids(ref.period))


def _contacts(ref: FigureRef) -> Select[Any]:
    return select(Attendance.person_id).where(_present(ref)).distinct()


def _elected(ref: FigureRef) -> Select[Any]:
    return (
        select(Attendance.person_id)
        .where(_present(ref), Attendance.role == AttendanceRole.ELECTED_OFFICIAL.value)
        .distinct()
    )


def _organisations(ref: FigureRef) -> Select[Any]:
    return (
        select(Attendance.organisation_id)
        .where(_present(ref), Attendance.organisation_id.is_not(None))
        .distinct()
    )


def _companies(ref: FigureRef) -> Select[Any]:
    return (
        select(Attendance.organisation_id)
        .where(
            _present(ref),
            Attendance.organisation_id.in_(
                select(Organisation.id).where(Organisation.kind == OrganisationKind.COMPANY.value)
            ),
        )
        .distinct()
    )


def _meetings(ref: FigureRef) -> Select[Any]:
    held = stats.held_meeting_ids(ref.period)
    if ref.kind:
        return select(Meeting.id).where(Meeting.id.in_(held), Meeting.kind == ref.kind)
    return held


def _taskforces_active(ref: FigureRef) -> Select[Any]:
    return stats.taskforce_ids(ref.period)[0]


def _taskforces_closed(ref: FigureRef) -> Select[Any]:
    return stats.taskforce_ids(ref.period)[1]


# figure -> (list name in services.listings, query of the listed ids)
FIGURES: dict[str, tuple[str, Callable[[FigureRef], Select[Any]]]] = {
    "meetings_held": ("meetings", _meetings),
    "meetings_by_kind": ("meetings", _meetings),
    "half_days": ("meetings", _meetings),
    "participations": ("attendances", lambda ref: stats.present_attendance_ids(ref.period)),
    "person_half_days": ("attendances", lambda ref: stats.present_attendance_ids(ref.period)),
    "distinct_people": ("contacts", _contacts),
    "distinct_organisations": ("organisations", _organisations),
    "companies_supported": ("organisations", _companies),
    "elected_officials": ("contacts", _elected),
    "taskforces_active": ("taskforces", _taskforces_active),
    "taskforces_closed": ("taskforces", _taskforces_closed),
    "actions_done": ("actions", lambda ref: stats.actions_done_ids(ref.period)),
    "actions_late": (
        "actions",
        lambda ref: stats.actions_late_ids(ref.period, ref.reference_date),
    ),
    "actions_due_soon": (
        "actions",
        lambda ref: stats.actions_due_soon_ids(ref.period, ref.reference_date),
    ),
    "dormant_companies": ("organisations", lambda ref: stats.dormant_company_ids(ref.period)),
    "meetings_without_proof": (
        "meetings",
        lambda ref: unproven_meeting_ids(stats.held_meeting_ids(ref.period)),
    ),
}


def list_name_of(figure: str) -> str:
    """The list (services.listings.SPECS key) that shows the records of *figure*."""
    return FIGURES[figure][0]


def ids_of(ref: FigureRef) -> Select[Any]:
    """A query of the ids of the records counted by *ref* (rows of list_name_of)."""
    return FIGURES[ref.figure][1](ref)
