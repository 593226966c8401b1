"""What the team's rules (grants, row-level security) cost on PostgreSQL, per role.

    .venv/bin/python benchmarks/bench_team_rls.py [--scale 50] [--repeat 5] [--url URL]

Starts a throw-away PostgreSQL 15 server (tests/postgres.py; or uses the
empty database of --url, as its owner), loads `demo --scale N`, runs
`team init`, adds an admin, an officer and a reader of the first taskforce's
programme, then times, for the owner (who is not held by the policies) and
each role, in the same run:

- meetings page: the first page of the meetings list as the window opens it
  (count and 100 rows, sorted by date);
- contacts page: the same for contacts (no policy on the table: the cost of
  the grants alone);
- search: `search("business")`, 50 hits;
- dashboard: the figures of the whole demo period (services.stats);
- attendance: the attendance list of the meeting with the most attendees.

Medians of --repeat runs and each role's ratio to the owner's. Not part of the
test suite: the machines are shared and noisy; read ratios, not absolutes.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from resilian_desktop import paths
from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Attendance, Meeting
from resilian_desktop.db.storage import open_database
from resilian_desktop.demo import generate_demo
from resilian_desktop.services import listings, meetings, taskforces, team
from resilian_desktop.services.search import search
from resilian_desktop.services.stats import Period, period_figures
from tests.postgres import test_server


def as_user(url: str, user: str) -> str:
    return re.sub(r"^postgresql://[^@/]*@", f"postgresql://{user}@", url)


@contextmanager
def database_url(given: str | None) -> Iterator[str]:
    if given:
        yield given
        return
    with test_server() as server:
        server.execute("CREATE DATABASE bench_team")
        yield server.url("bench_team")


def timed(step: Callable[[], object], repeat: int) -> float:
    step()  # warm: connections, caches, plans
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def steps(db: Database, period: Period, meeting_id: int) -> dict[str, Callable[[], object]]:
    def page(name: str) -> Callable[[], object]:
        def run() -> object:
            listings.count_rows(db, name)
            return listings.fetch_page(db, name, offset=0, limit=100)

        return run

    def find() -> object:
        with db.read() as session:
            return search(session, "business", limit=50)

    return {
        "meetings page": page("meetings"),
        "contacts page": page("contacts"),
        "search": find,
        "dashboard": lambda: period_figures(db, period),
        "attendance": lambda: meetings.list_attendance(db, meeting_id),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--url", help="an empty PostgreSQL database, as its owner")
    args = parser.parse_args()
    backups = Path(tempfile.mkdtemp(prefix="bench-team-"))
    with database_url(args.url) as url:
        owner = open_database(paths.database_location(url), backup_dir=backups)
        start = time.perf_counter()
        generate_demo(owner, scale=args.scale, seed=2018)
        print(f"demo --scale {args.scale} loaded in {time.perf_counter() - start:.1f} s")
        team.init_team(owner)
        programme = taskforces.list_taskforces(owner)[0].programme_id
        with owner.read() as session:
            first, last = session.execute(
                select(func.min(Meeting.date), func.max(Meeting.date))
            ).one()
            meeting_id = session.execute(
                select(Attendance.meeting_id)
                .join(Meeting, Meeting.id == Attendance.meeting_id)
                .where(Meeting.programme_id == programme)
                .group_by(Attendance.meeting_id)
                .order_by(func.count().desc())
                .limit(1)
            ).scalar_one()
        users = {"owner": None}
        for role in ("admin", "officer", "reader"):
            name = f"bench_{role}"
            if not team.login_exists(owner, name):
                team.add_user(owner, name, role, [programme], password="bench")
            else:
                team.add_user(owner, name, role, [programme])
            users[role] = name
        period = Period(first, last)
        results: dict[str, dict[str, float]] = {}
        for role, name in users.items():
            db = (
                owner
                if name is None
                else open_database(paths.database_location(as_user(url, name)), backup_dir=backups)
            )
            results[role] = {
                label: timed(step, args.repeat)
                for label, step in steps(db, period, meeting_id).items()
            }
            if db is not owner:
                db.dispose()
        owner.dispose()
    labels = list(results["owner"])
    print(f"\nmedians of {args.repeat} runs, ms (ratio to the owner's)")
    print(f"{'':16}" + "".join(f"{role:>18}" for role in results))
    for label in labels:
        base = results["owner"][label]
        cells = "".join(
            f"{results[role][label] * 1000:10.1f} ({results[role][label] / base:4.2f})"
            for role in results
        )
        print(f"{label:16}{cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
