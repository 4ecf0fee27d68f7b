"""What every card has: focus, the answered mark, keyboard moves, the note field, evidence by drag
and drop, and the host (the editor) it hands every change to. The cards themselves are in
cards.py."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from ..model.catalogue import ProfileItem
from ..model.questionnaire import Condition, Indicator, Pack, Requirement, Scenario

if TYPE_CHECKING:
    from ..store import EvidenceRow

from .style import ACCENT_COLOUR, CARD_BORDER, MATCH_BG, OK_COLOUR, UNANSWERED_COLOUR, role

RATING_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3, Qt.Key.Key_0: 4}
MOVE_KEYS = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageDown: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageUp: -1,
}


class CardHost(Protocol):
    """What a card needs from the editor around it."""

    pack: Pack
    lang: str
    read_only: bool

    def save_answer(self, card: Card, value: Any, note: str | None = None) -> bool: ...

    def save_note(self, card: Card, note: str) -> bool: ...

    def attach(self, card: Card, paths: list[str]) -> object: ...

    def choose_evidence(self, card: Card) -> None: ...

    def open_evidence(self, card: Card, row: EvidenceRow) -> object: ...

    def replace_evidence(self, card: Card, row: EvidenceRow) -> object: ...

    def remove_evidence(self, card: Card, row: EvidenceRow) -> None: ...

    def move_from(self, card: Card, step: int, after_answer: bool = False) -> None: ...

    def card_focused(self, card: Card) -> None: ...


def text_label(text: str, name: str = "", wrap: bool = True, selectable: bool = False) -> QLabel:
    lab = QLabel(text)
    if name:
        role(lab, name)
    lab.setWordWrap(wrap)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


class RatingButton(QPushButton):
    """A checkable answer button; the chosen answer is filled with the accent colour, so it reads
    at a glance on every platform style."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setObjectName("rating")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.isChecked():
            super().paintEvent(event)
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(ACCENT_COLOUR if self.isEnabled() else "#7f9fbf")
        p.setPen(QPen(colour.darker(115), 1))
        p.setBrush(colour)
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 1.5, -0.5, -1.5), 4, 4)
        p.setPen(QColor("#ffffff"))
        f = self.font()
        f.setBold(True)
        p.setFont(f)
        p.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.text())
        p.end()


class Card(QFrame):
    """Common behaviour: focus, answered state, keyboard moves, note field."""

    item: Requirement | Indicator | Condition | Scenario | ProfileItem

    def __init__(
        self,
        host: CardHost,
        item: Requirement | Indicator | Condition | Scenario | ProfileItem,
        value: Any,
        note: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.host = host
        self.item = item
        self.value = value
        self.setObjectName("card")
        self.current = False
        self.match = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(12, 8, 12, 8)
        self.lay.setSpacing(4)
        self.top = QHBoxLayout()
        self.lay.addLayout(self.top)
        self.unanswered = text_label(tr("ui.card.unanswered", host.lang), "unanswered", wrap=False)
        self.note: QLineEdit | None = None
        self._note_text = note

    @property
    def item_id(self) -> str:
        return self.item.id

    def add_note(self) -> None:
        self.note = QLineEdit(self._note_text)
        self.note.setObjectName("note")
        self.note.setPlaceholderText(tr("ui.card.note", self.host.lang))
        self.note.setReadOnly(self.host.read_only)
        self.note.editingFinished.connect(self._note_done)
        self.note.installEventFilter(self)

    def _note_done(self) -> None:
        assert self.note is not None
        text = self.note.text()
        if text != self._note_text and self.host.save_note(self, text):
            self._note_text = text

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Esc in a field hands the keyboard back to the card.
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.setFocus()
            return True
        return super().eventFilter(obj, event)

    # --- state ------------------------------------------------------------------------------------
    def is_answered(self) -> bool:
        return self.value is not None

    def update_state(self) -> None:
        self.unanswered.setVisible(not self.is_answered())
        self.update()

    def _save(self, value: Any) -> bool:
        """Save ``value`` through the host; only once saved is it the card's value."""
        if self.host.read_only or not self.host.save_answer(self, value):
            return False
        self.value = value
        self.update_state()
        return True

    def _choose(self, value: Any, advance: bool) -> None:
        """A value picked with a button or key: saved, shown as it now stands, then on to the next
        card if asked."""
        self._save(value)
        self._show_value()
        if advance:
            self.host.move_from(self, 1, after_answer=True)

    def _show_value(self) -> None:
        """Show ``self.value`` on the card's buttons or field."""

    def show_answer(self, value: Any, note: str) -> None:
        """Show an answer saved elsewhere (undo, redo): value, note and the answered mark."""
        self.value = value
        self._note_text = note
        if self.note is not None and self.note.text() != note:
            self.note.setText(note)
        self._show_value()
        self.update_state()

    def clear(self) -> None:
        """Take the answer back to unanswered (Delete, or clicking the chosen answer again)."""
        if self.value is not None:
            self._choose(None, advance=False)

    def set_current(self, on: bool) -> None:
        if self.current != on:
            self.current = on
            self.update()

    def set_match(self, on: bool) -> None:
        if self.match != on:
            self.match = on
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """A rounded card; the bar on the left is orange while unanswered, green once answered,
        and the whole border turns blue on the card that has the keyboard."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        base = QColor(MATCH_BG) if self.match else self.palette().color(QPalette.ColorRole.Base)
        border = QColor(ACCENT_COLOUR if self.current else CARD_BORDER)
        p.setPen(QPen(border, 2 if self.current else 1))
        p.setBrush(base)
        p.drawRoundedRect(r, 6, 6)
        bar = QColor(OK_COLOUR if self.is_answered() else UNANSWERED_COLOUR)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(bar)
        p.drawRoundedRect(QRectF(r.left(), r.top(), 5, r.height()), 2.5, 2.5)
        p.end()

    def search_text(self, lang: str) -> str:
        return self.item.id

    # --- keyboard and mouse -----------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.host.card_focused(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        if key in MOVE_KEYS:
            self.host.move_from(self, MOVE_KEYS[key])
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
            return
        if self.handle_key(key):
            return
        super().keyPressEvent(event)

    def handle_key(self, key: Qt.Key) -> bool:
        return False

    def focus_field(self) -> None:
        if self.note is not None:
            self.note.setFocus()

    # --- evidence by drag and drop ----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.host.read_only and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [QUrl(u).toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if Path(p).is_file()]
        if paths:
            event.acceptProposedAction()
            self.host.attach(self, paths)
