"""A staged roadmap: the enterprise's planned project first, then the cheapest set of suggested
items that reaches the next tier actually attainable, stage by stage.

Stages: where the next Shanghai tier is far (two CMMM levels or more above the plant) or cannot be
reached by any purchase, the next national tier comes first; then the Shanghai tier. Each stage is
the cheapest set of suggested items that reaches its tier from where the previous stages leave the
plant, with every item's preconditions in place (bought in the same set or already there) — proven
by an exact branch and bound, or marked not exhaustive when the search hits its node limit. Steps
are ordered by dependency, then by the most S per yuan.

What keeps the search fast: a greedy plan first, so the cost bound cuts from the start; a lower
bound per branch from the level-score deficits (what is still missing at each level can be covered
no faster than by the items' gains over the baseline, taken fractionally, because gains overlap
rather than add) and from the cheapest provider of each missing precondition; and a memo of every
combined effect already scored. Buying only ever raises answers and scoring is monotone, which is
what makes the cuts safe.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .assessment import Assessment
from .catalogue import CatalogItem
from .effects import EMPTY_EFFECT, Baseline, Closure, Combined, Lift
from .questionnaire import Pack, Tier
from .renewal import Advice, Suggestion, advise, item_scale, unmet_preconditions
from .roadmap_bound import Bound, min_level
from .scoring import Scores
from .support import IfConfirmed, plan_support, support_if_confirmed
from .tiers import NONE, Check, decide, national_tier, shanghai_tier


@dataclass(frozen=True)
class Step:
    item: CatalogItem
    cost_cny: float
    s_after: float
    level_after: int
    tier_after: str  # Shanghai tier after this step
    national_after: str = NONE
    closes: tuple[Closure, ...] = ()  # requirements this step raises, given the steps before it
    support: IfConfirmed | None = None  # support if the enterprise confirms what it needs (not counted)
    counted_support_cny: float = 0.0  # planned items: what their confirmed measures count
    planned: bool = False  # the enterprise's own planned project
    stage: str = ""  # the tier its stage aims at
    extends: float | None = None  # coverage (%) of the existing system it extends
    lifts: tuple[Lift, ...] = ()  # indicator rules of a higher tier this step makes pass


@dataclass(frozen=True)
class Stage:
    ladder: str  # "shanghai" or "national"
    target: str
    reachable: bool
    steps: tuple[Step, ...]
    investment_cny: float
    exhaustive: bool = True  # False only if the search hit its node limit
    blockers: tuple[Check, ...] = ()  # what no suggested purchase fixes
    # when unreachable: requirements up to the target's level still below 大部分满足 after buying every
    # suggested item — organisational work, or practice no catalogue item brings
    open_requirements: tuple[str, ...] = ()


@dataclass(frozen=True)
class Roadmap:
    target: str | None  # the next Shanghai tier; None: already at the top tier
    reachable: bool  # whether the Shanghai target can be reached
    steps: tuple[Step, ...]  # planned steps, then every reachable stage's steps in order
    investment_cny: float  # the stages' own items (planned projects counted in ``planned``)
    blockers: tuple[Check, ...] = ()  # what blocks the Shanghai target whatever is bought
    exhaustive: bool = True
    stages: tuple[Stage, ...] = ()
    planned: tuple[Step, ...] = ()


def item_cost(item: CatalogItem, costs: dict[str, float] | None) -> float:
    if costs and item.id in costs:
        return costs[item.id]
    return (item.investment_low + item.investment_high) / 2


def _rank(ladder: Sequence[Tier], tier: str) -> int:
    return next((t.rank for t in ladder if t.id == tier), 0)


class _Search:
    """Everything one roadmap computation shares: the baseline, candidate items and their costs."""

    def __init__(self, base: Baseline, cands: list[Suggestion], costs: dict[str, float] | None, node_limit: int):
        self.base = base
        self.pack = base.pack
        self.node_limit = node_limit
        self.cost = {sg.item.id: (costs[sg.item.id] if costs and sg.item.id in costs else sg.cost) for sg in cands}
        self.single = {sg.item.id: base.combine([sg.item]) for sg in cands}
        self.full = self.single  # every requirement each item raises (the search may see fewer)
        self.pending = {sg.item.id: frozenset(sg.needs) for sg in cands}
        self.items = [sg.item for sg in cands]

    def pending_of(self, item: CatalogItem) -> frozenset[str]:
        got = self.pending.get(item.id)
        if got is None:
            got = frozenset(unmet_preconditions(self.base, item))
            self.pending[item.id] = got
        return got

    def satisfied(self, need: str, eff: Combined) -> bool:
        if need in self.base.requirements:
            return self.base.rating_after(need, eff) >= self.base.threshold - 1e-9
        return need in eff.provides

    def missing(self, pending: frozenset[str], eff: Combined) -> frozenset[str]:
        return frozenset(n for n in pending if not self.satisfied(n, eff))

    def providers(self, need: str, among: Sequence[CatalogItem]) -> list[CatalogItem]:
        if need in self.base.requirements:
            thr = self.base.threshold - 1e-9
            return [it for it in among if self.single[it.id].requirements.get(need, 0.0) >= thr]
        return [it for it in among if need in it.provides]

    def scores(self, eff: Combined, parent: Combined | None = None) -> Scores:
        return self.base.scores_after(eff, parent)


def roadmap(
    pack: Pack,
    a: Assessment,
    scores: Scores | None = None,
    costs: dict[str, float] | None = None,
    node_limit: int = 10_000,
    advice: Advice | None = None,
    base: Baseline | None = None,
) -> Roadmap:
    base = base or Baseline(pack, a, scores)
    adv = advice or advise(pack, a, base=base)
    srch = _Search(base, list(adv.suggestions), costs, node_limit)

    # The enterprise's planned projects come first, at the price it plans to pay.
    catalog = {c.id: c for c in pack.catalog}
    planned_steps: list[Step] = []
    forced: list[CatalogItem] = []
    eff = EMPTY_EFFECT
    for p in a.plans:
        item = catalog.get(p.item)
        if item is None or item in forced:
            continue
        before = eff
        eff = base.merge(eff, base.combine([item]))
        forced.append(item)
        srch.cost.setdefault(item.id, p.investment_cny)
        ps = plan_support(pack, p)
        planned_steps.append(_step(srch, item, p.investment_cny, before, eff, "", planned=True, counted=ps.amount_cny))

    start = srch.scores(eff)
    sh = shanghai_tier(pack, start)
    if sh.next_tier is None:
        return Roadmap(None, True, tuple(planned_steps), 0.0, (), True, (), tuple(planned_steps))
    nat = national_tier(pack, start)
    sh_level = min_level(pack.tiers, sh.next_tier)
    stages_todo: list[tuple[str, str]] = []
    if nat.next_tier and sh_level - start.level >= 2 and min_level(pack.national_tiers, nat.next_tier) < sh_level:
        stages_todo.append(("national", nat.next_tier))
    stages_todo.append(("shanghai", sh.next_tier))

    stages: list[Stage] = []
    chosen: list[CatalogItem] = list(forced)
    for ladder_id, target in stages_todo:
        stage, chosen, eff = _stage(srch, ladder_id, target, chosen, eff)
        stages.append(stage)
    sh_stage = stages[-1]
    if not sh_stage.reachable and len(stages) == 1 and nat.next_tier:
        # The Shanghai tier is out of reach whatever is bought: aim at the next national tier.
        stage, _, _ = _stage(srch, "national", nat.next_tier, list(forced), _effect_of(srch, forced))
        if stage.reachable:
            stages.insert(0, stage)
    steps = tuple(planned_steps) + tuple(st for sg in stages if sg.reachable for st in sg.steps)
    return Roadmap(
        target=sh.next_tier,
        reachable=sh_stage.reachable,
        steps=steps,
        investment_cny=round(sum(sg.investment_cny for sg in stages if sg.reachable), 2),
        blockers=sh_stage.blockers,
        exhaustive=all(sg.exhaustive for sg in stages),
        stages=tuple(stages),
        planned=tuple(planned_steps),
    )


def _effect_of(srch: _Search, items: Sequence[CatalogItem]) -> Combined:
    return srch.base.combine(items)


def _ladder(pack: Pack, ladder_id: str) -> tuple[Tier, ...]:
    return pack.tiers if ladder_id == "shanghai" else pack.national_tiers


def _stage(
    srch: _Search, ladder_id: str, target: str, chosen: list[CatalogItem], eff: Combined
) -> tuple[Stage, list[CatalogItem], Combined]:
    pack, base = srch.pack, srch.base
    ladder = _ladder(pack, ladder_id)
    need = _rank(ladder, target)
    pending0 = frozenset().union(*(srch.pending_of(it) for it in chosen)) if chosen else frozenset()
    rank_memo: dict[object, int] = {}

    decided: dict[object, int] = {}

    def rank_of(e: Combined, parent: Combined | None = None) -> int:
        k = e.key()
        got = rank_memo.get(k)
        if got is None:
            sc = srch.scores(e, parent)
            # A tier decision reads only these: many item sets share them, so decide once each.
            sig = (
                sc.level,
                tuple(sd.level for sd in sc.subdomains.values()),
                tuple(sorted(sc.indicator_values.items())),
                tuple(sorted(sc.scenarios.items())),
            )
            got = decided.get(sig)
            if got is None:
                got = _rank(ladder, decide(pack, ladder, sc).tier)
                decided[sig] = got
            rank_memo[k] = got
        return got

    taken = {it.id for it in chosen}
    cands = [it for it in srch.items if it.id not in taken]
    # Items whose preconditions can never be met (nothing in place, nothing else provides them).
    while True:
        pool_eff = base.merge(eff, base.combine(cands))
        keep = [it for it in cands if not srch.missing(srch.pending_of(it), pool_eff)]
        if len(keep) == len(cands):
            break
        cands = keep
    all_eff = base.merge(eff, base.combine(cands))
    if rank_of(all_eff) < need or srch.missing(pending0, all_eff):
        decision = decide(pack, ladder, srch.scores(all_eff))
        blockers = tuple(c for c in decision.checks[target] if not c.passed)
        top = min_level(ladder, target)
        still = tuple(
            rid
            for rid, r in base.requirements.items()
            if r.level <= top and base.counts(rid) and base.rating_after(rid, all_eff) < base.threshold - 1e-9
        )
        return Stage(ladder_id, target, False, (), 0.0, True, blockers, still), chosen, eff

    # Requirements above the target's level cannot help reach it (a level counts only once every
    # level below it is met): the search sees each item's effect up to that level, plus whatever
    # is a precondition of another item. Items left with nothing toward the target drop out.
    top = min_level(ladder, target) or max(pack.scoring.levels)
    keep_reqs = {n for it in srch.items for n in srch.pending_of(it)}
    full = srch.single
    srch.single = {
        iid: Combined(
            {r: v for r, v in e.requirements.items() if base.requirements[r].level <= top or r in keep_reqs},
            e.indicators,
            e.scenarios,
            e.provides,
        )
        for iid, e in full.items()
    }
    try:
        return _search_stage(srch, ladder_id, target, chosen, eff, cands, rank_of, pending0)
    finally:
        srch.single = full


def _search_stage(
    srch: _Search,
    ladder_id: str,
    target: str,
    chosen: list[CatalogItem],
    eff: Combined,
    cands: list[CatalogItem],
    rank_of: Callable[..., int],
    pending0: frozenset[str],
) -> tuple[Stage, list[CatalogItem], Combined]:
    pack, base, cost = srch.pack, srch.base, srch.cost
    ladder = _ladder(pack, ladder_id)
    need = _rank(ladder, target)
    cands = [it for it in cands if _toward(srch.single[it.id])]
    # None another cheaper item outdoes.
    cands.sort(key=lambda it: (cost[it.id], it.id))
    kept: list[CatalogItem] = []
    for it in cands:
        if not any(_dominated(srch, it, k) for k in kept):
            kept.append(it)
    base_s = srch.scores(eff).s

    def usefulness(it: CatalogItem) -> float:
        return (srch.scores(base.merge(eff, srch.single[it.id])).s - base_s + 1e-6) / max(cost[it.id], 1.0)

    cands = sorted(kept, key=lambda it: (-usefulness(it), it.id))
    bound = Bound(srch, ladder, target, cands)

    def ok(e: Combined, pend: frozenset[str]) -> bool:
        return rank_of(e) >= need and not srch.missing(pend, e)

    best = _greedy(srch, cands, eff, pending0, ok)
    best_cost = sum(cost[it.id] for it in best) if best is not None else float("inf")
    nodes = 0
    exhaustive = True
    seen: dict[object, float] = {}
    suffix: list[Combined] = [EMPTY_EFFECT] * (len(cands) + 1)
    for j in range(len(cands) - 1, -1, -1):
        suffix[j] = base.merge(srch.single[cands[j].id], suffix[j + 1])

    def dfs(
        i: int, picked: list[CatalogItem], e: Combined, pend: frozenset[str], c: float, parent: Combined | None
    ) -> None:
        nonlocal best_cost, best, nodes, exhaustive
        nodes += 1
        if nodes > srch.node_limit:
            exhaustive = False
            return
        # Two sets with the same combined effect and open preconditions face the same choices
        # from here on: only the cheaper one can lead to a better plan.
        open_needs = srch.missing(pend, e)
        key = (i, e.key(), e.provides, open_needs)
        if seen.get(key, float("inf")) <= c:
            return
        seen[key] = c
        if rank_of(e, parent) >= need and not open_needs:
            if c < best_cost - 1e-6:
                best_cost, best = c, list(picked)
            return
        if i >= len(cands):
            return
        if srch.missing(pend, base.merge(e, suffix[i])):
            return
        # The bound also says when the rest cannot reach the level or indicator rules (infinite).
        if c + bound.lower(e, open_needs, i) >= best_cost - 1e-6:
            return
        it = cands[i]
        child = base.merge(e, srch.single[it.id])
        dfs(i + 1, [*picked, it], child, pend | srch.pending_of(it), c + cost[it.id], e)
        dfs(i + 1, picked, e, pend, c, parent)

    dfs(0, [], eff, pending0, 0.0, None)
    if best is None:  # the node limit struck before any plan was found
        return Stage(ladder_id, target, False, (), 0.0, False, ()), chosen, eff
    restricted, srch.single = srch.single, srch.full  # the steps say everything each item closes
    steps, eff_after = _order(srch, best, eff, target)
    srch.single = restricted
    return (
        Stage(ladder_id, target, True, steps, round(best_cost, 2), exhaustive),
        [*chosen, *best],
        eff_after,
    )


def _toward(e: Combined) -> bool:
    return bool(e.requirements or e.indicators or e.scenarios or e.provides)


def _dominated(srch: _Search, a: CatalogItem, b: CatalogItem) -> bool:
    """True when b does everything a does (and maybe more), needs no more and costs no more."""
    if srch.cost[b.id] > srch.cost[a.id]:
        return False
    ea, eb = srch.single[a.id], srch.single[b.id]
    if any(eb.requirements.get(r, 0.0) < v for r, v in ea.requirements.items()):
        return False
    if not ea.scenarios <= eb.scenarios or not ea.provides <= eb.provides:
        return False
    if not srch.pending_of(b) <= srch.pending_of(a):
        return False
    for iid, v in ea.indicators.items():
        w = eb.indicators.get(iid)
        if w is None:
            return False
        if (w < v) if srch.base.path_indicators[iid].better == "higher" else (w > v):
            return False
    return True


def _greedy(
    srch: _Search,
    cands: list[CatalogItem],
    eff: Combined,
    pending: frozenset[str],
    ok: Callable[[Combined, frozenset[str]], bool],
) -> list[CatalogItem] | None:
    """A good first plan: add the item (with the cheapest providers of what it needs) with the
    most S per yuan until the tier is reached, then drop any item the plan no longer needs."""
    base, cost = srch.base, srch.cost
    chosen: list[CatalogItem] = []
    e, pend = eff, pending
    left = list(cands)

    def bundle(it: CatalogItem, e: Combined, pend: frozenset[str]) -> list[CatalogItem]:
        out = [it]
        todo = srch.missing(pend | srch.pending_of(it), base.merge(e, srch.single[it.id]))
        for need in sorted(todo):
            prov = [p for p in srch.providers(need, left) if p is not it]
            if prov:
                out.append(min(prov, key=lambda p: (cost[p.id], p.id)))
        return out

    while not ok(e, pend):
        if not left:
            return None
        cur = srch.scores(e).s
        options = [bundle(it, e, pend) for it in left]
        pick = max(
            options,
            key=lambda b: (
                (srch.scores(base.merge(e, base.combine(b))).s - cur + 1e-6) / max(sum(cost[x.id] for x in b), 1.0)
            ),
        )
        for x in pick:
            if x in left:
                left.remove(x)
                chosen.append(x)
                e = base.merge(e, srch.single[x.id])
                pend = pend | srch.pending_of(x)
        if not ok(e, pend) and not left:
            return None
    for it in sorted(chosen, key=lambda x: -cost[x.id]):
        trial = [c for c in chosen if c is not it]
        t_eff = base.merge(eff, base.combine(trial))
        t_pend = pending.union(*(srch.pending_of(c) for c in trial)) if trial else pending
        if ok(t_eff, t_pend):
            chosen = trial
    return chosen


def _step(
    srch: _Search,
    item: CatalogItem,
    cost: float,
    before: Combined,
    after: Combined,
    stage: str,
    planned: bool = False,
    counted: float = 0.0,
) -> Step:
    base = srch.base
    sc = srch.scores(after)
    closes = tuple(
        Closure(rid, base.rating_after(rid, before), to, base.requirements[rid].subdomain, base.requirements[rid].level)
        for rid, to in srch.single.get(item.id, base.combine([item])).requirements.items()
        if to > base.rating_after(rid, before) + 1e-9
    )
    sc_before = srch.scores(before)
    lifts = tuple(
        Lift(x.indicator, sc_before.indicator_values.get(x.indicator), x.after, x.required, x.tier)
        for x in base.lifts(item)
        if not _meets(srch, x.indicator, sc_before.indicator_values.get(x.indicator), x.required)
    )
    return Step(
        item=item,
        cost_cny=round(cost, 2),
        s_after=sc.s,
        level_after=sc.level,
        tier_after=shanghai_tier(srch.pack, sc).tier,
        national_after=national_tier(srch.pack, sc).tier,
        closes=closes,
        support=support_if_confirmed(srch.pack, item, cost),
        counted_support_cny=counted,
        planned=planned,
        stage=stage,
        extends=item_scale(srch.pack, base.a, item)[1],
        lifts=lifts,
    )


def _meets(srch: _Search, iid: str, value: float | None, need: float) -> bool:
    return value is not None and srch.base.path_indicators[iid].meets(value, need)


def _order(srch: _Search, chosen: list[CatalogItem], eff: Combined, stage: str) -> tuple[tuple[Step, ...], Combined]:
    """Steps in dependency order (an item after whatever provides its preconditions), and among
    the items ready to buy, the most S per yuan first."""
    base, cost = srch.base, srch.cost
    steps: list[Step] = []
    left = list(chosen)
    while left:
        ready = [it for it in left if not srch.missing(srch.pending_of(it), eff)] or left
        cur = srch.scores(eff).s

        def gain(it: CatalogItem, cur: float = cur, e: Combined = eff) -> float:
            return (srch.scores(base.merge(e, srch.single[it.id])).s - cur) / max(cost[it.id], 1.0)

        nxt = max(ready, key=lambda it: (gain(it), -cost[it.id], it.id))
        left.remove(nxt)
        before = eff
        eff = base.merge(eff, srch.single[nxt.id])
        steps.append(_step(srch, nxt, cost[nxt.id], before, eff, stage))
    return tuple(steps), eff
