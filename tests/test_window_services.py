"""The Qt-free services behind the window: lists with filters, histories,
attendance helpers (walk-ins, undo states), chart series and drill-downs."""

from __future__ import annotations

import datetime as dt

import pytest

from resilian_desktop.db.engine import Database
from resilian_desktop.domain.errors import ValidationError
from resilian_desktop.services import (
    archive,
    attendance_tools,
    drilldown,
    history,
    listings,
    meetings,
    organisations,
    programmes,
    stats,
    taskforces,
    trends,
)
from resilian_desktop.services.common import DuplicateError
from resilian_desktop.services.contacts import ContactDraft
from resilian_desktop.services.listings import NO_FILTERS, ListFilters
from resilian_desktop.services.stats import Period
from tests import factories as f

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)

YEAR = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def _network(db: Database) -> dict[str, int]:
    prog = f.programme(db)
    topic = programmes.create_topic(db, "Lean")
    fonderie = f.organisation(db, "Fonderie", siret=f.SIRET_A, expertise_topic_ids=(topic.id,))
    region = f.organisation(db, "Région", kind="funder", commune="Strasbourg", postcode="67070")
    organisations.add_membership(db, fonderie.id, prog.id, since="01/01/2020")
    anna = f.contact(db, "Anna", "Arnold", organisation_id=fonderie.id, job_title="DG")
    bruno = f.contact(db, "Bruno", "Bauer", organisation_id=fonderie.id)
    elu = f.contact(
        db, "Élise", "Élue", organisation_id=region.id, is_elected_official=True, mandate="Maire"
    )
    corner = f.meeting(
        db,
        prog.id,
        date=dt.date(2026, 3, 12),
        start_time="9:00",
        end_time="16:00",
        status="held",
        topic_ids=(topic.id,),
    )
    old = f.meeting(db, prog.id, title="Ancienne", date=dt.date(2025, 5, 2), status="held")
    meetings.set_attendance(db, corner.id, [anna.id, elu.id], status="present")
    meetings.set_attendance(db, corner.id, [bruno.id], status="excused")
    meetings.set_attendance(db, old.id, [anna.id], status="present")
    tf = f.taskforce(db, prog.id, status="active", lead_organisation_id=fonderie.id)
    taskforces.add_member(db, tf.id, person_id=bruno.id)
    taskforces.add_member(db, tf.id, organisation_id=region.id)
    taskforces.add_action(db, tf.id, taskforces.ActionDraft(title="Late", due_date="01/02/2026"))
    return {
        "prog": prog.id,
        "topic": topic.id,
        "fonderie": fonderie.id,
        "region": region.id,
        "anna": anna.id,
        "bruno": bruno.id,
        "elu": elu.id,
        "corner": corner.id,
        "old": old.id,
        "tf": tf.id,
    }


def _ids(db: Database, name: str, filters: ListFilters = NO_FILTERS, text: str = "") -> set[int]:
    rows = listings.fetch_page(db, name, offset=0, limit=100, filters=filters, filter_text=text)
    assert listings.count_rows(db, name, filters=filters, filter_text=text) == len(rows)
    return {r.id for r in rows}


def test_list_filters_are_done_in_sql(db: Database) -> None:
    ids = _network(db)
    assert _ids(db, "organisations", ListFilters(kind="funder")) == {ids["region"]}
    assert _ids(db, "organisations", ListFilters(topic_id=ids["topic"])) == {ids["fonderie"]}
    assert _ids(db, "organisations", ListFilters(programme_id=ids["prog"])) == {ids["fonderie"]}
    assert _ids(db, "contacts", ListFilters(status="elected_official")) == {ids["elu"]}
    assert _ids(db, "contacts", ListFilters(kind="company")) == {ids["anna"], ids["bruno"]}
    assert _ids(db, "meetings", ListFilters(year=2025)) == {ids["old"]}
    assert _ids(db, "meetings", ListFilters(topic_id=ids["topic"])) == {ids["corner"]}
    assert _ids(db, "taskforces", ListFilters(status="active")) == {ids["tf"]}
    assert _ids(db, "taskforces", ListFilters(status="closed")) == set()
    assert _ids(db, "contacts", text="elue") == {ids["elu"]}


def test_meeting_list_counts_invited_and_present(db: Database) -> None:
    ids = _network(db)
    rows = listings.fetch_page(db, "meetings", offset=0, limit=10)
    corner = next(r for r in rows if r.id == ids["corner"])
    columns = [c.key for c in listings.SPECS["meetings"].columns]
    assert corner.values[columns.index("invited")] == 3
    assert corner.values[columns.index("present")] == 2
    by_present = listings.fetch_page(
        db, "meetings", offset=0, limit=10, sort_key="present", descending=True
    )
    assert by_present[0].id == ids["corner"]


def test_archived_records_leave_the_lists_unless_asked(db: Database) -> None:
    ids = _network(db)
    archive.archive(db, "organisation", ids["region"])
    assert ids["region"] not in _ids(db, "organisations")
    shown = listings.fetch_page(
        db, "organisations", offset=0, limit=10, filters=ListFilters(show_archived=True)
    )
    flags = {r.id: r.archived for r in shown}
    assert flags[ids["region"]] is True and flags[ids["fonderie"]] is False
    assert listings.count_rows(db, "organisations", filters=ListFilters(show_archived=True)) == 2
    assert listings.count_rows(db, "organisations") == 1


def test_find_one_kind_or_all(db: Database) -> None:
    ids = _network(db)
    assert [h.id for h in listings.find(db, "fonderie", kind="organisation")] == [ids["fonderie"]]
    kinds = {h.type for h in listings.find(db, "fonderie")}
    assert "organisation" in kinds and "contact" in kinds
    assert listings.find(db, "   ") == []


def test_meeting_years_span_the_meetings(db: Database) -> None:
    _network(db)
    years = listings.meeting_years(db)
    assert years[-1] == 2025 and years == sorted(years, reverse=True)


def test_histories_of_an_organisation_and_a_contact(db: Database) -> None:
    ids = _network(db)
    rows = history.organisation_participation(db, ids["fonderie"])
    assert [(r.date.year, r.contact_name, r.status) for r in rows] == [
        (2026, "Anna Arnold", "present"),
        (2026, "Bruno Bauer", "excused"),
        (2025, "Anna Arnold", "present"),
    ]
    assert [r.meeting_id for r in history.contact_attendance(db, ids["anna"])] == [
        ids["corner"],
        ids["old"],
    ]
    links = history.organisation_taskforces(db, ids["fonderie"])
    assert [(link.taskforce_id, link.role) for link in links] == [(ids["tf"], "lead")]
    assert [link.role for link in history.organisation_taskforces(db, ids["region"])] == ["member"]
    assert [link.role for link in history.contact_taskforces(db, ids["bruno"])] == ["member"]


def test_contacts_to_invite_in_one_action(db: Database) -> None:
    ids = _network(db)
    assert attendance_tools.contacts_of_organisations(db, [ids["fonderie"]]) == [
        ids["anna"],
        ids["bruno"],
    ]
    archive.archive(db, "contact", ids["bruno"])
    assert attendance_tools.contacts_of_organisations(db, [ids["fonderie"]]) == [ids["anna"]]
    # Bruno is a member himself; the region is a member as a whole (Élise).
    assert set(attendance_tools.taskforce_member_contacts(db, ids["tf"])) == {ids["elu"]}


def test_walk_in_creates_the_contact_and_records_presence_in_one_step(db: Database) -> None:
    ids = _network(db)
    row = attendance_tools.add_walk_in(
        db,
        ids["corner"],
        ContactDraft(first_name="Chloé", last_name="Keller", organisation_id=ids["fonderie"]),
    )
    assert row.status == "present" and row.organisation_name == "Fonderie"
    assert (row.present_morning, row.present_afternoon) == (True, True)
    with pytest.raises(DuplicateError):
        attendance_tools.add_walk_in(
            db,
            ids["corner"],
            ContactDraft(first_name="Chloe", last_name="KELLER", organisation_id=ids["fonderie"]),
        )
    with pytest.raises(ValidationError) as error:
        attendance_tools.add_walk_in(db, ids["corner"], ContactDraft(first_name="", last_name=""))
    assert {p.field for p in error.value.problems} == {"first_name", "last_name"}
    # Nothing of a refused walk-in was written.
    assert len(meetings.list_attendance(db, ids["corner"])) == 4


def test_attendance_states_put_back_exactly(db: Database) -> None:
    ids = _network(db)
    contacts_ids = [ids["anna"], ids["bruno"]]
    before = attendance_tools.attendance_states(db, ids["corner"], contacts_ids)
    newcomer = f.contact(db, "Denis", "Dorn")
    meetings.set_attendance(db, ids["corner"], contacts_ids, status="absent")
    meetings.set_attendance(db, ids["corner"], [newcomer.id], status="invited")
    attendance_tools.restore_attendance(
        db, ids["corner"], list(before.values()), remove_person_ids=[newcomer.id]
    )
    assert attendance_tools.attendance_states(db, ids["corner"], contacts_ids) == before
    assert newcomer.id not in {a.person_id for a in meetings.list_attendance(db, ids["corner"])}


def test_chart_series_add_up_to_the_figures(db: Database) -> None:
    _network(db)
    months = trends.participation_by_month(db, YEAR)
    assert len(months) == 12 and months[2].participations == 2 and months[2].meetings == 1
    figures = stats.period_figures(db, YEAR, today=dt.date(2026, 6, 1))
    assert sum(m.participations for m in months) == figures.participations
    companies = trends.engagement_by_company(db, YEAR)
    assert [(c.name, c.participations) for c in companies] == [("Fonderie", 1)]
    assert trends.months_of(Period(dt.date(2025, 11, 5), dt.date(2026, 2, 1))) == [
        (2025, 11),
        (2025, 12),
        (2026, 1),
        (2026, 2),
    ]


@pytest.mark.parametrize(
    ("figure", "attribute"),
    [
        ("meetings_held", "meetings_held"),
        ("participations", "participations"),
        ("distinct_people", "distinct_people"),
        ("distinct_organisations", "distinct_organisations"),
        ("companies_supported", "companies_supported"),
        ("elected_officials", "elected_officials"),
        ("taskforces_active", "taskforces_active"),
        ("actions_late", "actions_late"),
        ("dormant_companies", "dormant_companies"),
        ("meetings_without_proof", "meetings_without_proof"),
    ],
)
def test_drill_down_lists_what_each_figure_counts(
    db: Database, figure: str, attribute: str
) -> None:
    _network(db)
    today = dt.date(2026, 6, 1)
    figures = stats.period_figures(db, YEAR, today=today)
    ref = drilldown.FigureRef(figure, YEAR, figures.reference_date)
    name = drilldown.list_name_of(figure)
    assert listings.count_rows(db, name, filters=ListFilters(figure=ref)) == getattr(
        figures, attribute
    )


def test_drill_down_by_meeting_kind_and_rows_that_open_their_parent(db: Database) -> None:
    ids = _network(db)
    ref = drilldown.FigureRef("meetings_by_kind", YEAR, YEAR.date_to, "business_corner")
    assert _ids(db, "meetings", ListFilters(figure=ref)) == {ids["corner"]}
    late = drilldown.FigureRef("actions_late", YEAR, dt.date(2026, 6, 1))
    rows = listings.fetch_page(db, "actions", offset=0, limit=5, filters=ListFilters(figure=late))
    assert [r.open_id for r in rows] == [ids["tf"]]
    present = drilldown.FigureRef("participations", YEAR, YEAR.date_to)
    rows = listings.fetch_page(
        db, "attendances", offset=0, limit=5, filters=ListFilters(figure=present)
    )
    assert {r.open_id for r in rows} == {ids["corner"]}


def _names(db: Database, name: str, key: str, descending: bool = False) -> list[str]:
    rows = listings.fetch_page(db, name, offset=0, limit=50, sort_key=key, descending=descending)
    position = [c.key for c in listings.SPECS[name].columns].index(key)
    return [str(r.values[position]) for r in rows]


def test_lists_sort_accent_and_case_blind(db: Database) -> None:
    """NOCASE would put "Électricité" and "œ" after "Z"; a French list puts them among E and O."""
    for org_name, commune in (
        ("Zinguerie Roth", "Wissembourg"),
        ("Électricité Kuntz", "Haguenau"),
        ("alsace Plast", "École-Village"),
        ("Œnologie du Rhin", "Bischwiller"),
        ("Emboutissage Weber", "Obernai"),
    ):
        f.organisation(db, org_name, commune=commune)
    assert _names(db, "organisations", "name") == [
        "alsace Plast",
        "Électricité Kuntz",
        "Emboutissage Weber",
        "Œnologie du Rhin",
        "Zinguerie Roth",
    ]
    assert _names(db, "organisations", "commune")[:3] == [
        "Bischwiller",
        "École-Village",
        "Haguenau",
    ]
    assert _names(db, "organisations", "name", descending=True)[0] == "Zinguerie Roth"

    org = f.organisation(db, "Zwicky", commune="Haguenau")
    for first, last in (("Zoé", "Zimmer"), ("Éric", "Émile"), ("anne", "ebel"), ("Yves", "Eck")):
        f.contact(db, first, last, organisation_id=org.id)
    assert _names(db, "contacts", "last_name") == ["ebel", "Eck", "Émile", "Zimmer"]
    assert _names(db, "contacts", "first_name") == ["anne", "Éric", "Yves", "Zoé"]

    # A rename moves the record: the key follows the name through the mapper hook.
    first_org = listings.fetch_page(db, "organisations", offset=0, limit=1, sort_key="name")[0]
    organisations.update_organisation(
        db, first_org.id, organisations.OrganisationDraft(name="Ébénisterie", commune="Haguenau")
    )
    assert _names(db, "organisations", "name")[:2] == ["Ébénisterie", "Électricité Kuntz"]


def test_the_taskforce_list_says_members_late_actions_and_next_meeting(db: Database) -> None:
    from resilian_desktop.services import listings, taskforces

    prog = f.programme(db)
    org = f.organisation(db)
    tf = f.taskforce(db, prog.id)
    taskforces.add_member(db, tf.id, organisation_id=org.id)
    today = dt.date.today()
    for title, due, status in (
        ("En retard", today - dt.timedelta(days=3), "todo"),
        ("Fait en retard", today - dt.timedelta(days=3), "done"),
        ("À venir", today + dt.timedelta(days=3), "todo"),
    ):
        taskforces.add_action(db, tf.id, taskforces.ActionDraft(title, due_date=due, status=status))
    soon = today + dt.timedelta(days=10)
    f.meeting(db, prog.id, title="Passée", date=today - dt.timedelta(days=30), taskforce_id=tf.id)
    f.meeting(db, prog.id, title="Prochaine", date=soon, taskforce_id=tf.id)
    f.meeting(db, prog.id, title="Plus tard", date=soon + dt.timedelta(days=30), taskforce_id=tf.id)
    (row,) = listings.fetch_page(db, "taskforces", offset=0, limit=10)
    keys = [column.key for column in listings.SPECS["taskforces"].columns]
    values = dict(zip(keys, row.values, strict=True))
    assert (values["members"], values["late"], values["next_meeting"]) == (1, 1, soon)
