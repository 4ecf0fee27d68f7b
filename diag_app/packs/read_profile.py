"""profile.yaml (optional): the "existing systems and equipment" questions.

Answered like any item (yes/no or a number) and never scored: the advice reads them to leave out
what a plant already has and to find answers that contradict each other. Older packs have none.
"""

from __future__ import annotations

from typing import Any, cast

from ..model.catalogue import ProfileAnswer
from ..model.questionnaire import Indicator, ProfileItem, Requirement
from .reader import Reader, known

FILE = "profile.yaml"
ANSWERS = ("bool", "number")
GROUPS = ("systems", "equipment", "business")
_FIELDS = {"id", "name", "answer", "help", "unit", "min", "max", "coverage", "evidenced_by", "density_of", "group"}


def read_profile(r: Reader, requirements: list[Requirement], indicators: list[Indicator]) -> tuple[ProfileItem, ...]:
    doc = r.load(FILE, required=False)
    if doc is None:
        return ()
    f = FILE
    req_ids = {q.id for q in requirements}
    ind_ids = {i.id for i in indicators}
    out = []
    for it in r.items(f, doc, "profile"):
        pid = r.ident(f, str(it.get("id")), "id", it.get("id"))
        if not pid:
            continue
        r.unique(f, pid)
        unknown = set(it) - _FIELDS
        if unknown:
            r.problem(f, pid, ", ".join(sorted(map(str, unknown))), "pack.problem.unknown_fields")
        answer = it.get("answer")
        if answer not in ANSWERS:
            r.problem(f, pid, "answer", "pack.problem.one_of_got", allowed=", ".join(ANSWERS), value=answer)
            answer = "bool"
        group = it.get("group", "systems")
        if group not in GROUPS:
            r.problem(f, pid, "group", "pack.problem.one_of_got", allowed=", ".join(GROUPS), value=group)
            group = "systems"
        coverage = bool(it.get("coverage", False))
        lo, hi = 0.0, 1.0
        if answer == "number":
            lo = r.num(f, pid, "min", it.get("min", 0), 0)
            hi = r.num(f, pid, "max", it.get("max", 100 if coverage else None), 0)
            if lo >= hi:
                r.problem(f, pid, "max", "pack.problem.max_not_above_min")
            if coverage and (lo != 0 or hi != 100):
                r.problem(f, pid, "max", "pack.problem.profile_coverage_range")
        elif coverage or "min" in it or "max" in it or "unit" in it:
            r.problem(f, pid, "answer", "pack.problem.profile_bool_fields")
        evidenced = _ids(r, f, pid, "evidenced_by", it.get("evidenced_by"), req_ids, "pack.problem.unknown_requirement")
        density_of = it.get("density_of") or ""
        if density_of and (answer != "number" or not known(density_of, ind_ids)):
            r.problem(f, pid, "density_of", "pack.problem.unknown_indicator", value=density_of)
            density_of = ""
        unit = it.get("unit", "%" if coverage else "")
        out.append(
            ProfileItem(
                pid,
                r.text(f, pid, "name", it.get("name")),
                cast(ProfileAnswer, answer),  # one of ANSWERS: checked above
                r.text(f, pid, "help", it.get("help"), required=False),
                str(unit),
                lo,
                hi,
                coverage,
                evidenced,
                str(density_of),
                str(group),
            )
        )
    return tuple(out)


def _ids(r: Reader, f: str, item: str, fld: str, raw: Any, ids: set[str], key: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        r.problem(f, item, fld, "pack.problem.not_list")
        return ()
    out = []
    for x in raw:
        if not known(x, ids):
            r.problem(f, item, fld, key, value=x)
        else:
            out.append(str(x))
    return tuple(out)
