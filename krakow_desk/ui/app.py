"""Starting the desktop application."""

import logging
import sys
from types import TracebackType
from typing import Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from krakow_desk import i18n
from krakow_desk.i18n import _
from krakow_desk.resources import icons_dir
from krakow_desk.services.errors import DeskError
from krakow_desk.store.paths import APP_AUTHOR, APP_NAME
from krakow_desk.ui.translation import install_qt_translator

log = logging.getLogger(__name__)


def make_application(argv: Optional[list[str]] = None) -> QApplication:
    # Names are set before anything asks Qt for standard paths.
    QCoreApplication.setOrganizationName(APP_AUTHOR)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    install_qt_translator(i18n.language())
    app.setWindowIcon(QIcon(str(icons_dir() / "krakow-desk-256.png")))
    app.setDesktopFileName("pl.krakow.KrakowDesk")   # Wayland matches the window to its menu entry
    return app  # type: ignore[return-value]


def _excepthook(window_getter):  # noqa: ANN001, ANN202
    """An exception escaping a slot becomes a dialog, not a crash or a silent failure."""
    def hook(kind: type[BaseException], error: BaseException, tb: Optional[TracebackType]) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        from krakow_desk.ui.dialogs import show_error
        log.error("uncaught", exc_info=(kind, error, tb))
        show_error(window_getter(), error)
    return hook


def run(db: Optional[str], language: Optional[str] = None) -> int:
    """Open the window. ``language`` comes from --lang; without it, the one chosen in Settings."""
    from krakow_desk.store.engine import sqlite_path
    from krakow_desk.store.lock import DatabaseLock, Locked, on_network_share
    from krakow_desk.store.paths import resolve_db
    from krakow_desk.ui import settings as opt
    from krakow_desk.ui.main_window import MainWindow, apply_history_name
    from krakow_desk.ui.settings import Settings
    from krakow_desk.ui.storage_dialogs import ask_read_only, warn_network_share

    settings = Settings()
    if language is None:
        i18n.set_language(settings.get(opt.LANGUAGE))
    app = make_application()
    path = sqlite_path(resolve_db(db))
    lock: Optional[DatabaseLock] = None
    read_only, verify = False, None
    if path is not None:
        share = on_network_share(path)
        if share:
            warn_network_share(None, str(path), share)
        try:
            lock = DatabaseLock.acquire(path)
            # After a crash the file deserves SQLite's quick_check, whatever its size.
            verify = True if lock.last_session_crashed else None
        except Locked as error:
            if not ask_read_only(None, str(path), error.holder):
                return 1
            read_only = True
        except OSError as error:   # a folder we may not write in: say so rather than crash
            QMessageBox.critical(None, _("Krakow Desk"), str(error))
            return 1
    try:
        desk = open_window_desk(db, read_only=read_only, verify=verify)
        if desk is None:
            return 1
        with desk:
            apply_history_name(desk, settings.get(opt.HISTORY_NAME))
            window = MainWindow(desk, settings)
            sys.excepthook = _excepthook(lambda: window)
            window.show()
            if not read_only:
                start_daily_backup(window)
            return app.exec()
    finally:
        if lock is not None:
            lock.release()   # a clean end: the next start knows this one did not crash


def open_window_desk(db: Optional[str], *, read_only: bool, verify: Optional[bool]):  # noqa: ANN201
    """The desk for the window, or None when the user chose to quit. A damaged file is set aside
    by the services; the user picks the newest good backup, a new database, or quitting."""
    from krakow_desk.services import backups
    from krakow_desk.services.desk import Desk
    from krakow_desk.services.setup import open_ready
    from krakow_desk.services.storage import DatabaseDamaged
    from krakow_desk.ui.storage_dialogs import DamagedDialog

    while True:
        try:
            if read_only:
                return Desk.open(db, read_only=True, verify=False)
            return open_ready(db, verify=verify)[0]
        except DatabaseDamaged as damaged:
            dialog = DamagedDialog(damaged)
            dialog.exec()
            if dialog.choice == "quit":
                return None
            if dialog.choice == "restore" and damaged.backup is not None:
                try:
                    backups.restore_file(damaged.database, damaged.backup)
                except DeskError as error:
                    QMessageBox.critical(None, _("Krakow Desk"), error.message)
                    return None
            verify = False   # a restored backup was checked; a new file has nothing to check
        except DeskError as error:
            QMessageBox.critical(None, _("Krakow Desk"), error.message)
            return None


def start_daily_backup(window) -> None:  # noqa: ANN001
    """The day's first start backs the database up, off the GUI thread; a failure is shown."""
    from krakow_desk.services.backups import backup_if_due
    from krakow_desk.ui.tasks import run_task

    def done(path: object) -> None:
        if path is not None:
            window.statusBar().showMessage(_("Today's backup was made: {path}").format(path=path), 10000)
    run_task(lambda: backup_if_due(window.desk), done, window.show_error, owner=window)
