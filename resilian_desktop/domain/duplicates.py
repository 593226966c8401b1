"""When two records are the same one: the duplicate rules, for every path.

The record windows warn with them before saving, the importer uses them to
update the record a row describes (or to report a probable duplicate), and
the merge is how the officer ends a duplicate that got in anyway.

- Organisations: the same SIRET; or the same name (folded, legal form
  ignored) in the same commune, a commune not known on one side counting as
  the same (a company created from a contacts file has none yet), whatever
  the SIRET.
- Contacts: the same e-mail address (case ignored); or the same name
  (folded) in the same organisation.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from resilian_desktop.domain.text import contact_sort_name, fold

__all__ = [
    "LEGAL_FORMS",
    "ContactIdentity",
    "Match",
    "OrganisationIdentity",
    "comparable_name",
    "contact_match",
    "is_other_contact",
    "is_probable_duplicate",
    "organisation_match",
    "same_commune",
]

# Legal forms ignored when comparing names: "Fonderie X SAS" is "Fonderie X".
LEGAL_FORMS = frozenset(
    {"sa", "sas", "sasu", "sarl", "eurl", "sca", "snc", "gmbh", "ets", "etablissements"}
)


class Match(StrEnum):
    """Why two records look like one."""

    SIRET = "siret"
    NAME_COMMUNE = "name_commune"
    EMAIL = "email"
    NAME = "name"


@dataclass(frozen=True)
class OrganisationIdentity:
    """What tells one organisation from another."""

    name: str
    commune: str | None = None
    siret: str | None = None


@dataclass(frozen=True)
class ContactIdentity:
    """What tells one contact from another."""

    first_name: str
    last_name: str
    email: str | None = None
    organisation_id: int | None = None


def comparable_name(name: str) -> str:
    """The name as compared for duplicates: folded, without legal form."""
    return " ".join(w for w in fold(name).split() if w not in LEGAL_FORMS)


def same_commune(a: str | None, b: str | None) -> bool:
    """Whether two communes may be the same place: equal once folded, or one unknown."""
    if not a or not b:
        return True
    return fold(a) == fold(b)


def organisation_match(new: OrganisationIdentity, existing: OrganisationIdentity) -> Match | None:
    """Why *new* looks like *existing*, or None when it does not.

    A different SIRET does not make two organisations different: the same
    name in the same commune is a probable duplicate all the same (the
    officer decides; see is_probable_duplicate).
    """
    if new.siret and new.siret == existing.siret:
        return Match.SIRET
    key = comparable_name(new.name)
    if (
        key
        and key == comparable_name(existing.name)
        and same_commune(new.commune, existing.commune)
    ):
        return Match.NAME_COMMUNE
    return None


def is_probable_duplicate(new: OrganisationIdentity, existing: OrganisationIdentity) -> bool:
    """A name-and-commune match that the SIRETs contradict: ask, never merge silently."""
    return bool(new.siret and existing.siret and new.siret != existing.siret)


def contact_match(new: ContactIdentity, existing: ContactIdentity) -> Match | None:
    """Why *new* looks like *existing*, or None when it does not."""
    if new.email and existing.email and new.email.casefold() == existing.email.casefold():
        return Match.EMAIL
    if new.organisation_id == existing.organisation_id and contact_sort_name(
        new.last_name, new.first_name
    ) == contact_sort_name(existing.last_name, existing.first_name):
        return Match.NAME
    return None


def is_other_contact(new: ContactIdentity, existing: ContactIdentity) -> bool:
    """An e-mail match between two different names: a shared mailbox or a typo, not one person."""
    return contact_sort_name(new.last_name, new.first_name) != contact_sort_name(
        existing.last_name, existing.first_name
    )
