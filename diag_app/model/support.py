"""Policy support estimates under the Shanghai 2024 measures (and the national ones that stack).

Every figure is an upper bound under stated assumptions: the authority decides eligibility. A
measure counts only when the enterprise has confirmed every qualification it requires for that
planned item (``Plan.confirmed``: certified 首台套, listed in the innovation catalogue, part of a
filed ≥ 2,000 万元 技改 project…); otherwise it is "possible if …" with the amount it would pay and
is never added to a total. Where the action plan promises support without a figure, the estimate
says so and carries no amount. The arithmetic is kept in the result (base, rate, cap) so the words
explaining it never drift from the number.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..errors import AppError
from .assessment import Plan
from .catalogue import CatalogItem, Measure
from .questionnaire import Pack

# Why an estimate is not counted, in the order they are checked.
REASONS = (
    "ok",
    "needs-loan",
    "needs-lease",
    "loan-exceeds-investment",
    "below-min-investment",
    "excluded",
    "unconfirmed",
    "unstated",
)


@dataclass(frozen=True)
class Estimate:
    measure: str
    eligible: bool  # counted: every condition met and confirmed, and an amount stated
    amount_cny: float  # counted amount (0 when not counted)
    cap_cny: float
    base_cny: float  # the amount the rate applies to (interest over the years, contract or investment)
    rate: float
    capped: bool
    reason: str  # one of REASONS
    investment_cny: float = 0.0
    loan_cny: float = 0.0
    loan_rate: float = 0.0
    contract_cny: float = 0.0
    missing: tuple[str, ...] = ()  # qualification ids still to confirm ("possible if …")
    possible_cny: float = 0.0  # what it would pay once they are confirmed (never in a total)

    @property
    def status(self) -> str:
        """counted, possible (if the missing qualifications are confirmed), unstated (the plan gives
        no figure) or not-eligible."""
        if self.eligible:
            return "counted"
        if self.reason == "unconfirmed":
            return "possible"
        if self.reason == "unstated":
            return "unstated"
        return "not-eligible"


class SupportArgumentError(AppError, ValueError):
    """The figures a measure needs were not given (the CLI turns this into exit status 2)."""

    key, title_key, hint_key = "error.support_argument.detail", "error.support_argument", "error.support_argument.hint"

    def __init__(self, measure: str, missing: str):
        super().__init__(f"{measure}: {missing}")
        self.measure = measure
        self.missing = missing


def estimate(
    m: Measure,
    investment: float,
    loan: float | None = None,
    rate: float | None = None,
    contract: float | None = None,
    confirmed: tuple[str, ...] | None = None,
) -> Estimate:
    """The support one measure pays for one project. ``confirmed`` None means the caller has
    checked the qualifications itself (the ``support`` command states them as assumptions)."""
    if m.base == "interest":
        if loan is None or rate is None:
            raise SupportArgumentError(m.id, "loan-rate")
        base = loan * rate * m.years
    elif m.base == "contract":
        if contract is None:
            raise SupportArgumentError(m.id, "contract")
        base = contract
    else:
        base = investment
    raw = base * m.rate
    amount = min(raw, m.cap)
    reason = "ok"
    missing: tuple[str, ...] = ()
    if loan is not None and loan > investment + 1e-6:
        reason = "loan-exceeds-investment"
    elif investment < m.min_investment:
        reason = "below-min-investment"
    elif confirmed is not None and any(q in confirmed for q in m.excluded_by):
        reason = "excluded"
    elif confirmed is not None and (missing := tuple(q for q in m.requires if q not in confirmed)):
        reason = "unconfirmed"
    elif not m.stated:
        reason = "unstated"
    counted = reason == "ok"
    return Estimate(
        measure=m.id,
        eligible=counted,
        amount_cny=round(amount, 2) if counted else 0.0,
        cap_cny=m.cap,
        base_cny=base,
        rate=m.rate,
        capped=raw > m.cap and m.stated,
        reason=reason,
        investment_cny=investment,
        loan_cny=loan or 0.0,
        loan_rate=rate or 0.0,
        contract_cny=contract or 0.0,
        missing=missing,
        possible_cny=round(amount, 2) if reason == "unconfirmed" and m.stated else 0.0,
    )


def _financing_fits(m: Measure, plan: Plan) -> str:
    if m.base == "interest" and plan.financing != "loan":
        return "needs-loan"
    if m.financing == "lease" and plan.financing != "lease":
        return "needs-lease"
    if m.financing == "loan" and plan.financing != "loan":
        return "needs-loan"
    return "ok"


def plan_measures(pack: Pack, item: CatalogItem | None) -> tuple[Measure, ...]:
    if item is None:
        return ()
    return tuple(pack.measures[mid] for mid in item.measures if mid in pack.measures)


def plan_estimates(pack: Pack, plan: Plan) -> list[Estimate]:
    """One estimate per measure the planned item may qualify for."""
    item = next((c for c in pack.catalog if c.id == plan.item), None)
    confirmed = tuple(getattr(plan, "confirmed", ()) or ())
    contract = plan.contract_cny or plan.investment_cny
    out = []
    for m in plan_measures(pack, item):
        e = estimate(m, plan.investment_cny, plan.loan_cny, plan.rate, contract, confirmed)
        if not pack.qualifications and e.reason == "ok":
            # A pack made before qualifying conditions existed (1.0.0) cannot say what a measure
            # needs confirmed, so nothing is counted: shown as possible, as an upper bound.
            e = dataclasses.replace(e, eligible=False, amount_cny=0.0, reason="unconfirmed", possible_cny=e.amount_cny)
        fit = _financing_fits(m, plan)
        if fit != "ok" and e.reason in ("ok", "unconfirmed", "unstated"):
            e = Estimate(
                m.id, False, 0.0, m.cap, e.base_cny, m.rate, False, fit,
                plan.investment_cny, plan.loan_cny, plan.rate, contract,
            )  # fmt: skip
        out.append(e)
    return out


@dataclass(frozen=True)
class PlanSupport:
    plan: Plan
    estimates: tuple[Estimate, ...]
    best: Estimate | None = None  # the one Shanghai-style measure counted (one per project)
    stacked: tuple[Estimate, ...] = field(default=())  # counted on top of it (national tax credits)

    @property
    def counted(self) -> tuple[Estimate, ...]:
        return ((self.best,) if self.best else ()) + self.stacked

    @property
    def amount_cny(self) -> float:
        return round(sum(e.amount_cny for e in self.counted), 2)

    @property
    def possible(self) -> tuple[Estimate, ...]:
        """Measures that would pay once the enterprise confirms their qualifications, or whose
        amount the plan does not state."""
        return tuple(e for e in self.estimates if e.status in ("possible", "unstated"))


def plan_support(pack: Pack, plan: Plan) -> PlanSupport:
    """Counted: the one best non-stacking measure (Shanghai does not pay two of its measures for
    the same project) plus every counted measure that stacks on it (national tax credits)."""
    est = tuple(plan_estimates(pack, plan))
    ok = [e for e in est if e.eligible]
    single = [e for e in ok if not pack.measures[e.measure].stacks]
    best = max(single, key=lambda e: (e.amount_cny, e.measure), default=None)
    return PlanSupport(plan, est, best, tuple(e for e in ok if pack.measures[e.measure].stacks))


def support_for_plans(pack: Pack, plans: tuple[Plan, ...]) -> tuple[list[PlanSupport], float]:
    """Estimates for every plan and the total of what is counted."""
    rows = [plan_support(pack, p) for p in plans]
    return rows, round(sum(r.amount_cny for r in rows), 2)


@dataclass(frozen=True)
class IfConfirmed:
    """The most an item could get at a given price if the enterprise confirmed what the measure
    needs — for roadmap steps, never counted in a total."""

    measure: str
    amount_cny: float
    needs: tuple[str, ...]  # qualification ids to confirm


def support_if_confirmed(pack: Pack, item: CatalogItem, cost: float) -> IfConfirmed | None:
    """The best measure paid on the price alone (own funds; interest and lease measures need the
    financing figures and are left out), assuming every qualification is confirmed."""
    best: IfConfirmed | None = None
    for m in plan_measures(pack, item):
        if m.base == "interest" or m.financing != "any" or not m.stated or cost < m.min_investment:
            continue
        amount = round(min(cost * m.rate, m.cap), 2)
        if best is None or amount > best.amount_cny:
            best = IfConfirmed(m.id, amount, m.requires)
    return best
