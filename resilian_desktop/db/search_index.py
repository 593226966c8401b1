"""The full-text search index: its rows, kept in step with every write.

The FTS5 table ``search_index`` holds one row per organisation, person,
meeting and taskforce, with text folded by ``domain.text``. ``after_flush``
keeps it in step with every write made through a Database's write sessions
(registered there, once, where the session factory is made); it is rebuilt
in bulk after Core bulk inserts (the demo generator, imports), and
``reindex`` writes the rows of records changed by Core updates (a merge).
Searching it is services.search's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session, UOWTransaction

from resilian_desktop.db.models import Contact, Meeting, Organisation, Taskforce
from resilian_desktop.domain.text import search_terms

KIND_CODES = {"organisation": 1, "contact": 2, "meeting": 3, "taskforce": 4}
_ROWID_FACTOR = 10**12


@dataclass(frozen=True)
class IndexEntry:
    kind: str
    record_id: int
    label: str
    terms: str

    @property
    def rowid(self) -> int:
        return KIND_CODES[self.kind] * _ROWID_FACTOR + self.record_id


def _join(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


def organisation_entry(
    record_id: int, name: str, commune: str | None, siret: str | None, sector: str | None
) -> IndexEntry:
    label = f"{name} ({commune})" if commune else name
    return IndexEntry(
        "organisation", record_id, label, search_terms(_join(name, commune, siret, sector))
    )


def contact_entry(
    record_id: int,
    first_name: str,
    last_name: str,
    email: str | None,
    job_title: str | None,
    organisation_name: str | None,
) -> IndexEntry:
    name = f"{first_name} {last_name}".strip()
    label = f"{name} — {organisation_name}" if organisation_name else name
    return IndexEntry(
        "contact",
        record_id,
        label,
        search_terms(_join(first_name, last_name, email, job_title, organisation_name)),
    )


def meeting_entry(record_id: int, title: str, date_iso: str, venue: str | None) -> IndexEntry:
    day, month, year = date_iso[8:10], date_iso[5:7], date_iso[0:4]
    return IndexEntry(
        "meeting",
        record_id,
        f"{title} ({day}/{month}/{year})",
        search_terms(_join(title, venue, date_iso, f"{day}/{month}/{year}")),
    )


def taskforce_entry(record_id: int, name: str, problem: str | None) -> IndexEntry:
    return IndexEntry("taskforce", record_id, name, search_terms(_join(name, problem)))


def _entry_for(session: Session, obj: object) -> IndexEntry | None:
    if getattr(obj, "merged_into_id", None) is not None:
        return None  # merged: the record kept stands for it
    if isinstance(obj, Organisation):
        return organisation_entry(obj.id, obj.name, obj.commune, obj.siret, obj.sector)
    if isinstance(obj, Contact):
        # The relationship is not loaded when only organisation_id was set.
        org = (
            session.scalar(select(Organisation.name).where(Organisation.id == obj.organisation_id))
            if obj.organisation_id is not None
            else None
        )
        return contact_entry(obj.id, obj.first_name, obj.last_name, obj.email, obj.job_title, org)
    if isinstance(obj, Meeting):
        return meeting_entry(obj.id, obj.title, obj.date.isoformat(), obj.venue)
    if isinstance(obj, Taskforce):
        return taskforce_entry(obj.id, obj.name, obj.problem_statement)
    return None


_KIND_OF_CLASS: dict[type, str] = {
    Organisation: "organisation",
    Contact: "contact",
    Meeting: "meeting",
    Taskforce: "taskforce",
}


_INSERT = text(
    "INSERT INTO search_index (rowid, kind, record_id, label, terms) "
    "VALUES (:rowid, :kind, :record_id, :label, :terms)"
)


def _params(entry: IndexEntry) -> dict[str, Any]:
    return {
        "rowid": entry.rowid,
        "kind": entry.kind,
        "record_id": entry.record_id,
        "label": entry.label,
        "terms": entry.terms,
    }


def write_entries(session: Session, entries: Iterable[IndexEntry]) -> None:
    """Insert or replace index rows."""
    rows = [_params(e) for e in entries]
    if not rows:
        return
    session.execute(text("DELETE FROM search_index WHERE rowid = :rowid"), rows)
    session.execute(_INSERT, rows)


def remove_entries(session: Session, kind: str, record_ids: Iterable[int]) -> None:
    rows = [{"rowid": KIND_CODES[kind] * _ROWID_FACTOR + i} for i in record_ids]
    if rows:
        session.execute(text("DELETE FROM search_index WHERE rowid = :rowid"), rows)


def after_flush(session: Session, _flush: UOWTransaction) -> None:
    """Keep the index in step with what a write session flushed.

    Registered once, on the write sessions of each Database (db.engine).
    """
    with session.no_autoflush:
        changed = [obj for obj in (*session.new, *session.dirty) if type(obj) in _KIND_OF_CLASS]
        # A renamed organisation changes the labels of its people.
        touched_organisations = [o.id for o in session.dirty if isinstance(o, Organisation)]
        if touched_organisations:
            changed.extend(
                session.scalars(
                    select(Contact).where(Contact.organisation_id.in_(touched_organisations))
                ).all()
            )
        write_entries(
            session, [e for obj in changed if (e := _entry_for(session, obj)) is not None]
        )
        # A duplicate merged into another record is found as the record kept.
        for obj in changed:
            if getattr(obj, "merged_into_id", None) is not None:
                remove_entries(session, _KIND_OF_CLASS[type(obj)], [obj.id])
        for obj in session.deleted:
            kind = _KIND_OF_CLASS.get(type(obj))
            if kind is not None:
                remove_entries(session, kind, [obj.id])


def _all_entries(session: Session) -> Iterator[IndexEntry]:
    for oid, name, commune, siret, sector in session.execute(
        select(
            Organisation.id,
            Organisation.name,
            Organisation.commune,
            Organisation.siret,
            Organisation.sector,
        ).where(Organisation.merged_into_id.is_(None))
    ):
        yield organisation_entry(oid, name, commune, siret, sector)
    for pid, first, last, email, job, org in session.execute(
        select(
            Contact.id,
            Contact.first_name,
            Contact.last_name,
            Contact.email,
            Contact.job_title,
            Organisation.name,
        )
        .outerjoin(Organisation, Contact.organisation_id == Organisation.id)
        .where(Contact.merged_into_id.is_(None))
    ):
        yield contact_entry(pid, first, last, email, job, org)
    for mid, title, date, venue in session.execute(
        select(Meeting.id, Meeting.title, Meeting.date, Meeting.venue)
    ):
        yield meeting_entry(mid, title, date.isoformat(), venue)
    for tid, name, problem in session.execute(
        select(Taskforce.id, Taskforce.name, Taskforce.problem_statement)
    ):
        yield taskforce_entry(tid, name, problem)


def rebuild_index(session: Session) -> int:
    """Rebuild the whole index inside the caller's transaction; returns the row count."""
    session.execute(text("DELETE FROM search_index"))
    count = 0
    batch: list[dict[str, Any]] = []
    for entry in _all_entries(session):
        batch.append(_params(entry))
        if len(batch) >= 5000:
            session.execute(_INSERT, batch)
            count += len(batch)
            batch.clear()
    if batch:
        session.execute(_INSERT, batch)
        count += len(batch)
    return count


def reindex(session: Session, kind: str, record_ids: Iterable[int]) -> None:
    """Write the index rows of some records again, after Core updates the hook cannot see."""
    model: Any = {"organisation": Organisation, "contact": Contact}[kind]
    records: list[Any] = list(session.scalars(select(model).where(model.id.in_(list(record_ids)))))
    write_entries(session, [e for r in records if (e := _entry_for(session, r)) is not None])
    remove_entries(session, kind, [r.id for r in records if r.merged_into_id is not None])


def kind_rowids(kind: str) -> tuple[int, int]:
    """The first and last rowid the index may give a record of *kind*."""
    low = KIND_CODES[kind] * _ROWID_FACTOR
    return low, low + _ROWID_FACTOR - 1


# --- searching ------------------------------------------------------------------
# The same rows on both engines; only the query differs. SQLite's FTS5 table
# is matched with prefix queries ("word"*); PostgreSQL's plain table through a
# GIN full-text index of to_tsvector('simple', terms) with prefix queries
# (word:*). Terms are folded to [0-9a-z] words, so both split them alike and
# a record matches on one engine exactly when it matches on the other; only
# the order of the hits (FTS5's bm25 against ts_rank) may differ.

_TSVECTOR = "terms_vector"  # to_tsvector('simple', terms), stored (migration 0001)
_TSQUERY = "to_tsquery('simple'::regconfig, :q)"


def _on_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _query(session: Session, words: list[str]) -> str:
    if _on_postgresql(session):
        return " & ".join(f"{w}:*" for w in words)
    return "terms : (" + " ".join(f'"{w}"*' for w in words) + ")"


def _match(session: Session) -> str:
    if _on_postgresql(session):
        return f"{_TSVECTOR} @@ {_TSQUERY}"
    return "search_index MATCH :q"


def find(
    session: Session, words: list[str], *, limit: int, kind: str | None = None
) -> list[tuple[str, int, str, str]]:
    """(kind, record_id, label, context) of the index rows holding every
    folded word of *words* as a word prefix, best first, at most *limit*;
    context is a few terms around the first match."""
    if not words:
        return []
    params: dict[str, Any] = {"q": _query(session, words), "limit": limit}
    of_kind = ""
    if kind is not None:
        of_kind = "AND rowid BETWEEN :low AND :high "
        params["low"], params["high"] = kind_rowids(kind)
    if not _on_postgresql(session):
        rows = session.execute(
            text(
                "SELECT kind, record_id, label, "
                "snippet(search_index, 3, '', '', '…', 8) FROM search_index "
                f"WHERE {_match(session)} {of_kind}ORDER BY rank LIMIT :limit"
            ),
            params,
        )
        return [(str(k), int(i), str(label), str(context)) for k, i, label, context in rows]
    # ts_rank normalised by the length of the text (option 1) favours short
    # texts as bm25 does.
    rows = session.execute(
        text(
            f"SELECT kind, record_id, label, terms FROM search_index WHERE {_match(session)} "
            f"{of_kind}ORDER BY ts_rank({_TSVECTOR}, {_TSQUERY}, 1) DESC, rowid LIMIT :limit"
        ),
        params,
    )
    return [(str(k), int(i), str(label), _snippet(terms, words)) for k, i, label, terms in rows]


def _snippet(terms: str, words: list[str], size: int = 8) -> str:
    """Up to *size* terms around the first one a word starts, '…' where cut (as FTS5's snippet)."""
    split = terms.split()
    first = next((i for i, term in enumerate(split) if any(term.startswith(w) for w in words)), 0)
    start = max(0, min(first - size // 4, len(split) - size))
    part = " ".join(split[start : start + size])
    return ("…" if start > 0 else "") + part + ("…" if start + size < len(split) else "")


def matching_ids(session: Session, kind: str, words: list[str]) -> Any:
    """A SELECT of the record ids of *kind* whose index row holds every word
    of *words* as a prefix, for an IN (...) condition."""
    low, high = kind_rowids(kind)
    return text(
        f"SELECT record_id FROM search_index WHERE {_match(session)} "
        "AND rowid BETWEEN :low AND :high"
    ).bindparams(q=_query(session, words), low=low, high=high)


def purge_removed(session: Session) -> None:
    """Make the words of removed index rows leave the database file now (an erasure).

    FTS5 keeps them in segments until merged; PostgreSQL's deleted rows go at
    the next VACUUM (autovacuum), which cannot run inside a transaction."""
    if not _on_postgresql(session):
        session.execute(text("INSERT INTO search_index(search_index) VALUES ('optimize')"))


def missing_entries(session: Session) -> dict[str, int]:
    """Per kind, how many records have no index row or one that differs from
    what their fields give now (a check, on either engine)."""
    stored: dict[int, tuple[str, str]] = {
        int(rowid): (str(label), str(terms))
        for rowid, label, terms in session.execute(
            text("SELECT rowid, label, terms FROM search_index")
        )
    }
    wrong: dict[str, int] = {}
    for entry in _all_entries(session):
        if stored.pop(entry.rowid, None) != (entry.label, entry.terms):
            wrong[entry.kind] = wrong.get(entry.kind, 0) + 1
    for rowid in stored:  # rows of records that are gone
        kind = next(k for k, code in KIND_CODES.items() if rowid // _ROWID_FACTOR == code)
        wrong[kind] = wrong.get(kind, 0) + 1
    return wrong
