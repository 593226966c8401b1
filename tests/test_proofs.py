"""Scanned sheets attached to a meeting, and the proof of each held meeting (issue 16)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from resilian_desktop import cli
from resilian_desktop.db.engine import Database
from resilian_desktop.services import attachments, meetings, signatures
from resilian_desktop.services.meetings import delete_meeting
from tests import factories as f
from tests.signing import signature_png, two_half_day_meeting

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)


def run(capsys: pytest.CaptureFixture[str], location: str, *args: str) -> tuple[int, str, str]:
    code = cli.run(["--db", location, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_attach_stores_a_copy_beside_the_database_with_its_hash(
    capsys: pytest.CaptureFixture[str], db: Database, db_location: str, tmp_path: Path
) -> None:
    setup = two_half_day_meeting(db)
    scan = tmp_path / "feuille signée.pdf"
    scan.write_bytes(b"%PDF-1.4\n% a scan\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    status, out, err = run(
        capsys, db_location, "attach", "--meeting", str(setup.meeting_id), str(scan)
    )
    assert status == 0, err
    (row,) = attachments.list_attachments(db, setup.meeting_id)
    assert row.path.parent == db.path.with_name(db.path.name + ".attachments")
    assert row.path.read_bytes() == scan.read_bytes()
    assert row.sha256 == hashlib.sha256(scan.read_bytes()).hexdigest() and row.sha256 in out
    assert (row.media_type, row.original_name) == ("application/pdf", "feuille signée.pdf")
    assert dt.datetime.fromisoformat(row.attached_at).utcoffset() is not None
    # A meeting with a scan keeps its history: it is not deleted from under its file.
    with pytest.raises(Exception, match="attached files"):
        delete_meeting(db, setup.meeting_id)


def test_attach_refuses_anything_else_and_leaves_nothing(
    capsys: pytest.CaptureFixture[str], db: Database, db_location: str, tmp_path: Path
) -> None:
    setup = two_half_day_meeting(db)
    meeting = str(setup.meeting_id)
    word = tmp_path / "feuille.docx"
    word.write_bytes(b"PK\x03\x04 a word document")
    png = tmp_path / "scan.png"
    png.write_bytes(signature_png())
    jpeg = tmp_path / "scan.jpg"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0 a jpeg")
    status, _, err = run(capsys, db_location, "attach", "--meeting", meeting, str(word))
    assert status == 1 and "not a PDF, PNG or JPEG" in err and str(word) in err
    assert err.count("\n") == 1
    status, _, err = run(capsys, db_location, "attach", "--meeting", "999", str(png))
    assert status == 1 and "999" in err
    for accepted in (png, jpeg):
        assert run(capsys, db_location, "attach", "--meeting", meeting, str(accepted))[0] == 0
    status, _, err = run(capsys, db_location, "attach", "--meeting", meeting, str(png))
    assert status == 1 and "already attached" in err
    folder = db.path.with_name(db.path.name + ".attachments")
    stored = sorted(p.name for p in folder.iterdir())
    assert len(stored) == 2 and not any(name.startswith(".") for name in stored)
    assert {r.media_type for r in attachments.list_attachments(db, setup.meeting_id)} == {
        "image/png",
        "image/jpeg",
    }


def test_proof_status_signed_scan_or_none(
    capsys: pytest.CaptureFixture[str], db: Database, db_location: str, tmp_path: Path
) -> None:
    setup = two_half_day_meeting(db)  # held, 12 March 2026, morning and afternoon
    programme = f.programme(db, "Autre programme")
    scanned = f.meeting(db, programme.id, date=dt.date(2026, 3, 20), status="held")
    bare = f.meeting(db, programme.id, date=dt.date(2026, 3, 21), status="held")
    f.meeting(db, programme.id, date=dt.date(2026, 3, 22))  # planned: no proof owed
    for meeting_id in (scanned.id, bare.id):
        meetings.set_attendance(db, meeting_id, list(setup.people), status="present")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.7\n%%EOF\n")
    attachments.attach_file(db, scanned.id, scan)
    first, second, third = setup.people
    meetings.set_attendance(db, setup.meeting_id, [third], status="absent")
    signatures.add_signature(db, setup.meeting_id, first, "morning", signature_png(1))
    signatures.add_signature(db, setup.meeting_id, second, "afternoon", signature_png(2))
    signatures.add_signature(db, setup.meeting_id, first, "afternoon", signature_png(3))

    def proofs(*extra: str) -> dict[int, dict[str, object]]:
        status, out, err = run(
            capsys,
            db_location,
            "proofs",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--json",
            *extra,
        )
        assert status == 0, err
        return {item["meeting_id"]: item for item in json.loads(out)}

    found = proofs()
    assert set(found) == {setup.meeting_id, scanned.id, bare.id}
    # The second person attended the afternoon only (signing it marked the morning absent).
    assert found[setup.meeting_id]["proof"] == "signed"
    assert found[scanned.id]["proof"] == "scan" and found[bare.id]["proof"] == "none"
    assert all(item["problems"] == [] for item in found.values())
    # Present for a half-day without signing it: no longer signed on screen.
    meetings.set_attendance(db, setup.meeting_id, [second], status="present", present_morning=True)
    assert proofs()[setup.meeting_id]["proof"] == "none"
    assert set(proofs("--programme", str(programme.id))) == {scanned.id, bare.id}
