"""Reading and validating spreadsheets (imports.*): no database, real files in tmp_path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from resilian_desktop.imports import (
    IGNORED,
    ActionRecord,
    ContactRecord,
    ImportFileError,
    ImportKind,
    OrganisationRecord,
    guess_kind,
    read_and_validate,
    validate_table,
)
from resilian_desktop.imports.fields import is_known_header
from resilian_desktop.imports.reading import decode_csv, read_table, sniff_delimiter

# Copies of the spreadsheets in ../shared/samples (what an officer receives),
# committed so the tests do not depend on where the checkout sits.
SAMPLES = Path(__file__).resolve().parent / "fixtures" / "samples"

CONTACTS_CSV = (
    "Civilité;Nom;Prénom;Structure;Fonction;E-mail;Téléphone\r\n"
    "M.;Muller;Jean-François;Fonderie du Hochwald;Directeur;j.muller@exemple.fr;03 88 39 28 76\r\n"
    "Mme;Lang;Françoise;Cœur d'Acier Industrie;Qualité ;f.lang@exemple.fr;0388871252\r\n"
)


def write_xlsx(path: Path, rows: list[list[object]], *, merge_title: bool = False) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    if merge_title:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[-1]))
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", False), ("utf-8", True), ("cp1252", False)],
)
def test_csv_encodings_and_semicolons(tmp_path: Path, encoding: str, bom: bool) -> None:
    path = tmp_path / "contacts.csv"
    data = CONTACTS_CSV.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    preview = read_and_validate(ImportKind.CONTACTS, path)
    assert preview.table.delimiter == ";"
    assert preview.table.headers[0] == "Civilité"
    assert not preview.problems
    records = [row.record for row in preview.rows]
    assert records[1] == ContactRecord(
        last_name="Lang",
        first_name="Françoise",
        civility="Mme",
        organisation="Cœur d'Acier Industrie",
        job_title="Qualité",
        email="f.lang@exemple.fr",
        phone="03 88 87 12 52",
    )


def test_decoding_and_delimiters() -> None:
    file = Path("f.csv")
    assert decode_csv(file, "é;è".encode()) == ("é;è", "utf-8")
    assert decode_csv(file, "Nom;Prénom\nCœur;Françoise\n".encode("cp1252"))[1] == "cp1252"
    assert decode_csv(file, b"\xef\xbb\xbfa,b")[1] == "utf-8-sig"
    assert sniff_delimiter("a,b,c\n1,2,3\n") == ","
    assert sniff_delimiter("a;b;c\n1;2,5;3\n") == ";"
    assert sniff_delimiter('Nom,Adresse\nA,"Haguenau; Bas-Rhin"\n') == ","
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"


def test_xlsx_header_below_a_merged_title_and_spreadsheet_habits(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "orgs.xlsx",
        [
            ["Liste des industriels — novembre 2026"],
            [],
            ["Raison sociale ", "SIRET", "Code postal", "Commune", "Effectif", "Colonne perso"],
            ["Fonderie ", 73282932000074, 67110, "Reichshoffen  ", 420.0, "x"],
            [None, None, None, None, None, None],
            ["Céramiques", 338063127827, 1000, "Bourg", "1 500", None],
        ],
        merge_title=True,
    )
    preview = read_and_validate(ImportKind.ORGANISATIONS, path)
    assert preview.table.header_row == 3
    assert [row.number for row in preview.rows] == [4, 6]  # the empty row keeps its number
    assert preview.mapping == ("name", "siret", "postcode", "commune", "headcount", IGNORED)
    assert preview.ignored_columns == ("Colonne perso",)
    assert not preview.problems
    first, second = (row.record for row in preview.rows)
    assert first == OrganisationRecord(
        name="Fonderie", siret="73282932000074", postcode="67110", commune="Reichshoffen",
        headcount=420,
    )  # fmt: skip
    assert isinstance(second, OrganisationRecord)
    # A SIRET typed as a number lost its two leading zeros; a postcode its one.
    assert (second.siret, second.postcode, second.headcount) == ("00338063127827", "01000", 1500)


def test_every_problem_names_its_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "Raison sociale;SIRET;Code postal;Site web;Effectif\n"
        "Bonne;73282932000074;67110;www.bonne.fr;12\n"
        ";123;ABCDE;pas un site;-3\n"
        "Doublon;73282932000074;67110;;\n",
        encoding="utf-8",
    )
    preview = read_and_validate(ImportKind.ORGANISATIONS, path)
    assert [r.ok for r in preview.rows] == [True, False, False]
    assert {(p.row, p.column, p.code) for p in preview.problems} == {
        (3, "Raison sociale", "required"),
        (3, "SIRET", "siret_length"),
        (3, "Code postal", "postcode_format"),
        (3, "Site web", "website_format"),
        (3, "Effectif", "headcount_format"),
        (4, "", "duplicate_row"),
    }
    assert str(preview.rows[1].problems[0]).startswith('row 3, column "')


def test_actions_statuses_dates_progress_and_milestones(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "roadmap.xlsx",
        [
            ["Action", "Porteur", "Début", "Échéance", "Statut", "Avancement", "Jalon"],
            ["Cartographier", "Agence", dt.datetime(2026, 9, 1), "15/10/2026", "Fait", 1, None],
            ["Former", "Fonderie", None, 46357, "En cours", 0.5, "oui"],
            ["Bloquée", None, None, None, "Bloqué", "20 %", "non"],
            ["Dates", None, "01/12/2026", "01/11/2026", "Peut-être", "150", "bof"],
        ],
    )
    preview = read_and_validate(ImportKind.ACTIONS, path)
    records = [row.record for row in preview.rows]
    assert records[0] == ActionRecord(
        title="Cartographier",
        owner="Agence",
        start_date=dt.date(2026, 9, 1),
        due_date=dt.date(2026, 10, 15),
        status="done",
        progress=1,
    )
    assert isinstance(records[1], ActionRecord)
    assert (records[1].due_date, records[1].progress, records[1].is_milestone) == (
        dt.date(2026, 12, 1),
        50,
        True,
    )
    assert isinstance(records[2], ActionRecord) and records[2].progress == 20
    assert records[3] is None
    # Every problem at once, as a form reports them: the cross-field rule on
    # the dates too, since both dates are right on their own.
    assert {(p.column, p.code) for p in preview.rows[3].problems} == {
        ("Échéance", "end_before_start"),
        ("Statut", "not_allowed"),
        ("Avancement", "progress_range"),
        ("Jalon", "not_boolean"),
    }


def test_mapping_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Qui;Entité;Courriel pro\nDupont;Fonderie;d@f.fr\n", encoding="utf-8")
    preview = read_and_validate(ImportKind.CONTACTS, path)
    assert [p.code for p in preview.file_problems] == ["missing_column", "missing_column"]
    fixed = read_and_validate(
        ImportKind.CONTACTS,
        path,
        mapping={"Qui": "last_name", "Entité": "organisation", "Courriel pro": "email"},
    )
    assert [p.code for p in fixed.file_problems] == ["missing_column"]  # still no first name
    table = fixed.table
    with_first = validate_table(ImportKind.CONTACTS, table, ("last_name", "first_name", "email"))
    assert not with_first.problems
    assert with_first.rows[0].record == ContactRecord(
        last_name="Dupont", first_name="Fonderie", email="d@f.fr"
    )
    twice = validate_table(ImportKind.CONTACTS, table, ("last_name", "last_name", IGNORED))
    assert "duplicate_column" in {p.code for p in twice.file_problems}


def test_unreadable_files(tmp_path: Path) -> None:
    for name, content in (("a.xls", b"\xd0\xcf"), ("b.xlsx", b"not a zip"), ("c.pdf", b"%PDF")):
        (tmp_path / name).write_bytes(content)
        with pytest.raises(ImportFileError):
            read_and_validate(ImportKind.CONTACTS, tmp_path / name)
    with pytest.raises(ImportFileError, match="no such file"):
        read_and_validate(ImportKind.CONTACTS, tmp_path / "missing.csv")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ImportFileError, match="no header"):
        read_and_validate(ImportKind.CONTACTS, tmp_path / "empty.csv")


@pytest.mark.parametrize(
    ("name", "kind", "rows", "ignored"),
    [
        ("organisations.xlsx", ImportKind.ORGANISATIONS, 12, ()),
        ("contacts.csv", ImportKind.CONTACTS, 14, ()),
        ("inscriptions.csv", ImportKind.REGISTRATIONS, 10, ("Horodateur",)),
        ("feuille_de_route.xlsx", ImportKind.ACTIONS, 6, ()),
    ],
)
def test_the_sample_files_read_cleanly(
    name: str, kind: ImportKind, rows: int, ignored: tuple[str, ...]
) -> None:
    preview = read_and_validate(kind, SAMPLES / name)
    assert not preview.problems, [str(p) for p in preview.problems]
    assert len(preview.rows) == rows
    assert preview.ignored_columns == ignored
    if kind is not ImportKind.REGISTRATIONS:
        assert guess_kind(preview.table.headers) is kind


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cells=st.lists(
        st.lists(
            st.one_of(
                st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=40),
                st.integers(),
                st.floats(allow_nan=False, allow_infinity=False),
            ),
            min_size=3,
            max_size=3,
        ),
        max_size=6,
    )
)
def test_any_cells_give_records_or_problems_never_a_crash(
    tmp_path: Path, cells: list[list[object]]
) -> None:
    path = tmp_path / "any.xlsx"
    write_xlsx(path, [["Nom", "Prénom", "E-mail"], *cells])
    preview = read_and_validate(ImportKind.CONTACTS, path)
    for row in preview.rows:
        assert (row.record is None) == bool(row.problems)
    csv_path = tmp_path / "any.csv"
    csv_path.write_text(
        "Nom;Prénom;E-mail\n" + "\n".join(";".join(str(c) for c in row) for row in cells),
        encoding="utf-8",
    )
    read_and_validate(ImportKind.CONTACTS, csv_path)


def test_samples_show_dates_as_typed(tmp_path: Path) -> None:
    """The mapping step shows a column's first values: dates as dd/mm/yyyy, not 00:00:00."""
    path = write_xlsx(
        tmp_path / "dates.xlsx",
        [
            ["Action", "Échéance", "Début"],
            ["Audit", dt.datetime(2026, 9, 1), dt.datetime(2026, 9, 1, 14, 30)],
            ["Plan", dt.date(2026, 10, 2), None],
        ],
    )
    table = read_table(path, is_header=lambda text: is_known_header(None, text))
    due = table.headers.index("Échéance")
    start = table.headers.index("Début")
    assert table.samples(due) == ("01/09/2026", "02/10/2026")
    assert table.samples(start) == ("01/09/2026 14:30",)
