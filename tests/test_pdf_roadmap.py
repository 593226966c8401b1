"""The roadmap PDF drawn from plain dataclasses (no database)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from resilian_desktop.documents.lines import ActionLine
from resilian_desktop.documents.roadmap import samples
from resilian_desktop.documents.roadmap.model import RoadmapDocument
from resilian_desktop.documents.roadmap.pdf import write_roadmap_pdf
from resilian_desktop.documents.roadmap.timeline import Period, Timeline, chart_period
from resilian_desktop.documents.text import label
from resilian_desktop.domain.formats import NNBSP
from resilian_desktop.domain.vocab import ActionStatus
from tests.pdf_checks import POPPLER, assert_sound, needs_poppler, pdftotext, read_pdf, squash

KIND = "Feuille de route"


def write(tmp_path: Path, document: RoadmapDocument, name: str = "roadmap.pdf") -> Path:
    target = tmp_path / name
    pages = write_roadmap_pdf(document, target)
    assert pages == len(read_pdf(target).pages)
    return target


def test_a_short_roadmap_has_every_part(tmp_path: Path) -> None:
    document = samples.roadmap(12)
    target = write(tmp_path, document)
    pdf = assert_sound(target, kind=KIND)
    text = squash(pdf.text)
    for expected in (
        "Taskforce « Mutualisation des achats d'énergie »",
        "Édition du 28/11/2026",
        "En bref",
        "Le problème posé",
        "Les factures d'énergie ont doublé depuis 2022.",
        "Objectifs",
        "Réduire de 10 % le coût du MWh",
        "Indicateurs de réussite",
        "Pilotage et membres",
        "Entreprise pilote R&D <Alsace>",
        "Pilote Łukasz Wiśniewski",
        "Nguyễn Thị Hồng",
        "L'Œuvre Notre-Dame",
        "Anaïs Müller (expert)",
        "Feuille de route",
        "N° Action Porteur Début Échéance Statut Avancement",
        "Calendrier",
        "aujourd'hui 28/11",
        "Prochaine réunion",
        "Mercredi 20 janvier 2027, 8 h 30 – 10 h 30, Parc d'activités du Ried, 67110 Reichshoffen",
        "Décisions de la dernière réunion (17/11/2026)",
        "Relancer R&D <Alsace>",
    ):
        assert expected in text, expected
    for action in document.actions:
        assert squash(action.title) in text
    # Every status word used, and late actions say so.
    late = [a for a in document.actions if a.late]
    assert late, "the sample should hold late actions"
    assert text.count("En retard") >= len(late)
    # Every status word of the open actions; the closed ones in their own groups.
    for status in {a.status for a in document.actions} - {"done", "dropped"}:
        assert label(ActionStatus, status) in text
    for status, heading in (("done", "Actions réalisées"), ("dropped", "Actions abandonnées")):
        if any(a.status == status for a in document.actions):
            assert heading in text
    # Typed markup printed as typed, never read.
    assert "la feuille de route <b>v2</b> & ses annexes" in text
    assert f"12{NNBSP}500{NNBSP}€" in pdf.text
    # French dates only.
    assert re.search(r"\b\d{2}/\d{2}/\d{4}\b", text)
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)


def test_the_summary_counts_actions(tmp_path: Path) -> None:
    actions = (
        ActionLine(1, "Fait", status="done", progress=100),
        ActionLine(2, "En cours", status="in_progress", progress=50),
        ActionLine(3, "En retard", status="in_progress", progress=30, late=True),
        ActionLine(4, "Abandonnée", status="dropped", progress=0),
        ActionLine(
            5, "Jalon à venir", due=dt.date(2027, 2, 1), is_milestone=True, owner="R&D <Alsace>"
        ),
    )
    document = dataclasses.replace(samples.roadmap(0), actions=actions)
    text = squash(read_pdf(write(tmp_path, document)).text)
    assert "5 actions au total" in text
    assert "1 réalisée" in text
    assert "2 en cours" in text
    assert "1 en retard, à revoir" in text
    # (100 + 50 + 30 + 0) / 4 counted actions; dropped ones do not count.
    assert "45 % avancement moyen" in text
    assert "Prochains jalons 01/02/2027 n° 5 ◆ Jalon à venir R&D <Alsace>" in text


def test_an_empty_roadmap_is_one_correct_page(tmp_path: Path) -> None:
    document = RoadmapDocument(
        letterhead=samples.letterhead(), taskforce="Nouvelle taskforce", edition_date=samples.TODAY
    )
    target = write(tmp_path, document)
    pdf = assert_sound(target, kind=KIND)
    assert len(pdf.pages) == 1
    text = squash(pdf.text)
    assert "Aucune action n'est encore inscrite à la feuille de route." in text
    assert "0 action au total" in text
    assert "Pilote non désigné." in text
    assert "Date à fixer." in text
    assert "Non renseigné." in text


def test_actions_without_dates(tmp_path: Path) -> None:
    actions = tuple(
        dataclasses.replace(a, start=None, due=None, late=False, done_on=None)
        for a in samples.actions(5)
    )
    document = dataclasses.replace(samples.roadmap(0), actions=actions)
    assert chart_period(actions, samples.TODAY) is None
    text = squash(read_pdf(write(tmp_path, document)).text)
    assert "Aucune action n'est encore datée." in text
    assert "Aucune échéance à venir." in text


def test_some_actions_without_dates_are_listed_in_the_timeline(tmp_path: Path) -> None:
    document = samples.roadmap(40)  # every 17th sample action is undated
    text = squash(read_pdf(write(tmp_path, document)).text)
    assert text.count("dates à fixer") == 2
    assert "2 actions sans date" in text


def test_very_long_titles_and_texts_wrap_and_never_stop_the_document(tmp_path: Path) -> None:
    title = "Réduction des consommations d'énergie des fours et étuves " * 5
    long_actions = tuple(
        dataclasses.replace(
            a,
            title=a.title + " " + "détail " * 80 + "x" * 300,
            description="Une description très longue. " * 300,
            owner="Organisation au nom interminable " * 6,
        )
        for a in samples.actions(4)
    )
    document = dataclasses.replace(
        samples.roadmap(0), taskforce=title.strip(), actions=long_actions
    )
    target = write(tmp_path, document)
    pdf = assert_sound(target, kind=KIND)
    assert len(pdf.pages) > 3
    text = squash(pdf.text)
    assert squash(title) in text  # in full in the title, cut with "…" in the header
    assert "…" in pdf.pages[-1]


def test_a_300_action_roadmap(tmp_path: Path) -> None:
    document = samples.roadmap(300)
    target = write(tmp_path, document)
    pdf = assert_sound(target, kind=KIND)
    assert len(pdf.pages) >= 12
    # The open actions' header is repeated on every page their table runs over;
    # the done ones follow, condensed; the timeline has pages of its own.
    header = "N° Action Porteur Début Échéance Statut Avancement"
    flat = [squash(t) for t in pdf.pages]
    first = next(i for i, t in enumerate(flat) if header in t)
    done = next(i for i, t in enumerate(flat) if "Actions réalisées" in t)
    timeline = next(i for i, t in enumerate(flat) if "Calendrier" in t)
    assert first < done < timeline and done - first >= 3
    assert all(header in t for t in flat[first:done])
    assert not any(header in t for t in flat[timeline:])
    text = squash(pdf.text)
    for action in document.actions:
        assert squash(action.title) in text
    assert f"{len([a for a in document.actions if a.late])} en retard" in text


def test_the_timeline_splits_between_rows_and_keeps_its_scale() -> None:
    actions = samples.actions(100)
    chart = Timeline(actions, samples.TODAY)
    chart.wrap(500, 10_000)
    assert chart.period is not None
    parts = chart.split(500, 300)
    assert len(parts) == 2
    first, rest = parts
    assert isinstance(first, Timeline) and isinstance(rest, Timeline)
    assert len(first.actions) + len(rest.actions) == 100
    assert first.period == rest.period == chart.period
    assert first.row_height == rest.row_height == chart.row_height
    assert first.wrap(500, 300)[1] <= 300
    assert first.legend and not rest.legend
    # No lonely rows: too little room gives nothing, and the chart starts on the next page.
    assert chart.split(500, 60) == []


def test_a_short_timeline_moves_whole_to_the_next_page() -> None:
    chart = Timeline(samples.actions(20), samples.TODAY)
    chart.wrap(500, 1000)
    assert chart.split(500, 150) == []
    assert chart.split(500, 1000) == [chart]


def test_chart_period_spans_whole_months_and_today_when_near() -> None:
    actions = (ActionLine(1, "a", start=dt.date(2026, 3, 15), due=dt.date(2026, 5, 2)),)
    assert chart_period(actions, dt.date(2026, 4, 1)) == Period(
        dt.date(2026, 3, 1), dt.date(2026, 6, 1)
    )
    assert chart_period(actions, dt.date(2026, 9, 10)) == Period(
        dt.date(2026, 3, 1), dt.date(2026, 10, 1)
    )
    # Years away, today is left out rather than squeezing every bar.
    assert chart_period(actions, dt.date(2030, 1, 1)) == Period(
        dt.date(2026, 3, 1), dt.date(2026, 6, 1)
    )
    december = (ActionLine(1, "a", due=dt.date(2026, 12, 31)),)
    assert chart_period(december, None) == Period(dt.date(2026, 12, 1), dt.date(2027, 1, 1))


@needs_poppler
def test_poppler_reads_the_roadmap(tmp_path: Path) -> None:
    target = write(tmp_path, samples.roadmap(30))
    text = squash(pdftotext(target))
    for expected in ("Łukasz Wiśniewski", "Nguyễn Thị Hồng", "L'Œuvre Notre-Dame", "R&D <Alsace>"):
        assert expected in text
    assert "<b>v2</b> & ses annexes" in text
    assert "En retard" in text


@pytest.mark.skipif(not POPPLER, reason="needs pdftoppm")
def test_a_late_badge_is_the_darkest_in_black_and_white(tmp_path: Path) -> None:
    """Printed in grey, the late badge is a dark block; the others stay light."""
    from PIL import Image, ImageStat
    from reportlab.pdfgen.canvas import Canvas

    from resilian_desktop.documents.pdf_parts.fonts import REGULAR, register_fonts
    from resilian_desktop.documents.pdf_parts.widgets import StatusBadge

    register_fonts()
    badges = [StatusBadge("in_progress", late=True)] + [
        StatusBadge(status.value, late=False) for status in ActionStatus
    ]
    target = tmp_path / "badges.pdf"
    canvas = Canvas(
        str(target),
        pagesize=(100, 40 * len(badges)),
        # The stubs type this argument as a size; reportlab takes the font's name.
        initialFontName=REGULAR,  # type: ignore[arg-type]
    )
    for index, badge in enumerate(badges):
        badge.wrap(60, 30)
        badge.drawOn(canvas, 20, 10 + 40 * index)
    canvas.save()
    prefix = tmp_path / "grey"
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "72", "-png", str(target), str(prefix)], check=True, timeout=60
    )
    page = Image.open(next(tmp_path.glob("grey*.png"))).convert("L")
    means = []
    for index, badge in enumerate(badges):
        bottom = page.height - (10 + 40 * index)
        box = (21, bottom - int(badge.height) + 1, 79, bottom - 1)
        means.append(ImageStat.Stat(page.crop(box)).mean[0])
    late, others = means[0], means[1:]
    assert late < 110, means
    assert min(others) > 170, means


def test_page_one_lists_the_late_actions_with_their_owners(tmp_path: Path) -> None:
    """What a director reads in a minute: on page 1, every late action, its owner and
    due date, before the problem statement; done actions condensed after the open ones."""
    actions = tuple(
        dataclasses.replace(
            a,
            status="in_progress" if n < 4 else a.status,
            late=n < 4,
            due=samples.TODAY - dt.timedelta(days=10 + n) if n < 4 else a.due,
            owner=f"Porteur {n}",
        )
        for n, a in enumerate(samples.actions(20))
    )
    document = dataclasses.replace(samples.roadmap(20), actions=actions)
    pdf = assert_sound(write(tmp_path, document), kind=KIND)
    first = squash(pdf.pages[0])
    assert "À traiter en priorité" in first
    for action in actions[:4]:
        assert squash(action.title) in first and f"Porteur {action.number - 1}" in first
    assert first.index("À traiter en priorité") < first.index("Prochaine réunion")
    text = squash(pdf.text)
    done = [a for a in actions if a.status == "done"]
    if done:
        assert text.index("Actions réalisées") > text.index(squash(actions[4].title))
    assert "Calendrier" in squash(pdf.pages[-1])


def test_the_timeline_has_a_landscape_page_with_full_names_and_month_names(
    tmp_path: Path,
) -> None:
    """Readable at 100 % on A4: landscape, every name whole (wrapped, never cut),
    months named rather than lettered, the today line labelled; other pages portrait."""
    long_title = "Négocier avec chaque fournisseur d'énergie le prix du MWh sur trois ans"
    actions = tuple(
        dataclasses.replace(a, title=long_title if n == 2 else a.title, late=n < 4)
        for n, a in enumerate(samples.actions(20))
    )
    document = dataclasses.replace(samples.roadmap(20), actions=actions)
    target = write(tmp_path, document)
    pdf = assert_sound(target, kind=KIND)
    timeline = next(i for i, t in enumerate(pdf.pages) if "Calendrier" in t)
    for number, page in enumerate(pdf.reader.pages):
        box = page.mediabox
        assert (float(box.width) > float(box.height)) == (number == timeline), number
    text = squash(pdf.pages[timeline])
    for action in actions:
        if action.status not in ("done", "dropped") and (action.start or action.due):
            assert squash(action.title) in text, action.title
    assert "…" not in text
    assert "aujourd'hui 28/11" in text
    months = re.findall(r"\b(janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)\.?", text)
    assert len(set(months)) >= 6, months
    # No month reduced to its initial among the month names' row.
    assert not re.search(r"(?:\b[JFMASOND]\b\s+){3}", text)
