"""requirements/*.yaml: the common item bank, one file per sub-domain; and the one reader of a
requirement, which the industry modules use too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model.questionnaire import PATHS, Requirement, SubDomain
from .reader import Reader, known

REQUIREMENT_FIELDS = {"id", "level", "text", "help", "evidence", "paths", "weight", "subdomain", "basis", "na_when"}


def read_requirements(r: Reader, subdomains: dict[str, SubDomain]) -> list[Requirement]:
    requirements: list[Requirement] = []
    req_dir = Path(r.root) / "requirements"
    req_files = sorted(req_dir.glob("*.yaml")) if req_dir.is_dir() else []
    if not req_files:
        r.problem("requirements/", "", "", "pack.problem.no_requirements")
    file_of: dict[str, str] = {}  # sub-domain -> its requirements file
    for f in req_files:
        rel = f"requirements/{f.name}"
        doc = r.load(rel)
        if doc is None:  # missing, not YAML or not a mapping: said so already
            continue
        file_sd = doc.get("subdomain")
        if not known(file_sd, subdomains):
            r.problem(rel, "", "subdomain", "pack.problem.unknown_subdomain", value=file_sd)
            continue
        if file_sd in file_of:
            r.problem(rel, "", "subdomain", "pack.problem.subdomain_second_file", value=file_sd, other=file_of[file_sd])
        file_of.setdefault(str(file_sd), rel)
        for it in r.items(rel, doc, "requirements"):
            req = read_requirement(r, rel, it, str(file_sd), None)
            if req:
                r.unique(rel, req.id)
                requirements.append(req)
    if req_files:
        for sid in subdomains:
            if sid not in file_of:
                r.problem("requirements/", "", "", "pack.problem.subdomain_no_file", value=sid)
    if r.format >= 2:
        _check_cells(r, requirements, subdomains, file_of)
    return requirements


def _check_cells(r: Reader, reqs: list[Requirement], subdomains: dict[str, SubDomain], file_of: dict[str, str]) -> None:
    """Format 2: every sub-domain has common requirements at every level on both paths, so an
    empty level can only come from 不适用 answers (and is then not met), never from a gap in the bank."""
    have = {(q.subdomain, q.level, p) for q in reqs for p in q.paths}
    for sid in subdomains:
        if sid not in file_of:
            continue  # said so already
        for level in (1, 2, 3, 4, 5):
            for path in PATHS:
                if (sid, level, path) not in have:
                    r.problem(file_of[sid], f"level {level}", path, "pack.problem.cell_empty")


def read_requirement(r: Reader, file: str, it: dict[str, Any], sid: str, industry: str | None) -> Requirement | None:
    rid = r.ident(file, str(it.get("id")), "id", it.get("id"))
    if not rid:
        return None
    level = it.get("level")
    if level not in (1, 2, 3, 4, 5):
        r.problem(file, rid, "level", "pack.problem.level_got", value=level)
        return None
    weight = r.num(file, rid, "weight", it.get("weight", 1), 0.1, 10)
    unknown = set(it) - REQUIREMENT_FIELDS
    if unknown:
        r.problem(file, rid, ", ".join(sorted(unknown)), "pack.problem.unknown_fields")
    return Requirement(
        rid,
        sid,
        int(level),
        r.text(file, rid, "text", it.get("text")),
        r.text(file, rid, "help", it.get("help")),
        r.text(file, rid, "evidence", it.get("evidence")),
        r.paths(file, rid, it.get("paths")),
        weight,
        industry,
        r.basis(file, rid, it.get("basis"), "D"),
        r.text(file, rid, "na_when", it.get("na_when"), required=False),
    )
