"""The managed document store: a folder of files named by the SHA-256 of their content.

Layout: ``<root>/ab/abcdef….pdf`` — two hex digits of the hash as a folder (so no folder grows
to tens of thousands of entries), the full hash as the name, and an extension chosen from the
detected type (never from the user's file name), so that the system viewer knows what to open
the file with. Nothing a person types becomes part of a path: a name like ``../../etc/passwd`` is
just text in the database.

Where the root is (``store_root``):

- ``$KRAKOW_DESK_DOCUMENTS`` if set — for PostgreSQL this must be a folder every workstation
  reaches (a network share mounted at that path), or documents attached on one computer are
  reported missing on the others;
- for a SQLite file, a folder beside it named after it: ``krakow-desk.sqlite3-documents``
  (like SQLite's own ``-wal`` files), so two databases never share a store — removing a
  document deletes its file when *its* database no longer refers to it, which would be wrong
  for another database's rows;
- otherwise (PostgreSQL without the variable) ``<data folder>/documents``.

Writing: the content is streamed in chunks into a temporary file inside the store (same file
system), hashed on the way, flushed and fsynced, made read-only and renamed atomically into
place; a crash leaves at most a ``.incoming-*`` file that ``orphans`` reports. Identical content
is stored once. This module raises its own exceptions; the services phrase them for people.
"""

import hashlib
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import sqlalchemy as sa

from krakow_desk.store.document_types import BY_MEDIA_TYPE, FileType, claimed_type, detect
from krakow_desk.store.engine import sqlite_path
from krakow_desk.store.paths import data_dir

DOCUMENTS_ENV = "KRAKOW_DESK_DOCUMENTS"
LIMIT_ENV = "KRAKOW_DESK_DOCUMENT_LIMIT_MB"
DEFAULT_LIMIT = 500 * 1024 * 1024
CHUNK = 1024 * 1024
INCOMING = ".incoming-"
STALE_AFTER = 3600.0   # seconds after which an unfinished incoming file is an orphan, not work in progress
_NAME = re.compile(r"[0-9a-f]{64}")

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


# --- failures (phrased for people by services.documents) ----------------------------------

class StoreError(Exception):
    """Something about a file that the services turn into a readable DeskError."""


class NotAccepted(StoreError):
    """Not a file we keep: ``reason`` is "type", "mismatch", "empty" or "not-a-file"."""

    def __init__(self, reason: str, detected: Optional[FileType] = None,
                 claimed: Optional[FileType] = None) -> None:
        super().__init__(reason)
        self.reason, self.detected, self.claimed = reason, detected, claimed


class TooLarge(StoreError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} > {limit}")
        self.size, self.limit = size, limit


class Cancelled(StoreError):
    """The person cancelled; nothing was left behind."""


class Missing(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


class Altered(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


@dataclass(frozen=True)
class Stored:
    """A file now in the store. ``created`` is False when identical content was already there."""
    sha256: str
    size: int
    type: FileType
    path: Path
    created: bool


# --- where the store is -------------------------------------------------------------------

def store_root(url: sa.URL | str) -> Path:
    """The store of the database at ``url`` (see the module's docstring)."""
    override = os.environ.get(DOCUMENTS_ENV)
    if override:
        return Path(override).expanduser()
    path = sqlite_path(url)   # a plain path, or a file: URI (a database opened read-only)
    if path is not None:
        return path.with_name(path.name + "-documents")
    return data_dir() / "documents"


def limit_from_environment() -> int:
    """$KRAKOW_DESK_DOCUMENT_LIMIT_MB (whole mebibytes), else 500 MB."""
    value = os.environ.get(LIMIT_ENV, "").strip()
    try:
        return int(value) * 1024 * 1024 if value and int(value) > 0 else DEFAULT_LIMIT
    except ValueError:
        return DEFAULT_LIMIT


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows cannot open folders and does not need it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    try:
        os.chmod(path, stat.S_IWRITE | stat.S_IREAD)   # Windows will not delete read-only files
    except OSError:
        pass
    path.unlink(missing_ok=True)


def sha256_of(path: Path, progress: Optional[Progress] = None, cancelled: Optional[CancelCheck] = None,
              done: int = 0, total: Optional[int] = None) -> str:
    digest = hashlib.sha256()
    total = path.stat().st_size if total is None else total
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            if cancelled is not None and cancelled():
                raise Cancelled
            digest.update(chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total)
    return digest.hexdigest()


class DocumentStore:
    def __init__(self, root: Path, max_bytes: Optional[int] = None) -> None:
        self.root = Path(root)
        self.max_bytes = limit_from_environment() if max_bytes is None else max_bytes

    def path_of(self, sha256: str, media_type: Optional[str]) -> Path:
        """Where content with this hash lives. Only a well-formed hash can make a path."""
        if not _NAME.fullmatch(sha256 or ""):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        kind = BY_MEDIA_TYPE.get(media_type or "")
        return self.root / sha256[:2] / (sha256 + (kind.extension if kind else ""))

    # --- writing ---------------------------------------------------------------------------

    def put(self, source: Path, name: Optional[str] = None, progress: Optional[Progress] = None,
            cancelled: Optional[CancelCheck] = None) -> Stored:
        """Copy the file at ``source`` into the store; ``name`` (default: the source's) only
        helps to recognise plain text. Raises NotAccepted, TooLarge, Cancelled or OSError."""
        source = Path(source)
        name = source.name if name is None else name
        info = source.stat()
        if not stat.S_ISREG(info.st_mode):
            raise NotAccepted("not-a-file")
        if info.st_size == 0:
            raise NotAccepted("empty")
        if info.st_size > self.max_bytes:
            raise TooLarge(info.st_size, self.max_bytes)
        kind = self._accepted(source, name)   # before copying: refuse a wrong file at once
        self.root.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=INCOMING, suffix=".part", dir=self.root)
        temp = Path(temporary)
        try:
            digest, size = self._copy(source, handle, info.st_size, progress, cancelled)
            if self._accepted(temp, name) != kind:   # what we keep is what we checked
                raise NotAccepted("type")
            return self._place(temp, digest, size, kind)
        except BaseException:
            _unlink(temp)
            raise

    def _accepted(self, path: Path, name: str) -> FileType:
        kind = detect(path, name)
        claimed = claimed_type(name)
        if kind is None:
            raise NotAccepted("type", None, claimed)
        if claimed is not None and claimed.family != kind.family:
            raise NotAccepted("mismatch", kind, claimed)
        return kind

    def _copy(self, source: Path, handle: int, total: int, progress: Optional[Progress],
              cancelled: Optional[CancelCheck]) -> tuple[str, int]:
        digest = hashlib.sha256()
        done = 0
        with open(handle, "wb") as target, open(source, "rb") as reader:
            if progress is not None:
                progress(0, total)
            while chunk := reader.read(CHUNK):
                if cancelled is not None and cancelled():
                    raise Cancelled
                done += len(chunk)
                if done > self.max_bytes:   # the file grew while we copied it
                    raise TooLarge(done, self.max_bytes)
                digest.update(chunk)
                target.write(chunk)
                if progress is not None:
                    progress(done, max(total, done))
            target.flush()
            os.fsync(target.fileno())
        return digest.hexdigest(), done

    def _place(self, temp: Path, digest: str, size: int, kind: FileType) -> Stored:
        target = self.path_of(digest, kind.media_type)
        target.parent.mkdir(exist_ok=True)
        if target.exists():
            try:
                intact = target.stat().st_size == size and sha256_of(target) == digest
            except OSError:
                intact = False
            if intact:
                _unlink(temp)
                return Stored(digest, size, kind, target, created=False)
            _unlink(target)   # an altered copy: the fresh one takes its place
        # Read-only, so that a viewer or editor opened on it cannot change what was attached;
        # readable by whoever may read the store's folder.
        os.chmod(temp, self.root.stat().st_mode & 0o444 or 0o400)
        os.replace(temp, target)
        _fsync_folder(target.parent)
        return Stored(digest, size, kind, target, created=True)

    def discard(self, sha256: str, media_type: Optional[str]) -> None:
        """Delete a stored file (the caller has made sure nothing refers to it)."""
        path = self.path_of(sha256, media_type)
        _unlink(path)
        try:
            path.parent.rmdir()   # only if empty
        except OSError:
            pass

    # --- reading and checking ----------------------------------------------------------------

    def verify(self, sha256: str, media_type: Optional[str], size: Optional[int] = None,
               progress: Optional[Progress] = None, cancelled: Optional[CancelCheck] = None) -> Path:
        """The stored file, after checking its content still has this hash.

        Raises Missing or Altered (or Cancelled)."""
        path = self.path_of(sha256, media_type)
        try:
            actual_size = path.stat().st_size
        except FileNotFoundError:
            raise Missing(path) from None
        if not path.is_file():
            raise Missing(path)
        if size is not None and actual_size != size:
            raise Altered(path)
        if sha256_of(path, progress, cancelled) != sha256:
            raise Altered(path)
        return path

    def files(self) -> Iterator[Path]:
        """Every file in the store, in a stable order (unfinished incoming files included)."""
        if not self.root.is_dir():
            return
        for path in sorted(self.root.rglob("*")):
            if path.is_file() or path.is_symlink():
                yield path

    def orphans(self, referenced: Iterable[Path], now: Optional[float] = None) -> list[Path]:
        """Files no row refers to: leftovers of removals or crashes, or put there by hand.

        An incoming file younger than STALE_AFTER is an attachment in progress, not an orphan.
        """
        wanted = set(referenced)
        now = time.time() if now is None else now
        result = []
        for path in self.files():
            if path in wanted:
                continue
            if path.name.startswith(INCOMING) and path.parent == self.root:
                try:
                    if now - path.stat().st_mtime < STALE_AFTER:
                        continue
                except OSError:
                    continue
            result.append(path)
        return result
