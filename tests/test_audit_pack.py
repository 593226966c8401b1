"""The audit pack of a period (issue 16, point 7): built from a real migrated
database, checked without it, and every kind of tampering caught by name."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from resilian_desktop import __version__, cli
from resilian_desktop.db.engine import Database
from resilian_desktop.documents.audit_pack import layout
from resilian_desktop.documents.audit_pack.build import build_audit_pack
from resilian_desktop.documents.audit_pack.verify import verify_pack
from resilian_desktop.documents.progress import ExportCancelled
from resilian_desktop.services import attachments, meetings, privacy, signatures
from resilian_desktop.services.stats import Period
from tests import factories as f
from tests.signing import signature_png, two_half_day_meeting

MARCH = ("--from", "2026-03-01", "--to", "2026-03-31")
PARIS = dt.timezone(dt.timedelta(hours=1))
NOW = dt.datetime(2026, 4, 2, 10, 30, tzinfo=PARIS)


@dataclass(frozen=True)
class Network:
    signed: int  # a meeting signed on screen, one signer erased since
    scanned: int  # a meeting with a scan attached
    other_programme: int  # held, signed, of another programme
    outside: int  # held in April: not in March's pack
    erased_contact: int
    scan: bytes
    guarded_name: str  # an organisation whose name a spreadsheet would run


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.run(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _sign_all(db: Database, meeting_id: int, contacts: tuple[int, ...], day: dt.date) -> None:
    for minute, (contact, half_day) in enumerate(
        (p, h) for h in ("morning", "afternoon") for p in contacts
    ):
        hour = 9 if half_day == "morning" else 14
        when = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=PARIS)
        signatures.add_signature(
            db, meeting_id, contact, half_day, signature_png(minute + 1), signed_at=when
        )


@pytest.fixture
def network(db: Database, tmp_path: Path) -> Network:
    setup = two_half_day_meeting(db)  # held on 12 March 2026, morning and afternoon
    guarded_name = '=HYPERLINK("http://x";"clic")'
    odd = f.organisation(db, name=guarded_name, siret=f.SIRET_A)
    walker = f.contact(db, first="Zoé", last="Formule", organisation_id=odd.id)
    meetings.set_attendance(db, setup.meeting_id, [walker.id], status="registered")
    contacts = (*setup.contacts, walker.id)
    _sign_all(db, setup.meeting_id, contacts, dt.date(2026, 3, 12))
    privacy.erase_contact(db, setup.contacts[1])

    programme = f.programme(db, "Autre programme")
    scanned = f.meeting(
        db, programme.id, title="Atelier scanné", date=dt.date(2026, 3, 20), status="held"
    )
    meetings.set_attendance(db, scanned.id, list(setup.contacts[::2]), status="present")
    scan_file = tmp_path / "feuille signée.pdf"
    scan = b"%PDF-1.4\n% the paper sheet, scanned\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
    scan_file.write_bytes(scan)
    attachments.attach_file(db, scanned.id, scan_file)

    other = f.meeting(
        db,
        programme.id,
        title="Atelier signé",
        date=dt.date(2026, 3, 25),
        status="held",
        start_time=dt.time(9),
        end_time=dt.time(12),
    )
    meetings.set_attendance(db, other.id, [setup.contacts[0]], status="registered")
    signatures.add_signature(
        db,
        other.id,
        setup.contacts[0],
        "morning",
        signature_png(9),
        signed_at=dt.datetime(2026, 3, 25, 9, 5, tzinfo=PARIS),
    )
    outside = f.meeting(db, programme.id, title="En avril", date=dt.date(2026, 4, 2), status="held")
    return Network(
        signed=setup.meeting_id,
        scanned=scanned.id,
        other_programme=other.id,
        outside=outside.id,
        erased_contact=setup.contacts[1],
        scan=scan,
        guarded_name=guarded_name,
    )


@pytest.fixture
def pack(db: Database, network: Network, tmp_path: Path) -> Path:
    target = tmp_path / "dossier.zip"
    build_audit_pack(db, Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31)), target, now=NOW)
    return target


def _folder(meeting_id: int, day: str) -> str:
    return f"reunions/{day}_reunion-{meeting_id}"


def _csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # French Excel reads UTF-8 with its mark
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_pack_holds_every_proof_of_the_period_and_its_manifest(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    db_path: Path,
    network: Network,
    tmp_path: Path,
) -> None:
    target = tmp_path / "dossier.zip"
    status, out, err = run(capsys, "--db", str(db_path), "audit-pack", *MARCH, "-o", str(target))
    assert status == 0, err
    assert err == ""  # no progress bar off a terminal
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read(layout.MANIFEST))
        files = {name: archive.read(name) for name in names}
    signed, scanned, other = (
        _folder(network.signed, "2026-03-12"),
        _folder(network.scanned, "2026-03-20"),
        _folder(network.other_programme, "2026-03-25"),
    )
    scan_name = attachments.list_attachments(db, network.scanned)[0].path.name
    # Deterministic order: the text first, meetings by date, the tables, the manifest last.
    assert names == [
        "LISEZMOI.txt",
        f"{signed}/feuille-emargement.pdf",
        f"{scanned}/feuille-emargement.pdf",
        f"{scanned}/scans/{scan_name}",
        f"{other}/feuille-emargement.pdf",
        "signatures.csv",
        "reunions.csv",
        "problemes.csv",
        "rapport-periode_2026-03-01_2026-03-31.xlsx",
        "manifest.json",
    ]
    # The manifest lists every other file with its hash and size.
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == set(names) - {"manifest.json"}
    for name, entry in listed.items():
        assert entry["sha256"] == hashlib.sha256(files[name]).hexdigest()
        assert entry["size"] == len(files[name])
    assert hashlib.sha256(files["manifest.json"]).hexdigest() in out
    assert manifest["application"] == {"name": "RESILIAN Desktop", "version": __version__}
    assert manifest["period"] == {"from": "2026-03-01", "to": "2026-03-31"}
    assert manifest["programme"] is None
    assert dt.datetime.fromisoformat(manifest["created_at"]).utcoffset() is not None
    # Each meeting's chain head is the one the database holds.
    by_id = {m["id"]: m for m in manifest["meetings"]}
    assert list(by_id) == [network.signed, network.scanned, network.other_programme]
    for meeting_id, meeting in by_id.items():
        chain = signatures.list_signatures(db, meeting_id)
        assert meeting["signatures"] == len(chain)
        assert meeting["chain_head"] == (chain[-1].chain_hash if chain else None)
        assert meeting["code"] == (signatures.chain_code(db, meeting_id) if chain else None)
    assert by_id[network.signed]["proof"] == "signed"
    assert by_id[network.scanned]["proof"] == "scan"
    assert by_id[network.scanned]["scans"] == [f"{scanned}/scans/{scan_name}"]
    # The scan as it was attached.
    assert files[f"{scanned}/scans/{scan_name}"] == network.scan


def test_signature_csv_has_one_row_per_signature_erased_ones_with_their_hash(
    db: Database, network: Network, pack: Path
) -> None:
    with zipfile.ZipFile(pack) as archive:
        rows = _csv(archive.read("signatures.csv"))
    stored = [
        s
        for m in (network.signed, network.other_programme)
        for s in signatures.list_signatures(db, m)
    ]
    assert [int(r["id"]) for r in rows] == [s.id for s in stored]
    previous: dict[str, str] = {}
    for row, signature in zip(rows, stored, strict=True):
        assert row["chain_hash"] == signature.chain_hash
        assert row["image_sha256"] == signature.sha256
        assert row["previous_hash"] == previous.get(row["meeting_id"], "")
        previous[row["meeting_id"]] = row["chain_hash"]
        assert row["half_day"] == signature.half_day
        # The time with its offset, as signed.
        assert dt.datetime.fromisoformat(row["signed_at"]).utcoffset() == dt.timedelta(hours=1)
    erased = [r for r in rows if int(r["person_id"]) == network.erased_contact]
    assert len(erased) == 2
    assert {r["state"] for r in erased} == {"erased"}
    assert {r["person"] for r in erased} == {"Contact effacé"}
    assert all(len(r["image_sha256"]) == 64 for r in erased)
    assert {r["state"] for r in rows} - {"erased"} == {"signed"}
    # A name a spreadsheet would run as a formula is written behind a quote.
    formula = [r for r in rows if r["organisation_name"].startswith("'=")]
    assert len(formula) == 2 and formula[0]["organisation_name"] == "'" + network.guarded_name


def test_sheets_are_the_attendance_sheet_pdfs_with_their_chain_code(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    db_path: Path,
    network: Network,
    pack: Path,
    tmp_path: Path,
) -> None:
    with zipfile.ZipFile(pack) as archive:
        manifest = json.loads(archive.read(layout.MANIFEST))
        sheets = {m["id"]: archive.read(m["sheet"]) for m in manifest["meetings"]}
        meetings_rows = _csv(archive.read("reunions.csv"))
    for meeting in manifest["meetings"]:
        text = _pdf_text(sheets[meeting["id"]])
        assert "Feuille d'émargement" in text
        if meeting["code"]:
            assert f"code de contrôle {meeting['code']}" in text
        else:
            assert "code de contrôle" not in text
    assert [r["code"] for r in meetings_rows] == [m["code"] or "" for m in manifest["meetings"]]
    # The same document as `export attendance --pdf` (same model, same words).
    alone = tmp_path / "alone.pdf"
    status, _, err = run(
        capsys,
        "--db",
        str(db_path),
        "export",
        "attendance",
        "--meeting",
        str(network.signed),
        "--pdf",
        "-o",
        str(alone),
    )
    assert status == 0, err
    today = dt.date.today().strftime("%d/%m/%Y")
    assert _pdf_text(alone.read_bytes()).replace(today, "02/04/2026") == _pdf_text(
        sheets[network.signed]
    )


def test_report_is_the_period_report(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    network: Network,
    pack: Path,
    tmp_path: Path,
) -> None:
    with zipfile.ZipFile(pack) as archive:
        report = archive.read("rapport-periode_2026-03-01_2026-03-31.xlsx")
    packed = load_workbook(io.BytesIO(report))
    alone = tmp_path / "report.xlsx"
    assert run(capsys, "--db", str(db_path), "export", "report", *MARCH, "-o", str(alone))[0] == 0
    exported = load_workbook(alone)
    assert packed.sheetnames == exported.sheetnames
    for name in packed.sheetnames[1:]:  # the summary carries the day it was made
        assert [list(r) for r in packed[name].iter_rows(values_only=True)] == [
            list(r) for r in exported[name].iter_rows(values_only=True)
        ]


def test_readme_and_a_programme_pack(
    db: Database, network: Network, pack: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(pack) as archive:
        readme = archive.read("LISEZMOI.txt").decode("utf-8-sig")
    for said in (
        "audit-pack verify",
        "données personnelles",
        "Réunions tenues : 3",
        "Signatures électroniques : 9 (dont 2 effacées",
        "Fichiers numérisés : 1",
        "du dimanche 1er mars 2026 au mardi 31 mars 2026",
    ):
        assert said.replace(" :", "\u00a0:") in readme.replace("\r\n", " ").replace("\n", " ")
    assert all(len(line) <= 78 for line in readme.splitlines())
    # One programme: only its meetings, and it is named.
    programme_id = meetings.get_meeting(db, network.scanned).programme_id
    target = tmp_path / "programme.zip"
    build_audit_pack(
        db, Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31), programme_id), target, now=NOW
    )
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read(layout.MANIFEST))
    assert [m["id"] for m in manifest["meetings"]] == [network.scanned, network.other_programme]
    assert manifest["programme"] == {"id": programme_id, "name": "Autre programme"}
    assert verify_pack(target).intact


def test_verify_passes_on_an_intact_pack_without_the_database(
    capsys: pytest.CaptureFixture[str], db_path: Path, pack: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "controller" / "pack.zip"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(pack.read_bytes())
    db_path.unlink()  # the controller has no database
    status, out, err = run(capsys, "audit-pack", "verify", str(elsewhere))
    assert (status, err) == (0, "")
    assert out.count("\n") == 1 and "intact" in out and "9 signatures of 3 meetings" in out
    assert not db_path.exists()


# --- tampering -------------------------------------------------------------------------


def _rewrite(
    source: Path,
    target: Path,
    change: Callable[[dict[str, bytes]], None],
) -> Path:
    """A copy of the pack whose files *change* edited (a new, valid zip)."""
    with zipfile.ZipFile(source) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    change(files)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return target


def _manifest(files: dict[str, bytes]) -> dict[str, object]:
    return json.loads(files[layout.MANIFEST])  # type: ignore[no-any-return]


def _relist(files: dict[str, bytes], *names: str) -> None:
    """Write the manifest's hash and size of *names* again, as a forger would."""
    manifest = _manifest(files)
    for entry in manifest["files"]:  # type: ignore[attr-defined]
        if entry["path"] in names:
            entry["sha256"] = hashlib.sha256(files[entry["path"]]).hexdigest()
            entry["size"] = len(files[entry["path"]])
    files[layout.MANIFEST] = json.dumps(manifest).encode()


def _sheet(files: dict[str, bytes]) -> str:
    return next(name for name in files if name.endswith(".pdf") and "scans" not in name)


def _pdf_byte(files: dict[str, bytes]) -> str:
    name = _sheet(files)
    data = bytearray(files[name])
    data[len(data) // 2] ^= 0x01
    files[name] = bytes(data)
    return name


def _csv_row(files: dict[str, bytes]) -> str:
    files["signatures.csv"] = files["signatures.csv"].replace(b";morning;", b";afternoon;", 1)
    return "signatures.csv"


def _csv_row_relisted(files: dict[str, bytes]) -> str:
    text = files["signatures.csv"].decode("utf-8-sig")
    text = text.replace("T09:01:00+01:00", "T09:41:00+01:00", 1)
    files["signatures.csv"] = text.encode("utf-8-sig")
    _relist(files, "signatures.csv")
    return "signatures.csv, line 3 (signature 2, meeting"


def _csv_row_removed(files: dict[str, bytes]) -> str:
    lines = files["signatures.csv"].decode("utf-8-sig").split("\r\n")
    del lines[4]
    files["signatures.csv"] = "\r\n".join(lines).encode("utf-8-sig")
    _relist(files, "signatures.csv")
    return "signatures.csv, line 5 (signature 5, meeting"


def _removed(files: dict[str, bytes]) -> str:
    name = next(name for name in files if "/scans/" in name)
    del files[name]
    return f"{name}: listed in the manifest but missing from the pack"


def _extra(files: dict[str, bytes]) -> str:
    files["reunions/2026-03-12_reunion-1/feuille-ajoutee.pdf"] = b"%PDF-1.4\n%%EOF\n"
    return "reunions/2026-03-12_reunion-1/feuille-ajoutee.pdf: in the pack but not listed"


def _manifest_hash(files: dict[str, bytes]) -> str:
    manifest = _manifest(files)
    entry = manifest["files"][3]  # type: ignore[index]
    entry["sha256"] = "0" * 64
    files[layout.MANIFEST] = json.dumps(manifest).encode()
    return f"{entry['path']}: its SHA-256 differs"


def _manifest_head(files: dict[str, bytes]) -> str:
    manifest = _manifest(files)
    meeting = manifest["meetings"][0]  # type: ignore[index]
    meeting["signatures"] -= 1
    files[layout.MANIFEST] = json.dumps(manifest).encode()
    return f"signatures.csv: meeting {meeting['id']} has 8 signatures"


def _manifest_newer(files: dict[str, bytes]) -> str:
    manifest = _manifest(files)
    manifest["format_version"] = 2
    files[layout.MANIFEST] = json.dumps(manifest).encode()
    return "manifest.json: format version 2, made by a newer version"


def _outside(files: dict[str, bytes]) -> str:
    files["../LISEZMOI.txt"] = b"hello"
    return "../LISEZMOI.txt: a name that points outside the pack"


def _manifest_broken(files: dict[str, bytes]) -> str:
    files[layout.MANIFEST] = files[layout.MANIFEST][:-40]
    return "manifest.json: not JSON"


def _manifest_missing(files: dict[str, bytes]) -> str:
    del files[layout.MANIFEST]
    return "manifest.json: missing"


@pytest.mark.parametrize(
    "tamper",
    [
        _pdf_byte,
        _csv_row,
        _csv_row_relisted,
        _csv_row_removed,
        _removed,
        _extra,
        _manifest_hash,
        _manifest_head,
        _manifest_newer,
        _outside,
        _manifest_broken,
        _manifest_missing,
    ],
)
def test_verify_names_what_was_tampered_with(
    capsys: pytest.CaptureFixture[str],
    pack: Path,
    tmp_path: Path,
    tamper: Callable[[dict[str, bytes]], str],
) -> None:
    named: list[str] = []
    target = _rewrite(pack, tmp_path / "altered.zip", lambda files: named.append(tamper(files)))
    status, out, err = run(capsys, "audit-pack", "verify", str(target))
    assert (status, out) == (1, "")
    first = err.splitlines()[0]
    assert first.startswith(f"error: {target}: ")
    assert named[0] in first, err


def test_verify_names_a_byte_changed_in_the_zip_itself(
    capsys: pytest.CaptureFixture[str], pack: Path, tmp_path: Path
) -> None:
    data = bytearray(pack.read_bytes())
    with zipfile.ZipFile(pack) as archive:
        info = archive.getinfo(_sheet(dict.fromkeys(archive.namelist(), b"")))
    # Inside the sheet's stored bytes, past its local header.
    data[info.header_offset + 200] ^= 0xFF
    target = tmp_path / "flipped.zip"
    target.write_bytes(bytes(data))
    status, _, err = run(capsys, "audit-pack", "verify", str(target))
    assert status == 1 and info.filename in err.splitlines()[0]
    target.write_bytes(b"not a zip at all")
    status, _, err = run(capsys, "audit-pack", "verify", str(target))
    assert status == 1 and "not a readable zip file" in err


# --- refusals and progress -------------------------------------------------------------


def test_a_broken_chain_or_a_changed_scan_makes_no_pack(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    db_path: Path,
    network: Network,
    tmp_path: Path,
) -> None:
    target = tmp_path / "dossier.zip"
    (scan,) = attachments.list_attachments(db, network.scanned)
    scan.path.write_bytes(network.scan + b"changed")
    status, _, err = run(capsys, "--db", str(db_path), "audit-pack", *MARCH, "-o", str(target))
    assert status == 1 and f"meeting {network.scanned}" in err and "differs" in err
    assert err.count("\n") == 1
    scan.path.write_bytes(network.scan)
    with sqlite3.connect(db_path) as raw:
        raw.execute(
            "UPDATE signature SET signed_at = '2026-03-12T08:00:00+01:00' "
            "WHERE meeting_id = ? AND position = 2",
            (network.signed,),
        )
    status, _, err = run(capsys, "--db", str(db_path), "audit-pack", *MARCH, "-o", str(target))
    assert status == 1 and f"meeting {network.signed}" in err and "position 2" in err
    assert not target.exists() and list(tmp_path.glob(".dossier*")) == []


def test_usage_errors(capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "p.zip")
    for args in (
        ("audit-pack", "--from", "2026-03-31", "--to", "2026-03-01", "-o", out),
        ("audit-pack", *MARCH),
        ("audit-pack", "--from", "31/03/2026", "--to", "2026-03-01", "-o", out),
    ):
        with pytest.raises(SystemExit) as stopped:
            run(capsys, "--db", str(db_path), *args)
        assert stopped.value.code == 2, args
        assert capsys.readouterr().err.count("error:") == 1
    status, _, err = run(
        capsys, "--db", str(db_path), "audit-pack", *MARCH, "--programme", "99", "-o", out
    )
    assert status == 1 and "programme 99" in err
    status, _, err = run(capsys, "audit-pack", "verify", str(tmp_path / "missing.zip"))
    assert status == 1 and "missing.zip" in err


def test_progress_goes_to_the_end_and_cancel_leaves_nothing(
    db: Database, network: Network, tmp_path: Path
) -> None:
    period = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    seen: list[tuple[int, int]] = []
    build_audit_pack(db, period, tmp_path / "a.zip", progress=lambda d, t: seen.append((d, t)))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    def cancel(done: int, total: int) -> None:
        if done > 1:
            raise ExportCancelled

    target = tmp_path / "b.zip"
    with pytest.raises(ExportCancelled):
        build_audit_pack(db, period, target, progress=cancel)
    assert sorted(p.name for p in tmp_path.glob("*.zip")) == ["a.zip"]
    assert list(tmp_path.glob(".b*")) == []


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_shows_the_progress_in_sheets(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    network: Network,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    target = tmp_path / "dossier.zip"
    status, out, _ = run(capsys, "--db", str(db_path), "audit-pack", *MARCH, "-o", str(target))
    assert status == 0 and "audit pack written to" in out
    shown = terminal.getvalue()
    assert "dossier.zip: audit pack [" in shown and " sheets" in shown
    assert shown.endswith("\r\033[K")  # erased before the summary line


def test_problems_table_says_each_check_in_french_with_its_code_and_contacts(
    db: Database, network: Network, tmp_path: Path
) -> None:
    programme = f.programme(db, "Troisième programme")
    meeting = f.meeting(
        db,
        programme.id,
        title="Atelier à moitié signé",
        date=dt.date(2026, 3, 26),
        status="held",
        start_time=dt.time(9),
        end_time=dt.time(12),
    )
    signer = f.contact(db, first="Inès", last="Signée")
    forgotten = f.contact(db, first="Oscar", last="Oublié")
    meetings.set_attendance(db, meeting.id, [signer.id, forgotten.id], status="registered")
    signatures.add_signature(
        db,
        meeting.id,
        signer.id,
        "morning",
        signature_png(3),
        signed_at=dt.datetime(2026, 3, 26, 9, 10, tzinfo=PARIS),
    )
    meetings.set_attendance(db, meeting.id, [forgotten.id], status="present")
    target = tmp_path / "dossier.zip"
    build_audit_pack(db, Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31)), target, now=NOW)
    with zipfile.ZipFile(target) as archive:
        rows = _csv(archive.read(layout.PROBLEMS_CSV))
    unsigned = [r for r in rows if r["meeting_id"] == str(meeting.id)]
    assert [(r["code"], r["person_ids"]) for r in unsigned] == [("unsigned", str(forgotten.id))]
    assert "Oscar Oublié" in unsigned[0]["problem"] and "signature" in unsigned[0]["problem"]
    assert unsigned[0]["title"] == "Atelier à moitié signé"
