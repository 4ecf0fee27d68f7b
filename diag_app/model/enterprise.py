"""The enterprise an assessment is about, and the checks of what identifies it: the 统一社会信用代码
after GB 32100-2015 and the industry and production path the questionnaire depends on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .problems import Problem
from .questionnaire import PATHS, Pack

# GB 32100-2015: the 31 characters a 统一社会信用代码 may use, and the position weights.
_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_check_char(first17: str) -> str | None:
    """The check character of a credit code's first 17 characters, or None if they use a
    character the standard does not allow."""
    total = 0
    for ch, w in zip(first17, _CODE_WEIGHTS, strict=True):
        pos = _CODE_CHARS.find(ch)
        if pos < 0:
            return None
        total += pos * w
    return _CODE_CHARS[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """Why a 统一社会信用代码 is invalid (a message key), or None when it is valid."""
    if not isinstance(code, str) or len(code) != 18:
        return "credit_code.length"
    if any(c not in _CODE_CHARS for c in code):
        return "credit_code.chars"
    if credit_code_check_char(code[:17]) != code[17]:
        return "credit_code.check"
    return None


def make_credit_code(first17: str) -> str:
    """Complete 17 characters into a valid code (used for examples and test data)."""
    check = credit_code_check_char(first17)
    if check is None:
        raise ValueError(first17)
    return first17 + check


@dataclass(frozen=True)
class Enterprise:
    name: str
    credit_code: str
    industry: str
    path: str | None = None
    district: str = ""
    employees: int | None = None


# Control characters and the bidirectional embeddings, overrides and isolates: invisible, they can
# make a name read differently from what it is ("‮司公…" shown backwards in the app) and have no
# glyph in the report's font. Tabs and line ends are controls too: a one-line field has none.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")


def invisible_char(text: str) -> str | None:
    """The first invisible control or direction character of a one-line field, as "U+202E"."""
    m = _INVISIBLE.search(text)
    return f"U+{ord(m.group()):04X}" if m else None


def text_problem(value: Any, where: str) -> Problem | None:
    """A one-line text field (a name, a district, an assessor) that holds an invisible character."""
    code = invisible_char(value) if isinstance(value, str) else None
    return Problem(where, "field.invisible_char", {"code": code}) if code else None


def validate_enterprise(pack: Pack, e: dict[str, Any], where: str = "enterprise") -> list[Problem]:
    problems: list[Problem] = []
    name = e.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem(f"{where}.name", "enterprise.name"))
    elif len(name) > 200:
        problems.append(Problem(f"{where}.name", "enterprise.name_long"))
    elif p := text_problem(name, f"{where}.name"):
        problems.append(p)
    code = e.get("credit_code")
    key = credit_code_problem(code) if isinstance(code, str) else "credit_code.length"
    if key:
        problems.append(Problem(f"{where}.credit_code", key, {"code": code}))
    industry = e.get("industry")
    if industry not in pack.industries:
        problems.append(
            Problem(
                f"{where}.industry", "enterprise.industry", {"value": industry, "allowed": ", ".join(pack.industries)}
            )
        )
    path = e.get("path")
    if path is not None and path not in PATHS:
        problems.append(Problem(f"{where}.path", "enterprise.path", {"value": path, "allowed": ", ".join(PATHS)}))
    employees = e.get("employees")
    if employees is not None and (
        not isinstance(employees, int) or isinstance(employees, bool) or not 1 <= employees <= 1_000_000
    ):
        problems.append(Problem(f"{where}.employees", "enterprise.employees", {"value": employees}))
    district = e.get("district", "")
    if district is not None and not isinstance(district, str):
        problems.append(Problem(f"{where}.district", "field.type_text"))
    elif p := text_problem(district, f"{where}.district"):
        problems.append(p)
    return problems
