"""Scanned sheets attached to a meeting, and the proof of each held meeting (issue 16)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from resilian_desktop import cli
from resilian_desktop.db.engine import Database
from resilian_desktop.documents.period_report.build import export_period_report
from resilian_desktop.services import attachments, drilldown, listings, meetings, signatures
from resilian_desktop.services.listings import ListFilters
from resilian_desktop.services.meetings import delete_meeting
from resilian_desktop.services.stats import Period, period_figures
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
    # The meeting's attendance is its history: it is not deleted, nor its scan.
    with pytest.raises(Exception, match="has history"):
        delete_meeting(db, setup.meeting_id)
    assert row.path.exists()


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
        meetings.set_attendance(db, meeting_id, list(setup.contacts), status="present")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.7\n%%EOF\n")
    attachments.attach_file(db, scanned.id, scan)
    first, second, third = setup.contacts
    meetings.set_attendance(db, setup.meeting_id, [third], status="absent")
    paris = dt.timezone(dt.timedelta(hours=1))
    for contact, half_day, seed, moment in (
        (first, "morning", 1, dt.datetime(2026, 3, 12, 9, 2, tzinfo=paris)),
        (second, "afternoon", 2, dt.datetime(2026, 3, 12, 14, 1, tzinfo=paris)),
        (first, "afternoon", 3, dt.datetime(2026, 3, 12, 14, 3, tzinfo=paris)),
    ):
        signatures.add_signature(
            db, setup.meeting_id, contact, half_day, signature_png(seed), signed_at=moment
        )

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
    assert found[setup.meeting_id]["problems"] == found[scanned.id]["problems"] == []
    # Saturday 21 March 2026: the date its paper signatures carry.
    (weekend,) = found[bare.id]["checks"]  # type: ignore[misc]
    assert weekend["code"] == "meeting_on_weekend" and weekend["meeting_id"] == bare.id
    assert found[bare.id]["problems"] == [weekend["message"]]
    assert "Saturday" in weekend["message"] and "samedi" in weekend["message_fr"]
    march = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert period_figures(db, march).meetings_without_proof == 1
    # Present for a half-day without signing it: no longer signed on screen.
    meetings.set_attendance(db, setup.meeting_id, [second], status="present", present_morning=True)
    assert proofs()[setup.meeting_id]["proof"] == "none"
    assert set(proofs("--programme", str(programme.id))) == {scanned.id, bare.id}
    # The dashboard's figure, its click-through and the period report say the same.
    figures = period_figures(db, march)
    assert figures.meetings_without_proof == 2
    ref = drilldown.FigureRef("meetings_without_proof", march, figures.reference_date)
    assert drilldown.list_name_of("meetings_without_proof") == "meetings"
    listed = listings.fetch_page(
        db, "meetings", offset=0, limit=10, filters=ListFilters(figure=ref)
    )
    assert {row.id for row in listed} == {setup.meeting_id, bare.id}
    report = tmp_path / "rapport.xlsx"
    export_period_report(db, march, report)
    book = load_workbook(report, read_only=True)
    sheet = book["Réunions"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    proof_column, id_column = header.index("Preuve de présence"), header.index("N° réunion")
    assert {r[id_column]: r[proof_column] for r in rows[1:]} == {
        setup.meeting_id: "Aucune",
        scanned.id: "Scan",
        bare.id: "Aucune",
    }
    summary = {
        str(r[0]).strip(): r[1]
        for r in book["Synthèse"].iter_rows(values_only=True)
        if len(r) > 1 and r[0]
    }
    assert summary["dont sans preuve de présence"] == 2
    book.close()
