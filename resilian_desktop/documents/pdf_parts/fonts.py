"""The embedded font of every PDF: DejaVu Sans, shipped in resources/fonts.

reportlab's built-in Helvetica is not embedded and has no glyph for the
narrow no-break space (French thousands separator), "ś" or Vietnamese
letters; DejaVu Sans has them all and its licence allows shipping it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph as _paragraph

from resilian_desktop import paths
from resilian_desktop.documents.files import ExportError

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
OBLIQUE = "DejaVuSans-Oblique"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", OBLIQUE: "DejaVuSans-Oblique.ttf"}

# Characters that join the words on either side: reportlab breaks lines at
# every Unicode space except U+00A0, so "12 345 €" (narrow no-break space,
# Babel's French grouping) would be cut at line ends and written to the PDF
# as a plain space, losing what was typed.
NO_BREAK_SPACES = "\u00a0\u202f\u2007"

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold, oblique) with reportlab, once per process.

    Raises ExportError naming the missing file when resources/fonts is incomplete.
    """
    global _registered
    with _lock:
        if _registered:
            return
        folder = paths.resources_dir() / "fonts"
        for name, file_name in FILES.items():
            path = folder / file_name
            if not path.is_file():
                raise ExportError(f"{path}: the PDF font is missing from the resources")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        # <b> and <i> in a Paragraph pick these faces; DejaVu's bold oblique is
        # not shipped, bold is the closer of the two for <b><i>.
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=OBLIQUE, boldItalic=BOLD
        )
        _keep_no_break_spaces()
        _registered = True


def _keep_no_break_spaces() -> None:
    """Make Paragraph treat the narrow no-break and figure spaces as part of a word.

    reportlab has no setting for this: its module-level split() is the one
    place where a line is cut into words, so it is replaced by one that
    differs only for texts holding those characters (tests/test_pdf_base.py
    proves the character survives into the PDF and that the line is not cut
    there). Without it the documents would lose the narrow no-break space.
    """
    # The type stubs leave out these module-level helpers, hence the ignores.
    original: Callable[..., list[str]] = _paragraph.split  # type: ignore[attr-defined]
    if getattr(original, "_keeps_no_break_spaces", False):
        return
    spaces: str = _paragraph._wsc  # type: ignore[attr-defined]
    breaking = "".join(ch for ch in spaces if ch not in NO_BREAK_SPACES)
    split_words = re.compile(f"[{re.escape(breaking)}]+").split

    def split(text: str | bytes, delim: str | bytes | None = None) -> list[str]:
        if isinstance(text, bytes):
            text = text.decode("utf8")
        if delim is not None or not any(ch in text for ch in NO_BREAK_SPACES[1:]):
            return original(text, delim)
        words = split_words(text)
        # reportlab's own split keeps empty edges only on its U+00A0 path.
        return words if "\u00a0" in text else [w for w in words if w]

    split._keeps_no_break_spaces = True  # type: ignore[attr-defined]
    _paragraph.split = split  # type: ignore[attr-defined]
