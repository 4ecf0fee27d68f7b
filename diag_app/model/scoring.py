"""Answers → level scores, sub-domain scores, total S and CMMM level (after GB/T 39117).

Unanswered requirements count as not met (0) and are listed in ``missing``: a partly filled
questionnaire gets a provisional result that can only rise as answers arrive, never a guess that
has to be taken back. 不适用 answers drop out of every mean, as if the item were not in the pack.
"""

from __future__ import annotations

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


def _weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    wsum = sum(w for _, w in pairs)
    if wsum <= 0:
        return None
    return sum(v * w for v, w in pairs) / wsum


def requirement_value(value: object) -> float | None:
    """A requirement's contribution: its rating, 0 when unanswered, None when 不适用."""
    if value == NA:
        return None
    if value is None:
        return 0.0
    return float(value)  # type: ignore[arg-type]


def score(pack: Pack, assessment: Assessment) -> Scores:
    industry = assessment.enterprise.industry
    path = assessment.path(pack)
    reqs = pack.requirements_for(industry, path)
    weights = pack.subdomain_weights(industry, path)
    levels = pack.scoring.levels
    threshold = pack.scoring.level_threshold

    by_cell: dict[tuple[str, int], list[Requirement]] = {}
    for r in reqs:
        by_cell.setdefault((r.subdomain, r.level), []).append(r)

    missing: list[str] = []
    answered = 0
    subdomains: dict[str, SubDomainScore] = {}
    for sd in pack.subdomains:
        cells: dict[int, float | None] = {}
        sd_answered = sd_total = 0
        for lvl in levels:
            pairs = []
            for r in by_cell.get((sd, lvl), ()):
                v = assessment.value(r.id)
                sd_total += 1
                if v is None:
                    missing.append(r.id)
                else:
                    sd_answered += 1
                rv = requirement_value(v)
                if rv is not None:
                    pairs.append((rv, r.weight))
            cells[lvl] = _weighted_mean(pairs)
        answered += sd_answered
        if all(v is None for v in cells.values()):
            continue  # nothing applicable in this sub-domain: it drops out
        s, met = accumulate(cells, threshold)
        subdomains[sd] = SubDomainScore(sd, s, met, cells, weights.get(sd, 0.0), sd_answered, sd_total)

    level_scores: dict[int, float | None] = {}
    for lvl in levels:
        pairs = [(v, sds.weight) for sds in subdomains.values() if (v := sds.level_scores[lvl]) is not None]
        level_scores[lvl] = _weighted_mean(pairs)
    s, _ = accumulate(level_scores, threshold)
    level = pack.scoring.level_for(s)

    indicator_values: dict[str, float] = {}
    items_total = len(reqs)
    for ind in pack.indicators_for(path):
        items_total += 1
        v = assessment.value(ind.id)
        if isinstance(v, int | float) and not isinstance(v, bool):
            indicator_values[ind.id] = float(v)
            answered += 1
        elif not ind.optional:
            missing.append(ind.id)
    conditions: dict[str, bool | None] = {}
    for c in pack.conditions:
        items_total += 1
        v = assessment.value(c.id)
        conditions[c.id] = v if isinstance(v, bool) else None
        if conditions[c.id] is None:
            missing.append(c.id)
        else:
            answered += 1
    scenarios: dict[str, bool | None] = {}
    for sc in pack.scenarios:
        items_total += 1
        v = assessment.value(sc.id)
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
    level_scores: dict[int, float | None] = {}
    for lvl in pack.scoring.levels:
        pairs = [(v, sds.weight) for sds in subdomains.values() if (v := sds.level_scores[lvl]) is not None]
        level_scores[lvl] = _weighted_mean(pairs)
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
