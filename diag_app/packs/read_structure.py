"""structure.yaml: the CMMM elements, domains and sub-domains."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.questionnaire import Domain, Element, SubDomain
from .reader import Reader

FILE = "structure.yaml"


@dataclass(frozen=True)
class Structure:
    elements: tuple[Element, ...]
    domains: dict[str, Domain]
    subdomains: dict[str, SubDomain]


def read_structure(r: Reader) -> Structure:
    st = r.load(FILE) or {}
    elements, domains, subdomains = [], {}, {}
    for el in r.items(FILE, st, "elements"):
        eid = r.ident(FILE, str(el.get("id")), "id", el.get("id"))
        r.unique(FILE, eid)
        dom_ids = []
        for dm in el.get("domains") or []:
            did = r.ident(FILE, str(dm.get("id")), "id", dm.get("id"))
            r.unique(FILE, f"domain:{did}")
            sd_ids = []
            for sd in dm.get("subdomains") or []:
                sid = r.ident(FILE, str(sd.get("id")), "id", sd.get("id"))
                r.unique(FILE, sid)
                subdomains[sid] = SubDomain(
                    sid,
                    r.text(FILE, sid, "name", sd.get("name")),
                    did,
                    eid,
                    r.text(FILE, sid, "na_when", sd.get("na_when"), required=False),
                )
                sd_ids.append(sid)
            if not sd_ids:
                r.problem(FILE, did, "subdomains", "pack.problem.domain_empty")
            domains[did] = Domain(did, r.text(FILE, did, "name", dm.get("name")), eid, tuple(sd_ids))
            dom_ids.append(did)
        elements.append(Element(eid, r.text(FILE, eid, "name", el.get("name")), tuple(dom_ids)))
    return Structure(tuple(elements), domains, subdomains)
