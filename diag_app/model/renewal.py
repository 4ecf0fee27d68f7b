"""Gaps → renewal suggestions, with what the plant already has left out and contradictions flagged.

An item is suggested for a plant when it suits the plant's industry and production path, the plant
does not already have it (the "existing systems and equipment" profile), nothing the plant declared
makes it pointless (a build-to-print supplier needs no PLM; robot density already high), and it
raises at least one requirement this plant is rated below the item's effect on, or brings an
indicator up to a higher tier's rule the plant fails — so every suggestion names the requirements
(or tier rules) it closes. Order comes from ``ranking.rank``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .assessment import NA, Assessment
from .catalogue import CatalogItem
from .effects import Baseline, Closure, Lift, apply_items
from .questionnaire import Pack, ProfileItem
from .scoring import Scores

__all__ = [
    "Advice", "Closure", "Flag", "Lift", "Reason", "Suggestion", "Suppressed", "advise", "apply_items", "what_if",
]  # fmt: skip


@dataclass(frozen=True)
class Reason:
    """Why an item is suggested, with the numbers: a trigger that fired (subdomain_below,
    indicator_worse, scenario_missing), or what it closes — a requirement ("closes": target is the
    requirement, actual the rating now, required the rating it brings), a tier rule on an indicator
    ("lifts": actual now, required what it brings, threshold the rule's value, target_ref the tier)
    or the items that need it first ("enables": target lists their ids, comma-separated)."""

    kind: str
    target: str
    actual: float | None
    required: float | None
    target_ref: str = ""
    threshold: float | None = None


@dataclass(frozen=True)
class Suggestion:
    item: CatalogItem
    reasons: tuple[Reason, ...]  # triggers that fired (may be empty: the closures are the reason)
    closes: tuple[Closure, ...]  # requirements it raises for this plant
    # (a suggestion closes at least one requirement, or brings an indicator up to a tier rule: lifts)
    s_gain: float  # rise of S if this item alone were bought (preconditions aside)
    investment_low: float  # for an extension of an existing system: the uncovered share only
    investment_high: float
    points: float = 0.0  # weighted requirement gain: what it adds to the level sums, all levels
    needs: tuple[str, ...] = ()  # preconditions not yet in place: profile or requirement ids
    extends: float | None = None  # coverage (%) of the existing system this item extends
    priority: int = 0  # rank from ranking.rank, 1 first (0: not ranked yet)
    step: int = 0  # its step number on the roadmap, 0 when not on it
    planned: bool = False  # the enterprise plans to buy it
    lifts: tuple[Lift, ...] = ()  # indicator rules of a higher tier it would pass
    enables: tuple[str, ...] = ()  # suggested items that need the system this one is (when it closes nothing itself)

    @property
    def cost(self) -> float:
        return (self.investment_low + self.investment_high) / 2


@dataclass(frozen=True)
class Suppressed:
    """A catalogue item deliberately not suggested, and why."""

    item: CatalogItem
    why: str  # "has-system", "planned-system", "excluded", "not-applicable(-item)", "saturated"
    ref: str  # the profile item, sub-domain or indicator that decided it
    value: float | None = None
    by: str = ""  # "planned-system": the planned catalogue item that will provide ``ref``


@dataclass(frozen=True)
class Flag:
    """A contradiction in the answers for the assessor to check."""

    kind: str  # "saturated", "system-missing", "system-unused", "density"
    ref: str  # profile item or indicator id
    item: str = ""  # catalogue item concerned, if any
    value: float | None = None
    threshold: float | None = None
    requirements: tuple[str, ...] = ()


@dataclass(frozen=True)
class Advice:
    suggestions: tuple[Suggestion, ...]
    suppressed: tuple[Suppressed, ...]
    flags: tuple[Flag, ...]


def applies(item: CatalogItem, industry: str, path: str | None = None) -> bool:
    if item.industries is not None and industry not in item.industries:
        return False
    return path is None or item.paths is None or path in item.paths


def has_system(pack: Pack, a: Assessment, pid: str) -> bool | None:
    """Whether the profile says the plant has this system: None when unanswered."""
    p = _profile(pack).get(pid)
    if p is None:
        return None
    v = a.value(pid)
    if p.answer == "bool":
        return v if isinstance(v, bool) else None
    if isinstance(v, int | float) and not isinstance(v, bool):
        return v > 0
    return None


def coverage(pack: Pack, a: Assessment, pid: str) -> float | None:
    """The share (%) of the plant a coverage-type system covers, or None."""
    p = _profile(pack).get(pid)
    v = a.value(pid)
    if p is None or not p.coverage or isinstance(v, bool) or not isinstance(v, int | float):
        return None
    return float(v)


def _profile(pack: Pack) -> dict[str, ProfileItem]:
    return {p.id: p for p in pack.profile}


def unmet_preconditions(base: Baseline, item: CatalogItem) -> tuple[str, ...]:
    """The item's preconditions not in place before anything is bought."""
    out = []
    for req in item.requires:
        if req in base.requirements:
            if (base.rating(req) or 0.0) < base.threshold - 1e-9:
                out.append(req)
        elif not has_system(base.pack, base.a, req):
            out.append(req)
    return tuple(out)


def item_scale(pack: Pack, a: Assessment, item: CatalogItem) -> tuple[float, float | None]:
    """The share of an item's price the plant would pay (1, or the uncovered share when it extends
    a system already covering part of the plant) and that coverage."""
    for pid in item.provides:
        c = coverage(pack, a, pid)
        if c is not None and 0 < c < 100:
            return (100 - c) / 100, c
    return 1.0, None


def planned_systems(pack: Pack, a: Assessment) -> dict[str, str]:
    """The systems the enterprise's own plans will provide: profile item id -> the planned
    catalogue item that provides it (the first plan that does)."""
    catalog = {c.id: c for c in pack.catalog}
    out: dict[str, str] = {}
    for p in a.plans:
        item = catalog.get(p.item)
        for pid in item.provides if item is not None else ():
            out.setdefault(pid, p.item)
    return out


def _suppression(
    pack: Pack,
    a: Assessment,
    base: Baseline,
    item: CatalogItem,
    systems: dict[str, str] | None = None,
    planned: frozenset[str] = frozenset(),
) -> Suppressed | None:
    """Why ``item`` is left out, if it is. ``systems``: what the plans will provide
    (``planned_systems``); ``planned``: the planned item ids."""
    for pid in item.excluded_by:
        if has_system(pack, a, pid) is True:
            return Suppressed(item, "excluded", pid)
    # A system the enterprise already plans to buy is not suggested again under another name
    # (an energy-management centre planned: no EMS on top); the plan itself stays.
    if systems and item.id not in planned:
        for pid in (*item.provides, *item.excluded_by):
            if pid in systems:
                return Suppressed(item, "planned-system", pid, by=systems[pid])
    na = getattr(a, "na_subdomains", None) or {}
    for sd in item.needs_subdomains:
        if sd in na or sd not in base.scores.subdomains:
            return Suppressed(item, "not-applicable", sd)
    for rid in item.needs_applicable:
        if base.values.get(rid) == NA:
            return Suppressed(item, "not-applicable-item", rid)
    for pid in item.provides:
        c = coverage(pack, a, pid)
        if c is not None:
            if c >= 100:
                return Suppressed(item, "has-system", pid, c)
        elif has_system(pack, a, pid) is True:
            return Suppressed(item, "has-system", pid)
    inds = {i.id: i for i in pack.indicators}
    for sat in item.saturated_by:
        v = base.scores.indicator_values.get(sat.indicator)
        ind = inds.get(sat.indicator)
        if v is not None and ind is not None and ind.meets(v, sat.value):
            return Suppressed(item, "saturated", sat.indicator, v)
    return None


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
            tgt = ind.target(t.target_ref) if t.target_ref else None
            need = tgt.value if tgt else t.value
            if scores.path in ind.paths and value is not None and not ind.meets(value, need):
                out.append(Reason(t.kind, t.target, value, need, t.target_ref))
        elif t.kind == "scenario_missing" and scores.scenarios.get(t.target) is False:
            out.append(Reason(t.kind, t.target, None, None))
    return tuple(out)


def closure_reasons(closes: tuple[Closure, ...], lifts: tuple[Lift, ...]) -> tuple[Reason, ...]:
    """What an item closes, as reasons (so every list of reasons names it)."""
    return tuple(Reason("closes", c.requirement, c.before, c.after) for c in closes) + tuple(
        Reason("lifts", x.indicator, x.before, x.after, x.tier, x.required) for x in lifts
    )


def points(base: Baseline, closes: Iterable[Closure]) -> float:
    """What the closures add to the weighted level sums (all levels together): a requirement's
    share of its cell times the cell's sub-domain weight times the rise of its rating."""
    total = 0.0
    for c in closes:
        r = base.requirements[c.requirement]
        cell = base.cells[(r.subdomain, r.level)]
        wsum = sum(w for rid, w in cell if base.values.get(rid) != "na")
        sub = base.scores.subdomains.get(r.subdomain)
        if sub is None or wsum <= 0:
            continue
        total += sub.weight * r.weight / wsum * (c.after - (c.before or 0.0))
    return total


def advise(pack: Pack, a: Assessment, scores: Scores | None = None, base: Baseline | None = None) -> Advice:
    """Suggestions (unranked: ``ranking.rank`` orders them), what was left out and why, and the
    contradictions found."""
    base = base or Baseline(pack, a, scores)
    scores = base.scores
    planned = frozenset(p.item for p in a.plans)
    systems = planned_systems(pack, a)
    out: list[Suggestion] = []
    suppressed: list[Suppressed] = []
    flags: list[Flag] = []
    for item in pack.catalog:
        if not applies(item, base.industry, base.path):
            continue
        closes = base.closures(item)
        why = _suppression(pack, a, base, item, systems, planned)
        if why is not None:
            suppressed.append(why)
            if why.why == "saturated" and closes:
                sat = next(s for s in item.saturated_by if s.indicator == why.ref)
                flags.append(
                    Flag("saturated", why.ref, item.id, why.value, sat.value, tuple(c.requirement for c in closes))
                )
            continue
        lifts = base.lifts(item)
        if not closes and not lifts:
            continue
        after = base.scores_after(base.combine([item]))
        scale, extends = item_scale(pack, a, item)
        out.append(
            Suggestion(
                item=item,
                reasons=(*reasons_for(pack, item, scores), *closure_reasons(closes, lifts)),
                closes=closes,
                s_gain=round(max(0.0, after.s - scores.s), 4),
                investment_low=item.investment_low * scale,
                investment_high=item.investment_high * scale,
                points=round(points(base, closes), 6),
                needs=unmet_preconditions(base, item),
                extends=extends,
                planned=item.id in planned,
                lifts=lifts,
            )
        )
    out += _enablers(pack, a, base, out, {x.item.id for x in suppressed})
    flags += profile_flags(pack, a, base)
    return Advice(tuple(out), tuple(suppressed), tuple(flags))


def _enablers(pack: Pack, a: Assessment, base: Baseline, sgs: list[Suggestion], left_out: set[str]) -> list[Suggestion]:
    """Items that close nothing themselves but are the system a suggestion needs first (an MES
    under an APS), when no suggestion provides it already."""
    provided = {pid for sg in sgs for pid in sg.item.provides}
    wanted: dict[str, list[str]] = {}
    for sg in sgs:
        for need in sg.needs:
            if need not in base.requirements and need not in provided:
                wanted.setdefault(need, []).append(sg.item.id)
    taken = {sg.item.id for sg in sgs}
    out = []
    for item in pack.catalog:
        if item.id in taken or item.id in left_out or not applies(item, base.industry, base.path):
            continue
        enables = tuple(dict.fromkeys(x for pid in item.provides for x in wanted.get(pid, ())))
        if not enables:
            continue
        scale, extends = item_scale(pack, a, item)
        out.append(
            Suggestion(
                item=item,
                reasons=(Reason("enables", ",".join(enables), None, None),),
                closes=(),
                s_gain=0.0,
                investment_low=item.investment_low * scale,
                investment_high=item.investment_high * scale,
                needs=unmet_preconditions(base, item),
                extends=extends,
                planned=item.id in {p.item for p in a.plans},
                enables=enables,
            )
        )
        taken.add(item.id)
    return out


def profile_flags(pack: Pack, a: Assessment, base: Baseline) -> list[Flag]:
    """Existing-systems answers that disagree with the requirement ratings or the indicators."""
    flags = []
    for p in pack.profile:
        v = a.value(p.id)
        if v is None:
            continue
        evid = [rid for rid in p.evidenced_by if rid in base.requirements and base.values.get(rid) not in (None, "na")]
        says_no = v is False or (p.coverage and isinstance(v, int | float) and not isinstance(v, bool) and v == 0)
        says_yes = v is True or (isinstance(v, int | float) and not isinstance(v, bool) and v > 0)
        met = tuple(rid for rid in evid if (base.rating(rid) or 0.0) >= base.threshold - 1e-9)
        if says_no and met:
            flags.append(Flag("system-missing", p.id, requirements=met))
        elif says_yes and evid and all((base.rating(rid) or 0.0) == 0.0 for rid in evid):
            flags.append(Flag("system-unused", p.id, requirements=tuple(evid)))
        if p.density_of and isinstance(v, int | float) and not isinstance(v, bool):
            d = base.scores.indicator_values.get(p.density_of)
            employees = a.enterprise.employees
            if d is None:
                continue
            if v == 0 and d > 0:
                flags.append(Flag("density", p.id, value=d, threshold=0.0))
            elif employees and v > 0:
                # Density counts production staff, never more than all employees: at least this.
                implied = v / employees * 10_000
                if d < implied * 0.9:
                    flags.append(Flag("density", p.id, value=d, threshold=round(implied, 1)))
    return flags


def what_if(pack: Pack, a: Assessment, items: Iterable[CatalogItem], base: Scores | None = None) -> Scores:
    """The scores as they would be after buying ``items`` (the what-if page and the roadmap)."""
    b = Baseline(pack, a, base)
    return b.scores_after(b.combine(items))


def suggest(pack: Pack, a: Assessment, scores: Scores | None = None) -> list[Suggestion]:
    """The suggestions ranked without a roadmap (the GUI re-ranks once its roadmap is ready)."""
    from .ranking import rank

    return list(rank(advise(pack, a, scores).suggestions))
