"""Imports from spreadsheets: a file in, validated records out, problems by row and column.

Qt-free and database-free. ``read_and_validate(kind, path)`` reads a .xlsx or
.csv file, finds its header, recognises its columns and validates each row;
``validate_table(kind, table, mapping)`` validates again with a mapping chosen
by the officer. Writing the records is services.importing.apply_import.
"""

from resilian_desktop.imports.fields import (
    FIELDS,
    IGNORED,
    KIND_LABELS,
    FieldSpec,
    ImportKind,
    guess_kind,
    guess_mapping,
)
from resilian_desktop.imports.reading import ImportFileError, SourceRow, SourceTable, read_table
from resilian_desktop.imports.validate import (
    ActionRecord,
    ContactRecord,
    ImportPreview,
    ImportRow,
    OrganisationRecord,
    RowProblem,
    read_and_validate,
    validate_table,
)

__all__ = [
    "FIELDS",
    "IGNORED",
    "KIND_LABELS",
    "ActionRecord",
    "ContactRecord",
    "FieldSpec",
    "ImportFileError",
    "ImportKind",
    "ImportPreview",
    "ImportRow",
    "OrganisationRecord",
    "RowProblem",
    "SourceRow",
    "SourceTable",
    "guess_kind",
    "guess_mapping",
    "read_and_validate",
    "read_table",
    "validate_table",
]
