"""Warnings for databases on network shares or in synchronised folders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from resilian_desktop.db.location import location_warnings


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads a Linux mount table")
def test_network_share_is_detected_from_the_mount_table(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(
        f"/dev/vda / ext4 rw 0 0\n//nas/agence {share} cifs rw 0 0\n",
        encoding="utf-8",
    )
    (warning,) = location_warnings(share / "resilian.sqlite", mounts_file=mounts)
    assert "network share (cifs)" in warning
    assert location_warnings(tmp_path / "resilian.sqlite", mounts_file=mounts) == []


def test_synced_folder_is_detected(tmp_path: Path) -> None:
    folder = tmp_path / "OneDrive - Agence" / "RESILIAN"
    folder.mkdir(parents=True)
    warnings = location_warnings(folder / "resilian.sqlite", mounts_file=tmp_path / "none")
    assert len(warnings) == 1 and "synchronised folder (onedrive)" in warnings[0]
