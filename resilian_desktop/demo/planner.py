"""When and where the meetings of one copy take place (no row written here)."""

from __future__ import annotations

import datetime as dt

from resilian_desktop.demo.catalogue import (
    CHALLENGE_MONTHS,
    CHALLENGE_SUBJECTS,
    CORNER_MONTHS,
    CORNER_THEMES,
    FOOD_MEETINGS,
    T_0830,
    T_0900,
    T_1000,
    T_1130,
    T_1200,
    T_1400,
    T_1630,
    T_1730,
    T_INNOVATION,
    TASKFORCE_MEETING_GAPS,
    TASKFORCE_SLOTS,
)
from resilian_desktop.demo.draw import Part
from resilian_desktop.demo.plans import Company, MeetingPlan, TaskforcePlan, shift_to_weekday
from resilian_desktop.domain.vocab import MeetingKind, TaskforceStatus


class MeetingPlanner(Part):
    """Business corners, challenges, steering committees, plenaries, taskforce meetings."""

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
