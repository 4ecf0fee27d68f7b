"""Gaps → equipment renewal suggestions, and what buying an item would change (what-if).

An item's effect is applied to the answers themselves (requirements fulfilled, indicator values
reached, scenarios in place) and the assessment is scored again, so the what-if, the roadmap and
the priorities all rest on the one scoring function rather than on a second estimate of it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .assessment import NA, Answer, Assessment
from .questionnaire import CatalogItem, Pack
from .scoring import Scores, lifted, score
from .tiers import shanghai_tier


@dataclass(frozen=True)
class Reason:
    """Why an item is suggested: a trigger that fired, with the numbers that fired it."""

    kind: str  # subdomain_below, indicator_worse, scenario_missing
    target: str
    actual: float | None
    required: float | None
    target_ref: str = ""


@dataclass(frozen=True)
class Suggestion:
    item: CatalogItem
    reasons: tuple[Reason, ...]
    priority: float  # 0–100, higher first
    s_gain: float  # rise of S if this item alone were bought
    investment_low: float
    investment_high: float


def applies(item: CatalogItem, industry: str) -> bool:
    return item.industries is None or industry in item.industries


def apply_items(pack: Pack, a: Assessment, items: list[CatalogItem] | tuple[CatalogItem, ...]) -> Assessment:
    """The assessment as it would be after buying ``items``: only ever raises answers."""
    if not items:
        return a
    path = a.path(pack)
    answers = dict(a.answers)
    reqs = pack.requirements_for(a.enterprise.industry, path)
    targets: dict[str, int] = {}
    for it in items:
        for sd, lvl in it.effect.subdomain_levels.items():
            targets[sd] = max(targets.get(sd, 0), lvl)
    for r in reqs:
        if r.level <= targets.get(r.subdomain, 0):
            old = answers.get(r.id)
            if old is None or (old.value != NA and old.value != 1.0):
                answers[r.id] = Answer(r.id, 1.0, old.note if old else "")
    inds = {i.id: i for i in pack.indicators}
    for it in items:
        for iid, v in it.effect.indicators.items():
            old = answers.get(iid)
            cur = old.value if old else None
            ind = inds[iid]
            if isinstance(cur, int | float) and not isinstance(cur, bool):
                v = max(cur, v) if ind.better == "higher" else min(cur, v)
            answers[iid] = Answer(iid, float(v), old.note if old else "")
        for sid in it.effect.scenarios:
            old = answers.get(sid)
            answers[sid] = Answer(sid, True, old.note if old else "")
    return replace(a, answers=answers)


def reasons_for(pack: Pack, item: CatalogItem, scores: Scores) -> tuple[Reason, ...]:
    out = []
    inds = {i.id: i for i in pack.indicators}
    for t in item.triggers:
        if t.kind == "subdomain_below":
            sd = scores.subdomains.get(t.target)
            if sd is not None and sd.level < t.value:
                out.append(Reason(t.kind, t.target, sd.level, t.value))
        elif t.kind == "indicator_worse":
            ind = inds[t.target]
            value = scores.indicator_values.get(t.target)
            need = ind.target(t.target_ref).value if t.target_ref else t.value  # type: ignore[union-attr]
            if scores.path in ind.paths and value is not None and not ind.meets(value, need):
                out.append(Reason(t.kind, t.target, value, need, t.target_ref))
        elif t.kind == "scenario_missing" and scores.scenarios.get(t.target) is False:
            out.append(Reason(t.kind, t.target, None, None))
    return tuple(out)


def suggest(pack: Pack, a: Assessment, scores: Scores | None = None) -> list[Suggestion]:
    """Items whose triggers fire for this assessment, most useful per yuan first.

    Priority mixes three things a consultant weighs: how much of the gap to the next tier the item
    closes (S gain, and whether it alone reaches the tier), how much its sub-domains weigh in this
    industry, and what it costs.
    """
    scores = scores or score(pack, a)
    base_rank = _tier_rank(pack, scores)
    weights = pack.subdomain_weights(scores.industry, scores.path)
    out = []
    for item in pack.catalog:
        if not applies(item, scores.industry):
            continue
        reasons = reasons_for(pack, item, scores)
        if not reasons:
            continue
        after = lifted(pack, scores, item.effect.subdomain_levels, item.effect.indicators, set(item.effect.scenarios))
        gain = max(0.0, after.s - scores.s)
        tier_step = _tier_rank(pack, after) > base_rank
        weight = sum(weights.get(sd, 0.0) for sd in item.effect.subdomain_levels)
        mid = (item.investment_low + item.investment_high) / 2
        cost_factor = 1.0 / max(1.0, math.log10(max(mid, 10.0)) - 4)  # 100k → 1, 10M → 1/3
        raw = (gain * 40 + (25 if tier_step else 0) + weight * 150 + 5 * len(reasons)) * cost_factor
        out.append(
            Suggestion(
                item, reasons, round(min(100.0, raw), 1), round(gain, 3), item.investment_low, item.investment_high
            )
        )
    out.sort(key=lambda s: (-s.priority, s.investment_low, s.item.id))
    return out


def _tier_rank(pack: Pack, scores: Scores) -> int:
    tier = shanghai_tier(pack, scores).tier
    return next((t.rank for t in pack.tiers if t.id == tier), 0)


def combined_effect(
    pack: Pack, items: list[CatalogItem] | tuple[CatalogItem, ...]
) -> tuple[dict[str, int], dict[str, float], set[str]]:
    """The effect of buying several items at once: each sub-domain to the highest level any item
    brings, each indicator to the best value any item brings, every scenario any item sets up."""
    better = {i.id: i.better for i in pack.indicators}
    lifts: dict[str, int] = {}
    inds: dict[str, float] = {}
    scen: set[str] = set()
    for it in items:
        for sd, lvl in it.effect.subdomain_levels.items():
            lifts[sd] = max(lifts.get(sd, 0), lvl)
        for iid, v in it.effect.indicators.items():
            cur = inds.get(iid)
            inds[iid] = v if cur is None else (max(cur, v) if better[iid] == "higher" else min(cur, v))
        scen.update(it.effect.scenarios)
    return lifts, inds, scen


def what_if(pack: Pack, base: Scores, items: list[CatalogItem] | tuple[CatalogItem, ...]) -> Scores:
    """The scores as they would be after buying ``items`` (for the what-if page and the roadmap)."""
    lifts, inds, scen = combined_effect(pack, items)
    return lifted(pack, base, lifts, inds, scen)
