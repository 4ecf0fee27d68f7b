"""indicators.yaml: the measured indicators, their ranges and reference targets."""

from __future__ import annotations

from typing import Literal, cast

from ..model.questionnaire import Indicator, SubDomain, Target
from .reader import Reader, known

FILE = "indicators.yaml"


def read_indicators(r: Reader, subdomains: dict[str, SubDomain]) -> list[Indicator]:
    indicators = []
    doc = r.load(FILE)
    for it in r.items(FILE, doc, "indicators"):
        iid = r.ident(FILE, str(it.get("id")), "id", it.get("id"))
        r.unique(FILE, iid)
        lo = r.num(FILE, iid, "min", it.get("min"))
        hi = r.num(FILE, iid, "max", it.get("max"))
        if lo >= hi:
            r.problem(FILE, iid, "max", "pack.problem.max_not_above_min")
        better = it.get("better")
        if better not in ("higher", "lower"):
            r.problem(FILE, iid, "better", "pack.problem.better")
            better = "higher"
        targets: list[Target] = []
        for t in it.get("targets") or []:
            tid = r.ident(FILE, iid, "targets.id", t.get("id"))
            if any(x.id == tid for x in targets):
                r.problem(FILE, iid, "targets.id", "pack.problem.duplicate_target", value=tid)
            targets.append(
                Target(
                    tid,
                    r.text(FILE, iid, f"targets.{tid}.label", t.get("label")),
                    r.num(FILE, iid, f"targets.{tid}.value", t.get("value"), lo, hi),
                    r.basis(FILE, f"{iid}.{tid}", t.get("basis"), "D"),
                )
            )
        sds = tuple(it.get("subdomains") or ())
        for s in sds:
            if not known(s, subdomains):
                r.problem(FILE, iid, "subdomains", "pack.problem.unknown_subdomain", value=s)
        unit = it.get("unit")
        if not isinstance(unit, str):
            r.problem(FILE, iid, "unit", "pack.problem.not_text")
            unit = ""
        indicators.append(
            Indicator(
                iid,
                r.text(FILE, iid, "name", it.get("name")),
                unit,
                lo,
                hi,
                cast(Literal["higher", "lower"], better),  # one of the two: checked above
                r.text(FILE, iid, "help", it.get("help"), required=False),
                tuple(targets),
                sds,
                r.text(FILE, iid, "used_by", it.get("used_by")),
                r.paths(FILE, iid, it.get("paths")),
                bool(it.get("optional", False)),
            )
        )
    return indicators
