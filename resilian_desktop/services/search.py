"""Accent-, case- and apostrophe-insensitive search over the whole network.

The index itself (its rows, kept in step with every write) is
db.search_index's; this module searches it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from resilian_desktop.db.models import Meeting, Taskforce
from resilian_desktop.db.search_index import (
    IndexEntry,
    contact_entry,
    find,
    kind_rowids,
    meeting_entry,
    organisation_entry,
    rebuild_index,
    reindex,
    taskforce_entry,
)
from resilian_desktop.domain.text import fold, search_terms

__all__ = [
    "IndexEntry",
    "SearchHit",
    "contact_entry",
    "kind_rowids",
    "meeting_entry",
    "organisation_entry",
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
    # Where the words were found when the label does not show it (an email, a
    # job title, a problem statement): a few folded words around the match.
    context: str = ""


def search(
    session: Session, user_text: str, *, limit: int = 50, kind: str | None = None
) -> list[SearchHit]:
    """Records whose folded text holds every word typed, as prefixes, best first;
    only records of *kind* when given."""
    words = fold(user_text).split()
    # Three times the hits asked for, then those whose label holds the words
    # first: a taskforce named after the words goes before the long problem
    # statements that mention them (FTS5's rank favours short texts).
    rows = find(session, words, limit=limit * 3, kind=kind)

    def in_label(label: str) -> bool:
        folded = search_terms(label).split()
        return all(any(term.startswith(word) for term in folded) for word in words)

    hits = _readable(
        session,
        [
            SearchHit(k, int(record_id), label, "" if in_label(label) else str(context))
            for k, record_id, label, context in rows
        ],
    )
    hits.sort(key=lambda hit: hit.context != "")
    return hits[:limit]


def _readable(session: Session, hits: list[SearchHit]) -> list[SearchHit]:
    """*hits* less the meetings and taskforces the connected user may not read.

    On a team's server a reader sees only their programmes' meetings and
    taskforces (the tables' row-level security); the index holds every
    record (db.team_rules says why). Everywhere else nothing is dropped.
    """
    hidden: set[tuple[str, int]] = set()
    for kind, model in (("meeting", Meeting), ("taskforce", Taskforce)):
        ids = {hit.id for hit in hits if hit.type == kind}
        if ids:
            seen = set(session.scalars(select(model.id).where(model.id.in_(ids))))
            hidden.update((kind, i) for i in ids - seen)
    return [hit for hit in hits if (hit.type, hit.id) not in hidden] if hidden else hits
