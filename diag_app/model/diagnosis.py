"""Everything the app concludes about one assessment, computed in one call.

Scores are always recomputed from the answers and the pack; nothing here is ever stored as the
source of truth. The suggestions come ranked by ``ranking.rank`` with the roadmap, so the top
priorities, the roadmap and the planned projects agree wherever they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from .assessment import Assessment
from .effects import Baseline
from .questionnaire import Pack
from .ranking import rank
from .renewal import Flag, Suggestion, Suppressed, advise
from .roadmap import Roadmap, roadmap
from .scoring import Scores
from .support import PlanSupport, support_for_plans
from .tiers import TierDecision, national_tier, shanghai_tier


@dataclass(frozen=True)
class Result:
    assessment: Assessment
    scores: Scores
    tier: TierDecision
    national: TierDecision
    suggestions: tuple[Suggestion, ...]  # ranked: priority 1 first
    support: tuple[PlanSupport, ...]
    support_total_cny: float  # counted support only: confirmed qualifications, stated amounts
    roadmap: Roadmap | None
    suppressed: tuple[Suppressed, ...] = ()  # items left out on purpose, and why
    flags: tuple[Flag, ...] = ()  # contradictions in the answers for the assessor to check


def diagnose(pack: Pack, a: Assessment, with_roadmap: bool = True, costs: dict[str, float] | None = None) -> Result:
    base = Baseline(pack, a)
    s = base.scores
    plans, total = support_for_plans(pack, a.plans)
    adv = advise(pack, a, base=base)
    rm = roadmap(pack, a, s, costs, advice=adv, base=base) if with_roadmap else None
    return Result(
        assessment=a,
        scores=s,
        tier=shanghai_tier(pack, s),
        national=national_tier(pack, s),
        suggestions=rank(adv.suggestions, rm),
        support=tuple(plans),
        support_total_cny=total,
        roadmap=rm,
        suppressed=adv.suppressed,
        flags=adv.flags,
    )
