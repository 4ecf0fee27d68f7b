"""Start of the desktop app: ``diag-app`` with no command, or ``diag-app --db FILE --lang en``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the bundled CJK font as its font; reused if one exists."""
    os.environ.setdefault("QT_API", "pyside6")
    from PySide6.QtWidgets import QApplication

    from ..i18n import tr
    from .fonts import apply_app_font
    from .settings import APPLICATION, ORGANISATION

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(tr("ui.app.title"))
    apply_app_font(app)
    return app


def run(db_path: str | None = None, lang: str = "zh") -> int:
    app = create_app()
    from .main_window import MainWindow

    win = MainWindow(lang=lang, db_path=Path(db_path) if db_path else None)
    win.show()
    win.start()
    return int(app.exec())
