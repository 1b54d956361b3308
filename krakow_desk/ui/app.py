"""Starting the desktop application."""

import sys
from typing import Optional

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from krakow_desk.i18n import _, language
from krakow_desk.services.errors import DeskError
from krakow_desk.store.paths import APP_AUTHOR, APP_NAME


def make_application(argv: Optional[list[str]] = None) -> QApplication:
    # Names are set before anything asks Qt for standard paths.
    QCoreApplication.setOrganizationName(APP_AUTHOR)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    qt_translator = QTranslator(app)
    if qt_translator.load(QLocale(language()), "qtbase", "_",
                          QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
    return app  # type: ignore[return-value]


def run(db: Optional[str]) -> int:
    from krakow_desk.services.setup import open_ready
    from krakow_desk.ui.main_window import MainWindow

    app = make_application()
    try:
        desk, _report = open_ready(db)
    except DeskError as error:
        QMessageBox.critical(None, _("Krakow Desk"), error.message)
        return 1
    with desk:
        window = MainWindow(desk)
        window.show()
        return app.exec()
