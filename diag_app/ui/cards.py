"""One card per questionnaire item: a requirement to rate, an indicator to type, a yes/no gate.

Cards only show and collect; they hand every change to the editor (``CardHost``), which saves it
through the store at once. Keyboard: 1–4 and 0 rate the focused requirement, 1/Y and 2/N answer
a yes/no item, arrows and PgUp/PgDn move between cards, Enter goes into a card's field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ..describe import level_name
from ..i18n import tr
from ..model.assessment import NA, Problem, validate_value
from ..model.catalogue import ProfileItem
from ..model.questionnaire import Condition, Indicator, Requirement, Scenario
from ..money import fmt_num
from .card_base import RATING_KEYS, Card, CardHost, RatingButton, text_label
from .evidence_list import EvidenceList

if TYPE_CHECKING:
    from ..store import EvidenceRow

NUMBER_START = frozenset("0123456789.-")

__all__ = ["Card", "CardHost", "IndicatorCard", "RequirementCard", "YesNoCard"]


class RequirementCard(Card):
    item: Requirement

    def __init__(
        self,
        host: CardHost,
        item: Requirement,
        value: Any,
        note: str,
        evidence: list[EvidenceRow],
        parent: QWidget | None = None,
    ):
        super().__init__(host, item, value, note, parent)
        lang = host.lang
        pack = host.pack
        self.setAcceptDrops(not host.read_only)
        level = text_label(
            f"{level_name(pack, item.level, lang)}   {item.id}", "cardLevel", wrap=False, selectable=True
        )
        self.top.addWidget(level)
        self.top.addStretch(1)
        self.top.addWidget(self.unanswered)
        self.text = text_label(item.text.get(lang), "cardText", selectable=True)
        self.lay.addWidget(self.text)
        extra = [item.help.get(lang)]
        if item.evidence.get(lang):
            extra.append(tr("ui.card.evidence_examples", lang, text=item.evidence.get(lang)))
        if any(extra):
            self.lay.addWidget(text_label("\n".join(x for x in extra if x), "cardHelp", selectable=True))
        row = QHBoxLayout()
        row.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: list[RatingButton] = []
        self.na_allowed = pack.format < 2 or item.na_allowed  # format 2: only where the pack says so
        for i, rating in enumerate(pack.scoring.ratings):
            key = "0" if rating.value is None else str(i + 1)
            b = RatingButton(f"{key}  {rating.label.get(lang)}")
            b.setProperty("ratingKey", rating.key)
            b.setEnabled(not host.read_only)
            tip = [tr("ui.card.rate_key", lang, shortcut=key)]
            if rating.value is None and item.na_when.get(lang):
                tip.append(tr("ui.card.na_when", lang, text=item.na_when.get(lang)))
            elif rating.guidance.get(lang):
                tip.append(rating.guidance.get(lang))
            b.setToolTip("\n".join(tip))
            self.group.addButton(b, i)
            self.buttons.append(b)
            if rating.value is None and not self.na_allowed and value != NA:
                b.hide()  # 不适用 is not an answer this item can have
            row.addWidget(b)
        row.addStretch(1)
        self.group.idClicked.connect(self._clicked)
        self.lay.addLayout(row)
        # what the chosen rating means in practice (the pack's guidance), or how to read the ratings
        self.guidance = text_label("", "cardGuidance", selectable=True)
        self.lay.addWidget(self.guidance)
        self.na_reason = text_label("", "fieldError")
        self.na_reason.setVisible(False)
        self.lay.addWidget(self.na_reason)
        self._pending_na = False
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
        self.evidence: EvidenceList | None = None  # made when there is evidence to list
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
        lang = self.host.lang
        ratings = self.host.pack.scoring.ratings
        text = ""
        if idx is not None:
            r = ratings[idx]
            if r.value is None:
                text = (
                    tr("ui.card.na_when", lang, text=self.item.na_when.get(lang)) if self.item.na_when.get(lang) else ""
                )
            elif r.guidance.get(lang):
                text = tr("ui.card.guidance", lang, rating=r.label.get(lang), text=r.guidance.get(lang))
        elif any(r.guidance.get(lang) for r in ratings):
            text = tr("ui.card.guidance_hint", lang)
        self.guidance.setText(text)
        self.guidance.setVisible(bool(text))

    def _clicked(self, idx: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if idx == self.rating_index(self.value) and not self.host.read_only:
            self.clear()  # the chosen answer clicked again: no answer
        else:
            self.rate(idx)

    def rate(self, idx: int, advance: bool = False) -> None:
        if self.host.read_only:
            self._show_value()
            return
        rating = self.host.pack.scoring.ratings[idx]
        if rating.value is None:
            self.choose_na()
            return
        self._pending_na = False
        self.na_reason.setVisible(False)
        self._choose(rating.value, advance)

    def choose_na(self) -> None:
        """不适用 needs a reason in the note (format-2 packs): with one there, it is saved at once;
        else the note takes the keyboard and 不适用 is saved with the reason typed."""
        lang = self.host.lang
        if not self.na_allowed:
            self.na_reason.setText(tr("ui.card.na_not_allowed", lang))
            self.na_reason.setVisible(True)
            self._show_value()
            return
        assert self.note is not None
        if self.note.text().strip() or self.host.pack.format < 2:
            self.na_reason.setVisible(False)
            self._choose(NA, advance=False)
            return
        self._pending_na = True
        self.na_reason.setText(tr("ui.card.na_reason", lang))
        self.na_reason.setVisible(True)
        for b in self.buttons:
            b.setChecked(b.property("ratingKey") == NA)
        self.note.setPlaceholderText(tr("ui.card.na_reason_placeholder", lang))
        self.note.setFocus()

    def _note_done(self) -> None:
        assert self.note is not None
        text = self.note.text()
        if self._pending_na:
            if not text.strip():
                return  # still waiting for the reason (leaving the card cancels, below)
            self._pending_na = False
            self.na_reason.setVisible(False)
            self.note.setPlaceholderText(tr("ui.card.note", self.host.lang))
            if self.host.save_answer(self, NA, text):
                self._note_text = text
                self.value = NA
                self.update_state()
            self._show_value()
            return
        if self.value == NA and not text.strip() and self.host.pack.format >= 2:
            self.na_reason.setText(tr("ui.card.na_reason", self.host.lang))  # the reason cannot go
            self.na_reason.setVisible(True)
            self.note.setText(self._note_text)
            return
        self.na_reason.setVisible(False)
        super()._note_done()

    def set_current(self, on: bool) -> None:
        if not on and self._pending_na and self.note is not None and not self.note.text().strip():
            self._pending_na = False  # left without a reason: 不适用 was not saved
            self.na_reason.setVisible(False)
            self.note.setPlaceholderText(tr("ui.card.note", self.host.lang))
            self._show_value()
        super().set_current(on)

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

    def set_evidence(self, rows: list[EvidenceRow]) -> None:
        """One line per file: its name and size, and open / replace / remove."""
        if self.evidence is None:
            self.evidence = EvidenceList(self)
            self.lay.addWidget(self.evidence)
        self.evidence.show_rows(rows)

    def evidence_text(self) -> str:
        return self.evidence.text() if self.evidence is not None else ""


class IndicatorCard(Card):
    item: Indicator | ProfileItem  # a number: an indicator, or an existing system's count or share

    def __init__(
        self, host: CardHost, item: Indicator | ProfileItem, value: Any, note: str, parent: QWidget | None = None
    ):
        super().__init__(host, item, value, note, parent)
        lang = host.lang
        name = text_label(item.name.get(lang), "cardText", selectable=True)
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        self.top.addWidget(name, 1)
        if item.optional:
            self.top.addWidget(text_label(tr("ui.card.optional", lang), "muted", wrap=False))
        self.top.addWidget(self.unanswered)
        if item.help.get(lang):
            self.lay.addWidget(text_label(item.help.get(lang), "cardHelp", selectable=True))
        row = QHBoxLayout()
        self.field = QLineEdit("" if value is None else fmt_num(value, 4).replace(",", ""))
        self.field.setObjectName("value")
        self.field.setMaximumWidth(160)
        self.field.setReadOnly(host.read_only)
        self.field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.field.installEventFilter(self)
        unit = text_label(item.unit, wrap=False)
        rng = text_label(
            tr("ui.card.range", lang, min=fmt_num(item.min), max=fmt_num(item.max), unit=item.unit), "muted", wrap=False
        )
        row.addWidget(self.field)
        row.addWidget(unit)
        row.addSpacing(12)
        row.addWidget(rng)
        row.addStretch(1)
        self.lay.addLayout(row)
        self.error = text_label("", "fieldError")
        self.error.setVisible(False)
        self.lay.addWidget(self.error)
        if item.targets:
            sep = "；" if lang == "zh" else "; "
            targets = sep.join(f"{t.label.get(lang)} {fmt_num(t.value)} {item.unit}".rstrip() for t in item.targets)
            better = tr(f"ui.card.better_{item.better}", lang)
            self.lay.addWidget(text_label(tr("ui.card.targets", lang, targets=targets, better=better), "cardEvidence"))
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
        if "id" in params:  # the item by its name, as the card shows it, not its id in the pack
            params["id"] = self.item.name.get(self.host.lang)
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

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Typing a number on the card starts the field with it: after Enter moved on from the
        # field above, the digits typed next belong to this indicator, not to nowhere.
        text = event.text()
        if text and text in NUMBER_START and not self.host.read_only:
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)
            self.field.setText(text)
            self._edited(text)
            return
        super().keyPressEvent(event)

    def _show_value(self) -> None:
        self.field.setText("" if self.value is None else fmt_num(self.value, 4).replace(",", ""))
        self.show_problem(None)

    def focus_field(self) -> None:
        self.field.setFocus()


class YesNoCard(Card):
    """A basic condition (满足 / 不满足) or a typical scenario (已具备 / 未具备)."""

    item: Condition | Scenario | ProfileItem

    def __init__(
        self,
        host: CardHost,
        item: Condition | Scenario | ProfileItem,
        value: Any,
        note: str,
        parent: QWidget | None = None,
    ):
        super().__init__(host, item, value, note, parent)
        lang = host.lang
        kind = item.kind
        text = item.text.get(lang) if isinstance(item, Condition) else item.name.get(lang)
        self.text = text_label(text, "cardText", selectable=True)
        self.top.addWidget(self.text, 1)
        self.top.addWidget(self.unanswered)
        if item.help.get(lang):
            if kind in ("condition", "profile"):
                self.lay.addWidget(text_label(item.help.get(lang), "cardHelp", selectable=True))
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
        if self.value is value and not self.host.read_only:
            self.clear()
        else:
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
