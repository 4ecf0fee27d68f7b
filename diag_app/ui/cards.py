"""One card per questionnaire item: a requirement to rate, an indicator to type, a yes/no gate.

Cards only show and collect; they hand every change to the editor (``CardHost``), which saves it
through the store at once. Keyboard: 1–4 and 0 rate the focused requirement, 1/Y and 2/N answer
a yes/no item, arrows and PgUp/PgDn move between cards, Enter goes into a card's field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QRectF, Qt, QUrl
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
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..describe import level_name
from ..i18n import tr
from ..model.assessment import NA, Problem, validate_value
from ..model.questionnaire import Condition, Indicator, Pack, Requirement, Scenario
from ..money import fmt_num
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

    def attach(self, card: Card, paths: list[str]) -> None: ...

    def choose_evidence(self, card: Card) -> None: ...

    def move_from(self, card: Card, step: int, after_answer: bool = False) -> None: ...

    def card_focused(self, card: Card) -> None: ...


def _label(text: str, name: str = "", wrap: bool = True, selectable: bool = False) -> QLabel:
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

    item: Requirement | Indicator | Condition | Scenario

    def __init__(self, host: CardHost, item: Any, value: Any, note: str, parent: QWidget | None = None):
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
        self.unanswered = _label(tr("ui.card.unanswered", host.lang), "unanswered", wrap=False)
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

    def eventFilter(self, obj: Any, event: Any) -> bool:
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
        """Show ``self.value`` on the card's buttons (cards with buttons)."""

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


class RequirementCard(Card):
    item: Requirement

    def __init__(
        self,
        host: CardHost,
        item: Requirement,
        value: Any,
        note: str,
        evidence: list[Any],
        parent: QWidget | None = None,
    ):
        super().__init__(host, item, value, note, parent)
        lang = host.lang
        pack = host.pack
        self.setAcceptDrops(not host.read_only)
        level = _label(f"{level_name(pack, item.level, lang)}   {item.id}", "cardLevel", wrap=False, selectable=True)
        self.top.addWidget(level)
        self.top.addStretch(1)
        self.top.addWidget(self.unanswered)
        self.text = _label(item.text.get(lang), "cardText", selectable=True)
        self.lay.addWidget(self.text)
        extra = [item.help.get(lang)]
        if item.evidence.get(lang):
            extra.append(tr("ui.card.evidence_examples", lang, text=item.evidence.get(lang)))
        if any(extra):
            self.lay.addWidget(_label("\n".join(x for x in extra if x), "cardHelp", selectable=True))
        row = QHBoxLayout()
        row.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: list[RatingButton] = []
        for i, rating in enumerate(pack.scoring.ratings):
            key = "0" if rating.value is None else str(i + 1)
            b = RatingButton(f"{key}  {rating.label.get(lang)}")
            b.setProperty("ratingKey", rating.key)
            b.setEnabled(not host.read_only)
            b.setToolTip(tr("ui.card.rate_key", lang, shortcut=key))
            self.group.addButton(b, i)
            self.buttons.append(b)
            row.addWidget(b)
        row.addStretch(1)
        self.group.idClicked.connect(self._clicked)
        self.lay.addLayout(row)
        bottom = QHBoxLayout()
        self.add_note()
        assert self.note is not None
        bottom.addWidget(self.note, 1)
        self.attach_btn = QPushButton(tr("ui.card.attach", lang))
        self.attach_btn.setObjectName("attach")
        self.attach_btn.setEnabled(not host.read_only)
        self.attach_btn.setToolTip(tr("ui.card.attach_tip", lang))
        self.attach_btn.clicked.connect(lambda: self.host.choose_evidence(self))
        bottom.addWidget(self.attach_btn)
        self.lay.addLayout(bottom)
        self.evidence: QLabel | None = None  # made when there is evidence to list
        self.set_evidence(evidence)
        self._show_value()
        self.update_state()

    def search_text(self, lang: str) -> str:
        return f"{self.item.id}\n{self.item.text.get(lang)}\n{self.item.help.get(lang)}"

    def rating_index(self, value: Any) -> int | None:
        for i, r in enumerate(self.host.pack.scoring.ratings):
            if (value == NA and r.value is None) or (r.value is not None and value == r.value and value != NA):
                return i
        return None

    def _show_value(self) -> None:
        idx = self.rating_index(self.value)
        for i, b in enumerate(self.buttons):
            b.setChecked(i == idx)

    def _clicked(self, idx: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.rate(idx)

    def rate(self, idx: int, advance: bool = False) -> None:
        if self.host.read_only:
            self._show_value()
            return
        rating = self.host.pack.scoring.ratings[idx]
        self._choose(NA if rating.value is None else rating.value, advance)

    def handle_key(self, key: Qt.Key) -> bool:
        idx = RATING_KEYS.get(key)
        if idx is None:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.focus_field()
                return True
            return False
        if idx >= len(self.host.pack.scoring.ratings):
            return False
        if key == Qt.Key.Key_0:
            idx = next((i for i, r in enumerate(self.host.pack.scoring.ratings) if r.value is None), idx)
        self.rate(idx, advance=True)
        return True

    def set_evidence(self, rows: list[Any]) -> None:
        if not rows:
            if self.evidence is not None:
                self.evidence.hide()
            return
        if self.evidence is None:
            self.evidence = _label("", "evidenceFiles", selectable=True)
            self.lay.addWidget(self.evidence)
        names = "、".join(f"{r.name}（{_size(r.size)}）" for r in rows)
        self.evidence.setText(tr("ui.card.evidence_files", self.host.lang, n=len(rows), names=names))
        self.evidence.show()

    def evidence_text(self) -> str:
        return self.evidence.text() if self.evidence is not None else ""


def _size(n: int) -> str:
    if n >= 1_048_576:
        return f"{n / 1_048_576:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} B"


class IndicatorCard(Card):
    item: Indicator

    def __init__(self, host: CardHost, item: Indicator, value: Any, note: str, parent: QWidget | None = None):
        super().__init__(host, item, value, note, parent)
        lang = host.lang
        name = _label(item.name.get(lang), "cardText", selectable=True)
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        self.top.addWidget(name, 1)
        if item.optional:
            self.top.addWidget(_label(tr("ui.card.optional", lang), "muted", wrap=False))
        self.top.addWidget(self.unanswered)
        if item.help.get(lang):
            self.lay.addWidget(_label(item.help.get(lang), "cardHelp", selectable=True))
        row = QHBoxLayout()
        self.field = QLineEdit("" if value is None else fmt_num(value, 4).replace(",", ""))
        self.field.setObjectName("value")
        self.field.setMaximumWidth(160)
        self.field.setReadOnly(host.read_only)
        self.field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.field.installEventFilter(self)
        unit = _label(item.unit, wrap=False)
        rng = _label(
            tr("ui.card.range", lang, min=fmt_num(item.min), max=fmt_num(item.max), unit=item.unit), "muted", wrap=False
        )
        row.addWidget(self.field)
        row.addWidget(unit)
        row.addSpacing(12)
        row.addWidget(rng)
        row.addStretch(1)
        self.lay.addLayout(row)
        self.error = _label("", "fieldError")
        self.error.setVisible(False)
        self.lay.addWidget(self.error)
        if item.targets:
            sep = "；" if lang == "zh" else "; "
            targets = sep.join(f"{t.label.get(lang)} {fmt_num(t.value)} {item.unit}".rstrip() for t in item.targets)
            better = tr(f"ui.card.better_{item.better}", lang)
            self.lay.addWidget(_label(tr("ui.card.targets", lang, targets=targets, better=better), "cardEvidence"))
        self.add_note()
        assert self.note is not None
        self.lay.addWidget(self.note)
        self.field.textEdited.connect(self._edited)
        self.field.editingFinished.connect(self.commit)
        self.update_state()

    def search_text(self, lang: str) -> str:
        return f"{self.item.id}\n{self.item.name.get(lang)}\n{self.item.help.get(lang)}"

    def parse(self) -> tuple[Any, Problem | None]:
        """The typed value, or the problem that refuses it (the core's rules)."""
        raw = self.field.text().strip().replace(",", "").replace("，", "").replace(" ", "")
        if self.item.unit and raw.endswith(self.item.unit):
            raw = raw[: -len(self.item.unit)]
        if raw == "":
            return None, None
        try:
            value: Any = float(raw)
        except ValueError:
            value = self.field.text().strip()
        if value != value or value in (float("inf"), float("-inf")):
            value = self.field.text().strip()
        return value, validate_value(self.host.pack, self.item.id, value)

    def _edited(self, _text: str) -> None:
        _value, problem = self.parse()
        self.show_problem(problem)

    def show_problem(self, problem: Problem | None) -> None:
        params = (
            {} if problem is None else {k: fmt_num(v) if isinstance(v, float) else v for k, v in problem.params.items()}
        )
        self.error.setText("" if problem is None else tr(problem.key, self.host.lang, **params))
        self.error.setVisible(problem is not None)

    def commit(self) -> bool:
        if self.host.read_only:
            return False
        value, problem = self.parse()
        self.show_problem(problem)
        if problem is not None or value == self.value:
            return False
        return self._save(value)

    def eventFilter(self, obj: Any, event: Any) -> bool:
        if (
            obj is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if self.parse()[1] is None:
                self.commit()
                self.host.move_from(self, 1, after_answer=True)
            return True
        return super().eventFilter(obj, event)

    def handle_key(self, key: Qt.Key) -> bool:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.field.setFocus()
            self.field.selectAll()
            return True
        return False

    def focus_field(self) -> None:
        self.field.setFocus()


class YesNoCard(Card):
    """A basic condition (满足 / 不满足) or a typical scenario (已具备 / 未具备)."""

    item: Condition | Scenario

    def __init__(
        self, host: CardHost, item: Condition | Scenario, value: Any, note: str, parent: QWidget | None = None
    ):
        super().__init__(host, item, value, note, parent)
        lang = host.lang
        kind = item.kind
        text = item.text.get(lang) if isinstance(item, Condition) else item.name.get(lang)
        self.text = _label(text, "cardText", selectable=True)
        self.top.addWidget(self.text, 1)
        self.top.addWidget(self.unanswered)
        if item.help.get(lang):
            if kind == "condition":
                self.lay.addWidget(_label(item.help.get(lang), "cardHelp", selectable=True))
            else:
                self.setToolTip(item.help.get(lang))
        row = QHBoxLayout()
        self.yes = RatingButton(tr(f"ui.card.{kind}.yes", lang))
        self.no = RatingButton(tr(f"ui.card.{kind}.no", lang))
        for b, v in ((self.yes, True), (self.no, False)):
            b.setEnabled(not host.read_only)
            b.clicked.connect(lambda _c=False, v=v: self._clicked(v))
            row.addWidget(b)
        row.addStretch(1)
        self.lay.addLayout(row)
        if kind == "condition":
            self.add_note()
            assert self.note is not None
            self.lay.addWidget(self.note)
        self._show_value()
        self.update_state()

    def search_text(self, lang: str) -> str:
        item = self.item
        text = item.text.get(lang) if isinstance(item, Condition) else item.name.get(lang)
        return f"{item.id}\n{text}\n{item.help.get(lang)}"

    def _show_value(self) -> None:
        self.yes.setChecked(self.value is True)
        self.no.setChecked(self.value is False)

    def _clicked(self, value: bool) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.answer(value)

    def answer(self, value: bool, advance: bool = False) -> None:
        self._choose(value, advance)

    def handle_key(self, key: Qt.Key) -> bool:
        if key in (Qt.Key.Key_1, Qt.Key.Key_Y):
            self.answer(True, advance=True)
            return True
        if key in (Qt.Key.Key_2, Qt.Key.Key_N, Qt.Key.Key_4):
            self.answer(False, advance=True)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focus_field()
            return True
        return False
