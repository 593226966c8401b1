"""The done-when of #15: the same demo on SQLite and on PostgreSQL reads the same.

`demo --seed S` into a SQLite file and into a server database, then, through
the command line as a user runs it: every `list ... --json` equal (the
created/updated stamps aside, which record when each demo was written), the
same `search` hits, and the period report's workbook with the same cells.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.test_cli import cli

SEED = 4242
# When and by whom: the author is the database user, the login name on SQLite
# and the server's role on PostgreSQL (db.audit), so it differs by nature.
STAMPS = ("created_at", "updated_at", "created_by", "updated_by")
SEARCHES = (
    "coeur",
    "loreal",
    "l'oréal",
    "fonderie",
    "jean",
    "schoen",
    "67",
    "energie",
    "business corner",
    "strasbourg",
    "2025",
    "dupont",
    "qualite",
    "marie",
    "directeur",
)


def _without_stamps(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_stamps(v) for k, v in value.items() if k not in STAMPS}
    if isinstance(value, list):
        return [_without_stamps(v) for v in value]
    return value


def _json(*args: str) -> Any:
    done = cli(*args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(path, read_only=True)
    return {
        sheet.title: [
            tuple(v for v in row if not (isinstance(v, str) and v.startswith("Édité le")))
            for row in sheet.iter_rows(values_only=True)
        ]
        for sheet in book.worksheets
    }


def test_the_same_demo_reads_the_same_on_both_engines(
    tmp_path: Path, server_database_url: str
) -> None:
    databases = {"sqlite": str(tmp_path / "demo.sqlite"), "postgresql": server_database_url}
    for location in databases.values():
        done = cli("--db", location, "demo", "--seed", str(SEED))
        assert done.returncode == 0, done.stderr

    for kind in ("organisations", "contacts", "meetings", "taskforces", "actions"):
        lists = {
            engine: _without_stamps(_json("--db", location, "list", kind, "--json", "--archived"))
            for engine, location in databases.items()
        }
        assert lists["sqlite"], kind
        assert lists["postgresql"] == lists["sqlite"], kind

    for typed in SEARCHES:
        # Every hit (a limit above their number): the order within equal
        # ranks is each engine's, the hits are the same.
        hits = {
            engine: sorted(
                (h["type"], h["id"], h["label"])
                for h in _json("--db", location, "search", typed, "--limit", "100000", "--json")
            )
            for engine, location in databases.items()
        }
        assert hits["postgresql"] == hits["sqlite"], typed
    assert any(
        _json("--db", databases["postgresql"], "search", typed, "--json") for typed in SEARCHES
    )

    reports = {}
    for engine, location in databases.items():
        target = tmp_path / f"report-{engine}.xlsx"
        done = cli(
            "--db",
            location,
            "export",
            "report",
            "--from",
            "2024-01-01",
            "--to",
            "2025-12-31",
            "-o",
            str(target),
        )
        assert done.returncode == 0, done.stderr
        reports[engine] = _cells(target)
    assert sum(len(rows) for rows in reports["sqlite"].values()) > 50
    assert reports["postgresql"] == reports["sqlite"]


pytestmark = pytest.mark.usefixtures("postgres_server")
