"""Accent-, case- and apostrophe-insensitive search over the whole network.

The index itself (its rows, kept in step with every write) is
db.search_index's; this module searches it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from resilian_desktop.db.search_index import (
    IndexEntry,
    kind_rowids,
    meeting_entry,
    organisation_entry,
    person_entry,
    rebuild_index,
    reindex,
    taskforce_entry,
)
from resilian_desktop.domain.text import fts_query

__all__ = [
    "IndexEntry",
    "SearchHit",
    "kind_rowids",
    "meeting_entry",
    "organisation_entry",
    "person_entry",
    "rebuild_index",
    "reindex",
    "search",
    "taskforce_entry",
]


@dataclass(frozen=True)
class SearchHit:
    type: str
    id: int
    label: str


def search(
    session: Session, user_text: str, *, limit: int = 50, kind: str | None = None
) -> list[SearchHit]:
    """Records whose folded text holds every word typed, as prefixes, best first;
    only records of *kind* when given."""
    query = fts_query(user_text)
    if query is None:
        return []
    params: dict[str, Any] = {"q": f"terms : ({query})", "limit": limit}
    of_kind = ""
    if kind is not None:
        of_kind = "AND rowid BETWEEN :low AND :high "
        params["low"], params["high"] = kind_rowids(kind)
    rows = session.execute(
        text(
            "SELECT kind, record_id, label FROM search_index WHERE search_index MATCH :q "
            f"{of_kind}ORDER BY rank LIMIT :limit"
        ),
        params,
    )
    return [SearchHit(k, int(record_id), label) for k, record_id, label in rows]
