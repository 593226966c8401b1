"""Hostile files given to the importer (issue 11): refused in one line naming the file and
row, in bounded memory and time, with nothing written; honest encodings.

Every hostile file is built for real in the test (tests/hostile_files.py): a
zip bomb is a deflated gigabyte, the billion laughs are real entities. The
command line runs in a child process whose peak memory is read from wait4.
"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from resilian_desktop.commands.import_files import ProgressBar
from resilian_desktop.db.engine import Database
from resilian_desktop.db.storage import open_database
from resilian_desktop.imports import ImportFileError, ImportKind, read_and_validate
from resilian_desktop.imports.reading import (
    MAX_CSV_BYTES,
    MAX_VALUE_CHARS,
    MAX_XLSX_PART_BYTES,
)
from tests import hostile_files as h

CONTACTS = "Civilité;Nom;Prénom;Structure;Fonction;E-mail\n"


# The command is started by a small launcher that reports its peak memory: a
# child forked straight from pytest would count pytest's own pages (Linux keeps
# the high-water mark of the image replaced by exec).
_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
open(sys.argv[1], "w").write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_cli(*args: str) -> tuple[subprocess.CompletedProcess[str], float, float]:
    """(result, seconds, peak resident memory in MB) of the command line in a child process."""
    with tempfile.TemporaryDirectory() as folder:
        peak_file = Path(folder) / "peak"
        command = [sys.executable, "-m", "resilian_desktop", *args]
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, str(peak_file), *command],
            capture_output=True,
            text=True,
            timeout=300,
        )
        seconds = time.perf_counter() - started
        peak = int(peak_file.read_text()) / 1024
    return (
        subprocess.CompletedProcess(command, result.returncode, result.stdout, result.stderr),
        seconds,
        peak,
    )


def contacts_count(db_path: Path) -> int:
    with closing(sqlite3.connect(db_path)) as connection:
        return int(connection.execute("SELECT count(*) FROM person").fetchone()[0])


def refused(path: Path, kind: ImportKind = ImportKind.CONTACTS) -> str:
    with pytest.raises(ImportFileError) as caught:
        read_and_validate(kind, path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    return message


# --- workbooks -------------------------------------------------------------------


def test_a_gigabyte_of_shared_strings_is_refused_unread_in_little_memory(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    bomb = h.shared_strings_bomb(tmp_path)  # 1 GB inflated, about 1 MB on disk
    assert bomb.stat().st_size < 2_000_000
    with zipfile.ZipFile(bomb) as archive:
        assert archive.getinfo(h.SHARED_STRINGS).file_size > 1_000_000_000
    db.dispose()
    result, seconds, peak = run_cli("--db", str(db_path), "import", "contacts", str(bomb))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "xl/sharedStrings.xml inflates to 1,074 MB" in result.stderr
    assert peak < 250 and seconds < 30  # before: 1.1 GB and every string read
    assert contacts_count(db_path) == 0


def test_a_part_that_inflates_a_thousand_fold_is_refused_below_the_size_limit(
    tmp_path: Path,
) -> None:
    bomb = h.shared_strings_bomb(tmp_path, inflated=MAX_XLSX_PART_BYTES // 2)
    assert "inflates" in refused(bomb) and "zip bomb" in refused(bomb)


def test_a_sheet_bomb_is_refused(tmp_path: Path) -> None:
    message = refused(h.sheet_bomb(tmp_path, inflated=MAX_XLSX_PART_BYTES + 1))
    assert "xl/worksheets/sheet1.xml inflates 178 times (a zip bomb" in message


def test_billion_laughs_and_external_entities_are_refused_unread(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    for path in (h.billion_laughs_xlsx(tmp_path), h.xxe_xlsx(tmp_path, secret)):
        message = refused(path)
        assert "xl/sharedStrings.xml declares a DTD" in message
        assert "TOP SECRET" not in message


def test_entities_past_the_prolog_check_are_refused_by_the_parser(tmp_path: Path) -> None:
    """A DTD behind a 70 kB comment escapes the prolog check; defusedxml refuses it."""
    padding = "<!--" + "x" * 70_000 + "-->"
    strings = h._strings(padding + '<!DOCTYPE sst [<!ENTITY e "boom">]>', "<si><t>&e;</t></si>")
    path = h.contacts_workbook(tmp_path / "hidden-dtd.xlsx", strings=strings)
    assert "declares XML entities" in refused(path)


def test_a_dangling_shared_string_names_its_row(tmp_path: Path) -> None:
    message = refused(h.dangling_shared_string_xlsx(tmp_path))
    assert "sheet 'Contacts', row 2" in message and "shared text" in message


def test_a_zip_of_ten_thousand_parts_is_refused_before_its_parts_are_read(
    tmp_path: Path,
) -> None:
    path = h.contacts_workbook(tmp_path / "many-parts.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        for number in range(10_000):
            archive.writestr(f"xl/media/{number}.bin", b"")
    assert "10,006 parts in the zip container" in refused(path)


def test_a_sheet_declaring_sixteen_thousand_columns_is_read_at_its_width(tmp_path: Path) -> None:
    """openpyxl pads each row to the declared width: 20,000 rows of 16,384 would take minutes."""
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>Nom{n}</t></is></c>'
        f'<c r="B{n}" t="inlineStr"><is><t>Jean</t></is></c></row>'
        for n in range(3, 20_003)
    )
    sheet = h._sheet().replace("<sheetData>", '<dimension ref="A1:XFD20002"/><sheetData>')
    sheet = sheet.replace("</sheetData>", rows + "</sheetData>")
    path = h.contacts_workbook(tmp_path / "wide-dimension.xlsx", sheet=sheet)
    started = time.perf_counter()
    preview = read_and_validate(ImportKind.CONTACTS, path)
    assert time.perf_counter() - started < 20
    assert preview.table.headers == h.HEADER and len(preview.rows) == 20_001
    assert preview.rows[0].ok and preview.table.rows[-1].values[:2] == ("Nom20002", "Jean")


def test_a_damaged_zip_is_one_line(tmp_path: Path) -> None:
    sound = h.contacts_workbook(tmp_path / "sound.xlsx")
    damaged = tmp_path / "damaged.xlsx"
    data = bytearray(sound.read_bytes())
    data[len(data) // 3 : len(data) // 3 + 40] = b"\0" * 40
    damaged.write_bytes(bytes(data))
    assert "not a readable .xlsx workbook" in refused(damaged)


def test_the_sound_workbook_of_the_hostile_ones_reads(tmp_path: Path) -> None:
    preview = read_and_validate(ImportKind.CONTACTS, h.contacts_workbook(tmp_path / "s.xlsx"))
    assert not preview.problems
    assert preview.rows[0].record is not None
    assert preview.rows[0].record.last_name == "Müller"  # type: ignore[union-attr]


# --- CSV -------------------------------------------------------------------------


def test_a_line_of_a_million_separators_is_refused_in_little_memory(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    path = h.million_separator_csv(tmp_path)
    db.dispose()
    result, seconds, peak = run_cli("--db", str(db_path), "import", "contacts", str(path))
    assert result.returncode == 1
    assert result.stderr == (
        f"error: {path}: row 3: 1,000,001 fields, more than a spreadsheet's 16,384 columns; "
        "not a table\n"
    )
    assert peak < 250 and seconds < 30
    assert contacts_count(db_path) == 0


@pytest.mark.parametrize("length", [MAX_VALUE_CHARS + 1, 131_073, 500_000])
def test_a_value_longer_than_a_cell_names_its_row(tmp_path: Path, length: int) -> None:
    message = refused(h.long_field_csv(tmp_path, length))
    assert f"row 3: a value longer than {MAX_VALUE_CHARS:,} characters" in message


def test_too_many_columns_and_too_large_a_file_are_refused(tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_text(CONTACTS + "M.;A;B;C;D;e@f.fr\n" + ";".join("x" * 201) + "\n")
    assert "row 3: 201 columns" in refused(wide)
    padded = tmp_path / "padded.csv"  # empty trailing cells, as Excel writes them, are fine
    padded.write_text(CONTACTS.strip() + ";" * 5000 + "\nM.;Lang;Zoé;;;z@f.fr" + ";" * 5000 + "\n")
    assert read_and_validate(ImportKind.CONTACTS, padded).rows[0].ok
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as stream:
        stream.write(CONTACTS.encode())
        stream.truncate(MAX_CSV_BYTES + 1)  # sparse: nothing is written to disk
    assert "split the file" in refused(huge)


# --- encodings -------------------------------------------------------------------


def contacts_csv(tmp_path: Path, data: bytes, name: str = "contacts.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_one_stray_byte_in_a_utf8_file_is_refused_naming_its_row(tmp_path: Path) -> None:
    data = (CONTACTS + "M.;Müller;François;Cœur d'Acier Industrie;;f@c.fr\n").encode()
    data += b"Mme;Lang;Z\xe9lie;Fonderie;;z@f.fr\n"  # one Latin-1 byte
    message = refused(contacts_csv(tmp_path, data))
    assert "row 3: byte 0xE9 is not UTF-8, as the rest of the file;" in message


def test_latin1_behind_a_utf8_bom_is_refused_naming_its_row(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + CONTACTS.encode() + "M.;Müller;Jean;;;j@f.fr\n".encode("latin-1")
    assert "row 2: byte 0xFC is not UTF-8, as its BOM declares;" in refused(
        contacts_csv(tmp_path, data)
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom_reads_correctly(tmp_path: Path, encoding: str) -> None:
    text = CONTACTS + "Mme;Œuvray-Łukasiewicz;Zoé;Cœur d'Acier;;z@f.fr\n"
    preview = read_and_validate(ImportKind.CONTACTS, contacts_csv(tmp_path, text.encode(encoding)))
    assert not preview.problems
    record = preview.rows[0].record
    assert record is not None and record.last_name == "Œuvray-Łukasiewicz"  # type: ignore[union-attr]


def test_windows_1252_is_recognised_and_said(db: Database, db_path: Path, tmp_path: Path) -> None:
    text = CONTACTS + "M.;Müller;François;Cœur d'Acier Industrie;Qualité;f@c.fr\n"
    path = contacts_csv(tmp_path, text.encode("cp1252"))
    db.dispose()
    result, _, _ = run_cli("--db", str(db_path), "import", "contacts", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        'contacts.csv: read as Windows-1252, ";" between columns'
    )
    with closing(sqlite3.connect(db_path)) as connection:
        names = connection.execute("SELECT name FROM organisation").fetchall()
        contacts = connection.execute("SELECT last_name, first_name FROM person").fetchall()
    assert names == [("Cœur d'Acier Industrie",)] and contacts == [("Müller", "François")]


def test_a_byte_windows_1252_leaves_undefined_is_refused_naming_its_row(tmp_path: Path) -> None:
    data = (CONTACTS + "M.;Müller;Jean;Cœur;;j@f.fr\n").encode("cp1252") + b"Mme;X\x81;Y;;;y@f.fr\n"
    assert "row 3: byte 0x81 is not Windows-1252, the encoding recognised;" in refused(
        contacts_csv(tmp_path, data)
    )


# --- another kind's file, progress, full disk ---------------------------------------


def test_contacts_given_as_organisations_are_refused_with_the_columns_expected(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    path = contacts_csv(tmp_path, (CONTACTS + "M.;Muller;Jean;Fonderie;;j@f.fr\n").encode())
    db.dispose()
    result, _, _ = run_cli("--db", str(db_path), "import", "organisations", str(path))
    assert result.returncode == 1
    assert result.stderr == (
        f"error: {path}: its columns are those of contacts (Civilité, Nom, Prénom, Structure, "
        "Fonction, E-mail); organisations are read from columns Raison sociale (required), "
        "Type, SIRET, SIREN, Code NAF, Secteur, Adresse, Code postal, Commune, Pays, "
        "Effectif, Site web, Notes\n"
    )
    with closing(sqlite3.connect(db_path)) as connection:
        assert connection.execute("SELECT count(*) FROM organisation").fetchone() == (0,)
    # Named by hand, the same columns are read as asked.
    mapped = read_and_validate(ImportKind.ORGANISATIONS, path, mapping={"Structure": "name"})
    assert mapped.rows[0].record is not None


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal_and_nothing_otherwise(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    terminal = _Terminal()
    bar = ProgressBar("c.csv: importing", terminal)
    bar(100, 400)
    bar(400, 400)
    bar.close()
    shown = terminal.getvalue()
    assert "\rc.csv: importing [" + "#" * 7 + "." * 23 + "] 100/400 rows" in shown
    assert "[" + "#" * 30 + "] 400/400 rows" in shown and shown.endswith("\r\033[K")
    piped = io.StringIO()
    ProgressBar("x", piped)(1, 2)
    assert piped.getvalue() == ""
    # The command piped: stderr stays empty, stdout has only the result lines.
    rows = "".join(f"M.;Nom{i};Jean;Org{i % 7};;p{i}@f.fr\n" for i in range(250))
    path = contacts_csv(tmp_path, (CONTACTS + rows).encode())
    db.dispose()
    result, _, _ = run_cli("--db", str(db_path), "import", "contacts", str(path))
    assert result.returncode == 0 and result.stderr == ""
    assert "250 created" in result.stdout


def _small_disk(folder: Path, size: str) -> Path:
    folder.mkdir()
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot mount a small tmpfs here ({error})")
    return folder


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0,
    reason="fills a small tmpfs, which only root can mount",
)
def test_a_full_disk_during_an_import_is_one_line_and_nothing_is_written(tmp_path: Path) -> None:
    disk = _small_disk(tmp_path / "disk", "4m")
    try:
        db_path = disk / "network.sqlite"
        open_database(db_path, backup_dir=tmp_path / "backups").dispose()
        filler = disk / "filler"
        with filler.open("wb") as stream:  # the disk full but for 64 kB
            free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
            stream.write(b"\0" * max(free - 64 * 1024, 0))
        notes = "x" * 190
        rows = "".join(f"M.;Nom{i};Jean;Org{i};;p{i}@f.fr;{notes}\n" for i in range(3000))
        path = contacts_csv(tmp_path, (CONTACTS.strip() + ";Notes\n" + rows).encode())
        result, _, _ = run_cli("--db", str(db_path), "import", "contacts", str(path))
        assert result.returncode == 1
        assert result.stderr == (
            f"error: {db_path}: the disk is full; nothing was changed; "
            "free some space and try again\n"
        )
        filler.unlink()
        assert contacts_count(db_path) == 0
        with closing(sqlite3.connect(db_path)) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        # Lazily: a test that failed may still hold a file open on it.
        subprocess.run(["umount", "--lazy", str(disk)], check=False)


# --- time: duplicate lookups are indexed ------------------------------------------


def test_duplicate_lookups_by_email_and_name_use_indexes_and_erasure_clears_the_key(
    db: Database, db_path: Path
) -> None:
    """A scan per imported row made an import of N contacts take N² time."""
    from sqlalchemy import event

    from resilian_desktop.services import contacts, privacy
    from tests import factories as f

    contact = f.contact(db, email="Anais.Muller@Fonderie.fr")
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    with db.read() as session:
        event.listen(db.engine, "before_cursor_execute", capture)
        try:
            found = contacts.find_duplicates(
                session,
                first_name="Zoé",
                last_name="Autre",
                email="anais.muller@fonderie.FR",
                organisation_id=None,
            )
        finally:
            event.remove(db.engine, "before_cursor_execute", capture)
        assert [(m[0], m[2]) for m in found] == [(contact.id, "email")]
        (statement, parameters), *_ = [s for s in statements if "FROM person" in s[0]]
        connection = session.connection().connection.dbapi_connection
        assert connection is not None
        plan = " ".join(
            str(row[-1])
            for row in connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
        )
    assert "SCAN" not in plan and "ix_person_email_key" in plan, plan
    privacy.erase_contact(db, contact.id)
    with closing(sqlite3.connect(db_path)) as connection:
        keys = connection.execute("SELECT email, email_key FROM person").fetchall()
    assert keys == [(None, None)]  # the key held the address: it goes with it
