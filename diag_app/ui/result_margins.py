"""Under the level in the result panel: how far the CMMM level is from changing (the fewest ratings
that would lift the first level not met, and — when few one-step drops would lose a met level —
the way down), the ratings concerned on request, and the warning when more of the questionnaire
is set aside as 不适用 than the pack accepts without one.

The numbers are the model's (``model.sensitivity``, ``model.applicability``: a few rescorings,
~1–10 ms), the words ``describe``'s; nothing is computed here.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ..describe import item_label
from ..describe_margins import sensitivity_text
from ..i18n import tr
from ..model.applicability import not_applicable
from ..model.sensitivity import Change, sensitivity
from ..money import fmt_num
from .style import ACCENT_COLOUR, role

if TYPE_CHECKING:
    from ..model.assessment import Assessment
    from ..model.questionnaire import Pack
    from ..model.scoring import Scores
    from .window_parts import WindowParts

LINK = "item:"  # the moves are links to their cards

# A met level is called fragile (its way down shown) when this many one-step drops or fewer would
# lose it. A product default: the way down of a level that many answers carry is noise on screen.
FRAGILE_MOVES = 5


def _label(name: str, kind: str = "") -> QLabel:
    lab = QLabel()
    if kind:
        role(lab, kind)
    lab.setObjectName(name)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


def rating_label(pack: Pack, v: float | None, lang: str) -> str:
    if v is None:
        return tr("sens.unanswered", lang)
    for r in pack.scoring.ratings:
        if r.value is not None and abs(r.value - v) < 1e-9:
            return r.label.get(lang)
    return fmt_num(v)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def fragile(c: Change | None) -> bool:
    return c is not None and len(c.moves) <= FRAGILE_MOVES


class MarginsView(QWidget):
    """The sensitivity lines, the moves behind them (shown on click, each a link to its card) and
    the N/A warning."""

    item_chosen = Signal(str)  # a move's item was clicked

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("resultMargins")
        self.lang = lang
        self.up = _label("sensitivityUp")
        self.down = _label("sensitivityDown", "provisional")
        self.down.setObjectName("sensitivityDown")
        self.toggle = QPushButton()
        self.toggle.setObjectName("sensitivityMoves")
        self.toggle.setFlat(True)
        # a link's look: one button, so its style sheet costs nothing
        self.toggle.setStyleSheet(
            f"QPushButton {{ border: none; padding: 0; color: {ACCENT_COLOUR}; text-align: left; }}"
            " QPushButton:hover { text-decoration: underline; }"
        )
        self.toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggle.clicked.connect(self.toggle_moves)
        self.moves = _label("sensitivityList", "muted")
        self.moves.setObjectName("sensitivityList")
        self.moves.setTextFormat(Qt.TextFormat.RichText)
        self.moves.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.moves.linkActivated.connect(self._link)
        self.na = _label("naWarning", "provisional")
        self.na.setObjectName("naWarning")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 2, 0, 2)
        lay.setSpacing(2)
        lay.addWidget(self.up)
        lay.addWidget(self.down)
        lay.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.moves)
        lay.addWidget(self.na)
        self.expanded = False  # the moves shown (kept while the answers change)
        self.move_items: list[str] = []  # the items of the moves listed, in order
        self.clear()

    def clear(self) -> None:
        for w in (self.up, self.down, self.moves, self.na):
            w.setText("")
            w.setVisible(False)
        self.toggle.setVisible(False)

    def show_result(self, pack: Pack, a: Assessment, scores: Scores, lang: str) -> None:
        self.lang = lang
        sens = sensitivity(pack, a, scores)
        shown = [c for c in (sens.up, sens.down if fragile(sens.down) else None) if c is not None]
        self.up.setText(f"↑ {sensitivity_text(pack, sens.up, scores.s, lang)}" if sens.up else "")
        self.down.setText(f"↓ {sensitivity_text(pack, sens.down, scores.s, lang)}" if sens.down in shown else "")
        lines: list[str] = []
        for c in shown:
            lines.append(html.escape(tr("ui.res.sens_up_list" if c.up else "ui.res.sens_down_list", lang)))
            for m in c.moves:
                item = html.escape(_short(item_label(pack, m.item, lang), 30 if lang == "zh" else 56))
                lines.append(
                    "• "
                    + tr(
                        "ui.res.sens_move",
                        lang,
                        item=f'<a href="{LINK}{html.escape(m.item, quote=True)}">{item}</a>',
                        before=html.escape(rating_label(pack, m.before, lang)),
                        after=html.escape(rating_label(pack, m.after, lang)),
                    )
                )
        self.moves.setText("<br>".join(lines))
        self.move_items = [m.item for c in shown for m in c.moves]
        na = not_applicable(pack, a)
        self.na.setText(
            tr("na.warning", lang, share=na.share * 100, limit=(na.limit or 0) * 100, n=na.na_items) if na.warn else ""
        )
        self.up.setVisible(bool(self.up.text()))
        self.down.setVisible(bool(self.down.text()))
        self.toggle.setVisible(bool(lines))
        self.na.setVisible(na.warn)
        self._show_moves()

    def _link(self, href: str) -> None:
        if href.startswith(LINK):
            self.item_chosen.emit(href[len(LINK) :])

    def toggle_moves(self) -> None:
        self.expanded = not self.expanded
        self._show_moves()

    def _show_moves(self) -> None:
        self.moves.setVisible(self.expanded and bool(self.moves.text()))
        self.toggle.setText(tr("ui.res.sens_hide" if self.expanded else "ui.res.sens_moves", self.lang))


def go_to_item(w: WindowParts, item_id: str) -> None:
    """Show the card of ``item_id`` in the editor (a move clicked in the result panel)."""
    ed = w.editor
    if ed is None:
        return
    card = ed.card_for(item_id)
    if card is not None:
        ed.focus_card(card)
