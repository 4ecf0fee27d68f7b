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
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from ..collector import collector_paused
from ..describe import tier_name
from ..i18n import tr
from ..model.questionnaire import Pack
from ..model.tiers import NONE
from ..money import fmt_score
from .signals import emit
from .style import text_colour_on, tier_colour

if TYPE_CHECKING:
    from ..store import EnterpriseRow

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
    rows: list[EnterpriseRow]
    texts: dict[str, dict[Any, Any]]
    keys: list[tuple[Any, ...]]
    search: list[str]
    codes: list[str]


_name_ranks: dict[str, int] = {}  # each name's place in the last full ordering (names rarely change)


def by_name(rows: Sequence[EnterpriseRow]) -> list[EnterpriseRow]:
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


def listing(rows: Sequence[EnterpriseRow], pack: Pack, lang: str) -> Listing:
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
    def __init__(self, pack: Pack, lang: str, parent: QObject | None = None):
        super().__init__(parent)
        self.pack = pack
        self.lang = lang
        self.rows: list[EnterpriseRow] = []
        self._display: list[tuple[str, ...] | None] = []  # worked out when a row is first shown
        self._texts: dict[str, dict[Any, Any]] = {}  # display texts per value, per column
        self._keys: list[tuple[Any, ...]] = []
        self.codes: list[str] = []
        self._search: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- data -----------------------------------------------------------------------------------
    def listing_for(self, rows: Sequence[EnterpriseRow] | Listing) -> Listing:
        """These rows as this table shows them: a ``Listing`` made for its pack and language is
        taken as it is."""
        if isinstance(rows, Listing) and rows.pack is self.pack and rows.lang == self.lang:
            return rows
        return listing(rows.rows if isinstance(rows, Listing) else rows, self.pack, self.lang)

    def set_rows(self, rows: Sequence[EnterpriseRow] | Listing) -> None:
        rows = self.listing_for(rows)
        self.beginResetModel()
        # taken as they are: sorting makes new lists, nothing changes them in place
        self.rows, self._texts, self._keys = rows.rows, rows.texts, rows.keys
        self._search, self.codes = rows.search, rows.codes
        self._display = [None] * len(self.rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def rows_by_name(self) -> list[EnterpriseRow]:
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
                "" if r.latest_score is None else fmt_score(r.latest_score),
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
    rows: Sequence[EnterpriseRow],
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

    def __init__(self, parent: QObject | None = None):
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
