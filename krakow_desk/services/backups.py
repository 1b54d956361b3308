"""Backups and restore of a desk's database (SQLite file or PostgreSQL server).

Made by hand (``backup``), each day at start (``backup_if_due``), and before anything that
rewrites much at once: a migration, an import, a restore. After each automatic backup the
retention rule (store.backups.to_keep) prunes the folder.
"""

import datetime as dt
import shutil
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from krakow_desk.i18n import N_, _
from krakow_desk.services.errors import DeskError
from krakow_desk.services.storage import classify, storage_error
from krakow_desk.store import backups as files
from krakow_desk.store import copy, history, migrate
from krakow_desk.store.backups import BackupFile
from krakow_desk.store.engine import create_engine, sqlite_path

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

DUE_AFTER = dt.timedelta(days=1)
REASONS = {"daily": N_("daily"), "manual": N_("by hand"), "before-migration": N_("before an upgrade"),
           "before-import": N_("before an import"), "before-restore": N_("before a restore")}


def reason_text(reason: str) -> str:
    """Why a backup was made, as people say it."""
    return _(REASONS[reason]) if reason in REASONS else reason


def _now(now: Optional[dt.datetime]) -> dt.datetime:
    return now or dt.datetime.now(dt.timezone.utc)


def backups_folder(desk_or_engine: "Desk | Engine") -> Path:
    return files.backups_dir(_engine(desk_or_engine).url)


def _engine(desk_or_engine: "Desk | Engine") -> Engine:
    return desk_or_engine if isinstance(desk_or_engine, Engine) else desk_or_engine.engine


def list_backups(desk: "Desk") -> list[BackupFile]:
    """The desk's backups, newest first."""
    return files.list_backups(backups_folder(desk))


def write_backup(engine: Engine, target: Path) -> Path:
    """Write a checked backup of ``engine``'s database to ``target`` (replaced only when whole)."""
    try:
        source = sqlite_path(engine.url)
        if source is not None:
            return files.copy_sqlite(source, target)
        return _logical_backup(engine, target)
    except files.BackupFailed as error:
        raise DeskError(_("the backup copy did not pass SQLite's integrity check ({problem}); the "
                          "database may be damaged — run 'krakow-desk check'").format(problem=error)) from None
    except (sqlite3.Error, sa.exc.DBAPIError) as error:
        problem = classify(error)
        if problem is None:
            raise
        raise storage_error(problem, error) from None
    except OSError as error:
        raise DeskError(_("cannot write the backup {path}: {reason}").format(
            path=target, reason=error.strerror or error)) from None


def _logical_backup(engine: Engine, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = files.temp_beside(target)
    files.discard([temp])
    copy_engine = create_engine(f"sqlite:///{temp}")
    try:
        migrate.upgrade(copy_engine)
        # One snapshot of the server: a repeatable-read transaction sees every table as of its start.
        with engine.connect().execution_options(isolation_level="REPEATABLE READ") as source, \
                copy_engine.begin() as destination:
            copy.copy_rows(source, destination)
        copy_engine.dispose()
        files.finish(temp, target)
    except BaseException:
        copy_engine.dispose()
        files.discard([temp])
        raise
    return target


def backup(desk_or_engine: "Desk | Engine", output: Optional[Path] = None, reason: str = "manual",
           now: Optional[dt.datetime] = None) -> Path:
    """Back the database up to ``output``, or into its backups folder named by time and reason."""
    engine = _engine(desk_or_engine)
    if output is None:
        output = files.backups_dir(engine.url) / files.backup_name(_now(now), reason)
    return write_backup(engine, Path(output))


def automatic_backup(desk_or_engine: "Desk | Engine", reason: str, now: Optional[dt.datetime] = None) -> Path:
    """A backup into the folder, then the folder pruned by the retention rule."""
    path = backup(desk_or_engine, None, reason, now)
    files.prune(path.parent, _now(now))
    return path


def backup_if_due(desk: "Desk", now: Optional[dt.datetime] = None) -> Optional[Path]:
    """The daily backup: made when the newest backup is older than a day (or there is none)."""
    newest = list_backups(desk)
    if newest and _now(now) - newest[0].when < DUE_AFTER:
        return None
    return automatic_backup(desk, "daily", now)


def newest_good_backup(folder: Path) -> Optional[Path]:
    """The newest backup in ``folder`` that SQLite finds sound (a quick check)."""
    for candidate in files.list_backups(folder):
        try:
            if not files.check_file(candidate.path, quick=True):
                return candidate.path
        except (OSError, sqlite3.Error):
            continue
    return None


# --- restore --------------------------------------------------------------------------------

def _revision_of(path: Path) -> Optional[str]:
    connection = files.connect_read_only(path)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return row[0] if row else None


def check_backup(path: Path) -> str:
    """Refuse a file that is not a sound Krakow Desk backup this version can read; its revision."""
    if not path.is_file():
        raise DeskError(_("no backup file at {path}").format(path=path))
    problems = files.check_file(path)
    if problems == ["file is not a database"]:
        raise DeskError(_("{path} is not a Krakow Desk backup (not a SQLite database)").format(path=path))
    if problems:
        raise DeskError(_("the backup {path} is damaged: {problem}").format(path=path, problem=problems[0]))
    revision = _revision_of(path)
    if revision is None:
        raise DeskError(_("{path} is not a Krakow Desk backup (it has no schema version)").format(path=path))
    if not _known(revision):
        raise DeskError(_("the backup {path} was made by a newer version of Krakow Desk; update Krakow "
                          "Desk to restore it").format(path=path))
    return revision


def _known(revision: str) -> bool:
    from alembic.script import ScriptDirectory   # here: the window's start needs no Alembic
    try:
        return ScriptDirectory.from_config(migrate.alembic_config()).get_revision(revision) is not None
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown revision
        return False


@contextmanager
def _working_copy(path: Path) -> Iterator[Path]:
    """A copy of the backup brought to the current schema; the backup itself is never changed."""
    folder = Path(tempfile.mkdtemp(prefix="krakow-desk-restore-"))
    try:
        work = files.copy_sqlite(path, folder / "restore.sqlite3")
        engine = create_engine(f"sqlite:///{work}")
        try:
            migrate.upgrade(engine)
        finally:
            engine.dispose()
        yield work
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def restore(desk: "Desk", path: Path, now: Optional[dt.datetime] = None) -> Optional[Path]:
    """Replace the desk's data with the backup's. The current data is kept first as a
    before-restore backup (returned; None for an empty database). SQLite: through the backup API into the open database;
    PostgreSQL: deleted and copied in one transaction."""
    path = Path(path)
    check_backup(path)
    if getattr(desk, "read_only", False):
        raise DeskError(_("the database was opened read-only: it cannot be restored in this window"))
    # An empty database (a new server being filled from a desk file) has nothing to keep.
    kept = None if desk.is_empty() else automatic_backup(desk, "before-restore", now)
    with _working_copy(path) as work:
        restore_into(desk.engine, work)
    # The restored data brings its own history; it goes on with who restored it, and from what.
    with desk.writing() as session:
        history.append(session, actor=desk.actor, kind="database", record_key=path.name[:120],
                       record_id=None, action="restored",
                       changes={"backup": [None, path.name], "kept": [None, kept.name if kept else None]})
    return kept


def restore_into(engine: Engine, work: Path) -> None:
    """Load a sound SQLite file at the current schema into ``engine``'s database."""
    target = sqlite_path(engine.url)
    try:
        if target is not None:
            source = files.connect_read_only(work)
            try:
                with engine.connect() as connection:
                    raw = connection.connection.driver_connection
                    source.backup(raw)
            finally:
                source.close()
            engine.dispose()   # pooled connections must not keep pages of the old content
            return
        source_engine = create_engine(f"sqlite:///{work}")
        try:
            with source_engine.connect() as source, engine.begin() as destination:
                copy.copy_rows(source, destination)
        finally:
            source_engine.dispose()
    except (sqlite3.Error, sa.exc.OperationalError) as error:
        problem = classify(error)
        if problem is None:
            raise
        raise storage_error(problem, error) from None


def restore_file(database: Path, backup_path: Path) -> None:
    """Put a backup in place of a database file that is not there (one set aside as damaged)."""
    check_backup(backup_path)
    if database.exists():
        raise DeskError(_("{path} exists; restore into it with 'krakow-desk restore'").format(path=database))
    with _working_copy(backup_path) as work:
        files.copy_sqlite(work, database)
