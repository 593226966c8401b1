"""Organisations' memberships of programmes: one at a time, or all saved with the organisation."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Membership, Organisation
from resilian_desktop.domain.errors import NotFoundError, ValidationError
from resilian_desktop.services import organisations
from resilian_desktop.services.common import HasHistoryError
from resilian_desktop.services.organisations import (
    MembershipDraft,
    OrganisationDraft,
    check_membership,
    periods_overlap,
)
from tests import factories as f

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)


def problems_of(error: ValidationError) -> dict[str, str]:
    return {p.field: p.code for p in error.problems}


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def draft_of(row: organisations.OrganisationRow, **changes: object) -> OrganisationDraft:
    """The draft a form would submit for *row*, with *changes*."""
    values: dict[str, object] = {
        "name": row.name,
        "kind": row.kind,
        "siret": row.siret,
        "commune": row.commune,
        "postcode": row.postcode,
    }
    values.update(changes)
    return OrganisationDraft(**values)  # type: ignore[arg-type]


def test_add_update_and_remove_a_membership(db: Database) -> None:
    prog = f.programme(db)
    org = f.organisation(db)
    added = organisations.add_membership(db, org.id, prog.id, since="12/07/2018")
    assert (added.programme_name, added.since, added.until) == (
        prog.name,
        dt.date(2018, 7, 12),
        None,
    )
    changed = organisations.update_membership(db, added.id, since="12/07/2018", until="31/12/2024")
    assert changed.until == dt.date(2024, 12, 31)
    assert organisations.memberships_of(db, org.id) == [changed]
    assert organisations.get_organisation(db, org.id).memberships == (changed,)
    organisations.remove_membership(db, added.id)
    assert organisations.memberships_of(db, org.id) == []
    with pytest.raises(NotFoundError):
        organisations.remove_membership(db, added.id)


def test_membership_dates_are_checked_and_name_their_field(db: Database) -> None:
    prog = f.programme(db)
    org = f.organisation(db)
    with pytest.raises(ValidationError) as caught:
        organisations.add_membership(db, org.id, prog.id, since="31/02/2020", until="demain")
    assert problems_of(caught.value) == {"since": "date_format", "until": "date_format"}
    with pytest.raises(ValidationError) as caught:
        organisations.add_membership(db, org.id, prog.id, since="01/01/2021", until="01/01/2020")
    assert problems_of(caught.value) == {"until": "end_before_start"}
    member = organisations.add_membership(db, org.id, prog.id, since="01/01/2021")
    with pytest.raises(ValidationError) as caught:
        organisations.update_membership(db, member.id, since="01/01/2021", until="31/12/2020")
    assert problems_of(caught.value) == {"until": "end_before_start"}
    assert organisations.memberships_of(db, org.id)[0].until is None


def test_periods_of_the_same_programme_may_not_share_a_day(db: Database) -> None:
    prog = f.programme(db)
    other = f.programme(db, "Innovation alimentaire - Bas-Rhin")
    org = f.organisation(db)
    first = organisations.add_membership(
        db, org.id, prog.id, since="01/01/2019", until="31/12/2020"
    )
    for since, until in (("01/01/2019", None), ("31/12/2020", None), (None, "01/01/2019")):
        with pytest.raises(ValidationError) as caught:
            organisations.add_membership(db, org.id, prog.id, since=since, until=until)
        assert problems_of(caught.value) == {"programme_id": "membership_overlap"}
        assert "from 2019-01-01 to 2020-12-31" in str(caught.value)
    # Left and joined again the next day; another programme over the same dates.
    again = organisations.add_membership(db, org.id, prog.id, since="01/01/2021")
    organisations.add_membership(db, org.id, other.id, since="01/01/2019")
    with pytest.raises(ValidationError):
        organisations.update_membership(db, again.id, since="30/12/2020")
    # A membership does not clash with itself when its dates change.
    organisations.update_membership(db, first.id, since="01/06/2019", until="31/12/2020")
    assert count(db, Membership) == 3


def test_undated_memberships_are_open_ended() -> None:
    day = dt.date(2020, 1, 1)
    assert periods_overlap((None, None), (day, day))
    assert periods_overlap((None, day), (day, None))
    assert not periods_overlap((None, day), (day + dt.timedelta(days=1), None))
    line = MembershipDraft(programme_id=1, since=None)
    with pytest.raises(ValidationError) as caught:
        check_membership(line, [check_membership(MembershipDraft(1, "01/01/2020"), [])])
    assert problems_of(caught.value) == {"programme_id": "membership_overlap"}
    assert check_membership(line, [check_membership(MembershipDraft(2), [])]).programme_id == 1
    with pytest.raises(ValidationError) as caught:
        check_membership(MembershipDraft(None, "01/13/2020"), [])
    assert problems_of(caught.value) == {"programme_id": "required", "since": "date_format"}


def test_memberships_are_saved_with_the_organisation_in_one_transaction(db: Database) -> None:
    prog = f.programme(db)
    other = f.programme(db, "Innovation alimentaire - Bas-Rhin")
    created = organisations.create_organisation(
        db,
        OrganisationDraft(
            name="Fonderie Cœur d'Alsace",
            memberships=(
                MembershipDraft(prog.id, "01/01/2019", "31/12/2020"),
                MembershipDraft(prog.id, "01/01/2022"),
            ),
        ),
    )
    assert [(m.programme_id, m.since, m.until) for m in created.memberships] == [
        (prog.id, dt.date(2019, 1, 1), dt.date(2020, 12, 31)),
        (prog.id, dt.date(2022, 1, 1), None),
    ]
    early, late = created.memberships
    # Edit one line, drop another, add a third: all in the same save.
    updated = organisations.update_organisation(
        db,
        created.id,
        draft_of(
            created,
            memberships=(
                MembershipDraft(prog.id, "01/06/2018", "31/12/2020", id=early.id),
                MembershipDraft(other.id, None, None),
            ),
        ),
    )
    assert [(m.id, m.programme_name, m.since) for m in updated.memberships] == [
        (updated.memberships[0].id, other.name, None),
        (early.id, prog.name, dt.date(2018, 6, 1)),
    ]
    assert late.since not in {m.since for m in organisations.memberships_of(db, created.id)}
    # None leaves the memberships alone (imports, older callers).
    again = organisations.update_organisation(db, created.id, draft_of(updated, sector="Fonderie"))
    assert again.memberships == updated.memberships


def test_a_bad_membership_line_saves_nothing(db: Database) -> None:
    prog = f.programme(db)
    org = f.organisation(db)
    organisations.add_membership(db, org.id, prog.id, since="01/01/2019")
    stored = organisations.memberships_of(db, org.id)
    with pytest.raises(ValidationError) as caught:
        organisations.update_organisation(
            db,
            org.id,
            draft_of(
                org,
                name="Nouveau nom",
                postcode="675",
                memberships=(
                    MembershipDraft(prog.id, "01/01/2019", id=stored[0].id),
                    MembershipDraft(prog.id, "01/01/2023"),
                    MembershipDraft(999, "01/01/2023"),
                ),
            ),
        )
    problems = {(p.field, p.code) for p in caught.value.problems}
    assert problems == {
        ("postcode", "postcode_format"),
        ("memberships", "membership_overlap"),
        ("memberships", "unknown_reference"),
    }
    assert any(f'membership of "{prog.name}"' in p.message for p in caught.value.problems)
    assert organisations.get_organisation(db, org.id).name == org.name
    assert organisations.memberships_of(db, org.id) == stored


def test_a_membership_line_of_another_organisation_is_refused(db: Database) -> None:
    prog = f.programme(db)
    mine = f.organisation(db)
    theirs = f.organisation(db, "Tôlerie Nouvelle", commune="Haguenau", postcode="67500")
    foreign = organisations.add_membership(db, theirs.id, prog.id)
    with pytest.raises(ValidationError) as caught:
        organisations.update_organisation(
            db, mine.id, draft_of(mine, memberships=(MembershipDraft(prog.id, id=foreign.id),))
        )
    assert problems_of(caught.value) == {"memberships": "unknown_reference"}
    assert organisations.memberships_of(db, theirs.id) == [foreign]


def test_shifting_two_periods_at_once_saves(db: Database) -> None:
    """Lines rewritten together never collide on (organisation, programme, since)."""
    prog = f.programme(db)
    org = f.organisation(db)
    a = organisations.add_membership(db, org.id, prog.id, since="01/01/2019", until="31/12/2019")
    b = organisations.add_membership(db, org.id, prog.id, since="01/01/2020")
    with pytest.raises(ValidationError):
        organisations.update_organisation(
            db,
            org.id,
            draft_of(
                org,
                memberships=(
                    MembershipDraft(prog.id, "01/01/2018", "31/12/2019", id=a.id),
                    MembershipDraft(prog.id, "01/01/2019", "31/12/2019", id=b.id),
                ),
            ),
        )
    # a (written first, lower id) takes b's start while b moves earlier: rows
    # updated in place one by one would collide on a's update.
    swapped = organisations.update_organisation(
        db,
        org.id,
        draft_of(
            org,
            memberships=(
                MembershipDraft(prog.id, "01/01/2020", None, id=a.id),
                MembershipDraft(prog.id, "01/01/2017", "31/12/2018", id=b.id),
            ),
        ),
    )
    assert [(m.id, m.since) for m in swapped.memberships] == [
        (b.id, dt.date(2017, 1, 1)),
        (a.id, dt.date(2020, 1, 1)),
    ]


def test_an_organisation_with_memberships_is_archived_not_deleted(db: Database) -> None:
    prog = f.programme(db)
    org = f.organisation(db)
    organisations.add_membership(db, org.id, prog.id)
    with pytest.raises(HasHistoryError, match="memberships: 1"):
        organisations.delete_organisation(db, org.id)
    assert count(db, Organisation) == 1
