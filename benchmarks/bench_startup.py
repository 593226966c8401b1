#!/usr/bin/env python3
"""Launch time: from starting the process to a painted window and a painted list.

    .venv/bin/python -m resilian_desktop --db /tmp/big.sqlite demo --scale 1000
    .venv/bin/python benchmarks/bench_startup.py --db /tmp/big.sqlite --runs 7

Each run starts fresh processes, in turn:
  bare       a bare PySide6 QMainWindow (the floor: interpreter + Qt start-up)
  app/list   the application as `resilian-desktop --db` starts it, opening on
             the organisations list (the page it reopens when it was left there)
  app/dash   the same, opening on the dashboard (the first page of a new user);
             its figures are counted on a worker thread and shown later

Times are measured from just before the process is launched to the first
paint of a window of the application (the start window, painted before the
data layer loads), of the main window, and of a list's table (app/list) or to
the figures being shown (app/dash). Medians are printed. The platform is Qt's
offscreen one unless QT_QPA_PLATFORM says otherwise, so the numbers leave out
the window manager but include all painting.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = textwrap.dedent(
    """
    import json, sys, time
    t0 = float(sys.argv[1])
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    result = {}
    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and "window" not in result:
                result["window"] = time.time() - t0
                QTimer.singleShot(0, app.quit)
            return False
    watch = Watch()
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1280, 800)
    window.installEventFilter(watch)
    window.show()
    app.exec()
    print(json.dumps(result))
    """
)

APP = textwrap.dedent(
    """
    import json, sys, time
    t0, db, page = float(sys.argv[1]), sys.argv[2], sys.argv[3]
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QAbstractItemView, QApplication
    from resilian_desktop import app as start
    QSettings("RESILIAN", "RESILIAN Desktop").setValue("main_window/page", page)
    qapp = start.make_application()
    result = {}
    def done():
        wanted = ("window", "main", "list") if page != "dashboard" else ("window", "figures")
        if all(k in result for k in wanted):
            QTimer.singleShot(0, qapp.quit)
    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                window = obj.window() if hasattr(obj, "window") else None
                kind = type(window).__name__
                if "window" not in result and kind in ("StartWindow", "MainWindow"):
                    # The first window the officer sees (the start window, painted
                    # before the data layer loads).
                    result["window"] = time.time() - t0
                if "main" not in result and kind == "MainWindow":
                    result["main"] = time.time() - t0
                    if page == "dashboard":
                        dashboard = window.dashboard
                        def figures():
                            if dashboard.data is not None and not dashboard.is_busy():
                                result["figures"] = time.time() - t0
                                done()
                            else:
                                QTimer.singleShot(5, figures)
                        figures()
                    done()
                parent = obj.parent()
                if (
                    "list" not in result
                    and isinstance(parent, QAbstractItemView)
                    and parent.objectName().endswith("_table")
                    and parent.model() is not None
                    and parent.model().rowCount() > 0
                ):
                    result["list"] = time.time() - t0
                    result["rows"] = parent.model().total
                    done()
            return False
    watch = Watch()
    qapp.installEventFilter(watch)
    start.run_gui(db_option=db, demo=False)
    print(json.dumps(result))
    """
)


def launch(code: str, *args: str, env: dict[str, str]) -> dict[str, float]:
    t0 = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, str(t0), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"launch failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return dict(json.loads(lines[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="database to open")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.db.exists():
        parser.error(f"{args.db} does not exist (make it with the demo command)")
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Settings, logs and backups of these runs stay in a scratch folder.
        env["XDG_CONFIG_HOME"] = str(Path(scratch) / "config")
        env["RESILIAN_DATA_DIR"] = str(Path(scratch) / "data")
        # Compiled bytecode as an installed application has it (pip writes
        # .pyc files); kept in the scratch folder, never in the checkout.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(scratch) / "pycache")
        results: dict[str, list[dict[str, float]]] = {"bare": [], "app/list": [], "app/dash": []}
        # Warm the file cache and write the bytecode once; not counted.
        launch(BARE, env=env)
        launch(APP, str(args.db), "organisations", env=env)
        for run in range(args.runs):
            results["bare"].append(launch(BARE, env=env))
            results["app/list"].append(launch(APP, str(args.db), "organisations", env=env))
            results["app/dash"].append(launch(APP, str(args.db), "dashboard", env=env))
            print(f"run {run + 1}/{args.runs} done", file=sys.stderr)

    def median(name: str, key: str) -> str:
        values = [r[key] for r in results[name] if key in r]
        return f"{statistics.median(values) * 1000:7.0f} ms" if values else "      –"

    rows = next((r.get("rows") for r in results["app/list"] if "rows" in r), None)
    print(f"database: {args.db} ({int(rows or 0):,} organisations); {args.runs} runs, medians")
    print(
        f"{'':10} {'first paint':>12} {'main window':>12} {'painted list':>13} "
        f"{'figures shown':>14}"
    )
    print(f"{'bare':10} {median('bare', 'window'):>12}")
    print(
        f"{'app/list':10} {median('app/list', 'window'):>12} {median('app/list', 'main'):>12} "
        f"{median('app/list', 'list'):>13}"
    )
    print(
        f"{'app/dash':10} {median('app/dash', 'window'):>12} {median('app/dash', 'main'):>12} "
        f"{'':>13} {median('app/dash', 'figures'):>14}"
    )

    def ratio(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name]) / statistics.median(
            r["window"] for r in results["bare"]
        )

    print(
        f"first paint / bare: list {ratio('app/list', 'window'):.2f}, "
        f"dashboard {ratio('app/dash', 'window'):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
