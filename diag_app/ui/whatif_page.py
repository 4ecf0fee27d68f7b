"""Renewal and what-if: the suggested renewal items with their reasons, investment ranges and the
measures they may qualify for; tick items or edit the planned amounts and see S, level, tier and
the estimated support change at once; the cheapest roadmap to the next tier as steps.

The page computes nothing itself: ``renewal.suggest`` gives the items, ``renewal.what_if`` the
scores after buying the ticked ones (fast enough for every click), ``tiers.shanghai_tier`` the tier,
``support.support_for_plans`` the support and ``roadmap.roadmap`` (in the background) the route.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..describe import flag_text, level_name, ranking_text, reason_text, tier_name
from ..i18n import tr
from ..model.assessment import Assessment, Plan
from ..model.questionnaire import CatalogItem, Pack
from ..model.ranking import rank
from ..model.renewal import Advice, advise, what_if
from ..model.scoring import Scores, score
from ..model.support import support_for_plans
from ..model.tiers import shanghai_tier
from ..money import fmt_cny, fmt_cny_range, fmt_delta, fmt_score
from .background import run_in_background
from .qualify_dialog import qualifications_of
from .signals import emit
from .style import role

if TYPE_CHECKING:
    from ..model.renewal import Reason
    from ..model.roadmap import Roadmap
    from ..store import Workspace
    from .background import Job

COLS = ("plan", "item", "reasons", "range", "measures", "amount", "confirm")


MAX_LINES = 4  # of a table cell; an item's longer reasons or measures are in its tooltip
MEASURES_WIDTH = 200


class WhatIfPage(QWidget):
    back = Signal()
    plans_saved = Signal()
    plans_changed = Signal(str, object, object)  # uuid, plans before, plans after: one undo step
    roadmap_ready = Signal()

    def __init__(self, lang: str = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("whatIfPage")
        self.lang = lang
        self.ws: Workspace | None = None
        self.pack: Pack | None = None
        self.uuid: str | None = None
        self.assessment: Assessment | None = None
        self.base: Scores | None = None
        self.items: list[CatalogItem] = []
        self.reasons: dict[str, tuple[Reason, ...]] = {}
        self.confirmed: dict[str, set[str]] = {}  # item id -> qualification ids the user confirmed
        self._advice: Advice | None = None
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.final = False
        self.roadmap: Roadmap | None = None
        self.roadmap_job: Job | None = None
        self._filling = False
        self._run: Callable[..., Any] = run_in_background

        self.back_btn = QPushButton()
        self.back_btn.setObjectName("whatIfBack")
        self.back_btn.clicked.connect(lambda: emit(self.back))
        self.title = QLabel()
        role(self.title, "pageTitle")
        self.now_label = QLabel()
        self.now_label.setObjectName("whatIfNow")
        self.after_label = QLabel()
        self.after_label.setObjectName("whatIfAfter")
        role(self.after_label, "cardLevel")
        self.support_label = QLabel()
        self.support_label.setObjectName("whatIfSupport")
        self.support_label.setWordWrap(True)
        self.flags_label = QLabel()  # contradictions in the answers, for the assessor to check
        self.flags_label.setObjectName("whatIfFlags")
        self.flags_label.setWordWrap(True)
        self.save_btn = QPushButton()
        self.save_btn.setObjectName("whatIfSave")
        self.save_btn.clicked.connect(self.save_plans)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        role(self.hint, "muted")

        self.table = QTableWidget(0, len(COLS))
        self.table.setObjectName("whatIfTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)

        self.road_title = QLabel()
        role(self.road_title, "cardLevel")
        self.road_status = QLabel()
        self.road_status.setObjectName("roadmapStatus")
        self.road_status.setWordWrap(True)
        self.road = QTreeWidget()
        self.road.setObjectName("roadmapSteps")
        self.road.setRootIsDecorated(False)
        self.road.setColumnCount(5)

        top = QHBoxLayout()
        top.addWidget(self.back_btn)
        top.addWidget(self.title, 1)
        top.addWidget(self.save_btn)
        summary = QVBoxLayout()
        summary.addWidget(self.now_label)
        summary.addWidget(self.after_label)
        summary.addWidget(self.support_label)
        summary.addWidget(self.flags_label)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(summary)
        lay.addWidget(self.hint)
        lay.addWidget(self.table, 5)
        lay.addWidget(self.road_title)
        lay.addWidget(self.road_status)
        lay.addWidget(self.road, 2)
        self.road.setMaximumHeight(220)
        self.retranslate()

    # --- content ----------------------------------------------------------------------------------
    def show_assessment(self, ws: Workspace, pack: Pack, uuid: str, a: Assessment, final: bool = False) -> None:
        self.ws, self.pack, self.uuid, self.assessment, self.final = ws, pack, uuid, a, final
        self.base = score(pack, a)
        self._advice = advise(pack, a, self.base)
        suggestions = rank(self._advice.suggestions)  # re-ranked with the roadmap once it is ready
        self.reasons = {s.item.id: s.reasons for s in suggestions}
        self.confirmed = {p.item: set(p.confirmed) for p in a.plans}
        self.flags_label.setText("\n".join("⚠ " + flag_text(pack, f, self.lang) for f in self._advice.flags))
        self.flags_label.setVisible(bool(self._advice.flags))
        items = [s.item for s in suggestions]
        catalog = {c.id: c for c in pack.catalog}
        planned = {p.item: p for p in a.plans}
        for pid in planned:
            if pid in catalog and catalog[pid] not in items:
                items.append(catalog[pid])
        self.items = items
        self._fill(planned)
        self.save_btn.setEnabled(not final)
        self.start_roadmap()

    def _fill(self, planned: dict[str, Plan]) -> None:
        assert self.pack is not None
        lang = self.lang
        self._filling = True
        self.table.setRowCount(len(self.items))
        self.spins = {}
        for row, it in enumerate(self.items):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            tick.setCheckState(Qt.CheckState.Checked if it.id in planned else Qt.CheckState.Unchecked)
            tick.setData(Qt.ItemDataRole.UserRole, it.id)
            self.table.setItem(row, 0, tick)
            self.table.setItem(row, 1, self._ro(it.name.get(lang), it.description.get(lang)))
            reasons = "\n".join(reason_text(self.pack, r, lang) for r in self.reasons.get(it.id, ()))
            self.table.setItem(row, 2, self._ro(reasons or tr("ui.whatif.planned_only", lang)))
            self.table.setItem(row, 3, self._ro(fmt_cny_range(it.investment_low, it.investment_high, lang)))
            names = [self.pack.measures[m].name.get(lang) for m in it.measures if m in self.pack.measures]
            fm, width = self.table.fontMetrics(), MEASURES_WIDTH - 12  # one line per measure, whole in the tooltip
            shown = [fm.elidedText(n, Qt.TextElideMode.ElideRight, width) for n in names]
            self.table.setItem(row, 4, self._ro("\n".join(shown) or "—", "\n".join(names) if shown != names else ""))
            spin = QDoubleSpinBox()
            spin.setObjectName(f"amount_{it.id}")
            spin.setDecimals(0)
            spin.setRange(0, 1e10)
            spin.setSingleStep(10_000)
            spin.setGroupSeparatorShown(True)
            prefix, _, suffix = tr("ui.whatif.amount", lang, amount="\0").partition("\0")
            spin.setPrefix(prefix)
            spin.setSuffix(suffix)
            plan = planned.get(it.id)
            spin.setValue(plan.investment_cny if plan else (it.investment_low + it.investment_high) / 2)
            spin.valueChanged.connect(lambda _v: self.recompute())
            self.spins[it.id] = spin
            holder = QWidget()  # keeps the spin box its natural height in a tall row
            hl = QVBoxLayout(holder)
            hl.setContentsMargins(4, 0, 4, 0)
            hl.addStretch(1)
            hl.addWidget(spin)
            hl.addStretch(1)
            self.table.setCellWidget(row, 5, holder)
            quals = qualifications_of(self.pack, it)
            btn = QPushButton(tr("ui.whatif.confirm_btn", lang, n=len(self.confirmed.get(it.id, ()))))
            btn.setObjectName(f"confirm_{it.id}")
            btn.setEnabled(bool(quals) and not self.final)
            btn.clicked.connect(lambda _c=False, item=it: self.ask_conditions(item))
            self.table.setCellWidget(row, 6, btn)
        self.table.setColumnWidth(0, 50)
        self.table.setColumnWidth(1, 220)
        self.table.setColumnWidth(3, 150)
        self.table.setColumnWidth(4, MEASURES_WIDTH)
        self.table.setColumnWidth(5, 150)
        self.table.resizeRowsToContents()
        tallest = self.table.fontMetrics().lineSpacing() * MAX_LINES + 14  # the rest is in the tooltip
        for row in range(self.table.rowCount()):
            if self.table.rowHeight(row) > tallest:
                self.table.setRowHeight(row, tallest)
        self._filling = False
        self.recompute()

    def _ro(self, text: str, tip: str = "", lines: int = MAX_LINES) -> QTableWidgetItem:
        """A read-only cell of at most ``lines`` lines, top-aligned: a row stays a row however many
        requirements an item closes, and the whole text is in the tooltip (``tip`` when given: the
        text in full)."""
        parts = text.split("\n")
        if len(parts) > lines:
            rest = len(parts) - (lines - 1)
            text = "\n".join([*parts[: lines - 1], tr("ui.whatif.more_lines", self.lang, n=rest)])
            tip = tip or "\n".join(parts)
        it = QTableWidgetItem(text)
        it.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        it.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if tip:
            it.setToolTip(tip)
        return it

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if not self._filling and item.column() == 0:
            self.recompute()

    # --- what-if ----------------------------------------------------------------------------------
    def ticked(self) -> list[CatalogItem]:
        out = []
        for row, it in enumerate(self.items):
            cell = self.table.item(row, 0)
            if cell is not None and cell.checkState() == Qt.CheckState.Checked:
                out.append(it)
        return out

    def set_ticked(self, item_id: str, on: bool) -> None:
        for row, it in enumerate(self.items):
            cell = self.table.item(row, 0)
            if it.id == item_id and cell is not None:
                cell.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def plans(self) -> tuple[Plan, ...]:
        """The ticked items at their amounts with the conditions confirmed for them; a saved plan
        keeps its financing (a loan never above the amount)."""
        if self.pack is None:
            return ()
        saved = {p.item: p for p in self.assessment.plans} if self.assessment is not None else {}
        out = []
        for it in self.ticked():
            amount = float(self.spins[it.id].value())
            confirmed = tuple(q for q in qualifications_of(self.pack, it) if q in self.confirmed.get(it.id, ()))
            old = saved.get(it.id)
            out.append(
                dataclasses.replace(old, investment_cny=amount, loan_cny=min(old.loan_cny, amount), confirmed=confirmed)
                if old
                else Plan(it.id, amount, confirmed=confirmed)
            )
        return tuple(out)

    def ask_conditions(self, item: CatalogItem) -> None:
        """Ask which of the item's qualifying conditions the enterprise confirms."""
        from .qualify_dialog import QualifyDialog

        assert self.pack is not None
        d = QualifyDialog(self.pack, item, self.confirmed.get(item.id, set()), self.lang, self)
        if d.exec():
            self.set_confirmed(item.id, d.confirmed())

    def set_confirmed(self, item_id: str, confirmed: set[str]) -> None:
        self.confirmed[item_id] = set(confirmed)
        for row, it in enumerate(self.items):
            btn = self.table.cellWidget(row, 6)
            if it.id == item_id and isinstance(btn, QPushButton):
                btn.setText(tr("ui.whatif.confirm_btn", self.lang, n=len(confirmed)))
        self.recompute()

    def planned_scores(self) -> Scores:
        assert self.pack is not None and self.base is not None
        assert self.assessment is not None
        return what_if(self.pack, self.assessment, self.ticked(), self.base)

    def recompute(self) -> None:
        if self.pack is None or self.base is None or self._filling:
            return
        pack, lang = self.pack, self.lang
        after = self.planned_scores()
        t0 = shanghai_tier(pack, self.base).tier
        t1 = shanghai_tier(pack, after).tier
        self.now_label.setText(
            tr(
                "ui.whatif.now",
                lang,
                s=fmt_score(self.base.s),
                level=level_name(pack, self.base.level, lang),
                tier=tier_name(pack, t0, lang),
            )
        )
        delta = after.s - self.base.s
        self.after_label.setText(
            tr(
                "ui.whatif.after",
                lang,
                s=fmt_score(after.s),
                delta=fmt_delta(delta),
                level=level_name(pack, after.level, lang),
                tier=tier_name(pack, t1, lang),
            )
            + (tr("ui.whatif.tier_up", lang) if t1 != t0 else "")
        )
        plans = self.plans()
        rows, total = support_for_plans(pack, plans)
        invest = sum(p.investment_cny for p in plans)
        possible = sum(e.possible_cny for ps in rows for e in ps.possible)
        self.support_label.setText(
            tr("ui.whatif.support", lang, n=len(plans), investment=fmt_cny(invest, lang), support=fmt_cny(total, lang))
            + (tr("ui.whatif.possible", lang, amount=fmt_cny(possible, lang)) if possible else "")
        )
        self.after_scores = after
        self.after_tier = t1
        self.support_total = total

    def save_plans(self) -> bool:
        if self.ws is None or self.uuid is None or self.final:
            return False
        from .errors import present_error

        before = self.assessment.plans if self.assessment is not None else ()
        after = self.plans()
        try:
            self.ws.set_plans(self.uuid, after)
            self.assessment = self.ws.load_assessment(self.uuid)  # the saved plans are the next save's base
        except Exception as exc:
            present_error(self, exc, self.lang)
            return False
        if before != after:
            emit(self.plans_changed, self.uuid, before, after)
        emit(self.plans_saved)
        return True

    # --- roadmap ----------------------------------------------------------------------------------
    def start_roadmap(self) -> None:
        if self.pack is None or self.assessment is None:
            return
        from ..model.roadmap import roadmap

        pack, a, base = self.pack, self.assessment, self.base
        self.roadmap = None
        self.road.clear()
        self.road_status.setText(tr("ui.whatif.road_running", self.lang))
        token = object()
        self._token = token

        def done(rm: Roadmap) -> None:
            if self._token is token:
                self.show_roadmap(rm)

        self.roadmap_job = self._run(
            self,
            lambda _p: roadmap(pack, a, base),
            tr("ui.whatif.road_running", self.lang),
            done,
            lang=self.lang,
            show_progress=False,
        )

    def show_roadmap(self, rm: Roadmap) -> None:
        assert self.pack is not None
        pack, lang = self.pack, self.lang
        self.roadmap = rm
        if self._advice is not None:  # the one ranking: roadmap steps first, as in the report and XLSX
            ranked = [sg.item for sg in rank(self._advice.suggestions, rm)]
            order = ranked + [it for it in self.items if it not in ranked]
            if order != self.items:
                planned = {p.item: p for p in self.plans()}
                self.items = order
                self._fill(planned)
        self.road.clear()

        def summary(target: str, steps: int, investment: float) -> str:
            return tr(
                "ui.whatif.road_summary",
                lang,
                tier=tier_name(pack, target, lang),
                n=steps,
                investment=fmt_cny(investment, lang),
            )

        if rm.target is None:
            self.road_status.setText(tr("ui.whatif.road_top", lang))
        elif not rm.reachable:
            from ..describe import check_text

            s_now = self.base.s if self.base is not None else 0.0
            why = "\n".join(check_text(pack, c, lang, s_now) for c in rm.blockers)
            other = [  # a tier that purchases do reach (the next national one)
                summary(sg.target, len(sg.steps), sg.investment_cny) for sg in rm.stages if sg.reachable
            ]
            self.road_status.setText(
                tr("ui.whatif.road_unreachable", lang, tier=tier_name(pack, rm.target, lang))
                + why
                + "".join("\n" + x for x in other)
            )
        else:
            self.road_status.setText(summary(rm.target, len(rm.steps), rm.investment_cny))
        national = {st.item.id: True for sg in rm.stages if sg.ladder == "national" for st in sg.steps}
        for i, st in enumerate(rm.steps, 1):
            self.road.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        str(i),
                        st.item.name.get(lang),
                        fmt_cny(st.cost_cny, lang),
                        f"{fmt_score(st.s_after)} · {level_name(pack, st.level_after, lang)}",
                        tier_name(pack, st.national_after if national.get(st.item.id) else st.tier_after, lang),
                    ]
                )
            )
        self.road.resizeColumnToContents(0)
        self.road.setColumnWidth(1, 320)
        self.road.setColumnWidth(2, 140)
        self.road.setColumnWidth(3, 200)
        emit(self.roadmap_ready)

    def plan_roadmap(self) -> None:
        """Tick exactly the roadmap's items (the planned amounts stay as they are)."""
        if self.roadmap is None:
            return
        ids = {st.item.id for st in self.roadmap.steps}
        for it in self.items:
            self.set_ticked(it.id, it.id in ids)

    # --- language ---------------------------------------------------------------------------------
    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()
        if self.pack is not None and self.assessment is not None:
            planned = {p.item: p for p in self.plans()}
            self._fill(planned)
            if self.roadmap is not None:
                self.show_roadmap(self.roadmap)
            else:
                self.road_status.setText(tr("ui.whatif.road_running", lang))

    def retranslate(self) -> None:
        lang = self.lang
        self.back_btn.setText(tr("ui.whatif.back", lang))
        self.title.setText(tr("ui.whatif.title", lang))
        self.save_btn.setText(tr("ui.whatif.save", lang))
        self.hint.setText(tr("ui.whatif.hint", lang) + tr("ui.whatif.ranking_note", lang))
        self.hint.setToolTip(ranking_text(lang))  # how the order is weighted, as in the report
        self.road_title.setText(tr("ui.whatif.road_title", lang))
        self.table.setHorizontalHeaderLabels([tr(f"ui.whatif.col.{c}", lang) for c in COLS])
        self.road.setHeaderLabels([tr(f"ui.whatif.road.{c}", lang) for c in ("n", "item", "cost", "s", "tier")])
