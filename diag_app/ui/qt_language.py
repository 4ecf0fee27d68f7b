"""Qt's own words in the user's language: file dialogs, context menus (Copy, Select All), standard
buttons and the calendar come from Qt's translations (qtbase_zh_CN.qm, shipped with PySide6) and
its locale, not from our catalogue."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []

LOCALES = {
    "zh": (QLocale.Language.Chinese, QLocale.Country.China),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
QT_CATALOGUES = {"zh": "qtbase_zh_CN"}  # English is Qt's own language


def use_qt_language(lang: str) -> bool:
    """Install Qt's translation and locale for ``lang`` (removing the previous one); False when
    the translation file is not there (Qt then speaks English)."""
    app = QCoreApplication.instance()
    language, country = LOCALES.get(lang, LOCALES["zh"])
    QLocale.setDefault(QLocale(language, country))
    if app is None:
        return False
    while _installed:
        app.removeTranslator(_installed.pop())
    name = QT_CATALOGUES.get(lang)
    if name is None:
        return True
    translator = QTranslator(app)
    if not translator.load(name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
