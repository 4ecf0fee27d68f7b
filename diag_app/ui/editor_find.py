"""Finding items in the editor: the search field (Enter and F3 go to the next match, Escape
clears it and hands the keyboard back to the card) and the matches it marks."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit

from ..i18n import tr
from .editor_pages import item_text
from .style import role

if TYPE_CHECKING:
    from .cards import Card
    from .editor import AssessmentEditor


class ItemFinder(QObject):
    def __init__(self, editor: AssessmentEditor):
        super().__init__(editor)
        self.editor = editor
        self.matches: list[str] = []  # item ids, in the editor's order
        self.pos = -1
        self.field = QLineEdit()
        self.field.setObjectName("itemSearch")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel()
        role(self.count, "muted")
        self.field.textChanged.connect(self.changed)
        self.field.returnPressed.connect(lambda: self.next(1))
        self.field.installEventFilter(self)

    def retranslate(self) -> None:
        self.field.setPlaceholderText(tr("ui.ed.search", self.editor.lang))
        if self.field.text():
            self.changed(self.field.text())

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def changed(self, text: str) -> None:
        ed = self.editor
        needle = text.strip().casefold()
        self.matches = [it.id for it in ed.ordered_items() if needle and needle in item_text(it, ed.lang)]
        self.pos = -1
        for page in ed.built.values():
            for c in page.cards:
                c.set_match(c.item_id in self.matches)
        self.count.setText(tr("ui.ed.matches", ed.lang, n=len(self.matches)) if needle else "")

    def next(self, step: int) -> Card | None:
        if not self.matches:
            return None
        ed = self.editor
        self.pos = (self.pos + step) % len(self.matches)
        card = ed.card_for(self.matches[self.pos])
        if card is not None:
            for c in ed.visible_cards():
                c.set_match(c.item_id in self.matches)
            ed.focus_card(card)
            self.count.setText(tr("ui.ed.match_pos", ed.lang, i=self.pos + 1, n=len(self.matches)))
        return card

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            obj is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.field.clear()
            card = self.editor.current_card
            if card is not None:
                with contextlib.suppress(RuntimeError):  # its page may have been rebuilt
                    self.editor.focus_card(card)
            return True
        return super().eventFilter(obj, event)
