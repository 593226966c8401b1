"""Small builders for test data, through the real services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from resilian_desktop.db.engine import Database
from resilian_desktop.services import contacts, meetings, organisations, programmes, taskforces

# Checksum-valid SIRETs (Luhn on 14 digits).
SIRET_A = "73282932000074"
SIRET_B = "55208131766522"


def programme(db: Database, name: str = "RESILIAN - Alsace du Nord") -> programmes.ProgrammeRow:
    return programmes.create_programme(
        db, programmes.ProgrammeDraft(name=name, territory="Alsace du Nord")
    )


def organisation(
    db: Database, name: str = "Fonderie Cœur d'Alsace", **kw: Any
) -> organisations.OrganisationRow:
    kw.setdefault("commune", "Reichshoffen")
    kw.setdefault("postcode", "67110")
    return organisations.create_organisation(db, organisations.OrganisationDraft(name=name, **kw))


def contact(
    db: Database, first: str = "Anaïs", last: str = "Müller", **kw: Any
) -> contacts.ContactRow:
    return contacts.create_contact(
        db, contacts.ContactDraft(first_name=first, last_name=last, **kw)
    )


def meeting(db: Database, programme_id: int, **kw: Any) -> meetings.MeetingRow:
    kw.setdefault("kind", "business_corner")
    kw.setdefault("title", "Business corner — Lean")
    kw.setdefault("date", dt.date(2026, 3, 12))
    return meetings.create_meeting(db, meetings.MeetingDraft(programme_id=programme_id, **kw))


def taskforce(db: Database, programme_id: int, **kw: Any) -> taskforces.TaskforceRow:
    kw.setdefault("name", "Mutualisation des achats d'énergie")
    return taskforces.create_taskforce(
        db, taskforces.TaskforceDraft(programme_id=programme_id, **kw)
    )
