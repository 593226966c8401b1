"""PostgreSQL beside SQLite, the same demo, the same services, in the same run.

    .venv/bin/python benchmarks/bench_postgres.py [--scale 1000] [--repeat 5] [--url URL]

Without --url a throw-away PostgreSQL 15 is started as the tests start it
(tests/postgres.py: initdb into a temporary folder, fsync off); with --url,
an empty database of an existing server is used. Prints, per measure, the
median on SQLite, on PostgreSQL and their ratio (PostgreSQL / SQLite), then
the search index choice on PostgreSQL: the GIN full-text index against a
pg_trgm index giving the same hits. Not part of the test suite: the machines
are shared and noisy, so read the ratios and medians, not single timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.postgres starts the throw-away server

from sqlalchemy import select, text  # noqa: E402

from resilian_desktop import paths  # noqa: E402
from resilian_desktop.db.engine import Database  # noqa: E402
from resilian_desktop.db.models import Attendance  # noqa: E402
from resilian_desktop.db.storage import open_database  # noqa: E402
from resilian_desktop.demo import generate_demo  # noqa: E402
from resilian_desktop.documents.period_report.xlsx import write_period_report  # noqa: E402
from resilian_desktop.services import listings, meetings, search, stats  # noqa: E402
from resilian_desktop.services.reports import open_period_report  # noqa: E402

CLIENTS = 10
CHANGES = 100


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def line(name: str, sqlite: float, postgresql: float) -> None:
    print(
        f"{name:<46} SQLite {sqlite * 1000:9.1f} ms   PostgreSQL {postgresql * 1000:9.1f} ms"
        f"   x{postgresql / sqlite:6.2f}",
        flush=True,
    )


@contextmanager
def server_url(given: str | None) -> Iterator[str]:
    if given:
        yield given
        return
    from tests.postgres import throwaway_server

    with throwaway_server() as server:
        server.execute("CREATE DATABASE bench")
        yield server.url("bench")


def concurrent_attendance(db_location: str, folder: Path) -> tuple[float, int]:
    """CLIENTS clients, each with its own connection, each saving CHANGES
    attendance changes (one transaction each) on rows of its own meeting;
    returns the seconds and the changes found afterwards."""
    location = paths.database_location(db_location)
    setup = open_database(location, backup_dir=folder)
    with setup.read() as session:
        rows = session.execute(
            select(Attendance.meeting_id, Attendance.person_id)
            .where(Attendance.person_id.is_not(None))
            .order_by(Attendance.meeting_id, Attendance.person_id)
        ).all()
    setup.dispose()
    by_meeting: dict[int, list[int]] = {}
    for meeting_id, person_id in rows:
        by_meeting.setdefault(meeting_id, []).append(person_id)
    work = [(m, p) for m, p in by_meeting.items() if len(p) >= 5][:CLIENTS]
    errors: list[BaseException] = []
    start_together = threading.Barrier(CLIENTS)

    def client(meeting_id: int, contacts: list[int]) -> None:
        db = open_database(location, backup_dir=folder)
        try:
            start_together.wait()
            for change in range(CHANGES):
                contact = contacts[change % len(contacts)]
                # Ends on "excused" for every person the client touched.
                status = "excused" if change >= CHANGES - len(contacts) else "absent"
                meetings.set_attendance(db, meeting_id, [contact], status=status)
        except BaseException as error:  # reported after the join
            errors.append(error)
        finally:
            db.dispose()

    threads = [threading.Thread(target=client, args=(m, p[:5])) for m, p in work]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    if errors:
        raise RuntimeError(f"{len(errors)} client(s) failed: {errors[0]}")
    check = open_database(location, backup_dir=folder)
    with check.read() as session:
        found = sum(
            int(
                session.scalar(
                    select(text("count(*)"))
                    .select_from(Attendance)
                    .where(
                        Attendance.meeting_id == m,
                        Attendance.person_id.in_(p[:5]),
                        Attendance.status == "excused",
                    )
                )
                or 0
            )
            for m, p in work
        )
    check.dispose()
    return seconds, found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--url", help="an empty database of an existing PostgreSQL server")
    parser.add_argument(
        "--no-report", action="store_true", help="skip the period report (minutes at scale 1000)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-pg-") as tmp, server_url(args.url) as url:
        folder = Path(tmp)
        locations = {"sqlite": str(folder / "bench.sqlite"), "postgresql": url}
        dbs: dict[str, Database] = {}
        demo: dict[str, float] = {}
        for engine, location in locations.items():
            dbs[engine] = open_database(
                paths.database_location(location), backup_dir=folder / "backups"
            )
            summary = generate_demo(dbs[engine], scale=args.scale)
            demo[engine] = summary.seconds
            print(
                f"{engine}: demo --scale {args.scale} in {summary.seconds:.1f} s: "
                f"{summary.organisations} organisations, {summary.contacts} contacts, "
                f"{summary.meetings} meetings, {summary.attendances} attendances",
                flush=True,
            )
        # Statistics for the planner, as autovacuum would gather them soon after a load.
        raw = dbs["postgresql"].engine.raw_connection()
        try:
            raw.driver_connection.autocommit = True  # type: ignore[union-attr]
            raw.driver_connection.execute("VACUUM ANALYZE")  # type: ignore[union-attr]
        finally:
            raw.close()
        line("demo load (generate + write + index)", demo["sqlite"], demo["postgresql"])

        def measure(name: str, action: Callable[[Database], object], repeat: int) -> None:
            line(
                name,
                median_seconds(lambda: action(dbs["sqlite"]), repeat),
                median_seconds(lambda: action(dbs["postgresql"]), repeat),
            )

        def first_page(db: Database) -> object:
            listings.count_rows(db, "contacts")
            return listings.fetch_page(db, "contacts", offset=0, limit=200)

        def by_first_name(db: Database) -> object:
            return listings.fetch_page(db, "contacts", offset=0, limit=200, sort_key="first_name")

        def filtered(db: Database) -> object:
            listings.count_rows(db, "contacts", filter_text="muller")
            return listings.fetch_page(db, "contacts", offset=0, limit=200, filter_text="muller")

        def searching(words: str) -> Callable[[Database], object]:
            def run(db: Database) -> object:
                with db.read() as session:
                    return search.search(session, words)

            return run

        year = stats.Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))

        def figures(db: Database) -> object:
            return stats.period_figures(db, year)

        def report(db: Database) -> object:
            with open_period_report(db, year) as opened:
                return write_period_report(opened, folder / f"report-{db.path.stem}.xlsx")

        measure("first page of contacts (count + 200)", first_page, args.repeat)
        measure("contacts by first name (fold())", by_first_name, args.repeat)
        measure("filtered contacts 'muller' (index)", filtered, args.repeat)
        measure("search 'coeur'", searching("coeur"), args.repeat)
        measure("search 'fonderie jean'", searching("fonderie jean"), args.repeat)
        measure("dashboard figures of a year", figures, args.repeat)
        if not args.no_report:
            measure("period report of a year (workbook)", report, 1)
        for db in dbs.values():
            db.dispose()

        times: dict[str, float] = {}
        for engine, location in locations.items():
            seconds, found = concurrent_attendance(location, folder / "backups")
            times[engine] = seconds
            print(
                f"{engine}: {CLIENTS} clients x {CHANGES} attendance saves in {seconds:.1f} s, "
                f"{found} of {CLIENTS * 5} final states found (no lost update when equal)",
                flush=True,
            )
        line(
            f"{CLIENTS} clients x {CHANGES} attendance saves", times["sqlite"], times["postgresql"]
        )

        index_choice(url, args.repeat)
    return 0


def index_choice(url: str, repeat: int) -> None:
    """The GIN full-text index the application uses, beside a pg_trgm index
    (word-start regular expressions) that gives the same hits."""
    import psycopg

    words = ("coeur", "fonderie", "jean", "mul", "67")
    with psycopg.connect(url, autocommit=True) as connection:
        try:
            connection.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except psycopg.Error as error:
            print(f"pg_trgm not available here ({error}); index comparison skipped")
            return
        connection.execute(
            "CREATE INDEX IF NOT EXISTS bench_trgm ON search_index USING gin (terms gin_trgm_ops)"
        )
        connection.execute("ANALYZE search_index")
        sizes = connection.execute(
            "SELECT pg_relation_size('ix_search_index_terms'), pg_relation_size('bench_trgm')"
        ).fetchone()
        assert sizes is not None
        for word in words:

            def full_text(word: str = word) -> list[tuple[int]]:
                return connection.execute(
                    "SELECT rowid FROM search_index WHERE terms_vector "
                    "@@ to_tsquery('simple'::regconfig, %s) ORDER BY rowid",
                    (f"{word}:*",),
                ).fetchall()

            def trigram(word: str = word) -> list[tuple[int]]:
                return connection.execute(
                    "SELECT rowid FROM search_index WHERE terms ~ %s ORDER BY rowid",
                    (f"(^| ){word}",),
                ).fetchall()

            same = full_text() == trigram()
            print(
                f"index for '{word}': full-text GIN "
                f"{median_seconds(full_text, repeat) * 1000:8.1f} ms, pg_trgm GIN "
                f"{median_seconds(trigram, repeat) * 1000:8.1f} ms, "
                f"{len(full_text())} hits, {'same hits' if same else 'DIFFERENT HITS'}",
                flush=True,
            )
        print(
            f"index sizes: full-text GIN {sizes[0] / 1e6:.1f} MB, "
            f"pg_trgm GIN {sizes[1] / 1e6:.1f} MB"
        )
        connection.execute("DROP INDEX bench_trgm")


if __name__ == "__main__":
    sys.exit(main())
