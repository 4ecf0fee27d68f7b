"""What is wrong with a pack: one ``PackProblem`` per fault, all of them raised as one ``PackError``."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..errors import AppError
from ..i18n import tr


@dataclass(frozen=True)
class PackProblem:
    """One thing wrong in a pack: where (file, item id, field, shown verbatim in every language),
    what (a message key in ``diag_app/messages/pack.py``) and the values that make it specific.

    Structured rather than a finished sentence so each reader gets it in their own language
    (``describe.pack_problem_text``); ``str()`` stays English for logs and exceptions."""

    file: str
    item: str
    field: str
    key: str
    # Not hashed: a dict cannot be, and file, item, field and key already tell problems apart.
    params: dict[str, Any] = dataclasses.field(default_factory=dict, hash=False)

    @property
    def where(self) -> str:
        return self.file + (f" [{self.item}]" if self.item else "") + (f" {self.field}" if self.field else "")

    @property
    def message(self) -> str:
        """The English message, as before messages were keyed."""
        return tr(self.key, "en", **self.params)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class PackError(AppError):
    """A pack folder cannot be used; ``problems`` lists every reason (each worded on its own line
    by ``error_text``)."""

    key, title_key, hint_key = "pack.error.detail", "error.pack_broken", "error.pack_broken.hint"

    def __init__(self, problems: list[PackProblem]):
        super().__init__("\n".join(str(p) for p in problems), n=len(problems))
        self.problems = problems
