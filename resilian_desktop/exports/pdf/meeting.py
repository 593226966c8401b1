"""Meeting documents: the agenda sent before, the minutes written after."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, Paragraph

from resilian_desktop.domain.vocab import MeetingKind, MeetingStatus
from resilian_desktop.exports.pdf.model import (
    AgendaDocument,
    MeetingInfo,
    MinutesDocument,
    Participant,
)
from resilian_desktop.exports.pdf.template import PageSetup, build_document, styles
from resilian_desktop.exports.pdf.text import (
    label,
    long_date_fr,
    markup,
    plural,
    text_lines,
    time_range_fr,
)
from resilian_desktop.exports.pdf.widgets import (
    action_table,
    gap,
    key_values,
    people_table,
    section,
    text_block,
)

AGENDA = "Ordre du jour"
MINUTES = "Compte rendu"


def meeting_when_where(meeting: MeetingInfo) -> str:
    """ "mardi 17/11/2026, 14 h 00 – 16 h 00, Parc d'activités du Ried" (plain text)."""
    parts = [long_date_fr(meeting.date).capitalize()]
    times = time_range_fr(meeting.start_time, meeting.end_time)
    if times:
        parts.append(times)
    where = meeting.venue or meeting.host
    if where:
        parts.append(where)
    return ", ".join(parts)


def _meeting_facts(meeting: MeetingInfo) -> list[Flowable]:
    rows = [
        ("Type", markup(label(MeetingKind, meeting.kind))),
        ("Date", markup(long_date_fr(meeting.date).capitalize())),
    ]
    times = time_range_fr(meeting.start_time, meeting.end_time)
    if times:
        rows.append(("Horaires", markup(times)))
    if meeting.venue:
        rows.append(("Lieu", markup(meeting.venue)))
    if meeting.host:
        rows.append(("Accueil", markup(meeting.host)))
    if meeting.taskforce:
        rows.append(("Taskforce", markup(meeting.taskforce)))
    if meeting.topics:
        rows.append(("Thématiques", markup(", ".join(meeting.topics))))
    if meeting.status == MeetingStatus.CANCELLED.value:
        rows.append(("Statut", "<b>Réunion annulée</b>"))
    return [key_values(rows), gap(2)]


def _title(kind: str, meeting: MeetingInfo) -> list[Flowable]:
    st = styles()
    return [
        Paragraph(markup(kind), st.subtitle),
        Paragraph(markup(meeting.title), st.title),
        gap(2),
    ]


def _agenda_items(agenda: str | None) -> list[Flowable]:
    """The agenda's lines as numbered points; "- " lines stay bullets of the point above."""
    st = styles()
    lines = text_lines(agenda)
    if not lines:
        return [Paragraph("L'ordre du jour sera précisé en séance.", st.muted)]
    story: list[Flowable] = []
    number = 0
    for bullet, line in lines:
        if bullet and number:
            story.append(Paragraph(markup(line), st.bullet, bulletText="–"))
        else:
            number += 1
            story.append(Paragraph(markup(line), st.bullet, bulletText=f"{number}."))
    return story


def write_agenda_pdf(document: AgendaDocument, target: Path) -> int:
    """Write the meeting's agenda to *target* as an A4 PDF (atomically); returns the page count."""
    st = styles()
    meeting = document.meeting
    story: list[Flowable] = [*_title(AGENDA, meeting), *_meeting_facts(meeting)]
    story += [*section(AGENDA), *_agenda_items(document.agenda)]
    if document.actions_to_review:
        story += [
            *section("Actions de la feuille de route à examiner"),
            Paragraph("Actions en retard et échéances des deux prochains mois.", st.small),
            gap(1),
            action_table(document.actions_to_review),
        ]
    story += section("Personnes invitées")
    if document.invited:
        story += [
            Paragraph(
                plural(len(document.invited), "personne invitée", "personnes invitées"), st.small
            ),
            gap(1),
            people_table(document.invited),
        ]
    else:
        story.append(Paragraph("La liste des invités n'est pas encore établie.", st.muted))
    setup = PageSetup(AGENDA, meeting.title, document.edition_date, document.letterhead)
    return build_document(target, story, setup, f"{AGENDA} — {meeting.title}")


def write_minutes_pdf(document: MinutesDocument, target: Path) -> int:
    """Write the meeting's minutes to *target* as an A4 PDF (atomically); returns the page count."""
    st = styles()
    meeting = document.meeting
    story: list[Flowable] = [*_title(MINUTES, meeting), *_meeting_facts(meeting)]
    story += section("Participants")
    if document.present:
        story += [
            Paragraph(
                plural(len(document.present), "personne présente", "personnes présentes"), st.small
            ),
            gap(1),
            people_table(document.present, with_role=True),
        ]
    else:
        story.append(Paragraph("Aucune présence enregistrée.", st.muted))
    if document.excused:
        story += [
            Paragraph("Excusés", st.subheading),
            Paragraph(_names(document.excused), st.body),
        ]
    story += [
        *section(MINUTES),
        *text_block(document.minutes, empty="Compte rendu non rédigé."),
        *section("Relevé de décisions"),
        *text_block(document.decisions, empty="Aucune décision consignée."),
    ]
    if document.actions:
        story += [
            *section("Actions décidées"),
            action_table(document.actions),
        ]
    if document.next_meeting is not None:
        story += [
            *section("Prochaine réunion"),
            Paragraph(f"<b>{markup(meeting_when_where(document.next_meeting))}</b>", st.body),
        ]
    setup = PageSetup(MINUTES, meeting.title, document.edition_date, document.letterhead)
    return build_document(target, story, setup, f"{MINUTES} — {meeting.title}")


def _names(people: tuple[Participant, ...]) -> str:
    """ "Anaïs Müller (Fonderie Cœur d'Alsace), ..." as markup."""
    return ", ".join(
        markup(p.full_name) + (f" ({markup(p.organisation)})" if p.organisation else "")
        for p in people
    )
