"""The audit pack of a period on a `demo --scale N` database, beside its baseline in
the same run: the same held meetings' sheets written one by one as
`export attendance --pdf` writes them, plus `export report` of the period
(medians). Then `audit-pack verify` of the pack made.

    .venv/bin/resilian-desktop --db /tmp/bench-audit/x.sqlite demo --scale 1000   # once
    .venv/bin/python benchmarks/bench_audit_pack.py --db /tmp/bench-audit/x.sqlite \\
        --from 2025-06-01 --to 2025-06-30 [--sign 200] [--repeat 3]

--sign N first signs every present person of N held meetings of the period
that have no signature yet (the demo has none), so that the pack carries
chains to check; the database is changed, so use a copy made for benchmarks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw
from sqlalchemy import select

from resilian_desktop.db.models import Attendance, Meeting, SignatureRecord
from resilian_desktop.db.storage import open_database
from resilian_desktop.documents.attendance_sheet.build import export_attendance_sheets
from resilian_desktop.documents.audit_pack.build import build_audit_pack
from resilian_desktop.documents.audit_pack.verify import verify_pack
from resilian_desktop.documents.period_report.build import export_period_report
from resilian_desktop.domain.halfdays import attended, half_days
from resilian_desktop.services import signatures
from resilian_desktop.services.proofs import meeting_proofs
from resilian_desktop.services.stats import Period

# A small PNG, as a signature pad exports one (about 2 kB).
_PNG_SIDE = (300, 100)


def _signature_png(seed: int) -> bytes:
    image = Image.new("RGBA", _PNG_SIDE, (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.line([(10 + 7 * i, 50 + ((i * seed) % 40) - 20) for i in range(40)], fill="navy", width=3)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def sign_meetings(db_path: Path, period: Period, count: int) -> int:
    """Sign every present person's half-days at *count* unsigned held meetings."""
    db = open_database(db_path, backup_dir=db_path.parent / "backups")
    signed = 0
    try:
        with db.read() as session:
            already = set(session.scalars(select(SignatureRecord.meeting_id).distinct()))
            meetings = [
                m
                for m in session.execute(
                    select(Meeting.id, Meeting.date, Meeting.start_time, Meeting.end_time)
                    .where(
                        Meeting.status == "held",
                        Meeting.date >= period.date_from,
                        Meeting.date <= period.date_to,
                    )
                    .order_by(Meeting.date, Meeting.id)
                )
                if m.id not in already
            ][:count]
            present = {
                m.id: list(
                    session.execute(
                        select(
                            Attendance.person_id,
                            Attendance.present_morning,
                            Attendance.present_afternoon,
                        ).where(Attendance.meeting_id == m.id, Attendance.status == "present")
                    )
                )
                for m in meetings
            }
        for m in meetings:
            covered = half_days(m.start_time, m.end_time)
            start = dt.datetime.combine(m.date, m.start_time or dt.time(9)).astimezone()
            for n, (contact, morning, afternoon) in enumerate(present[m.id]):
                for half_day in attended(covered, morning, afternoon):
                    signatures.add_signature(
                        db,
                        m.id,
                        contact,
                        half_day,
                        _signature_png(contact + n),
                        signed_at=start + dt.timedelta(minutes=n),
                    )
                    signed += 1
    finally:
        db.dispose()
    return signed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--from", dest="date_from", type=dt.date.fromisoformat, required=True)
    parser.add_argument("--to", dest="date_to", type=dt.date.fromisoformat, required=True)
    parser.add_argument("--sign", type=int, default=0, metavar="N")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    period = Period(args.date_from, args.date_to)
    if args.sign:
        start = time.perf_counter()
        count = sign_meetings(args.db, period, args.sign)
        print(f"signed {count} half-days in {time.perf_counter() - start:.0f} s")
    db = open_database(args.db, backup_dir=args.db.parent / "backups")
    pack_times, base_times, verify_times = [], [], []
    sheet_times: list[float] = []
    try:
        ids = [p.meeting_id for p in meeting_proofs(db, period)]
        with tempfile.TemporaryDirectory(dir=args.db.parent) as tmp:
            folder = Path(tmp)
            for _ in range(args.repeat):
                target = folder / "pack.zip"
                start = time.perf_counter()
                summary = build_audit_pack(db, period, target)
                pack_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                check = verify_pack(target)
                verify_times.append(time.perf_counter() - start)
                assert check.intact, check.problems[:1]
                size = target.stat().st_size
                target.unlink()
                start = time.perf_counter()
                for meeting_id in ids:
                    export_attendance_sheets(db, [meeting_id], folder / "sheet.pdf", pdf=True)
                middle = time.perf_counter()
                export_period_report(db, period, folder / "report.xlsx")
                base_times.append(time.perf_counter() - start)
                sheet_times.append(middle - start)
    finally:
        db.dispose()
    a, b, v = (statistics.median(t) for t in (pack_times, base_times, verify_times))
    print(
        f"{args.db.name}: {period.date_from} to {period.date_to}: {summary.meetings} held "
        f"meetings, {summary.signatures} signatures, {summary.files} files, {size / 1e6:.0f} MB"
    )
    runs = f"median of {args.repeat}"
    print(f"audit-pack (build, self-check, move):            {a:8.1f} s ({runs})")
    print(f"baseline: export attendance --pdf each + report: {b:8.1f} s")
    print(f"ratio: x{a / b:.2f}; per meeting {a / max(summary.meetings, 1) * 1000:.0f} ms")
    print(f"audit-pack verify:                                {v:8.1f} s")
    # The weights of the pack's progress (documents/audit_pack/build.py) in sheets.
    sheets = statistics.median(sheet_times)
    per_sheet = sheets / max(len(ids), 1)
    print(
        f"in sheets of {per_sheet * 1000:.0f} ms: report {(b - sheets) / per_sheet:.0f}, "
        f"verify {v / per_sheet:.0f}, for {len(ids)} meetings"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
