"""Archive, delete, backup, restore and privacy through the real command line."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from resilian_desktop.db.engine import Database
from resilian_desktop.services import meetings
from tests import factories as f
from tests.test_cli import as_json, cli


@pytest.fixture
def network(db: Database) -> dict[str, int]:
    prog = f.programme(db)
    org = f.organisation(db, siret=f.SIRET_A)
    who = f.contact(db, "Nguyễn Thị", "Hồng", organisation_id=org.id, email="hong@x.fr")
    meeting = f.meeting(db, prog.id, status="held")
    meetings.set_attendance(db, meeting.id, [who.id], status="present")
    spare = f.organisation(db, "Sans Histoire", commune="Seltz", postcode="67470")
    db.dispose()
    return {"org": org.id, "person": who.id, "meeting": meeting.id, "spare": spare.id}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_archive_list_archived_unarchive(db_path: Path, network: dict[str, int]) -> None:
    db = str(db_path)
    assert cli("--db", db, "archive", "contact", str(network["person"])).returncode == 0
    assert network["person"] not in {
        c["id"] for c in as_json(cli("--db", db, "list", "contacts", "--json"))
    }
    archived = as_json(cli("--db", db, "list", "contacts", "--archived", "--json"))
    assert [(c["id"], c["archived"]) for c in archived] == [(network["person"], True)]
    # Still on the meeting's list: history does not move.
    attendees = as_json(
        cli("--db", db, "list", "contacts", "--meeting", str(network["meeting"]), "--json")
    )
    assert [a["id"] for a in attendees] == [network["person"]]
    again = cli("--db", db, "archive", "contact", str(network["person"]))
    assert again.returncode == 1 and "archived already" in again.stderr
    assert cli("--db", db, "unarchive", "contact", str(network["person"])).returncode == 0


def test_delete_refuses_history_and_deletes_the_rest(
    db_path: Path, network: dict[str, int]
) -> None:
    db = str(db_path)
    refused = cli("--db", db, "delete", "organisation", str(network["org"]))
    assert refused.returncode == 1
    assert "has history" in refused.stderr and "attendance: 1" in refused.stderr
    dry = cli("--db", db, "delete", "organisation", str(network["spare"]), "--dry-run")
    assert dry.returncode == 0 and "would delete" in dry.stdout
    done = cli("--db", db, "delete", "organisation", str(network["spare"]))
    assert done.returncode == 0, done.stderr
    assert {
        o["id"] for o in as_json(cli("--db", db, "list", "organisations", "--archived", "--json"))
    } == {network["org"]}


def test_backup_and_restore(db_path: Path, network: dict[str, int], tmp_path: Path) -> None:
    db = str(db_path)
    copy = tmp_path / "sauvegarde.sqlite"
    made = cli("--db", db, "backup", "-o", str(copy))
    assert made.returncode == 0, made.stderr
    assert cli("--db", db, "archive", "organisation", str(network["spare"])).returncode == 0
    restored = cli("--db", db, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert "previous database was saved" in restored.stdout
    names = {o["id"] for o in as_json(cli("--db", db, "list", "organisations", "--json"))}
    assert network["spare"] in names


def test_restore_refuses_garbage_and_leaves_the_database(
    db_path: Path, network: dict[str, int], tmp_path: Path
) -> None:
    before = digest(db_path)
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"\x00garbage" * 512)
    result = cli("--db", str(db_path), "restore", str(garbage))
    assert result.returncode == 1
    assert str(garbage) in result.stderr and "not changed" in result.stderr
    assert digest(db_path) == before


def test_privacy_export_erase_review(
    db_path: Path, network: dict[str, int], tmp_path: Path
) -> None:
    db = str(db_path)
    out = tmp_path / "hong.json"
    assert (
        cli(
            "--db", db, "privacy", "export", "--person", str(network["person"]), "-o", str(out)
        ).returncode
        == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["person"]["last_name"] == "Hồng" and len(data["attendance"]) == 1
    xlsx = tmp_path / "hong.xlsx"
    assert (
        cli(
            "--db", db, "privacy", "export", "--person", str(network["person"]), "-o", str(xlsx)
        ).returncode
        == 0
    )
    assert load_workbook(xlsx)["Présences"].max_row == 2

    before = as_json(cli("--db", db, "list", "meetings", "--json"))
    erased = cli("--db", db, "privacy", "erase", "--person", str(network["person"]))
    assert erased.returncode == 0, erased.stderr
    after = as_json(cli("--db", db, "list", "meetings", "--json"))
    assert [(m["invited"], m["present"]) for m in after] == [
        (m["invited"], m["present"]) for m in before
    ]
    assert cli("--db", db, "privacy", "erase", "--person", str(network["person"])).returncode == 1
    assert as_json(cli("--db", db, "privacy", "review", "--json")) == []
    raw = sqlite3.connect(db_path)
    assert raw.execute("SELECT count(*) FROM erasure_record").fetchone()[0] == 1
    raw.close()
