"""Opening a database safely: a damaged file is set aside (never overwritten), an older schema is
backed up before it is migrated, and the environment's refusals become StorageErrors.

Damage is acted on only when it is certain — a file without SQLite's header, SQLite saying "file
is not a database" or "database disk image is malformed", or a ``quick_check`` that is not ok.
A lock, a permission, a missing server never move anything.
"""

import datetime as dt
import os
import time
from pathlib import Path
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from krakow_desk.i18n import _
from krakow_desk.services.errors import DeskError
from krakow_desk.services.storage import DatabaseDamaged, StorageError, classify, storage_error
from krakow_desk.store import backups as files
from krakow_desk.store import migrate
from krakow_desk.store.engine import create_engine, read_only_url, sqlite_path

# PRAGMA quick_check reads every page: measured here at 1.5-3 ms per MiB (Krakow's own 1.2 MB file:
# a few ms; with `demo --scale 100`, 11 MiB: 30 ms; `--scale 1000`, 100k records in 99 MiB:
# 150-230 ms; a synthetic 233 MiB file: 480 ms). Files up to this
# size (~100 ms) are checked at every start; larger ones only when the last session did not end
# cleanly (the lock file tells), and every day by the daily backup's integrity check of its copy.
QUICK_CHECK_LIMIT = 32 * 1024 * 1024
last_quick_check_seconds: Optional[float] = None   # for the curious (tests, benchmarks)


def _no_database(where: str) -> DeskError:
    return DeskError(_("no Krakow Desk database at {path} — create it with 'krakow-desk init'").format(
        path=where))


def set_aside(path: Path, reason: str, now: Optional[dt.datetime] = None) -> StorageError:
    """Move a damaged file (with its -wal and -shm) to ``<name>.damaged-<UTC time>``; the error
    to raise, naming where it went and the newest good backup (DatabaseDamaged). A file another
    program holds the lock of is left where it is (a plain StorageError)."""
    from krakow_desk.store.lock import DatabaseLock, Locked, held_here
    if not held_here(path):
        # Another program may be using the file: moving it from under it would make things worse.
        try:
            DatabaseLock.acquire(path).release()
        except Locked:
            return storage_error("damaged", Exception(reason))
    stamp = (now or dt.datetime.now(dt.timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    moved = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm", "-journal"):
        companion = Path(str(path) + suffix)
        if companion.exists():
            os.replace(companion, Path(str(moved) + suffix))
    os.replace(path, moved)
    from krakow_desk.services.backups import newest_good_backup
    return DatabaseDamaged(path, moved, reason, newest_good_backup(files.backups_dir(f"sqlite:///{path}")))


def _damage(path: Path, verify: Optional[bool]) -> Optional[str]:
    """Why the file is certainly damaged, or None. OSError (permission…) passes through."""
    global last_quick_check_seconds
    if not files.has_sqlite_header(path):
        return "file is not a database"
    if verify is False or (verify is None and path.stat().st_size > QUICK_CHECK_LIMIT):
        return None
    import sqlite3
    started = time.perf_counter()
    connection = files.connect_read_only(path)
    try:
        problems = files.integrity_problems(connection, quick=True)
    except sqlite3.DatabaseError as error:
        if classify(error) != "damaged":
            return None   # locked, unreadable: not damage; the open that follows will say
        problems = [str(error)]
    finally:
        connection.close()
        last_quick_check_seconds = time.perf_counter() - started
    return "; ".join(problems[:3]) if problems else None


def open_engine(url: str, *, create: bool, read_only: bool = False, verify: Optional[bool] = None) -> Engine:
    """An engine on a sound database at the current schema (see Desk.open)."""
    path = sqlite_path(url)
    if path is not None and path.exists() and path.stat().st_size > 0:
        try:
            reason = _damage(path, verify)
        except OSError as error:
            raise storage_error("cannot-open", error) from None
        if reason is not None and read_only:   # open elsewhere: not ours to move
            raise storage_error("damaged", Exception(reason))
        if reason is not None:
            raise set_aside(path, reason)
    if read_only and create:
        raise DeskError(_("a database opened read-only cannot be created or upgraded"))
    if path is not None and read_only:
        engine = create_engine(read_only_url(path))
    else:
        engine = create_engine(url)
        if read_only:
            engine = engine.execution_options(postgresql_readonly=True)
    try:
        current = migrate.current_revision(engine)
        if create:
            if current is not None and current != migrate.head_revision():
                from krakow_desk.services.backups import automatic_backup
                automatic_backup(engine, "before-migration")
            migrate.upgrade(engine)
        elif current is None:
            raise _no_database(engine.url.render_as_string(hide_password=True))
        elif current != migrate.head_revision():
            raise DeskError(_("the database is from another version of Krakow Desk — "
                              "upgrade it with 'krakow-desk init'"))
    except sa.exc.DBAPIError as error:
        engine.dispose()
        problem = classify(error)
        if problem == "damaged" and path is not None and path.exists() and not read_only:
            raise set_aside(path, str(error.orig)) from None
        if problem is not None:
            raise storage_error(problem, error, read_only=read_only) from None
        if isinstance(error, sa.exc.OperationalError):
            raise DeskError(_("cannot open the database: {reason}").format(reason=error.orig)) from None
        raise
    except BaseException:
        engine.dispose()
        raise
    return engine


def storage_failure(error: BaseException, read_only: bool) -> BaseException:
    """The StorageError for a database error raised in a unit of work, or the error itself."""
    if not isinstance(error, sa.exc.DBAPIError) or isinstance(error, sa.exc.IntegrityError):
        return error
    problem = classify(error)
    return error if problem is None else storage_error(problem, error, read_only=read_only)
