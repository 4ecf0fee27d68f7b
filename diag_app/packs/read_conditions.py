"""conditions.yaml: the basic conditions (要素条件), yes/no gates no score can make up for."""

from __future__ import annotations

from typing import Literal, cast

from ..model.questionnaire import Condition
from .reader import Reader

FILE = "conditions.yaml"
SCOPES = ("basic", "tier")


def read_conditions(r: Reader) -> list[Condition]:
    conditions = []
    doc = r.load(FILE)
    for it in r.items(FILE, doc, "conditions"):
        cid = r.ident(FILE, str(it.get("id")), "id", it.get("id"))
        r.unique(FILE, cid)
        scope = it.get("scope", "basic")
        if scope not in SCOPES:
            r.problem(FILE, cid, "scope", "pack.problem.one_of", allowed=", ".join(SCOPES))
            scope = "basic"
        conditions.append(
            Condition(
                cid,
                r.text(FILE, cid, "text", it.get("text")),
                r.text(FILE, cid, "help", it.get("help"), required=False),
                r.basis(FILE, cid, it.get("basis"), "P"),
                cast(Literal["basic", "tier"], scope),  # one of SCOPES: checked above
            )
        )
    if not conditions and doc is not None:
        # No conditions would make every "basic conditions met" check pass without a question.
        r.problem(FILE, "", "conditions", "pack.problem.empty_list")
    elif conditions and not any(c.scope == "basic" for c in conditions):
        r.problem(FILE, "", "conditions", "pack.problem.no_basic_conditions")
    return conditions
