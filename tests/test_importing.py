"""Applying imports to a real migrated database: matching, all or nothing, idempotence.

Also the command line (`import ...`, `export attendance`, `export report`) as
other tools run it: real processes, real files, exit codes.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import HISTORY_TABLES, Attendance, Base, Contact, Organisation
from resilian_desktop.domain.errors import NotFoundError
from resilian_desktop.imports import ImportKind, read_and_validate
from resilian_desktop.services import contacts, meetings, taskforces
from resilian_desktop.services.importing import ImportRejected, apply_import
from tests import factories as f
from tests.test_imports import SAMPLES, write_xlsx

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)


def snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of record, modification dates included."""
    with db.read() as session:
        return {
            name: [
                tuple(row)
                for row in session.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for name, table in ((n, Base.metadata.tables[n]) for n in HISTORY_TABLES)
        }


def counts(db: Database) -> dict[str, int]:
    return {table: len(rows) for table, rows in snapshot(db).items()}


@pytest.fixture
def targets(db: Database) -> dict[str, int]:
    prog = f.programme(db)
    agency = f.organisation(
        db, "Agence de développement Alsace Nord (ADAN)", kind="agency", commune="Haguenau"
    )
    tf = f.taskforce(db, prog.id, status="active")
    taskforces.add_member(db, tf.id, organisation_id=agency.id)
    meeting = f.meeting(db, prog.id, title="Business corner", start_time="9:00", end_time="16:30")
    return {"programme": prog.id, "taskforce": tf.id, "meeting": meeting.id, "agency": agency.id}


def import_samples(db: Database, targets: dict[str, int]) -> list[str]:
    summaries = []
    for kind, name, options in (
        (ImportKind.ORGANISATIONS, "organisations.xlsx", {}),
        (ImportKind.CONTACTS, "contacts.csv", {}),
        (ImportKind.REGISTRATIONS, "inscriptions.csv", {"meeting_id": targets["meeting"]}),
        (ImportKind.ACTIONS, "feuille_de_route.xlsx", {"taskforce_id": targets["taskforce"]}),
    ):
        result = apply_import(db, read_and_validate(kind, SAMPLES / name), **options)
        assert not result.problems
        summaries.append(result.summary())
    return summaries


def test_the_samples_import_cleanly_and_a_second_time_change_nothing(
    db: Database, targets: dict[str, int]
) -> None:
    first = import_samples(db, targets)
    assert first == [
        "12 created, 0 updated, 0 unchanged, 0 skipped",
        "14 created, 0 updated, 0 unchanged, 0 skipped",
        # Nowak is new; the nine others are contacts already known by e-mail.
        "1 created, 0 updated, 9 unchanged, 0 skipped, 10 added to the meeting, "
        "0 registration(s) updated",
        "6 created, 0 updated, 0 unchanged, 0 skipped",
    ]
    before = snapshot(db)
    second = import_samples(db, targets)
    assert all(" 0 created, 0 updated" in f" {s}" for s in second)
    assert snapshot(db) == before

    with db.read() as session:
        ceramiques = session.scalars(
            select(Organisation).where(Organisation.name == "Céramiques de Soufflenheim")
        ).one()
        assert ceramiques.siret == "00338063127827"
        electro = session.scalars(
            select(Organisation).where(Organisation.siret == "59700624603895")
        ).one()
        assert electro.name == "Électro-Bobinage d'Alsace"  # trailing space gone
        muller = session.scalars(
            select(Contact).where(Contact.email == "j.muller@exemple-0.fr")
        ).one()
        # The registration form does not overwrite what the contacts file said.
        assert (muller.last_name, muller.phone) == ("Muller", "03 88 39 28 76")
        nowak = session.scalars(select(Contact).where(Contact.last_name == "Nowak")).one()
        assert nowak.organisation_id is not None
        listed = session.scalars(
            select(Attendance).where(Attendance.meeting_id == targets["meeting"])
        ).all()
        assert {a.status for a in listed} == {"registered"}
        nowak_row = next(a for a in listed if a.person_id == nowak.id)
        assert nowak_row.organisation_name == "Tôlerie Wendling & Fils"
        assert nowak_row.job_title == "Soudeur chef d'équipe"
    actions = taskforces.list_actions(db, taskforce_id=targets["taskforce"])
    assert [a.title for a in actions][:2] == [
        "Cartographier les besoins en compétences de soudage",
        "Recenser les formations existantes (CFAI, lycées)",
    ]
    assert [a.position for a in actions] == [1, 2, 3, 4, 5, 6]
    done, agency_action = actions[0], actions[1]
    assert (done.status, done.progress, done.due_date) == ("done", 100, dt.date(2026, 10, 15))
    assert done.owner_organisation_id is not None
    assert agency_action.owner_organisation_id == targets["agency"]  # "Agence"
    assert (agency_action.progress, agency_action.due_date) == (50, dt.date(2026, 11, 30))
    assert [a.is_milestone for a in actions] == [False, False, True, False, False, True]


def test_all_or_nothing_then_skip_invalid(db: Database, tmp_path: Path) -> None:
    f.programme(db)
    path = tmp_path / "orgs.csv"
    path.write_text(
        "Raison sociale;SIRET;Commune\n"
        "Fonderie;73282932000074;Reichshoffen\n"
        "Mauvaise;73282932000075;Haguenau\n"
        "Plasturgie;;Haguenau\n",
        encoding="utf-8",
    )
    before = counts(db)
    preview = read_and_validate(ImportKind.ORGANISATIONS, path)
    with pytest.raises(ImportRejected) as rejected:
        apply_import(db, preview)
    assert [str(p) for p in rejected.value.problems] == [
        'row 3, column "SIRET": SIRET "73282932000075" is not valid (its check digit is wrong)'
    ]
    assert counts(db) == before
    dry = apply_import(db, preview, skip_invalid=True, dry_run=True)
    assert (dry.created, dry.skipped, dry.applied) == (2, 1, False)
    assert counts(db) == before
    result = apply_import(db, preview, skip_invalid=True)
    assert (result.created, result.skipped) == (2, 1)
    assert counts(db)["organisation"] == before["organisation"] + 2


def test_existing_records_are_updated_never_erased(db: Database, tmp_path: Path) -> None:
    f.programme(db)
    known = f.organisation(db, "Fonderie SAS", siret=f.SIRET_A, headcount=10, sector="Fonte")
    no_siret = f.organisation(db, "Plasturgie", commune="Haguenau", postcode="67500")
    path = write_xlsx(
        tmp_path / "orgs.xlsx",
        [
            ["Raison sociale", "SIRET", "Commune", "Effectif", "Secteur"],
            ["Fonderie", 73282932000074, "Reichshoffen", 25, None],
            ["plasturgie", f.SIRET_B, "HAGUENAU", None, "Plasturgie"],
        ],
    )
    result = apply_import(db, read_and_validate(ImportKind.ORGANISATIONS, path))
    assert (result.created, result.updated) == (0, 2)
    assert result.outcomes[0].changed == ("name", "headcount")
    with db.read() as session:
        fonderie = session.get(Organisation, known.id)
        assert fonderie is not None
        assert (fonderie.name, fonderie.headcount, fonderie.sector) == ("Fonderie", 25, "Fonte")
        plasturgie = session.get(Organisation, no_siret.id)
        assert plasturgie is not None and plasturgie.siret == f.SIRET_B
        assert plasturgie.postcode == "67500"


def test_contacts_match_by_email_then_names(db: Database, tmp_path: Path) -> None:
    org = f.organisation(db, "Fonderie Cœur d'Alsace")
    anais = f.contact(db, organisation_id=org.id, email="Anais.Muller@Fonderie.fr")
    lukasz = f.contact(db, "Łukasz", "Wiśniewski", organisation_id=org.id)
    path = tmp_path / "contacts.csv"
    path.write_text(
        "Nom,Prénom,Structure,Fonction,E-mail\n"
        "MÜLLER,Anaïs,Fonderie Coeur d'Alsace,Directrice,anais.muller@fonderie.fr\n"
        "Wisniewski,Lukasz,FONDERIE CŒUR D’ALSACE,Soudeur,\n"
        "Neuve,Nina,Mairie de Seltz,Maire,\n",
        encoding="utf-8",
    )
    result = apply_import(db, read_and_validate(ImportKind.CONTACTS, path))
    assert [o.action for o in result.outcomes] == ["updated", "updated", "created"]
    assert [o.record_id for o in result.outcomes[:2]] == [anais.id, lukasz.id]
    assert result.organisations_created == ("Mairie de Seltz",)
    updated = contacts.get_contact(db, anais.id)
    # The address is kept as it was: only its case differed.
    assert (updated.email, updated.job_title) == ("Anais.Muller@fonderie.fr", "Directrice")
    with db.read() as session:
        mairie = session.scalars(
            select(Organisation).where(Organisation.name == "Mairie de Seltz")
        ).one()
        assert mairie.kind == "other"  # not counted as a company until checked


def test_registrations_never_downgrade_a_recorded_presence(
    db: Database, targets: dict[str, int], tmp_path: Path
) -> None:
    org = f.organisation(db)
    anna = f.contact(db, "Anna", "Zimmer", organisation_id=org.id, email="anna@f.fr")
    bruno = f.contact(db, "Bruno", "Adam", organisation_id=org.id, email="bruno@f.fr")
    meeting_id = targets["meeting"]
    meetings.set_attendance(db, meeting_id, [anna.id], status="invited")
    meetings.set_attendance(db, meeting_id, [bruno.id], status="present")
    path = tmp_path / "inscrits.csv"
    path.write_text(
        "Nom;Prénom;E-mail;Téléphone\nZimmer;Anna;ANNA@F.FR;0612345678\nAdam;Bruno;bruno@f.fr;\n",
        encoding="utf-8",
    )
    result = apply_import(
        db, read_and_validate(ImportKind.REGISTRATIONS, path), meeting_id=meeting_id
    )
    assert [(o.action, o.attendance) for o in result.outcomes] == [
        ("updated", "updated"),  # phone filled in; invited -> registered
        ("unchanged", "unchanged"),  # present stays present
    ]
    statuses = {a.person_id: a.status for a in meetings.list_attendance(db, meeting_id)}
    assert statuses == {anna.id: "registered", bruno.id: "present"}
    with pytest.raises(NotFoundError):
        apply_import(db, read_and_validate(ImportKind.REGISTRATIONS, path), meeting_id=999)


def test_action_owners_are_found_or_reported(
    db: Database, targets: dict[str, int], tmp_path: Path
) -> None:
    org = f.organisation(db, "Fonderie Cœur d'Alsace SAS")
    anna = f.contact(db, "Anna", "Zimmer", organisation_id=org.id)
    path = write_xlsx(
        tmp_path / "roadmap.xlsx",
        [
            ["Action", "Porteur", "Statut"],
            ["Une", "Anna Zimmer (Fonderie)", "En cours"],
            ["Deux", "fonderie coeur d'alsace", "Fait"],
            ["Trois", "ADAN", None],
            ["Quatre", "Personne Inconnue", None],
        ],
    )
    preview = read_and_validate(ImportKind.ACTIONS, path)
    with pytest.raises(ImportRejected) as rejected:
        apply_import(db, preview, taskforce_id=targets["taskforce"])
    assert [(p.row, p.column, p.code) for p in rejected.value.problems] == [
        (5, "Porteur", "owner_unknown")
    ]
    result = apply_import(db, preview, taskforce_id=targets["taskforce"], skip_invalid=True)
    assert result.created == 3
    actions = {a.title: a for a in taskforces.list_actions(db, taskforce_id=targets["taskforce"])}
    assert actions["Une"].owner_person_id == anna.id
    assert actions["Deux"].owner_organisation_id == org.id
    assert actions["Trois"].owner_organisation_id == targets["agency"]
    done_on = actions["Deux"].done_date
    assert done_on is not None
    # Reopening an action on a later import clears its done date; the position
    # stays; the title, matched whatever its case, is written as the file has it.
    reopened = write_xlsx(
        tmp_path / "later.xlsx", [["Action", "Statut", "Avancement"], ["deux", "En cours", "60 %"]]
    )
    apply_import(
        db, read_and_validate(ImportKind.ACTIONS, reopened), taskforce_id=targets["taskforce"]
    )
    again = taskforces.list_actions(db, taskforce_id=targets["taskforce"])[1]
    assert (again.title, again.status, again.progress, again.done_date) == (
        "deux",
        "in_progress",
        60,
        None,
    )


# --- the command line --------------------------------------------------------------


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resilian_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )


def test_cli_imports(
    db_location: str, targets: dict[str, int], tmp_path: Path, db: Database
) -> None:
    db.dispose()
    base = ("--db", db_location, "import")
    result = cli(*base, "organisations", str(SAMPLES / "organisations.xlsx"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "organisations.xlsx: 12 created, 0 updated, 0 unchanged, 0 skipped\n"
    again = cli(*base, "organisations", str(SAMPLES / "organisations.xlsx"))
    assert "0 created, 0 updated, 12 unchanged" in again.stdout
    registrations = cli(
        *base,
        "registrations",
        "--meeting",
        str(targets["meeting"]),
        str(SAMPLES / "inscriptions.csv"),
    )
    assert registrations.returncode == 0, registrations.stderr
    assert "10 added to the meeting" in registrations.stdout

    bad = tmp_path / "bad.csv"
    bad.write_text("Nom;Prénom;E-mail\n;Jean;jean@\nDupont;;x@y.fr\n", encoding="cp1252")
    rejected = cli(*base, "contacts", str(bad))
    assert rejected.returncode == 1
    assert rejected.stderr.splitlines() == [
        'error: bad.csv: row 2, column "Nom": Nom is required',
        'error: bad.csv: row 2, column "E-mail": Email address "jean@" is not valid: '
        "There must be something after the @-sign.",
        'error: bad.csv: row 3, column "Prénom": Prénom is required',
        "error: bad.csv: nothing imported (3 problems); correct the file, "
        "or use --skip-invalid to import the valid rows",
    ]
    mapped = cli(*base, "contacts", str(bad), "--map", "Nom=first_name", "--map", "Prénom=")
    assert mapped.returncode == 1
    assert mapped.stderr.startswith('error: bad.csv: row 1: no column for "Nom" (required)')
    wrong_field = cli(*base, "contacts", str(bad), "--map", "Nom=nickname")
    assert wrong_field.returncode == 2 and "no field" in wrong_field.stderr
    missing = cli(*base, "actions", "--taskforce", "999", str(SAMPLES / "feuille_de_route.xlsx"))
    assert (missing.returncode, missing.stderr) == (1, "error: taskforce 999 does not exist\n")


def test_cli_exports(db_location: str, db: Database, tmp_path: Path) -> None:
    from tests.attendance_network import network

    ids = network(db)
    db.dispose()
    out = tmp_path / "emargement.xlsx"
    result = cli(
        "--db", db_location, "export", "attendance",
        "--meeting", str(ids["held"]), "--meeting", str(ids["planned"]), "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"2 attendance sheets (record, to sign) written to {out}\n"
    assert len(load_workbook(out).sheetnames) == 2
    report = tmp_path / "rapport.xlsx"
    result = cli(
        "--db", db_location, "export", "report", "--from", "2026-01-01", "--to", "2026-12-31",
        "--programme", str(ids["programme"]), "-o", str(report),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert load_workbook(report).sheetnames[0] == "Synthèse"
    backwards = cli(
        "--db", db_location, "export", "report", "--from", "2026-12-31", "--to", "2026-01-01",
        "-o", str(report),
    )  # fmt: skip
    assert backwards.returncode == 2 and "before" in backwards.stderr
    unknown = cli("--db", db_location, "export", "attendance", "--meeting", "999", "-o", str(out))
    assert (unknown.returncode, unknown.stderr) == (1, "error: meeting 999 does not exist\n")
    several_pdf = cli(
        "--db", db_location, "export", "attendance", "--meeting", "1", "--meeting", "2",
        "--pdf", "-o", str(tmp_path / "x.pdf"),
    )  # fmt: skip
    assert several_pdf.returncode == 2


def test_cli_pdf_attendance_sheet(db_location: str, db: Database, tmp_path: Path) -> None:
    from tests.attendance_network import network

    ids = network(db)
    db.dispose()
    target = tmp_path / "emargement.pdf"
    result = cli(
        "--db", db_location, "export", "attendance", "--meeting", str(ids["held"]),
        "--pdf", "-o", str(target),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"1 attendance sheet (record) written to {target}\n"
    assert target.read_bytes().startswith(b"%PDF")
    blank = cli(
        "--db", db_location, "export", "attendance", "--meeting", str(ids["held"]),
        "--blank", "--pdf", "-o", str(target),
    )  # fmt: skip
    assert blank.stdout == f"1 attendance sheet (to sign) written to {target}\n"
