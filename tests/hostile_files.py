"""Hostile spreadsheets, built for real: zip bombs, XML bombs, broken references, huge lines.

Each builder writes one file into *folder* and returns its path. The tests
feed them to the importer; benchmarks/bench_import.py times the two largest.
A workbook starts as a real one written by openpyxl, then one of its parts is
replaced, so that everything but the hostile part is what Excel would read.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

HEADER = ("Nom", "Prénom", "Entreprise", "E-mail")
SHARED_STRINGS = "xl/sharedStrings.xml"
SHEET = "xl/worksheets/sheet1.xml"
_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


_ROW = ("Müller", "Anaïs", "Fonderie d'Alsace", "anais.muller@fonderie.fr")
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml."
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}sheet.main+xml"/>'
        f'<Override PartName="/{SHEET}" ContentType="{_TYPE}worksheet+xml"/>'
        f'<Override PartName="/{SHARED_STRINGS}" ContentType="{_TYPE}sharedStrings+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships {_RELS}>'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook {_MAIN} xmlns:r="{_REL}">'
        '<sheets><sheet name="Contacts" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships {_RELS}>'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    ),
}


def _sheet(first_cell: str | None = None) -> str:
    """The sheet: a header row and one contact, every cell a shared string (0 to 7)."""
    rows = []
    for number in (1, 2):
        cells = "".join(
            f'<c r="{letter}{number}" t="s"><v>{value}</v></c>'
            for letter, index in zip("ABCD", range((number - 1) * 4, number * 4), strict=True)
            for value in [first_cell if first_cell and (number, letter) == (2, "A") else index]
        )
        rows.append(f'<row r="{number}">{cells}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<worksheet {_MAIN}><sheetData>{''.join(rows)}</sheetData></worksheet>"
    )


def _strings(prologue: str = "", extra: str = "") -> str:
    items = "".join(f"<si><t>{escape(text)}</t></si>" for text in (*HEADER, *_ROW))
    return f'<?xml version="1.0" encoding="UTF-8"?>{prologue}<sst {_MAIN}>{items}{extra}</sst>'


def contacts_workbook(path: Path, *, sheet: str | None = None, strings: str | None = None) -> Path:
    """A small sound contacts workbook as Excel writes it: cells are shared strings."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in _PARTS.items():
            archive.writestr(name, xml)
        archive.writestr(SHEET, sheet if sheet is not None else _sheet())
        archive.writestr(SHARED_STRINGS, strings if strings is not None else _strings())
    return path


def _replace_part(
    source: Path, target: Path, name: str, chunks: Callable[[], Iterator[bytes]]
) -> Path:
    """*source* copied to *target* with part *name* written from *chunks*, compressed hard."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            if item.filename == name:
                continue
            new.writestr(item, old.read(item.filename), compress_type=zipfile.ZIP_DEFLATED)
        part = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        part.compress_type = zipfile.ZIP_DEFLATED
        with new.open(part, "w", force_zip64=True) as stream:
            for chunk in chunks():
                stream.write(chunk)
    return target


def shared_strings_bomb(folder: Path, inflated: int = 1 << 30) -> Path:
    """A workbook of about 1 MB whose shared strings inflate to *inflated* bytes (1 GB)."""
    sound = contacts_workbook(folder / "sound-for-bomb.xlsx")
    opening, closing = _strings().rsplit("</sst>", 1)
    item = b"<si><t>" + b"A" * 32_000 + b"</t></si>"

    def chunks() -> Iterator[bytes]:
        yield opening.encode()
        for _ in range(inflated // len(item)):
            yield item
        yield b"</sst>" + closing.encode()

    return _replace_part(sound, folder / "shared-strings-bomb.xlsx", SHARED_STRINGS, chunks)


def sheet_bomb(folder: Path, inflated: int = 1 << 30) -> Path:
    """A workbook whose sheet inflates to *inflated* bytes of rows of long text cells."""
    sound = contacts_workbook(folder / "sound-for-sheet-bomb.xlsx")
    opening, closing = _sheet().rsplit("</sheetData>", 1)
    cell = '<c t="inlineStr"><is><t>' + "x" * 200 + "</t></is></c>"
    row_bytes = ("<row>" + cell * 4 + "</row>").encode()

    def chunks() -> Iterator[bytes]:
        yield opening.encode()
        for _ in range(inflated // len(row_bytes)):
            yield row_bytes
        yield ("</sheetData>" + closing).encode()

    return _replace_part(sound, folder / "sheet-bomb.xlsx", SHEET, chunks)


def billion_laughs_xlsx(folder: Path) -> Path:
    """A workbook whose shared strings declare the "billion laughs" entities."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    strings = _strings(f"<!DOCTYPE sst [{entities}]>", "<si><t>&lol9;</t></si>")
    return contacts_workbook(folder / "billion-laughs.xlsx", strings=strings)


def xxe_xlsx(folder: Path, secret: Path) -> Path:
    """A workbook whose shared strings pull in *secret* through an external entity."""
    doctype = f'<!DOCTYPE sst [<!ENTITY secret SYSTEM "file://{secret}">]>'
    strings = _strings(doctype, "<si><t>&secret;</t></si>")
    return contacts_workbook(folder / "xxe.xlsx", strings=strings)


def dangling_shared_string_xlsx(folder: Path) -> Path:
    """A workbook whose sheet points at shared string 999 of 8."""
    return contacts_workbook(folder / "dangling.xlsx", sheet=_sheet(first_cell="999"))


def million_separator_csv(folder: Path) -> Path:
    """A 1 MB CSV: a header, one contact, then one line of a million semicolons."""
    path = folder / "million-separators.csv"
    lines = ";".join(HEADER) + "\nMüller;Anaïs;Fonderie;a@b.fr\n" + ";" * 1_000_000 + "\n"
    path.write_text(lines, encoding="utf-8")
    return path


def long_field_csv(folder: Path, length: int = 131_073) -> Path:
    """A CSV whose third line holds one quoted value of *length* characters."""
    path = folder / "long-field.csv"
    path.write_text(
        ";".join(HEADER) + '\nMüller;Anaïs;Fonderie;a@b.fr\n"' + "x" * length + '";Z;F;z@b.fr\n',
        encoding="utf-8",
    )
    return path
