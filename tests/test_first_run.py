"""A new database: recognised as empty, given the usual topics once."""

from __future__ import annotations

from resilian_desktop.db.engine import Database
from resilian_desktop.services import first_run, programmes
from tests import factories as f


def test_a_new_database_is_new_until_something_is_added(db: Database) -> None:
    assert first_run.is_new(db)
    assert first_run.progress(db).is_empty
    f.programme(db)
    assert not first_run.is_new(db)
    assert first_run.progress(db) == first_run.Progress(
        programmes=True, topics=False, organisations=False
    )


def test_default_topics_are_added_once_and_kept_when_renamed(db: Database) -> None:
    topics = first_run.add_default_topics(db, "fr")
    assert [t.name for t in topics] == list(first_run.DEFAULT_TOPICS["fr"])
    programmes.rename_topic(db, topics[0].id, "Lean management")
    again = first_run.add_default_topics(db, "fr")
    # A second click adds back only what is missing (the renamed "Lean").
    assert len(again) == len(topics) + 1
    assert first_run.progress(db).topics and not first_run.is_new(db)
