"""Signatures given for one half-day of a meeting, kept as evidence (issue 16).

A signature marks its person present for that half-day through the same
attendance service as the attendance editor, in the same transaction. Rows
are never updated, except by erasure: the rows of one meeting form a hash
chain, each row's ``chain_hash`` covering its content and the previous row's
``chain_hash``. The image and the strokes enter the chain through their
SHA-256, so erasing them (privacy) keeps the chain verifiable. The head of the
chain, shortened to a code, is printed on the sheet: a signature deleted or
added at the end after printing is caught by comparing with that code, any
other change by the chain itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image, UnidentifiedImageError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Attendance, Contact, Meeting, SignatureRecord
from resilian_desktop.domain import ink
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.domain.halfdays import AFTERNOON, MORNING, half_days
from resilian_desktop.domain.vocab import AttendanceStatus
from resilian_desktop.services.attendance_tools import AttendanceState, restore_states
from resilian_desktop.services.common import get_or_raise
from resilian_desktop.services.meetings import list_attendance, record_attendance

HALF_DAYS = (MORNING, AFTERNOON)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# A signature pad's PNG is a few kilobytes; anything far larger is not one.
MAX_IMAGE_BYTES = 2_000_000
# Hex digits of the chain head printed on the sheet: 48 bits, enough that a
# forged chain does not meet the printed code by chance.
CODE_DIGITS = 12
NO_SIGNATURE_CODE = "0000-0000-0000"
# What a row's hash covers, in this order (the image and strokes through their hashes).
CHAINED_FIELDS = (
    "id",
    "meeting_id",
    "position",
    "person_id",
    "organisation_id",
    "organisation_name",
    "half_day",
    "signed_at",
    "image_sha256",
    "strokes_sha256",
)


class SignatureRefused(ResilianError):
    """A signature that cannot be recorded, said in one line."""


@dataclass(frozen=True)
class SignatureRow:
    id: int
    meeting_id: int
    position: int
    person_id: int
    organisation_name: str | None
    half_day: str
    signed_at: str
    sha256: str
    chain_hash: str
    image: bytes | None  # None once erased

    @property
    def signed_time(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.signed_at)


@dataclass(frozen=True)
class Verification:
    """The outcome of checking one meeting's chain."""

    meeting_id: int
    signatures: int
    code: str  # the code of the chain's head as stored
    broken_id: int | None  # the first record that fails, None when intact
    problem: str | None

    @property
    def intact(self) -> bool:
        return self.problem is None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def short_code(chain_hash: str | None) -> str:
    """The printed form of a chain head: 12 hex digits in groups of four."""
    if not chain_hash:
        return NO_SIGNATURE_CODE
    digits = chain_hash[:CODE_DIGITS].upper()
    return "-".join(digits[i : i + 4] for i in range(0, CODE_DIGITS, 4))


def normalised_code(code: str) -> str:
    """A code as typed from paper: case, spaces and dashes do not matter."""
    return "".join(c for c in code.upper() if c.isalnum())


def _matches(code: str, head: str) -> bool:
    """The printed code, or the full head the QR code holds, or any longer prefix of it."""
    typed = normalised_code(code)
    return len(typed) >= CODE_DIGITS and normalised_code(head).startswith(typed)


def check_png(image: bytes, source: str) -> None:
    """Refuse anything but a readable PNG of reasonable size; *source* names it."""
    if not image.startswith(PNG_MAGIC):
        raise SignatureRefused(f"{source}: not a PNG image")
    if len(image) > MAX_IMAGE_BYTES:
        raise SignatureRefused(
            f"{source}: {len(image)} bytes, more than a signature "
            f"({MAX_IMAGE_BYTES // 1_000_000} MB at most)"
        )
    try:
        with Image.open(io.BytesIO(image)) as picture:
            picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise SignatureRefused(f"{source}: damaged PNG image ({error})") from None


def _content(record: SignatureRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in CHAINED_FIELDS}


def chain_hash_of(content: dict[str, Any], previous: str) -> str:
    """A row's hash: its chained fields and the previous row's hash ("" for the first)."""
    payload = json.dumps(
        {"previous": previous, **{name: content[name] for name in CHAINED_FIELDS}},
        sort_keys=True,
        ensure_ascii=True,
        separators=(",", ":"),
    )
    return sha256_hex(payload.encode("ascii"))


def _chain(session: Session, meeting_id: int) -> list[SignatureRecord]:
    return list(
        session.scalars(
            select(SignatureRecord)
            .where(SignatureRecord.meeting_id == meeting_id)
            .order_by(SignatureRecord.position, SignatureRecord.id)
        )
    )


def _row(record: SignatureRecord) -> SignatureRow:
    return SignatureRow(
        id=record.id,
        meeting_id=record.meeting_id,
        position=record.position,
        person_id=record.person_id,
        organisation_name=record.organisation_name,
        half_day=record.half_day,
        signed_at=record.signed_at,
        sha256=record.image_sha256,
        chain_hash=record.chain_hash,
        image=record.image,
    )


def now_local() -> dt.datetime:
    """The laptop's clock with its offset (the time a controller reads on the sheet)."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


def add_signature(
    db: Database,
    meeting_id: int,
    person_id: int,
    half_day: str,
    image: bytes,
    *,
    strokes: ink.Strokes | None = None,
    signed_at: dt.datetime | None = None,
    source: str = "signature",
) -> SignatureRow:
    """Record *person_id*'s signature for *half_day* of *meeting_id*, and mark them
    present for that half-day, in one transaction.

    Refused (SignatureRefused) for a person not expected at the meeting, a
    half-day the meeting does not cover, a second signature for the same
    person and half-day, or an image that is not a PNG (*source* names it).
    """
    check_png(image, source)
    when = signed_at or now_local()
    if when.tzinfo is None:
        raise ValueError("signed_at needs its time zone")
    strokes_text = json.dumps(ink.compact(strokes), separators=(",", ":")) if strokes else None
    with db.write() as session:
        meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
        get_or_raise(session, Contact, person_id, "contact")
        covered = half_days(meeting.start_time, meeting.end_time)
        if half_day not in covered:
            raise SignatureRefused(
                f"meeting {meeting_id} does not cover the {half_day} "
                f"(it covers: {', '.join(covered)})"
            )
        attendance = session.scalars(
            select(Attendance).where(
                Attendance.meeting_id == meeting_id, Attendance.person_id == person_id
            )
        ).one_or_none()
        if attendance is None:
            raise SignatureRefused(f"person {person_id} is not expected at meeting {meeting_id}")
        chain = _chain(session, meeting_id)
        if any(r.person_id == person_id and r.half_day == half_day for r in chain):
            raise SignatureRefused(
                f"person {person_id} has already signed for the {half_day} of meeting {meeting_id}"
            )
        _mark_present(session, attendance, covered, half_day)
        record = SignatureRecord(
            meeting_id=meeting_id,
            position=len(chain) + 1,
            person_id=person_id,
            organisation_id=attendance.organisation_id,
            organisation_name=attendance.organisation_name,
            half_day=half_day,
            signed_at=when.isoformat(),
            image=image,
            strokes=strokes_text,
            image_sha256=sha256_hex(image),
            strokes_sha256=sha256_hex((strokes_text or "").encode("utf-8")),
            chain_hash="",
        )
        session.add(record)
        session.flush()  # the id is part of the hash
        record.chain_hash = chain_hash_of(_content(record), chain[-1].chain_hash if chain else "")
        session.flush()
        return _row(record)


def add_drawn_signature(
    db: Database,
    meeting_id: int,
    person_id: int,
    half_day: str,
    strokes: ink.Strokes,
    *,
    signed_at: dt.datetime | None = None,
) -> SignatureRow:
    """A signature drawn on this computer's pad (kiosk mode): its PNG is
    rendered here from the strokes, and both are stored by add_signature."""
    if not ink.is_signature(strokes):
        raise SignatureRefused("the signature is empty or too short: sign in the box")
    return add_signature(
        db,
        meeting_id,
        person_id,
        half_day,
        ink.render_png(strokes),
        strokes=strokes,
        signed_at=signed_at,
        source="signature pad",
    )


def withdraw_last_signature(
    db: Database, signature_id: int, attendance_before: AttendanceState | None
) -> None:
    """Take back a signature just given (undo), with the presence it recorded.

    Only the head of its meeting's chain can go: removing the last link
    leaves a chain that still verifies, whereas removing one inside it would
    break every later link (that is what verify is there to catch). Once a
    sheet is printed, its code no longer matches and verify --code says so.
    *attendance_before* is the person's attendance row as it was before the
    signature (None: the person had no row), put back in the same transaction.
    """
    with db.write() as session:
        record = session.get(SignatureRecord, signature_id)
        if record is None:
            raise SignatureRefused(f"signature {signature_id} no longer exists")
        chain = _chain(session, record.meeting_id)
        if chain[-1].id != signature_id:
            raise SignatureRefused(
                f"signature {signature_id} is no longer the meeting's last one: "
                "only the last signature can be taken back"
            )
        meeting_id, person_id = record.meeting_id, record.person_id
        session.execute(delete(SignatureRecord).where(SignatureRecord.id == signature_id))
        restore_states(
            session,
            meeting_id,
            [attendance_before] if attendance_before is not None else [],
            remove_person_ids=[] if attendance_before is not None else [person_id],
        )


def _mark_present(
    session: Session, attendance: Attendance, covered: tuple[str, ...], half_day: str
) -> None:
    """Present for *half_day*; the other half-day stays as recorded, or absent
    when the person was not present yet (they sign it when they come)."""
    present = attendance.status == AttendanceStatus.PRESENT.value
    marks = {
        MORNING: attendance.present_morning if present else False,
        AFTERNOON: attendance.present_afternoon if present else False,
    }
    marks[half_day] = True
    both = len(covered) == 2
    record_attendance(
        session,
        attendance.meeting_id,
        [attendance.person_id],
        status=AttendanceStatus.PRESENT.value,
        present_morning=marks[MORNING] if both else None,
        present_afternoon=marks[AFTERNOON] if both else None,
    )


@dataclass(frozen=True)
class SignerRow:
    """A person expected to sign for a half-day, and when they did (None: not yet)."""

    person_id: int
    first_name: str
    last_name: str
    civility: str | None
    organisation_name: str | None
    signed_at: str | None


def signers(db: Database, meeting_id: int, half_day: str) -> list[SignerRow]:
    """Who may sign for *half_day* of a meeting (kiosk mode), by name: everyone
    on its list except those who excused themselves (unless they signed)."""
    with db.read() as session:
        # Who and when only: the images stay in the database.
        signed: dict[int, str] = dict(
            session.execute(  # .all(): a list; dict() takes a Result for a mapping (keys())
                select(SignatureRecord.person_id, SignatureRecord.signed_at).where(
                    SignatureRecord.meeting_id == meeting_id, SignatureRecord.half_day == half_day
                )
            ).all()
        )
    return [
        SignerRow(
            person_id=a.person_id,
            first_name=a.first_name,
            last_name=a.last_name,
            civility=a.civility,
            organisation_name=a.organisation_name,
            signed_at=signed.get(a.person_id),
        )
        for a in list_attendance(db, meeting_id)
        if a.status != AttendanceStatus.EXCUSED.value or a.person_id in signed
    ]


def list_signatures(db: Database, meeting_id: int) -> list[SignatureRow]:
    """The signatures of a meeting, in the chain's order."""
    with db.read() as session:
        get_or_raise(session, Meeting, meeting_id, "meeting")
        return [_row(r) for r in _chain(session, meeting_id)]


def chain_code(db: Database, meeting_id: int) -> str:
    """The code of a meeting's chain head as stored (printed on the sheet)."""
    with db.read() as session:
        chain = _chain(session, meeting_id)
        return short_code(chain[-1].chain_hash if chain else None)


def _name(record: SignatureRecord) -> str:
    return (
        f"signature {record.id} (position {record.position}, person {record.person_id}, "
        f"{record.half_day})"
    )


def _own_problem(session: Session, record: SignatureRecord, previous: str | None) -> str | None:
    """What is wrong with *record* itself, whatever its neighbours: *previous* is
    the hash its own hash was made on (None: no record of the meeting has it)."""
    if previous is None:
        return f"{_name(record)}: its content or its hash was changed, or it was added"
    if record.image is None:
        contact = session.get(Contact, record.person_id)
        if contact is None or contact.erased_at is None:
            return f"{_name(record)}: image removed, but the person was not erased"
    elif sha256_hex(record.image) != record.image_sha256:
        return f"{_name(record)}: the image differs from the one signed"
    if record.strokes is not None and (
        sha256_hex(record.strokes.encode("utf-8")) != record.strokes_sha256
    ):
        return f"{_name(record)}: the strokes differ from those signed"
    return None


def _first_problem(session: Session, chain: list[SignatureRecord]) -> tuple[int, str] | None:
    """The first record, in the chain's order, that is wrong.

    First a record whose own hash no longer matches its content on any
    previous hash of the meeting (the one changed, added, or the one after a
    deletion), so that changing one record names that record and not the next
    one; then the links and positions.
    """
    hashes = ["", *(r.chain_hash for r in chain)]
    made_on: list[str | None] = []
    for index, record in enumerate(chain):
        content = _content(record)
        # The expected predecessor first: the usual case costs one hash.
        candidates = [hashes[index], *hashes]
        made_on.append(
            next((h for h in candidates if chain_hash_of(content, h) == record.chain_hash), None)
        )
        problem = _own_problem(session, record, made_on[-1])
        if problem is not None:
            return record.id, problem
    for index, record in enumerate(chain):
        if record.position != index + 1 or made_on[index] != hashes[index]:
            return record.id, (
                f"{_name(record)}: expected at position {index + 1} after "
                + (f"signature {chain[index - 1].id}" if index else "nothing")
                + " (a signature before it was deleted or moved)"
            )
    return None


def verify_chain(db: Database, meeting_id: int, code: str | None = None) -> Verification:
    """Check a meeting's chain; with *code* (read off a printed sheet), also that
    no signature was deleted or added at the end since it was printed."""
    with db.read() as session:
        get_or_raise(session, Meeting, meeting_id, "meeting")
        chain = _chain(session, meeting_id)
        head = short_code(chain[-1].chain_hash if chain else None)
        full_head = chain[-1].chain_hash if chain else normalised_code(NO_SIGNATURE_CODE)
        found = _first_problem(session, chain)
        last_id = chain[-1].id if chain else None
    if found is not None:
        broken, problem = found
        return Verification(meeting_id, len(chain), head, broken, problem)
    if code is not None and not _matches(code, full_head):
        last = f"signature {last_id}" if last_id is not None else "no signature"
        return Verification(
            meeting_id,
            len(chain),
            head,
            last_id,
            f"the chain ends at {last} with code {head}, not {code}: "
            "a signature was deleted or added at the end since the sheet was printed",
        )
    return Verification(meeting_id, len(chain), head, None, None)


def erase_signatures(session: Session, person_id: int) -> int:
    """Remove a person's signature images and strokes (privacy erasure), keeping
    their hashes so the chain still verifies; returns the rows touched."""
    records = list(
        session.scalars(select(SignatureRecord).where(SignatureRecord.person_id == person_id))
    )
    for record in records:
        record.image = None
        record.strokes = None
    return len(records)


@dataclass(frozen=True)
class ChainedRecord:
    """One signature as its chain sees it (for the audit pack): the fields its
    hash covers, that hash, and who signed, by name, as the database holds it now."""

    content: dict[str, Any]  # CHAINED_FIELDS, as hashed
    chain_hash: str
    erased: bool  # image and strokes removed (privacy); their hashes stay
    first_name: str
    last_name: str


# Meetings asked for in one query: well under SQLite's limit of bound values.
_IDS_PER_QUERY = 500


def chained_records(db: Database, meeting_ids: Sequence[int]) -> list[ChainedRecord]:
    """The signatures of *meeting_ids*, each meeting's in its chain's order,
    meetings in the order given. Images are not read."""
    order = {meeting_id: index for index, meeting_id in enumerate(dict.fromkeys(meeting_ids))}
    ids = list(order)
    found: list[tuple[int, int, int, ChainedRecord]] = []
    with db.read() as session:
        for start in range(0, len(ids), _IDS_PER_QUERY):
            rows = session.execute(
                select(
                    *(getattr(SignatureRecord, name) for name in CHAINED_FIELDS),
                    SignatureRecord.chain_hash,
                    SignatureRecord.image.is_(None),
                    Contact.first_name,
                    Contact.last_name,
                )
                .join(Contact, Contact.id == SignatureRecord.person_id)
                .where(SignatureRecord.meeting_id.in_(ids[start : start + _IDS_PER_QUERY]))
            )
            for row in rows:
                content = dict(zip(CHAINED_FIELDS, row[: len(CHAINED_FIELDS)], strict=True))
                chain_hash, erased, first_name, last_name = row[len(CHAINED_FIELDS) :]
                found.append(
                    (
                        order[content["meeting_id"]],
                        content["position"],
                        content["id"],
                        ChainedRecord(content, chain_hash, bool(erased), first_name, last_name),
                    )
                )
    found.sort(key=lambda item: item[:3])
    return [record for *_, record in found]
