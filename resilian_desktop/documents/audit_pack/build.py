"""The audit pack of a period (issue 16, point 7): one zip a funder's controller
can check without the application's database.

It holds, for the held meetings of the period (and of one programme when
asked): each meeting's attendance sheet as the PDF `export attendance --pdf`
writes, the scans attached to it as they are stored, every signature record
as CSV (the fields its chain hash covers, so the chain can be computed again),
an index of the meetings with their proof and chain code, the problems found
before the sheets go out, the period report as `export report` writes it, a
LISEZMOI in French, and ``manifest.json`` listing every file with its SHA-256
and size, each meeting's chain head, the period, the programme, the version
and the time it was made.

The zip is written under a temporary name, checked by verify.py as a
controller would check it, and only then moved into place: a pack that does
not verify is never written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resilian_desktop import __version__
from resilian_desktop.db.engine import Database
from resilian_desktop.documents.attendance_sheet.build import export_attendance_sheets
from resilian_desktop.documents.audit_pack import layout, readme
from resilian_desktop.documents.audit_pack.verify import verify_pack
from resilian_desktop.documents.files import ExportError, atomic_output
from resilian_desktop.documents.period_report.build import export_period_report
from resilian_desktop.documents.progress import Progress
from resilian_desktop.domain import formats
from resilian_desktop.services import attachments, programmes, signatures
from resilian_desktop.services.proofs import NONE, SCAN, SIGNED, MeetingProof, meeting_proofs
from resilian_desktop.services.stats import Period

CHUNK = 1 << 20
# Kinds already compressed are stored as they are: deflating them again costs
# time and gains nothing.
STORED_SUFFIXES = (".pdf", ".xlsx", ".png", ".jpg")
# Progress is counted in sheets; the report and the final check weigh as many
# sheets as they take time (benchmarks/bench_audit_pack.py, a month of demo
# scale 1000, 3,678 meetings: the report as 36 sheets, the check as 6).
REPORT_SHEETS_PER_MEETING = 0.01
CHECK_SHEETS_PER_MEETING = 0.002


@dataclass(frozen=True)
class PackSummary:
    target: Path
    meetings: int
    signatures: int
    erased: int
    scans: int
    problems: int
    files: int
    manifest_sha256: str


@dataclass
class _Steps:
    """One progress count over the parts of the pack."""

    total: int
    progress: Progress | None
    done: int = 0

    def advance(self, steps: int = 1) -> None:
        self.done += steps
        self.tell(self.done)

    def tell(self, done: int) -> None:
        if self.progress is not None:
            self.progress(min(done, self.total), self.total)

    def part(self, steps: int) -> Progress:
        """A progress callback for a part worth *steps*, reporting its own fraction."""
        start = self.done

        def progress(part_done: int, part_total: int) -> None:
            self.tell(start + steps * part_done // max(part_total, 1))

        return progress


class _PackWriter:
    """Adds files to the zip in the order given, hashing each as it goes."""

    def __init__(self, archive: zipfile.ZipFile, created: dt.datetime) -> None:
        self.archive = archive
        self.stamp = created.timetuple()[:6]
        self.files: list[dict[str, Any]] = []

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self.stamp)
        info.compress_type = (
            zipfile.ZIP_STORED if name.lower().endswith(STORED_SUFFIXES) else zipfile.ZIP_DEFLATED
        )
        info.external_attr = 0o600 << 16  # personal data: owner only once unpacked
        return info

    def add_bytes(self, name: str, data: bytes) -> str:
        self.archive.writestr(self._info(name), data)
        digest = hashlib.sha256(data).hexdigest()
        self.files.append({"path": name, "sha256": digest, "size": len(data)})
        return digest

    def add_file(self, name: str, source: Path) -> str:
        digest = hashlib.sha256()
        size = 0
        with source.open("rb") as original, self.archive.open(self._info(name), "w") as copy:
            while chunk := original.read(CHUNK):
                digest.update(chunk)
                copy.write(chunk)
                size += len(chunk)
        self.files.append({"path": name, "sha256": digest.hexdigest(), "size": size})
        return digest.hexdigest()


def _heads(records: Sequence[signatures.ChainedRecord]) -> dict[int, tuple[int, str]]:
    """Each meeting's signature count and the hash of its chain's head."""
    heads: dict[int, tuple[int, str]] = {}
    for record in records:
        meeting_id = record.content["meeting_id"]
        count = heads.get(meeting_id, (0, ""))[0]
        heads[meeting_id] = (count + 1, record.chain_hash)
    return heads


def _check_chains(db: Database, meeting_ids: Iterable[int]) -> None:
    """Refuse to pack a chain that `signatures verify` would refuse."""
    for meeting_id in meeting_ids:
        verification = signatures.verify_chain(db, meeting_id)
        if not verification.intact:
            raise ExportError(
                f"meeting {meeting_id}: {verification.problem} "
                f"(signatures verify --meeting {meeting_id}); no audit pack written"
            )


def _signature_rows(
    records: Sequence[signatures.ChainedRecord],
) -> Iterable[list[object]]:
    previous: dict[int, str] = {}
    for record in records:
        meeting_id = record.content["meeting_id"]
        yield [
            *(record.content[name] for name in signatures.CHAINED_FIELDS),
            formats.contact_name(record.first_name, record.last_name),
            layout.ERASED if record.erased else layout.SIGNED,
            previous.get(meeting_id, ""),
            record.chain_hash,
        ]
        previous[meeting_id] = record.chain_hash


def _copy_scan(
    writer: _PackWriter, name: str, scan: attachments.AttachmentRow, meeting_id: int
) -> None:
    if not scan.path.is_file():
        raise ExportError(
            f"meeting {meeting_id}: the attached file {scan.path} is missing; no audit pack written"
        )
    if writer.add_file(name, scan.path) != scan.sha256:
        raise ExportError(
            f"meeting {meeting_id}: the attached file {scan.path} differs from the one "
            "attached (its SHA-256 changed); no audit pack written"
        )


def build_audit_pack(
    db: Database,
    period: Period,
    target: Path,
    *,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> PackSummary:
    """Write the audit pack of *period* to *target* (.zip); returns what it holds.

    *progress* is called with (steps done, steps in all) and may raise
    documents.progress.ExportCancelled: nothing is left at *target* then.
    Raises NotFoundError for an unknown programme, ExportError for a broken
    signature chain, a missing or changed scan, or a pack that would not verify.
    """
    created = (now or dt.datetime.now().astimezone()).replace(microsecond=0)
    programme = (
        programmes.get_programme(db, period.programme_id)
        if period.programme_id is not None
        else None
    )
    proofs = meeting_proofs(db, period)
    meeting_ids = [p.meeting_id for p in proofs]
    records = signatures.chained_records(db, meeting_ids)
    heads = _heads(records)
    _check_chains(db, heads)
    scans = {
        p.meeting_id: attachments.list_attachments(db, p.meeting_id)
        for p in proofs
        if p.attachments
    }
    scan_count = sum(len(rows) for rows in scans.values())
    report_steps = max(1, round(len(proofs) * REPORT_SHEETS_PER_MEETING))
    check_steps = max(1, round(len(proofs) * CHECK_SHEETS_PER_MEETING))
    steps = _Steps(len(proofs) + scan_count + report_steps + check_steps, progress)
    steps.tell(0)
    report = layout.report_name(period.date_from.isoformat(), period.date_to.isoformat())
    problems = sum(len(p.problems) for p in proofs)
    text = readme.readme_text(
        readme.ReadmeFacts(
            period=period,
            programme_name=programme.name if programme else None,
            created=created,
            version=__version__,
            meetings=len(proofs),
            signed=sum(1 for p in proofs if p.proof == SIGNED),
            with_scan=sum(1 for p in proofs if p.proof == SCAN),
            without_proof=sum(1 for p in proofs if p.proof == NONE),
            signatures=len(records),
            erased=sum(1 for r in records if r.erased),
            scans=scan_count,
            problems=problems,
            report=report,
        )
    )
    meeting_entries: list[dict[str, Any]] = []
    with (
        tempfile.TemporaryDirectory(prefix="resilian-pack-") as scratch,
        atomic_output(target) as partial,
    ):
        with zipfile.ZipFile(partial, "w", allowZip64=True) as archive:
            writer = _PackWriter(archive, created)
            writer.add_bytes(layout.README, text.encode(layout.README_ENCODING))
            for proof in proofs:
                meeting_entries.append(
                    _add_meeting(db, writer, Path(scratch), proof, heads, scans, created)
                )
                steps.advance(1 + len(scans.get(proof.meeting_id, ())))
            writer.add_bytes(
                layout.SIGNATURES_CSV,
                layout.csv_bytes(layout.SIGNATURE_COLUMNS, _signature_rows(records)),
            )
            writer.add_bytes(
                layout.MEETINGS_CSV,
                layout.csv_bytes(
                    layout.MEETING_COLUMNS,
                    (
                        [
                            m["id"],
                            m["date"],
                            m["title"],
                            m["proof"],
                            m["signatures"],
                            m["code"],
                            m["chain_head"],
                            len(m["scans"]),
                            len(m["problems"]),
                            m["sheet"],
                        ]
                        for m in meeting_entries
                    ),
                ),
            )
            writer.add_bytes(
                layout.PROBLEMS_CSV,
                layout.csv_bytes(
                    layout.PROBLEM_COLUMNS,
                    (
                        [
                            p.meeting_id,
                            p.date.isoformat(),
                            p.title,
                            check.code,
                            " ".join(str(i) for i in check.person_ids),
                            # Read by a French controller: the French wording.
                            check.detail_fr,
                        ]
                        for p in proofs
                        for check in p.checks
                    ),
                ),
            )
            report_file = Path(scratch) / report
            export_period_report(
                db, period, report_file, today=created.date(), progress=steps.part(report_steps)
            )
            writer.add_file(report, report_file)
            report_file.unlink()
            steps.advance(report_steps)
            manifest = _manifest(period, programme, created, meeting_entries, writer.files)
            manifest_sha256 = writer.add_bytes(layout.MANIFEST, manifest)
        check = verify_pack(partial)
        if not check.intact:
            raise ExportError(f"{target}: the pack made does not verify: {check.problems[0]}")
        steps.tell(steps.total)
    return PackSummary(
        target=target,
        meetings=len(proofs),
        signatures=len(records),
        erased=sum(1 for r in records if r.erased),
        scans=scan_count,
        problems=problems,
        files=len(writer.files) - 1,  # the manifest lists the others
        manifest_sha256=manifest_sha256,
    )


def _add_meeting(
    db: Database,
    writer: _PackWriter,
    scratch: Path,
    proof: MeetingProof,
    heads: dict[int, tuple[int, str]],
    scans: dict[int, list[attachments.AttachmentRow]],
    created: dt.datetime,
) -> dict[str, Any]:
    """Add one meeting's sheet and scans; returns its entry in the manifest."""
    folder = layout.meeting_folder(proof.meeting_id, proof.date.isoformat())
    sheet_file = scratch / layout.SHEET_NAME
    (sheet,) = export_attendance_sheets(
        db, [proof.meeting_id], sheet_file, pdf=True, today=created.date()
    )
    count, head = heads.get(proof.meeting_id, (0, ""))
    code = signatures.short_code(head) if head else None
    printed = sheet.proof.code if sheet.proof else None
    if printed != code:  # signed between the two reads
        raise ExportError(
            f"meeting {proof.meeting_id}: signed while the pack was made; make it again"
        )
    sheet_name = f"{folder}/{layout.SHEET_NAME}"
    writer.add_file(sheet_name, sheet_file)
    sheet_file.unlink()
    scan_names = []
    for scan in scans.get(proof.meeting_id, ()):
        name = f"{folder}/{layout.SCANS_FOLDER}/{scan.path.name}"
        _copy_scan(writer, name, scan, proof.meeting_id)
        scan_names.append(name)
    return {
        "id": proof.meeting_id,
        "date": proof.date.isoformat(),
        "title": proof.title,
        "proof": proof.proof,
        "signatures": count,
        "chain_head": head or None,
        "code": code,
        "sheet": sheet_name,
        "scans": scan_names,
        # The checks before a sheet goes out (point 6), one line each.
        "problems": list(proof.problems),
    }


def _manifest(
    period: Period,
    programme: programmes.ProgrammeRow | None,
    created: dt.datetime,
    meetings: list[dict[str, Any]],
    files: list[dict[str, Any]],
) -> bytes:
    manifest = {
        "format": layout.FORMAT,
        "format_version": layout.FORMAT_VERSION,
        "application": {"name": "RESILIAN Desktop", "version": __version__},
        "created_at": created.isoformat(),
        "period": {"from": period.date_from.isoformat(), "to": period.date_to.isoformat()},
        "programme": {"id": programme.id, "name": programme.name} if programme else None,
        "signature_chain": {
            "hash": "sha256",
            "fields": list(signatures.CHAINED_FIELDS),
            "file": layout.SIGNATURES_CSV,
        },
        "meetings": meetings,
        "files": files,
    }
    return (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
