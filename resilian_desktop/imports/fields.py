"""What each kind of import reads: its fields and the headers that name them.

Headers are compared folded (accents, case, punctuation ignored), so "E-mail",
"e mail" and "EMAIL" are one; French and English names are both known. A
column whose header is not known is left for the mapping step.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from resilian_desktop.imports.reading import header_words


class ImportKind(StrEnum):
    ORGANISATIONS = "organisations"
    CONTACTS = "contacts"
    REGISTRATIONS = "registrations"
    ACTIONS = "actions"


KIND_LABELS = {
    ImportKind.ORGANISATIONS: "Organisations",
    ImportKind.CONTACTS: "Contacts",
    ImportKind.REGISTRATIONS: "Inscriptions à une réunion",
    ImportKind.ACTIONS: "Actions de feuille de route",
}

# The mapping value of a column that is not imported.
IGNORED = ""


@dataclass(frozen=True)
class FieldSpec:
    """A field an import can fill, and the column headers that mean it."""

    key: str
    label: str  # French, as the mapping step shows it
    aliases: tuple[str, ...]  # header texts, written naturally; folded when compared
    required: bool = False


_ORGANISATION_NAME = FieldSpec(
    "organisation",
    "Structure",
    (
        "Entreprise",
        "Société",
        "Organisation",
        "Organization",
        "Organisme",
        "Employeur",
        "Raison sociale",
        "Company",
        "Établissement",
    ),
)

_CONTACT_FIELDS = (
    FieldSpec("civility", "Civilité", ("Civ", "Civility", "Titre de civilité", "Salutation")),
    FieldSpec("last_name", "Nom", ("Nom de famille", "Last name", "Surname", "Family name"), True),
    FieldSpec("first_name", "Prénom", ("First name", "Given name", "Firstname"), True),
    _ORGANISATION_NAME,
    FieldSpec("job_title", "Fonction", ("Poste", "Job title", "Position", "Titre", "Qualité")),
    FieldSpec(
        "email",
        "E-mail",
        (
            "Email",
            "Mail",
            "Courriel",
            "Adresse e-mail",
            "Adresse mail",
            "Adresse électronique",
            "Email address",
        ),
    ),
    FieldSpec(
        "phone",
        "Téléphone",
        ("Tél", "Tel", "Téléphone fixe", "Ligne directe", "Phone", "Telephone", "Work phone"),
    ),
    FieldSpec("mobile", "Mobile", ("Portable", "Téléphone portable", "Tél portable", "Cell")),
    FieldSpec("is_elected_official", "Élu", ("Élu(e)", "Elected official", "Elu")),
    FieldSpec("mandate", "Mandat", ("Mandate",)),
    FieldSpec("notes", "Notes", ("Commentaire", "Commentaires", "Remarques", "Comments")),
)

FIELDS: dict[ImportKind, tuple[FieldSpec, ...]] = {
    ImportKind.ORGANISATIONS: (
        FieldSpec(
            "name",
            "Raison sociale",
            (
                "Nom",
                "Dénomination",
                "Dénomination sociale",
                "Entreprise",
                "Société",
                "Structure",
                "Organisation",
                "Name",
                "Company",
                "Company name",
            ),
            True,
        ),
        FieldSpec("kind", "Type", ("Catégorie", "Type de structure", "Kind")),
        FieldSpec("siret", "SIRET", ("N° SIRET", "Numéro SIRET", "Siret")),
        FieldSpec("siren", "SIREN", ("N° SIREN", "Numéro SIREN")),
        FieldSpec("naf_code", "Code NAF", ("NAF", "APE", "Code APE", "NAF code", "Code NAF/APE")),
        FieldSpec("sector", "Secteur", ("Secteur d'activité", "Activité", "Sector", "Industry")),
        FieldSpec("address", "Adresse", ("Rue", "Address", "Adresse postale")),
        FieldSpec("postcode", "Code postal", ("CP", "Postcode", "Postal code", "Zip", "Zip code")),
        FieldSpec("commune", "Commune", ("Ville", "Localité", "City", "Town")),
        FieldSpec("country", "Pays", ("Country",)),
        FieldSpec(
            "headcount",
            "Effectif",
            ("Effectifs", "Salariés", "Nombre de salariés", "Headcount", "Employees"),
        ),
        FieldSpec("website", "Site web", ("Site internet", "Site", "Web", "Website", "URL")),
        FieldSpec("notes", "Notes", ("Commentaire", "Commentaires", "Remarques", "Comments")),
    ),
    ImportKind.CONTACTS: _CONTACT_FIELDS,
    ImportKind.REGISTRATIONS: (
        *_CONTACT_FIELDS,
        FieldSpec("status", "Statut", ("Présence", "Status", "Attendance")),
    ),
    ImportKind.ACTIONS: (
        FieldSpec(
            "title",
            "Action",
            ("Intitulé", "Libellé", "Titre", "Tâche", "Title", "Task", "Jalon / action"),
            True,
        ),
        FieldSpec("owner", "Porteur", ("Responsable", "Pilote", "Qui", "Owner", "Who")),
        FieldSpec("start_date", "Début", ("Date de début", "Démarrage", "Start", "Start date")),
        FieldSpec(
            "due_date",
            "Échéance",
            ("Date d'échéance", "Date limite", "Pour le", "Fin", "Due", "Due date", "Deadline"),
        ),
        FieldSpec("status", "Statut", ("État", "Etat", "Status")),
        FieldSpec("progress", "Avancement", ("Progression", "% réalisé", "Progress", "%")),
        FieldSpec("is_milestone", "Jalon", ("Milestone",)),
        FieldSpec("deliverable", "Livrable", ("Deliverable",)),
        FieldSpec("description", "Description", ("Détail", "Détails", "Commentaire", "Details")),
        FieldSpec("done_date", "Fait le", ("Date de réalisation", "Réalisé le", "Done date")),
    ),
}


def field_spec(kind: ImportKind, key: str) -> FieldSpec:
    for spec in FIELDS[kind]:
        if spec.key == key:
            return spec
    raise KeyError(f"{kind} imports have no field {key!r}")


# Folded header -> field, per kind; the first field listed wins a shared alias.
_BY_HEADER: dict[ImportKind, dict[str, str]] = {
    kind: {
        header_words(alias): spec.key
        for spec in reversed(specs)
        for alias in (*spec.aliases, spec.label)
    }
    for kind, specs in FIELDS.items()
}


def field_for_header(kind: ImportKind, header: str) -> str | None:
    """The field a column header names for *kind*, or None when unknown."""
    return _BY_HEADER[kind].get(header_words(header))


def guess_kind(headers: tuple[str, ...]) -> ImportKind | None:
    """The kind of import whose fields the headers name best; None when none is named.

    On a tie the order of ImportKind decides; registrations are never guessed
    (a registration file looks like a contacts file: the caller knows the meeting).
    """
    best, best_hits = None, 0
    for kind in ImportKind:
        if kind is ImportKind.REGISTRATIONS:
            continue
        hits = len({field_for_header(kind, h) for h in headers} - {None})
        if hits > best_hits:
            best, best_hits = kind, hits
    return best


def _fields_named(kind: ImportKind, headers: tuple[str, ...]) -> set[str]:
    return {key for h in headers if (key := field_for_header(kind, h)) is not None}


_CONTACTS = {ImportKind.CONTACTS, ImportKind.REGISTRATIONS}


def other_kind(kind: ImportKind, headers: tuple[str, ...]) -> ImportKind | None:
    """The kind whose fields *headers* plainly name, when it is not *kind*; else None.

    A contacts file given as organisations would otherwise make an
    organisation of every surname ("Nom" is both a name and a surname).
    Contacts and registrations are one family: neither is another's.
    """
    best = guess_kind(headers)
    if best is None or best is kind or {best, kind} <= _CONTACTS:
        return None
    # Plainly: two fields more and twice as many, so that one stray header
    # ("Qui" is also an action's owner) never decides.
    theirs, ours = len(_fields_named(best, headers)), len(_fields_named(kind, headers))
    return best if theirs >= ours + 2 and theirs >= 2 * ours else None


def expected_columns(kind: ImportKind) -> str:
    """The columns an import of *kind* reads, as the mapping step names them."""
    return ", ".join(
        f"{spec.label} (required)" if spec.required else spec.label for spec in FIELDS[kind]
    )


def is_known_header(kind: ImportKind | None, header: str) -> bool:
    """True when *header* names a field of *kind* (of any kind when None)."""
    kinds = [kind] if kind is not None else list(ImportKind)
    return any(field_for_header(k, header) is not None for k in kinds)


def guess_mapping(kind: ImportKind, headers: tuple[str, ...]) -> tuple[str, ...]:
    """The field of each column, IGNORED when unknown or already taken by a column before."""
    mapping: list[str] = []
    taken: set[str] = set()
    for header in headers:
        key = field_for_header(kind, header)
        if key is None or key in taken:
            mapping.append(IGNORED)
        else:
            mapping.append(key)
            taken.add(key)
    return tuple(mapping)
