"""tiers.yaml: the Shanghai tiers and the national ladder, each tier a list of rules; and the
national distribution of CMMM levels shown beside the result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model.questionnaire import Indicator, SubDomain, Text, Tier, TierRule
from .reader import Reader, known

FILE = "tiers.yaml"
RULE_KINDS = ("min_level", "conditions", "indicator", "scenarios", "subdomain_level", "prior_tier", "links_covered")


@dataclass(frozen=True)
class Tiers:
    shanghai: tuple[Tier, ...]
    national: tuple[Tier, ...]
    distribution: tuple[tuple[str, float], ...]
    distribution_source: Text


def read_tiers(
    r: Reader,
    indicators: list[Indicator],
    condition_ids: set[str],
    subdomains: dict[str, SubDomain],
    link_ids: set[str],
) -> Tiers:
    doc = r.load(FILE) or {}
    ind_by_id = {i.id: i for i in indicators}
    ladders = {}
    seen: dict[str, str] = {}  # tier id -> its ladder: ids are unique across both ladders
    for ladder in ("shanghai", "national"):
        tiers = []
        for t in r.items(FILE, doc, ladder):
            tid = r.ident(FILE, str(t.get("id")), "id", t.get("id"))
            if tid in seen:
                r.problem(FILE, tid, "id", "pack.problem.duplicate_tier", other=seen[tid])
            seen[tid] = ladder
            rules = []
            for j, rule in enumerate(t.get("rules") or []):
                where = f"{tid} rule #{j + 1}"
                kind = rule.get("kind")
                if kind not in RULE_KINDS:
                    r.problem(FILE, where, "kind", "pack.problem.unknown_rule_kind", value=kind)
                    continue
                if r.format >= 2 and rule.get("basis") is None:
                    r.problem(FILE, where, "basis", "pack.problem.basis_missing")
                params = {k: v for k, v in rule.items() if k not in ("kind", "basis", "note")}
                _check_rule(r, where, kind, params, ind_by_id, condition_ids, subdomains, link_ids)
                rules.append(
                    TierRule(
                        kind,
                        params,
                        r.basis(FILE, where, rule.get("basis"), "D"),
                        r.text(FILE, where, "note", rule.get("note"), required=False),
                    )
                )
            if not rules:
                r.problem(FILE, tid, "rules", "pack.problem.tier_no_rules")
            rank = t.get("rank")
            tiers.append(
                Tier(
                    tid,
                    r.text(FILE, tid, "name", t.get("name")),
                    tuple(rules),
                    int(r.num(FILE, tid, "rank", rank, 1, 100)),
                    r.text(FILE, tid, "source", t.get("source"), required=r.format >= 2),
                    r.text(FILE, tid, "note", t.get("note"), required=False),
                )
            )
        ranks = [t.rank for t in tiers]
        if len(set(ranks)) != len(ranks):
            r.problem(FILE, ladder, "rank", "pack.problem.ranks_differ")
        _check_priors(r, ladder, tiers)
        ladders[ladder] = tuple(tiers)
    distribution = tuple((str(k), float(v)) for k, v in (doc.get("distribution") or {}).items())
    dist_source = r.text(FILE, "", "distribution_source", doc.get("distribution_source"), required=False)
    if distribution and abs(sum(v for _, v in distribution) - 100) > 0.5:
        r.problem(FILE, "", "distribution", "pack.problem.distribution_sum")
    return Tiers(ladders["shanghai"], ladders["national"], distribution, dist_source)


def _check_rule(
    r: Reader,
    where: str,
    kind: str,
    p: dict[str, Any],
    inds: dict[str, Indicator],
    conds: set[str],
    sds: dict[str, SubDomain],
    links: set[str],
) -> None:
    if kind in ("min_level", "subdomain_level") and p.get("level") not in (1, 2, 3, 4, 5):
        r.problem(FILE, where, "level", "pack.problem.level")
    if kind == "subdomain_level" and not known(p.get("subdomain"), sds):
        r.problem(FILE, where, "subdomain", "pack.problem.unknown_subdomain", value=p.get("subdomain"))
    if kind == "conditions":
        for c in p.get("ids") or []:
            if not known(c, conds):
                r.problem(FILE, where, "ids", "pack.problem.unknown_condition", value=c)
    if kind == "indicator":
        ind = inds.get(p.get("indicator"))  # type: ignore[arg-type]
        if ind is None:
            r.problem(FILE, where, "indicator", "pack.problem.unknown_indicator", value=p.get("indicator"))
        elif "target" in p and ind.target(str(p["target"])) is None:
            r.problem(FILE, where, "target", "pack.problem.no_target", indicator=ind.id, value=p["target"])
        elif "target" not in p and not isinstance(p.get("value"), int | float):
            r.problem(FILE, where, "value", "pack.problem.rule_needs_value")
    if kind in ("scenarios", "links_covered"):
        default = 1 if kind == "links_covered" else None
        n = p.get("min", default)
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            r.problem(FILE, where, "min", "pack.problem.positive_int")
        listed = p.get("links")
        if kind == "links_covered" and (not isinstance(listed, list) or not listed):
            r.problem(FILE, where, "links", "pack.problem.links_needed")
        for lk in listed if isinstance(listed, list) else []:
            if not known(lk, links):
                r.problem(FILE, where, "links", "pack.problem.unknown_link", value=lk)
    if kind == "prior_tier" and not isinstance(p.get("tier"), str):
        r.problem(FILE, where, "tier", "pack.problem.ident", value=p.get("tier"))


def _check_priors(r: Reader, ladder: str, tiers: list[Tier]) -> None:
    """A ``prior_tier`` rule names a lower tier of the same ladder. In a format-2 pack every tier
    above the lowest names the tier directly below it, so the ladder is cumulative by rule."""
    by_id = {t.id: t for t in tiers}
    ordered = sorted(tiers, key=lambda t: t.rank)
    if not ordered:
        return
    below: list[Tier | None] = [None, *ordered[:-1]]
    for lower, t in zip(below, ordered, strict=True):
        priors = [(j, rule) for j, rule in enumerate(t.rules) if rule.kind == "prior_tier"]
        for j, rule in priors:
            named = by_id.get(str(rule.params.get("tier")))
            if named is None or named.rank >= t.rank:
                r.problem(
                    FILE, f"{t.id} rule #{j + 1}", "tier", "pack.problem.prior_tier", value=rule.params.get("tier")
                )
        if r.format >= 2 and lower is not None and not any(rule.params.get("tier") == lower.id for _, rule in priors):
            r.problem(FILE, t.id, "rules", "pack.problem.not_cumulative", ladder=ladder, lower=lower.id)
