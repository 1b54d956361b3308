"""The maintenance commands — backup, restore, check — and the lock every writing command holds.

Kept apart from cli.py, which registers the commands; like there, heavy modules are imported
inside the commands so that ``--help`` answers at once.
"""

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from krakow_desk.i18n import _, ngettext

EXIT_OK, EXIT_USER = 0, 1


def add_commands(commands: "argparse._SubParsersAction") -> None:
    backup = commands.add_parser("backup", help=_("back the database up, or list its backups"),
                                 description=_("Write a checked copy of the database: into its backups "
                                               "folder (beside the database file, or under the data "
                                               "folder for a server), or to the file given with -o. "
                                               "--list shows the backups kept."))
    backup.add_argument("-o", "--output", metavar=_("FILE"), help=_("file to write the backup to"))
    backup.add_argument("--list", action="store_true", help=_("list the backups: date, reason, size, path"))
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser("restore", help=_("replace the data with a backup's"),
                                  description=_("Check the backup file, keep the current data as a "
                                                "'before-restore' backup, then replace the database's "
                                                "content with the backup's. A backup made by an older "
                                                "version is brought up to date on a copy. A SQLite "
                                                "backup can be restored into a PostgreSQL database: "
                                                "this is how a desk file moves to a shared server."))
    restore.add_argument("file", metavar=_("FILE"), help=_("the backup file"))
    restore.set_defaults(handler=cmd_restore)

    check = commands.add_parser("check", help=_("check the database and its documents"),
                                description=_("Check the database file's integrity and references, "
                                              "every attached document against its checksum, and "
                                              "files in the documents folder that no record refers "
                                              "to. Exits with 1 and lists the problems if any."))
    check.set_defaults(handler=cmd_check)


def _when(text: str) -> str:
    return text[:16].replace("T", " ") + " UTC" if text else "?"


@contextmanager
def writing(db: Optional[str], *, needed: bool = True) -> Iterator[Optional[bool]]:
    """Hold the database file's lock while a command writes; yields whether to run SQLite's
    quick_check on opening (True after a session that did not end cleanly, else None: the
    default). A server's database has no lock file: the server takes care of its writers."""
    from krakow_desk.services.storage import OpenElsewhere
    from krakow_desk.store.engine import sqlite_path
    from krakow_desk.store.lock import DatabaseLock, Locked, on_network_share
    from krakow_desk.store.paths import resolve_db

    path = sqlite_path(resolve_db(db)) if needed else None
    if path is None:
        yield None
        return
    share = on_network_share(path)
    if share:
        print(_("krakow-desk: warning: the database is on a network share ({kind}); SQLite's locking "
                "is not reliable there and the file can be damaged — a shared office database "
                "belongs on a PostgreSQL server").format(kind=share), file=sys.stderr)
    try:
        lock = DatabaseLock.acquire(path)
    except Locked as error:
        holder = error.holder
        raise OpenElsewhere(str(path), holder.user, holder.host, _when(holder.since)) from None
    with lock:
        yield True if lock.last_session_crashed else None


def cmd_backup(args: argparse.Namespace) -> int:
    from krakow_desk.formatting import format_date
    from krakow_desk.services import backups
    from krakow_desk.services.backups import reason_text
    from krakow_desk.services.documents import format_size
    from krakow_desk.services.desk import Desk
    from krakow_desk.text_table import columns

    with Desk.open(args.db) as desk:
        if args.list:
            found = backups.list_backups(desk)
            if not found:
                print(_("No backups yet in {path}").format(path=backups.backups_folder(desk)))
                return EXIT_OK
            rows = [(_("date"), _("reason"), _("size"), _("file"))]
            rows += [(f"{format_date(b.when.date())} {b.when.strftime('%H:%M')} UTC", reason_text(b.reason),
                      format_size(b.size), str(b.path)) for b in found]
            print("\n".join(columns(rows, rule=True)))
            return EXIT_OK
        written = backups.backup(desk, Path(args.output) if args.output else None, "manual")
    print(_("Backup written to {path}").format(path=written))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from krakow_desk.services import backups
    from krakow_desk.services.desk import Desk
    from krakow_desk.store.engine import sqlite_path
    from krakow_desk.store.paths import resolve_db

    source = Path(args.file)
    backups.check_backup(source)   # a wrong file is refused before anything else is touched
    with writing(args.db) as verify:
        target = sqlite_path(resolve_db(args.db))
        if target is not None and not target.exists():
            # The database was set aside as damaged (or never made): the backup takes its place.
            backups.restore_file(target, source)
            print(_("Restored {backup} as {path}").format(backup=source, path=target))
            return EXIT_OK
        with Desk.open(args.db, create=True, verify=verify) as desk:
            kept = backups.restore(desk, source)
            where = desk.location
    if kept is None:
        print(_("Restored {backup} into {path}").format(backup=source, path=where))
    else:
        print(_("Restored {backup} into {path}; the data it replaced is kept in {kept}").format(
            backup=source, path=where, kept=kept))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from krakow_desk.services.desk import Desk
    from krakow_desk.services.health import check

    with Desk.open(args.db, verify=True) as desk:
        report = check(desk)
        where = desk.location
    if report.ok:
        print(_("No problems found in {path}").format(path=where))
        return EXIT_OK
    for problem in report.problems:
        print(f"{problem.area}: {problem.message}")
    count = len(report.problems)
    print(ngettext("{count} problem found in {path}", "{count} problems found in {path}", count).format(
        count=count, path=where),
          file=sys.stderr)
    return EXIT_USER
