"""Parsed pack files kept as JSON in the cache folder (packs/yaml_cache.py): the loader gets what
PyYAML gives, checks it as it checks the YAML, and the cache never decides what a pack says when
its file changed, never runs code and never stops a pack from loading."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
import yaml

from diag_app.packs import PackError, load_pack, yaml_cache
from diag_app.resources import packs_dir

PACK_DIR = packs_dir() / "sh-smart-factory"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(yaml_cache.CACHE_ENV, str(folder))
    return folder


@pytest.fixture
def pack_copy(tmp_path) -> Path:
    dst = tmp_path / "pack"
    shutil.copytree(PACK_DIR, dst)
    return dst


def entry(cache: Path, yaml_file: Path) -> Path:
    (tag,) = [p for p in (cache / "pack-yaml").iterdir()]
    return tag / f"{hashlib.sha256(yaml_file.read_bytes()).hexdigest()}.json"


def test_a_pack_read_from_the_cache_is_the_pack_read_from_yaml(cache, pack_copy):
    from_yaml = load_pack(pack_copy)
    entries = list((cache / "pack-yaml").rglob("*.json"))
    assert len(entries) >= 30, "every plain pack file is kept"
    for e in entries:  # JSON, nothing that could run code
        json.loads(e.read_text(encoding="utf-8"))
    assert load_pack(pack_copy) == from_yaml
    # ...and the entries are what the second load read: an entry changed by hand shows
    e = entry(cache, pack_copy / "requirements/03-data.yaml")
    e.write_text(e.read_text(encoding="utf-8").replace("数据", "资料"), encoding="utf-8")
    changed = load_pack(pack_copy)
    assert changed != from_yaml and any("资料" in r.text.zh for r in changed.requirements)


def test_what_comes_from_the_cache_is_checked_like_the_yaml(cache, pack_copy):
    load_pack(pack_copy)
    e = entry(cache, pack_copy / "pack.yaml")
    assert not e.exists(), "pack.yaml has numbers as keys (level names): read from YAML every time"
    e = entry(cache, pack_copy / "requirements/02-personnel-skills.yaml")
    e.write_text(e.read_text(encoding="utf-8").replace('"SK.1.01"', '"OS.1.01"', 1), encoding="utf-8")
    with pytest.raises(PackError) as err:
        load_pack(pack_copy)
    assert any("requirements/02-personnel-skills.yaml [OS.1.01] id: duplicate id" in str(p) for p in err.value.problems)


def test_a_changed_file_is_read_again_not_taken_from_the_cache(cache, pack_copy):
    before = load_pack(pack_copy)
    f = pack_copy / "requirements/03-data.yaml"
    f.write_bytes(f.read_bytes().replace("数据".encode(), "资料".encode()))
    after = load_pack(pack_copy)
    assert after != before and any("资料" in r.text.zh for r in after.requirements)
    assert entry(cache, f).exists()


def test_a_damaged_entry_is_passed_over_and_written_again(cache, pack_copy):
    want = load_pack(pack_copy)
    e = entry(cache, pack_copy / "catalog.yaml")
    e.write_bytes(b'{"categories": [')  # cut short
    assert load_pack(pack_copy) == want
    json.loads(e.read_text(encoding="utf-8"))
    e.write_bytes(b"x" * (20 * (pack_copy / "catalog.yaml").stat().st_size))  # far too large to be ours
    assert load_pack(pack_copy) == want
    e.write_bytes(b"[" * 100_000 + b"]" * 100_000)  # nested deeper than json can read
    assert load_pack(pack_copy) == want


def test_an_unusable_cache_folder_is_passed_over_silently(tmp_path, monkeypatch, pack_copy):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(yaml_cache.CACHE_ENV, str(blocker / "cache"))
    pack = load_pack(pack_copy)
    assert pack.version == "2.0.0" and blocker.read_text(encoding="utf-8") == "not a folder"


def test_values_json_cannot_give_back_are_never_cached(cache):
    cases = {
        "a date": b"when: 2024-05-01\n",
        "a number as a key": b"names:\n  1: one\n",
        "an alias": b"a: &x {k: [1, 2]}\nb: *x\n",
        "a set": b"s: !!set {a, b}\n",
    }
    for what, raw in cases.items():
        assert yaml_cache.parse(raw) == yaml.safe_load(raw.decode()), what
    assert not list(cache.rglob("*.json")), "none of them is kept"
    assert yaml_cache.parse(b"cap: .inf\nx: [1, 2.5, true, null]\n") == {"cap": float("inf"), "x": [1, 2.5, True, None]}
    assert yaml_cache.parse(b"cap: .inf\nx: [1, 2.5, true, null]\n") == {"cap": float("inf"), "x": [1, 2.5, True, None]}
    assert len(list(cache.rglob("*.json"))) == 1


def test_line_ends_and_errors_are_those_of_the_file_read_as_text(cache):
    assert yaml_cache.parse(b"a: |\r\n  one\r\n  two\r\nb: x\r\n") == {"a": "one\ntwo\n", "b": "x"}
    with pytest.raises(yaml.YAMLError):
        yaml_cache.parse(b"a: [unclosed\n")
    with pytest.raises(UnicodeDecodeError):
        yaml_cache.parse(b"a: \xff\n")
    assert yaml_cache.parse(b"") is None


def test_the_tests_never_write_into_the_real_cache_folder():
    import os

    from platformdirs import user_cache_dir

    assert os.environ[yaml_cache.CACHE_ENV] != user_cache_dir("diag-app", appauthor=False)
