"""Reading a PDF back, twice: with pypdf, and with poppler's pdftotext and pdffonts.

Shared by tests/test_pdf_*.py and tests/test_documents.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts")
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (pdftotext, pdffonts) not installed; .ci/run installs them"
)


@dataclass(frozen=True)
class FontUse:
    name: str
    embedded: bool


def _fonts_of(resources: Any, found: dict[str, FontUse]) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        name = str(font.get("/BaseFont"))
        descriptor_owner = font
        if font.get("/Subtype") == "/Type0":
            descriptor_owner = font["/DescendantFonts"][0].get_object()
        descriptor = descriptor_owner.get("/FontDescriptor")
        embedded = descriptor is not None and any(
            key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
        )
        found[name] = FontUse(name, embedded)
    for xobject in (resources.get("/XObject") or {}).values():
        _fonts_of(xobject.get_object().get("/Resources"), found)


@dataclass(frozen=True)
class ReadPdf:
    """A PDF as pypdf reads it: one text per page, the fonts of every page."""

    pages: list[str]
    fonts: dict[str, FontUse]
    reader: PdfReader

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


def read_pdf(path: Path) -> ReadPdf:
    reader = PdfReader(path)
    fonts: dict[str, FontUse] = {}
    for page in reader.pages:
        _fonts_of(page.get("/Resources"), fonts)
    return ReadPdf([page.extract_text() for page in reader.pages], fonts, reader)


def pdftotext(path: Path, *, page: int | None = None) -> str:
    """poppler's text, layout kept; *page* counts from 1."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-layout", *pages, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout


def pdffonts(path: Path) -> list[tuple[str, str]]:
    """(font name, "yes"/"no" embedded) for every font poppler finds."""
    result = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True, timeout=60
    )
    rows = result.stdout.splitlines()[2:]
    found = []
    for row in rows:
        # name, type (may hold spaces), encoding, emb, sub, uni, object, generation
        match = re.match(r"(\S+)\s+.*?\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", row)
        assert match, f"unexpected pdffonts line: {row!r}"
        found.append((match.group(1), match.group(2)))
    return found


def squash(text: str) -> str:
    """Whitespace of any kind (narrow no-break spaces included) as single spaces."""
    return " ".join(text.split())


def assert_sound(path: Path, *, kind: str) -> ReadPdf:
    """What every document must be: fonts all embedded (pypdf and pdffonts agree),
    no Helvetica, "page X / Y" and the kind of document on every page."""
    pdf = read_pdf(path)
    assert pdf.fonts, "no font at all"
    assert all(f.embedded for f in pdf.fonts.values()), pdf.fonts
    assert not any("Helvetica" in name for name in pdf.fonts), pdf.fonts
    total = len(pdf.pages)
    for number, text in enumerate(pdf.pages, start=1):
        assert f"page {number} / {total}" in text, f"page {number}: {text[:200]!r}"
        assert kind in text, f"page {number} lacks its header"
    if POPPLER:
        fonts = pdffonts(path)
        assert fonts and all(embedded == "yes" for _, embedded in fonts), fonts
        assert not any("Helvetica" in name for name, _ in fonts), fonts
        # pdftotext ends every page with a form feed.
        poppler_pages = pdftotext(path).split("\f")[:total]
        assert len(poppler_pages) == total
        for number, text in enumerate(poppler_pages, start=1):
            assert f"page {number} / {total}" in text, f"poppler, page {number}"
    return pdf
