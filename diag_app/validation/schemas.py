"""The shape of every file format that comes from outside, declared once as pydantic models and
checked before any semantic check: assessment files (also bundle members), bundle manifests and
plans.

The models say what a field is (type, length, range, form, which fields an object may have),
strictly: no text read as a number, no number read as a date or as true/false, no field that
is not declared. The checks that need the questionnaire pack (item ids, rating values, indicator
ranges, catalogue items, sub-domains) stay in ``model.assessment``. The models only check: the
model's own types are built from the data afterwards. The limits are listed in docs/limits.md.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from ..model.assessment import MAX_TEAM, MAX_TEXT, SCOPE_FIELDS, AssessmentInvalid, Problem
from .reading import JSON_LIMITS, field_path

MAX_ANSWERS = 2_000  # answers in one assessment (a pack has ~350 items)
MAX_PLANS = 200
MAX_EVIDENCE_REFS = 5_000  # evidence references in one revision
MAX_NA_SUBDOMAINS = 100
MAX_NOTE = 10_000  # characters of one answer's note
MAX_MEMBERS = 20_000  # files listed in a bundle manifest
MAX_MONEY = 1e13  # CNY: ten trillion
MAX_EVIDENCE_BYTES = 50 * 1024 * 1024

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _calendar_date(value: str) -> str:
    """ "" or YYYY-MM-DD naming a real day (2026-02-30 is not one)."""
    if value:
        ok = bool(_DATE.fullmatch(value))
        if ok:
            try:
                date.fromisoformat(value)
            except ValueError:
                ok = False
        if not ok:
            raise PydanticCustomError("calendar_date", "not a calendar date")
    return value


def _answer_value(value: Any) -> Any:
    """An answer's value: a number, true/false, a short text ("na") or null."""
    if value is None or isinstance(value, bool | int | float) or (isinstance(value, str) and len(value) <= 20):
        return value
    raise PydanticCustomError("answer_value", "not an answer value")


def is_timestamp(value: object) -> bool:
    """An ISO 8601 date and time (the informative times in exports)."""
    if not isinstance(value, str) or len(value) > 64 or not _DATE.match(value):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


Id = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Label = Annotated[str, StringConstraints(max_length=100)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Note = Annotated[str, StringConstraints(max_length=MAX_NOTE)]
Name = Annotated[str, StringConstraints(max_length=200)]
Short = Annotated[str, StringConstraints(max_length=40)]
Word = Annotated[str, StringConstraints(max_length=20)]
Long = Annotated[str, StringConstraints(max_length=1000)]
Version = Annotated[str, StringConstraints(min_length=1, max_length=40)]
MemberName = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Uuid = Annotated[str, StringConstraints(max_length=64)]
Stamp = Annotated[str, StringConstraints(max_length=64)]  # informative times: a malformed one is ignored
Money = Annotated[float, Field(ge=0, le=MAX_MONEY)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
CalendarDate = Annotated[str, StringConstraints(max_length=10), AfterValidator(_calendar_date)]
AnswerValue = Annotated[Any, AfterValidator(_answer_value)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class PlanShape(_Strict):
    item: Id
    investment_cny: Money = 0.0
    financing: Word | None = None
    loan_cny: Money = 0.0
    rate: Annotated[float, Field(ge=0, le=1)] = 0.0
    contract_cny: Money = 0.0
    confirmed: Annotated[list[Id], Field(max_length=50)] = []


class AnswerShape(_Strict):
    """An answer row: what the app reads, plus what ``diag-app template`` writes to explain it."""

    id: Id
    value: AnswerValue = None
    note: Note | None = None
    who: Name | None = None
    updated: Stamp | None = None
    # the template's explanations, ignored on reading
    kind: Short | None = None
    subdomain: Id | None = None
    level: Annotated[int, Field(ge=0, le=100)] | None = None
    text: Text | None = None
    paths: Annotated[list[Short], Field(max_length=10)] | None = None
    unit: Short | None = None
    min: float | None = None
    max: float | None = None
    better: Short | None = None
    targets: Annotated[dict[Id, float | None], Field(max_length=50)] | None = None
    optional: bool | None = None
    link: Name | None = None
    answer: Short | None = None


class EvidenceRefShape(_Strict):
    item: Id
    sha256: Sha256
    name: Long
    size: Annotated[int, Field(ge=0, le=MAX_EVIDENCE_BYTES)] | None = None
    added: Stamp | None = None
    who: Name | None = None


class PackShape(_Strict):
    id: Id
    version: Version


class EnterpriseShape(_Strict):
    name: Name
    credit_code: Short
    industry: Id
    path: Short | None = None
    district: Label | None = None
    employees: Annotated[int, Field(ge=0, le=100_000_000)] | None = None


class ScopeShape(_Strict):
    site: Text | None = None
    lines: Text | None = None
    period: Text | None = None
    interviewees: Text | None = None
    documents: Text | None = None


class MemberShape(_Strict):
    name: Name
    role: Name | None = None
    organisation: Name | None = None


class InfoShape(_Strict):
    date: CalendarDate | None = None
    assessor: Name | None = None
    mode: Word | None = None
    scope: ScopeShape | None = None
    team: Annotated[list[MemberShape], Field(max_length=MAX_TEAM)] | None = None


class AssessmentShape(_Strict):
    """An assessment file (docs/assessment-format.md) and a bundle's assessment member."""

    format: Label
    pack: PackShape
    enterprise: EnterpriseShape
    assessment: InfoShape | None = None
    status: Word | None = None
    na_subdomains: Annotated[dict[Id, Text], Field(max_length=MAX_NA_SUBDOMAINS)] | None = None
    answers: Annotated[list[AnswerShape], Field(max_length=MAX_ANSWERS)] = []
    plans: Annotated[list[PlanShape], Field(max_length=MAX_PLANS)] | None = None
    # what a workspace export adds (docs/bundle-format.md)
    uuid: Uuid | None = None
    revision: Annotated[int, Field(ge=1, le=999_999_999)] = 1
    created: Stamp | None = None
    updated: Stamp | None = None
    finalised: Stamp | None = None
    evidence: Annotated[list[EvidenceRefShape], Field(max_length=MAX_EVIDENCE_REFS)] = []


class ManifestFileShape(_Strict):
    name: MemberName
    sha256: Sha256
    size: Annotated[int, Field(ge=0, le=2**40)]


class ManifestShape(BaseModel):
    """A bundle's manifest.json; a newer app may add fields a reader of the format ignores."""

    model_config = ConfigDict(strict=True, extra="allow")

    format: Label
    app_version: Label | None = None
    created: Stamp | None = None
    files: Annotated[list[ManifestFileShape], Field(max_length=MAX_MEMBERS)]


PlansShape = Annotated[list[PlanShape], Field(max_length=MAX_PLANS)] | None

# Which object a field path leads to (list indices as "[]"), to say which fields it may have.
_OBJECTS: dict[str, dict[tuple[str, ...], type[BaseModel]]] = {
    "assessment": {
        (): AssessmentShape,
        ("pack",): PackShape,
        ("enterprise",): EnterpriseShape,
        ("assessment",): InfoShape,
        ("assessment", "scope"): ScopeShape,
        ("assessment", "team", "[]"): MemberShape,
        ("answers", "[]"): AnswerShape,
        ("plans", "[]"): PlanShape,
        ("evidence", "[]"): EvidenceRefShape,
    },
    "manifest": {("files", "[]"): ManifestFileShape},
    "plans": {("[]",): PlanShape},
}
assert set(ScopeShape.model_fields) == set(SCOPE_FIELDS)


@cache
def _adapter(name: str) -> TypeAdapter[Any]:
    shape: Any = {"assessment": AssessmentShape, "manifest": ManifestShape, "plans": PlansShape}[name]
    return TypeAdapter(shape)


def shape_problems(
    name: str, data: Any, where: tuple[str, ...] = (), limit: int = JSON_LIMITS.max_problems
) -> list[Problem]:
    """What in ``data`` breaks the shape ``name`` ("assessment", "manifest", "plans"), each problem
    naming its field (below ``where``) and rule, in the order of the fields; at most ``limit``."""
    try:
        _adapter(name).validate_python(data)
    except ValidationError as e:
        return [_problem(name, err, where) for err in e.errors(include_url=False)[:limit]]
    return []


def check_shape(name: str, data: Any, where: tuple[str, ...] = ()) -> None:
    """Raise AssessmentInvalid when ``data`` breaks the shape ``name``."""
    problems = shape_problems(name, data, where)
    if problems:
        raise AssessmentInvalid(problems)


_TYPES = {
    "string_type": "string",
    "float_type": "number",
    "int_type": "integer",
    "bool_type": "boolean",
    "list_type": "array",
    "dict_type": "object",
    "model_type": "object",
    "model_attributes_type": "object",
    "none_required": "null",
}
_LIMITS = {
    "string_too_long": ("maxLength", "max", "max_length"),
    "string_too_short": ("minLength", "min", "min_length"),
    "too_long": ("maxItems", "max", "max_length"),
    "too_short": ("minItems", "min", "min_length"),
    "less_than_equal": ("maximum", "max", "le"),
    "less_than": ("exclusiveMaximum", "max", "lt"),
    "greater_than_equal": ("minimum", "min", "ge"),
    "greater_than": ("exclusiveMinimum", "min", "gt"),
}


def _problem(name: str, err: Any, prefix: tuple[str, ...]) -> Problem:
    """One pydantic error as our problem: the field it concerns and a rule we word."""
    loc = list(err["loc"])
    where = field_path([*prefix, *loc])
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = _show(err.get("input"))
    if kind == "missing":
        return Problem(where, "schema.required")
    if kind == "extra_forbidden":
        parent = tuple("[]" if isinstance(p, int) else str(p) for p in loc[:-1])
        model = _OBJECTS[name].get(parent)
        allowed = ", ".join(model.model_fields) if model else ""
        return Problem(where, "schema.unknown", {"allowed": allowed})
    if kind in _TYPES:
        return Problem(where, f"schema.type.{_TYPES[kind]}", {"value": value})
    if kind in _LIMITS:
        rule, param, key = _LIMITS[kind]
        return Problem(where, f"schema.{rule}", {param: _num(ctx.get(key)), "value": value})
    if kind == "string_pattern_mismatch":
        return Problem(where, "schema.pattern", {"value": value})
    if kind == "calendar_date":
        return Problem(where, "schema.format.calendar-date", {"value": value})
    if kind == "answer_value":
        return Problem(where, "schema.answer_value", {"value": value})
    return Problem(where, "schema.invalid", {"rule": kind})


def _num(x: Any) -> Any:
    return int(x) if isinstance(x, float) and x.is_integer() and abs(x) < 1e16 else x


def _show(x: Any) -> str:
    """A value as it may appear in a message: short, and only for simple values."""
    if isinstance(x, str):
        return repr(x if len(x) <= 40 else x[:37] + "…")
    if isinstance(x, bool | int | float) or x is None:
        return repr(x)
    return {"dict": "{…}", "list": "[…]"}.get(type(x).__name__, type(x).__name__)
