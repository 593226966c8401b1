"""The command line as other tools use it: real processes, real files, exit codes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from resilian_desktop.db.engine import Database
from resilian_desktop.services import meetings, organisations, programmes, taskforces
from tests import factories as f


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resilian_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def small_network(db: Database) -> dict[str, int]:
    prog = f.programme(db)
    lean = programmes.create_topic(db, "Lean")
    org = f.organisation(db, "Fonderie Cœur d'Alsace", siret=f.SIRET_A, need_topic_ids=(lean.id,))
    organisations.add_membership(db, org.id, prog.id, since="01/01/2020")
    anais = f.contact(db, organisation_id=org.id, email="anais@fonderie.fr")
    lukasz = f.contact(db, "Łukasz", "Wiśniewski", organisation_id=org.id)
    tf = f.taskforce(db, prog.id, lead_organisation_id=org.id, status="active")
    taskforces.add_member(db, tf.id, person_id=lukasz.id)
    taskforces.add_action(
        db,
        tf.id,
        taskforces.ActionDraft(
            title="Diagnostic énergie", owner_person_id=lukasz.id, due_date="01/02/2020"
        ),
    )
    meeting = f.meeting(db, prog.id, taskforce_id=tf.id, start_time="9:00", end_time="16:30")
    meetings.set_attendance(db, meeting.id, [anais.id, lukasz.id], status="invited")
    meetings.set_attendance(db, meeting.id, [anais.id], status="present")
    db.dispose()
    return {
        "org": org.id,
        "anais": anais.id,
        "lukasz": lukasz.id,
        "tf": tf.id,
        "meeting": meeting.id,
    }


def as_json(result: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


def test_list_json_contract(db_path: Path, small_network: dict[str, int]) -> None:
    orgs = as_json(cli("--db", str(db_path), "list", "organisations", "--json"))
    assert [(o["id"], o["name"]) for o in orgs] == [
        (small_network["org"], "Fonderie Cœur d'Alsace")
    ]
    # Topics and memberships are the organisation's, not empty placeholders.
    assert (orgs[0]["need_topics"], orgs[0]["expertise_topics"]) == (["Lean"], [])
    memberships = orgs[0]["memberships"]
    assert isinstance(memberships, list)
    assert [(m["programme_name"], m["since"]) for m in memberships] == [
        ("RESILIAN - Alsace du Nord", "2020-01-01")
    ]

    contacts = as_json(cli("--db", str(db_path), "list", "contacts", "--json"))
    assert {(c["first_name"], c["last_name"], c["organisation"]) for c in contacts} == {
        ("Anaïs", "Müller", "Fonderie Cœur d'Alsace"),
        ("Łukasz", "Wiśniewski", "Fonderie Cœur d'Alsace"),
    }
    assert all("id" in c for c in contacts)

    meeting_list = as_json(cli("--db", str(db_path), "list", "meetings", "--json"))
    assert meeting_list[0]["id"] == small_network["meeting"]
    assert (meeting_list[0]["date"], meeting_list[0]["kind"]) == ("2026-03-12", "business_corner")
    assert (meeting_list[0]["invited"], meeting_list[0]["present"]) == (2, 1)
    assert meeting_list[0]["title"] == "Business corner — Lean"

    tfs = as_json(cli("--db", str(db_path), "list", "taskforces", "--json"))
    assert [(t["id"], t["name"]) for t in tfs] == [
        (small_network["tf"], "Mutualisation des achats d'énergie")
    ]

    actions = as_json(
        cli(
            "--db",
            str(db_path),
            "list",
            "actions",
            "--taskforce",
            str(small_network["tf"]),
            "--json",
        )
    )
    assert [(a["title"], a["status"], a["due_date"], a["owner"]) for a in actions] == [
        ("Diagnostic énergie", "todo", "2020-02-01", "Łukasz Wiśniewski (Fonderie Cœur d'Alsace)")
    ]
    assert actions[0]["late"] is True


def test_list_contacts_of_a_meeting_and_of_a_taskforce(
    db_path: Path, small_network: dict[str, int]
) -> None:
    attendees = as_json(
        cli(
            "--db",
            str(db_path),
            "list",
            "contacts",
            "--meeting",
            str(small_network["meeting"]),
            "--json",
        )
    )
    assert {(a["id"], a["status"]) for a in attendees} == {
        (small_network["anais"], "present"),
        (small_network["lukasz"], "invited"),
    }
    members = as_json(
        cli(
            "--db",
            str(db_path),
            "list",
            "contacts",
            "--taskforce",
            str(small_network["tf"]),
            "--json",
        )
    )
    assert [m["id"] for m in members] == [small_network["lukasz"]]


def test_search_json_finds_without_accents(db_path: Path, small_network: dict[str, int]) -> None:
    hits = as_json(cli("--db", str(db_path), "search", "coeur", "--json"))
    assert {
        "type": "organisation",
        "id": small_network["org"],
        "label": "Fonderie Cœur d'Alsace (Reichshoffen)",
        "context": "",  # the label shows what matched
    } in hits
    contacts = as_json(cli("--db", str(db_path), "search", "lukasz", "--json"))
    assert [(h["type"], h["id"]) for h in contacts] == [("contact", small_network["lukasz"])]
    assert as_json(cli("--db", str(db_path), "search", "introuvable", "--json")) == []


def test_database_from_environment_variable(db_path: Path, small_network: dict[str, int]) -> None:
    orgs = as_json(cli("list", "organisations", "--json", env={"RESILIAN_DB": str(db_path)}))
    assert len(orgs) == 1


def test_check_reports_ok_then_a_broken_reference(
    db_path: Path, small_network: dict[str, int]
) -> None:
    ok = cli("--db", str(db_path), "check")
    assert ok.returncode == 0, ok.stderr
    import sqlite3

    raw = sqlite3.connect(db_path)
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute("DELETE FROM person WHERE id = ?", (small_network["anais"],))
    raw.commit()
    raw.close()
    broken = cli("--db", str(db_path), "check")
    assert broken.returncode == 1
    assert "attendance" in broken.stderr and str(db_path) in broken.stderr


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_refused_file_exit_1_one_line_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("Nom;Prénom\nMüller;Anaïs\n", encoding="utf-8")
    before = digest(path)
    result = cli("--db", str(path), "list", "organisations", "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "not a SQLite database" in lines[0]
    assert digest(path) == before


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "widgets"),
        ("list", "organisations", "--meeting", "1"),
        ("demo", "--scale", "0"),
        ("frobnicate",),
        ("--demo", "check"),
    ],
)
def test_wrong_usage_exits_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = cli("--db", str(tmp_path / "x.sqlite"), *args)
    assert result.returncode == 2, result.stderr


def test_unknown_id_is_a_data_problem(db_path: Path, small_network: dict[str, int]) -> None:
    result = cli("--db", str(db_path), "list", "actions", "--taskforce", "999", "--json")
    assert result.returncode == 1
    assert "taskforce 999 does not exist" in result.stderr


def test_demo_fills_then_refuses_a_non_empty_database(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    first = cli("--db", str(path), "demo")
    assert first.returncode == 0, first.stderr
    orgs = as_json(cli("--db", str(path), "list", "organisations", "--json"))
    assert 30 <= len(orgs) <= 60
    hits = as_json(cli("--db", str(path), "search", "coeur", "--json"))
    assert any("Cœur" in str(h["label"]) for h in hits)
    assert cli("--db", str(path), "check").returncode == 0
    before = digest(path)
    again = cli("--db", str(path), "demo")
    assert again.returncode == 1
    assert "already" in again.stderr
    assert len(as_json(cli("--db", str(path), "list", "organisations", "--json"))) == len(orgs)
    del before


def test_a_reader_that_goes_away_ends_the_command_quietly(
    db_path: Path, small_network: dict[str, int]
) -> None:
    """`resilian-desktop list contacts --json | head -c 1`: no error, exit 0."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    try:
        result = subprocess.run(
            [sys.executable, "-m", "resilian_desktop", "--db", str(db_path), "list", "contacts"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, "")
