"""不适用 under control (format-2 packs): allowed only where the pack says an item or a whole
sub-domain may not apply, always with a reason; a level answered N/A throughout is never met;
too many N/A answers bring a warning; every N/A is listed with its reason."""

from __future__ import annotations

from dataclasses import replace

import pytest
from packfactory import CODE, all_values, assess, make_pack

from diag_app.assessment_file import read_assessment_file
from diag_app.model.applicability import not_applicable
from diag_app.model.assessment import (
    NA,
    Answer,
    Assessment,
    AssessmentInvalid,
    Enterprise,
    assessment_to_data,
    parse_assessment,
    validate_value,
)
from diag_app.model.questionnaire import Text
from diag_app.model.scoring import score
from diag_app.packs import find_pack
from diag_app.store import Workspace

WHEN = Text("无洁净区时", "when there is no clean room")


def fmt2(pack, marked=("sd0.2.0", "sd0.2.1")):
    reqs = tuple(replace(r, na_when=WHEN) if r.id in marked else r for r in pack.requirements)
    return replace(pack, requirements=reqs, format=2, _cache={})


def with_notes(a: Assessment, note: str = "理由") -> Assessment:
    return replace(a, answers={k: replace(v, note=note if v.value == NA else v.note) for k, v in a.answers.items()})


# --- validation -----------------------------------------------------------------------------------


def test_na_only_where_the_pack_allows_it_and_with_a_reason():
    pack = fmt2(make_pack())
    assert validate_value(pack, "sd0.1.0", NA).key == "answer.na_not_allowed"
    assert validate_value(pack, "sd0.2.0", NA) is None  # note not known yet: only the item is checked
    assert validate_value(pack, "sd0.2.0", NA, "").key == "answer.na_reason"
    assert validate_value(pack, "sd0.2.0", NA, "   ").key == "answer.na_reason"
    assert validate_value(pack, "sd0.2.0", NA, "本厂无洁净区") is None
    assert validate_value(pack, "sd0.1.0", 0.5, "") is None  # ratings need no note


def test_a_format_1_pack_keeps_its_old_rule():
    """The frozen 1.0.0 let any item be N/A without a reason: its assessments still load."""
    old = find_pack("sh-smart-factory", "1.0.0")
    rid = old.requirements[0].id
    assert validate_value(old, rid, NA, "") is None


def test_a_file_breaking_the_na_rules_is_refused_naming_each_answer(pack):
    rid = next(r.id for r in pack.requirements if r.industry is None and not r.na_allowed)
    marked = next(r for r in pack.requirements if r.na_allowed and r.industry is None and "discrete" in r.paths)
    a = Assessment(pack.id, pack.version, Enterprise("测试企业", CODE, "electronics"))
    data = assessment_to_data(a)
    data["answers"] = [
        {"id": rid, "value": "na", "note": "本厂不做"},
        {"id": marked.id, "value": "na", "note": ""},
    ]
    with pytest.raises(AssessmentInvalid) as e:
        parse_assessment(pack, data)
    keys = {(p.field, p.key) for p in e.value.problems}
    assert keys == {
        (f"answers[{rid}].value", "answer.na_not_allowed"),
        (f"answers[{marked.id}].note", "answer.na_reason"),
    }
    data["answers"] = []
    data["na_subdomains"] = {"data": "没有数据", "product-design": ""}
    with pytest.raises(AssessmentInvalid) as e:
        parse_assessment(pack, data)
    keys = {(p.field, p.key) for p in e.value.problems}
    assert keys == {("na_subdomains.data", "na.subdomain_not_allowed"), ("na_subdomains.product-design", "na.reason")}
    data["na_subdomains"] = {"product-design": "按客户图纸加工"}
    assert parse_assessment(pack, data).na_subdomains == {"product-design": "按客户图纸加工"}


def test_the_shipped_pack_says_when_each_na_applies(pack):
    marked = [r for r in pack.requirements if r.na_allowed]
    assert marked, "no requirement of 2.0.0 may be N/A"
    for r in marked:
        assert r.na_when.zh and r.na_when.en, r.id
    assert {sd for sd, s in pack.subdomains.items() if s.na_allowed} >= {"product-design", "product-service"}
    assert not pack.subdomains["production-operations"].na_allowed


# --- scoring --------------------------------------------------------------------------------------


def test_a_level_answered_na_throughout_is_never_met():
    pack = fmt2(make_pack())
    values = all_values(pack, 1.0)
    values.update({"sd0.2.0": NA, "sd0.2.1": NA})
    s = score(pack, with_notes(assess(pack, values)))
    assert s.subdomains["sd0"].level == 1
    assert s.subdomains["sd0"].level_scores[2] == 0.0
    assert s.subdomains["sd1"].level == 5
    # the same answers under a format-1 pack: the empty level counted as met, as it always did
    old = replace(pack, format=1, _cache={})
    assert score(old, assess(old, values)).subdomains["sd0"].level == 5


def test_one_na_item_of_a_level_drops_out_of_its_mean():
    pack = fmt2(make_pack())
    values = all_values(pack, 1.0)
    values.update({"sd0.2.0": NA, "sd0.2.1": 0.5})
    s = score(pack, with_notes(assess(pack, values)))
    assert s.subdomains["sd0"].level_scores[2] == 0.5  # the mean of the one item left


def test_a_subdomain_declared_na_drops_out_with_its_weight(pack):
    a = read_assessment_file_2(pack)
    base = score(pack, a)
    declared = replace(a, na_subdomains={"product-design": "按客户图纸加工，无自有产品设计"})
    s = score(pack, declared)
    assert "product-design" not in s.subdomains
    assert not any(m.startswith("PD.") for m in s.missing)
    assert s.total < base.total
    assert sum(x.weight for x in s.subdomains.values()) == pytest.approx(
        sum(x.weight for k, x in base.subdomains.items() if k != "product-design")
    )


def read_assessment_file_2(pack) -> Assessment:
    """A complete discrete electronics assessment on the current pack: every requirement 0.8."""
    reqs = pack.requirements_for("electronics", "discrete")
    answers = {r.id: Answer(r.id, 0.8) for r in reqs}
    return Assessment(pack.id, pack.version, Enterprise("测试企业", CODE, "electronics"), answers=answers)


# --- the list and the warning ---------------------------------------------------------------------


def test_every_na_is_listed_with_its_reason_and_many_bring_a_warning(pack):
    a = read_assessment_file_2(pack)
    marked = next(r for r in pack.requirements_for("electronics", "discrete") if r.na_allowed)
    a = a.with_answer(marked.id, NA, "本厂没有这种设备")
    one = replace(a, na_subdomains={"product-service": "来料加工的零件，交付后无需维护"})
    na = not_applicable(pack, one)
    assert [(e.kind, e.id, e.reason) for e in na.entries] == [
        ("subdomain", "product-service", "来料加工的零件，交付后无需维护"),
        ("requirement", marked.id, "本厂没有这种设备"),
    ]
    assert na.entries[0].allowed == pack.subdomains["product-service"].na_when
    assert na.limit == pytest.approx(0.10)
    n_ps = sum(1 for r in pack.requirements_for("electronics", "discrete") if r.subdomain == "product-service")
    assert na.na_items == n_ps + (0 if marked.subdomain == "product-service" else 1)
    assert not na.warn
    many = replace(
        one,
        na_subdomains={
            "product-service": "来料加工的零件",
            "product-design": "按客户图纸加工",
            "logistics": "客户自提",
        },
    )
    na = not_applicable(pack, many)
    assert na.share > 0.10 and na.warn


# --- the store holds the same rules ---------------------------------------------------------------


def test_the_store_refuses_na_without_a_reason(tmp_path, pack):
    from test_store_support import enterprise_a

    ws = Workspace.open(tmp_path / "ws.db")
    try:
        u = ws.create_assessment(enterprise_a(), pack.id, pack.version)
        ent = ws.load_assessment(u).enterprise
        marked = next(
            r
            for r in pack.requirements_for(ent.industry, ent.path or pack.industries[ent.industry].path or "discrete")
            if r.na_allowed
        )
        with pytest.raises(AssessmentInvalid) as e:
            ws.set_answer(u, marked.id, "na")
        assert e.value.problems[0].key == "answer.na_reason"
        ws.set_answer(u, marked.id, "na", note="本厂没有这种设备")
        assert ws.load_assessment(u).answers[marked.id].value == NA
        with pytest.raises(AssessmentInvalid):  # clearing the reason of an N/A answer
            ws.set_answer(u, marked.id, "na", note="")
        with pytest.raises(AssessmentInvalid) as e:
            ws.set_na_subdomain(u, "data", "不需要")
        assert e.value.problems[0].key == "na.subdomain_not_allowed"
        ws.set_na_subdomain(u, "product-service", "来料加工的零件")
        assert ws.load_assessment(u).na_subdomains == {"product-service": "来料加工的零件"}
    finally:
        ws.close()


def test_a_1_0_0_file_with_na_answers_still_loads(tmp_path):
    import json
    from pathlib import Path

    src = Path(__file__).parent / "fixtures" / "examples-1.0.0" / "fashion-consumer.json"
    data = json.loads(src.read_text(encoding="utf-8"))
    data["answers"][0]["value"] = "na"
    data["answers"][0]["note"] = ""
    p = tmp_path / "old.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    pack, a = read_assessment_file(p)
    assert pack.version == "1.0.0" and a.answers[data["answers"][0]["id"]].value == NA
