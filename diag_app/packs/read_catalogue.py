"""catalog.yaml (optional): the equipment-renewal catalogue, what triggers each item and what it brings."""

from __future__ import annotations

from collections.abc import Collection

from ..model.questionnaire import CatalogItem, Category, Effect, Indicator, Industry, Measure, SubDomain, Trigger
from .reader import Reader

FILE = "catalog.yaml"
TRIGGER_KINDS = ("subdomain_below", "indicator_worse", "scenario_missing")

# The message key for an unknown trigger target, by trigger kind.
_UNKNOWN_TARGET = {
    "subdomain_below": "pack.problem.unknown_subdomain",
    "indicator_worse": "pack.problem.unknown_indicator",
    "scenario_missing": "pack.problem.unknown_scenario",
}


def read_catalogue(
    r: Reader,
    sds: dict[str, SubDomain],
    inds: dict[str, Indicator],
    scenarios: set[str],
    industries: dict[str, Industry],
    measures: dict[str, Measure],
) -> tuple[tuple[Category, ...], tuple[CatalogItem, ...]]:
    doc = r.load(FILE, required=False)
    if doc is None:
        return (), ()
    f = FILE
    cats = []
    for it in r.items(f, doc, "categories"):
        cid = r.ident(f, str(it.get("id")), "id", it.get("id"))
        cats.append(Category(cid, r.text(f, cid, "name", it.get("name"))))
    cat_ids = {c.id for c in cats}
    items: list[CatalogItem] = []
    seen: set[str] = set()
    for it in r.items(f, doc, "items"):
        iid = r.ident(f, str(it.get("id")), "id", it.get("id"))
        if iid in seen:
            r.problem(f, iid, "id", "pack.problem.duplicate_catalog_item")
        seen.add(iid)
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
        if not triggers:
            r.problem(f, iid, "triggers", "pack.problem.no_triggers")
        eff = it.get("effect") or {}
        sdl = {}
        for sid, lvl in (eff.get("subdomain_levels") or {}).items():
            if sid not in sds:
                r.problem(f, iid, "effect.subdomain_levels", "pack.problem.unknown_subdomain", value=sid)
            elif lvl not in (1, 2, 3, 4, 5):
                r.problem(f, iid, f"effect.subdomain_levels.{sid}", "pack.problem.level")
            else:
                sdl[sid] = int(lvl)
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
                Effect(sdl, eind, escn),
                low,
                high,
                frozenset(inds_for) if inds_for is not None else None,
                ms,
            )
        )
    return tuple(cats), tuple(items)
