"""Signatures as evidence (issue 16): recorded with presence, chained, verifiable,
erasable without breaking the chain; the `signatures` command's contract."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from resilian_desktop import cli
from resilian_desktop.db.engine import Database
from resilian_desktop.services import meetings, privacy, signatures
from resilian_desktop.services.signatures import SignatureRefused
from tests import factories as f
from tests.signing import SignedMeeting, signature_png, two_half_day_meeting

PARIS_WINTER = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture
def signed(db: Database) -> SignedMeeting:
    """Three people; the first two sign both half-days, the third the morning only."""
    setup = two_half_day_meeting(db)
    moments = iter(range(100))
    for half_day in ("morning", "afternoon"):
        for n, contact in enumerate(setup.contacts):
            if half_day == "afternoon" and n == 2:
                continue
            minute = next(moments)
            signatures.add_signature(
                db,
                setup.meeting_id,
                contact,
                half_day,
                signature_png(seed=n + (10 if half_day == "afternoon" else 0)),
                strokes=[[(1.0, 2.0), (3.5, 4.0)], [(5.0, 6.0)]],
                signed_at=dt.datetime(
                    2026, 3, 12, 9 if half_day == "morning" else 14, minute, tzinfo=PARIS_WINTER
                ),
            )
    return setup


def run(capsys: pytest.CaptureFixture[str], db_path: Path, *args: str) -> tuple[int, str, str]:
    code = cli.run(["--db", str(db_path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def sql(db_path: Path, statement: str, *params: object) -> None:
    connection = sqlite3.connect(db_path)
    try:
        connection.execute(statement, params)
        connection.commit()
    finally:
        connection.close()


# --- the service ---------------------------------------------------------------


def test_a_signature_marks_its_contact_present_for_that_half_day_only(db: Database) -> None:
    setup = two_half_day_meeting(db)
    contact = setup.contacts[0]
    signatures.add_signature(db, setup.meeting_id, contact, "morning", signature_png())
    row = next(a for a in meetings.list_attendance(db, setup.meeting_id) if a.person_id == contact)
    assert (row.status, row.present_morning, row.present_afternoon) == ("present", True, False)
    signatures.add_signature(db, setup.meeting_id, contact, "afternoon", signature_png(2))
    row = next(a for a in meetings.list_attendance(db, setup.meeting_id) if a.person_id == contact)
    assert (row.present_morning, row.present_afternoon) == (True, True)
    others = [a for a in meetings.list_attendance(db, setup.meeting_id) if a.person_id != contact]
    assert {a.status for a in others} == {"registered"}


def test_signed_at_is_the_local_clock_with_its_offset(db: Database) -> None:
    setup = two_half_day_meeting(db)
    before = dt.datetime.now().astimezone().replace(microsecond=0)
    row = signatures.add_signature(
        db, setup.meeting_id, setup.contacts[0], "morning", signature_png()
    )
    signed = dt.datetime.fromisoformat(row.signed_at)
    assert signed.utcoffset() == before.utcoffset()
    assert before <= signed <= dt.datetime.now().astimezone()


def test_a_refused_signature_changes_nothing(db: Database) -> None:
    setup = two_half_day_meeting(db)
    stranger = f.contact(db, first="Jean", last="Inconnu").id
    morning_only = f.meeting(
        db, f.programme(db, "Autre programme").id, start_time=dt.time(9), end_time=dt.time(12)
    )
    meetings.set_attendance(db, morning_only.id, [setup.contacts[0]], status="registered")
    signatures.add_signature(db, setup.meeting_id, setup.contacts[0], "morning", signature_png())
    attempts = [
        ((setup.meeting_id, stranger, "morning", signature_png()), "not expected"),
        ((morning_only.id, setup.contacts[0], "afternoon", signature_png()), "does not cover"),
        ((setup.meeting_id, setup.contacts[0], "morning", signature_png(3)), "already signed"),
        ((setup.meeting_id, setup.contacts[1], "morning", b"GIF89a not a png"), "not a PNG"),
        ((setup.meeting_id, setup.contacts[1], "morning", signature_png()[:60]), "damaged PNG"),
    ]
    for arguments, reason in attempts:
        with pytest.raises(SignatureRefused, match=reason):
            signatures.add_signature(db, *arguments)
    assert len(signatures.list_signatures(db, setup.meeting_id)) == 1
    assert signatures.list_signatures(db, morning_only.id) == []
    statuses = {a.person_id: a.status for a in meetings.list_attendance(db, setup.meeting_id)}
    assert statuses[setup.contacts[1]] == "registered"


def test_each_hash_covers_its_content_and_the_previous_one(
    db: Database, db_path: Path, signed: SignedMeeting
) -> None:
    connection = sqlite3.connect(db_path)
    connection.row_factory = sqlite3.Row
    stored = connection.execute(
        "SELECT * FROM signature WHERE meeting_id = ? ORDER BY position", (signed.meeting_id,)
    ).fetchall()
    connection.close()
    assert [r["position"] for r in stored] == [1, 2, 3, 4, 5]
    previous = ""
    for record in stored:
        content = {name: record[name] for name in signatures.CHAINED_FIELDS}
        assert record["chain_hash"] == signatures.chain_hash_of(content, previous)
        assert record["chain_hash"] != signatures.chain_hash_of(content, "0" * 64)
        assert record["image_sha256"] == signatures.sha256_hex(record["image"])
        assert record["strokes_sha256"] == signatures.sha256_hex(record["strokes"].encode())
        previous = record["chain_hash"]
    assert signatures.chain_code(db, signed.meeting_id) == signatures.short_code(previous)
    assert signatures.verify_chain(db, signed.meeting_id).intact


def test_erasure_removes_image_and_strokes_and_the_chain_still_verifies(
    db: Database, db_path: Path, signed: SignedMeeting
) -> None:
    code = signatures.chain_code(db, signed.meeting_id)
    contact = signed.contacts[1]
    exported = privacy.contact_data(db, contact)["signatures"]
    assert [s["half_day"] for s in exported] == ["morning", "afternoon"]
    assert all(s["image_png_base64"] and s["strokes"] for s in exported)
    privacy.erase_contact(db, contact)
    connection = sqlite3.connect(db_path)
    left = connection.execute(
        "SELECT image, strokes, image_sha256 FROM signature WHERE person_id = ?", (contact,)
    ).fetchall()
    connection.close()
    assert len(left) == 2 and all(image is None and strokes is None for image, strokes, _ in left)
    assert all(len(digest) == 64 for _, _, digest in left)
    result = signatures.verify_chain(db, signed.meeting_id, code)
    assert result.intact, result.problem
    assert [s["image_png_base64"] for s in privacy.contact_data(db, contact)["signatures"]] == [
        None,
        None,
    ]


# --- tampering, caught by verify ---------------------------------------------------


def flip(column: str) -> str:
    """A hex digest with its first digit changed."""
    return (
        f"{column} = CASE substr({column}, 1, 1) WHEN 'a' THEN 'b' ELSE 'a' END "
        f"|| substr({column}, 2)"
    )


# A new value for each column of the signature table (row id *rid*, meeting *m*).
CHANGES = {
    "id": "id = id + 1000",
    "meeting_id": "meeting_id = :other",
    "position": "position = position + 100",
    "person_id": "person_id = :stranger",
    "organisation_id": "organisation_id = NULL",
    "organisation_name": "organisation_name = 'Autre structure'",
    "half_day": "half_day = CASE half_day WHEN 'morning' THEN 'afternoon' ELSE 'morning' END",
    "signed_at": "signed_at = replace(signed_at, '+01:00', '+02:00')",
    "image": "image = zeroblob(length(image))",
    "image (erased)": "image = NULL",
    "strokes": "strokes = '[[[0,0]]]'",
    "image_sha256": flip("image_sha256"),
    "strokes_sha256": flip("strokes_sha256"),
    "chain_hash": flip("chain_hash"),
}


def test_every_column_of_the_table_is_covered() -> None:
    from resilian_desktop.db.models import SignatureRecord

    columns = {c.name for c in SignatureRecord.__table__.columns}
    assert columns == {name.split(" ")[0] for name in CHANGES}


@pytest.mark.parametrize("field", list(CHANGES))
@pytest.mark.parametrize("position", [1, 3, 5])
def test_changing_any_field_of_any_record_is_named_by_verify(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    db_path: Path,
    signed: SignedMeeting,
    field: str,
    position: int,
) -> None:
    rows = signatures.list_signatures(db, signed.meeting_id)
    code = signatures.chain_code(db, signed.meeting_id)
    # Unique (meeting, person, half-day): only the third person's afternoon is free.
    target = rows[2] if field == "half_day" else rows[position - 1]
    stranger = f.contact(db, first="Jean", last="Autre").id
    statement = (
        CHANGES[field]
        .replace(":other", str(signed.other_meeting_id))
        .replace(":stranger", str(stranger))
    )
    sql(db_path, f"UPDATE signature SET {statement} WHERE id = ?", target.id)
    new_id = target.id + 1000 if field == "id" else target.id
    meeting = signed.other_meeting_id if field == "meeting_id" else signed.meeting_id
    status, out, err = run(capsys, db_path, "signatures", "verify", "--meeting", str(meeting))
    assert status == 1, out
    assert f"signature {new_id} " in err and err.count("\n") == 1
    # Read off the sheet, the code catches it on the meeting it was printed for too.
    status, out, err = run(
        capsys, db_path, "signatures", "verify", "--meeting", str(signed.meeting_id), "--code", code
    )
    assert status == 1, out


@pytest.mark.parametrize("position", [1, 3, 5])
def test_deleting_a_record_is_named_by_verify(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    db_path: Path,
    signed: SignedMeeting,
    position: int,
) -> None:
    rows = signatures.list_signatures(db, signed.meeting_id)
    code = signatures.chain_code(db, signed.meeting_id)
    sql(db_path, "DELETE FROM signature WHERE id = ?", rows[position - 1].id)
    status, _, err = run(
        capsys, db_path, "signatures", "verify", "--meeting", str(signed.meeting_id), "--code", code
    )
    assert status == 1
    # The record after the gap is named; the last one's deletion, by the printed code.
    named = rows[position].id if position < len(rows) else rows[position - 2].id
    assert f"signature {named}" in err


def test_inserting_a_record_is_named_by_verify(
    capsys: pytest.CaptureFixture[str], db: Database, db_path: Path, signed: SignedMeeting
) -> None:
    rows = signatures.list_signatures(db, signed.meeting_id)
    third = signed.contacts[2]
    png = signature_png(7)
    digest = signatures.sha256_hex(png)
    empty = signatures.sha256_hex(b"")
    # Slipped in the middle of the chain (positions moved up to make room).
    sql(db_path, "UPDATE signature SET position = position + 10 WHERE position >= 3")
    sql(db_path, "UPDATE signature SET position = position - 9 WHERE position >= 13")
    sql(
        db_path,
        "INSERT INTO signature (id, meeting_id, position, person_id, half_day, signed_at, image, "
        "image_sha256, strokes_sha256, chain_hash) VALUES (500, ?, 3, ?, 'afternoon', "
        "'2026-03-12T14:59:00+01:00', ?, ?, ?, ?)",
        signed.meeting_id,
        third,
        png,
        digest,
        empty,
        rows[2].chain_hash,
    )
    status, _, err = run(
        capsys, db_path, "signatures", "verify", "--meeting", str(signed.meeting_id)
    )
    assert status == 1 and "signature 500 " in err


def test_a_record_forged_at_the_end_with_a_correct_hash_is_caught_by_the_printed_code(
    capsys: pytest.CaptureFixture[str], db: Database, db_path: Path, signed: SignedMeeting
) -> None:
    rows = signatures.list_signatures(db, signed.meeting_id)
    code = signatures.chain_code(db, signed.meeting_id)
    png = signature_png(8)
    content = {
        "id": 600,
        "meeting_id": signed.meeting_id,
        "position": len(rows) + 1,
        "person_id": signed.contacts[2],
        "organisation_id": None,
        "organisation_name": None,
        "half_day": "afternoon",
        "signed_at": "2026-03-12T15:30:00+01:00",
        "image_sha256": signatures.sha256_hex(png),
        "strokes_sha256": signatures.sha256_hex(b""),
    }
    forged = signatures.chain_hash_of(content, rows[-1].chain_hash)
    sql(
        db_path,
        "INSERT INTO signature (id, meeting_id, position, person_id, half_day, signed_at, image, "
        "image_sha256, strokes_sha256, chain_hash) VALUES (600, ?, ?, ?, 'afternoon', "
        "'2026-03-12T15:30:00+01:00', ?, ?, ?, ?)",
        signed.meeting_id,
        len(rows) + 1,
        signed.contacts[2],
        png,
        content["image_sha256"],
        content["strokes_sha256"],
        forged,
    )
    # Without the code, a forger who knows the algorithm goes unseen; with it, not.
    assert run(capsys, db_path, "signatures", "verify", "--meeting", str(signed.meeting_id))[0] == 0
    status, _, err = run(
        capsys, db_path, "signatures", "verify", "--meeting", str(signed.meeting_id), "--code", code
    )
    assert status == 1 and "signature 600" in err and code in err


# --- the command line's contract ------------------------------------------------


def test_the_command_line_contract(
    capsys: pytest.CaptureFixture[str], db: Database, db_path: Path, tmp_path: Path
) -> None:
    setup = two_half_day_meeting(db)
    image = tmp_path / "signature.png"
    image.write_bytes(signature_png())
    meeting, first = str(setup.meeting_id), str(setup.contacts[0])
    add = ("signatures", "add", "--meeting", meeting, "--image", str(image))
    status, out, err = run(capsys, db_path, *add, "--person", first, "--half-day", "morning")
    assert status == 0 and "marked present" in out, err

    refusals = {
        "not expected": (
            *add,
            "--person",
            str(f.contact(db, first="X", last="Y").id),
            "--half-day",
            "morning",
        ),
        "already signed": (*add, "--person", first, "--half-day", "morning"),
    }
    text_file = tmp_path / "signature.txt"
    text_file.write_text("pas une image")
    refusals["not a PNG"] = (
        "signatures",
        "add",
        "--meeting",
        meeting,
        "--person",
        first,
        "--half-day",
        "afternoon",
        "--image",
        str(text_file),
    )
    single = f.meeting(db, f.programme(db, "P2").id, start_time=dt.time(14), end_time=dt.time(17))
    meetings.set_attendance(db, single.id, [setup.contacts[0]], status="registered")
    refusals["does not cover"] = (
        "signatures",
        "add",
        "--meeting",
        str(single.id),
        "--person",
        first,
        "--half-day",
        "morning",
        "--image",
        str(image),
    )
    for reason, arguments in refusals.items():
        status, out, err = run(capsys, db_path, *arguments)
        assert status == 1 and reason in err and err.count("\n") == 1, (reason, err)
        assert "Traceback" not in err

    status, out, _ = run(capsys, db_path, "signatures", "list", "--meeting", meeting, "--json")
    items = json.loads(out)
    assert status == 0 and len(items) == 1
    item = items[0]
    assert {"person_id", "half_day", "signed_at", "sha256", "chain_hash"} <= set(item)
    assert item["person_id"] == setup.contacts[0] and item["half_day"] == "morning"
    assert dt.datetime.fromisoformat(item["signed_at"]).utcoffset() is not None
    assert item["sha256"] == signatures.sha256_hex(image.read_bytes())

    status, out, err = run(capsys, db_path, "signatures", "verify", "--meeting", meeting)
    code = signatures.short_code(item["chain_hash"])
    assert status == 0 and out.count("\n") == 1 and code in out
    lower = code.lower().replace("-", " ")
    assert (
        run(capsys, db_path, "signatures", "verify", "--meeting", meeting, "--code", lower)[0] == 0
    )
    status, _, err = run(
        capsys, db_path, "signatures", "verify", "--meeting", meeting, "--code", "0000-1111-2222"
    )
    assert status == 1 and "0000-1111-2222" in err


def test_the_command_runs_as_installed(db: Database, db_path: Path, tmp_path: Path) -> None:
    from tests.test_cli import cli as installed

    setup = two_half_day_meeting(db)
    image = tmp_path / "s.png"
    image.write_bytes(signature_png())
    result = installed(
        "--db",
        str(db_path),
        "signatures",
        "add",
        "--meeting",
        str(setup.meeting_id),
        "--person",
        str(setup.contacts[1]),
        "--half-day",
        "afternoon",
        "--image",
        str(image),
    )
    assert result.returncode == 0, result.stderr
    result = installed(
        "--db", str(db_path), "signatures", "verify", "--meeting", str(setup.meeting_id)
    )
    assert result.returncode == 0 and "chain intact" in result.stdout
