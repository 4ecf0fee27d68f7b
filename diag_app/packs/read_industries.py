"""industries/*.yaml: each key industry's path, weight multipliers, focus and extra requirements."""

from __future__ import annotations

from pathlib import Path

from ..model.questionnaire import PATHS, Industry, Requirement, SubDomain
from .read_requirements import read_requirement
from .reader import Reader, known


def read_industries(r: Reader, subdomains: dict[str, SubDomain]) -> tuple[dict[str, Industry], list[Requirement]]:
    """The industries, and the requirements of their modules (in file order)."""
    industries: dict[str, Industry] = {}
    requirements: list[Requirement] = []
    ind_dir = Path(r.root) / "industries"
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
            if not known(req_sd, subdomains):
                r.problem(rel, str(it.get("id")), "subdomain", "pack.problem.unknown_subdomain", value=req_sd)
                continue
            req = read_requirement(r, rel, it, str(req_sd), iid)
            if req:
                r.unique(rel, req.id)
                requirements.append(req)
    if not industries:
        r.problem("industries/", "", "", "pack.problem.no_industries")
    return industries, requirements
