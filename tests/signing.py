"""Signature images and a signed meeting for the tests of issue 16."""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass

from PIL import Image, ImageDraw

from resilian_desktop.db.engine import Database
from resilian_desktop.services import meetings
from tests import factories as f


def signature_png(seed: int = 1, size: tuple[int, int] = (400, 150)) -> bytes:
    """A pen-like scribble, different for each *seed*, as a signature pad exports it."""
    width, height = size
    image = Image.new("RGBA", size, (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [
        (
            20 + x * (width - 40) / 120,
            height / 2 + math.sin(x / (4 + seed % 5)) * height / 3 * math.cos(x / (13 + seed)),
        )
        for x in range(121)
    ]
    draw.line(points, fill=(20, 30, 120, 255), width=4, joint="curve")
    draw.line(
        [(30, height - 25), (width - 60, height - 30 - seed % 7)], fill=(20, 30, 120, 255), width=3
    )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


@dataclass(frozen=True)
class SignedMeeting:
    meeting_id: int
    contacts: tuple[int, ...]
    other_meeting_id: int


def two_half_day_meeting(db: Database, contacts: int = 3) -> SignedMeeting:
    """A held meeting covering morning and afternoon, *people* invited, none signed;
    and a second meeting with the same people, to move records to."""
    programme = f.programme(db)
    company = f.organisation(db)
    ids = tuple(
        f.contact(db, first=f"Prénom{i}", last=f"Nom{i}", organisation_id=company.id).id
        for i in range(contacts)
    )
    meeting = f.meeting(
        db,
        programme.id,
        start_time=dt.time(9, 0),
        end_time=dt.time(17, 0),
        status="held",
        venue="Salle du conseil",
    )
    other = f.meeting(db, programme.id, title="Autre réunion", date=dt.date(2026, 3, 13))
    for target in (meeting.id, other.id):
        meetings.set_attendance(db, target, list(ids), status="registered")
    return SignedMeeting(meeting.id, ids, other.id)
