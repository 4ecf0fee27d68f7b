"""How far the level is from changing: the fewest ratings that lift the first level not met, and
the fewest one-step drops that make a met level fail — exact at the edge, and the same as scoring
the changed answers."""

from __future__ import annotations

import json
from dataclasses import replace

from packfactory import assess
from packfactory import make_pack as _make_pack

from diag_app.describe_margins import sensitivity_text
from diag_app.model.assessment import NA
from diag_app.model.questionnaire import Text
from diag_app.model.scoring import score
from diag_app.model.sensitivity import sensitivity


def make_pack():
    pack = _make_pack()
    names = {i: Text(f"{i} 级", f"Level {i}") for i in range(1, 6)}
    labels = {1.0: ("全部满足", "Fully met"), 0.8: ("大部分满足", "Largely met"), 0.5: ("部分满足", "Partly met")}
    labels |= {0.0: ("不满足", "Not met")}
    ratings = tuple(
        replace(r, label=Text(*labels.get(r.value, ("不适用", "Not applicable")))) for r in pack.scoring.ratings
    )
    return replace(pack, scoring=replace(pack.scoring, level_names=names, ratings=ratings), _cache={})


def values(l2: dict[str, float], rest: float = 0.0) -> dict[str, object]:
    """Level 1 fully met, level 2 as given per sub-domain, levels 3–5 at ``rest``."""
    out: dict[str, object] = {}
    for sd in ("sd0", "sd1", "sd2"):
        for n in range(2):
            out[f"{sd}.1.{n}"] = 1.0
            out[f"{sd}.2.{n}"] = l2[sd]
            for lvl in (3, 4, 5):
                out[f"{sd}.{lvl}.{n}"] = rest
    return out


def test_two_items_from_partly_to_largely_met_lift_level_2_and_one_does_not():
    pack = make_pack()
    a = assess(pack, values({"sd0": 0.8, "sd1": 0.8, "sd2": 0.5}))  # L2 = 0.7
    sens = sensitivity(pack, a)
    assert sens.level == 1 and round(sens.s, 2) == 1.7
    up = sens.up
    assert up is not None and up.up and up.level == 2
    assert [(m.subdomain, m.before, m.after) for m in up.moves] == [("sd2", 0.5, 0.8), ("sd2", 0.5, 0.8)]
    assert round(up.s_after, 2) == 2.0 and up.level_after == 2
    # the same as answering so: scored, L2 is met; with one of the two only, it is not
    moved = a
    for m in up.moves:
        moved = moved.with_answer(m.item, m.after)
    assert score(pack, moved).level_scores[2] >= 0.8 - 1e-9
    half = a.with_answer(up.moves[0].item, 0.8)
    assert score(pack, half).level_scores[2] < 0.8
    text = sensitivity_text(pack, up, sens.s, "zh")
    assert "2 项从“部分满足”提到“大部分满足”" in text and "第 2 级达标" in text and "1.70 → 2.00" in text
    assert "2 items from 'Partly met' to 'Largely met' would raise level 2 to met" in sensitivity_text(
        pack, up, sens.s, "en"
    )


def test_unanswered_items_count_as_not_met_and_can_be_lifted():
    pack = make_pack()
    v = values({"sd0": 0.8, "sd1": 0.8, "sd2": 0.8})
    del v["sd2.2.0"]
    up = sensitivity(pack, assess(pack, v)).up
    assert up is not None and [(m.item, m.before, m.after) for m in up.moves] == [("sd2.2.0", None, 0.8)]


def test_a_level_met_exactly_falls_with_one_drop_and_a_safe_one_has_no_way_down():
    pack = make_pack()
    sens = sensitivity(pack, assess(pack, values({"sd0": 0.8, "sd1": 0.8, "sd2": 0.8})))  # L2 exactly met
    down = sens.down
    assert down is not None and not down.up and down.level == 2 and len(down.moves) == 1
    assert down.moves[0].before == 0.8 and down.moves[0].after == 0.5
    assert down.level_after == 1
    # level 1 fully met: six one-step drops (1 → 0.8) still leave it met, so no way down there
    safe = sensitivity(pack, assess(pack, values({"sd0": 0.5, "sd1": 0.5, "sd2": 0.5})))
    assert safe.down is None


def test_not_applicable_answers_are_never_moved():
    pack = make_pack()
    v = values({"sd0": 0.8, "sd1": 0.8, "sd2": 0.5})
    v["sd2.2.0"] = NA
    up = sensitivity(pack, assess(pack, v)).up
    assert up is not None and all(m.item != "sd2.2.0" for m in up.moves)


def test_every_level_met_has_nothing_to_lift():
    pack = make_pack()
    sens = sensitivity(pack, assess(pack, values({"sd0": 1.0, "sd1": 1.0, "sd2": 1.0}, rest=1.0)))
    assert sens.up is None and sens.level == 5


def test_score_json_carries_the_sensitivity_and_the_na_list(capsys):
    from diag_app.cli import main
    from diag_app.resources import app_root

    assert main(["score", str(app_root() / "examples" / "plants" / "auto-parts-stamping.json"), "--json"]) in (0, 1)
    out = json.loads(capsys.readouterr().out)
    up = out["sensitivity"]["up"]
    assert up["level"] == out["level"] + 1 and up["items"] and up["score_after"] > out["score"]
    assert up["text"]
    na = out["not_applicable"]
    assert any(x["kind"] == "subdomain" and x["id"] == "product-design" and x["reason"] for x in na["items"])
    assert all(x["reason"] for x in na["items"])
    assert 0 < na["share"] < 1 and isinstance(na["warning"], bool)
