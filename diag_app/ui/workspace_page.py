"""The workspace page: every enterprise of the database in a sortable, filterable table (the table's
model, filter and rows are in enterprise_table.py), with the commands on the selected one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..describe import tier_name
from ..i18n import tr
from ..model.questionnaire import Pack
from ..model.tiers import NONE
from .enterprise_table import (
    CODE_ROLE,
    TIER_COLUMN,
    EnterpriseFilter,
    EnterpriseTableModel,
    Listing,
    TierBadgeDelegate,
    by_name,
    listing,
)
from .signals import emit
from .style import role

if TYPE_CHECKING:
    from ..store import EnterpriseRow

__all__ = ["TIER_COLUMN", "Listing", "WorkspacePage", "by_name", "listing"]


class WorkspacePage(QWidget):
    new_enterprise = Signal()
    edit_enterprise = Signal(str)
    open_latest = Signal(str)
    new_assessment = Signal(str)
    open_examples = Signal()
    delete_enterprise = Signal(str)

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

        self.empty = QLabel()  # the welcome panel's text
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.welcome_title = QLabel()
        role(self.welcome_title, "pageTitle")
        self.welcome_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.btn_examples = QPushButton()
        self.btn_examples.setObjectName("welcomeExamples")
        self.btn_examples.clicked.connect(lambda: emit(self.open_examples))
        self.btn_first = QPushButton()
        self.btn_first.setObjectName("welcomeNew")
        self.btn_first.clicked.connect(lambda: emit(self.new_enterprise))
        self.examples_note = QLabel()
        role(self.examples_note, "muted")
        self.examples_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.examples_note.setWordWrap(True)
        self.welcome = QWidget()
        self.welcome.setObjectName("welcomePanel")
        wl = QVBoxLayout(self.welcome)
        wl.addStretch(1)
        wl.addWidget(self.welcome_title)
        wl.addWidget(self.empty)
        choices = QHBoxLayout()
        choices.addStretch(1)
        choices.addWidget(self.btn_first)
        choices.addWidget(self.btn_examples)
        choices.addStretch(1)
        wl.addLayout(choices)
        wl.addWidget(self.examples_note)
        wl.addStretch(2)

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
        lay.addWidget(self.welcome, 1)
        lay.addLayout(buttons)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(120)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        self.search.installEventFilter(self)
        self.view.installEventFilter(self)
        self.industry.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.tier.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.retranslate()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            obj is self.view
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):  # Delete on the list: the selected enterprise to the recycle bin (asked first)
            self._with_current(lambda c: emit(self.delete_enterprise, c))
            return True
        if (
            obj is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):  # Escape clears the search and hands the keyboard to the list
            self.search.clear()
            self.apply_filters()
            self.view.setFocus()
            return True
        return super().eventFilter(obj, event)

    # --- texts ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = self.lang
        self.title.setText(tr("ui.ws.title", lang))
        self.search.setPlaceholderText(tr("ui.ws.search", lang))
        self.btn_new.setText(tr("ui.ws.new", lang))
        self.btn_edit.setText(tr("ui.ws.edit", lang))
        self.btn_open.setText(tr("ui.ws.open", lang))
        self.btn_assess.setText(tr("ui.ws.assess", lang))
        self.empty.setText(tr("ui.welcome.body", lang))
        self.welcome_title.setText(tr("ui.welcome.title", lang))
        self.btn_first.setText(tr("ui.welcome.first", lang))
        self.btn_examples.setText(tr("ui.welcome.examples", lang))
        self.examples_note.setText(tr("ui.welcome.examples_note", lang))
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
    def set_rows(self, rows: Sequence[EnterpriseRow] | Listing, select: str | None = None) -> None:
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
        self.count.setText(tr("ui.ws.count", self.lang, shown=shown, n=total))
        self.welcome.setVisible(total == 0)  # a first-time user: where to start, not an empty table
        self.view.setVisible(total != 0)
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

    def _with_current(self, send: Callable[[str], None]) -> None:
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
