"""The assessment editor: navigation by element and sub-domain, one page of cards at a time.

Only the page being looked at is built (a sub-domain has a dozen or two cards), so a 300-item
questionnaire opens at once. Every change goes straight to the store (``ws.set_answer``, its own
transaction); the editor keeps the in-memory Assessment in step and tells the result panel.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from ..model.assessment import Assessment
from ..model.catalogue import ProfileItem
from ..model.guided import Outlook, outlook
from ..model.questionnaire import Indicator, Pack, Requirement
from .cards import Card, IndicatorCard, RequirementCard, YesNoCard
from .editor_evidence import EvidenceOps
from .editor_find import ItemFinder
from .editor_guide import Guide, remaining_text
from .editor_na import na_bar
from .editor_pages import MORE_CARDS, PAGE_ROLE, Item, NavTree, Page, PageSpec, counts, page_specs, profile_counts
from .editor_status import ask_finalise, ask_reopen, unanswered
from .errors import present_error
from .signals import emit
from .style import role
from .undo import Value

if TYPE_CHECKING:
    from ..store import EvidenceRow, Workspace
    from .background import Job


class AssessmentEditor(QWidget):
    """Edits one assessment; ``changed`` fires after each saved answer with the new Assessment."""

    changed = Signal(object)
    status_changed = Signal()
    back = Signal()
    # (uuid, item id, (value, note) before, (value, note) after): one saved change, for undo
    edited = Signal(str, str, object, object)
    # (what, redo, undo): another saved change that can be taken back (a sub-domain declared N/A)
    undoable = Signal(str, object, object)

    def __init__(self, ws: Workspace, pack: Pack, uuid: str, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("assessmentEditor")
        self.ws = ws
        self.pack = pack
        self.uuid = uuid
        self.lang = lang
        self.read_only = False
        self.status = "draft"
        self.assessment: Assessment
        self.evidence: dict[str, list[EvidenceRow]] = {}
        self.pages: list[PageSpec] = []
        self.page_of: dict[str, int] = {}
        self.built: dict[int, Page] = {}
        self.current_page = -1
        self.current_card: Card | None = None
        self.last_saved: str = ""

        # header
        self.title = QLabel()
        role(self.title, "pageTitle")
        self.subtitle = QLabel()
        role(self.subtitle, "muted")
        self.subtitle.setWordWrap(True)  # wraps when "saved" takes room, never cut (1280×720, English)
        self.saved = QLabel()
        role(self.saved, "saved")
        self.btn_back = QPushButton()
        self.btn_back.setObjectName("back")
        self.btn_next = QPushButton()
        self.btn_next.setObjectName("nextUnanswered")
        self.btn_final = QPushButton()
        self.btn_final.setObjectName("finalise")
        self.btn_reopen = QPushButton()
        self.btn_reopen.setObjectName("reopen")
        self.btn_back.clicked.connect(self.back)
        self.btn_next.clicked.connect(self.next_unanswered)
        self.btn_final.clicked.connect(self.finalise)
        self.btn_reopen.clicked.connect(self.reopen)
        self.banner = QLabel()
        role(self.banner, "provisional")
        self.banner.setWordWrap(True)

        self.finder = ItemFinder(self)
        self.search = self.finder.field
        self.btn_guided = QPushButton()
        self.btn_guided.setObjectName("guided")
        self.btn_guided.setCheckable(True)
        self.btn_guided.toggled.connect(self._guided_toggled)
        self.remaining = QLabel()
        self.remaining.setObjectName("remainingLabel")
        role(self.remaining, "muted")
        self.guide = Guide(self)
        self.evidence_ops = EvidenceOps(self)
        self.overall = QProgressBar()
        self.overall.setObjectName("overallProgress")
        self.overall_label = QLabel()

        self.nav = NavTree()
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.nav.itemClicked.connect(self._nav_clicked)
        self.nav.tab_out = self._nav_tab
        self.stack = QStackedWidget()
        self.hint = QLabel()
        role(self.hint, "muted")
        self.hint.setWordWrap(True)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addWidget(self.btn_back)
        head.addLayout(titles, 1)
        head.addWidget(self.saved)
        head.addWidget(self.btn_next)
        head.addWidget(self.btn_final)
        head.addWidget(self.btn_reopen)
        tools = QHBoxLayout()
        tools.addWidget(self.search, 2)
        tools.addWidget(self.finder.count)
        tools.addSpacing(12)
        tools.addWidget(self.btn_guided)
        tools.addWidget(self.remaining)
        tools.addSpacing(12)
        tools.addWidget(self.overall_label)
        tools.addWidget(self.overall, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.hint)
        rl.addWidget(self.stack, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.nav)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 0)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([230, 600])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(head)
        lay.addWidget(self.banner)
        lay.addLayout(tools)
        lay.addWidget(self.split, 1)

        for seq, fn in (
            (QKeySequence("Ctrl+PgDown"), lambda: self.go_page(self.current_page + 1)),
            (QKeySequence("Ctrl+PgUp"), lambda: self.go_page(self.current_page - 1)),
            (QKeySequence("F3"), lambda: self.finder.next(1)),
            (QKeySequence("Shift+F3"), lambda: self.finder.next(-1)),
        ):
            sc = QShortcut(seq, self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)
        self.more_timer = QTimer(self)
        self.more_timer.setSingleShot(True)
        self.more_timer.setInterval(0)
        self.more_timer.timeout.connect(self._build_pending)
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(40)
        self._progress_timer.timeout.connect(self.update_progress)
        self.load()

    # --- loading ----------------------------------------------------------------------------------
    def load(self, keep_page: bool = True) -> None:
        if self.guide.active:
            self.guide.stop()
        page = self.current_page if keep_page else -1
        self.assessment = self.ws.load_assessment(self.uuid)
        self.status = self._status()
        self.read_only = self.status == "final"
        self.evidence = {}
        for ev in self.ws.list_evidence(self.uuid):
            self.evidence.setdefault(ev.item_id, []).append(ev)
        self._build_specs()
        self._clear_pages()
        self._build_nav()
        self.retranslate()
        self.go_page(page if 0 <= page < len(self.pages) else 0, focus=False)

    def _status(self) -> str:
        return str(self.ws.assessment_row(self.uuid).status)

    def _build_specs(self) -> None:
        self.pages = page_specs(self.pack, self.assessment, self.lang)
        self.page_of = {it.id: i for i, p in enumerate(self.pages) for it in p.items}

    def _clear_pages(self) -> None:
        for page in self.built.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.built = {}
        self.current_card = None
        self.current_page = -1

    def _build_nav(self) -> None:
        self.nav.build(self.pack, self.pages, self.lang)
        self.update_progress()

    # --- texts --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang, a = self.lang, self.assessment
        e = a.enterprise
        industry = self.pack.industries[e.industry].name.get(lang) if e.industry in self.pack.industries else e.industry
        path = self.pack.paths[a.path(self.pack)].get(lang)
        self.title.setText(e.name)
        mode = tr(f"ui.mode.{a.mode}", lang)
        status = tr(f"ui.status.{self.status}", lang)
        self.subtitle.setText(
            tr("ui.ed.subtitle", lang, industry=industry, path=path, revision=a.revision, status=status, mode=mode)
            + (tr("ui.ed.assessor", lang, name=a.assessor) if a.assessor else "")
        )
        self.btn_back.setText(tr("ui.ed.back", lang))
        self.btn_next.setText(tr("ui.ed.next_unanswered", lang))
        self.btn_next.setToolTip("Ctrl+J")
        self.btn_final.setText(tr("ui.ed.finalise", lang))
        self.btn_reopen.setText(tr("ui.ed.reopen", lang))
        self.btn_final.setVisible(not self.read_only)
        self.btn_reopen.setVisible(self.read_only)
        self.banner.setText(tr("ui.ed.final_banner", lang) if self.read_only else "")
        self.banner.setVisible(self.read_only)
        self.finder.retranslate()
        self.overall_label.setText(tr("ui.ed.overall", lang))
        self.btn_guided.setText(tr("ui.guide.button", lang))
        self.btn_guided.setToolTip(tr("ui.guide.tip", lang))
        self.btn_guided.setEnabled(not self.read_only)
        self.hint.setText(tr("ui.ed.keys", lang))
        if self.last_saved:
            self.saved.setText(tr("ui.ed.saved", lang, time=self.last_saved))

    # --- progress -----------------------------------------------------------------------------------
    def _counts(self, spec: PageSpec) -> tuple[int, int]:
        return counts(spec, self.assessment)

    def update_progress(self) -> None:
        page_counts = {i: self._counts(spec) for i, spec in enumerate(self.pages)}
        self.nav.show_counts(
            {i: profile_counts(spec, self.assessment) or page_counts[i] for i, spec in enumerate(self.pages)}
        )
        all_answered = sum(done for done, _ in page_counts.values())
        all_total = sum(total for _, total in page_counts.values())
        self.overall.setMaximum(max(all_total, 1))
        self.overall.setValue(all_answered)
        self.overall.setFormat(tr("ui.ed.overall_format", self.lang, done=all_answered, total=all_total))
        self.outlook: Outlook = outlook(self.pack, self.assessment)
        self.remaining.setText(remaining_text(self.outlook, all_total - all_answered, self.lang))

    def flush_progress(self) -> None:
        if self._progress_timer.isActive():
            self._progress_timer.stop()
            self.update_progress()

    def page_progress(self, key: str) -> tuple[int, int]:
        i = next(i for i, p in enumerate(self.pages) if p.key == key)
        return self._counts(self.pages[i])

    # --- pages --------------------------------------------------------------------------------------
    def _nav_changed(self, item: QTreeWidgetItem | None, _prev: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        if self.guide.active:  # a section chosen in the tree: the guide gives way to the pages
            self.guide.stop()
            self.current_page = -1
        idx = item.data(0, PAGE_ROLE)
        if isinstance(idx, int) and idx != self.current_page:
            self.go_page(idx, focus=False)

    def _nav_tab(self) -> bool:
        """Tab from the tree goes to the card last used on the page shown, else its first card."""
        page = self.built.get(self.current_page)
        if page is None or not page.cards:
            return False
        card = self.current_card if self.current_card in page.cards else page.cards[0]
        self.focus_card(card)
        return True

    def _nav_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        """A section clicked with the mouse: its first card takes the keyboard, so the rating keys
        work at once (moving through the tree with the arrow keys leaves the keyboard there)."""
        idx = item.data(0, PAGE_ROLE)
        page = self.built.get(idx) if isinstance(idx, int) else None
        if page is not None and page.cards:
            self.focus_card(page.cards[0])

    def go_page(self, idx: int, focus: bool = True, last: bool = False) -> Page | None:
        if not 0 <= idx < len(self.pages):
            return None
        page = self.built.get(idx)
        if page is None:
            page = self._build_page(idx)
            self.built[idx] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.current_page = idx
        self.nav.select_page(idx)
        if focus and last:
            self.complete_page(page)
        if focus and page.cards:
            self.focus_card(page.cards[-1 if last else 0])
        return page

    def _build_page(self, idx: int) -> Page:
        spec = self.pages[idx]
        header = na_bar(self, spec.key[3:]) if spec.key.startswith("sd:") else None
        return Page(spec, self.pack, self.lang, self.make_card, self.more_timer, header=header)

    def _build_pending(self) -> None:
        page = self.built.get(self.current_page)
        if page is None or not page.pending:
            page = next((p for p in self.built.values() if p.pending), None)
        if page is not None:
            page.build_more(MORE_CARDS)

    def complete_page(self, page: Page) -> None:
        page.complete()

    def make_card(self, it: Item, parent: QWidget) -> Card:
        ans = self.assessment.answers.get(it.id)
        value = ans.value if ans else None
        note = ans.note if ans else ""
        card: Card
        if isinstance(it, Requirement):
            card = RequirementCard(self, it, value, note, self.evidence.get(it.id, []), parent)
        elif isinstance(it, Indicator) or (isinstance(it, ProfileItem) and it.answer == "number"):
            card = IndicatorCard(self, it, value, note, parent)
        else:
            card = YesNoCard(self, it, value, note, parent)
        if self.finder.matches:
            card.set_match(it.id in self.finder.matches)
        return card

    def card_for(self, item_id: str) -> Card | None:
        """The card of an item, building its page if needed (and showing it)."""
        idx = self.page_of.get(item_id)
        if idx is None:
            return None
        page = self.go_page(idx, focus=False)
        assert page is not None
        self.complete_page(page)
        return next((c for c in page.cards if c.item_id == item_id), None)

    def visible_cards(self) -> Sequence[Card]:
        page = self.built.get(self.current_page)
        return page.cards if page else ()

    # --- card host ----------------------------------------------------------------------------------
    def focus_card(self, card: Card) -> None:
        card.setFocus(Qt.FocusReason.OtherFocusReason)
        self.card_focused(card)

    def card_focused(self, card: Card) -> None:
        if self.current_card is not None and self.current_card is not card:
            with contextlib.suppress(RuntimeError):  # its page may have been rebuilt
                self.current_card.set_current(False)
        self.current_card = card
        card.set_current(True)
        page = self.built.get(self.current_page)
        if page is not None and card in page.cards:
            page.ensureWidgetVisible(card, 0, 40)

    def move_from(self, card: Card, step: int, after_answer: bool = False) -> None:
        guided = self.guide.page
        page = (
            guided
            if guided is not None and card in guided.cards
            else self.built.get(self.page_of.get(card.item_id, -1))
        )
        if page is None:
            return
        i = page.cards.index(card) + step
        if i >= len(page.cards) and page.pending:
            page.build_more(MORE_CARDS)
        if 0 <= i < len(page.cards):
            self.focus_card(page.cards[i])
            return
        if page is guided:
            return  # the guide brings the next batch once this one is answered
        target = self.current_page + (1 if step > 0 else -1)
        if 0 <= target < len(self.pages):
            self.go_page(target, focus=True, last=step < 0)

    def save_answer(self, card: Card, value: Value, note: str | None = None) -> bool:
        if self.read_only:
            return False
        item_id = card.item_id
        old = self.assessment.answers.get(item_id)
        before = (None, "") if old is None else (old.value, old.note)
        try:
            self.ws.set_answer(self.uuid, item_id, value, note=note, who=self.assessment.assessor)
        except Exception as exc:
            present_error(self, exc, self.lang)
            return False
        self.assessment = self.assessment.with_answer(item_id, value, note)
        after = self.assessment.answers[item_id]
        self._saved()
        emit(self.edited, self.uuid, item_id, before, (after.value, after.note))
        return True

    def show_answer(self, item_id: str, value: Value, note: str) -> Card | None:
        """Show an answer saved from outside the cards (undo, redo) and go to its card."""
        self.assessment = self.assessment.with_answer(item_id, value, note)
        card = self.card_for(item_id)
        if card is not None:
            card.show_answer(value, note)
            self.focus_card(card)
        self._saved()
        return card

    def save_note(self, card: Card, note: str) -> bool:
        if self.read_only:
            return False
        return self.save_answer(card, self.assessment.value(card.item_id), note)

    def _saved(self) -> None:
        self.last_saved = time.strftime("%H:%M:%S")
        self.saved.setText(tr("ui.ed.saved", self.lang, time=self.last_saved))
        self._progress_timer.start()  # progress bars repaint at once when set: coalesce them
        emit(self.changed, self.assessment)
        self.guide.answered()

    # --- guided mode --------------------------------------------------------------------------------
    def _guided_toggled(self, on: bool) -> None:
        if on and not self.guide.active:
            self.guide.start()
        elif not on and self.guide.active:
            self.guide.stop()

    def choose_evidence(self, card: Card) -> None:
        self.evidence_ops.choose(card)

    def attach(self, card: Card, paths: list[str]) -> Job | None:
        return self.evidence_ops.attach(card, paths)

    def open_evidence(self, card: Card, row: EvidenceRow) -> Job:
        return self.evidence_ops.open(card, row)

    def replace_evidence(self, card: Card, row: EvidenceRow) -> Job | None:
        return self.evidence_ops.replace(card, row)

    def remove_evidence(self, card: Card, row: EvidenceRow) -> None:
        self.evidence_ops.remove(card, row)

    # --- finding ------------------------------------------------------------------------------------
    def ordered_items(self) -> list[Item]:
        return [it for p in self.pages for it in p.items]

    def next_unanswered(self) -> Card | None:
        items = self.ordered_items()
        if not items:
            return None
        start = 0
        if self.current_card is not None:
            try:
                start = next(i for i, it in enumerate(items) if it.id == self.current_card.item_id) + 1
            except (StopIteration, RuntimeError):
                start = 0
        n = len(items)
        for k in range(n):
            it = items[(start + k) % n]
            if isinstance(it, Indicator) and it.optional:
                continue
            if self.assessment.value(it.id) is None:
                card = self.card_for(it.id)
                if card is not None:
                    self.focus_card(card)
                return card
        self.saved.setText(tr("ui.ed.all_answered", self.lang))
        return None

    def focus_search(self) -> None:
        self.finder.focus()

    # --- finalise / reopen (editor_status.py) -------------------------------------------------------
    def unanswered(self) -> int:
        return unanswered(self)

    def finalise(self) -> QMessageBox:
        return ask_finalise(self)

    def reopen(self) -> QMessageBox:
        return ask_reopen(self)

    def change_status(self, action: Callable[[str], object]) -> None:
        """Finalise or reopen through the store, then show the revision that results."""
        try:
            action(self.uuid)
        except Exception as exc:
            present_error(self, exc, self.lang)
            return
        self.load()
        emit(self.status_changed)
        emit(self.changed, self.assessment)

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        guided = self.guide.active
        if guided:  # its batch is rebuilt in the new language below
            self.guide.active = False
            self.guide.drop()
        page = self.current_page
        self._build_specs()
        self._clear_pages()
        self._build_nav()
        self.retranslate()
        self.go_page(max(page, 0), focus=False)
        if guided:
            self.guide.start()
