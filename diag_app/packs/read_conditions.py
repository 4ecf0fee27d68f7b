"""conditions.yaml: the basic conditions (要素条件), yes/no gates no score can make up for."""

from __future__ import annotations

from ..model.questionnaire import Condition
from .reader import Reader

FILE = "conditions.yaml"


def read_conditions(r: Reader) -> list[Condition]:
    conditions = []
    doc = r.load(FILE)
    for it in r.items(FILE, doc, "conditions"):
        cid = r.ident(FILE, str(it.get("id")), "id", it.get("id"))
        r.unique(FILE, cid)
        conditions.append(
            Condition(
                cid,
                r.text(FILE, cid, "text", it.get("text")),
                r.text(FILE, cid, "help", it.get("help"), required=False),
                r.basis(FILE, cid, it.get("basis"), "P"),
            )
        )
    return conditions
