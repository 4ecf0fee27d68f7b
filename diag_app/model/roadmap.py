"""The cheapest set of renewal items that lifts the factory to the next Shanghai tier.

Exact branch and bound over the catalogue. Three things keep it fast on a 50-item catalogue:
a greedy plan first, so the cost bound cuts from the start; a lower bound per branch from the
level-score deficits (what is still missing at each level can be covered no faster than by the
items' individual gains, taken fractionally, because gains overlap rather than add); and a memo
of the tier reached per distinct effect, since many item sets lift the same sub-domains.
Buying only ever raises answers and scoring is monotone, which is what makes the cuts safe.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

from .assessment import Assessment
from .questionnaire import CatalogItem, Pack
from .renewal import applies, combined_effect
from .scoring import Scores, lifted, score
from .tiers import Check, shanghai_tier


@dataclass(frozen=True)
class Step:
    item: CatalogItem
    cost_cny: float
    s_after: float
    level_after: int
    tier_after: str


@dataclass(frozen=True)
class Roadmap:
    target: str | None  # None: already at the top tier
    reachable: bool
    steps: tuple[Step, ...]
    investment_cny: float
    blockers: tuple[Check, ...] = ()  # what no purchase in the catalogue fixes
    exhaustive: bool = True  # False only if the search hit its node limit


def item_cost(item: CatalogItem, costs: dict[str, float] | None) -> float:
    if costs and item.id in costs:
        return costs[item.id]
    return (item.investment_low + item.investment_high) / 2


def _rank(pack: Pack, tier: str) -> int:
    return next((t.rank for t in pack.tiers if t.id == tier), 0)


Effect = tuple[tuple[tuple[str, int], ...], tuple[tuple[str, float], ...], frozenset[str]]


class _Evaluator:
    """Scores of item combinations, from the base scores and memoised by combined effect."""

    def __init__(self, pack: Pack, base: Scores):
        self.pack = pack
        self.base = base
        self.better = {i.id: i.better for i in pack.indicators}
        self.memo: dict[Effect, Scores] = {}
        self.ranks: dict[Effect, int] = {}

    def effect(self, items: list[CatalogItem]) -> Effect:
        lifts, inds, scen = combined_effect(self.pack, items)
        return tuple(sorted(lifts.items())), tuple(sorted(inds.items())), frozenset(scen)

    def merge(self, e1: Effect, e2: Effect) -> Effect:
        lifts = dict(e1[0])
        for sd, lvl in e2[0]:
            lifts[sd] = max(lifts.get(sd, 0), lvl)
        inds = dict(e1[1])
        for iid, v in e2[1]:
            cur = inds.get(iid)
            inds[iid] = v if cur is None else (max(cur, v) if self.better[iid] == "higher" else min(cur, v))
        return tuple(sorted(lifts.items())), tuple(sorted(inds.items())), e1[2] | e2[2]

    def rank_of(self, key: Effect) -> int:
        got = self.ranks.get(key)
        if got is None:
            got = _rank(self.pack, shanghai_tier(self.pack, self.scores_of(key)).tier)
            self.ranks[key] = got
        return got

    def scores(self, items: list[CatalogItem]) -> Scores:
        return self.scores_of(self.effect(items))

    def scores_of(self, key: Effect) -> Scores:
        got = self.memo.get(key)
        if got is None:
            got = lifted(self.pack, self.base, dict(key[0]), dict(key[1]), key[2])
            self.memo[key] = got
        return got

    def tier(self, items: list[CatalogItem]) -> str:
        return shanghai_tier(self.pack, self.scores(items)).tier


def _changes_something(ev: _Evaluator, item: CatalogItem) -> bool:
    after = ev.scores([item])
    base = ev.base
    return (
        after.level_scores != base.level_scores
        or after.indicator_values != base.indicator_values
        or after.scenarios != base.scenarios
        or any(after.subdomains[k].level != v.level for k, v in base.subdomains.items())
    )


def _dominated(a: CatalogItem, b: CatalogItem, better: Mapping[str, str]) -> bool:
    """True when b does everything a does (and maybe more)."""
    ea, eb = a.effect, b.effect
    if any(eb.subdomain_levels.get(sd, 0) < lvl for sd, lvl in ea.subdomain_levels.items()):
        return False
    if not set(ea.scenarios) <= set(eb.scenarios):
        return False
    for iid, v in ea.indicators.items():
        if iid not in eb.indicators:
            return False
        w = eb.indicators[iid]
        if (w < v) if better[iid] == "higher" else (w > v):
            return False
    return True


def roadmap(
    pack: Pack,
    a: Assessment,
    scores: Scores | None = None,
    costs: dict[str, float] | None = None,
    node_limit: int = 60_000,
) -> Roadmap:
    base = scores or score(pack, a)
    current = shanghai_tier(pack, base)
    if current.next_tier is None:
        return Roadmap(None, True, (), 0.0)
    target = current.next_tier
    need = _rank(pack, target)
    ev = _Evaluator(pack, base)

    def reach(items: list[CatalogItem]) -> bool:
        return _rank(pack, ev.tier(items)) >= need

    cands = sorted(
        (it for it in pack.catalog if applies(it, a.enterprise.industry) and _changes_something(ev, it)),
        key=lambda it: (item_cost(it, costs), it.id),
    )
    kept: list[CatalogItem] = []
    for it in cands:
        if not any(_dominated(it, k, ev.better) for k in kept):
            kept.append(it)
    cands = kept

    if not reach(cands):
        blockers = shanghai_tier(pack, ev.scores(cands)).checks[target]
        return Roadmap(target, False, (), 0.0, tuple(c for c in blockers if not c.passed))

    # Level deficits the chosen items must cover, in weighted-sum units, for the target's level rule.
    # The loader checks a min_level rule's level is a number equal to 1 to 5 (YAML may give 2.0).
    min_level = max(
        (
            int(cast(float, r.params["level"]))
            for t in pack.tiers
            if t.id == target
            for r in t.rules
            if r.kind == "min_level"
        ),
        default=0,
    )
    levels = [lvl for lvl in pack.scoring.levels if lvl <= min_level]
    ind_by_id = {i.id: i for i in pack.indicators}
    indicator_needs = []
    for t in pack.tiers:
        if t.id != target:
            continue
        for r in t.rules:
            if r.kind == "indicator":
                ind = ind_by_id[str(r.params["indicator"])]
                if base.path not in ind.paths:
                    continue
                tgt = ind.target(str(r.params["target"])) if "target" in r.params else None
                need_v = tgt.value if tgt else float(r.params["value"])  # type: ignore[arg-type]
                indicator_needs.append((ind.id, need_v, ind.better))
    threshold = pack.scoring.level_threshold

    def level_sums(sc: Scores) -> dict[int, tuple[float, float]]:
        out = {}
        for lvl in levels:
            pairs = [(v, s.weight) for s in sc.subdomains.values() if (v := s.level_scores[lvl]) is not None]
            out[lvl] = (sum(v * w for v, w in pairs), sum(w for _, w in pairs))
        return out

    def lower_bound(chosen: list[CatalogItem], rest: list[CatalogItem]) -> float:
        """A cost no plan extending ``chosen`` with items of ``rest`` can beat."""
        sc = ev.scores(chosen)
        sums = level_sums(sc)
        bound = 0.0
        for ind_id, need_v, better in indicator_needs:
            have_v = sc.indicator_values.get(ind_id)
            ok = have_v is not None and (have_v >= need_v if better == "higher" else have_v <= need_v)
            if not ok:
                providers = [
                    item_cost(it, costs)
                    for it in rest
                    if (v := it.effect.indicators.get(ind_id)) is not None
                    and (v >= need_v if better == "higher" else v <= need_v)
                ]
                if not providers:
                    return float("inf")
                bound = max(bound, min(providers))
        deficits: dict[int, float] = {}
        for lvl in levels:
            have, wsum = sums[lvl]
            if (d := threshold * wsum - have - 1e-9) > 0:
                deficits[lvl] = d
        if not deficits:
            return bound
        # What fully meeting each (sub-domain, level) cell would add to that level's weighted sum.
        gap = {
            (sd, lvl): sub.weight * (1.0 - v)
            for sd, sub in sc.subdomains.items()
            for lvl in deficits
            if (v := sub.level_scores[lvl]) is not None and v < 1.0
        }
        gains = []
        for it in rest:
            g = dict.fromkeys(deficits, 0.0)
            for sd, top in it.effect.subdomain_levels.items():
                for lvl in deficits:
                    if top >= lvl:
                        g[lvl] += gap.get((sd, lvl), 0.0)
            gains.append((item_cost(it, costs), g))
        # One covering constraint per level, and their normalised sum (a surrogate relaxation,
        # often far tighter when several levels fall short at once).
        for lvl, d in deficits.items():
            bound = max(bound, _fractional_cover([(c, g[lvl]) for c, g in gains], d))
        if len(deficits) > 1:
            combined = [(c, sum(g[lvl] / d for lvl, d in deficits.items())) for c, g in gains]
            bound = max(bound, _fractional_cover(combined, float(len(deficits))))
        return bound

    # Branch on the most useful items per yuan first, so good plans turn up early and the cost
    # bound cuts deep.
    base_s = base.s

    def usefulness(it: CatalogItem) -> float:
        return (ev.scores([it]).s - base_s + 1e-6) / max(item_cost(it, costs), 1.0)

    cands.sort(key=lambda it: (-usefulness(it), it.id))
    best = _greedy(pack, ev, cands, reach, costs)
    best_cost = sum(item_cost(it, costs) for it in best)
    nodes = 0
    exhaustive = True
    seen: dict[tuple[int, Effect], float] = {}

    empty: Effect = ((), (), frozenset())
    suffix: list[Effect] = [empty] * (len(cands) + 1)
    for j in range(len(cands) - 1, -1, -1):
        suffix[j] = ev.merge(ev.effect([cands[j]]), suffix[j + 1])
    single = [ev.effect([it]) for it in cands]

    def dfs(i: int, chosen: list[CatalogItem], eff: Effect, cost: float) -> None:
        nonlocal best_cost, best, nodes, exhaustive
        nodes += 1
        if nodes > node_limit:
            exhaustive = False
            return
        # Two item sets with the same combined effect face the same choices from here on:
        # only the cheaper one can lead to a better plan.
        key = (i, eff)
        if seen.get(key, float("inf")) <= cost:
            return
        seen[key] = cost
        if ev.rank_of(eff) >= need:
            if cost < best_cost - 1e-6:
                best_cost, best = cost, list(chosen)
            return
        if i >= len(cands) or ev.rank_of(ev.merge(eff, suffix[i])) < need:
            return
        if cost + lower_bound(chosen, cands[i:]) >= best_cost - 1e-6:
            return
        it = cands[i]
        dfs(i + 1, [*chosen, it], ev.merge(eff, single[i]), cost + item_cost(it, costs))
        dfs(i + 1, chosen, eff, cost)

    dfs(0, [], empty, 0.0)
    return Roadmap(target, True, _steps(pack, ev, best, costs), best_cost, (), exhaustive)


def _fractional_cover(items: list[tuple[float, float]], need: float) -> float:
    """The least cost of covering ``need`` with items (cost, gain) taken fractionally: a lower
    bound for taking them whole. Infinite when even all of them fall short."""
    total = 0.0
    for cost, gain in sorted((it for it in items if it[1] > 0), key=lambda it: it[0] / it[1]):
        if gain >= need:
            return total + cost * need / gain
        total += cost
        need -= gain
    return total if need <= 1e-12 else float("inf")


def _greedy(pack: Pack, ev: _Evaluator, cands: list[CatalogItem], reach, costs) -> list[CatalogItem]:  # type: ignore[no-untyped-def]
    """A good first plan: add the item with the most S per yuan until the tier is reached, then
    drop any item the plan no longer needs."""
    chosen: list[CatalogItem] = []
    left = list(cands)
    while not reach(chosen):
        cur = ev.scores(chosen).s
        nxt = max(left, key=lambda it: (ev.scores([*chosen, it]).s - cur + 1e-6) / max(item_cost(it, costs), 1.0))
        chosen.append(nxt)
        left.remove(nxt)
    for it in sorted(chosen, key=lambda x: -item_cost(x, costs)):
        trial = [c for c in chosen if c is not it]
        if reach(trial):
            chosen = trial
    return chosen


def _steps(pack: Pack, ev: _Evaluator, chosen: list[CatalogItem], costs: dict[str, float] | None) -> tuple[Step, ...]:
    """Order the chosen items so each step buys the most S per yuan next."""
    steps: list[Step] = []
    done: list[CatalogItem] = []
    left = list(chosen)
    while left:
        cur = ev.scores(done).s

        def gain(it: CatalogItem, cur: float = cur) -> float:
            return (ev.scores([*done, it]).s - cur) / max(item_cost(it, costs), 1.0)

        nxt = max(left, key=lambda it: (gain(it), -item_cost(it, costs), it.id))
        left.remove(nxt)
        done.append(nxt)
        sc = ev.scores(done)
        steps.append(Step(nxt, item_cost(nxt, costs), sc.s, sc.level, shanghai_tier(pack, sc).tier))
    return tuple(steps)
