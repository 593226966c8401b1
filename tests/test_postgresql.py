"""The PostgreSQL engine itself: the URL, the schema, fold() in SQL, search, the write lock."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from resilian_desktop.db.engine import Database
from resilian_desktop.domain.text import fold
from resilian_desktop.services.search import search
from tests import factories

pytestmark = pytest.mark.both_engines


def test_the_database_opens_migrated(db: Database, engine: str) -> None:
    assert (db.server is not None) == (engine == "postgresql")
    with db.read() as session:
        assert session.get_bind().dialect.name == engine


def test_search_is_accent_case_ligature_and_apostrophe_blind(db: Database) -> None:
    factories.organisation(db, "Fonderie Cœur d'Alsace")
    factories.organisation(db, "Plasturgie L'Oréalienne", commune="Bischwiller")
    with db.read() as session:
        for typed, found in (
            ("coeur", "Fonderie Cœur"),
            ("CŒUR d’als", "Fonderie Cœur"),
            ("loreal", "Plasturgie L'Or"),
            ("l'oreal", "Plasturgie L'Or"),
            ("bischw", "Plasturgie L'Or"),
        ):
            hits = search(session, typed)
            assert [h.label[: len(found)] for h in hits] == [found], typed
        assert search(session, "eur") == []  # a word's middle is not a prefix


FRENCH_TEXT = st.text(
    alphabet=st.sampled_from(
        list("aAeEiouyzZ09 -'’._@/") + list("éèêëÉÈàâäÂçÇîïôöœŒæÆßłŁøØđĐıþùûüÿñ") + ["ﬁ", "²", "İ"]
    ),
    max_size=30,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=FRENCH_TEXT)
def test_fold_in_sql_is_the_python_fold(db: Database, value: str) -> None:
    # The lists sort and compare on fold() computed by the database: on
    # SQLite the Python function itself, on PostgreSQL its SQL counterpart.
    with db.read() as session:
        assert session.scalar(select(func.fold(value))) == fold(value)
