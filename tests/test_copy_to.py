"""copy-to: a file to the server and back, every list equal; never into a non-empty target."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from resilian_desktop import paths
from resilian_desktop.db.storage import open_database
from resilian_desktop.services import organisations
from tests import factories as f
from tests.test_cli import cli

pytestmark = pytest.mark.usefixtures("postgres_server")
KINDS = ("organisations", "contacts", "meetings", "taskforces", "actions")


def _lists(location: str) -> dict[str, Any]:
    found = {}
    for kind in KINDS:
        done = cli("--db", location, "list", kind, "--json", "--archived")
        assert done.returncode == 0, done.stderr
        found[kind] = json.loads(done.stdout)
    for typed in ("coeur", "loreal", "fonderie"):
        done = cli("--db", location, "search", typed, "--limit", "1000", "--json")
        assert done.returncode == 0, done.stderr
        found[f"search {typed}"] = sorted(
            (h["type"], h["id"], h["label"]) for h in json.loads(done.stdout)
        )
    return found


def test_round_trip_file_server_file_keeps_every_list(
    tmp_path: Path, empty_server_database_url: str
) -> None:
    original = tmp_path / "laptop.sqlite"
    assert cli("--db", str(original), "demo", "--seed", "11").returncode == 0
    # Something archived and a merged duplicate: their links must survive too.
    assert cli("--db", str(original), "archive", "organisation", "3").returncode == 0
    merged = cli("--db", str(original), "merge", "organisation", "1", "2")
    assert merged.returncode == 0, merged.stderr
    before = _lists(str(original))

    there = cli("--db", str(original), "copy-to", empty_server_database_url)
    assert there.returncode == 0, there.stderr
    assert "content digest equal" in there.stdout
    assert _lists(empty_server_database_url) == before

    back = tmp_path / "offline.sqlite"
    again = cli("--db", empty_server_database_url, "copy-to", str(back))
    assert again.returncode == 0, again.stderr
    assert _lists(str(back)) == before

    # Ids were kept, and the server's sequences moved past them: a new record saves.
    db = open_database(paths.database_location(empty_server_database_url), backup_dir=tmp_path)
    try:
        largest = max(o.id for o in organisations.list_organisations(db, include_archived=True))
        new = f.organisation(db, "Nouvelle Fonderie du Ried", commune="Sélestat")
        assert new.id > largest
    finally:
        db.dispose()
    check = cli("--db", empty_server_database_url, "check")
    assert check.returncode == 0, check.stderr


def test_a_target_with_records_is_refused_and_left_as_it_was(
    tmp_path: Path, server_database_url: str
) -> None:
    source = tmp_path / "laptop.sqlite"
    assert cli("--db", str(source), "demo").returncode == 0
    assert cli("--db", server_database_url, "demo", "--seed", "5").returncode == 0
    before = _lists(server_database_url)
    refused = cli("--db", str(source), "copy-to", server_database_url)
    assert refused.returncode == 1
    assert refused.stderr.strip().endswith("it does not merge)"), refused.stderr
    assert _lists(server_database_url) == before

    existing = tmp_path / "existing.sqlite"
    assert cli("--db", str(existing), "demo", "--seed", "5").returncode == 0
    size = existing.stat().st_size
    refused = cli("--db", server_database_url, "copy-to", str(existing))
    assert refused.returncode == 1 and "exists already" in refused.stderr
    assert existing.stat().st_size == size
