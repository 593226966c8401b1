"""The shared page, fonts and text handling of every PDF (no database)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as rl_paragraph

from resilian_desktop import paths
from resilian_desktop.documents.files import ExportError
from resilian_desktop.documents.letterhead import Funder
from resilian_desktop.documents.pdf_parts import fonts
from resilian_desktop.documents.pdf_parts.template import PageSetup, build_document, fit, styles
from resilian_desktop.documents.roadmap import samples
from resilian_desktop.documents.text import label, markup, plain, text_lines
from resilian_desktop.domain.formats import NNBSP
from resilian_desktop.domain.vocab import ActionStatus, MeetingKind
from tests.pdf_checks import assert_sound, needs_poppler, pdftotext, read_pdf, squash

NAMES = ("Łukasz Wiśniewski", "Nguyễn Thị Hồng", "L'Œuvre Notre-Dame", "Jean-François Kœnig")


def setup(**kw: object) -> PageSetup:
    values: dict[str, object] = {
        "kind": "Essai",
        "subject": "Sujet",
        "edition_date": dt.date(2026, 11, 28),
        "letterhead": samples.letterhead(),
    }
    values.update(kw)
    return PageSetup(**values)  # type: ignore[arg-type]


def paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(markup(t), styles().body) for t in texts]


# --- text helpers -------------------------------------------------------------


def test_markup_escapes_what_reportlab_would_read_as_markup() -> None:
    assert markup("R&D <Alsace>") == "R&amp;D &lt;Alsace&gt;"
    assert markup("<b>gras</b> &amp;") == "&lt;b&gt;gras&lt;/b&gt; &amp;amp;"
    assert markup("ligne 1\r\nligne 2\nligne 3") == "ligne 1<br/>ligne 2<br/>ligne 3"
    assert markup("bip\x07 \x00nul") == "bip nul"
    assert markup(None) == "" and markup("") == ""


def test_plain_text_is_one_line() -> None:
    assert plain("  Taskforce\n« énergie »\t ") == "Taskforce « énergie »"
    assert plain(None) == ""


def test_text_lines_find_bullets() -> None:
    assert text_lines("Intro\n- un\n•  deux\n\n* trois\n—quatre") == [
        (False, "Intro"),
        (True, "un"),
        (True, "deux"),
        (True, "trois"),
        (False, "—quatre"),
    ]
    assert text_lines(None) == []


def test_labels_are_french_words_and_unknown_codes_show_as_is() -> None:
    assert label(ActionStatus, "in_progress") == "En cours"
    assert label(MeetingKind, "steering_committee") == "Comité de pilotage"
    assert label(ActionStatus, "mystery") == "mystery"
    assert label(ActionStatus, None) == ""


def test_fit_cuts_with_an_ellipsis() -> None:
    styles()
    assert fit("court", fonts.REGULAR, 8, 200) == "court"
    cut = fit("un titre " * 40, fonts.REGULAR, 8, 100)
    assert cut.endswith("…") and len(cut) < 40


# --- fonts and no-break spaces --------------------------------------------------


def test_paragraph_keeps_narrow_no_break_spaces_inside_words() -> None:
    fonts.register_fonts()
    split: Any = vars(rl_paragraph)["split"]  # patched by register_fonts
    assert split(f"a 12{NNBSP}345{NNBSP}€ b") == ["a", f"12{NNBSP}345{NNBSP}€", "b"]
    # Texts without those characters are split exactly as reportlab does.
    assert split("a  b\tc") == ["a", "b", "c"]
    assert split("a\xa0b c") == ["a\xa0b", "c"]
    fonts.register_fonts()  # twice is harmless
    assert vars(rl_paragraph)["split"] is split
    assert getattr(split, "_keeps_no_break_spaces", False)


def test_a_line_is_never_cut_at_a_narrow_no_break_space() -> None:
    amount = f"12{NNBSP}345{NNBSP}678{NNBSP}€"
    paragraph = Paragraph(f"début {amount} fin", styles().body)
    # Room for the amount alone: without the no-break spaces it would be cut after "12".
    paragraph.wrap(stringWidth(amount, fonts.REGULAR, styles().body.fontSize) + 1, 1000)
    lines: Any = paragraph.blPara.lines  # type: ignore[attr-defined]
    assert [list(line[1]) for line in lines] == [["début"], [amount], ["fin"]]


def test_missing_font_file_is_an_export_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "_registered", False)
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    with pytest.raises(ExportError, match=r"DejaVuSans\.ttf"):
        fonts.register_fonts()


def test_the_fonts_and_their_licence_are_shipped() -> None:
    folder = paths.resources_dir() / "fonts"
    for file_name in fonts.FILES.values():
        assert (folder / file_name).stat().st_size > 100_000
    assert "Bitstream" in (folder / "DejaVu-LICENSE.txt").read_text(encoding="utf-8")


# --- the page ------------------------------------------------------------------


def test_every_font_is_embedded_and_names_copy_out_as_typed(tmp_path: Path) -> None:
    target = tmp_path / "essai.pdf"
    story = paragraphs(
        *NAMES,
        "R&D <Alsace> & <b>pas gras</b> &amp;",
        f"Budget : 12{NNBSP}500{NNBSP}€, soit 40{NNBSP}% du total",
    )
    assert build_document(target, story, setup(), "Essai") == 1
    pdf = assert_sound(target, kind="Essai")
    for name in NAMES:
        assert name in pdf.text
    assert "R&D <Alsace> & <b>pas gras</b> &amp;" in pdf.text
    # pypdf gives the narrow no-break space back as typed.
    assert f"12{NNBSP}500{NNBSP}€" in pdf.text
    assert pdf.reader.metadata is not None
    assert pdf.reader.metadata.title == "Essai"
    assert pdf.reader.metadata.author == "Agence de développement Alsace Nord (ADAN)"


@needs_poppler
def test_poppler_reads_the_same_text(tmp_path: Path) -> None:
    target = tmp_path / "essai.pdf"
    build_document(
        target, paragraphs(*NAMES, "R&D <Alsace>", f"12{NNBSP}500{NNBSP}€"), setup(), "Essai"
    )
    text = pdftotext(target)
    for name in NAMES:
        assert name in text
    assert "R&D <Alsace>" in text
    # poppler writes every kind of space as a plain one.
    assert "12 500 €" in squash(text)


def test_header_and_footer_on_every_page(tmp_path: Path) -> None:
    target = tmp_path / "long.pdf"
    story = paragraphs(*[f"Paragraphe {n} " + "du texte " * 60 for n in range(60)])
    pages = build_document(target, story, setup(subject="R&D <Alsace> " * 20), "Long")
    assert pages > 3
    pdf = assert_sound(target, kind="Essai")
    for text in pdf.pages:
        flat = squash(text)
        assert "RESILIAN - Alsace du Nord" in flat
        assert "Édition du 28/11/2026" in flat
        assert "Agence de développement Alsace Nord (ADAN)" in flat
        assert "Action cofinancée par la Région Grand Est" in flat
        assert "Opération n° GE0012345" in flat
        # The subject is cut to one line in the header, with an ellipsis.
        assert "R&D <Alsace> R&D" in flat and "…" in flat


def test_funders_are_named_when_the_programme_has_no_mention(tmp_path: Path) -> None:
    letterhead = samples.letterhead()
    bare = type(letterhead)(programme="P", funders=letterhead.funders)
    target = tmp_path / "f.pdf"
    build_document(target, paragraphs("x"), setup(letterhead=bare), "F")
    assert "Avec le soutien de : Région Grand Est" in squash(read_pdf(target).text)


def test_readable_logos_are_drawn_and_broken_ones_skipped(tmp_path: Path) -> None:
    logo = tmp_path / "region.png"
    Image.new("RGB", (300, 100), (20, 60, 120)).save(logo)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    letterhead = samples.letterhead()
    with_logos = type(letterhead)(
        programme="P",
        agency="A",
        funding_mention="M",
        funders=(Funder("R", logo), Funder("B", broken), Funder("N", tmp_path / "none.png")),
    )
    target = tmp_path / "logos.pdf"
    build_document(target, paragraphs("x"), setup(letterhead=with_logos), "L")
    resources: Any = read_pdf(target).reader.pages[0]["/Resources"]
    assert len(resources["/XObject"]) == 1


def test_a_failed_build_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "doc.pdf"
    target.write_bytes(b"previous")

    class Broken(Paragraph):
        def draw(self) -> None:
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        build_document(target, [Broken("x", styles().body)], setup(), "B")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.pdf"]


def test_a_missing_folder_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        build_document(tmp_path / "nope" / "doc.pdf", paragraphs("x"), setup(), "B")
