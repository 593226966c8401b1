"""Checking an audit pack without the database (`audit-pack verify FILE.zip`).

A pack is intact when its manifest is well formed, every file it lists is in
the zip with that size and SHA-256, nothing else is, and the signature
records of signatures.csv, hashed again field by field as
services.signatures hashes them, link up to the chain head the manifest gives
for each meeting.

Not checked here: the code printed at the foot of each sheet (reading it needs
a PDF text reader, which the application does not carry; the LISEZMOI asks the
controller to compare it with reunions.csv), and the signature images (the
chain covers their SHA-256, given in the CSV; the images are printed in the
sheets, and the officer's `signatures verify` checks them against the database).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from resilian_desktop.documents.audit_pack import layout
from resilian_desktop.services.signatures import CHAINED_FIELDS, chain_hash_of, short_code

CHUNK = 1 << 20
# A manifest lists a few files per meeting: a year at the scale of a large
# network is a few megabytes.
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
SHA256 = re.compile(r"[0-9a-f]{64}")
# What a reader of the summary needs to know is not covered.
NOT_READ = "codes printed on the sheets not read: compare them with reunions.csv"


class _Malformed(Exception):
    """The manifest cannot be read as a manifest; the message says where."""


@dataclass
class PackCheck:
    path: Path
    problems: list[str] = field(default_factory=list)
    files: int = 0
    meetings: int = 0
    signatures: int = 0
    manifest_sha256: str | None = None

    @property
    def intact(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return (
            f"{self.path.name}: intact: {self.files} files with their SHA-256, "
            f"{self.signatures} signatures of {self.meetings} meetings chained to the "
            f"manifest's heads; manifest SHA-256 {self.manifest_sha256} ({NOT_READ})"
        )


def _unsafe(name: str) -> bool:
    """A name that would land outside the folder it is unpacked into."""
    path = PurePosixPath(name)
    return name.startswith(("/", "\\")) or "\\" in name or ".." in path.parts or ":" in name


def _require(condition: bool, where: str) -> None:
    if not condition:
        raise _Malformed(where)


def _read_manifest(data: bytes) -> dict[str, Any]:
    """The manifest parsed and its shape checked; _Malformed names what is wrong."""
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _Malformed(f"not JSON ({error})") from None
    if not isinstance(manifest, dict):
        raise _Malformed("not a JSON object")
    _require(manifest.get("format") == layout.FORMAT, f'"format" is not "{layout.FORMAT}"')
    version = manifest.get("format_version")
    if not isinstance(version, int):
        raise _Malformed('"format_version" missing')
    _require(
        version <= layout.FORMAT_VERSION,
        f"format version {version}, made by a newer version of the application",
    )
    for key in ("application", "created_at", "period", "programme", "meetings", "files"):
        _require(key in manifest, f'"{key}" missing')
    period = manifest["period"]
    _require(
        isinstance(period, dict) and {"from", "to"} <= period.keys(), '"period" has no from/to'
    )
    files = manifest["files"]
    _require(isinstance(files, list), '"files" is not a list')
    seen: set[str] = set()
    for index, entry in enumerate(files):
        where = f'"files" item {index + 1}'
        _require(isinstance(entry, dict), f"{where} is not an object")
        path, digest, size = entry.get("path"), entry.get("sha256"), entry.get("size")
        _require(isinstance(path, str) and bool(path), f"{where} has no path")
        _require(
            isinstance(digest, str) and SHA256.fullmatch(digest) is not None,
            f"{where} ({path}) has no SHA-256",
        )
        _require(
            isinstance(size, int) and not isinstance(size, bool) and size >= 0,
            f"{where} ({path}) has no size",
        )
        _require(path not in seen, f"{where}: {path} listed twice")
        _require(path != layout.MANIFEST, f"{where} lists the manifest itself")
        seen.add(path)
    meetings = manifest["meetings"]
    _require(isinstance(meetings, list), '"meetings" is not a list')
    for index, meeting in enumerate(meetings):
        where = f'"meetings" item {index + 1}'
        _require(isinstance(meeting, dict), f"{where} is not an object")
        _require(isinstance(meeting.get("id"), int), f"{where} has no id")
        head = meeting.get("chain_head")
        _require(
            head is None or (isinstance(head, str) and SHA256.fullmatch(head) is not None),
            f"{where} (meeting {meeting.get('id')}): chain_head is not a SHA-256",
        )
        _require(
            isinstance(meeting.get("signatures"), int),
            f"{where} (meeting {meeting['id']}) has no signature count",
        )
        _require(
            meeting.get("code") == (short_code(head) if head else None),
            f"{where} (meeting {meeting['id']}): its code is not its chain head's",
        )
        scans = meeting.get("scans")
        _require(isinstance(scans, list), f"{where} (meeting {meeting['id']}) has no scan list")
        for name in (meeting.get("sheet"), *scans):
            _require(name in seen, f"{where} (meeting {meeting['id']}): {name} is not listed")
    return manifest


def _hash_member(archive: zipfile.ZipFile, name: str, limit: int) -> tuple[str, int]:
    """SHA-256 and size of a member, reading at most *limit* + 1 bytes."""
    digest = hashlib.sha256()
    size = 0
    with archive.open(name) as member:
        while size <= limit and (chunk := member.read(min(CHUNK, limit + 1 - size))):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _check_files(archive: zipfile.ZipFile, manifest: dict[str, Any], check: PackCheck) -> None:
    members = {info.filename: info for info in archive.infolist()}
    for entry in manifest["files"]:
        name, size = entry["path"], entry["size"]
        info = members.get(name)
        if info is None:
            check.problems.append(f"{name}: listed in the manifest but missing from the pack")
            continue
        if info.file_size != size:
            check.problems.append(
                f"{name}: {info.file_size} bytes, the manifest says {size} (the file was changed)"
            )
            continue
        try:
            digest, read = _hash_member(archive, name, size)
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            check.problems.append(f"{name}: damaged in the zip ({error})")
            continue
        if read != size or digest != entry["sha256"]:
            check.problems.append(
                f"{name}: its SHA-256 differs from the manifest's (the file was changed)"
            )
    listed = {entry["path"] for entry in manifest["files"]}
    for name in members:
        if name not in listed and name != layout.MANIFEST:
            check.problems.append(f"{name}: in the pack but not listed in the manifest")
    check.files = len(listed)


def _csv_rows(data: bytes) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of signatures.csv by line number, values unguarded; ValueError
    for a header that is not the expected one."""
    reader = csv.reader(
        io.StringIO(data.decode(layout.CSV_ENCODING), newline=""),
        delimiter=layout.CSV_DELIMITER,
    )
    header = next(reader, None)
    if header is None or tuple(header) != layout.SIGNATURE_COLUMNS:
        raise ValueError("its columns are not those of a signature file")
    for row in reader:
        if len(row) != len(header):
            raise ValueError(f"line {reader.line_num}: {len(row)} columns, not {len(header)}")
        yield (
            reader.line_num,
            {column: layout.unguarded(value) for column, value in zip(header, row, strict=True)},
        )


def _content(row: dict[str, str]) -> dict[str, Any]:
    """The chained fields of a CSV row, typed as the chain hashed them."""
    content: dict[str, Any] = {}
    for name in CHAINED_FIELDS:
        value = row[name]
        if name in layout.OPTIONAL_FIELDS and value == "":
            content[name] = None
        elif name in layout.INTEGER_FIELDS:
            if not value.isdigit():
                raise ValueError(f"{name} {value!r} is not a whole number")
            content[name] = int(value)
        else:
            content[name] = value
    return content


def _check_chains(archive: zipfile.ZipFile, manifest: dict[str, Any], check: PackCheck) -> None:
    """Hash every signature row again and follow each meeting's chain to its head."""
    expected = {m["id"]: m for m in manifest["meetings"]}
    check.meetings = len(expected)
    sizes = {entry["path"]: entry["size"] for entry in manifest["files"]}
    if layout.SIGNATURES_CSV not in sizes or layout.SIGNATURES_CSV not in archive.namelist():
        check.problems.append(f"{layout.SIGNATURES_CSV}: missing, the chains cannot be checked")
        return
    where = layout.SIGNATURES_CSV
    chains: dict[int, tuple[int, str]] = {}  # meeting: (signatures, head)
    try:
        with archive.open(where) as member:
            data = member.read(sizes[where] + 1)
        for line, row in _csv_rows(data):
            content = _content(row)
            meeting_id, record = content["meeting_id"], content["id"]
            name = f"{where}, line {line} (signature {record}, meeting {meeting_id})"
            if meeting_id not in expected:
                check.problems.append(f"{name}: a meeting the manifest does not list")
                return
            count, previous = chains.get(meeting_id, (0, ""))
            if content["position"] != count + 1 or row["previous_hash"] != previous:
                check.problems.append(
                    f"{name}: expected at position {count + 1} of its meeting's chain "
                    "(a record before it was removed, moved or added)"
                )
                return
            if chain_hash_of(content, previous) != row["chain_hash"]:
                check.problems.append(
                    f"{name}: its hash does not match its content (the record was changed)"
                )
                return
            chains[meeting_id] = (count + 1, row["chain_hash"])
            check.signatures += 1
    except (ValueError, UnicodeDecodeError, csv.Error, zipfile.BadZipFile, zlib.error) as error:
        check.problems.append(f"{where}: {error}")
        return
    for meeting_id, meeting in expected.items():
        count, head = chains.get(meeting_id, (0, ""))
        if count != meeting["signatures"] or (head or None) != meeting["chain_head"]:
            check.problems.append(
                f"{where}: meeting {meeting_id} has {count} signatures ending at code "
                f"{short_code(head or None)}; the manifest says {meeting['signatures']} ending "
                f"at {short_code(meeting['chain_head'])} (a record was removed or added)"
            )
            return


def verify_pack(path: Path) -> PackCheck:
    """Check the pack at *path*; the problems found, first the first one met."""
    check = PackCheck(path)
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        check.problems.append(f"not a readable zip file ({error})")
        return check
    with archive:
        names = archive.namelist()
        for name, count in Counter(names).items():
            if count > 1:
                check.problems.append(f"{name}: {count} times in the pack")
        for name in names:
            if _unsafe(name):
                check.problems.append(f"{name}: a name that points outside the pack")
        if layout.MANIFEST not in names:
            check.problems.append(f"{layout.MANIFEST}: missing, nothing can be checked")
            return check
        info = archive.getinfo(layout.MANIFEST)
        if info.file_size > MAX_MANIFEST_BYTES:
            check.problems.append(f"{layout.MANIFEST}: {info.file_size} bytes, not a manifest")
            return check
        try:
            data = archive.read(layout.MANIFEST)
            manifest = _read_manifest(data)
        except (zipfile.BadZipFile, zlib.error) as error:
            check.problems.append(f"{layout.MANIFEST}: damaged in the zip ({error})")
            return check
        except _Malformed as error:
            check.problems.append(f"{layout.MANIFEST}: {error}")
            return check
        check.manifest_sha256 = hashlib.sha256(data).hexdigest()
        _check_files(archive, manifest, check)
        _check_chains(archive, manifest, check)
    return check
