"""The organisations of one copy of the network: companies with their memberships
and topics, and the partners (funders, local authorities, the agency...)."""

from __future__ import annotations

import datetime as dt

from resilian_desktop.demo.catalogue import (
    COMMUNE_NAMES,
    COMMUNES,
    COMPANIES,
    DOMAIN_TLD,
    FOOD_NAF,
    LEAVER_INDEX,
    LEAVER_MONTHS_AGO,
    NAF_LABELS,
    NAME_ROOTS,
    NAME_SUFFIXES,
    PARTNERS,
    PROGRAMME_START,
    STREETS,
    T_TRAINING,
    ZONES,
    CompanyTemplate,
)
from resilian_desktop.demo.draw import Part
from resilian_desktop.demo.plans import Company, make_siret, slug
from resilian_desktop.domain.vocab import OrganisationKind, TopicRelation


class Organisations(Part):
    """Companies and partners, with their SIRETs, domains, memberships and topics."""

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
        draw = self.draw
        draw.siret_counter += 1
        siret = make_siret(draw.siret_counter, first_digit, self.choice((1, 1, 1, 2, 3, 12)))
        while siret.startswith("356000000"):  # La Poste's SIREN follows another rule
            draw.siret_counter += 1
            siret = make_siret(draw.siret_counter, first_digit, 1)
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
