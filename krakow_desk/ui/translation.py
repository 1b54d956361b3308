"""Qt's own catalog (qtbase), so that standard buttons — Save, Discard, Cancel — speak the language."""

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_NAME = "krakow_desk_qt_translator"


def install_qt_translator(language: str) -> None:
    app = QCoreApplication.instance()
    if app is None:
        return
    old = app.findChild(QTranslator, _NAME)
    if old is not None and old.property("language") == language:
        return
    if old is not None:
        app.removeTranslator(old)
        old.setObjectName("")      # deleted later: it must not be found again meanwhile
        old.deleteLater()
    translator = QTranslator(app)
    translator.setObjectName(_NAME)
    translator.setProperty("language", language)
    if translator.load(QLocale(language), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
