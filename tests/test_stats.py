"""The period figures funders ask for, on a network small enough to count by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from resilian_desktop.db.engine import Database
from resilian_desktop.services import contacts, meetings, organisations, taskforces
from resilian_desktop.services.stats import Period, period_figures
from tests import factories as f

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)

YEAR = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def build(db: Database) -> dict[str, int]:
    prog = f.programme(db)
    fonderie = f.organisation(db, "Fonderie", siret=f.SIRET_A)
    plasturgie = f.organisation(db, "Plasturgie", commune="Haguenau", siret=f.SIRET_B)
    region = f.organisation(
        db, "Région Grand Est", kind="funder", commune="Strasbourg", postcode="67070"
    )
    dormant = f.organisation(db, "Dormante", commune="Seltz", postcode="67470")
    for org in (fonderie, plasturgie, dormant):
        organisations.add_membership(db, org.id, prog.id, since="01/01/2020")
    anna = f.contact(db, "Anna", "A", organisation_id=fonderie.id)
    bruno = f.contact(db, "Bruno", "B", organisation_id=plasturgie.id)
    elu = f.contact(
        db,
        "Élise",
        "Élue",
        organisation_id=region.id,
        is_elected_official=True,
        mandate="Conseillère régionale",
    )
    full_day = f.meeting(
        db, prog.id, date=dt.date(2026, 3, 12), start_time="9:00", end_time="16:30", status="held"
    )
    morning = f.meeting(
        db,
        prog.id,
        kind="steering_committee",
        title="COPIL",
        date=dt.date(2026, 6, 2),
        start_time="9:00",
        end_time="11:00",
        status="held",
    )
    f.meeting(db, prog.id, title="Annulée", date=dt.date(2026, 4, 2), status="cancelled")
    f.meeting(db, prog.id, title="L'an dernier", date=dt.date(2025, 4, 2), status="held")
    meetings.set_attendance(db, full_day.id, [anna.id, bruno.id], status="present")
    meetings.set_attendance(db, full_day.id, [bruno.id], status="present", present_afternoon=False)
    meetings.set_attendance(db, morning.id, [anna.id, elu.id], status="present")
    meetings.set_attendance(db, morning.id, [bruno.id], status="excused")
    tf = f.taskforce(db, prog.id, status="active", start_date="01/02/2026")
    taskforces.add_action(
        db, tf.id, taskforces.ActionDraft(title="Fait", status="done", done_date="10/05/2026")
    )
    taskforces.add_action(
        db, tf.id, taskforces.ActionDraft(title="En retard", due_date="01/09/2026")
    )
    taskforces.add_action(db, tf.id, taskforces.ActionDraft(title="Bientôt", due_date="20/10/2026"))
    return {"anna": anna.id, "fonderie": fonderie.id}


def test_figures_of_a_year(db: Database) -> None:
    build(db)
    got = period_figures(db, YEAR, today=dt.date(2026, 10, 1))
    assert got.meetings_held == 2
    assert got.meetings_by_kind == {"business_corner": 1, "steering_committee": 1}
    assert got.half_days == 3
    assert got.participations == 4
    assert got.person_half_days == 2 + 1 + 1 + 1
    assert got.distinct_people == 3
    assert got.distinct_organisations == 3
    assert got.companies_supported == 2
    assert got.elected_officials == 1
    assert (got.taskforces_active, got.taskforces_closed) == (1, 0)
    assert (got.actions_done, got.actions_late, got.actions_due_soon) == (1, 1, 1)
    assert got.dormant_companies == 1


def test_editing_today_does_not_change_a_past_period(db: Database) -> None:
    ids = build(db)
    before = period_figures(db, YEAR, today=dt.date(2026, 10, 1))
    # Anna moves to another company and loses her job title; the company is renamed.
    other = f.organisation(db, "Ailleurs", commune="Brumath", postcode="67170")
    contacts.update_contact(
        db,
        ids["anna"],
        contacts.ContactDraft(first_name="Anna", last_name="A", organisation_id=other.id),
    )
    organisations.update_organisation(
        db,
        ids["fonderie"],
        organisations.OrganisationDraft(name="Fonderie Renommée", siret=f.SIRET_A),
    )
    assert period_figures(db, YEAR, today=dt.date(2026, 10, 1)) == before
