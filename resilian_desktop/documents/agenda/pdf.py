"""A meeting's agenda ("ordre du jour") as an A4 PDF, sent before the meeting."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, Paragraph

from resilian_desktop.documents.agenda.model import AgendaDocument
from resilian_desktop.documents.pdf_parts.meeting import agenda_items, meeting_facts, title_block
from resilian_desktop.documents.pdf_parts.template import PageSetup, build_document, styles
from resilian_desktop.documents.pdf_parts.widgets import action_table, contacts_table, gap, section
from resilian_desktop.domain.formats import count

AGENDA = "Ordre du jour"


def write_agenda_pdf(document: AgendaDocument, target: Path) -> int:
    """Write the meeting's agenda to *target* as an A4 PDF (atomically); returns the page count."""
    st = styles()
    meeting = document.meeting
    story: list[Flowable] = [*title_block(AGENDA, meeting), *meeting_facts(meeting)]
    story += [*section(AGENDA), *agenda_items(document.agenda)]
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
                count(len(document.invited), "personne invitée", "personnes invitées"), st.small
            ),
            gap(1),
            contacts_table(document.invited),
        ]
    else:
        story.append(Paragraph("La liste des invités n'est pas encore établie.", st.muted))
    setup = PageSetup(AGENDA, meeting.title, document.edition_date, document.letterhead)
    return build_document(target, story, setup, f"{AGENDA} — {meeting.title}")
