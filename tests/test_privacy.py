"""Personal data: access, erasure that keeps the figures true, review of inactive contacts."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from resilian_desktop.db.engine import Database
from resilian_desktop.documents.personal_data.xlsx import write_contact_workbook
from resilian_desktop.services import contacts, meetings, taskforces
from resilian_desktop.services.privacy import (
    ERASED_LAST_NAME,
    AlreadyErased,
    contact_data,
    erase_contact,
    erasure_register,
    review_inactive,
)
from resilian_desktop.services.search import search
from resilian_desktop.services.stats import Period, period_figures
from tests import factories as f
from tests.postgres import pg_bin

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)


def network(db: Database) -> dict[str, int]:
    prog = f.programme(db)
    org = f.organisation(db)
    lukasz = f.contact(
        db,
        "Łukasz",
        "Wiśniewski",
        organisation_id=org.id,
        email="lukasz@fonderie.fr",
        phone="03 88 12 34 56",
        job_title="Responsable RH",
        notes="Préfère être appelé le matin",
    )
    other = f.contact(db, "Anaïs", "Müller", organisation_id=org.id)
    tf = f.taskforce(db, prog.id, status="active")
    taskforces.add_member(db, tf.id, person_id=lukasz.id)
    taskforces.add_action(
        db, tf.id, taskforces.ActionDraft(title="Diagnostic", owner_person_id=lukasz.id)
    )
    for day in (3, 17):
        meeting = f.meeting(
            db, prog.id, title=f"Réunion du {day}", date=dt.date(2026, 3, day), status="held"
        )
        meetings.set_attendance(db, meeting.id, [lukasz.id, other.id], status="present")
    return {"lukasz": lukasz.id, "other": other.id, "taskforce": tf.id}


def test_contact_data_holds_everything_attendance_included(db: Database, tmp_path: Path) -> None:
    ids = network(db)
    data = contact_data(db, ids["lukasz"])
    assert data["person"]["first_name"] == "Łukasz"
    assert data["person"]["email"] == "lukasz@fonderie.fr"
    assert data["person"]["notes"] == "Préfère être appelé le matin"
    assert [a["meeting"] for a in data["attendance"]] == ["Réunion du 3", "Réunion du 17"]
    assert data["attendance"][0]["organisation_on_the_day"] == "Fonderie Cœur d'Alsace"
    assert data["taskforce_memberships"][0]["taskforce"] == "Mutualisation des achats d'énergie"
    assert data["roadmap_actions_owned"][0]["action"] == "Diagnostic"
    json.dumps(data, ensure_ascii=False)  # plain JSON data

    target = tmp_path / "lukasz.xlsx"
    write_contact_workbook(data, target)
    book = load_workbook(target)
    values = {row[0]: row[1] for row in book["Personne"].iter_rows(min_row=2, values_only=True)}
    assert values["Prénom"] == "Łukasz" and values["E-mail"] == "lukasz@fonderie.fr"
    assert [r[1] for r in book["Présences"].iter_rows(min_row=2, values_only=True)] == [
        "Réunion du 3",
        "Réunion du 17",
    ]


def test_formula_text_in_a_contact_workbook_stays_text(db: Database, tmp_path: Path) -> None:
    who = f.contact(db, '=HYPERLINK("http://x")', "Test", notes="@SUM(A1)\x07")
    target = tmp_path / "p.xlsx"
    write_contact_workbook(contact_data(db, who.id), target)
    cells = [c for row in load_workbook(target)["Personne"].iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    guarded = [c for c in cells if c.value == '=HYPERLINK("http://x")']
    assert guarded and all(c.data_type == "s" and c.quotePrefix for c in guarded)


def test_erasure_keeps_counts_and_removes_identity(
    db: Database, db_path: Path, db_location: str, engine: str
) -> None:
    ids = network(db)
    year = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    before = period_figures(db, year, today=dt.date(2026, 6, 1))
    erase_contact(db, ids["lukasz"])
    assert period_figures(db, year, today=dt.date(2026, 6, 1)) == before

    erased = contacts.get_contact(db, ids["lukasz"])
    assert (erased.first_name, erased.last_name) == ("", ERASED_LAST_NAME)
    assert erased.email is None and erased.phone is None and erased.notes is None
    assert erased.job_title is None and erased.erased_at is not None
    assert ids["lukasz"] not in {p.id for p in contacts.list_contacts(db)}
    with db.read() as session:
        assert search(session, "wisniewski") == []
        assert search(session, "lukasz") == []
    # Nothing of the person is left in the rows (attendance included).
    db.dispose()
    if engine == "postgresql":
        dump = subprocess.run(
            [str(pg_bin() / "pg_dump"), "--format=plain", f"--dbname={db_location}"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    else:
        raw = sqlite3.connect(db_path)
        dump = "\n".join(raw.iterdump())
        raw.close()
    for secret in (
        "Łukasz",
        "Wiśniewski",
        "lukasz@fonderie.fr",
        "03 88 12 34 56",
        "Préfère",
        "Responsable RH",
    ):
        assert secret not in dump
    assert "Anaïs" in dump  # other people are untouched
    if engine == "postgresql":
        return  # dead rows leave the server's files at its next VACUUM (README)
    # Nor in the file's bytes: free pages, the search index's segments.
    raw = sqlite3.connect(db_path)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    content = db_path.read_bytes()
    for secret in ("wisniewski", "lukasz@fonderie.fr", "Wiśniewski", "Préfère", "prefere"):
        assert secret.encode() not in content, secret


def test_erasure_register_and_second_erasure(db: Database) -> None:
    ids = network(db)
    entry = erase_contact(db, ids["lukasz"])
    register = erasure_register(db)
    assert [(e[0], e[2]) for e in register] == [(entry, 2)]
    with pytest.raises(AlreadyErased):
        erase_contact(db, ids["lukasz"])


def test_review_lists_contacts_inactive_for_three_years(db: Database) -> None:
    ids = network(db)
    today = dt.date(2029, 6, 1)
    assert {r.id for r in review_inactive(db, today=today)} == set()  # consent dated today
    later = dt.date.today() + dt.timedelta(days=3 * 366 + 30)
    rows = review_inactive(db, today=later)
    assert {r.id for r in rows} == {ids["lukasz"], ids["other"]}
    erase_contact(db, ids["lukasz"])
    assert {r.id for r in review_inactive(db, today=later)} == {ids["other"]}
