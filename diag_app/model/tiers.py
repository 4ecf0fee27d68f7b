"""Shanghai tier and national ladder, each with the checks that decide it.

A tier is the highest one whose rules all pass. A ladder is cumulative when each tier names the
tier below it in a ``prior_tier`` rule (every ladder of a format-2 pack does): a factory that
fails 先进级 is then not 卓越级, and the failed prior-tier check says so. Every rule yields a Check that keeps the numbers
it compared, so the GUI, the CLI and the report can say exactly why a factory is where it is and
what blocks the next step — in any language, through the one translation layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from .questionnaire import Pack, Tier, TierRule
from .scoring import Scores

NONE = "none"


@dataclass(frozen=True)
class Check:
    tier: str
    rule: TierRule
    passed: bool
    actual: float | int | tuple[str, ...] | None
    required: float | int | None
    unknown: bool = False  # undecided because an answer it needs is missing


@dataclass(frozen=True)
class TierDecision:
    tier: str  # a tier id or "none"
    checks: dict[str, tuple[Check, ...]]  # every tier's checks, by tier id
    next_tier: str | None  # the tier above the one reached, None at the top

    @property
    def blocking(self) -> tuple[Check, ...]:
        """The failed checks of the next tier up: what stands between the factory and it."""
        if self.next_tier is None:
            return ()
        return tuple(c for c in self.checks[self.next_tier] if not c.passed)

    @property
    def decisive(self) -> tuple[Check, ...]:
        """The passed checks of the tier reached."""
        return self.checks.get(self.tier, ())


def basic_conditions(pack: Pack) -> tuple[str, ...]:
    """The ids a ``conditions`` rule without ``ids`` checks: every basic condition."""
    return tuple(c.id for c in pack.conditions if c.scope == "basic")


@dataclass(frozen=True)
class _Reached:
    """A lower tier as decided: all its checks passed; or failed only for want of answers."""

    passed: bool
    undecided: bool


def check_rule(
    pack: Pack, tier: str, rule: TierRule, scores: Scores, reached: dict[str, _Reached] | None = None
) -> Check:
    """One rule of ``tier`` against the scores. ``reached`` holds, for a ``prior_tier`` rule, the
    lower tiers of the ladder already decided."""
    p = rule.params
    if rule.kind == "min_level":
        need = int(p["level"])  # type: ignore[call-overload]
        return Check(tier, rule, scores.level >= need, scores.level, need)
    if rule.kind == "subdomain_level":
        sd = scores.subdomains.get(str(p["subdomain"]))
        need = int(p["level"])  # type: ignore[call-overload]
        have = sd.level if sd else 0
        return Check(tier, rule, have >= need, have, need)
    if rule.kind == "conditions":
        # The loader has checked that every listed id names a condition; no list means the basic ones.
        ids = cast("list[str] | None", p.get("ids")) or basic_conditions(pack)
        failed = tuple(i for i in ids if scores.conditions.get(str(i)) is not True)
        unknown = any(scores.conditions.get(str(i)) is None for i in failed)
        return Check(tier, rule, not failed, failed, None, unknown)
    if rule.kind == "indicator":
        ind = next(i for i in pack.indicators if i.id == p["indicator"])
        if "target" in p:
            target = ind.target(str(p["target"]))
            assert target is not None  # the loader guarantees it
            need_v = target.value
        else:
            need_v = float(p["value"])  # type: ignore[arg-type]
        if scores.path not in ind.paths:
            return Check(tier, rule, True, None, need_v)
        value = scores.indicator_values.get(ind.id)
        if value is None:
            return Check(tier, rule, False, None, need_v, unknown=True)
        return Check(tier, rule, ind.meets(value, need_v), value, need_v)
    if rule.kind == "scenarios":
        links = p.get("links")
        need = int(p["min"])  # type: ignore[call-overload]
        in_scope = [s for s in pack.scenarios if not links or s.link in links]  # type: ignore[operator]
        have = sum(1 for s in in_scope if scores.scenarios.get(s.id) is True)
        unknown = have < need and any(scores.scenarios.get(s.id) is None for s in in_scope)
        return Check(tier, rule, have >= need, have, need, unknown)
    if rule.kind == "links_covered":
        need = int(p.get("min", 1))  # type: ignore[call-overload]
        short: list[str] = []
        unknown = False
        for link in cast("list[str]", p["links"]):
            in_link = [s for s in pack.scenarios if s.link == link]
            if sum(1 for s in in_link if scores.scenarios.get(s.id) is True) < need:
                short.append(link)
                unknown = unknown or any(scores.scenarios.get(s.id) is None for s in in_link)
        return Check(tier, rule, not short, tuple(short), need, unknown)
    if rule.kind == "prior_tier":
        prior = str(p["tier"])
        # The loader guarantees the prior tier is a lower one of the same ladder, so decided first.
        got = (reached or {}).get(prior, _Reached(False, False))
        return Check(tier, rule, got.passed, (prior,), None, unknown=not got.passed and got.undecided)
    raise ValueError(f"unknown rule kind {rule.kind}")  # the loader rejects these first


def decide(pack: Pack, ladder: tuple[Tier, ...], scores: Scores) -> TierDecision:
    """The highest tier whose checks all pass. Tiers are checked from the bottom up, so a
    ``prior_tier`` rule sees whether the tier below was reached (a cumulative ladder)."""
    reached: dict[str, _Reached] = {}
    checks: dict[str, tuple[Check, ...]] = {}
    for t in sorted(ladder, key=lambda t: t.rank):
        cs = tuple(check_rule(pack, t.id, r, scores, reached) for r in t.rules)
        checks[t.id] = cs
        failed = [c for c in cs if not c.passed]
        reached[t.id] = _Reached(not failed, bool(failed) and all(c.unknown for c in failed))
    ordered = sorted(ladder, key=lambda t: -t.rank)
    checks = {t.id: checks[t.id] for t in ordered}
    top = next((t for t in ordered if reached[t.id].passed), None)
    if top is None:
        nxt = ordered[-1].id if ordered else None
        return TierDecision(NONE, checks, nxt)
    above = [t for t in ordered if t.rank > top.rank]
    return TierDecision(top.id, checks, above[-1].id if above else None)


def shanghai_tier(pack: Pack, scores: Scores) -> TierDecision:
    return decide(pack, pack.tiers, scores)


def national_tier(pack: Pack, scores: Scores) -> TierDecision:
    return decide(pack, pack.national_tiers, scores)
