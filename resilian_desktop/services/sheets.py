"""Attendance sheets ("feuilles d'émargement"): everything a printed sheet carries.

:func:`attendance_sheet` reads one meeting and returns an :class:`AttendanceSheet`,
a frozen, self-describing description of the document: texts already in
French, dates and times already formatted, the people in print order with a
presence per half-day, the funders with their logo files checked on disk. The
Excel writer (exports.xlsx.attendance) and any other renderer (PDF) only lay it
out; they decide nothing about content.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from resilian_desktop import paths
from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import (
    Attendance,
    Meeting,
    MeetingTopic,
    Organisation,
    Person,
    Programme,
    ProgrammeFunder,
    Taskforce,
    Topic,
)
from resilian_desktop.domain.halfdays import AFTERNOON, MORNING, duration_hours, half_days
from resilian_desktop.domain.text import fold
from resilian_desktop.domain.vocab import (
    LABELS_FR,
    AttendanceRole,
    AttendanceStatus,
    MeetingKind,
    MeetingStatus,
)
from resilian_desktop.services.common import get_or_raise

if TYPE_CHECKING:
    from resilian_desktop.exports.pdf.attendance import AttendanceSheetDocument

DOCUMENT_TITLE = "Feuille d'émargement"
HALF_DAY_LABELS = {MORNING: "Matin", AFTERNOON: "Après-midi"}
# Roles that sign in the speakers' block rather than among the participants.
SPEAKER_ROLES = (AttendanceRole.SPEAKER.value, AttendanceRole.ORGANISER.value)
# Statuses of the people expected at a meeting not held yet.
EXPECTED_STATUSES = (AttendanceStatus.INVITED.value, AttendanceStatus.REGISTERED.value)
# Empty rows for people who come without being on the list: a fifth of the
# list, at least MIN_BLANK_ROWS.
MIN_BLANK_ROWS = 5
MIN_SPEAKER_ROWS = 2

_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


@dataclass(frozen=True)
class SheetFunder:
    """A funder as printed: its logo when the file exists, else its name."""

    name: str
    logo_path: Path | None  # an existing file; None: print the name instead
    funding_mention: str | None
    operation_reference: str | None


@dataclass(frozen=True)
class SheetHalfDay:
    """One signature column: a half-day the meeting covers."""

    code: str  # domain.halfdays.MORNING or AFTERNOON
    label: str  # "Matin", "Après-midi"


@dataclass(frozen=True)
class SheetPerson:
    """One line of the sheet: a person on the meeting's attendance list.

    ``organisation`` and ``job_title`` are those recorded on the day.
    ``presence`` has one entry per half-day of the sheet, in the order of
    :attr:`AttendanceSheet.half_days`: True present, False absent, None not
    recorded (always None on a blank sheet's meeting that is not held).
    """

    number: int | None  # printed line number; None for speakers
    person_id: int
    last_name: str
    first_name: str
    organisation: str | None
    organisation_id: int | None
    job_title: str | None
    role: str
    role_label: str
    status: str
    status_label: str
    presence: tuple[bool | None, ...]
    erased: bool  # the person's data was erased on request: the line is anonymous

    @property
    def presence_labels(self) -> tuple[str, ...]:
        """Per half-day: "Présent", "Absent", "Excusé" or "" when not recorded."""
        labels = []
        for value in self.presence:
            if value is None:
                labels.append("")
            elif value:
                labels.append("Présent")
            elif self.status == AttendanceStatus.EXCUSED.value:
                labels.append("Excusé")
            else:
                labels.append("Absent")
        return tuple(labels)


@dataclass(frozen=True)
class SheetTotals:
    """The counts printed at the foot of a filled sheet (speakers included)."""

    listed: int
    present: int  # present for at least one half-day
    present_by_half_day: tuple[int, ...]  # in the order of AttendanceSheet.half_days
    absent: int
    excused: int
    not_recorded: int  # still "invited" or "registered"
    organisations_represented: int  # distinct organisations of the people present


@dataclass(frozen=True)
class AttendanceSheet:
    """Everything an attendance sheet of one meeting shows, ready to lay out.

    A blank sheet (``filled`` False) is printed before the meeting: it lists
    the people expected, with empty signature cells per half-day and
    ``blank_rows`` numbered empty lines for walk-ins. A filled sheet, after
    the meeting, adds each person's presence per half-day and ``totals``.
    All texts are French, as printed.
    """

    meeting_id: int
    filled: bool
    document_title: str
    programme_name: str
    territory: str | None
    organiser: str | None  # the agency that runs the programme
    meeting_title: str
    kind: str
    kind_label: str
    topics: tuple[str, ...]
    taskforce_name: str | None
    meeting_status: str
    date: dt.date
    date_label: str  # "jeudi 12 mars 2026"
    start_time: dt.time | None
    end_time: dt.time | None
    times_label: str | None  # "9h00 – 16h30", None when no time is known
    duration_hours: float | None
    half_days: tuple[SheetHalfDay, ...]
    venue: str | None
    host_organisation: str | None
    operation_reference: str | None
    funding_mentions: tuple[str, ...]  # the programme's, else each funder's own
    funders: tuple[SheetFunder, ...]
    speakers: tuple[SheetPerson, ...]  # speakers and organisers, who sign as such
    participants: tuple[SheetPerson, ...]
    speaker_blank_rows: int  # empty lines in the speakers' block
    blank_rows: int  # empty numbered lines after the participants
    totals: SheetTotals | None  # filled sheets only
    certifier: SheetPerson | None  # the organiser on the list, who certifies
    certification_text: str
    privacy_notice: str
    generated_on: dt.date

    @property
    def people(self) -> tuple[SheetPerson, ...]:
        """Speakers then participants, as printed."""
        return self.speakers + self.participants

    @property
    def totals_text(self) -> str | None:
        """The totals as one French sentence, for the foot of a filled sheet."""
        totals = self.totals
        if totals is None:
            return None
        present = f"Personnes présentes : {totals.present}"
        if len(self.half_days) > 1:
            present += (
                " ("
                + ", ".join(
                    f"{h.label.lower()} : {n}"
                    for h, n in zip(self.half_days, totals.present_by_half_day, strict=True)
                )
                + ")"
            )
        parts = [present, f"absentes : {totals.absent}", f"excusées : {totals.excused}"]
        if totals.not_recorded:
            parts.append(f"présence non renseignée : {totals.not_recorded}")
        parts.append(f"structures représentées : {totals.organisations_represented}")
        return " — ".join(parts)


def french_date(day: dt.date) -> str:
    """ "jeudi 12 mars 2026"; "1er" for the first of the month, as French writes it."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{_WEEKDAYS[day.weekday()]} {number} {_MONTHS[day.month - 1]} {day.year}"


def french_time(value: dt.time) -> str:
    """ "9h00", "14h30"."""
    return f"{value.hour}h{value.minute:02d}"


def times_label(start: dt.time | None, end: dt.time | None) -> str | None:
    if start and end:
        return f"{french_time(start)} – {french_time(end)}"
    if start:
        return f"à partir de {french_time(start)}"
    if end:
        return f"jusqu'à {french_time(end)}"
    return None


def resolve_logo(logo_file: str | None) -> Path | None:
    """The logo's file when it exists: absolute, or relative to the user data
    folder, then to the application's resources; None otherwise."""
    if not logo_file or not logo_file.strip():
        return None
    candidate = Path(logo_file.strip()).expanduser()
    places = (
        [candidate]
        if candidate.is_absolute()
        else [paths.data_dir() / candidate, paths.resources_dir() / candidate]
    )
    for place in places:
        try:
            if place.is_file():
                return place
        except OSError:  # an unreachable network drive, a name too long
            continue
    return None


def blank_rows_for(listed: int) -> int:
    return max(MIN_BLANK_ROWS, -(-listed // 5))


def _label(code: str, vocabulary: type[StrEnum]) -> str:
    try:
        return LABELS_FR[vocabulary(code)]
    except ValueError:
        return code


def _presence(
    attendance: Attendance, covered: tuple[str, ...], known: bool
) -> tuple[bool | None, ...]:
    """Presence per half-day, read as services.stats reads it."""
    if not known:
        return tuple(None for _ in covered)
    status = attendance.status
    if status in EXPECTED_STATUSES:
        return tuple(None for _ in covered)
    if status != AttendanceStatus.PRESENT.value:
        return tuple(False for _ in covered)
    if len(covered) == 1:
        return (True,)
    # An unrecorded half-day of a present person counts as attended (as in stats).
    return (attendance.present_morning is not False, attendance.present_afternoon is not False)


def totals_of(people: Sequence[SheetPerson], half_day_count: int) -> SheetTotals:
    """The foot of a filled sheet, from its lines."""
    present = [p for p in people if any(p.presence)]
    return SheetTotals(
        listed=len(people),
        present=len(present),
        present_by_half_day=tuple(
            sum(1 for p in people if p.presence[i]) for i in range(half_day_count)
        ),
        absent=sum(1 for p in people if p.status == AttendanceStatus.ABSENT.value),
        excused=sum(1 for p in people if p.status == AttendanceStatus.EXCUSED.value),
        not_recorded=sum(1 for p in people if p.status in EXPECTED_STATUSES),
        # Counted as services.stats counts distinct organisations: by id.
        organisations_represented=len(
            {p.organisation_id for p in present if p.organisation_id is not None}
        ),
    )


def _certification(organiser: str | None) -> str:
    on_behalf = f", représentant l'organisateur ({organiser})," if organiser else ""
    return (
        f"Je soussigné(e), ................................................{on_behalf} "
        "certifie que les personnes dont la signature figure ci-dessus ont participé "
        "à la réunion décrite sur cette feuille. Fait pour valoir ce que de droit."
    )


def _privacy_notice(organiser: str | None) -> str:
    who = f"l'organisateur ({organiser})" if organiser else "l'organisateur"
    return (
        f"Données personnelles : les informations de cette feuille sont recueillies par {who} "
        "pour justifier auprès des financeurs de la réalisation de l'action (intérêt légitime). "
        "Elles ne sont transmises qu'aux financeurs et aux organismes de contrôle, et conservées "
        "le temps exigé par le contrôle des fonds publics. Vous pouvez exercer vos droits "
        "d'accès, de rectification, d'opposition et d'effacement auprès de l'organisateur."
    )


def _mentions(programme: Programme, funders: Sequence[ProgrammeFunder]) -> tuple[str, ...]:
    """The programme's co-financing mention; each funder's own when it has none.

    The programme's mention is written to cover all its funders; repeating
    each funder's shorter one under it would only say the same thing again.
    """
    if programme.funding_mention and programme.funding_mention.strip():
        return (programme.funding_mention.strip(),)
    mentions: list[str] = []
    for funder in funders:
        text = (funder.funding_mention or "").strip()
        if text and all(fold(text) != fold(kept) for kept in mentions):
            mentions.append(text)
    return tuple(mentions)


def attendance_sheet(
    db: Database, meeting_id: int, *, blank: bool = False, today: dt.date | None = None
) -> AttendanceSheet:
    """The attendance sheet of one meeting.

    A meeting that was held gives a filled sheet listing everyone on its
    attendance list, unless *blank*: then the same people with empty
    signature cells. A meeting not held yet gives a blank sheet of the people
    expected (invited or registered). Raises NotFoundError for an unknown id.
    """
    with db.read() as session:
        meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
        programme = get_or_raise(session, Programme, meeting.programme_id, "programme")
        funders = list(
            session.scalars(
                select(ProgrammeFunder)
                .where(ProgrammeFunder.programme_id == programme.id)
                .order_by(ProgrammeFunder.position, ProgrammeFunder.id)
            )
        )
        host = (
            session.get(Organisation, meeting.host_organisation_id)
            if meeting.host_organisation_id is not None
            else None
        )
        taskforce = (
            session.get(Taskforce, meeting.taskforce_id)
            if meeting.taskforce_id is not None
            else None
        )
        topics = tuple(
            session.scalars(
                select(Topic.name)
                .join(MeetingTopic, MeetingTopic.topic_id == Topic.id)
                .where(MeetingTopic.meeting_id == meeting_id)
                .order_by(Topic.position, Topic.name)
            )
        )
        held = meeting.status == MeetingStatus.HELD.value
        filled = held and not blank
        covered = half_days(meeting.start_time, meeting.end_time)
        query = (
            select(Attendance, Person)
            .join(Person, Person.id == Attendance.person_id)
            .where(Attendance.meeting_id == meeting_id)
        )
        if not held:
            # Before the meeting, the sheet is for the people still expected;
            # an erased contact will not come to sign.
            query = query.where(
                Attendance.status.in_(EXPECTED_STATUSES), Person.erased_at.is_(None)
            )
        rows = list(session.execute(query).all())
        rows.sort(
            key=lambda r: (fold(r[1].last_name), fold(r[1].first_name), r[1].last_name, r[0].id)
        )

        speakers: list[SheetPerson] = []
        participants: list[SheetPerson] = []
        for attendance, person in rows:
            line = SheetPerson(
                number=None,
                person_id=person.id,
                last_name=person.last_name,
                first_name=person.first_name,
                organisation=attendance.organisation_name,
                organisation_id=attendance.organisation_id,
                job_title=attendance.job_title,
                role=attendance.role,
                role_label=_label(attendance.role, AttendanceRole),
                status=attendance.status,
                status_label=_label(attendance.status, AttendanceStatus),
                presence=_presence(attendance, covered, filled),
                erased=person.erased_at is not None,
            )
            if attendance.role in SPEAKER_ROLES:
                speakers.append(line)
            else:
                participants.append(replace(line, number=len(participants) + 1))
        certifier = next((s for s in speakers if s.role == AttendanceRole.ORGANISER.value), None)
        organiser = programme.agency_name
        return AttendanceSheet(
            meeting_id=meeting.id,
            filled=filled,
            document_title=DOCUMENT_TITLE,
            programme_name=programme.name,
            territory=programme.territory,
            organiser=organiser,
            meeting_title=meeting.title,
            kind=meeting.kind,
            kind_label=_label(meeting.kind, MeetingKind),
            topics=topics,
            taskforce_name=taskforce.name if taskforce else None,
            meeting_status=meeting.status,
            date=meeting.date,
            date_label=french_date(meeting.date),
            start_time=meeting.start_time,
            end_time=meeting.end_time,
            times_label=times_label(meeting.start_time, meeting.end_time),
            duration_hours=duration_hours(meeting.start_time, meeting.end_time),
            half_days=tuple(SheetHalfDay(code, HALF_DAY_LABELS[code]) for code in covered),
            venue=meeting.venue,
            host_organisation=host.name if host else None,
            operation_reference=programme.operation_reference,
            funding_mentions=_mentions(programme, funders),
            funders=tuple(
                SheetFunder(
                    name=f.name,
                    logo_path=resolve_logo(f.logo_file),
                    funding_mention=f.funding_mention,
                    operation_reference=f.operation_reference,
                )
                for f in funders
            ),
            speakers=tuple(speakers),
            participants=tuple(participants),
            speaker_blank_rows=0 if filled else max(0, MIN_SPEAKER_ROWS - len(speakers)),
            blank_rows=0 if filled else blank_rows_for(len(participants)),
            totals=totals_of(speakers + participants, len(covered)) if filled else None,
            certifier=certifier,
            certification_text=_certification(organiser),
            privacy_notice=_privacy_notice(organiser),
            generated_on=today or dt.date.today(),
        )


def attendance_sheets(
    db: Database,
    meeting_ids: Sequence[int],
    *,
    blank: bool = False,
    today: dt.date | None = None,
) -> list[AttendanceSheet]:
    """The sheets of several meetings, in the order given (duplicates once)."""
    return [
        attendance_sheet(db, meeting_id, blank=blank, today=today)
        for meeting_id in dict.fromkeys(meeting_ids)
    ]


def pdf_sheet_document(sheet: AttendanceSheet) -> AttendanceSheetDocument:
    """The same sheet for the PDF writer (exports.pdf.attendance), field by field."""
    # Imported here: exports.pdf loads reportlab, which the workbook and the
    # logo lookup (resolve_logo) do not need.
    from resilian_desktop.exports.pdf.attendance import AttendanceSheetDocument, SheetLine
    from resilian_desktop.exports.pdf.model import Funder, Letterhead, MeetingInfo

    def line(person: SheetPerson) -> SheetLine:
        return SheetLine(
            last_name=person.last_name,
            first_name=person.first_name,
            organisation=person.organisation,
            job_title=person.job_title,
            role_label=(
                person.role_label if person.role != AttendanceRole.PARTICIPANT.value else ""
            ),
            presence_labels=person.presence_labels if sheet.filled else (),
            number=person.number,
        )

    totals = sheet.totals_text
    return AttendanceSheetDocument(
        letterhead=Letterhead(
            programme=sheet.programme_name,
            agency=sheet.organiser,
            funding_mention=" ".join(sheet.funding_mentions) or None,
            operation_reference=sheet.operation_reference,
            funders=tuple(Funder(f.name, f.logo_path) for f in sheet.funders),
        ),
        meeting=MeetingInfo(
            title=sheet.meeting_title,
            kind=sheet.kind,
            date=sheet.date,
            start_time=sheet.start_time,
            end_time=sheet.end_time,
            venue=sheet.venue,
            host=sheet.host_organisation,
            taskforce=sheet.taskforce_name,
            topics=sheet.topics,
            status=sheet.meeting_status,
        ),
        edition_date=sheet.generated_on,
        half_day_labels=tuple(h.label for h in sheet.half_days),
        speakers=tuple(line(p) for p in sheet.speakers),
        participants=tuple(line(p) for p in sheet.participants),
        speaker_blank_rows=sheet.speaker_blank_rows,
        blank_rows=sheet.blank_rows,
        totals=(totals,) if totals else (),
        certification_text=sheet.certification_text,
        privacy_notice=sheet.privacy_notice,
        title=sheet.document_title,
    )
