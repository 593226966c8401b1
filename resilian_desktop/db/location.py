"""Warnings about where the database file sits.

SQLite's WAL journal needs shared memory on a local disk: on a network share
two machines can corrupt the file, and a synced folder (OneDrive, Dropbox...)
may upload a half-written database or restore an old copy over it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "afs",
    "9p",
    "fuse.sshfs",
    "fuse.rclone",
    "fuse.gvfsd-fuse",
    "davfs",
    "fuse.davfs2",
    "glusterfs",
    "ceph",
}
SYNCED_FOLDER_NAMES = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "icloud drive",
    "iclouddrive",
    "mobile documents",
    "nextcloud",
    "owncloud",
    "seafile",
    "pcloud",
    "box sync",
)


def _linux_filesystem(path: Path, mounts_file: Path = Path("/proc/mounts")) -> str | None:
    """The filesystem type of the mount holding *path* (longest matching mount point)."""
    try:
        lines = mounts_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best, fs_type = "", None
    target = str(path.resolve())
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, fs_type = mount_point, fields[2]
    return fs_type


def _windows_is_remote(path: Path) -> bool:
    text = str(path.resolve())
    if text.startswith("\\\\"):
        return True  # UNC path: \\server\share
    # Windows only: the drive type comes from the Win32 API.
    import ctypes

    drive = os.path.splitdrive(text)[0] + "\\"
    drive_remote = 4
    # ctypes.windll exists only on Windows, where this branch runs.
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return bool(kernel32.GetDriveTypeW(drive) == drive_remote)


def location_warnings(path: Path, *, mounts_file: Path = Path("/proc/mounts")) -> list[str]:
    """Reasons the database should be moved to a local folder; empty when fine."""
    warnings: list[str] = []
    folder = path.parent if path.parent.exists() else Path.cwd()
    if sys.platform.startswith("linux"):
        fs_type = _linux_filesystem(folder, mounts_file)
        if fs_type in NETWORK_FILESYSTEMS:
            warnings.append(
                f"{path} is on a network share ({fs_type}): SQLite needs a local disk; "
                "move the database to a local folder and keep backups on the share"
            )
    elif sys.platform == "win32" and _windows_is_remote(folder):
        warnings.append(
            f"{path} is on a network drive: SQLite needs a local disk; "
            "move the database to a local folder and keep backups on the share"
        )
    lowered = [part.casefold() for part in path.resolve().parts]
    synced = next(
        (name for name in SYNCED_FOLDER_NAMES for part in lowered if part.startswith(name)), None
    )
    if synced:
        warnings.append(
            f"{path} is in a synchronised folder ({synced}): the sync can copy a half-written "
            "database or bring back an old one; move it to a local folder that is not synced"
        )
    return warnings
