"""A chart drawn in the chart process and shown as a picture that fills its label: the history
and portfolio pages' charts.

Building and painting a matplotlib figure on the GUI thread blocked the window for 100–250 ms each
time a page drew its chart, and a worker thread would not help (matplotlib holds the GIL; see
``report.chart_process``). So the label asks the chart process for a PNG of its own size, from a
worker thread that only waits on the pipe, and shows it when it comes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ..i18n import tr
from .background import run_in_background

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent, QShowEvent

    from ..progress import Progress

log = logging.getLogger(__name__)

# (width, height, dpi) in device pixels -> PNG bytes; runs on a worker thread
Draw = Callable[[int, int, float], bytes]

RESIZE_MS = 300  # a drag of the splitter or the window redraws once, when it rests
RESIZE_SLACK = 24  # pixels the label may grow or shrink before the picture is redrawn


class ChartPicture(QLabel):
    """Shows what ``show_chart`` asks for, drawn at this label's size.

    One drawing is in flight at a time. A request made meanwhile replaces any earlier one still
    waiting, and a picture that arrives for a request no longer wanted is dropped, so the newest
    always wins and requests never queue up behind a slow drawing. The label takes the size the
    layout gives it (the picture never pushes the page wider) and redraws when that size has
    changed noticeably.
    """

    def __init__(self, name: str, design_inches: float, min_height: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumHeight(min_height)
        self.setWordWrap(True)
        self.design_inches = design_inches
        self.lang = "zh"
        self.shown_key: Hashable | None = None  # the request whose picture is on screen
        self._key: Hashable | None = None  # the request wanted
        self._draw: Draw | None = None
        self._gen = 0  # moved on by every request: a drawing for an older one is stale
        self._busy = False
        self._again = False
        self._shown_size: tuple[int, int] = (0, 0)
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(RESIZE_MS)
        self._resized.timeout.connect(self._request)

    def show_chart(self, key: Hashable, draw: Draw, lang: str) -> None:
        """Show ``draw(width, height, dpi)``, a PNG drawn off the GUI thread. ``key`` names what it
        shows: asking again for what is on screen, at the same size, draws nothing."""
        if key == self._key and self._draw is not None:
            return
        self._key, self._draw, self.lang = key, draw, lang
        self._gen += 1
        self._request()

    def ready(self) -> bool:
        """Whether the picture on screen is the one last asked for."""
        return self._key is not None and self.shown_key == self._key and not self.pixmap().isNull()

    def _size(self) -> tuple[int, int]:
        return max(1, self.width()), max(1, self.height())

    def _request(self) -> None:
        if self._draw is None or not self.isVisible():
            return  # drawn when shown: a hidden label's size is not yet the one it will have
        if self._busy:
            self._again = True
            return
        size = self._size()
        if self.shown_key == self._key and self._near(size, self._shown_size):
            return
        width, height = size
        ratio = self.devicePixelRatioF()  # sharp on a scaled screen
        # As wide as the figure was laid out for, scaled to the label: at the screen's full 100 dpi
        # its labels crowd in a narrow page; below 70 dpi they are too small to read.
        dpi = max(70.0, min(100.0, width / self.design_inches))
        draw, key, gen = self._draw, self._key, self._gen

        def work(_progress: Progress) -> bytes:
            return draw(round(width * ratio), round(height * ratio), dpi * ratio)

        def done(png: bytes) -> None:
            if not shiboken6.isValid(self):  # the page went while the picture was drawn
                return
            if gen == self._gen:
                pix = QPixmap()
                pix.loadFromData(png, "PNG")
                pix.setDevicePixelRatio(ratio)
                self.setPixmap(pix)
                self.shown_key, self._shown_size = key, size
            self._settle()

        def failed(exc: BaseException) -> None:  # a chart that cannot draw must not take the page down
            log.error("chart %s failed: %s", self.objectName(), exc)
            if not shiboken6.isValid(self):
                return
            if gen == self._gen:
                self.setText(tr("ui.res.charts_unavailable", self.lang, detail=str(exc)))
                self.shown_key, self._shown_size = key, size
            self._settle()

        self._busy = True
        run_in_background(self, work, "", done, lang=self.lang, cancellable=False, on_error=failed, show_progress=False)

    def _settle(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self._request()

    @staticmethod
    def _near(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return abs(a[0] - b[0]) <= RESIZE_SLACK and abs(a[1] - b[1]) <= RESIZE_SLACK

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._draw is not None and not self._near(self._size(), self._shown_size):
            self._resized.start(RESIZE_MS)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._draw is not None and self.shown_key != self._key:
            self._resized.start(0)  # once the layout has settled: the first picture should not wait
