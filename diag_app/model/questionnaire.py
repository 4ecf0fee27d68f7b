"""The questionnaire pack as plain data.

A pack is everything the diagnosis knows about the domain: the CMMM structure, the questions,
the weights, the tier rules, the renewal catalogue and the policy measures. Code only reads it,
so a domain expert can change the method by editing the pack, never the program.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, cast

# The catalogue and text types are read from here too (re-exported).
from .catalogue import CatalogItem, Category, Effect, Measure, ProfileItem, Qualification, Saturation, Trigger  # noqa: F401
from .text import EMPTY, LANGS, PATHS, Lang, Text  # noqa: F401

# The kinds of answerable item. Each item class declares ``kind`` as its own single literal, so a
# test such as ``item.kind == "indicator"`` also tells the type checker which class the item is.
ItemKind = Literal["requirement", "indicator", "condition", "scenario", "profile"]


@dataclass(frozen=True)
class SubDomain:
    id: str
    name: Text
    domain: str
    element: str
    # When the whole sub-domain may be declared 不适用 (e.g. no product design of one's own); empty:
    # it may not. The assessment gives its own reason (``Assessment.na_subdomains``).
    na_when: Text = EMPTY

    @property
    def na_allowed(self) -> bool:
        return bool(self.na_when.zh or self.na_when.en)


@dataclass(frozen=True)
class Domain:
    id: str
    name: Text
    element: str
    subdomains: tuple[str, ...]


@dataclass(frozen=True)
class Element:
    id: str
    name: Text
    domains: tuple[str, ...]


@dataclass(frozen=True)
class Requirement:
    """One observable practice that shows a sub-domain at a level."""

    id: str
    subdomain: str
    level: int
    text: Text
    help: Text = EMPTY
    evidence: Text = EMPTY
    paths: frozenset[str] = frozenset(PATHS)
    weight: float = 1.0
    industry: str | None = None  # None: asked of every industry
    basis: str = "D"
    # When the item may be answered 不适用 (format-2 packs allow it only where this is set); the
    # answer's note gives the reason.
    na_when: Text = EMPTY

    kind: Literal["requirement"] = "requirement"

    @property
    def na_allowed(self) -> bool:
        return bool(self.na_when.zh or self.na_when.en)


@dataclass(frozen=True)
class Target:
    """A reference value for an indicator, e.g. Shanghai's 2027 target."""

    id: str
    label: Text
    value: float
    basis: str  # S (action plan), P (public source), D (product default)


@dataclass(frozen=True)
class Indicator:
    id: str
    name: Text
    unit: str
    min: float
    max: float
    better: Literal["higher", "lower"]
    help: Text = EMPTY
    targets: tuple[Target, ...] = ()
    subdomains: tuple[str, ...] = ()
    used_by: Text = EMPTY
    paths: frozenset[str] = frozenset(PATHS)
    optional: bool = False  # e.g. PUE only for sites with a data centre

    kind: Literal["indicator"] = "indicator"

    def target(self, target_id: str) -> Target | None:
        return next((t for t in self.targets if t.id == target_id), None)

    def meets(self, value: float, threshold: float) -> bool:
        return value >= threshold if self.better == "higher" else value <= threshold


@dataclass(frozen=True)
class Condition:
    """A yes/no gate (要素条件) that no score can make up for.

    ``scope`` "basic": one of the basic conditions every tier checks (a ``conditions`` rule without
    ids means all of these); "tier": a condition only some tiers name (e.g. AI in use, for 卓越级)."""

    id: str
    text: Text
    help: Text = EMPTY
    basis: str = "P"
    scope: Literal["basic", "tier"] = "basic"

    kind: Literal["condition"] = "condition"


@dataclass(frozen=True)
class Scenario:
    id: str
    link: str
    name: Text
    subdomains: tuple[str, ...] = ()
    help: Text = EMPTY

    kind: Literal["scenario"] = "scenario"


@dataclass(frozen=True)
class Link:
    id: str
    name: Text


@dataclass(frozen=True)
class Industry:
    id: str
    name: Text
    path: str | None  # None: the path must be asked
    weights: dict[str, float] = field(default_factory=dict)  # multipliers per sub-domain
    focus: Text = EMPTY


@dataclass(frozen=True)
class Rating:
    value: float | None  # None is 不适用 (not applicable)
    label: Text
    key: str  # the answer value as written in files: "1", "0.8", "0.5", "0", "na"
    # What the rating means in practice (coverage of lines and sites, time in use, records): shown
    # on every question card and in the help. Required in format-2 packs.
    guidance: Text = EMPTY


@dataclass(frozen=True)
class Band:
    low: float
    high: float
    level: int


@dataclass(frozen=True)
class ScoringRules:
    ratings: tuple[Rating, ...]
    level_threshold: float
    bands: tuple[Band, ...]
    accumulation: str  # "met-plus-next": met levels count 1 each, plus the first unmet level's score
    levels: tuple[int, ...] = (1, 2, 3, 4, 5)
    level_names: dict[int, Text] = field(default_factory=dict)
    basis: dict[str, str] = field(default_factory=dict)  # which of these settings are product defaults
    # Above this share of requirements answered 不适用 (items and whole sub-domains) the result
    # carries a warning; None: no warning (format-1 packs).
    na_warn_share: float | None = None
    # A short general text on how to rate (shown in the help before the per-rating guidance).
    rating_help: Text = EMPTY

    def rating(self, key: str) -> Rating | None:
        """The rating whose answer value is ``key`` ("1", "0.8", "0.5", "0", "na")."""
        return next((r for r in self.ratings if r.key == key), None)

    def guidance(self, key: str) -> Text:
        """What rating ``key`` means (empty where the pack says nothing): for the cards and the help."""
        r = self.rating(key)
        return r.guidance if r else EMPTY

    def level_for(self, s: float) -> int:
        """Map a total score to a level; each band includes its low end and excludes its high end,
        except the last, which includes both."""
        top = max(b.high for b in self.bands)
        for band in self.bands:
            if band.low <= s < band.high or (s == top and band.high == top):
                return band.level
        return 0


RuleKind = Literal[
    "min_level", "conditions", "indicator", "scenarios", "subdomain_level", "prior_tier", "links_covered"
]


@dataclass(frozen=True)
class TierRule:
    """One test of a tier: kind selects the check, params its arguments.

    ``prior_tier`` (params ``tier``) passes when that lower tier of the same ladder is reached: it
    is how a ladder says it is cumulative. ``links_covered`` (params ``links``, ``min``) passes when
    each listed scenario link has at least ``min`` scenarios in place."""

    kind: RuleKind
    params: dict[str, object]
    basis: str
    note: Text = EMPTY


@dataclass(frozen=True)
class Tier:
    id: str
    name: Text
    rules: tuple[TierRule, ...]
    rank: int  # higher is better
    source: Text = EMPTY  # the document (and version) that sets the tier's conditions
    note: Text = EMPTY  # who recognises it, and anything else a reader should know


@dataclass(frozen=True)
class Pack:
    id: str
    version: str
    name: Text
    elements: tuple[Element, ...]
    domains: dict[str, Domain]
    subdomains: dict[str, SubDomain]
    requirements: tuple[Requirement, ...]
    indicators: tuple[Indicator, ...]
    conditions: tuple[Condition, ...]
    links: tuple[Link, ...]
    scenarios: tuple[Scenario, ...]
    industries: dict[str, Industry]
    paths: dict[str, Text]
    weights: dict[str, dict[str, float]]  # path -> sub-domain -> weight (sums to 1)
    scoring: ScoringRules
    tiers: tuple[Tier, ...]
    national_tiers: tuple[Tier, ...]
    categories: tuple[Category, ...] = ()
    catalog: tuple[CatalogItem, ...] = ()
    measures: dict[str, Measure] = field(default_factory=dict)
    national_measures: tuple[Text, ...] = ()
    distribution: tuple[tuple[str, float], ...] = ()  # national CMMM level distribution
    distribution_source: Text = EMPTY
    # The pack format the pack declares: 1 (packs made before it existed, e.g. the frozen 1.0.0)
    # or 2 (cumulative ladders, cited tiers, controlled 不适用, rating guidance).
    format: int = 1
    profile: tuple[ProfileItem, ...] = ()  # existing systems and equipment (never scored)
    qualifications: dict[str, Qualification] = field(default_factory=dict)  # what measures may require

    _cache: dict[object, object] = field(default_factory=dict, compare=False, repr=False)

    def item(self, item_id: str) -> Requirement | Indicator | Condition | Scenario | ProfileItem | None:
        # The cache holds values of several types; this method alone writes the "items" entry.
        index = cast(
            "dict[str, Requirement | Indicator | Condition | Scenario | ProfileItem] | None", self._cache.get("items")
        )
        if index is None:
            every: tuple[Requirement | Indicator | Condition | Scenario | ProfileItem, ...] = (
                *self.requirements,
                *self.indicators,
                *self.conditions,
                *self.scenarios,
                *self.profile,
            )
            index = {i.id: i for i in every}
            self._cache["items"] = index
        return index.get(item_id)

    def requirements_for(self, industry: str, path: str) -> tuple[Requirement, ...]:
        """The requirements asked of one enterprise: the common bank plus its industry's
        module, without those that do not apply to its path."""
        key = ("requirements", industry, path)
        cached = self._cache.get(key)
        if cached is None:
            cached = tuple(
                r for r in self.requirements if path in r.paths and (r.industry is None or r.industry == industry)
            )
            self._cache[key] = cached
        return cached  # type: ignore[return-value]

    def indicators_for(self, path: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if path in i.paths)

    def items_for(
        self, industry: str, path: str
    ) -> tuple[Requirement | Indicator | Condition | Scenario | ProfileItem, ...]:
        return (
            *self.requirements_for(industry, path),
            *self.indicators_for(path),
            *self.conditions,
            *self.scenarios,
            *self.profile,
        )

    def subdomain_weights(self, industry: str, path: str) -> dict[str, float]:
        """Path weights scaled by the industry's multipliers, renormalised to sum to 1."""
        base = self.weights[path]
        mult = self.industries[industry].weights
        raw = {sd: w * mult.get(sd, 1.0) for sd, w in base.items()}
        total = sum(raw.values())
        return {sd: w / total for sd, w in raw.items()}

    def all_tiers(self) -> tuple[Tier, ...]:
        return self.tiers + self.national_tiers
