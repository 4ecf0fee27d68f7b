"""Answers → level scores, sub-domain scores, total S and CMMM level (after GB/T 39117).

Unanswered requirements count as not met (0) and are listed in ``missing``: a partly filled
questionnaire gets a provisional result that can only rise as answers arrive, never a guess that
has to be taken back. 不适用 answers drop out of every mean, as if the item were not in the pack;
in a format-2 pack a level whose items are all 不适用 is never met (it scores 0, so declaring a
weak level's items not applicable cannot raise a score). A sub-domain the assessment declares
不适用 (``Assessment.na_subdomains``) drops out entirely: its weight goes to the others.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from .assessment import NA, Assessment
from .questionnaire import Pack, Requirement

_EPS = 1e-9


@dataclass(frozen=True)
class SubDomainScore:
    id: str
    score: float  # 0–5, accumulated like S
    level: int  # consecutive levels met from the bottom
    level_scores: dict[int, float | None]  # None: nothing applicable at that level
    weight: float  # effective weight after path and industry
    answered: int
    total: int


@dataclass(frozen=True)
class Scores:
    pack_id: str
    pack_version: str
    industry: str
    path: str
    s: float
    level: int
    level_scores: dict[int, float | None]
    subdomains: dict[str, SubDomainScore]
    missing: tuple[str, ...]
    answered: int
    total: int
    indicator_values: dict[str, float] = field(default_factory=dict)
    conditions: dict[str, bool | None] = field(default_factory=dict)
    scenarios: dict[str, bool | None] = field(default_factory=dict)

    @property
    def provisional(self) -> bool:
        return bool(self.missing)


def accumulate(level_scores: dict[int, float | None], threshold: float) -> tuple[float, int]:
    """Sum met levels bottom-up as 1 each, plus the score of the first level not met.

    A level with nothing applicable (None) counts as met: an item that does not apply must not
    hold a factory back.
    """
    s = 0.0
    met = 0
    for lvl in sorted(level_scores):
        v = level_scores[lvl]
        if v is None or v >= threshold - _EPS:
            s += 1.0
            met += 1
            continue
        s += v
        break
    return s, met


def _level_scores(subdomains: Mapping[str, SubDomainScore], levels: tuple[int, ...]) -> dict[int, float | None]:
    """Each level's score: the weighted mean, over the sub-domains where it applies, of theirs
    (None where it applies nowhere). One pass over the sub-domains: it runs for every score."""
    num = dict.fromkeys(levels, 0.0)
    den = dict.fromkeys(levels, 0.0)
    for sds in subdomains.values():
        w = sds.weight
        for lvl, v in sds.level_scores.items():
            if v is not None:
                num[lvl] += v * w
                den[lvl] += w
    return {lvl: num[lvl] / den[lvl] if den[lvl] > 0 else None for lvl in levels}


@dataclass(frozen=True)
class _Plan:
    """What scoring one (industry, path) needs from the pack, worked out once per pack: the
    requirements grouped by sub-domain and level in bank order, with their weights. Rescoring a
    whole workspace calls ``score`` thousands of times with the same few plans."""

    # (sub-domain, its weight, how many requirements, ((level, ((id, weight), ...)), ...))
    subdomains: tuple[tuple[str, float, int, tuple[tuple[int, tuple[tuple[str, float], ...]], ...]], ...]
    requirements: int
    indicators: tuple[tuple[str, bool], ...]  # (id, optional)


def _plan(pack: Pack, industry: str, path: str) -> _Plan:
    key = ("score-plan", industry, path)
    plan = pack._cache.get(key)
    if plan is None:
        reqs = pack.requirements_for(industry, path)
        weights = pack.subdomain_weights(industry, path)
        by_cell: dict[tuple[str, int], list[Requirement]] = {}
        for r in reqs:
            by_cell.setdefault((r.subdomain, r.level), []).append(r)
        plan = _Plan(
            subdomains=tuple(
                (
                    sd,
                    weights.get(sd, 0.0),
                    sum(len(by_cell.get((sd, lvl), ())) for lvl in pack.scoring.levels),
                    tuple(
                        (lvl, tuple((r.id, r.weight) for r in by_cell.get((sd, lvl), ())))
                        for lvl in pack.scoring.levels
                    ),
                )
                for sd in pack.subdomains
            ),
            requirements=len(reqs),
            indicators=tuple((i.id, i.optional) for i in pack.indicators_for(path)),
        )
        pack._cache[key] = plan
    return plan  # type: ignore[return-value]


def score(pack: Pack, assessment: Assessment) -> Scores:
    values = {item: a.value for item, a in assessment.answers.items()}
    return score_values(pack, assessment.enterprise.industry, assessment.path(pack), values, assessment.na_subdomains)


def score_values(
    pack: Pack,
    industry: str,
    path: str,
    values: Mapping[str, object],
    na_subdomains: Collection[str] = (),
) -> Scores:
    """``score`` from the answer values alone (item id → value) and the sub-domains declared
    不适用, so the store can rescore from its packed copy of the answers without building an
    ``Assessment`` of ``Answer`` objects."""
    plan = _plan(pack, industry, path)
    threshold = pack.scoring.level_threshold
    levels = pack.scoring.levels
    get = values.get
    all_na_unmet = pack.format >= 2  # a level answered 不适用 throughout scores 0, not "met"

    missing: list[str] = []
    add_missing = missing.append
    answered = 0
    subdomains: dict[str, SubDomainScore] = {}
    items_total = plan.requirements
    for sd, weight, sd_total, cell_plan in plan.subdomains:
        if sd in na_subdomains:
            items_total -= sd_total  # declared not applicable: not asked, not scored
            continue
        cells: dict[int, float | None] = {}
        missing_before = len(missing)
        for lvl, items in cell_plan:  # the hot loop of rescoring a workspace: kept lean
            num = wsum = 0.0
            for rid, w in items:
                v = get(rid)
                if v is None:  # unanswered counts as 0
                    add_missing(rid)
                    wsum += w
                elif v != NA:  # 不适用 drops out
                    num += v * w  # type: ignore[operator]
                    wsum += w
            cells[lvl] = num / wsum if wsum > 0 else (0.0 if items and all_na_unmet else None)
        sd_answered = sd_total - (len(missing) - missing_before)
        answered += sd_answered
        if all(v is None for v in cells.values()):
            continue  # nothing applicable in this sub-domain: it drops out
        s, met = accumulate(cells, threshold)
        subdomains[sd] = SubDomainScore(sd, s, met, cells, weight, sd_answered, sd_total)

    level_scores = _level_scores(subdomains, levels)
    s, _ = accumulate(level_scores, threshold)
    level = pack.scoring.level_for(s)

    indicator_values: dict[str, float] = {}
    for iid, optional in plan.indicators:
        v = get(iid)
        if isinstance(v, int | float) and not isinstance(v, bool):
            indicator_values[iid] = float(v)
            answered += 1
            items_total += 1
        elif not optional:  # an optional indicator left blank is not an unanswered item
            missing.append(iid)
            items_total += 1
    conditions: dict[str, bool | None] = {}
    for c in pack.conditions:
        items_total += 1
        v = get(c.id)
        conditions[c.id] = v if isinstance(v, bool) else None
        if conditions[c.id] is None:
            missing.append(c.id)
        else:
            answered += 1
    scenarios: dict[str, bool | None] = {}
    for sc in pack.scenarios:
        items_total += 1
        v = get(sc.id)
        scenarios[sc.id] = v if isinstance(v, bool) else None
        if scenarios[sc.id] is None:
            missing.append(sc.id)
        else:
            answered += 1

    return Scores(
        pack_id=pack.id,
        pack_version=pack.version,
        industry=industry,
        path=path,
        s=s,
        level=level,
        level_scores=level_scores,
        subdomains=subdomains,
        missing=tuple(missing),
        answered=answered,
        total=items_total,
        indicator_values=indicator_values,
        conditions=conditions,
        scenarios=scenarios,
    )


def lifted(
    pack: Pack,
    base: Scores,
    lifts: dict[str, int],
    indicators: dict[str, float] | None = None,
    scenarios: frozenset[str] | set[str] = frozenset(),
) -> Scores:
    """The scores after raising whole sub-domains: every applicable requirement of sub-domain
    ``sd`` up to level ``lifts[sd]`` fully met, ``indicators`` improved to the given values and
    ``scenarios`` in place.

    Equal to scoring the assessment with those answers changed (a test holds the two together),
    but works from the cells already computed, so the roadmap can try thousands of combinations.
    """
    threshold = pack.scoring.level_threshold
    subdomains = dict(base.subdomains)
    for sd, top in lifts.items():
        old = subdomains.get(sd)
        if old is None:
            continue
        cells = {lvl: (1.0 if (v is not None and lvl <= top) else v) for lvl, v in old.level_scores.items()}
        s, met = accumulate(cells, threshold)
        subdomains[sd] = SubDomainScore(sd, s, met, cells, old.weight, old.answered, old.total)
    level_scores = _level_scores(subdomains, pack.scoring.levels)
    s, _ = accumulate(level_scores, threshold)
    values = dict(base.indicator_values)
    if indicators:
        better = {i.id: i.better for i in pack.indicators}
        for iid, v in indicators.items():
            cur = values.get(iid)
            if cur is None:
                values[iid] = v
            else:
                values[iid] = max(cur, v) if better[iid] == "higher" else min(cur, v)
    scen = dict(base.scenarios)
    for sid in scenarios:
        scen[sid] = True
    return Scores(
        pack_id=base.pack_id,
        pack_version=base.pack_version,
        industry=base.industry,
        path=base.path,
        s=s,
        level=pack.scoring.level_for(s),
        level_scores=level_scores,
        subdomains=subdomains,
        missing=base.missing,
        answered=base.answered,
        total=base.total,
        indicator_values=values,
        conditions=base.conditions,
        scenarios=scen,
    )
