"""Reads a questionnaire pack folder into model objects, validating every file.

All problems are collected, not just the first, and each names the file, the item id and the
field, so whoever edits the YAML can fix a whole batch in one pass.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Collection
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal, cast

import yaml

from ..i18n import tr
from ..model.questionnaire import (
    LANGS,
    PATHS,
    Band,
    CatalogItem,
    Category,
    Condition,
    Domain,
    Effect,
    Element,
    Indicator,
    Industry,
    Link,
    Measure,
    Pack,
    Rating,
    Requirement,
    Scenario,
    ScoringRules,
    SubDomain,
    Target,
    Text,
    Tier,
    TierRule,
    Trigger,
)

# libyaml's C parser when present: loading the pack is on the start-up path of every command.
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

BASES = ("S", "P", "D")
RULE_KINDS = ("min_level", "conditions", "indicator", "scenarios", "subdomain_level")
TRIGGER_KINDS = ("subdomain_below", "indicator_worse", "scenario_missing")
MEASURE_BASES = ("interest", "contract", "investment")
WEIGHT_TOLERANCE = 1e-6


# The message key for an unknown trigger target, by trigger kind.
_UNKNOWN_TARGET = {
    "subdomain_below": "pack.problem.unknown_subdomain",
    "indicator_worse": "pack.problem.unknown_indicator",
    "scenario_missing": "pack.problem.unknown_scenario",
}


@dataclass(frozen=True)
class PackProblem:
    """One thing wrong in a pack: where (file, item id, field, shown verbatim in every language),
    what (a message key in ``diag_app/messages/pack.py``) and the values that make it specific.

    Structured rather than a finished sentence so each reader gets it in their own language
    (``describe.pack_problem_text``); ``str()`` stays English for logs and exceptions."""

    file: str
    item: str
    field: str
    key: str
    # Not hashed: a dict cannot be, and file, item, field and key already tell problems apart.
    params: dict[str, Any] = dataclasses.field(default_factory=dict, hash=False)

    @property
    def where(self) -> str:
        return self.file + (f" [{self.item}]" if self.item else "") + (f" {self.field}" if self.field else "")

    @property
    def message(self) -> str:
        """The English message, as before messages were keyed."""
        return tr(self.key, "en", **self.params)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class PackError(Exception):
    """A pack folder cannot be used; ``problems`` lists every reason."""

    def __init__(self, problems: list[PackProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _Reader:
    """Collects problems while turning raw YAML values into typed ones."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[PackProblem] = []
        self.current = ""  # the file being read, for shape errors

    def problem(self, file: str, item: str, fld: str, key: str, **params: Any) -> None:
        self.problems.append(PackProblem(file, item, fld, key, params))

    def load(self, rel: str, required: bool = True) -> Any:
        path = self.root / rel
        self.current = rel
        if not path.is_file():
            if required:
                self.problem(rel, "", "", "pack.problem.file_missing")
            return None
        try:
            with path.open(encoding="utf-8") as f:
                doc = yaml.load(f, Loader=_YamlLoader)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            where = f"line {mark.line + 1}" if mark else ""
            self.problem(rel, "", where, "pack.problem.yaml", detail=str(getattr(e, "problem", e)))
            return None
        except UnicodeDecodeError:
            self.problem(rel, "", "", "pack.problem.not_utf8")
            return None
        if doc is not None and not isinstance(doc, dict):  # every pack file is "key: value" at the top
            self.problem(rel, "", "", "pack.problem.top_not_mapping", kind=_kind(doc))
            return None
        return doc

    def text(self, file: str, item: str, fld: str, raw: Any, required: bool = True) -> Text:
        if raw is None and not required:
            return Text("", "")
        if not isinstance(raw, dict):
            self.problem(file, item, fld, "pack.problem.text_not_mapping")
            return Text("", "")
        vals = {}
        for lang in LANGS:
            v = raw.get(lang)
            if not isinstance(v, str) or not v.strip():
                self.problem(file, item, f"{fld}.{lang}", "pack.problem.translation_missing")
                v = ""
            vals[lang] = v.strip()
        extra = set(raw) - set(LANGS)
        if extra:
            self.problem(file, item, fld, "pack.problem.unknown_languages", langs=", ".join(sorted(map(str, extra))))
        return Text(vals["zh"], vals["en"])

    def num(self, file: str, item: str, fld: str, raw: Any, lo: float = -math.inf, hi: float = math.inf) -> float:
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not lo <= raw <= hi:
            self.problem(file, item, fld, "pack.problem.number_range", lo=lo, hi=hi, value=raw)
            return lo if math.isfinite(lo) else 0.0
        return float(raw)

    def ident(self, file: str, item: str, fld: str, raw: Any) -> str:
        if not isinstance(raw, str) or not raw or any(c.isspace() for c in raw):
            self.problem(file, item, fld, "pack.problem.ident", value=raw)
            return ""
        return raw

    def items(self, file: str, raw: Any, key: str) -> list[dict[str, Any]]:
        if not isinstance(raw, dict) or not isinstance(raw.get(key), list):
            if raw is not None:
                self.problem(file, "", key, "pack.problem.not_list")
            return []
        out = []
        for i, it in enumerate(raw[key]):
            if not isinstance(it, dict):
                self.problem(file, f"#{i + 1}", "", "pack.problem.not_mapping")
                continue
            out.append(it)
        return out

    def basis(self, file: str, item: str, raw: Any, default: str) -> str:
        b = raw if raw is not None else default
        if b not in BASES:
            self.problem(file, item, "basis", "pack.problem.one_of_got", allowed=", ".join(BASES), value=b)
            return default
        return str(b)


def _known(value: Any, ids: Collection[Any]) -> bool:
    """Whether a value read from YAML is one of ``ids``; a list or mapping where an id belongs is
    simply not one (``in`` on a dict or set would raise on it, losing the file and field)."""
    return isinstance(value, str | int | float) and value in ids


def _kind(value: Any) -> str:
    return "list" if isinstance(value, list) else type(value).__name__


def load_pack(root: str | Path) -> Pack:
    """Load and validate the pack in ``root``; raise PackError with every problem found."""
    r = _Reader(Path(root))
    try:
        return _load(r, root)
    except PackError:
        raise
    except (AttributeError, TypeError, KeyError, ValueError) as e:
        # A value of the wrong shape deep in a file (a list where a mapping belongs, say):
        # report what was collected so far plus the shape error rather than a traceback.
        r.problem(r.current or "?", "", "", "pack.problem.structure", error=type(e).__name__, detail=str(e))
        raise PackError(r.problems) from None


def _load(r: _Reader, root: str | Path) -> Pack:
    seen_ids: dict[str, str] = {}

    def unique(file: str, item_id: str) -> None:
        if item_id in seen_ids:
            r.problem(file, item_id, "id", "pack.problem.duplicate_id", other=seen_ids[item_id])
        else:
            seen_ids[item_id] = file

    # --- pack.yaml: identity, scoring rules, weights ------------------------------------
    meta = r.load("pack.yaml") or {}
    pid = r.ident("pack.yaml", "", "id", meta.get("id"))
    version = meta.get("version")
    if not isinstance(version, str | int | float) or isinstance(version, bool) or not str(version):
        r.problem("pack.yaml", "", "version", "pack.problem.version")
    name = r.text("pack.yaml", "", "name", meta.get("name"))
    paths = {}
    for p in PATHS:
        paths[p] = r.text("pack.yaml", "", f"paths.{p}", (meta.get("paths") or {}).get(p))
    sc = meta.get("scoring") or {}
    ratings = []
    for i, rt in enumerate(sc.get("ratings") or []):
        key = str(rt.get("value"))
        val = None if key == "na" else r.num("pack.yaml", f"ratings #{i + 1}", "value", rt.get("value"), 0, 1)
        ratings.append(
            Rating(val, r.text("pack.yaml", key, "label", rt.get("label")), "na" if val is None else _key(val))
        )
    if not ratings:
        r.problem("pack.yaml", "", "scoring.ratings", "pack.problem.ratings_missing")
    threshold = r.num("pack.yaml", "", "scoring.level_threshold", sc.get("level_threshold"), 0, 1)
    bands = []
    for i, b in enumerate(sc.get("bands") or []):
        bands.append(
            Band(
                r.num("pack.yaml", f"bands #{i + 1}", "low", b.get("low"), 0, 5),
                r.num("pack.yaml", f"bands #{i + 1}", "high", b.get("high"), 0, 5),
                int(r.num("pack.yaml", f"bands #{i + 1}", "level", b.get("level"), 1, 5)),
            )
        )
    _check_bands(r, bands)
    accumulation = sc.get("accumulation")
    if accumulation != "met-plus-next":
        r.problem(
            "pack.yaml",
            "",
            "scoring.accumulation",
            "pack.problem.accumulation",
            value=accumulation,
            known="met-plus-next",
        )
    level_names = {}
    for lvl in range(1, 6):
        level_names[lvl] = r.text(
            "pack.yaml", f"level {lvl}", "scoring.level_names", (sc.get("level_names") or {}).get(lvl)
        )
    basis = {k: r.basis("pack.yaml", f"scoring.basis.{k}", v, "D") for k, v in (sc.get("basis") or {}).items()}
    scoring = ScoringRules(
        tuple(ratings), threshold, tuple(bands), str(accumulation), (1, 2, 3, 4, 5), level_names, basis
    )

    # --- structure.yaml --------------------------------------------------------------------
    st = r.load("structure.yaml") or {}
    elements, domains, subdomains = [], {}, {}
    for el in r.items("structure.yaml", st, "elements"):
        eid = r.ident("structure.yaml", str(el.get("id")), "id", el.get("id"))
        unique("structure.yaml", eid)
        dom_ids = []
        for dm in el.get("domains") or []:
            did = r.ident("structure.yaml", str(dm.get("id")), "id", dm.get("id"))
            unique("structure.yaml", f"domain:{did}")
            sd_ids = []
            for sd in dm.get("subdomains") or []:
                sid = r.ident("structure.yaml", str(sd.get("id")), "id", sd.get("id"))
                unique("structure.yaml", sid)
                subdomains[sid] = SubDomain(sid, r.text("structure.yaml", sid, "name", sd.get("name")), did, eid)
                sd_ids.append(sid)
            if not sd_ids:
                r.problem("structure.yaml", did, "subdomains", "pack.problem.domain_empty")
            domains[did] = Domain(did, r.text("structure.yaml", did, "name", dm.get("name")), eid, tuple(sd_ids))
            dom_ids.append(did)
        elements.append(Element(eid, r.text("structure.yaml", eid, "name", el.get("name")), tuple(dom_ids)))

    # --- weights ----------------------------------------------------------------------------
    weights: dict[str, dict[str, float]] = {}
    for p in PATHS:
        raw = (meta.get("weights") or {}).get(p)
        if not isinstance(raw, dict):
            r.problem("pack.yaml", "", f"weights.{p}", "pack.problem.weights_not_mapping")
            continue
        w = {}
        for sid, val in raw.items():
            if sid not in subdomains:
                r.problem("pack.yaml", sid, f"weights.{p}", "pack.problem.not_a_subdomain")
                continue
            w[sid] = r.num("pack.yaml", sid, f"weights.{p}", val, 0, 1)
        for sid in subdomains:
            if sid not in raw:
                r.problem("pack.yaml", sid, f"weights.{p}", "pack.problem.weight_missing")
        total = sum(w.values())
        if abs(total - 1.0) > WEIGHT_TOLERANCE:
            r.problem("pack.yaml", "", f"weights.{p}", "pack.problem.weights_sum", total=total)
        weights[p] = w

    # --- requirements ------------------------------------------------------------------------
    requirements: list[Requirement] = []
    req_dir = Path(root) / "requirements"
    req_files = sorted(req_dir.glob("*.yaml")) if req_dir.is_dir() else []
    if not req_files:
        r.problem("requirements/", "", "", "pack.problem.no_requirements")
    for f in req_files:
        rel = f"requirements/{f.name}"
        doc = r.load(rel)
        if doc is None:  # missing, not YAML or not a mapping: said so already
            continue
        file_sd = doc.get("subdomain")
        if not _known(file_sd, subdomains):
            r.problem(rel, "", "subdomain", "pack.problem.unknown_subdomain", value=file_sd)
            continue
        for it in r.items(rel, doc, "requirements"):
            req = _requirement(r, rel, it, str(file_sd), None)
            if req:
                unique(rel, req.id)
                requirements.append(req)

    # --- indicators, conditions, links, scenarios --------------------------------------------
    indicators = []
    doc = r.load("indicators.yaml")
    for it in r.items("indicators.yaml", doc, "indicators"):
        iid = r.ident("indicators.yaml", str(it.get("id")), "id", it.get("id"))
        unique("indicators.yaml", iid)
        lo = r.num("indicators.yaml", iid, "min", it.get("min"))
        hi = r.num("indicators.yaml", iid, "max", it.get("max"))
        if lo >= hi:
            r.problem("indicators.yaml", iid, "max", "pack.problem.max_not_above_min")
        better = it.get("better")
        if better not in ("higher", "lower"):
            r.problem("indicators.yaml", iid, "better", "pack.problem.better")
            better = "higher"
        targets = []
        for t in it.get("targets") or []:
            tid = r.ident("indicators.yaml", iid, "targets.id", t.get("id"))
            targets.append(
                Target(
                    tid,
                    r.text("indicators.yaml", iid, f"targets.{tid}.label", t.get("label")),
                    r.num("indicators.yaml", iid, f"targets.{tid}.value", t.get("value"), lo, hi),
                    r.basis("indicators.yaml", f"{iid}.{tid}", t.get("basis"), "D"),
                )
            )
        sds = tuple(it.get("subdomains") or ())
        for s in sds:
            if not _known(s, subdomains):
                r.problem("indicators.yaml", iid, "subdomains", "pack.problem.unknown_subdomain", value=s)
        unit = it.get("unit")
        if not isinstance(unit, str):
            r.problem("indicators.yaml", iid, "unit", "pack.problem.not_text")
            unit = ""
        indicators.append(
            Indicator(
                iid,
                r.text("indicators.yaml", iid, "name", it.get("name")),
                unit,
                lo,
                hi,
                cast(Literal["higher", "lower"], better),  # one of the two: checked above
                r.text("indicators.yaml", iid, "help", it.get("help"), required=False),
                tuple(targets),
                sds,
                r.text("indicators.yaml", iid, "used_by", it.get("used_by")),
                _paths(r, "indicators.yaml", iid, it.get("paths")),
                bool(it.get("optional", False)),
            )
        )

    conditions = []
    doc = r.load("conditions.yaml")
    for it in r.items("conditions.yaml", doc, "conditions"):
        cid = r.ident("conditions.yaml", str(it.get("id")), "id", it.get("id"))
        unique("conditions.yaml", cid)
        conditions.append(
            Condition(
                cid,
                r.text("conditions.yaml", cid, "text", it.get("text")),
                r.text("conditions.yaml", cid, "help", it.get("help"), required=False),
                r.basis("conditions.yaml", cid, it.get("basis"), "P"),
            )
        )

    links, scenarios = [], []
    doc = r.load("scenarios.yaml")
    for it in r.items("scenarios.yaml", doc, "links"):
        lid = r.ident("scenarios.yaml", str(it.get("id")), "id", it.get("id"))
        links.append(Link(lid, r.text("scenarios.yaml", lid, "name", it.get("name"))))
    link_ids = {lk.id for lk in links}
    for it in r.items("scenarios.yaml", doc, "scenarios"):
        sid = r.ident("scenarios.yaml", str(it.get("id")), "id", it.get("id"))
        unique("scenarios.yaml", sid)
        if not _known(it.get("link"), link_ids):
            r.problem("scenarios.yaml", sid, "link", "pack.problem.unknown_link", value=it.get("link"))
        sds = tuple(it.get("subdomains") or ())
        for s in sds:
            if not _known(s, subdomains):
                r.problem("scenarios.yaml", sid, "subdomains", "pack.problem.unknown_subdomain", value=s)
        scenarios.append(
            Scenario(
                sid,
                str(it.get("link")),
                r.text("scenarios.yaml", sid, "name", it.get("name")),
                sds,
                r.text("scenarios.yaml", sid, "help", it.get("help"), required=False),
            )
        )

    # --- industries ---------------------------------------------------------------------------
    industries: dict[str, Industry] = {}
    ind_dir = Path(root) / "industries"
    for f in sorted(ind_dir.glob("*.yaml")) if ind_dir.is_dir() else []:
        rel = f"industries/{f.name}"
        doc = r.load(rel)
        if doc is None:  # not YAML or not a mapping: said so already
            continue
        iid = r.ident(rel, "", "id", doc.get("id"))
        if iid in industries:
            r.problem(rel, iid, "id", "pack.problem.duplicate_industry")
        path = doc.get("path")
        if path is not None and path not in PATHS:
            r.problem(rel, iid, "path", "pack.problem.industry_path", allowed=", ".join(PATHS))
            path = None
        mult = {}
        for sid, v in (doc.get("weights") or {}).items():
            if sid not in subdomains:
                r.problem(rel, sid, "weights", "pack.problem.not_a_subdomain")
                continue
            mult[sid] = r.num(rel, sid, "weights", v, 0.25, 4)
        industries[iid] = Industry(
            iid,
            r.text(rel, iid, "name", doc.get("name")),
            path,
            mult,
            r.text(rel, iid, "focus", doc.get("focus"), required=False),
        )
        for it in r.items(rel, doc, "requirements"):
            req_sd = it.get("subdomain")
            if not _known(req_sd, subdomains):
                r.problem(rel, str(it.get("id")), "subdomain", "pack.problem.unknown_subdomain", value=req_sd)
                continue
            req = _requirement(r, rel, it, str(req_sd), iid)
            if req:
                unique(rel, req.id)
                requirements.append(req)
    if not industries:
        r.problem("industries/", "", "", "pack.problem.no_industries")

    # --- tiers -------------------------------------------------------------------------------
    doc = r.load("tiers.yaml") or {}
    ind_by_id = {i.id: i for i in indicators}
    cond_ids = {c.id for c in conditions}
    ladders = {}
    for ladder in ("shanghai", "national"):
        tiers = []
        for t in r.items("tiers.yaml", doc, ladder):
            tid = r.ident("tiers.yaml", str(t.get("id")), "id", t.get("id"))
            rules = []
            for j, rule in enumerate(t.get("rules") or []):
                where = f"{tid} rule #{j + 1}"
                kind = rule.get("kind")
                if kind not in RULE_KINDS:
                    r.problem("tiers.yaml", where, "kind", "pack.problem.unknown_rule_kind", value=kind)
                    continue
                params = {k: v for k, v in rule.items() if k not in ("kind", "basis", "note")}
                _check_rule(r, where, kind, params, ind_by_id, cond_ids, subdomains, link_ids)
                rules.append(
                    TierRule(
                        kind,
                        params,
                        r.basis("tiers.yaml", where, rule.get("basis"), "D"),
                        r.text("tiers.yaml", where, "note", rule.get("note"), required=False),
                    )
                )
            rank = t.get("rank")
            tiers.append(
                Tier(
                    tid,
                    r.text("tiers.yaml", tid, "name", t.get("name")),
                    tuple(rules),
                    int(r.num("tiers.yaml", tid, "rank", rank, 1, 100)),
                )
            )
        ranks = [t.rank for t in tiers]
        if len(set(ranks)) != len(ranks):
            r.problem("tiers.yaml", ladder, "rank", "pack.problem.ranks_differ")
        ladders[ladder] = tuple(tiers)
    distribution = tuple((str(k), float(v)) for k, v in (doc.get("distribution") or {}).items())
    dist_source = r.text("tiers.yaml", "", "distribution_source", doc.get("distribution_source"), required=False)
    if distribution and abs(sum(v for _, v in distribution) - 100) > 0.5:
        r.problem("tiers.yaml", "", "distribution", "pack.problem.distribution_sum")

    # --- measures and renewal catalogue (optional files) -------------------------------------
    measures, national_measures = _measures(r)
    categories, catalog = _catalog(r, subdomains, ind_by_id, {s.id for s in scenarios}, industries, measures)

    if r.problems:
        raise PackError(r.problems)
    return Pack(
        id=pid,
        version=str(version),
        name=name,
        elements=tuple(elements),
        domains=domains,
        subdomains=subdomains,
        requirements=tuple(requirements),
        indicators=tuple(indicators),
        conditions=tuple(conditions),
        links=tuple(links),
        scenarios=tuple(scenarios),
        industries=industries,
        paths=paths,
        weights=weights,
        scoring=scoring,
        tiers=ladders["shanghai"],
        national_tiers=ladders["national"],
        categories=categories,
        catalog=catalog,
        measures=measures,
        national_measures=national_measures,
        distribution=distribution,
        distribution_source=dist_source,
    )


def _key(v: float) -> str:
    return "0" if v == 0 else ("1" if v == 1 else f"{v:g}")


def _paths(r: _Reader, file: str, item: str, raw: Any) -> frozenset[str]:
    if raw is None:
        return frozenset(PATHS)
    if not isinstance(raw, list) or not raw or any(p not in PATHS for p in raw):
        r.problem(file, item, "paths", "pack.problem.paths", allowed=", ".join(PATHS))
        return frozenset(PATHS)
    return frozenset(raw)


def _requirement(r: _Reader, file: str, it: dict[str, Any], sid: str, industry: str | None) -> Requirement | None:
    rid = r.ident(file, str(it.get("id")), "id", it.get("id"))
    if not rid:
        return None
    level = it.get("level")
    if level not in (1, 2, 3, 4, 5):
        r.problem(file, rid, "level", "pack.problem.level_got", value=level)
        return None
    weight = r.num(file, rid, "weight", it.get("weight", 1), 0.1, 10)
    unknown = set(it) - {"id", "level", "text", "help", "evidence", "paths", "weight", "subdomain", "basis"}
    if unknown:
        r.problem(file, rid, ", ".join(sorted(unknown)), "pack.problem.unknown_fields")
    return Requirement(
        rid,
        sid,
        int(level),
        r.text(file, rid, "text", it.get("text")),
        r.text(file, rid, "help", it.get("help")),
        r.text(file, rid, "evidence", it.get("evidence")),
        _paths(r, file, rid, it.get("paths")),
        weight,
        industry,
        r.basis(file, rid, it.get("basis"), "D"),
    )


def _check_bands(r: _Reader, bands: list[Band]) -> None:
    if not bands:
        r.problem("pack.yaml", "", "scoring.bands", "pack.problem.bands_missing")
        return
    ordered = sorted(bands, key=lambda b: b.low)
    for a, b in pairwise(ordered):
        if abs(a.high - b.low) > 1e-9:
            r.problem(
                "pack.yaml",
                f"band {a.low}–{a.high}",
                "scoring.bands",
                "pack.problem.bands_gap",
                next=b.low,
            )
        if b.level <= a.level:
            r.problem("pack.yaml", f"band {b.low}–{b.high}", "scoring.bands", "pack.problem.bands_levels")
    for b in bands:
        if b.low >= b.high:
            r.problem("pack.yaml", f"band {b.low}–{b.high}", "scoring.bands", "pack.problem.band_low_high")
    if abs(ordered[-1].high - 5) > 1e-9:
        r.problem("pack.yaml", "", "scoring.bands", "pack.problem.bands_end")


def _check_rule(
    r: _Reader,
    where: str,
    kind: str,
    p: dict[str, Any],
    inds: dict[str, Indicator],
    conds: set[str],
    sds: dict[str, SubDomain],
    links: set[str],
) -> None:
    if kind in ("min_level", "subdomain_level") and p.get("level") not in (1, 2, 3, 4, 5):
        r.problem("tiers.yaml", where, "level", "pack.problem.level")
    if kind == "subdomain_level" and not _known(p.get("subdomain"), sds):
        r.problem("tiers.yaml", where, "subdomain", "pack.problem.unknown_subdomain", value=p.get("subdomain"))
    if kind == "conditions":
        for c in p.get("ids") or []:
            if not _known(c, conds):
                r.problem("tiers.yaml", where, "ids", "pack.problem.unknown_condition", value=c)
    if kind == "indicator":
        ind = inds.get(p.get("indicator"))  # type: ignore[arg-type]
        if ind is None:
            r.problem("tiers.yaml", where, "indicator", "pack.problem.unknown_indicator", value=p.get("indicator"))
        elif "target" in p and ind.target(str(p["target"])) is None:
            r.problem("tiers.yaml", where, "target", "pack.problem.no_target", indicator=ind.id, value=p["target"])
        elif "target" not in p and not isinstance(p.get("value"), int | float):
            r.problem("tiers.yaml", where, "value", "pack.problem.rule_needs_value")
    if kind == "scenarios":
        if not isinstance(p.get("min"), int) or p["min"] < 1:
            r.problem("tiers.yaml", where, "min", "pack.problem.positive_int")
        for lk in p.get("links") or []:
            if not _known(lk, links):
                r.problem("tiers.yaml", where, "links", "pack.problem.unknown_link", value=lk)


def _measures(r: _Reader) -> tuple[dict[str, Measure], tuple[Text, ...]]:
    doc = r.load("measures.yaml", required=False)
    if doc is None:
        return {}, ()
    out: dict[str, Measure] = {}
    f = "measures.yaml"
    for it in r.items(f, doc, "measures"):
        mid = r.ident(f, str(it.get("id")), "id", it.get("id"))
        if mid in out:
            r.problem(f, mid, "id", "pack.problem.duplicate_measure")
        base = it.get("base")
        if base not in MEASURE_BASES:
            r.problem(f, mid, "base", "pack.problem.one_of", allowed=", ".join(MEASURE_BASES))
            base = "investment"
        years = int(r.num(f, mid, "years", it.get("years", 0), 0, 10))
        financing = it.get("financing", "any")
        if financing not in ("any", "lease"):
            r.problem(f, mid, "financing", "pack.problem.financing")
            financing = "any"
        if base == "interest" and years < 1:
            r.problem(f, mid, "years", "pack.problem.interest_years")
        out[mid] = Measure(
            mid,
            r.text(f, mid, "name", it.get("name")),
            cast(Literal["interest", "contract", "investment"], base),  # one of MEASURE_BASES: checked above
            r.num(f, mid, "rate", it.get("rate"), 0, 1),
            r.num(f, mid, "cap", it.get("cap"), 0),
            r.num(f, mid, "min_investment", it.get("min_investment", 0), 0),
            years,
            r.basis(f, mid, it.get("basis"), "S"),
            r.text(f, mid, "note", it.get("note"), required=False),
            financing,
        )
    national = tuple(r.text(f, f"national #{i + 1}", "text", n) for i, n in enumerate(doc.get("national") or []))
    return out, national


def _catalog(
    r: _Reader,
    sds: dict[str, SubDomain],
    inds: dict[str, Indicator],
    scenarios: set[str],
    industries: dict[str, Industry],
    measures: dict[str, Measure],
) -> tuple[tuple[Category, ...], tuple[CatalogItem, ...]]:
    doc = r.load("catalog.yaml", required=False)
    if doc is None:
        return (), ()
    f = "catalog.yaml"
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
