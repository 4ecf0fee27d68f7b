"""Spreadsheet exports: one assessment's answers, gaps, suggested actions, roadmap and plans with
their support (XLSX; the answers also as CSV), and a portfolio of enterprises (XLSX). The rows
come from ``sheet_rows``; this module writes and formats them.

Consultants build action plans from these, so numbers stay numbers (money in 万元 for Chinese,
CNY for English, with a number format) and every row says which sub-domain it belongs to.
openpyxl is imported inside the functions.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..atomic import replacing
from ..i18n import tr
from ..model.diagnosis import Result
from ..model.questionnaire import Pack
from .sheet_rows import (
    answer_rows,
    gap_rows,
    plan_rows,
    roadmap_rows,
    suggestion_rows,
    summary_rows,
)
from .sheet_rows import money as _money
from .sheet_rows import money_head as _money_head

# --- writers -------------------------------------------------------------------------------


def _atomic(out: str | Path, write: Any) -> Path:
    with replacing(out) as tmp:
        write(str(tmp))
    return Path(out)


def write_csv(pack: Pack, result: Result, out: str | Path, lang: str = "zh") -> Path:
    """The answers-with-gaps-and-actions table as CSV, UTF-8 with a BOM so Excel reads Chinese."""
    header, rows = answer_rows(pack, result, lang)

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            for row in rows:
                w.writerow(["" if c is None else c for c in row])

    return _atomic(out, write)


def write_xlsx(pack: Pack, result: Result, out: str | Path, lang: str = "zh") -> Path:
    """Six sheets: summary, answers (with each sub-domain's gap and actions), gaps and actions per
    sub-domain, renewal suggestions, the roadmap, and the plans with their support; each set up to
    print on A4 landscape, one page wide, with its header row on every page."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = tr("export.sheet.summary", lang)
    _kv_sheet(ws, summary_rows(pack, result, lang))
    _print_setup(ws, tr("export.sheet.summary", lang), landscape=False)
    for key, (header, rows), money_cols, pct_cols in (
        ("export.sheet.answers", answer_rows(pack, result, lang), (), ()),
        ("export.sheet.gaps", gap_rows(pack, result, lang), (9, 10), (2,)),
        ("export.sheet.suggestions", suggestion_rows(pack, result, lang), (4, 5), ()),
        ("export.sheet.roadmap", roadmap_rows(pack, result, lang), (4, 9), ()),
        ("export.sheet.plans", plan_rows(pack, result, lang), (1, 3, 5, 8, 9), (4,)),
    ):
        sheet = wb.create_sheet(tr(key, lang))
        _table_sheet(sheet, header, rows, money_cols, lang, pct_cols)
        _print_setup(sheet, tr(key, lang))
    return _save(wb, out)


def _save(wb: Any, out: str | Path) -> Path:
    """Saved to memory first (an XLSX is small): openpyxl saving straight to a file on a full disk
    leaves a half-closed zip whose clean-up prints a stray traceback when it is collected."""
    buf = io.BytesIO()
    wb.save(buf)

    def write(tmp: str) -> None:
        with open(tmp, "wb") as f:
            f.write(buf.getbuffer())

    return _atomic(out, write)


def _print_setup(ws: Any, title: str, landscape: bool = True) -> None:
    """A4, one page wide (as many pages tall as it takes), the header row repeated on every
    page, the sheet's name and the page number in the header and footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if landscape and ws.max_row > 1:
        ws.print_title_rows = "1:1"
    ws.oddHeader.center.text = title.replace("&", "&&")
    ws.oddFooter.right.text = "&P / &N"


# Columns the portfolio knows: key -> (message key, kind)
PORTFOLIO_COLUMNS: dict[str, tuple[str, str]] = {
    "name": ("report.cover.enterprise", "text"),
    "credit_code": ("report.cover.credit_code", "text"),
    "industry": ("report.cover.industry", "text"),
    "district": ("report.cover.district", "text"),
    "date": ("report.cover.date", "text"),
    "assessor": ("report.cover.assessor", "text"),
    "mode": ("report.cover.mode", "text"),
    "revision": ("report.cover.revision", "int"),
    "s": ("report.summary.s", "score"),
    "score": ("report.summary.s", "score"),
    "level": ("report.summary.level", "int"),
    "tier": ("report.summary.tier", "text"),
    "national_tier": ("report.summary.national", "text"),
    "answered": ("report.summary.answered", "int"),
    "total": ("export.col.total", "int"),
    "provisional": ("export.col.provisional", "bool"),
    "support_total_cny": ("export.support_total", "money"),
    "investment_cny": ("export.col.investment", "money"),
    "updated": ("export.col.updated", "text"),
}


def portfolio_xlsx(rows: Sequence[Mapping[str, Any]], out: str | Path, lang: str = "zh") -> Path:
    """All enterprises with their latest scores, one row each, as given by the caller (the store).

    Columns are the keys of the rows in order of first appearance; keys listed in
    PORTFOLIO_COLUMNS get a translated heading and a number format (money in 万元 for Chinese),
    any other key is written under its own name.
    """
    from openpyxl import Workbook

    keys: list[str] = []
    for r in rows:
        for k in r:
            if k not in keys:
                keys.append(k)
    header = []
    money_cols = []
    for i, k in enumerate(keys):
        known = PORTFOLIO_COLUMNS.get(k)
        if known is None:
            header.append(k)
        elif known[1] == "money":
            header.append(_money_head(known[0], lang))
            money_cols.append(i)
        else:
            header.append(tr(known[0], lang))
    body = []
    for r in rows:
        line = []
        for i, k in enumerate(keys):
            v = r.get(k)
            if i in money_cols and isinstance(v, int | float):
                v = _money(v, lang)
            elif isinstance(v, bool):
                v = tr("report.answer.yes" if v else "report.answer.no", lang)
            elif v is not None and not isinstance(v, int | float | str):
                v = str(v)
            line.append(v)
        body.append(line)
    wb = Workbook()
    ws = wb.active
    ws.title = tr("export.sheet.portfolio", lang)
    _table_sheet(ws, header, body, tuple(money_cols), lang)
    _print_setup(ws, tr("export.sheet.portfolio", lang))
    return _save(wb, out)


def _width(v: Any) -> int:
    text = "" if v is None else str(v)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _table_sheet(
    ws: Any,
    header: list[str],
    rows: Iterable[list[Any]],
    money_cols: Sequence[int],
    lang: str,
    pct_cols: Sequence[int] = (),
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append(header)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E3E9F1")
    for c in ws[1]:
        c.font = bold
        c.fill = fill
        c.alignment = Alignment(vertical="center", wrap_text=True)
    widths = [_width(h) for h in header]
    for row in rows:
        ws.append(row)
        for i, v in enumerate(row):
            widths[i] = max(widths[i], min(_width(v), 60))
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = max(8, min(w + 2, 62))
    for row in ws.iter_rows(min_row=2):
        for c in row:
            if (c.column - 1) in pct_cols and isinstance(c.value, int | float):
                c.number_format = "0.0#%"
            elif isinstance(c.value, float):
                c.number_format = "#,##0.00" if (c.column - 1) in money_cols else "0.00##"
            elif isinstance(c.value, int) and not isinstance(c.value, bool):
                c.number_format = "#,##0"
            if isinstance(c.value, str) and len(c.value) > 30:
                c.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                c.alignment = Alignment(vertical="top")
    ws.freeze_panes = "A2"
    if ws.max_row > 1:
        ws.auto_filter.ref = ws.dimensions


def _kv_sheet(ws: Any, rows: list[tuple[str, Any]]) -> None:
    from openpyxl.styles import Font

    for k, v in rows:
        ws.append([k, v])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 70
