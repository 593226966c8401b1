"""A meeting's minutes ("compte rendu") as an A4 PDF, written after the meeting."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, Paragraph

from resilian_desktop.documents.lines import Participant
from resilian_desktop.documents.minutes.model import MinutesDocument
from resilian_desktop.documents.pdf_parts.meeting import (
    meeting_facts,
    meeting_when_where,
    title_block,
)
from resilian_desktop.documents.pdf_parts.template import PageSetup, build_document, styles
from resilian_desktop.documents.pdf_parts.widgets import (
    action_table,
    contacts_table,
    gap,
    section,
    text_block,
)
from resilian_desktop.documents.text import markup
from resilian_desktop.domain.formats import count

MINUTES = "Compte rendu"


def write_minutes_pdf(document: MinutesDocument, target: Path) -> int:
    """Write the meeting's minutes to *target* as an A4 PDF (atomically); returns the page count."""
    st = styles()
    meeting = document.meeting
    story: list[Flowable] = [*title_block(MINUTES, meeting), *meeting_facts(meeting)]
    story += section("Participants")
    if document.present:
        story += [
            Paragraph(
                count(len(document.present), "personne présente", "personnes présentes"), st.small
            ),
            gap(1),
            contacts_table(document.present, with_role=True),
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


def _names(contacts: tuple[Participant, ...]) -> str:
    """ "Anaïs Müller (Fonderie Cœur d'Alsace), ..." as markup."""
    return ", ".join(
        markup(p.full_name) + (f" ({markup(p.organisation)})" if p.organisation else "")
        for p in contacts
    )
