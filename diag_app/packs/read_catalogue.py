"""catalog.yaml (optional): the equipment-renewal catalogue, what triggers each item and what it brings.

An item's effect names requirement ids with the rating it brings each up to (pack 2.0.0); the 1.0.0
form ``effect.subdomain_levels`` (every requirement of a sub-domain up to a level fully met) is
read too, expanded to the requirement ids it stands for. ``requires`` names profile items (a system
in place) or requirements (met); ``provides`` and ``excluded_by`` name profile items.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from ..model.questionnaire import (
    CatalogItem,
    Category,
    Effect,
    Indicator,
    Industry,
    Measure,
    ProfileItem,
    Requirement,
    Saturation,
    SubDomain,
    Trigger,
)
from .reader import Reader, known

FILE = "catalog.yaml"
TRIGGER_KINDS = ("subdomain_below", "indicator_worse", "scenario_missing")

# The message key for an unknown trigger target, by trigger kind.
_UNKNOWN_TARGET = {
    "subdomain_below": "pack.problem.unknown_subdomain",
    "indicator_worse": "pack.problem.unknown_indicator",
    "scenario_missing": "pack.problem.unknown_scenario",
}


_FIELDS = {
    "id", "category", "name", "description", "triggers", "effect", "investment_cny", "industries", "paths",
    "measures", "requires", "provides", "excluded_by", "needs_subdomains", "needs_applicable", "saturated_by",
    "months",
}  # fmt: skip


def read_catalogue(
    r: Reader,
    sds: dict[str, SubDomain],
    inds: dict[str, Indicator],
    scenarios: set[str],
    industries: dict[str, Industry],
    measures: dict[str, Measure],
    requirements: tuple[Requirement, ...] | list[Requirement] = (),
    profile: tuple[ProfileItem, ...] = (),
    ratings: tuple[float, ...] = (0.5, 0.8, 1.0),
) -> tuple[tuple[Category, ...], tuple[CatalogItem, ...]]:
    doc = r.load(FILE, required=False)
    if doc is None:
        return (), ()
    f = FILE
    cats: list[Category] = []
    for it in r.items(f, doc, "categories"):
        cid = r.ident(f, str(it.get("id")), "id", it.get("id"))
        if any(c.id == cid for c in cats):
            r.problem(f, cid, "id", "pack.problem.duplicate_category")
        cats.append(Category(cid, r.text(f, cid, "name", it.get("name"))))
    cat_ids = {c.id for c in cats}
    items: list[CatalogItem] = []
    seen: set[str] = set()
    for it in r.items(f, doc, "items"):
        iid = r.ident(f, str(it.get("id")), "id", it.get("id"))
        if iid in seen:
            r.problem(f, iid, "id", "pack.problem.duplicate_catalog_item")
        seen.add(iid)
        unknown = set(it) - _FIELDS
        if unknown:
            r.problem(f, iid, ", ".join(sorted(map(str, unknown))), "pack.problem.unknown_fields")
        if it.get("category") not in cat_ids:
            r.problem(f, iid, "category", "pack.problem.unknown_category", value=it.get("category"))
        triggers = []
        for j, t in enumerate(it.get("triggers") or []):
            kind = t.get("kind")
            tgt = t.get("target")
            if kind not in TRIGGER_KINDS:
                r.problem(f, iid, f"triggers #{j + 1}.kind", "pack.problem.unknown_trigger_kind", value=kind)
                continue
            known_ids: dict[str, Collection[str]] = {
                "subdomain_below": sds,
                "indicator_worse": inds,
                "scenario_missing": scenarios,
            }
            known = known_ids[kind]
            if tgt not in known:
                r.problem(f, iid, f"triggers #{j + 1}.target", _UNKNOWN_TARGET[kind], value=tgt)
                continue
            ref = str(t.get("target_ref") or "")
            if kind == "indicator_worse":
                if ref and inds[tgt].target(ref) is None:
                    r.problem(
                        f, iid, f"triggers #{j + 1}.target_ref", "pack.problem.no_target", indicator=tgt, value=ref
                    )
                if not ref and not isinstance(t.get("value"), int | float):
                    r.problem(f, iid, f"triggers #{j + 1}", "pack.problem.trigger_needs_value")
            value = t.get("value", 0)
            triggers.append(Trigger(kind, tgt, float(value) if isinstance(value, int | float) else 0.0, ref))
        if not triggers and it.get("triggers") is not None:
            r.problem(f, iid, "triggers", "pack.problem.no_triggers")
        eff = it.get("effect") or {}
        ereq = _effect_requirements(r, f, iid, eff, sds, requirements, ratings)
        eind = {}
        for k, v in (eff.get("indicators") or {}).items():
            if k not in inds:
                r.problem(f, iid, "effect.indicators", "pack.problem.unknown_indicator", value=k)
            else:
                eind[k] = r.num(f, iid, f"effect.indicators.{k}", v, inds[k].min, inds[k].max)
        escn = tuple(eff.get("scenarios") or ())
        for s in escn:
            if s not in scenarios:
                r.problem(f, iid, "effect.scenarios", "pack.problem.unknown_scenario", value=s)
        inv = it.get("investment_cny") or {}
        low = r.num(f, iid, "investment_cny.low", inv.get("low"), 0)
        high = r.num(f, iid, "investment_cny.high", inv.get("high"), 0)
        if high < low:
            r.problem(f, iid, "investment_cny.high", "pack.problem.high_below_low")
        inds_for = it.get("industries")
        if inds_for is not None:
            for x in inds_for:
                if x not in industries:
                    r.problem(f, iid, "industries", "pack.problem.unknown_industry", value=x)
        req_ids = {q.id for q in requirements}
        prof_ids = {p.id for p in profile}
        requires = _ids(
            r, f, iid, "requires", it.get("requires"), req_ids | prof_ids, "pack.problem.unknown_precondition"
        )
        provides = _ids(r, f, iid, "provides", it.get("provides"), prof_ids, "pack.problem.unknown_profile")
        excluded = _ids(r, f, iid, "excluded_by", it.get("excluded_by"), prof_ids, "pack.problem.unknown_profile")
        bool_prof = {p.id for p in profile if p.answer == "bool"}
        for x in excluded:
            if x not in bool_prof:
                r.problem(f, iid, "excluded_by", "pack.problem.profile_not_bool", value=x)
        needs_sd = _ids(
            r, f, iid, "needs_subdomains", it.get("needs_subdomains"), set(sds), "pack.problem.unknown_subdomain"
        )
        needs_app = _ids(
            r, f, iid, "needs_applicable", it.get("needs_applicable"), req_ids, "pack.problem.unknown_requirement"
        )
        na_ok = {q.id for q in requirements if q.na_allowed}
        for x in needs_app:  # only a requirement that may be declared 不适用 can rule an item out
            if x in req_ids and x not in na_ok:
                r.problem(f, iid, "needs_applicable", "pack.problem.needs_na_allowed", value=x)
        saturated = _saturation(r, f, iid, it.get("saturated_by"), inds)
        ms = tuple(it.get("measures") or ())
        for m in ms:
            if m not in measures:
                r.problem(f, iid, "measures", "pack.problem.unknown_measure", value=m)
        items.append(
            CatalogItem(
                iid,
                str(it.get("category")),
                r.text(f, iid, "name", it.get("name")),
                r.text(f, iid, "description", it.get("description")),
                tuple(triggers),
                Effect(ereq, eind, escn),
                low,
                high,
                frozenset(inds_for) if inds_for is not None else None,
                ms,
                r.paths(f, iid, it.get("paths")) if it.get("paths") is not None else None,
                requires,
                provides,
                excluded,
                needs_sd,
                saturated,
                int(r.num(f, iid, "months", it.get("months", 0), 0, 120)),
                needs_applicable=needs_app,
            )
        )
    return tuple(cats), tuple(items)


def _effect_requirements(
    r: Reader,
    f: str,
    iid: str,
    eff: dict[str, Any],
    sds: dict[str, SubDomain],
    requirements: tuple[Requirement, ...] | list[Requirement],
    ratings: tuple[float, ...],
) -> dict[str, float]:
    """Requirement id -> the rating the item brings it up to, from either form of the effect."""
    by_id = {q.id: q for q in requirements}
    out: dict[str, float] = {}
    raw = eff.get("requirements")
    if raw is not None and not isinstance(raw, dict):
        r.problem(f, iid, "effect.requirements", "pack.problem.not_mapping")
        raw = None
    for rid, v in (raw or {}).items():
        if rid not in by_id:
            r.problem(f, iid, "effect.requirements", "pack.problem.unknown_requirement", value=rid)
        elif isinstance(v, bool) or not isinstance(v, int | float) or not any(abs(v - x) < 1e-9 for x in ratings):
            allowed = ", ".join(f"{x:g}" for x in ratings)
            r.problem(f, iid, f"effect.requirements.{rid}", "pack.problem.effect_rating", value=v, allowed=allowed)
        else:
            out[str(rid)] = float(v)
    for sid, lvl in (eff.get("subdomain_levels") or {}).items():  # the pack 1.0.0 form
        if sid not in sds:
            r.problem(f, iid, "effect.subdomain_levels", "pack.problem.unknown_subdomain", value=sid)
        elif lvl not in (1, 2, 3, 4, 5):
            r.problem(f, iid, f"effect.subdomain_levels.{sid}", "pack.problem.level")
        else:
            for q in requirements:
                if q.subdomain == sid and q.level <= lvl:
                    out[q.id] = 1.0
    if not out and requirements:
        r.problem(f, iid, "effect", "pack.problem.no_effect")
    return out


def _ids(r: Reader, f: str, item: str, fld: str, raw: Any, ids: Collection[str], key: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        r.problem(f, item, fld, "pack.problem.not_list")
        return ()
    out = []
    for x in raw:
        if not known(x, ids):
            r.problem(f, item, fld, key, value=x)
        else:
            out.append(str(x))
    return tuple(out)


def _saturation(r: Reader, f: str, iid: str, raw: Any, inds: dict[str, Indicator]) -> tuple[Saturation, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        r.problem(f, iid, "saturated_by", "pack.problem.not_list")
        return ()
    out = []
    for j, s in enumerate(raw):
        where = f"saturated_by #{j + 1}"
        if not isinstance(s, dict) or not known(s.get("indicator"), inds):
            r.problem(
                f, iid, where, "pack.problem.unknown_indicator", value=s.get("indicator") if isinstance(s, dict) else s
            )
            continue
        ind = inds[s["indicator"]]
        ref = str(s.get("target_ref") or "")
        if ref:
            tgt = ind.target(ref)
            if tgt is None:
                r.problem(f, iid, f"{where}.target_ref", "pack.problem.no_target", indicator=ind.id, value=ref)
                continue
            value = tgt.value
        else:
            value = r.num(f, iid, f"{where}.value", s.get("value"), ind.min, ind.max)
        out.append(Saturation(ind.id, value, ref))
    return tuple(out)
