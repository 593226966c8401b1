"""The attendance sheet of a meeting, read through the services, and its entry points.

:func:`attendance_sheet` decides every word the sheet prints (model.py);
:func:`export_attendance_sheets` writes one or several meetings to a workbook
(one worksheet each) or one meeting to a PDF. The window, the command line and
the self-test call these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from resilian_desktop.db.engine import Database
from resilian_desktop.documents.attendance_sheet.model import (
    DOCUMENT_TITLE,
    VARIANT_TITLES,
    AttendanceSheet,
    Certification,
    HalfDay,
    SheetContact,
    Signature,
    SignatureProof,
    Totals,
    Variant,
)
from resilian_desktop.documents.attendance_sheet.pdf import write_attendance_pdf
from resilian_desktop.documents.attendance_sheet.xlsx import write_attendance_workbook
from resilian_desktop.documents.files import ExportError
from resilian_desktop.documents.letterhead import Letterhead
from resilian_desktop.documents.progress import Progress
from resilian_desktop.documents.sources import letterhead as letterhead_of
from resilian_desktop.documents.text import label
from resilian_desktop.domain import formats
from resilian_desktop.domain.halfdays import AFTERNOON, MORNING, attended, half_days
from resilian_desktop.domain.vocab import (
    AttendanceRole,
    AttendanceStatus,
    MeetingKind,
    MeetingStatus,
)
from resilian_desktop.services import meetings, signatures
from resilian_desktop.services.meetings import AttendanceRow, MeetingRow
from resilian_desktop.services.privacy import ERASED_LAST_NAME

HALF_DAY_LABELS = {MORNING: "Matin", AFTERNOON: "Après-midi"}
# Roles that sign in the speakers' section rather than among the participants.
SPEAKER_ROLES = (AttendanceRole.SPEAKER.value, AttendanceRole.ORGANISER.value)
# Statuses whose presence is not recorded yet.
EXPECTED_STATUSES = (AttendanceStatus.INVITED.value, AttendanceStatus.REGISTERED.value)
PRESENT, ABSENT, EXCUSED, NOT_RECORDED = "Présent", "Absent", "Excusé", "Non renseigné"
# Empty rows for people who come without being on the list: a fifth of the
# list, at least MIN_BLANK_ROWS.
MIN_BLANK_ROWS = 5
FIXED_COLUMNS = ("N°", "Nom", "Prénom", "Structure", "Fonction")


def blank_rows_for(listed: int) -> int:
    return max(MIN_BLANK_ROWS, -(-listed // 5))


def variant_for(meeting: MeetingRow, *, blank: bool) -> Variant:
    """A held meeting gives the record unless *blank*; any other meeting the sheet to sign."""
    if blank or meeting.status != MeetingStatus.HELD.value:
        return Variant.TO_SIGN
    return Variant.RECORD


def _listed(row: AttendanceRow, variant: Variant, include_excused: bool) -> bool:
    """Everyone expected is on the sheet, whatever the status.

    Excused people appear on a record (marked excused) and on a sheet to sign
    only when asked; an erased contact will not come to sign.
    """
    if variant is Variant.RECORD:
        return True
    if row.last_name == ERASED_LAST_NAME and not row.first_name:
        return False
    return include_excused or row.status != AttendanceStatus.EXCUSED.value


def _presence(row: AttendanceRow, covered: tuple[str, ...]) -> tuple[str, ...]:
    """One word per half-day, read as services.stats counts presence."""
    if row.status in EXPECTED_STATUSES:
        return tuple(NOT_RECORDED for _ in covered)
    if row.status == AttendanceStatus.EXCUSED.value:
        return tuple(EXCUSED for _ in covered)
    if row.status != AttendanceStatus.PRESENT.value:
        return tuple(ABSENT for _ in covered)
    there = attended(covered, row.present_morning, row.present_afternoon)
    return tuple(PRESENT if half_day in there else ABSENT for half_day in covered)


def _totals(contacts: Sequence[SheetContact], organisations: Sequence[int | None]) -> Totals:
    """The foot of a record; *organisations* holds each line's organisation id."""
    present = [i for i, p in enumerate(contacts) if PRESENT in p.presence]
    count = len(contacts[0].presence) if contacts else 0
    return Totals(
        listed=len(contacts),
        present=len(present),
        present_by_half_day=tuple(
            sum(1 for p in contacts if p.presence[i] == PRESENT) for i in range(count)
        ),
        absent=sum(1 for p in contacts if p.status == AttendanceStatus.ABSENT.value),
        excused=sum(1 for p in contacts if p.status == AttendanceStatus.EXCUSED.value),
        not_recorded=sum(1 for p in contacts if p.status in EXPECTED_STATUSES),
        # Counted as services.stats counts distinct organisations: by id.
        organisations_represented=len(
            {organisations[i] for i in present if organisations[i] is not None}
        ),
    )


def _references(head: Letterhead) -> str | None:
    """The operation's references: the programme's, then each funder's own where it differs."""
    parts = [f"n° {head.operation_reference}"] if head.operation_reference else []
    for funder in head.funders:
        if funder.operation_reference and funder.operation_reference != head.operation_reference:
            parts.append(f"{funder.name} : n° {funder.operation_reference}")
    return " ; ".join(parts) or None


def _place(meeting: MeetingRow) -> str | None:
    """The venue, and the host only when the venue does not already name it."""
    venue, host = (meeting.venue or "").strip(), (meeting.host_organisation_name or "").strip()
    if venue and host and host.casefold() not in venue.casefold():
        return f"{venue} (accueil : {host})"
    return venue or host or None


def _facts(
    meeting: MeetingRow, head: Letterhead, covered: tuple[str, ...]
) -> list[tuple[str, str]]:
    # The operation is the programme's: its name, then its references.
    rows: list[tuple[str, str]] = [("Programme", head.programme)]
    references = _references(head)
    if references:
        rows.append(("Opération", references))
    if head.agency:
        rows.append(("Organisateur", head.agency))
    kind = label(MeetingKind, meeting.kind)
    if meeting.topics:
        kind += " — " + ", ".join(meeting.topics)
    rows.append(("Type et thématique", kind))
    if meeting.taskforce_name:
        rows.append(("Taskforce", meeting.taskforce_name))
    rows.append(("Date", formats.long_date(meeting.date)))
    halves = " et ".join(HALF_DAY_LABELS[code].lower() for code in covered)
    times = formats.time_range(meeting.start_time, meeting.end_time)
    rows.append(("Horaires", f"{times} ({halves})" if times else halves))
    place = _place(meeting)
    if place:
        rows.append(("Lieu", place))
    return rows


def _mentions(head: Letterhead) -> tuple[str, ...]:
    """The programme's co-financing mention; each funder's own when it has none."""
    if head.funding_mention:
        return (head.funding_mention,)
    return tuple(dict.fromkeys(f.funding_mention for f in head.funders if f.funding_mention))


def _signature(signed: signatures.SignatureRow | None, present: bool, on_screen: bool) -> Signature:
    """One cell: the signature given on screen, or why there is none where one was due."""
    if signed is None:
        # Only a meeting signed on screen owes a signature to each person present.
        return Signature(note="sans signature" if present and on_screen else None)
    return Signature(
        image=signed.image,
        time=f"{signed.signed_time:%H:%M}",
        note=None if signed.image is not None else "signature effacée (RGPD)",
    )


def _proof(meeting_id: int, chain: Sequence[signatures.SignatureRow]) -> SignatureProof | None:
    if not chain:
        return None
    head = chain[-1].chain_hash
    code = signatures.short_code(head)
    command = f"resilian-desktop signatures verify --meeting {meeting_id}"
    return SignatureProof(
        code=code,
        qr_text=f"{command} --code {head}",
        signatures=len(chain),
        title=f"Signatures électroniques : {len(chain)} — code de contrôle {code}",
        how_to_check=(
            f"Pour vérifier qu'aucune signature n'a été modifiée, ajoutée ou retirée depuis "
            f"l'impression : {command} --code {code} (le QR code contient cette commande "
            "avec l'empreinte complète)."
        ),
    )


def _certification(
    head: Letterhead, signer: SheetContact | None, variant: Variant
) -> Certification:
    on_behalf = f", représentant l'organisateur ({head.agency})," if head.agency else ""
    who = None
    if signer is not None:
        who = formats.contact_name(signer.first_name, signer.last_name)
        if signer.job_title:
            who += f", {signer.job_title}"
    # A record carries no signatures: its organiser certifies the presences recorded.
    statement = (
        "certifie que les personnes dont la signature figure ci-dessus ont participé à la "
        "réunion décrite sur cette feuille"
        if variant is Variant.TO_SIGN
        else "certifie l'exactitude des présences relevées ci-dessus pour la réunion décrite "
        "sur cette feuille"
    )
    return Certification(
        text=(
            f"Je soussigné(e), {who or '.' * 48}{on_behalf} {statement}. "
            "Fait pour valoir ce que de droit."
        ),
        signer=who,
        place_and_date=f"Fait à {'.' * 36}, le ......../......../............",
        signature_label="Signature et cachet de l'organisateur",
    )


def _privacy_notice(head: Letterhead) -> str:
    who = f"l'organisateur ({head.agency})" if head.agency else "l'organisateur"
    return (
        f"Données personnelles : les informations de cette feuille sont recueillies par {who} "
        "pour justifier auprès des financeurs de la réalisation de l'action (intérêt légitime). "
        "Elles ne sont transmises qu'aux financeurs et aux organismes de contrôle, et conservées "
        "le temps exigé par le contrôle des fonds publics. Vous pouvez exercer vos droits "
        "d'accès, de rectification, d'opposition et d'effacement auprès de l'organisateur."
    )


def attendance_sheet(
    db: Database,
    meeting_id: int,
    *,
    blank: bool = False,
    include_excused: bool = False,
    today: dt.date | None = None,
) -> AttendanceSheet:
    """The attendance sheet of one meeting (see model.py for the two variants).

    *blank* gives the sheet to sign even for a held meeting; *include_excused*
    adds the excused people to a sheet to sign. Raises NotFoundError for an
    unknown meeting.
    """
    meeting = meetings.get_meeting(db, meeting_id)
    head = letterhead_of(db, meeting.programme_id)
    variant = variant_for(meeting, blank=blank)
    covered = half_days(meeting.start_time, meeting.end_time)
    rows = [
        r for r in meetings.list_attendance(db, meeting_id) if _listed(r, variant, include_excused)
    ]
    # A blank sheet is for signing on paper: it shows none of the screen's signatures.
    chain = [] if blank else signatures.list_signatures(db, meeting_id)
    signed = {(r.person_id, r.half_day): r for r in chain}
    on_screen = bool(chain)
    speakers: list[tuple[AttendanceRow, SheetContact]] = []
    participants: list[tuple[AttendanceRow, SheetContact]] = []
    for row in rows:
        speaking = row.role in SPEAKER_ROLES
        presence = _presence(row, covered) if variant is Variant.RECORD else ()
        cells = tuple(
            _signature(
                signed.get((row.person_id, code)),
                bool(presence) and presence[index] == PRESENT,
                on_screen,
            )
            for index, code in enumerate(covered)
        )
        line = SheetContact(
            number=None if speaking else len(participants) + 1,
            last_name=row.last_name,
            first_name=row.first_name,
            organisation=row.organisation_name,
            job_title=row.job_title,
            role_label=(
                ""
                if row.role == AttendanceRole.PARTICIPANT.value
                else label(AttendanceRole, row.role)
            ),
            status=row.status,
            presence=presence,
            signatures=cells,
        )
        (speakers if speaking else participants).append((row, line))
    ordered = speakers + participants  # print order
    signer = next(
        (line for row, line in speakers if row.role == AttendanceRole.ORGANISER.value), None
    )
    title = meeting.title
    # A record's cells hold presence words, so they are titled signature only
    # when they also hold the signatures given on screen.
    kind = (
        "Signature"
        if variant is Variant.TO_SIGN
        else "Présence et signature"
        if on_screen
        else "Présence"
    )
    columns = FIXED_COLUMNS + tuple(f"{kind} — {HALF_DAY_LABELS[c].lower()}" for c in covered)
    contacts = tuple(line for _, line in ordered)
    return AttendanceSheet(
        meeting_id=meeting.id,
        variant=variant,
        letterhead=head,
        title=DOCUMENT_TITLE,
        variant_title=VARIANT_TITLES[variant],
        meeting_title=title,
        date=meeting.date,
        facts=tuple(_facts(meeting, head, covered)),
        funding_mentions=_mentions(head),
        half_days=tuple(HalfDay(code, HALF_DAY_LABELS[code]) for code in covered),
        columns=columns,
        speakers_heading="Intervenant(e)s et organisation",
        participants_heading="Participant(e)s",
        speakers=tuple(line for _, line in speakers),
        participants=tuple(line for _, line in participants),
        blank_rows=blank_rows_for(len(participants)) if variant is Variant.TO_SIGN else 0,
        totals=(
            _totals(contacts, [row.organisation_id for row, _ in ordered])
            if variant is Variant.RECORD
            else None
        ),
        certification=_certification(head, signer, variant),
        privacy_notice=_privacy_notice(head),
        edition_date=today or dt.date.today(),
        proof=_proof(meeting.id, chain),
        footer=f"{DOCUMENT_TITLE} — {title} — {formats.long_date(meeting.date)}",
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


def export_attendance_sheets(
    db: Database,
    meeting_ids: Sequence[int],
    target: Path,
    *,
    blank: bool = False,
    pdf: bool = False,
    include_excused: bool = False,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> list[AttendanceSheet]:
    """Write the sheets of *meeting_ids* to *target*: a workbook (one worksheet per
    meeting) or, with *pdf*, one meeting's PDF. Returns the sheets written.

    *include_excused* adds the excused people to the sheets to sign (records
    list them anyway). *progress* is called with (meetings done, meetings in all) and may raise
    documents.progress.ExportCancelled; nothing is left at *target* then.
    """
    ids = list(dict.fromkeys(meeting_ids))
    if not ids:
        raise ExportError(f"{target}: no meeting to write an attendance sheet for")
    if pdf and len(ids) > 1:
        raise ExportError(f"{target}: a PDF holds one meeting's sheet; give a single meeting")
    sheets: list[AttendanceSheet] = []
    for done, meeting_id in enumerate(ids):
        if progress is not None:
            progress(done, len(ids))
        sheets.append(
            attendance_sheet(
                db, meeting_id, blank=blank, include_excused=include_excused, today=today
            )
        )
    if pdf:
        write_attendance_pdf(sheets[0], target)
    else:
        write_attendance_workbook(sheets, target)
    if progress is not None:
        progress(len(ids), len(ids))
    return sheets
