"""Property-based fuzzing of every file format that comes from outside (issue 19): assessment
files, bundles, and manifests and plans. For each generated input: no exception other than the
format's own refusal (which words itself in both languages), a refused file changes nothing in the
workspace, and the memory a case takes stays within the limit. Deterministic (derandomised), at
least 500 cases per format, bounded to a few seconds each."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import resource
import sqlite3
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_store_support import CODE_A, enterprise_a, filled_workspace

from diag_app.assessment_file import load_assessment_data, template_data
from diag_app.error_text import error_message
from diag_app.model.assessment import AssessmentInvalid, Plan
from diag_app.store import BundleRejected, Workspace
from diag_app.store import bundle as bundlemod
from diag_app.validation import parse_json

MEMORY_LIMIT = 300 * 1024 * 1024
FUZZ = settings(
    max_examples=500,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

# --- generated JSON: every kind of value, including the hostile ones ----------------------------

_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "na", "NA", "\ud800", "a\x00b", "2026-02-30", "2026-11-02", "20261102", "1e999", "自评"]),
    st.text(alphabet=st.characters(codec=None, min_codepoint=0xD7F0, max_codepoint=0xE010), max_size=5),
)
_number = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1, 0.5, 0.8, -1, 10**15, 2**53 + 1]),
)
_scalar = st.one_of(st.none(), st.booleans(), _number, _text)
_json = st.recursive(
    _scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_text, inner, max_size=4)),
    max_leaves=12,
)


def _dumps(value: Any) -> bytes:
    """JSON as a hostile writer might produce it: NaN/Infinity allowed, surrogates escaped."""
    return json.dumps(value, ensure_ascii=True, allow_nan=True).encode("ascii")


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc[:3]):
            out += _paths(v, (*prefix, i))
    return out


def _replace(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    doc = copy.copy(doc)
    doc[path[0]] = value if len(path) == 1 else _replace(doc[path[0]], path[1:], value)
    return doc


@st.composite
def _mutated(draw: Any, base: dict[str, Any]) -> bytes:
    """A valid document with a few of its fields replaced, fields added, or its bytes damaged."""
    doc: Any = base
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        kind = draw(st.sampled_from(["replace", "add", "drop"]))
        if kind == "replace" or not path:
            doc = _replace(doc, path, draw(_json))
        elif kind == "add":
            parent = path[:-1]
            target = doc
            for p in parent:
                target = target[p]
            if isinstance(target, dict):
                doc = _replace(doc, (*parent, draw(_text)), draw(_json))
        else:
            parent, last = path[:-1], path[-1]
            target = doc
            for p in parent:
                target = target[p]
            if isinstance(target, dict) and last in target:
                doc = _replace(doc, parent, {k: v for k, v in target.items() if k != last})
    raw = _dumps(doc)
    how = draw(st.sampled_from(["json", "json", "json", "cut", "flip", "bulk", "nest"]))
    if how == "cut":
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif how == "flip":
        data = bytearray(raw)
        for _ in range(draw(st.integers(1, 5))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        raw = bytes(data)
    elif how == "bulk":  # many copies of one part: big documents, near the limits
        unit = _dumps(draw(_json))
        raw = b"[" + b",".join([unit] * draw(st.integers(1_000, 20_000))) + b"]"
    elif how == "nest":
        depth = draw(st.integers(10, 5_000))
        raw = b'{"format": "smart-factory-assessment/2", "answers": ' + b"[" * depth + b"]" * depth + b"}"
    return raw


def _peak_bytes() -> int:
    """This process's peak resident memory so far."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _within_memory(fn: Any) -> Any:
    """Run ``fn()`` and fail if the process's peak memory grew by more than the limit (cheap
    enough for every case; the 300 MB measure of whole runs is in test_hostile_input.py)."""
    start = _peak_bytes()
    try:
        return fn()
    finally:
        assert _peak_bytes() - start < MEMORY_LIMIT, f"{(_peak_bytes() - start) / 1e6:.0f} MB"


@pytest.fixture(scope="module")
def traced():
    yield


def _state(ws: Workspace) -> tuple[Any, ...]:
    """What a refused file must not change: every table's row count and last row, the
    enterprises, and the evidence folder (an import only ever adds)."""
    conn = sqlite3.connect(ws.path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        rows = tuple(conn.execute(f'SELECT count(*), max(rowid) FROM "{t}"').fetchone() for t in tables)
        enterprises = tuple(conn.execute("SELECT * FROM enterprises ORDER BY credit_code"))
    finally:
        conn.close()
    files = sorted(str(p.relative_to(ws.evidence_dir)) for p in ws.evidence_dir.rglob("*") if p.is_file())
    return rows, enterprises, tuple(files)


def _worded(e: BaseException) -> None:
    """A refusal says what is wrong in both languages, in text that can be printed."""
    for lang in ("zh", "en"):
        text = error_message(e, lang)
        assert text.strip()
        text.encode("utf-8")  # no lone surrogate reaches the terminal


# --- assessment files ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_assessment(pack) -> dict[str, Any]:
    t = template_data(pack, "automotive", "zh")
    t["enterprise"].update(name="上海模糊测试有限公司", credit_code=CODE_A)
    req = [a for a in t["answers"] if a["kind"] == "requirement"]
    for a, v in zip(req[:4], (1, 0.5, 0.0, 0.8), strict=True):
        a["value"] = v
    na = next(a for a in req if pack.item(a["id"]).na_allowed)  # 不适用 only where the pack allows it
    na["value"] = "na"
    t["answers"] = [
        {"id": a["id"], "value": a["value"], "note": "说明" if a["value"] == "na" else ""}
        for a in [*req[:40], *([na] if na not in req[:40] else [])]
    ]
    item = pack.catalog[0].id
    t["plans"] = [{"item": item, "investment_cny": 1_500_000, "financing": "loan", "loan_cny": 1e6, "rate": 0.04}]
    load_assessment_data(parse_json(_dumps(t)))  # the base is valid
    return t


@pytest.fixture(scope="module")
def fuzz_ws(tmp_path_factory):
    ws = Workspace.open(tmp_path_factory.mktemp("fuzz") / "workspace.db")
    yield ws
    ws.close()


def test_fuzz_assessment_files(base_assessment, fuzz_ws, traced, tmp_path_factory):
    folder = tmp_path_factory.mktemp("files")
    seen = {"refused": 0, "read": 0}

    @FUZZ
    @given(raw=_mutated(base_assessment))
    def case(raw: bytes) -> None:
        def read() -> Any:
            try:
                return load_assessment_data(parse_json(raw))
            except AssessmentInvalid as e:
                _worded(e)
                return None

        result = _within_memory(read)
        seen["refused" if result is None else "read"] += 1
        if len(raw) < 200_000:  # the import path too: a refused file changes nothing
            f = folder / "case.json"
            f.write_bytes(raw)
            before = _state(fuzz_ws)
            s = fuzz_ws.import_files([f])
            if s.rejected:
                _worded(s.rejected[0][1])
                assert _state(fuzz_ws) == before
            else:
                assert result is not None  # what the import takes, the reader takes

    case()
    assert seen["refused"] > 100 and seen["read"] > 20, seen


# --- bundles ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_bundle(pack, tmp_path_factory) -> dict[str, bytes]:
    root = tmp_path_factory.mktemp("bsrc")
    ws, ids = filled_workspace(root / "workspace.db", pack, root / "files")
    out = root / "b.sfd"
    ws.export_bundle(out, [ids["self"]])
    ws.close()
    with zipfile.ZipFile(out) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _zip(members: dict[str, bytes], relist: bool, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    members = dict(members)
    if relist and "manifest.json" in members:
        try:
            manifest = json.loads(members["manifest.json"])
            manifest["files"] = [
                {"name": n, "sha256": hashlib.sha256(b).hexdigest(), "size": len(b)}
                for n, b in members.items()
                if n != "manifest.json"
            ]
            members["manifest.json"] = json.dumps(manifest).encode()
        except (ValueError, TypeError):
            pass
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as z:
        for n, b in members.items():
            z.writestr(n, b)
    return buf.getvalue()


_member_names = st.one_of(
    st.sampled_from(
        [
            "../evil.json",
            "/abs.json",
            "a\\b.json",
            "assessments/../x.json",
            "assessments/manifest.json",
            "MANIFEST.JSON",
            "evidence/" + "0" * 64,
            "assessments/00000000-0000-4000-8000-000000000000-r1.json",
            "evidence/",
            "x" * 400,
        ]
    ),
    st.text(min_size=1, max_size=40),
)


@st.composite
def _bundle_bytes(draw: Any, base: dict[str, bytes]) -> bytes:
    members = dict(base)
    assessment = next(n for n in members if n.startswith("assessments/"))
    how = draw(st.sampled_from(["member", "member", "add", "drop", "flip", "cut", "stored"]))
    if how == "member":  # a member's content replaced, the manifest listing it truly: reaches the JSON checks
        doc = json.loads(members[assessment])
        doc = _replace(doc, draw(st.sampled_from(_paths(doc))), draw(_json))
        members[assessment] = _dumps(doc)
        return _zip(members, relist=True)
    if how == "add":
        members[draw(_member_names)] = draw(st.binary(max_size=200))
        return _zip(members, relist=draw(st.booleans()))
    if how == "drop":
        members.pop(draw(st.sampled_from(sorted(members))))
        return _zip(members, relist=draw(st.booleans()))
    raw = _zip(members, relist=False, compress=zipfile.ZIP_STORED if how == "stored" else zipfile.ZIP_DEFLATED)
    if how == "cut":
        return raw[: draw(st.integers(0, len(raw)))]
    data = bytearray(raw)
    for _ in range(draw(st.integers(1, 8))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


def _bundle_case(raw: bytes, folder: Path, ws: Workspace) -> str:
    f = folder / "case.sfd"
    f.write_bytes(raw)

    def read() -> str:
        try:
            bundlemod.read_bundle(f)
        except BundleRejected as e:
            _worded(e)
            return "refused"
        return "read"

    verdict = _within_memory(read)
    before = _state(ws)
    s = ws.import_files([f])
    if s.rejected:
        _worded(s.rejected[0][1])
        assert _state(ws) == before
    return verdict


def test_fuzz_bundles(base_bundle, fuzz_ws, traced, tmp_path_factory):
    folder = tmp_path_factory.mktemp("bundles")
    seen = {"refused": 0, "read": 0}

    @FUZZ
    @given(raw=_bundle_bytes(base_bundle))
    def case(raw: bytes) -> None:
        seen[_bundle_case(raw, folder, fuzz_ws)] += 1

    case()
    assert seen["refused"] > 100 and seen["read"] > 5, seen


# --- manifests and plans ------------------------------------------------------------------------


@st.composite
def _manifest_bytes(draw: Any, base: dict[str, bytes]) -> bytes:
    members = dict(base)
    manifest = json.loads(members["manifest.json"])
    how = draw(st.sampled_from(["field", "field", "entry", "raw"]))
    if how == "field":
        manifest = _replace(manifest, draw(st.sampled_from(_paths(manifest))), draw(_json))
        members["manifest.json"] = _dumps(manifest)
    elif how == "entry":
        entry = draw(
            st.fixed_dictionaries(
                {"name": st.one_of(_member_names, _json), "sha256": st.one_of(_text, _json), "size": _json}
            )
        )
        manifest["files"].append(entry)
        members["manifest.json"] = _dumps(manifest)
    else:
        members["manifest.json"] = draw(st.one_of(st.binary(max_size=300), _json.map(_dumps)))
    return _zip(members, relist=False)


def test_fuzz_manifests(base_bundle, fuzz_ws, traced, tmp_path_factory):
    folder = tmp_path_factory.mktemp("manifests")
    seen = {"refused": 0, "read": 0}

    @FUZZ
    @given(raw=_manifest_bytes(base_bundle))
    def case(raw: bytes) -> None:
        seen[_bundle_case(raw, folder, fuzz_ws)] += 1

    case()
    assert seen["refused"] > 100, seen


_plan_field = st.sampled_from(["item", "investment_cny", "financing", "loan_cny", "rate", "contract_cny", "confirmed"])


def test_fuzz_plans(base_assessment, pack, fuzz_ws, traced):
    """Plans in a file and plans saved from the GUI go through the same checks: what one refuses,
    the other does too; neither raises anything else."""
    u = fuzz_ws.create_assessment(enterprise_a(), pack.id, pack.version, mode="self")
    seen = {"refused": 0, "read": 0}

    @FUZZ
    @given(
        plans=st.lists(
            st.dictionaries(_plan_field, st.one_of(_json, _number, st.lists(_text, max_size=3)), max_size=7).map(
                lambda d: {"item": pack.catalog[0].id, **d}
            ),
            max_size=4,
        )
        | _json
    )
    def case(plans: Any) -> None:
        doc = {**base_assessment, "plans": plans}
        try:
            _, a = _within_memory(lambda: load_assessment_data(parse_json(_dumps(doc))))
        except AssessmentInvalid as e:
            _worded(e)
            seen["refused"] += 1
            return
        seen["read"] += 1
        before = fuzz_ws.load_assessment(u).plans
        fuzz_ws.set_plans(u, a.plans)  # what a file may hold, the workspace stores
        assert fuzz_ws.load_assessment(u).plans == a.plans or before == a.plans

    case()
    assert seen["refused"] > 100 and seen["read"] > 10, seen
    with pytest.raises(AssessmentInvalid):
        fuzz_ws.set_plans(u, (Plan(pack.catalog[0].id, float("nan")),))
