"""A taskforce's roadmap ("feuille de route"), as handed out at its meetings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Table,
)

from resilian_desktop.documents.lines import ActionLine
from resilian_desktop.documents.pdf_parts.meeting import meeting_when_where
from resilian_desktop.documents.pdf_parts.template import (
    CONTENT_WIDTH,
    LANDSCAPE,
    PageSetup,
    Palette,
    build_document,
    styles,
)
from resilian_desktop.documents.pdf_parts.widgets import (
    MILESTONE_MARK,
    action_table,
    figures,
    gap,
    key_values,
    make_table,
    section,
    text_block,
)
from resilian_desktop.documents.roadmap.model import MemberLine, RoadmapDocument
from resilian_desktop.documents.roadmap.timeline import Timeline, chart_period
from resilian_desktop.documents.text import label, markup
from resilian_desktop.domain.formats import EM_DASH, NNBSP, count, percent, short_date
from resilian_desktop.domain.vocab import ActionStatus, MemberRole, TaskforceStatus

KIND = "Feuille de route"
UPCOMING_SHOWN = 5
MEMBERS_KEPT_TOGETHER = 20
"""Organisations up to which the members' table is never cut by a page break."""
CLOSED = (ActionStatus.DONE.value, ActionStatus.DROPPED.value)


def write_roadmap_pdf(document: RoadmapDocument, target: Path) -> int:
    """Write the roadmap to *target* as an A4 PDF (atomically); returns the page count."""
    setup = PageSetup(KIND, document.taskforce, document.edition_date, document.letterhead)
    return build_document(target, roadmap_story(document), setup, f"{KIND} — {document.taskforce}")


def roadmap_story(document: RoadmapDocument) -> list[Flowable]:
    """The flowables of the roadmap, in reading order."""
    st = styles()
    # Page 1 is what a director reads in a minute: the figures, what is late or
    # due soon and who carries it, the next milestones and the next meeting.
    story: list[Flowable] = [
        Paragraph(markup(f"Taskforce «{NNBSP}{document.taskforce}{NNBSP}»"), st.title),
        Paragraph(_subtitle(document), st.subtitle),
    ]
    story += _summary(document)
    story += _meetings(document)
    story += [*section("Le problème posé"), *text_block(document.problem_statement)]
    story += [*section("Objectifs"), *text_block(document.objectives)]
    story += [*section("Indicateurs de réussite"), *text_block(document.success_indicators)]
    story += _governance(document)
    story += section("Feuille de route")
    open_actions = [a for a in document.actions if a.status not in CLOSED]
    closed = [a for a in document.actions if a.status in CLOSED]
    if open_actions:
        story.append(action_table(open_actions))
    elif document.actions:
        story.append(Paragraph("Toutes les actions sont réalisées ou abandonnées.", st.muted))
    else:
        story.append(
            Paragraph("Aucune action n'est encore inscrite à la feuille de route.", st.muted)
        )
    story += _closed_actions(closed)
    story += _timeline(document)
    return story


def _closed_actions(actions: Sequence[ActionLine]) -> list[Flowable]:
    """Done and dropped actions after the open ones, one short line each."""
    if not actions:
        return []
    st = styles()
    done = [a for a in actions if a.status == ActionStatus.DONE.value]
    dropped = [a for a in actions if a.status == ActionStatus.DROPPED.value]
    story: list[Flowable] = [gap(3)]
    for title, group in (("Actions réalisées", done), ("Actions abandonnées", dropped)):
        if not group:
            continue
        story.append(Paragraph(f"{title} ({len(group)})", st.subheading))
        rows = [
            [
                Paragraph(f"n° {a.number}", st.cell_small),
                Paragraph(markup(a.title), st.cell_small),
                Paragraph(markup(a.owner) or EM_DASH, st.cell_small),
                Paragraph(short_date(a.done_on or a.due), st.cell_small),
            ]
            for a in group
        ]
        story.append(
            make_table(
                rows,
                [14 * mm, 96 * mm, 50 * mm, CONTENT_WIDTH - 160 * mm],
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, Palette.RULE),
                ],
            )
        )
    return story


def _subtitle(document: RoadmapDocument) -> str:
    parts = []
    if document.status:
        parts.append(f"Taskforce {markup(label(TaskforceStatus, document.status).lower())}")
    if document.start_date or document.end_date:
        if document.end_date:
            parts.append(f"du {short_date(document.start_date)} au {short_date(document.end_date)}")
        else:
            parts.append(f"depuis le {short_date(document.start_date)}")
    parts.append(f"édition du {short_date(document.edition_date)}")
    return " · ".join(parts)


def _summary(document: RoadmapDocument) -> list[Flowable]:
    st = styles()
    actions = document.actions
    total = len(actions)
    done = sum(a.status == ActionStatus.DONE.value for a in actions)
    in_progress = sum(a.status == ActionStatus.IN_PROGRESS.value for a in actions)
    late = sum(a.late for a in actions)
    counted = [a for a in actions if a.status != ActionStatus.DROPPED.value]
    progress = round(sum(a.progress for a in counted) / len(counted)) if counted else 0
    story: list[Flowable] = [
        *section("En bref", space_before=4),
        figures(
            [
                (str(total), "actions au total" if total > 1 else "action au total", False),
                (str(done), "réalisées" if done > 1 else "réalisée", False),
                (str(in_progress), "en cours", False),
                (str(late), "en retard, à revoir" if late else "en retard", late > 0),
                (percent(progress), "avancement moyen", False),
            ]
        ),
        gap(3),
    ]
    urgent = _urgent(actions, document.edition_date)
    if urgent:
        story.append(
            Paragraph(
                "À traiter en priorité : en retard et à échéance sous 30 jours", st.subheading
            )
        )
        story.append(_upcoming_table(urgent, document.edition_date))
        story.append(gap(2))
    upcoming, title = _upcoming([a for a in actions if a not in urgent], document.edition_date)
    story.append(Paragraph(title, st.subheading))
    if upcoming:
        story.append(_upcoming_table(upcoming, document.edition_date))
    else:
        other = "Aucune autre échéance à venir." if urgent else "Aucune échéance à venir."
        story.append(Paragraph(other, st.muted))
    return story


DUE_SOON_DAYS = 30


def _urgent(actions: Sequence[ActionLine], today: dt.date) -> list[ActionLine]:
    """Late actions (the oldest first), then open ones due within DUE_SOON_DAYS."""
    late = sorted((a for a in actions if a.late), key=lambda a: (a.due or today, a.number))
    soon = sorted(
        (
            a
            for a in actions
            if not a.late
            and a.status not in CLOSED
            and a.due is not None
            and today <= a.due <= today + dt.timedelta(days=DUE_SOON_DAYS)
        ),
        key=lambda a: (a.due or today, a.number),
    )
    return [*late, *soon]


def _upcoming(actions: Sequence[ActionLine], today: dt.date) -> tuple[list[ActionLine], str]:
    """The next open milestones, or the next open due dates when no milestone is flagged."""
    open_actions = [
        a for a in actions if a.status not in CLOSED and not a.late and a.due is not None
    ]
    milestones = [a for a in open_actions if a.is_milestone]
    chosen, title = (
        (milestones, "Prochains jalons")
        if milestones
        else (
            open_actions,
            "Prochaines échéances",
        )
    )
    chosen = sorted(chosen, key=lambda a: (a.due or today, a.number))[:UPCOMING_SHOWN]
    return chosen, title


def _upcoming_table(actions: Sequence[ActionLine], today: dt.date) -> Table:
    """Due date, number, title, owner; a late one says by how many days, in bold."""
    st = styles()
    rows = []
    for a in actions:
        due = f"<b>{short_date(a.due)}</b>"
        if a.late and a.due is not None:
            days = (today - a.due).days
            due += f"<br/><b>retard {days}{NNBSP}j</b>"
        rows.append(
            [
                Paragraph(due, st.cell),
                Paragraph(f"n° {a.number}", st.cell),
                Paragraph(
                    (f"{MILESTONE_MARK} " if a.is_milestone else "") + markup(a.title), st.cell
                ),
                Paragraph(markup(a.owner) or EM_DASH, st.cell_small),
            ]
        )
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, Palette.RULE),
    ]
    for row, a in enumerate(actions):
        if a.late:  # visible without colour too: the bold delay
            commands.append(("BACKGROUND", (0, row), (-1, row), Palette.LATE_LIGHT))
    return make_table(rows, [26 * mm, 14 * mm, 84 * mm, 56 * mm], commands)


def _governance(document: RoadmapDocument) -> list[Flowable]:
    st = styles()
    lead = []
    if document.lead_organisation:
        lead.append(("Entreprise pilote", f"<b>{markup(document.lead_organisation)}</b>"))
    if document.lead_contact:
        lead.append(("Pilote", markup(document.lead_contact)))
    room, heading = section("Pilotage et membres")
    body: list[Flowable] = [heading]
    if lead:
        body.append(key_values(lead))
    else:
        body.append(Paragraph("Pilote non désigné.", st.muted))
    body.append(gap(2))
    if not document.members:
        body.append(Paragraph("Aucun membre inscrit.", st.muted))
        return [room, *body]
    groups = _members_by_organisation(document.members)
    organisations = sum(1 for name in groups if name)
    contacts = sum(1 for m in document.members if m.contact)
    body.append(
        Paragraph(
            f"{count(organisations, 'organisation', 'organisations')}, "
            f"{count(contacts, 'personne', 'personnes')}",
            st.small,
        )
    )
    body.append(gap(1))
    body.append(_members_table(groups))
    # A usual membership list reads better whole on one page than cut after a row or two.
    if len(groups) <= MEMBERS_KEPT_TOGETHER:
        return [room, KeepTogether(body)]
    return [room, *body]


def _members_by_organisation(members: Sequence[MemberLine]) -> dict[str, list[MemberLine]]:
    groups: dict[str, list[MemberLine]] = {}
    for member in members:
        groups.setdefault(member.organisation or "", []).append(member)

    # The pilot's organisation first, then alphabetical (accents ignored by casefold order).
    def rank(item: tuple[str, list[MemberLine]]) -> tuple[int, str]:
        leads = any(m.role == MemberRole.LEAD.value for m in item[1])
        return (0 if leads else 1, item[0].casefold())

    return dict(sorted(groups.items(), key=rank))


def _members_table(groups: dict[str, list[MemberLine]]) -> Table:
    st = styles()
    rows = []
    for organisation, members in groups.items():
        names = []
        for member in members:
            role = "" if member.role == MemberRole.MEMBER.value else label(MemberRole, member.role)
            if member.contact:
                text = markup(member.contact)
                names.append(f"{text} ({markup(role.lower())})" if role else text)
            else:
                names.append(f"<i>l'organisation{f' ({markup(role.lower())})' if role else ''}</i>")
        rows.append(
            [
                Paragraph(f"<b>{markup(organisation) or EM_DASH}</b>", st.cell),
                Paragraph(", ".join(names), st.cell),
            ]
        )
    return make_table(
        rows,
        [70 * mm, CONTENT_WIDTH - 70 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, Palette.RULE),
            ("ROWBACKGROUNDS", (0, 0), (-1, -1), [Palette.STRIPE, Palette.WHITE]),
        ],
    )


def _timeline(document: RoadmapDocument) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [*section("Calendrier")]
    if not document.actions:
        story.append(Paragraph("Pas de calendrier sans action.", st.muted))
        return story
    period = chart_period(document.actions, document.edition_date)
    if period is None:
        story.append(Paragraph("Aucune action n'est encore datée.", st.muted))
        return story
    undated = sum(1 for a in document.actions if a.start is None and a.due is None)
    # A landscape page of its own: the chart is read whole, not after a table's
    # last row, with room for the action names in full and the months named.
    story[:0] = [NextPageTemplate(LANDSCAPE), PageBreak()]
    story.append(Timeline(document.actions, document.edition_date, period))
    if undated:
        story.append(
            Paragraph(
                f"{count(undated, 'action', 'actions')} sans date : "
                "les barres s'afficheront dès que les dates seront fixées.",
                st.small,
            )
        )
    return story


def _meetings(document: RoadmapDocument) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [*section("Réunions")]
    story.append(Paragraph("Prochaine réunion", st.subheading))
    if document.next_meeting is not None:
        story.append(Paragraph(markup(meeting_when_where(document.next_meeting)), st.body))
    else:
        story.append(Paragraph("Date à fixer.", st.muted))
    if document.last_meeting is not None:
        when = short_date(document.last_meeting.date)
        story.append(Paragraph(f"Décisions de la dernière réunion ({when})", st.subheading))
        story += text_block(document.last_decisions, empty="Aucune décision consignée.")
    else:
        story.append(Paragraph("Décisions de la dernière réunion", st.subheading))
        story.append(Paragraph("Aucune réunion tenue à ce jour.", st.muted))
    return story
