#!/usr/bin/env python3
"""Kiosk mode: from "confirm" to the signature stored and the list shown for the
next person, at scale, beside the bare service call and its parts.

    .venv/bin/python -m resilian_desktop --db /tmp/big.sqlite demo --scale 1000
    .venv/bin/python benchmarks/bench_kiosk.py --db /tmp/big.sqlite

Takes the meeting with the most attendance rows and no signature yet (the
signatures stay: run it on a scratch database). Offscreen, at 1366×768; the
strokes are a scribble of 120 points in two strokes, as a hand gives them.
Medians of --runs signatures each:
- kiosk: KioskWindow.confirm() (render, store, mark present, read the list again,
  show it) and the event loop run until idle; once alone, once with the main
  window and the meeting's form behind, as in use;
- service: signatures.add_drawn_signature alone (render + store);
- store: signatures.add_signature with a PNG already rendered (the baseline);
- render: domain.ink.render_png alone.
"""

from __future__ import annotations

import argparse
import math
import os
import sqlite3
import statistics
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def scribble(seed: int) -> list[list[list[float]]]:
    name = [[40 + i * 5.0, 120 + 40 * math.sin(i / (3 + seed % 3)), i * 8.0] for i in range(100)]
    underline = [[30 + i * 26.0, 200 - i * 0.5, 900 + i * 10.0] for i in range(20)]
    return [name, underline]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    from resilian_desktop import app
    from resilian_desktop.db.storage import open_database
    from resilian_desktop.domain import ink
    from resilian_desktop.domain.halfdays import half_days
    from resilian_desktop.qt.context import AppContext
    from resilian_desktop.qt.kiosk.window import KioskWindow
    from resilian_desktop.qt.main_window import MainWindow
    from resilian_desktop.services import meetings, signatures

    qapp = app.make_application()
    app.apply_language("fr")
    db = open_database(args.db, backup_dir=args.db.parent / "bench-backups")
    raw = sqlite3.connect(args.db)
    # Four meetings with the most people and no signature: one per measure.
    chosen = [
        r[0]
        for r in raw.execute(
            "SELECT meeting_id FROM attendance WHERE meeting_id NOT IN "
            "(SELECT meeting_id FROM signature) AND status != 'excused' "
            "GROUP BY meeting_id ORDER BY count(*) DESC LIMIT 4"
        )
    ]
    raw.close()
    kiosk_meeting, window_meeting, service_meeting, store_meeting = chosen

    def contacts(meeting_id: int) -> tuple[str, list[int]]:
        row = meetings.get_meeting(db, meeting_id)
        half_day = half_days(row.start_time, row.end_time)[0]
        ids = [r.person_id for r in signatures.signers(db, meeting_id, half_day)]
        assert len(ids) >= args.runs, f"meeting {meeting_id}: {len(ids)} people only"
        return half_day, ids

    def sign_in_kiosk(ctx: AppContext, meeting_id: int, parent: Any = None) -> list[float]:
        half_day, ids = contacts(meeting_id)
        kiosk = KioskWindow(ctx, meeting_id, half_day, parent)
        kiosk.resize(1366, 768)
        kiosk.show()
        qapp.processEvents()
        times = []
        for n in range(args.runs):
            kiosk.start_signing(ids[n])
            kiosk.pad.strokes = scribble(n)
            qapp.processEvents()
            start = time.perf_counter()
            assert kiosk.confirm()
            # The list painted and the news of the change handled: the windows behind
            # reload when AppContext's batching timer fires (private, read here only).
            qapp.processEvents()
            while ctx._timer.isActive():
                qapp.processEvents()
            qapp.processEvents()
            times.append(time.perf_counter() - start)
        kiosk._unlocked = True
        kiosk.close()
        qapp.processEvents()
        return times

    kiosk_times = sign_in_kiosk(AppContext(db), kiosk_meeting)
    # As in use: the main window and the meeting's form behind the kiosk, which
    # hear of the changes when kiosk mode is left (not measured here).
    main = MainWindow(db, host=app.HOST)
    main.resize(1366, 768)
    main.show()
    form = main.open_record("meeting", window_meeting)
    qapp.processEvents()
    if main.dashboard is not None:
        main.dashboard.wait()  # its figures are computed on a worker at start: not ours
    qapp.processEvents()
    window_times = sign_in_kiosk(main.ctx, window_meeting, form)
    form._dirty = False
    if main.dashboard is not None:
        main.dashboard.wait()
    main.close()
    qapp.processEvents()
    if main.dashboard is not None:
        main.dashboard.wait()  # its figures, reloaded on leaving kiosk mode
    expected = len(contacts(kiosk_meeting)[1])

    half_day, ids = contacts(service_meeting)
    service_times = []
    for n in range(args.runs):
        start = time.perf_counter()
        signatures.add_drawn_signature(db, service_meeting, ids[n], half_day, scribble(n))
        service_times.append(time.perf_counter() - start)

    half_day, ids = contacts(store_meeting)
    images = [ink.render_png(scribble(n)) for n in range(args.runs)]
    store_times, render_times = [], []
    for n in range(args.runs):
        start = time.perf_counter()
        signatures.add_signature(
            db, store_meeting, ids[n], half_day, images[n], strokes=scribble(n)
        )
        store_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        ink.render_png(scribble(n))
        render_times.append(time.perf_counter() - start)

    def ms(times: list[float]) -> float:
        return statistics.median(times) * 1000

    store = ms(store_times)
    print(f"database: {args.db} ({args.db.stat().st_size // 1_000_000} MB)")
    print(f"kiosk meeting {kiosk_meeting}: {expected} people expected; {args.runs} runs each")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    for label, times in (
        ("kiosk confirm -> next list", kiosk_times),
        ("same, main window + form behind", window_times),
        ("service add_drawn_signature", service_times),
        ("store add_signature (baseline)", store_times),
        ("render_png", render_times),
    ):
        print(f"{label:32s} median {ms(times):7.1f} ms  ({ms(times) / store:4.1f}× store)")
    sizes = [len(i) for i in images]
    print(f"PNG size: median {statistics.median(sizes) / 1000:.1f} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
