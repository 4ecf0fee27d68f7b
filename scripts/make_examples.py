"""Write examples/<industry>.json (one filled assessment per key industry) and
examples/plants/<plant>.json (five realistic plants for the advice), deterministic by seed.

Each industry example follows a maturity profile (the level its sub-domains have reached) so the
six of them score to a realistic mix of tiers; its existing-systems answers are read off its own
ratings, so they never contradict them. The plants (scripts/example_plants.py) are described rating
by rating. Run again after the item bank changes:
    uv run python scripts/make_examples.py
"""

from __future__ import annotations

import random
import sys
import uuid
from pathlib import Path

from diag_app.assessment_file import write_json_atomic
from diag_app.model.assessment import FORMAT, make_credit_code
from diag_app.model.questionnaire import Pack
from diag_app.packs import default_pack

sys.path.insert(0, str(Path(__file__).resolve().parent))
from example_plants import NA, PLANTS

ROOT = Path(__file__).resolve().parent.parent

# industry: (enterprise, path, base level, per-sub-domain levels, indicators, conditions ok, scenarios, plans)
PROFILES = {
    "automotive": dict(
        name="上海临港智驱汽车零部件有限公司",
        code="91310115MA1K4AUT0",
        district="浦东新区",
        employees=2400,
        path="discrete",
        base=4,
        levels={"product-service": 3, "sales": 3, "customer-service": 3},
        indicators={
            "kpi.design-tools": 98,
            "kpi.cnc-rate": 86,
            "kpi.networked": 92,
            "kpi.robot-density": 820,
            "kpi.oee": 81,
            "kpi.fpy": 98.6,
            "kpi.energy-intensity": 0.032,
            "kpi.energy-change": -4.1,
            "kpi.labour-productivity": 86,
            "kpi.old-equipment": 12,
        },
        scenarios=34,
        plans=[
            {
                "item": "robot-painting",
                "investment_cny": 26000000,
                "financing": "loan",
                "loan_cny": 18000000,
                "rate": 0.035,
            }
        ],
        assessor="王敏（上海智造咨询）",
        mode="onsite",
        seed=11,
    ),
    "electronics": dict(
        name="上海张江芯联电子科技有限公司",
        code="91310115MA1H7ELE0",
        district="浦东新区",
        employees=1300,
        path="discrete",
        base=3,
        levels={"data": 4, "production-operations": 4, "product-service": 2},
        indicators={
            "kpi.design-tools": 96,
            "kpi.cnc-rate": 74,
            "kpi.networked": 78,
            "kpi.robot-density": 410,
            "kpi.oee": 72,
            "kpi.fpy": 96.5,
            "kpi.energy-intensity": 0.045,
            "kpi.energy-change": -2.0,
            "kpi.labour-productivity": 58,
            "kpi.old-equipment": 18,
            "kpi.pue": 1.48,
        },
        scenarios=22,
        plans=[],
        assessor="李强",
        mode="self",
        seed=12,
    ),
    "high-end-equipment": dict(
        name="上海闵行精工装备股份有限公司",
        code="91310112MA1G2HEQ0",
        district="闵行区",
        employees=860,
        path="discrete",
        base=3,
        levels={"product-design": 4, "process-design": 4, "logistics": 2, "sales": 2},
        indicators={
            "kpi.design-tools": 93,
            "kpi.cnc-rate": 71,
            "kpi.networked": 66,
            "kpi.robot-density": 150,
            "kpi.oee": 64,
            "kpi.fpy": 95.2,
            "kpi.energy-intensity": 0.05,
            "kpi.energy-change": -1.2,
            "kpi.labour-productivity": 46,
            "kpi.old-equipment": 41,
        },
        scenarios=17,
        plans=[
            {"item": "five-axis-machining", "investment_cny": 22000000, "financing": "lease", "contract_cny": 18000000}
        ],
        assessor="陈磊（上海智造咨询）",
        mode="onsite",
        seed=13,
    ),
    "life-health": dict(
        name="上海金山康宁制药有限公司",
        code="91310116MA1B9LF10",
        district="金山区",
        employees=620,
        path="process",
        base=3,
        levels={
            "production-operations": 2,
            "equipment-management": 2,
            "data": 2,
            "warehousing": 2,
            "information-security": 2,
        },
        indicators={
            "kpi.design-tools": 82,
            "kpi.cnc-rate": 63,
            "kpi.networked": 48,
            "kpi.oee": 58,
            "kpi.fpy": 97.8,
            "kpi.energy-intensity": 0.09,
            "kpi.energy-change": 1.5,
            "kpi.labour-productivity": 71,
            "kpi.old-equipment": 27,
        },
        scenarios=9,
        plans=[],
        assessor="赵婷",
        mode="self",
        seed=14,
    ),
    "advanced-materials": dict(
        name="上海化工区新材科技有限公司",
        code="91310116MA1C3MAT0",
        district="金山区",
        employees=940,
        path="process",
        base=3,
        levels={"safety-environment": 4, "energy-management": 4, "product-service": 2},
        indicators={
            "kpi.design-tools": 91,
            "kpi.cnc-rate": 88,
            "kpi.networked": 85,
            "kpi.oee": 83,
            "kpi.fpy": 99.1,
            "kpi.energy-intensity": 0.41,
            "kpi.energy-change": -3.6,
            "kpi.labour-productivity": 152,
            "kpi.old-equipment": 22,
        },
        scenarios=24,
        plans=[{"item": "energy-management-centre", "investment_cny": 6000000, "financing": "own"}],
        assessor="孙浩（上海智造咨询）",
        mode="onsite",
        seed=15,
    ),
    "fashion-consumer": dict(
        name="上海松江锦绣服饰有限公司",
        code="91310117MA1D5FA50",
        district="松江区",
        employees=450,
        path="discrete",
        base=1,
        levels={"sales": 2, "planning-scheduling": 2, "product-design": 2},
        indicators={
            "kpi.design-tools": 64,
            "kpi.cnc-rate": 38,
            "kpi.networked": 22,
            "kpi.robot-density": 40,
            "kpi.oee": 51,
            "kpi.fpy": 92.4,
            "kpi.energy-intensity": 0.03,
            "kpi.energy-change": 0.8,
            "kpi.labour-productivity": 24,
            "kpi.old-equipment": 46,
        },
        scenarios=5,
        plans=[],
        assessor="周洁",
        mode="self",
        seed=16,
    ),
}


def rating(rnd: random.Random, level: int, reached: int) -> float:
    if level <= reached:
        return rnd.choices([1.0, 0.8], weights=[3, 1])[0]
    if level == reached + 1:
        return rnd.choices([0.8, 0.5, 0.0], weights=[1, 3, 1])[0]
    return rnd.choices([0.5, 0.0], weights=[1, 3])[0]


def profile_from_ratings(pack: Pack, industry: str, values: dict[str, object], employees: int, density: float | None):
    """Existing-systems answers that agree with the ratings: a system is in place when a
    requirement that presupposes it is rated at least 大部分满足."""
    asked = {r.id for r in pack.requirements_for(industry, "process")} | {
        r.id for r in pack.requirements_for(industry, "discrete")
    }
    out: dict[str, object] = {}
    for p in pack.profile:
        if p.group == "business":
            out[p.id] = False
        elif p.density_of:
            if density is not None:
                out[p.id] = round(density * employees * 0.8 / 10_000)
        elif p.evidenced_by and any(e in asked for e in p.evidenced_by):
            rated = [values.get(e) for e in p.evidenced_by if e in values]
            met = any(isinstance(v, float) and v >= 0.8 for v in rated)
            if p.coverage:
                out[p.id] = 100 if met else (25 if any(v == 0.5 for v in rated) else 0)
            else:
                out[p.id] = met
    return out


def _data(pack: Pack, p: dict, industry: str, answers: list[dict], key: str) -> dict:
    data = {
        "format": FORMAT,
        "pack": {"id": pack.id, "version": pack.version},
        "enterprise": {
            "name": p["name"],
            "credit_code": make_credit_code(p["code"][:17]),
            "industry": industry,
            "path": p["path"],
            "district": p["district"],
            "employees": p["employees"],
        },
        "assessment": {"date": "2026-11-20", "assessor": p["assessor"], "mode": p["mode"]},
        "answers": answers,
    }
    if p.get("scope"):
        data["assessment"]["scope"] = p["scope"]
    if p.get("team"):
        data["assessment"]["team"] = p["team"]
    if p.get("na_subdomains"):
        data["na_subdomains"] = p["na_subdomains"]
    if p["plans"]:
        data["plans"] = p["plans"]
    # A fixed uuid per example, so importing an example twice is recognised as the same assessment.
    data["uuid"] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"diag-app/examples/{key}"))
    data["revision"] = 1
    return data


def build(industry: str) -> dict:
    pack = default_pack()
    p = PROFILES[industry]
    rnd = random.Random(p["seed"])
    answers = []
    values: dict[str, object] = {}
    for r in pack.requirements_for(industry, p["path"]):
        reached = p["levels"].get(r.subdomain, p["base"])
        values[r.id] = rating(rnd, r.level, reached)
        answers.append({"id": r.id, "value": values[r.id], "note": ""})
    for i in pack.indicators_for(p["path"]):
        if i.id in p["indicators"]:
            answers.append({"id": i.id, "value": p["indicators"][i.id], "note": ""})
    for c in pack.conditions:
        answers.append({"id": c.id, "value": True, "note": ""})
    chosen = set(rnd.sample([s.id for s in pack.scenarios], p["scenarios"]))
    for s in pack.scenarios:
        answers.append({"id": s.id, "value": s.id in chosen, "note": ""})
    density = p["indicators"].get("kpi.robot-density")
    for pid, v in profile_from_ratings(pack, industry, values, p["employees"], density).items():
        answers.append({"id": pid, "value": v, "note": ""})
    answers[0]["note"] = "现场查阅了 2025 年度智能制造规划及总经理办公会纪要。"
    return _data(pack, p, industry, answers, industry)


def build_plant(key: str) -> dict:
    """One of the plants: sub-domain maturity, then the ratings that stand out one by one. Notes may be
    given for any answer (requirements, indicators, conditions, scenarios, profile); conditions are
    met unless the plant says otherwise."""
    pack = default_pack()
    p = PLANTS[key]
    industry = p["industry"]
    rnd = random.Random(p["seed"])
    na_sd = p.get("na_subdomains") or {}
    # A requirement that presupposes a system the plant says it lacks is rated at most 部分满足.
    denied = {e for q in pack.profile if p["profile"].get(q.id) in (False, 0) for e in q.evidenced_by}
    answers = []
    for r in pack.requirements_for(industry, p["path"]):
        note = p["notes"].get(r.id, "")
        if r.subdomain in na_sd:
            continue  # the sub-domain is declared not applicable (with its reason): its items are not asked
        value: object
        if r.id in p["na"]:
            value, note = NA, p["na"][r.id]
        elif r.id in p["ratings"]:
            value = float(p["ratings"][r.id])
            rating(rnd, r.level, 0)  # keep the draws aligned whatever is overridden
        else:
            value = rating(rnd, r.level, p["levels"].get(r.subdomain, p["base"]))
            if r.id in denied:
                value = min(value, 0.5)
        answers.append({"id": r.id, "value": value, "note": note})
    notes, conditions = p["notes"], p.get("conditions", {})
    for i in pack.indicators_for(p["path"]):
        if i.id in p["indicators"]:
            answers.append({"id": i.id, "value": p["indicators"][i.id], "note": notes.get(i.id, "")})
    for c in pack.conditions:
        answers.append({"id": c.id, "value": conditions.get(c.id, True), "note": notes.get(c.id, "")})
    for s in pack.scenarios:
        answers.append({"id": s.id, "value": s.id in p["scenarios"], "note": notes.get(s.id, "")})
    for pid, v in p["profile"].items():
        answers.append({"id": pid, "value": v, "note": notes.get(pid, "")})
    return _data(pack, p, industry, answers, f"plants/{key}")


def main() -> int:
    out = ROOT / "examples"
    out.mkdir(exist_ok=True)
    for industry in PROFILES:
        write_json_atomic(out / f"{industry}.json", build(industry))
    (out / "plants").mkdir(exist_ok=True)
    for key in PLANTS:
        write_json_atomic(out / "plants" / f"{key}.json", build_plant(key))
    return 0


if __name__ == "__main__":
    sys.exit(main())
