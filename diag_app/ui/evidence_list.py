"""The evidence files of a requirement's card, one line each: the name and size, and buttons to
open it (a checked copy, with the system's viewer), replace it or remove it. The work is the
editor's (editor_evidence.py): the list only shows and asks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ..i18n import tr
from ..money import fmt_size
from .style import role

if TYPE_CHECKING:
    from ..store import EvidenceRow
    from .cards import RequirementCard


class ElidedLabel(QLabel):
    """One line of text cut in the middle ("…") to the width it is given, the whole in its tooltip:
    a long file name never makes a card wider than the page."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.full = text
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(60)
        self.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setText(self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideMiddle, max(self.width(), 20)))


class EvidenceList(QWidget):
    def __init__(self, card: RequirementCard):
        super().__init__(card)
        self.setObjectName("evidenceList")
        self.card = card
        self.rows: list[EvidenceRow] = []
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.setSpacing(2)
        self.head = QLabel()
        role(self.head, "evidenceFiles")
        self.lay.addWidget(self.head)
        self.lines: list[QWidget] = []

    def show_rows(self, rows: list[EvidenceRow]) -> None:
        host, lang = self.card.host, self.card.host.lang
        for w in self.lines:
            self.lay.removeWidget(w)
            w.deleteLater()
        self.lines = []
        self.rows = list(rows)
        self.head.setText(tr("ui.card.evidence_head", lang, n=len(rows)))
        for r in rows:
            line = QWidget()
            line.setObjectName("evidenceLine")
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 0, 0, 0)
            name = ElidedLabel(f"{r.name}（{fmt_size(r.size)}）" if lang == "zh" else f"{r.name} ({fmt_size(r.size)})")
            name.setObjectName("evidenceName")
            row.addWidget(name, 1)
            for key, obj, act in (
                ("ui.ev.open", "evidenceOpen", lambda _c=False, r=r: host.open_evidence(self.card, r)),
                ("ui.ev.replace", "evidenceReplace", lambda _c=False, r=r: host.replace_evidence(self.card, r)),
                ("ui.ev.remove", "evidenceRemove", lambda _c=False, r=r: host.remove_evidence(self.card, r)),
            ):
                b = QPushButton(tr(key, lang))
                b.setObjectName(obj)
                b.setFlat(True)
                b.setEnabled(obj == "evidenceOpen" or not host.read_only)
                b.clicked.connect(act)
                row.addWidget(b)
            self.lay.addWidget(line)
            self.lines.append(line)
        self.setVisible(bool(rows))

    def text(self) -> str:
        names = "、".join(r.name for r in self.rows)
        return f"{self.head.text()} {names}" if self.rows else ""

    def line_of(self, name: str) -> QWidget | None:
        return next((w for w, r in zip(self.lines, self.rows, strict=True) if r.name == name), None)
