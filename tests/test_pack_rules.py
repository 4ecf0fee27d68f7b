"""check-pack rejects a pack that breaks the rules: in every format, incomplete files and
duplicate ids; in format 2, a ladder that is not cumulative, a tier without its source document,
a rule without its basis. Each problem names its file and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from diag_app.packs import PackError, load_pack
from diag_app.resources import packs_dir

PACK_DIR = packs_dir() / "sh-smart-factory"


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "pack"
    shutil.copytree(PACK_DIR, dst)
    return dst


def problems(folder: Path) -> list[str]:
    with pytest.raises(PackError) as e:
        load_pack(folder)
    return [str(p) for p in e.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_packs_pass():
    assert load_pack(PACK_DIR).format == 2
    assert load_pack(packs_dir() / "sh-smart-factory-1.0.0").format == 1


# --- every format ---------------------------------------------------------------------------------


def test_a_missing_requirements_file_is_named(pack_copy):
    (pack_copy / "requirements/07-network.yaml").unlink()
    probs = problems(pack_copy)
    assert any(p.startswith("requirements/: no requirement file for sub-domain 'network'") for p in probs), probs


def test_two_requirement_files_for_one_subdomain_are_named(pack_copy):
    shutil.copy(pack_copy / "requirements/07-network.yaml", pack_copy / "requirements/21-network-again.yaml")
    probs = problems(pack_copy)
    assert any(
        p.startswith("requirements/21-network-again.yaml subdomain: a second file for sub-domain 'network'")
        for p in probs
    ), probs


def test_an_empty_conditions_file_is_rejected(pack_copy):
    (pack_copy / "conditions.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert "conditions.yaml: the file is empty" in problems(pack_copy)


def test_an_empty_conditions_list_is_rejected(pack_copy):
    (pack_copy / "conditions.yaml").write_text("conditions: []\n", encoding="utf-8")
    assert "conditions.yaml conditions: the list must not be empty" in problems(pack_copy)


def test_only_tier_conditions_is_rejected(pack_copy):
    text = (pack_copy / "conditions.yaml").read_text(encoding="utf-8")
    (pack_copy / "conditions.yaml").write_text(
        text.replace("    basis: P\n", "    scope: tier\n    basis: P\n"), encoding="utf-8"
    )
    assert any(p.startswith("conditions.yaml conditions: at least one basic condition") for p in problems(pack_copy))


def test_duplicate_tier_ids_are_rejected(pack_copy):
    edit(pack_copy / "tiers.yaml", "  - id: demonstration\n", "  - id: advanced\n")
    probs = problems(pack_copy)
    assert any(
        p.startswith("tiers.yaml [advanced] id: duplicate tier id (already used in the shanghai ladder)") for p in probs
    ), probs


def test_a_tier_without_rules_is_rejected(pack_copy):
    text = (pack_copy / "tiers.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: demonstration")
    rules = text.index("    rules:", start)
    end = text.index("national:", rules)
    (pack_copy / "tiers.yaml").write_text(text[:rules] + "    rules: []\n" + text[end:], encoding="utf-8")
    assert "tiers.yaml [demonstration] rules: a tier needs at least one rule" in problems(pack_copy)


def test_a_prior_tier_must_be_lower_in_the_same_ladder(pack_copy):
    edit(pack_copy / "tiers.yaml", "        tier: basic\n", "        tier: leading\n")
    probs = problems(pack_copy)
    assert any(p.startswith("tiers.yaml [advanced rule #1] tier: 'leading' is not a lower tier") for p in probs), probs


def test_duplicate_link_rating_and_target_ids_are_rejected(pack_copy):
    edit(pack_copy / "scenarios.yaml", "  - id: product-rnd\n", "  - id: factory-build\n")
    edit(pack_copy / "pack.yaml", "    - value: 0.8\n", "    - value: 0.5\n")
    edit(pack_copy / "indicators.yaml", "{id: china-2023,", "{id: shanghai-2025,")
    probs = problems(pack_copy)
    assert any(p.startswith("scenarios.yaml [factory-build] id: duplicate") for p in probs), probs
    assert any(p.startswith("pack.yaml [0.5] scoring.ratings: duplicate") for p in probs), probs
    assert any(
        p.startswith("indicators.yaml [kpi.robot-density] targets.id: duplicate 'shanghai-2025'") for p in probs
    ), probs


def test_a_scenario_link_without_scenarios_is_rejected(pack_copy):
    edit(
        pack_copy / "scenarios.yaml", "links:\n", "links:\n  - id: empty-link\n    name: {zh: 空环节, en: Empty link}\n"
    )
    assert "scenarios.yaml [empty-link] links: no scenario in this link" in problems(pack_copy)


# --- format 2 -------------------------------------------------------------------------------------


def test_a_ladder_that_is_not_cumulative_is_rejected(pack_copy):
    text = (pack_copy / "tiers.yaml").read_text(encoding="utf-8")
    start = text.index("      - kind: prior_tier\n        tier: advanced\n")
    end = text.index("      - {kind: conditions", start)
    (pack_copy / "tiers.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    probs = problems(pack_copy)
    assert any(
        p.startswith(
            "tiers.yaml [excellent] rules: the national ladder must be cumulative: a prior_tier rule naming advanced"
        )
        for p in probs
    ), probs


def test_the_same_ladder_is_accepted_in_format_1(pack_copy):
    """The frozen 1.0.0 keeps its non-cumulative ladder: format 1 is read as it always was."""
    text = (pack_copy / "tiers.yaml").read_text(encoding="utf-8")
    start = text.index("      - kind: prior_tier\n        tier: advanced\n")
    end = text.index("      - {kind: conditions", start)
    (pack_copy / "tiers.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    edit(pack_copy / "pack.yaml", "format: 2\n", "format: 1\n")
    assert load_pack(pack_copy).format == 1


def test_a_tier_without_its_source_document_is_rejected(pack_copy):
    text = (pack_copy / "tiers.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: excellent")
    src = text.index("    source:", start)
    end = text.index("\n", src) + 1
    (pack_copy / "tiers.yaml").write_text(text[:src] + text[end:], encoding="utf-8")
    assert "tiers.yaml [excellent] source: must be a mapping with zh and en texts" in problems(pack_copy)


def test_a_rule_without_its_basis_is_rejected(pack_copy):
    edit(
        pack_copy / "tiers.yaml",
        "      - {kind: min_level, level: 3, basis: P}\n",
        "      - {kind: min_level, level: 3}\n",
    )
    assert "tiers.yaml [excellent rule #3] basis: the basis must be stated (basis: S, P or D)" in problems(pack_copy)


def test_an_unknown_pack_format_is_rejected(pack_copy):
    edit(pack_copy / "pack.yaml", "format: 2\n", "format: 7\n")
    assert "pack.yaml format: unknown pack format 7 (this app reads: 1, 2)" in problems(pack_copy)


def test_an_empty_folder_names_every_missing_file_without_a_traceback(tmp_path):
    probs = problems(tmp_path)
    for f in ("pack.yaml", "structure.yaml", "indicators.yaml", "conditions.yaml", "scenarios.yaml", "tiers.yaml"):
        assert f"{f}: file is missing" in probs, f
    assert "requirements/: no requirement files" in probs
    assert not any("unexpected structure" in p for p in probs), probs
