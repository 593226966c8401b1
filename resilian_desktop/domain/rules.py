"""The rules of each record, stated once for the forms and the imports.

Each record kind has a table of field rules (raw value -> value to store,
``None`` when nothing is given, ValidationError naming the field when
wrong) and its cross-field rules. The services check a form's draft with
them; the importer checks a spreadsheet row with the same functions, after
it has turned the spreadsheet's words ("oui", "Madame", "terminée") into
values. A field that must be filled is listed in ``REQUIRED``: a service
refuses it empty, while an import row that leaves it empty keeps what the
database knows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from resilian_desktop.domain import validation as v
from resilian_desktop.domain.countries import normalise_country
from resilian_desktop.domain.errors import FieldProblem, ValidationError

__all__ = [
    "ACTION_FIELDS",
    "CONTACT_FIELDS",
    "DEFAULT_COUNTRY",
    "ORGANISATION_FIELDS",
    "REQUIRED",
    "action_problems",
    "add_cross_problems",
    "check_done_date",
    "check_elected_mandate",
    "check_field",
    "contact_problems",
    "organisation_postcode",
    "organisation_problems",
    "siren_for_siret",
]

FieldRule = Callable[[object], Any]

DEFAULT_COUNTRY = "FR"


def _text(field: str, max_length: int | None = None, *, multiline: bool = False) -> FieldRule:
    return partial(v.optional_text, field=field, max_length=max_length, multiline=multiline)


# The postcode is not in this table: its rule depends on the country
# (organisation_postcode).
ORGANISATION_FIELDS: Mapping[str, FieldRule] = {
    "name": _text("name", 200),
    "siret": v.normalise_siret,
    "siren": v.normalise_siren,
    "naf_code": v.normalise_naf,
    "sector": _text("sector", 200),
    "address": _text("address", 300),
    "commune": _text("commune", 100),
    "country": normalise_country,
    "headcount": v.normalise_headcount,
    "website": v.normalise_website,
    "notes": _text("notes", multiline=True),
}

CONTACT_FIELDS: Mapping[str, FieldRule] = {
    "first_name": _text("first_name", 100),
    "last_name": _text("last_name", 100),
    "job_title": _text("job_title", 200),
    "email": v.normalise_email,
    "phone": v.normalise_phone,
    "mobile": partial(v.normalise_phone, field="mobile"),
    "mandate": _text("mandate", 200),
    "notes": _text("notes", multiline=True),
}

ACTION_FIELDS: Mapping[str, FieldRule] = {
    "title": _text("title", 300),
    "description": _text("description", multiline=True),
    "start_date": partial(v.parse_date, field="start_date"),
    "due_date": partial(v.parse_date, field="due_date"),
    "progress": lambda value: None if v.is_blank(value) else v.normalise_progress(value),
    "deliverable": _text("deliverable", 300),
    "done_date": partial(v.parse_date, field="done_date"),
}

# Fields a record cannot be saved without.
REQUIRED = frozenset({"name", "first_name", "last_name", "title"})


def check_field(rules: Mapping[str, FieldRule], key: str, value: object) -> Any:
    """The value to store for *key*; ValidationError (``required`` too) when wrong."""
    checked = rules[key](value)
    if checked is None and key in REQUIRED:
        raise ValidationError.single(key, "required", f"A value is required for {key}")
    return checked


def organisation_postcode(value: object, country: str | None) -> str | None:
    """The postcode checked against the organisation's country (France when unknown)."""
    return v.normalise_postcode(value, country=country or DEFAULT_COUNTRY)


# --- cross-field rules -------------------------------------------------------


def siren_for_siret(siret: str | None, siren: str | None) -> str | None:
    """The SIREN to store: the start of the SIRET when there is one.

    Raises ``siren_mismatch`` on ``siren`` when a SIREN given is not the
    start of the SIRET given. Both values are already normalised.
    """
    if siret is None:
        return siren
    if siren is not None and siren != siret[:9]:
        raise ValidationError.single(
            "siren", "siren_mismatch", f"SIREN {siren} is not the start of SIRET {siret}"
        )
    return siret[:9]


def check_elected_mandate(is_elected_official: bool | None, mandate: str | None) -> None:
    """An elected official's mandate is required (``required`` on ``mandate``)."""
    if is_elected_official and not mandate:
        raise ValidationError.single(
            "mandate", "required", "an elected official's mandate is required"
        )


def check_done_date(status: str | None, done_date: dt.date | None) -> None:
    """Only a done action has a done date (``not_done`` on ``done_date``).

    A status of None is not known yet (an import row that leaves it as it is).
    """
    if done_date is not None and status not in (None, "done"):
        raise ValidationError.single(
            "done_date", "not_done", "only an action marked done has a done date"
        )


def _problems(check: Callable[..., object], *args: Any, **kwargs: Any) -> list[FieldProblem]:
    try:
        check(*args, **kwargs)
    except ValidationError as error:
        return list(error.problems)
    return []


def add_cross_problems(problems: list[FieldProblem], cross: list[FieldProblem]) -> None:
    """Add the cross-field problems to *problems*, except on a field already wrong.

    Every path reports all its problems at once, each field's own first: an
    invalid mandate is not also reported as a missing one.
    """
    wrong = {problem.field for problem in problems}
    problems.extend(problem for problem in cross if problem.field not in wrong)


def organisation_problems(values: dict[str, Any]) -> list[FieldProblem]:
    """Cross-field problems of an organisation's checked values; sets its SIREN."""
    try:
        values["siren"] = siren_for_siret(values.get("siret"), values.get("siren"))
    except ValidationError as error:
        return list(error.problems)
    return []


def contact_problems(values: Mapping[str, Any]) -> list[FieldProblem]:
    """Cross-field problems of a contact's checked values."""
    return _problems(
        check_elected_mandate, values.get("is_elected_official"), values.get("mandate")
    )


def action_problems(values: Mapping[str, Any]) -> list[FieldProblem]:
    """Cross-field problems of a roadmap action's checked values."""
    return _problems(
        v.check_date_order,
        values.get("start_date"),
        values.get("due_date"),
        start_field="start_date",
        end_field="due_date",
    ) + _problems(check_done_date, values.get("status"), values.get("done_date"))
