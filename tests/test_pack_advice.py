"""The advice files of the pack — catalog.yaml, measures.yaml, profile.yaml — are checked on load:
every id they name exists, ratings are the pack's, and each problem names file, item and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from diag_app.packs import load_pack
from diag_app.packs.problems import PackError
from diag_app.resources import app_root

PACK_DIR = app_root() / "questionnaires" / "sh-smart-factory"


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "pack"
    shutil.copytree(PACK_DIR, dst)
    return dst


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(folder: Path) -> list[tuple[str, str, str, str]]:
    with pytest.raises(PackError) as e:
        load_pack(folder)
    return [(p.file, p.item, p.field, p.key) for p in e.value.problems]


def test_the_shipped_advice_files_load(pack):
    assert len(pack.catalog) >= 90 and len(pack.profile) >= 15 and "first-of-kind-certified" in pack.qualifications
    every_req = {r.id for r in pack.requirements}
    for it in pack.catalog:
        assert it.effect.requirements and set(it.effect.requirements) <= every_req, it.id
        assert it.months > 0, it.id
    # the kinds of item real plants need are there
    ids = {it.id for it in pack.catalog}
    assert {
        "press-die-management",
        "hanging-system",
        "ebr-gmp",
        "weighing-dispensing",
        "alarm-management",
        "machine-vision-inspection",
    } <= ids


def test_an_unknown_requirement_or_a_foreign_rating_in_an_effect_is_named(pack_copy):
    _edit(pack_copy / "catalog.yaml", "requirements: {EM.2.03: 1,", "requirements: {EM.9.99: 1,")
    _edit(pack_copy / "catalog.yaml", "requirements: {FAS.02: 1,", "requirements: {FAS.02: 0.7,")
    probs = _problems(pack_copy)
    assert ("catalog.yaml", "press-die-management", "effect.requirements", "pack.problem.unknown_requirement") in probs
    assert (
        "catalog.yaml",
        "cutting-room-automation",
        "effect.requirements.FAS.02",
        "pack.problem.effect_rating",
    ) in probs


def test_preconditions_and_systems_must_exist(pack_copy):
    _edit(pack_copy / "catalog.yaml", "requires: [sys.mes, PL.2.03]", "requires: [sys.mess, PL.2.03]")
    _edit(pack_copy / "catalog.yaml", "provides: [sys.wms]", "provides: [sys.wmz]")
    _edit(pack_copy / "catalog.yaml", "excluded_by: [biz.build-to-print]", "excluded_by: [sys.ebr]")
    probs = _problems(pack_copy)
    assert ("catalog.yaml", "aps", "requires", "pack.problem.unknown_precondition") in probs
    assert ("catalog.yaml", "wms", "provides", "pack.problem.unknown_profile") in probs
    assert ("catalog.yaml", "plm-cad-cae", "excluded_by", "pack.problem.profile_not_bool") in probs


def test_what_rules_an_item_out_must_be_a_requirement_that_may_be_not_applicable(pack_copy):
    _edit(pack_copy / "catalog.yaml", "needs_applicable: [MAT.21]", "needs_applicable: [MAT.99]")
    _edit(pack_copy / "catalog.yaml", "needs_applicable: [ELE.11]", "needs_applicable: [PO.3.04]")
    probs = _problems(pack_copy)
    assert ("catalog.yaml", "web-line-closed-loop", "needs_applicable", "pack.problem.unknown_requirement") in probs
    assert ("catalog.yaml", "fab-fdc-r2r-yms", "needs_applicable", "pack.problem.needs_na_allowed") in probs


def test_measures_may_require_only_defined_qualifications(pack_copy):
    _edit(pack_copy / "measures.yaml", "requires: [first-of-kind-certified]", "requires: [first-kind]")
    assert ("measures.yaml", "first-set", "requires", "pack.problem.unknown_qualification") in _problems(pack_copy)


def test_profile_items_are_checked(pack_copy):
    _edit(pack_copy / "profile.yaml", "answer: bool", "answer: maybe")
    _edit(pack_copy / "profile.yaml", "evidenced_by: [PO.3.01, IN.3.01]", "evidenced_by: [PO.3.99]")
    probs = _problems(pack_copy)
    assert ("profile.yaml", "sys.erp", "answer", "pack.problem.one_of_got") in probs
    assert ("profile.yaml", "sys.mes", "evidenced_by", "pack.problem.unknown_requirement") in probs


def test_a_profile_id_must_not_clash_with_a_question(pack_copy):
    _edit(pack_copy / "profile.yaml", "id: sys.erp", "id: OS.1.01")
    probs = _problems(pack_copy)
    assert any(p[3] == "pack.problem.duplicate_id" and p[1] == "OS.1.01" for p in probs)


def test_the_frozen_one_point_oh_catalogue_still_loads_in_its_old_form():
    old = load_pack(app_root() / "questionnaires" / "sh-smart-factory-1.0.0")
    welding = next(it for it in old.catalog if it.id == "robot-welding")
    # subdomain_levels {equipment: 3, production-operations: 3} stands for every such requirement up to L3
    assert {"EQ.1.01", "EQ.3.01", "PO.3.01"} <= set(welding.effect.requirements)
    assert not old.profile and not old.qualifications


def test_a_pack_without_qualifying_conditions_counts_no_support():
    from diag_app.model.assessment import Plan
    from diag_app.model.support import plan_support

    old = load_pack(app_root() / "questionnaires" / "sh-smart-factory-1.0.0")
    ps = plan_support(old, Plan("mes", 3_000_000.0, contract_cny=3_000_000.0))
    first = next(e for e in ps.estimates if e.measure == "first-set")
    assert ps.amount_cny == 0 and first.status == "possible" and first.possible_cny == 900_000


def test_no_advice_file_repeats_a_key():
    """YAML keeps the last of two equal keys without a word ({PU.3.02: 1, PU.3.02: 0.5} reads as 0.5):
    the advice files must not rely on that."""
    import yaml

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader: Strict, node: yaml.MappingNode) -> dict:
        keys = [loader.construct_object(k) for k, _ in node.value]
        dup = {k for k in keys if keys.count(k) > 1}
        assert not dup, f"line {node.start_mark.line + 1}: {sorted(dup)}"
        return loader.construct_mapping(node)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    for name in ("catalog.yaml", "measures.yaml", "profile.yaml"):
        yaml.load((PACK_DIR / name).read_text(encoding="utf-8"), Loader=Strict)
