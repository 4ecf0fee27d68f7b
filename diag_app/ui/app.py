"""Start of the desktop app: ``diag-app`` with no command, or ``diag-app --db FILE --lang en``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def remembered_lang() -> str:
    """The language chosen last time in the GUI (View → Language), else Chinese."""
    from . import settings as cfg

    lang = cfg.get_str(cfg.LANGUAGE)
    return lang if lang in ("zh", "en") else "zh"


def create_app(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    """The QApplication with the bundled CJK font as its font and Qt's own words (dialogs, menus)
    in ``lang`` (default: the remembered language); reused if one exists."""
    os.environ.setdefault("QT_API", "pyside6")
    from PySide6.QtWidgets import QApplication

    from ..i18n import tr
    from .fonts import apply_app_font
    from .qt_language import use_qt_language
    from .settings import APPLICATION, ORGANISATION

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    lang = lang or remembered_lang()
    app.setApplicationDisplayName(tr("ui.app.title", lang))
    use_qt_language(lang)
    apply_app_font(app)
    return app


def run(db_path: str | None = None, lang: str | None = None) -> int:
    """Open the window: on ``db_path`` for this session only (it is not remembered), else on the
    workspace opened last in the GUI, else on the default one. ``lang`` None: the remembered one."""
    from .platform_check import platform_problem

    problem = platform_problem()
    if problem is not None:  # Qt would abort with a message that names the wrong thing
        from ..i18n import tr

        sys.stderr.write(tr(problem[0], lang or remembered_lang(), **problem[1]) + "\n")
        return 1
    lang = lang or remembered_lang()
    app = create_app(lang=lang)
    from .main_window import MainWindow

    win = MainWindow(lang=lang, db_path=Path(db_path) if db_path else None)
    win.show()
    win.start()
    code = int(app.exec())
    exit_now(code)
    return code  # not reached


def exit_now(code: int) -> None:
    """End the process as soon as the window has closed. Everything that has to outlive it is
    done by then (closeEvent saved the settings and closed the workspace); what is left is the
    interpreter tearing down thousands of Qt and Python objects, ~0.5 s that the user waits for
    after Ctrl+Q with nothing to show for it. Background work still running is cancelled first
    (an export or import stops where it leaves nothing half-written) and given a moment."""
    from PySide6.QtCore import QThreadPool

    from .background import Job

    for job in list(Job._active):
        job.progress.cancel()
    QThreadPool.globalInstance().waitForDone(2000)
    charts = sys.modules.get("diag_app.report.chart_process")
    renderer = getattr(charts, "_renderer", None)
    if renderer is not None:
        renderer.close(wait=False)  # its pipe closes: the chart process ends by itself
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
