"""The editor's pages and its navigation tree: which items each page holds (``page_specs``), a page
of cards built a few at a time (``Page``), and the tree of elements and sub-domains with the
progress of each (``NavTree``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QProgressBar,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from ..model.assessment import Assessment
from ..model.catalogue import ProfileItem
from ..model.questionnaire import Condition, Indicator, Pack, Requirement, Scenario
from .cards import Card, IndicatorCard, RequirementCard
from .style import role

Item = Requirement | Indicator | Condition | Scenario | ProfileItem
PAGE_ROLE = Qt.ItemDataRole.UserRole + 1
FIRST_CARDS = 5  # built before a page shows
MORE_CARDS = 4  # built per event-loop turn after that


@dataclass
class PageSpec:
    key: str  # "sd:<id>", "indicators", "conditions", "scenarios"
    title: str
    items: list[Item]
    element: str = ""
    groups: list[tuple[str, list[Item]]] = field(default_factory=list)  # headings within the page


def page_specs(pack: Pack, a: Assessment, lang: str) -> list[PageSpec]:
    """One page per sub-domain with items for this assessment (by element), then the indicators,
    the basic conditions and the typical scenarios (grouped by link)."""
    path = a.path(pack)
    reqs = pack.requirements_for(a.enterprise.industry, path)
    by_sd: dict[str, list[Item]] = {}
    for r in sorted(reqs, key=lambda r: (r.level, r.id)):
        by_sd.setdefault(r.subdomain, []).append(r)
    pages = []
    for el in pack.elements:
        for dom in el.domains:
            for sd in pack.domains[dom].subdomains:
                if by_sd.get(sd):
                    pages.append(PageSpec(f"sd:{sd}", pack.subdomains[sd].name.get(lang), by_sd[sd], el.id))
    inds: list[Item] = list(pack.indicators_for(path))
    pages.append(PageSpec("indicators", tr("ui.ed.indicators", lang), inds))
    basic: list[Item] = [c for c in pack.conditions if c.scope == "basic"]
    tier_only: list[Item] = [c for c in pack.conditions if c.scope != "basic"]
    cond_groups = [(tr("ui.ed.conditions.basic", lang), basic), (tr("ui.ed.conditions.tier", lang), tier_only)]
    pages.append(
        PageSpec(
            "conditions",
            tr("ui.ed.conditions", lang),
            basic + tier_only,
            groups=[g for g in cond_groups if g[1]] if tier_only else [],
        )
    )
    groups = []
    for link in pack.links:
        items: list[Item] = [s for s in pack.scenarios if s.link == link.id]
        if items:
            groups.append((link.name.get(lang), items))
    pages.append(PageSpec("scenarios", tr("ui.ed.scenarios", lang), list(pack.scenarios), groups=groups))
    if pack.profile:  # existing systems and equipment: what the advice builds on (never scored)
        groups_p: list[tuple[str, list[Item]]] = []
        for g in ("systems", "equipment", "business"):
            its: list[Item] = [p for p in pack.profile if p.group == g]
            if its:
                groups_p.append((tr(f"ui.ed.profile.{g}", lang), its))
        pages.append(PageSpec("profile", tr("ui.ed.profile", lang), list(pack.profile), groups=groups_p))
    return pages


def counts(spec: PageSpec, a: Assessment) -> tuple[int, int]:
    """(answered, total) of a page, counted as the model counts them (model/scoring.py): an
    optional indicator counts only once answered."""
    answered = total = 0
    if spec.key.startswith("sd:") and spec.key[3:] in a.na_subdomains:
        return 0, 0  # the whole sub-domain declared not applicable: not asked, not scored
    for it in spec.items:
        if it.kind == "profile":
            continue  # existing systems and equipment: context for the advice, never counted
        has = a.value(it.id) is not None
        if isinstance(it, Indicator) and it.optional and not has:
            continue
        total += 1
        answered += has
    return answered, total


def profile_counts(spec: PageSpec, a: Assessment) -> tuple[int, int] | None:
    """The existing-systems page's own (answered, total) for its bar in the tree: never part of the
    overall count, but a user wants to see them done. None for any other page."""
    if not spec.items or any(it.kind != "profile" for it in spec.items):
        return None
    return sum(a.value(it.id) is not None for it in spec.items), len(spec.items)


def item_text(it: Item, lang: str) -> str:
    """What the editor's search looks in: id, text or name, and help."""
    if isinstance(it, Requirement | Condition):
        parts = [it.text.get(lang), it.help.get(lang)]
    elif isinstance(it, ProfileItem):
        parts = [it.name.get(lang), it.help.get(lang)]
    else:
        parts = [it.name.get(lang), it.help.get(lang)]
    return "\n".join([it.id, *parts]).casefold()


def item_title(pack: Pack, item_id: str, lang: str, width: int = 24) -> str:
    """An item as a user names it, short: its text or name, cut at ``width`` characters."""
    it = pack.item(item_id)
    if it is None:
        return item_id
    text = (it.text if isinstance(it, Requirement | Condition) else it.name).get(lang)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def tab_chain(card: Card) -> list[QWidget]:
    """A card and its fields in the order Tab visits them."""
    chain: list[QWidget] = [card]
    if isinstance(card, IndicatorCard):
        chain.append(card.field)
    if card.note is not None:
        chain.append(card.note)
    if isinstance(card, RequirementCard):
        chain.append(card.attach_btn)
    return chain


class Page(QScrollArea):
    """One page of cards. Its heading and first cards are built at once, the rest a few per
    event-loop turn (``more``), so even a long page shows at once."""

    def __init__(
        self,
        spec: PageSpec,
        pack: Pack,
        lang: str,
        make_card: Callable[[Item, QWidget], Card],
        more: QTimer,
        parent: QWidget | None = None,
        header: QWidget | None = None,
    ):
        super().__init__(parent)
        self.spec = spec
        self.make_card = make_card
        self.more = more
        self.cards: list[Card] = []
        self.pending: list[Item | str] = []  # cards (and group headings) not built yet
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.body.setObjectName("pageBody")
        self.lay = QVBoxLayout(self.body)
        self.lay.setContentsMargins(4, 4, 12, 4)
        self.lay.setSpacing(8)
        self.setWidget(self.body)
        title = QLabel(spec.title)
        role(title, "pageTitle")
        self.lay.addWidget(title)
        if spec.key.startswith("sd:"):
            sd = pack.subdomains[spec.key[3:]]
            dom = pack.domains.get(sd.domain)
            if dom is not None and dom.name.get(lang) != spec.title:
                sub = QLabel(dom.name.get(lang))
                role(sub, "muted")
                self.lay.addWidget(sub)
        if header is not None:  # e.g. the sub-domain's 不适用 bar
            self.lay.addWidget(header)
        for heading, items in spec.groups or [("", spec.items)]:
            if heading:
                self.pending.append(heading)
            self.pending.extend(items)
        self.lay.addStretch(1)
        self.build_more(FIRST_CARDS)

    def build_more(self, n: int | None = None) -> None:
        """Add up to ``n`` more cards (all when None)."""
        added = 0
        while self.pending and (n is None or added < n):
            entry = self.pending.pop(0)
            at = self.lay.count() - 1  # before the stretch
            if isinstance(entry, str):
                h = QLabel(entry)
                font = h.font()
                font.setBold(True)
                h.setFont(font)
                self.lay.insertWidget(at, h)
                h.show()
                continue
            card = self.make_card(entry, self.body)
            self.lay.insertWidget(at, card)
            card.show()  # now, not on the layout's queued show: it may get the focus at once
            if self.cards:  # tab order follows the cards top to bottom
                QWidget.setTabOrder(tab_chain(self.cards[-1])[-1], card)
            for a, b in pairwise(tab_chain(card)):
                QWidget.setTabOrder(a, b)
            self.cards.append(card)
            added += 1
        if self.pending:
            self.more.start()

    def complete(self) -> None:
        if self.pending:
            self.build_more(None)


class NavTree(QTreeWidget):
    """Elements with their sub-domains, then the indicator, condition and scenario pages; each
    row shows answered/total."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("nav")
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.header().resizeSection(1, 64)
        self.items: dict[int, QTreeWidgetItem] = {}  # page index → its row
        self.bars: dict[int, QProgressBar] = {}
        self.elements: dict[str, tuple[QTreeWidgetItem, QProgressBar, list[int]]] = {}
        self.tab_out: Callable[[], bool] | None = None  # Tab leaves the tree for the page's cards

    def focusNextPrevChild(self, next: bool) -> bool:
        if next and self.tab_out is not None and self.tab_out():
            return True
        return super().focusNextPrevChild(next)

    def build(self, pack: Pack, pages: list[PageSpec], lang: str) -> None:
        self.blockSignals(True)
        self.clear()
        self.items, self.bars, self.elements = {}, {}, {}
        for el in pack.elements:
            idxs = [i for i, p in enumerate(pages) if p.element == el.id]
            if not idxs:
                continue
            top = self._row(el.name.get(lang), idxs[0], bold=True)
            self.addTopLevelItem(top)
            self.elements[el.id] = (top, self._bar(top), idxs)
            for i in idxs:
                child = self._row(pages[i].title, i)
                top.addChild(child)
                self.items[i] = child
                self.bars[i] = self._bar(child)
            top.setExpanded(True)
        for i, p in enumerate(pages):
            if not p.element:
                it = self._row(p.title, i, bold=True)
                self.addTopLevelItem(it)
                self.items[i] = it
                self.bars[i] = self._bar(it)
        self.blockSignals(False)

    @staticmethod
    def _row(title: str, page: int, bold: bool = False) -> QTreeWidgetItem:
        it = QTreeWidgetItem([title, ""])
        if bold:
            font = it.font(0)
            font.setBold(True)
            it.setFont(0, font)
        it.setData(0, PAGE_ROLE, page)
        it.setToolTip(0, title)
        return it

    def _bar(self, item: QTreeWidgetItem) -> QProgressBar:
        bar = QProgressBar()
        bar.setMaximumHeight(self.fontMetrics().height() + 2)
        bar.setTextVisible(True)
        bar.setFormat("%v/%m")
        bar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setItemWidget(item, 1, bar)
        return bar

    def show_counts(self, page_counts: dict[int, tuple[int, int]]) -> None:
        for i, (done, total) in page_counts.items():
            bar = self.bars.get(i)
            if bar is not None:
                bar.setMaximum(max(total, 1))
                bar.setValue(done)
        for _top, bar, idxs in self.elements.values():
            bar.setMaximum(max(sum(page_counts[i][1] for i in idxs), 1))
            bar.setValue(sum(page_counts[i][0] for i in idxs))

    def select_page(self, idx: int) -> None:
        """Mark a page's row as current without telling anyone (the editor is already there)."""
        item = self.items.get(idx)
        if item is not None and self.currentItem() is not item:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)
