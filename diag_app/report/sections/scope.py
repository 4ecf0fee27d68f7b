"""Section 2: scope and method of the assessment (site, lines, period, interviewees, documents
reviewed; how answers are rated; everything declared not applicable, with its reason), and the
assessment team."""

from __future__ import annotations

from ...describe import flag_text, item_label
from ...model.applicability import not_applicable
from ...money import fmt_num, fmt_pct
from ..document import Block, KeyValues, Para, Section, Table
from .context import Ctx


def scope(c: Ctx) -> list[Section]:
    pack, a, lang = c.pack, c.r.assessment, c.lang
    sc = a.scope
    missing = c.t("scope.not_recorded")
    rows = (
        (c.t("scope.site"), sc.site or missing),
        (c.t("scope.lines"), sc.lines or missing),
        (c.t("scope.period"), sc.period or a.date or missing),
        (c.t("scope.interviewees"), sc.interviewees or missing),
        (c.t("scope.documents"), sc.documents or missing),
        (c.t("cover.mode"), c.t(f"mode.{a.mode}")),
    )
    blocks: list[Block] = [KeyValues(rows)]
    if sc.is_empty():
        blocks.append(Para(c.t("scope.empty"), "note"))
    ratings = " / ".join(
        r.label.get(lang) + ("" if r.value is None else f" {fmt_num(r.value)}") for r in pack.scoring.ratings
    )
    method = [
        Para(c.t("scope.method", ratings=ratings, threshold=fmt_num(pack.scoring.level_threshold))),
        Para(c.t("scope.pack", pack=c.paren(pack.name.get(lang), f"{pack.id} {pack.version}"))),
    ]
    guidance = [c.colon(r.label.get(lang), r.guidance.get(lang)) for r in pack.scoring.ratings if r.guidance.get(lang)]
    if pack.scoring.rating_help.get(lang) or guidance:
        method.append(Para(c.t("scope.rating_help", text=pack.scoring.rating_help.get(lang) or "")))
        method += [Para(g, "bullet") for g in guidance]
    if c.r.flags:  # contradictions between answers, for the reviewer to check
        method.append(Para(c.t("scope.flags", n=len(c.r.flags)), "lead"))
        method += [Para(flag_text(pack, f, lang), "gap") for f in c.r.flags]
    out = [
        Section("2", c.t("section.scope"), 1, ()),
        Section("2.1", c.t("section.scope_covered"), 2, tuple(blocks)),
        Section("2.2", c.t("section.method"), 2, (*method, *_not_applicable(c))),
        Section("2.3", c.t("section.team"), 2, tuple(_team(c))),
    ]
    return out


def _not_applicable(c: Ctx) -> list[Block]:
    """Every 不适用, with the assessment's reason and the pack's condition for it (issue 17)."""
    pack, a, lang = c.pack, c.r.assessment, c.lang
    summary = not_applicable(pack, a)
    if not summary.entries:
        return [Para(c.t("scope.na_none"), "note")]
    rows = []
    for i, na in enumerate(summary.entries, 1):
        if na.kind == "subdomain":
            what = c.t("scope.na_whole", subdomain=c.sd_name(na.subdomain), n=na.items)
        else:
            what = item_label(pack, na.id, lang)
        reason = na.reason or c.t("scope.na_no_reason")
        if na.allowed.get(lang):
            reason = c.join([reason, c.t("scope.na_allowed", when=na.allowed.get(lang))])
        rows.append((str(i), c.sd_name(na.subdomain) if na.subdomain in pack.subdomains else "—", what, reason))
    blocks: list[Block] = [
        Para(c.t("scope.na_intro", n=len(summary.entries), items=summary.na_items, share=fmt_pct(summary.share, 1))),
        Table(
            (c.t("col.no"), c.t("appendix.col.subdomain"), c.t("scope.na_col.what"), c.t("scope.na_col.reason")),
            tuple(rows),
            (0.06, 0.16, 0.42, 0.36),
            "RLLL",
            caption=c.t("scope.na_caption"),
        ),
    ]
    if summary.warn:
        blocks.append(
            Para(c.t("scope.na_warn", share=fmt_pct(summary.share, 1), limit=fmt_pct(summary.limit, 0)), "warn")
        )
    return blocks


def _team(c: Ctx) -> list[Block]:
    a = c.r.assessment
    if not a.team:
        who = a.assessor or c.t("scope.not_recorded")
        return [Para(c.t("team.none", assessor=who), "note")]
    return [
        Table(
            (c.t("team.col.name"), c.t("team.col.role"), c.t("team.col.organisation")),
            tuple((m.name, m.role or "—", m.organisation or "—") for m in a.team),
            (0.26, 0.3, 0.44),
            "LLL",
        )
    ]
