"""The report's pages laid out with reportlab: the story of cover, contents and sections, with
tables, key–value blocks, paragraphs and figures (the look itself is in ``pagestyle``).

Imported only when a report is made (it imports reportlab at the top); ``pdf`` drives it and
adds the attachments.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from functools import partial
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus import Table as RLTable

from ..i18n import tr
from .document import Block, FigureRef, KeyValues, Para, Report, Section, Signatures, Table
from .fonts import FAMILY
from .linebreak import plain_lines
from .pagestyle import (
    GRID,
    HEAD_BG,
    LABEL_BG,
    MARGIN_B,
    MARGIN_L,
    MARGIN_R,
    MARGIN_T,
    MM,
    PAGE_H,
    PAGE_W,
    STRONG_BG,
    TEXT_W,
    Contents,
    Figures,
    NumberedCanvas,
    Picture,
    SignatureBox,
    markup,
    styles,
    watermark,
)


class _Doc(BaseDocTemplate):
    """Records the page each heading lands on, and where on it, for the bookmarks, the outline
    and the contents page (the canvas writes the bookmarks when it writes the pages)."""

    def __init__(self, layout: PdfLayout, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._layout = layout

    def afterFlowable(self, flowable: Any) -> None:
        entry = getattr(flowable, "_toc", None)
        if entry is None:
            return
        level, text, key = entry
        top = self.frame._y + getattr(flowable, "height", 0) + 8  # the frame's y is below the heading now
        self._layout.bookmarks.setdefault(self.page, []).append((key, level, text, round(top, 1)))
        self._layout.section_pages[key] = self.page


# --- the layout ----------------------------------------------------------------------------

_ALIGN = {"R": "RIGHT", "C": "CENTER", "L": "LEFT"}
_SUFFIX = {"R": "_r", "C": "_c", "L": ""}
_PAD = 3.5
COMPACT_SIZE = 7.3  # reference tables (the answer grid, the product defaults): smaller, tighter
FRAME_H = PAGE_H - MARGIN_T - MARGIN_B
# A token is what must never be broken across lines: a run of anything but spaces and Chinese
# (CJK ideographs, kana, CJK and full-width punctuation break anywhere).
_TOKEN = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+")


def longest_token(text: str, font: str, size: float) -> float:
    """The width of the widest piece of ``text`` that may not be broken (a word, a number, an id)."""
    return max((stringWidth(t, font, size) for t in _TOKEN.findall(text)), default=0.0)


class PdfLayout:
    """One report's pages: ``build()`` returns the PDF bytes as reportlab writes them; then
    ``pages`` is the page count, ``section_pages`` the page each section starts on and
    ``signature_box`` where the digital signature goes (page index, rectangle in points)."""

    def __init__(self, report: Report, figures: Figures):
        self.report, self.figures, self.lang = report, figures, report.lang
        self.S = styles(report.lang)
        self.pages = 0
        self.section_pages: dict[str, int] = {}  # "sec-<number>" -> page
        self.bookmarks: dict[int, list[tuple[str, int, str, float]]] = {}  # page -> key, level, title, top
        self.toc_slots: list[tuple[int, float, float, float, str]] = []  # page, x0, x1, y, key
        self.signature_boxes: list[tuple[int, tuple[float, float, float, float]]] = []
        self.counters = {"table": 0, "figure": 0}
        self._scaled: dict[tuple[str, float], Any] = {}

    @property
    def signature_box(self) -> tuple[int, tuple[float, float, float, float]] | None:
        return self.signature_boxes[-1] if self.signature_boxes else None

    def build(self) -> bytes:
        report, lang = self.report, self.lang
        frame = Frame(
            MARGIN_L,
            MARGIN_B,
            TEXT_W,
            FRAME_H,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        buf = io.BytesIO()
        doc = _Doc(
            self,
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
        on_page = (lambda canv, _doc: watermark(canv, report.watermark)) if report.draft else None
        template = (
            PageTemplate(id="page", frames=[frame], onPage=on_page)
            if on_page
            else PageTemplate(id="page", frames=[frame])
        )
        doc.addPageTemplates([template])
        a85 = rl_config.useA85
        rl_config.useA85 = 0  # binary streams: ASCII85 makes the file bigger and the build slower
        try:
            doc.build(self.story(), canvasmaker=partial(NumberedCanvas, self))
        finally:
            rl_config.useA85 = a85
        return buf.getvalue()

    def story(self) -> list[Any]:
        report, S = self.report, self.S
        story: list[Any] = [
            Spacer(1, 22 * MM),
            Paragraph(markup(report.title), S["title"]),
            Paragraph(markup(tr("report.subtitle", self.lang)), S["subtitle"]),
            Spacer(1, 12 * MM),
            self.keyvalues(report.cover, label_w=0.3),
            Spacer(1, 8 * MM),
        ]
        story += [self.para(p) for p in report.cover_notes]
        story.append(PageBreak())
        toc_entries: list[tuple[int, str, str]] = []
        parts: list[tuple[Section, Paragraph, list[Any]]] = []
        for s in report.sections:
            h = self.heading(s)
            level, text, key = h._toc  # type: ignore[attr-defined]
            if level <= 1:
                toc_entries.append((level, text, key))
            parts.append((s, h, self.blocks(s.blocks)))
        # A heading keeps room below it for what it introduces (or for the next heading and its
        # start, when the section itself is only a title): never alone at a page foot.
        need_after = 0.0
        needs: list[float] = []
        for s, h, flow in reversed(parts):
            if s.keep:
                own = self.height(h) + sum(self.height(f) for f in flow)
            else:
                own = self.height(h) + (self.lead_height(flow) if flow else need_after)
            needs.append(own)
            need_after = own
        needs.reverse()
        body: list[Any] = []
        for (s, h, flow), need in zip(parts, needs, strict=True):
            if s.new_page:
                body.append(PageBreak())
            body += [CondPageBreak(need), h, *flow]
        story.append(Paragraph(markup(tr("report.pdf.contents", self.lang)), S["h1"]))
        story.append(Contents(toc_entries, self.toc_slots))
        return story + body

    # --- measuring ---------------------------------------------------------------------------

    @classmethod
    def height(cls, f: Any) -> float:
        if isinstance(f, KeepTogether):  # its wrap needs a canvas: the sum of its parts
            return sum(cls.height(x) for x in f._content)
        _w, h = f.wrap(TEXT_W, FRAME_H)
        return float(h) + f.getSpaceBefore() + f.getSpaceAfter()

    def lead_height(self, flow: list[Any]) -> float:
        """The least of ``flow`` that must follow a heading or caption on its page: a table's
        header and first rows, a paragraph's first lines, a figure or key–value block whole."""
        first = next((f for f in flow if not isinstance(f, CondPageBreak)), flow[0])
        lead = getattr(first, "_lead", None)
        if lead is not None:
            return float(lead)
        h = self.height(first)
        if isinstance(first, Paragraph):
            return min(h, 3 * first.style.leading + first.getSpaceBefore())
        return min(h, FRAME_H * 0.8)

    def scaled(self, style: str, size: float) -> Any:
        """``style`` at font size ``size`` (a table too wide for its tokens is set smaller)."""
        base = self.S[style]
        if size >= base.fontSize:
            return base
        got = self._scaled.get((style, size))
        if got is None:
            from reportlab.lib.styles import ParagraphStyle

            got = self._scaled[(style, size)] = ParagraphStyle(
                f"{style}@{size}", parent=base, fontSize=size, leading=round(size * base.leading / base.fontSize, 2)
            )
        return got

    def fit_columns(
        self, texts: Sequence[Sequence[str]], fractions: Sequence[float], pad: float, size: float | None = None
    ) -> tuple[list[float], float]:
        """Column widths (points) and a font size such that no word or number is wider than its
        column: the preferred fractions where they allow it, widened where a token needs it (taken
        from the columns with room to spare), the font made smaller only when all columns together
        cannot hold their longest tokens."""
        size = size or self.S["cell"].fontSize
        pref = [f * TEXT_W for f in fractions]
        while True:
            mins = [
                max((longest_token(t, self.S["head"].fontName, size) for t in col), default=0.0) + 2 * pad + 1.5
                for col in texts
            ]
            if sum(mins) <= TEXT_W or size <= 5.5:
                break
            size = round(size - 0.3, 1)
        deficit = sum(max(0.0, m - p) for m, p in zip(mins, pref, strict=True))
        if deficit <= 0:
            return pref, size
        slack = [max(0.0, p - m) for m, p in zip(mins, pref, strict=True)]
        total = sum(slack)
        take = min(1.0, deficit / total) if total else 0.0
        return [max(p, m) - s * take for m, p, s in zip(mins, pref, slack, strict=True)], size

    # --- blocks ------------------------------------------------------------------------------

    def heading(self, s: Section) -> Paragraph:
        lang, number = self.lang, s.number
        label = tr("report.pdf.appendix", lang, n=number) if number.startswith("A") and s.level == 1 else number
        text = f"{label}\u3000{s.title}" if lang == "zh" else f"{label}  {s.title}"
        p = Paragraph(markup(text), self.S[f"h{s.level}"])
        p._toc = (s.level - 1, text, f"sec-{number}")  # type: ignore[attr-defined]
        return p

    def blocks(self, bs: Sequence[Block]) -> list[Any]:
        out: list[Any] = []
        for b in bs:
            if isinstance(b, Para):
                out.append(self.para(b))
            elif isinstance(b, KeyValues):
                out += [self.keyvalues(b), Spacer(1, 4 if b.across else 6)]
            elif isinstance(b, Table):
                out += self.table(b)
            elif isinstance(b, Signatures):
                out.append(self.signatures(b))
            else:
                out.append(self.figure(b))
        return out

    def cell(self, text: str, style: Any, width: float) -> Any:
        """A table cell ``width`` points wide inside its padding. Chinese cells go to the table
        already broken into lines, as plain strings: the table draws those line by line, with
        the font, leading and alignment its style gives the cell; thousands of Paragraphs (markup
        parser, line breaking on every wrap of a split table) are what made big tables slow."""
        st = self.S[style] if isinstance(style, str) else style
        if self.lang == "zh":
            return "\n".join(plain_lines(text, width, st.fontName, st.fontSize))
        return Paragraph(markup(text), st)

    @staticmethod
    def text_style(rows: tuple[int, int], cols: tuple[int, int], st: Any) -> list[Any]:
        """The table style commands that draw plain-string cells as ``st`` draws paragraphs."""
        (c0, c1), (r0, r1) = cols, rows
        return [
            ("FONT", (c0, r0), (c1, r1), st.fontName, st.fontSize, st.leading),
            ("TEXTCOLOR", (c0, r0), (c1, r1), st.textColor),
        ]

    def table(self, t: Table) -> list[Any]:
        S, lang = self.S, self.lang
        cols = list(zip(t.header, *t.rows, strict=True)) if t.rows else [(h,) for h in t.header]
        widths, size = self.fit_columns(cols, t.widths, _PAD, COMPACT_SIZE if t.compact else None)
        vpad = 1.5 if t.compact else 2.5
        cell_st = self.scaled("cell", size)
        head_st = self.scaled("head", size)

        def build(rows_: Sequence[Sequence[str]]) -> RLTable:
            head = [
                self.cell(h, self.scaled("head" + _SUFFIX[a], size), w - 2 * _PAD)
                for h, a, w in zip(t.header, t.align, widths, strict=True)
            ]
            rows: list[list[Any]] = [head]
            for row in rows_:
                out_row: list[Any] = []
                for c, a, w in zip(row, t.align, widths, strict=True):
                    # a short one-line cell is drawn as a plain string, as any cell is in Chinese
                    if lang != "zh" and "\n" not in c and stringWidth(c, FAMILY, size) <= w - 2 * _PAD - 1:
                        out_row.append(c)
                    else:
                        out_row.append(self.cell(c, self.scaled("cell" + _SUFFIX[a], size), w - 2 * _PAD))
                rows.append(out_row)
            # a split leaves at least two rows under the header on each page: never a header alone
            rl = RLTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", rowSplitRange=(3, -2))
            style: list[Any] = [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(GRID)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD_BG)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *self.text_style((0, 0), (0, -1), head_st),
                *self.text_style((1, -1), (0, -1), cell_st),
                ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
                ("TOPPADDING", (0, 0), (-1, -1), vpad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), vpad + 0.5),
            ]
            for k, a in enumerate(t.align):
                style.append(("ALIGN", (k, 0), (k, -1), _ALIGN[a]))
            for i in t.strong_rows:
                if i < len(rows_):
                    style.append(("BACKGROUND", (0, i + 1), (-1, i + 1), colors.HexColor(STRONG_BG)))
            rl.setStyle(style)
            return rl

        rl = build(t.rows)
        lead = self.height(build(t.rows[:2])) if len(t.rows) > 4 else self.height(rl)
        if not t.caption:
            rl._lead = lead  # type: ignore[attr-defined]
            return [rl, Spacer(1, 6)]
        self.counters["table"] += 1
        caption = Paragraph(
            markup(tr("report.pdf.table", lang, n=self.counters["table"], caption=t.caption)), S["tcaption"]
        )
        need = self.height(caption) + lead
        caption._lead = need  # type: ignore[attr-defined]
        return [CondPageBreak(need), caption, rl, Spacer(1, 6)]

    def keyvalues(self, kv: KeyValues, label_w: float = 0.3, width: float = 1.0) -> Any:
        if kv.across:
            n = len(kv.rows)
            widths, size = self.fit_columns([(k, v) for k, v in kv.rows], [1 / n] * n, 6)
            head, value = self.scaled("head_c", size), self.scaled("cell_c", size)
            rl = RLTable(
                [
                    [self.cell(k, head, w - 12) for (k, _), w in zip(kv.rows, widths, strict=True)],
                    [self.cell(v, value, w - 12) for (_, v), w in zip(kv.rows, widths, strict=True)],
                ],
                colWidths=widths,
                hAlign="LEFT",
            )
            rl.setStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(GRID)),
                    *self.text_style((0, 0), (0, -1), head),
                    *self.text_style((1, 1), (0, -1), value),
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
        label, value = self.S["kv_label"], self.S["kv_value"]
        rows = [[self.cell(k, label, col_w[0] - 10), self.cell(v, value, col_w[1] - 10)] for k, v in kv.rows]
        rl = RLTable(rows, colWidths=col_w, hAlign="LEFT")
        rl.setStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(GRID)),
                *self.text_style((0, -1), (0, 0), label),
                *self.text_style((0, -1), (1, 1), value),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor(LABEL_BG)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
        return rl

    def para(self, p: Para) -> Paragraph:
        bullet = {"ok": "✓", "gap": "×", "bullet": "•"}.get(p.style)
        if bullet is not None:
            return Paragraph(markup(p.text), self.S[p.style], bulletText=bullet)
        return Paragraph(markup(p.text), self.S[p.style])

    def figure(self, f: FigureRef) -> Any:
        w = TEXT_W * f.width
        h = w * self.figures.aspect(f.chart)
        self.counters["figure"] += 1
        text = tr("report.pdf.figure", self.lang, n=self.counters["figure"], caption=f.caption)
        return KeepTogether([Picture(f.chart, w, h), Paragraph(markup(text), self.S["caption"])])

    def signatures(self, b: Signatures) -> Any:
        """The hand-signature lines (who, space to sign, date) and the digital signature box,
        kept on one page."""
        label, value = self.S["kv_label"], self.S["kv_value"]
        col_w = [TEXT_W * 0.34, TEXT_W * 0.4, TEXT_W * 0.26]
        rows = [
            [self.cell(who, label, col_w[0] - 10), "", self.cell(b.date_label, value, col_w[2] - 10)] for who in b.rows
        ]
        heights = [16 * MM] * (len(rows) - 1) + [26 * MM]  # the last line (the seal) has room for a stamp
        lines = RLTable(rows, colWidths=col_w, rowHeights=heights, hAlign="LEFT")
        lines.setStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(GRID)),
                *self.text_style((0, -1), (0, -1), value),  # every cell, the empty ones too: no Helvetica
                *self.text_style((0, -1), (0, 0), label),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
        box = SignatureBox(80 * MM, 32 * MM, b.box_label, self.signature_boxes)
        box.hAlign = "RIGHT"
        return KeepTogether([lines, Spacer(1, 8 * MM), box])


def render_pages(
    report: Report, figures: Figures
) -> tuple[bytes, int, dict[str, int], tuple[int, tuple[float, float, float, float]] | None]:
    """The pages as reportlab writes them, their number, the page each section starts on, and
    the reserved signature box (page index from 0, rectangle in points), if the report has one."""
    layout = PdfLayout(report, figures)
    raw = layout.build()
    return raw, layout.pages, {k[4:]: v for k, v in layout.section_pages.items()}, layout.signature_box
