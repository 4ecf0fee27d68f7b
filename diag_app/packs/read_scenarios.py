"""scenarios.yaml: the links (环节) of the scenario guide and its typical scenarios."""

from __future__ import annotations

from ..model.questionnaire import Link, Scenario, SubDomain
from .reader import Reader, known

FILE = "scenarios.yaml"


def read_scenarios(r: Reader, subdomains: dict[str, SubDomain]) -> tuple[list[Link], list[Scenario]]:
    links: list[Link] = []
    scenarios: list[Scenario] = []
    doc = r.load(FILE)
    for it in r.items(FILE, doc, "links"):
        lid = r.ident(FILE, str(it.get("id")), "id", it.get("id"))
        if any(lk.id == lid for lk in links):
            r.problem(FILE, lid, "id", "pack.problem.duplicate_link")
        links.append(Link(lid, r.text(FILE, lid, "name", it.get("name"))))
    link_ids = {lk.id for lk in links}
    for it in r.items(FILE, doc, "scenarios"):
        sid = r.ident(FILE, str(it.get("id")), "id", it.get("id"))
        r.unique(FILE, sid)
        if not known(it.get("link"), link_ids):
            r.problem(FILE, sid, "link", "pack.problem.unknown_link", value=it.get("link"))
        sds = tuple(it.get("subdomains") or ())
        for s in sds:
            if not known(s, subdomains):
                r.problem(FILE, sid, "subdomains", "pack.problem.unknown_subdomain", value=s)
        scenarios.append(
            Scenario(
                sid,
                str(it.get("link")),
                r.text(FILE, sid, "name", it.get("name")),
                sds,
                r.text(FILE, sid, "help", it.get("help"), required=False),
            )
        )
    for lk in links:
        if not any(s.link == lk.id for s in scenarios):
            r.problem(FILE, lk.id, "links", "pack.problem.link_empty")
    return links, scenarios
