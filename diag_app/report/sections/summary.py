"""Section 1, the executive summary, and section 3, the results at a glance (the national
distribution and the charts)."""

from __future__ import annotations

from ...describe import level_name, reason_text, tier_name
from ...model.targets import band_range, distribution_position, gaps, target_levels
from ...money import fmt_num, fmt_score
from ..document import Block, FigureRef, KeyValues, Para, Section, Table
from .context import Ctx


def summary(c: Ctx) -> Section:
    pack, r, s, lang = c.pack, c.r, c.s, c.lang
    blocks: list[Block] = [
        KeyValues(
            (
                (c.t("summary.tier"), c.claim(r.tier.tier)),
                (c.t("summary.national"), c.claim(r.national.tier)),
                (c.t("summary.s"), c.t("summary.s_value", s=fmt_score(s.s))),
                (c.t("summary.level"), level_name(pack, s.level, lang)),
                (c.t("summary.answered"), c.t("summary.answered_value", answered=s.answered, total=s.total)),
            )
        ),
        Para(c.t("summary.recognition"), "note"),
    ]
    for d in (r.tier, r.national):  # which document sets the tier reached, and who recognises it
        tier = next((t for t in pack.all_tiers() if t.id == d.tier), None)
        if tier is not None and (tier.source.get(lang) or tier.note.get(lang)):
            parts = [x for x in (tier.source.get(lang), tier.note.get(lang)) if x]
            blocks.append(Para(c.colon(tier.name.get(lang), c.join(parts)), "small"))
    if s.provisional:
        blocks.append(Para(c.t("summary.provisional", n=len(s.missing)), "warn"))
    for label, d in ((c.t("summary.sh_label"), r.tier), (c.t("summary.nat_label"), r.national)):
        if d.decisive:
            blocks.append(Para(c.t("summary.reached", ladder=label, claim=c.claim(d.tier)), "lead"))
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
            line = c.t("summary.gap_line", subdomain=c.sd_name(g.subdomain), score=fmt_score(g.score), target=g.target)
            blocks.append(Para(line, "bullet"))
    if r.suggestions:
        blocks.append(Para(c.t("summary.suggestions"), "lead"))
        for sg in r.suggestions[:3]:
            line = c.t(
                "summary.suggestion_line",
                name=sg.item.name.get(lang),
                span=c.span(sg.investment_low, sg.investment_high),
                reasons=c.join(reason_text(pack, x, lang) for x in sg.reasons[:1]),  # the rest in 5.2
            )
            blocks.append(Para(line, "bullet"))
    if r.support and r.support_total_cny > 0:
        blocks.append(Para(c.t("summary.support", amount=c.cny(r.support_total_cny))))
    elif r.support:
        blocks.append(Para(c.t("summary.support_zero")))
    else:
        blocks.append(Para(c.t("summary.support_none")))
    return Section("1", c.t("section.summary"), 1, tuple(blocks), new_page=True)


def results(c: Ctx) -> list[Section]:
    """3: where the enterprise stands nationally, and the charts."""
    out = [Section("3", c.t("section.results"), 1, ())]
    national = _national(c)
    if national:
        out.append(Section("3.1", c.t("section.national"), 2, tuple(national)))
    target = target_levels(c.pack, c.r)
    caption = (
        c.t("charts.target", tier=tier_name(c.pack, target.tier, c.lang), level=target.level)
        if target.tier and target.level
        else c.t("charts.no_target")
    )
    charts: tuple[Block, ...] = (
        FigureRef("radar", c.t("charts.radar", target=caption), 0.58),
        FigureRef("level_bars", c.t("charts.level_bars", threshold=fmt_num(c.pack.scoring.level_threshold)), 0.62),
        FigureRef("indicator_chart", c.t("charts.indicators"), 0.9),
    )
    out.append(Section("3.2" if national else "3.1", c.t("section.charts"), 2, charts))
    return out


def _national(c: Ctx) -> list[Block]:
    pack, lang = c.pack, c.lang
    if not pack.distribution:
        return []
    level = c.s.level
    pos = distribution_position(pack, level)
    rows = [
        (c.t("national.group", group=key), f"{fmt_num(share)}%", c.t("national.here") if i in pos.bands else "")
        for i, (key, share) in enumerate(pack.distribution)
    ]
    ranges = [band_range(key) for key, _ in pack.distribution]
    here = [ranges[i] for i in sorted(pos.bands)]
    text = [c.t("national.position.same", level=level_name(pack, level, lang), same=fmt_num(pos.same))]
    if here and any(lo > max(h for _, h in here) for lo, _ in ranges):
        text.append(c.t("national.position.above", above=fmt_num(pos.above)))
    elif here and here[-1][1] > here[-1][0]:  # the top band is open-ended: who is higher inside it is unknown
        text.append(c.t("national.position.top_open"))
    else:
        text.append(c.t("national.position.top"))
    if here and any(hi < min(lo for lo, _ in here) for _, hi in ranges):
        text.append(c.t("national.position.below", below=fmt_num(pos.below)))
    return [
        Table(
            (c.t("national.col.level"), c.t("national.col.share"), c.t("national.col.enterprise")),
            tuple(rows),
            (0.4, 0.25, 0.35),
            "LRC",
            caption=c.t("national.caption"),
            strong_rows=pos.bands,
        ),
        Para("".join(text) if lang == "zh" else " ".join(text)),
        Para(c.t("national.source", source=pack.distribution_source.get(lang)), "small"),
    ]
