"""Words for how far a result is from changing (the sensitivity line) and for its 不适用 answers.

Kept apart from ``describe`` (which calls it) so that module stays small; worded through the one
translation layer like every other result text.
"""

from __future__ import annotations

from typing import Any

from .i18n import tr
from .model.applicability import not_applicable
from .model.assessment import Assessment
from .model.questionnaire import Pack
from .model.scoring import Scores
from .model.sensitivity import Change, sensitivity
from .money import fmt_num


def _level_name(pack: Pack, level: int, lang: str) -> str:
    return tr("level.none", lang) if level < 1 else pack.scoring.level_names[level].get(lang)


def _rating_label(pack: Pack, v: float | None, lang: str) -> str:
    if v is None:
        return tr("sens.unanswered", lang)
    return next(
        (x.label.get(lang) for x in pack.scoring.ratings if x.value is not None and abs(x.value - v) < 1e-9), fmt_num(v)
    )


def sensitivity_text(pack: Pack, c: Change, s: float, lang: str) -> str:
    """ "3 items from 部分满足 to 大部分满足 would raise L2 to met (S 1.57 → 2.31, …)", or the way down."""
    counts: dict[tuple[float | None, float], int] = {}
    for m in c.moves:
        counts[(m.before, m.after)] = counts.get((m.before, m.after), 0) + 1
    sep = "，" if lang == "zh" else ", "
    moves = sep.join(
        tr(
            "sens.move_up" if c.up else "sens.move_down",
            lang,
            n=n,
            before=_rating_label(pack, b, lang),
            after=_rating_label(pack, a, lang),
        )
        for (b, a), n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    )
    return tr(
        "sens.up" if c.up else "sens.down",
        lang,
        moves=moves,
        level=c.level,
        s=s,
        s_after=c.s_after,
        level_after=_level_name(pack, c.level_after, lang),
    )


def sensitivity_json(pack: Pack, a: Assessment, scores: Scores, lang: str) -> dict[str, Any]:
    """The "sensitivity" of `score --json`: the way up and the way down, with their moves."""
    sens = sensitivity(pack, a, scores)
    out: dict[str, Any] = {}
    for key, c in (("up", sens.up), ("down", sens.down)):
        out[key] = (
            None
            if c is None
            else {
                "level": c.level,
                "items": [{"id": m.item, "from": m.before, "to": m.after} for m in c.moves],
                "score_after": round(c.s_after, 2),
                "level_after": c.level_after,
                "text": sensitivity_text(pack, c, scores.s, lang),
            }
        )
    return out


def na_json(pack: Pack, a: Assessment) -> dict[str, Any]:
    """The "not_applicable" of `score --json`: every N/A with its reason, the share and the warning."""
    na = not_applicable(pack, a)
    return {
        "items": [{"id": e.id, "kind": e.kind, "reason": e.reason, "requirements": e.items} for e in na.entries],
        "share": round(na.share, 4),
        "warning": na.warn,
    }


def margin_lines(pack: Pack, a: Assessment, scores: Scores, lang: str) -> list[str]:
    """The summary's lines: the way up and down (↕), and the N/A warning when there are too many."""
    sens = sensitivity(pack, a, scores)
    lines = [f"  ↕ {sensitivity_text(pack, c, scores.s, lang)}" for c in (sens.up, sens.down) if c is not None]
    na = not_applicable(pack, a)
    if na.warn:
        lines.append(tr("na.warning", lang, share=na.share * 100, limit=(na.limit or 0) * 100, n=na.na_items))
    return lines
