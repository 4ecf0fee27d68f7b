"""History: the revisions and earlier assessments of one enterprise on a timeline, and a comparison
of any two (per sub-domain change, level and tier change, the answers that changed) with a chart;
one click puts the latest self-assessment beside the latest on-site assessment.

``compare`` (``model.comparison``) is a plain function over model objects; the page only shows what
it returns. The chart (``report.page_charts``) is drawn in the chart process once the window has
loaded the charts, and shown as a picture (``ChartPicture``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..describe import level_name, tier_name
from ..i18n import tr
from ..model.assessment import NA
from ..model.comparison import Comparison, compare
from ..model.questionnaire import Pack
from ..money import fmt_delta, fmt_num, fmt_score
from ..report.page_charts import COMPARISON_INCHES
from .chart_picture import ChartPicture
from .signals import emit
from .style import ERROR_COLOUR, OK_COLOUR, role

if TYPE_CHECKING:
    from ..store import AssessmentRow, Workspace


def answer_text(pack: Pack, value: Any, lang: str) -> str:
    if value is None:
        return tr("report.answer.none", lang)
    if isinstance(value, bool):
        return tr("report.answer.yes" if value else "report.answer.no", lang)
    if value == NA:
        return next((r.label.get(lang) for r in pack.scoring.ratings if r.value is None), str(value))
    if isinstance(value, int | float):
        label = next((r.label.get(lang) for r in pack.scoring.ratings if r.value == value), None)
        return label or fmt_num(value)
    return str(value)


class HistoryPage(QWidget):
    back = Signal()
    open_revision = Signal(str)
    compared = Signal()

    def __init__(self, lang: str = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("historyPage")
        self.lang = lang
        self.ws: Workspace | None = None
        self.pack_for: Callable[[str, str], Pack] | None = None
        self.code: str | None = None
        self.rows: list[AssessmentRow] = []
        self.comparison: Comparison | None = None
        self.charts_ready = False

        self.back_btn = QPushButton()
        self.back_btn.clicked.connect(lambda: emit(self.back))
        self.title = QLabel()
        role(self.title, "pageTitle")
        self.timeline = QTreeWidget()
        self.timeline.setObjectName("historyTimeline")
        self.timeline.setRootIsDecorated(False)
        self.timeline.setColumnCount(7)
        self.timeline.itemDoubleClicked.connect(self._open_item)
        self.pick_a = QComboBox()
        self.pick_a.setObjectName("compareA")
        self.pick_b = QComboBox()
        self.pick_b.setObjectName("compareB")
        self.pick_a.currentIndexChanged.connect(lambda _i: self.compare_selected())
        self.pick_b.currentIndexChanged.connect(lambda _i: self.compare_selected())
        self.self_vs_onsite = QPushButton()
        self.self_vs_onsite.setObjectName("selfVsOnsite")
        self.self_vs_onsite.clicked.connect(self.pick_self_vs_onsite)
        self.label_a = QLabel()
        self.label_b = QLabel()
        self.summary = QLabel()
        self.summary.setObjectName("compareSummary")
        self.summary.setWordWrap(True)
        role(self.summary, "cardLevel")
        self.subs = QTableWidget(0, 4)
        self.subs.setObjectName("compareSubdomains")
        self.subs.verticalHeader().setVisible(False)
        self.subs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.subs.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.answers = QTableWidget(0, 3)
        self.answers.setObjectName("compareAnswers")
        self.answers.verticalHeader().setVisible(False)
        self.answers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.answers.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.answers_title = QLabel()
        self.chart = ChartPicture("compareChart", COMPARISON_INCHES, 200)
        self.chart_holder = QVBoxLayout()
        self.chart_holder.addWidget(self.chart)

        top = QHBoxLayout()
        top.addWidget(self.back_btn)
        top.addWidget(self.title, 1)
        picks = QHBoxLayout()
        picks.addWidget(self.label_a)
        picks.addWidget(self.pick_a, 1)
        picks.addWidget(self.label_b)
        picks.addWidget(self.pick_b, 1)
        picks.addWidget(self.self_vs_onsite)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.subs, 3)
        ll.addWidget(self.answers_title)
        ll.addWidget(self.answers, 2)
        right = QWidget()
        right.setLayout(self.chart_holder)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([640, 560])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.timeline, 1)
        lay.addLayout(picks)
        lay.addWidget(self.summary)
        lay.addWidget(split, 4)
        self.retranslate()

    # --- content ----------------------------------------------------------------------------------
    def show_enterprise(self, ws: Workspace, pack_for: Callable[[str, str], Pack], code: str) -> None:
        self.ws, self.pack_for, self.code = ws, pack_for, code
        rows = []
        for r in ws.list_assessments(code):
            rows.extend(ws.revisions(r.uuid))
        rows.sort(key=lambda r: (r.date, r.created, r.revision))
        self.rows = rows
        self._fill()
        if len(rows) >= 2:
            self._select(len(rows) - 2, len(rows) - 1)
        elif rows:
            self._select(0, 0)

    def _label(self, r: AssessmentRow) -> str:
        lang = self.lang
        mode = tr(f"ui.mode.{r.mode}", lang) if r.mode in ("self", "onsite") else r.mode
        return tr(
            "ui.export.revision_label",
            lang,
            date=r.date,
            mode=mode,
            revision=r.revision,
            status=tr(f"ui.status.{r.status}", lang) if r.status in ("draft", "final") else r.status,
        )

    def _fill(self) -> None:
        lang = self.lang
        name = self.rows[-1].enterprise_name if self.rows else ""
        self.title.setText(tr("ui.hist.title", lang, name=name))
        self.timeline.clear()
        for r in self.rows:
            pack = self._pack(r)
            tier = tier_name(pack, r.tier, lang) if (pack and r.tier) else "—"
            level = level_name(pack, r.level, lang) if (pack and r.level is not None) else "—"
            it = QTreeWidgetItem(
                [
                    r.date,
                    tr(f"ui.mode.{r.mode}", lang) if r.mode in ("self", "onsite") else r.mode,
                    str(r.revision),
                    tr(f"ui.status.{r.status}", lang) if r.status in ("draft", "final") else r.status,
                    fmt_score(r.score),
                    level,
                    tier,
                ]
            )
            it.setData(0, Qt.ItemDataRole.UserRole, r.uuid)
            self.timeline.addTopLevelItem(it)
        for i in range(7):
            self.timeline.resizeColumnToContents(i)
        for combo in (self.pick_a, self.pick_b):
            combo.blockSignals(True)
            idx = combo.currentIndex()
            combo.clear()
            for r in self.rows:
                combo.addItem(self._label(r), (r.uuid, r.revision))
            combo.setCurrentIndex(idx if 0 <= idx < combo.count() else -1)
            combo.blockSignals(False)
        modes = {r.mode for r in self.rows}
        self.self_vs_onsite.setEnabled({"self", "onsite"} <= modes)

    def _pack(self, r: AssessmentRow) -> Pack | None:
        if self.pack_for is None:
            return None
        try:
            return self.pack_for(r.pack_id, r.pack_version)
        except Exception:
            return None

    def _select(self, ia: int, ib: int) -> None:
        for combo, i in ((self.pick_a, ia), (self.pick_b, ib)):
            combo.blockSignals(True)
            combo.setCurrentIndex(i)
            combo.blockSignals(False)
        self.compare_selected()

    def pick_self_vs_onsite(self) -> None:
        last: dict[str, int] = {}
        for i, r in enumerate(self.rows):
            last[r.mode] = i
        if "self" in last and "onsite" in last:
            self._select(last["self"], last["onsite"])

    def _open_item(self, item: QTreeWidgetItem, _col: int) -> None:
        emit(self.open_revision, str(item.data(0, Qt.ItemDataRole.UserRole)))

    # --- comparing --------------------------------------------------------------------------------
    def compare_selected(self) -> Comparison | None:
        ia, ib = self.pick_a.currentIndex(), self.pick_b.currentIndex()
        if self.ws is None or self.pack_for is None or ia < 0 or ib < 0:
            return None
        ra, rb = self.rows[ia], self.rows[ib]
        from .errors import present_error

        try:
            a = self.ws.load_assessment(ra.uuid, ra.revision)
            b = self.ws.load_assessment(rb.uuid, rb.revision)
            pa, pb = self.pack_for(a.pack_id, a.pack_version), self.pack_for(b.pack_id, b.pack_version)
        except Exception as exc:
            present_error(self, exc, self.lang)
            return None
        self.pack_b = pb
        self.comparison = compare(pa, a, pb, b, self.lang)
        self._show(self.comparison, pb)
        emit(self.compared)
        return self.comparison

    def _show(self, c: Comparison, pack: Pack) -> None:
        lang = self.lang
        ds = c.b.s - c.a.s
        text = tr(
            "ui.hist.summary",
            lang,
            s_a=fmt_score(c.a.s),
            s_b=fmt_score(c.b.s),
            delta=fmt_delta(ds),
            level_a=level_name(pack, c.a.level, lang),
            level_b=level_name(pack, c.b.level, lang),
            tier_a=tier_name(pack, c.tier_a, lang),
            tier_b=tier_name(pack, c.tier_b, lang),
        )
        text += "  " + tr("ui.hist.changed_answers", lang, n=len(c.answers))
        self.summary.setText(text)
        self.subs.setRowCount(len(c.subdomains))
        for row, s in enumerate(c.subdomains):
            cells = [
                s.name,
                fmt_score(s.a),
                fmt_score(s.b),
                fmt_delta(s.delta),
            ]
            for col, t in enumerate(cells):
                it = QTableWidgetItem(t)
                if col == 3 and abs(s.delta) > 1e-9:
                    it.setForeground(QBrush(QColor(OK_COLOUR if s.delta > 0 else ERROR_COLOUR)))
                self.subs.setItem(row, col, it)
        self.answers.setRowCount(len(c.answers))
        for row, ch in enumerate(c.answers):
            for col, t in enumerate(
                [f"{ch.item}  {ch.text}", answer_text(pack, ch.a, lang), answer_text(pack, ch.b, lang)]
            ):
                self.answers.setItem(row, col, QTableWidgetItem(t))
        self.answers.resizeColumnToContents(1)
        self.answers.resizeColumnToContents(2)
        self.draw_chart()

    def set_charts(self, ready: bool) -> None:
        self.charts_ready = ready
        if ready and self.comparison is not None:
            self.draw_chart()

    def draw_chart(self) -> None:
        if not self.charts_ready or self.comparison is None:
            return
        from ..report.chart_process import renderer

        ia, ib = self.pick_a.currentIndex(), self.pick_b.currentIndex()
        la = self.pick_a.itemText(ia) if ia >= 0 else "A"
        lb = self.pick_b.itemText(ib) if ib >= 0 else "B"
        c, pack, lang = self.comparison, self.pack_b, self.lang

        def draw(width: int, height: int, dpi: float) -> bytes:
            return bytes(renderer().render(pack, None, lang, "comparison", c, la, lb, width, height, dpi))

        self.chart.show_chart((c.subdomains, la, lb, lang), draw, lang)  # what the chart shows

    # --- language ---------------------------------------------------------------------------------
    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()
        if self.rows:
            self._fill()
            self.compare_selected()

    def retranslate(self) -> None:
        lang = self.lang
        self.back_btn.setText(tr("ui.whatif.back", lang))
        if not self.rows:
            self.title.setText(tr("ui.hist.title", lang, name=""))
        self.label_a.setText(tr("ui.hist.a", lang))
        self.label_b.setText(tr("ui.hist.b", lang))
        self.self_vs_onsite.setText(tr("ui.hist.self_vs_onsite", lang))
        self.answers_title.setText(tr("ui.hist.answers_title", lang))
        self.timeline.setHeaderLabels(
            [tr(f"ui.hist.col.{c}", lang) for c in ("date", "mode", "revision", "status", "s", "level", "tier")]
        )
        self.subs.setHorizontalHeaderLabels([tr(f"ui.hist.sub.{c}", lang) for c in ("name", "a", "b", "delta")])
        self.answers.setHorizontalHeaderLabels([tr(f"ui.hist.ans.{c}", lang) for c in ("item", "a", "b")])
