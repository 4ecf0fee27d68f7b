"""The lower bound that lets the roadmap's branch and bound cut: a cost no plan extending a branch
can beat, from what is still missing (preconditions, scenario counts, indicator targets and the
level-score deficits), each covered no cheaper than fractionally by the items left. Gains of
different items overlap rather than add, which is what makes the fractional cover a bound.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from .catalogue import CatalogItem
from .effects import Combined
from .questionnaire import Tier

if TYPE_CHECKING:
    from .roadmap import _Search


def min_level(ladder: Sequence[Tier], tier: str) -> int:
    # The loader checks a min_level rule's level is a number from 1 to 5 (YAML may give 2.0).
    return max(
        (int(cast(float, r.params["level"])) for t in ladder if t.id == tier for r in t.rules if r.kind == "min_level"),
        default=0,
    )


class Bound:
    """A cost no plan extending a branch with items of ``cands[i:]`` can beat."""

    def __init__(self, srch: _Search, ladder: Sequence[Tier], target: str, cands: list[CatalogItem]):
        self.srch = srch
        self.cands = cands
        base = srch.base
        pack = srch.pack
        self.levels = [lvl for lvl in pack.scoring.levels if lvl <= min_level(ladder, target)]
        self.threshold = pack.scoring.level_threshold
        # Per item, what each requirement it raises weighs in its level's weighted sum: the gain
        # over any state is the sum of weight × (rating it brings − rating there), never negative.
        # Gains of different items overlap rather than add, so covering a deficit fractionally
        # with them is a lower bound on its cost.
        self.terms: list[list[tuple[str, int, float, float]]] = []
        for it in cands:
            terms = []
            for rid, to in srch.single[it.id].requirements.items():
                r = base.requirements[rid]
                if r.level not in self.levels:
                    continue
                sub = base.scores.subdomains[r.subdomain]
                cell = base.cells[(r.subdomain, r.level)]
                wsum = sum(w for x, w in cell if base.values.get(x) != "na")
                terms.append((rid, r.level, sub.weight * r.weight / wsum, to))
            self.terms.append(terms)
        ind_by_id = {i.id: i for i in pack.indicators}
        self.indicator_needs: list[tuple[str, float, str]] = []
        # Scenario counts a rule asks for (the target's and those of the tiers it builds on): each
        # (set of scenario ids in scope, how many of them must be in place).
        self.scenario_needs: list[tuple[frozenset[str], int]] = []
        by_id = {t.id: t for t in ladder}
        rules = []
        todo, seen_tiers = [target], set()
        while todo:
            tid = todo.pop()
            if tid in seen_tiers or tid not in by_id:
                continue
            seen_tiers.add(tid)
            for rule in by_id[tid].rules:
                rules.append(rule)
                if rule.kind == "prior_tier":
                    todo.append(str(rule.params["tier"]))
        for rule in rules:
            if rule.kind == "scenarios":
                links = rule.params.get("links")
                scope = frozenset(x.id for x in pack.scenarios if not links or x.link in links)  # type: ignore[operator]
                self.scenario_needs.append((scope, int(rule.params["min"])))  # type: ignore[call-overload]
            elif rule.kind == "links_covered":
                for link in rule.params.get("links") or ():  # type: ignore[attr-defined]
                    scope = frozenset(x.id for x in pack.scenarios if x.link == link)
                    self.scenario_needs.append((scope, int(rule.params.get("min", 1))))  # type: ignore[call-overload]
        for rule in rules:
            if rule.kind != "indicator":
                continue
            ind = ind_by_id[str(rule.params["indicator"])]
            if base.path not in ind.paths:
                continue
            tgt = ind.target(str(rule.params["target"])) if "target" in rule.params else None
            need_v = tgt.value if tgt else float(rule.params["value"])  # type: ignore[arg-type]
            self.indicator_needs.append((ind.id, need_v, ind.better))

    def lower(self, e: Combined, missing: frozenset[str], i: int) -> float:
        srch = self.srch
        rest = self.cands[i:]
        cost = srch.cost
        sc = srch.scores(e)
        bound = 0.0
        for need in missing:
            prov = [cost[it.id] for it in srch.providers(need, rest)]
            if not prov:
                return float("inf")
            bound = max(bound, min(prov))
        for scope, need_n in self.scenario_needs:
            have_n = sum(1 for x in scope if sc.scenarios.get(x) is True)
            if have_n >= need_n:
                continue
            counts = [
                (
                    cost[it.id],
                    float(
                        sum(1 for x in srch.single[it.id].scenarios if x in scope and sc.scenarios.get(x) is not True)
                    ),
                )
                for it in rest
            ]
            bound = max(bound, fractional_cover(counts, float(need_n - have_n)))
            if bound == float("inf"):
                return bound
        for ind_id, need_v, better in self.indicator_needs:
            have = sc.indicator_values.get(ind_id)
            if have is not None and (have >= need_v if better == "higher" else have <= need_v):
                continue
            prov = [
                cost[it.id]
                for it in rest
                if (v := srch.single[it.id].indicators.get(ind_id)) is not None
                and (v >= need_v if better == "higher" else v <= need_v)
            ]
            if not prov:
                return float("inf")
            bound = max(bound, min(prov))
        deficits: dict[int, float] = {}
        for lvl in self.levels:
            pairs = [(v, s.weight) for s in sc.subdomains.values() if (v := s.level_scores[lvl]) is not None]
            have = sum(v * w for v, w in pairs)
            wsum = sum(w for _, w in pairs)
            if (d := self.threshold * wsum - have - 1e-9) > 0:
                deficits[lvl] = d
        if not deficits:
            return bound
        base = srch.base
        gains = []
        for j, it in enumerate(rest):
            g = dict.fromkeys(deficits, 0.0)
            for rid, lvl, coeff, to in self.terms[i + j]:
                if lvl in g:
                    now = base.rating_after(rid, e)
                    if to > now:
                        g[lvl] += coeff * (to - now)
            gains.append((cost[it.id], g))
        for lvl, d in deficits.items():
            bound = max(bound, fractional_cover([(c, g[lvl]) for c, g in gains], d))
        if len(deficits) > 1:  # their normalised sum: often far tighter when several levels fall short
            combined = [(c, sum(g[lvl] / d for lvl, d in deficits.items())) for c, g in gains]
            bound = max(bound, fractional_cover(combined, float(len(deficits))))
        return bound


def fractional_cover(items: list[tuple[float, float]], need: float) -> float:
    """The least cost of covering ``need`` with items (cost, gain) taken fractionally: a lower
    bound for taking them whole. Infinite when even all of them fall short."""
    total = 0.0
    for cost, gain in sorted((it for it in items if it[1] > 0), key=lambda it: it[0] / it[1]):
        if gain >= need:
            return total + cost * need / gain
        total += cost
        need -= gain
    return total if need <= 1e-12 else float("inf")
