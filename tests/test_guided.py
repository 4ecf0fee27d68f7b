"""The guided interview's counting (model/guided.py): which open items can still change the
result. The promise a user relies on: answers the guide does not ask for cannot change S, the
CMMM level or either tier — whatever they turn out to be."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diag_app.assessment_file import read_assessment_file
from diag_app.model.assessment import NA, Answer, Assessment
from diag_app.model.guided import level_items, outlook
from diag_app.model.scoring import score
from diag_app.model.tiers import national_tier, shanghai_tier

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


@pytest.fixture(scope="module")
def examples():
    return [read_assessment_file(p) for p in EXAMPLES]


def result(pack, a: Assessment):
    s = score(pack, a)
    return round(s.s, 9), s.level, shanghai_tier(pack, s).tier, national_tier(pack, s).tier


def items_of(pack, a: Assessment) -> list:
    path = a.path(pack)
    return [
        *pack.requirements_for(a.enterprise.industry, path),
        *pack.indicators_for(path),
        *pack.conditions,
        *pack.scenarios,
    ]


def any_answer(pack, it, rnd: random.Random):
    kind = getattr(it, "kind", "")
    if kind == "requirement":
        return rnd.choice([r.value if r.value is not None else NA for r in pack.scoring.ratings])
    if kind == "indicator":
        return rnd.choice([it.min, it.max, (it.min + it.max) / 2, *(t.value for t in it.targets)])
    return rnd.choice([True, False])


def completed(pack, a: Assessment, ids, rnd: random.Random) -> Assessment:
    """``a`` with the open items ``ids`` answered at random."""
    answers = dict(a.answers)
    for it in items_of(pack, a):
        if it.id in ids and a.value(it.id) is None:
            answers[it.id] = Answer(it.id, any_answer(pack, it, rnd))
    return replace(a, answers=answers)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), keep=st.floats(0.0, 1.0), which=st.integers(0, 5))
def test_answers_the_guide_does_not_ask_for_never_change_the_result(examples, seed, keep, which):
    pack, full = examples[which % len(examples)]
    rnd = random.Random(seed)
    # a partly answered assessment: the lower levels more often answered, as a guided interview leaves it
    answers = {
        k: v
        for k, v in full.answers.items()
        if rnd.random() < keep + (0.4 if (getattr(pack.item(k), "level", 9) or 9) <= 2 else 0)
    }
    a = replace(full, answers=answers)
    o = outlook(pack, a)
    open_ids = {it.id for it in items_of(pack, a) if a.value(it.id) is None}
    not_asked = open_ids - set(o.remaining)
    # fix the asked ones at random, then the others two different random ways: the same result
    base = completed(pack, a, set(o.remaining), rnd)
    first = result(pack, completed(pack, base, not_asked, random.Random(seed + 1)))
    second = result(pack, completed(pack, base, not_asked, random.Random(seed + 2)))
    assert first == second
    if o.final:
        assert result(pack, completed(pack, a, open_ids, rnd)) == result(pack, a)
    assert o.s_low <= score(pack, completed(pack, a, open_ids, rnd)).s <= o.s_high + 1e-9


def test_the_guide_stops_above_the_first_level_clearly_not_met(examples):
    pack, full = examples[0]
    reqs = pack.requirements_for(full.enterprise.industry, full.path(pack))
    nothing = replace(full, answers={})
    o = outlook(pack, nothing)
    assert not o.final and o.asking_level == 1 and o.stop_level is None
    assert o.remaining[: len(level_items(pack, nothing, 1))] == level_items(pack, nothing, 1)  # level 1 first
    # level 1 fully met, level 2 not met at all: level 3 and up no longer count
    answers = {r.id: Answer(r.id, 1.0 if r.level == 1 else 0.0) for r in reqs if r.level <= 2}
    a = replace(full, answers=answers)
    o = outlook(pack, a)
    assert o.stop_level == 2 and o.final and o.s_low == o.s_high
    assert level_items(pack, a, 3)  # still open, but the guide does not need them
    # one level-2 item open again: that one is what remains (and nothing of level 3)
    r2 = next(r for r in reqs if r.level == 2)
    answers.pop(r2.id)
    o = outlook(pack, replace(full, answers=answers))
    reqs_left = [i for i in o.remaining if i in {r.id for r in reqs}]
    assert reqs_left == [r2.id] and o.asking_level == 2


def test_a_fully_answered_assessment_is_final(examples):
    for pack, a in examples:
        o = outlook(pack, a)
        assert o.final and o.s_low == pytest.approx(o.s_high)
