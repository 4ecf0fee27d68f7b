"""The one ranking of renewal suggestions: what the screen, the report and the XLSX list first.

The order, in words (``describe.ranking_text`` says it to the user):
1. the items on the roadmap, in its step order — the enterprise's planned projects first, then the
   cheapest proven route to the next attainable tier, each item after what it depends on;
2. then every other suggestion by the rise of the total score S per 10,000 CNY of investment;
3. where that is equal (most often zero: the item works on a level above the first unmet one), by
   its weighted requirement gain per 10,000 CNY — what it adds to the level sums, each requirement
   weighted by its sub-domain's weight for this industry and path and its share of its cell;
4. then the cheaper item first, then the catalogue id (so the order is stable).
An item whose preconditions are not in place sorts after every item that provides them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from .renewal import Suggestion

if TYPE_CHECKING:
    from .roadmap import Roadmap

# The criteria in order, for the words describing them (messages "ranking.<id>").
RANKING_CRITERIA = ("roadmap", "s_per_cost", "points_per_cost", "cost")


def rank(suggestions: Iterable[Suggestion], roadmap: Roadmap | None = None) -> tuple[Suggestion, ...]:
    """The suggestions in priority order, each with its ``priority`` (1 first) and its roadmap
    ``step`` (0 when not on the roadmap)."""
    sgs = list(suggestions)
    steps: dict[str, int] = {}
    if roadmap is not None:
        for n, st in enumerate(roadmap.steps, 1):
            steps.setdefault(st.item.id, n)
    providers: dict[str, set[str]] = {}
    for sg in sgs:
        for pid in sg.item.provides:
            providers.setdefault(pid, set()).add(sg.item.id)

    def key(sg: Suggestion) -> tuple[int, int, float, float, float, str]:
        per = max(sg.cost, 1.0) / 10_000
        step = steps.get(sg.item.id, 0)
        return (0 if step else 1, step, -sg.s_gain / per, -sg.points / per, sg.cost, sg.item.id)

    ordered = sorted(sgs, key=key)
    # Dependencies: move an item after the suggestions that provide what it needs.
    out: list[Suggestion] = []
    placed: set[str] = set()
    waiting = list(ordered)
    while waiting:
        for sg in waiting:
            # ready when each need is provided by an item already placed, or by none suggested
            if all(not (providers.get(n, set()) - {sg.item.id}) or providers[n] & placed for n in sg.needs):
                break
        else:
            sg = waiting[0]
        waiting.remove(sg)
        placed.add(sg.item.id)
        out.append(sg)
    return tuple(replace(sg, priority=i, step=steps.get(sg.item.id, 0)) for i, sg in enumerate(out, 1))
