"""One writer per database file: ``<dbfile>.lock`` held with an operating-system lock.

The OS lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) goes with the process that holds
it, so a crash or ``kill -9`` never leaves a stale lock behind. The file's content says who holds
it — ``{"pid", "user", "host", "since"}`` — and a clean close adds ``"closed": true``; a lock file
found without it means the last session did not end cleanly (and the database deserves a
``quick_check``).

Also here: whether a folder is on a network file system, where SQLite's locking and WAL are not
to be trusted.
"""

import datetime as dt
import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

NETWORK_TYPES = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs"})
DRIVE_REMOTE = 4
_WINDOWS_LOCK_OFFSET = 1 << 20   # lock a byte far past the JSON, so others can still read it


@dataclass(frozen=True)
class Holder:
    """Who holds (or last held) a lock file."""
    pid: Optional[int] = None
    user: str = ""
    host: str = ""
    since: str = ""            # ISO UTC
    closed: bool = False       # the holder closed it cleanly

    @classmethod
    def from_json(cls, text: str) -> "Holder":
        try:
            data: Any = json.loads(text)
        except ValueError:
            return cls()
        if not isinstance(data, dict):
            return cls()
        pid = data.get("pid")
        return cls(pid if isinstance(pid, int) else None, str(data.get("user") or ""),
                   str(data.get("host") or ""), str(data.get("since") or ""), data.get("closed") is True)


class Locked(Exception):
    """The file is open for writing in another process."""

    def __init__(self, path: Path, holder: Holder) -> None:
        super().__init__(f"{path} is locked by {holder}")
        self.path, self.holder = path, holder


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":   # pragma: no cover - exercised on Windows only
        import msvcrt
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":   # pragma: no cover
        import msvcrt
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl
    fcntl.flock(fd, fcntl.LOCK_UN)


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while True:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        chunks.append(chunk)
        if sum(map(len, chunks)) > 65536:
            break
    return b"".join(chunks).decode("utf-8", "replace")


def _write(fd: int, data: dict) -> None:
    body = json.dumps(data).encode()
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, body)
    os.fsync(fd)


_HELD: set[Path] = set()   # lock files this process holds


def held_here(database: Path) -> bool:
    """Whether this process holds the database file's lock."""
    return lock_path(Path(database).absolute()) in _HELD


class DatabaseLock:
    """``DatabaseLock.acquire(dbfile)`` or raises Locked; ``release()`` marks a clean close."""

    def __init__(self, path: Path, fd: int, previous: Holder) -> None:
        self.path, self._fd = path, fd
        self.previous = previous   # what the file said before we took it
        _HELD.add(path)

    @property
    def last_session_crashed(self) -> bool:
        """A lock file that a holder left without closing it cleanly."""
        return self.previous.pid is not None and not self.previous.closed

    @classmethod
    def acquire(cls, database: Path) -> "DatabaseLock":
        path = lock_path(Path(database).absolute())
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if not _try_lock(fd):
                raise Locked(path, Holder.from_json(_read(fd)))
            previous = Holder.from_json(_read(fd))
            _write(fd, {"pid": os.getpid(), "user": _user(), "host": socket.gethostname(),
                        "since": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")})
        except BaseException:
            os.close(fd)
            raise
        return cls(path, fd, previous)

    def release(self) -> None:
        if self._fd < 0:
            return
        _HELD.discard(self.path)
        try:
            current = json.loads(_read(self._fd) or "{}")
            _write(self._fd, {**current, "closed": True})
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> "DatabaseLock":
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a service account): say nothing
        return ""


# --- network file systems -------------------------------------------------------------------

def _unescape_mount(field: str) -> str:
    # /proc/mounts writes spaces, tabs and backslashes in paths as octal escapes.
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")


def network_fs_type(folder: Path, mounts: str) -> Optional[str]:
    """The network file system type ``folder`` is on, from a /proc/mounts table, else None.

    The deepest mount point containing the folder decides (a local disk mounted inside an NFS
    home is local)."""
    best, best_type = "", None
    target = str(folder)
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point, fs_type = _unescape_mount(parts[1]), parts[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/") or point == "/"
        if inside and len(point) >= len(best):
            best, best_type = point, fs_type
    return best_type if best_type in NETWORK_TYPES else None


def on_network_share(database: Path) -> Optional[str]:
    """What kind of network share the database file is on (e.g. "nfs4", "UNC"), or None."""
    folder = Path(os.path.realpath(Path(database).expanduser().absolute().parent))
    if sys.platform == "win32":   # pragma: no cover
        text = str(folder)
        if text.startswith("\\\\"):
            return "UNC"
        import ctypes
        drive = os.path.splitdrive(text)[0] + "\\"
        return "network drive" if ctypes.windll.kernel32.GetDriveTypeW(drive) == DRIVE_REMOTE else None
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return network_fs_type(folder, mounts)
