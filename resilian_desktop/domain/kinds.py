"""The kinds of record the officer keeps, one enumeration for every layer.

The window's pages, the services (archive, delete, merge) and the command
line (`archive contact 12`, `merge organisation 3 7`) name a kind by these
codes.
"""

from __future__ import annotations

from enum import StrEnum


class RecordKind(StrEnum):
    ORGANISATION = "organisation"
    CONTACT = "contact"
    MEETING = "meeting"
    TASKFORCE = "taskforce"


# The kinds that duplicates and merges concern.
MERGEABLE = (RecordKind.ORGANISATION, RecordKind.CONTACT)
