"""The meetings of one copy with their attendance, agenda, minutes and decisions."""

from __future__ import annotations

import datetime as dt

from resilian_desktop.demo.catalogue import (
    ABSENT,
    EXCUSED,
    HELD_MINUTES_OPENINGS,
    HELD_MINUTES_POINTS,
    INVITED,
    ORGANISER,
    PARTICIPANT,
    PRESENT,
    REGISTERED,
    SPEAKER,
    T_1200,
    T_1400,
)
from resilian_desktop.demo.draw import Draw, Part
from resilian_desktop.demo.guests import Guests
from resilian_desktop.demo.planner import MeetingPlanner
from resilian_desktop.demo.plans import Company, MeetingPlan, TaskforcePlan, Who
from resilian_desktop.demo.rows import Row
from resilian_desktop.domain.vocab import MeetingKind, MeetingStatus


class Meetings(Part):
    """Meetings written with their attendance (the generator's hot loop) and texts."""

    def __init__(self, draw: Draw) -> None:
        super().__init__(draw)
        self.planner = MeetingPlanner(draw)
        self.guest_list = Guests(draw)

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
        plans = self.planner.plan_meetings(copy, companies, partners, taskforces)
        cancellable = [
            i
            for i, p in enumerate(plans)
            if p.day < today - dt.timedelta(days=30)
            and ((p.kind is MeetingKind.BUSINESS_CORNER and p.extra != "food") or p.number > 2)
            and not p.last
        ]
        cancelled = set(rng.sample(cancellable, min(len(cancellable), self.randint(1, 2))))
        company_contacts = [w for c in companies for w in c.staff]
        directors = [w for w in company_contacts if w.director]
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
            guests = self.guest_list.guests(
                plan, companies, staff, taskforces, company_contacts, directors
            )
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
