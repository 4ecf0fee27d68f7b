"""The national ladder of pack 2.0.0 after the 2025 conditions: cumulative, the basic conditions on
every tier, and each tier's own conditions checked at their edges. Scores are built directly so
each test moves exactly one thing across its threshold."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

import pytest

from diag_app.describe import check_text
from diag_app.model.scoring import Scores, SubDomainScore
from diag_app.model.tiers import national_tier, shanghai_tier

BASIC = (
    "cond.legal-entity",
    "cond.above-size",
    "cond.finance",
    "cond.no-incident",
    "cond.secure-controllable",
    "cond.team",
)
THREE_LINKS = ("production-operations", "production-management", "operations-management")


def scenarios_in(pack, per_link: dict[str, int]) -> dict[str, bool]:
    """``per_link[link]`` scenarios of each link in place, the rest not."""
    out = {}
    for link in {s.link for s in pack.scenarios}:
        in_link = [s.id for s in pack.scenarios if s.link == link]
        for i, sid in enumerate(in_link):
            out[sid] = i < per_link.get(link, 0)
    return out


def spread(pack, total: int, links: Iterable[str] = THREE_LINKS) -> dict[str, int]:
    """``total`` scenarios spread over ``links`` as evenly as they hold them."""
    links = list(links)
    room = {lk: sum(1 for s in pack.scenarios if s.link == lk) for lk in links}
    per = dict.fromkeys(links, 0)
    while sum(per.values()) < total:
        for lk in links:
            if per[lk] < room[lk] and sum(per.values()) < total:
                per[lk] += 1
    return per


def make(pack, level: int, *, scenarios: dict[str, int] | None = None, ai: bool | None = True, **conds) -> Scores:
    conditions: dict[str, bool | None] = dict.fromkeys(BASIC, True)
    conditions["cond.ai-application"] = ai
    conditions.update({f"cond.{k.replace('_', '-')}": v for k, v in conds.items()})
    sd = {"production-operations": SubDomainScore("production-operations", float(level), level, {}, 1.0, 10, 10)}
    return Scores(
        pack_id=pack.id,
        pack_version=pack.version,
        industry="automotive",
        path="discrete",
        s=float(level) + 0.1,
        level=level,
        level_scores={},
        subdomains=sd,
        missing=(),
        answered=10,
        total=10,
        indicator_values={"kpi.design-tools": 96.0, "kpi.cnc-rate": 80.0},
        conditions=conditions,
        scenarios=scenarios_in(
            pack, scenarios if scenarios is not None else spread(pack, 40, [s.link for s in pack.scenarios])
        ),
    )


def failed(decision, tier: str) -> list[str]:
    return [c.rule.kind for c in decision.checks[tier] if not c.passed]


def test_the_pack_ladder_is_cumulative_by_rule(pack):
    ladder = sorted(pack.national_tiers, key=lambda t: t.rank)
    assert [t.id for t in ladder] == ["basic", "advanced", "excellent", "leading"]
    for lower, upper in pairwise(ladder):
        assert any(r.kind == "prior_tier" and r.params["tier"] == lower.id for r in upper.rules), upper.id
    for t in ladder:  # the basic conditions on every tier, and every tier cites its document
        assert any(r.kind == "conditions" and not r.params.get("ids") for r in t.rules), t.id
        assert "2025" in t.source.zh and t.source.en


def test_a_plant_that_misses_advanced_is_not_excellent_or_leading(pack):
    """L4, AI in use, every condition met, but 14 scenarios: 先进级 fails, so nothing above it."""
    d = national_tier(pack, make(pack, 4, scenarios=spread(pack, 14)))
    assert d.tier == "basic"
    assert failed(d, "advanced") == ["scenarios"]
    assert failed(d, "excellent") == ["prior_tier"]
    assert failed(d, "leading") == ["prior_tier"]
    why = check_text(pack, next(c for c in d.checks["excellent"] if not c.passed), "zh")
    assert "先进级" in why and "逐级" in why
    assert d.next_tier == "advanced" and [c.rule.kind for c in d.blocking] == ["scenarios"]


def test_advanced_needs_15_scenarios_edge(pack):
    assert national_tier(pack, make(pack, 2, scenarios=spread(pack, 15))).tier == "advanced"
    assert national_tier(pack, make(pack, 2, scenarios=spread(pack, 14))).tier == "basic"


def test_the_15_scenarios_may_come_from_any_link(pack):
    per = {lk: 1 for lk in THREE_LINKS} | spread(
        pack, 12, ["factory-build", "product-rnd", "supply-chain", "product-service"]
    )
    assert sum(per.values()) == 15
    assert national_tier(pack, make(pack, 2, scenarios=per)).tier == "advanced"


@pytest.mark.parametrize("missing", THREE_LINKS)
def test_advanced_needs_each_of_the_three_links(pack, missing):
    links = [lk for lk in THREE_LINKS if lk != missing] + ["supply-chain", "factory-build"]
    per = spread(pack, 20, links)
    d = national_tier(pack, make(pack, 3, scenarios=per))
    assert d.tier == "basic" if missing != "production-operations" else d.tier == "none"
    assert "links_covered" in failed(d, "advanced")
    link_name = next(lk.name.zh for lk in pack.links if lk.id == missing)
    blocked = next(c for c in d.checks["advanced"] if c.rule.kind == "links_covered")
    assert link_name in check_text(pack, blocked, "zh")


def test_basic_needs_level_2_and_the_production_operations_link(pack):
    one = {"production-operations": 1}
    assert national_tier(pack, make(pack, 2, scenarios=one)).tier == "basic"
    assert national_tier(pack, make(pack, 1, scenarios=one)).tier == "none"
    assert national_tier(pack, make(pack, 2, scenarios={"production-management": 5})).tier == "none"


@pytest.mark.parametrize("cond", BASIC)
@pytest.mark.parametrize("level", [2, 4])
def test_every_tier_checks_every_basic_condition(pack, cond, level):
    s = make(pack, level, **{cond.removeprefix("cond.").replace("-", "_"): False})
    d = national_tier(pack, s)
    assert d.tier == "none"
    for tier in ("basic", "advanced", "excellent", "leading"):
        conds = next(c for c in d.checks[tier] if c.rule.kind == "conditions" and not c.rule.params.get("ids"))
        assert not conds.passed and cond in conds.actual, tier
    assert shanghai_tier(pack, s).tier == "none"


def test_an_unanswered_condition_is_undecided_not_failed(pack):
    d = national_tier(pack, make(pack, 3, finance=None))
    conds = next(c for c in d.checks["basic"] if c.rule.kind == "conditions")
    assert not conds.passed and conds.unknown
    prior = next(c for c in d.checks["advanced"] if c.rule.kind == "prior_tier")
    assert prior.unknown and "尚未能判定" in check_text(pack, prior, "zh")


def test_excellent_needs_level_3_and_ai_in_use(pack):
    assert national_tier(pack, make(pack, 3)).tier == "excellent"
    assert national_tier(pack, make(pack, 2)).tier == "advanced"
    d = national_tier(pack, make(pack, 3, ai=False))
    assert d.tier == "advanced" and failed(d, "excellent") == ["conditions"]
    ai = next(c for c in d.checks["excellent"] if not c.passed)
    assert "人工智能" in check_text(pack, ai, "zh") and "基本条件" not in check_text(pack, ai, "zh")
    # AI is not a basic condition: a plant without it still reaches basic and advanced
    assert "cond.ai-application" not in (next(c for c in d.checks["basic"] if c.rule.kind == "conditions").actual or ())


def test_leading_is_excellent_plus_level_4_and_level_4_is_a_product_default(pack):
    assert national_tier(pack, make(pack, 4)).tier == "leading"
    assert national_tier(pack, make(pack, 3)).tier == "excellent"
    d = national_tier(pack, make(pack, 4, ai=False))
    assert d.tier == "advanced"  # L4 alone does not make a leading factory
    leading = next(t for t in pack.national_tiers if t.id == "leading")
    level_rule = next(r for r in leading.rules if r.kind == "min_level")
    assert level_rule.basis == "D" and "非官方" in level_rule.note.zh
    assert check_text(pack, next(c for c in d.checks["leading"] if c.rule.kind == "min_level"), "zh").endswith(
        "（产品默认规则）"
    )


def test_shanghai_benchmark_needs_demonstration_first(pack):
    assert shanghai_tier(pack, make(pack, 4)).tier == "benchmark"
    assert shanghai_tier(pack, make(pack, 3)).tier == "demonstration"
    d = shanghai_tier(pack, make(pack, 2))
    assert d.tier == "none" and failed(d, "benchmark") == ["prior_tier", "min_level"]
