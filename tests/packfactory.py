"""Small packs built in code, for tests that need exact control over weights and items."""

from __future__ import annotations

from dataclasses import replace

from diag_app.model.assessment import Answer, Assessment, Enterprise, make_credit_code
from diag_app.model.questionnaire import (
    Band,
    CatalogItem,
    Condition,
    Domain,
    Effect,
    Element,
    Indicator,
    Industry,
    Pack,
    Rating,
    Requirement,
    ScoringRules,
    SubDomain,
    Target,
    Text,
    Tier,
    TierRule,
    Trigger,
)

T = Text("文", "text")
RATINGS = (
    Rating(1.0, T, "1"),
    Rating(0.8, T, "0.8"),
    Rating(0.5, T, "0.5"),
    Rating(0.0, T, "0"),
    Rating(None, T, "na"),
)
BANDS = (Band(0.8, 1.8, 1), Band(1.8, 2.8, 2), Band(2.8, 3.8, 3), Band(3.8, 4.8, 4), Band(4.8, 5, 5))
CODE = make_credit_code("91310000MA1FL0000")


def make_pack(
    subdomains: int = 3,
    per_level: int = 2,
    sd_weights: list[float] | None = None,
    catalog: tuple[CatalogItem, ...] = (),
    weights_req: dict[str, float] | None = None,
) -> Pack:
    sds = [f"sd{i}" for i in range(subdomains)]
    w = sd_weights or [1 / subdomains] * subdomains
    reqs = tuple(
        Requirement(f"{sd}.{lvl}.{n}", sd, lvl, T, weight=(weights_req or {}).get(f"{sd}.{lvl}.{n}", 1.0))
        for sd in sds
        for lvl in range(1, 6)
        for n in range(per_level)
    )
    return Pack(
        id="mini",
        version="1",
        name=T,
        elements=(Element("el", T, ("dom",)),),
        domains={"dom": Domain("dom", T, "el", tuple(sds))},
        subdomains={sd: SubDomain(sd, T, "dom", "el") for sd in sds},
        requirements=reqs,
        indicators=(Indicator("kpi.cnc", T, "%", 0, 100, "higher", targets=(Target("sh", T, 77, "S"),)),),
        conditions=(Condition("cond.a", T),),
        links=(),
        scenarios=(),
        industries={"ind": Industry("ind", T, "discrete")},
        paths={"discrete": T, "process": T},
        weights={"discrete": dict(zip(sds, w, strict=True)), "process": dict(zip(sds, w, strict=True))},
        scoring=ScoringRules(RATINGS, 0.8, BANDS, "met-plus-next"),
        tiers=(
            Tier(
                "benchmark",
                T,
                (
                    TierRule("min_level", {"level": 4}, "D"),
                    TierRule("conditions", {}, "P"),
                    TierRule("indicator", {"indicator": "kpi.cnc", "target": "sh"}, "D"),
                ),
                2,
            ),
            Tier("demonstration", T, (TierRule("min_level", {"level": 3}, "D"), TierRule("conditions", {}, "P")), 1),
        ),
        national_tiers=(Tier("excellent", T, (TierRule("min_level", {"level": 3}, "P"),), 1),),
        catalog=catalog,
    )


def item(
    iid: str,
    cost: float,
    levels: dict[str, int] | None = None,
    indicators: dict[str, float] | None = None,
    reqs: dict[str, float] | None = None,
    per_level: int = 2,
    **extra: object,
) -> CatalogItem:
    """A catalogue item: ``levels`` {sd: L} fully meets every requirement of sd up to level L (as
    make_pack names them), ``reqs`` raises single requirements; ``extra`` sets any other field
    (requires, provides, excluded_by, paths, industries, measures...)."""
    effect = {
        f"{sd}.{lvl}.{n}": 1.0
        for sd, top in (levels or {}).items()
        for lvl in range(1, top + 1)
        for n in range(per_level)
    }
    effect.update(reqs or {})
    return (
        CatalogItem(
            iid,
            "robot",
            T,
            T,
            (Trigger("subdomain_below", "sd0", 5),),
            Effect(effect, indicators or {}, ()),
            cost,
            cost,
            None,
            (),
        )
        if not extra
        else replace(item(iid, cost, levels, indicators, reqs, per_level), **extra)
    )  # type: ignore[arg-type]


def assess(pack: Pack, values: dict[str, object], **extra: object) -> Assessment:
    answers = {k: Answer(k, v) for k, v in values.items()}
    for k, v in extra.items():
        answers[k] = Answer(k, v)
    return Assessment(pack.id, pack.version, Enterprise("测试企业", CODE, "ind"), answers=answers)


def all_values(pack: Pack, value: object, upto: int = 5) -> dict[str, object]:
    return {r.id: (value if r.level <= upto else 0.0) for r in pack.requirements}
