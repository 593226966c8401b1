"""Files are written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from resilian_desktop.documents.files import ExportError, atomic_output


def test_file_appears_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "feuille.xlsx"
    with atomic_output(target) as partial:
        partial.write_bytes(b"complete")
        assert not target.exists()
        assert partial.parent == tmp_path
    assert target.read_bytes() == b"complete"
    assert [p.name for p in tmp_path.iterdir()] == ["feuille.xlsx"]


def test_failure_keeps_the_old_file_and_leaves_no_debris(tmp_path: Path) -> None:
    target = tmp_path / "rapport.xlsx"
    target.write_bytes(b"old report")
    with pytest.raises(RuntimeError), atomic_output(target) as partial:
        partial.write_bytes(b"half")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.xlsx"]


def test_missing_folder_is_named(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "x.pdf"
    with pytest.raises(ExportError, match="nowhere"), atomic_output(target):
        pass


def test_exported_file_is_owner_only(tmp_path: Path) -> None:
    # Issue #11 item 9: exports hold personal data; they were 0644.
    target = tmp_path / "feuille.pdf"
    with atomic_output(target) as partial:
        partial.write_bytes(b"%PDF")
    assert target.stat().st_mode & 0o777 == 0o600
