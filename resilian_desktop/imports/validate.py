"""From a table read in a file to validated records, with every problem located.

Each row gives a record of normalised values (the same normalisers as the
forms: domain.validation) or, when a value is wrong, the list of its problems,
each naming the row number and the column header the officer sees in the
spreadsheet. A value left empty is None in the record: an import never
erases what the database already knows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resilian_desktop.domain import validation as v
from resilian_desktop.domain.errors import FieldProblem, ValidationError
from resilian_desktop.domain.text import fold
from resilian_desktop.domain.vocab import (
    LABELS_FR,
    ActionStatus,
    AttendanceStatus,
    OrganisationKind,
)
from resilian_desktop.imports.fields import (
    FIELDS,
    IGNORED,
    ImportKind,
    expected_columns,
    field_spec,
    guess_mapping,
    is_known_header,
    other_kind,
)
from resilian_desktop.imports.reading import (
    ImportFileError,
    SourceRow,
    SourceTable,
    header_words,
    read_table,
)


@dataclass(frozen=True)
class RowProblem(FieldProblem):
    """A problem of one row (and column) of an imported file."""

    row: int = 0
    column: str = ""

    def __str__(self) -> str:
        where = f"row {self.row}"
        if self.column:
            where += f', column "{self.column}"'
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class OrganisationRecord:
    name: str
    kind: str | None = None
    siret: str | None = None
    siren: str | None = None
    naf_code: str | None = None
    sector: str | None = None
    address: str | None = None
    postcode: str | None = None
    commune: str | None = None
    country: str | None = None
    headcount: int | None = None
    website: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class ContactRecord:
    """A contact; for registrations also the attendance status given, if any."""

    last_name: str
    first_name: str
    civility: str | None = None
    organisation: str | None = None  # the organisation's name as written in the file
    job_title: str | None = None
    email: str | None = None
    phone: str | None = None
    mobile: str | None = None
    is_elected_official: bool | None = None
    mandate: str | None = None
    notes: str | None = None
    status: str | None = None  # registrations: attendance status code


@dataclass(frozen=True)
class ActionRecord:
    title: str
    owner: str | None = None  # a person's or an organisation's name as written
    start_date: Any = None  # datetime.date | None
    due_date: Any = None
    status: str | None = None
    progress: int | None = None
    is_milestone: bool | None = None
    deliverable: str | None = None
    description: str | None = None
    done_date: Any = None


Record = OrganisationRecord | ContactRecord | ActionRecord


@dataclass(frozen=True)
class ImportRow:
    """One row of the file: its record when valid, else its problems."""

    number: int
    values: dict[str, object]  # raw cell values by field, as read
    record: Record | None
    problems: tuple[RowProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ImportPreview:
    """A file read and validated for one kind of import, ready to be applied."""

    kind: ImportKind
    table: SourceTable
    mapping: tuple[str, ...]  # field of each column; IGNORED for a column not imported
    rows: tuple[ImportRow, ...]
    file_problems: tuple[RowProblem, ...]  # a required column missing, ...

    @property
    def problems(self) -> tuple[RowProblem, ...]:
        return self.file_problems + tuple(p for row in self.rows for p in row.problems)

    @property
    def valid_rows(self) -> tuple[ImportRow, ...]:
        return tuple(row for row in self.rows if row.ok)

    @property
    def invalid_rows(self) -> tuple[ImportRow, ...]:
        return tuple(row for row in self.rows if not row.ok)

    @property
    def ignored_columns(self) -> tuple[str, ...]:
        return tuple(
            self.table.column_label(i) for i, key in enumerate(self.mapping) if key == IGNORED
        )


# --- value parsers: raw cell -> normalised value, ValidationError when wrong --


def _reverse_labels(
    *vocabularies: type[Any], extra: dict[str, str] | None = None
) -> dict[str, str]:
    labels: dict[str, str] = {}
    for vocabulary in vocabularies:
        for member in vocabulary:
            labels[fold(member.value.replace("_", " "))] = member.value
            labels[fold(LABELS_FR[member])] = member.value
    for text, code in (extra or {}).items():
        labels[fold(text)] = code
    return labels


_ACTION_STATUSES = _reverse_labels(
    ActionStatus,
    extra={
        "termine": "done",
        "terminee": "done",
        "realise": "done",
        "realisee": "done",
        "faite": "done",
        "ok": "done",
        "100": "done",
        "a faire": "todo",
        "a lancer": "todo",
        "non commence": "todo",
        "pas commence": "todo",
        "prevu": "todo",
        "en attente": "blocked",
        "bloquee": "blocked",
        "abandonnee": "dropped",
        "annule": "dropped",
        "annulee": "dropped",
        "to do": "todo",
        "in progress": "in_progress",
        "ongoing": "in_progress",
    },
)
_ATTENDANCE_STATUSES = _reverse_labels(
    AttendanceStatus,
    extra={
        "invitee": "invited",
        "inscrite": "registered",
        "presente": "present",
        "absente": "absent",
        "excusee": "excused",
        "oui": "registered",
    },
)
_ORGANISATION_KINDS = _reverse_labels(
    OrganisationKind,
    extra={
        "entreprise": "company",
        "industriel": "company",
        "collectivite territoriale": "local_authority",
        "partenaire financeur": "funder",
    },
)
_CIVILITIES = {
    "m": "M.",
    "mr": "M.",
    "monsieur": "M.",
    "mme": "Mme",
    "madame": "Mme",
    "mrs": "Mme",
    "ms": "Mme",
    "mlle": "Mme",
    "mademoiselle": "Mme",
}
_YES = {"oui", "o", "yes", "y", "x", "vrai", "true", "1"}
_NO = {"non", "n", "no", "faux", "false", "0"}


def _code(labels: dict[str, str], what: str, field: str) -> Callable[[object], str | None]:
    def parse(value: object) -> str | None:
        if _blank(value):
            return None
        code = labels.get(fold(str(value)))
        if code is None:
            shown = " ".join(str(value).split())[:60]
            raise ValidationError.single(field, "not_allowed", f'"{shown}" is not a known {what}')
        return code

    return parse


def _bool(field: str) -> Callable[[object], bool | None]:
    def parse(value: object) -> bool | None:
        if _blank(value):
            return None
        if isinstance(value, bool):
            return value
        text = fold(str(value))
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        if text in _YES:
            return True
        if text in _NO:
            return False
        shown = " ".join(str(value).split())[:60]
        raise ValidationError.single(field, "not_boolean", f'"{shown}" is not "oui" or "non"')

    return parse


def _civility(value: object) -> str | None:
    if _blank(value):
        return None
    code = _CIVILITIES.get(fold(str(value)))
    if code is None:
        shown = " ".join(str(value).split())[:20]
        raise ValidationError.single("civility", "not_allowed", f'"{shown}" is not "M." or "Mme"')
    return code


def _identifier(value: object, length: int) -> object:
    """A SIRET (14) or SIREN (9) that lost leading zeros as a number gets them back.

    Luhn ignores leading zeros, so the check that follows still refuses a
    wrong number; padding only undoes what a number cell (or a CSV written
    from one) did to the identifier.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            return value
        digits = str(int(value))
        return digits.zfill(length) if length - 3 < len(digits) < length else value
    if isinstance(value, str):
        digits = value.strip()
        if digits.isascii() and digits.isdigit() and length - 3 < len(digits) < length:
            return digits.zfill(length)
    return value


_COUNTRIES = {
    "france": "FR",
    "allemagne": "DE",
    "germany": "DE",
    "deutschland": "DE",
    "suisse": "CH",
    "switzerland": "CH",
    "belgique": "BE",
    "belgium": "BE",
    "luxembourg": "LU",
}


def _country(value: object) -> str | None:
    """An ISO country code: "FR", "fr", "France"; the neighbours by name too."""
    if _blank(value):
        return None
    text = " ".join(str(value).split())
    code = _COUNTRIES.get(fold(text))
    if code is None and len(text) == 2 and text.isascii() and text.isalpha():
        code = text.upper()
    if code is None:
        raise ValidationError.single(
            "country", "country_format", f'"{text[:40]}" is not a country code like FR or DE'
        )
    return code


def _text(field: str, max_length: int = 200, *, multiline: bool = False) -> Callable[[object], Any]:
    def parse(value: object) -> str | None:
        return v.optional_text(value, field=field, max_length=max_length, multiline=multiline)

    return parse


Parser = Callable[[object], Any]

_PERSON_PARSERS: dict[str, Parser] = {
    "civility": _civility,
    "last_name": _text("last_name", 100),
    "first_name": _text("first_name", 100),
    "organisation": _text("organisation"),
    "job_title": _text("job_title"),
    "email": v.normalise_email,
    "phone": v.normalise_phone,
    "mobile": lambda value: v.normalise_phone(value, field="mobile"),
    "is_elected_official": _bool("is_elected_official"),
    "mandate": _text("mandate"),
    "notes": _text("notes", multiline=True),
    "status": _code(_ATTENDANCE_STATUSES, "attendance status", "status"),
}

PARSERS: dict[ImportKind, dict[str, Parser]] = {
    ImportKind.ORGANISATIONS: {
        "name": _text("name"),
        "kind": _code(_ORGANISATION_KINDS, "kind of organisation", "kind"),
        "siret": lambda value: v.normalise_siret(_identifier(value, 14)),
        "siren": lambda value: v.normalise_siren(_identifier(value, 9)),
        "naf_code": v.normalise_naf,
        "sector": _text("sector"),
        "address": _text("address", 300),
        # Checked in _validate_row, once the country of the row is known.
        "postcode": lambda value: value,
        "commune": _text("commune", 100),
        "country": _country,
        "headcount": v.normalise_headcount,
        "website": v.normalise_website,
        "notes": _text("notes", multiline=True),
    },
    ImportKind.CONTACTS: _PERSON_PARSERS,
    ImportKind.REGISTRATIONS: _PERSON_PARSERS,
    ImportKind.ACTIONS: {
        "title": _text("title", 300),
        "owner": _text("owner"),
        "start_date": lambda value: v.parse_date(value, field="start_date"),
        "due_date": lambda value: v.parse_date(value, field="due_date"),
        "status": _code(_ACTION_STATUSES, "action status", "status"),
        "progress": lambda value: None if _blank(value) else v.normalise_progress(value),
        "is_milestone": _bool("is_milestone"),
        "deliverable": _text("deliverable", 300),
        "description": _text("description", multiline=True),
        "done_date": lambda value: v.parse_date(value, field="done_date"),
    },
}

RECORDS: dict[ImportKind, type[Record]] = {
    ImportKind.ORGANISATIONS: OrganisationRecord,
    ImportKind.CONTACTS: ContactRecord,
    ImportKind.REGISTRATIONS: ContactRecord,
    ImportKind.ACTIONS: ActionRecord,
}


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- rows ----------------------------------------------------------------------


def _cross_checks(kind: ImportKind, values: dict[str, Any]) -> list[FieldProblem]:
    """Checks between the fields of one row."""
    problems: list[FieldProblem] = []
    if kind is ImportKind.ORGANISATIONS:
        siret, siren = values.get("siret"), values.get("siren")
        if siret and siren and siret[:9] != siren:
            problems.append(
                FieldProblem(
                    "siren", "siren_mismatch", f"SIREN {siren} is not the start of SIRET {siret}"
                )
            )
    if kind is ImportKind.ACTIONS:
        try:
            v.check_date_order(
                values.get("start_date"),
                values.get("due_date"),
                start_field="start_date",
                end_field="due_date",
            )
        except ValidationError as error:
            problems.extend(error.problems)
        if values.get("done_date") is not None and values.get("status") not in (None, "done"):
            problems.append(
                FieldProblem("done_date", "not_done", "only an action marked done has a done date")
            )
    is_person = kind in (ImportKind.CONTACTS, ImportKind.REGISTRATIONS)
    if is_person and values.get("is_elected_official") and not values.get("mandate"):
        problems.append(
            FieldProblem("mandate", "required", "an elected official's mandate is required")
        )
    return problems


def _validate_row(
    kind: ImportKind, table: SourceTable, mapping: Sequence[str], row: SourceRow
) -> ImportRow:
    parsers = PARSERS[kind]
    columns = {key: index for index, key in enumerate(mapping) if key != IGNORED}
    raw: dict[str, object] = {key: row.values[index] for key, index in columns.items()}
    values: dict[str, Any] = {}
    problems: list[RowProblem] = []

    def located(problem: FieldProblem) -> RowProblem:
        index = columns.get(problem.field)
        column = table.column_label(index) if index is not None else ""
        return RowProblem(problem.field, problem.code, problem.message, row.number, column)

    for key, value in raw.items():
        try:
            values[key] = parsers[key](value)
        except ValidationError as error:
            problems.extend(located(p) for p in error.problems)
    if "postcode" in values:
        # A postcode is checked against the row's country (5 digits in France).
        try:
            values["postcode"] = v.normalise_postcode(
                raw["postcode"], country=values.get("country") or "FR"
            )
        except ValidationError as error:
            values["postcode"] = None
            problems.extend(located(p) for p in error.problems)
    for spec in FIELDS[kind]:
        if (
            spec.required
            and values.get(spec.key) is None
            and not any(p.field == spec.key for p in problems)
        ):
            problems.append(
                located(FieldProblem(spec.key, "required", f"{spec.label} is required"))
            )
    if not problems:
        problems.extend(located(p) for p in _cross_checks(kind, values))
    record = None if problems else RECORDS[kind](**values)
    # Listed in the order of the columns, as the officer reads the row.
    order = {table.column_label(i): i for i in columns.values()}
    problems.sort(key=lambda p: order.get(p.column, len(mapping)))
    return ImportRow(row.number, raw, record, tuple(problems))


def _duplicate_key(record: Record) -> tuple[str, ...] | None:
    """What makes two rows of one file the same record."""
    if isinstance(record, OrganisationRecord):
        if record.siret:
            return ("siret", record.siret)
        return ("name", fold(record.name), fold(record.commune or ""))
    if isinstance(record, ContactRecord):
        if record.email:
            return ("email", record.email.lower())
        return (
            "name",
            fold(record.last_name),
            fold(record.first_name),
            fold(record.organisation or ""),
        )
    return ("title", fold(record.title))


def _mark_duplicates(rows: list[ImportRow]) -> list[ImportRow]:
    seen: dict[tuple[str, ...], int] = {}
    marked = []
    for row in rows:
        key = _duplicate_key(row.record) if row.record is not None else None
        if key is not None and key in seen:
            problem = RowProblem(
                key[0],
                "duplicate_row",
                f"the same {'record' if key[0] != 'siret' else 'SIRET'} as row {seen[key]}",
                row.number,
                "",
            )
            row = ImportRow(row.number, row.values, None, (problem,))
        elif key is not None:
            seen[key] = row.number
        marked.append(row)
    return marked


def validate_table(
    kind: ImportKind, table: SourceTable, mapping: Sequence[str] | None = None
) -> ImportPreview:
    """Validate every row of *table* for *kind*, columns mapped by *mapping*.

    *mapping* gives the field of each column (IGNORED to leave it out); by
    default the headers are recognised (imports.fields.guess_mapping).
    """
    chosen = tuple(mapping) if mapping is not None else guess_mapping(kind, table.headers)
    if len(chosen) != len(table.headers):
        raise ValueError(f"{len(chosen)} mapped columns for {len(table.headers)} in the file")
    known = {spec.key for spec in FIELDS[kind]}
    for key in chosen:
        if key != IGNORED and key not in known:
            raise ValueError(f"{kind} imports have no field {key!r}")
    duplicates = {key for key in chosen if key != IGNORED and chosen.count(key) > 1}
    file_problems = [
        RowProblem(
            key,
            "duplicate_column",
            f"several columns are imported as {field_spec(kind, key).label}",
            table.header_row,
            "",
        )
        for key in sorted(duplicates)
    ]
    for spec in FIELDS[kind]:
        if spec.required and spec.key not in chosen:
            file_problems.append(
                RowProblem(
                    spec.key,
                    "missing_column",
                    f'no column for "{spec.label}" (required); name one in the mapping',
                    table.header_row,
                    "",
                )
            )
    if file_problems:
        rows: list[ImportRow] = [ImportRow(r.number, {}, None, ()) for r in table.rows]
    else:
        rows = _mark_duplicates([_validate_row(kind, table, chosen, r) for r in table.rows])
    return ImportPreview(kind, table, chosen, tuple(rows), tuple(file_problems))


def read_and_validate(
    kind: ImportKind,
    path: Any,
    *,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
) -> ImportPreview:
    """Read *path* and validate it for *kind*.

    *mapping* overrides the recognised headers: {header as in the file: field
    key, or "" to ignore the column}; headers are compared folded.
    """
    table = read_table(Path(path), is_header=lambda text: is_known_header(kind, text), sheet=sheet)
    if not mapping and (other := other_kind(kind, table.headers)) is not None:
        raise ImportFileError(
            f"{table.path}: its columns are those of {other} "
            f"({', '.join(h for h in table.headers if h)}); {kind} are read from columns "
            f"{expected_columns(kind)}",
        )
    chosen = list(guess_mapping(kind, table.headers))
    if mapping:
        wanted = {header_words(header): key for header, key in mapping.items()}
        found = set()
        for index, header in enumerate(table.headers):
            key = wanted.get(header_words(header))
            if key is not None:
                # A field moved to this column leaves the column it was guessed for.
                if key != IGNORED:
                    chosen = [IGNORED if k == key else k for k in chosen]
                chosen[index] = key
                found.add(header_words(header))
        unknown = [h for h in mapping if header_words(h) not in found]
        if unknown:
            raise ValidationError(
                [
                    FieldProblem(
                        "mapping", "unknown_column", f'no column "{h}" in {table.path.name}'
                    )
                    for h in unknown
                ]
            )
    return validate_table(kind, table, chosen)
