"""pack.yaml: the pack's identity, its scoring rules and the sub-domain weights per path."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ..model.questionnaire import PATHS, Band, Rating, ScoringRules, SubDomain, Text
from .reader import Reader

FILE = "pack.yaml"
WEIGHT_TOLERANCE = 1e-6
FORMATS = (1, 2)  # pack formats this app reads; a pack without ``format`` is format 1


@dataclass(frozen=True)
class Meta:
    raw: dict[str, Any]  # the whole file, for the parts read later (weights need the structure)
    id: str
    version: str
    format: int
    name: Text
    paths: dict[str, Text]
    scoring: ScoringRules


def read_meta(r: Reader) -> Meta:
    meta = r.load(FILE) or {}
    pid = r.ident(FILE, "", "id", meta.get("id"))
    version = meta.get("version")
    if not isinstance(version, str | int | float) or isinstance(version, bool) or not str(version):
        r.problem(FILE, "", "version", "pack.problem.version")
    fmt = meta.get("format", 1)
    if fmt not in FORMATS or isinstance(fmt, bool):
        r.problem(FILE, "", "format", "pack.problem.format", value=fmt, known=", ".join(map(str, FORMATS)))
        fmt = FORMATS[-1]  # check the rest as strictly as the newest format would
    r.format = int(fmt)  # the readers after this one apply the format's checks
    name = r.text(FILE, "", "name", meta.get("name"))
    paths = {}
    for p in PATHS:
        paths[p] = r.text(FILE, "", f"paths.{p}", (meta.get("paths") or {}).get(p))
    return Meta(meta, pid, str(version), int(fmt), name, paths, _scoring(r, meta.get("scoring") or {}))


def _scoring(r: Reader, sc: dict[str, Any]) -> ScoringRules:
    ratings = []
    for i, rt in enumerate(sc.get("ratings") or []):
        key = str(rt.get("value"))
        val = None if key == "na" else r.num(FILE, f"ratings #{i + 1}", "value", rt.get("value"), 0, 1)
        guidance = r.text(FILE, key, "guidance", rt.get("guidance"), required=r.format >= 2)
        ratings.append(
            Rating(val, r.text(FILE, key, "label", rt.get("label")), "na" if val is None else _key(val), guidance)
        )
    if not ratings:
        r.problem(FILE, "", "scoring.ratings", "pack.problem.ratings_missing")
    keys = [rt.key for rt in ratings]
    for k in sorted({k for k in keys if keys.count(k) > 1}):
        r.problem(FILE, k, "scoring.ratings", "pack.problem.duplicate_rating")
    threshold = r.num(FILE, "", "scoring.level_threshold", sc.get("level_threshold"), 0, 1)
    bands = []
    for i, b in enumerate(sc.get("bands") or []):
        bands.append(
            Band(
                r.num(FILE, f"bands #{i + 1}", "low", b.get("low"), 0, 5),
                r.num(FILE, f"bands #{i + 1}", "high", b.get("high"), 0, 5),
                int(r.num(FILE, f"bands #{i + 1}", "level", b.get("level"), 1, 5)),
            )
        )
    _check_bands(r, bands)
    accumulation = sc.get("accumulation")
    if accumulation != "met-plus-next":
        r.problem(
            FILE,
            "",
            "scoring.accumulation",
            "pack.problem.accumulation",
            value=accumulation,
            known="met-plus-next",
        )
    level_names = {}
    for lvl in range(1, 6):
        level_names[lvl] = r.text(FILE, f"level {lvl}", "scoring.level_names", (sc.get("level_names") or {}).get(lvl))
    basis = {k: r.basis(FILE, f"scoring.basis.{k}", v, "D") for k, v in (sc.get("basis") or {}).items()}
    na_warn = None
    if "na_warn_share" in sc or r.format >= 2:
        na_warn = r.num(FILE, "", "scoring.na_warn_share", sc.get("na_warn_share"), 0, 1)
    return ScoringRules(
        tuple(ratings),
        threshold,
        tuple(bands),
        str(accumulation),
        (1, 2, 3, 4, 5),
        level_names,
        basis,
        na_warn,
        r.text(FILE, "", "scoring.rating_help", sc.get("rating_help"), required=r.format >= 2),
    )


def _key(v: float) -> str:
    return "0" if v == 0 else ("1" if v == 1 else f"{v:g}")


def _check_bands(r: Reader, bands: list[Band]) -> None:
    if not bands:
        r.problem(FILE, "", "scoring.bands", "pack.problem.bands_missing")
        return
    ordered = sorted(bands, key=lambda b: b.low)
    for a, b in pairwise(ordered):
        if abs(a.high - b.low) > 1e-9:
            r.problem(FILE, f"band {a.low}–{a.high}", "scoring.bands", "pack.problem.bands_gap", next=b.low)
        if b.level <= a.level:
            r.problem(FILE, f"band {b.low}–{b.high}", "scoring.bands", "pack.problem.bands_levels")
    for b in bands:
        if b.low >= b.high:
            r.problem(FILE, f"band {b.low}–{b.high}", "scoring.bands", "pack.problem.band_low_high")
    if abs(ordered[-1].high - 5) > 1e-9:
        r.problem(FILE, "", "scoring.bands", "pack.problem.bands_end")


def read_weights(r: Reader, meta: Meta, subdomains: dict[str, SubDomain]) -> dict[str, dict[str, float]]:
    """pack.yaml ``weights``: per path, one weight per sub-domain of the structure, summing to 1."""
    weights: dict[str, dict[str, float]] = {}
    for p in PATHS:
        raw = (meta.raw.get("weights") or {}).get(p)
        if not isinstance(raw, dict):
            r.problem(FILE, "", f"weights.{p}", "pack.problem.weights_not_mapping")
            continue
        w = {}
        for sid, val in raw.items():
            if sid not in subdomains:
                r.problem(FILE, sid, f"weights.{p}", "pack.problem.not_a_subdomain")
                continue
            w[sid] = r.num(FILE, sid, f"weights.{p}", val, 0, 1)
        for sid in subdomains:
            if sid not in raw:
                r.problem(FILE, sid, f"weights.{p}", "pack.problem.weight_missing")
        total = sum(w.values())
        if abs(total - 1.0) > WEIGHT_TOLERANCE:
            r.problem(FILE, "", f"weights.{p}", "pack.problem.weights_sum", total=total)
        weights[p] = w
    return weights
