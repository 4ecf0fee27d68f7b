"""The guided interview: the editor asks level by level across the sub-domains, only the items
whose answer can still change the result (model/guided.py), and stops asking higher levels once a
level is clearly not met. The user can always go on with the next level, or leave the guide.

A batch is one level's open items that still count (grouped by sub-domain), then the conditions,
indicators and scenarios the tiers still wait for. A batch stays on screen while it is answered;
when its last item is answered the next batch comes, and when nothing can change the result any
more the guide says so and offers the next level anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..describe import level_name
from ..i18n import tr
from ..model.guided import Outlook, level_items, outlook
from ..model.questionnaire import Requirement
from .editor_pages import Item, Page, PageSpec
from .style import role

if TYPE_CHECKING:
    from .editor import AssessmentEditor


class Guide(QObject):
    def __init__(self, editor: AssessmentEditor):
        super().__init__(editor)
        self.editor = editor
        self.active = False
        self.page: Page | None = None
        self.done_panel: QWidget | None = None
        self.beyond: int | None = None  # a level asked although the result no longer depends on it
        self.batch: list[str] = []

    # --- on and off -------------------------------------------------------------------------------
    def start(self) -> None:
        self.active = True
        self.beyond = None
        self.next_batch()

    def stop(self) -> None:
        """Back to the pages, at the page of the card last answered."""
        if not self.active:
            return
        self.active = False
        self.drop()
        ed = self.editor
        card = ed.current_card
        idx = ed.page_of.get(card.item_id, 0) if card is not None else max(ed.current_page, 0)
        ed.current_page = -1
        ed.go_page(idx, focus=False)
        ed.btn_guided.setChecked(False)

    def drop(self) -> None:
        ed = self.editor
        for w in (self.page, self.done_panel):
            if w is not None:
                ed.stack.removeWidget(w)
                w.deleteLater()
        self.page = self.done_panel = None
        ed.current_card = None

    # --- batches ----------------------------------------------------------------------------------
    def _items(self, o: Outlook) -> tuple[str, list[Item]]:
        """The title and items of the next batch."""
        ed = self.editor
        pack, a, lang = ed.pack, ed.assessment, ed.lang
        if o.remaining:
            level = o.asking_level
            if level is not None:
                ids = [i for i in o.remaining if getattr(pack.item(i), "level", None) == level]
                if any(isinstance(pack.item(i), Requirement) for i in ids):
                    title = tr("ui.guide.level", lang, level=level_name(pack, level, lang), n=len(ids))
                    return title, [it for i in ids if (it := _item(ed, i)) is not None]
            ids = [i for i in o.remaining if not isinstance(pack.item(i), Requirement)]
            return tr("ui.guide.others", lang, n=len(ids)), [it for i in ids if (it := _item(ed, i)) is not None]
        if self.beyond is not None:
            ids = list(level_items(pack, a, self.beyond))
            if ids:
                title = tr("ui.guide.beyond", lang, level=level_name(pack, self.beyond, lang), n=len(ids))
                return title, [it for i in ids if (it := _item(ed, i)) is not None]
        return "", []

    def next_batch(self) -> None:
        if not self.active:
            return
        ed = self.editor
        self.drop()
        o = outlook(ed.pack, ed.assessment)
        title, items = self._items(o)
        if not items and self.beyond is not None:
            self.beyond = self._next_open_level(self.beyond + 1)
            title, items = self._items(o)
        if not items:
            self._show_done(o)
            return
        self.batch = [it.id for it in items]
        groups: list[tuple[str, list[Item]]] = []
        for it in items:
            head = self._group(it)
            if not groups or groups[-1][0] != head:
                groups.append((head, []))
            groups[-1][1].append(it)
        spec = PageSpec("guided", title, items, groups=groups)
        self.page = Page(spec, ed.pack, ed.lang, ed.make_card, ed.more_timer)
        self.page.setObjectName("guidedPage")
        ed.stack.addWidget(self.page)
        ed.stack.setCurrentWidget(self.page)
        ed.nav.clearSelection()
        if self.page.cards:
            ed.focus_card(self.page.cards[0])

    def _group(self, it: Item) -> str:
        ed = self.editor
        if isinstance(it, Requirement):
            return ed.pack.subdomains[it.subdomain].name.get(ed.lang)
        idx = ed.page_of.get(it.id)
        return ed.pages[idx].title if idx is not None else ""

    def _next_open_level(self, start: int) -> int | None:
        ed = self.editor
        for level in sorted(ed.pack.scoring.levels):
            if level >= start and level_items(ed.pack, ed.assessment, level):
                return level
        return None

    def _show_done(self, o: Outlook) -> None:
        """Nothing open can change the result: say so, and offer the next level anyway."""
        ed = self.editor
        lang = ed.lang
        panel = QWidget()
        panel.setObjectName("guideDone")
        lay = QVBoxLayout(panel)
        head = QLabel(tr("ui.guide.final", lang))
        role(head, "pageTitle")
        head.setWordWrap(True)
        lay.addWidget(head)
        start = (self.beyond + 1) if self.beyond is not None else (o.stop_level or 0) + 1
        nxt = self._next_open_level(start)
        why = QLabel(
            tr("ui.guide.final_why", lang, level=level_name(ed.pack, o.stop_level, lang))
            if o.stop_level is not None
            else tr("ui.guide.final_all", lang)
        )
        why.setWordWrap(True)
        role(why, "muted")
        lay.addWidget(why)
        row = QHBoxLayout()
        if nxt is not None:
            more = QPushButton(tr("ui.guide.continue", lang, level=level_name(ed.pack, nxt, lang)))
            more.setObjectName("guideContinue")
            more.clicked.connect(lambda: self._continue(nxt))
            row.addWidget(more)
        leave = QPushButton(tr("ui.guide.leave", lang))
        leave.setObjectName("guideLeave")
        leave.clicked.connect(self.stop)
        row.addWidget(leave)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(1)
        self.done_panel = panel
        self.batch = []
        ed.stack.addWidget(panel)
        ed.stack.setCurrentWidget(panel)

    def _continue(self, level: int) -> None:
        self.beyond = level
        self.next_batch()

    def answered(self) -> None:
        """After each saved answer: once the whole batch is answered, the next batch."""
        if self.active and self.batch and all(self.editor.assessment.value(i) is not None for i in self.batch):
            QTimer.singleShot(0, self.next_batch)


def _item(ed: AssessmentEditor, item_id: str) -> Item | None:
    idx = ed.page_of.get(item_id)
    if idx is None:
        return None
    return next((it for it in ed.pages[idx].items if it.id == item_id), None)


def remaining_text(o: Outlook, open_items: int, lang: str) -> str:
    """How far the result is from final, for the editor's tool bar."""
    if not o.final:
        return tr("ui.guide.remaining", lang, n=len(o.remaining))
    if open_items:
        return tr("ui.guide.final_short", lang, n=open_items)
    return ""
