"""Words for the domain's codes and the services' problem codes, in the interface language.

The Qt-free layers return codes ("business_corner", "siret_checksum"); this
module holds their English source texts, marked for Qt Linguist, and turns
them into words of the current language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from resilian_desktop.domain.errors import FieldProblem
from resilian_desktop.domain.formats import Language
from resilian_desktop.domain.vocab import (
    LABELS_FR,
    ActionStatus,
    AttendanceRole,
    AttendanceStatus,
    ConsentBasis,
    MeetingKind,
    MeetingStatus,
    MemberRole,
    OrganisationKind,
    TaskforceStatus,
)

# English source texts; Qt Linguist translates them (context "Vocabulary").
# QT_TRANSLATE_NOOP is typed as returning object; it returns its text unchanged.
# Codes shared by several vocabularies ("active", "held"...) have one word each.
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
    "invited": QT_TRANSLATE_NOOP("Vocabulary", "Invited"),
    "registered": QT_TRANSLATE_NOOP("Vocabulary", "Registered"),
    "present": QT_TRANSLATE_NOOP("Vocabulary", "Present"),
    "absent": QT_TRANSLATE_NOOP("Vocabulary", "Absent"),
    "excused": QT_TRANSLATE_NOOP("Vocabulary", "Excused"),
    "participant": QT_TRANSLATE_NOOP("Vocabulary", "Participant"),
    "speaker": QT_TRANSLATE_NOOP("Vocabulary", "Speaker"),
    "host": QT_TRANSLATE_NOOP("Vocabulary", "Host"),
    "organiser": QT_TRANSLATE_NOOP("Vocabulary", "Organiser"),
    "elected_official": QT_TRANSLATE_NOOP("Vocabulary", "Elected official"),
    "lead": QT_TRANSLATE_NOOP("Vocabulary", "Lead"),
    "member": QT_TRANSLATE_NOOP("Vocabulary", "Member"),
    "expert": QT_TRANSLATE_NOOP("Vocabulary", "Expert"),
    "observer": QT_TRANSLATE_NOOP("Vocabulary", "Observer"),
    "origin": QT_TRANSLATE_NOOP("Vocabulary", "Raised the problem"),
    "todo": QT_TRANSLATE_NOOP("Vocabulary", "To do"),
    "in_progress": QT_TRANSLATE_NOOP("Vocabulary", "In progress"),
    "done": QT_TRANSLATE_NOOP("Vocabulary", "Done"),
    "blocked": QT_TRANSLATE_NOOP("Vocabulary", "Blocked"),
    "dropped": QT_TRANSLATE_NOOP("Vocabulary", "Dropped"),
    "legitimate_interest": QT_TRANSLATE_NOOP("Vocabulary", "Legitimate interest"),
    "consent": QT_TRANSLATE_NOOP("Vocabulary", "Consent"),
    "expertise": QT_TRANSLATE_NOOP("Vocabulary", "Expertise"),
    "need": QT_TRANSLATE_NOOP("Vocabulary", "Need"),
    "gone": QT_TRANSLATE_NOOP("Vocabulary", "No longer there"),
    "organisation_archived": QT_TRANSLATE_NOOP("Vocabulary", "Organisation archived"),
}

# Words that agree with a woman in French ("Présente"): the same English
# words in a context of their own (lupdate does not read QT_TRANSLATE_NOOP3).
_FEMININE: dict[str, Any] = {
    "invited": QT_TRANSLATE_NOOP("VocabularyFeminine", "Invited"),
    "registered": QT_TRANSLATE_NOOP("VocabularyFeminine", "Registered"),
    "present": QT_TRANSLATE_NOOP("VocabularyFeminine", "Present"),
    "absent": QT_TRANSLATE_NOOP("VocabularyFeminine", "Absent"),
    "excused": QT_TRANSLATE_NOOP("VocabularyFeminine", "Excused"),
    "elected_official": QT_TRANSLATE_NOOP("VocabularyFeminine", "Elected official"),
    "participant": QT_TRANSLATE_NOOP("VocabularyFeminine", "Participant"),
    "speaker": QT_TRANSLATE_NOOP("VocabularyFeminine", "Speaker"),
    "organiser": QT_TRANSLATE_NOOP("VocabularyFeminine", "Organiser"),
}

# The codes of each vocabulary, in the order choosers offer them.
ORGANISATION_KINDS = tuple(k.value for k in OrganisationKind)
MEETING_KINDS = tuple(k.value for k in MeetingKind)
MEETING_STATUSES = tuple(k.value for k in MeetingStatus)
ATTENDANCE_STATUSES = tuple(k.value for k in AttendanceStatus)
ATTENDANCE_ROLES = tuple(k.value for k in AttendanceRole)
TASKFORCE_STATUSES = tuple(k.value for k in TaskforceStatus)
MEMBER_ROLES = tuple(k.value for k in MemberRole)
ACTION_STATUSES = tuple(k.value for k in ActionStatus)
CONSENT_BASES = tuple(k.value for k in ConsentBasis)

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
    QT_TRANSLATE_NOOP("ListColumns", "Taskforce"),
    QT_TRANSLATE_NOOP("ListColumns", "No."),
    QT_TRANSLATE_NOOP("ListColumns", "Action"),
    QT_TRANSLATE_NOOP("ListColumns", "Owner"),
    QT_TRANSLATE_NOOP("ListColumns", "Due"),
    QT_TRANSLATE_NOOP("ListColumns", "Progress"),
    QT_TRANSLATE_NOOP("ListColumns", "Meeting"),
    QT_TRANSLATE_NOOP("ListColumns", "Still there?"),
    QT_TRANSLATE_NOOP("ListColumns", "Members"),
    QT_TRANSLATE_NOOP("ListColumns", "Late actions"),
    QT_TRANSLATE_NOOP("ListColumns", "Next meeting"),
)

# Qt's own file dialog (Linux): two texts its French catalogue (qtbase_fr) lacks
# since Qt 6 gave them access keys; translated in ours, which Qt also searches.
QT_FILE_DIALOG = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

# What the services' problem codes mean, for the user. The English interface
# shows the service's own sentence (it quotes the value typed); other
# languages show these, translated, with the service's sentence as tooltip.
_PROBLEMS: dict[str, Any] = {
    "required": QT_TRANSLATE_NOOP("Problems", "This field is required."),
    "too_long": QT_TRANSLATE_NOOP("Problems", "This text is too long."),
    "siret_format": QT_TRANSLATE_NOOP("Problems", "A SIRET contains only digits."),
    "siret_length": QT_TRANSLATE_NOOP("Problems", "A SIRET has 14 digits."),
    "siret_checksum": QT_TRANSLATE_NOOP(
        "Problems", "This SIRET is not valid: its check digit is wrong."
    ),
    "probable_duplicate": QT_TRANSLATE_NOOP(
        "Problems",
        "Probably a record already there (same name and commune, another SIRET; or its "
        "e-mail address under another name): import this row onto it, or merge the two.",
    ),
    "siret_taken": QT_TRANSLATE_NOOP(
        "Problems", "This SIRET already belongs to another organisation."
    ),
    "siren_format": QT_TRANSLATE_NOOP("Problems", "A SIREN contains only digits."),
    "siren_length": QT_TRANSLATE_NOOP("Problems", "A SIREN has 9 digits."),
    "siren_checksum": QT_TRANSLATE_NOOP(
        "Problems", "This SIREN is not valid: its check digit is wrong."
    ),
    "siren_mismatch": QT_TRANSLATE_NOOP("Problems", "The SIREN is not the start of the SIRET."),
    "naf_format": QT_TRANSLATE_NOOP(
        "Problems", "A NAF code looks like 25.62A (4 digits and a letter)."
    ),
    "postcode_format": QT_TRANSLATE_NOOP("Problems", "This is not a valid postcode."),
    "country_format": QT_TRANSLATE_NOOP(
        "Problems", "Give a country by its name (Allemagne) or its code (DE)."
    ),
    "email_format": QT_TRANSLATE_NOOP("Problems", "This is not a valid email address."),
    "phone_format": QT_TRANSLATE_NOOP(
        "Problems", "This is not a valid phone number (03 88 12 34 56)."
    ),
    "website_format": QT_TRANSLATE_NOOP("Problems", "This is not a valid website address."),
    "headcount_format": QT_TRANSLATE_NOOP("Problems", "The headcount is a whole number of people."),
    "capacity_format": QT_TRANSLATE_NOOP(
        "Problems", "The capacity is a whole number of people, from 1 to 100 000."
    ),
    "progress_range": QT_TRANSLATE_NOOP("Problems", "Progress is a percentage from 0 to 100."),
    "date_format": QT_TRANSLATE_NOOP("Problems", "Type a date as dd/mm/yyyy."),
    "time_format": QT_TRANSLATE_NOOP("Problems", "Type a time as 14:30 or 14h30."),
    "end_before_start": QT_TRANSLATE_NOOP("Problems", "The end comes before the start."),
    "not_allowed": QT_TRANSLATE_NOOP("Problems", "Choose one of the values offered."),
    "unknown_reference": QT_TRANSLATE_NOOP("Problems", "This record no longer exists."),
    "name_taken": QT_TRANSLATE_NOOP("Problems", "This name is already used."),
    "not_done": QT_TRANSLATE_NOOP("Problems", "Only an action marked done has a done date."),
    "not_chosen": QT_TRANSLATE_NOOP("Problems", "Choose an entry from the list offered."),
    "membership_overlap": QT_TRANSLATE_NOOP(
        "Problems", "The organisation is already a member of this programme over these dates."
    ),
    "logo_format": QT_TRANSLATE_NOOP("Problems", "A logo is a PNG, JPEG or GIF image."),
    "file_unreadable": QT_TRANSLATE_NOOP("Problems", "This file cannot be read."),
    "erased": QT_TRANSLATE_NOOP(
        "Problems", "This contact's data was erased on request: it cannot be entered again."
    ),
    "held_in_future": QT_TRANSLATE_NOOP(
        "Problems", "The meeting's date is after today: it cannot be held yet, keep it planned."
    ),
}


def code_labels() -> dict[str, str]:
    """Every code of the lists mapped to its word in the current language."""
    return {code: QCoreApplication.translate("Vocabulary", text) for code, text in _SOURCE.items()}


def label(code: str | None) -> str:
    """The word for one code in the current language ("" for None, the code if unknown)."""
    if not code:
        return ""
    text = _SOURCE.get(code)
    return QCoreApplication.translate("Vocabulary", text) if text else code


def contact_label(code: str | None, civility: str | None) -> str:
    """The word for a code said of a person: "Présente" for a woman (civility "Mme")
    in French, where the word agrees; the common word when the civility is unknown."""
    if code and civility == "Mme" and code in _FEMININE:
        return QCoreApplication.translate("VocabularyFeminine", _FEMININE[code])
    return label(code)


def language() -> Language:
    """The interface language, as the value formatters (domain.formats) take it."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def problem_text(problem: FieldProblem) -> str:
    """What to show next to a field for a service's problem."""
    source = _PROBLEMS.get(problem.code)
    if source is None:
        return problem.message
    translated = QCoreApplication.translate("Problems", source)
    # Untranslated (English interface): the service's sentence says more.
    return problem.message if translated == source else translated


def french_labels_are_complete() -> bool:
    """The French vocabulary covers every code shown in lists (checked by a test)."""
    french = {member.value for member in LABELS_FR}
    return set(_SOURCE) - {"origin"} <= french
