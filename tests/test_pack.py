"""The shipped pack is complete, and broken packs are reported by file, item and field."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from diag_app.packs import PackError, load_pack
from diag_app.report.overview import overview_markdown
from diag_app.resources import app_root, packs_dir

PACK_DIR = packs_dir() / "sh-smart-factory"
INDUSTRIES = {
    "electronics",
    "life-health",
    "automotive",
    "high-end-equipment",
    "advanced-materials",
    "fashion-consumer",
}
CATEGORIES = {
    "robot",
    "machine-tool",
    "inspection",
    "sensing-control",
    "logistics",
    "software",
    "network",
    "additive",
    "energy",
    "it-datacenter",
    "safety",
    "ev-charging",
}


def test_structure_is_cmmm(pack):
    assert len(pack.elements) == 4
    assert len(pack.domains) == 12
    assert len(pack.subdomains) == 20


def test_item_bank_counts(pack):
    common = [r for r in pack.requirements if r.industry is None]
    assert 250 <= len(common) <= 400
    for path in pack.paths:
        cells = Counter((r.subdomain, r.level) for r in common if path in r.paths)
        for sd in pack.subdomains:
            for lvl in range(1, 6):
                assert cells[(sd, lvl)] >= 2, (path, sd, lvl)


def test_every_industry_module_is_complete(pack):
    assert set(pack.industries) == INDUSTRIES
    for ind in INDUSTRIES:
        extra = [r for r in pack.requirements if r.industry == ind]
        assert 5 <= len(extra) <= 15, ind
        assert pack.industries[ind].weights, ind
        assert pack.industries[ind].focus.zh and pack.industries[ind].focus.en


def test_indicators_scenarios_conditions_and_catalogue(pack):
    ids = {i.id for i in pack.indicators}
    assert {
        "kpi.design-tools",
        "kpi.cnc-rate",
        "kpi.networked",
        "kpi.robot-density",
        "kpi.oee",
        "kpi.fpy",
        "kpi.labour-productivity",
        "kpi.old-equipment",
        "kpi.pue",
    } <= ids
    assert pack.item("kpi.cnc-rate").target("shanghai-2027").value == 77
    assert pack.item("kpi.design-tools").target("shanghai-2027").value == 95
    assert len(pack.scenarios) == 40 and len(pack.links) == 8
    basic = {c.id for c in pack.conditions if c.scope == "basic"}
    assert basic == {
        "cond.legal-entity",
        "cond.above-size",
        "cond.finance",
        "cond.no-incident",
        "cond.secure-controllable",
        "cond.team",
    }
    assert "较大及以上安全、环保等事故" in pack.item("cond.no-incident").text.zh
    assert pack.item("cond.ai-application").scope == "tier"
    assert {c.id for c in pack.categories} >= CATEGORIES
    assert {it.category for it in pack.catalog} >= CATEGORIES
    # every default threshold in the tier rules is marked as such
    assert any(r.basis == "D" for t in pack.tiers for r in t.rules)


def test_every_text_has_both_languages(pack):
    for r in pack.requirements:
        for t in (r.text, r.help, r.evidence):
            assert t.zh and t.en, r.id


def test_overview_document_is_current(pack):
    doc = app_root() / "docs" / "questionnaire.md"
    assert doc.read_text(encoding="utf-8") == overview_markdown(pack), (
        "docs/questionnaire.md is stale: run `uv run diag-app pack-overview -o docs/questionnaire.md`"
    )


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "pack"
    shutil.copytree(PACK_DIR, dst)
    return dst


def _problems(folder: Path) -> list[str]:
    with pytest.raises(PackError) as e:
        load_pack(folder)
    return [str(p) for p in e.value.problems]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_duplicate_id_is_named_with_both_files(pack_copy):
    _edit(pack_copy / "requirements/02-personnel-skills.yaml", "id: SK.1.01", "id: OS.1.01")
    probs = _problems(pack_copy)
    assert any("requirements/02-personnel-skills.yaml [OS.1.01] id: duplicate id" in p for p in probs)


def test_weights_that_do_not_sum_are_reported(pack_copy):
    _edit(pack_copy / "pack.yaml", "    organisation-strategy: 0.05", "    organisation-strategy: 0.15")
    assert any("pack.yaml weights.discrete: weights must sum to 1" in p for p in _problems(pack_copy))


def test_missing_translation_unknown_subdomain_and_bad_band(pack_copy):
    req = pack_copy / "requirements/03-data.yaml"
    text = req.read_text(encoding="utf-8")
    first_en = text.index("      en:")
    req.write_text(text[:first_en] + "      fr:" + text[first_en + 9 :], encoding="utf-8")
    _edit(pack_copy / "industries/automotive.yaml", "subdomain: production-operations", "subdomain: painting")
    _edit(pack_copy / "pack.yaml", "{low: 1.8, high: 2.8, level: 2}", "{low: 1.9, high: 2.8, level: 2}")
    probs = _problems(pack_copy)
    assert any(p.startswith("requirements/03-data.yaml [DA.1.01] text.en: translation is missing") for p in probs)
    assert any("industries/automotive.yaml" in p and "unknown sub-domain 'painting'" in p for p in probs)
    assert any("scoring.bands: bands must touch" in p for p in probs)


def test_invalid_yaml_names_the_line(pack_copy):
    (pack_copy / "conditions.yaml").write_text("conditions:\n  - id: [unclosed\n", encoding="utf-8")
    probs = _problems(pack_copy)
    assert any(p.startswith("conditions.yaml line") and "not valid YAML" in p for p in probs)


def test_wrong_shape_is_a_problem_not_a_traceback(pack_copy):
    (pack_copy / "structure.yaml").write_text("elements: [1, 2]\n", encoding="utf-8")
    assert _problems(pack_copy)


def test_a_list_where_an_id_or_a_mapping_belongs_names_the_file_and_field(pack_copy):
    """A list typed where one sub-domain id belongs, or a file that is a list at the top: each is
    named with its file (and field), not reported as an 'unexpected structure' of some file."""
    _edit(
        pack_copy / "industries/automotive.yaml", "    subdomain: equipment\n", "    subdomain: [equipment, network]\n"
    )
    (pack_copy / "requirements/03-data.yaml").write_text("- a\n- b\n", encoding="utf-8")
    probs = _problems(pack_copy)
    assert any(
        p.startswith("industries/automotive.yaml [AUT.01] subdomain: unknown sub-domain ['equipment', 'network']")
        for p in probs
    ), probs
    assert any(p.startswith("requirements/03-data.yaml: must be a mapping of keys to values") for p in probs), probs
    assert not any("unexpected structure" in p for p in probs), probs


def _break_ids(folder: Path) -> None:
    """Two problems a pack editor makes: an id used twice, and an id with a space in it."""
    _edit(folder / "requirements/02-personnel-skills.yaml", "id: SK.1.01", "id: OS.1.01")
    _edit(folder / "requirements/02-personnel-skills.yaml", "id: SK.1.02", "id: SK 1.02")


def test_check_pack_words_problems_in_chinese_by_default(pack_copy, capsys):
    from diag_app.cli import main

    _break_ids(pack_copy)
    assert main(["check-pack", str(pack_copy)]) == 2
    err = capsys.readouterr().err
    assert f"题库 {pack_copy} 有" in err
    assert (
        "  - requirements/02-personnel-skills.yaml [OS.1.01] id："
        "编号重复（requirements/01-organisation-strategy.yaml 中已有）" in err
    ), err
    assert "  - requirements/02-personnel-skills.yaml [SK 1.02] id：必须是不含空格的编号，实际为 'SK 1.02'" in err
    assert "duplicate id" not in err and "must be" not in err


def test_check_pack_words_problems_in_english_with_lang_en(pack_copy, capsys):
    from diag_app.cli import main

    _break_ids(pack_copy)
    assert main(["check-pack", "--lang", "en", str(pack_copy)]) == 2
    err = capsys.readouterr().err
    assert f"pack {pack_copy} has" in err
    assert (
        "  - requirements/02-personnel-skills.yaml [OS.1.01] id: "
        "duplicate id (also in requirements/01-organisation-strategy.yaml)" in err
    ), err
    assert "  - requirements/02-personnel-skills.yaml [SK 1.02] id: must be an id without spaces, got 'SK 1.02'" in err
    assert "编号" not in err


def test_pack_overview_of_a_broken_pack_lists_its_problems(pack_copy, capsys):
    from diag_app.cli import main

    _break_ids(pack_copy)
    assert main(["pack-overview", str(pack_copy)]) == 2
    assert "[SK 1.02] id：必须是不含空格的编号" in capsys.readouterr().err


def test_pack_error_box_lists_the_problems_in_the_window_language(pack_copy):
    from diag_app.ui.errors import error_text

    _break_ids(pack_copy)
    with pytest.raises(PackError) as e:
        load_pack(pack_copy)
    _, detail_zh, _ = error_text(e.value, "zh")
    _, detail_en, _ = error_text(e.value, "en")
    assert "- requirements/02-personnel-skills.yaml [SK 1.02] id：必须是不含空格的编号" in detail_zh
    assert "- requirements/02-personnel-skills.yaml [SK 1.02] id: must be an id without spaces" in detail_en
    # str() stays English: logs and the exception text
    assert "[SK 1.02] id: must be an id without spaces, got 'SK 1.02'" in str(e.value)


def test_every_pack_problem_key_is_in_the_catalogue_and_used():
    """tr() shows an unknown key as itself, so a typo in the loader would reach the user as
    'pack.problem.xyz': every key the loader names must exist, and every catalogued one be used."""
    import re

    from diag_app import packs
    from diag_app.i18n import MESSAGES

    readers = [f for f in Path(packs.__file__).parent.glob("*.py") if f.name != "overview.py"]
    source = "\n".join(f.read_text(encoding="utf-8") for f in readers)
    used = set(re.findall(r'"(pack\.problem\.[a-z_0-9]+)"', source))
    defined = {k for k in MESSAGES if k.startswith("pack.problem.")}
    assert used <= defined, used - defined
    assert defined <= used, defined - used
