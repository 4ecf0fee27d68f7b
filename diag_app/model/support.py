"""Policy support estimates under the Shanghai 2024 measures.

Every figure is an upper bound under stated assumptions: the authority decides eligibility. The
arithmetic is kept in the result (base, rate, cap) so the words explaining it are never out of
step with the number.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import AppError
from .assessment import Plan
from .questionnaire import CatalogItem, Measure, Pack


@dataclass(frozen=True)
class Estimate:
    measure: str
    eligible: bool
    amount_cny: float
    cap_cny: float
    base_cny: float  # the amount the rate applies to (interest over the years, contract or investment)
    rate: float
    capped: bool
    reason: str  # "ok", "below-min-investment", "needs-loan", "needs-lease"
    investment_cny: float = 0.0
    loan_cny: float = 0.0
    loan_rate: float = 0.0
    contract_cny: float = 0.0


class SupportArgumentError(AppError, ValueError):
    """The figures a measure needs were not given (the CLI turns this into exit status 2)."""

    key, title_key, hint_key = "error.support_argument.detail", "error.support_argument", "error.support_argument.hint"

    def __init__(self, measure: str, missing: str):
        super().__init__(f"{measure}: {missing}")
        self.measure = measure
        self.missing = missing


def estimate(
    m: Measure, investment: float, loan: float | None = None, rate: float | None = None, contract: float | None = None
) -> Estimate:
    """The support one measure pays for one project."""
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
    eligible = investment >= m.min_investment
    return Estimate(
        measure=m.id,
        eligible=eligible,
        amount_cny=round(amount, 2) if eligible else 0.0,
        cap_cny=m.cap,
        base_cny=base,
        rate=m.rate,
        capped=eligible and raw > m.cap,
        reason="ok" if eligible else "below-min-investment",
        investment_cny=investment,
        loan_cny=loan or 0.0,
        loan_rate=rate or 0.0,
        contract_cny=contract or 0.0,
    )


def _financing_fits(m: Measure, plan: Plan) -> str:
    if m.base == "interest" and plan.financing != "loan":
        return "needs-loan"
    if m.financing == "lease" and plan.financing != "lease":
        return "needs-lease"
    return "ok"


def plan_estimates(pack: Pack, plan: Plan) -> list[Estimate]:
    """One estimate per measure the planned item may qualify for."""
    item: CatalogItem = next(c for c in pack.catalog if c.id == plan.item)
    out = []
    for mid in item.measures:
        m = pack.measures[mid]
        fit = _financing_fits(m, plan)
        contract = plan.contract_cny or plan.investment_cny
        e = estimate(m, plan.investment_cny, plan.loan_cny, plan.rate, contract)
        if fit != "ok":
            e = Estimate(
                m.id,
                False,
                0.0,
                m.cap,
                e.base_cny,
                m.rate,
                False,
                fit,
                plan.investment_cny,
                plan.loan_cny,
                plan.rate,
                contract,
            )
        out.append(e)
    return out


@dataclass(frozen=True)
class PlanSupport:
    plan: Plan
    estimates: tuple[Estimate, ...]

    @property
    def best(self) -> Estimate | None:
        eligible = [e for e in self.estimates if e.eligible]
        return max(eligible, key=lambda e: e.amount_cny) if eligible else None


def support_for_plans(pack: Pack, plans: tuple[Plan, ...]) -> tuple[list[PlanSupport], float]:
    """Estimates for every plan and the total, counting per plan only its best measure: Shanghai
    does not pay two of its measures for the same project."""
    rows = [PlanSupport(p, tuple(plan_estimates(pack, p))) for p in plans]
    total = sum(r.best.amount_cny for r in rows if r.best)
    return rows, round(total, 2)
