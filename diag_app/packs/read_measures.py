"""measures.yaml (optional): the policy support measures, the qualifying conditions they need, and
the national measures that stack.

``qualifications`` are the questions only the enterprise can answer (certified 首台套, listed in the
municipal innovation catalogue, part of a filed ≥ 2,000 万元 技改 project…); a measure ``requires``
some of them, and counts for a planned item only once they are confirmed for it. ``stated: false``
marks support the action plan promises without a rate or cap: it is shown, never estimated.
"""

from __future__ import annotations

from typing import Any, Literal, cast

from ..model.questionnaire import Measure, Qualification, Text
from .reader import Reader, known

FILE = "measures.yaml"
MEASURE_BASES = ("interest", "contract", "investment")
_FIELDS = {
    "id", "name", "base", "rate", "cap", "min_investment", "years", "basis", "note", "financing",
    "requires", "excluded_by", "stated", "stacks",
}  # fmt: skip


def read_measures(r: Reader) -> tuple[dict[str, Measure], tuple[Text, ...], dict[str, Qualification]]:
    doc = r.load(FILE, required=False)
    if doc is None:
        return {}, (), {}
    f = FILE
    quals: dict[str, Qualification] = {}
    if doc.get("qualifications") is not None:
        for it in r.items(f, doc, "qualifications"):
            qid = r.ident(f, str(it.get("id")), "id", it.get("id"))
            if not qid:
                continue
            if qid in quals:
                r.problem(f, qid, "id", "pack.problem.duplicate_id", other=f)
            quals[qid] = Qualification(
                qid,
                r.text(f, qid, "name", it.get("name")),
                r.text(f, qid, "question", it.get("question")),
                r.text(f, qid, "help", it.get("help"), required=False),
            )
    out: dict[str, Measure] = {}
    for it in r.items(f, doc, "measures"):
        mid = r.ident(f, str(it.get("id")), "id", it.get("id"))
        if mid in out:
            r.problem(f, mid, "id", "pack.problem.duplicate_measure")
        unknown = set(it) - _FIELDS
        if unknown:
            r.problem(f, mid, ", ".join(sorted(map(str, unknown))), "pack.problem.unknown_fields")
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
        stated = it.get("stated", True)
        if not isinstance(stated, bool):
            r.problem(f, mid, "stated", "pack.problem.one_of_got", allowed="true, false", value=stated)
            stated = True
        stacks = it.get("stacks", False)
        if not isinstance(stacks, bool):
            r.problem(f, mid, "stacks", "pack.problem.one_of_got", allowed="true, false", value=stacks)
            stacks = False
        # Support the plan states without a figure carries none: rate and cap are left out.
        rate = r.num(f, mid, "rate", it.get("rate"), 0, 1) if stated or "rate" in it else 0.0
        cap = r.num(f, mid, "cap", it.get("cap"), 0) if stated or "cap" in it else 0.0
        out[mid] = Measure(
            mid,
            r.text(f, mid, "name", it.get("name")),
            cast(Literal["interest", "contract", "investment"], base),  # one of MEASURE_BASES: checked above
            rate,
            cap,
            r.num(f, mid, "min_investment", it.get("min_investment", 0), 0),
            years,
            r.basis(f, mid, it.get("basis"), "S"),
            r.text(f, mid, "note", it.get("note"), required=False),
            financing,
            _quals(r, f, mid, "requires", it.get("requires"), quals),
            _quals(r, f, mid, "excluded_by", it.get("excluded_by"), quals),
            stated,
            stacks,
        )
    national = tuple(r.text(f, f"national #{i + 1}", "text", n) for i, n in enumerate(doc.get("national") or []))
    return out, national, quals


def _quals(r: Reader, f: str, mid: str, fld: str, raw: Any, quals: dict[str, Qualification]) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        r.problem(f, mid, fld, "pack.problem.not_list")
        return ()
    out = []
    for q in raw:
        if not known(q, quals):
            r.problem(f, mid, fld, "pack.problem.unknown_qualification", value=q)
        else:
            out.append(str(q))
    return tuple(out)
