"""Support arithmetic for every measure, and the roadmap against a brute-force optimum."""

from __future__ import annotations

import itertools
import random

import pytest
from packfactory import CODE, assess, item, make_pack

from diag_app.model.questionnaire import Measure, Text
from diag_app.model.renewal import apply_items
from diag_app.model.roadmap import item_cost, roadmap
from diag_app.model.scoring import score
from diag_app.model.support import SupportArgumentError, estimate
from diag_app.model.tiers import shanghai_tier
from diag_app.resources import app_root

T = Text("x", "x")


def m(mid, base, rate, cap, min_inv=0.0, years=0):
    return Measure(mid, T, base, rate, cap, min_inv, years)


LOAN = m("tech-renovation-loan", "interest", 0.5, 20_000_000, 20_000_000, 3)


def test_interest_measure_pays_half_of_three_years_interest():
    e = estimate(LOAN, investment=30_000_000, loan=10_000_000, rate=0.04)
    assert e.eligible and e.amount_cny == 600_000 and not e.capped  # 10M × 4% × 3 × 50%


def test_threshold_is_inclusive_and_below_it_nothing_is_paid():
    assert estimate(LOAN, 20_000_000, 10_000_000, 0.04).eligible
    below = estimate(LOAN, 19_999_999, 10_000_000, 0.04)
    assert not below.eligible and below.amount_cny == 0 and below.reason == "below-min-investment"


def test_caps_apply():
    big = estimate(LOAN, 2e9, 1e9, 0.05)  # interest 150M, half 75M → cap 20M
    assert big.amount_cny == 20_000_000 and big.capped
    mp = m("major-project", "investment", 0.10, 100_000_000)
    assert estimate(mp, 2e9).amount_cny == 100_000_000
    assert estimate(mp, 5e8).amount_cny == 50_000_000


def test_contract_measure_needs_contract():
    fs = m("first-set", "contract", 0.30, 20_000_000)
    with pytest.raises(SupportArgumentError):
        estimate(fs, 1e6)
    assert estimate(fs, 1e6, contract=1e6).amount_cny == 300_000


def test_every_pack_measure_matches_the_brief(pack):
    brief = {
        "tech-renovation-loan": ("interest", 0.5, 20e6, 20e6),
        "tech-renovation-lease": ("contract", 0.05, 20e6, 20e6),
        "major-project": ("investment", 0.10, 100e6, 20e6),
        "first-set": ("contract", 0.30, 20e6, 0),
        "catalog-loan": ("interest", 0.5, 5e6, 0),
        "catalog-lease": ("contract", 0.30, 5e6, 0),
        "catalog-breakthrough": ("contract", 0.30, 20e6, 0),
        "energy-management-center": ("investment", 0.20, 10e6, 0),
        "new-material-certification": ("contract", 0.30, 1e6, 0),
        "industrial-software-rnd": ("investment", 0.30, 100e6, 0),
        "scenario-benchmark": ("investment", 0.20, 8e6, 0),
        "national-cit-credit": ("investment", 0.10, float("inf"), 0),
        # the plan states these without a figure: no rate, no cap, never estimated
        "shanghai-software-subsidy": ("contract", 0.0, 0.0, 0),
        "smart-factory-tiered-reward": ("investment", 0.0, 0.0, 0),
    }
    assert set(pack.measures) == set(brief)
    assert not pack.measures["shanghai-software-subsidy"].stated
    assert not pack.measures["smart-factory-tiered-reward"].stated
    for mid, (base, rate, cap, min_inv) in brief.items():
        got = pack.measures[mid]
        assert (got.base, got.rate, got.cap, got.min_investment) == (base, rate, cap, min_inv), mid
        if base == "interest":
            assert got.years == 3


def _brute_force(pack, a, target_rank):
    best = None
    for n in range(len(pack.catalog) + 1):
        for combo in itertools.combinations(pack.catalog, n):
            after = score(pack, apply_items(pack, a, list(combo)))
            tier = shanghai_tier(pack, after).tier
            rank = {"none": 0, "demonstration": 1, "benchmark": 2}[tier]
            if rank >= target_rank:
                cost = sum(item_cost(c, None) for c in combo)
                if best is None or cost < best:
                    best = cost
    return best


@pytest.mark.parametrize("seed", range(12))
def test_roadmap_equals_brute_force_optimum_on_small_random_packs(seed):
    rnd = random.Random(seed)
    sds = ["sd0", "sd1", "sd2"]
    catalog = tuple(
        item(
            f"it{i}",
            float(rnd.randint(1, 20) * 100_000),
            levels={sd: rnd.randint(2, 5) for sd in rnd.sample(sds, rnd.randint(1, 2))},
            indicators={"kpi.cnc": 80.0} if rnd.random() < 0.3 else None,
        )
        for i in range(8)
    )
    pack = make_pack(subdomains=3, per_level=2, catalog=catalog)
    vals = {
        r.id: rnd.choice([0.0, 0.5, 0.8, 1.0]) if r.level <= 3 else rnd.choice([0.0, 0.5]) for r in pack.requirements
    }
    a = assess(pack, vals, **{"kpi.cnc": 60.0, "cond.a": True})
    rm = roadmap(pack, a)
    current = shanghai_tier(pack, score(pack, a))
    if rm.target is None:
        assert current.tier == "benchmark"
        return
    target_rank = {"demonstration": 1, "benchmark": 2}[rm.target]
    best = _brute_force(pack, a, target_rank)
    if best is None:
        assert not rm.reachable
    else:
        assert rm.reachable and rm.exhaustive
        assert rm.investment_cny == pytest.approx(best)
        final = rm.steps[-1] if rm.steps else None
        assert (
            final is None
            or final.tier_after == rm.target
            or (rm.target == "demonstration" and final.tier_after in ("demonstration", "benchmark"))
        )


def test_roadmap_says_what_money_cannot_fix():
    pack = make_pack(catalog=(item("all", 1e6, levels={"sd0": 5, "sd1": 5, "sd2": 5}),))
    a = assess(pack, {}, **{"kpi.cnc": 60.0, "cond.a": False})
    rm = roadmap(pack, a)
    assert rm.target == "demonstration" and not rm.reachable
    assert [c.rule.kind for c in rm.blockers] == ["conditions"]
    assert CODE  # the fixture enterprise is valid


def test_what_if_on_scores_equals_rescoring_changed_answers(pack):
    """The fast what-if (lifting cells) and re-scoring the changed answers must agree exactly."""
    from diag_app.assessment_file import read_assessment_file

    for example in ("fashion-consumer", "life-health", "automotive"):
        _, a = read_assessment_file(app_root() / "examples" / f"{example}.json")
        _what_if_equals_rescoring(pack, a)


def _what_if_equals_rescoring(pack, a):
    from diag_app.model.renewal import what_if

    base = score(pack, a)
    rnd = random.Random(3)
    for _ in range(10):
        items = rnd.sample(list(pack.catalog), 4)
        fast = what_if(pack, a, items, base)
        slow = score(pack, apply_items(pack, a, items))
        assert fast.s == pytest.approx(slow.s)
        assert fast.level == slow.level
        assert fast.level_scores == pytest.approx(slow.level_scores)
        assert fast.indicator_values == slow.indicator_values
        assert shanghai_tier(pack, fast).tier == shanghai_tier(pack, slow).tier
