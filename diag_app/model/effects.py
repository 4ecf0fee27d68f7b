"""What buying catalogue items does to one assessment's answers and scores.

An item's effect is applied to the answers themselves — each requirement it names up to the rating
it brings (never down; 不适用 stays 不适用), indicator values, scenarios — so the what-if, the
roadmap and the ranking all rest on the one scoring function. ``Baseline.scores_after`` is the
fast form the roadmap needs for thousands of combinations: it re-scores only the cells an effect
touches, with the same arithmetic in the same order as ``scoring.score``, and a test holds it equal
to scoring the changed answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from .assessment import NA, Answer, Assessment
from .catalogue import CatalogItem
from .questionnaire import Pack, ProfileItem
from .scoring import Scores, SubDomainScore, accumulate, score
from .tiers import national_tier, shanghai_tier


@dataclass(frozen=True)
class Closure:
    """One requirement an item raises for this plant: from its current rating (None: unanswered,
    counted as 0) to the rating the item brings."""

    requirement: str
    before: float | None
    after: float
    subdomain: str = ""
    level: int = 0


@dataclass(frozen=True)
class Lift:
    """An indicator a tier rule checks, failing now, that an item brings up to the rule's value:
    the tier requirement the item closes (e.g. benchmark needs a key-process CNC rate of 77 %)."""

    indicator: str
    before: float | None  # None: not answered
    after: float
    required: float
    tier: str


@dataclass(frozen=True)
class Combined:
    """The effect of several items bought together, restricted to what changes for this plant:
    each requirement to the highest rating any of them brings, each indicator to the best value,
    every scenario any sets up, every system any provides."""

    requirements: Mapping[str, float]
    indicators: Mapping[str, float]
    scenarios: frozenset[str]
    provides: frozenset[str]
    _key: object = field(init=False, repr=False, compare=False, default=None)

    def key(self) -> object:
        """What the scores depend on, hashable: computed once (the roadmap asks for it often)."""
        k = self._key
        if k is None:
            k = (frozenset(self.requirements.items()), frozenset(self.indicators.items()), self.scenarios)
            object.__setattr__(self, "_key", k)
        return k


EMPTY_EFFECT = Combined({}, {}, frozenset(), frozenset())


def profile_value(pack: Pack, a: Assessment, item: ProfileItem) -> float | bool | None:
    v = a.value(item.id)
    if item.answer == "bool":
        return v if isinstance(v, bool) else None
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


class Baseline:
    """One assessment's answers and scores, ready for trying item combinations on."""

    def __init__(self, pack: Pack, a: Assessment, scores: Scores | None = None):
        self.pack = pack
        self.a = a
        self.scores = scores or score(pack, a)
        self.industry = a.enterprise.industry
        self.path = a.path(pack)
        self.values: dict[str, object] = {k: ans.value for k, ans in a.answers.items()}
        reqs = pack.requirements_for(self.industry, self.path)
        self.requirements = {r.id: r for r in reqs}
        # Requirements per (sub-domain, level) cell in bank order: the order scoring sums them in.
        self.cells: dict[tuple[str, int], list[tuple[str, float]]] = {}
        for r in reqs:
            self.cells.setdefault((r.subdomain, r.level), []).append((r.id, r.weight))
        self.path_indicators = {i.id: i for i in pack.indicators_for(self.path)}
        self.threshold = pack.scoring.level_threshold
        self._memo: dict[object, Scores] = {}
        self._failing: list[tuple[str, float, str]] | None = None

    # --- answers ----------------------------------------------------------------------------
    def rating(self, rid: str) -> float | None:
        """The current rating of a requirement as scoring counts it: None for 不适用 (or not asked
        of this plant), 0 when unanswered."""
        if rid not in self.requirements:
            return None
        v = self.values.get(rid)
        if v == NA:
            return None
        return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else 0.0

    def counts(self, rid: str) -> bool:
        """Whether raising this requirement can change the score: it is asked of this plant, not
        不适用, and its sub-domain is scored."""
        r = self.requirements.get(rid)
        return r is not None and self.values.get(rid) != NA and r.subdomain in self.scores.subdomains

    def closures(self, item: CatalogItem) -> tuple[Closure, ...]:
        """The requirements this item raises for this plant, in the item's order."""
        out = []
        for rid, to in item.effect.requirements.items():
            if not self.counts(rid):
                continue
            before = self.rating(rid) or 0.0
            if to > before + 1e-9:
                v = self.values.get(rid)
                r = self.requirements[rid]
                out.append(Closure(rid, before if isinstance(v, int | float) else None, to, r.subdomain, r.level))
        return tuple(out)

    def failing_indicator_rules(self) -> list[tuple[str, float, str]]:
        """(indicator, value needed, tier) for every indicator rule of a tier above the plant's,
        on either ladder, that the plant fails now."""
        got = self._failing
        if got is None:
            got = []
            for decision in (shanghai_tier(self.pack, self.scores), national_tier(self.pack, self.scores)):
                for checks in decision.checks.values():
                    for c in checks:
                        if c.rule.kind == "indicator" and not c.passed and isinstance(c.required, int | float):
                            iid = str(c.rule.params["indicator"])
                            if iid in self.path_indicators:
                                got.append((iid, float(c.required), c.tier))
            self._failing = got
        return got

    def lifts(self, item: CatalogItem) -> tuple[Lift, ...]:
        """The failing tier rules on indicators this item would pass."""
        out: list[Lift] = []
        for iid, need, tier in self.failing_indicator_rules():
            v = item.effect.indicators.get(iid)
            if v is not None and self.path_indicators[iid].meets(v, need):
                if any(x.indicator == iid for x in out):
                    continue
                before = self.scores.indicator_values.get(iid)
                out.append(Lift(iid, before, v, need, tier))
        return tuple(out)

    def combine(self, items: Iterable[CatalogItem], start: Combined = EMPTY_EFFECT) -> Combined:
        reqs = dict(start.requirements)
        inds = dict(start.indicators)
        scen = set(start.scenarios)
        prov = set(start.provides)
        for it in items:
            for c in self.closures(it):
                if c.after > reqs.get(c.requirement, 0.0):
                    reqs[c.requirement] = c.after
            for iid, v in it.effect.indicators.items():
                ind = self.path_indicators.get(iid)
                if ind is None:
                    continue  # not asked on this path: scoring ignores it
                cur = inds.get(iid)
                if cur is None:
                    inds[iid] = v
                else:
                    inds[iid] = max(cur, v) if ind.better == "higher" else min(cur, v)
            scen.update(it.effect.scenarios)
            prov.update(it.provides)
        return Combined(reqs, inds, frozenset(scen), frozenset(prov))

    def merge(self, e1: Combined, e2: Combined) -> Combined:
        reqs = dict(e1.requirements)
        for rid, v in e2.requirements.items():
            if v > reqs.get(rid, 0.0):
                reqs[rid] = v
        inds = dict(e1.indicators)
        for iid, v in e2.indicators.items():
            cur = inds.get(iid)
            better = self.path_indicators[iid].better
            inds[iid] = v if cur is None else (max(cur, v) if better == "higher" else min(cur, v))
        return Combined(reqs, inds, e1.scenarios | e2.scenarios, e1.provides | e2.provides)

    def rating_after(self, rid: str, eff: Combined) -> float:
        return max(self.rating(rid) or 0.0, eff.requirements.get(rid, 0.0))

    # --- scores -----------------------------------------------------------------------------
    def scores_after(self, eff: Combined, parent: Combined | None = None) -> Scores:
        """The scores after ``eff``; given the effect it grew from (``parent``, already scored),
        only the cells that differ are summed again — with the same arithmetic, so the result is
        the same to the last bit."""
        key = eff.key()
        got = self._memo.get(key)
        if got is None:
            start = self._memo.get(parent.key()) if parent is not None else None
            if parent is not None and start is not None:
                changed = [rid for rid, v in eff.requirements.items() if parent.requirements.get(rid) != v]
                got = self._rescore(eff, start, changed)
            else:
                got = self._rescore(eff)
            self._memo[key] = got
        return got

    def _rescore(self, eff: Combined, start: Scores | None = None, only: Iterable[str] | None = None) -> Scores:
        base = self.scores
        pack = self.pack
        if not eff.requirements and not eff.indicators and not eff.scenarios:
            return base
        subdomains = dict((start or base).subdomains)
        touched: dict[str, set[int]] = {}
        for rid in eff.requirements if only is None else only:
            r = self.requirements[rid]
            touched.setdefault(r.subdomain, set()).add(r.level)
        values = self.values
        raised = eff.requirements
        for sd, lvls in touched.items():
            old = subdomains[sd]
            cells = dict(old.level_scores)
            for lvl in lvls:
                num = wsum = 0.0
                for rid, w in self.cells[(sd, lvl)]:
                    v = values.get(rid)
                    up = raised.get(rid)
                    if v == NA:
                        continue
                    if up is not None:
                        cur = v if isinstance(v, int | float) and not isinstance(v, bool) else 0.0
                        v = up if up > cur else cur
                    if v is None:
                        wsum += w
                    else:
                        num += v * w  # type: ignore[operator]
                        wsum += w
                cells[lvl] = num / wsum if wsum > 0 else None
            s, met = accumulate(cells, self.threshold)
            subdomains[sd] = SubDomainScore(sd, s, met, cells, old.weight, old.answered, old.total)
        levels = pack.scoring.levels
        num_l = dict.fromkeys(levels, 0.0)
        den_l = dict.fromkeys(levels, 0.0)
        for sds in subdomains.values():
            w = sds.weight
            for lvl, cell in sds.level_scores.items():
                if cell is not None:
                    num_l[lvl] += cell * w
                    den_l[lvl] += w
        level_scores = {lvl: num_l[lvl] / den_l[lvl] if den_l[lvl] > 0 else None for lvl in levels}
        s, _ = accumulate(level_scores, self.threshold)
        inds = dict(base.indicator_values)
        for iid, val in eff.indicators.items():
            have = inds.get(iid)
            better = self.path_indicators[iid].better
            inds[iid] = val if have is None else (max(have, val) if better == "higher" else min(have, val))
        scen = dict(base.scenarios)
        for sid in eff.scenarios:
            scen[sid] = True
        missing = tuple(
            m for m in base.missing if m not in raised and m not in eff.indicators and m not in eff.scenarios
        )
        return replace(
            base,
            s=s,
            level=pack.scoring.level_for(s),
            level_scores=level_scores,
            subdomains=subdomains,
            indicator_values=inds,
            scenarios=scen,
            missing=missing,
        )


def apply_items(pack: Pack, a: Assessment, items: Iterable[CatalogItem]) -> Assessment:
    """The assessment as it would be after buying ``items``: only ever raises answers. The slow,
    obviously right form of ``Baseline.scores_after`` (score the result to compare)."""
    items = list(items)
    if not items:
        return a
    path = a.path(pack)
    asked = {r.id for r in pack.requirements_for(a.enterprise.industry, path)}
    on_path = {i.id: i for i in pack.indicators_for(path)}
    answers = dict(a.answers)
    for it in items:
        for rid, to in it.effect.requirements.items():
            if rid not in asked:
                continue
            old = answers.get(rid)
            cur = old.value if old else None
            if cur == NA:
                continue
            num = cur if isinstance(cur, int | float) and not isinstance(cur, bool) else 0.0
            if to > num:
                answers[rid] = Answer(rid, to, old.note if old else "")
        for iid, v in it.effect.indicators.items():
            ind = on_path.get(iid)
            if ind is None:
                continue
            old = answers.get(iid)
            cur = old.value if old else None
            if isinstance(cur, int | float) and not isinstance(cur, bool):
                v = max(cur, v) if ind.better == "higher" else min(cur, v)
            answers[iid] = Answer(iid, float(v), old.note if old else "")
        for sid in it.effect.scenarios:
            old = answers.get(sid)
            answers[sid] = Answer(sid, True, old.note if old else "")
    return replace(a, answers=answers)
