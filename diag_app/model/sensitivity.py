"""How far the CMMM result is from changing: the fewest ratings that would lift the first level not
met to met, and the fewest that would make a met level fall below the threshold.

A level's score is a weighted mean of its requirements' ratings (by item weight within a
sub-domain, by sub-domain weight across them), so it is linear in each rating: the fewest items to
move is found by taking the largest gains (or losses) first, which is exact for that count. The
moves are then scored like any answers, so ``s_after`` and ``level_after`` are what the app would
show had the assessment said so. Moves are realistic single steps: up to the pass mark
(大部分满足, the level threshold's rating), and down by one rating. 不适用 answers and sub-domains
declared not applicable are left as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from .assessment import NA, Assessment
from .questionnaire import Pack
from .scoring import Scores, score, score_values

_EPS = 1e-9


@dataclass(frozen=True)
class Move:
    item: str
    subdomain: str
    level: int
    before: float | None  # None: not answered yet (counts as not met)
    after: float


@dataclass(frozen=True)
class Change:
    """Moving these ratings would turn ``level`` (of the total) from not met to met (``up``) or from
    met to not met (down); the result would then be ``s_after`` and ``level_after``."""

    level: int
    up: bool
    moves: tuple[Move, ...]
    s_after: float
    level_after: int


@dataclass(frozen=True)
class Sensitivity:
    s: float
    level: int
    up: Change | None  # None: every level is met already (or nothing asked can lift it)
    down: Change | None  # None: no level is met


# per level: (item, sub-domain, its share of the level's score, its rating or None if unanswered)
_Cells = dict[int, list[tuple[str, str, float, float | None]]]


def _ratings(pack: Pack) -> list[float]:
    return sorted(r.value for r in pack.scoring.ratings if r.value is not None)


def _pass_mark(pack: Pack) -> float:
    """The lowest rating that meets the level threshold on its own (大部分满足, 0.8)."""
    t = pack.scoring.level_threshold
    return next((v for v in _ratings(pack) if v >= t - _EPS), max(_ratings(pack)))


def _one_down(pack: Pack, v: float) -> float:
    lower = [x for x in _ratings(pack) if x < v - _EPS]
    return lower[-1] if lower else v


def _cells(pack: Pack, a: Assessment, base: Scores) -> _Cells:
    """Per level: (item, sub-domain, its share of the level's total score, its rating) for every
    rated or unanswered requirement of the sub-domains scored. The share is the weight the item
    carries in the level's weighted mean: item weight / the cell's weight sum × sub-domain weight /
    the level's sum of sub-domain weights."""
    reqs = [
        r
        for r in pack.requirements_for(a.enterprise.industry, base.path)
        if r.subdomain in base.subdomains and a.value(r.id) != NA
    ]
    cell_w: dict[tuple[str, int], float] = {}
    for r in reqs:
        cell_w[(r.subdomain, r.level)] = cell_w.get((r.subdomain, r.level), 0.0) + r.weight
    level_w: dict[int, float] = {}
    for sds in base.subdomains.values():
        for lvl, v in sds.level_scores.items():
            if v is not None:
                level_w[lvl] = level_w.get(lvl, 0.0) + sds.weight
    out: _Cells = {}
    for r in reqs:
        lw = level_w.get(r.level, 0.0)
        if lw <= 0:
            continue
        share = r.weight / cell_w[(r.subdomain, r.level)] * base.subdomains[r.subdomain].weight / lw
        value = a.value(r.id)
        out.setdefault(r.level, []).append((r.id, r.subdomain, share, value if isinstance(value, float) else None))
    return out


def _apply(pack: Pack, a: Assessment, base: Scores, moves: list[Move]) -> Scores:
    values: dict[str, object] = {k: ans.value for k, ans in a.answers.items()}
    values.update({m.item: m.after for m in moves})
    return score_values(pack, a.enterprise.industry, base.path, values, a.na_subdomains)


def _up(pack: Pack, a: Assessment, base: Scores, cells: _Cells) -> Change | None:
    t = pack.scoring.level_threshold
    target = next((lvl for lvl, v in sorted(base.level_scores.items()) if v is not None and v < t - _EPS), None)
    if target is None:
        return None
    need = t - (base.level_scores[target] or 0.0)
    for to in (_pass_mark(pack), max(_ratings(pack))):
        gains = sorted(
            (
                (share * (to - (v or 0.0)), item, sd, v)
                for item, sd, share, v in cells.get(target, ())
                if (v or 0.0) < to
            ),
            key=lambda g: (-g[0], g[1]),
        )
        moves: list[Move] = []
        got = 0.0
        for gain, item, sd, v in gains:
            if got >= need - _EPS:
                break
            moves.append(Move(item, sd, target, v, to))
            got += gain
        if got >= need - _EPS and moves:
            after = _apply(pack, a, base, moves)
            return Change(target, True, tuple(moves), after.s, after.level)
    return None


def _down(pack: Pack, a: Assessment, base: Scores, cells: _Cells) -> Change | None:
    t = pack.scoring.level_threshold
    best: Change | None = None
    for lvl, v in sorted(base.level_scores.items()):
        if v is None or v < t - _EPS:
            break  # the met levels S counts are the ones below the first not met
        room = v - (t - _EPS)  # how much the level may lose and stay met
        losses = sorted(
            (
                (share * (x - _one_down(pack, x)), item, sd, x)
                for item, sd, share, x in cells.get(lvl, ())
                if x is not None and _one_down(pack, x) < x
            ),
            key=lambda g: (-g[0], g[1]),
        )
        moves: list[Move] = []
        lost = 0.0
        for loss, item, sd, x in losses:
            if lost > room:
                break
            moves.append(Move(item, sd, lvl, x, _one_down(pack, x)))
            lost += loss
        if lost > room and moves and (best is None or len(moves) <= len(best.moves)):
            after = _apply(pack, a, base, moves)
            best = Change(lvl, False, tuple(moves), after.s, after.level)
    return best


def sensitivity(pack: Pack, a: Assessment, base: Scores | None = None) -> Sensitivity:
    base = base or score(pack, a)
    cells = _cells(pack, a, base)
    return Sensitivity(base.s, base.level, _up(pack, a, base, cells), _down(pack, a, base, cells))
