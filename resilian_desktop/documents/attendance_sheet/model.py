"""The attendance sheet ("feuille d'émargement") as printed: one model for Excel and PDF.

The builder (build.py) decides every word; the two writers (xlsx.py, pdf.py)
only lay this model out, so both formats carry the same header, the same
funding block, the same columns and the same people in the same order.

Two variants of the same facts:

- *to sign* (before or at the meeting): identities pre-filled, one empty
  signature cell per half-day, numbered empty rows for walk-ins, the
  organiser's certification to sign and stamp;
- *record* (after a held meeting): presence per half-day in columns titled
  as presence (never in a cell titled signature), with the totals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from resilian_desktop.documents.letterhead import Letterhead

DOCUMENT_TITLE = "Feuille d'émargement"


class Variant(StrEnum):
    TO_SIGN = "to_sign"
    RECORD = "record"


VARIANT_TITLES = {Variant.TO_SIGN: "Feuille à signer", Variant.RECORD: "Relevé des présences"}


@dataclass(frozen=True)
class HalfDay:
    """One half-day the meeting covers: a signature (or presence) column."""

    code: str  # domain.halfdays.MORNING or AFTERNOON
    label: str  # "Matin", "Après-midi"


@dataclass(frozen=True)
class Signature:
    """What one person's cell for one half-day holds besides the paper.

    Empty on a sheet signed on paper. A signature given on screen (issue 16)
    brings its image (PNG, None once erased) and the time it was made;
    *note* says what the cell lacks ("sans signature" for a person marked
    present who did not sign, "signature effacée" after an erasure), for the
    writers to show it plainly.
    """

    image: bytes | None = None
    time: str | None = None  # "09:14", the local clock of the signing
    note: str | None = None

    @property
    def empty(self) -> bool:
        return self.image is None and self.time is None and self.note is None


@dataclass(frozen=True)
class SignatureProof:
    """The foot of a sheet whose signatures were given on screen: the code of the
    meeting's signature chain, what the QR code holds, and how to check both."""

    code: str  # "DF15-1A7D-C1D1", the head of the chain shortened
    qr_text: str  # the command that checks it, with the head in full
    signatures: int
    title: str
    how_to_check: str


@dataclass(frozen=True)
class SheetContact:
    """One line: a person expected at or present at the meeting.

    ``organisation`` and ``job_title`` are those recorded on the day.
    ``presence`` has one word per half-day on a record ("Présent(e)",
    "Absent(e)", "Excusé(e)", "Non renseigné") and is empty on a sheet to
    sign. ``signatures`` has one cell per half-day in both variants.
    """

    number: int | None  # printed line number of a participant; None for speakers
    last_name: str
    first_name: str
    organisation: str | None
    job_title: str | None
    role_label: str  # "" for a participant, "Intervenant(e)", "Organisateur"
    status: str  # domain.vocab.AttendanceStatus
    presence: tuple[str, ...]
    signatures: tuple[Signature, ...]


@dataclass(frozen=True)
class Totals:
    """The foot of a record (speakers included)."""

    listed: int
    present: int  # present for at least one half-day
    present_by_half_day: tuple[int, ...]
    absent: int
    excused: int
    not_recorded: int  # still "invited" or "registered"
    organisations_represented: int  # distinct organisations of the people present

    def lines(self, half_days: tuple[HalfDay, ...]) -> tuple[tuple[str, int], ...]:
        """The totals as (label, count) pairs, as both formats print them."""
        rows = [("Personnes attendues", self.listed), ("Personnes présentes", self.present)]
        if len(half_days) > 1:
            rows += [
                (f"Présentes — {h.label.lower()}", n)
                for h, n in zip(half_days, self.present_by_half_day, strict=True)
            ]
        rows += [("Absentes", self.absent), ("Excusées", self.excused)]
        if self.not_recorded:
            rows.append(("Présence non renseignée", self.not_recorded))
        rows.append(("Structures représentées", self.organisations_represented))
        return tuple(rows)


@dataclass(frozen=True)
class Certification:
    """The organiser's statement at the end, kept on the page of the last rows."""

    text: str
    signer: str | None  # "Élise Muller, chargée de mission" when the organiser is on the list
    place_and_date: str  # "Fait à …, le …" with dots to fill in
    signature_label: str


@dataclass(frozen=True)
class AttendanceSheet:
    """Everything one meeting's attendance sheet shows, ready to lay out."""

    meeting_id: int
    variant: Variant
    letterhead: Letterhead  # programme, organiser, funders with logos, mention, reference
    title: str  # "Feuille d'émargement"
    variant_title: str  # "Feuille à signer" / "Relevé des présences"
    meeting_title: str
    date: dt.date
    facts: tuple[tuple[str, str], ...]  # the header: (label, value), in print order
    funding_mentions: tuple[str, ...]  # the funding block under the logos
    half_days: tuple[HalfDay, ...]
    columns: tuple[str, ...]  # the table's header: N°, Nom, ..., one per half-day
    speakers_heading: str
    participants_heading: str
    speakers: tuple[SheetContact, ...]  # empty: no speakers' section at all
    participants: tuple[SheetContact, ...]
    blank_rows: int  # numbered empty rows for walk-ins (sheet to sign only)
    totals: Totals | None  # records only
    certification: Certification
    privacy_notice: str
    edition_date: dt.date
    proof: SignatureProof | None  # only when signatures were given on screen
    footer: str  # "Feuille d'émargement — <title> — jeudi 14 janvier 2027"

    @property
    def to_sign(self) -> bool:
        return self.variant is Variant.TO_SIGN

    @property
    def signed(self) -> bool:
        """Signatures were given on screen: their cells hold images, the foot a code."""
        return self.proof is not None

    @property
    def contacts(self) -> tuple[SheetContact, ...]:
        """Speakers then participants, in print order."""
        return self.speakers + self.participants

    @property
    def totals_lines(self) -> tuple[tuple[str, int], ...]:
        return self.totals.lines(self.half_days) if self.totals else ()

    @property
    def blank_numbers(self) -> range:
        """The numbers printed on the empty rows, after the last participant."""
        first = len(self.participants) + 1
        return range(first, first + self.blank_rows)
