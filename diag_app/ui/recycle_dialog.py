"""The recycle bin: enterprises, assessments and evidence files deleted, each restorable whole or
removable for good (asked first). The store keeps them (store/recycle.py); this only lists and asks."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from .confirm import confirm
from .errors import present_error
from .style import role

if TYPE_CHECKING:
    from ..store import DeletedRow, Workspace


class RecycleDialog(QDialog):
    def __init__(
        self,
        ws: Workspace,
        lang: str,
        parent: QWidget | None = None,
        on_change: Callable[[], object] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("recycleDialog")
        self.ws, self.lang, self.on_change = ws, lang, on_change
        self.rows: list[DeletedRow] = []
        self.setWindowTitle(tr("ui.bin.title", lang))
        hint = QLabel(tr("ui.bin.hint", lang))
        hint.setWordWrap(True)
        role(hint, "muted")
        self.tree = QTreeWidget()
        self.tree.setObjectName("binList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([tr(f"ui.bin.col.{c}", lang) for c in ("what", "name", "detail", "when")])
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
            if r.kind == "enterprise":
                detail = tr("ui.bin.assessments", lang, n=r.assessments)
            elif r.kind == "assessment":
                detail = tr("ui.bin.assessment", lang, date=r.date, revisions=r.revisions)
            else:
                detail = r.name
            name = r.name if r.kind != "evidence" else r.credit_code
            it = QTreeWidgetItem([tr(f"ui.bin.kind.{r.kind}", lang), name, detail, r.deleted_at[:16].replace("T", " ")])
            self.tree.addTopLevelItem(it)
        for col in range(4):
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
