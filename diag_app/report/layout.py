"""The report's pages laid out with reportlab: the story of cover, contents and sections, with
tables, key–value blocks, paragraphs and figures (the look itself is in ``pagestyle``).

Imported only when a report is made (it imports reportlab at the top); ``pdf`` drives it and
adds the attachments.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import partial
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageBreak, PageTemplate, Paragraph, Spacer
from reportlab.platypus import Table as RLTable

from ..i18n import tr
from .document import Block, FigureRef, KeyValues, Para, Report, Section, Table
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
    markup,
    styles,
)


class _Doc(BaseDocTemplate):
    """Records the page each heading lands on, with a bookmark and an outline entry."""

    def __init__(self, layout: PdfLayout, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._layout = layout

    def afterFlowable(self, flowable: Any) -> None:
        entry = getattr(flowable, "_toc", None)
        if entry is None:
            return
        level, text, key = entry
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        self._layout.section_pages[key] = self.page


# --- the layout ----------------------------------------------------------------------------

_ALIGN = {"R": "RIGHT", "C": "CENTER", "L": "LEFT"}
_SUFFIX = {"R": "_r", "C": "_c", "L": ""}
_PAD = 3.5


class PdfLayout:
    """One report's pages: ``build()`` returns the PDF bytes as reportlab writes them; then
    ``pages`` is the page count and ``section_pages`` the page each section starts on."""

    def __init__(self, report: Report, figures: Figures):
        self.report, self.figures, self.lang = report, figures, report.lang
        self.S = styles(report.lang)
        self.pages = 0
        self.section_pages: dict[str, int] = {}  # "sec-<number>" -> page
        self.toc_slots: list[tuple[int, float, float, float, str]] = []  # page, x0, x1, y, key
        self.counters = {"table": 0, "figure": 0}

    def build(self) -> bytes:
        report, lang = self.report, self.lang
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
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
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
        body: list[Any] = []
        for s in report.sections:
            if s.new_page:
                body.append(PageBreak())
            h = self.heading(s)
            level, text, key = h._toc  # type: ignore[attr-defined]
            if level <= 1:
                toc_entries.append((level, text, key))
            body.append(h)
            body += self.blocks(s.blocks)
        story.append(Paragraph(markup(tr("report.pdf.contents", self.lang)), S["h1"]))
        story.append(Contents(toc_entries, self.toc_slots))
        return story + body

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
            else:
                out.append(self.figure(b))
        return out

    def cell(self, text: str, style: str, width: float) -> Any:
        """A table cell ``width`` points wide inside its padding. Chinese cells go to the table
        already broken into lines, as plain strings: the table draws those line by line, with
        the font, leading and alignment its style gives the cell; thousands of Paragraphs (markup
        parser, line breaking on every wrap of a split table) are what made big tables slow."""
        st = self.S[style]
        if self.lang == "zh":
            return "\n".join(plain_lines(text, width, st.fontName, st.fontSize))
        return Paragraph(markup(text), st)

    def text_style(self, rows: tuple[int, int], cols: tuple[int, int], style: str) -> list[Any]:
        """The table style commands that draw plain-string cells as ``style`` draws paragraphs."""
        st = self.S[style]
        (c0, c1), (r0, r1) = cols, rows
        return [
            ("FONT", (c0, r0), (c1, r1), st.fontName, st.fontSize, st.leading),
            ("TEXTCOLOR", (c0, r0), (c1, r1), st.textColor),
        ]

    def table(self, t: Table) -> list[Any]:
        S, lang = self.S, self.lang
        out: list[Any] = []
        if t.caption:
            self.counters["table"] += 1
            caption = tr("report.pdf.table", lang, n=self.counters["table"], caption=t.caption)
            out.append(Paragraph(markup(caption), S["tcaption"]))
        widths = [w * TEXT_W for w in t.widths]
        head = [
            self.cell(h, "head" + _SUFFIX[a], w - 2 * _PAD) for h, a, w in zip(t.header, t.align, widths, strict=True)
        ]
        rows: list[list[Any]] = [head]
        cell_size = S["cell"].fontSize
        for row in t.rows:
            out_row: list[Any] = []
            for c, a, w in zip(row, t.align, widths, strict=True):
                # a short one-line cell is drawn as a plain string, as any cell is in Chinese
                if lang != "zh" and "\n" not in c and stringWidth(c, FAMILY, cell_size) <= w - 2 * _PAD - 1:
                    out_row.append(c)
                else:
                    out_row.append(self.cell(c, "cell" + _SUFFIX[a], w - 2 * _PAD))
            rows.append(out_row)
        rl = RLTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        style: list[Any] = [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(GRID)),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD_BG)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *self.text_style((0, 0), (0, -1), "head"),
            *self.text_style((1, -1), (0, -1), "cell"),
            ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        for k, a in enumerate(t.align):
            style.append(("ALIGN", (k, 0), (k, -1), _ALIGN[a]))
        for i in t.strong_rows:
            style.append(("BACKGROUND", (0, i + 1), (-1, i + 1), colors.HexColor(STRONG_BG)))
        rl.setStyle(style)
        out.append(rl)
        out.append(Spacer(1, 6))
        return out

    def keyvalues(self, kv: KeyValues, label_w: float = 0.3, width: float = 1.0) -> Any:
        if kv.across:
            n = len(kv.rows)
            w = TEXT_W / n
            rl = RLTable(
                [
                    [self.cell(k, "head_c", w - 12) for k, _ in kv.rows],
                    [self.cell(v, "cell_c", w - 12) for _, v in kv.rows],
                ],
                colWidths=[w] * n,
                hAlign="LEFT",
            )
            rl.setStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(GRID)),
                    *self.text_style((0, 0), (0, -1), "head_c"),
                    *self.text_style((1, 1), (0, -1), "cell_c"),
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
        rows = [[self.cell(k, "kv_label", col_w[0] - 10), self.cell(v, "kv_value", col_w[1] - 10)] for k, v in kv.rows]
        rl = RLTable(rows, colWidths=col_w, hAlign="LEFT")
        rl.setStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(GRID)),
                *self.text_style((0, -1), (0, 0), "kv_label"),
                *self.text_style((0, -1), (1, 1), "kv_value"),
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


def render_pages(report: Report, figures: Figures) -> tuple[bytes, int, dict[str, int]]:
    """The pages as reportlab writes them, their number, and the page each section starts on."""
    layout = PdfLayout(report, figures)
    raw = layout.build()
    return raw, layout.pages, {k[4:]: v for k, v in layout.section_pages.items()}
