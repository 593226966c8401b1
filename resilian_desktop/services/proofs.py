"""The proof of each held meeting (issue 16): signed on screen, a scan attached,
or none (services.proof_status states the rule), with the checks before a
sheet goes out (services.proof_checks).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Attendance, Meeting, MeetingAttachment, SignatureRecord
from resilian_desktop.domain.halfdays import attended, half_days
from resilian_desktop.domain.vocab import AttendanceStatus
from resilian_desktop.services.proof_checks import ProofProblem, problems_in
from resilian_desktop.services.proof_status import NONE, SCAN, SIGNED, proof_statuses
from resilian_desktop.services.stats import Period, held_meeting_ids

__all__ = ["NONE", "SCAN", "SIGNED", "MeetingProof", "meeting_proofs"]


@dataclass(frozen=True)
class MeetingProof:
    meeting_id: int
    date: dt.date
    title: str
    proof: str  # SIGNED, SCAN or NONE
    signatures_due: int  # person half-days attended
    signatures_given: int  # of those, signed on screen
    attachments: int
    problems: tuple[str, ...]  # one English line per check that fails, naming meeting and person
    checks: tuple[ProofProblem, ...]  # the same, with codes, people and French words


def meeting_proofs(db: Database, period: Period) -> list[MeetingProof]:
    """The held meetings of *period*, oldest first, with their proof."""
    held = held_meeting_ids(period)
    with db.read() as session:
        meetings = session.execute(
            select(Meeting.id, Meeting.date, Meeting.title, Meeting.start_time, Meeting.end_time)
            .where(Meeting.id.in_(held))
            .order_by(Meeting.date, Meeting.id)
        ).all()
        covered = {m.id: half_days(m.start_time, m.end_time) for m in meetings}
        due: dict[int, set[tuple[int, str]]] = {m.id: set() for m in meetings}
        for meeting_id, person_id, morning, afternoon in session.execute(
            select(
                Attendance.meeting_id,
                Attendance.person_id,
                Attendance.present_morning,
                Attendance.present_afternoon,
            ).where(
                Attendance.meeting_id.in_(held),
                Attendance.status == AttendanceStatus.PRESENT.value,
            )
        ):
            due[meeting_id].update(
                (person_id, h) for h in attended(covered[meeting_id], morning, afternoon)
            )
        signed: dict[int, set[tuple[int, str]]] = {m.id: set() for m in meetings}
        for meeting_id, person_id, half_day in session.execute(
            select(
                SignatureRecord.meeting_id, SignatureRecord.person_id, SignatureRecord.half_day
            ).where(SignatureRecord.meeting_id.in_(held))
        ):
            signed[meeting_id].add((person_id, half_day))
        attached: dict[int, int] = {}
        for (meeting_id,) in session.execute(
            select(MeetingAttachment.meeting_id).where(MeetingAttachment.meeting_id.in_(held))
        ):
            attached[meeting_id] = attached.get(meeting_id, 0) + 1
        statuses = proof_statuses(session, held)
        problems = problems_in(session, held)
    proofs = []
    for m in meetings:
        owed, given = due[m.id], signed[m.id]
        proofs.append(
            MeetingProof(
                meeting_id=m.id,
                date=m.date,
                title=m.title,
                proof=statuses[m.id],
                signatures_due=len(owed),
                signatures_given=len(owed & given),
                attachments=attached.get(m.id, 0),
                problems=tuple(p.message for p in problems[m.id]),
                checks=tuple(problems[m.id]),
            )
        )
    return proofs
