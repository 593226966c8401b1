"""The contacts of one copy: each company's staff and the partners' people."""

from __future__ import annotations

import datetime as dt

from resilian_desktop.demo.catalogue import (
    COMPANIES,
    FEATURED_CONTACTS,
    LEGITIMATE_INTEREST,
    NAMES,
    ORIGIN_WEIGHTS,
    ORIGINS,
    OTHER_JOBS,
    PROGRAMME_START,
    STAFF,
    TOP_JOB_PLANT,
    TOP_JOBS_MEDIUM,
    TOP_JOBS_SMALL,
)
from resilian_desktop.demo.draw import Part
from resilian_desktop.demo.plans import Company, Who, phone, slug, staff_size


class Contacts(Part):
    """Contacts drawn from the area's workforce, with their jobs and availability."""

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

    def contact(
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
            for company, position, civ, first, last in FEATURED_CONTACTS
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
                who = self.contact(
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
            who = self.contact(
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
