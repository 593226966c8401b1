"""Words for the domain's codes, in the interface language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from resilian_desktop.domain.vocab import LABELS_FR

# English source texts; Qt Linguist translates them (context "Vocabulary").
# QT_TRANSLATE_NOOP is typed as returning object; it returns its text unchanged.
_SOURCE: dict[str, Any] = {
    "company": QT_TRANSLATE_NOOP("Vocabulary", "Industrial company"),
    "funder": QT_TRANSLATE_NOOP("Vocabulary", "Funder"),
    "local_authority": QT_TRANSLATE_NOOP("Vocabulary", "Local authority"),
    "agency": QT_TRANSLATE_NOOP("Vocabulary", "Agency"),
    "training_body": QT_TRANSLATE_NOOP("Vocabulary", "Training body"),
    "other": QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    "business_corner": QT_TRANSLATE_NOOP("Vocabulary", "Business corner"),
    "challenge": QT_TRANSLATE_NOOP("Vocabulary", "Challenge"),
    "taskforce_meeting": QT_TRANSLATE_NOOP("Vocabulary", "Taskforce meeting"),
    "steering_committee": QT_TRANSLATE_NOOP("Vocabulary", "Steering committee"),
    "plenary": QT_TRANSLATE_NOOP("Vocabulary", "Plenary"),
    "site_visit": QT_TRANSLATE_NOOP("Vocabulary", "Site visit"),
    "planned": QT_TRANSLATE_NOOP("Vocabulary", "Planned"),
    "held": QT_TRANSLATE_NOOP("Vocabulary", "Held"),
    "cancelled": QT_TRANSLATE_NOOP("Vocabulary", "Cancelled"),
    "emerging": QT_TRANSLATE_NOOP("Vocabulary", "Emerging"),
    "active": QT_TRANSLATE_NOOP("Vocabulary", "Active"),
    "on_hold": QT_TRANSLATE_NOOP("Vocabulary", "On hold"),
    "closed": QT_TRANSLATE_NOOP("Vocabulary", "Closed"),
}


# Titles of the list columns (services.listings), marked for Qt Linguist.
COLUMN_TITLES = (
    QT_TRANSLATE_NOOP("ListColumns", "Name"),
    QT_TRANSLATE_NOOP("ListColumns", "Kind"),
    QT_TRANSLATE_NOOP("ListColumns", "Commune"),
    QT_TRANSLATE_NOOP("ListColumns", "Postcode"),
    QT_TRANSLATE_NOOP("ListColumns", "SIRET"),
    QT_TRANSLATE_NOOP("ListColumns", "Headcount"),
    QT_TRANSLATE_NOOP("ListColumns", "Sector"),
    QT_TRANSLATE_NOOP("ListColumns", "Last name"),
    QT_TRANSLATE_NOOP("ListColumns", "First name"),
    QT_TRANSLATE_NOOP("ListColumns", "Organisation"),
    QT_TRANSLATE_NOOP("ListColumns", "Job title"),
    QT_TRANSLATE_NOOP("ListColumns", "Email"),
    QT_TRANSLATE_NOOP("ListColumns", "Phone"),
    QT_TRANSLATE_NOOP("ListColumns", "Date"),
    QT_TRANSLATE_NOOP("ListColumns", "Title"),
    QT_TRANSLATE_NOOP("ListColumns", "Venue"),
    QT_TRANSLATE_NOOP("ListColumns", "Status"),
    QT_TRANSLATE_NOOP("ListColumns", "Invited"),
    QT_TRANSLATE_NOOP("ListColumns", "Present"),
    QT_TRANSLATE_NOOP("ListColumns", "Lead organisation"),
    QT_TRANSLATE_NOOP("ListColumns", "Start"),
)


def code_labels() -> dict[str, str]:
    """Every code of the lists mapped to its word in the current language."""
    return {code: QCoreApplication.translate("Vocabulary", text) for code, text in _SOURCE.items()}


def french_labels_are_complete() -> bool:
    """The French vocabulary covers every code shown in lists (checked by a test)."""
    french = {member.value for member in LABELS_FR}
    return set(_SOURCE) <= french
