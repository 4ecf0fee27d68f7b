"""Everything the app concludes about one assessment, computed in one call.

Scores are always recomputed from the answers and the pack; nothing here is ever stored as the
source of truth.
"""

from __future__ import annotations

from dataclasses import dataclass

from .assessment import Assessment
from .questionnaire import Pack
from .renewal import Suggestion, suggest
from .roadmap import Roadmap, roadmap
from .scoring import Scores, score
from .support import PlanSupport, support_for_plans
from .tiers import TierDecision, national_tier, shanghai_tier


@dataclass(frozen=True)
class Result:
    assessment: Assessment
    scores: Scores
    tier: TierDecision
    national: TierDecision
    suggestions: tuple[Suggestion, ...]
    support: tuple[PlanSupport, ...]
    support_total_cny: float
    roadmap: Roadmap | None


def diagnose(pack: Pack, a: Assessment, with_roadmap: bool = True, costs: dict[str, float] | None = None) -> Result:
    s = score(pack, a)
    plans, total = support_for_plans(pack, a.plans)
    return Result(
        assessment=a,
        scores=s,
        tier=shanghai_tier(pack, s),
        national=national_tier(pack, s),
        suggestions=tuple(suggest(pack, a, s)),
        support=tuple(plans),
        support_total_cny=total,
        roadmap=roadmap(pack, a, s, costs) if with_roadmap else None,
    )
