"""What the agenda and the minutes share: the meeting's title block and facts."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from resilian_desktop.documents.lines import MeetingInfo
from resilian_desktop.documents.pdf_parts.template import styles
from resilian_desktop.documents.pdf_parts.widgets import gap, key_values
from resilian_desktop.documents.text import label, markup, text_lines
from resilian_desktop.domain.formats import long_date, time_range
from resilian_desktop.domain.vocab import MeetingKind, MeetingStatus


def meeting_when_where(meeting: MeetingInfo) -> str:
    """ "mardi 17/11/2026, 14 h 00 – 16 h 00, Parc d'activités du Ried" (plain text)."""
    parts = [long_date(meeting.date).capitalize()]
    times = time_range(meeting.start_time, meeting.end_time)
    if times:
        parts.append(times)
    where = meeting.venue or meeting.host
    if where:
        parts.append(where)
    return ", ".join(parts)


def meeting_facts(meeting: MeetingInfo) -> list[Flowable]:
    rows = [
        ("Type", markup(label(MeetingKind, meeting.kind))),
        ("Date", markup(long_date(meeting.date).capitalize())),
    ]
    times = time_range(meeting.start_time, meeting.end_time)
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


def title_block(kind: str, meeting: MeetingInfo) -> list[Flowable]:
    st = styles()
    return [
        Paragraph(markup(kind), st.subtitle),
        Paragraph(markup(meeting.title), st.title),
        gap(2),
    ]


def agenda_items(agenda: str | None) -> list[Flowable]:
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
