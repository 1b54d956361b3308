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
    from krakow_desk.services.setup import open_ready
    from krakow_desk.ui import settings as opt
    from krakow_desk.ui.main_window import MainWindow

    if language is None:
        from krakow_desk.ui.settings import Settings
        i18n.set_language(Settings().get(opt.LANGUAGE))
    app = make_application()
    try:
        desk, _report = open_ready(db)
    except DeskError as error:
        QMessageBox.critical(None, _("Krakow Desk"), error.message)
        return 1
    with desk:
        window = MainWindow(desk)
        sys.excepthook = _excepthook(lambda: window)
        window.show()
        return app.exec()
