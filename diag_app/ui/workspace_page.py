"""The workspace page: every enterprise of the database in a sortable, filterable table.

Rows are fetched from the store once per change, put in pinyin order and given their sort keys and
search texts on a worker thread (``listing``), and held as plain tuples; filtering and sorting
happen in memory (a set lookup per row, one ``list.sort`` per click), so 10,000 enterprises scroll,
filter and sort without a stutter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..collector import collector_paused
from ..describe import tier_name
from ..i18n import tr
from ..model.questionnaire import Pack
from ..model.tiers import NONE
from .signals import emit
from .style import role, text_colour_on, tier_colour

COLUMNS = ("name", "credit_code", "industry", "district", "tier", "score", "level", "last_assessed", "status")
TIER_COLUMN = COLUMNS.index("tier")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Listing:
    """The enterprise rows and what the table works out from them once per change: display texts
    per value, sort keys and search texts per row. Plain Python, so it is made off the GUI thread
    (``listing``) and only handed to the table there."""

    pack: Pack
    lang: str
    rows: list[Any]
    texts: dict[str, dict[Any, Any]]
    keys: list[tuple[Any, ...]]
    search: list[str]
    codes: list[str]


_name_ranks: dict[str, int] = {}  # each name's place in the last full ordering (names rarely change)


def by_name(rows: Sequence[Any]) -> list[Any]:
    """The rows in the order Chinese readers look names up: by pinyin (Qt's Chinese collation,
    digits by value), equal names in the store's order (by credit code). The store sorts by code
    point, which puts 张 before 李. Collating 10,000 names takes ~60 ms; while no new name has come
    the last ordering's ranks are reused (~5 ms)."""
    global _name_ranks
    ranks = _name_ranks
    if any(r.name not in ranks for r in rows):
        collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        collator.setNumericMode(True)
        names = list({r.name for r in rows})
        keys = [collator.sortKey(n) for n in names]
        order = sorted(range(len(names)), key=keys.__getitem__)
        ranks = _name_ranks = {names[i]: rank for rank, i in enumerate(order)}
    return sorted(rows, key=lambda r: ranks[r.name])  # stable: equal names keep the store's order


def listing(rows: Sequence[Any], pack: Pack, lang: str) -> Listing:
    """The rows by name (``by_name``) with the sort keys and search texts of every row, in one
    comprehension each; display texts are worked out by the table only for the rows it shows (a few
    dozen of 10,000). Tiers, levels, industries and statuses take a handful of values, so their
    texts are looked up once per value. A row's name sorts by its place in that order."""
    rows = by_name(rows)
    with collector_paused():  # 50,000 tuples and strings for 10,000 rows
        industries = {k: v.name.get(lang) for k, v in pack.industries.items()}
        for r in rows:
            if r.industry not in industries:
                industries[r.industry] = r.industry or ""
        tiers = {
            t: (_tier_text(pack, t, lang), _tier_rank(pack, t), tier_colour(pack, t) if t else "")
            for t in {r.latest_tier for r in rows}
        }
        texts: dict[str, dict[Any, Any]] = {
            "industry": industries,
            "tier": tiers,
            "level": {
                lv: "" if lv is None else (tr("ui.level.n", lang, level=lv) if lv else tr("level.none", lang))
                for lv in {r.latest_level for r in rows}
            },
            "status": {"draft": tr("ui.status.draft", lang), "final": tr("ui.status.final", lang), None: ""},
        }
        keys = [
            (
                i,
                r.credit_code,
                industries[r.industry],
                r.district or "",
                tiers[r.latest_tier][1],
                r.latest_score,
                r.latest_level,
                (r.last_assessed or "")[:10],
                r.status or "",
            )
            for i, r in enumerate(rows)
        ]
        search = [
            f"{r.name}\n{r.credit_code}\n{industries[r.industry]}\n{r.district or ''}\n{r.industry}".casefold()
            for r in rows
        ]
    return Listing(pack, lang, rows, texts, keys, search, [r.credit_code for r in rows])


def _tier_text(pack: Pack, tier: str | None, lang: str) -> str:
    if not tier:
        return tr("ui.ws.not_assessed", lang)
    try:
        return tier_name(pack, tier, lang)
    except StopIteration:
        return tier


def _tier_rank(pack: Pack, tier: str | None) -> int | None:
    if not tier:
        return None
    if tier == NONE:
        return 0
    for t in pack.tiers:
        if t.id == tier:
            return t.rank
    return 0


class EnterpriseTableModel(QAbstractTableModel):
    def __init__(self, pack: Pack, lang: str, parent: Any = None):
        super().__init__(parent)
        self.pack = pack
        self.lang = lang
        self.rows: list[Any] = []
        self._display: list[tuple[str, ...] | None] = []  # worked out when a row is first shown
        self._texts: dict[str, dict[Any, Any]] = {}  # display texts per value, per column
        self._keys: list[tuple[Any, ...]] = []
        self.codes: list[str] = []
        self._search: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- data -----------------------------------------------------------------------------------
    def listing_for(self, rows: Sequence[Any] | Listing) -> Listing:
        """These rows as this table shows them: a ``Listing`` made for its pack and language is
        taken as it is."""
        if isinstance(rows, Listing) and rows.pack is self.pack and rows.lang == self.lang:
            return rows
        return listing(rows.rows if isinstance(rows, Listing) else rows, self.pack, self.lang)

    def set_rows(self, rows: Sequence[Any] | Listing) -> None:
        rows = self.listing_for(rows)
        self.beginResetModel()
        # taken as they are: sorting makes new lists, nothing changes them in place
        self.rows, self._texts, self._keys = rows.rows, rows.texts, rows.keys
        self._search, self.codes = rows.search, rows.codes
        self._display = [None] * len(self.rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def rows_by_name(self) -> list[Any]:
        """The rows in the list's name order, however the table is sorted now."""
        keys = self._keys
        return [self.rows[i] for i in sorted(range(len(self.rows)), key=lambda i: keys[i][0])]

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.set_rows(self.rows)
        emit(self.headerDataChanged, Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def _shown(self, row: int) -> tuple[str, ...]:
        """The texts of one row as the table shows them (worked out on first use)."""
        texts = self._display[row]
        if texts is None:
            r = self.rows[row]
            t = self._texts
            texts = self._display[row] = (
                r.name,
                r.credit_code,
                t["industry"][r.industry],
                r.district or "",
                t["tier"][r.latest_tier][0],
                "" if r.latest_score is None else f"{r.latest_score:.2f}",
                t["level"][r.latest_level],
                (r.last_assessed or "")[:10],
                t["status"].get(r.status, r.status or ""),
            )
        return texts

    def search_texts(self) -> list[str]:
        return self._search

    # --- Qt model ---------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.codes)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(row)[col]
        if role == SORT_ROLE:
            return self._keys[row][col]
        if role == CODE_ROLE:
            return self.codes[row]
        if role == COLOUR_ROLE and col == TIER_COLUMN:
            return self._texts["tier"][self.rows[row].latest_tier][2]
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return self.rows[row].name
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(f"ui.ws.col.{COLUMNS[section]}", self.lang)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        emit(self.layoutAboutToBeChanged)
        old = self.persistentIndexList()
        old_rows = [self.codes[i.row()] for i in old]
        self._sort_rows(column, order)
        pos = {c: i for i, c in enumerate(self.codes)}
        self.changePersistentIndexList(
            old, [self.index(pos[c], i.column()) for c, i in zip(old_rows, old, strict=True)]
        )
        emit(self.layoutChanged)

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        keys = self._keys
        if column == 0 and order == Qt.SortOrder.AscendingOrder and all(a[0] <= b[0] for a, b in pairwise(keys)):
            return  # the listing's own order (by name): a check instead of a sort, for every refresh
        idx = list(range(len(self.rows)))
        reverse = order == Qt.SortOrder.DescendingOrder
        present = [i for i in idx if keys[i][column] is not None and keys[i][column] != ""]
        absent = [i for i in idx if keys[i][column] is None or keys[i][column] == ""]
        present.sort(key=lambda i: (keys[i][column], keys[i][0]), reverse=reverse)
        idx = present + absent  # blanks stay at the bottom either way
        self.rows = [self.rows[i] for i in idx]
        self._display = [self._display[i] for i in idx]
        self._keys = [self._keys[i] for i in idx]
        self._search = [self._search[i] for i in idx]
        self.codes = [self.codes[i] for i in idx]


def accepting(
    rows: Sequence[Any],
    search_texts: Sequence[str],
    codes: Sequence[str],
    search: str,
    industry: str | None,
    tier: str | None,
) -> set[str] | None:
    """The credit codes of the rows that pass the filters, or None when no filter is set."""
    needle = search.strip().casefold()
    if not needle and not industry and not tier:
        return None
    accepted = set()
    for i, r in enumerate(rows):
        if industry and r.industry != industry:
            continue
        if tier:
            have = r.latest_tier or ""
            if tier == NONE and have not in ("", NONE):
                continue
            if tier != NONE and have != tier:
                continue
        if needle and needle not in search_texts[i]:
            continue
        accepted.add(codes[i])
    return accepted


class EnterpriseFilter(QSortFilterProxyModel):
    """Filters by search text, industry and tier; sorting is delegated to the source model."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._accepted: set[str] | None = None
        self.setDynamicSortFilter(False)

    def set_filters(self, search: str = "", industry: str | None = None, tier: str | None = None) -> None:
        src = self.sourceModel()
        assert isinstance(src, EnterpriseTableModel)
        accepted = accepting(src.rows, src.search_texts(), src.codes, search, industry, tier)
        self.beginFilterChange()
        self._accepted = accepted
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def expect(self, rows: Listing, search: str = "", industry: str | None = None, tier: str | None = None) -> None:
        """The filter for the rows the source is about to be reset to: its reset then filters once,
        with it, instead of once with the old rows' filter and again with theirs (~15 ms of
        10,000 rows on the GUI thread)."""
        self._accepted = accepting(rows.rows, rows.search, rows.codes, search, industry, tier)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if self._accepted is None:
            return True
        src = self.sourceModel()
        return src.codes[source_row] in self._accepted  # type: ignore[attr-defined, no-any-return]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        src = self.sourceModel()
        if src is not None and column >= 0:
            src.sort(column, order)


class TierBadgeDelegate(QStyledItemDelegate):
    """Paints the tier as a coloured pill, so the level of each enterprise shows at a glance."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        colour = index.data(COLOUR_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if not colour:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = option.fontMetrics
        w = fm.horizontalAdvance(text) + 16
        h = min(option.rect.height() - 4, fm.height() + 4)
        r = QRect(option.rect.left() + 4, option.rect.center().y() - h // 2, min(w, option.rect.width() - 8), h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(colour)))
        painter.drawRoundedRect(r, h / 2, h / 2)
        painter.setPen(QColor(text_colour_on(colour)))
        text = fm.elidedText(text, Qt.TextElideMode.ElideRight, r.width() - 12)
        painter.drawText(r, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()


class WorkspacePage(QWidget):
    new_enterprise = Signal()
    edit_enterprise = Signal(str)
    open_latest = Signal(str)
    new_assessment = Signal(str)

    def __init__(self, pack: Pack, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pack = pack
        self.lang = lang
        self.model = EnterpriseTableModel(pack, lang, self)
        self.proxy = EnterpriseFilter(self)
        self.proxy.setSourceModel(self.model)

        self.title = QLabel()
        role(self.title, "pageTitle")
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.industry = QComboBox()
        self.industry.setObjectName("industryFilter")
        self.tier = QComboBox()
        self.tier.setObjectName("tierFilter")
        self.count = QLabel()
        role(self.count, "muted")

        self.view = QTableView()
        self.view.setObjectName("enterpriseTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.view.setItemDelegateForColumn(TIER_COLUMN, TierBadgeDelegate(self.view))
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # By name, A to Z, as the store lists them. Said explicitly: enabling sorting above sorts by
        # the header's default indicator, which is the name column Z to A.
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        for col, width in enumerate((260, 170, 110, 90, 140, 60, 70, 100, 70)):
            self.view.setColumnWidth(col, width)
        self.view.doubleClicked.connect(self._activated)
        self.view.activated.connect(self._activated)

        self.empty = QLabel()
        role(self.empty, "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.btn_new = QPushButton()
        self.btn_new.setObjectName("newEnterprise")
        self.btn_edit = QPushButton()
        self.btn_edit.setObjectName("editEnterprise")
        self.btn_open = QPushButton()
        self.btn_open.setObjectName("openAssessment")
        self.btn_assess = QPushButton()
        self.btn_assess.setObjectName("newAssessment")
        self.btn_new.clicked.connect(self.new_enterprise)
        self.btn_edit.clicked.connect(lambda: self._with_current(lambda c: emit(self.edit_enterprise, c)))
        self.btn_open.clicked.connect(lambda: self._with_current(lambda c: emit(self.open_latest, c)))
        self.btn_assess.clicked.connect(lambda: self._with_current(lambda c: emit(self.new_assessment, c)))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.industry, 1)
        filters.addWidget(self.tier, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_new)
        buttons.addWidget(self.btn_edit)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_assess)
        buttons.addWidget(self.btn_open)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addLayout(filters)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.empty)
        lay.addLayout(buttons)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(120)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        self.industry.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.tier.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.retranslate()

    # --- texts ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = self.lang
        self.title.setText(tr("ui.ws.title", lang))
        self.search.setPlaceholderText(tr("ui.ws.search", lang))
        self.btn_new.setText(tr("ui.ws.new", lang))
        self.btn_edit.setText(tr("ui.ws.edit", lang))
        self.btn_open.setText(tr("ui.ws.open", lang))
        self.btn_assess.setText(tr("ui.ws.assess", lang))
        self.empty.setText(tr("ui.ws.empty", lang))
        ind, tier = self.industry.currentData(), self.tier.currentData()
        for combo in (self.industry, self.tier):
            combo.blockSignals(True)
            combo.clear()
        self.industry.addItem(tr("ui.ws.all_industries", lang), None)
        for k, v in self.pack.industries.items():
            self.industry.addItem(v.name.get(lang), k)
        self.tier.addItem(tr("ui.ws.all_tiers", lang), None)
        for t in sorted(self.pack.tiers, key=lambda t: -t.rank):
            self.tier.addItem(t.name.get(lang), t.id)
        self.tier.addItem(tr("tier.none", lang), NONE)
        self.industry.setCurrentIndex(max(0, self.industry.findData(ind)))
        self.tier.setCurrentIndex(max(0, self.tier.findData(tier)))
        for combo in (self.industry, self.tier):
            combo.blockSignals(False)
        self.model.set_lang(lang)
        self._fit_columns()
        self.apply_filters()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()

    def _fit_columns(self) -> None:
        """Widths from the texts a column can hold (few and known), not from 10,000 rows."""
        fm = self.view.fontMetrics()
        lang = self.lang

        def widest(texts: list[str], pad: int = 24) -> int:
            return max(fm.horizontalAdvance(t) for t in texts) + pad

        tiers = [tier_name(self.pack, t.id, lang) for t in self.pack.tiers]
        tiers += [tr("tier.none", lang), tr("ui.ws.not_assessed", lang)]
        levels = [tr("ui.level.n", lang, level=5), tr("level.none", lang)]
        industries = [i.name.get(lang) for i in self.pack.industries.values()]
        header = self.model.headerData
        for col, texts, pad in (
            (2, industries, 16),
            (4, tiers, 36),
            (6, levels, 16),
        ):
            title = header(col, Qt.Orientation.Horizontal) or ""
            self.view.setColumnWidth(col, max(widest(texts, pad), fm.horizontalAdvance(title) + 24))

    # --- rows -------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any] | Listing, select: str | None = None) -> None:
        """Show these rows, then select ``select`` (a credit code), else the one selected before."""
        select = select or self.current_code()
        new = self.model.listing_for(rows)
        self.proxy.expect(new, *self._filters())
        self.model.set_rows(new)
        self._show_count()
        if select:
            self.select_code(select)

    def _filters(self) -> tuple[str, str | None, str | None]:
        return self.search.text(), self.industry.currentData(), self.tier.currentData()

    def apply_filters(self) -> None:
        self.proxy.set_filters(*self._filters())
        self._show_count()

    def _show_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count.setText(tr("ui.ws.count", self.lang, shown=shown, total=total))
        self.empty.setVisible(total == 0)
        self._update_buttons()

    def current_code(self) -> str | None:
        idx = self.view.currentIndex()
        if not idx.isValid() or not self.view.selectionModel().isRowSelected(idx.row(), QModelIndex()):
            return None
        return idx.data(CODE_ROLE)  # type: ignore[no-any-return]

    def select_code(self, code: str) -> bool:
        try:
            row = self.model.codes.index(code)
        except ValueError:
            return False
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if not idx.isValid():  # filtered out
            return False
        self.view.selectRow(idx.row())
        self.view.setCurrentIndex(idx)
        self.view.scrollTo(idx)
        return True

    def _with_current(self, send: Any) -> None:
        code = self.current_code()
        if code:
            send(code)

    def _activated(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code:
            emit(self.open_latest, code)

    def _update_buttons(self) -> None:
        has = self.current_code() is not None
        for b in (self.btn_edit, self.btn_open, self.btn_assess):
            b.setEnabled(has)
