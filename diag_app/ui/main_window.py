"""The main window: menus, the workspace page and the assessment page (editor + result panel).

Start-up shows the window first; the questionnaire pack, the workspace database and the charts
(matplotlib) are loaded just after, so nothing heavy delays the first paint.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import PySide6
import shiboken6
from PySide6.QtCore import QTimer, qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
)

from .. import app_version
from ..i18n import tr
from . import actions
from . import settings as cfg
from .actions import LANGS
from .lazy import emit, run_in_background
from .qt_language import use_qt_language
from .window_pages import PageCommands
from .window_records import RecordCommands
from .window_workspace import WorkspaceCommands, open_ws

# The pages, dialogs and the model are imported where they are first built, after the window is on
# screen: the first paint needs only the menus and a loading label, and these modules cost more to
# import than all the rest of the start-up. (The loading job imports the pages the first clicks
# need, off the GUI thread: see ``_import_pages``.)
#
# Nor does the path to the first paint touch ``Qt``: PySide6 builds that namespace (a hundred-odd
# Python enums, ~50 ms) the first time it is used, so the methods that need it import it.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
    from PySide6.QtWidgets import QDialog, QMessageBox

    from ..model.questionnaire import Pack
    from ..progress import Progress
    from ..store import Workspace

PAINT_WAIT_MS = 300  # start() loads after the first paint, or after this long without one


def _default_pack() -> Pack:
    from ..packs import default_pack

    return default_pack()


def _find_pack(pack_id: str, version: str) -> Pack:
    from ..packs import find_pack

    return find_pack(pack_id, version)


def load_chart_module() -> ModuleType:
    """Import matplotlib and the report's chart functions (run off the GUI thread), and start the
    process that draws the result panel's charts, so it is warm by the time an assessment opens."""
    from ..report import charts
    from ..report.chart_process import renderer
    from ..report.fonts import register_matplotlib

    charts.import_matplotlib()  # the slow part: ~0.4 s
    register_matplotlib()
    renderer().start()  # after the import here, not beside it: two cores are often all there is
    return charts


def _import_pages() -> None:
    """Import the pages the first clicks build (run off the GUI thread, while the window says it
    is loading): imported on the GUI thread they froze it for ~0.1 s at the first click."""
    from . import editor, result_panel, workspace_page  # noqa: F401


class MainWindow(PageCommands, WorkspaceCommands, RecordCommands):
    def __init__(
        self,
        lang: str = "zh",
        db_path: str | Path | None = None,
        pack_loader: Callable[[], Pack] = _default_pack,
        pack_for: Callable[[str, str], Pack] = _find_pack,
        load_charts: bool = True,
    ):
        super().__init__(lang, db_path, pack_loader, pack_for, load_charts)
        self.setObjectName("mainWindow")
        use_qt_language(self.lang)  # Qt's own dialogs and menus speak the window's language
        self._missing_db: Path | None = None
        self.charts_loaded.connect(self._charts_for_pages)
        self.setCentralWidget(self.stack)
        self.statusBar().addPermanentWidget(self.db_label)

        self.setAcceptDrops(True)
        self.acts = actions.make_actions(self)
        self.watch.timeout.connect(self.poll_changes)
        self.undo_stack.indexChanged.connect(self._undo_changed)
        self.undo_stack.cleanChanged.connect(self._undo_changed)
        self.retranslate()
        self.setMinimumSize(960, 600)
        geometry = cfg.get_bytes(cfg.GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)

    # --- start-up -----------------------------------------------------------------------------------
    def start(self) -> None:
        """Load the pack and open the workspace off the GUI thread, then the charts; call after
        ``show()``.

        The loading starts once the window has been painted: the worker's imports (YAML, SQLite,
        the model) hold the GIL in long stretches, and started at once they delayed the first paint
        by ~0.1 s. A window that is never painted (minimised) starts loading after a moment anyway.
        """
        self.loading.setText(tr("ui.loading", self.lang))
        self._after_paint = self._load
        QTimer.singleShot(PAINT_WAIT_MS, self._painted)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._after_paint is not None:
            QTimer.singleShot(0, self._painted)  # after the rest of this frame is painted

    def _painted(self) -> None:
        then, self._after_paint = self._after_paint, None
        if then is not None:
            then()

    def _load(self) -> None:
        """The workspace to open: the one given with --db (for this session only), else the one
        last opened in the GUI, else the default. A remembered one that is gone is not silently
        made again: the window says so and offers to find it or start a new one."""
        requested = self.requested_db
        remembered = None if requested else (cfg.get_str(cfg.LAST_WORKSPACE) or None)
        missing = remembered is not None and not Path(remembered).exists()

        def work(_p: Progress) -> tuple[Pack, Path | None, Workspace | None, BaseException | None]:
            pack = self.pack_loader()
            from ..store import default_db_path

            if missing:
                _import_pages()
                return pack, None, None, None
            path = requested or (Path(remembered) if remembered else Path(default_db_path()))
            ws, err = open_ws(path)
            _import_pages()
            return pack, path, ws, err

        self._missing_db = Path(remembered) if missing and remembered else None

        # No progress dialog: the page itself says it is loading.
        job = run_in_background(
            self,
            work,
            tr("ui.loading", self.lang),
            self._started,
            lang=self.lang,
            cancellable=False,
            show_progress=False,
        )
        self.jobs.append(job)

    def _started(self, loaded: tuple[Pack, Path | None, Workspace | None, BaseException | None]) -> None:
        from .style import role
        from .workspace_page import WorkspacePage

        pack, path, ws, err = loaded
        self.pack = pack
        role(self.db_label, "muted")
        page = WorkspacePage(pack, self.lang)
        page.setObjectName("workspacePage")
        page.new_enterprise.connect(self.new_enterprise)
        page.edit_enterprise.connect(self.edit_enterprise)
        page.open_latest.connect(self.open_latest)
        page.new_assessment.connect(self.new_assessment)
        page.open_examples.connect(self.open_examples)
        page.delete_enterprise.connect(self.delete_enterprise)
        self.workspace_page = page
        self.stack.insertWidget(1, page)
        self.stack.setCurrentWidget(page)
        if path is not None:
            self._workspace_opened(path, ws, err, remember=self.requested_db is None)
        self.is_ready = True
        self._update_actions()
        emit(self.ready)
        if self._missing_db is not None:
            self.offer_missing(self._missing_db)
        if self.want_charts:
            QTimer.singleShot(0, self._start_charts)

    def _start_charts(self) -> None:
        def loaded(module: ModuleType) -> None:
            self.charts = module
            if self._result_panel is not None:
                self._result_panel.set_charts(module)
            emit(self.charts_loaded)

        def failed(exc: BaseException) -> None:
            self._charts_error = f"{type(exc).__name__}: {exc}"
            if self._result_panel is not None:
                self._result_panel.set_charts(None, self._charts_error)
            emit(self.charts_loaded)

        job = run_in_background(
            self,
            lambda _p: load_chart_module(),
            tr("ui.loading", self.lang),
            loaded,
            lang=self.lang,
            cancellable=False,
            on_error=failed,
            show_progress=False,
        )
        self.jobs.append(job)

    # --- commands -----------------------------------------------------------------------------------
    def action(self, command_id: str) -> QAction:
        """The window's action for a command of the table in actions.py."""
        return self.acts[command_id]

    def retranslate(self) -> None:
        QApplication.setApplicationDisplayName(tr("ui.app.title", self.lang))
        self.setWindowTitle(tr("ui.app.title", self.lang))
        actions.build_menus(self)
        if not self.is_ready:
            self.loading.setText(tr("ui.loading", self.lang))
        if self.db_path is not None:
            self.db_label.setText(tr("ui.status.workspace", self.lang, path=str(self.db_path)))
        self._update_actions()

    def _undo_changed(self, *_: object) -> None:
        if shiboken6.isValid(self.undo_stack) and shiboken6.isValid(self):  # not while the window goes
            self._update_actions()

    def _update_actions(self) -> None:
        actions.update_actions(self)

    def in_editor(self) -> bool:
        return self.editor is not None and self.stack.currentWidget() is self._assess_split

    def focus_find(self) -> None:
        if self.editor is not None and self.in_editor():
            self.editor.focus_search()
        elif self.workspace_page is not None:
            self.workspace_page.search.setFocus()
            self.workspace_page.search.selectAll()

    def next_unanswered(self) -> None:
        if self.editor is not None:
            self.show_assessment_page()
            self.editor.next_unanswered()

    def set_lang(self, lang: str) -> None:
        if lang not in LANGS or lang == self.lang:
            self.lang_actions.get(self.lang, self.lang_actions["zh"]).setChecked(True)
            return
        self.lang = lang
        self.lang_actions[lang].setChecked(True)
        cfg.put(cfg.LANGUAGE, lang)  # the next start speaks it too
        use_qt_language(lang)
        self.retranslate()
        if self.workspace_page is not None:
            self.workspace_page.set_lang(lang)
        if self._result_panel is not None:
            self._result_panel.set_lang(lang)
        if self.editor is not None:
            self.editor.set_lang(lang)
        for page in self._built_pages():
            page.set_lang(lang)
        from .help_dialog import HelpDialog

        if isinstance(self.dialog, HelpDialog) and self.dialog.isVisible():
            self.dialog.set_lang(lang)

    # --- help and about -----------------------------------------------------------------------------
    def show_help(self) -> QDialog:
        """The user guide, at the section for the page on screen (context help)."""
        from PySide6.QtCore import Qt

        from .help_dialog import SECTIONS, HelpDialog

        current = self.stack.currentWidget()
        pack = self.editor_pack if self.editor is not None and current is self._assess_split else self.pack
        dlg = HelpDialog(self.lang, SECTIONS.get(current.objectName() if current else "", ""), self, pack)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dlg
        dlg.open()
        return dlg

    def about_text(self) -> str:
        pack = self.pack
        return tr(
            "ui.about.body",
            self.lang,
            version=app_version(),
            pack=f"{pack.name.get(self.lang)} ({pack.id} {pack.version})" if pack else "—",
            qt=qVersion(),
            pyside=PySide6.__version__,
            python=f"{sys.version.split()[0]} ({sys.platform})",
        )

    def show_about(self) -> QMessageBox:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setWindowTitle(tr("ui.about.title", self.lang))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(tr("ui.app.title", self.lang))
        box.setInformativeText(self.about_text())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()
        return box

    # --- drag and drop: bundles dropped anywhere on the window are imported -------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        md = event.mimeData()
        local = [u.toLocalFile() for u in md.urls() if u.isLocalFile()] if md.hasUrls() else []
        if self.ws is not None and self.exports.importable(local):
            event.acceptProposedAction()
            self.statusBar().showMessage(tr("ui.import.drop_hint", self.lang), 3000)
            return
        event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        md = event.mimeData()
        paths = self.exports.importable([u.toLocalFile() for u in md.urls() if u.isLocalFile()]) if md.hasUrls() else []
        if self.ws is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        job = self.exports.import_files(paths)
        if job is not None:
            self.jobs.append(job)

    # --- closing ------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        cfg.put(cfg.GEOMETRY, self.saveGeometry())
        if self._assess_split is not None:  # never built: keep what the last session stored
            cfg.put(cfg.SPLITTER, self._assess_split.saveState())
        self.close_workspace()
        super().closeEvent(event)
