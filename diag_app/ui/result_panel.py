"""The result panel beside the editor: S, CMMM level, Shanghai and national tier with the reasons,
radar and level-score charts, updated as answers change.

It computes nothing itself: ``diagnose`` gives the numbers, ``describe`` the words, and the
report's chart functions the figures (the very ones the PDF uses), drawn in the chart process
(``report.chart_process``) and shown here as pictures.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..describe import check_text, level_name, tier_claim, tier_name
from ..i18n import tr
from ..model.assessment import Assessment
from ..model.diagnosis import Result
from ..model.questionnaire import Pack
from ..model.scoring import score
from ..model.tiers import national_tier, shanghai_tier
from ..money import fmt_score
from .result_margins import MarginsView
from .signals import emit
from .style import UNANSWERED_COLOUR, make_badge, role, tier_colour

if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import ModuleType

    from ..model.tiers import Check
    from ..progress import Progress

log = logging.getLogger(__name__)

RECOMPUTE_MS = 60
REDRAW_MS = 350


def _label(name: str = "", wrap: bool = True) -> QLabel:
    lab = QLabel()
    if name:
        role(lab, name)
    lab.setWordWrap(wrap)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


def live_result(pack: Pack, a: Assessment) -> Result:
    """The part of the diagnosis this panel shows: scores and both tier decisions, straight from
    the model (~15 ms). Renewal suggestions and support (``diagnose``'s slow part, ~0.4 s) are
    not shown here, so they are left empty rather than recomputed on every keystroke."""
    s = score(pack, a)
    return Result(a, s, shanghai_tier(pack, s), national_tier(pack, s), (), (), 0.0, None)


class ResultPanel(QScrollArea):
    updated = Signal(object)  # the new Result

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("resultPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(300)
        self.lang = lang
        self.pack: Pack | None = None
        self.assessment: Assessment | None = None
        self.result: Result | None = None
        self.charts: ModuleType | None = None  # the report's chart module once loaded
        self.charts_error: str = ""
        self._canvases: list[QWidget] = []
        self._drawn_key: tuple[Any, ...] | None = None  # what the charts on screen show
        self._chart_gen = 0  # which assessment the charts are for (moved on by clear())
        self._chart_busy = False  # a drawing is in flight
        self._chart_again = False  # and another was asked for meanwhile

        body = QWidget()
        self.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(8, 6, 8, 6)
        self.heading = _label("pageTitle")
        self.provisional = _label("provisional")
        self.score = _label("bigScore", wrap=False)
        self.prov_badge = QLabel()
        self.prov_badge.setObjectName("provisionalBadge")
        self.prov_badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.level = _label()
        self.margins = MarginsView(lang)  # how far the level is from changing; the N/A warning
        grid = QGridLayout()
        self.sh_caption = _label("muted")
        self.sh_badge = QLabel()
        self.sh_badge.setObjectName("tierBadge")
        self.nat_caption = _label("muted")
        self.nat_badge = QLabel()
        self.nat_badge.setObjectName("nationalBadge")
        for b in (self.sh_badge, self.nat_badge):
            b.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        grid.addWidget(self.sh_caption, 0, 0)
        grid.addWidget(self.sh_badge, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.nat_caption, 1, 0)
        grid.addWidget(self.nat_badge, 1, 1, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)
        self.recognition = _label("muted")  # the badges name thresholds, never a recognition (contract 5)
        self.recognition.setObjectName("tierRecognition")
        self.reasons = _label("reasons")
        self.blocking = _label("blocking")
        self.nat_blocking = _label("nationalBlocking")
        self.chart_box = QVBoxLayout()
        self.chart_note = _label("muted")
        lay.addWidget(self.heading)
        score_row = QHBoxLayout()
        score_row.addWidget(self.score)
        score_row.addWidget(self.prov_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        score_row.addStretch(1)
        lay.addLayout(score_row)
        lay.addWidget(self.provisional)
        lay.addWidget(self.level)
        lay.addWidget(self.margins)
        lay.addLayout(grid)
        lay.addWidget(self.recognition)
        lay.addWidget(self.reasons)
        lay.addWidget(self.blocking)
        lay.addWidget(self.nat_blocking)
        lay.addWidget(self.chart_note)
        lay.addLayout(self.chart_box)
        lay.addStretch(1)

        self._recompute = QTimer(self)
        self._recompute.setSingleShot(True)
        self._recompute.setInterval(RECOMPUTE_MS)
        self._recompute.timeout.connect(self._cooldown_over)
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self.draw_charts)
        self.clear()

    # --- input ------------------------------------------------------------------------------------
    def show_assessment(self, pack: Pack, assessment: Assessment, now: bool = False) -> None:
        if self.assessment is None or self.assessment.uuid != assessment.uuid:
            self.verticalScrollBar().setValue(0)  # another assessment: its result from the top
        self.pack = pack
        self.assessment = assessment
        # Leading edge: the first change shows at once; changes within the cool-down that
        # follows are merged into one more recompute when it ends.
        if now or not self._recompute.isActive():
            self._pending = False
            self.recompute()
            self._recompute.start()
        else:
            self._pending = True

    def _cooldown_over(self) -> None:
        if getattr(self, "_pending", False):
            self._pending = False
            self.recompute()
            self._recompute.start()

    def clear(self) -> None:
        self.pack = self.assessment = self.result = None
        self.heading.setText(tr("ui.res.title", self.lang))
        for w in (self.provisional, self.score, self.level, self.reasons, self.blocking, self.nat_blocking):
            w.setText("")
        self.sh_caption.setText("")
        self.nat_caption.setText("")
        self.prov_badge.clear()
        self.prov_badge.setVisible(False)
        self.margins.clear()
        self.sh_badge.clear()
        self.nat_badge.clear()
        self.sh_badge.setStyleSheet("")
        self.nat_badge.setStyleSheet("")
        self._chart_gen += 1
        self._chart_again = False
        self._drop_canvases()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.heading.setText(tr("ui.res.title", lang))
        if self.pack is not None and self.assessment is not None:
            self.recompute()

    # --- numbers and words ------------------------------------------------------------------------
    def recompute(self) -> None:
        if self.pack is None or self.assessment is None:
            return
        try:
            result = live_result(self.pack, self.assessment)
        except Exception as exc:  # an assessment the model refuses: say so in the panel
            from .errors import error_text

            what, detail, _hint = error_text(exc, self.lang)
            self.provisional.setText(f"{what}\n{detail}")
            return
        self.result = result
        self._show(result)
        emit(self.updated, result)
        if self.charts is not None:
            self._redraw.start()

    def _show(self, r: Result) -> None:
        pack, lang, s = self.pack, self.lang, r.scores
        assert pack is not None
        self.heading.setText(tr("ui.res.title", lang))
        self.provisional.setText(tr("summary.provisional", lang, n=len(s.missing)) if s.provisional else "")
        self.provisional.setVisible(s.provisional)
        make_badge(self.prov_badge, tr("ui.res.provisional", lang), UNANSWERED_COLOUR)
        self.prov_badge.setVisible(s.provisional)
        self.score.setText(tr("ui.res.score", lang, s=fmt_score(s.s)))
        self.level.setText(tr("ui.res.level", lang, level=level_name(pack, s.level, lang)))
        self.margins.show_result(pack, r.assessment, s, lang)
        self.sh_caption.setText(tr("ui.res.shanghai", lang))
        self.nat_caption.setText(tr("ui.res.national", lang))
        make_badge(self.sh_badge, tier_name(pack, r.tier.tier, lang), tier_colour(pack, r.tier.tier))
        make_badge(self.nat_badge, tier_name(pack, r.national.tier, lang), tier_colour(pack, r.national.tier))
        self.sh_badge.setProperty("tier", r.tier.tier)
        self.nat_badge.setProperty("tier", r.national.tier)
        self.sh_badge.setToolTip(tier_claim(pack, r.tier.tier, lang))
        self.nat_badge.setToolTip(tier_claim(pack, r.national.tier, lang))
        self.recognition.setText(tr("ui.res.recognition", lang))

        def lines(title: str, checks: Sequence[Check], mark: str) -> str:
            if not checks:
                return ""
            return "\n".join([title, *(f"{mark} {check_text(pack, c, lang, s.s)}" for c in checks)])

        self.reasons.setText(lines(tr("summary.reasons", lang), r.tier.decisive, "✓"))
        self.reasons.setVisible(bool(r.tier.decisive))
        nxt = r.tier.next_tier
        self.blocking.setText(
            lines(tr("summary.blocking", lang, tier=tier_name(pack, nxt, lang)), r.tier.blocking, "✗") if nxt else ""
        )
        self.blocking.setVisible(bool(nxt and r.tier.blocking))
        nn = r.national.next_tier
        self.nat_blocking.setText(
            lines(tr("summary.blocking", lang, tier=tier_name(pack, nn, lang)), r.national.blocking, "✗") if nn else ""
        )
        self.nat_blocking.setVisible(bool(nn and r.national.blocking))

    def tier_text(self) -> str:
        return self.sh_badge.text()

    # --- charts -------------------------------------------------------------------------------------
    def set_charts(self, module: ModuleType | None, error: str = "") -> None:
        """Called once the chart module (and matplotlib) is loaded, or failed to load."""
        self.charts = module
        self.charts_error = error
        if module is None:
            self.chart_note.setText(tr("ui.res.charts_unavailable", self.lang, detail=error))
            return
        self.chart_note.setText("")
        if self.result is not None:
            self.draw_charts()

    def _drop_canvases(self) -> None:
        self._drawn_key = None
        for c in self._canvases:
            self.chart_box.removeWidget(c)
            c.setParent(None)
            c.deleteLater()
        self._canvases = []

    @staticmethod
    def _chart_key(pack: Pack, r: Result, lang: str, width: int) -> tuple[Any, ...]:
        """Everything the radar and the level bars show: the same key draws the same pictures.

        Most changes (a note, evidence, an answer that leaves its sub-domain's score as it was)
        leave it alone, and then there is nothing to redraw.
        """
        s = r.scores
        return (
            id(pack),
            lang,
            width,
            tuple((sd, round(v.score, 6)) for sd, v in s.subdomains.items()),
            tuple(sorted((k, None if v is None else round(v, 6)) for k, v in s.level_scores.items())),
            r.tier.tier,
            r.tier.next_tier,
        )

    def draw_charts(self) -> None:
        """Have the report's figures drawn in the chart process and show them as images.

        Building and rasterising two matplotlib figures takes several hundred milliseconds; even
        on a worker thread it held the GIL long enough to freeze the window (see ``report.chart_process``).
        The images are exactly what the same figure code gives the PDF. One drawing is in flight
        at a time: requests meanwhile are merged into one more when it is done (drawing takes longer
        than answering does, so queueing them would fall ever further behind and hold the workers
        that exports and imports need). A request for what is on screen is skipped.
        """
        if self.charts is None or self.result is None or self.pack is None:
            return
        if self._chart_busy:
            self._chart_again = True
            return
        from ..report.chart_process import renderer
        from .background import run_in_background

        # Room for the layout margins and the scroll bar, whether or not it shows, so no sideways
        # scrolling, and the bar appearing under the first charts does not call for another drawing.
        width = max(260, self.width() - self.verticalScrollBar().sizeHint().width() - 40)
        key = self._chart_key(self.pack, self.result, self.lang, width)
        if key == self._drawn_key and self._canvases:
            return
        gen = self._chart_gen  # clear() moves it on: then this drawing is for an assessment no longer shown
        # Draw as if on a page about five inches wide, scaled to the panel: the figures were
        # designed for the PDF, and their labels crowd at the screen's full 100 dpi.
        dpi = max(70.0, min(100.0, width / 5.0))
        charts, pack, result, lang = self.charts, self.pack, self.result, self.lang
        wanted = [
            (fn, h)
            for fn, h in (("radar", int(width * 0.95)), ("level_bars", int(width * 0.6)))
            if getattr(charts, fn, None) is not None
        ]

        def work(progress: Progress) -> list[tuple[str, bytes]]:
            return renderer().render(pack, result, lang, "screen", width, dpi, wanted)

        def settle() -> None:
            self._chart_busy = False
            if self._chart_again:
                self._chart_again = False
                self.draw_charts()

        def done(images: list[tuple[str, bytes]]) -> None:
            if gen != self._chart_gen:
                settle()
                return
            new: list[QWidget] = []
            for fn, data in images:
                pix = QPixmap()
                pix.loadFromData(data, "PNG")
                label = QLabel()
                label.setObjectName(f"chart_{fn}")
                label.setPixmap(pix)
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                new.append(label)
            self._drop_canvases()
            for c in new:
                self.chart_box.addWidget(c)
            self._canvases = new
            self._drawn_key = key
            settle()

        def failed(exc: BaseException) -> None:  # a chart that cannot draw must not take the panel down
            log.error("charts failed: %s", exc)
            if gen == self._chart_gen:
                self.chart_note.setText(tr("ui.res.charts_unavailable", self.lang, detail=str(exc)))
            settle()

        self._chart_busy = True
        run_in_background(self, work, "", done, lang=self.lang, cancellable=False, on_error=failed, show_progress=False)

    def chart_widgets(self) -> list[QWidget]:
        return list(self._canvases)
