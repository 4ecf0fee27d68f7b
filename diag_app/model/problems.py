"""What is wrong with an input, as data: where, what (a message key) and the values that make
it specific. The one translation layer turns problems into words; every reader of outside data
(files, forms, bundles) reports through them."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..errors import AppError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (a dotted field path), what (a message key) and the
    values that make the message specific."""

    field: str
    key: str
    # Spelled out in full: to the type checker the attribute ``field`` above hides the function here.
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


class AssessmentInvalid(AppError, ValueError):
    """An assessment (file, form or bundle member) breaks the rules; nothing was stored. The
    problems are listed one per line after the title, each naming its field."""

    key = "error.assessment_invalid.detail"
    title_key = "error.assessment_invalid"
    hint_key = "error.assessment_invalid.hint"
    problems: list[Problem]

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(f"{p.field}: {p.key} {p.params}" for p in problems))
        self.problems = problems
        self.count = len(problems)
