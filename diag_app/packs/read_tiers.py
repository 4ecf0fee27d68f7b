"""tiers.yaml: the Shanghai tiers and the national ladder, each tier a list of rules; and the
national distribution of CMMM levels shown beside the result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model.questionnaire import Indicator, SubDomain, Text, Tier, TierRule
from .reader import Reader, known

FILE = "tiers.yaml"
RULE_KINDS = ("min_level", "conditions", "indicator", "scenarios", "subdomain_level")


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
    for ladder in ("shanghai", "national"):
        tiers = []
        for t in r.items(FILE, doc, ladder):
            tid = r.ident(FILE, str(t.get("id")), "id", t.get("id"))
            rules = []
            for j, rule in enumerate(t.get("rules") or []):
                where = f"{tid} rule #{j + 1}"
                kind = rule.get("kind")
                if kind not in RULE_KINDS:
                    r.problem(FILE, where, "kind", "pack.problem.unknown_rule_kind", value=kind)
                    continue
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
            rank = t.get("rank")
            tiers.append(
                Tier(
                    tid,
                    r.text(FILE, tid, "name", t.get("name")),
                    tuple(rules),
                    int(r.num(FILE, tid, "rank", rank, 1, 100)),
                )
            )
        ranks = [t.rank for t in tiers]
        if len(set(ranks)) != len(ranks):
            r.problem(FILE, ladder, "rank", "pack.problem.ranks_differ")
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
    if kind == "scenarios":
        if not isinstance(p.get("min"), int) or p["min"] < 1:
            r.problem(FILE, where, "min", "pack.problem.positive_int")
        for lk in p.get("links") or []:
            if not known(lk, links):
                r.problem(FILE, where, "links", "pack.problem.unknown_link", value=lk)
