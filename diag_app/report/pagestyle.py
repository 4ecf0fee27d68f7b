"""The look of the report's pages (reportlab): page geometry, colours, paragraph styles, and
the flowables and canvas that draw the page furniture (header, footer, page total), the contents
page and the charts.

Imported only when a report is made (it imports reportlab at the top).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any, Protocol

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
)

from ..i18n import tr
from .fonts import BOLD, FAMILY, register_reportlab

if TYPE_CHECKING:
    from .layout import PdfLayout

MM = 72 / 25.4
PAGE_W, PAGE_H = 595.2756, 841.8898  # A4 in points
MARGIN_L = MARGIN_R = 18 * MM
MARGIN_T = 22 * MM
MARGIN_B = 20 * MM
TEXT_W = PAGE_W - MARGIN_L - MARGIN_R

INK = "#1b2631"
MUTED = "#5d6d7e"
RULE = "#1f3a5f"
HEAD_BG = "#e3e9f1"
LABEL_BG = "#f2f4f7"
STRONG_BG = "#fbf3e4"
GRID = "#9aa5b1"
WARN = "#9a5b00"


class Figures(Protocol):
    """What the layout needs of the report's charts: their names, their shape, and the picture
    XObject of each, which the canvas adds last (see ``pdf._Figures``)."""

    names: list[str]

    def aspect(self, chart: str) -> float: ...

    def late_image(self, chart: str) -> Any: ...


def image_name(chart: str) -> str:
    return f"chart_{chart}"


def styles(lang: str) -> dict[str, ParagraphStyle]:
    font = register_reportlab()
    wrap = "CJK" if lang == "zh" else None
    base = ParagraphStyle(
        "body",
        fontName=font,
        bulletFontName=font,
        fontSize=9.2,
        leading=14.2,
        textColor=colors.HexColor(INK),
        wordWrap=wrap,
        splitLongWords=0,  # a word or number is never cut; tables are made wide enough for them
        spaceAfter=3,
    )

    def st(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    cell = {"fontSize": 8.1, "leading": 11.2, "spaceAfter": 0}
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
            keepWithNext=0,
            fontSize=14,
            leading=20,
            spaceBefore=6,
            spaceAfter=8,
            textColor=colors.HexColor(RULE),
        ),
        "h2": st("h2", fontName=BOLD, keepWithNext=0, fontSize=11.5, leading=17, spaceBefore=8, spaceAfter=4),
        "h3": st("h3", fontName=BOLD, keepWithNext=0, fontSize=10, leading=14, spaceBefore=5, spaceAfter=2),
        "lead": st("lead", fontName=BOLD, keepWithNext=1, spaceBefore=4, spaceAfter=2),
        "note": st("note", fontSize=8.5, leading=13, textColor=colors.HexColor(MUTED)),
        "small": st("small", fontSize=8, leading=12, textColor=colors.HexColor(MUTED)),
        "bullet": st("bullet", fontSize=9, leading=13.5, leftIndent=12, bulletIndent=2, spaceAfter=1),
        "ok": st("ok", fontSize=9, leading=13, leftIndent=12, bulletIndent=2, spaceAfter=0.5),
        "gap": st("gap", fontSize=9, leading=13, leftIndent=12, bulletIndent=2, spaceAfter=0.5),
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
        "cell": st("cell", **cell),
        "cell_r": st("cell_r", **cell, alignment=TA_RIGHT),
        "cell_c": st("cell_c", **cell, alignment=TA_CENTER),
        "cell_l": st("cell_l", **cell, alignment=TA_LEFT),
        "head": st("head", fontName=BOLD, **cell),
        "head_r": st("head_r", fontName=BOLD, **cell, alignment=TA_RIGHT),
        "head_c": st("head_c", fontName=BOLD, **cell, alignment=TA_CENTER),
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


def markup(text: str) -> str:
    """Plain text to reportlab paragraph markup (& < > escaped: html's escape without quotes is
    xml.sax.saxutils's, without its import of urllib, http and ssl)."""
    return escape(text, quote=False).replace("\n", "<br/>")


def fit(text: str, width: float, font: str, size: float) -> str:
    """Shorten ``text`` with an ellipsis to fit ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


# --- flowables and the canvas --------------------------------------------------------------


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
        canv.doForm(image_name(self.chart))  # "Do" draws any XObject, images too, in the unit square
        canv.restoreState()


class Contents(Flowable):
    """The contents page in one pass: titles now, page numbers and dot leaders when the canvas
    saves (like the page totals), since only then are the pages known."""

    def __init__(self, entries: list[tuple[int, str, str]], slots: list[tuple[int, float, float, float, str]]):
        super().__init__()
        self.entries, self.slots = entries, slots
        self.line = 15.5

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return aw, self.line * len(self.entries)

    def draw(self) -> None:
        c = self.canv
        y = self.line * len(self.entries)
        for level, text, key in self.entries:
            y -= self.line
            indent = 16 * level
            size = 10 if level == 0 else 9
            shown = fit(text, TEXT_W - indent - 40, FAMILY, size)
            c.setFont(FAMILY, size)
            c.setFillColor(colors.HexColor(INK))
            c.drawString(indent, y + 4, shown)
            x0, y0 = c.absolutePosition(indent + stringWidth(shown, FAMILY, size) + 4, y + 4)
            x1, _ = c.absolutePosition(TEXT_W, y + 4)
            self.slots.append((c.getPageNumber(), x0, x1, y0, key))


def time_stamp(generated: str) -> Any:
    """The PDF's creation date: the report's date (midnight UTC), not the clock, so that
    rendering the same report again gives the same file (verify does)."""
    import calendar
    import time
    from datetime import date

    from reportlab.lib.utils import TimeStamp

    stamp = TimeStamp(invariant=1)
    try:
        t = calendar.timegm(date.fromisoformat(generated).timetuple())
    except ValueError:
        return stamp
    stamp.t, stamp.lt = t, time.gmtime(t)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


def watermark(canv: Canvas, text: str) -> None:
    """A draft's mark across the page, under the content: light, diagonal, in the page centre."""
    canv.saveState()
    canv.setFillColor(colors.HexColor(WARN))
    canv.setFillAlpha(0.13)
    size = 46
    while size > 20 and stringWidth(text, BOLD, size) > PAGE_H * 0.72:
        size -= 2
    canv.setFont(BOLD, size)
    canv.translate(PAGE_W / 2, PAGE_H / 2)
    canv.rotate(52)
    canv.drawCentredString(0, -size / 3, text)
    canv.restoreState()


class SignatureBox(Flowable):
    """An empty, outlined rectangle where the visible digital signature goes; it records where it
    landed (page, rectangle in PDF points) for the signer and for verify."""

    def __init__(
        self, width: float, height: float, label: str, found: list[tuple[int, tuple[float, float, float, float]]]
    ):
        super().__init__()
        self.width, self.height, self.label, self.found = width, height, label, found

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height + 12

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(colors.HexColor(GRID))
        c.setLineWidth(0.5)
        c.setDash(2, 2)
        c.rect(0, 12, self.width, self.height)
        c.setFillColor(colors.HexColor(MUTED))
        c.setFont(FAMILY, 7)
        c.drawString(0, 3, self.label)
        c.restoreState()
        x0, y0 = c.absolutePosition(0, 12)
        x1, y1 = c.absolutePosition(self.width, 12 + self.height)
        self.found.append((c.getPageNumber() - 1, (round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2))))


class NumberedCanvas(Canvas):
    """Keeps each page until the end, then draws header and footer with the page total."""

    def __init__(self, layout: PdfLayout, *args: Any, **kwargs: Any):
        kwargs.setdefault("initialFontName", FAMILY)
        kwargs["invariant"] = 1  # the same inputs give the same bytes: verify renders it again
        super().__init__(*args, **kwargs)
        self._doc._timeStamp = time_stamp(layout.report.generated)
        self._layout = layout
        self._saved: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        lay = self._layout
        for state in self._saved:
            self.__dict__.update(state)
            self._furniture(self._pageNumber, total)
            # bookmarks and outline entries now, while this page is the document's current one
            # (made while the page was laid out they would all point at the first page)
            for key, level, text, top in lay.bookmarks.get(self._pageNumber, ()):
                self.bookmarkPage(key, fit="XYZ", left=0, top=top)
                self.addOutlineEntry(text, key, level=level, closed=level > 0)
            Canvas.showPage(self)
        lay.pages = total
        for name in lay.figures.names:  # numbered last, so written last: the pictures have longest
            self._doc.addForm(image_name(name), lay.figures.late_image(name))
        Canvas.save(self)

    def _furniture(self, page: int, total: int) -> None:
        lay = self._layout
        report, lang = lay.report, lay.lang
        self.saveState()
        for slot_page, x0, x1, y, key in lay.toc_slots:
            if slot_page != page or key not in lay.section_pages:
                continue
            num = str(lay.section_pages[key])
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
        left = fit(f"{report.title} · {report.enterprise}", TEXT_W - rw - 12, FAMILY, 8)
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
