"""The proof of a held meeting, as SQL (issue 16, point 5): signed on screen, a
scan attached, or none.

"signed": every person present signed for each half-day they attended, and
someone did; otherwise "scan" when a file is attached; otherwise "none".
Stated once here as queries, so that the dashboard's count, its click-through,
the ``proofs`` command and the period report's column always agree. The
half-days a meeting covers and a person attended are those of
domain.halfdays (half_days, attended), written as SQL conditions below; a test
checks both forms agree on every combination of times and marks.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, and_, exists, or_, select
from sqlalchemy.orm import Session

from resilian_desktop.db.models import Attendance, Meeting, MeetingAttachment, SignatureRecord
from resilian_desktop.domain.halfdays import AFTERNOON, AFTERNOON_STARTS, MORNING, NOON
from resilian_desktop.domain.vocab import AttendanceStatus

SIGNED, SCAN, NONE = "signed", "scan", "none"

# domain.halfdays.half_days: a start at noon or later covers only the afternoon;
# an end after 13:00 (of a meeting starting before noon) covers both.
_COVERS_MORNING = or_(Meeting.start_time.is_(None), Meeting.start_time < NOON)
_COVERS_AFTERNOON = or_(
    and_(Meeting.start_time.is_not(None), Meeting.start_time >= NOON),
    and_(Meeting.end_time.is_not(None), Meeting.end_time > AFTERNOON_STARTS),
)
_BOTH = and_(_COVERS_MORNING, _COVERS_AFTERNOON)


def _owes(half_day: str) -> Any:
    """domain.halfdays.attended: a present person owes a signature for a half-day the
    meeting covers, unless the meeting covers both and that one is marked absent."""
    covers, mark = (
        (_COVERS_MORNING, Attendance.present_morning)
        if half_day == MORNING
        else (_COVERS_AFTERNOON, Attendance.present_afternoon)
    )
    return and_(covers, or_(~_BOTH, mark.is_not(False)))


def _signed(half_day: str) -> Any:
    return exists().where(
        SignatureRecord.meeting_id == Attendance.meeting_id,
        SignatureRecord.person_id == Attendance.person_id,
        SignatureRecord.half_day == half_day,
    )


def _present() -> Any:
    return and_(
        Attendance.meeting_id == Meeting.id,
        Attendance.status == AttendanceStatus.PRESENT.value,
    )


def signed_condition() -> Any:
    """On Meeting: someone owed a signature, and nobody present lacks one they owed."""
    owed_any = exists().where(_present(), or_(_owes(MORNING), _owes(AFTERNOON)))
    missing = exists().where(
        _present(),
        or_(
            and_(_owes(MORNING), ~_signed(MORNING)),
            and_(_owes(AFTERNOON), ~_signed(AFTERNOON)),
        ),
    )
    return and_(owed_any, ~missing)


def scanned_condition() -> Any:
    """On Meeting: a file is attached."""
    return exists().where(MeetingAttachment.meeting_id == Meeting.id)


def unproven_meeting_ids(held: Select[Any]) -> Select[Any]:
    """The meetings among *held* (a query of ids) with no proof at all."""
    return select(Meeting.id).where(Meeting.id.in_(held), ~signed_condition(), ~scanned_condition())


def proof_of(signed: bool, scanned: bool) -> str:
    """The status from signed_condition and scanned_condition."""
    return SIGNED if signed else SCAN if scanned else NONE


def proof_statuses(session: Session, held: Select[Any]) -> dict[int, str]:
    """meeting id -> SIGNED, SCAN or NONE for the meetings among *held*."""
    rows = session.execute(
        select(Meeting.id, signed_condition(), scanned_condition()).where(Meeting.id.in_(held))
    )
    return {meeting_id: proof_of(signed, scanned) for meeting_id, signed, scanned in rows}
