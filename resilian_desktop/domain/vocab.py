"""Closed vocabularies of the domain, stored as short English codes.

The database keeps the codes; the interface and the documents show the French
labels (the Qt layer translates through Qt Linguist, documents use LABELS_FR).
"""

from __future__ import annotations

from enum import StrEnum


class OrganisationKind(StrEnum):
    COMPANY = "company"
    FUNDER = "funder"
    LOCAL_AUTHORITY = "local_authority"
    AGENCY = "agency"
    TRAINING_BODY = "training_body"
    OTHER = "other"


class Civility(StrEnum):
    MR = "M."
    MRS = "Mme"


class ConsentBasis(StrEnum):
    LEGITIMATE_INTEREST = "legitimate_interest"
    CONSENT = "consent"


class MeetingKind(StrEnum):
    BUSINESS_CORNER = "business_corner"
    CHALLENGE = "challenge"
    TASKFORCE_MEETING = "taskforce_meeting"
    STEERING_COMMITTEE = "steering_committee"
    PLENARY = "plenary"
    SITE_VISIT = "site_visit"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class AttendanceStatus(StrEnum):
    INVITED = "invited"
    REGISTERED = "registered"
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class AttendanceRole(StrEnum):
    PARTICIPANT = "participant"
    SPEAKER = "speaker"
    HOST = "host"
    ORGANISER = "organiser"
    ELECTED_OFFICIAL = "elected_official"


class TaskforceStatus(StrEnum):
    EMERGING = "emerging"
    ACTIVE = "active"
    ON_HOLD = "on_hold"
    CLOSED = "closed"


class MemberRole(StrEnum):
    LEAD = "lead"
    MEMBER = "member"
    EXPERT = "expert"
    OBSERVER = "observer"


class ActionStatus(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    DROPPED = "dropped"


class TopicRelation(StrEnum):
    EXPERTISE = "expertise"
    NEED = "need"


class ContactState(StrEnum):
    """Why a contact may not be the one to invite (lists and pickers mark them)."""

    GONE = "gone"  # marked inactive: left the organisation, retired...
    ORGANISATION_ARCHIVED = "organisation_archived"


LABELS_FR: dict[StrEnum, str] = {
    OrganisationKind.COMPANY: "Entreprise industrielle",
    OrganisationKind.FUNDER: "Financeur",
    OrganisationKind.LOCAL_AUTHORITY: "Collectivité",
    OrganisationKind.AGENCY: "Agence",
    OrganisationKind.TRAINING_BODY: "Organisme de formation",
    OrganisationKind.OTHER: "Autre",
    ConsentBasis.LEGITIMATE_INTEREST: "Intérêt légitime",
    ConsentBasis.CONSENT: "Consentement",
    MeetingKind.BUSINESS_CORNER: "Business corner",
    MeetingKind.CHALLENGE: "Challenge",
    MeetingKind.TASKFORCE_MEETING: "Réunion de taskforce",
    MeetingKind.STEERING_COMMITTEE: "Comité de pilotage",
    MeetingKind.PLENARY: "Plénière",
    MeetingKind.SITE_VISIT: "Visite de site",
    MeetingStatus.PLANNED: "Prévue",
    MeetingStatus.HELD: "Tenue",
    MeetingStatus.CANCELLED: "Annulée",
    AttendanceStatus.INVITED: "Invité",
    AttendanceStatus.REGISTERED: "Inscrit",
    AttendanceStatus.PRESENT: "Présent",
    AttendanceStatus.ABSENT: "Absent",
    AttendanceStatus.EXCUSED: "Excusé",
    AttendanceRole.PARTICIPANT: "Participant",
    AttendanceRole.SPEAKER: "Intervenant",
    AttendanceRole.HOST: "Hôte",
    AttendanceRole.ORGANISER: "Organisateur",
    AttendanceRole.ELECTED_OFFICIAL: "Élu",
    TaskforceStatus.EMERGING: "Émergente",
    TaskforceStatus.ACTIVE: "Active",
    TaskforceStatus.ON_HOLD: "En pause",
    TaskforceStatus.CLOSED: "Clôturée",
    MemberRole.LEAD: "Pilote",
    MemberRole.MEMBER: "Membre",
    MemberRole.EXPERT: "Expert",
    MemberRole.OBSERVER: "Observateur",
    ActionStatus.TODO: "À faire",
    ActionStatus.IN_PROGRESS: "En cours",
    ActionStatus.DONE: "Fait",
    ActionStatus.BLOCKED: "Bloqué",
    ActionStatus.DROPPED: "Abandonné",
    TopicRelation.EXPERTISE: "Expertise",
    TopicRelation.NEED: "Besoin",
    ContactState.GONE: "N'y est plus",
    ContactState.ORGANISATION_ARCHIVED: "Structure archivée",
}
