"""Two assessments side by side: per sub-domain change, level and tier change, the answers that
changed.

Plain data over model objects, free of Qt: the history page shows a ``Comparison`` and the chart
process (which imports no Qt) unpickles one to draw it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .assessment import Assessment
from .questionnaire import Pack
from .scoring import Scores, score
from .tiers import shanghai_tier


@dataclass(frozen=True)
class SubDomainChange:
    id: str
    name: str
    a: float | None
    b: float | None

    @property
    def delta(self) -> float:
        return (self.b or 0.0) - (self.a or 0.0)


@dataclass(frozen=True)
class AnswerChange:
    item: str
    text: str
    a: Any
    b: Any


@dataclass(frozen=True)
class Comparison:
    a: Scores
    b: Scores
    tier_a: str
    tier_b: str
    subdomains: tuple[SubDomainChange, ...]
    answers: tuple[AnswerChange, ...]


def _item_text(pack: Pack, item_id: str, lang: str) -> str:
    it = pack.item(item_id)
    if it is None:
        return item_id
    text = getattr(it, "text", None) or getattr(it, "name", None)
    return text.get(lang) if text is not None else item_id


def compare(pack_a: Pack, a: Assessment, pack_b: Pack, b: Assessment, lang: str) -> Comparison:
    """What changed from ``a`` to ``b``: scores, tiers, every sub-domain, every answer."""
    sa, sb = score(pack_a, a), score(pack_b, b)
    ids = list(dict.fromkeys([*sa.subdomains, *sb.subdomains]))
    subs = []
    for sd in ids:
        x, y = sa.subdomains.get(sd), sb.subdomains.get(sd)
        sub = pack_b.subdomains.get(sd) or pack_a.subdomains.get(sd)
        subs.append(
            SubDomainChange(sd, sub.name.get(lang) if sub else sd, x.score if x else None, y.score if y else None)
        )
    answers = []
    for item in sorted(set(a.answers) | set(b.answers)):
        va = a.answers[item].value if item in a.answers else None
        vb = b.answers[item].value if item in b.answers else None
        if va != vb:
            answers.append(AnswerChange(item, _item_text(pack_b, item, lang), va, vb))
    return Comparison(
        sa, sb, shanghai_tier(pack_a, sa).tier, shanghai_tier(pack_b, sb).tier, tuple(subs), tuple(answers)
    )
