"""Why a database file cannot be used right now, said in one line.

SQLite reports a busy file, a full disk, a permission problem and real damage
as errors of one class; an officer told "damaged" restores an old backup and
loses recent work. Each error is sorted here by its SQLite result code and
named for what it is, with the file. A writer that finds the file busy waits
a while, saying for whom, before giving up.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.paths import ServerDatabase

LOCK_WAIT_ENV = "RESILIAN_LOCK_WAIT"  # seconds a writer waits for the lock (tests shorten it)
LOCK_WAIT_SECONDS = 60.0

# Primary SQLite result codes (https://sqlite.org/rescode.html).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = (
    3,
    5,
    6,
    8,
    10,
    11,
    13,
    14,
    26,
)
_AUTH = 23


class StorageError(ResilianError):
    """The database cannot be used now; it was not changed."""

    def __init__(self, path: Path | ServerDatabase, kind: str, message: str) -> None:
        self.path = path
        # busy, full, permission, read_only, damaged, io; on a server also
        # connection, password, missing (db.postgres)
        self.kind = kind
        super().__init__(f"{path}: {message}")


class DatabaseBusy(StorageError):
    """Another process held the write lock for longer than a writer waits."""

    def __init__(self, path: Path | ServerDatabase, message: str) -> None:
        super().__init__(path, "busy", message)


class DatabaseReadOnly(StorageError):
    """The file (or its medium) is read-only: it can be read, never written."""

    def __init__(self, path: Path | ServerDatabase, message: str) -> None:
        super().__init__(path, "read_only", message)


def lock_wait_seconds() -> float:
    try:
        return float(os.environ.get(LOCK_WAIT_ENV, LOCK_WAIT_SECONDS))
    except ValueError:
        return LOCK_WAIT_SECONDS


def _sqlite_errors(error: BaseException) -> list[sqlite3.Error]:
    """The sqlite3 errors behind *error*, outermost first.

    SQLAlchemy wraps them in .orig; a failure while handling another (a
    savepoint that SQLite already rolled back when the disk filled up) carries
    the first one as its context, and that first one is what went wrong.
    """
    found: list[sqlite3.Error] = []
    pending: list[BaseException] = [error]
    seen: set[int] = set()
    while pending and len(seen) < 16:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, sqlite3.Error):
            found.append(current)
        for inner in (getattr(current, "orig", None), current.__cause__, current.__context__):
            if isinstance(inner, BaseException):
                pending.append(inner)
    return found


def _sqlite_error(error: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error that says what went wrong: the first of a known kind, else the first."""
    errors = _sqlite_errors(error)
    for candidate in errors:
        if _kind_of(candidate) is not None:
            return candidate
    return errors[0] if errors else None


def error_kind(error: BaseException) -> str | None:
    """busy, full, permission, read_only, damaged or io for a SQLite error, permission
    for a PostgreSQL server's refusal; None otherwise."""
    if server_refusal(error) is not None:
        return "permission"
    found = _sqlite_error(error)
    return None if found is None else _kind_of(found)


# SQLSTATE of PostgreSQL's insufficient_privilege: a missing grant, a row that
# row-level security refuses, and the team's guard trigger (db.team_rules).
_INSUFFICIENT_PRIVILEGE = "42501"


def _chain(error: BaseException) -> list[BaseException]:
    """*error* and the errors behind it (SQLAlchemy's .orig, causes, contexts)."""
    found: list[BaseException] = []
    pending: list[BaseException] = [error]
    while pending and len(found) < 16:
        current = pending.pop(0)
        if any(current is seen for seen in found):
            continue
        found.append(current)
        for inner in (getattr(current, "orig", None), current.__cause__, current.__context__):
            if isinstance(inner, BaseException):
                pending.append(inner)
    return found


def server_refusal(error: BaseException) -> str | None:
    """The server's one-line reason when a PostgreSQL server refused an action
    to the connected user (insufficient_privilege); None for anything else."""
    for current in _chain(error):
        if getattr(current, "sqlstate", None) == _INSUFFICIENT_PRIVILEGE:
            diag = getattr(current, "diag", None)
            primary = getattr(diag, "message_primary", None) or str(current)
            line = str(primary).strip().splitlines()[0]
            if "row-level security" in line:
                # The team's policies (db.team_rules) say which rows a user may write.
                line += " (an officer writes only the records of their own programmes)"
            return line
    return None


def _kind_of(found: sqlite3.Error) -> str | None:
    code = getattr(found, "sqlite_errorcode", None)
    text = str(found).lower()
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (_BUSY, _LOCKED) or "database is locked" in text:
        return "busy"
    if primary == _FULL or "disk is full" in text:
        return "full"
    if primary == _READONLY or "readonly database" in text:
        return "read_only"
    if primary in (_PERM, _AUTH, _CANTOPEN) or "unable to open" in text:
        return "permission"
    if primary in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
        return "damaged"
    if primary == _IOERR or "disk i/o error" in text:
        return "io"
    return None


def explain(
    path: Path | ServerDatabase, error: BaseException, *, nothing_changed: bool = True
) -> StorageError:
    """The one-line error for a SQLite failure on the database at *path*, or for
    a server's refusal of an action to the connected user.

    Returns a plain StorageError of kind "other" with SQLite's own words when
    the failure is none of the known kinds.
    """
    kind = error_kind(error) or "other"
    tail = "; nothing was changed" if nothing_changed else ""
    refusal = server_refusal(error)
    if refusal is not None:
        return StorageError(path, kind, f"refused by the server: {refusal}{tail}")
    if not isinstance(path, Path):
        return StorageError(path, kind, f"{error}{tail}")
    if kind == "io" and disk_is_full(path):
        kind = "full"  # SQLite says "disk I/O error" when the -shm file cannot grow
    cause = str(_sqlite_error(error) or error)
    if kind == "busy":
        return DatabaseBusy(path, f"in use by {describe_holders(path)}{tail}; try again later")
    if kind == "full":
        return StorageError(path, kind, f"the disk is full{tail}; free some space and try again")
    if kind == "read_only":
        return DatabaseReadOnly(path, f"the file or its folder is read-only{tail}")
    if kind == "permission":
        return StorageError(
            path,
            kind,
            f"cannot open the file or write beside it (permission denied or missing folder){tail}",
        )
    if kind == "damaged":
        return StorageError(path, kind, f"is damaged ({cause}){tail}")
    if kind == "io":
        return StorageError(path, kind, f"the disk reported a read or write error ({cause}){tail}")
    return StorageError(path, kind, f"{cause}{tail}")


def disk_is_full(path: Path) -> bool:
    """Whether the file system holding *path* has (almost) no space left for this user."""
    folder = path if path.is_dir() else path.parent
    try:
        found = os.statvfs(folder if str(folder) else ".")
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        return False
    return found.f_bavail * found.f_frsize < 64 * 1024


def _lock_file(path: Path) -> tuple[int, str | None] | None:
    """The pid and host written in *path*'s lock file (Qt's QLockFile: pid, app, host)."""
    lock = Path(str(path) + ".lock")
    try:
        lines = lock.read_text(encoding="utf-8", errors="replace").splitlines()
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return None
    return pid, (lines[2] if len(lines) > 2 and lines[2] else None)


def _window_holder(path: Path) -> str | None:
    """The window holding *path*'s lock file, if alive."""
    found = _lock_file(path)
    if found is None:
        return None
    pid, host = found
    if host and host != socket.gethostname():
        return f"the RESILIAN Desktop window of process {pid} on {host}"
    if not _alive(pid):
        return None
    return f"the RESILIAN Desktop window (process {pid})"


def window_holding(path: Path) -> int | None:
    """PID of a live window of this machine holding the database's lock file."""
    found = _lock_file(path)
    return found[0] if found is not None and _alive(found[0]) else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _processes_with_open(path: Path) -> list[str]:
    """Other processes that have *path* (or its -wal) open, with their command (Linux)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    try:
        wanted = {str(path.resolve()), str(path.resolve()) + "-wal"}
    except OSError:
        return []
    found: list[str] = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            fds = list((entry / "fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                target = str(fd.readlink())
            except OSError:
                continue
            if target in wanted:
                found.append(_command_of(entry))
                break
    return found


def _command_of(entry: Path) -> str:
    try:
        raw = (entry / "cmdline").read_bytes()
    except OSError:
        raw = b""
    words = [w.decode("utf-8", "replace") for w in raw.split(b"\0") if w]
    rest: list[str] | None = None
    for index, word in enumerate(words):
        if word == "-m" and words[index + 1 : index + 2] == ["resilian_desktop"]:
            rest = words[index + 2 :]
        elif word.endswith("resilian-desktop") or word.endswith("RESILIAN-Desktop-cli"):
            rest = words[index + 1 :]
        if rest is not None:
            break
    if rest is None:
        shown = " ".join([Path(words[0]).name, *words[1:]]) if words else "?"
        return f"process {entry.name} ({shown[:80]})"
    kept: list[str] = []
    skip = False
    for word in rest:  # the database is the one the message names already
        if skip or word.startswith("--db="):
            skip = False
            continue
        skip = word == "--db"
        if not skip:
            kept.append(word)
    return f"process {entry.name} (resilian-desktop {' '.join(kept)[:80]})"


def describe_holders(path: Path) -> str:
    """Who holds the database at *path*, as precisely as can be known."""
    window = _window_holder(path)
    if window is not None:
        return window
    others = _processes_with_open(path)
    if others:
        return ", ".join(others[:3])
    return "another program"


# Called with one line when a writer starts waiting (the command line prints
# it on stderr; the window may show it). Set by the front end, None when quiet.
lock_wait_reporter: Callable[[str], None] | None = None


def wait_for_write_lock(path: Path, attempt: Callable[[], object]) -> None:
    """Run *attempt* (a BEGIN IMMEDIATE that waits busy_timeout itself) until it
    gets the lock, for up to lock_wait_seconds(); then DatabaseBusy naming the holder."""
    deadline = time.monotonic() + lock_wait_seconds()
    told = False
    while True:
        try:
            attempt()
            return
        except Exception as error:
            if error_kind(error) != "busy":
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy(
                    path,
                    f"still in use by {describe_holders(path)} after "
                    f"{lock_wait_seconds():.0f} s of waiting; nothing was changed; "
                    "try again when it has finished",
                ) from None
            if not told:
                told = True
                if lock_wait_reporter is not None:
                    lock_wait_reporter(
                        f"{path}: waiting for {describe_holders(path)} to finish writing "
                        f"(up to {lock_wait_seconds():.0f} s)…"
                    )
            time.sleep(0.05)
