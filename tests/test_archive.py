"""Archive instead of delete: records leave the lists, history stays."""

from __future__ import annotations

import datetime as dt

import pytest

from resilian_desktop.db.engine import Database
from resilian_desktop.domain.errors import NotFoundError
from resilian_desktop.services import contacts, meetings, organisations, taskforces
from resilian_desktop.services.archive import (
    ArchiveStateError,
    archive,
    delete_record,
    preview_deletion,
    unarchive,
)
from resilian_desktop.services.common import HasHistoryError
from resilian_desktop.services.stats import Period, period_figures
from tests import factories as f

pytestmark = pytest.mark.both_engines  # on SQLite and on PostgreSQL (conftest)


def network(db: Database) -> dict[str, int]:
    prog = f.programme(db)
    org = f.organisation(db)
    who = f.contact(db, organisation_id=org.id)
    tf = f.taskforce(db, prog.id, lead_organisation_id=org.id, status="active")
    taskforces.add_action(db, tf.id, taskforces.ActionDraft(title="Diagnostic"))
    meeting = f.meeting(db, prog.id, status="held", taskforce_id=tf.id)
    meetings.set_attendance(db, meeting.id, [who.id], status="present")
    return {"organisation": org.id, "contact": who.id, "meeting": meeting.id, "taskforce": tf.id}


def listed(db: Database, entity: str, include_archived: bool = False) -> set[int]:
    rows: list = {  # type: ignore[assignment]
        "organisation": organisations.list_organisations,
        "contact": contacts.list_contacts,
        "meeting": meetings.list_meetings,
        "taskforce": taskforces.list_taskforces,
    }[entity](db, include_archived=include_archived)
    return {row.id for row in rows}


@pytest.mark.parametrize("entity", ["organisation", "contact", "meeting", "taskforce"])
def test_archived_records_leave_lists_keep_history_and_come_back(db: Database, entity: str) -> None:
    ids = network(db)
    year = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    before = period_figures(db, year, today=dt.date(2026, 6, 1))
    attendance_before = meetings.list_attendance(db, ids["meeting"])

    with pytest.raises(HasHistoryError, match="archive it instead"):
        delete_record(db, entity, ids[entity])
    archive(db, entity, ids[entity])
    assert ids[entity] not in listed(db, entity)
    assert ids[entity] in listed(db, entity, include_archived=True)
    assert meetings.list_attendance(db, ids["meeting"]) == attendance_before
    after = period_figures(db, year, today=dt.date(2026, 6, 1))
    if entity == "organisation":
        # A dormant-company count only concerns companies still followed.
        assert after.dormant_companies == before.dormant_companies
    assert after == before

    with pytest.raises(ArchiveStateError):
        archive(db, entity, ids[entity])
    unarchive(db, entity, ids[entity])
    assert ids[entity] in listed(db, entity)
    with pytest.raises(ArchiveStateError):
        unarchive(db, entity, ids[entity])


def test_deletion_preview_lists_what_goes_with_a_record(db: Database) -> None:
    from resilian_desktop.services import programmes

    lean = programmes.create_topic(db, "Lean")
    org = f.organisation(db, "Erreur de saisie", expertise_topic_ids=(lean.id,))
    preview = preview_deletion(db, "organisation", org.id)
    assert preview.can_delete
    assert preview.goes_with == {"topic links": 1}
    delete_record(db, "organisation", org.id)
    with pytest.raises(NotFoundError):
        organisations.get_organisation(db, org.id)
    assert [t.name for t in programmes.list_topics(db)] == ["Lean"]


def test_preview_names_the_history_that_forbids_deletion(db: Database) -> None:
    ids = network(db)
    preview = preview_deletion(db, "meeting", ids["meeting"])
    assert not preview.can_delete
    assert preview.history == {"attendance": 1}


def test_archived_taskforce_actions_leave_the_global_action_list(db: Database) -> None:
    ids = network(db)
    archive(db, "taskforce", ids["taskforce"])
    assert taskforces.list_actions(db) == []
    assert len(taskforces.list_actions(db, include_archived=True)) == 1
    assert len(taskforces.list_actions(db, taskforce_id=ids["taskforce"])) == 1


def test_a_deletion_can_be_undone_with_its_id_and_links(db: Database) -> None:
    from resilian_desktop.services import programmes
    from resilian_desktop.services.archive import undo_deletion
    from resilian_desktop.services.search import search

    lean = programmes.create_topic(db, "Lean")
    org = f.organisation(db, "Erreur de saisie", need_topic_ids=(lean.id,))
    deleted = delete_record(db, "organisation", org.id)
    with pytest.raises(NotFoundError):
        organisations.get_organisation(db, org.id)
    undo_deletion(db, deleted)
    back = organisations.get_organisation(db, org.id)
    assert (back.name, back.need_topics) == ("Erreur de saisie", ("Lean",))
    with db.read() as session:
        assert [h.id for h in search(session, "erreur saisie")] == [org.id]
