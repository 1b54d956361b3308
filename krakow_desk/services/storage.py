"""Errors of the environment — a full disk, a read-only file, a lock, a damaged file — kept apart
from bugs and from the user's mistakes, each with a message that says what to do."""

from pathlib import Path
from typing import Literal, Optional

from krakow_desk.i18n import _
from krakow_desk.services.errors import DeskError

Problem = Literal["read-only", "disk-full", "locked", "damaged", "cannot-open"]

# SQLite's own words (sqlite3 error messages), and PostgreSQL's where they mean the same.
_PATTERNS: tuple[tuple[Problem, tuple[str, ...]], ...] = (
    ("read-only", ("attempt to write a readonly database", "readonly database",
                   "read-only transaction", "read only transaction")),
    ("disk-full", ("database or disk is full", "disk is full", "no space left on device",
                   "could not extend file", "disk full")),
    ("locked", ("database is locked", "database table is locked", "database is busy",
                "lock timeout", "could not obtain lock")),
    ("damaged", ("file is not a database", "database disk image is malformed", "file is encrypted or is not a database",
                 "malformed database schema")),
    ("cannot-open", ("unable to open database file", "disk i/o error", "permission denied",
                     "connection refused", "could not connect to server", "connection to server")),
)


def classify(error: BaseException) -> Optional[Problem]:
    """What kind of environment problem a database error is, or None for anything else (a bug,
    a broken rule). ``error`` may be SQLAlchemy's wrapper or the driver's own exception."""
    text = str(getattr(error, "orig", None) or error).lower()
    for problem, needles in _PATTERNS:
        if any(needle in text for needle in needles):
            return problem
    return None


class StorageError(DeskError):
    """The database cannot do what was asked because of its environment, not the input."""

    def __init__(self, problem: Problem, message: str) -> None:
        super().__init__(message)
        self.problem = problem


def storage_error(problem: Problem, error: BaseException, *, read_only: bool = False) -> StorageError:
    """The message a person reads for ``problem``; nothing typed into a form is lost by it."""
    reason = str(getattr(error, "orig", None) or error)
    if problem == "read-only" and read_only:
        message = _("the database was opened read-only (it is open elsewhere): nothing can be saved "
                    "in this window")
    elif problem == "read-only":
        message = _("the database file cannot be written (it or its folder is read-only): nothing "
                    "was saved — check the file's permissions")
    elif problem == "disk-full":
        message = _("the disk is full: nothing was saved — free some space, then save again")
    elif problem == "locked":
        message = _("the database is busy in another program: nothing was saved — try again in a "
                    "moment")
    elif problem == "damaged":
        message = _("the database file is damaged ({reason}) — restart Krakow Desk to set it aside and "
                    "restore a backup").format(reason=reason)
    else:
        message = _("cannot reach the database: {reason}").format(reason=reason)
    return StorageError(problem, message)


class DatabaseDamaged(StorageError):
    """A database file that is definitely damaged; it was moved aside, never overwritten."""

    def __init__(self, database: Path, moved_to: Path, reason: str, backup: Optional[Path]) -> None:
        self.database, self.moved_to, self.reason, self.backup = database, moved_to, reason, backup
        if backup is not None:
            advice = _("restore the newest good backup with: krakow-desk --db \"{db}\" restore \"{backup}\"").format(
                db=database, backup=backup)
        else:
            advice = _("there is no backup of it; 'krakow-desk init' starts a new database")
        super().__init__("damaged", _("the database {path} is damaged ({reason}); it was moved aside to "
                                      "{moved} — {advice}").format(
            path=database, reason=reason, moved=moved_to, advice=advice))


class OpenElsewhere(DeskError):
    """Another program holds the database for writing."""

    def __init__(self, database: str, user: str, host: str, since: str) -> None:
        self.user, self.host, self.since = user, host, since
        super().__init__(_("the database {path} is open in another Krakow Desk (user {user} on {host}, "
                           "since {since}); close it there first").format(
            path=database, user=user or "?", host=host or "?", since=since or "?"))
