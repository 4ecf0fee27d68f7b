"""measures.yaml (optional): the policy support measures and the national measures that stack."""

from __future__ import annotations

from typing import Literal, cast

from ..model.questionnaire import Measure, Text
from .reader import Reader

FILE = "measures.yaml"
MEASURE_BASES = ("interest", "contract", "investment")


def read_measures(r: Reader) -> tuple[dict[str, Measure], tuple[Text, ...]]:
    doc = r.load(FILE, required=False)
    if doc is None:
        return {}, ()
    out: dict[str, Measure] = {}
    f = FILE
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
