"""Renewal advice: requirement-level effects, preconditions, path and industry filtering, what the
plant already has, contradictions, the ranking and the staged roadmap."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from pathlib import Path

import pytest
from packfactory import assess, item, make_pack

from diag_app.assessment_file import read_assessment_file
from diag_app.describe import closure_text, flag_text, ranking_text, result_json, suppressed_text
from diag_app.model.assessment import NA
from diag_app.model.diagnosis import diagnose
from diag_app.model.effects import Baseline
from diag_app.model.questionnaire import ProfileItem, Saturation, Text, Tier, TierRule
from diag_app.model.ranking import rank
from diag_app.model.renewal import advise, applies, apply_items, what_if
from diag_app.model.roadmap import roadmap
from diag_app.model.scoring import score
from diag_app.model.tiers import national_tier, shanghai_tier
from diag_app.resources import app_root

EXAMPLES = app_root() / "examples"
PLANTS = sorted((EXAMPLES / "plants").glob("*.json"))
ALL = sorted(EXAMPLES.glob("*.json")) + PLANTS
T = Text("文", "text")


def _read(path: Path):
    return read_assessment_file(path)


@pytest.fixture(scope="module")
def plants():
    out = {}
    for f in PLANTS:
        pack, a = _read(f)
        out[f.stem] = (pack, a, diagnose(pack, a))
    return out


# --- effects -------------------------------------------------------------------------------------
def test_an_item_raises_only_the_requirements_it_names_and_never_lowers_one():
    pack = make_pack()
    it = item("x", 1e5, reqs={"sd0.3.0": 0.8, "sd1.2.1": 0.5, "sd2.1.0": 1.0})
    a = assess(pack, {"sd0.3.0": 0.5, "sd1.2.1": 1.0, "sd2.1.0": NA}, **{"cond.a": True})
    after = apply_items(pack, a, [it])
    assert after.value("sd0.3.0") == 0.8  # raised to the rating the item brings
    assert after.value("sd1.2.1") == 1.0  # already better: unchanged
    assert after.value("sd2.1.0") == NA  # not applicable stays not applicable
    untouched = {k for k in a.answers if k not in ("sd0.3.0",)}
    assert all(after.answers[k] == a.answers[k] for k in untouched)
    closes = Baseline(pack, a).closures(it)
    assert [(c.requirement, c.before, c.after) for c in closes] == [("sd0.3.0", 0.5, 0.8)]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_what_if_equals_rescoring_the_changed_answers(path):
    pack, a = _read(path)
    base = score(pack, a)
    rnd = random.Random(path.stem)
    for n in (1, 3, 6):
        for _ in range(4):
            items = rnd.sample(list(pack.catalog), n)
            fast = what_if(pack, a, items, base)
            slow = score(pack, apply_items(pack, a, items))
            assert fast.s == slow.s and fast.level == slow.level
            assert fast.level_scores == slow.level_scores
            assert {k: v.level_scores for k, v in fast.subdomains.items()} == {
                k: v.level_scores for k, v in slow.subdomains.items()
            }
            assert fast.indicator_values == slow.indicator_values
            assert fast.scenarios == slow.scenarios
            assert shanghai_tier(pack, fast).tier == shanghai_tier(pack, slow).tier
            assert national_tier(pack, fast).tier == national_tier(pack, slow).tier


# --- filtering --------------------------------------------------------------------------------------
def test_items_are_filtered_by_production_path_and_industry(pack):
    for f in ALL:
        p, a = _read(f)
        path, industry = a.path(p), a.enterprise.industry
        for sg in advise(p, a).suggestions:
            assert sg.item.paths is None or path in sg.item.paths, (f.stem, sg.item.id)
            assert sg.item.industries is None or industry in sg.item.industries, (f.stem, sg.item.id)
            asked = {r.id for r in p.requirements_for(industry, path)}
            assert {c.requirement for c in sg.closes} <= asked
    # a process plant is never offered discrete-only equipment such as robots or machine tools
    _, gmp = _read(EXAMPLES / "plants" / "gmp-tablets.json")
    ids = {sg.item.id for sg in advise(pack, gmp).suggestions}
    assert not ids & {"robot-cobot-assembly", "robot-handling", "five-axis-machining", "metal-3d-printing", "mes"}


def test_an_item_that_closes_nothing_for_the_plant_is_not_suggested():
    pack = make_pack(catalog=(item("done", 1e5, reqs={"sd0.1.0": 1.0}), item("gap", 1e5, reqs={"sd0.1.1": 1.0})))
    a = assess(pack, {"sd0.1.0": 1.0, "sd0.1.1": 0.5}, **{"cond.a": True})
    assert [sg.item.id for sg in advise(pack, a).suggestions] == ["gap"]


# --- what the plant already has ----------------------------------------------------------------------
def _with_profile(pack, *items):
    return replace(pack, profile=tuple(items), _cache={})


MES = ProfileItem("sys.mes", T, "bool", evidenced_by=("sd1.3.0",))
EBR = ProfileItem("sys.ebr", T, "number", unit="%", max=100, coverage=True)
ROBOTS = ProfileItem("eq.robots", T, "number", unit="台", max=1e5, density_of="kpi.cnc")
BTP = ProfileItem("biz.btp", T, "bool", group="business")


def test_a_system_the_plant_has_is_not_suggested_and_a_partial_one_is_offered_for_the_rest():
    pack = _with_profile(
        make_pack(
            catalog=(
                item("mes", 1e6, reqs={"sd0.2.0": 1.0}, provides=("sys.mes",)),
                item("ebr", 4e6, reqs={"sd0.3.0": 1.0}, provides=("sys.ebr",)),
                item("plm", 2e6, reqs={"sd2.2.0": 1.0}, excluded_by=("biz.btp",)),
            )
        ),
        MES,
        EBR,
        BTP,
    )
    a = assess(pack, {}, **{"cond.a": True, "sys.mes": True, "sys.ebr": 25.0, "biz.btp": True})
    adv = advise(pack, a)
    sgs = {sg.item.id: sg for sg in adv.suggestions}
    assert set(sgs) == {"ebr"}
    assert sgs["ebr"].extends == 25.0 and sgs["ebr"].investment_low == pytest.approx(3e6)
    why = {x.item.id: (x.why, x.ref) for x in adv.suppressed}
    assert why == {"mes": ("has-system", "sys.mes"), "plm": ("excluded", "biz.btp")}
    full = a.with_answer("sys.ebr", 100.0)
    assert not advise(pack, full).suggestions


def test_a_system_the_plant_plans_to_buy_is_not_suggested_again_under_another_name():
    from diag_app.model.assessment import Plan

    pack = _with_profile(
        make_pack(
            catalog=(
                item("centre", 9e6, reqs={"sd0.2.0": 1.0, "sd0.3.0": 1.0}, provides=("sys.mes",)),
                item("mes", 1e6, reqs={"sd0.2.0": 1.0}, provides=("sys.mes",)),
                item("lite", 2e5, reqs={"sd0.2.0": 0.5}, excluded_by=("sys.mes",)),
                item("other", 1e6, reqs={"sd1.2.0": 1.0}),
            )
        ),
        MES,
    )
    a = replace(assess(pack, {}, **{"cond.a": True, "sys.mes": False}), plans=(Plan("centre", 8e6),))
    r = diagnose(pack, a)
    assert {sg.item.id for sg in r.suggestions} == {"centre", "other"}  # the plan stays, its twins go
    why = {x.item.id: (x.why, x.ref, x.by) for x in r.suppressed}
    assert why == {"mes": ("planned-system", "sys.mes", "centre"), "lite": ("planned-system", "sys.mes", "centre")}
    assert not {st.item.id for st in r.roadmap.steps} & {"mes", "lite"}
    text = suppressed_text(pack, next(x for x in r.suppressed if x.item.id == "mes"), "zh")
    assert "已计划" in text and pack.catalog[0].name.get("zh") in text
    # without the plan, the cheaper MES is offered as before
    assert "mes" in {sg.item.id for sg in advise(pack, replace(a, plans=())).suggestions}


def test_an_item_whose_own_requirement_is_not_applicable_is_left_out():
    pack = make_pack(catalog=(item("web", 1e6, reqs={"sd0.3.0": 1.0, "sd0.2.0": 0.8}, needs_applicable=("sd0.3.0",)),))
    a = assess(pack, {"sd0.3.0": 0.0, "sd0.2.0": 0.5}, **{"cond.a": True})
    assert [sg.item.id for sg in advise(pack, a).suggestions] == ["web"]
    adv = advise(pack, a.with_answer("sd0.3.0", NA))  # no roll lines: the generic gain alone does not bring it
    assert not adv.suggestions
    assert [(x.item.id, x.why, x.ref) for x in adv.suppressed] == [("web", "not-applicable-item", "sd0.3.0")]
    assert "sd0.3.0" in suppressed_text(pack, adv.suppressed[0], "en")


@pytest.mark.parametrize(
    ("plant", "item_id", "requirement"),
    [("electronics-ems", "fab-fdc-r2r-yms", "ELE.11"), ("materials-batch", "web-line-closed-loop", "MAT.21")],
)
def test_the_plants_get_no_item_for_what_they_do_not_have(plants, plant, item_id, requirement):
    _pack, a, r = plants[plant]
    assert a.value(requirement) == NA
    assert item_id not in {sg.item.id for sg in r.suggestions}
    assert (item_id, "not-applicable-item") in {(x.item.id, x.why) for x in r.suppressed}


def test_a_subdomain_declared_not_applicable_leaves_out_the_items_that_need_it():
    pack = make_pack(catalog=(item("plm", 2e6, reqs={"sd2.2.0": 1.0, "sd1.2.0": 1.0}, needs_subdomains=("sd2",)),))
    a = assess(pack, {}, **{"cond.a": True})
    assert [sg.item.id for sg in advise(pack, a).suggestions] == ["plm"]
    na = replace(a, na_subdomains={"sd2": "来图加工"})
    adv = advise(pack, na)
    assert not adv.suggestions and adv.suppressed[0].why == "not-applicable"


def test_contradictions_are_flagged_not_suggested():
    pack = _with_profile(
        make_pack(
            catalog=(
                item("robot", 1e6, reqs={"sd0.3.0": 1.0}, saturated_by=(Saturation("kpi.cnc", 70.0),)),
                item("other", 1e6, reqs={"sd0.3.1": 1.0}),
            )
        ),
        MES,
        ROBOTS,
    )
    a = assess(pack, {"sd1.3.0": 1.0}, **{"cond.a": True, "kpi.cnc": 82.0, "sys.mes": False, "eq.robots": 100.0})
    a = replace(a, enterprise=replace(a.enterprise, employees=500))
    r = diagnose(pack, a)
    assert [sg.item.id for sg in r.suggestions] == ["other"]
    kinds = {(f.kind, f.ref, f.item) for f in r.flags}
    assert ("saturated", "kpi.cnc", "robot") in kinds  # the indicator says plenty, the rating says gap
    assert ("system-missing", "sys.mes", "") in kinds  # "no MES" beside a requirement that needs one
    assert ("density", "eq.robots", "") in kinds  # 100 robots / 500 staff is at least 2,000 per 10,000
    for lang in ("zh", "en"):
        assert all(flag_text(pack, f, lang) for f in r.flags)
        assert all(suppressed_text(pack, x, lang) for x in r.suppressed)


# --- preconditions -----------------------------------------------------------------------------------
def test_preconditions_are_named_and_bought_first():
    pack = _with_profile(
        make_pack(
            catalog=(
                item("aps", 3e5, levels={"sd0": 3}, requires=("sys.mes",)),
                item("mes", 9e5, reqs={"sd1.1.0": 1.0}, provides=("sys.mes",)),
            )
        ),
        MES,
    )
    vals = {r.id: (1.0 if r.level <= 2 or r.subdomain != "sd0" else 0.0) for r in pack.requirements}
    vals["sd1.1.0"] = 0.5
    a = assess(pack, vals, **{"cond.a": True, "kpi.cnc": 80.0, "sys.mes": False})
    r = diagnose(pack, a)
    aps = next(sg for sg in r.suggestions if sg.item.id == "aps")
    assert aps.needs == ("sys.mes",)
    steps = [st.item.id for st in r.roadmap.steps]
    assert steps.index("mes") < steps.index("aps")
    assert [sg.item.id for sg in r.suggestions][:2] == ["mes", "aps"]
    # with the MES in place the APS needs nothing and is bought alone
    has = a.with_answer("sys.mes", True)
    assert [st.item.id for st in roadmap(pack, has).steps] == ["aps"]
    # an MES that closes nothing itself is still offered, as what the APS needs
    done = a.with_answer("sd1.1.0", 1.0)
    r = diagnose(pack, done)
    mes = next(sg for sg in r.suggestions if sg.item.id == "mes")
    assert not mes.closes and mes.enables == ("aps",)
    assert [st.item.id for st in r.roadmap.steps] == ["mes", "aps"]


def _brute_force(pack, a, target_rank):
    base = Baseline(pack, a)
    cands = [sg.item for sg in advise(pack, a, base=base).suggestions]
    profile_yes = {p.id for p in pack.profile if a.value(p.id) is True}
    best = None
    for n in range(len(cands) + 1):
        for combo in itertools.combinations(cands, n):
            after_a = apply_items(pack, a, combo)
            provided = profile_yes | {x for c in combo for x in c.provides}
            ok = all(
                (need in provided)
                if need in {p.id for p in pack.profile}
                else isinstance(v := after_a.value(need), float) and v >= 0.8
                for c in combo
                for need in c.requires
            )
            if not ok:
                continue
            tier = shanghai_tier(pack, score(pack, after_a)).tier
            if {"none": 0, "demonstration": 1, "benchmark": 2}[tier] >= target_rank:
                cost = sum((c.investment_low + c.investment_high) / 2 for c in combo)
                best = cost if best is None else min(best, cost)
    return best


@pytest.mark.parametrize("seed", range(10))
def test_roadmap_with_preconditions_equals_the_brute_force_optimum(seed):
    rnd = random.Random(100 + seed)
    sds = ["sd0", "sd1", "sd2"]
    cat = []
    for i in range(8):
        extra: dict[str, object] = {}
        if i % 3 == 0:
            extra["provides"] = ("sys.mes",)
        elif rnd.random() < 0.4:
            extra["requires"] = ("sys.mes",)
        elif rnd.random() < 0.3:
            extra["requires"] = (f"{rnd.choice(sds)}.2.0",)
        cat.append(
            item(
                f"it{i}",
                float(rnd.randint(1, 20) * 100_000),
                levels={sd: rnd.randint(2, 4) for sd in rnd.sample(sds, rnd.randint(1, 2))},
                **extra,
            )
        )
    pack = _with_profile(make_pack(catalog=tuple(cat)), MES)
    vals = {
        r.id: rnd.choice([0.0, 0.5, 0.8, 1.0]) if r.level <= 3 else rnd.choice([0.0, 0.5]) for r in pack.requirements
    }
    a = assess(pack, vals, **{"kpi.cnc": 80.0, "cond.a": True, "sys.mes": False})
    rm = roadmap(pack, a)
    if rm.target is None:
        return
    best = _brute_force(pack, a, {"demonstration": 1, "benchmark": 2}[rm.target])
    if best is None:
        assert not rm.reachable
        return
    assert rm.reachable and rm.exhaustive
    assert rm.investment_cny == pytest.approx(best)
    bought: set[str] = set()
    for st in rm.steps:  # every precondition provided by an earlier step
        assert all(n not in {"sys.mes"} or n in bought for n in st.item.requires), rm.steps
        bought |= set(st.item.provides)


# --- staged roadmap ----------------------------------------------------------------------------------
def test_the_next_national_tier_comes_first_when_the_shanghai_tier_is_far():
    pack = make_pack(
        catalog=(
            item("l2", 2e5, levels={"sd0": 2, "sd1": 2, "sd2": 2}),
            item("l3", 9e5, levels={"sd0": 3, "sd1": 3, "sd2": 3}),
        )
    )
    pack = replace(
        pack,
        national_tiers=(
            Tier("basic", T, (TierRule("min_level", {"level": 2}, "P"),), 1),
            Tier("excellent", T, (TierRule("min_level", {"level": 3}, "P"),), 2),
        ),
        _cache={},
    )
    a = assess(
        pack, {r.id: (1.0 if r.level == 1 else 0.0) for r in pack.requirements}, **{"cond.a": True, "kpi.cnc": 80.0}
    )
    assert score(pack, a).level == 1
    rm = roadmap(pack, a)
    assert [(s.ladder, s.target) for s in rm.stages] == [("national", "basic"), ("shanghai", "demonstration")]
    assert rm.stages[0].reachable and rm.stages[0].steps[0].national_after == "basic"
    assert rm.reachable and rm.steps[-1].tier_after == "demonstration"


def test_a_blocked_shanghai_tier_gives_the_attainable_national_one():
    pack = make_pack(catalog=(item("all", 1e6, levels={"sd0": 5, "sd1": 5, "sd2": 5}),))
    pack = replace(pack, national_tiers=(Tier("basic", T, (TierRule("min_level", {"level": 2}, "P"),), 1),), _cache={})
    a = assess(pack, {}, **{"kpi.cnc": 60.0, "cond.a": False})
    rm = roadmap(pack, a)
    assert not rm.reachable and [c.rule.kind for c in rm.blockers] == ["conditions"]
    assert next((s.ladder, s.target, s.reachable) for s in rm.stages) == ("national", "basic", True)


def test_an_unreachable_stage_lists_what_money_does_not_buy():
    pack = make_pack(catalog=(item("some", 1e6, levels={"sd0": 3, "sd1": 3}),))
    a = assess(pack, {}, **{"kpi.cnc": 80.0, "cond.a": True})
    stage = roadmap(pack, a).stages[-1]
    assert not stage.reachable
    assert set(stage.open_requirements) == {r.id for r in pack.requirements if r.subdomain == "sd2" and r.level <= 3}


def test_the_planned_project_is_the_first_step_with_its_effect():
    pack = make_pack(
        catalog=(item("plan", 5e6, reqs={"sd0.1.0": 1.0}), item("cheap", 1e5, levels={"sd0": 3, "sd1": 3, "sd2": 3}))
    )
    a = assess(pack, {}, **{"cond.a": True, "kpi.cnc": 80.0})
    from diag_app.model.assessment import Plan

    a = replace(a, plans=(Plan("plan", 4_000_000.0),))
    r = diagnose(pack, a)
    first = r.roadmap.steps[0]
    assert first.planned and first.item.id == "plan" and first.cost_cny == 4_000_000
    assert [c.requirement for c in first.closes] == ["sd0.1.0"]
    assert r.suggestions[0].item.id == "plan" and r.suggestions[0].planned


# --- ranking ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_priorities_the_roadmap_and_the_json_come_from_one_ranking(path):
    pack, a = _read(path)
    r = diagnose(pack, a)
    assert [sg.priority for sg in r.suggestions] == list(range(1, len(r.suggestions) + 1))
    on_road = [st.item.id for st in r.roadmap.steps] if r.roadmap else []
    ids = [sg.item.id for sg in r.suggestions]
    suggested_on_road = [i for i in dict.fromkeys(on_road) if i in ids]
    assert ids[: len(suggested_on_road)] == suggested_on_road
    assert rank(advise(pack, a).suggestions, r.roadmap) == r.suggestions
    js = result_json(pack, r, "en")
    assert [x["id"] for x in js["recommendations"]] == ids
    assert "roadmap" in js["ranking"] and "S" in ranking_text("zh")


# --- the realistic plants ----------------------------------------------------------------------------
def test_the_plants_are_there(plants):
    assert set(plants) == {
        "auto-parts-stamping",
        "gmp-tablets",
        "garment-contract",
        "electronics-ems",
        "materials-batch",
    }


def test_no_suggestion_repeats_an_existing_system(plants):
    for key, (_pack, a, r) in plants.items():
        for sg in r.suggestions:
            for pid in sg.item.provides:
                v = a.value(pid)
                assert v is not True, (key, sg.item.id)
                if isinstance(v, float):
                    assert v < 100 and sg.extends == v, (key, sg.item.id)


def test_every_suggestion_names_what_it_closes(plants):
    for key, (pack, _a, r) in plants.items():
        assert r.suggestions, key
        for sg in r.suggestions:
            assert sg.closes or sg.lifts or sg.enables, (key, sg.item.id)
            for c in sg.closes:
                assert c.after > (c.before or 0.0)
                assert c.requirement in closure_text(pack, c, "zh")
        for st in r.roadmap.steps:
            assert st.closes or st.lifts or st.planned, (key, st.item.id)


def test_every_precondition_of_a_suggestion_can_be_met_on_the_plants_path():
    """A suggestion may wait for a system or a rating, but something the plant could buy on its
    own path and industry must provide it (a DCS-only item is no advice for a discrete plant)."""
    for f in ALL:
        pack, a = _read(f)
        industry, path = a.enterprise.industry, a.path(pack)
        base = Baseline(pack, a)
        mine = [it for it in pack.catalog if applies(it, industry, path)]
        for sg in advise(pack, a, base=base).suggestions:
            for need in sg.needs:
                if need in base.requirements:
                    ok = any(base.combine([it]).requirements.get(need, 0.0) >= base.threshold - 1e-9 for it in mine)
                else:
                    ok = any(need in it.provides for it in mine)
                assert ok, (f.stem, sg.item.id, need)


def test_the_build_to_print_supplier_gets_no_plm_and_no_robot(plants):
    _pack, _a, r = plants["auto-parts-stamping"]
    ids = {sg.item.id for sg in r.suggestions}
    assert not ids & {"plm-cad-cae", "mbse-simulation-platform", "mes", "wms", "erp"}
    assert not any(sg.item.category == "robot" for sg in r.suggestions)
    assert any(f.kind == "saturated" and f.ref == "kpi.robot-density" for f in r.flags)


def test_the_gmp_plant_roadmap_is_gmp_work(plants):
    _pack, _a, r = plants["gmp-tablets"]
    assert r.roadmap.reachable and r.roadmap.exhaustive
    gmp_focus = {"production-operations", "data", "information-security", "warehousing", "equipment-management"}
    for st in r.roadmap.steps:
        assert st.item.category not in ("robot", "additive", "ev-charging", "machine-tool"), st.item.id
        closes = {c.subdomain for c in st.closes}
        assert closes & gmp_focus or any(c.requirement.startswith("LIF.") for c in st.closes), st.item.id
    assert r.roadmap.steps[0].planned and r.roadmap.steps[0].item.id == "ebr-gmp"
    assert r.roadmap.steps[0].extends == 25.0  # eBR on one line of four: the rest is offered


def test_the_ems_contract_maker_gets_no_design_channel_or_existing_system_items(plants):
    _pack, _a, r = plants["electronics-ems"]
    ids = {sg.item.id for sg in r.suggestions}
    # build-to-print and contract manufacturing: no product design, no brand channels
    assert not ids & {"plm-cad-cae", "mbse-simulation-platform", "remote-om-iot-platform", "marketing-demand-forecast"}
    assert not ids & {"erp", "mes", "wms"}  # in place
    assert "alarm-management" not in ids  # no DCS on SMT lines, and none to buy on the discrete path
    assert r.roadmap.steps[0].planned and r.roadmap.steps[0].item.id == "aps"
    assert "smart-material-tower" in ids  # the WMS it has is the tower's precondition
    assert 2 <= r.scores.level <= 3


def test_the_batch_materials_plant_gets_process_work(plants):
    pack, a, r = plants["materials-batch"]
    assert a.path(pack) == "process"
    for sg in r.suggestions:
        assert sg.item.category not in ("robot", "machine-tool", "additive", "ev-charging"), sg.item.id
        assert sg.item.paths is None or "process" in sg.item.paths, sg.item.id
    ids = {sg.item.id for sg in r.suggestions}
    assert not ids & {"hanging-system", "garment-automation", "press-die-management", "aps", "mes"}
    assert not ids & {"lims", "dcs-upgrade", "eam-cmms", "ehs-system"}  # in place
    assert {"batch-control-recipe", "alarm-management", "tank-farm-management"} <= ids
    assert [st.item.id for st in r.roadmap.planned] == ["energy-management-centre"]
    # a LIMS used in the lab but not yet linked to batch records is no contradiction
    assert not any(f.kind == "system-unused" and f.ref == "sys.lims" for f in r.flags)
