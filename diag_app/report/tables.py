"""Spreadsheet exports: one assessment's answers, gaps and suggested actions (XLSX and CSV), and
a portfolio of enterprises (XLSX).

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
from ..describe import answer_text, level_name, reason_text, tier_name
from ..i18n import tr
from ..model.assessment import NA
from ..model.diagnosis import Result
from ..model.questionnaire import Pack
from ..model.renewal import Suggestion
from ..model.targets import subdomain_target
from .integrity import canonical_bytes, sha256_hex


def _money(v: float, lang: str) -> float:
    """Money as the sheet shows it: 万元 in Chinese, CNY in English."""
    return round(v / 10_000, 2) if lang == "zh" else round(v, 2)


def _money_head(key: str, lang: str) -> str:
    return tr(key, lang, unit=tr("export.unit.money", lang))


def _suggestions_for(result: Result, sd: str) -> list[Suggestion]:
    out = []
    for sg in result.suggestions:
        touches = any(c.subdomain == sd for c in sg.closes)
        fired = any(r.kind == "subdomain_below" and r.target == sd for r in sg.reasons)
        if touches or fired:
            out.append(sg)
    return out


def answer_rows(pack: Pack, result: Result, lang: str) -> tuple[list[str], list[list[Any]]]:
    """One row per question asked: answer, note, and the gap and suggested actions of its
    sub-domain (the table behind both the XLSX sheet and the CSV)."""
    s, a = result.scores, result.assessment
    threshold = pack.scoring.level_threshold
    header = [
        tr("export.col.element", lang),
        tr("export.col.subdomain", lang),
        tr("export.col.sd_score", lang),
        tr("export.col.sd_level", lang),
        tr("export.col.sd_target", lang),
        tr("export.col.id", lang),
        tr("export.col.kind", lang),
        tr("export.col.level", lang),
        tr("export.col.text", lang),
        tr("export.col.answer", lang),
        tr("export.col.value", lang),
        tr("export.col.status", lang),
        tr("export.col.note", lang),
        tr("export.col.actions", lang),
    ]
    rows: list[list[Any]] = []
    sd_info: dict[str, tuple[Any, Any, Any, str]] = {}
    for sd in pack.subdomains:
        sds = s.subdomains.get(sd)
        target = subdomain_target(pack, result, sd)
        actions = (
            "；".join(sg.item.name.get(lang) for sg in _suggestions_for(result, sd))
            if lang == "zh"
            else "; ".join(sg.item.name.get(lang) for sg in _suggestions_for(result, sd))
        )
        sd_info[sd] = (
            round(sds.score, 2) if sds else None,
            sds.level if sds else None,
            target,
            actions,
        )
    element_of = {sd.id: sd.element for sd in pack.subdomains.values()}
    elements = {e.id: e.name.get(lang) for e in pack.elements}

    def status(value: object, kind: str) -> str:
        if value is None:
            return tr("export.status.missing", lang)
        if value == NA:
            return tr("export.status.na", lang)
        if kind == "requirement":
            ok = isinstance(value, int | float) and value >= threshold - 1e-9
            return tr("export.status.met" if ok else "export.status.not_met", lang)
        return ""

    for q in sorted(
        pack.requirements_for(s.industry, s.path),
        key=lambda q: (list(pack.subdomains).index(q.subdomain), q.level, q.id),
    ):
        v = a.value(q.id)
        score, level, target, actions = sd_info[q.subdomain]
        ans = a.answers.get(q.id)
        rows.append(
            [
                elements[element_of[q.subdomain]],
                pack.subdomains[q.subdomain].name.get(lang),
                score,
                level,
                target,
                q.id,
                tr("export.kind.requirement", lang),
                q.level,
                q.text.get(lang),
                answer_text(pack, q.id, v, lang),
                v if isinstance(v, int | float) and not isinstance(v, bool) else None,
                status(v, "requirement"),
                ans.note if ans else "",
                actions,
            ]
        )
    others: list[tuple[str, str, str, tuple[str, ...]]] = [
        (i.id, "indicator", i.name.get(lang), i.subdomains) for i in pack.indicators_for(s.path)
    ]
    others += [(c.id, "condition", c.text.get(lang), ()) for c in pack.conditions]
    others += [(x.id, "scenario", x.name.get(lang), x.subdomains) for x in pack.scenarios]
    others += [(x.id, "profile", x.name.get(lang), ()) for x in pack.profile]
    for iid, kind, text, sds_ in others:
        v = a.value(iid)
        ans = a.answers.get(iid)
        first_sd = sds_[0] if sds_ else None
        score, level, target, actions = sd_info[first_sd] if first_sd else (None, None, None, "")
        rows.append(
            [
                elements[element_of[first_sd]] if first_sd else "",
                "、".join(pack.subdomains[x].name.get(lang) for x in sds_)
                if lang == "zh"
                else ", ".join(pack.subdomains[x].name.get(lang) for x in sds_),
                score,
                level,
                target,
                iid,
                tr(f"export.kind.{kind}", lang),
                None,
                text,
                answer_text(pack, iid, v, lang),
                v if isinstance(v, int | float) and not isinstance(v, bool) else (None if v is None else v is True),
                status(v, kind),
                ans.note if ans else "",
                actions if kind != "condition" else "",
            ]
        )
    return header, rows


def gap_rows(pack: Pack, result: Result, lang: str) -> tuple[list[str], list[list[Any]]]:
    """One row per sub-domain: where it stands, what it lacks, what to buy."""
    s, a = result.scores, result.assessment
    threshold = pack.scoring.level_threshold
    header = [
        tr("export.col.element", lang),
        tr("export.col.subdomain", lang),
        tr("export.col.weight", lang),
        tr("export.col.sd_score", lang),
        tr("export.col.sd_level", lang),
        tr("export.col.sd_target", lang),
        tr("export.col.gap", lang),
        tr("export.col.unmet", lang),
        tr("export.col.actions", lang),
        _money_head("export.col.investment_low", lang),
        _money_head("export.col.investment_high", lang),
        tr("export.col.measures", lang),
    ]
    reqs = pack.requirements_for(s.industry, s.path)
    elements = {e.id: e.name.get(lang) for e in pack.elements}
    rows = []
    sep = "；" if lang == "zh" else "; "
    for sd, sdef in pack.subdomains.items():
        sds = s.subdomains.get(sd)
        if sds is None:
            continue
        target = subdomain_target(pack, result, sd)
        unmet = [
            q.id
            for q in reqs
            if q.subdomain == sd
            and (target is None or q.level <= max(target, sds.level + 1))
            and not (isinstance(v := a.value(q.id), int | float) and v >= threshold - 1e-9)
            and a.value(q.id) != NA
        ]
        sgs = _suggestions_for(result, sd)
        measures: list[str] = []
        for sg in sgs:
            for mid in sg.item.measures:
                name = pack.measures[mid].name.get(lang) if mid in pack.measures else mid
                if name not in measures:
                    measures.append(name)
        rows.append(
            [
                elements[sdef.element],
                sdef.name.get(lang),
                round(sds.weight, 4),
                round(sds.score, 2),
                sds.level,
                target,
                round(max(0.0, (target or 0) - sds.score), 2),
                ", ".join(unmet),
                sep.join(sg.item.name.get(lang) for sg in sgs),
                _money(sum(sg.investment_low for sg in sgs), lang) if sgs else None,
                _money(sum(sg.investment_high for sg in sgs), lang) if sgs else None,
                sep.join(measures),
            ]
        )
    return header, rows


def suggestion_rows(pack: Pack, result: Result, lang: str) -> tuple[list[str], list[list[Any]]]:
    header = [
        tr("export.col.no", lang),
        tr("export.col.item", lang),
        tr("export.col.category", lang),
        tr("export.col.reasons", lang),
        _money_head("export.col.investment_low", lang),
        _money_head("export.col.investment_high", lang),
        tr("export.col.measures", lang),
        tr("export.col.priority", lang),
    ]
    sep = "；" if lang == "zh" else "; "
    rows = []
    for i, sg in enumerate(result.suggestions, 1):
        cat = next((c.name.get(lang) for c in pack.categories if c.id == sg.item.category), sg.item.category)
        rows.append(
            [
                i,
                sg.item.name.get(lang),
                cat,
                sep.join(reason_text(pack, r, lang) for r in sg.reasons),
                _money(sg.investment_low, lang),
                _money(sg.investment_high, lang),
                sep.join(pack.measures[m].name.get(lang) for m in sg.item.measures if m in pack.measures),
                sg.priority,
            ]
        )
    return header, rows


def summary_rows(pack: Pack, result: Result, lang: str) -> list[tuple[str, Any]]:
    s, a = result.scores, result.assessment
    e = a.enterprise
    return [
        (tr("report.cover.enterprise", lang), e.name),
        (tr("report.cover.credit_code", lang), e.credit_code),
        (tr("report.cover.industry", lang), pack.industries[e.industry].name.get(lang)),
        (tr("report.cover.district", lang), e.district),
        (tr("report.cover.date", lang), a.date),
        (tr("report.cover.assessor", lang), a.assessor),
        (tr("report.cover.revision", lang), a.revision),
        (tr("report.summary.tier", lang), tier_name(pack, result.tier.tier, lang)),
        (tr("report.summary.national", lang), tier_name(pack, result.national.tier, lang)),
        (tr("report.summary.s", lang), round(s.s, 2)),
        (tr("report.summary.level", lang), level_name(pack, s.level, lang)),
        (tr("report.summary.answered", lang), f"{s.answered}/{s.total}"),
        (_money_head("export.support_total", lang), _money(result.support_total_cny, lang)),
        (tr("report.cover.pack", lang), f"{pack.id} {pack.version}"),
        (tr("report.cover.digest", lang), sha256_hex(canonical_bytes(a))),
    ]


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
    """Four sheets: summary, answers (with each sub-domain's gap and actions), gaps and actions
    per sub-domain, renewal suggestions."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = tr("export.sheet.summary", lang)
    _kv_sheet(ws, summary_rows(pack, result, lang))
    for key, (header, rows), money_cols in (
        ("export.sheet.answers", answer_rows(pack, result, lang), ()),
        ("export.sheet.gaps", gap_rows(pack, result, lang), (9, 10)),
        ("export.sheet.suggestions", suggestion_rows(pack, result, lang), (4, 5)),
    ):
        _table_sheet(wb.create_sheet(tr(key, lang)), header, rows, money_cols, lang)
    # Saved to memory first (an XLSX is small): openpyxl saving straight to a file on a full disk
    # leaves a half-closed zip whose clean-up prints a stray traceback when it is collected.
    buf = io.BytesIO()
    wb.save(buf)

    def write(tmp: str) -> None:
        with open(tmp, "wb") as f:
            f.write(buf.getbuffer())

    return _atomic(out, write)


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
    return _atomic(out, wb.save)


def _width(v: Any) -> int:
    text = "" if v is None else str(v)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _table_sheet(ws: Any, header: list[str], rows: Iterable[list[Any]], money_cols: Sequence[int], lang: str) -> None:
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
            if isinstance(c.value, float):
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
