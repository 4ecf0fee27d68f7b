"""Colours and the small style sheet of the app, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:  # the model is not needed to colour the first window (start-up)
    from ..model.questionnaire import Pack

NONE_COLOUR = "#8a8f98"
# By rank within a ladder: the higher the tier, the warmer the badge.
SHANGHAI_COLOURS = {1: "#1f6fb2", 2: "#c0392b"}
NATIONAL_COLOURS = {1: "#5d7d8a", 2: "#2e8b57", 3: "#1f6fb2", 4: "#8e44ad"}
FALLBACK = "#34495e"

ERROR_COLOUR = "#c0392b"
OK_COLOUR = "#2e7d32"
MUTED_COLOUR = "#5f6670"
UNANSWERED_COLOUR = "#e67e22"
ACCENT_COLOUR = "#1f6fb2"
CARD_BORDER = "#d0d4da"
MATCH_BG = "#fff8dc"


def tier_colour(pack: Pack, tier_id: str | None) -> str:
    from ..model.tiers import NONE

    if not tier_id or tier_id == NONE:
        return NONE_COLOUR
    for t in pack.tiers:
        if t.id == tier_id:
            return SHANGHAI_COLOURS.get(t.rank, FALLBACK)
    for t in pack.national_tiers:
        if t.id == tier_id:
            return NATIONAL_COLOURS.get(t.rank, FALLBACK)
    return FALLBACK


def text_colour_on(background: str) -> str:
    c = QColor(background)
    return "#000000" if (0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()) > 170 else "#ffffff"


def make_badge(label: QLabel, text: str, colour: str) -> None:
    label.setText(text)
    label.setStyleSheet(
        f"QLabel {{ background: {colour}; color: {text_colour_on(colour)}; border-radius: 9px;"
        " padding: 2px 10px; font-weight: bold; }"
    )


# Text roles: colour, bold, point-size change. Applied through the palette and the font, not a
# style sheet: style sheets make every widget's polish several times slower, and a page of cards
# must appear at once.
ROLES: dict[str, tuple[str | None, bool, float]] = {
    "muted": (MUTED_COLOUR, False, 0),
    "cardHelp": (MUTED_COLOUR, False, 0),
    "cardEvidence": (MUTED_COLOUR, False, 0),
    "fieldError": (ERROR_COLOUR, False, 0),
    "unanswered": (UNANSWERED_COLOUR, True, 0),
    "saved": (OK_COLOUR, False, 0),
    "provisional": (UNANSWERED_COLOUR, True, 0),
    "evidenceFiles": (OK_COLOUR, False, 0),
    "cardLevel": (ACCENT_COLOUR, True, 0),
    "cardText": (None, False, 0.5),
    "pageTitle": (None, True, 4),
    "bigScore": (None, True, 12),
}


def role(w: QWidget, name: str) -> QWidget:
    """Name a widget and give it the colour and font of its role."""
    w.setObjectName(name)
    spec = ROLES.get(name)
    if spec is None:
        return w
    colour, bold, delta = spec
    if colour:
        pal = w.palette()
        pal.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        pal.setColor(QPalette.ColorRole.Text, QColor(colour))
        w.setPalette(pal)
    if bold or delta:
        f = w.font()
        if bold:
            f.setBold(True)
        if delta:
            f.setPointSizeF(max(6.0, f.pointSizeF() + delta))
        w.setFont(f)
    return w
