"""The renewal catalogue, the existing-systems profile and the support measures, as plain data.

A catalogue item says, requirement by requirement, what buying it does: the rating it brings each
requirement up to (1 全部满足 where it alone delivers the practice, 0.8 or 0.5 where it only helps),
the indicator values and scenarios it brings, what must be in place first (``requires``: a system
the plant has or another item provides, or a requirement met), which existing system it is
(``provides``), and when it is pointless for a plant (``excluded_by`` a profile answer,
``needs_subdomains`` declared 不适用, a requirement of ``needs_applicable`` answered 不适用,
``saturated_by`` an indicator already high).

A measure counts only when the qualifications it ``requires`` are confirmed for the planned item
(``Plan.confirmed``); ``stated`` is False where the action plan promises support without a figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .text import EMPTY, Text


@dataclass(frozen=True)
class Trigger:
    """A gap that makes a renewal item worth suggesting (a reason shown beside it)."""

    kind: Literal["subdomain_below", "indicator_worse", "scenario_missing"]
    target: str
    value: float = 0.0
    target_ref: str = ""  # indicator target id whose value is the threshold, e.g. "shanghai-2027"


@dataclass(frozen=True)
class Effect:
    """What an item changes if bought: each requirement up to a rating, indicator values reached,
    scenarios put in place. Buying only ever raises answers."""

    requirements: dict[str, float] = field(default_factory=dict)
    indicators: dict[str, float] = field(default_factory=dict)
    scenarios: tuple[str, ...] = ()


@dataclass(frozen=True)
class Saturation:
    """The item's kind of equipment is already plentiful once ``indicator`` reaches ``value``
    (e.g. robot density at or above the China average): it is not suggested, and a low rating of
    the requirements it would close is flagged as a contradiction to check."""

    indicator: str
    value: float
    target_ref: str = ""


@dataclass(frozen=True)
class CatalogItem:
    id: str
    category: str
    name: Text
    description: Text
    triggers: tuple[Trigger, ...]
    effect: Effect
    investment_low: float
    investment_high: float
    industries: frozenset[str] | None  # None: suits every industry
    measures: tuple[str, ...]
    paths: frozenset[str] | None = None  # None: both production paths
    requires: tuple[str, ...] = ()  # profile ids (a system in place) or requirement ids (met)
    provides: tuple[str, ...] = ()  # profile ids of the system this item is
    excluded_by: tuple[str, ...] = ()  # profile ids whose "yes" makes the item pointless
    needs_subdomains: tuple[str, ...] = ()  # sub-domains that must not be declared 不适用
    saturated_by: tuple[Saturation, ...] = ()
    months: int = 0  # typical implementation time from order to use [D]; 0: not given
    # Requirements that say what the item is for (roll lines, a wafer fab): one declared 不适用
    # and the item is not for this plant, whatever generic requirements it also raises.
    needs_applicable: tuple[str, ...] = ()


@dataclass(frozen=True)
class Category:
    id: str
    name: Text


@dataclass(frozen=True)
class Qualification:
    """A condition a measure needs that only the user can confirm (certified 首台套, listed in the
    municipal innovation catalogue, part of a filed 技改 project…)."""

    id: str
    name: Text  # a short label, e.g. "首台套/首版次/首批次认定"
    question: Text  # what the enterprise confirms
    help: Text = EMPTY


@dataclass(frozen=True)
class Measure:
    id: str
    name: Text
    base: Literal["interest", "contract", "investment"]
    rate: float
    cap: float
    min_investment: float = 0.0
    years: int = 0  # interest measures: years of interest subsidised
    basis: str = "S"
    note: Text = EMPTY
    financing: str = "any"  # "lease": only for a financing lease; interest measures need a loan
    requires: tuple[str, ...] = ()  # qualification ids that must all be confirmed
    excluded_by: tuple[str, ...] = ()  # qualification ids that rule the measure out when confirmed
    stated: bool = True  # False: the plan promises support but states no rate or cap
    stacks: bool = False  # paid on top of the one Shanghai measure (e.g. a national tax credit)


ProfileAnswer = Literal["bool", "number"]


@dataclass(frozen=True)
class ProfileItem:
    """One line of "existing systems and equipment": answered like any item (yes/no or a number),
    never scored; the advice reads it to leave out what the plant has and to find contradictions.

    ``coverage``: a number item giving the share (%) of the plant a system covers (eBR on one line
    of four is 25); ``evidenced_by``: requirements whose "met" rating presupposes the system, so a
    "no" beside one of them is flagged; ``density_of``: an indicator that is this count per 10,000
    employees (robots → robot density), checked against the enterprise's headcount."""

    id: str
    name: Text
    answer: ProfileAnswer
    help: Text = EMPTY
    unit: str = ""
    min: float = 0.0
    max: float = 1.0
    coverage: bool = False
    evidenced_by: tuple[str, ...] = ()
    density_of: str = ""
    group: str = "systems"  # "systems", "equipment" or "business"
    optional: bool = True  # for the card machinery: never counted as missing
    targets: tuple[()] = ()
    better: Literal["higher", "lower"] = "higher"

    kind: Literal["profile"] = "profile"
