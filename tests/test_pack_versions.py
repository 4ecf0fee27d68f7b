"""Pack versions: the shipped 1.0.0 is frozen, so an assessment made with it keeps its result;
the current pack is 2.0.0 in pack format 2, and both are found by id and version."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from diag_app.assessment_file import read_assessment_file
from diag_app.model.diagnosis import diagnose
from diag_app.packs import available_packs, default_pack, find_pack
from diag_app.resources import packs_dir

FIXTURES = Path(__file__).parent / "fixtures" / "examples-1.0.0"
FROZEN = packs_dir() / "sh-smart-factory-1.0.0"

# Each example as shipped with 1.0.0 and what it scored then (diag-app score, before 2.0.0 existed):
# S, CMMM level, Shanghai tier, national tier.
AS_SHIPPED = {
    "advanced-materials": (3.59, 3, "demonstration", "excellent"),
    "automotive": (4.37, 4, "benchmark", "leading"),
    "electronics": (3.53, 3, "demonstration", "excellent"),
    "fashion-consumer": (1.57, 1, "none", "none"),
    "high-end-equipment": (3.50, 3, "demonstration", "excellent"),
    "life-health": (2.54, 2, "none", "basic"),
}


def test_both_versions_are_found_and_the_default_is_2():
    found = available_packs()
    assert found[("sh-smart-factory", "1.0.0")] == FROZEN
    assert found[("sh-smart-factory", "2.0.0")] == packs_dir() / "sh-smart-factory"
    assert default_pack().version == "2.0.0" and default_pack().format == 2
    old = find_pack("sh-smart-factory", "1.0.0")
    assert old.version == "1.0.0" and old.format == 1


@pytest.mark.parametrize("name", sorted(AS_SHIPPED))
def test_an_assessment_made_with_1_0_0_scores_as_it_did(name):
    pack, a = read_assessment_file(FIXTURES / f"{name}.json")
    assert (pack.id, pack.version) == ("sh-smart-factory", "1.0.0")
    r = diagnose(pack, a, with_roadmap=False)
    s, level, tier, national = AS_SHIPPED[name]
    assert round(r.scores.s, 2) == s
    assert r.scores.level == level
    assert r.tier.tier == tier
    assert r.national.tier == national


def test_every_shipped_example_file_is_covered():
    assert {p.stem for p in FIXTURES.glob("*.json")} == set(AS_SHIPPED)


def test_the_frozen_pack_is_unchanged():
    """A digest of every file of the frozen pack: editing it would silently change old results.
    (Fix things in the current pack instead; this digest changes only if 1.0.0 itself was wrong.)"""
    h = hashlib.sha256()
    for f in sorted(FROZEN.rglob("*.yaml")):
        h.update(f.relative_to(FROZEN).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    assert h.hexdigest() == FROZEN_DIGEST


FROZEN_DIGEST = "ff041a4a9b66cf02fbe666d08d09eef039076b6a2b5d9aa7683e8bb5f67ffb8f"
