"""The recycle bin: enterprises, assessments and evidence files deleted, each restorable whole or
removable for good (asked first). The store keeps them (store/recycle.py); this only lists and asks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from .confirm import confirm
from .editor_pages import item_title
from .errors import present_error
from .style import role

if TYPE_CHECKING:
    from ..model.questionnaire import Pack
    from ..store import DeletedRow, Workspace


def local_time(stamp: str) -> str:
    """A store time (UTC, ISO 8601) as the user's clock shows it, to the minute."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp[:16].replace("T", " ")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class RecycleDialog(QDialog):
    def __init__(
        self,
        ws: Workspace,
        lang: str,
        parent: QWidget | None = None,
        on_change: Callable[[], object] | None = None,
        pack: Pack | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("recycleDialog")
        self.ws, self.lang, self.on_change, self.pack = ws, lang, on_change, pack
        self.rows: list[DeletedRow] = []
        self.setWindowTitle(tr("ui.bin.title", lang))
        hint = QLabel(tr("ui.bin.hint", lang))
        hint.setWordWrap(True)
        role(hint, "muted")
        self.tree = QTreeWidget()
        self.tree.setObjectName("binList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([tr(f"ui.bin.col.{c}", lang) for c in ("what", "name", "detail", "when")])
        head = self.tree.header()  # the text column takes what is left: no sideways scrolling
        head.setStretchLastSection(False)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.restore_btn = QPushButton(tr("ui.bin.restore", lang))
        self.restore_btn.setObjectName("binRestore")
        self.purge_btn = QPushButton(tr("ui.bin.purge", lang))
        self.purge_btn.setObjectName("binPurge")
        self.restore_btn.clicked.connect(self.restore)
        self.purge_btn.clicked.connect(self.ask_purge)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("ui.help.close", lang))
        buttons.addButton(self.restore_btn, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.purge_btn, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.empty = QLabel(tr("ui.bin.empty", lang))
        role(self.empty, "muted")
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.empty)
        lay.addWidget(buttons)
        self.tree.itemSelectionChanged.connect(self._update)
        self.resize(720, 420)
        self.fill()

    def fill(self) -> None:
        lang = self.lang
        self.rows = self.ws.list_deleted()
        self.tree.clear()
        for r in self.rows:
            name = r.name
            if r.kind == "enterprise":
                detail = tr("ui.bin.assessments", lang, n=r.assessments)
            elif r.kind == "assessment":
                detail = tr("ui.bin.assessment", lang, date=r.date, n=r.revisions)
            else:  # a file taken off an answer: which file, on which item, of which enterprise
                item = item_title(self.pack, r.item_id, lang) if self.pack is not None else r.item_id
                detail = tr("ui.bin.evidence", lang, name=r.name, item=item)
                owner = self.ws.get_enterprise(r.credit_code)
                name = owner.name if owner is not None else r.credit_code
            it = QTreeWidgetItem([tr(f"ui.bin.kind.{r.kind}", lang), name, detail, local_time(r.deleted_at)])
            it.setToolTip(2, detail)
            self.tree.addTopLevelItem(it)
        for col in (0, 1, 3):
            self.tree.resizeColumnToContents(col)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.empty.setVisible(not self.rows)
        self._update()

    def current(self) -> DeletedRow | None:
        item = self.tree.currentItem()
        i = self.tree.indexOfTopLevelItem(item) if item is not None else -1
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def _update(self) -> None:
        has = self.current() is not None
        self.restore_btn.setEnabled(has)
        self.purge_btn.setEnabled(has)

    def restore(self) -> None:
        r = self.current()
        if r is None:
            return
        try:
            if r.kind == "evidence":
                self.ws.restore_evidence(int(r.key))
            else:
                self.ws.restore(r.kind, r.key)
        except Exception as exc:
            present_error(self, exc, self.lang)
        self.fill()
        if self.on_change is not None:
            self.on_change()

    def ask_purge(self) -> None:
        r = self.current()
        if r is None:
            return
        lang = self.lang
        confirm(
            self,
            lang,
            "purgeBox",
            tr("ui.bin.purge_q", lang, name=r.name),
            tr("ui.bin.purge_detail", lang),
            tr("ui.bin.purge", lang),
            lambda: self.purge(r),
        )

    def purge(self, r: DeletedRow) -> None:
        try:
            self.ws.purge(r.kind, r.key)
        except Exception as exc:
            present_error(self, exc, self.lang)
        self.fill()
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
