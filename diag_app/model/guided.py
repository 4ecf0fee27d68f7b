"""Which unanswered items can still change the result, and in what order to ask them.

Most factories are at level 1–2. S adds the met levels from the bottom, plus the score of the first
level not met, and stops there: once a level stays below the threshold even if every open item at
that level (and below) were fully met, nothing above it can change S. The same holds for the tiers:
a tier out of reach even in the best case, or reached even in the worst case, needs no more answers.

``outlook`` bounds the result between two completions of the assessment — every open item answered
as well as possible (fully met, yes, the best value of an indicator) and as badly as possible (the
provisional result: unanswered counts as not met) — and returns the open items whose answer can
still move S, the level or a tier between those bounds, in the order a guided interview asks them:
level by level across the sub-domains, then the basic conditions, indicators and scenarios the
tiers still wait for. The result is final when none is left. Pure: no Qt, files or SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import cast

from .assessment import Answer, Assessment
from .questionnaire import Pack, Requirement, Tier
from .scoring import Scores, score
from .tiers import basic_conditions, decide

_EPS = 1e-9


@dataclass(frozen=True)
class Outlook:
    remaining: tuple[str, ...]  # open items that can still change the result, in the order to ask them
    stop_level: int | None  # the first level not met even if every open item were fully met (None: none such)
    asking_level: int | None  # the lowest level with an open requirement that still counts (None: none)
    s_low: float  # S as it stands (open items count as not met)
    s_high: float  # S if every open item were fully met

    @property
    def final(self) -> bool:
        """No open item can change S, the CMMM level or either tier any more."""
        return not self.remaining


def best_completion(pack: Pack, a: Assessment) -> Assessment:
    """The assessment with every open item of its questionnaire answered as well as it can be."""
    path = a.path(pack)
    top = max(r.value for r in pack.scoring.ratings if r.value is not None)
    answers = dict(a.answers)

    def fill(item_id: str, value: float | bool) -> None:
        if a.value(item_id) is None:
            old = answers.get(item_id)
            answers[item_id] = Answer(item_id, value, old.note if old else "")

    for r in pack.requirements_for(a.enterprise.industry, path):
        fill(r.id, float(top))
    for ind in pack.indicators_for(path):
        fill(ind.id, ind.max if ind.better == "higher" else ind.min)
    for c in pack.conditions:
        fill(c.id, True)
    for sc in pack.scenarios:
        fill(sc.id, True)
    return replace(a, answers=answers)


def _met(v: float | None, threshold: float) -> bool:
    return v is None or v >= threshold - _EPS


def _open_requirements(pack: Pack, a: Assessment) -> list[Requirement]:
    reqs = pack.requirements_for(a.enterprise.industry, a.path(pack))
    skip = a.na_subdomains  # declared not applicable as a whole: not asked, not scored
    return [r for r in reqs if a.value(r.id) is None and r.subdomain not in skip]


def outlook(pack: Pack, a: Assessment) -> Outlook:
    threshold = pack.scoring.level_threshold
    worst = score(pack, a)
    best = score(pack, best_completion(pack, a))
    levels = sorted(pack.scoring.levels)

    # S: levels up to the first one clearly not met, skipping those already met whatever comes
    stop = next((k for k in levels if not _met(best.level_scores.get(k), threshold)), None)
    counting = {k for k in levels if (stop is None or k <= stop) and not _met(worst.level_scores.get(k), threshold)}
    wanted: set[str] = set()
    open_reqs = _open_requirements(pack, a)
    wanted.update(r.id for r in open_reqs if r.level in counting)

    # the tiers: the checks that pass in the best case and fail in the worst, of tiers still in play
    for ladder in (pack.tiers, pack.national_tiers):
        wanted.update(_tier_items(pack, a, ladder, worst, best, open_reqs))

    order = {sd: i for i, sd in enumerate(pack.subdomains)}
    reqs = sorted((r for r in open_reqs if r.id in wanted), key=lambda r: (r.level, order.get(r.subdomain, 0), r.id))
    other_ids = [
        *(c.id for c in pack.conditions),
        *(i.id for i in pack.indicators_for(a.path(pack))),
        *(s.id for s in pack.scenarios),
    ]
    others = [i for i in other_ids if i in wanted and a.value(i) is None]
    remaining = tuple([r.id for r in reqs] + others)
    return Outlook(
        remaining=remaining,
        stop_level=stop,
        asking_level=reqs[0].level if reqs else None,
        s_low=worst.s,
        s_high=best.s,
    )


def _tier_items(
    pack: Pack,
    a: Assessment,
    ladder: tuple[Tier, ...],
    worst: Scores,
    best: Scores,
    open_reqs: list[Requirement],
) -> set[str]:
    """Open items read by the rules that are still undecided in the tiers that are in play: above
    the tier reached in the worst case, up to the one reached in the best case."""
    if not ladder:
        return set()
    low, high = decide(pack, ladder, worst), decide(pack, ladder, best)
    rank = {t.id: t.rank for t in ladder}
    lo_rank, hi_rank = rank.get(low.tier, -1), rank.get(high.tier, -1)
    out: set[str] = set()
    for t in ladder:
        if not lo_rank < t.rank <= hi_rank:
            continue
        for rule, c_low, c_high in zip(t.rules, low.checks[t.id], high.checks[t.id], strict=True):
            if c_low.passed or not c_high.passed:
                continue  # decided either way
            p = rule.params
            if rule.kind == "subdomain_level":
                need = int(cast("int", p["level"]))
                out.update(r.id for r in open_reqs if r.subdomain == p["subdomain"] and r.level <= need)
            elif rule.kind == "conditions":
                out.update(str(i) for i in (cast("list[str] | None", p.get("ids")) or basic_conditions(pack)))
            elif rule.kind == "indicator":
                out.add(str(p["indicator"]))
            elif rule.kind in ("scenarios", "links_covered"):
                links = cast("list[str] | None", p.get("links"))
                out.update(s.id for s in pack.scenarios if not links or s.link in links)
            # min_level is S (above); prior_tier is the tier below, whose own rules are in play
    return {i for i in out if a.value(i) is None}


def level_items(pack: Pack, a: Assessment, level: int) -> tuple[str, ...]:
    """The open requirements of one level, across the sub-domains in pack order: what the guide
    asks when the user goes on beyond the levels that still count."""
    order = {sd: i for i, sd in enumerate(pack.subdomains)}
    reqs = sorted(
        (r for r in _open_requirements(pack, a) if r.level == level), key=lambda r: (order.get(r.subdomain, 0), r.id)
    )
    return tuple(r.id for r in reqs)
