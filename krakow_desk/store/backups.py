"""Backup files: where they live, what they are called, how they are written and which are kept.

A backup is always a self-contained SQLite file at some schema revision. A SQLite database is
copied with SQLite's backup API (a consistent snapshot even while the window writes, never a
copy of a live file); a PostgreSQL database is copied table by table (store.copy). Every copy is
written under a temporary name, checked with ``PRAGMA integrity_check``, flushed to disk and only
then renamed into place: a backup file that exists is a whole, sound backup.

The folder: ``<dbfile>-backups/`` beside a database file, ``<data folder>/backups/<host>-<db>/``
for a server; ``$KRAKOW_DESK_BACKUPS`` puts them elsewhere. Names carry the UTC time and the
reason: ``krakow-desk-20261204T173000Z-daily.sqlite3``.
"""

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence
from urllib.parse import quote

import sqlalchemy as sa

from krakow_desk.store.engine import sqlite_path
from krakow_desk.store.paths import data_dir

BACKUPS_ENV = "KRAKOW_DESK_BACKUPS"
REASONS = ("daily", "manual", "before-migration", "before-import", "before-restore")
HEADER = b"SQLite format 3\x00"
_NAME = re.compile(r"^krakow-desk-(\d{8}T\d{6})(\d{6})?Z-([a-z-]+)\.sqlite3$")
_STAMP = "%Y%m%dT%H%M%S"


class BackupFailed(Exception):
    """A copy that could not be written or did not pass its check; nothing was left behind."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    when: dt.datetime        # UTC, aware
    reason: str
    size: int


# --- where and what -------------------------------------------------------------------------

def backups_dir(url: sa.URL | str) -> Path:
    override = os.environ.get(BACKUPS_ENV)
    if override:
        return Path(override).expanduser()
    url = sa.make_url(url) if isinstance(url, str) else url
    path = sqlite_path(url)
    if path is not None:
        return path.with_name(path.name + "-backups")
    name = f"{url.host or 'local'}-{url.database or 'default'}"
    return data_dir() / "backups" / re.sub(r"[^A-Za-z0-9._-]", "_", name)


def backup_name(when: dt.datetime, reason: str) -> str:
    # Microseconds keep two backups in one second apart (a migration right after a daily one).
    when = when.astimezone(dt.timezone.utc)
    return f"krakow-desk-{when.strftime(_STAMP)}{when.microsecond:06d}Z-{reason}.sqlite3"


def parse_name(path: Path) -> Optional[tuple[dt.datetime, str]]:
    match = _NAME.match(path.name)
    if not match or match.group(3) not in REASONS:
        return None
    when = dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.timezone.utc)
    return when.replace(microsecond=int(match.group(2) or 0)), match.group(3)


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in ``folder``, newest first (files of other names are left alone)."""
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            parsed = parse_name(path)
            if parsed is None or not path.is_file():
                continue
            try:
                size = path.stat().st_size
            except OSError:
                continue
            found.append(BackupFile(path, parsed[0], parsed[1], size))
    return sorted(found, key=lambda backup: backup.when, reverse=True)


# --- retention ------------------------------------------------------------------------------

def to_keep(times: Sequence[dt.datetime], now: dt.datetime, *, days: int = 7, weeks: int = 4,
            months: int = 12, newest: int = 5) -> set[dt.datetime]:
    """Which backup times to keep: the newest of each of the last ``days`` days, of each of the
    last ``weeks`` ISO weeks and of each of the last ``months`` months, and always the ``newest``
    few. Periods are counted back from ``now`` in UTC, the current one included."""
    ordered = sorted(times, reverse=True)
    keep = set(ordered[:newest])
    today = now.astimezone(dt.timezone.utc).date()
    day_set = {today - dt.timedelta(days=n) for n in range(days)}
    week_set = {(today - dt.timedelta(weeks=n)).isocalendar()[:2] for n in range(weeks)}
    month_set = set()
    year, month = today.year, today.month
    for _ in range(months):
        month_set.add((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    seen: dict[object, dt.datetime] = {}
    for when in ordered:    # newest first: the first one met in a period is that period's newest
        day = when.astimezone(dt.timezone.utc).date()
        for period, wanted in ((("d", day), day in day_set),
                               (("w", day.isocalendar()[:2]), day.isocalendar()[:2] in week_set),
                               (("m", (day.year, day.month)), (day.year, day.month) in month_set)):
            if wanted and period not in seen:
                seen[period] = when
                keep.add(when)
    return keep


def prune(folder: Path, now: Optional[dt.datetime] = None) -> list[Path]:
    """Delete the backups the retention rule does not keep; returns what was deleted."""
    backups = list_backups(folder)
    keep = to_keep([b.when for b in backups], now or dt.datetime.now(dt.timezone.utc))
    removed = []
    for backup in backups:
        if backup.when not in keep:
            try:
                backup.path.unlink()
                removed.append(backup.path)
            except OSError:
                pass   # a backup we could not delete is one more kept, never a failure
    return removed


# --- checking SQLite files ------------------------------------------------------------------

def has_sqlite_header(path: Path) -> bool:
    """False for a file that is certainly not a SQLite database; an empty file is one (new)."""
    with open(path, "rb") as handle:
        start = handle.read(len(HEADER))
    return start == HEADER or start == b""


def integrity_problems(connection: sqlite3.Connection, quick: bool = False) -> list[str]:
    pragma = "quick_check" if quick else "integrity_check"
    rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
    return [] if rows == ["ok"] else rows


def check_file(path: Path, quick: bool = False) -> list[str]:
    """Problems SQLite sees in a database file (read-only); [] when sound."""
    if not has_sqlite_header(path):
        return ["file is not a database"]
    connection = connect_read_only(path)
    try:
        return integrity_problems(connection, quick)
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        connection.close()


def connect_read_only(path: Path, timeout: float = 5) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path), safe='/:')}?mode=ro", uri=True, timeout=timeout)


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":   # pragma: no cover - Windows cannot open a folder for fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def finish(temp: Path, target: Path) -> None:
    """Make ``temp`` (a closed SQLite file) a self-contained, checked file at ``target``."""
    connection = sqlite3.connect(temp)
    try:
        # A copy of a WAL database is in WAL mode too; a backup must be one file.
        connection.execute("PRAGMA journal_mode=DELETE")
        problems = integrity_problems(connection)
    finally:
        connection.close()
    if problems:
        raise BackupFailed("; ".join(problems[:5]))
    with open(temp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(temp, target)
    _fsync_folder(target.parent)


def temp_beside(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.partial")


def discard(paths: Iterable[Path]) -> None:
    for path in paths:
        for extra in ("", "-journal", "-wal", "-shm"):
            try:
                Path(str(path) + extra).unlink()
            except FileNotFoundError:
                pass


def copy_sqlite(source: Path | sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of a SQLite database through the backup API, checked, then renamed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_beside(target)
    discard([temp])
    own = not isinstance(source, sqlite3.Connection)
    src = connect_read_only(source, timeout=30) if own else source
    try:
        destination = sqlite3.connect(temp)
        try:
            src.backup(destination)
        finally:
            destination.close()
        finish(temp, target)
    except BaseException:
        discard([temp])
        raise
    finally:
        if own:
            src.close()
    return target
