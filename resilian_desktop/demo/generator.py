"""The generator of one network: the programmes and topics, then each copy's
organisations, people, taskforces, meetings and roadmaps, in that order (the
random draws follow it: same seed and day, same network)."""

from __future__ import annotations

import datetime as dt
import random

from resilian_desktop.demo.catalogue import (
    AGENCY_NAME,
    FOOD_PROGRAMME,
    FUND_NAME,
    FUNDER_KEYS,
    MAIN_PROGRAMME,
    PARTNERS,
    PROGRAMME_START,
    TOPICS,
    demo_logo,
)
from resilian_desktop.demo.contacts import Contacts
from resilian_desktop.demo.draw import Draw, Part
from resilian_desktop.demo.meetings import Meetings
from resilian_desktop.demo.organisations import Organisations
from resilian_desktop.demo.rows import RowBuffer
from resilian_desktop.demo.taskforces import Taskforces


class Generator(Part):
    """One generation: the shared draw and the parts that write each kind of record."""

    def __init__(self, writer: RowBuffer, rng: random.Random, today: dt.date) -> None:
        draw = Draw(writer, rng, today)
        super().__init__(draw)
        self.organisations = Organisations(draw)
        self.contacts = Contacts(draw)
        self.taskforce_maker = Taskforces(draw)
        self.meetings = Meetings(draw)

    def programmes_and_topics(self) -> None:
        self.draw.main_programme = self.next_id("programme")
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
        self.draw.food_programme = self.next_id("programme")
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

    def network(self, copy: int) -> None:
        partners = self.organisations.partners(copy)
        if copy == 0:
            self.funders({key: partners[key].id for key in FUNDER_KEYS})
        companies = self.organisations.companies(copy)
        staff = self.contacts.partner_staff(partners)
        self.contacts.company_staff(copy, companies)
        taskforces = self.taskforce_maker.taskforces(companies, partners, staff)
        self.meetings.meetings(copy, companies, partners, staff, taskforces)
        for taskforce in taskforces:
            self.taskforce_maker.roadmap(taskforce, partners["agency"].id)


def generate(buffer: RowBuffer, scale: int, seed: int, today: dt.date) -> None:
    """Every row of *scale* networks, handed to *buffer* (deterministic for seed and today)."""
    generator = Generator(buffer, random.Random(seed), today)
    generator.programmes_and_topics()
    for copy in range(scale):
        generator.network(copy)
        buffer.flush_if_full()
    buffer.flush()
