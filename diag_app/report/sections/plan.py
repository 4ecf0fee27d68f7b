"""Section 5, the improvement plan: the roadmap to the next tier as a timeline, the renewal
suggestions behind it, and the policy support the enterprise's own plans may get.

Support is shown as the model states it: a measure is counted only when everything it requires
is confirmed; otherwise it is "possible if …" and never added to a total.
"""

from __future__ import annotations

from typing import Any

from ...describe import estimate_basis, level_name, reason_text, tier_name
from ...i18n import tr
from ...money import fmt_cny_if, fmt_num, fmt_score
from ..document import Block, Para, Section, Table
from .context import Ctx

MAX_SUGGESTIONS = 10  # the report lists the first ten by priority (and any the roadmap uses); the XLSX all


def plan(c: Ctx) -> list[Section]:
    return [
        Section("5", c.t("section.plan"), 1, (Para(c.t("plan.intro")),)),
        Section("5.1", c.t("section.roadmap"), 2, tuple(_roadmap(c))),
        Section("5.2", c.t("section.renewal"), 2, tuple(_suggestions(c))),
        Section("5.3", c.t("section.support"), 2, tuple(_support(c))),
    ]


def _months(item: Any) -> int | None:
    """The catalogue's typical implementation time of an item, where the pack gives one."""
    m = getattr(item, "months", None)
    return int(m) if isinstance(m, int | float) and m > 0 else None


def _roadmap(c: Ctx) -> list[Block]:
    pack, lang = c.pack, c.lang
    rm = c.r.roadmap
    if rm is None:
        return [Para(c.t("roadmap.not_computed"), "note")]
    if rm.target is None:
        return [Para(c.t("roadmap.top", claim=c.claim(c.r.tier.tier)))]
    if not rm.reachable:
        blocks: list[Block] = [Para(c.t("roadmap.blocked", tier=tier_name(pack, rm.target, lang)), "lead")]
        return blocks + [Para(c.check(x), "gap") for x in rm.blockers]
    tier = tier_name(pack, rm.target, lang)
    blocks = [Para(c.t("roadmap.intro", tier=tier, amount=c.cny(rm.investment_cny)))]
    timed = all(_months(st.item) for st in rm.steps)
    start = 0
    rows = []
    for i, st in enumerate(rm.steps, 1):
        if timed:
            end = start + (_months(st.item) or 0)
            when = c.t("roadmap.months", start=start, end=end)
            start = end
        else:
            when = c.t("roadmap.phase", n=i)
        rows.append(
            (
                when,
                st.item.name.get(lang),
                c.cny(st.cost_cny),
                fmt_score(st.s_after),
                level_name(pack, st.level_after, lang),
                tier_name(pack, st.tier_after, lang),
            )
        )
    rows.append((c.t("roadmap.total"), "", c.cny(rm.investment_cny), "", "", ""))
    blocks.append(
        Table(
            (
                c.t("roadmap.col.when"),
                c.t("roadmap.col.item"),
                c.t("roadmap.col.cost"),
                c.t("roadmap.col.s"),
                c.t("roadmap.col.level"),
                c.t("roadmap.col.tier"),
            ),
            tuple(rows),
            (0.13, 0.33, 0.15, 0.1, 0.14, 0.15),
            "LLRRLL",
            caption=c.t("roadmap.caption"),
            strong_rows=frozenset({len(rows) - 1}),
        )
    )
    blocks.append(Para(c.t("roadmap.cost_basis") + ("" if timed else c.t("roadmap.no_dates")), "note"))
    if not rm.exhaustive:
        blocks.append(Para(c.t("roadmap.not_exhaustive"), "note"))
    return blocks


def _suggestions(c: Ctx) -> list[Block]:
    pack, r, lang = c.pack, c.r, c.lang
    if not r.suggestions:
        return [Para(c.t("renewal.none"), "note")]
    in_roadmap = {st.item.id for st in r.roadmap.steps} if r.roadmap else set()
    shown = [(i, sg) for i, sg in enumerate(r.suggestions, 1) if i <= MAX_SUGGESTIONS or sg.item.id in in_roadmap]
    codes: dict[str, str] = {}  # measure id -> "M1", in order of first use
    for _i, sg in shown:
        for mid in sg.item.measures:
            if mid in pack.measures and mid not in codes:
                codes[mid] = f"M{len(codes) + 1}"
    rows = []
    for i, sg in shown:
        cat = next((x.name.get(lang) for x in pack.categories if x.id == sg.item.category), "—")
        rows.append(
            (
                str(i),
                sg.item.name.get(lang),
                cat,
                c.join(reason_text(pack, x, lang) for x in sg.reasons),
                c.span(sg.investment_low, sg.investment_high),
                c.join((codes[mid] for mid in sg.item.measures if mid in codes), ",") or "—",
            )
        )
    intro = c.t("renewal.intro")
    if len(shown) < len(r.suggestions):
        intro += c.t("renewal.more", shown=len(shown), n=len(r.suggestions))
    blocks: list[Block] = [
        Para(intro),
        Table(
            (
                c.t("col.no"),
                c.t("renewal.col.item"),
                c.t("renewal.col.category"),
                c.t("renewal.col.reasons"),
                c.t("renewal.col.investment"),
                c.t("renewal.col.measures"),
            ),
            tuple(rows),
            (0.05, 0.18, 0.12, 0.42, 0.15, 0.08),
            "RLLLRL",
            caption=c.t("renewal.table_caption"),
        ),
    ]
    if codes:
        blocks.append(
            Table(
                (
                    c.t("renewal.col.code"),
                    c.t("renewal.col.measure"),
                    c.t("renewal.col.measure_rule"),
                    c.t("renewal.col.cap"),
                ),
                tuple(
                    (
                        code,
                        _measure_name(c, mid),
                        pack.measures[mid].note.get(lang) or "—",
                        c.cny(pack.measures[mid].cap),
                    )
                    for mid, code in codes.items()
                ),
                (0.07, 0.27, 0.48, 0.18),
                "LLLR",
                caption=c.t("renewal.measures_caption"),
            )
        )
    return blocks


def _measure_name(c: Ctx, mid: str) -> str:
    """A measure's name; one that needs a qualification confirmed first says which."""
    m = c.pack.measures[mid]
    needs = [_qualification(c, q) for q in getattr(m, "requires", ())]
    name = m.name.get(c.lang)
    return c.paren(name, c.t("renewal.needs", what=c.join(needs, ","))) if needs else name


def _qualification(c: Ctx, qid: str) -> str:
    q = getattr(c.pack, "qualifications", {}).get(qid)
    return q.name.get(c.lang) if q is not None and hasattr(q, "name") else qid


def _status(e: Any) -> str:
    """counted, possible (once the missing qualifications are confirmed), unstated or not-eligible."""
    status = getattr(e, "status", None)
    return str(status) if status else ("counted" if e.eligible else "not-eligible")


def _support(c: Ctx) -> list[Block]:
    pack, r, lang = c.pack, c.r, c.lang
    if not r.support:
        return [Para(c.t("renewal.no_plans"), "note"), Para(c.t("renewal.upper_bound"), "warn")]
    rows: list[tuple[str, ...]] = []
    possible = 0
    for ps in r.support:
        item = next((x for x in pack.catalog if x.id == ps.plan.item), None)
        name = item.name.get(lang) if item else ps.plan.item
        for e in ps.estimates:
            status = _status(e)
            if status == "counted":
                amount = c.cny(e.amount_cny)
            elif status == "possible":
                possible += 1
                missing = c.join((_qualification(c, q) for q in getattr(e, "missing", ())), ",")
                amount = c.t("support.possible", amount=fmt_cny_if(getattr(e, "possible_cny", 0.0), lang), what=missing)
            elif status == "unstated":
                amount = c.t("support.unstated")
            else:
                amount = c.t("renewal.not_eligible")
            rows.append(
                (
                    name,
                    c.cny(ps.plan.investment_cny),
                    tr(f"report.financing.{ps.plan.financing}", lang),
                    pack.measures[e.measure].name.get(lang),
                    amount,
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
            (0.14, 0.13, 0.09, 0.17, 0.16, 0.31),
            "LRLLRL",
            caption=c.t("renewal.plans_caption"),
            strong_rows=frozenset({len(rows) - 1}),
        )
    ]
    if possible:
        blocks.append(Para(c.t("support.possible_note", n=fmt_num(possible)), "note"))
    blocks.append(Para(c.t("renewal.upper_bound"), "warn"))
    return blocks
