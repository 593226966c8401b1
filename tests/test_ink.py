"""Strokes of a signature (domain.ink): the smoothing drawn on the pad and in the PNG
kept as evidence, and what the service makes of drawn signatures and walk-ins."""

from __future__ import annotations

import datetime as dt
import io
from itertools import pairwise

import pytest
from PIL import Image

from resilian_desktop.db.engine import Database
from resilian_desktop.domain import ink
from resilian_desktop.domain.halfdays import current_half_day
from resilian_desktop.services import attendance_tools, meetings, signatures
from resilian_desktop.services.contacts import ContactDraft
from tests import factories as f
from tests.signing import two_half_day_meeting


def test_the_smoothed_curve_starts_and_ends_on_the_stroke_through_its_midpoints() -> None:
    stroke = [(0, 0), (10, 0), (10, 10), (20, 10)]
    segments = ink.smooth_segments(stroke)
    assert segments[0][0] == (0.0, 0.0) and segments[-1][2] == (20.0, 10.0)
    # Each inner point is a control point; the curve passes through the midpoints.
    assert [s[1] for s in segments[:-1]] == [(10.0, 0.0), (10.0, 10.0)]
    assert [s[2] for s in segments[:-1]] == [(10.0, 5.0), (15.0, 10.0)]
    assert all(a[2] == b[0] for a, b in pairwise(segments))  # no gap
    assert ink.smooth_segments([(3, 4)]) == [((3.0, 4.0), (3.0, 4.0), (3.0, 4.0))]
    assert ink.smooth_segments([]) == []


def test_a_tap_is_not_a_signature() -> None:
    assert not ink.is_signature([[(5, 5)], [(7, 7), (9, 9)]])
    assert ink.is_signature([[(0, 0), (30, 0), (30, 30)]])


def test_the_png_holds_the_ink_scaled_into_its_box_on_transparent_ground() -> None:
    tall = [[(0, 0), (5, 400)], [(0, 200), (10, 210)]]
    with Image.open(io.BytesIO(ink.render_png(tall))) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "RGBA", ink.IMAGE_SIZE)
        alpha = image.getchannel("A")
        left, top, right, bottom = alpha.getbbox() or (0, 0, 0, 0)
        # As tall as the box allows, not stretched sideways; the corners empty.
        assert top < 20 and bottom > ink.IMAGE_SIZE[1] - 20 and right - left < 60
        assert alpha.getpixel((0, 0)) == 0
        colours = {rgba[:3] for _count, rgba in image.getcolors(1 << 16) or [] if rgba[3]}
        assert colours == {ink.INK[:3]}
    with pytest.raises(ValueError):
        ink.render_png([])


def test_a_pen_s_pressure_makes_the_line_thicker() -> None:
    light = [[(0, 50, 0, 0.1), (200, 50, 10, 0.1), (400, 50, 20, 0.1)]]
    heavy = [[(0, 50, 0, 1.0), (200, 50, 10, 1.0), (400, 50, 20, 1.0)]]

    def ink_pixels(strokes: ink.Strokes) -> int:
        with Image.open(io.BytesIO(ink.render_png(strokes))) as image:
            return image.getchannel("A").point(lambda a: 255 if a > 128 else 0).histogram()[255]

    assert ink_pixels(heavy) > 1.5 * ink_pixels(light)


def test_stored_strokes_are_rounded_and_keep_what_the_device_gave() -> None:
    assert ink.compact([[(1.234, 5.678)], [(1, 2, 33.3, 0.456)], []]) == [
        [[1.2, 5.7]],
        [[1.0, 2.0, 33, 0.46]],
    ]


def test_the_half_day_by_the_clock() -> None:
    both = ("morning", "afternoon")
    assert current_half_day(both, dt.time(11, 59)) == "morning"
    assert current_half_day(both, dt.time(12, 0)) == "afternoon"
    assert current_half_day(("afternoon",), dt.time(9, 0)) == "afternoon"


def test_a_drawn_signature_is_rendered_and_stored_with_its_strokes(db: Database) -> None:
    setup = two_half_day_meeting(db)
    strokes = [[(0, 0, 0), (50, 40, 16), (100, 0, 33)], [(0, 60, 400), (100, 60, 500)]]
    row = signatures.add_drawn_signature(
        db, setup.meeting_id, setup.contacts[0], "morning", strokes
    )
    assert row.image == ink.render_png(strokes)
    with pytest.raises(signatures.SignatureRefused, match="too short"):
        signatures.add_drawn_signature(
            db, setup.meeting_id, setup.contacts[1], "morning", [[(1, 1)]]
        )
    assert signatures.verify_chain(db, setup.meeting_id).intact


def test_signers_are_the_list_but_the_excused_with_when_they_signed(db: Database) -> None:
    setup = two_half_day_meeting(db)
    first, second, third = setup.contacts
    meetings.set_attendance(db, setup.meeting_id, [second, third], status="excused")
    # Excused, but came after all (found through "not on the list"): signing makes them present.
    signatures.add_drawn_signature(
        db, setup.meeting_id, third, "afternoon", [[(0, 0), (80, 30), (160, 0)]]
    )
    afternoon = {
        r.person_id: r.signed_at for r in signatures.signers(db, setup.meeting_id, "afternoon")
    }
    assert set(afternoon) == {first, third}
    assert afternoon[first] is None and afternoon[third]
    assert [r.signed_at for r in signatures.signers(db, setup.meeting_id, "morning")] == [
        None,
        None,
    ]


def test_a_walk_in_s_organisation_typed_loosely_is_the_directory_s_or_kept_for_the_day(
    db: Database,
) -> None:
    programme = f.programme(db)
    fonderie = f.organisation(db, "Fonderie Cœur d'Alsace")
    meeting = f.meeting(db, programme.id)
    known = attendance_tools.add_walk_in(
        db, meeting.id, ContactDraft("Zoé", "Lefèvre"), status="registered",
        organisation_of_the_day="  FONDERIE coeur d alsace ",
    )  # fmt: skip
    assert (known.organisation_id, known.organisation_name, known.status) == (
        fonderie.id, "Fonderie Cœur d'Alsace", "registered",
    )  # fmt: skip
    other = attendance_tools.add_walk_in(
        db, meeting.id, ContactDraft("Paul", "Roth"), organisation_of_the_day="Chambre de métiers"
    )
    assert (other.organisation_id, other.organisation_name) == (None, "Chambre de métiers")
