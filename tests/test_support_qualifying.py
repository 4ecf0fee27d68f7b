"""Support counts only what the enterprise has confirmed: qualifying conditions per measure, loan
within the investment, the technical-renovation threshold, support the plan states without a figure,
and the national tax credit on top of the one Shanghai measure."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from diag_app.assessment_file import load_assessment_data
from diag_app.describe import estimate_basis, estimate_json
from diag_app.model.assessment import AssessmentInvalid, Plan
from diag_app.model.diagnosis import diagnose
from diag_app.model.support import plan_support, support_for_plans
from diag_app.resources import app_root

PLANTS = app_root() / "examples" / "plants"


def _by_measure(pack, plan):
    return {e.measure: e for e in plan_support(pack, plan).estimates}


def test_a_certified_measure_counts_only_once_confirmed(pack):
    plan = Plan("mes", 3_000_000.0)
    e = _by_measure(pack, plan)["first-set"]
    assert not e.eligible and e.status == "possible" and e.amount_cny == 0
    assert e.missing == ("first-of-kind-certified",) and e.possible_cny == 900_000
    assert plan_support(pack, plan).amount_cny == 0
    for lang in ("zh", "en"):
        text = estimate_basis(pack, e, lang)
        assert pack.qualifications["first-of-kind-certified"].question.get(lang) in text
    ok = _by_measure(pack, replace(plan, confirmed=("first-of-kind-certified",)))["first-set"]
    assert ok.eligible and ok.amount_cny == 900_000 and ok.status == "counted"


def test_every_plant_counts_no_unconfirmed_measure(pack):
    for f in sorted(PLANTS.glob("*.json")):
        p, a = load_assessment_data(json.loads(f.read_text(encoding="utf-8")))
        r = diagnose(p, a, with_roadmap=False)
        for ps in r.support:
            for e in ps.counted:
                assert set(p.measures[e.measure].requires) <= set(ps.plan.confirmed), (f.stem, e.measure)
                assert p.measures[e.measure].stated
        assert r.support_total_cny == pytest.approx(sum(ps.amount_cny for ps in r.support))


def test_the_garment_plant_counts_its_confirmed_catalogue_loan_and_nothing_else(pack):
    p, a = load_assessment_data(json.loads((PLANTS / "garment-contract.json").read_text(encoding="utf-8")))
    r = diagnose(p, a, with_roadmap=False)
    assert r.support_total_cny == pytest.approx(2_000_000 * 0.0345 * 3 * 0.5)
    (ps,) = r.support
    assert ps.best.measure == "catalog-loan"
    assert {e.measure for e in ps.possible} >= {"first-set"}


def test_loan_above_investment_is_refused_and_never_counted(pack):
    plan = Plan("mes", 3_000_000.0, "loan", 5_000_000.0, 0.04, confirmed=("innovation-catalogue-listed",))
    e = _by_measure(pack, plan)["catalog-loan"]
    assert not e.eligible and e.reason == "loan-exceeds-investment"
    assert "5" in estimate_basis(pack, e, "en")
    data = json.loads((PLANTS / "garment-contract.json").read_text(encoding="utf-8"))
    data["plans"][0]["loan_cny"] = 9_000_000
    with pytest.raises(AssessmentInvalid) as exc:
        load_assessment_data(data)
    assert any(pr.key == "plan.loan_above_investment" for pr in exc.value.problems)


def test_unknown_qualification_ids_are_refused(pack):
    data = json.loads((PLANTS / "garment-contract.json").read_text(encoding="utf-8"))
    data["plans"][0]["confirmed"] = ["certified-by-my-cousin"]
    with pytest.raises(AssessmentInvalid) as exc:
        load_assessment_data(data)
    assert any(pr.key == "plan.confirmed_unknown" for pr in exc.value.problems)


def test_technical_renovation_measures_need_the_threshold_and_the_project(pack):
    q = ("tech-renovation-project",)
    small = _by_measure(pack, Plan("asrs", 19_999_999.0, "loan", 10_000_000.0, 0.04, confirmed=q))
    assert small["tech-renovation-loan"].reason == "below-min-investment"
    big = Plan("asrs", 25_000_000.0, "loan", 10_000_000.0, 0.04)
    assert _by_measure(pack, big)["tech-renovation-loan"].status == "possible"
    counted = _by_measure(pack, replace(big, confirmed=q))["tech-renovation-loan"]
    assert counted.eligible and counted.amount_cny == 600_000
    # especially major: 10 % of the approved investment, only when recognised and ≥ 2,000 万元
    major = _by_measure(pack, replace(big, confirmed=(*q, "major-project-recognised")))["major-project"]
    assert major.eligible and major.amount_cny == 2_500_000
    tiny = _by_measure(pack, Plan("asrs", 8_000_000.0, confirmed=(*q, "major-project-recognised")))["major-project"]
    assert tiny.reason == "below-min-investment"


def test_support_the_plan_states_without_a_figure_is_shown_never_estimated(pack):
    plan = Plan("mes", 3_000_000.0, confirmed=("shanghai-key-software", "smart-factory-programme"))
    est = _by_measure(pack, plan)
    for mid in ("shanghai-software-subsidy", "smart-factory-tiered-reward"):
        e = est[mid]
        assert e.status == "unstated" and e.amount_cny == 0 and e.possible_cny == 0
        assert "未规定" in estimate_basis(pack, e, "zh")
    assert plan_support(pack, plan).amount_cny == 0


def test_the_tax_credit_stacks_on_the_one_shanghai_measure_and_emc_rules_it_out(pack):
    plan = Plan(
        "waste-heat-heat-pump",
        6_000_000.0,
        "lease",
        contract_cny=6_000_000.0,
        confirmed=("listed-tax-equipment", "innovation-catalogue-listed"),
    )
    ps = plan_support(pack, plan)
    assert ps.best.measure == "catalog-lease" and ps.best.amount_cny == 1_800_000
    assert [e.measure for e in ps.stacked] == ["national-cit-credit"] and ps.stacked[0].amount_cny == 600_000
    assert ps.amount_cny == 2_400_000
    js = estimate_json(pack, ps.stacked[0], "en")
    assert js["cap_cny"] is None and js["status"] == "counted"  # no cap: valid JSON, not Infinity
    emc = replace(plan, confirmed=(*plan.confirmed, "energy-performance-contract"))
    assert _by_measure(pack, emc)["national-cit-credit"].reason == "excluded"
    _, total = support_for_plans(pack, (emc,))
    assert total == 1_800_000
