"""Pictures of every page, tab and dialog, from the real window, at 1366×768.

    .venv/bin/python scripts/screenshots.py --lang fr --out /tmp/shots
    .venv/bin/python scripts/screenshots.py --lang en --empty --out /tmp/shots-empty
    .venv/bin/python scripts/screenshots.py --lang fr --guide   # the guide's pictures

Runs on Qt's offscreen platform with one 1366×768 screen (the most common
laptop), on a fresh demo database (or an empty one with ``--empty``: the first
run). Prints each screen's size and minimum size; writes one PNG per screen.
``--guide`` writes the Help guide's pictures instead (resources/help/images/,
the screens the guide names in GUIDE), so they show the window as it is.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCREEN = ROOT / "scripts" / "laptop_screen.json"  # one 1366×768 screen


HELP_IMAGES = ROOT / "resources" / "help" / "images"
GUIDE_WIDTH = 760  # pixels: readable in the guide's window, small in the repository
# Picture of the guide -> the screen of the walk (tests/qt/tour.py) it shows:
# a page of the main window, or a record window's tab.
GUIDE = {
    "meetings": ("page", "meetings"),
    "dashboard": ("page", "dashboard"),
    "meeting": ("meeting", "details_tab"),
    "attendance": ("meeting", "attendance_tab"),
    "roadmap": ("taskforce", "roadmap_tab"),
}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--out", type=Path, help="folder of the pictures of every screen")
    parser.add_argument("--empty", action="store_true", help="an empty database: the first run")
    parser.add_argument("--guide", action="store_true", help="write the guide's pictures")
    args = parser.parse_args()
    if not args.guide and args.out is None:
        parser.error("--out or --guide")
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
    if args.guide:
        return write_guide_pictures(window, args.lang, scratch)
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


def write_guide_pictures(window: Any, lang: str, scratch: Path) -> int:
    """The guide's pictures of the walk's screens, then of a new database's welcome page."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from resilian_desktop.db.storage import open_database
    from resilian_desktop.qt.main_window import MainWindow
    from tests.qt.tour import tour

    HELP_IMAGES.mkdir(parents=True, exist_ok=True)
    wanted: dict[str, str] = {}

    def save(picture_name: str, widget: QWidget) -> None:
        QApplication.processEvents()
        picture = widget.window().grab()
        picture = picture.scaledToWidth(GUIDE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        target = HELP_IMAGES / f"{lang}-{picture_name}.png"
        picture.save(str(target))
        print(target.relative_to(ROOT))

    def visit(name: str, widget: QWidget) -> None:
        for picture_name, (where, what) in GUIDE.items():
            if picture_name in wanted:
                continue
            if where == "page":
                shown = name == f"main window › {window.titles[what]}"
            else:
                tabs = getattr(getattr(widget, "ui", None), "tabs", None)
                shown = (
                    name.startswith(f"{where} › ")
                    and tabs is not None
                    and tabs.currentWidget().objectName() == what
                )
            if shown:
                wanted[picture_name] = name
                save(picture_name, widget)

    tour(window, visit)
    window.close()
    empty = open_database(scratch / "new.sqlite", backup_dir=scratch / "backups")
    welcome = MainWindow(empty)
    welcome.show()
    save("welcome", welcome)
    welcome.close()
    empty.dispose()
    missing = set(GUIDE) - set(wanted)
    if missing:
        print("not found:", ", ".join(sorted(missing)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
