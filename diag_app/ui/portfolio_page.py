"""The portfolio (for consultants): the whole workspace at a glance — enterprises per Shanghai tier
and industry, the distribution of CMMM levels, the enterprises closest to their next tier with what
still stands in the way — and the list exported to XLSX.

``portfolio_data`` is a plain worker function (it scores every enterprise's latest assessment, so
it runs in the background); the page only shows what it returns. The levels chart
(``report.page_charts``) is drawn in the chart process and shown as a picture (``ChartPicture``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..describe import check_text, level_name, tier_name
from ..i18n import tr
from ..model.questionnaire import Pack
from ..model.scoring import score
from ..model.tiers import NONE, shanghai_tier
from ..money import fmt_score
from ..report.page_charts import LEVELS_INCHES
from .background import run_in_background
from .chart_picture import ChartPicture
from .signals import emit
from .style import role

if TYPE_CHECKING:
    from ..model.tiers import Check
    from ..progress import Progress
    from ..store import Workspace
    from .background import Job

CLOSEST = 10


@dataclass(frozen=True)
class Entry:
    name: str
    credit_code: str
    industry: str
    district: str
    date: str
    mode: str
    revision: int
    s: float
    level: int
    tier: str
    next_tier: str | None
    blocking: tuple[Check, ...]  # failed checks of the next tier
    answered: int
    total: int


@dataclass
class Portfolio:
    pack: Pack
    entries: list[Entry] = field(default_factory=list)
    not_assessed: int = 0

    def tier_counts(self) -> dict[str, Counter[str]]:
        """industry -> tier -> number of enterprises."""
        out: dict[str, Counter[str]] = {}
        for e in self.entries:
            out.setdefault(e.industry, Counter())[e.tier] += 1
        return out

    def levels(self) -> Counter[int]:
        return Counter(e.level for e in self.entries)

    def closest(self, n: int = CLOSEST) -> list[Entry]:
        """Enterprises below the top tier, fewest unmet conditions of the next tier first."""
        cands = [e for e in self.entries if e.next_tier is not None]
        return sorted(cands, key=lambda e: (len(e.blocking), -e.s, e.name))[:n]


def portfolio_data(ws: Workspace, pack: Pack, pack_for: Callable[[str, str], Pack], progress: Progress) -> Portfolio:
    """Score the latest assessment of every enterprise in the workspace."""
    rows = ws.list_enterprises()
    out = Portfolio(pack)
    for i, r in enumerate(rows):
        progress(i, len(rows), r.name)
        progress.check()
        if not r.latest_uuid:
            out.not_assessed += 1
            continue
        a = ws.load_assessment(r.latest_uuid)
        row = ws.assessment_row(r.latest_uuid)
        p = pack_for(a.pack_id, a.pack_version)
        s = score(p, a)
        t = shanghai_tier(p, s)
        out.entries.append(
            Entry(
                r.name,
                r.credit_code,
                r.industry,
                r.district,
                row.date,
                row.mode,
                row.revision,
                s.s,
                s.level,
                t.tier,
                t.next_tier,
                t.blocking,
                s.answered,
                s.total,
            )
        )
    progress(len(rows), len(rows), "")
    return out


def xlsx_rows(p: Portfolio, lang: str) -> list[dict[str, Any]]:
    pack = p.pack
    rows = []
    for e in sorted(p.entries, key=lambda e: (-e.s, e.name)):
        ind = pack.industries.get(e.industry)
        rows.append(
            {
                "name": e.name,
                "credit_code": e.credit_code,
                "industry": ind.name.get(lang) if ind else e.industry,
                "district": e.district,
                "date": e.date,
                "mode": tr(f"ui.mode.{e.mode}", lang) if e.mode in ("self", "onsite") else e.mode,
                "revision": e.revision,
                "s": round(e.s, 2),
                "level": e.level,
                "tier": tier_name(pack, e.tier, lang),
                "answered": e.answered,
                "total": e.total,
            }
        )
    return rows


def write_portfolio(p: Portfolio, out: str | Path, lang: str, progress: Progress) -> Path:
    from ..report.tables import portfolio_xlsx

    progress.check()
    return portfolio_xlsx(xlsx_rows(p, lang), out, lang)


def _table(name: str) -> QTableWidget:
    t = QTableWidget(0, 0)
    t.setObjectName(name)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return t


class PortfolioPage(QWidget):
    back = Signal()
    open_enterprise = Signal(str)
    loaded = Signal()

    def __init__(self, lang: str = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("portfolioPage")
        self.lang = lang
        self.ws: Workspace | None = None
        self.data: Portfolio | None = None
        self.charts_ready = False
        self.job: Job | None = None

        self.back_btn = QPushButton()
        self.back_btn.clicked.connect(lambda: emit(self.back))
        self.title = QLabel()
        role(self.title, "pageTitle")
        self.export_btn = QPushButton()
        self.export_btn.setObjectName("portfolioExport")
        self.export_btn.clicked.connect(self.choose_export)
        self.totals = QLabel()
        self.totals.setObjectName("portfolioTotals")
        self.by_tier_title = QLabel()
        role(self.by_tier_title, "cardLevel")
        self.by_tier = _table("portfolioTiers")
        self.levels_title = QLabel()
        role(self.levels_title, "cardLevel")
        self.levels = _table("portfolioLevels")
        self.closest_title = QLabel()
        role(self.closest_title, "cardLevel")
        self.closest = _table("portfolioClosest")
        self.closest.setWordWrap(True)
        self.closest.cellDoubleClicked.connect(self._open)
        self.chart = ChartPicture("portfolioChart", LEVELS_INCHES, 220)
        self.chart_box = QVBoxLayout()
        self.chart_box.addWidget(self.chart)

        top = QHBoxLayout()
        top.addWidget(self.back_btn)
        top.addWidget(self.title, 1)
        top.addWidget(self.export_btn)
        upper = QHBoxLayout()
        col1 = QVBoxLayout()
        col1.addWidget(self.by_tier_title)
        col1.addWidget(self.by_tier)
        col2 = QVBoxLayout()
        col2.addWidget(self.levels_title)
        col2.addWidget(self.levels)
        col2.addLayout(self.chart_box, 1)
        upper.addLayout(col1, 3)
        upper.addLayout(col2, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.totals)
        lay.addLayout(upper, 3)
        lay.addWidget(self.closest_title)
        lay.addWidget(self.closest, 2)
        self.retranslate()

    # --- loading ----------------------------------------------------------------------------------
    def refresh(self, ws: Workspace, pack: Pack, pack_for: Callable[[str, str], Pack]) -> Job:
        self.ws = ws
        self.job = run_in_background(
            self,
            lambda p: portfolio_data(ws, pack, pack_for, p),
            tr("ui.pf.loading", self.lang),
            self.show_data,
            lang=self.lang,
        )
        return self.job

    def show_data(self, data: Portfolio) -> None:
        self.data = data
        self._fill()
        emit(self.loaded)

    def _fill(self) -> None:
        p, lang = self.data, self.lang
        if p is None:
            return
        pack = p.pack
        self.totals.setText(
            tr(
                "ui.pf.totals",
                lang,
                n=len(p.entries) + p.not_assessed,
                assessed=len(p.entries),
                not_assessed=p.not_assessed,
            )
        )
        tiers = [t.id for t in sorted(pack.tiers, key=lambda t: -t.rank)] + [NONE]
        counts = p.tier_counts()
        self.by_tier.setColumnCount(len(tiers) + 2)
        self.by_tier.setHorizontalHeaderLabels(
            [tr("ui.ws.col.industry", lang)] + [tier_name(pack, t, lang) for t in tiers] + [tr("ui.pf.total", lang)]
        )
        inds = sorted(counts, key=lambda i: list(pack.industries).index(i) if i in pack.industries else 99)
        self.by_tier.setRowCount(len(inds) + 1)
        for row, ind in enumerate([*inds, None]):
            c = counts.get(ind, Counter()) if ind else sum(counts.values(), Counter())
            name = (
                (pack.industries[ind].name.get(lang) if ind in pack.industries else str(ind))
                if ind
                else tr("ui.pf.total", lang)
            )
            cells = [name] + [str(c.get(t, 0)) for t in tiers] + [str(sum(c.values()))]
            for col, text in enumerate(cells):
                it = QTableWidgetItem(text)
                if col:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.by_tier.setItem(row, col, it)
        header = self.by_tier.horizontalHeader()  # tier names whole (English ones are long)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        levels = p.levels()
        lv_ids = [0, *pack.scoring.levels]
        self.levels.setColumnCount(2)
        self.levels.setHorizontalHeaderLabels([tr("ui.ws.col.level", lang), tr("ui.pf.count", lang)])
        self.levels.setRowCount(len(lv_ids))
        for row, lv in enumerate(lv_ids):
            self.levels.setItem(row, 0, QTableWidgetItem(level_name(pack, lv, lang)))
            it = QTableWidgetItem(str(levels.get(lv, 0)))
            it.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.levels.setItem(row, 1, it)
        self.levels.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        closest = p.closest()
        heads = ("name", "industry", "s", "tier", "next", "missing")
        self.closest.setColumnCount(len(heads))
        self.closest.setHorizontalHeaderLabels([tr(f"ui.pf.col.{h}", lang) for h in heads])
        self.closest.setRowCount(len(closest))
        for row, e in enumerate(closest):
            industry = pack.industries.get(e.industry)
            sep = "；" if lang == "zh" else "; "
            missing = sep.join(check_text(pack, c, lang, e.s) for c in e.blocking) or "—"
            cells = [
                e.name,
                industry.name.get(lang) if industry else e.industry,
                fmt_score(e.s),
                tier_name(pack, e.tier, lang),
                tier_name(pack, e.next_tier or NONE, lang),
                missing,
            ]
            for col, text in enumerate(cells):
                it = QTableWidgetItem(text)
                it.setData(Qt.ItemDataRole.UserRole, e.credit_code)
                if col == 5:
                    it.setToolTip(missing)
                self.closest.setItem(row, col, it)
        self.closest.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.closest.resizeColumnToContents(0)
        self.draw_chart()

    def _open(self, row: int, _col: int) -> None:
        it = self.closest.item(row, 0)
        if it is not None:
            emit(self.open_enterprise, str(it.data(Qt.ItemDataRole.UserRole)))

    # --- chart ------------------------------------------------------------------------------------
    def set_charts(self, ready: bool) -> None:
        self.charts_ready = ready
        self.draw_chart()

    def draw_chart(self) -> None:
        if not self.charts_ready or self.data is None:
            return
        from ..report.chart_process import renderer

        pack, lang = self.data.pack, self.lang
        levels, assessed = dict(self.data.levels()), len(self.data.entries)

        def draw(width: int, height: int, dpi: float) -> bytes:
            return bytes(renderer().render(pack, None, lang, "portfolio", levels, assessed, width, height, dpi))

        key = (id(pack), tuple(sorted(levels.items())), assessed, lang)  # what the chart shows
        self.chart.show_chart(key, draw, lang)

    # --- export -----------------------------------------------------------------------------------
    def choose_export(self) -> None:
        if self.data is None:
            return
        start = str(Path(self.ws.path).parent / "portfolio.xlsx") if self.ws is not None else "portfolio.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, tr("ui.pf.export", self.lang), start, tr("ui.file_filter.xlsx", self.lang)
        )
        if path:
            self.export(path)

    def export(self, out: str | Path) -> Job | None:
        data, lang = self.data, self.lang

        def done(path: Path) -> None:
            win = self.window()
            if hasattr(win, "statusBar"):
                win.statusBar().showMessage(tr("ui.export.done", lang, path=str(path)), 10000)

        return run_in_background(
            self,
            lambda p: write_portfolio(data, out, lang, p),  # type: ignore[arg-type]
            tr("ui.export.writing", lang, file=Path(out).name),
            done,
            lang=lang,
        )

    # --- language ---------------------------------------------------------------------------------
    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()
        self._fill()

    def retranslate(self) -> None:
        lang = self.lang
        self.back_btn.setText(tr("ui.ed.back", lang))
        self.title.setText(tr("ui.pf.title", lang))
        self.export_btn.setText(tr("ui.pf.export", lang))
        self.by_tier_title.setText(tr("ui.pf.by_tier", lang))
        self.levels_title.setText(tr("ui.pf.levels", lang))
        self.closest_title.setText(tr("ui.pf.closest", lang, n=CLOSEST))
