"""The report as an A4 PDF (reportlab), verifiable: the assessment rides along as an attachment.

Layout only: what the report says comes from content.build_report, the figures from charts.
Every page has a header (enterprise, report number) and a footer (digest of the embedded
assessment, "第 X 页 共 Y 页"). After reportlab has written the pages, pypdf adds the two
attachments (assessment.json, report.json) and the metadata; see integrity.py.

reportlab, matplotlib and pypdf are imported inside the functions.
"""

from __future__ import annotations

import dataclasses
import functools
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import write_bytes_atomic
from ..collector import collector_paused
from ..i18n import tr
from ..model.diagnosis import Result
from ..model.questionnaire import Pack
from . import integrity
from .content import build_report
from .document import FigureRef, Report, ReportMeta

Progress = Callable[[float, str], None]  # (fraction done 0–1, what happens now, in the report's language)

FIGURE_DPI = 200


@dataclass(frozen=True)
class ReportInfo:
    path: Path | None
    pages: int
    report_id: str
    digest: str
    # where the visible digital signature goes: (page index from 0, (x0, y0, x1, y1) in PDF points)
    signature_box: tuple[int, tuple[float, float, float, float]] | None = None


def write_report(
    pack: Pack,
    result: Result,
    out: str | Path,
    lang: str = "zh",
    meta: ReportMeta | Mapping[str, Any] | None = None,
    progress: Progress | None = None,
) -> ReportInfo:
    """Build the report PDF and write it to ``out`` (atomically: a crash leaves no half file)."""
    data, info = report_bytes(pack, result, lang, meta, progress)
    write_bytes_atomic(out, data)
    return dataclasses.replace(info, path=Path(out))


def report_bytes(
    pack: Pack,
    result: Result,
    lang: str = "zh",
    meta: ReportMeta | Mapping[str, Any] | None = None,
    progress: Progress | None = None,
) -> tuple[bytes, ReportInfo]:
    def step(fraction: float, stage: str) -> None:
        if progress is not None:
            progress(fraction, tr(f"report.progress.{stage}", lang))

    with collector_paused():  # ~2 million short-lived objects
        step(0.0, "content")
        report = build_report(pack, result, lang, meta)

        def waiting() -> None:  # the pages are written; the charts are not drawn yet
            step(0.85, "charts")
            import pypdf  # noqa: F401  (the attachments' library, ~0.2 s to import: meanwhile)

        figures = _Figures(pack, result, lang, report, waiting)  # drawn in the chart process meanwhile
        step(0.1, "pages")
        from .layout import render_pages

        raw, pages, section_pages, box = render_pages(report, figures)
        step(0.9, "attachments")
        data = integrity.embed(raw, report, result, ReportMeta.of(meta), section_pages.get("1", 1), box)
    step(1.0, "done")
    return data, ReportInfo(None, pages, report.report_id, report.digest, box)


# --- figures -------------------------------------------------------------------------------


class _Figures:
    """The charts the report names, drawn at print resolution in the chart process
    (``chart_process``) while this process lays out the pages.

    The pages only need each chart's size, which ``charts.figure_inches`` knows without drawing;
    they refer to the pictures by name (a PDF may name an XObject before defining it), and the
    pictures are the last objects written out (see ``_late_image_class``). In a cold process that
    hides matplotlib's import and most of the drawing (~1.5 s) behind the layout; in the app, whose
    chart process is already warm, all of it. Where no chart process can run, or it hangs, the same
    function draws them in this process, on the thread that asked the chart process.
    """

    def __init__(self, pack: Pack, result: Result, lang: str, report: Report, waiting: Callable[[], None]):
        self.pack, self.result, self.waiting = pack, result, waiting
        self.names: list[str] = list(
            dict.fromkeys(b.chart for s in report.sections for b in s.blocks if isinstance(b, FigureRef))
        )
        self._done: list[Any] = []
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        if self.names:
            self._thread = threading.Thread(target=self._draw, args=(lang,), name="report-charts", daemon=True)
            self._thread.start()

    def _draw(self, lang: str) -> None:
        from .chart_process import renderer

        try:
            self._done = renderer().render(self.pack, self.result, lang, "print", self.names, FIGURE_DPI)
        except BaseException as exc:  # handed to the thread that waits for the pictures
            self._error = exc

    def aspect(self, chart: str) -> float:
        """Height over width, as drawn."""
        from .charts import figure_inches

        w, h = figure_inches(chart, self.pack, self.result)
        return h / w

    def ready(self) -> bool:
        return self._thread is None or not self._thread.is_alive()

    def late_image(self, chart: str) -> Any:
        """The chart's image XObject, whose pixels are asked for only when the PDF writes it."""
        return _late_image_class()(chart, self, self.waiting)

    def wait(self) -> list[Any]:
        """The pictures (``charts.Printed``), once drawn; what went wrong drawing them is raised here."""
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self._done


@functools.cache
def _late_image_class() -> type:  # reportlab is imported only when a report is made
    from reportlab.pdfbase.pdfdoc import PDFImageXObject

    class LateImage(PDFImageXObject):
        """A chart's image XObject (RGB, 8 bits a channel, Flate-compressed, as reportlab's
        ``drawImage`` makes it) whose pixels are only asked for when the PDF writes it out.

        The pages name it; it is the last object written, after the pages' streams and the
        subset fonts, so the chart process has had all that time to draw it."""

        def __init__(self, chart: str, figures: _Figures, waiting: Callable[[], None]):
            from .pagestyle import image_name

            super().__init__(image_name(chart))
            self.chart, self.figures, self.waiting = chart, figures, waiting

        def format(self, document: Any) -> Any:
            if not self.figures.ready():
                self.waiting()
            drawn = next(c for c in self.figures.wait() if c.chart == self.chart)
            self.width, self.height = drawn.width, drawn.height
            self.bitsPerComponent = 8
            self.colorSpace = "DeviceRGB"
            self.streamContent = drawn.flate
            self._filters = ("FlateDecode",)
            self.mask = None
            return super().format(document)

    return LateImage
