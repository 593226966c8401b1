"""Pictures of every page, tab and dialog, from the real window, at 1366×768.

    .venv/bin/python scripts/screenshots.py --lang fr --out /tmp/shots
    .venv/bin/python scripts/screenshots.py --lang en --empty --out /tmp/shots-empty

Runs on Qt's offscreen platform with one 1366×768 screen (the most common
laptop), on a fresh demo database (or an empty one with ``--empty``: the first
run). Prints each screen's size and minimum size; writes one PNG per screen.
The Help guide's pictures are made with ``--guide`` (see resources/help/).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREEN = ROOT / "tests" / "qt" / "laptop_screen.json"


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--empty", action="store_true", help="an empty database: the first run")
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
    scratch = Path(tempfile.mkdtemp(prefix="resilian-shots-"))
    os.environ["RESILIAN_DATA_DIR"] = str(scratch / "userdata")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QMenu, QWidget

    from resilian_desktop import app
    from resilian_desktop.db.storage import open_database
    from resilian_desktop.demo import generate_demo
    from tests.qt.tour import LAPTOP_CONTENTS, tour

    qapp = app.make_application()
    QCoreApplication.setOrganizationName("RESILIAN-screenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    QSettings().setValue("language", args.lang)
    app.apply_language(args.lang)
    db = open_database(scratch / "network.sqlite", backup_dir=scratch / "backups")
    if not args.empty:
        generate_demo(db)

    from resilian_desktop.qt.main_window import MainWindow

    window = MainWindow(db)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    seen: dict[str, int] = {}

    def visit(name: str, widget: QWidget) -> None:
        if isinstance(widget, QMenu):
            widget.popup(window.mapToGlobal(window.rect().topLeft()))
            QApplication.processEvents()
            picture = widget.grab()
            widget.hide()
            top = widget
        else:
            top = widget.window()
            QApplication.processEvents()
            picture = top.grab()
        number = seen.setdefault(name, len(seen) + 1)
        target = args.out / f"{number:02d}-{slug(name)}.png"
        picture.save(str(target))
        minimum = top.minimumSizeHint().expandedTo(top.minimumSize())
        over = (
            " TOO LARGE"
            if minimum.width() > LAPTOP_CONTENTS.width()
            or minimum.height() > LAPTOP_CONTENTS.height()
            else ""
        )
        print(
            f"{target.name}: size {top.width()}×{top.height()}, "
            f"minimum {minimum.width()}×{minimum.height()}{over}"
        )

    if args.empty:
        visit("first run", window)
    else:
        tour(window, visit)
    window.close()
    db.dispose()
    qapp.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
