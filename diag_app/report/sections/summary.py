"""Sections 1–3: the executive summary, the national distribution and the charts."""

from __future__ import annotations

from ...describe import level_name, reason_text, tier_name
from ...model.targets import distribution_position, gaps, target_levels
from ...money import fmt_num
from ..document import Block, FigureRef, KeyValues, Para, Section, Table
from .context import Ctx


def summary(c: Ctx) -> Section:
    pack, r, s, lang = c.pack, c.r, c.s, c.lang
    blocks: list[Block] = [
        KeyValues(
            (
                (c.t("summary.tier"), tier_name(pack, r.tier.tier, lang)),
                (c.t("summary.national"), tier_name(pack, r.national.tier, lang)),
                (c.t("summary.s"), c.t("summary.s_value", s=f"{s.s:.2f}")),
                (c.t("summary.level"), level_name(pack, s.level, lang)),
                (c.t("summary.answered"), c.t("summary.answered_value", answered=s.answered, total=s.total)),
            )
        )
    ]
    if s.provisional:
        blocks.append(Para(c.t("summary.provisional", n=len(s.missing)), "warn"))
    for label, d in ((c.t("summary.sh_label"), r.tier), (c.t("summary.nat_label"), r.national)):
        if d.decisive:
            blocks.append(Para(c.t("summary.reached", ladder=label, tier=tier_name(pack, d.tier, lang)), "lead"))
            blocks += [Para(c.check(x), "ok") for x in d.decisive]
        elif d.tier == "none":
            blocks.append(Para(c.t("summary.none_reached", ladder=label), "lead"))
        if d.next_tier:
            blocks.append(Para(c.t("summary.blocking", tier=tier_name(pack, d.next_tier, lang)), "lead"))
            blocks += [Para(c.check(x), "gap") for x in d.blocking]
    top = gaps(pack, r)[:3]
    if top:
        blocks.append(Para(c.t("summary.gaps"), "lead"))
        for g in top:
            line = c.t("summary.gap_line", subdomain=c.sd_name(g.subdomain), score=f"{g.score:.2f}", target=g.target)
            blocks.append(Para(line, "bullet"))
    if r.suggestions:
        blocks.append(Para(c.t("summary.suggestions"), "lead"))
        for sg in r.suggestions[:3]:
            line = c.t(
                "summary.suggestion_line",
                name=sg.item.name.get(lang),
                span=c.span(sg.investment_low, sg.investment_high),
                reasons=c.join(reason_text(pack, x, lang) for x in sg.reasons),
            )
            blocks.append(Para(line, "bullet"))
    if r.support:
        blocks.append(Para(c.t("summary.support", amount=c.cny(r.support_total_cny))))
    else:
        blocks.append(Para(c.t("summary.support_none")))
    return Section("1", c.t("section.summary"), 1, tuple(blocks), new_page=True)


def national(c: Ctx) -> Section | None:
    pack, lang = c.pack, c.lang
    if not pack.distribution:
        return None
    level = c.s.level
    pos = distribution_position(pack, level)
    rows = [
        (c.t("national.group", group=key), f"{fmt_num(share)}%", c.t("national.here") if i in pos.bands else "")
        for i, (key, share) in enumerate(pack.distribution)
    ]
    blocks: list[Block] = [
        Para(c.t("national.intro", source=pack.distribution_source.get(lang))),
        Table(
            (c.t("national.col.level"), c.t("national.col.share"), c.t("national.col.enterprise")),
            tuple(rows),
            (0.4, 0.25, 0.35),
            "LRC",
            strong_rows=pos.bands,
        ),
        Para(
            c.t(
                "national.position",
                level=level_name(pack, level, lang),
                same=fmt_num(pos.same),
                above=fmt_num(pos.above),
                below=fmt_num(pos.below),
            )
        ),
        Para(c.t("national.source", source=pack.distribution_source.get(lang)), "small"),
    ]
    return Section("2", c.t("section.national"), 1, tuple(blocks))


def charts(c: Ctx) -> Section:
    target = target_levels(c.pack, c.r)
    caption = (
        c.t("charts.target", tier=tier_name(c.pack, target.tier, c.lang), level=target.level)
        if target.tier and target.level
        else c.t("charts.no_target")
    )
    blocks: list[Block] = [
        FigureRef("radar", c.t("charts.radar", target=caption), 0.82),
        FigureRef("level_bars", c.t("charts.level_bars", threshold=fmt_num(c.pack.scoring.level_threshold))),
        FigureRef("indicator_chart", c.t("charts.indicators")),
    ]
    return Section("3", c.t("section.charts"), 1, tuple(blocks), new_page=True)
