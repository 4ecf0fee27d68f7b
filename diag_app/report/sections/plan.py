"""Section 5, the improvement plan: the staged roadmap to the next tiers (the enterprise's planned
projects first, then each stage in order, with the requirements every step closes and the support
it could get once qualifications are confirmed), the renewal suggestions in the one ranking, and
the policy support the enterprise's own plans may get.

Support is shown as the model states it: a measure is counted only when everything it requires
is confirmed and the plan states an amount; otherwise it is "possible if …" or "no amount stated",
and never added to a total.
"""

from __future__ import annotations

from ...describe import estimate_basis, measure_cap_text, qualification_text, ranking_text, reason_text, tier_name
from ...i18n import tr
from ...model.renewal import Suggestion
from ...model.roadmap import Step
from ...model.support import Estimate, PlanSupport
from ...money import fmt_cny_if, fmt_num, fmt_score
from ..document import Block, Para, Section, Table
from .context import Ctx

MAX_SUGGESTIONS = 10  # the report lists the first ten of the ranking (the roadmap's steps are in 5.1); the XLSX all
MAX_REASONS = 3  # reasons printed per suggestion (the XLSX has them all)


def plan(c: Ctx) -> list[Section]:
    codes = _codes(c)
    return [
        Section("5", c.t("section.plan"), 1, (Para(c.t("plan.intro")),)),
        Section("5.1", c.t("section.roadmap"), 2, tuple(_roadmap(c, codes))),
        Section("5.2", c.t("section.renewal"), 2, tuple(_suggestions(c, codes))),
        Section("5.3", c.t("section.support"), 2, tuple(_support(c))),
    ]


def _shown(c: Ctx) -> list[Suggestion]:
    """The suggestions the report lists: the first of the ranking (the roadmap's are in 5.1)."""
    return list(c.r.suggestions[:MAX_SUGGESTIONS])


def _codes(c: Ctx) -> dict[str, str]:
    """Measure id -> "M1", "M2"… in order of first use by the roadmap, then the listed suggestions."""
    codes: dict[str, str] = {}
    rm = c.r.roadmap
    used = [st.support.measure for st in (rm.steps if rm else ()) if st.support is not None]
    used += [mid for sg in _shown(c) for mid in sg.item.measures]
    for mid in used:
        if mid in c.pack.measures and mid not in codes:
            codes[mid] = f"M{len(codes) + 1}"
    return codes


def _qualification(c: Ctx, qid: str) -> str:
    return qualification_text(c.pack, qid, c.lang).rstrip("？?")


def _step_rows(
    c: Ctx, steps: tuple[Step, ...], ladder: str, first: int, codes: dict[str, str]
) -> list[tuple[str, ...]]:
    """One row per step, in order, with the item's typical implementation time where the
    catalogue gives one."""
    pack, lang = c.pack, c.lang
    rows: list[tuple[str, ...]] = []
    for n, st in enumerate(steps, first):
        after = st.national_after if ladder == "national" else st.tier_after
        if st.planned:
            support = c.t("roadmap.counted", amount=c.cny(st.counted_support_cny)) if st.counted_support_cny else "—"
        elif st.support is not None and st.support.amount_cny > 0:  # what to confirm: the measures table
            measure = codes.get(st.support.measure, pack.measures[st.support.measure].name.get(lang))
            support = c.t("roadmap.if_confirmed", amount=c.cny(st.support.amount_cny), measure=measure)
        else:
            support = "—"
        when = c.t("roadmap.planned") if st.planned else c.t("roadmap.step", n=n)
        if st.item.months:  # its typical implementation time; steps may run in parallel
            when = c.join([when, c.t("roadmap.months", n=st.item.months)], ",")
        rows.append(
            (
                when,
                st.item.name.get(lang),
                c.cny(st.cost_cny),
                c.join((x.requirement for x in st.closes), ",") or "—",
                fmt_score(st.s_after),
                tier_name(pack, after, lang) if after != "none" else "—",
                support,
            )
        )
    return rows


_STEP_HEADER = ("roadmap.col.when", "roadmap.col.item", "roadmap.col.cost", "roadmap.col.closes", "roadmap.col.s",
                "roadmap.col.tier", "roadmap.col.support")  # fmt: skip
_STEP_WIDTHS = (0.08, 0.19, 0.13, 0.21, 0.07, 0.14, 0.18)


def _roadmap(c: Ctx, codes: dict[str, str]) -> list[Block]:
    pack, lang = c.pack, c.lang
    rm = c.r.roadmap
    if rm is None:
        return [Para(c.t("roadmap.not_computed"), "note")]
    blocks: list[Block] = []
    if rm.target is None and not rm.stages:
        blocks.append(Para(c.t("roadmap.top", claim=c.claim(c.r.tier.tier))))
    header = tuple(c.t(k) for k in _STEP_HEADER)
    every = (*rm.planned, *(st for stage in rm.stages if stage.reachable for st in stage.steps))
    timed = any(st.item.months > 0 for st in every)
    if rm.planned:
        rows = _step_rows(c, rm.planned, "shanghai", 1, codes)
        blocks.append(Table(header, tuple(rows), _STEP_WIDTHS, "LLRLRLL", caption=c.t("roadmap.planned_caption")))
    n = 1
    for k, stage in enumerate(rm.stages, 1):
        tier = tier_name(pack, stage.target, lang)
        ladder = c.t(f"roadmap.ladder.{stage.ladder}")
        if not stage.reachable:
            blocks.append(Para(c.t("roadmap.blocked", tier=tier), "lead"))
            blocks += [Para(c.check(x), "gap") for x in stage.blockers]
            if stage.open_requirements:  # organisational work no purchase closes
                ids = c.join(stage.open_requirements, ",")
                blocks.append(Para(c.t("roadmap.open_requirements", ids=ids), "gap"))
            continue
        rows = _step_rows(c, stage.steps, stage.ladder, n, codes)
        n += len(stage.steps)
        rows.append((c.t("roadmap.total"), "", c.cny(stage.investment_cny), "", "", "", ""))
        caption = c.t("roadmap.stage", n=k, tier=tier, ladder=ladder, amount=c.cny(stage.investment_cny))
        blocks.append(
            Table(header, tuple(rows), _STEP_WIDTHS, "LLRLRLL", caption=caption, strong_rows=frozenset({len(rows) - 1}))
        )
        if not stage.exhaustive:
            blocks.append(Para(c.t("roadmap.not_exhaustive"), "note"))
    if rm.target is not None and not rm.reachable and rm.blockers and not any(not s.reachable for s in rm.stages):
        blocks.append(Para(c.t("roadmap.blocked", tier=tier_name(pack, rm.target, lang)), "lead"))
        blocks += [Para(c.check(x), "gap") for x in rm.blockers]
    if rm.stages or rm.planned:
        blocks.append(Para(c.t("roadmap.cost_basis") + c.t("roadmap.dates" if timed else "roadmap.no_dates"), "note"))
    return blocks


def _suggestions(c: Ctx, codes: dict[str, str]) -> list[Block]:
    pack, r, lang = c.pack, c.r, c.lang
    if not r.suggestions:
        return [Para(c.t("renewal.none"), "note")]
    shown = _shown(c)
    rows = []
    for sg in shown:
        why = [reason_text(pack, x, lang) for x in sg.reasons[:MAX_REASONS]]
        if len(sg.reasons) > MAX_REASONS:
            why.append(c.t("renewal.more_reasons", n=len(sg.reasons) - MAX_REASONS))
        if not any(x.kind == "closes" for x in sg.reasons) and sg.closes:
            why.append(c.t("renewal.closes", ids=c.join((x.requirement for x in sg.closes), ",")))
        if sg.planned:
            why.append(c.t("renewal.is_planned"))
        elif sg.step:
            why.append(c.t("renewal.on_roadmap", n=sg.step))
        rows.append(
            (
                str(sg.priority or r.suggestions.index(sg) + 1),
                sg.item.name.get(lang),
                c.join(why),
                c.span(sg.investment_low, sg.investment_high),
                c.join((codes[mid] for mid in sg.item.measures if mid in codes), ",") or "—",
            )
        )
    intro = c.t("renewal.intro") + ranking_text(lang)
    if len(shown) < len(r.suggestions):
        intro += c.t("renewal.more", shown=len(shown), n=len(r.suggestions))
    blocks: list[Block] = [
        Para(intro),
        Table(
            (
                c.t("renewal.col.rank"),
                c.t("renewal.col.item"),
                c.t("renewal.col.reasons"),
                c.t("renewal.col.investment"),
                c.t("renewal.col.measures"),
            ),
            tuple(rows),
            (0.06, 0.2, 0.51, 0.15, 0.08),
            "RLLRL",
            caption=c.t("renewal.table_caption"),
        ),
    ]
    if codes:  # the measures by code: name, what must be confirmed first, cap (the rules are in 5.3 and the pack)
        rows2 = []
        for mid, code in codes.items():
            m = pack.measures[mid]
            needs = c.join((_qualification(c, q) for q in m.requires), ",") if m.requires else "—"
            rows2.append((code, m.name.get(lang), needs, measure_cap_text(pack, mid, lang)))
        blocks.append(
            Table(
                (
                    c.t("renewal.col.code"),
                    c.t("renewal.col.measure"),
                    c.t("renewal.col.requires"),
                    c.t("renewal.col.cap"),
                ),
                tuple(rows2),
                (0.07, 0.4, 0.35, 0.18),
                "LLLR",
                caption=c.t("renewal.measures_caption"),
            )
        )
    return blocks


def _amount(c: Ctx, ps: PlanSupport, e: Estimate) -> str:
    if e in ps.counted:
        return c.cny(e.amount_cny)
    if e.status == "counted":  # eligible, but the project counts only its best Shanghai measure
        return c.t("support.not_best", amount=c.cny(e.amount_cny))
    if e.status == "possible":
        what = c.join((_qualification(c, q) for q in e.missing), ",")
        return c.t("support.possible", amount=fmt_cny_if(e.possible_cny, c.lang), what=what)
    if e.status == "unstated":
        return c.t("support.unstated")
    return c.t("renewal.not_eligible")


def _support(c: Ctx) -> list[Block]:
    pack, r, lang = c.pack, c.r, c.lang
    if not r.support:
        return [Para(c.t("renewal.no_plans"), "note"), Para(c.t("renewal.upper_bound"), "warn")]
    rows: list[tuple[str, ...]] = []
    possible = 0
    for ps in r.support:
        name = c.catalog_name(ps.plan.item)
        for e in ps.estimates:
            possible += e.status == "possible"
            rows.append(
                (
                    name,
                    c.cny(ps.plan.investment_cny),
                    tr(f"report.financing.{ps.plan.financing}", lang),
                    pack.measures[e.measure].name.get(lang),
                    _amount(c, ps, e),
                    estimate_basis(pack, e, lang),
                )
            )
    total = fmt_cny_if(r.support_total_cny, lang)  # nothing counted: "—", not "0 万元"
    rows.append((c.t("renewal.total"), "", "", "", total, c.t("renewal.total_rule")))
    blocks: list[Block] = [
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
            (0.14, 0.12, 0.09, 0.17, 0.17, 0.31),
            "LRLLRL",
            caption=c.t("renewal.plans_caption"),
            strong_rows=frozenset({len(rows) - 1}),
        )
    ]
    if possible:
        blocks.append(Para(c.t("support.possible_note", n=fmt_num(possible)), "note"))
    blocks.append(Para(c.t("renewal.upper_bound"), "warn"))
    return blocks
