"""The taskforces of one copy, their members and their roadmaps."""

from __future__ import annotations

import datetime as dt

from resilian_desktop.demo.catalogue import (
    OTHER_JOBS,
    ROADMAP_INTRO,
    ROADMAP_OUTRO,
    T_HR,
    T_RECRUITMENT,
    T_TRAINING,
    TASKFORCES,
)
from resilian_desktop.demo.draw import Part
from resilian_desktop.demo.plans import Company, TaskforcePlan, Who, shift_to_weekday
from resilian_desktop.demo.rows import Row
from resilian_desktop.domain.vocab import ActionStatus, MemberRole, TaskforceStatus


class Taskforces(Part):
    """Taskforces with their lead, members and origins; their roadmaps once met."""

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
                contacts = [w for w in org.staff if stays(w)]
                if not contacts:
                    continue
                who = contacts[0] if rng.random() < 0.3 else self.choice(contacts)
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
        contacts = [
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
            owner_contact: int | None
            owner_org: int | None
            if position == 2:  # the agency drafts the roadmap
                owner_contact, owner_org = None, agency_id
            else:
                eligible = [w for w, joined in contacts if joined <= begin] or [taskforce.lead]
                who = taskforce.lead if position == 1 else self.choice(eligible)
                if rng.random() < 0.2 and who.org_id is not None:
                    owner_contact, owner_org = None, who.org_id
                else:
                    owner_contact, owner_org = who.id, who.org_id
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
                    "owner_person_id": owner_contact,
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
