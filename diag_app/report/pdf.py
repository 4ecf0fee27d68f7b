"""The report as an A4 PDF (reportlab), verifiable: the assessment rides along as an attachment.

Layout only: what the report says comes from content.build_report, the figures from charts.
Every page has a header (enterprise, report number) and a footer (digest of the embedded
assessment, "第 X 页 共 Y 页"). After reportlab has written the pages, pypdf adds the two
attachments (assessment.json, report.json) and the metadata; see integrity.py.

reportlab, matplotlib and pypdf are imported inside the functions.
"""

from __future__ import annotations

import functools
import io
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ..atomic import write_bytes_atomic
from ..collector import collector_paused
from ..i18n import tr
from ..model.diagnosis import Result
from ..model.questionnaire import Pack
from . import integrity
from .content import Block, FigureRef, KeyValues, Para, Report, ReportMeta, Section, Table, build_report

Progress = Callable[[float, str], None]  # (fraction done 0–1, what happens now, in the report's language)

MM = 72 / 25.4
PAGE_W, PAGE_H = 595.2756, 841.8898  # A4 in points
MARGIN_L = MARGIN_R = 20 * MM
MARGIN_T = 24 * MM
MARGIN_B = 22 * MM
TEXT_W = PAGE_W - MARGIN_L - MARGIN_R
FIGURE_DPI = 200

INK = "#1b2631"
MUTED = "#5d6d7e"
RULE = "#1f3a5f"
HEAD_BG = "#e3e9f1"
LABEL_BG = "#f2f4f7"
STRONG_BG = "#fbf3e4"
GRID = "#9aa5b1"
WARN = "#9a5b00"


@dataclass(frozen=True)
class ReportInfo:
    path: Path | None
    pages: int
    report_id: str
    digest: str


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
    return ReportInfo(Path(out), info.pages, info.report_id, info.digest)


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
        figures = _Figures(pack, result, lang, report)  # drawn in the chart process meanwhile
        step(0.1, "pages")

        def waiting() -> None:  # the pages are written; the charts are not drawn yet
            step(0.85, "charts")
            import pypdf  # noqa: F401  (the attachments' library, ~0.2 s to import: meanwhile)

        raw, pages, section_pages = _render_pages(report, figures, waiting)
        step(0.9, "attachments")
        data = _attach(raw, report, result, section_pages.get("1", 1))
    step(1.0, "done")
    return data, ReportInfo(None, pages, report.report_id, report.digest)


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

    def __init__(self, pack: Pack, result: Result, lang: str, report: Report):
        self.pack, self.result = pack, result
        self.names = list(dict.fromkeys(b.chart for s in report.sections for b in s.blocks if isinstance(b, FigureRef)))
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

    def wait(self) -> list[Any]:
        """The pictures (``charts.Printed``), once drawn; what went wrong drawing them is raised here."""
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self._done


# --- pages ---------------------------------------------------------------------------------


def _styles(lang: str) -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    from .fonts import BOLD, register_reportlab

    font = register_reportlab()
    wrap = "CJK" if lang == "zh" else None
    base = ParagraphStyle(
        "body",
        fontName=font,
        bulletFontName=font,
        fontSize=9.5,
        leading=15,
        textColor=colors.HexColor(INK),
        wordWrap=wrap,
        spaceAfter=3,
    )

    def st(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "title": st(
            "title",
            fontName=BOLD,
            fontSize=24,
            leading=34,
            alignment=TA_CENTER,
            spaceAfter=8,
            textColor=colors.HexColor(RULE),
        ),
        "subtitle": st("subtitle", fontSize=9, leading=14, alignment=TA_CENTER, textColor=colors.HexColor(MUTED)),
        "h1": st(
            "h1",
            fontName=BOLD,
            keepWithNext=1,
            fontSize=14,
            leading=20,
            spaceBefore=6,
            spaceAfter=8,
            textColor=colors.HexColor(RULE),
        ),
        "h2": st("h2", fontName=BOLD, keepWithNext=1, fontSize=11.5, leading=17, spaceBefore=8, spaceAfter=4),
        "h3": st("h3", fontName=BOLD, keepWithNext=1, fontSize=10, leading=15, spaceBefore=6, spaceAfter=3),
        "lead": st("lead", fontName=BOLD, spaceBefore=4, spaceAfter=2),
        "note": st("note", fontSize=8.5, leading=13, textColor=colors.HexColor(MUTED)),
        "small": st("small", fontSize=8, leading=12, textColor=colors.HexColor(MUTED)),
        "bullet": st("bullet", leftIndent=12, bulletIndent=2, spaceAfter=1),
        "ok": st("ok", leftIndent=12, bulletIndent=2, spaceAfter=1),
        "gap": st("gap", leftIndent=12, bulletIndent=2, spaceAfter=1),
        "warn": st(
            "warn",
            leftIndent=5,
            rightIndent=5,
            fontSize=9,
            leading=14,
            textColor=colors.HexColor(WARN),
            borderColor=colors.HexColor(WARN),
            borderWidth=0.6,
            borderPadding=5,
            backColor=colors.HexColor("#fdf6ea"),
            spaceBefore=11,
            spaceAfter=13,
        ),
        "cell": st("cell", fontSize=8.3, leading=11.5, spaceAfter=0),
        "cell_r": st("cell_r", fontSize=8.3, leading=11.5, spaceAfter=0, alignment=TA_RIGHT),
        "cell_c": st("cell_c", fontSize=8.3, leading=11.5, spaceAfter=0, alignment=TA_CENTER),
        "cell_l": st("cell_l", fontSize=8.3, leading=11.5, spaceAfter=0, alignment=TA_LEFT),
        "head": st("head", fontName=BOLD, fontSize=8.3, leading=11.5, spaceAfter=0),
        "head_r": st("head_r", fontName=BOLD, fontSize=8.3, leading=11.5, spaceAfter=0, alignment=TA_RIGHT),
        "head_c": st("head_c", fontName=BOLD, fontSize=8.3, leading=11.5, spaceAfter=0, alignment=TA_CENTER),
        "kv_label": st("kv_label", fontName=BOLD, fontSize=9, leading=13, spaceAfter=0),
        "kv_value": st("kv_value", fontSize=9, leading=13, spaceAfter=0),
        "caption": st(
            "caption",
            fontSize=8.5,
            leading=12,
            alignment=TA_CENTER,
            textColor=colors.HexColor(MUTED),
            spaceBefore=2,
            spaceAfter=10,
        ),
        "tcaption": st("tcaption", fontName=BOLD, fontSize=8.8, leading=13, spaceBefore=6, spaceAfter=3),
    }


def _x(text: str) -> str:
    """Plain text to reportlab paragraph markup."""
    return escape(text).replace("\n", "<br/>")


def _render_pages(report: Report, figures: _Figures, waiting: Callable[[], None]) -> tuple[bytes, int, dict[str, int]]:
    """The pages as reportlab writes them, their number, and the page each section starts on.
    ``waiting`` is called when the pages are done and the charts are waited for."""
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import (
        BaseDocTemplate,
        Flowable,
        Frame,
        KeepTogether,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
    )
    from reportlab.platypus import Table as RLTable

    from .fonts import FAMILY
    from .linebreak import plain_lines

    lang = report.lang
    S = _styles(lang)
    pages_seen: list[int] = []

    class NumberedCanvas(Canvas):
        """Keeps each page until the end, then draws header and footer with the page total."""

        def __init__(self, *args: Any, **kwargs: Any):
            kwargs.setdefault("initialFontName", FAMILY)
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._furniture(self._pageNumber, total)
                Canvas.showPage(self)
            pages_seen.append(total)
            for name in figures.names:  # numbered last, so written last: the pictures have longest
                self._doc.addForm(_image_name(name), _late_image(name, figures, waiting))
            Canvas.save(self)

        def _furniture(self, page: int, total: int) -> None:
            self.saveState()
            for slot_page, x0, x1, y, key in toc_slots:
                if slot_page != page or key not in section_pages:
                    continue
                num = str(section_pages[key])
                self.setFont(FAMILY, 9)
                self.setFillColor(colors.HexColor(INK))
                self.drawRightString(x1, y, num)
                dots_end = x1 - stringWidth(num, FAMILY, 9) - 4
                self.setFillColor(colors.HexColor(GRID))
                n = int((dots_end - x0) / stringWidth(" .", FAMILY, 9))
                if n > 0:
                    self.drawRightString(dots_end, y, " ." * n)
                self.linkAbsolute("", key, (x0 - 200, y - 3, x1, y + 10))
            ink = colors.HexColor(MUTED)
            self.setStrokeColor(colors.HexColor(RULE))
            self.setLineWidth(0.8)
            y_head = PAGE_H - MARGIN_T + 8 * MM
            self.line(MARGIN_L, y_head - 2.2 * MM, PAGE_W - MARGIN_R, y_head - 2.2 * MM)
            self.setFillColor(ink)
            right = tr("report.pdf.header_id", lang, id=report.report_id)
            self.setFont(FAMILY, 8)
            rw = stringWidth(right, FAMILY, 8)
            self.drawRightString(PAGE_W - MARGIN_R, y_head, right)
            left = _fit(f"{report.title} · {report.enterprise}", TEXT_W - rw - 12, FAMILY, 8)
            self.drawString(MARGIN_L, y_head, left)
            y_foot = MARGIN_B - 10 * MM
            self.setLineWidth(0.4)
            self.line(MARGIN_L, y_foot + 4 * MM, PAGE_W - MARGIN_R, y_foot + 4 * MM)
            page_text = tr("report.pdf.page", lang, page=page, pages=total)
            self.setFont(FAMILY, 8)
            self.drawRightString(PAGE_W - MARGIN_R, y_foot, page_text)
            self.setFont(FAMILY, 6.6)
            self.drawString(MARGIN_L, y_foot, tr("report.pdf.footer_digest", lang, digest=report.digest))
            self.restoreState()

    section_pages: dict[str, int] = {}
    toc_slots: list[tuple[int, float, float, float, str]] = []  # page, x0, x1, y, key

    class Doc(BaseDocTemplate):
        def afterFlowable(self, flowable: Any) -> None:
            entry = getattr(flowable, "_toc", None)
            if entry is None:
                return
            level, text, key = entry
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
            section_pages[key] = self.page

    class Picture(Flowable):
        """A chart drawn at a given size, by name: its image is defined when the canvas saves."""

        def __init__(self, chart: str, width: float, height: float):
            super().__init__()
            self.chart, self.width, self.height = chart, width, height

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return self.width, self.height

        def draw(self) -> None:
            canv = self.canv
            canv.saveState()
            canv.scale(self.width, self.height)
            canv.doForm(_image_name(self.chart))  # "Do" draws any XObject, images too, in the unit square
            canv.restoreState()

    class Contents(Flowable):
        """The contents page in one pass: titles now, page numbers and dot leaders when the
        canvas saves (like the page totals), since only then are the pages known."""

        def __init__(self, entries: list[tuple[int, str, str]]):
            super().__init__()
            self.entries = entries
            self.line = 18.0

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return aw, self.line * len(self.entries)

        def draw(self) -> None:
            c = self.canv
            y = self.line * len(self.entries)
            for level, text, key in self.entries:
                y -= self.line
                indent = 16 * level
                size = 10 if level == 0 else 9
                font = FAMILY
                shown = _fit(text, TEXT_W - indent - 40, font, size)
                c.setFont(font, size)
                c.setFillColor(colors.HexColor(INK))
                c.drawString(indent, y + 4, shown)
                x0, y0 = c.absolutePosition(indent + stringWidth(shown, font, size) + 4, y + 4)
                x1, _ = c.absolutePosition(TEXT_W, y + 4)
                toc_slots.append((c.getPageNumber(), x0, x1, y0, key))

    frame = Frame(
        MARGIN_L,
        MARGIN_B,
        TEXT_W,
        PAGE_H - MARGIN_T - MARGIN_B,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    buf = io.BytesIO()
    doc = Doc(
        buf,
        pagesize=(PAGE_W, PAGE_H),
        leftMargin=MARGIN_L,
        rightMargin=MARGIN_R,
        topMargin=MARGIN_T,
        bottomMargin=MARGIN_B,
        title=report.title,
        author=report.enterprise,
        subject=f"{report.enterprise} · {report.report_id}",
        creator=tr("report.cover.app_value", lang, version=report.app_version),
        producer=tr("report.cover.app_value", lang, version=report.app_version),
        keywords=tr("report.pdf.keywords", lang),
        lang="zh-CN" if lang == "zh" else "en",
        initialFontName=FAMILY,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    counters = {"table": 0, "figure": 0}

    def heading(s: Section) -> Paragraph:
        number = s.number
        label = tr("report.pdf.appendix", lang, n=number) if number.startswith("A") and s.level == 1 else number
        text = f"{label}\u3000{s.title}" if lang == "zh" else f"{label}  {s.title}"
        p = Paragraph(_x(text), S[f"h{s.level}"])
        p._toc = (s.level - 1, text, f"sec-{number}")  # type: ignore[attr-defined]
        return p

    def cell(text: str, style: str, width: float) -> Any:
        """A table cell ``width`` points wide inside its padding. Chinese cells go to the table
        already broken into lines, as plain strings: the table draws those line by line, with
        the font, leading and alignment its style gives the cell; thousands of Paragraphs (markup
        parser, line breaking on every wrap of a split table) are what made big tables slow."""
        st = S[style]
        if lang == "zh":
            return "\n".join(plain_lines(text, width, st.fontName, st.fontSize))
        return Paragraph(_x(text), st)

    def text_style(rows: tuple[int, int], cols: tuple[int, int], style: str) -> list[Any]:
        """The table style commands that draw plain-string cells as ``style`` draws paragraphs."""
        st = S[style]
        (c0, c1), (r0, r1) = cols, rows
        return [
            ("FONT", (c0, r0), (c1, r1), st.fontName, st.fontSize, st.leading),
            ("TEXTCOLOR", (c0, r0), (c1, r1), st.textColor),
        ]

    align_of = {"R": "RIGHT", "C": "CENTER", "L": "LEFT"}
    pad = 3.5

    def table(t: Table) -> list[Any]:
        out: list[Any] = []
        if t.caption:
            counters["table"] += 1
            out.append(
                Paragraph(_x(tr("report.pdf.table", lang, n=counters["table"], caption=t.caption)), S["tcaption"])
            )
        suffix = {"R": "_r", "C": "_c", "L": ""}
        widths = [w * TEXT_W for w in t.widths]
        head = [cell(h, "head" + suffix[a], w - 2 * pad) for h, a, w in zip(t.header, t.align, widths, strict=True)]
        rows: list[list[Any]] = [head]
        cell_size = S["cell"].fontSize
        for row in t.rows:
            out_row: list[Any] = []
            for c, a, w in zip(row, t.align, widths, strict=True):
                # a short one-line cell is drawn as a plain string, as any cell is in Chinese
                if lang != "zh" and "\n" not in c and stringWidth(c, FAMILY, cell_size) <= w - 2 * pad - 1:
                    out_row.append(c)
                else:
                    out_row.append(cell(c, "cell" + suffix[a], w - 2 * pad))
            rows.append(out_row)
        rl = RLTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        style: list[Any] = [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(GRID)),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD_BG)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *text_style((0, 0), (0, -1), "head"),
            *text_style((1, -1), (0, -1), "cell"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        for k, a in enumerate(t.align):
            style.append(("ALIGN", (k, 0), (k, -1), align_of[a]))
        for i in t.strong_rows:
            style.append(("BACKGROUND", (0, i + 1), (-1, i + 1), colors.HexColor(STRONG_BG)))
        rl.setStyle(style)
        out.append(rl)
        out.append(Spacer(1, 6))
        return out

    def keyvalues(kv: KeyValues, label_w: float = 0.3, width: float = 1.0) -> Any:
        if kv.across:
            n = len(kv.rows)
            w = TEXT_W / n
            rl = RLTable(
                [[cell(k, "head_c", w - 12) for k, _ in kv.rows], [cell(v, "cell_c", w - 12) for _, v in kv.rows]],
                colWidths=[w] * n,
                hAlign="LEFT",
            )
            rl.setStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(GRID)),
                    *text_style((0, 0), (0, -1), "head_c"),
                    *text_style((1, 1), (0, -1), "cell_c"),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(LABEL_BG)),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
            return rl
        w = TEXT_W * width
        col_w = [w * label_w, w * (1 - label_w)]
        rows = [[cell(k, "kv_label", col_w[0] - 10), cell(v, "kv_value", col_w[1] - 10)] for k, v in kv.rows]
        rl = RLTable(rows, colWidths=col_w, hAlign="LEFT")
        rl.setStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(GRID)),
                *text_style((0, -1), (0, 0), "kv_label"),
                *text_style((0, -1), (1, 1), "kv_value"),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor(LABEL_BG)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
        return rl

    def para(p: Para) -> Paragraph:
        if p.style == "ok":
            return Paragraph(_x(p.text), S["ok"], bulletText="✓")
        if p.style == "gap":
            return Paragraph(_x(p.text), S["gap"], bulletText="×")
        if p.style == "bullet":
            return Paragraph(_x(p.text), S["bullet"], bulletText="•")
        return Paragraph(_x(p.text), S[p.style])

    def figure(f: FigureRef) -> Any:
        w = TEXT_W * f.width
        h = w * figures.aspect(f.chart)
        counters["figure"] += 1
        caption = Paragraph(_x(tr("report.pdf.figure", lang, n=counters["figure"], caption=f.caption)), S["caption"])
        return KeepTogether([Picture(f.chart, w, h), caption])

    def blocks(bs: tuple[Block, ...]) -> list[Any]:
        out: list[Any] = []
        for b in bs:
            if isinstance(b, Para):
                out.append(para(b))
            elif isinstance(b, KeyValues):
                out += [keyvalues(b), Spacer(1, 4 if b.across else 6)]
            elif isinstance(b, Table):
                out += table(b)
            else:
                out.append(figure(b))
        return out

    story: list[Any] = []
    # cover
    story.append(Spacer(1, 22 * MM))
    story.append(Paragraph(_x(report.title), S["title"]))
    story.append(Paragraph(_x(tr("report.subtitle", lang)), S["subtitle"]))
    story.append(Spacer(1, 12 * MM))
    story.append(keyvalues(report.cover, label_w=0.3))
    story.append(Spacer(1, 8 * MM))
    for p in report.cover_notes:
        story.append(para(p))
    story.append(PageBreak())
    # contents
    toc_entries: list[tuple[int, str, str]] = []
    body: list[Any] = []
    for s in report.sections:
        if s.new_page:
            body.append(PageBreak())
        h = heading(s)
        level, text, key = h._toc  # type: ignore[attr-defined]
        if level <= 1:
            toc_entries.append((level, text, key))
        body.append(h)
        body += blocks(s.blocks)
    story.append(Paragraph(_x(tr("report.pdf.contents", lang)), S["h1"]))
    story.append(Contents(toc_entries))
    story += body
    from reportlab import rl_config

    a85 = rl_config.useA85
    rl_config.useA85 = 0  # binary streams: ASCII85 makes the file bigger and the build slower
    try:
        doc.build(story, canvasmaker=NumberedCanvas)
    finally:
        rl_config.useA85 = a85
    return buf.getvalue(), pages_seen[-1], {k[4:]: v for k, v in section_pages.items()}


def _image_name(chart: str) -> str:
    return f"chart_{chart}"


@functools.cache
def _late_image_class() -> type:  # reportlab is imported only when a report is made
    from reportlab.pdfbase.pdfdoc import PDFImageXObject

    class LateImage(PDFImageXObject):
        """A chart's image XObject (RGB, 8 bits a channel, Flate-compressed, as reportlab's
        ``drawImage`` makes it) whose pixels are only asked for when the PDF writes it out.

        The pages name it; it is the last object written, after the pages' streams and the
        subset fonts, so the chart process has had all that time to draw it."""

        def __init__(self, chart: str, figures: _Figures, waiting: Callable[[], None]):
            super().__init__(_image_name(chart))
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


def _late_image(chart: str, figures: _Figures, waiting: Callable[[], None]) -> Any:
    return _late_image_class()(chart, figures, waiting)


def _fit(text: str, width: float, font: str, size: float) -> str:
    """Shorten ``text`` with an ellipsis to fit ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


# --- attachments and metadata --------------------------------------------------------------


def _attach(raw: bytes, report: Report, result: Result, summary_page: int) -> bytes:
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(raw))
    fingerprint = integrity.content_fingerprint(reader)
    # an incremental update: reportlab's bytes stay as they are, the attachments are appended; the
    # writer works from the reader the fingerprint has already parsed
    writer = PdfWriter(reader, incremental=True)
    assessment = integrity.canonical_bytes(result.assessment)
    claims = integrity.claims(
        result, report.digest, report.report_id, report.lang, report.app_version, report.generated
    )
    claims["content_sha256"] = fingerprint
    claims["summary_page"] = summary_page
    writer.add_attachment(integrity.ASSESSMENT_NAME, assessment)
    writer.add_attachment(integrity.CLAIMS_NAME, integrity.canonical_json(claims))
    writer.add_metadata(
        {
            "/SmartFactoryReport": integrity.REPORT_FORMAT,
            "/ReportId": report.report_id,
            "/AssessmentSHA256": report.digest,
            "/Tier": str(claims["tier"]),
            "/NationalTier": str(claims["national_tier"]),
            "/Score": f"{claims['s']:.2f}",
        }
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
