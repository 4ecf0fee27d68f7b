"""Sections 5 and 6: the renewal suggestions with the support measures and estimates, and the
roadmap to the next tier."""

from __future__ import annotations

from ...describe import estimate_basis, level_name, measure_cap_text, reason_text, tier_name
from ...i18n import tr
from ...money import fmt_num
from ..document import Block, Para, Section, Table
from .context import Ctx


def renewal(c: Ctx) -> Section:
    pack, r, lang = c.pack, c.r, c.lang
    blocks: list[Block] = [Para(c.t("renewal.intro"))]
    if r.suggestions:
        rows: list[tuple[str, ...]] = []  # typed for both tables: the plans table below reuses it
        for i, sg in enumerate(r.suggestions, 1):
            cat = next((x.name.get(lang) for x in pack.categories if x.id == sg.item.category), sg.item.category)
            rows.append(
                (
                    str(i),
                    sg.item.name.get(lang),
                    cat,
                    c.join(reason_text(pack, x, lang) for x in sg.reasons),
                    c.span(sg.investment_low, sg.investment_high),
                    c.join(pack.measures[mid].name.get(lang) for mid in sg.item.measures if mid in pack.measures)
                    or "—",
                    fmt_num(sg.priority, 1),
                )
            )
        blocks.append(
            Table(
                (
                    c.t("renewal.col.no"),
                    c.t("renewal.col.item"),
                    c.t("renewal.col.category"),
                    c.t("renewal.col.reasons"),
                    c.t("renewal.col.investment"),
                    c.t("renewal.col.measures"),
                    c.t("renewal.col.priority"),
                ),
                tuple(rows),
                (0.05, 0.15, 0.11, 0.27, 0.15, 0.19, 0.08),
                "RLLLRLR",
                caption=c.t("renewal.table_caption"),
            )
        )
    else:
        blocks.append(Para(c.t("renewal.none"), "note"))

    used: list[str] = []
    for sg in r.suggestions:
        for mid in sg.item.measures:
            if mid in pack.measures and mid not in used:
                used.append(mid)
    for ps in r.support:
        for e in ps.estimates:
            if e.measure not in used:
                used.append(e.measure)
    if used:
        blocks.append(
            Table(
                (c.t("renewal.col.measure"), c.t("renewal.col.measure_rule"), c.t("renewal.col.cap")),
                tuple(
                    (
                        pack.measures[mid].name.get(lang),
                        pack.measures[mid].note.get(lang),
                        measure_cap_text(pack, mid, lang),
                    )
                    for mid in used
                ),
                (0.25, 0.57, 0.18),
                "LLR",
                caption=c.t("renewal.measures_caption"),
            )
        )
    if r.support:
        rows = []
        for ps in r.support:
            item = next((x for x in pack.catalog if x.id == ps.plan.item), None)
            name = item.name.get(lang) if item else ps.plan.item
            for e in ps.estimates:
                rows.append(
                    (
                        name,
                        c.cny(ps.plan.investment_cny),
                        tr(f"report.financing.{ps.plan.financing}", lang),
                        pack.measures[e.measure].name.get(lang),
                        c.cny(e.amount_cny) if e.eligible else c.t("renewal.not_eligible"),
                        estimate_basis(pack, e, lang),
                    )
                )
        rows.append((c.t("renewal.total"), "", "", "", c.cny(r.support_total_cny), c.t("renewal.total_rule")))
        blocks.append(
            Table(
                (
                    c.t("renewal.col.plan"),
                    c.t("renewal.col.plan_investment"),
                    c.t("renewal.col.financing"),
                    c.t("renewal.col.measure"),
                    c.t("renewal.col.estimate"),
                    c.t("renewal.col.basis"),
                ),
                tuple(rows),
                (0.15, 0.13, 0.09, 0.18, 0.14, 0.31),
                "LRLLRL",
                caption=c.t("renewal.plans_caption"),
                strong_rows=frozenset({len(rows) - 1}),
            )
        )
    else:
        blocks.append(Para(c.t("renewal.no_plans"), "note"))
    blocks.append(Para(c.t("renewal.upper_bound"), "warn"))
    return Section("5", c.t("section.renewal"), 1, tuple(blocks), new_page=True)


def roadmap(c: Ctx) -> Section:
    pack, lang = c.pack, c.lang
    rm = c.r.roadmap
    blocks: list[Block] = []
    if rm is None:
        blocks.append(Para(c.t("roadmap.not_computed"), "note"))
    elif rm.target is None:
        blocks.append(Para(c.t("roadmap.top", tier=tier_name(pack, c.r.tier.tier, lang))))
    elif rm.reachable:
        tier = tier_name(pack, rm.target, lang)
        blocks.append(Para(c.t("roadmap.intro", tier=tier, amount=c.cny(rm.investment_cny))))
        rows = [
            (
                str(i),
                st.item.name.get(lang),
                c.cny(st.cost_cny),
                f"{st.s_after:.2f}",
                level_name(pack, st.level_after, lang),
                tier_name(pack, st.tier_after, lang),
            )
            for i, st in enumerate(rm.steps, 1)
        ]
        rows.append((c.t("roadmap.total"), "", c.cny(rm.investment_cny), "", "", ""))
        blocks.append(
            Table(
                (
                    c.t("roadmap.col.step"),
                    c.t("roadmap.col.item"),
                    c.t("roadmap.col.cost"),
                    c.t("roadmap.col.s"),
                    c.t("roadmap.col.level"),
                    c.t("roadmap.col.tier"),
                ),
                tuple(rows),
                (0.08, 0.34, 0.16, 0.1, 0.16, 0.16),
                "RLRRLL",
                strong_rows=frozenset({len(rows) - 1}),
            )
        )
        blocks.append(Para(c.t("roadmap.cost_basis"), "note"))
        if not rm.exhaustive:
            blocks.append(Para(c.t("roadmap.not_exhaustive"), "note"))
    else:
        blocks.append(Para(c.t("roadmap.blocked", tier=tier_name(pack, rm.target, lang)), "lead"))
        blocks += [Para(c.check(x), "gap") for x in rm.blockers]
    return Section("6", c.t("section.roadmap"), 1, tuple(blocks))
