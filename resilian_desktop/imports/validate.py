"""From a table read in a file to validated records, with every problem located.

Each row gives a record of normalised values (the record's rules as the
forms check them: domain.rules; this module only reads spreadsheet words)
or, when a value is wrong, the list of its problems, each naming the row
number and the column header the officer sees in the spreadsheet. A value
left empty is None in the record: an import never erases what the database
already knows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from resilian_desktop.domain import duplicates as dup
from resilian_desktop.domain import rules
from resilian_desktop.domain import validation as v
from resilian_desktop.domain.errors import FieldProblem, ValidationError
from resilian_desktop.domain.text import contact_sort_name, fold
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
    # A probable duplicate: the record the row looks like (the officer may
    # import the row onto it, or merge the two afterwards).
    record_id: int | None = None

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
        if v.is_blank(value):
            return None
        code = labels.get(fold(str(value)))
        if code is None:
            shown = " ".join(str(value).split())[:60]
            raise ValidationError.single(field, "not_allowed", f'"{shown}" is not a known {what}')
        return code

    return parse


def _bool(field: str) -> Callable[[object], bool | None]:
    def parse(value: object) -> bool | None:
        if v.is_blank(value):
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
    if v.is_blank(value):
        return None
    code = _CIVILITIES.get(fold(str(value)))
    if code is None:
        shown = " ".join(str(value).split())[:20]
        raise ValidationError.single("civility", "not_allowed", f'"{shown}" is not "M." or "Mme"')
    return code


Parser = Callable[[object], Any]

# Spreadsheet words first ("oui", "Madame", "terminée"), then the record's
# rules as the forms check them (domain.rules): the importer states no rule.
_CONTACT_PARSERS: dict[str, Parser] = {
    **rules.CONTACT_FIELDS,
    "civility": _civility,
    "organisation": partial(v.optional_text, field="organisation"),
    "is_elected_official": _bool("is_elected_official"),
    "status": _code(_ATTENDANCE_STATUSES, "attendance status", "status"),
}

PARSERS: dict[ImportKind, dict[str, Parser]] = {
    ImportKind.ORGANISATIONS: {
        **rules.ORGANISATION_FIELDS,
        "kind": _code(_ORGANISATION_KINDS, "kind of organisation", "kind"),
        # Checked in _validate_row, once the country of the row is known.
        "postcode": lambda value: value,
    },
    ImportKind.CONTACTS: _CONTACT_PARSERS,
    ImportKind.REGISTRATIONS: _CONTACT_PARSERS,
    ImportKind.ACTIONS: {
        **rules.ACTION_FIELDS,
        "owner": partial(v.optional_text, field="owner"),
        "status": _code(_ACTION_STATUSES, "action status", "status"),
        "is_milestone": _bool("is_milestone"),
    },
}

RECORDS: dict[ImportKind, type[Record]] = {
    ImportKind.ORGANISATIONS: OrganisationRecord,
    ImportKind.CONTACTS: ContactRecord,
    ImportKind.REGISTRATIONS: ContactRecord,
    ImportKind.ACTIONS: ActionRecord,
}


# --- rows ----------------------------------------------------------------------


def _cross_checks(kind: ImportKind, values: dict[str, Any]) -> list[FieldProblem]:
    """The record's rules between fields, as the forms check them (domain.rules)."""
    if kind is ImportKind.ORGANISATIONS:
        checked = dict(values)  # the SIREN a SIRET gives is the service's to store
        return rules.organisation_problems(checked)
    if kind is ImportKind.ACTIONS:
        return rules.action_problems(values)
    return rules.contact_problems(values)


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
            values["postcode"] = rules.organisation_postcode(raw["postcode"], values.get("country"))
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
    # Cross-field rules on the fields that are right, as the forms check them.
    checked: list[FieldProblem] = list(problems)
    rules.add_cross_problems(checked, _cross_checks(kind, values))
    problems.extend(located(p) for p in checked[len(problems) :])
    record = None if problems else RECORDS[kind](**values)
    # Listed in the order of the columns, as the officer reads the row.
    order = {table.column_label(i): i for i in columns.values()}
    problems.sort(key=lambda p: order.get(p.column, len(mapping)))
    return ImportRow(row.number, raw, record, tuple(problems))


def _duplicate_keys(record: Record) -> tuple[tuple[str, ...], ...]:
    """What makes two rows of one file the same record (domain.duplicates' rule).

    Any shared key is enough: the same SIRET, or the same name in the same
    commune whatever the SIRET.
    """
    if isinstance(record, OrganisationRecord):
        by_name = ("name", dup.comparable_name(record.name), fold(record.commune or ""))
        return (("siret", record.siret), by_name) if record.siret else (by_name,)
    if isinstance(record, ContactRecord):
        by_name = (
            "name",
            contact_sort_name(record.last_name, record.first_name),
            dup.comparable_name(record.organisation or ""),
        )
        return (("email", record.email.casefold()), by_name) if record.email else (by_name,)
    return (("title", fold(record.title)),)


def _mark_duplicates(rows: list[ImportRow]) -> list[ImportRow]:
    seen: dict[tuple[str, ...], int] = {}
    marked = []
    for row in rows:
        keys = _duplicate_keys(row.record) if row.record is not None else ()
        earlier = next((key for key in keys if key in seen), None)
        if earlier is not None:
            what = {"siret": "SIRET", "email": "e-mail address"}.get(earlier[0], "record")
            problem = RowProblem(
                earlier[0],
                "duplicate_row",
                f"the same {what} as row {seen[earlier]}",
                row.number,
                "",
            )
            row = ImportRow(row.number, row.values, None, (problem,))
        else:
            seen.update((key, row.number) for key in keys if key not in seen)
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
