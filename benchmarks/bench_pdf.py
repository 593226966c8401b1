"""PDF benchmark: a 300-action roadmap beside bare reportlab tables of the same rows and font.

    .venv/bin/python benchmarks/bench_pdf.py [--actions 300] [--repeat 7]

Everything is measured in the same run, after one warm-up (fonts loaded and
registered once per process, as in the application). The candidates run in
turns (one of each per round) so that a busy neighbour slows them alike; both
wall-clock and CPU-time medians are printed. Read the medians and the ratios,
not single timings: the machines are shared and noisy.

Lines:
- roadmap: the whole document (summary, members, table, timeline, header/footer).
- roadmap table only: our table (badges, progress bars, wrapped cells) on our page.
- bare Table, Paragraph cells: SimpleDocTemplate + Table(repeatRows=1), each cell a
  Paragraph in DejaVu Sans: the same wrapping work, none of our drawing.
- bare Table, string cells: the cheapest reportlab table of the same texts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from resilian_desktop.documents.lines import ActionLine
from resilian_desktop.documents.pdf_parts.fonts import REGULAR, register_fonts
from resilian_desktop.documents.pdf_parts.template import PageSetup, build_document
from resilian_desktop.documents.pdf_parts.widgets import (
    ACTION_COLUMNS_MM,
    ACTION_HEADERS,
    action_table,
)
from resilian_desktop.documents.roadmap import samples
from resilian_desktop.documents.roadmap.pdf import write_roadmap_pdf
from resilian_desktop.documents.text import label, markup
from resilian_desktop.domain.formats import percent, short_date
from resilian_desktop.domain.vocab import ActionStatus


def interleaved_medians(
    actions: dict[str, Callable[[], object]], repeat: int
) -> dict[str, tuple[float, float]]:
    """(wall, CPU) median seconds of each action, run in turns *repeat* times."""
    wall: dict[str, list[float]] = {name: [] for name in actions}
    cpu: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            action()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in actions}


def rows_of(actions: tuple[ActionLine, ...]) -> list[list[str]]:
    return [
        [
            str(a.number),
            a.title,
            a.owner or "—",
            short_date(a.start, empty="—"),
            short_date(a.due, empty="—"),
            label(ActionStatus, a.status),
            percent(a.progress),
        ]
        for a in actions
    ]


def bare_table(target: Path, rows: list[list[str]], paragraphs: bool) -> None:
    style = ParagraphStyle("cell", fontName=REGULAR, fontSize=8, leading=10)
    data: list[list[object]] = [list(ACTION_HEADERS)]
    for row in rows:
        data.append([Paragraph(markup(cell), style) for cell in row] if paragraphs else row)
    table = Table(data, colWidths=[w * mm for w in ACTION_COLUMNS_MM], repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 8)]))
    doc = SimpleDocTemplate(str(target), pagesize=A4, initialFontName=REGULAR)
    doc.build([table])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    register_fonts()
    document = samples.roadmap(args.actions)
    rows = rows_of(document.actions)
    setup = PageSetup("Feuille de route", document.taskforce, samples.TODAY, document.letterhead)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        pages = write_roadmap_pdf(document, folder / "cold.pdf")
        cold = time.perf_counter() - start

        def ours() -> None:
            write_roadmap_pdf(document, folder / "roadmap.pdf")

        def ours_table() -> None:
            build_document(folder / "table.pdf", [action_table(document.actions)], setup, "t")

        timings = interleaved_medians(
            {
                "roadmap (whole document)": ours,
                "roadmap table only": ours_table,
                "bare Table, Paragraph cells": lambda: bare_table(
                    folder / "bare_p.pdf", rows, True
                ),
                "bare Table, string cells": lambda: bare_table(folder / "bare_s.pdf", rows, False),
            },
            args.repeat,
        )
    base_wall, base_cpu = timings["bare Table, Paragraph cells"]  # the baseline
    accelerated = "with" if fp_str.__module__ != "reportlab.lib.rl_accel" else "without"
    print(
        f"{args.actions} actions, {pages} pages, reportlab {reportlab.Version} {accelerated} "
        f"rl_accel; medians of {args.repeat} rounds "
        f"(first run, fonts loading included: {cold * 1000:.0f} ms)"
    )
    print(f"{'':<30} {'wall':>9}   {'CPU':>9}   CPU time / the bare Paragraph table")
    for name, (wall, cpu) in timings.items():
        print(f"{name:<30} {wall * 1000:6.0f} ms   {cpu * 1000:6.0f} ms   x{cpu / base_cpu:5.2f}")
    whole_wall = timings["roadmap (whole document)"][0]
    print(f"wall-clock ratio of the whole roadmap to the baseline: x{whole_wall / base_wall:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
