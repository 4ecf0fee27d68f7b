"""An enterprise's assessment and the validation of what users and files put into it.

Validation lives here, not in the GUI or the file readers, so a value typed in a dialog, read
from a JSON file or imported from a bundle is held to exactly the same rules. Problems are
structured (field, message key, parameters); the one translation layer turns them into words.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any, TypeGuard

from .enterprise import (
    Enterprise,
    credit_code_check_char,
    credit_code_problem,
    make_credit_code,
    text_problem,
    validate_enterprise,
)
from .problems import AssessmentInvalid, Problem
from .questionnaire import Pack

# Re-exported: callers have long imported these from here.
__all__ = [
    "FORMAT",
    "FORMATS",
    "NA",
    "Answer",
    "Assessment",
    "AssessmentInvalid",
    "Enterprise",
    "Plan",
    "Problem",
    "Scope",
    "TeamMember",
    "assessment_to_data",
    "credit_code_check_char",
    "credit_code_problem",
    "make_credit_code",
    "parse_assessment",
    "text_problem",
    "validate_enterprise",
    "validate_value",
]

FORMAT = "smart-factory-assessment/2"
# Formats this version reads: /1 files (before scope, team, status and sub-domain N/A) still load.
FORMATS = ("smart-factory-assessment/1", FORMAT)
MODES = ("self", "onsite")
STATUSES = ("draft", "final")
SCOPE_FIELDS = ("site", "lines", "period", "interviewees", "documents")
MAX_TEXT = 4000  # scope texts, reasons and team fields: a page of text, not a file
MAX_TEAM = 50
NA = "na"
FINANCING = ("own", "loan", "lease")


@dataclass(frozen=True)
class Answer:
    item: str
    value: float | bool | str | None  # requirement rating, indicator number, yes/no, or "na"
    note: str = ""


@dataclass(frozen=True)
class Plan:
    """Something the enterprise intends to buy, with how it pays for it.

    ``confirmed`` holds the qualification ids (defined with the measures in the pack) that the user
    has confirmed for this item, e.g. that the product is certified 首台套: a measure whose
    conditions are not all confirmed is shown as possible, never counted."""

    item: str
    investment_cny: float
    financing: str = "own"
    loan_cny: float = 0.0
    rate: float = 0.0
    contract_cny: float = 0.0
    confirmed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scope:
    """What an assessment covered and how, in the assessor's words; the report's "scope and method"."""

    site: str = ""
    lines: str = ""
    period: str = ""
    interviewees: str = ""
    documents: str = ""

    def is_empty(self) -> bool:
        return not any(getattr(self, f) for f in SCOPE_FIELDS)


@dataclass(frozen=True)
class TeamMember:
    name: str
    role: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class Assessment:
    pack_id: str
    pack_version: str
    enterprise: Enterprise
    date: str = ""
    assessor: str = ""
    mode: str = "self"
    answers: dict[str, Answer] = field(default_factory=dict)
    plans: tuple[Plan, ...] = ()
    uuid: str = ""
    revision: int = 1
    status: str = "draft"  # "final" once the assessor has signed it off; a draft report says so
    scope: Scope = field(default_factory=Scope)
    team: tuple[TeamMember, ...] = ()
    # Whole sub-domains declared 不适用, with the reason (the pack says which sub-domains may be).
    na_subdomains: dict[str, str] = field(default_factory=dict)

    def path(self, pack: Pack) -> str:
        """The production path the assessment is scored on."""
        p = self.enterprise.path or pack.industries[self.enterprise.industry].path
        if p is None:
            raise AssessmentInvalid([Problem("enterprise.path", "path.required")])
        return p

    def value(self, item_id: str) -> float | bool | str | None:
        a = self.answers.get(item_id)
        return None if a is None else a.value

    def with_answer(self, item_id: str, value: float | bool | str | None, note: str | None = None):
        old = self.answers.get(item_id)
        answers = dict(self.answers)
        answers[item_id] = Answer(item_id, value, old.note if (note is None and old) else note or "")
        return replace(self, answers=answers)


def _num(v: Any) -> TypeGuard[int | float]:
    """A JSON number: an int or float, but not a bool (which Python counts as an int)."""
    return isinstance(v, int | float) and not isinstance(v, bool)


def validate_value(pack: Pack, item_id: str, value: Any, note: str | None = None) -> Problem | None:
    """Check one answer value against its item; the GUI calls this before saving a field.

    In a format-2 pack 不适用 is allowed only on a requirement the pack marks as possibly not
    applicable, and needs a reason in the answer's note: pass the note the answer will have to
    check that too (None: the note is not known here, e.g. while the value alone is being edited)."""
    item = pack.item(item_id)
    where = f"answers[{item_id}].value"
    if item is None:
        return Problem(f"answers[{item_id}]", "answer.unknown_id", {"id": item_id})
    if value is None:
        return None
    if item.kind == "requirement":
        allowed = {r.key for r in pack.scoring.ratings}
        if value == NA and NA in allowed:
            if pack.format >= 2 and not item.na_allowed:
                return Problem(where, "answer.na_not_allowed", {"id": item_id})
            if pack.format >= 2 and note is not None and not note.strip():
                return Problem(f"answers[{item_id}].note", "answer.na_reason", {"id": item_id})
            return None
        if _num(value) and any(r.value is not None and r.value == value for r in pack.scoring.ratings):
            return None
        return Problem(where, "answer.rating", {"id": item_id, "value": value, "allowed": ", ".join(sorted(allowed))})
    if item.kind == "indicator" or (item.kind == "profile" and item.answer == "number"):
        if not _num(value):
            return Problem(where, "answer.number", {"id": item_id, "value": value})
        if not (item.min <= value <= item.max):
            return Problem(
                where,
                "answer.range",
                {"id": item_id, "value": value, "min": item.min, "max": item.max, "unit": item.unit},
            )
        return None
    if not isinstance(value, bool):
        return Problem(where, "answer.bool", {"id": item_id, "value": value})
    return None


def parse_plans(pack: Pack, raw: Any, problems: list[Problem]) -> tuple[Plan, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(Problem("plans", "field.type_list"))
        return ()
    items = {c.id for c in pack.catalog}
    plans = []
    for i, p in enumerate(raw):
        where = f"plans[{i}]"
        if not isinstance(p, dict):
            problems.append(Problem(where, "field.type_object"))
            continue
        if p.get("item") not in items:
            problems.append(Problem(f"{where}.item", "plan.item", {"value": p.get("item")}))
            continue
        nums = {}
        for k in ("investment_cny", "loan_cny", "rate", "contract_cny"):
            v = p.get(k, 0.0)
            if not _num(v) or v < 0 or (k == "rate" and v > 1):
                problems.append(Problem(f"{where}.{k}", "plan.amount", {"value": v}))
                v = 0.0
            nums[k] = float(v)
        financing = p.get("financing", "own")
        if financing not in FINANCING:
            problems.append(
                Problem(f"{where}.financing", "plan.financing", {"value": financing, "allowed": ", ".join(FINANCING)})
            )
            financing = "own"
        confirmed = p.get("confirmed", [])
        if not isinstance(confirmed, list | tuple) or not all(
            isinstance(c, str) and 0 < len(c) <= 100 for c in confirmed
        ):
            problems.append(Problem(f"{where}.confirmed", "plan.confirmed", {"value": confirmed}))
            confirmed = []
        # Qualification ids are the pack's (measures.yaml); a pack without any checks the shape only.
        for q in confirmed if pack.qualifications else ():
            if q not in pack.qualifications:
                allowed = ", ".join(pack.qualifications)
                problems.append(
                    Problem(f"{where}.confirmed", "plan.confirmed_unknown", {"value": q, "allowed": allowed})
                )
        if financing == "loan" and nums["loan_cny"] > nums["investment_cny"]:
            problems.append(
                Problem(
                    f"{where}.loan_cny",
                    "plan.loan_above_investment",
                    {"loan": nums["loan_cny"], "investment": nums["investment_cny"]},
                )
            )
        plans.append(
            Plan(
                p["item"],
                nums["investment_cny"],
                financing,
                nums["loan_cny"],
                nums["rate"],
                nums["contract_cny"],
                tuple(dict.fromkeys(confirmed)),
            )
        )
    return tuple(plans)


def _text(raw: Any, where: str, problems: list[Problem]) -> str:
    """A free text field: a string of at most MAX_TEXT characters (None reads as empty)."""
    if raw is None:
        return ""
    if not isinstance(raw, str):
        problems.append(Problem(where, "field.type_text"))
        return ""
    if len(raw) > MAX_TEXT:
        problems.append(Problem(where, "field.text_long", {"max": MAX_TEXT}))
        return ""
    return raw.strip()


def parse_scope(raw: Any, problems: list[Problem]) -> Scope:
    if raw is None:
        return Scope()
    if not isinstance(raw, dict):
        problems.append(Problem("assessment.scope", "field.type_object"))
        return Scope()
    for key in raw:
        if key not in SCOPE_FIELDS:
            problems.append(Problem(f"assessment.scope.{key}", "field.unknown", {"allowed": ", ".join(SCOPE_FIELDS)}))
    return Scope(**{f: _text(raw.get(f), f"assessment.scope.{f}", problems) for f in SCOPE_FIELDS})


def parse_team(raw: Any, problems: list[Problem]) -> tuple[TeamMember, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(Problem("assessment.team", "field.type_list"))
        return ()
    if len(raw) > MAX_TEAM:
        problems.append(Problem("assessment.team", "field.too_many", {"max": MAX_TEAM}))
        return ()
    team = []
    for i, m in enumerate(raw):
        where = f"assessment.team[{i}]"
        if not isinstance(m, dict):
            problems.append(Problem(where, "field.type_object"))
            continue
        name = _text(m.get("name"), f"{where}.name", problems)
        if not name:
            problems.append(Problem(f"{where}.name", "team.name"))
            continue
        role = _text(m.get("role"), f"{where}.role", problems)
        org = _text(m.get("organisation"), f"{where}.organisation", problems)
        for field_name, value in (("name", name), ("role", role), ("organisation", org)):
            if p := text_problem(value, f"{where}.{field_name}"):
                problems.append(p)
        team.append(TeamMember(name, role, org))
    return tuple(team)


def parse_na_subdomains(pack: Pack, raw: Any, problems: list[Problem]) -> dict[str, str]:
    """Sub-domain id → reason. Whether a sub-domain may be declared 不适用 at all is the pack's
    rule (checked with the scoring rules); here: known ids and a reason for each."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(Problem("na_subdomains", "field.type_object"))
        return {}
    out = {}
    for sd, reason in raw.items():
        where = f"na_subdomains.{sd}"
        if sd not in pack.subdomains:
            problems.append(Problem(where, "na.unknown_subdomain", {"id": sd}))
            continue
        if pack.format >= 2 and not pack.subdomains[sd].na_allowed:  # format 1: uncontrolled, as its items
            problems.append(Problem(where, "na.subdomain_not_allowed", {"id": sd}))
            continue
        text = _text(reason, where, problems)
        if not text:
            problems.append(Problem(where, "na.reason", {"id": sd}))
            continue
        out[sd] = text
    return out


def parse_assessment(pack: Pack, data: Any) -> Assessment:
    """Build an Assessment from the JSON structure of an assessment file, or raise
    AssessmentInvalid listing every problem found (not just the first)."""
    if not isinstance(data, dict):
        raise AssessmentInvalid([Problem("$", "file.not_object")])
    if data.get("format") not in FORMATS:
        raise AssessmentInvalid([Problem("format", "file.format", {"value": data.get("format"), "expected": FORMAT})])
    problems: list[Problem] = []
    pk = data.get("pack") or {}
    if not isinstance(pk, dict) or pk.get("id") != pack.id:
        problems.append(Problem("pack.id", "pack.unknown", {"value": pk.get("id") if isinstance(pk, dict) else pk}))
    elif str(pk.get("version")) != pack.version:
        problems.append(Problem("pack.version", "pack.version", {"value": pk.get("version"), "expected": pack.version}))
    e = data.get("enterprise")
    if not isinstance(e, dict):
        raise AssessmentInvalid([*problems, Problem("enterprise", "field.type_object")])
    problems += validate_enterprise(pack, e)
    info = data.get("assessment") or {}
    if not isinstance(info, dict):
        problems.append(Problem("assessment", "field.type_object"))
        info = {}
    d = info.get("date") or ""
    if d:
        try:
            date.fromisoformat(str(d))
        except ValueError:
            problems.append(Problem("assessment.date", "assessment.date", {"value": d}))
    mode = info.get("mode") or "self"
    if mode not in MODES:
        problems.append(Problem("assessment.mode", "assessment.mode", {"value": mode, "allowed": ", ".join(MODES)}))
    assessor = info.get("assessor") or ""
    if not isinstance(assessor, str):
        problems.append(Problem("assessment.assessor", "field.type_text"))
        assessor = ""
    elif p := text_problem(assessor, "assessment.assessor"):
        problems.append(p)
    status = data.get("status") or "draft"
    if status not in STATUSES:
        problems.append(Problem("status", "assessment.status", {"value": status, "allowed": ", ".join(STATUSES)}))
    scope = parse_scope(info.get("scope"), problems)
    team = parse_team(info.get("team"), problems)
    na_subdomains = parse_na_subdomains(pack, data.get("na_subdomains"), problems)
    if problems:
        raise AssessmentInvalid(problems)

    industry = e["industry"]
    path = e.get("path") or pack.industries[industry].path
    if path is None:
        raise AssessmentInvalid([Problem("enterprise.path", "path.required", {"industry": industry})])
    allowed_ids = {i.id for i in pack.items_for(industry, path)}

    raw_answers = data.get("answers", [])
    if not isinstance(raw_answers, list):
        raise AssessmentInvalid([Problem("answers", "field.type_list")])
    answers: dict[str, Answer] = {}
    for i, a in enumerate(raw_answers):
        if not isinstance(a, dict) or not isinstance(a.get("id"), str):
            problems.append(Problem(f"answers[{i}]", "answer.shape"))
            continue
        item_id = a["id"]
        if item_id in answers:
            problems.append(Problem(f"answers[{i}]", "answer.duplicate", {"id": item_id}))
            continue
        if pack.item(item_id) is None:
            problems.append(Problem(f"answers[{i}].id", "answer.unknown_id", {"id": item_id}))
            continue
        if a.get("value") is None and not a.get("note"):
            continue  # unanswered template rows, including those of the other path
        if item_id not in allowed_ids:
            problems.append(
                Problem(
                    f"answers[{i}].id", "answer.not_applicable", {"id": item_id, "industry": industry, "path": path}
                )
            )
            continue
        value = a.get("value")
        if isinstance(value, str) and value.lower() == NA:
            value = NA
        note = a.get("note") or ""
        if not isinstance(note, str):
            problems.append(Problem(f"answers[{i}].note", "field.type_text"))
            continue
        problem = validate_value(pack, item_id, value, note)
        if problem:
            problems.append(problem)
            continue
        if value is None and not note:
            continue
        if _num(value) and not isinstance(value, bool):
            value = float(value)
        answers[item_id] = Answer(item_id, value, note)
    plans = parse_plans(pack, data.get("plans"), problems)
    revision = data.get("revision", 1)
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
        problems.append(Problem("revision", "field.revision", {"value": revision}))
        revision = 1
    uid = data.get("uuid") or ""
    if uid and (not isinstance(uid, str) or not re.fullmatch(r"[0-9a-fA-F-]{32,36}", uid)):
        problems.append(Problem("uuid", "field.uuid", {"value": uid}))
    if problems:
        raise AssessmentInvalid(problems)
    employees = e.get("employees")
    return Assessment(
        pack_id=pack.id,
        pack_version=pack.version,
        enterprise=Enterprise(
            name=e["name"].strip(),
            credit_code=e["credit_code"],
            industry=industry,
            path=e.get("path"),
            district=e.get("district") or "",
            employees=employees,
        ),
        date=str(d),
        assessor=assessor,
        mode=mode,
        answers=answers,
        plans=plans,
        uuid=uid,
        revision=revision,
        status=status,
        scope=scope,
        team=team,
        na_subdomains=na_subdomains,
    )


def assessment_to_data(a: Assessment) -> dict[str, Any]:
    """The JSON structure of an assessment file: parse_assessment's exact inverse."""
    data: dict[str, Any] = {
        "format": FORMAT,
        "pack": {"id": a.pack_id, "version": a.pack_version},
        "enterprise": {
            "name": a.enterprise.name,
            "credit_code": a.enterprise.credit_code,
            "industry": a.enterprise.industry,
            "path": a.enterprise.path,
            "district": a.enterprise.district,
            "employees": a.enterprise.employees,
        },
        "assessment": {
            "date": a.date,
            "assessor": a.assessor,
            "mode": a.mode,
            "scope": asdict(a.scope),
            "team": [asdict(m) for m in a.team],
        },
        "status": a.status,
        "answers": [
            {"id": ans.item, "value": ans.value, "note": ans.note}
            for ans in sorted(a.answers.values(), key=lambda x: x.item)
        ],
    }
    if a.na_subdomains:
        data["na_subdomains"] = dict(sorted(a.na_subdomains.items()))
    if a.plans:
        data["plans"] = [_plan_data(p) for p in a.plans]
    if a.uuid:
        data["uuid"] = a.uuid
        data["revision"] = a.revision
    return data


def _plan_data(p: Plan) -> dict[str, Any]:
    data = asdict(p)
    data["confirmed"] = list(p.confirmed)
    return data
