"""A fictional but realistic demo network, generated fast into an empty database.

``generate_demo(db, scale=N)`` writes N copies of an industrial network of
Alsace du Nord: about thirty companies with their staff, the partners
(funders, local authorities, the agency, a training body, the chamber of
commerce) with theirs, three years of meetings with attendance, six taskforces
with their roadmaps. Everything is fictional: companies, people, SIRETs (valid
checksums, derived from a counter so they never collide), e-mail addresses and
websites (under the reserved ``.example`` domain, so that no message written
from the demo can reach a real inbox). Only the public partners carry real
names (Région Grand Est, the Haguenau agglomeration, the chamber of commerce).

Every copy has the same structure (the same number of organisations, people,
meetings, taskforces and roadmap actions); names, dates within a month,
attendance and statuses vary. Copy 1 uses hand-written company names (with
accents, apostrophes and ligatures); further copies combine sector words and
local names, and their partners carry a network number ("— réseau 2").

Speed: rows are built as plain dicts with primary keys counted here, and
written in batches with executemany on the engine's sqlite3 connection, in
one transaction; no ORM object is created (see _RowBuffer), and the sort keys
and search index entries are derived while the rows are buffered. At large
scales the rows are generated in a second process while this one writes
(see _load_from_worker).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import multiprocessing.connection
import os
import queue
import random
import sqlite3
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import CheckConstraint, Date, DateTime, Time
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import HISTORY_TABLES, Base, utc_now
from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.domain.text import fold, person_sort_name
from resilian_desktop.domain.vocab import (
    ActionStatus,
    AttendanceRole,
    AttendanceStatus,
    ConsentBasis,
    MeetingKind,
    MeetingStatus,
    MemberRole,
    OrganisationKind,
    TaskforceStatus,
    TopicRelation,
)
from resilian_desktop.services.search import (
    IndexEntry,
    meeting_entry,
    organisation_entry,
    person_entry,
    taskforce_entry,
)

Row = dict[str, Any]
T = TypeVar("T")

MAX_SCALE = 100_000  # 3.9 million organisations: SIRETs stay unique below 10**7 (make_siret)
BATCH_ROWS = 10_000
"""Rows buffered (all tables together) before they are written."""
BULK_CACHE_KIB = 256 * 1024
WORKER_MIN_SCALE = 20
"""From this scale on rows are generated in a second process (about 0.5 s to start)."""
WORKER_QUEUED_BATCHES = 8
"""Batches the worker may send ahead of the writer (bounds the memory used)."""

# Tables in an order that satisfies every foreign key (SQLite checks them per statement).
TABLE_ORDER = (
    "programme",
    "topic",
    "organisation",
    "programme_funder",
    "membership",
    "organisation_topic",
    "person",
    "taskforce",
    "taskforce_origin",
    "taskforce_member",
    "meeting",
    "meeting_topic",
    "attendance",
    "roadmap_action",
)


@dataclass(frozen=True)
class DemoSummary:
    """What generate_demo wrote, and how long it took."""

    organisations: int
    people: int
    meetings: int
    attendances: int
    taskforces: int
    actions: int
    seconds: float


class DemoRefused(ResilianError):
    """The demo is only written into an empty database; nothing was changed."""


# --------------------------------------------------------------------------- reference data

MAIN_PROGRAMME = "RESILIAN - Alsace du Nord"
PROGRAMME_START = dt.date(2018, 3, 1)
LEGITIMATE_INTEREST = ConsentBasis.LEGITIMATE_INTEREST.value
FOOD_PROGRAMME = "Innovation alimentaire - Bas-Rhin"
AGENCY_NAME = "Agence de développement Alsace Nord (ADAN)"
FUND_NAME = "Fonds de revitalisation des Tréfileries de la Moder"
DOMAIN_TLD = "example"

TOPICS = (
    "Lean",
    "Digitalisation",
    "Formation",
    "Ressources humaines",
    "Relation donneur d'ordre / sous-traitant",
    "Innovation",
    "Énergie",
    "Achats",
    "Sécurité",
    "Recrutement",
)
(
    T_LEAN,
    T_DIGITAL,
    T_TRAINING,
    T_HR,
    T_SUPPLY,
    T_INNOVATION,
    T_ENERGY,
    T_PURCHASING,
    T_SAFETY,
    T_RECRUITMENT,
) = range(len(TOPICS))

COMMUNES: dict[str, str] = {
    "Haguenau": "67500",
    "Reichshoffen": "67110",
    "Bischwiller": "67240",
    "Wissembourg": "67160",
    "Niederbronn-les-Bains": "67110",
    "Brumath": "67170",
    "Soufflenheim": "67620",
    "Seltz": "67470",
    "Betschdorf": "67660",
    "Gundershoffen": "67110",
    "Schweighouse-sur-Moder": "67590",
    "Mertzwiller": "67580",
    "Hoerdt": "67720",
    "Drusenheim": "67410",
    "Oberhoffen-sur-Moder": "67240",
}
COMMUNE_NAMES = tuple(COMMUNES)

NAF_LABELS: dict[str, str] = {
    "10.13A": "Préparation industrielle de produits à base de viande",
    "10.71A": "Fabrication industrielle de pain et de pâtisserie fraîche",
    "11.05Z": "Fabrication de bière",
    "16.23Z": "Fabrication de charpentes et d'autres menuiseries",
    "17.21A": "Fabrication de carton ondulé",
    "20.30Z": "Fabrication de peintures, vernis, encres et mastics",
    "22.22Z": "Fabrication d'emballages en matières plastiques",
    "22.29A": "Fabrication de pièces techniques à base de matières plastiques",
    "23.12Z": "Façonnage et transformation du verre plat",
    "23.20Z": "Fabrication de produits réfractaires",
    "23.41Z": "Fabrication d'articles céramiques à usage domestique ou ornemental",
    "24.51Z": "Fonderie de fonte",
    "24.53Z": "Fonderie de métaux légers",
    "25.11Z": "Fabrication de structures métalliques et de parties de structures",
    "25.50A": "Forge, estampage, matriçage ; métallurgie des poudres",
    "25.50B": "Découpage, emboutissage",
    "25.61Z": "Traitement et revêtement des métaux",
    "25.62A": "Décolletage",
    "25.62B": "Mécanique industrielle",
    "26.51B": "Fabrication d'instrumentation scientifique et technique",
    "27.12Z": "Fabrication de matériel de distribution et de commande électrique",
    "27.32Z": "Fabrication d'autres fils et câbles électroniques ou électriques",
    "27.51Z": "Fabrication d'appareils électroménagers",
    "28.15Z": "Fabrication d'engrenages et d'organes mécaniques de transmission",
    "28.25Z": "Fabrication d'équipements aérauliques et frigorifiques industriels",
    "28.29B": "Fabrication d'autres machines d'usage général",
    "29.32Z": "Fabrication d'autres équipements automobiles",
    "33.12Z": "Réparation de machines et équipements mécaniques",
    "70.22Z": "Conseil pour les affaires et autres conseils de gestion",
    "84.11Z": "Administration publique générale",
    "84.13Z": "Administration publique (tutelle) des activités économiques",
    "85.59A": "Formation continue d'adultes",
    "94.11Z": "Activités des organisations patronales et consulaires",
}
FOOD_NAF = frozenset({"10.13A", "10.71A", "11.05Z"})


class CompanyTemplate(NamedTuple):
    name: str  # the name used in the first copy
    naf: str
    commune: str
    headcount: int
    prefix: str  # sector word used to build names in further copies
    expertise: tuple[int, ...]  # topic indexes
    needs: tuple[int, ...]
    since_year: int | None  # RESILIAN member since; None: a prospect


COMPANIES: tuple[CompanyTemplate, ...] = (
    CompanyTemplate(
        "Société Alsacienne de Mécanique",
        "25.62B",
        "Haguenau",
        180,
        "Mécanique",
        (T_LEAN, T_TRAINING),
        (T_HR, T_RECRUITMENT),
        2018,
    ),
    CompanyTemplate(
        "L'Œuvre Métallique",
        "25.11Z",
        "Reichshoffen",
        65,
        "Métallerie",
        (T_SAFETY,),
        (T_DIGITAL, T_PURCHASING),
        2018,
    ),
    CompanyTemplate(
        "Fonderie Cœur d'Alsace",
        "24.51Z",
        "Reichshoffen",
        1200,
        "Fonderie",
        (T_LEAN, T_ENERGY, T_SUPPLY),
        (T_RECRUITMENT,),
        2018,
    ),
    CompanyTemplate(
        "Plasturgie L'Oréalienne",
        "22.29A",
        "Bischwiller",
        95,
        "Plasturgie",
        (T_TRAINING,),
        (T_LEAN, T_ENERGY),
        2018,
    ),
    CompanyTemplate(
        "Ateliers Würth-Kœnig",
        "28.29B",
        "Schweighouse-sur-Moder",
        140,
        "Ateliers",
        (T_DIGITAL, T_INNOVATION),
        (T_RECRUITMENT,),
        2019,
    ),
    CompanyTemplate(
        "Décolletage de la Moder",
        "25.62A",
        "Schweighouse-sur-Moder",
        45,
        "Décolletage",
        (),
        (T_SUPPLY, T_TRAINING),
        2019,
    ),
    CompanyTemplate(
        "Haguenau Équipements Automobiles",
        "29.32Z",
        "Haguenau",
        850,
        "Équipements",
        (T_LEAN, T_SUPPLY, T_PURCHASING),
        (T_RECRUITMENT, T_HR),
        2018,
    ),
    CompanyTemplate(
        "Boulangerie Industrielle du Ried",
        "10.71A",
        "Brumath",
        210,
        "Boulangerie industrielle",
        (T_SAFETY,),
        (T_RECRUITMENT, T_ENERGY),
        2020,
    ),
    CompanyTemplate(
        "Réfractaires du Nord-Alsace",
        "23.20Z",
        "Seltz",
        120,
        "Réfractaires",
        (T_ENERGY,),
        (T_DIGITAL,),
        2019,
    ),
    CompanyTemplate(
        "Électro-Distribution de la Sauer",
        "27.12Z",
        "Seltz",
        310,
        "Électrotechnique",
        (T_DIGITAL, T_INNOVATION),
        (T_TRAINING,),
        2018,
    ),
    CompanyTemplate(
        "Charpentes et Menuiseries Bœhler",
        "16.23Z",
        "Gundershoffen",
        38,
        "Menuiserie industrielle",
        (),
        (T_DIGITAL, T_RECRUITMENT),
        2021,
    ),
    CompanyTemplate(
        "Peintures et Vernis Rhénans",
        "20.30Z",
        "Drusenheim",
        75,
        "Peintures",
        (T_SAFETY,),
        (T_ENERGY,),
        2020,
    ),
    CompanyTemplate(
        "Poteries de Betschdorf",
        "23.41Z",
        "Betschdorf",
        18,
        "Poterie",
        (),
        (T_DIGITAL, T_INNOVATION),
        2022,
    ),
    CompanyTemplate(
        "Emboutissage de la Lauter",
        "25.50B",
        "Wissembourg",
        160,
        "Emboutissage",
        (T_LEAN,),
        (T_PURCHASING,),
        2018,
    ),
    CompanyTemplate(
        "Traitements de Surface de Hoerdt",
        "25.61Z",
        "Hoerdt",
        55,
        "Traitements de surface",
        (T_SAFETY,),
        (T_ENERGY, T_HR),
        2020,
    ),
    CompanyTemplate(
        "Cartonnerie de Bischwiller",
        "17.21A",
        "Bischwiller",
        130,
        "Cartonnerie",
        (T_PURCHASING,),
        (T_LEAN,),
        2019,
    ),
    CompanyTemplate(
        "Brasserie de l'Outre-Forêt",
        "11.05Z",
        "Wissembourg",
        24,
        "Brasserie",
        (T_INNOVATION,),
        (T_ENERGY,),
        2023,
    ),
    CompanyTemplate(
        "Engrenages Schmitt & Fils",
        "28.15Z",
        "Mertzwiller",
        70,
        "Engrenages",
        (T_TRAINING,),
        (T_HR,),
        2018,
    ),
    CompanyTemplate(
        "Mécanique de Précision de Gundershoffen",
        "25.62B",
        "Gundershoffen",
        40,
        "Mécanique de précision",
        (),
        (T_LEAN, T_SUPPLY),
        2021,
    ),
    CompanyTemplate(
        "Emballages Plastiques du Rhin",
        "22.22Z",
        "Drusenheim",
        260,
        "Emballages",
        (T_LEAN, T_DIGITAL),
        (T_ENERGY,),
        2019,
    ),
    CompanyTemplate(
        "Cuisson et Confort de Niederbronn",
        "27.51Z",
        "Niederbronn-les-Bains",
        450,
        "Appareils",
        (T_INNOVATION, T_SUPPLY),
        (T_TRAINING,),
        2018,
    ),
    CompanyTemplate(
        "Instruments de Mesure Müller-Oberlé",
        "26.51B",
        "Haguenau",
        85,
        "Instruments",
        (T_INNOVATION, T_DIGITAL),
        (T_RECRUITMENT,),
        2020,
    ),
    CompanyTemplate(
        "Froid et Aéraulique d'Alsace",
        "28.25Z",
        "Hoerdt",
        110,
        "Aéraulique",
        (T_ENERGY,),
        (T_LEAN,),
        2022,
    ),
    CompanyTemplate(
        "Structures Métalliques d'Oberhoffen",
        "25.11Z",
        "Oberhoffen-sur-Moder",
        48,
        "Charpente métallique",
        (),
        (T_SAFETY, T_RECRUITMENT),
        2023,
    ),
    CompanyTemplate(
        "Fonderie d'Aluminium de la Zinsel",
        "24.53Z",
        "Mertzwiller",
        95,
        "Fonderie",
        (T_ENERGY,),
        (T_DIGITAL, T_HR),
        2019,
    ),
    CompanyTemplate(
        "Salaisons du Hattgau",
        "10.13A",
        "Soufflenheim",
        65,
        "Salaisons",
        (),
        (T_SAFETY, T_RECRUITMENT),
        2021,
    ),
    CompanyTemplate(
        "Mécatronique Seltzoise",
        "28.29B",
        "Seltz",
        33,
        "Mécatronique",
        (T_DIGITAL,),
        (T_PURCHASING,),
        2024,
    ),
    CompanyTemplate(
        "Câblages Rhénans",
        "27.32Z",
        "Drusenheim",
        220,
        "Câblages",
        (T_LEAN,),
        (T_HR, T_TRAINING),
        2020,
    ),
    CompanyTemplate(
        "Maintenance Industrielle du Pays de Hanau",
        "33.12Z",
        "Brumath",
        22,
        "Maintenance industrielle",
        (T_TRAINING,),
        (T_DIGITAL,),
        None,
    ),
    CompanyTemplate(
        "Vitrages Techniques de Wissembourg",
        "23.12Z",
        "Wissembourg",
        190,
        "Vitrages",
        (T_SAFETY,),
        (T_ENERGY, T_INNOVATION),
        2022,
    ),
    CompanyTemplate(
        "Forges de Niederbronn",
        "25.50A",
        "Niederbronn-les-Bains",
        320,
        "Forges",
        (T_ENERGY, T_LEAN),
        (T_RECRUITMENT,),
        2018,
    ),
    CompanyTemplate(
        "Céramiques de Soufflenheim",
        "23.41Z",
        "Soufflenheim",
        28,
        "Céramiques",
        (),
        (T_INNOVATION, T_RECRUITMENT),
        None,
    ),
)
# The company that left the network, and when (months before "today").
LEAVER_INDEX = 12
LEAVER_MONTHS_AGO = 9

# Names of companies in further copies: "<sector word> <root><suffix>".
NAME_ROOTS = (
    "Kieffer", "Schaeffer", "Ehrhart", "Gœtz", "Oberlé", "Bastian", "Lœw", "Wurtz", "Haegel",
    "Stœckel", "Heitz", "Burckel", "Jaeglé", "Riehl", "Hertzog", "Sturm", "Kuntz", "Kœnig",
    "Bœhler", "Schœnenberger", "Zimmermann", "Ritter", "Hoffmann", "Weber", "Fischer",
    "de la Moder", "de la Sauer", "de la Zinsel", "de la Lauter", "du Sandlach", "du Ried",
    "de l'Outre-Forêt", "du Hattgau", "de l'Eberbach", "du Seltzbach", "du Rhin",
    "des Vosges du Nord", "du Pays de Hanau", "de la Forêt Sainte", "d'Alsace du Nord",
    "Cœur d'Alsace", "L'Étoile du Nord", "L'Œillet", "Saint-Éloi", "Rhin-Sauer", "Moder-Zorn",
)  # fmt: skip
NAME_SUFFIXES = ("", "", "", " SAS", " Industrie", " & Fils", " Frères", " SA")

STREETS = (
    "rue de l'Industrie",
    "rue des Artisans",
    "route de Bitche",
    "rue du Général de Gaulle",
    "rue de la Gare",
    "avenue de Strasbourg",
    "rue des Tuileries",
    "rue de la Forêt",
    "rue des Forges",
    "route de Wissembourg",
    "rue de l'Étang",
    "rue du Moulin",
    "rue Pasteur",
    "rue des Tanneurs",
    "route de Marienthal",
)
ZONES = (
    "Zone d'activités du Sandlach",
    "Zone industrielle Nord",
    "Parc d'activités de la Sauer",
    "Zone artisanale de l'Eberbach",
    "Zone d'activités économiques Ouest",
    "Parc d'activités du Ried",
)


class PartnerTemplate(NamedTuple):
    key: str
    name: str
    kind: OrganisationKind
    naf: str
    address: str
    postcode: str
    commune: str
    headcount: int | None
    domain: str


PARTNERS: tuple[PartnerTemplate, ...] = (
    PartnerTemplate(
        "region",
        "Région Grand Est",
        OrganisationKind.FUNDER,
        "84.11Z",
        "1 place Adrien Zeller",
        "67070",
        "Strasbourg",
        7000,
        "region-grandest",
    ),
    PartnerTemplate(
        "ca",
        "Communauté d'agglomération de Haguenau",
        OrganisationKind.LOCAL_AUTHORITY,
        "84.11Z",
        "84 route de Strasbourg",
        "67500",
        "Haguenau",
        650,
        "agglo-haguenau",
    ),
    PartnerTemplate(
        "fund",
        FUND_NAME,
        OrganisationKind.FUNDER,
        "70.22Z",
        "14 rue des Tréfileries",
        "67590",
        "Schweighouse-sur-Moder",
        None,
        "revitalisation-moder",
    ),
    PartnerTemplate(
        "agency",
        AGENCY_NAME,
        OrganisationKind.AGENCY,
        "84.13Z",
        "3 place de la Gare",
        "67500",
        "Haguenau",
        22,
        "adan-alsace",
    ),
    PartnerTemplate(
        "training",
        "Pôle Formation des Industries Alsace Nord",
        OrganisationKind.TRAINING_BODY,
        "85.59A",
        "5 rue de l'Industrie",
        "67110",
        "Reichshoffen",
        45,
        "pole-formation-alsace-nord",
    ),
    PartnerTemplate(
        "cci",
        "CCI Alsace Eurométropole — délégation de Haguenau",
        OrganisationKind.OTHER,
        "94.11Z",
        "12 rue des Dominicains",
        "67500",
        "Haguenau",
        30,
        "cci-alsace-nord",
    ),
    PartnerTemplate(
        "commune",
        "Ville de Reichshoffen",
        OrganisationKind.LOCAL_AUTHORITY,
        "84.11Z",
        "Place de la Mairie",
        "67110",
        "Reichshoffen",
        80,
        "ville-reichshoffen",
    ),
)
# Partners that fund RESILIAN, in the order of their logos.
FUNDER_KEYS = ("region", "ca", "fund")


def demo_logo(key: str) -> str:
    """The funder's fictional demo logo (scripts/demo_logos.py draws them), found in
    the application's resources: a path relative to them, as the documents resolve it."""
    return f"logos/demo/{key}.png"


class StaffTemplate(NamedTuple):
    key: str
    partner: str | None  # PartnerTemplate.key; None: no organisation
    civility: str
    job: str | None
    mandate: str | None


STAFF: tuple[StaffTemplate, ...] = (
    StaffTemplate("officer", "agency", "Mme", "Chargée de mission RESILIAN", None),
    StaffTemplate("agency_director", "agency", "M.", "Directeur", None),
    StaffTemplate("agency_food", "agency", "M.", "Chargé de mission agroalimentaire", None),
    StaffTemplate("agency_assistant", "agency", "Mme", "Assistante de direction", None),
    StaffTemplate(
        "region_elected", "region", "Mme", "Conseillère régionale", "Conseillère régionale"
    ),
    StaffTemplate(
        "region_officer",
        "region",
        "M.",
        "Chargé de mission industrie — Direction de la compétitivité",
        None,
    ),
    StaffTemplate(
        "ca_elected",
        "ca",
        "M.",
        "Vice-président",
        "Vice-président de la CA de Haguenau en charge du développement économique",
    ),
    StaffTemplate(
        "ca_officer", "ca", "Mme", "Responsable du service développement économique", None
    ),
    StaffTemplate("mayor", "commune", "M.", "Maire", "Maire de Reichshoffen"),
    StaffTemplate(
        "departmental", None, "Mme", None, "Conseillère départementale du canton de Haguenau"
    ),
    StaffTemplate("fund_manager", "fund", "M.", "Gestionnaire du fonds de revitalisation", None),
    StaffTemplate("training_advisor", "training", "Mme", "Conseillère formation entreprises", None),
    StaffTemplate("training_director", "training", "M.", "Directeur", None),
    StaffTemplate("cci_advisor", "cci", "M.", "Conseiller entreprises industrie", None),
)

# Job titles: (masculine, feminine, counts as a director for challenges).
TOP_JOBS_SMALL = (("Gérant", "Gérante"), ("Président", "Présidente"), ("Dirigeant", "Dirigeante"))
TOP_JOBS_MEDIUM = (("Directeur général", "Directrice générale"), ("Président", "Présidente"))
TOP_JOB_PLANT = ("Directeur de site", "Directrice de site")
OTHER_JOBS: tuple[tuple[str, str, bool], ...] = (
    ("Directeur industriel", "Directrice industrielle", True),
    ("Responsable RH", "Responsable RH", False),
    ("Responsable amélioration continue", "Responsable amélioration continue", False),
    ("DAF", "DAF", False),
    ("Responsable achats", "Responsable achats", False),
    ("Responsable de production", "Responsable de production", False),
    ("Responsable qualité", "Responsable qualité", False),
    ("Responsable HSE", "Responsable HSE", False),
    ("Responsable maintenance", "Responsable maintenance", False),
    ("Chargé de recrutement", "Chargée de recrutement", False),
    ("Responsable formation", "Responsable formation", False),
    ("Responsable supply chain", "Responsable supply chain", False),
    ("Responsable bureau d'études", "Responsable bureau d'études", False),
    ("Responsable énergie et environnement", "Responsable énergie et environnement", False),
    ("Chef d'atelier", "Cheffe d'atelier", False),
    ("Ingénieur méthodes", "Ingénieure méthodes", False),
    ("Directeur technique", "Directrice technique", True),
)

# Names by origin: (male first names, female first names, last names).
# Polish last names with a masculine and a feminine form are written "m/f".
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "alsatian": (
        ("Jean-François", "Jean-Marc", "Thierry", "Frédéric", "Mathieu", "Rémi", "Bernard",
         "Joël", "André", "Hervé", "René", "Xavier", "Materne", "Aloïse", "Florian", "Arnaud"),
        ("Anaïs", "Mélanie", "Sandrine", "Céline", "Hélène", "Béatrice", "Marie-Odile",
         "Frédérique", "Joëlle", "Danièle", "Odile", "Christiane", "Élise", "Aurélie"),
        ("Schœnenberger", "Müller", "Kieffer", "Schaeffer", "Ehrhart", "Gœtz", "Oberlé",
         "Bastian", "Lœw", "Wurtz", "Haegel", "Stœckel", "Meyer", "Schmitt", "Weber",
         "Hoffmann", "Burckel", "Heitz", "Fischer", "Koehler", "Ritter", "Zimmermann",
         "Jaeglé", "Riehl", "Hertzog", "Sturm", "Kuntz", "Walter", "Bœhler", "Kœnig",
         "Grœll", "Wendling", "Schnœbelen", "Hœrner"),
    ),
    "french": (
        ("Laurent", "Stéphane", "Julien", "Nicolas", "Sébastien", "Christophe", "Aurélien",
         "Jérôme", "Benoît", "Théo", "Lucas", "Hugo", "Gaël", "Loïc", "François", "Éric",
         "Grégory", "Cédric", "Jean-Luc", "Pierre-Yves", "Maxime", "Bertrand", "Marc-André"),
        ("Chloé", "Zoé", "Léa", "Émilie", "Nathalie", "Agnès", "Valérie", "Isabelle", "Sophie",
         "Laëtitia", "Maëlle", "Noémie", "Clémence", "Marie-Hélène", "Anne-Sophie", "Cécile",
         "Pauline", "Margaux", "Élodie", "Gwenaëlle"),
        ("Martin", "Bernard", "Dubois", "Lefèvre", "Girard", "Bonnet", "Mercier", "Lambert",
         "Fontaine", "Rousseau", "Chevalier", "Gauthier", "Perrin", "Morel", "Garnier",
         "Faure", "Blanchard", "Roussel", "Béranger", "Ménard", "Lemaître", "Hébert",
         "Séguin", "D'Aubigné", "N'Diaye", "Le Guérec", "Prévost", "Thiébaut"),
    ),
    "polish": (
        ("Łukasz", "Paweł", "Krzysztof", "Piotr", "Tomasz", "Michał", "Wojciech", "Grzegorz"),
        ("Agnieszka", "Małgorzata", "Katarzyna", "Joanna", "Magdalena", "Żaneta", "Urszula"),
        ("Wiśniewski/Wiśniewska", "Kowalski/Kowalska", "Nowak", "Lewandowski/Lewandowska",
         "Wójcik", "Kamiński/Kamińska", "Zieliński/Zielińska", "Szymański/Szymańska",
         "Dąbrowski/Dąbrowska", "Król", "Mazur", "Grabowski/Grabowska"),
    ),
    "turkish": (
        ("Mehmet", "Mustafa", "Emre", "Hakan", "Oğuz", "Burak", "Serkan", "Çağlar"),
        ("Ayşe", "Elif", "Zeynep", "Gülşen", "Şule", "Özlem", "Büşra", "Hülya"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir",
         "Arslan", "Doğan", "Koç"),
    ),
    "portuguese": (
        ("João", "António", "José", "Luís", "Gonçalo", "Tiago", "Rui", "Sérgio"),
        ("Inês", "Conceição", "Fátima", "Leonor", "Beatriz", "Mariana", "Sónia"),
        ("Gonçalves", "Fernandes", "Rodrigues", "Pereira", "Da Silva", "Dos Santos", "Ferreira",
         "Carvalho", "Lopes", "Sousa", "Araújo", "Simões", "D'Almeida"),
    ),
    "vietnamese": (
        ("Văn Minh", "Đức Anh", "Quang Huy", "Văn Thành", "Minh Tuấn"),
        ("Thị Hồng", "Thị Lan", "Thu Trang", "Ngọc Anh", "Thị Mai"),
        ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"),
    ),
}  # fmt: skip
ORIGINS = tuple(NAMES)
ORIGIN_WEIGHTS = (34, 36, 8, 9, 8, 5)

# People of the first copy whose names show the range of the workforce:
# (company index, position in the company's staff, civility, first name, last name).
FEATURED_PEOPLE = (
    (2, 0, "M.", "Jean-François", "Schœnenberger"),
    (0, 1, "Mme", "Anaïs", "Müller"),
    (4, 1, "M.", "Łukasz", "Wiśniewski"),
    (3, 1, "Mme", "Thị Hồng", "Nguyễn"),
    (6, 2, "Mme", "Ayşe", "Yılmaz"),
    (1, 0, "M.", "João", "Gonçalves"),
)

# Business corner themes: (title, topics).
CORNER_THEMES: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("Lean et management visuel", (T_LEAN,)),
    ("Digitalisation de l'atelier : MES et suivi de production", (T_DIGITAL,)),
    ("Former et fidéliser les opérateurs", (T_TRAINING, T_HR)),
    ("Relation donneur d'ordre / sous-traitant : construire la confiance", (T_SUPPLY,)),
    ("SMED et réduction des temps de changement de série", (T_LEAN,)),
    ("Cybersécurité des PME industrielles", (T_DIGITAL, T_SAFETY)),
    ("Achats d'énergie : contrats et couverture", (T_ENERGY, T_PURCHASING)),
    ("Recruter dans l'industrie : nouvelles pratiques", (T_RECRUITMENT, T_HR)),
    ("Maintenance prédictive et capteurs connectés", (T_DIGITAL, T_INNOVATION)),
    ("Plan de développement des compétences", (T_TRAINING,)),
    ("Sécurité au poste : culture et rituels", (T_SAFETY, T_LEAN)),
    ("Sous-traitance de capacité : mutualiser les charges", (T_SUPPLY, T_PURCHASING)),
)
CORNER_MONTHS = (2, 4, 6, 9, 11)

CHALLENGE_SUBJECTS: tuple[tuple[str, int], ...] = (
    ("réorganisation de l'atelier", T_LEAN),
    ("passage au lean manufacturing", T_LEAN),
    ("implantation d'une nouvelle ligne de production", T_INNOVATION),
    ("digitalisation du suivi de production", T_DIGITAL),
    ("choix et déploiement d'un ERP", T_DIGITAL),
    ("automatisation du conditionnement", T_INNOVATION),
    ("réduction des consommations d'énergie", T_ENERGY),
    ("organisation en îlots autonomes", T_LEAN),
    ("stratégie de recrutement et d'intégration", T_RECRUITMENT),
    ("refonte de la maintenance préventive", T_DIGITAL),
    ("politique d'achats et panel fournisseurs", T_PURCHASING),
    ("sécurité des chantiers de maintenance", T_SAFETY),
)
CHALLENGE_MONTHS = (3, 7, 10)  # the July one only on odd years: two or three a year

FOOD_MEETINGS: tuple[tuple[int, str], ...] = (
    (-700, "Business corner — Innovation alimentaire : emballages et conservation"),
    (-330, "Business corner — Innovation alimentaire : attentes des consommateurs"),
    (30, "Business corner — Innovation alimentaire : valoriser les coproduits"),
)


class ActionTemplate(NamedTuple):
    title: str
    deliverable: str | None = None
    milestone: bool = False


class TaskforceTemplate(NamedTuple):
    name: str
    status: TaskforceStatus
    topics: tuple[int, ...]
    lead_company: int  # index in COMPANIES
    lead_job: str  # preferred job title of the lead person (masculine form)
    start_days: int  # relative to today
    stop_days: int | None  # end (closed) or pause (on hold), relative to today
    plan_days: int  # roadmap horizon, relative to the start
    problem: str
    objectives: str
    indicators: str
    actions: tuple[ActionTemplate, ...]


A = ActionTemplate
ROADMAP_INTRO = (
    A("Réunion de lancement et validation du périmètre", "Compte rendu de lancement"),
    A("Rédaction de la feuille de route", "Feuille de route v1"),
)
ROADMAP_OUTRO = (
    A("Présentation des résultats au comité de pilotage", None, True),
    A("Diffusion d'une synthèse aux membres du réseau", "Synthèse de deux pages"),
)

TASKFORCES: tuple[TaskforceTemplate, ...] = (
    TaskforceTemplate(
        name="Mutualisation des achats d'énergie",
        status=TaskforceStatus.ACTIVE,
        topics=(T_ENERGY, T_PURCHASING),
        lead_company=2,
        lead_job="Responsable énergie et environnement",
        start_days=-910,
        stop_days=None,
        plan_days=1090,
        problem=(
            "Les factures d'électricité et de gaz des membres ont doublé, parfois triplé, "
            "depuis 2022.\nLes PME achètent seules, sans visibilité sur les marchés, avec des "
            "contrats mal adaptés à leurs profils de consommation.\nLes grands sites disposent "
            "d'une expertise achats que les petites entreprises n'ont pas."
        ),
        objectives=(
            "- Constituer un groupement d'achat d'énergie ouvert aux membres du réseau\n"
            "- Réduire de 10 % le coût moyen du MWh pour les participants\n"
            "- Partager les bonnes pratiques de suivi des consommations"
        ),
        indicators=(
            "- Nombre d'entreprises engagées dans le groupement\n"
            "- Volumes d'électricité et de gaz achetés en commun (MWh)\n"
            "- Économie moyenne constatée par rapport aux contrats précédents\n"
            "- Nombre de sites équipés d'un suivi de consommation"
        ),
        actions=(
            A(
                "Recenser les contrats d'énergie en cours et leurs échéances",
                "Tableau des contrats",
            ),
            A(
                "Collecter les courbes de charge des sites volontaires",
                "Fichier de consommations consolidé",
            ),
            A("Analyser les profils de consommation par site", "Note d'analyse"),
            A("Rencontrer deux courtiers en énergie", "Comparatif des offres de courtage"),
            A("Étudier le cadre juridique d'un groupement de commandes", "Note juridique"),
            A("Décision de constituer le groupement", None, True),
            A("Rédiger la convention de groupement", "Convention signée"),
            A("Recueillir les mandats des entreprises participantes"),
            A("Rédiger le cahier des charges de la consultation", "Cahier des charges"),
            A("Lancer la consultation des fournisseurs"),
            A("Analyser les offres reçues", "Grille d'analyse des offres"),
            A("Attribution du marché d'électricité", None, True),
            A("Accompagner la bascule des contrats"),
            A("Mettre en place un suivi mensuel des consommations", "Tableau de bord énergie"),
            A("Organiser un business corner sur la sobriété énergétique"),
            A(
                "Étudier un contrat d'achat direct d'électricité renouvelable (PPA)",
                "Étude de faisabilité",
            ),
        ),
    ),
    TaskforceTemplate(
        name="Attractivité des métiers industriels",
        status=TaskforceStatus.ACTIVE,
        topics=(T_RECRUITMENT, T_HR),
        lead_company=6,
        lead_job="Responsable RH",
        start_days=-790,
        stop_days=None,
        plan_days=960,
        problem=(
            "Les entreprises du réseau peinent à recruter des opérateurs, des techniciens de "
            "maintenance et des régleurs : plus de 150 postes restent ouverts sur le territoire.\n"
            "Les jeunes et leurs familles connaissent mal l'industrie locale, dont l'image reste "
            "associée au travail pénible et aux fermetures de sites."
        ),
        objectives=(
            "- Faire découvrir les métiers industriels à 500 collégiens et lycéens par an\n"
            "- Organiser une opération portes ouvertes commune\n"
            "- Créer une page emploi commune aux entreprises du réseau"
        ),
        indicators=(
            "- Nombre de jeunes accueillis en visite ou en stage\n"
            "- Nombre de candidatures reçues par la page commune\n"
            "- Nombre de recrutements réalisés\n"
            "- Nombre d'entreprises participant aux portes ouvertes"
        ),
        actions=(
            A("Recenser les besoins de recrutement à trois ans", "Cartographie des besoins"),
            A("Rencontrer les principaux des collèges du secteur"),
            A("Concevoir un kit de présentation des métiers", "Kit de présentation"),
            A("Tourner des vidéos métiers chez trois membres", "Vidéos métiers"),
            A("Première semaine de l'industrie commune", None, True),
            A("Organiser les visites d'entreprises pour les collégiens"),
            A("Créer la page emploi commune", "Page emploi en ligne"),
            A("Former des ambassadeurs métiers dans chaque entreprise"),
            A("Participer au forum de l'emploi de Haguenau"),
            A("Signer un partenariat avec le lycée professionnel", "Convention de partenariat"),
            A("Accueillir des stagiaires de 3e dans les entreprises du réseau"),
            A("Opération portes ouvertes commune", None, True),
            A("Mesurer l'effet sur les candidatures", "Tableau de suivi des candidatures"),
            A("Étudier une solution de logement pour les alternants"),
        ),
    ),
    TaskforceTemplate(
        name="Formation des régleurs",
        status=TaskforceStatus.CLOSED,
        topics=(T_TRAINING,),
        lead_company=3,
        lead_job="Responsable formation",
        start_days=-1030,
        stop_days=-160,
        plan_days=860,
        problem=(
            "Les régleurs sur presses à injecter et sur machines-outils partent à la retraite "
            "sans relève.\nAucune formation locale ne correspond aux besoins : chaque entreprise "
            "forme seule, en interne, pendant plusieurs années."
        ),
        objectives=(
            "- Construire un parcours commun de formation de régleur avec un organisme local\n"
            "- Former une première promotion de douze salariés\n"
            "- Faire reconnaître le parcours par un certificat de qualification professionnelle"
        ),
        indicators=(
            "- Nombre de stagiaires formés\n"
            "- Taux de réussite à la certification\n"
            "- Nombre d'entreprises ayant envoyé des stagiaires\n"
            "- Satisfaction des entreprises à six mois"
        ),
        actions=(
            A("Définir le référentiel de compétences du régleur", "Référentiel de compétences"),
            A("Choisir l'organisme de formation partenaire"),
            A("Construire le programme de formation", "Programme détaillé"),
            A("Monter le dossier de financement avec l'OPCO", "Dossier de financement"),
            A("Validation du parcours par les entreprises", None, True),
            A("Recruter la première promotion de stagiaires", "Liste des stagiaires"),
            A("Organiser les périodes en entreprise"),
            A("Mettre des presses à disposition pour les travaux pratiques"),
            A("Fin de la première promotion", None, True),
            A("Évaluer la formation avec les stagiaires et les tuteurs", "Rapport d'évaluation"),
            A("Préparer la demande de certification", "Dossier de certification"),
            A("Transférer le parcours au catalogue de l'organisme de formation"),
        ),
    ),
    TaskforceTemplate(
        name="Logistique du dernier kilomètre",
        status=TaskforceStatus.ON_HOLD,
        topics=(T_PURCHASING, T_SUPPLY),
        lead_company=19,
        lead_job="Responsable supply chain",
        start_days=-670,
        stop_days=-185,
        plan_days=790,
        problem=(
            "Les livraisons vers les clients et entre sous-traitants du réseau se font en petits "
            "volumes, avec des camions à moitié vides.\nLes zones d'activités sont mal desservies "
            "et les transporteurs refusent les petites commandes urgentes."
        ),
        objectives=(
            "- Mutualiser les tournées de livraison entre entreprises voisines\n"
            "- Réduire de 20 % les kilomètres parcourus à vide\n"
            "- Tester une navette inter-entreprises sur la zone de Haguenau"
        ),
        indicators=(
            "- Nombre de tournées mutualisées par mois\n"
            "- Kilomètres évités\n"
            "- Taux de remplissage moyen des véhicules\n"
            "- Nombre d'entreprises utilisatrices de la navette"
        ),
        actions=(
            A("Cartographier les flux entre entreprises du réseau", "Carte des flux"),
            A("Interroger les transporteurs locaux", "Synthèse de l'enquête"),
            A("Identifier les flux mutualisables"),
            A("Choix du scénario de mutualisation", None, True),
            A("Rédiger le cahier des charges de la navette", "Cahier des charges"),
            A("Rechercher un transporteur partenaire"),
            A("Tester la navette pendant trois mois"),
            A("Évaluer le test et décider de la suite", "Rapport d'évaluation"),
            A("Étudier une plateforme de réservation partagée"),
        ),
    ),
    TaskforceTemplate(
        name="Gestion des compétences",
        status=TaskforceStatus.ACTIVE,
        topics=(T_HR, T_TRAINING),
        lead_company=0,
        lead_job="Responsable RH",
        start_days=-455,
        stop_days=None,
        plan_days=700,
        problem=(
            "Les PME du réseau n'ont pas d'outil pour suivre les compétences de leurs salariés.\n"
            "Les départs en retraite et la polyvalence sont gérés dans l'urgence, et les "
            "entretiens professionnels restent formels."
        ),
        objectives=(
            "- Doter chaque entreprise participante d'une matrice de compétences\n"
            "- Organiser des échanges de salariés entre entreprises pour la polyvalence\n"
            "- Anticiper les départs en retraite à cinq ans"
        ),
        indicators=(
            "- Nombre d'entreprises ayant une matrice de compétences à jour\n"
            "- Nombre de salariés concernés par un plan de transmission\n"
            "- Nombre d'échanges de salariés réalisés"
        ),
        actions=(
            A("Partager les pratiques RH des membres", "Synthèse des pratiques"),
            A("Choisir un modèle commun de matrice de compétences", "Modèle de matrice"),
            A("Tester la matrice dans trois entreprises"),
            A("Former les managers à l'entretien professionnel"),
            A("Matrices en place dans cinq entreprises", None, True),
            A(
                "Identifier les savoir-faire critiques menacés par les départs",
                "Liste des savoir-faire critiques",
            ),
            A("Mettre en place des binômes de transmission"),
            A(
                "Étudier le prêt de main-d'œuvre entre entreprises",
                "Note sur le prêt de main-d'œuvre",
            ),
            A("Organiser un premier échange de salariés"),
            A("Créer une bourse des compétences du réseau", "Bourse des compétences"),
            A("Bilan à un an", None, True),
        ),
    ),
    TaskforceTemplate(
        name="Décarbonation des procédés",
        status=TaskforceStatus.EMERGING,
        topics=(T_ENERGY, T_INNOVATION),
        lead_company=30,
        lead_job="Directeur technique",
        start_days=-60,
        stop_days=None,
        plan_days=330,
        problem=(
            "Les fours, étuves et compresseurs représentent l'essentiel des émissions des sites "
            "du réseau.\nLes clients demandent une réduction de l'empreinte carbone, mais les "
            "entreprises ne savent pas par où commencer ni quelles aides mobiliser."
        ),
        objectives=(
            "- Réaliser un bilan carbone simplifié dans chaque entreprise volontaire\n"
            "- Identifier trois projets de récupération de chaleur fatale\n"
            "- Monter un dossier commun de demande d'aide à la décarbonation"
        ),
        indicators=(
            "- Nombre de bilans carbone réalisés\n"
            "- Tonnes de CO2 évitées par les projets engagés\n"
            "- Montant des aides obtenues"
        ),
        actions=(
            A("Recenser les équipements les plus émetteurs", "Inventaire des équipements"),
            A("Réaliser des bilans carbone simplifiés", "Bilans carbone"),
            A("Visiter un site ayant récupéré sa chaleur fatale"),
            A("Identifier les aides de l'ADEME et de la Région", "Tableau des aides mobilisables"),
            A("Choix des projets pilotes", None, True),
            A("Étudier la récupération de chaleur sur les fours", "Étude de faisabilité"),
            A("Monter le dossier commun de demande d'aide", "Dossier de demande d'aide"),
        ),
    ),
)
TASKFORCE_MEETING_GAPS = (70, 63, 84, 77, 91, 66)  # days: every two to three months

# Attendance codes as plain strings, for the generator's hot loop.
PRESENT, EXCUSED, ABSENT = (
    AttendanceStatus.PRESENT.value,
    AttendanceStatus.EXCUSED.value,
    AttendanceStatus.ABSENT.value,
)
INVITED, REGISTERED = AttendanceStatus.INVITED.value, AttendanceStatus.REGISTERED.value
PARTICIPANT, SPEAKER, HOST = (
    AttendanceRole.PARTICIPANT.value,
    AttendanceRole.SPEAKER.value,
    AttendanceRole.HOST.value,
)
ORGANISER, ELECTED_OFFICIAL = AttendanceRole.ORGANISER.value, AttendanceRole.ELECTED_OFFICIAL.value

T_0830, T_0900, T_0930, T_1000 = dt.time(8, 30), dt.time(9), dt.time(9, 30), dt.time(10)
T_1130, T_1200, T_1400, T_1600 = dt.time(11, 30), dt.time(12), dt.time(14), dt.time(16)
T_1630, T_1730, T_1030 = dt.time(16, 30), dt.time(17, 30), dt.time(10, 30)
TASKFORCE_SLOTS = ((T_0930, T_1130), (T_1400, T_1600), (T_0830, T_1030))

HELD_MINUTES_OPENINGS = (
    "Tour de table et présentation des nouveaux participants.",
    "Accueil par l'entreprise hôte et rappel des règles d'échange du réseau.",
    "Rappel des objectifs de la séance et des suites de la précédente réunion.",
)
HELD_MINUTES_POINTS = (
    "Les participants ont partagé leurs indicateurs et leurs difficultés concrètes.",
    "Plusieurs entreprises rencontrent les mêmes freins : manque de temps des encadrants, "
    "turnover des opérateurs, outils mal adaptés aux petites séries.",
    "Les échanges ont fait apparaître des solutions simples, déjà éprouvées chez un membre.",
    "Les grandes entreprises proposent d'ouvrir leurs ateliers aux PME intéressées.",
    "La question du financement a été posée : l'agence recense les aides mobilisables.",
    "Un consensus se dégage pour avancer par petites étapes, avec un pilote volontaire.",
)


# --------------------------------------------------------------------------- helpers


def luhn_check_digit(payload: str) -> str:
    """The digit that, appended to *payload*, makes the whole pass the Luhn check."""
    total = 0
    for index, char in enumerate(reversed(payload)):
        digit = int(char)
        if index % 2 == 0:  # doubled once the check digit is appended
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def make_siret(counter: int, first_digit: int, nic: int) -> str:
    """A SIRET valid for the Luhn checks, unique for each *counter* below 10**7.

    The last seven digits of the SIREN body are a bijection of the counter
    (an affine map modulo 10**7 with a multiplier prime to 10, the digits
    reversed, a second affine map), so they look scattered yet never repeat;
    *first_digit* gives the family (2 for public bodies, 3 to 9 for companies)
    and *nic* the establishment number.
    """
    mixed = (counter * 6_180_339 + 2_718_281) % 10_000_000
    mixed = (int(f"{mixed:07d}"[::-1]) * 4_142_137 + 1_732_050) % 10_000_000
    body = f"{first_digit}{mixed:07d}"
    siren = body + luhn_check_digit(body)
    payload = siren + f"{nic:04d}"
    return payload + luhn_check_digit(payload)


def staff_size(headcount: int) -> int:
    """How many contacts the officer has in a company of *headcount* employees."""
    for limit, size in ((30, 3), (100, 4), (300, 5), (800, 6)):
        if headcount < limit:
            return size
    return 8


@lru_cache(maxsize=8192)
def slug(text: str) -> str:
    """ASCII lower-case words joined by hyphens; apostrophes glue ("L'Œuvre" -> "loeuvre")."""
    return "-".join(fold(text.replace("'", "").replace("’", "")).split())


def shift_to_weekday(day: dt.date) -> dt.date:
    """The nearest Tuesday, Wednesday or Thursday: meetings avoid Mondays, Fridays, weekends."""
    return day + dt.timedelta(days=(1, 0, 0, 0, -1, -2, 2)[day.weekday()])


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def phone(rng: random.Random, prefix: str) -> str:
    """A French number: *prefix* "03 88" (then three pairs) or "06" (then four pairs)."""
    if " " in prefix:
        n = rng.randrange(1_000_000)
        return f"{prefix} {n // 10_000:02d} {n // 100 % 100:02d} {n % 100:02d}"
    n = rng.randrange(100_000_000)
    return (
        f"{prefix} {n // 1_000_000:02d} {n // 10_000 % 100:02d} {n // 100 % 100:02d} {n % 100:02d}"
    )


@dataclass(slots=True, eq=False)
class Who:
    """A person as the generator needs it to fill attendance and roadmaps."""

    id: int
    org_id: int | None
    org_name: str | None
    job: str | None
    director: bool
    elected: bool
    available_from: dt.date  # membership of the organisation
    available_until: dt.date  # membership end, or the person left (exclusive)

    def available(self, day: dt.date) -> bool:
        return self.available_from <= day < self.available_until


@dataclass(slots=True, eq=False)
class Company:
    id: int
    name: str
    address: str
    postcode: str
    commune: str
    headcount: int
    expertise: tuple[int, ...]
    needs: tuple[int, ...]
    food: bool
    since: dt.date | None
    until: dt.date | None
    staff: list[Who] = field(default_factory=list)

    @property
    def venue(self) -> str:
        return f"{self.address}, {self.postcode} {self.commune}"


@dataclass(slots=True, eq=False)
class MeetingPlan:
    kind: MeetingKind
    programme_id: int
    day: dt.date
    start: dt.time
    end: dt.time
    title: str
    topics: tuple[int, ...]
    host: Company | None = None
    venue: str | None = None
    host_org_id: int | None = None
    taskforce: int | None = None  # index of the taskforce in the copy
    number: int = 0  # taskforce meeting number
    last: bool = False  # closing meeting of a closed taskforce
    extra: str = ""  # challenge subject, corner theme...


@dataclass(slots=True, eq=False)
class TaskforcePlan:
    id: int
    template: TaskforceTemplate
    start: dt.date
    stop: dt.date | None
    lead_org: Company
    lead: Who
    members: list[tuple[Who, MemberRole, dt.date]]  # person, role, joined on
    org_ids: list[int]
    meetings: list[tuple[int, dt.date]] = field(default_factory=list)  # held: (id, date)


# --------------------------------------------------------------------------- the generator


Batch = tuple[str, tuple[str, ...], list[tuple[Any, ...]]]
"""Rows of one table ready for executemany: table, column names, values."""

INDEX_COLUMNS = ("rowid", "kind", "record_id", "label", "terms")


class _RowBuffer:
    """Buffers generated rows per table and hands them on in batches, parents first.

    Rows are dicts keyed by column name, as for ``insert(table)``; they leave
    as plain tuples, because SQLAlchemy's per-row parameter processing cost as
    much as SQLite itself (measured: half of the write time). Temporal values
    are converted with the bind processors of the columns' own types (cached
    per distinct value), so the stored text is exactly what the ORM writes and
    reads back. The derived columns the ORM's hooks would fill are filled here:
    the sort keys and the search index entries (built by the search module's
    own functions, so they equal what rebuild_index writes).

    Nothing here touches the database: the buffer runs in the process that
    generates, which at large scales is not the one that writes.
    """

    def __init__(self, now: dt.datetime, deliver: Callable[[list[Batch]], None]) -> None:
        dialect = sqlite_dialect()
        self.tables = {name: Base.metadata.tables[name] for name in TABLE_ORDER}
        self.processors: dict[str, dict[str, Callable[[Any], Any]]] = {}
        for name, table in self.tables.items():
            processors: dict[str, Callable[[Any], Any]] = {}
            for column in table.columns:
                if isinstance(column.type, Date | DateTime | Time):
                    processor = column.type.dialect_impl(dialect).bind_processor(dialect)
                    if processor is not None:
                        processors[column.name] = processor
            self.processors[name] = processors
        self.stamp = self.processors["organisation"]["created_at"](now)
        self.deliver = deliver
        self.cache: dict[Any, Any] = {}
        self.rows: dict[str, list[Row]] = {name: [] for name in TABLE_ORDER}
        self.counts: dict[str, int] = dict.fromkeys(TABLE_ORDER, 0)
        self.organisation_names: dict[int, str] = {}  # for the contacts' index labels
        self.pending = 0

    def add(self, table: str, row: Row) -> None:
        row["created_at"] = row["updated_at"] = self.stamp
        self.rows[table].append(row)
        self.pending += 1

    def extend(self, table: str, rows: list[Row]) -> None:
        """Add rows that already carry created_at and updated_at (self.stamp)."""
        self.rows[table].extend(rows)
        self.pending += len(rows)

    def flush_if_full(self) -> None:
        if self.pending >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        batches: list[Batch] = []
        index: list[tuple[Any, ...]] = []
        for name in TABLE_ORDER:
            rows = self.rows[name]
            if not rows:
                continue
            self.derive(name, rows, index)
            keys = tuple(rows[0])
            unknown = set(keys) - set(self.tables[name].columns.keys())
            if unknown:
                raise ValueError(f"{name} has no column {sorted(unknown)}")
            getter = itemgetter(*keys)  # fails loudly if a row lacks a column
            values: list[tuple[Any, ...]] = [getter(row) for row in rows]
            processors = self.processors[name]
            converted = [
                (i, processors[key])
                for i, key in enumerate(keys)
                if key in processors and key not in ("created_at", "updated_at")  # pre-converted
            ]
            if converted:
                values = [self.convert(v, converted) for v in values]
            batches.append((name, keys, values))
            self.counts[name] += len(rows)
            rows.clear()
        if index:
            batches.append(("search_index", INDEX_COLUMNS, index))
        self.pending = 0
        if batches:
            self.deliver(batches)

    def derive(self, name: str, rows: list[Row], index: list[tuple[Any, ...]]) -> None:
        """Fill the sort keys and collect the search index entries of *rows*."""
        entries: list[IndexEntry]
        if name == "organisation":
            for row in rows:
                row["sort_name"] = fold(row["name"])
                self.organisation_names[row["id"]] = row["name"]
            entries = [
                organisation_entry(r["id"], r["name"], r["commune"], r["siret"], r["sector"])
                for r in rows
            ]
        elif name == "person":
            names = self.organisation_names
            for row in rows:
                row["sort_name"] = person_sort_name(row["last_name"], row["first_name"])
                row["email_key"] = row["email"].lower() if row.get("email") else None
            entries = [
                person_entry(
                    r["id"],
                    r["first_name"],
                    r["last_name"],
                    r["email"],
                    r["job_title"],
                    names.get(r["organisation_id"]),
                )
                for r in rows
            ]
        elif name == "meeting":
            entries = [
                meeting_entry(r["id"], r["title"], r["date"].isoformat(), r["venue"]) for r in rows
            ]
        elif name == "taskforce":
            entries = [taskforce_entry(r["id"], r["name"], r["problem_statement"]) for r in rows]
        else:
            return
        index.extend((e.rowid, e.kind, e.record_id, e.label, e.terms) for e in entries)

    def convert(
        self, values: tuple[Any, ...], converted: list[tuple[int, Callable[[Any], Any]]]
    ) -> tuple[Any, ...]:
        items = list(values)
        cache = self.cache
        for index, processor in converted:
            value = items[index]
            if value is not None:
                key = (processor, value)
                stored = cache.get(key)
                if stored is None:
                    stored = cache[key] = processor(value)
                items[index] = stored
        return tuple(items)


class _Generator:
    def __init__(self, writer: _RowBuffer, rng: random.Random, today: dt.date) -> None:
        self.w = writer
        self.rng = rng
        self.today = today
        self.window_start = years_before(today, 3)
        self.window_end = today + dt.timedelta(days=61)
        self.recent = today - dt.timedelta(days=20)  # latest consent date
        self.ids: dict[str, int] = dict.fromkeys(TABLE_ORDER, 0)
        self.siret_counter = 0
        self.used_names: set[str] = set()
        self.used_domains: set[str] = set()
        self.main_programme = 0
        self.food_programme = 0
        self.topic_ids: list[int] = []
        self.domains: dict[int, str] = {}  # organisation id -> e-mail and web domain

    # random.Random.choice and randint cost a microsecond each (rejection
    # sampling on getrandbits); these draw from random() and are ten times cheaper.
    def choice(self, items: Sequence[T]) -> T:
        return items[int(self.rng.random() * len(items))]

    def randint(self, low: int, high: int) -> int:
        return low + int(self.rng.random() * (high - low + 1))

    def next_id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def days(self, offset: int) -> dt.date:
        return self.today + dt.timedelta(days=offset)

    def between(self, first: dt.date, last: dt.date) -> dt.date:
        """A day from *first* to *last* included (*first* when the range is empty)."""
        if last <= first:
            return first
        return first + dt.timedelta(days=int(self.rng.random() * ((last - first).days + 1)))

    # ----------------------------------------------------------------- shared rows

    def programmes_and_topics(self) -> None:
        self.main_programme = self.next_id("programme")
        self.w.add(
            "programme",
            {
                "id": self.main_programme,
                "name": MAIN_PROGRAMME,
                "territory": "Alsace du Nord",
                "description": (
                    "Démarche collective d'une trentaine d'industriels d'Alsace du Nord : "
                    "business corners, challenges entre dirigeants et taskforces sur le "
                    "principe « un problème, un projet »."
                ),
                "agency_name": AGENCY_NAME,
                "operation_reference": "GE0012345",
                "funding_mention": (
                    "Action cofinancée par la Région Grand Est, la Communauté d'agglomération "
                    f"de Haguenau et le {FUND_NAME[0].lower()}{FUND_NAME[1:]}."
                ),
                "start_date": PROGRAMME_START,
                "end_date": None,
            },
        )
        self.food_programme = self.next_id("programme")
        self.w.add(
            "programme",
            {
                "id": self.food_programme,
                "name": FOOD_PROGRAMME,
                "territory": "Bas-Rhin",
                "description": (
                    "Réseau d'entreprises agroalimentaires du Bas-Rhin autour de l'innovation "
                    "produit et procédé."
                ),
                "agency_name": AGENCY_NAME,
                "operation_reference": "GE0023456",
                "funding_mention": "Action soutenue par la Région Grand Est.",
                "start_date": dt.date(2021, 1, 1),
                "end_date": None,
            },
        )
        for position, name in enumerate(TOPICS):
            topic_id = self.next_id("topic")
            self.topic_ids.append(topic_id)
            self.w.add("topic", {"id": topic_id, "name": name, "position": position})

    def funders(self, partner_ids: dict[str, int]) -> None:
        mentions = {
            "region": ("Avec le soutien de la Région Grand Est", "GE0012345"),
            "ca": ("Avec le soutien de la Communauté d'agglomération de Haguenau", None),
            "fund": (f"Avec le soutien du {FUND_NAME[0].lower()}{FUND_NAME[1:]}", None),
        }
        names = {p.key: p.name for p in PARTNERS}
        for position, key in enumerate(FUNDER_KEYS):
            mention, reference = mentions[key]
            self.w.add(
                "programme_funder",
                {
                    "id": self.next_id("programme_funder"),
                    "programme_id": self.main_programme,
                    "organisation_id": partner_ids[key],
                    "name": names[key],
                    "logo_file": demo_logo(key),
                    "funding_mention": mention,
                    "operation_reference": reference,
                    "position": position,
                },
            )
        self.w.add(
            "programme_funder",
            {
                "id": self.next_id("programme_funder"),
                "programme_id": self.food_programme,
                "organisation_id": partner_ids["region"],
                "name": names["region"],
                "logo_file": demo_logo("region"),
                "funding_mention": mentions["region"][0],
                "operation_reference": "GE0023456",
                "position": 0,
            },
        )

    # ----------------------------------------------------------------- organisations

    def unique_domain(self, base: str) -> str:
        domain = f"{base}.{DOMAIN_TLD}"
        number = 2
        while domain in self.used_domains:
            domain = f"{base}-{number}.{DOMAIN_TLD}"
            number += 1
        self.used_domains.add(domain)
        return domain

    def organisation(
        self,
        *,
        kind: OrganisationKind,
        name: str,
        naf: str,
        address: str,
        postcode: str,
        commune: str,
        headcount: int | None,
        website: str | None,
        first_digit: int,
        notes: str | None = None,
    ) -> int:
        self.siret_counter += 1
        siret = make_siret(self.siret_counter, first_digit, self.choice((1, 1, 1, 2, 3, 12)))
        while siret.startswith("356000000"):  # La Poste's SIREN follows another rule
            self.siret_counter += 1
            siret = make_siret(self.siret_counter, first_digit, 1)
        org_id = self.next_id("organisation")
        self.w.add(
            "organisation",
            {
                "id": org_id,
                "kind": kind.value,
                "name": name,
                "siren": siret[:9],
                "siret": siret,
                "naf_code": naf,
                "sector": NAF_LABELS[naf],
                "address": address,
                "postcode": postcode,
                "commune": commune,
                "country": "FR",
                "headcount": headcount,
                "website": website,
                "notes": notes,
            },
        )
        return org_id

    def company_name(self, template: CompanyTemplate, copy: int, commune: str) -> str:
        if copy == 0:
            name = template.name
        else:
            name = f"{template.prefix} {self.choice(NAME_ROOTS)}{self.choice(NAME_SUFFIXES)}"
            for _ in range(3):
                if name not in self.used_names:
                    break
                name = f"{template.prefix} {self.choice(NAME_ROOTS)}{self.choice(NAME_SUFFIXES)}"
            if name in self.used_names:
                name = f"{name} — site de {commune}"
            number = 2
            base = name
            while name in self.used_names:
                name = f"{base} {number}"
                number += 1
        self.used_names.add(name)
        return name

    def address(self) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            return self.choice(ZONES)
        return f"{self.randint(1, 120)} {self.choice(STREETS)}"

    def companies(self, copy: int) -> list[Company]:
        rng = self.rng
        result: list[Company] = []
        for index, template in enumerate(COMPANIES):
            if copy == 0:
                commune, headcount = template.commune, template.headcount
            else:
                commune = self.choice(COMMUNE_NAMES)
                headcount = max(15, min(1500, round(template.headcount * rng.uniform(0.7, 1.3))))
            name = self.company_name(template, copy, commune)
            domain = self.unique_domain(slug(name.split(" — ")[0]))
            address = self.address()
            prospect = template.since_year is None
            org_id = self.organisation(
                kind=OrganisationKind.COMPANY,
                name=name,
                naf=template.naf,
                address=address,
                postcode=COMMUNES[commune],
                commune=commune,
                headcount=headcount,
                website=f"https://www.{domain}",
                first_digit=self.choice((3, 4, 5, 7, 8)),
                notes="Prospect : rencontré au salon de l'industrie, à relancer."
                if prospect
                else None,
            )
            self.domains[org_id] = domain
            since: dt.date | None = None
            until: dt.date | None = None
            if template.since_year is not None:
                since = self.between(
                    dt.date(template.since_year, 1 if template.since_year > 2018 else 3, 1),
                    dt.date(template.since_year, 12, 15),
                )
                if index == LEAVER_INDEX:
                    until = self.days(-30 * LEAVER_MONTHS_AGO)
                self.w.add(
                    "membership",
                    {
                        "id": self.next_id("membership"),
                        "organisation_id": org_id,
                        "programme_id": self.main_programme,
                        "since": since,
                        "until": until,
                    },
                )
            food = template.naf in FOOD_NAF
            if food:
                self.w.add(
                    "membership",
                    {
                        "id": self.next_id("membership"),
                        "organisation_id": org_id,
                        "programme_id": self.food_programme,
                        "since": self.between(dt.date(2021, 1, 15), dt.date(2023, 6, 30)),
                        "until": None,
                    },
                )
            for relation, topics in (
                (TopicRelation.EXPERTISE, template.expertise),
                (TopicRelation.NEED, template.needs),
            ):
                for topic in topics:
                    self.w.add(
                        "organisation_topic",
                        {
                            "organisation_id": org_id,
                            "topic_id": self.topic_ids[topic],
                            "relation": relation.value,
                        },
                    )
            result.append(
                Company(
                    id=org_id,
                    name=name,
                    address=address,
                    postcode=COMMUNES[commune],
                    commune=commune,
                    headcount=headcount,
                    expertise=template.expertise,
                    needs=template.needs,
                    food=food,
                    since=since,
                    until=until,
                )
            )
        return result

    def partners(self, copy: int) -> dict[str, Company]:
        result: dict[str, Company] = {}
        for template in PARTNERS:
            name = template.name if copy == 0 else f"{template.name} — réseau {copy + 1}"
            domain = self.unique_domain(
                template.domain if copy == 0 else f"{template.domain}-{copy + 1}"
            )
            org_id = self.organisation(
                kind=template.kind,
                name=name,
                naf=template.naf,
                address=template.address,
                postcode=template.postcode,
                commune=template.commune,
                headcount=template.headcount,
                website=f"https://www.{domain}",
                first_digit=2,
            )
            self.domains[org_id] = domain
            self.used_names.add(name)
            result[template.key] = Company(
                id=org_id,
                name=name,
                address=template.address,
                postcode=template.postcode,
                commune=template.commune,
                headcount=template.headcount or 0,
                expertise=(),
                needs=(),
                food=False,
                since=PROGRAMME_START,
                until=None,
            )
            if template.key == "training":
                self.w.add(
                    "organisation_topic",
                    {
                        "organisation_id": org_id,
                        "topic_id": self.topic_ids[T_TRAINING],
                        "relation": TopicRelation.EXPERTISE.value,
                    },
                )
        return result

    # ----------------------------------------------------------------- people

    def name_for(self, civility: str | None = None) -> tuple[str, str, str]:
        """(civility, first name, last name) drawn from the area's workforce."""
        rng = self.rng
        origin = rng.choices(ORIGINS, ORIGIN_WEIGHTS)[0]
        lasts = NAMES[origin][2]
        if civility is None:
            civility = "Mme" if rng.random() < 0.42 else "M."
        first_origin = origin
        if origin not in ("alsatian", "french") and rng.random() < 0.3:
            first_origin = "french"  # born here, a French first name
        elif origin in ("alsatian", "french"):
            first_origin = self.choice(("alsatian", "french"))
        first_pool = NAMES[first_origin][1 if civility == "Mme" else 0]
        first = self.choice(first_pool)
        last = self.choice(lasts)
        if "/" in last:
            masculine, feminine = last.split("/")
            last = feminine if civility == "Mme" else masculine
        return civility, first, last

    def person(
        self,
        *,
        civility: str,
        first: str,
        last: str,
        job: str | None,
        org: Company | None,
        domain: str | None,
        local_parts: set[str],
        elected: bool = False,
        mandate: str | None = None,
        left: dt.date | None = None,
    ) -> Who:
        rng = self.rng
        email = None
        if domain is not None:
            local = f"{slug(first)}.{slug(last)}"
            candidate, number = local, 2
            while candidate in local_parts:
                candidate = f"{local}{number}"
                number += 1
            local_parts.add(candidate)
            email = f"{candidate}@{domain}"
        since = org.since if org is not None and org.since is not None else PROGRAMME_START
        consent = self.between(max(since, PROGRAMME_START), self.recent)
        person_id = self.next_id("person")
        self.w.add(
            "person",
            {
                "id": person_id,
                "civility": civility,
                "first_name": first,
                "last_name": last,
                "job_title": job,
                "organisation_id": org.id if org is not None else None,
                "email": email,
                "phone": phone(rng, "03 88") if rng.random() < 0.75 else None,
                "mobile": phone(rng, self.choice(("06", "07"))) if rng.random() < 0.6 else None,
                "is_elected_official": elected,
                "mandate": mandate,
                "consent_basis": LEGITIMATE_INTEREST,
                "consent_date": consent,
                "notes": (
                    f"A quitté l'entreprise le {left:%d/%m/%Y}." if left is not None else None
                ),
                "active": left is None,
            },
        )
        if org is None:
            available_from, available_until = PROGRAMME_START, dt.date.max
        else:
            available_from = org.since if org.since is not None else dt.date.max
            available_until = org.until if org.until is not None else dt.date.max
        if left is not None:
            available_until = min(available_until, left)
        return Who(
            id=person_id,
            org_id=org.id if org is not None else None,
            org_name=org.name if org is not None else None,
            job=job,
            director=False,
            elected=elected,
            available_from=available_from,
            available_until=available_until,
        )

    def company_staff(self, copy: int, companies: list[Company]) -> None:
        rng = self.rng
        featured = {
            (company, position): (civ, first, last)
            for company, position, civ, first, last in FEATURED_PEOPLE
        }
        for index, company in enumerate(companies):
            headcount = company.headcount
            # The number of contacts follows the template, so that every copy has as many.
            size = staff_size(COMPANIES[index].headcount)
            jobs = [j for j in OTHER_JOBS if headcount >= 100 or not j[2]]
            if headcount < 50:
                jobs = [j for j in jobs if j[0] != "DAF"]
            picked = rng.sample(jobs, size - 1)
            domain = self.domains[company.id]
            local_parts: set[str] = set()
            for position in range(size):
                if copy == 0 and (index, position) in featured:
                    civility, first, last = featured[(index, position)]
                else:
                    civility, first, last = self.name_for()
                feminine = civility == "Mme"
                if position == 0:
                    if headcount >= 300:
                        pair = TOP_JOB_PLANT
                    elif headcount >= 100:
                        pair = self.choice(TOP_JOBS_MEDIUM)
                    else:
                        pair = self.choice(TOP_JOBS_SMALL)
                    job, director = pair[1 if feminine else 0], True
                else:
                    masculine, feminine_job, director = picked[position - 1]
                    job = feminine_job if feminine else masculine
                left = None
                if position > 0 and rng.random() < 0.035:
                    left = self.between(self.days(-700), self.days(-15))
                who = self.person(
                    civility=civility,
                    first=first,
                    last=last,
                    job=job,
                    org=company,
                    domain=domain,
                    local_parts=local_parts,
                    left=left,
                )
                who.director = director
                company.staff.append(who)

    def partner_staff(self, partners: dict[str, Company]) -> dict[str, Who]:
        result: dict[str, Who] = {}
        parts: dict[str, set[str]] = {key: set() for key in partners}
        for template in STAFF:
            civility, first, last = self.name_for(template.civility)
            org = partners[template.partner] if template.partner is not None else None
            who = self.person(
                civility=civility,
                first=first,
                last=last,
                job=template.job,
                org=org,
                domain=self.domains[org.id] if org is not None else None,
                local_parts=parts[template.partner] if template.partner is not None else set(),
                elected=template.mandate is not None,
                mandate=template.mandate,
            )
            if org is not None:
                org.staff.append(who)
            result[template.key] = who
        return result

    # ----------------------------------------------------------------- taskforces

    def taskforces(
        self, companies: list[Company], partners: dict[str, Company], staff: dict[str, Who]
    ) -> list[TaskforcePlan]:
        rng = self.rng
        plans: list[TaskforcePlan] = []
        for template in TASKFORCES:
            taskforce_id = self.next_id("taskforce")
            start = shift_to_weekday(self.days(template.start_days))
            stop = self.days(template.stop_days) if template.stop_days is not None else None
            closed = template.status is TaskforceStatus.CLOSED
            # Members must be there from the start to the end (or today).
            until = stop if closed and stop is not None else self.today

            def stays(who: Who, start: dt.date = start, until: dt.date = until) -> bool:
                return who.available(start) and who.available_until > until

            lead_org = companies[template.lead_company]
            lead_titles = {j[0] for j in OTHER_JOBS if template.lead_job in j[:2]} | {
                j[1] for j in OTHER_JOBS if template.lead_job in j[:2]
            }
            candidates = [w for w in lead_org.staff if stays(w) and w.job in lead_titles]
            if not candidates:
                candidates = [w for w in lead_org.staff if stays(w)]
            lead = candidates[0]
            members: list[tuple[Who, MemberRole, dt.date]] = [(lead, MemberRole.LEAD, start)]
            related = [
                c
                for c in companies
                if c is not lead_org
                and c.since is not None
                and set(template.topics) & set(c.expertise + c.needs)
            ]
            others = [c for c in companies if c is not lead_org and c not in related]
            wanted = self.randint(3, 7)
            chosen_orgs = rng.sample(related, min(len(related), wanted))
            if len(chosen_orgs) < wanted:
                chosen_orgs += rng.sample(others, wanted - len(chosen_orgs))
            latest_join = (stop if stop is not None else self.today) - dt.timedelta(days=30)
            for org in chosen_orgs:
                people = [w for w in org.staff if stays(w)]
                if not people:
                    continue
                who = people[0] if rng.random() < 0.3 else self.choice(people)
                joined = start if rng.random() < 0.7 else self.between(start, latest_join)
                members.append((who, MemberRole.MEMBER, joined))
            if rng.random() < 0.6:
                expert_key = (
                    "training_advisor"
                    if set(template.topics) & {T_TRAINING, T_HR, T_RECRUITMENT}
                    else "cci_advisor"
                )
                members.append((staff[expert_key], MemberRole.EXPERT, start))
            self.w.add(
                "taskforce",
                {
                    "id": taskforce_id,
                    "programme_id": self.main_programme,
                    "name": template.name,
                    "problem_statement": template.problem,
                    "objectives": template.objectives,
                    "success_indicators": template.indicators,
                    "lead_organisation_id": lead_org.id,
                    "lead_person_id": lead.id,
                    "status": template.status.value,
                    "start_date": start,
                    "end_date": stop if closed else None,
                },
            )
            origin_ids = [lead_org.id] + [
                who.org_id
                for who, role, _ in members[1:3]
                if role is MemberRole.MEMBER and who.org_id is not None and rng.random() < 0.6
            ]
            for org_id in dict.fromkeys(origin_ids):
                self.w.add(
                    "taskforce_origin", {"taskforce_id": taskforce_id, "organisation_id": org_id}
                )
            for who, role, joined in members:
                self.w.add(
                    "taskforce_member",
                    {
                        "id": self.next_id("taskforce_member"),
                        "taskforce_id": taskforce_id,
                        "person_id": who.id,
                        "organisation_id": who.org_id,
                        "role": role.value,
                        "joined_on": joined,
                        "left_on": None,
                    },
                )
            # The agency follows every taskforce as an organisation.
            self.w.add(
                "taskforce_member",
                {
                    "id": self.next_id("taskforce_member"),
                    "taskforce_id": taskforce_id,
                    "person_id": None,
                    "organisation_id": partners["agency"].id,
                    "role": MemberRole.EXPERT.value,
                    "joined_on": start,
                    "left_on": None,
                },
            )
            org_ids = list(dict.fromkeys(w.org_id for w, _, _ in members if w.org_id is not None))
            plans.append(
                TaskforcePlan(
                    id=taskforce_id,
                    template=template,
                    start=start,
                    stop=stop,
                    lead_org=lead_org,
                    lead=lead,
                    members=members,
                    org_ids=org_ids,
                )
            )
        return plans

    # ----------------------------------------------------------------- meetings

    def plan_meetings(
        self,
        copy: int,
        companies: list[Company],
        partners: dict[str, Company],
        taskforces: list[TaskforcePlan],
    ) -> list[MeetingPlan]:
        """Every meeting of one copy, in date order; their number depends only on today."""
        rng = self.rng
        main = self.main_programme
        agency = partners["agency"]
        agency_venue = f"{agency.name}, salle Rhin — {agency.venue}"
        first, last = self.window_start, self.window_end
        plans: list[MeetingPlan] = []

        def member_on(day: dt.date) -> list[Company]:
            return [
                c
                for c in companies
                if c.since is not None and c.since <= day and (c.until is None or day < c.until)
            ]

        years = range(first.year, last.year + 1)
        for year in years:
            for slot, month in enumerate(CORNER_MONTHS):
                base = dt.date(year, month, 15)
                if not first <= base <= last:
                    continue
                day = shift_to_weekday(base + dt.timedelta(days=self.randint(-10, 10)))
                theme, topics = CORNER_THEMES[(year * len(CORNER_MONTHS) + slot + copy) % 12]
                full = rng.random() < 0.35
                plan = MeetingPlan(
                    kind=MeetingKind.BUSINESS_CORNER,
                    programme_id=main,
                    day=day,
                    start=T_0900 if full else T_0830,
                    end=T_1630 if full else T_1130,
                    title=f"Business corner — {theme}",
                    topics=topics,
                    extra=theme,
                )
                if rng.random() < 0.6:
                    plan.host = self.choice(member_on(day))
                    plan.venue, plan.host_org_id = plan.host.venue, plan.host.id
                else:
                    plan.venue, plan.host_org_id = agency_venue, agency.id
                plans.append(plan)
        hosts: list[Company] = []
        for year in years:
            for month in CHALLENGE_MONTHS:
                base = dt.date(year, month, 12)
                if (month == 7 and year % 2 == 0) or not first <= base <= last:
                    continue
                day = shift_to_weekday(base + dt.timedelta(days=self.randint(-8, 8)))
                if not hosts:
                    members = member_on(day)
                    hosts = rng.sample(members, len(members))
                host = hosts.pop()
                subject, topic = self.choice(CHALLENGE_SUBJECTS)
                full = rng.random() < 0.25
                plans.append(
                    MeetingPlan(
                        kind=MeetingKind.CHALLENGE,
                        programme_id=main,
                        day=day,
                        start=T_0900 if full else T_0830,
                        end=T_1630 if full else T_1200,
                        title=f"Challenge chez {host.name} : {subject}",
                        topics=(topic,),
                        host=host,
                        venue=host.venue,
                        host_org_id=host.id,
                        extra=subject,
                    )
                )
            for month, label, where in (
                (6, "point d'étape", partners["ca"]),
                (12, "bilan de l'année", agency),
            ):
                base = dt.date(year, month, 18 if month == 6 else 5)
                if not first <= base <= last:
                    continue
                plans.append(
                    MeetingPlan(
                        kind=MeetingKind.STEERING_COMMITTEE,
                        programme_id=main,
                        day=shift_to_weekday(base + dt.timedelta(days=self.randint(-5, 5))),
                        start=T_1000,
                        end=T_1200,
                        title=f"COPIL RESILIAN {year} — {label}",
                        topics=(),
                        venue=where.venue,
                        host_org_id=where.id,
                    )
                )
            base = dt.date(year, 1, 25)
            if first <= base <= last:
                large = [c for c in companies if c.headcount >= 300 and c.since is not None]
                host = large[year % len(large)]
                plans.append(
                    MeetingPlan(
                        kind=MeetingKind.PLENARY,
                        programme_id=main,
                        day=shift_to_weekday(base + dt.timedelta(days=self.randint(-5, 5))),
                        start=T_1400,
                        end=T_1730,
                        title=f"Rencontre plénière RESILIAN {year}",
                        topics=(),
                        host=host,
                        venue=host.venue,
                        host_org_id=host.id,
                    )
                )
        for index, taskforce in enumerate(taskforces):
            template = taskforce.template
            limit = taskforce.stop if taskforce.stop is not None else last
            bases: list[dt.date] = []
            base = taskforce.start
            while base <= limit:
                bases.append(base)
                base += dt.timedelta(days=TASKFORCE_MEETING_GAPS[len(bases) % 6])
            closing = template.status is TaskforceStatus.CLOSED
            for number, base in enumerate(bases, 1):
                day = (
                    base
                    if number == 1
                    else shift_to_weekday(base + dt.timedelta(self.randint(-4, 4)))
                )
                is_last = closing and number == len(bases)
                if number == 1:
                    title = f"Lancement de la taskforce « {template.name} »"
                elif is_last:
                    title = f"Taskforce « {template.name} » — réunion de clôture"
                else:
                    title = f"Taskforce « {template.name} » — réunion n° {number}"
                start, end = TASKFORCE_SLOTS[(number + index) % len(TASKFORCE_SLOTS)]
                roll = rng.random()
                where_id = (
                    taskforce.lead_org.id
                    if roll < 0.5
                    else self.choice(taskforce.org_ids)
                    if roll < 0.8
                    else agency.id
                )
                where = next(
                    (c for c in (*companies, *partners.values()) if c.id == where_id), agency
                )
                plans.append(
                    MeetingPlan(
                        kind=MeetingKind.TASKFORCE_MEETING,
                        programme_id=main,
                        day=day,
                        start=start,
                        end=end,
                        title=title,
                        topics=template.topics,
                        host=where if where.id != agency.id else None,
                        venue=agency_venue if where.id == agency.id else where.venue,
                        host_org_id=where.id,
                        taskforce=index,
                        number=number,
                        last=is_last,
                    )
                )
        food = [c for c in companies if c.food]
        for offset, title in FOOD_MEETINGS:
            host = food[(offset // 7) % len(food)]
            plans.append(
                MeetingPlan(
                    kind=MeetingKind.BUSINESS_CORNER,
                    programme_id=self.food_programme,
                    day=shift_to_weekday(self.days(offset + self.randint(-6, 6))),
                    start=T_0830,
                    end=T_1130,
                    title=title,
                    topics=(T_INNOVATION,),
                    host=host,
                    venue=host.venue,
                    host_org_id=host.id,
                    extra="food",
                )
            )
        plans.sort(key=lambda p: (p.day, p.start))
        return plans

    def pick(self, pool: Sequence[Who], count: int, day: dt.date, taken: set[int]) -> list[Who]:
        """Up to *count* people of *pool* available on *day* and not yet *taken*."""
        picked: list[Who] = []
        if count <= 0 or not pool:
            return picked
        random_, size, seen = self.rng.random, len(pool), set(taken)
        for _ in range(count * 2 + 4):
            who = pool[int(random_() * size)]
            if who.id not in seen and who.available_from <= day < who.available_until:
                seen.add(who.id)
                picked.append(who)
                if len(picked) == count:
                    break
        return picked

    def guests(
        self,
        plan: MeetingPlan,
        companies: list[Company],
        staff: dict[str, Who],
        taskforces: list[TaskforcePlan],
        company_people: list[Who],
        directors: list[Who],
    ) -> list[tuple[Who, str]]:
        """Who is invited to *plan*, with their role (organiser and hosts first)."""
        rng = self.rng
        day = plan.day
        guests: list[tuple[Who, str]] = []
        taken: set[int] = set()

        def add(who: Who, role: str) -> None:
            if who.id not in taken:
                taken.add(who.id)
                guests.append((who, role))

        def host_people(count: int) -> None:
            if plan.host is not None:
                available = [w for w in plan.host.staff if w.available(day)]
                for who in available[:count]:
                    add(who, HOST)

        kind = plan.kind
        if kind is MeetingKind.BUSINESS_CORNER and plan.extra == "food":
            add(staff["agency_food"], ORGANISER)
            host_people(1)
            food_people = [w for c in companies if c.food for w in c.staff]
            for who in self.pick(food_people, self.randint(5, 8), day, taken):
                add(who, PARTICIPANT)
            add(staff["training_advisor"], PARTICIPANT)
            add(staff["cci_advisor"], PARTICIPANT)
        elif kind is MeetingKind.BUSINESS_CORNER:
            add(staff["officer"], ORGANISER)
            host_people(1)
            experts = [
                w
                for c in companies
                if c is not plan.host and set(c.expertise) & set(plan.topics)
                for w in c.staff[:2]
            ]
            for who in self.pick(experts, self.randint(1, 2), day, taken):
                add(who, SPEAKER)
            for who in self.pick(company_people, self.randint(10, 23), day, taken):
                taken.add(who.id)
                guests.append((who, PARTICIPANT))
            if rng.random() < 0.3:
                add(staff["training_advisor"], PARTICIPANT)
        elif kind is MeetingKind.CHALLENGE:
            add(staff["officer"], ORGANISER)
            host_people(self.randint(2, 3))
            for who in self.pick(directors, self.randint(10, 14), day, taken):
                taken.add(who.id)
                guests.append((who, PARTICIPANT))
        elif kind is MeetingKind.TASKFORCE_MEETING:
            assert plan.taskforce is not None
            taskforce = taskforces[plan.taskforce]
            add(staff["officer"], ORGANISER)
            hosted = False
            for who, role, joined in taskforce.members:
                if joined > day or not who.available(day):
                    continue
                if not hosted and plan.host is not None and who.org_id == plan.host.id:
                    add(who, HOST)
                    hosted = True
                elif role is MemberRole.EXPERT and rng.random() < 0.5:
                    add(who, SPEAKER)
                else:
                    add(who, PARTICIPANT)
        elif kind is MeetingKind.STEERING_COMMITTEE:
            add(staff["officer"], ORGANISER)
            add(staff["agency_director"], PARTICIPANT)
            for key in ("region_elected", "ca_elected", "mayor", "departmental"):
                add(staff[key], ELECTED_OFFICIAL)
            for key in ("region_officer", "ca_officer", "fund_manager"):
                add(staff[key], PARTICIPANT)
            leads = [
                t.lead
                for t in taskforces
                if t.start <= day and (t.stop is None or day <= t.stop) and t.lead.available(day)
            ]
            for number, who in enumerate(leads):
                add(who, SPEAKER if number < 2 else PARTICIPANT)
            if rng.random() < 0.5:
                add(staff["cci_advisor"], PARTICIPANT)
        else:  # plenary
            add(staff["officer"], ORGANISER)
            host_people(1)
            for key in ("ca_elected", "mayor", "region_elected"):
                add(staff[key], ELECTED_OFFICIAL)
            for key in (
                "agency_director",
                "agency_assistant",
                "region_officer",
                "ca_officer",
                "fund_manager",
                "training_director",
                "cci_advisor",
            ):
                add(staff[key], PARTICIPANT)
            for company in companies:
                heads = [
                    w
                    for w in company.staff[:1]
                    if w.available(day) or (company.since is None and w.available_until > day)
                ]
                for who in heads:
                    add(who, PARTICIPANT)
        return guests

    def meetings(
        self,
        copy: int,
        companies: list[Company],
        partners: dict[str, Company],
        staff: dict[str, Who],
        taskforces: list[TaskforcePlan],
    ) -> None:
        rng = self.rng
        today = self.today
        plans = self.plan_meetings(copy, companies, partners, taskforces)
        cancellable = [
            i
            for i, p in enumerate(plans)
            if p.day < today - dt.timedelta(days=30)
            and ((p.kind is MeetingKind.BUSINESS_CORNER and p.extra != "food") or p.number > 2)
            and not p.last
        ]
        cancelled = set(rng.sample(cancellable, min(len(cancellable), self.randint(1, 2))))
        company_people = [w for c in companies for w in c.staff]
        directors = [w for w in company_people if w.director]
        write = self.w.add
        stamp = self.w.stamp
        random_ = rng.random
        for index, plan in enumerate(plans):
            meeting_id = self.next_id("meeting")
            if index in cancelled:
                status = MeetingStatus.CANCELLED
            elif plan.day < today:
                status = MeetingStatus.HELD
            else:
                status = MeetingStatus.PLANNED
            held = status is MeetingStatus.HELD
            planned = status is MeetingStatus.PLANNED
            full_day = plan.start < T_1200 and plan.end > T_1400
            guests = self.guests(plan, companies, staff, taskforces, company_people, directors)
            present = 0
            present_orgs: set[int] = set()
            rows: list[Row] = []
            attendance_id = self.ids["attendance"]
            # The hot loop of the generator (a million rows at scale 1000): plain
            # strings, local names, one dict literal per row.
            for who, role in guests:
                attendance_id += 1
                morning: bool | None = None
                afternoon: bool | None = None
                notes: str | None = None
                if held:
                    roll = random_()
                    if role != PARTICIPANT or roll < 0.8:
                        state = PRESENT
                        present += 1
                        if who.org_id is not None:
                            present_orgs.add(who.org_id)
                        if full_day:
                            half = random_()
                            morning, afternoon = half >= 0.03, half < 0.03 or half >= 0.08
                            if not afternoon:
                                notes = "Présence le matin uniquement."
                            elif not morning:
                                notes = "Présence l'après-midi uniquement."
                    else:
                        state = EXCUSED if roll < 0.92 else ABSENT
                        if full_day:
                            morning = afternoon = False
                elif planned and (role == ORGANISER or random_() < 0.55):
                    state = REGISTERED
                else:
                    state = INVITED
                rows.append(
                    {
                        "id": attendance_id,
                        "meeting_id": meeting_id,
                        "person_id": who.id,
                        "organisation_id": who.org_id,
                        "organisation_name": who.org_name,
                        "job_title": who.job,
                        "status": state,
                        "role": role,
                        "present_morning": morning,
                        "present_afternoon": afternoon,
                        "notes": notes,
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                )
            self.ids["attendance"] = attendance_id
            agenda, minutes, decisions = self.texts(plan, guests, status, present, present_orgs)
            write(
                "meeting",
                {
                    "id": meeting_id,
                    "programme_id": plan.programme_id,
                    "kind": plan.kind.value,
                    "title": plan.title,
                    "date": plan.day,
                    "start_time": plan.start,
                    "end_time": plan.end,
                    "venue": plan.venue,
                    "host_organisation_id": plan.host_org_id,
                    "taskforce_id": (
                        taskforces[plan.taskforce].id if plan.taskforce is not None else None
                    ),
                    "agenda": agenda,
                    "minutes": minutes,
                    "decisions": decisions,
                    "status": status.value,
                },
            )
            for topic in plan.topics:
                write(
                    "meeting_topic", {"meeting_id": meeting_id, "topic_id": self.topic_ids[topic]}
                )
            self.w.extend("attendance", rows)
            if plan.taskforce is not None and status is MeetingStatus.HELD:
                taskforces[plan.taskforce].meetings.append((meeting_id, plan.day))

    def texts(
        self,
        plan: MeetingPlan,
        guests: list[tuple[Who, str]],
        status: MeetingStatus,
        present: int,
        present_orgs: set[int],
    ) -> tuple[str, str | None, str | None]:
        """Agenda, minutes and decisions of a meeting, in French."""
        rng = self.rng
        kind = plan.kind
        start = f"{plan.start:%H:%M}"
        speakers = [w.org_name for w, r in guests if r == SPEAKER and w.org_name]
        host = plan.host.name if plan.host is not None else None
        if kind is MeetingKind.BUSINESS_CORNER:
            testimony = speakers[0] if speakers else host or "un membre du réseau"
            lines = [
                f"{start} Accueil café",
                "Tour de table des participants",
                f"Témoignage de {testimony}",
                "Ateliers d'échange en petits groupes",
            ]
            if plan.end > T_1400:
                lines += ["Déjeuner sur place", "Visite d'atelier et retours d'expérience"]
            lines.append("Synthèse et prochaines étapes")
            decision_lines = [
                "- Partager le support de présentation avec les participants",
                f"- Mettre en relation {testimony} et les entreprises intéressées",
                "- Proposer le thème retenu pour le prochain business corner",
            ]
        elif kind is MeetingKind.CHALLENGE:
            lines = [
                f"{start} Accueil par la direction de {host}",
                f"Présentation du projet : {plan.extra}",
                "Visite de l'atelier",
                "Challenge : questions, retours d'expérience, recommandations",
                "Synthèse des recommandations",
            ]
            decision_lines = [
                f"- {host} formalise un plan d'action à partir des recommandations",
                "- Deux dirigeants se proposent comme interlocuteurs pour la mise en œuvre",
                "- Point de suivi prévu dans six mois",
            ]
        elif kind is MeetingKind.TASKFORCE_MEETING:
            lines = [
                f"{start} Tour de table",
                "Revue de la feuille de route : actions terminées, en retard, à lancer",
                "Point sur les livrables en cours",
                "Décisions et nouvelles actions",
                "Date de la prochaine réunion",
            ]
            if plan.number == 1:
                lines[1] = "Présentation du problème et des objectifs"
            decision_lines = [
                "- Mise à jour de la feuille de route diffusée par l'agence",
                "- Les porteurs d'actions en retard proposent une nouvelle échéance",
                f"- Prochaine réunion dans {self.choice(('deux', 'trois'))} mois",
            ]
        elif kind is MeetingKind.STEERING_COMMITTEE:
            lines = [
                f"{start} Bilan des actions du semestre : business corners, challenges, taskforces",
                "Avancement des feuilles de route, par les pilotes des taskforces",
                "Indicateurs de suivi pour les financeurs",
                "Programme du semestre suivant",
                "Questions diverses",
            ]
            decision_lines = [
                "- Validation du programme du semestre suivant",
                "- Les financeurs confirment leur soutien pour l'année en cours",
                "- Un point presse sera organisé avec la Communauté d'agglomération",
            ]
        else:
            lines = [
                f"{start} Accueil des participants par {host}",
                "Mot des élus et des financeurs",
                "Bilan de l'année écoulée et témoignages des pilotes de taskforces",
                "Priorités de l'année et appel à volontaires",
                "Visite du site et moment convivial",
            ]
            decision_lines = [
                "- Adoption des priorités de l'année",
                "- Ouverture des inscriptions aux business corners du semestre",
            ]
        agenda = "\n".join(lines)
        if status is MeetingStatus.CANCELLED:
            reason = self.choice(
                (
                    "trop peu d'inscrits",
                    "indisponibilité de l'entreprise hôte",
                    "reportée à une date ultérieure",
                )
            )
            return agenda, f"Réunion annulée ({reason}).", None
        if status is not MeetingStatus.HELD:
            return agenda, None, None
        minutes = "\n".join(
            (
                f"{present} participants présents, représentant {len(present_orgs)} organisations.",
                self.choice(HELD_MINUTES_OPENINGS),
                *rng.sample(HELD_MINUTES_POINTS, 2),
            )
        )
        return agenda, minutes, "\n".join(decision_lines)

    # ----------------------------------------------------------------- roadmaps

    def roadmap(self, taskforce: TaskforcePlan, agency_id: int) -> None:
        rng = self.rng
        today = self.today
        template = taskforce.template
        status = template.status
        actions = (*ROADMAP_INTRO, *template.actions, *ROADMAP_OUTRO)
        count = len(actions)
        start = taskforce.start
        closed = status is TaskforceStatus.CLOSED
        horizon = (
            taskforce.stop
            if closed and taskforce.stop is not None
            else start + dt.timedelta(days=template.plan_days)
        )
        span = (horizon - start).days
        pause = taskforce.stop if status is TaskforceStatus.ON_HOLD else None
        people = [
            (w, joined) for w, role, joined in taskforce.members if role is not MemberRole.EXPERT
        ]
        rows: list[Row] = []
        for position, action in enumerate(actions, 1):
            begin = start + dt.timedelta(
                days=span * (position - 1) // count + (self.randint(0, 10) if position > 1 else 0)
            )
            longest = 21 if position == 1 else max(21, 2 * span // count)
            due = begin + dt.timedelta(days=self.randint(10, longest))
            if closed:
                due = min(due, horizon)
                begin = min(begin, due)
            progress = 0
            done: dt.date | None = None
            if closed:
                state = (
                    ActionStatus.DONE
                    if action.milestone or rng.random() < 0.9
                    else ActionStatus.DROPPED
                )
            elif position <= len(ROADMAP_INTRO):  # the kick-off and the first roadmap happen
                state = (
                    ActionStatus.DONE
                    if due < today
                    else ActionStatus.IN_PROGRESS
                    if begin <= today
                    else ActionStatus.TODO
                )
            elif due < today:
                roll = rng.random()
                if pause is not None and due >= pause:
                    state = ActionStatus.BLOCKED if roll < 0.6 else ActionStatus.IN_PROGRESS
                elif roll < 0.78:
                    state = ActionStatus.DONE
                elif roll < 0.88:
                    state = ActionStatus.IN_PROGRESS
                elif roll < 0.93:
                    state = ActionStatus.BLOCKED
                elif roll < 0.96:
                    state = ActionStatus.TODO
                else:
                    state = ActionStatus.DROPPED
            elif begin <= today:
                roll = rng.random()
                if pause is not None:
                    state = ActionStatus.BLOCKED
                elif roll < 0.7:
                    state = ActionStatus.IN_PROGRESS
                elif roll < 0.88:
                    state = ActionStatus.TODO
                else:
                    state = ActionStatus.BLOCKED
            else:
                state = ActionStatus.TODO
            if state is ActionStatus.DONE:
                progress = 100
                latest = min(today - dt.timedelta(days=1), horizon if closed else today)
                done = min(latest, max(begin, due + dt.timedelta(days=self.randint(-12, 15))))
            elif state is ActionStatus.IN_PROGRESS:
                elapsed = (today - begin).days / max(1, (due - begin).days)
                progress = max(
                    10, min(90, round(elapsed * 80 / 10) * 10 + self.choice((-10, 0, 10)))
                )
            elif state is ActionStatus.BLOCKED:
                progress = self.choice((0, 10, 20, 30, 50))
            elif state is ActionStatus.DROPPED:
                progress = self.choice((0, 0, 10, 20))
            owner_person: int | None
            owner_org: int | None
            if position == 2:  # the agency drafts the roadmap
                owner_person, owner_org = None, agency_id
            else:
                eligible = [w for w, joined in people if joined <= begin] or [taskforce.lead]
                who = taskforce.lead if position == 1 else self.choice(eligible)
                if rng.random() < 0.2 and who.org_id is not None:
                    owner_person, owner_org = None, who.org_id
                else:
                    owner_person, owner_org = who.id, who.org_id
            decided = None
            decided_on: dt.date | None = None
            for meeting_id, day in taskforce.meetings:
                if day <= begin:
                    decided, decided_on = meeting_id, day
            description = None
            if decided_on is not None:
                description = f"Décidée en réunion de taskforce du {decided_on:%d/%m/%Y}."
            if state is ActionStatus.BLOCKED:
                description = self.choice(
                    (
                        "Bloquée : en attente du retour des entreprises.",
                        "Bloquée : en attente de la décision de financement.",
                        "Bloquée : porteur indisponible, à réaffecter.",
                        "Bloquée : dépend de l'action précédente.",
                    )
                )
            rows.append(
                {
                    "id": self.next_id("roadmap_action"),
                    "taskforce_id": taskforce.id,
                    "position": position,
                    "title": action.title,
                    "description": description,
                    "owner_person_id": owner_person,
                    "owner_organisation_id": owner_org,
                    "start_date": begin,
                    "due_date": due,
                    "status": state.value,
                    "progress": progress,
                    "is_milestone": action.milestone,
                    "done_date": done,
                    "deliverable": action.deliverable,
                    "decided_in_meeting_id": decided,
                }
            )
        if status is TaskforceStatus.ACTIVE:
            self.ensure_late(rows)
        for row in rows:
            self.w.add("roadmap_action", row)

    def ensure_late(self, rows: list[Row]) -> None:
        """An active roadmap shows at least one late action (the case the officer chases)."""
        today = self.today
        finished = (ActionStatus.DONE.value, ActionStatus.DROPPED.value)
        past = [r for r in rows if r["due_date"] < today]
        if not past or any(r["status"] not in finished for r in past):
            return
        row = past[-1]
        row.update(status=ActionStatus.IN_PROGRESS.value, progress=60, done_date=None)

    # ----------------------------------------------------------------- one copy

    def network(self, copy: int) -> None:
        partners = self.partners(copy)
        if copy == 0:
            self.funders({key: partners[key].id for key in FUNDER_KEYS})
        companies = self.companies(copy)
        staff = self.partner_staff(partners)
        self.company_staff(copy, companies)
        taskforces = self.taskforces(companies, partners, staff)
        self.meetings(copy, companies, partners, staff, taskforces)
        for taskforce in taskforces:
            self.roadmap(taskforce, partners["agency"].id)


def _generate(buffer: _RowBuffer, scale: int, seed: int, today: dt.date) -> None:
    """Every row of *scale* networks, handed to *buffer* (deterministic for seed and today)."""
    generator = _Generator(buffer, random.Random(seed), today)
    generator.programmes_and_topics()
    for copy in range(scale):
        generator.network(copy)
        buffer.flush_if_full()
    buffer.flush()


def _generate_in_worker(
    channel: Any, scale: int, seed: int, today: dt.date, now: dt.datetime
) -> None:
    """The worker process: generates and sends batches, then ("done", counts) or ("error", text)."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        # If the writer dies (killed, crashed), nothing will read what is left:
        # leave at once, wherever this process is (generating, waiting for room
        # in the queue, or flushing it into the pipe at exit).
        def leave_with_parent() -> None:
            multiprocessing.connection.wait([parent.sentinel])
            os._exit(1)

        threading.Thread(target=leave_with_parent, daemon=True).start()
    try:
        buffer = _RowBuffer(now, lambda batches: channel.put(("rows", batches)))
        _generate(buffer, scale, seed, today)
        channel.put(("done", buffer.counts))
    except BaseException:  # reported to the parent, which rolls back
        channel.put(("error", traceback.format_exc()))


def _insert(connection: sqlite3.Connection, batches: list[Batch]) -> None:
    for table, columns, values in batches:
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        connection.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values)


def _load_from_worker(
    connection: sqlite3.Connection, scale: int, seed: int, today: dt.date, now: dt.datetime
) -> dict[str, int]:
    """Generate in a second process while this one writes: both cores at work.

    At scale 1000 generating the rows in Python and writing them into SQLite
    take about as long as each other; side by side the demo takes the time of
    the longer instead of the sum. The worker is spawned (not forked: this
    process holds an open SQLite connection and, in the window, Qt threads).
    """
    context = multiprocessing.get_context("spawn")
    channel = context.Queue(maxsize=WORKER_QUEUED_BATCHES)
    worker = context.Process(
        target=_generate_in_worker,
        args=(channel, scale, seed, today, now),
        name="resilian-demo-generator",
        daemon=True,
    )
    worker.start()
    try:
        while True:
            try:
                kind, payload = channel.get(timeout=1.0)
            except queue.Empty:
                if not worker.is_alive():
                    raise RuntimeError(
                        f"the demo generator stopped unexpectedly (exit code {worker.exitcode})"
                    ) from None
                continue
            if kind == "rows":
                _insert(connection, payload)
            elif kind == "done":
                counts: dict[str, int] = payload
                return counts
            else:
                raise RuntimeError(f"the demo generator failed:\n{payload}")
    except BaseException:
        worker.terminate()  # it may be blocked on a full queue nobody reads any more
        raise
    finally:
        worker.join(timeout=5.0)
        if worker.is_alive():
            worker.terminate()
            worker.join()
        channel.close()


def _refuse_unless_empty(connection: sqlite3.Connection) -> None:
    ordered = ("organisation", *(t for t in HISTORY_TABLES if t != "organisation"))
    for name in ordered:
        if connection.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is not None:
            if name == "organisation":
                raise DemoRefused(
                    "the database already holds organisations; use a new file for the demo"
                )
            raise DemoRefused(
                f"the database already holds {name} rows; use a new file for the demo"
            )


def _verify_checks(connection: sqlite3.Connection) -> None:
    """Raise if a row written by the demo breaks a CHECK constraint of the schema."""
    for name in TABLE_ORDER:
        table = Base.metadata.tables[name]
        checks = [c for c in table.constraints if isinstance(c, CheckConstraint)]
        if not checks:
            continue
        condition = " OR ".join(f"NOT ({c.sqltext})" for c in checks)
        broken = connection.execute(
            f'SELECT rowid FROM "{name}" WHERE {condition} LIMIT 1'
        ).fetchone()
        if broken is not None:
            raise RuntimeError(f"the demo wrote a {name} row ({broken[0]}) that breaks a CHECK")


@contextmanager
def _bulk_transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction set up for a bulk load into an empty database.

    - The rollback journal instead of WAL while loading: in WAL mode every
      page is written twice (to the log, then checkpointed into the file); a
      rollback journal only records pages that existed before, and an empty
      database has almost none. A failure still rolls everything back. WAL
      is restored after the commit (and by every new connection anyway).
    - SQLite rebuilds the list of every "x IN (...)" CHECK constraint for each
      row inserted: on the attendance table that is half of the insert time
      (measured: 19 us a row with the checks, 9 without). The checks are
      skipped while the rows go in, then verified in one pass per table
      (_verify_checks) before the commit.
    - A large page cache keeps the indexes being filled in memory: at scale
      1000 the default 2 MB cache rereads index pages from disk all along.
    """
    try:
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.OperationalError:
        mode = None  # another connection has the file open: the load runs in WAL
    switched = mode is not None and str(mode[0]).lower() == "delete"
    connection.execute("PRAGMA ignore_check_constraints = ON")
    connection.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
            _verify_checks(connection)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    finally:
        connection.execute("PRAGMA ignore_check_constraints = OFF")
        connection.execute("PRAGMA cache_size = -2000")  # SQLite's default
        if switched:
            connection.execute("PRAGMA journal_mode = WAL")


def generate_demo(
    db: Database,
    *,
    scale: int = 1,
    seed: int = 2018,
    today: dt.date | None = None,
    worker: bool | None = None,
) -> DemoSummary:
    """Fill an empty database with *scale* copies of a fictional network, in one transaction.

    Deterministic for a given *seed* and *today* (apart from the created_at /
    updated_at stamps, which record when the demo was written). Raises
    DemoRefused, changing nothing, when the database already holds data.
    *worker* generates the rows in a second process while this one writes
    them; by default from WORKER_MIN_SCALE on, where that pays for the
    process start.
    """
    if not 1 <= scale <= MAX_SCALE:
        raise ValueError(f"scale must be between 1 and {MAX_SCALE}, not {scale}")
    started = time.perf_counter()
    day = today if today is not None else dt.date.today()
    now = utc_now()
    use_worker = scale >= WORKER_MIN_SCALE if worker is None else worker
    # The plain sqlite3 connection under the engine's pool: the load is raw SQL
    # (see _RowBuffer) and needs pragmas set outside any transaction.
    pooled = db.engine.raw_connection()
    try:
        connection = pooled.driver_connection
        assert isinstance(connection, sqlite3.Connection)
        with _bulk_transaction(connection):
            _refuse_unless_empty(connection)
            if use_worker:
                counts = _load_from_worker(connection, scale, seed, day, now)
            else:
                buffer = _RowBuffer(now, lambda batches: _insert(connection, batches))
                _generate(buffer, scale, seed, day)
                counts = buffer.counts
    finally:
        pooled.close()
    return DemoSummary(
        organisations=counts["organisation"],
        people=counts["person"],
        meetings=counts["meeting"],
        attendances=counts["attendance"],
        taskforces=counts["taskforce"],
        actions=counts["roadmap_action"],
        seconds=time.perf_counter() - started,
    )
