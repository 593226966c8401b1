"""A sheet signed on screen (issue 16): each signature in its cell with its time, the
chain's code and QR code at the foot, a person present without a signature marked;
read back from the PDF and from the workbook."""

from __future__ import annotations

import io
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import segno
from openpyxl import load_workbook
from PIL import Image, ImageChops

from resilian_desktop import cli
from resilian_desktop.db.engine import Database
from resilian_desktop.documents.attendance_sheet.build import attendance_sheet
from resilian_desktop.services import meetings, signatures
from tests.pdf_checks import assert_sound, needs_poppler, pdftotext, read_pdf, squash
from tests.signing import SignedMeeting, signature_png, two_half_day_meeting


def same_pixels(one: Image.Image, other: Image.Image) -> bool:
    """Equal once flattened on white (a writer may drop or keep the alpha channel)."""

    def flat(image: Image.Image) -> Image.Image:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")

    return (
        one.size == other.size and ImageChops.difference(flat(one), flat(other)).getbbox() is None
    )


@pytest.fixture
def signed_on_the_command_line(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[SignedMeeting, dict[tuple[int, str], bytes]]:
    """Person 0 signs the morning, person 1 both half-days, person 2 is marked present
    without signing; all through `signatures add`, as a tablet's export would be."""
    setup = two_half_day_meeting(db)
    given: dict[tuple[int, str], bytes] = {}
    for contact, half_day, seed in (
        (setup.contacts[0], "morning", 1),
        (setup.contacts[1], "morning", 2),
        (setup.contacts[1], "afternoon", 3),
    ):
        image = tmp_path / f"{contact}-{half_day}.png"
        image.write_bytes(signature_png(seed))
        given[(contact, half_day)] = image.read_bytes()
        status = cli.run(
            ["--db", str(db_path), "signatures", "add", "--meeting", str(setup.meeting_id),
             "--person", str(contact), "--half-day", half_day, "--image", str(image)]
        )  # fmt: skip
        assert status == 0, capsys.readouterr().err
    meetings.set_attendance(db, setup.meeting_id, [setup.contacts[2]], status="present")
    capsys.readouterr()
    return setup, given


def export(db_path: Path, meeting_id: int, target: Path, *pdf: str) -> Path:
    argv = ["--db", str(db_path), "export", "attendance", "--meeting", str(meeting_id), *pdf]
    assert cli.run([*argv, "-o", str(target)]) == 0
    return target


@needs_poppler
def test_the_pdf_prints_each_signature_in_its_cell_with_its_time_and_the_code(
    db: Database,
    db_path: Path,
    tmp_path: Path,
    signed_on_the_command_line: tuple[SignedMeeting, dict[tuple[int, str], bytes]],
) -> None:
    setup, given = signed_on_the_command_line
    pdf = export(db_path, setup.meeting_id, tmp_path / "sheet.pdf", "--pdf")
    assert_sound(pdf, kind="Feuille d'émargement")
    # The images drawn are the PNGs signed, pixel for pixel, in the chain's order.
    pages = read_pdf(pdf).reader.pages
    drawn = [image.image for page in pages for image in page.images]
    assert len(drawn) == len(given)
    for image, png in zip(drawn, given.values(), strict=True):
        assert image is not None and same_pixels(image, Image.open(io.BytesIO(png)))
    text = squash(" ".join(pdftotext(pdf, page=n) for n in range(1, len(pages) + 1)))
    rows = signatures.list_signatures(db, setup.meeting_id)
    code = signatures.chain_code(db, setup.meeting_id)
    assert f"code de contrôle {code}" in text
    assert f"signatures verify --meeting {setup.meeting_id} --code {code}" in text
    # Each line holds its presence words, its signing times and what is missing
    # (a cell's words may wrap: counted, not read in order).
    times = {(r.person_id, r.half_day): f"{r.signed_time:%H:%M}" for r in rows}
    sheet = attendance_sheet(db, setup.meeting_id)
    # As drawn, cell after cell (poppler's layout mixes rows of different heights).
    drawn_text = squash(read_pdf(pdf).text)
    starts = [drawn_text.find(squash(p.last_name) + " ") for p in sheet.participants] + [
        drawn_text.find("Totaux")
    ]
    assert all(a >= 0 for a in starts) and starts == sorted(starts)
    for n, (contact, line) in enumerate(zip(setup.contacts, sheet.participants, strict=True)):
        window = drawn_text[starts[n] : starts[n + 1]]
        signed = [times[(contact, h)] for h in ("morning", "afternoon") if (contact, h) in times]
        missing = sum(
            1
            for h, word in zip(("morning", "afternoon"), line.presence, strict=True)
            if word == "Présent" and (contact, h) not in times
        )
        assert window.count("Présent") == line.presence.count("Présent"), window
        assert window.count("Absent") == line.presence.count("Absent"), window
        assert all(window.count(t) == signed.count(t) for t in signed), window
        assert window.count("sans") == missing and window.count("signature") == missing, window
    assert "Présence et signature matin" in drawn_text


def test_the_workbook_anchors_each_signature_in_its_cell_and_the_qr_code(
    db: Database,
    db_path: Path,
    tmp_path: Path,
    signed_on_the_command_line: tuple[SignedMeeting, dict[tuple[int, str], bytes]],
) -> None:
    setup, given = signed_on_the_command_line
    workbook = export(db_path, setup.meeting_id, tmp_path / "sheet.xlsx")
    ws = load_workbook(workbook).worksheets[0]
    rows = {str(ws.cell(r, 2).value): r for r in range(1, ws.max_row + 1)}
    columns = {"morning": 6, "afternoon": 7}
    sheet = attendance_sheet(db, setup.meeting_id)
    names = dict(zip(setup.contacts, (p.last_name for p in sheet.participants), strict=True))
    placed = {
        (image.anchor._from.row + 1, image.anchor._from.col + 1): Image.open(
            io.BytesIO(image._data())
        )
        for image in ws._images
    }
    assert len(placed) == len(given) + 1  # and the QR code
    for (contact, half_day), png in given.items():
        at = (rows[names[contact]], columns[half_day])
        assert at in placed and same_pixels(placed.pop(at), Image.open(io.BytesIO(png)))
        assert "Présent · " in str(ws.cell(*at).value)
    unsigned = ws.cell(rows[names[setup.contacts[2]]], 6)
    assert unsigned.value == "Présent · sans signature" and unsigned.font.b
    assert str(ws.cell(rows[names[setup.contacts[0]]], 7).value) == "Absent"
    # What is left is the QR code: the command that verifies the chain, head in full.
    (((_, qr_column), qr),) = placed.items()
    assert qr_column == 1
    assert sheet.proof is not None
    expected = io.BytesIO()
    segno.make(sheet.proof.qr_text, error="m", micro=False).save(
        expected, kind="png", scale=3, border=2
    )
    assert same_pixels(qr, Image.open(expected))
    cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert sheet.proof.title in cells and sheet.proof.how_to_check in cells


def test_a_blank_sheet_and_a_paper_record_show_no_code(db: Database, tmp_path: Path) -> None:
    setup = two_half_day_meeting(db)
    meetings.set_attendance(db, setup.meeting_id, list(setup.contacts), status="present")
    record = attendance_sheet(db, setup.meeting_id)
    # Signed on paper: nobody is said to lack a signature, no code is printed.
    assert record.proof is None
    assert all(c.empty for p in record.contacts for c in p.signatures)
    signatures.add_signature(db, setup.meeting_id, setup.contacts[0], "morning", signature_png())
    assert attendance_sheet(db, setup.meeting_id).proof is not None
    blank = attendance_sheet(db, setup.meeting_id, blank=True)
    assert blank.proof is None and all(c.empty for p in blank.contacts for c in p.signatures)


ZBAR = shutil.which("zbarimg")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_readers = pytest.mark.skipif(
    not (ZBAR and SOFFICE and shutil.which("pdftoppm")) and not os.environ.get("CI"),
    reason="zbar-tools, LibreOffice or poppler-utils not installed; .ci/run installs them",
)


def read_qr(pdf: Path, folder: Path) -> list[str]:
    """The QR codes on the last page of *pdf*, printed at 150 dpi, as a phone reads them."""
    assert ZBAR is not None
    pages = int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    prefix = folder / pdf.stem
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "150",
            "-f",
            str(pages),
            "-l",
            str(pages),
            str(pdf),
            str(prefix),
        ],
        check=True,
        timeout=60,
    )
    (page,) = folder.glob(f"{pdf.stem}-*.png")
    result = subprocess.run(
        [ZBAR, "--quiet", "--raw", str(page)], capture_output=True, text=True, timeout=60
    )
    return result.stdout.split("\n")[:-1]


@needs_readers
def test_the_printed_qr_codes_read_back_as_the_command_that_verifies_the_sheet(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    signed_on_the_command_line: tuple[SignedMeeting, dict[tuple[int, str], bytes]],
) -> None:
    setup, _ = signed_on_the_command_line
    pdf = export(db_path, setup.meeting_id, tmp_path / "sheet.pdf", "--pdf")
    workbook = export(db_path, setup.meeting_id, tmp_path / "sheet.xlsx")
    assert SOFFICE is not None
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "calc"), str(workbook)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    printed = tmp_path / "calc" / "sheet.pdf"
    (tmp_path / "scans").mkdir()
    for document in (pdf, printed):
        (command,) = read_qr(document, tmp_path / "scans")
        program, *arguments = shlex.split(command)
        assert program == "resilian-desktop"
        capsys.readouterr()
        assert cli.run(["--db", str(db_path), *arguments]) == 0
        assert "chain intact" in capsys.readouterr().out
