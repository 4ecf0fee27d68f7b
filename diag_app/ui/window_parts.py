"""What the parts of the main window share: its state, made once here, and the commands one part
calls on another (declared for the type checker). ``MainWindow`` is this plus the command mixins
in window_pages.py, window_workspace.py and window_records.py, and the actions of actions.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from .actions import LANGS

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QActionGroup
    from PySide6.QtWidgets import QDialog, QSplitter

    from ..model.questionnaire import Pack
    from ..store import Workspace
    from .background import Job
    from .editor import AssessmentEditor
    from .exports import Exports
    from .history_page import HistoryPage
    from .portfolio_page import PortfolioPage
    from .result_panel import ResultPanel
    from .whatif_page import WhatIfPage
    from .workspace_page import WorkspacePage


def centred(w: QWidget) -> QWidget:
    """``w`` in the middle of a page, by stretches (no Qt.AlignmentFlag: see main_window.py)."""
    page = QWidget()
    rows, row = QVBoxLayout(page), QHBoxLayout()
    row.addStretch(1)
    row.addWidget(w)
    row.addStretch(1)
    rows.addStretch(1)
    rows.addLayout(row)
    rows.addStretch(1)
    return page


class WindowParts(QMainWindow):
    ready = Signal()  # pack and workspace loaded
    workspace_changed = Signal()
    charts_loaded = Signal()

    def __init__(
        self,
        lang: str,
        db_path: str | Path | None,
        pack_loader: Callable[[], Pack],
        pack_for: Callable[[str, str], Pack],
        load_charts: bool,
    ):
        super().__init__()
        self.lang = lang if lang in LANGS else "zh"
        self.requested_db = Path(db_path) if db_path else None
        self.pack_loader = pack_loader
        self.pack_for = pack_for
        self.want_charts = load_charts
        self.pack: Pack | None = None
        self.ws: Workspace | None = None
        self.db_path: Path | None = None
        self.workspace_page: WorkspacePage | None = None
        self.editor: AssessmentEditor | None = None
        self.editor_pack: Pack | None = None
        self.is_ready = False
        self.listing: Job | None = None  # the job reading the enterprise list, while one runs
        self._listing_gen = 0
        self.charts: ModuleType | None = None  # the report's chart module, once loaded
        self._charts_error = ""
        self._after_paint: Callable[[], None] | None = None  # what start() runs once the window is painted
        self.dialog: QDialog | None = None  # the dialog currently open (tests look here)
        self.jobs: list[Job] = []
        self.acts: dict[str, QAction] = {}  # one per command of actions.COMMANDS
        self.lang_group: QActionGroup
        self.lang_actions: dict[str, QAction] = {}

        self.watch = QTimer(self)  # looks for changes made elsewhere to the open workspace (poll_changes)
        self.watch.setInterval(2000)
        self._seen_version = 0
        self.undo_stack: QUndoStack = QUndoStack(self)  # answers, notes, evidence, plans, deletions (undo.py)
        self.stack = QStackedWidget()
        self.loading = QLabel()
        self.loading.setObjectName("loadingLabel")
        self.stack.addWidget(centred(self.loading))
        self.db_label = QLabel()  # empty until a workspace is open; its style comes then
        # Built the first time they are wanted (window_pages.py), after the first paint.
        self._assess_split: QSplitter | None = None
        self._result_panel: ResultPanel | None = None
        self._whatif_page: WhatIfPage | None = None
        self._history_page: HistoryPage | None = None
        self._portfolio_page: PortfolioPage | None = None
        self._exports: Exports | None = None
        self.editor_holder: QWidget  # made with the assessment page
        self.editor_layout: QVBoxLayout

    if TYPE_CHECKING:  # what one part calls on another; each is defined once, in one part

        @property
        def assess_split(self) -> QSplitter: ...
        @property
        def result_panel(self) -> ResultPanel: ...
        @property
        def exports(self) -> Exports: ...
        def show_workspace(self) -> None: ...
        def show_assessment_page(self) -> None: ...
        def refresh_enterprises(self, select: str | None = None) -> Job | None: ...
        def choose_workspace(self) -> None: ...
        def open_workspace(self, path: str | Path) -> Job: ...
        def close_editor(self) -> None: ...
        def open_assessment(self, uuid: str) -> AssessmentEditor | None: ...
        def open_latest(self, code: str) -> None: ...
        def new_assessment(self, code: str | None = None) -> object: ...
        def _update_actions(self) -> None: ...
        def in_editor(self) -> bool: ...
        def _plans_saved(self) -> None: ...
        def apply_answer(self, uuid: str, item_id: str, value: float | bool | str | None, note: str) -> None: ...
        def undo_failed(self, exc: BaseException) -> None: ...
