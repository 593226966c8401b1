"""Duplicates on every path: one rule for the record windows and the imports.

Organisations: the same SIRET, or the same folded name in the same commune
whatever the SIRET. Contacts: the same e-mail address, or the same folded
name in the same organisation. The import reports a probable duplicate per
row, and the officer resolves it: this row is that record (same_as), or
another one (new_rows).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Attendance, Contact, Organisation
from resilian_desktop.demo import generate_demo
from resilian_desktop.domain import duplicates as dup
from resilian_desktop.domain.errors import ValidationError
from resilian_desktop.imports import ImportKind, read_and_validate
from resilian_desktop.services import contacts, organisations
from resilian_desktop.services.common import DuplicateError
from resilian_desktop.services.importing import ImportRejected, apply_import
from tests import factories as f
from tests.test_demo import TODAY, new_database
from tests.test_imports import SAMPLES, write_xlsx

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)

SIRET_A = "73282932000074"
SIRET_B = "35600000000048"  # La Poste's exception: a valid SIRET too


# --- the rule --------------------------------------------------------------


def test_the_organisation_rule() -> None:
    existing = dup.OrganisationIdentity("Fonderie X SAS", "Haguenau", SIRET_A)
    match = dup.organisation_match
    assert match(dup.OrganisationIdentity("Other", None, SIRET_A), existing) is dup.Match.SIRET
    # Same name (legal form, accents and case ignored) in the same commune,
    # whatever the SIRET.
    for new in (
        dup.OrganisationIdentity("fonderie x", "HAGUENAU"),
        dup.OrganisationIdentity("Fonderie X", "Haguenau", SIRET_B),
        dup.OrganisationIdentity("Fonderie X", None),  # commune unknown: may be the same
    ):
        assert match(new, existing) is dup.Match.NAME_COMMUNE
    assert match(dup.OrganisationIdentity("Fonderie X", "Bischwiller"), existing) is None
    assert dup.is_probable_duplicate(
        dup.OrganisationIdentity("Fonderie X", None, SIRET_B), existing
    )
    assert not dup.is_probable_duplicate(dup.OrganisationIdentity("Fonderie X"), existing)


def test_the_contact_rule() -> None:
    existing = dup.ContactIdentity("Anaïs", "Müller", "a.muller@example.fr", 3)
    match = dup.contact_match
    assert (
        match(dup.ContactIdentity("X", "Y", "A.Muller@Example.fr", 9), existing) is dup.Match.EMAIL
    )
    assert match(dup.ContactIdentity("anais", "MULLER", None, 3), existing) is dup.Match.NAME
    assert match(dup.ContactIdentity("Anaïs", "Müller", None, 4), existing) is None
    assert dup.is_other_contact(dup.ContactIdentity("X", "Y"), existing)


# --- the record windows' warning -------------------------------------------


def _confirmed_duplicate(db: Database, siret: str) -> organisations.OrganisationRow:
    """A second "Fonderie X" in Haguenau, saved after the officer confirmed it."""
    draft = organisations.OrganisationDraft(
        name="Fonderie X", commune="Haguenau", postcode="67500", siret=siret
    )
    return organisations.create_organisation(db, draft, allow_duplicate=True)


def test_the_form_warns_of_the_same_name_in_the_same_commune_whatever_the_siret(
    db: Database,
) -> None:
    first = f.organisation(db, "Fonderie X", commune="Haguenau", postcode="67500", siret=SIRET_A)
    with pytest.raises(DuplicateError) as caught:
        f.organisation(db, "FONDERIE X SAS", commune="haguenau", postcode="67500", siret=SIRET_B)
    assert caught.value.matches == ((first.id, "Fonderie X", "name_commune"),)
    with pytest.raises(ValidationError) as refused:
        f.organisation(db, "Autre nom", commune="Brumath", postcode="67170", siret=SIRET_A)
    assert [(p.field, p.code) for p in refused.value.problems] == [("siret", "siret_taken")]
    # Confirmed by the officer: saved.
    _confirmed_duplicate(db, SIRET_B)


def test_the_form_warns_of_a_contact_with_the_same_email(db: Database) -> None:
    first = f.contact(db, "Anaïs", "Müller", email="a.muller@example.fr")
    with pytest.raises(DuplicateError) as caught:
        f.contact(db, "Anna", "Miller", email="A.Muller@example.fr")
    assert caught.value.matches == ((first.id, "Anaïs Müller", "email"),)


# --- the import ------------------------------------------------------------


def _organisations_file(tmp_path: Path, *rows: list[object]) -> Path:
    header: list[object] = ["Raison sociale", "SIRET", "Code postal", "Commune"]
    return write_xlsx(tmp_path / "organisations.xlsx", [header, *rows])


def test_the_import_reports_a_probable_duplicate_naming_the_record(
    db: Database, tmp_path: Path
) -> None:
    existing = f.organisation(db, "Fonderie X", commune="Haguenau", postcode="67500", siret=SIRET_A)
    path = _organisations_file(
        tmp_path,
        ["Fonderie X", SIRET_B, 67500, "Haguenau"],
        ["Tôlerie Y", None, 67110, "Reichshoffen"],
    )
    preview = read_and_validate(ImportKind.ORGANISATIONS, path)
    with pytest.raises(ImportRejected) as rejected:
        apply_import(db, preview)
    (problem,) = rejected.value.problems
    assert (problem.row, problem.column, problem.code) == (2, "SIRET", "probable_duplicate")
    assert f"#{existing.id}" in problem.message and "--same-as 2=" in problem.message
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Organisation)) == 1

    skipped = apply_import(db, preview, skip_invalid=True)
    assert (skipped.created, skipped.skipped) == (1, 1)


def test_the_officer_says_which_record_a_row_is(db: Database, tmp_path: Path) -> None:
    existing = f.organisation(db, "Fonderie X", commune="Haguenau", postcode="67500", siret=SIRET_A)
    path = _organisations_file(tmp_path, ["Fonderie X", SIRET_B, 67500, "Haguenau"])
    preview = read_and_validate(ImportKind.ORGANISATIONS, path)

    mapped = apply_import(db, preview, same_as={2: existing.id})
    assert (mapped.updated, mapped.created) == (1, 0)
    updated = organisations.get_organisation(db, existing.id)
    assert (updated.siret, updated.siren) == (SIRET_B, SIRET_B[:9])

    other = _confirmed_duplicate(db, SIRET_A)
    second = _organisations_file(tmp_path, ["Fonderie X", SIRET_A, 67500, "Haguenau"])
    # The SIRET of the row belongs to another record than the one named.
    with pytest.raises(ImportRejected) as taken:
        apply_import(
            db, read_and_validate(ImportKind.ORGANISATIONS, second), same_as={2: existing.id}
        )
    assert [p.code for p in taken.value.problems] == ["siret_taken"]
    assert other.id != existing.id


def test_the_officer_says_a_row_is_another_site(db: Database, tmp_path: Path) -> None:
    f.organisation(db, "Fonderie X", commune="Haguenau", postcode="67500", siret=SIRET_A)
    path = _organisations_file(tmp_path, ["Fonderie X", SIRET_B, 67500, "Haguenau"])
    result = apply_import(db, read_and_validate(ImportKind.ORGANISATIONS, path), new_rows=[2])
    assert result.created == 1


def test_two_rows_of_one_file_with_the_same_name_and_commune(tmp_path: Path) -> None:
    path = _organisations_file(
        tmp_path,
        ["Fonderie X", SIRET_A, 67500, "Haguenau"],
        ["Fonderie X SAS", SIRET_B, 67500, "Haguenau"],
    )
    preview = read_and_validate(ImportKind.ORGANISATIONS, path)
    assert [p.code for p in preview.rows[1].problems] == ["duplicate_row"]


def test_an_email_known_under_another_name_is_a_probable_duplicate(
    db: Database, tmp_path: Path
) -> None:
    known = f.contact(db, "Anaïs", "Müller", email="contact@fonderie.fr")
    path = write_xlsx(
        tmp_path / "contacts.xlsx",
        [["Nom", "Prénom", "E-mail"], ["Weber", "Rémi", "contact@fonderie.fr"]],
    )
    preview = read_and_validate(ImportKind.CONTACTS, path)
    with pytest.raises(ImportRejected) as rejected:
        apply_import(db, preview)
    (problem,) = rejected.value.problems
    assert (problem.code, problem.column) == ("probable_duplicate", "E-mail")
    assert f"#{known.id}" in problem.message
    assert contacts.get_contact(db, known.id).last_name == "Müller"  # not renamed silently
    assert apply_import(db, preview, new_rows=[2]).created == 1


# --- the public samples into the demo network -------------------------------


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo-samples")
    db = new_database(folder)
    generate_demo(db, today=TODAY)
    db.dispose()
    return folder / "demo.sqlite"


def _copy(demo_file: Path, tmp_path: Path) -> Database:
    shutil.copy(demo_file, tmp_path / "demo.sqlite")
    return new_database(tmp_path)


def _named(db: Database, name: str) -> list[int]:
    with db.read() as session:
        return [
            o.id
            for o in session.scalars(select(Organisation).order_by(Organisation.id))
            if dup.comparable_name(o.name) == dup.comparable_name(name)
        ]


def test_samples_organisations_then_contacts(demo_file: Path, tmp_path: Path) -> None:
    """The issue's story: no second "Céramiques de Soufflenheim", and contacts.csv goes in."""
    db = _copy(demo_file, tmp_path)
    (ceramics,) = _named(db, "Céramiques de Soufflenheim")
    organisations_file = read_and_validate(ImportKind.ORGANISATIONS, SAMPLES / "organisations.xlsx")
    with pytest.raises(ImportRejected) as rejected:
        apply_import(db, organisations_file)
    (problem,) = rejected.value.problems
    assert problem.code == "probable_duplicate"
    assert f'#{ceramics} "Céramiques de Soufflenheim" (Soufflenheim)' in problem.message
    # The officer's answer: this row is that record.
    result = apply_import(db, organisations_file, same_as={problem.row: ceramics})
    assert (result.created, result.updated) == (11, 1)
    assert _named(db, "Céramiques de Soufflenheim") == [ceramics]
    contacts = apply_import(db, read_and_validate(ImportKind.CONTACTS, SAMPLES / "contacts.csv"))
    assert not contacts.problems and not contacts.organisations_created
    db.dispose()


def test_samples_contacts_then_organisations_then_registrations(
    demo_file: Path, tmp_path: Path
) -> None:
    """The other order: each company once, and inscriptions.csv is accepted."""
    db = _copy(demo_file, tmp_path)
    contacts = apply_import(db, read_and_validate(ImportKind.CONTACTS, SAMPLES / "contacts.csv"))
    created_by_contacts = set(contacts.organisations_created)
    assert created_by_contacts
    organisations_file = read_and_validate(ImportKind.ORGANISATIONS, SAMPLES / "organisations.xlsx")
    result = apply_import(db, organisations_file, skip_invalid=True)
    # The companies the contacts file named are completed, not created again.
    assert result.created == 0
    for name in created_by_contacts:
        assert len(_named(db, name)) == 1, name
    with db.read() as session:
        meeting_id = session.scalar(select(func.min(Attendance.meeting_id)))
        contact_count = session.scalar(select(func.count()).select_from(Contact))
    assert meeting_id is not None and contact_count
    registrations = apply_import(
        db,
        read_and_validate(ImportKind.REGISTRATIONS, SAMPLES / "inscriptions.csv"),
        meeting_id=meeting_id,
    )
    assert not registrations.problems
    db.dispose()
