"""Section 2: scope and method of the assessment (site, lines, period, interviewees, documents
reviewed; how answers are rated; everything declared not applicable, with its reason), and the
assessment team."""

from __future__ import annotations

from ...describe import item_label
from ...model.targets import not_applicable
from ...money import fmt_num
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
    out = [
        Section("2", c.t("section.scope"), 1, ()),
        Section("2.1", c.t("section.scope_covered"), 2, tuple(blocks)),
        Section("2.2", c.t("section.method"), 2, (*method, *_not_applicable(c))),
        Section("2.3", c.t("section.team"), 2, tuple(_team(c))),
    ]
    return out


def _not_applicable(c: Ctx) -> list[Block]:
    pack, a, lang = c.pack, c.r.assessment, c.lang
    nas = not_applicable(pack, a)
    if not nas:
        return [Para(c.t("scope.na_none"), "note")]
    rows = []
    for i, na in enumerate(nas, 1):
        what = (
            c.t("scope.na_whole", subdomain=c.sd_name(na.subdomain))
            if na.item is None
            else item_label(pack, na.item, lang)
        )
        rows.append(
            (str(i), c.sd_name(na.subdomain) if na.subdomain else "—", what, na.reason or c.t("scope.na_no_reason"))
        )
    return [
        Para(c.t("scope.na_intro", n=len(nas))),
        Table(
            (c.t("col.no"), c.t("appendix.col.subdomain"), c.t("scope.na_col.what"), c.t("scope.na_col.reason")),
            tuple(rows),
            (0.06, 0.16, 0.44, 0.34),
            "RLLL",
            caption=c.t("scope.na_caption"),
        ),
    ]


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
