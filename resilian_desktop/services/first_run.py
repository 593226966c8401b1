"""What the welcome page of a new database needs: is it empty, and the usual topics."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select

from resilian_desktop.db.engine import Database
from resilian_desktop.db.models import Contact, Meeting, Organisation, Programme, Taskforce, Topic
from resilian_desktop.domain.formats import Language
from resilian_desktop.services import programmes

# The topics networks of industrial companies usually exchange on; the officer
# renames, reorders or removes them afterwards (Network > Topics).
DEFAULT_TOPICS: dict[Language, tuple[str, ...]] = {
    "fr": (
        "Lean",
        "Digitalisation",
        "Formation",
        "Ressources humaines",
        "Relation donneur d'ordre / sous-traitant",
        "Innovation",
        "Énergie",
        "Achats",
    ),
    "en": (
        "Lean",
        "Digitalisation",
        "Training",
        "Human resources",
        "Buyer / subcontractor relations",
        "Innovation",
        "Energy",
        "Purchasing",
    ),
}


@dataclass(frozen=True)
class Progress:
    """What a new database has so far: the welcome page ticks each step."""

    programmes: bool
    topics: bool
    organisations: bool

    @property
    def is_empty(self) -> bool:
        return not (self.programmes or self.topics or self.organisations)


def progress(db: Database) -> Progress:
    """Which first steps are done (any programme, topic, organisation or contact)."""
    with db.read() as session:

        def some(model: type) -> bool:
            return bool(session.scalar(select(exists().select_from(model))))

        return Progress(
            programmes=some(Programme),
            topics=some(Topic),
            organisations=some(Organisation) or some(Contact),
        )


def is_new(db: Database) -> bool:
    """True for a database with nothing in it yet: the window opens on the welcome page."""
    with db.read() as session:
        return not any(
            session.scalar(select(exists().select_from(model)))
            for model in (Programme, Topic, Organisation, Contact, Meeting, Taskforce)
        )


def add_default_topics(db: Database, language: Language = "fr") -> list[programmes.TopicRow]:
    """Add the usual topics that do not exist yet; returns the topics after."""
    existing = {topic.name.casefold() for topic in programmes.list_topics(db)}
    for name in DEFAULT_TOPICS[language]:
        if name.casefold() not in existing:
            programmes.create_topic(db, name)
    return programmes.list_topics(db)
