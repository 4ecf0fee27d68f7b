"""The main window's pages: the assessment page (editor beside the result panel), what-if,
history and portfolio, each built the first time it is wanted, and the commands that show them.
A mixin of ``MainWindow`` (its methods take the window as ``self``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..i18n import tr
from . import settings as cfg
from .lazy import present_error
from .window_parts import WindowParts

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter

    from ..model.assessment import Plan
    from .exports import Exports
    from .history_page import HistoryPage
    from .portfolio_page import PortfolioPage
    from .result_panel import ResultPanel
    from .whatif_page import WhatIfPage


class PageCommands(WindowParts):
    # --- parts built on first use -------------------------------------------------------------------
    @property
    def assess_split(self) -> QSplitter:
        """The assessment page: the editor (once one is open) beside the result panel."""
        if self._assess_split is None:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QSplitter

            from .result_margins import go_to_item
            from .result_panel import ResultPanel

            split = QSplitter(Qt.Orientation.Horizontal)
            split.setObjectName("assessmentSplitter")
            self.editor_holder = QWidget()
            self.editor_layout = QVBoxLayout(self.editor_holder)
            self.editor_layout.setContentsMargins(0, 0, 0, 0)
            panel = ResultPanel(self.lang)
            panel.margins.item_chosen.connect(lambda item: go_to_item(self, item))  # result_margins.py
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
            page.plans_changed.connect(self._plans_changed)
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

    def _built_pages(self) -> list[WhatIfPage | HistoryPage | PortfolioPage]:
        return [p for p in (self._whatif_page, self._history_page, self._portfolio_page) if p is not None]

    # --- pages ------------------------------------------------------------------------------------
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

    def _plans_changed(self, uuid: str, before: tuple[Plan, ...], after: tuple[Plan, ...]) -> None:
        from .undo import FunctionCommand

        self.undo_stack.push(
            FunctionCommand(
                self,
                tr("ui.undo.plans", self.lang, n=len(after)),
                lambda: self.apply_plans(uuid, after),
                lambda: self.apply_plans(uuid, before),
            )
        )

    def apply_plans(self, uuid: str, plans: tuple[Plan, ...]) -> None:
        """Save plans for undo or redo and show them where they are on screen."""
        assert self.ws is not None
        self.ws.set_plans(uuid, plans)
        a = self.ws.load_assessment(uuid)
        if self.editor is not None and self.editor.uuid == uuid:
            self.editor.assessment = a
        page = self._whatif_page
        if page is not None and page.uuid == uuid and self.editor_pack is not None and self.ws is not None:
            page.show_assessment(self.ws, self.editor_pack, uuid, a, page.final)
        self.statusBar().showMessage(tr("ui.whatif.saved", self.lang), 5000)

    def _plans_saved(self) -> None:
        saved = self.whatif_page.assessment  # loaded by the page right after saving
        if self.editor is not None and saved is not None and saved.uuid == self.editor.uuid:
            self.editor.assessment = saved  # the plans ride along with the answers the editor saves
        self.statusBar().showMessage(tr("ui.whatif.saved", self.lang), 5000)
