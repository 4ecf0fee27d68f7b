"""The cheapest set of renewal items that lifts the factory to the next Shanghai tier.

Found exactly by branch and bound over the catalogue: items sorted by cost, a branch is cut when
it cannot beat the best plan so far or when even buying everything left would not reach the tier.
Buying only ever raises answers and scoring is monotone, which is what makes both cuts safe.
"""

from __future__ import annotations

from dataclasses import dataclass

from .assessment import Assessment
from .questionnaire import CatalogItem, Pack
from .renewal import applies, apply_items
from .scoring import Scores, score
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
    exhaustive: bool = True


def item_cost(item: CatalogItem, costs: dict[str, float] | None) -> float:
    if costs and item.id in costs:
        return costs[item.id]
    return (item.investment_low + item.investment_high) / 2


def _rank(pack: Pack, tier: str) -> int:
    return next((t.rank for t in pack.tiers if t.id == tier), 0)


def _dominated(a: CatalogItem, b: CatalogItem, pack: Pack) -> bool:
    """True when b does everything a does (and maybe more)."""
    ea, eb = a.effect, b.effect
    if any(eb.subdomain_levels.get(sd, 0) < lvl for sd, lvl in ea.subdomain_levels.items()):
        return False
    if not set(ea.scenarios) <= set(eb.scenarios):
        return False
    inds = {i.id: i for i in pack.indicators}
    for iid, v in ea.indicators.items():
        if iid not in eb.indicators:
            return False
        w = eb.indicators[iid]
        if (w < v) if inds[iid].better == "higher" else (w > v):
            return False
    return True


def roadmap(
    pack: Pack,
    a: Assessment,
    scores: Scores | None = None,
    costs: dict[str, float] | None = None,
    node_limit: int = 200_000,
) -> Roadmap:
    scores = scores or score(pack, a)
    current = shanghai_tier(pack, scores)
    if current.next_tier is None:
        return Roadmap(None, True, (), 0.0)
    target = current.next_tier
    need = _rank(pack, target)

    def reach(items: list[CatalogItem]) -> bool:
        return _rank(pack, shanghai_tier(pack, score(pack, apply_items(pack, a, items))).tier) >= need

    # Items that change something for this enterprise, dropping any that a no-dearer item outdoes.
    base_answers = a.answers
    useful = [
        it
        for it in pack.catalog
        if applies(it, a.enterprise.industry) and apply_items(pack, a, [it]).answers != base_answers
    ]
    cands = sorted(useful, key=lambda it: (item_cost(it, costs), it.id))
    kept: list[CatalogItem] = []
    for it in cands:
        if not any(item_cost(k, costs) <= item_cost(it, costs) and _dominated(it, k, pack) for k in kept):
            kept.append(it)
    cands = kept

    if not reach(cands):
        after_all = score(pack, apply_items(pack, a, cands))
        blockers = shanghai_tier(pack, after_all).checks[target]
        return Roadmap(target, False, (), 0.0, tuple(c for c in blockers if not c.passed))

    best_cost = float("inf")
    best: list[CatalogItem] = []
    nodes = 0
    exhaustive = True

    def dfs(i: int, chosen: list[CatalogItem], cost: float) -> None:
        nonlocal best_cost, best, nodes, exhaustive
        nodes += 1
        if nodes > node_limit:
            exhaustive = False
            return
        if cost >= best_cost:
            return
        if reach(chosen):
            best_cost, best = cost, list(chosen)
            return
        if i >= len(cands) or cost + item_cost(cands[i], costs) >= best_cost:
            return
        if not reach(chosen + cands[i:]):
            return
        dfs(i + 1, [*chosen, cands[i]], cost + item_cost(cands[i], costs))
        dfs(i + 1, chosen, cost)

    dfs(0, [], 0.0)
    return Roadmap(target, True, _steps(pack, a, best, costs), best_cost, (), exhaustive)


def _steps(pack: Pack, a: Assessment, chosen: list[CatalogItem], costs: dict[str, float] | None) -> tuple[Step, ...]:
    """Order the chosen items so each step buys the most S per yuan next."""
    steps: list[Step] = []
    done: list[CatalogItem] = []
    left = list(chosen)
    cur = score(pack, a).s
    while left:
        base = cur

        def gain(it: CatalogItem, base: float = base) -> float:
            return (score(pack, apply_items(pack, a, [*done, it])).s - base) / max(item_cost(it, costs), 1.0)

        nxt = max(left, key=lambda it: (gain(it), -item_cost(it, costs), it.id))
        left.remove(nxt)
        done.append(nxt)
        sc = score(pack, apply_items(pack, a, done))
        cur = sc.s
        steps.append(Step(nxt, item_cost(nxt, costs), sc.s, sc.level, shanghai_tier(pack, sc).tier))
    return tuple(steps)
