"""One statement of each rule: a form and an import give the same outcome.

The same random values go through the form's path (the service's create, as
the record windows call it) and the import's path (a spreadsheet row read,
validated and applied by the importer), each into its own real database.
Either both store the same values, or both refuse with the same problem codes
on the same fields.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from resilian_desktop.db.engine import Database
from resilian_desktop.db.storage import open_database
from resilian_desktop.domain.errors import ValidationError
from resilian_desktop.domain.rules import REQUIRED
from resilian_desktop.imports.fields import ImportKind, field_spec
from resilian_desktop.imports.reading import SourceRow, SourceTable
from resilian_desktop.imports.validate import validate_table
from resilian_desktop.services import contacts, organisations
from resilian_desktop.services.importing import ImportRejected, apply_import
from tests.test_validation import sirens, sirets

Outcome = tuple[str, Any]  # ("stored", values) or ("refused", {(field, code), ...})

_SKIPPED_COLUMNS = {"id", "created_at", "updated_at", "archived_at", "erased_at"}


@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Database]]:
    """One database for the form's path, one for the import's: migrated as in production."""
    folder = tmp_path_factory.mktemp("equivalence")
    form_db = open_database(folder / "form.sqlite", backup_dir=folder / "form-backups")
    import_db = open_database(folder / "import.sqlite", backup_dir=folder / "import-backups")
    yield form_db, import_db
    form_db.dispose()
    import_db.dispose()


def _table(kind: ImportKind, values: dict[str, object]) -> tuple[SourceTable, tuple[str, ...]]:
    keys = tuple(values)
    headers = tuple(field_spec(kind, key).label for key in keys)
    row = SourceRow(2, tuple(values.values()))
    return SourceTable(Path("equivalence.xlsx"), "Feuil1", None, None, 1, headers, (row,)), keys


def _stored(row: Any) -> dict[str, object]:
    return {
        key: value
        for key, value in vars(row).items()
        if key not in _SKIPPED_COLUMNS and not isinstance(value, tuple)
    }


def _codes(error: ValidationError) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in error.problems}


def _through_import(db: Database, kind: ImportKind, values: dict[str, object]) -> Outcome:
    table, keys = _table(kind, values)
    preview = validate_table(kind, table, keys)
    try:
        result = apply_import(db, preview)
    except ImportRejected as rejected:
        return "refused", _codes(rejected)
    (outcome,) = result.outcomes
    assert outcome.record_id is not None
    if kind is ImportKind.ORGANISATIONS:
        row: Any = organisations.get_organisation(db, outcome.record_id)
        organisations.delete_organisation(db, outcome.record_id)
    else:
        row = contacts.get_contact(db, outcome.record_id)
        contacts.delete_contact(db, outcome.record_id)
    return "stored", _stored(row)


def _through_form(db: Database, kind: ImportKind, values: dict[str, object]) -> Outcome:
    try:
        if kind is ImportKind.ORGANISATIONS:
            draft = organisations.OrganisationDraft(**values)  # type: ignore[arg-type]
            row: Any = organisations.create_organisation(db, draft)
            organisations.delete_organisation(db, row.id)
        else:
            row = contacts.create_contact(db, contacts.ContactDraft(**values))  # type: ignore[arg-type]
            contacts.delete_contact(db, row.id)
    except ValidationError as error:
        return "refused", _codes(error)
    return "stored", _stored(row)


def _spaced(digits: str) -> str:
    return " ".join(digits[i : i + 3] for i in range(0, len(digits), 3))


# Values as a form's field or a spreadsheet's cell gives them: text typed in
# many ways, numbers (a cell that lost its leading zeros), blanks, NaN. Each
# record is drawn with every field plausible but one, which may be anything:
# both acceptance and each field's refusals are reached.
blanks = st.sampled_from([None, "", "   ", math.nan])
digit_text = st.text(alphabet="0123456789 .", max_size=16)
any_value = st.one_of(
    blanks, st.text(max_size=30), st.integers(), st.floats(), digit_text, st.booleans()
)
short_text = st.one_of(
    st.sampled_from(["Fonderie de Niederbronn", "  Œuvre  Notre-Dame ", "L’Oréal", "Weber"]),
    st.text(min_size=1, max_size=30),
)
phones = st.one_of(
    st.sampled_from(
        [
            "03 88 12 34 56",
            "+33 3 88 12 34 56",
            "0033 6 12 34 56 78",
            "+49 7221 123456",
            "+48 22 123 45 67",
            "+351 21 123 4567",
            "3 88 12 34 56",
            "+1 555 123 4567",
        ]
    ),
    st.sampled_from([388123456, 33388123456, 612345678, 38812345]),
    st.text(alphabet="0123456789 +().-", max_size=18),
    blanks,
)

ORGANISATION_FIELDS: dict[str, st.SearchStrategy[object]] = {
    "name": short_text,
    "siret": st.one_of(
        sirets, sirets.map(_spaced), sirets.map(int), sirets.map(lambda s: str(int(s))), blanks
    ),
    "siren": st.one_of(sirens, sirens.map(int), blanks),
    "naf_code": st.sampled_from(["25.62A", "2562a", "25 62 A", "2562", None]),
    "postcode": st.sampled_from(["67000", "67500", 1000, "01000", 67500.0, "D-77815", None]),
    "commune": st.one_of(short_text, blanks),
    "country": st.sampled_from(
        ["FR", "fr", "France", "Allemagne", "Germany", "Suisse", "Alsace", "XX", None, ""]
    ),
    "headcount": st.one_of(st.integers(-5, 20_000_000), st.sampled_from(["1 500", "1.500"])),
    "website": st.sampled_from(["www.example.fr", "https://Example.FR/x", "ftp://x.fr", None]),
    "notes": st.one_of(st.text(max_size=40), blanks),
}
CONTACT_FIELDS: dict[str, st.SearchStrategy[object]] = {
    "first_name": short_text,
    "last_name": st.one_of(st.sampled_from(["Müller", "N’Guyen", "Nowak"]), short_text),
    "civility": st.sampled_from([None, "M.", "Mme"]),
    "job_title": st.one_of(short_text, blanks),
    "email": st.one_of(
        st.emails(), st.sampled_from(["Jean.Dupont@Example.FR", "jean@", "a b@c.fr"]), blanks
    ),
    "phone": phones,
    "mobile": phones,
    "is_elected_official": st.booleans(),
    "mandate": st.one_of(st.sampled_from(["Maire de Haguenau"]), blanks),
    "notes": st.one_of(st.text(max_size=40), blanks),
}


@st.composite
def records(draw: st.DrawFn, fields: dict[str, st.SearchStrategy[object]]) -> dict[str, object]:
    values = {key: draw(strategy) for key, strategy in fields.items()}
    if draw(st.booleans()):
        wild = draw(st.sampled_from(sorted(fields)))
        # A boolean field is a checkbox in the form and a "oui"/"non" word in
        # a file: only its spreadsheet word is the importer's own.
        if wild not in ("is_elected_official", "civility"):
            values[wild] = draw(any_value)
    return values


organisation_values = records(ORGANISATION_FIELDS)
contact_values = records(CONTACT_FIELDS)

_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _without_blanks_for_form(values: dict[str, object]) -> dict[str, object]:
    """The form's draft: a field left empty is not given (its default applies).

    Blank values still reach the form's rules (a window sends "" for an empty
    line edit); only None means "not in the draft", as for a missing cell. A
    required field is always in a form: empty, it is "".
    """
    given = {key: value for key, value in values.items() if value is not None}
    return dict.fromkeys(REQUIRED & values.keys(), "") | given


@_SETTINGS
@given(values=organisation_values)
def test_an_organisation_form_and_an_import_row_give_the_same_outcome(
    databases: tuple[Database, Database], values: dict[str, object]
) -> None:
    form_db, import_db = databases
    through_form = _through_form(
        form_db, ImportKind.ORGANISATIONS, _without_blanks_for_form(values)
    )
    through_import = _through_import(import_db, ImportKind.ORGANISATIONS, values)
    event(through_form[0])  # --hypothesis-show-statistics: how many were stored
    assert through_form == through_import


@_SETTINGS
@given(values=contact_values)
def test_a_contact_form_and_an_import_row_give_the_same_outcome(
    databases: tuple[Database, Database], values: dict[str, object]
) -> None:
    form_db, import_db = databases
    through_form = _through_form(form_db, ImportKind.CONTACTS, _without_blanks_for_form(values))
    through_import = _through_import(import_db, ImportKind.CONTACTS, values)
    event(through_form[0])
    if through_form[0] == "stored":
        # The legal basis is dated the day a contact is recorded, on both paths.
        assert through_import[0] == "stored"
        assert through_form[1]["consent_date"] == through_import[1]["consent_date"]
    assert through_form == through_import


def test_the_paths_disagreed_before_on_a_country_name(
    databases: tuple[Database, Database],
) -> None:
    """The issue's example: "Allemagne" was stored as "AL" (Albania) by the form."""
    form_db, import_db = databases
    values: dict[str, object] = {"name": "Weber GmbH", "country": "Allemagne", "postcode": "77815"}
    form = _through_form(form_db, ImportKind.ORGANISATIONS, values)
    assert form[0] == "stored"
    assert form[1]["country"] == "DE"
    assert form == _through_import(import_db, ImportKind.ORGANISATIONS, values)
