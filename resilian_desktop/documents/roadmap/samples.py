"""Fictional documents built without a database, for tests, benchmarks and a first look.

The texts carry what went wrong elsewhere: markup characters ("R&D <Alsace>"),
Polish and Vietnamese names, ligatures, narrow no-break spaces, long titles.
"""

from __future__ import annotations

import datetime as dt
import random

from resilian_desktop.documents.letterhead import Funder, Letterhead
from resilian_desktop.documents.lines import ActionLine, MeetingInfo
from resilian_desktop.documents.roadmap.model import MemberLine, RoadmapDocument
from resilian_desktop.domain.vocab import ActionStatus, MemberRole

TODAY = dt.date(2026, 11, 28)
OWNERS = (
    "Łukasz Wiśniewski (R&D <Alsace>)",
    "Nguyễn Thị Hồng (L'Œuvre Notre-Dame)",
    "Anaïs Müller (Fonderie Cœur d'Alsace)",
    "Agence de développement Alsace Nord (ADAN)",
    None,
)
VERBS = ("Recenser", "Rédiger", "Valider", "Organiser", "Mesurer", "Présenter", "Négocier")
OBJECTS = (
    "les contrats d'énergie des sites",
    "le cahier des charges commun",
    "un atelier « lean » chez Łukasz Wiśniewski",
    "le budget de 12\u202f500\u202f€ avec R&D <Alsace>",
    "la feuille de route <b>v2</b> & ses annexes",
    "une visite chez L'Œuvre Notre-Dame",
)


def letterhead() -> Letterhead:
    """The letterhead of the RESILIAN programme, with its three funders."""
    return Letterhead(
        programme="RESILIAN - Alsace du Nord",
        agency="Agence de développement Alsace Nord (ADAN)",
        funding_mention=(
            "Action cofinancée par la Région Grand Est, la Communauté d'agglomération "
            "de Haguenau et le fonds de revitalisation des Tréfileries de la Moder."
        ),
        operation_reference="GE0012345",
        funders=(
            Funder("Région Grand Est"),
            Funder("Communauté d'agglomération de Haguenau"),
            Funder("Fonds de revitalisation des Tréfileries de la Moder"),
        ),
    )


def actions(count: int, today: dt.date = TODAY, seed: int = 5) -> tuple[ActionLine, ...]:
    """*count* actions over about two years around *today*, some late, some undated."""
    rng = random.Random(seed)
    statuses = [s.value for s in ActionStatus]
    lines = []
    for number in range(1, count + 1):
        start = today + dt.timedelta(days=rng.randint(-420, 300))
        due = start + dt.timedelta(days=rng.randint(7, 150))
        status = rng.choices(statuses, weights=(4, 4, 5, 1, 1))[0]
        progress = {"done": 100, "todo": 0}.get(status, rng.choice((10, 30, 50, 80)))
        undated = number % 17 == 0
        lines.append(
            ActionLine(
                number=number,
                title=f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}",
                owner=rng.choice(OWNERS),
                start=None if undated else start,
                due=None if undated else due,
                status=status,
                progress=progress,
                is_milestone=number % 9 == 0,
                late=not undated and due < today and status not in ("done", "dropped"),
                description="Décidée en réunion de taskforce." if number % 4 == 0 else None,
                deliverable="Compte rendu & synthèse" if number % 5 == 0 else None,
                done_on=due if status == "done" else None,
            )
        )
    return tuple(lines)


def roadmap(action_count: int = 12, *, taskforce: str | None = None) -> RoadmapDocument:
    """A complete roadmap with *action_count* actions, members and meetings."""
    return RoadmapDocument(
        letterhead=letterhead(),
        taskforce=taskforce or "Mutualisation des achats d'énergie",
        edition_date=TODAY,
        status="active",
        start_date=dt.date(2024, 5, 30),
        problem_statement=(
            "Les factures d'énergie ont doublé depuis 2022.\n"
            "Les PME achètent seules, sans visibilité sur les marchés."
        ),
        objectives="- Constituer un groupement d'achat\n- Réduire de 10\u202f% le coût du MWh",
        success_indicators="- Nombre d'entreprises engagées\n- Économie moyenne constatée",
        lead_organisation="R&D <Alsace>",
        lead_contact="Łukasz Wiśniewski",
        members=(
            MemberLine("R&D <Alsace>", "Łukasz Wiśniewski", MemberRole.LEAD.value),
            MemberLine("L'Œuvre Notre-Dame", "Nguyễn Thị Hồng"),
            MemberLine("Fonderie Cœur d'Alsace", "Anaïs Müller", MemberRole.EXPERT.value),
            MemberLine("Agence de développement Alsace Nord (ADAN)", None),
        ),
        actions=actions(action_count),
        next_meeting=MeetingInfo(
            title="Taskforce — réunion n° 14",
            kind="taskforce_meeting",
            date=dt.date(2027, 1, 20),
            start_time=dt.time(8, 30),
            end_time=dt.time(10, 30),
            venue="Parc d'activités du Ried, 67110 Reichshoffen",
        ),
        last_meeting=MeetingInfo(
            title="Taskforce — réunion n° 13",
            kind="taskforce_meeting",
            date=dt.date(2026, 11, 17),
            status="held",
        ),
        last_decisions="- Diffuser la feuille de route\n- Relancer R&D <Alsace>",
    )
