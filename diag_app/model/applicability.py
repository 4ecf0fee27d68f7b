"""不适用 (not applicable) under control: which answers are N/A, why, and whether there are too many.

A format-2 pack says where N/A may be used: on a requirement whose ``na_when`` is set (the answer's
note gives the reason) and for a whole sub-domain whose ``na_when`` is set (the assessment's
``na_subdomains`` gives the reason). ``not_applicable`` lists every such answer with its reason,
for the report, and measures the share of the questionnaire that was set aside, so a result that
rests on many N/A answers says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .assessment import NA, Assessment
from .questionnaire import EMPTY, Pack, Text


@dataclass(frozen=True)
class NotApplicable:
    id: str  # the requirement's or the sub-domain's
    kind: Literal["requirement", "subdomain"]
    subdomain: str
    reason: str  # the assessment's: the answer's note, or the sub-domain declaration's reason
    allowed: Text = EMPTY  # the pack's: when it may be N/A
    items: int = 1  # requirements it sets aside (a sub-domain: all of its requirements asked)


@dataclass(frozen=True)
class NaSummary:
    entries: tuple[NotApplicable, ...]
    na_items: int  # requirements set aside: answered N/A, or in a sub-domain declared N/A
    asked: int  # requirements asked of this enterprise (its industry and path)
    limit: float | None  # the pack's warning threshold (share), None: no warning

    @property
    def share(self) -> float:
        return self.na_items / self.asked if self.asked else 0.0

    @property
    def warn(self) -> bool:
        """More of the questionnaire set aside than the pack accepts without a warning."""
        return self.limit is not None and self.share > self.limit + 1e-12


def not_applicable(pack: Pack, a: Assessment) -> NaSummary:
    reqs = pack.requirements_for(a.enterprise.industry, a.path(pack))
    entries: list[NotApplicable] = []
    na_items = 0
    for sd, reason in a.na_subdomains.items():
        n = sum(1 for r in reqs if r.subdomain == sd)
        sub = pack.subdomains.get(sd)
        entries.append(NotApplicable(sd, "subdomain", sd, reason, sub.na_when if sub else EMPTY, n))
        na_items += n
    for r in reqs:
        if r.subdomain in a.na_subdomains:
            continue
        ans = a.answers.get(r.id)
        if ans is not None and ans.value == NA:
            entries.append(NotApplicable(r.id, "requirement", r.subdomain, ans.note.strip(), r.na_when))
            na_items += 1
    return NaSummary(tuple(entries), na_items, len(reqs), pack.scoring.na_warn_share)
