"""What a result aims at and how far it is from it: the target tier's levels, the sub-domain gaps,
an element's weighted mean and the enterprise's place in the national distribution.

Pure arithmetic on a ``Result`` and its ``Pack``; the report, the charts and the exports word it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnosis import Result
from .questionnaire import Pack


@dataclass(frozen=True)
class Target:
    """The tier the chart and the gaps aim at (the next Shanghai tier, or the current one at the
    top), its CMMM level and any sub-domain levels it names."""

    tier: str | None
    level: int | None
    subdomains: dict[str, int]


def target_levels(pack: Pack, result: Result) -> Target:
    d = result.tier
    tier_id = d.next_tier or (d.tier if d.tier != "none" else None)
    if tier_id is None:
        return Target(None, None, {})
    tier = next(t for t in pack.all_tiers() if t.id == tier_id)
    level: int | None = None
    per_sd: dict[str, int] = {}
    for rule in tier.rules:
        if rule.kind == "min_level":
            level = int(rule.params["level"])  # type: ignore[call-overload]
        elif rule.kind == "subdomain_level":
            per_sd[str(rule.params["subdomain"])] = int(rule.params["level"])  # type: ignore[call-overload]
    return Target(tier_id, level, per_sd)


def subdomain_target(pack: Pack, result: Result, sd: str) -> int | None:
    """The level the target tier needs of sub-domain ``sd`` (None: no target tier)."""
    t = target_levels(pack, result)
    if sd in t.subdomains:
        return max(t.subdomains[sd], t.level or 0)
    return t.level


@dataclass(frozen=True)
class Gap:
    subdomain: str
    score: float
    target: int
    weighted: float  # shortfall times the sub-domain's weight


def gaps(pack: Pack, result: Result) -> list[Gap]:
    """How far each sub-domain is below the target tier's level (one level up where there is no
    target), weighted by its importance in this industry; biggest first."""
    out = []
    for sd, sds in result.scores.subdomains.items():
        target = subdomain_target(pack, result, sd)
        if target is None:
            target = min(5, sds.level + 1)
        short = max(0.0, target - sds.score)
        if short > 0:
            out.append(Gap(sd, sds.score, target, short * sds.weight))
    out.sort(key=lambda g: (-g.weighted, g.subdomain))
    return out


def element_mean(pack: Pack, result: Result, element: str) -> float | None:
    """The weight-averaged score of an element's scored sub-domains (None: none is scored)."""
    el = next(e for e in pack.elements if e.id == element)
    subs = result.scores.subdomains
    scored = [subs[sd] for dom in el.domains for sd in pack.domains[dom].subdomains if sd in subs]
    wsum = sum(x.weight for x in scored)
    return sum(x.score * x.weight for x in scored) / wsum if wsum > 0 else None


def band_range(key: str) -> tuple[int, int]:
    """The levels a distribution band covers: "≤1" → (0, 1), "≥4" → (4, 5), "2" → (2, 2)."""
    k = key.strip().replace("<=", "≤").replace(">=", "≥")
    if k.startswith("≤"):
        return 0, int(k[1:])
    if k.startswith("≥"):
        return int(k[1:]), 5
    return int(k), int(k)


@dataclass(frozen=True)
class Position:
    """Where a level falls in the pack's national distribution: the bands it is in (indices), and
    the shares of enterprises in those bands, in bands wholly above and wholly below it."""

    bands: frozenset[int]
    same: float
    above: float
    below: float


def distribution_position(pack: Pack, level: int) -> Position:
    bands: set[int] = set()
    same = above = below = 0.0
    for i, (key, share) in enumerate(pack.distribution):
        lo, hi = band_range(key)
        if lo <= max(level, 0) <= hi:
            bands.add(i)
            same += share
        elif lo > level:
            above += share
        else:
            below += share
    return Position(frozenset(bands), same, above, below)
