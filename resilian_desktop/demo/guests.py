"""Who is invited to each meeting, with their role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from resilian_desktop.demo.catalogue import (
    ELECTED_OFFICIAL,
    HOST,
    ORGANISER,
    PARTICIPANT,
    SPEAKER,
)
from resilian_desktop.demo.draw import Part
from resilian_desktop.demo.plans import Company, MeetingPlan, TaskforcePlan, Who
from resilian_desktop.domain.vocab import MeetingKind, MemberRole


class Guests(Part):
    """The guest list of a meeting: organiser, hosts, speakers, participants."""

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
        company_contacts: list[Who],
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

        def host_contacts(count: int) -> None:
            if plan.host is not None:
                available = [w for w in plan.host.staff if w.available(day)]
                for who in available[:count]:
                    add(who, HOST)

        kind = plan.kind
        if kind is MeetingKind.BUSINESS_CORNER and plan.extra == "food":
            add(staff["agency_food"], ORGANISER)
            host_contacts(1)
            food_contacts = [w for c in companies if c.food for w in c.staff]
            for who in self.pick(food_contacts, self.randint(5, 8), day, taken):
                add(who, PARTICIPANT)
            add(staff["training_advisor"], PARTICIPANT)
            add(staff["cci_advisor"], PARTICIPANT)
        elif kind is MeetingKind.BUSINESS_CORNER:
            add(staff["officer"], ORGANISER)
            host_contacts(1)
            experts = [
                w
                for c in companies
                if c is not plan.host and set(c.expertise) & set(plan.topics)
                for w in c.staff[:2]
            ]
            for who in self.pick(experts, self.randint(1, 2), day, taken):
                add(who, SPEAKER)
            for who in self.pick(company_contacts, self.randint(10, 23), day, taken):
                taken.add(who.id)
                guests.append((who, PARTICIPANT))
            if rng.random() < 0.3:
                add(staff["training_advisor"], PARTICIPANT)
        elif kind is MeetingKind.CHALLENGE:
            add(staff["officer"], ORGANISER)
            host_contacts(self.randint(2, 3))
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
            host_contacts(1)
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
