"""The demo's reference data: names, places, companies, partners, taskforces.

The lists and templates are JSON files in ``data/`` beside this module, so
they can be read and extended without touching the generator; this module
reads them once and gives them as typed tuples. Topics are named in the
files and turned into their index here. The figures that shape the network
(dates, weights, times of day) stay in code.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any, NamedTuple

from resilian_desktop.domain.vocab import (
    AttendanceRole,
    AttendanceStatus,
    ConsentBasis,
    OrganisationKind,
    TaskforceStatus,
)


def _read(name: str) -> dict[str, Any]:
    # importlib.resources: the files are found in a source tree, a wheel and
    # the PyInstaller bundle alike (build.spec carries demo/data).
    text = resources.files("resilian_desktop.demo").joinpath("data", name).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


MAIN_PROGRAMME = "RESILIAN - Alsace du Nord"
PROGRAMME_START = dt.date(2018, 3, 1)
LEGITIMATE_INTEREST = ConsentBasis.LEGITIMATE_INTEREST.value
FOOD_PROGRAMME = "Innovation alimentaire - Bas-Rhin"
AGENCY_NAME = "Agence de développement Alsace Nord (ADAN)"
FUND_NAME = "Fonds de revitalisation des Tréfileries de la Moder"
DOMAIN_TLD = "example"

TOPICS: tuple[str, ...] = tuple(_read("topics.json")["topics"])
_TOPIC_INDEX = {name: index for index, name in enumerate(TOPICS)}
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
) = range(10)


def _topics(names: list[str]) -> tuple[int, ...]:
    return tuple(_TOPIC_INDEX[name] for name in names)


_PLACES = _read("places.json")
COMMUNES: dict[str, str] = _PLACES["communes"]
COMMUNE_NAMES = tuple(COMMUNES)
NAF_LABELS: dict[str, str] = _PLACES["naf_labels"]
FOOD_NAF = frozenset({"10.13A", "10.71A", "11.05Z"})
STREETS: tuple[str, ...] = tuple(_PLACES["streets"])
ZONES: tuple[str, ...] = tuple(_PLACES["zones"])


class CompanyTemplate(NamedTuple):
    name: str  # the name used in the first copy
    naf: str
    commune: str
    headcount: int
    prefix: str  # sector word used to build names in further copies
    expertise: tuple[int, ...]  # topic indexes
    needs: tuple[int, ...]
    since_year: int | None  # RESILIAN member since; None: a prospect


_COMPANIES = _read("companies.json")
COMPANIES: tuple[CompanyTemplate, ...] = tuple(
    CompanyTemplate(
        c["name"],
        c["naf"],
        c["commune"],
        c["headcount"],
        c["prefix"],
        _topics(c["expertise"]),
        _topics(c["needs"]),
        c["since_year"],
    )
    for c in _COMPANIES["companies"]
)
# The company that left the network, and when (months before "today").
LEAVER_INDEX = 12
LEAVER_MONTHS_AGO = 9
# Names of companies in further copies: "<sector word> <root><suffix>".
NAME_ROOTS: tuple[str, ...] = tuple(_COMPANIES["name_roots"])
NAME_SUFFIXES: tuple[str, ...] = tuple(_COMPANIES["name_suffixes"])


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


class StaffTemplate(NamedTuple):
    key: str
    partner: str | None  # PartnerTemplate.key; None: no organisation
    civility: str
    job: str | None
    mandate: str | None


_PARTNERS = _read("partners.json")
PARTNERS: tuple[PartnerTemplate, ...] = tuple(
    PartnerTemplate(
        **{
            **p,
            "name": p["name"].format(FUND_NAME=FUND_NAME, AGENCY_NAME=AGENCY_NAME),
            "kind": OrganisationKind(p["kind"]),
        }
    )
    for p in _PARTNERS["partners"]
)
STAFF: tuple[StaffTemplate, ...] = tuple(StaffTemplate(**s) for s in _PARTNERS["staff"])
# Partners that fund RESILIAN, in the order of their logos.
FUNDER_KEYS = ("region", "ca", "fund")


def demo_logo(key: str) -> str:
    """The funder's fictional demo logo (scripts/demo_logos.py draws them), found in
    the application's resources: a path relative to them, as the documents resolve it."""
    return f"logos/demo/{key}.png"


_CONTACTS = _read("people.json")
# Job titles: (masculine, feminine[, counts as a director for challenges]).
TOP_JOBS_SMALL: tuple[tuple[str, str], ...] = tuple((m, f) for m, f in _CONTACTS["top_jobs_small"])
TOP_JOBS_MEDIUM: tuple[tuple[str, str], ...] = tuple(
    (m, f) for m, f in _CONTACTS["top_jobs_medium"]
)
_PLANT_MASCULINE, _PLANT_FEMININE = _CONTACTS["top_job_plant"]
TOP_JOB_PLANT: tuple[str, str] = (_PLANT_MASCULINE, _PLANT_FEMININE)
OTHER_JOBS: tuple[tuple[str, str, bool], ...] = tuple(
    (m, f, d) for m, f, d in _CONTACTS["other_jobs"]
)
# Names by origin: (male first names, female first names, last names).
# Polish last names with a masculine and a feminine form are written "m/f".
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    origin: (tuple(names["male"]), tuple(names["female"]), tuple(names["last"]))
    for origin, names in _CONTACTS["names"].items()
}
ORIGINS = tuple(NAMES)
ORIGIN_WEIGHTS: tuple[int, ...] = tuple(_CONTACTS["origin_weights"])
# People of the first copy whose names show the range of the workforce:
# (company index, position in the company's staff, civility, first name, last name).
FEATURED_CONTACTS: tuple[tuple[int, int, str, str, str], ...] = tuple(
    (c, p, civ, first, last) for c, p, civ, first, last in _CONTACTS["featured_people"]
)

_MEETINGS = _read("meetings.json")
# Business corner themes: (title, topics).
CORNER_THEMES: tuple[tuple[str, tuple[int, ...]], ...] = tuple(
    (t["theme"], _topics(t["topics"])) for t in _MEETINGS["corner_themes"]
)
CORNER_MONTHS = (2, 4, 6, 9, 11)
CHALLENGE_SUBJECTS: tuple[tuple[str, int], ...] = tuple(
    (s["subject"], _TOPIC_INDEX[s["topic"]]) for s in _MEETINGS["challenge_subjects"]
)
CHALLENGE_MONTHS = (3, 7, 10)  # the July one only on odd years: two or three a year
FOOD_MEETINGS: tuple[tuple[int, str], ...] = tuple(
    (m["offset_days"], m["title"]) for m in _MEETINGS["food_meetings"]
)
HELD_MINUTES_OPENINGS: tuple[str, ...] = tuple(_MEETINGS["held_minutes_openings"])
HELD_MINUTES_POINTS: tuple[str, ...] = tuple(_MEETINGS["held_minutes_points"])


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


def _actions(items: list[dict[str, Any]]) -> tuple[ActionTemplate, ...]:
    return tuple(ActionTemplate(**item) for item in items)


_TASKFORCES = _read("taskforces.json")
ROADMAP_INTRO = _actions(_TASKFORCES["roadmap_intro"])
ROADMAP_OUTRO = _actions(_TASKFORCES["roadmap_outro"])
TASKFORCES: tuple[TaskforceTemplate, ...] = tuple(
    TaskforceTemplate(
        **{
            **t,
            "status": TaskforceStatus(t["status"]),
            "topics": _topics(t["topics"]),
            "actions": _actions(t["actions"]),
        }
    )
    for t in _TASKFORCES["taskforces"]
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
