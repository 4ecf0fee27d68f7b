"""The main window: menus, the workspace page and the assessment page (editor + result panel).

Start-up shows the window first; the questionnaire pack, the workspace database and the charts
(matplotlib) are loaded just after, so nothing heavy delays the first paint.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import PySide6
from PySide6.QtCore import QTimer, Signal, qVersion
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import app_version
from ..i18n import tr
from . import settings as cfg

# The pages, dialogs and the model are imported where they are first built, after the window is on
# screen: the first paint needs only the menus and a loading label, and these modules cost more to
# import than all the rest of the start-up. (The loading job imports the pages the first clicks
# need, off the GUI thread: see ``_import_pages``.)
#
# Nor does the path to the first paint touch ``Qt``: PySide6 builds that namespace (a hundred-odd
# Python enums, ~50 ms) the first time it is used, so the methods that need it import it.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
    from PySide6.QtWidgets import QDialog, QMessageBox, QSplitter

    from ..model.questionnaire import Pack
    from .assessment_dialog import NewAssessmentDialog
    from .editor import AssessmentEditor
    from .enterprise_dialog import EnterpriseDialog
    from .exports import Exports
    from .history_page import HistoryPage
    from .portfolio_page import PortfolioPage
    from .result_panel import ResultPanel
    from .whatif_page import WhatIfPage
    from .workspace_page import WorkspacePage

LANGS = ("zh", "en")
PAINT_WAIT_MS = 300  # start() loads after the first paint, or after this long without one


def _centred(w: QWidget) -> QWidget:
    """``w`` in the middle of a page, by stretches (no Qt.AlignmentFlag: see the note on Qt above)."""
    page = QWidget()
    rows, row = QVBoxLayout(page), QHBoxLayout()
    row.addStretch(1)
    row.addWidget(w)
    row.addStretch(1)
    rows.addStretch(1)
    rows.addLayout(row)
    rows.addStretch(1)
    return page


def present_error(parent: QWidget | None, exc: BaseException, lang: str) -> None:
    from .errors import present_error as present

    present(parent, exc, lang)


def emit(signal: Any, *args: Any) -> None:
    from .signals import emit as emit_safely

    emit_safely(signal, *args)


def run_in_background(*args: Any, **kwargs: Any) -> Any:
    from .background import run_in_background as run

    return run(*args, **kwargs)


def _default_pack() -> Pack:
    from ..packs import default_pack

    return default_pack()


def _find_pack(pack_id: str, version: str) -> Pack:
    from ..packs import find_pack

    return find_pack(pack_id, version)


def load_chart_module() -> Any:
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


def _open_ws(path: Path) -> tuple[Any, BaseException | None]:
    """Open a workspace (on a worker thread); an error is returned, not raised, so the caller
    can offer the newest backup for a damaged database."""
    from ..store import Workspace

    try:
        return Workspace.open(path), None
    except Exception as exc:
        return None, exc


class MainWindow(QMainWindow):
    ready = Signal()  # pack and workspace loaded
    workspace_changed = Signal()
    charts_loaded = Signal()

    def __init__(
        self,
        lang: str = "zh",
        db_path: str | Path | None = None,
        pack_loader: Callable[[], Pack] = _default_pack,
        pack_for: Callable[[str, str], Pack] = _find_pack,
        load_charts: bool = True,
    ):
        super().__init__()
        self.setObjectName("mainWindow")
        self.lang = lang if lang in LANGS else "zh"
        self.requested_db = Path(db_path) if db_path else None
        self.pack_loader = pack_loader
        self.pack_for = pack_for
        self.want_charts = load_charts
        self.pack: Pack | None = None
        self.ws: Any = None
        self.db_path: Path | None = None
        self.workspace_page: WorkspacePage | None = None
        self.editor: AssessmentEditor | None = None
        self.editor_pack: Pack | None = None
        self.is_ready = False
        self.listing: Any = None  # the job reading the enterprise list, while one runs
        self._listing_gen = 0
        self.charts: Any = None
        self._charts_error = ""
        self._after_paint: Callable[[], None] | None = None  # what start() runs once the window is painted
        self.dialog: QDialog | None = None  # the dialog currently open (tests look here)
        self.jobs: list[Any] = []

        self.stack = QStackedWidget()
        self.loading = QLabel()
        self.loading.setObjectName("loadingLabel")
        self.stack.addWidget(_centred(self.loading))
        # Built the first time they are wanted (see the properties below), after the first paint.
        self._assess_split: QSplitter | None = None
        self._result_panel: ResultPanel | None = None
        self._whatif_page: WhatIfPage | None = None
        self._history_page: HistoryPage | None = None
        self._portfolio_page: PortfolioPage | None = None
        self._exports: Exports | None = None
        self.charts_loaded.connect(self._charts_for_pages)
        self.setCentralWidget(self.stack)
        self.db_label = QLabel()  # empty until a workspace is open; its style comes then (_started)
        self.statusBar().addPermanentWidget(self.db_label)

        self.setAcceptDrops(True)
        self._make_actions()
        self.retranslate()
        self.setMinimumSize(960, 600)
        geometry = cfg.get_bytes(cfg.GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)

    # --- parts built on first use -------------------------------------------------------------------
    @property
    def assess_split(self) -> QSplitter:
        """The assessment page: the editor (once one is open) beside the result panel."""
        if self._assess_split is None:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QSplitter

            from .result_panel import ResultPanel

            split = QSplitter(Qt.Orientation.Horizontal)
            split.setObjectName("assessmentSplitter")
            self.editor_holder = QWidget()
            self.editor_layout = QVBoxLayout(self.editor_holder)
            self.editor_layout.setContentsMargins(0, 0, 0, 0)
            panel = ResultPanel(self.lang)
            if self.charts is not None or self._charts_error:
                panel.set_charts(self.charts, self._charts_error)
            split.addWidget(self.editor_holder)
            split.addWidget(panel)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 1)
            split.setSizes([930, 430])
            state = cfg.get_bytes(cfg.SPLITTER)
            if state is not None:
                split.restoreState(state)
            self._assess_split, self._result_panel = split, panel
            self.stack.addWidget(split)
        return self._assess_split

    @property
    def result_panel(self) -> ResultPanel:
        if self._result_panel is None:
            self.assess_split  # noqa: B018  (builds the panel with its page)
        assert self._result_panel is not None
        return self._result_panel

    @property
    def whatif_page(self) -> WhatIfPage:
        if self._whatif_page is None:
            from .whatif_page import WhatIfPage

            page = WhatIfPage(self.lang)
            page.back.connect(self.show_assessment_page)
            page.plans_saved.connect(self._plans_saved)
            self.stack.addWidget(page)
            self._whatif_page = page
        return self._whatif_page

    @property
    def history_page(self) -> HistoryPage:
        if self._history_page is None:
            from .history_page import HistoryPage

            page = HistoryPage(self.lang)
            page.back.connect(self.show_workspace)
            page.open_revision.connect(self.open_assessment)
            page.set_charts(self.charts is not None)
            self.stack.addWidget(page)
            self._history_page = page
        return self._history_page

    @property
    def portfolio_page(self) -> PortfolioPage:
        if self._portfolio_page is None:
            from .portfolio_page import PortfolioPage

            page = PortfolioPage(self.lang)
            page.back.connect(self.show_workspace)
            page.open_enterprise.connect(self.open_latest)
            page.set_charts(self.charts is not None)
            self.stack.addWidget(page)
            self._portfolio_page = page
        return self._portfolio_page

    @property
    def exports(self) -> Exports:
        if self._exports is None:
            from .exports import Exports

            self._exports = Exports(self)
        return self._exports

    def _built_pages(self) -> list[Any]:
        return [p for p in (self._whatif_page, self._history_page, self._portfolio_page) if p is not None]

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
        requested = self.requested_db or self._remembered_db()

        def work(_p: Any) -> tuple[Pack, Path, Any, BaseException | None]:
            pack = self.pack_loader()
            from ..store import default_db_path

            path = requested or Path(default_db_path())
            ws, err = _open_ws(path)
            _import_pages()
            return pack, path, ws, err

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

    def _started(self, loaded: tuple[Pack, Path, Any, BaseException | None]) -> None:
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
        self.workspace_page = page
        self.stack.insertWidget(1, page)
        self.stack.setCurrentWidget(page)
        self._workspace_opened(path, ws, err)
        self.is_ready = True
        self._update_actions()
        emit(self.ready)
        if self.want_charts:
            QTimer.singleShot(0, self._start_charts)

    def _remembered_db(self) -> Path | None:
        last = cfg.get_str(cfg.LAST_WORKSPACE)
        return Path(last) if last and Path(last).exists() else None

    def _start_charts(self) -> None:
        def loaded(module: Any) -> None:
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

    # --- workspace ----------------------------------------------------------------------------------
    def open_workspace(self, path: str | Path) -> Any:
        """Open another workspace database; the checks on opening run in the background."""
        path = Path(path)
        return run_in_background(
            self,
            lambda _p: (path, *_open_ws(path)),
            tr("ui.opening", self.lang, path=str(path)),
            lambda r: self._workspace_opened(*r),
            lang=self.lang,
            cancellable=False,
        )

    def _workspace_opened(self, path: Path, ws: Any, err: BaseException | None) -> bool:
        if err is not None:
            from ..store import DatabaseCorrupt

            if isinstance(err, DatabaseCorrupt):
                self._offer_restore(path, err)
            else:
                present_error(self, err, self.lang)
            return False
        self.close_workspace()
        self.ws = ws
        self.db_path = path
        cfg.put(cfg.LAST_WORKSPACE, str(path))
        self.db_label.setText(tr("ui.status.workspace", self.lang, path=str(path)))
        self.refresh_enterprises()
        self.show_workspace()
        self._update_actions()
        emit(self.workspace_changed)
        return True

    def _offer_restore(self, path: Path, exc: Any) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from .errors import error_text

        what, detail, hint = error_text(exc, self.lang)
        box = QMessageBox(self)
        box.setObjectName("restoreBox")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(tr("ui.app.title", self.lang))
        box.setText(what)
        box.setInformativeText(f"{detail}\n\n{hint}")
        restore = None
        backups = list(getattr(exc, "backups", []) or [])
        if backups:
            restore = box.addButton(tr("ui.restore.newest", self.lang), QMessageBox.ButtonRole.AcceptRole)
        other = box.addButton(tr("ui.restore.other", self.lang), QMessageBox.ButtonRole.ActionRole)
        box.addButton(tr("ui.cancel", self.lang), QMessageBox.ButtonRole.RejectRole)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def clicked(button: Any) -> None:
            if restore is not None and button is restore:
                self.restore_newest(path, backups[0])
            elif button is other:
                self.choose_workspace()

        box.buttonClicked.connect(clicked)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()

    def restore_newest(self, path: Path, backup: Path) -> bool:
        from ..store import restore_backup

        try:
            restore_backup(backup, path)
        except Exception as exc:
            present_error(self, exc, self.lang)
            return False
        self.statusBar().showMessage(tr("ui.restore.done", self.lang, backup=str(backup)), 10000)
        self.open_workspace(path)
        return True

    def close_workspace(self) -> None:
        self.close_editor()
        if self.ws is not None:
            try:
                self.ws.close()
            except Exception as exc:
                present_error(self, exc, self.lang)
            self.ws = None

    def choose_workspace(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(self.db_path.parent) if self.db_path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, tr("ui.menu.open_workspace", self.lang), start, tr("ui.file_filter.db", self.lang)
        )
        if path:
            self.open_workspace(path)

    def choose_new_workspace(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(self.db_path.parent) if self.db_path else ""
        path, _ = QFileDialog.getSaveFileName(
            self, tr("ui.menu.new_workspace", self.lang), start, tr("ui.file_filter.db", self.lang)
        )
        if path:
            self.open_workspace(path)

    def refresh_enterprises(self, select: str | None = None) -> Any:
        """Read the enterprise list again and show it, then select ``select`` (a credit code), else
        the enterprise selected before. The query and the table's sort keys and search texts run
        off the GUI thread (10,000 enterprises: ~0.2 s); a newer refresh supersedes one still
        running. ``self.listing`` is the job while one runs."""
        if self.ws is None or self.workspace_page is None:
            return None
        from .workspace_page import listing

        ws, page = self.ws, self.workspace_page
        pack, lang = page.model.pack, page.model.lang
        self._listing_gen += 1
        gen = self._listing_gen

        def done(rows: Any) -> None:
            if gen != self._listing_gen:
                return
            self.listing = None
            if ws is self.ws:
                page.set_rows(rows, select)

        def failed(exc: BaseException) -> None:
            if gen == self._listing_gen:
                self.listing = None
                present_error(self, exc, self.lang)

        self.listing = run_in_background(
            self,
            lambda _p: listing(ws.list_enterprises(), pack, lang),
            tr("ui.ws.listing", self.lang),
            done,
            lang=self.lang,
            cancellable=False,
            on_error=failed,
        )
        return self.listing

    def show_workspace(self) -> None:
        if self.workspace_page is None:
            return
        if self.editor is not None:
            self.refresh_enterprises(select=self.editor.assessment.enterprise.credit_code)
        self.stack.setCurrentWidget(self.workspace_page)
        self.workspace_page.view.setFocus()
        self._update_actions()

    def show_assessment_page(self) -> None:
        if self.editor is not None:
            self.stack.setCurrentWidget(self.assess_split)
            self._update_actions()

    def show_whatif(self) -> WhatIfPage | None:
        """The renewal and what-if page for the assessment open in the editor."""
        ed = self.editor
        if ed is None or self.ws is None or self.editor_pack is None:
            return None
        self.whatif_page.show_assessment(self.ws, self.editor_pack, ed.uuid, ed.assessment, ed.read_only)
        self.stack.setCurrentWidget(self.whatif_page)
        self._update_actions()
        return self.whatif_page

    def show_history(self, code: str | None = None) -> HistoryPage | None:
        """The timeline and comparison of the current (or given) enterprise's assessments."""
        if self.ws is None:
            return None
        code = code or self.exports._current_code()
        if not code:
            return None
        try:
            self.history_page.show_enterprise(self.ws, self.pack_for, code)
        except Exception as exc:
            present_error(self, exc, self.lang)
            return None
        self.stack.setCurrentWidget(self.history_page)
        self._update_actions()
        return self.history_page

    def show_portfolio(self) -> PortfolioPage | None:
        """The dashboard over the whole workspace (scored in the background)."""
        if self.ws is None or self.pack is None:
            return None
        self.jobs.append(self.portfolio_page.refresh(self.ws, self.pack, self.pack_for))
        self.stack.setCurrentWidget(self.portfolio_page)
        self._update_actions()
        return self.portfolio_page

    def _charts_for_pages(self) -> None:
        ready = self.charts is not None
        if self._history_page is not None:
            self._history_page.set_charts(ready)
        if self._portfolio_page is not None:
            self._portfolio_page.set_charts(ready)

    def _plans_saved(self) -> None:
        if self.editor is not None:  # the plans ride along with the answers the editor saves
            self.editor.assessment = self.ws.load_assessment(self.editor.uuid)
        self.statusBar().showMessage(tr("ui.whatif.saved", self.lang), 5000)

    # --- enterprises --------------------------------------------------------------------------------
    def _exists(self, code: str) -> bool:
        return self.ws is not None and self.ws.get_enterprise(code) is not None

    def new_enterprise(self) -> EnterpriseDialog | None:
        if self.pack is None or self.ws is None:
            return None
        from .enterprise_dialog import EnterpriseDialog

        dlg = EnterpriseDialog(self.pack, self.lang, None, self._exists, self)
        dlg.accepted.connect(lambda: self._save_enterprise(dlg, new=True))
        self.dialog = dlg
        dlg.open()
        return dlg

    def edit_enterprise(self, code: str | None = None) -> EnterpriseDialog | None:
        if self.pack is None or self.ws is None:
            return None
        if not code:
            if self.editor is not None:
                code = self.editor.assessment.enterprise.credit_code
            elif self.workspace_page is not None:
                code = self.workspace_page.current_code()
        if not code:
            return None
        e = self.ws.get_enterprise(code)
        if e is None:
            return None
        from .enterprise_dialog import EnterpriseDialog

        dlg = EnterpriseDialog(self.pack, self.lang, e, None, self)
        dlg.accepted.connect(lambda: self._save_enterprise(dlg, new=False))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _save_enterprise(self, dlg: EnterpriseDialog, new: bool) -> None:
        e = dlg.enterprise()
        try:
            self.ws.upsert_enterprise(e)
        except Exception as exc:
            present_error(self, exc, self.lang)
            return
        self.refresh_enterprises(select=e.credit_code)
        self.statusBar().showMessage(tr("ui.ent.saved", self.lang, name=e.name), 5000)
        if self.editor is not None and self.editor.assessment.enterprise.credit_code == e.credit_code:
            self.editor.load()
            self.result_panel.show_assessment(self.editor.pack, self.editor.assessment)

    # --- assessments --------------------------------------------------------------------------------
    def open_latest(self, code: str) -> None:
        if self.ws is None:
            return
        try:
            rows = self.ws.list_assessments(code)  # newest first
        except Exception as exc:
            present_error(self, exc, self.lang)
            return
        if rows:
            self.open_assessment(rows[0].uuid)
        else:
            self.new_assessment(code)

    def new_assessment(self, code: str | None = None) -> NewAssessmentDialog | None:
        if self.ws is None or self.pack is None:
            return None
        code = code or (self.workspace_page.current_code() if self.workspace_page else None)
        if not code:
            return None
        e = self.ws.get_enterprise(code)
        if e is None:
            return None
        from .assessment_dialog import NewAssessmentDialog

        dlg = NewAssessmentDialog(self.lang, e.name, self)
        dlg.accepted.connect(lambda: self._create_assessment(e, dlg.values()))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _create_assessment(self, enterprise: Any, values: dict[str, str]) -> str | None:
        assert self.pack is not None
        try:
            uuid = self.ws.create_assessment(enterprise, self.pack.id, self.pack.version, **values)
        except Exception as exc:
            present_error(self, exc, self.lang)
            return None
        self.open_assessment(uuid)
        return str(uuid)

    def open_assessment(self, uuid: str) -> AssessmentEditor | None:
        if self.ws is None:
            return None
        from .editor import AssessmentEditor

        try:
            a = self.ws.load_assessment(uuid)
            pack = self.pack_for(a.pack_id, a.pack_version)
            editor = AssessmentEditor(self.ws, pack, uuid, self.lang)
        except Exception as exc:
            present_error(self, exc, self.lang)
            return None
        self.close_editor()
        self.editor = editor
        self.editor_pack = pack
        editor.changed.connect(lambda a: self.result_panel.show_assessment(pack, a))
        editor.status_changed.connect(self.refresh_enterprises)
        editor.back.connect(self.show_workspace)
        self.assess_split  # noqa: B018  (the page the editor goes on, built on first use)
        self.editor_layout.addWidget(editor)
        self.result_panel.show_assessment(pack, editor.assessment, now=True)
        self.show_assessment_page()
        # After any dialog that led here has closed and handed focus back:
        QTimer.singleShot(0, lambda: self._focus_first_card(editor))
        return editor

    def _focus_first_card(self, editor: AssessmentEditor) -> None:
        if self.editor is not editor:
            return
        page = editor.built.get(editor.current_page)
        if page is not None and page.cards:
            editor.focus_card(page.cards[0])

    def close_editor(self) -> None:
        if self.editor is None:
            return
        fw = self.focusWidget()
        if fw is not None and self.editor.isAncestorOf(fw):
            fw.clearFocus()  # a field being edited saves on losing focus
        self.editor_layout.removeWidget(self.editor)
        self.editor.setParent(None)
        self.editor.deleteLater()
        self.editor = None
        if self._result_panel is not None:
            self._result_panel.clear()

    # --- menus --------------------------------------------------------------------------------------
    def _action(self, name: str, slot: Callable[[], Any], *keys: Any) -> QAction:
        act = QAction(self)
        act.setObjectName(name)
        shortcuts = []
        for k in keys:
            seqs = QKeySequence.keyBindings(k) if isinstance(k, QKeySequence.StandardKey) else [QKeySequence(k)]
            shortcuts += [s for s in seqs if not s.isEmpty()]
        if shortcuts:
            act.setShortcuts(shortcuts)
        # (a QAction's shortcut works anywhere in its window by default: Qt.ShortcutContext not touched)
        act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)
        return act

    def _make_actions(self) -> None:
        sk = QKeySequence.StandardKey
        self.act_new_ent = self._action("actNewEnterprise", self.new_enterprise, sk.New)
        self.act_new_assess = self._action("actNewAssessment", self.new_assessment, "Ctrl+Shift+A")
        self.act_open = self._action("actOpenWorkspace", self.choose_workspace, sk.Open)
        self.act_new_ws = self._action("actNewWorkspace", self.choose_new_workspace, "Ctrl+Shift+N")
        self.act_quit = self._action("actQuit", self.close, sk.Quit, "Ctrl+Q")
        self.act_find = self._action("actFind", self._find, sk.Find)
        self.act_next = self._action("actNextUnanswered", self._next_unanswered, "Ctrl+J")
        self.act_edit_ent = self._action("actEditEnterprise", self.edit_enterprise, "Ctrl+E")
        self.act_view_ws = self._action("actViewWorkspace", self.show_workspace, "Ctrl+1")
        self.act_view_assess = self._action("actViewAssessment", self.show_assessment_page, "Ctrl+2")
        self.act_help = self._action("actHelp", self.show_help, sk.HelpContents, "F1")
        self.act_about = self._action("actAbout", self.show_about)
        self.act_export_report = self._action("actExportReport", lambda: self.exports.choose_report(), "Ctrl+Shift+E")
        self.act_export_bundle = self._action("actExportBundle", lambda: self.exports.choose_bundle(), "Ctrl+Shift+B")
        self.act_import = self._action("actImport", lambda: self.exports.choose_import(), "Ctrl+I")
        self.act_view_whatif = self._action("actViewWhatIf", self.show_whatif, "Ctrl+3")
        self.act_view_history = self._action("actViewHistory", self.show_history, "Ctrl+4")
        self.act_view_portfolio = self._action("actViewPortfolio", self.show_portfolio, "Ctrl+5")
        self.lang_group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        for lg in LANGS:
            act = QAction(self)
            act.setObjectName(f"actLang_{lg}")
            act.setCheckable(True)
            act.setChecked(lg == self.lang)
            act.triggered.connect(lambda _c=False, lg=lg: self.set_lang(lg))
            self.lang_group.addAction(act)
            self.lang_actions[lg] = act
        # Deduplicate shortcuts that StandardKey and the explicit key share.
        for act in (self.act_quit, self.act_help):
            seen: list[QKeySequence] = []
            for s in act.shortcuts():
                if all(s != o for o in seen):
                    seen.append(s)
            act.setShortcuts(seen)

    def retranslate(self) -> None:
        lang = self.lang
        QApplication.setApplicationDisplayName(tr("ui.app.title", lang))
        self.setWindowTitle(tr("ui.app.title", lang))
        mb = self.menuBar()
        mb.clear()
        for act, key in (
            (self.act_new_ent, "new_enterprise"),
            (self.act_new_assess, "new_assessment"),
            (self.act_open, "open_workspace"),
            (self.act_new_ws, "new_workspace"),
            (self.act_quit, "quit"),
            (self.act_find, "find"),
            (self.act_next, "next_unanswered"),
            (self.act_edit_ent, "edit_enterprise"),
            (self.act_view_ws, "view_workspace"),
            (self.act_view_assess, "view_assessment"),
            (self.act_help, "help_contents"),
            (self.act_about, "about"),
            (self.act_export_report, "export_report"),
            (self.act_export_bundle, "export_bundle"),
            (self.act_import, "import"),
            (self.act_view_whatif, "view_whatif"),
            (self.act_view_history, "view_history"),
            (self.act_view_portfolio, "view_portfolio"),
        ):
            act.setText(tr(f"ui.menu.{key}", lang))
        self.lang_actions["zh"].setText("简体中文")
        self.lang_actions["en"].setText("English")
        m = mb.addMenu(tr("ui.menu.file", lang))
        m.addActions([self.act_new_ent, self.act_new_assess])
        m.addSeparator()
        m.addActions([self.act_open, self.act_new_ws])
        m.addSeparator()
        m.addActions([self.act_import, self.act_export_bundle, self.act_export_report])
        m.addSeparator()
        m.addAction(self.act_quit)
        m = mb.addMenu(tr("ui.menu.edit", lang))
        m.addActions([self.act_find, self.act_next])
        m.addSeparator()
        m.addAction(self.act_edit_ent)
        m = mb.addMenu(tr("ui.menu.view", lang))
        m.addActions([self.act_view_ws, self.act_view_assess, self.act_view_whatif, self.act_view_history])
        m.addAction(self.act_view_portfolio)
        m.addSeparator()
        sub = m.addMenu(tr("ui.menu.language", lang))
        sub.addActions(list(self.lang_actions.values()))
        m = mb.addMenu(tr("ui.menu.help", lang))
        m.addAction(self.act_help)
        m.addSeparator()
        m.addAction(self.act_about)
        if not self.is_ready:
            self.loading.setText(tr("ui.loading", lang))
        if self.db_path is not None:
            self.db_label.setText(tr("ui.status.workspace", lang, path=str(self.db_path)))
        self._update_actions()

    def _update_actions(self) -> None:
        has_ws = self.ws is not None
        self.act_new_ent.setEnabled(has_ws)
        self.act_new_assess.setEnabled(has_ws)
        self.act_edit_ent.setEnabled(has_ws)
        in_editor = self.editor is not None and self.stack.currentWidget() is self._assess_split
        self.act_find.setEnabled(in_editor or has_ws)
        self.act_next.setEnabled(self.editor is not None)
        self.act_view_assess.setEnabled(self.editor is not None)
        for act in (self.act_export_report, self.act_export_bundle, self.act_import):
            act.setEnabled(has_ws)
        self.act_view_whatif.setEnabled(self.editor is not None)
        self.act_view_history.setEnabled(has_ws)
        self.act_view_portfolio.setEnabled(has_ws and self.pack is not None)

    def _find(self) -> None:
        if self.editor is not None and self.stack.currentWidget() is self._assess_split:
            self.editor.focus_search()
        elif self.workspace_page is not None:
            self.workspace_page.search.setFocus()
            self.workspace_page.search.selectAll()

    def _next_unanswered(self) -> None:
        if self.editor is not None:
            self.show_assessment_page()
            self.editor.next_unanswered()

    def set_lang(self, lang: str) -> None:
        if lang not in LANGS or lang == self.lang:
            self.lang_actions.get(self.lang, self.lang_actions["zh"]).setChecked(True)
            return
        self.lang = lang
        self.lang_actions[lang].setChecked(True)
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
        dlg = HelpDialog(self.lang, SECTIONS.get(current.objectName() if current else "", ""), self)
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
        self.jobs.append(self.exports.import_files(paths))

    # --- closing ------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        cfg.put(cfg.GEOMETRY, self.saveGeometry())
        if self._assess_split is not None:  # never built: keep what the last session stored
            cfg.put(cfg.SPLITTER, self._assess_split.saveState())
        self.close_workspace()
        super().closeEvent(event)
