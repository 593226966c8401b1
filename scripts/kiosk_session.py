"""Sign a whole-day meeting in kiosk mode in the real window under X, as people would.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/kiosk_session.py \\
        --out /tmp/kiosk-session

Makes a database with a 20-person meeting of today (9:00-17:00), opens the real
main window and the meeting's attendance tab, then drives it from outside with
xdotool as a mouse and a keyboard would: "Faire signer", the morning, names
tapped (some found by typing letters), signatures drawn with the mouse, a
walk-in, Escape and Alt+F4 (which must not leave), Ctrl+Shift+L and QUITTER;
then the afternoon. Screenshots (`import -window root`) go to --out, with the
database and the attendance sheet (PDF and Excel) printed from it, and the
time from "confirm" to the next person's list, as measured inside the window.

Not part of the test suite: it needs an X server, xdotool and ImageMagick.
The window runs in a child process (``--role app``) that writes where its
widgets are to a JSON file; this process reads it to know where to click.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CONTACTS = [
    ("Anaïs", "Müller"), ("Marc", "Dupont"), ("Léa", "Schmitt"), ("Hugo", "Klein"),
    ("Élodie", "Wagner"), ("Jean-Baptiste", "Oberlé"), ("Zoé", "Fischer"), ("Paul", "Roth"),
    ("Chloé", "Hoffmann"), ("Lucas", "Meyer"), ("Inès", "Weber"), ("Théo", "Schneider"),
    ("Manon", "Keller"), ("Nathan", "Huber"), ("Camille", "Frey"), ("Louis", "Bauer"),
    ("Sarah", "Lévy"), ("Hélène", "Gœtz"), ("Noé", "Koenig"), ("Maëlle", "Zimmermann"),
]  # fmt: skip
ABSENT_ALL_DAY = "Koenig"  # never signs
AFTERNOON_ONLY_MORNING = ("Frey", "Bauer")  # signed the morning, gone in the afternoon


# --- the window (child process) ------------------------------------------------


def run_app(db_path: Path, meeting_id: int, state_path: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QPushButton, QWidget

    from resilian_desktop import app
    from resilian_desktop.db.storage import open_database
    from resilian_desktop.qt.kiosk.window import KioskWindow
    from resilian_desktop.qt.main_window import MainWindow

    qapp = app.make_application()
    app.apply_language("fr")
    db = open_database(db_path, backup_dir=db_path.parent / "backups")
    main = MainWindow(db, host=app.HOST)
    main.show()
    form: Any = main.open_record("meeting", meeting_id)
    form.ui.tabs.setCurrentWidget(form.ui.attendance_tab)
    form.show()
    form.raise_()
    confirm_times: list[float] = []

    def box(widget: QWidget) -> list[int]:
        top_left = widget.mapToGlobal(widget.rect().topLeft())
        return [top_left.x(), top_left.y(), widget.width(), widget.height()]

    def write_state() -> None:
        state: dict[str, Any] = {"form": box(form.ui.sign_button), "form_window": int(form.winId())}
        modal = QApplication.activeModalWidget()
        if isinstance(modal, KioskWindow):
            kiosk = modal
            if kiosk.last_confirm_seconds is not None:
                confirm_times.append(kiosk.last_confirm_seconds)
                kiosk.last_confirm_seconds = None
            view = kiosk.contacts_list
            cards = {}
            for i in range(view.count()):
                item = view.item(i)
                rect = view.visualItemRect(item)
                # Only the cards one can see whole: others are found by typing.
                if not item.isHidden() and view.viewport().rect().contains(rect):
                    centre = view.viewport().mapToGlobal(rect.center())
                    cards[item.text()] = [centre.x(), centre.y()]
            state["kiosk"] = {
                "window": int(kiosk.winId()),
                "page": kiosk.pages.currentIndex(),
                "count": kiosk.count_label.text(),
                "search": kiosk.search_edit.text(),
                "cards": cards,
                **{
                    name: box(getattr(kiosk, name))
                    for name in (
                        "pad",
                        "confirm_button",
                        "clear_button",
                        "walk_in_button",
                        "walk_in_continue_button",
                        "first_name_edit",
                        "last_name_edit",
                        "organisation_edit",
                        "search_edit",
                        "leave_edit",
                    )
                },
            }
        elif modal is not None:
            state["dialog"] = {
                "window": int(modal.winId()),
                "buttons": {
                    b.text().replace("&", ""): box(b)
                    for b in modal.findChildren(QPushButton)
                    if b.isVisible()
                },
            }
        state["confirm_times"] = confirm_times
        scratch = state_path.with_suffix(".tmp")
        scratch.write_text(json.dumps(state))
        scratch.replace(state_path)

    timer = QTimer()
    timer.timeout.connect(write_state)
    timer.start(100)
    return qapp.exec()


# --- the hands (this process) ---------------------------------------------------


class Hands:
    def __init__(self, state_path: Path, out: Path) -> None:
        self.state_path = state_path
        self.out = out
        self.shots = 0

    def state(self) -> dict[str, Any]:
        for _ in range(1200):  # a minute: the window starts slowly on a busy machine
            try:
                return dict(json.loads(self.state_path.read_text()))
            except (OSError, ValueError):
                time.sleep(0.05)
        raise SystemExit("the window wrote no state")

    def wait(self, check: Any, what: str, timeout: float = 15) -> dict[str, Any]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            state = self.state()
            if check(state):
                return state
            time.sleep(0.1)
        self.shot(f"timeout-{what}")
        raise SystemExit(f"timed out waiting for {what}")

    @staticmethod
    def xdo(*args: object) -> None:
        subprocess.run(["xdotool", *map(str, args)], check=True)

    def focus(self, window: int) -> None:
        self.xdo("windowfocus", "--sync", window)

    def click(self, x: int, y: int) -> None:
        self.xdo("mousemove", "--sync", x, y, "click", "1")

    def click_box(self, rect: list[int]) -> None:
        x, y, w, h = rect
        self.click(x + w // 2, y + h // 2)

    def type(self, text: str) -> None:
        self.xdo("type", "--delay", "40", text)

    def key(self, *keys: str) -> None:
        self.xdo("key", *keys)

    def shot(self, name: str) -> Path:
        self.shots += 1
        path = self.out / f"{self.shots:02d}-{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        return path

    def sign(self, pad: list[int], seed: int) -> None:
        """A hand-like signature: a few loops of a name, then an underline."""
        x0, y0, w, h = pad
        rng = random.Random(seed)
        left, middle = x0 + int(w * 0.18), y0 + int(h * 0.5)
        width = int(w * (0.45 + rng.random() * 0.2))
        loops = 5 + rng.randint(0, 4)
        steps = 90
        points = []
        for i in range(steps + 1):
            t = i / steps
            x = left + t * width + math.sin(t * loops * 2 * math.pi) * w * 0.025
            y = middle - math.cos(t * loops * 2 * math.pi) * h * 0.16 * (
                0.6 + 0.4 * math.sin(t * 3)
            )
            points.append((int(x), int(y)))
        args: list[object] = ["mousemove", *points[0], "mousedown", "1"]
        for x, y in points[1:]:
            args += ["mousemove", x, y, "sleep", "0.004"]
        args += ["mouseup", "1"]
        under = middle + int(h * 0.22)
        args += ["mousemove", left - 10, under, "mousedown", "1"]
        for i in range(1, 13):
            args += ["mousemove", left - 10 + i * width // 12, under - i // 3, "sleep", "0.004"]
        args += ["mouseup", "1"]
        self.xdo(*args)


def fold(text: str) -> str:
    from resilian_desktop.domain.text import fold as fold_text

    return fold_text(text)


def kiosk_page(page: int) -> Any:
    return lambda s: "kiosk" in s and s["kiosk"]["page"] == page


def sign_half_day(hands: Hands, choice: str, names: list[str], walk_in: bool) -> None:
    state = hands.state()
    hands.focus(state["form_window"])
    hands.click_box(state["form"])
    state = hands.wait(lambda s: "dialog" in s, "the half-day question")
    hands.shot(f"{choice}-question")
    hands.click_box(state["dialog"]["buttons"][choice])
    state = hands.wait(kiosk_page(0), "kiosk mode")
    kiosk_window = state["kiosk"]["window"]
    hands.focus(kiosk_window)
    hands.shot(f"{choice}-list")
    for n, name in enumerate(names):
        state = hands.wait(kiosk_page(0), "the list")
        # One in three types a few letters of their last name first, and
        # anyone whose name is not on the screen.
        if n % 3 == 0 or name not in state["kiosk"]["cards"]:
            hands.click_box(state["kiosk"]["search_edit"])
            # Typed as people do, without accents (xdotool loses them under Xvfb too).
            letters = fold(name.split()[-1])[:4]
            hands.type(letters)
            state = hands.wait(
                lambda s, letters=letters: kiosk_page(0)(s) and s["kiosk"]["search"] == letters,
                "the search",
            )
            if n == 0:
                hands.shot(f"{choice}-search")
        hands.click(*state["kiosk"]["cards"][name])
        state = hands.wait(kiosk_page(1), "the pad")
        hands.sign(state["kiosk"]["pad"], seed=n + (100 if choice == "Après-midi" else 0))
        if n == 0:
            hands.shot(f"{choice}-signed-pad")
            # Clear and sign again: the first try was not good enough.
            hands.click_box(state["kiosk"]["clear_button"])
            hands.sign(state["kiosk"]["pad"], seed=n + 50)
        count = state["kiosk"]["count"]
        hands.click_box(state["kiosk"]["confirm_button"])
        hands.wait(
            lambda s, count=count: kiosk_page(0)(s) and s["kiosk"]["count"] != count,
            "the signature stored",
        )
        if n == 0:
            hands.shot(f"{choice}-thanks")
    if walk_in:
        state = hands.state()
        hands.click_box(state["kiosk"]["walk_in_button"])
        state = hands.wait(kiosk_page(2), "the walk-in page")
        hands.click_box(state["kiosk"]["first_name_edit"])
        hands.type("Rémi")
        hands.click_box(state["kiosk"]["last_name_edit"])
        hands.type("Baumann")
        hands.click_box(state["kiosk"]["organisation_edit"])
        hands.type("Chambre de métiers d'Alsace")
        hands.shot(f"{choice}-walk-in")
        hands.click_box(state["kiosk"]["walk_in_continue_button"])
        state = hands.wait(kiosk_page(1), "the walk-in's pad")
        hands.sign(state["kiosk"]["pad"], seed=999)
        count = state["kiosk"]["count"]
        hands.click_box(state["kiosk"]["confirm_button"])
        hands.wait(lambda s: kiosk_page(0)(s) and s["kiosk"]["count"] != count, "walk-in stored")
    # A participant tries to get out: none of these leaves.
    hands.focus(kiosk_window)
    hands.key("Escape")
    hands.key("alt+F4")
    hands.key("ctrl+q")
    hands.key("ctrl+z")
    time.sleep(0.5)
    state = hands.wait(kiosk_page(0), "kiosk mode still there")
    hands.shot(f"{choice}-after-escape-alt-f4")
    # The officer leaves.
    hands.key("ctrl+shift+l")
    state = hands.wait(kiosk_page(3), "the leave page")
    hands.click_box(state["kiosk"]["leave_edit"])
    hands.type("QUITTER")
    hands.shot(f"{choice}-leave")
    hands.key("Return")
    hands.wait(lambda s: "kiosk" not in s, "kiosk mode closed")


def build_database(path: Path) -> int:
    from resilian_desktop.db.storage import open_database
    from resilian_desktop.services import contacts, meetings, organisations, programmes

    db = open_database(path, backup_dir=path.parent / "backups")
    programme = programmes.create_programme(
        db, programmes.ProgrammeDraft(name="RESILIAN - Alsace du Nord", territory="Alsace du Nord")
    )
    companies = [
        organisations.create_organisation(
            db, organisations.OrganisationDraft(name=name, commune="Haguenau", postcode="67500")
        ).id
        for name in ("Fonderie Cœur d'Alsace", "Plasturgie du Ried", "Tôlerie Moderne de l'Est")
    ]
    ids = [
        contacts.create_contact(
            db,
            contacts.ContactDraft(
                first_name=first, last_name=last, organisation_id=companies[i % len(companies)]
            ),
        ).id
        for i, (first, last) in enumerate(CONTACTS)
    ]
    meeting = meetings.create_meeting(
        db,
        meetings.MeetingDraft(
            programme_id=programme.id,
            kind="taskforce_meeting",
            title="Taskforce énergie — achats groupés",
            date=dt.date.today(),
            start_time=dt.time(9, 0),
            end_time=dt.time(17, 0),
            venue="Salle du conseil, Haguenau",
        ),
    )
    meetings.set_attendance(db, meeting.id, ids, status="registered")
    db.dispose()
    return meeting.id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--role", choices=("hands", "app"), default="hands")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--meeting", type=int)
    parser.add_argument("--state", type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.role == "app":
        return run_app(args.db, args.meeting, args.state)
    if not os.environ.get("DISPLAY"):
        parser.error("needs an X display: run it under xvfb-run")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    db_path = out / "session.sqlite"
    for stale in out.glob("*"):
        if stale.is_file():
            stale.unlink()
    os.environ["RESILIAN_DATA_DIR"] = str(out / "userdata")
    meeting_id = build_database(db_path)
    state_path = out / "state.json"
    window = subprocess.Popen(
        [sys.executable, __file__, "--role", "app", "--out", str(out), "--db", str(db_path),
         "--meeting", str(meeting_id), "--state", str(state_path)],
        env={**os.environ, "QT_QPA_PLATFORM": "xcb"},
    )  # fmt: skip
    hands = Hands(state_path, out)
    try:
        hands.wait(lambda s: "form" in s, "the meeting window", timeout=60)
        time.sleep(1)
        hands.shot("meeting-attendance-tab")
        names = [f"{first} {last}" for first, last in CONTACTS]
        morning = [n for n in names if not n.endswith(ABSENT_ALL_DAY)]
        sign_half_day(hands, "Matin", morning, walk_in=True)
        # Presence recorded on a planned meeting of today: the window offers to set it held.
        state = hands.wait(lambda s: "dialog" in s, "the 'meeting held?' question")
        hands.shot("held-question")
        yes = next(k for k in state["dialog"]["buttons"] if k in ("Oui", "Yes"))
        hands.click_box(state["dialog"]["buttons"][yes])
        afternoon = [n for n in morning if not n.endswith(AFTERNOON_ONLY_MORNING)]
        sign_half_day(hands, "Après-midi", afternoon, walk_in=False)
        time.sleep(1)
        hands.shot("meeting-after-signing")
        times = hands.state()["confirm_times"]
    finally:
        window.terminate()
        window.wait(timeout=30)
    if times:
        print(
            f"confirm -> next person's list: median {statistics.median(times) * 1000:.0f} ms "
            f"over {len(times)} signatures (max {max(times) * 1000:.0f} ms)"
        )
    cli = [sys.executable, "-m", "resilian_desktop", "--db", str(db_path)]
    for command in (
        ["signatures", "verify", "--meeting", str(meeting_id)],
        [
            "export",
            "attendance",
            "--meeting",
            str(meeting_id),
            "--pdf",
            "-o",
            str(out / "sheet.pdf"),
        ],
        ["export", "attendance", "--meeting", str(meeting_id), "-o", str(out / "sheet.xlsx")],
    ):
        done = subprocess.run(cli + command, capture_output=True, text=True, check=False)
        print(" ".join(command[:2]), "->", done.returncode, (done.stdout + done.stderr).strip())
    print(f"screenshots and files in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
