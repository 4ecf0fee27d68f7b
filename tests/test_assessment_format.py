"""Assessment file format /2: scope, team, status, sub-domain 不适用 and confirmed qualifications
survive a round trip, /1 files still read, and bad values are named by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diag_app.model.assessment import (
    FORMAT,
    AssessmentInvalid,
    Scope,
    TeamMember,
    assessment_to_data,
    parse_assessment,
)

EXAMPLES = Path(__file__).parent.parent / "examples"


def _data(pack, **extra):
    data = json.loads((EXAMPLES / "automotive.json").read_text(encoding="utf-8"))
    data["pack"] = {"id": pack.id, "version": pack.version}
    # the example may be of an older pack version: keep the answers this pack knows
    data["answers"] = [a for a in data["answers"] if pack.item(a["id"]) is not None]
    data.update(extra)
    return data


def test_the_new_fields_round_trip(pack):
    data = _data(pack)
    data["format"] = FORMAT
    data["status"] = "final"
    data["assessment"]["scope"] = {
        "site": "嘉定工厂",
        "lines": "冲压一线",
        "period": "",
        "interviewees": "",
        "documents": "设备台账",
    }
    data["assessment"]["team"] = [{"name": "张工", "role": "组长", "organisation": "某咨询公司"}, {"name": "李工"}]
    sd = next(s for s, x in pack.subdomains.items() if x.na_allowed)  # the pack says which may be N/A
    data["na_subdomains"] = {sd: "按图加工，无自有产品设计"}
    item = pack.catalog[0].id
    data["plans"] = [
        {
            "item": item,
            "investment_cny": 100.0,
            "confirmed": ["first-of-kind-certified", "innovation-catalogue-listed", "first-of-kind-certified"],
        }
    ]

    a = parse_assessment(pack, data)

    assert a.status == "final"
    assert a.scope == Scope(site="嘉定工厂", lines="冲压一线", documents="设备台账")
    assert a.team == (TeamMember("张工", "组长", "某咨询公司"), TeamMember("李工"))
    assert a.na_subdomains == {sd: "按图加工，无自有产品设计"}
    assert a.plans[0].confirmed == ("first-of-kind-certified", "innovation-catalogue-listed")  # duplicates fold
    again = parse_assessment(pack, json.loads(json.dumps(assessment_to_data(a))))
    assert again == a
    assert assessment_to_data(a)["format"] == "smart-factory-assessment/2"


def test_a_version_1_file_still_reads_as_a_draft_with_no_scope(pack):
    data = _data(pack, format="smart-factory-assessment/1")
    data.pop("status", None)
    a = parse_assessment(pack, data)
    assert a.status == "draft" and a.scope.is_empty() and a.team == () and a.na_subdomains == {}


@pytest.mark.parametrize(
    ("change", "field", "key"),
    [
        (lambda d: d.update(status="approved"), "status", "assessment.status"),
        (lambda d: d["assessment"].update(scope=["site"]), "assessment.scope", "field.type_object"),
        (lambda d: d["assessment"].update(scope={"colour": "red"}), "assessment.scope.colour", "field.unknown"),
        (lambda d: d["assessment"].update(scope={"site": "x" * 5000}), "assessment.scope.site", "field.text_long"),
        (lambda d: d["assessment"].update(team=[{"role": "组长"}]), "assessment.team[0].name", "team.name"),
        (lambda d: d["assessment"].update(team=[{"name": "a"}] * 51), "assessment.team", "field.too_many"),
        (lambda d: d.update(na_subdomains={"no-such": "x"}), "na_subdomains.no-such", "na.unknown_subdomain"),
        (lambda d: d.update(na_subdomains={"product-design": "  "}), "na_subdomains.product-design", "na.reason"),
        (lambda d: d.update(na_subdomains={"data": "x"}), "na_subdomains.data", "na.subdomain_not_allowed"),
    ],
)
def test_bad_values_are_named_by_field(pack, change, field, key):
    data = _data(pack, format=FORMAT)
    change(data)
    with pytest.raises(AssessmentInvalid) as e:
        parse_assessment(pack, data)
    assert (field, key) in {(p.field, p.key) for p in e.value.problems}


def test_confirmed_must_be_a_list_of_ids(pack):
    data = _data(pack, format=FORMAT)
    data["plans"] = [{"item": pack.catalog[0].id, "investment_cny": 1.0, "confirmed": "first-set"}]
    with pytest.raises(AssessmentInvalid) as e:
        parse_assessment(pack, data)
    assert ("plans[0].confirmed", "plan.confirmed") in {(p.field, p.key) for p in e.value.problems}
