"""Hostile and faulty input (issue 19): every invalid file ends in exit status 2 with a message
naming the file, the field and the rule, never a traceback; nothing of a refused file is written,
the valid files of the same import are; special files are never read; memory stays bounded."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from test_store_support import CODE_A, enterprise_a, enterprise_b, filled_workspace, items

from diag_app.cli import main
from diag_app.model.assessment import make_credit_code
from diag_app.store import Workspace

ROOT = Path(__file__).parent.parent


def _template(pack, tmp_path: Path, **enterprise) -> dict:
    from diag_app.assessment_file import template_data

    t = template_data(pack, "automotive", "zh")
    t["enterprise"].update(name="上海恶意输入测试有限公司", credit_code=CODE_A, **enterprise)
    t["answers"][0]["value"] = 1
    return t


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _score(capsys, path: Path, lang: str = "zh") -> tuple[int, str]:
    rc = main(["score", str(path), "--lang", lang])
    out = capsys.readouterr()
    return rc, out.out + out.err


# --- assessment files: each class of hostile input ------------------------------------------


def hostile_cases(t: dict) -> dict[str, tuple[str, str, str]]:
    """name -> (file text, field named, words of the rule in English)"""
    base = json.dumps(t, ensure_ascii=False)

    def with_(path: list, value_json: str) -> str:
        d = json.loads(base)
        cur = d
        for p in path[:-1]:
            cur = cur[p]
        cur[path[-1]] = "@@X@@"
        return json.dumps(d, ensure_ascii=False).replace('"@@X@@"', value_json)

    return {
        "deep": ("[" * 50_000 + "]" * 50_000, "$", "nested too deeply"),
        "deep_field": (with_(["assessment", "scope"], "[" * 40 + "]" * 40), "assessment.scope", "nested too deeply"),
        "list_as_industry": (
            with_(["enterprise", "industry"], '["automotive"]'),
            "enterprise.industry",
            "must be text",
        ),
        "huge_int": (with_(["enterprise", "employees"], "1" + "0" * 100_000), "enterprise.employees", "not accepted"),
        "nan": (with_(["plans"], '[{"item": "mes", "investment_cny": NaN}]'), "plans[0].investment_cny", "NaN"),
        "infinity": (with_(["answers", 0, "value"], "Infinity"), "answers[0].value", "Infinity"),
        "big_float": (with_(["answers", 0, "value"], "1e400"), "answers[0].value", "not accepted"),
        "number_as_date": (with_(["assessment", "date"], "20261102"), "assessment.date", "must be text"),
        "impossible_date": (with_(["assessment", "date"], '"2026-02-30"'), "assessment.date", "not a valid date"),
        "surrogate": (with_(["assessment", "assessor"], '"\\ud800"'), "assessment.assessor", "lone surrogate"),
        "surrogate_key": (with_(["assessment", "scope"], '{"\\udfff": "x"}'), "assessment.scope", "surrogate"),
        "nul": (with_(["enterprise", "name"], '"a\\u0000b"'), "enterprise.name", "NUL"),
        "unknown_field": (with_(["enterprise", "evil"], "1"), "enterprise.evil", "unknown field"),
        "bool_as_number": (
            with_(["plans"], '[{"item": "mes", "investment_cny": true}]'),
            "plans[0].investment_cny",
            "number",
        ),
        "text_as_number": (with_(["plans"], '[{"item": "mes", "rate": "0.04"}]'), "plans[0].rate", "must be a number"),
        "negative_money": (
            with_(["plans"], '[{"item": "mes", "investment_cny": -5}]'),
            "plans[0].investment_cny",
            "below",
        ),
        "long_note": (with_(["answers", 0, "note"], json.dumps("注" * 20_000)), "answers[0].note", "too long"),
        "too_many_answers": (with_(["answers"], json.dumps([{"id": "x"}] * 2_500)), "answers", "too many"),
        "brace_bomb": ("[" + ",".join(["{}"] * 150_000) + "]", "$", "too many objects"),
        "not_utf8": ("", "$", "not UTF-8"),  # written as bytes below
        "truncated_json": (base[: len(base) // 2], "$", "line"),
        "duplicate_key": (
            base.replace('"enterprise": {', '"enterprise": {"industry": "automotive", ', 1),
            "enterprise.industry",
            "more than once",
        ),
        "bidi_name": (with_(["enterprise", "name"], '"\\u202e\u53f8\u516c"'), "enterprise.name", "text-direction"),
        "control_assessor": (with_(["assessment", "assessor"], '"a\\u0007b"'), "assessment.assessor", "invisible"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "deep",
        "deep_field",
        "list_as_industry",
        "huge_int",
        "nan",
        "infinity",
        "big_float",
        "number_as_date",
        "impossible_date",
        "surrogate",
        "surrogate_key",
        "nul",
        "unknown_field",
        "bool_as_number",
        "text_as_number",
        "negative_money",
        "long_note",
        "too_many_answers",
        "brace_bomb",
        "not_utf8",
        "truncated_json",
        "duplicate_key",
        "bidi_name",
        "control_assessor",
    ],
)
def test_a_hostile_assessment_file_exits_2_naming_field_and_rule(case, pack, tmp_path, capsys):
    text, field, words = hostile_cases(_template(pack, tmp_path))[case]
    f = tmp_path / f"{case}.json"
    if case == "not_utf8":
        f.write_bytes(b'{"format": "\xff\xfe"}')
    else:
        _write(f, text)
    rc, out = _score(capsys, f, "en")
    assert rc == 2, out
    assert "Traceback" not in out
    assert str(f) in out and f"  - {field}" in out and words in out, out
    # the same file through import: refused, the workspace unchanged, the other file imported
    good = _write(tmp_path / "good.json", json.dumps(_template(pack, tmp_path), ensure_ascii=False))
    db = tmp_path / "ws" / "workspace.db"
    rc = main(["import", str(f), str(good), "--db", str(db), "--lang", "en"])
    out = capsys.readouterr()
    assert rc == 2 and "Traceback" not in out.err and f.name in out.err
    ws = Workspace.open(db)
    try:
        assert len(ws.list_assessments()) == 1  # the valid file is in
    finally:
        ws.close()


def test_what_a_file_may_not_hold_the_app_does_not_write_either(pack, tmp_path):
    """Invisible controls and direction overrides in names are refused where the app saves them,
    so an assessment made here always exports into a file that imports again."""
    import dataclasses

    from diag_app.model.assessment import AssessmentInvalid, TeamMember
    from diag_app.model.enterprise import invisible_char

    assert invisible_char("上海\u202e工厂") == "U+202E" and invisible_char("Line\tA") == "U+0009"
    assert invisible_char("上海浦江精密机械有限公司 (Shanghai)") is None
    ws = Workspace.open(tmp_path / "ws.db")
    try:
        e = enterprise_a()
        for bad in (dataclasses.replace(e, name="\u202e司公限有"), dataclasses.replace(e, district="浦东\x07")):
            with pytest.raises(AssessmentInvalid) as err:
                ws.create_assessment(bad, pack.id, pack.version)
            assert err.value.problems[0].key == "field.invisible_char"
        with pytest.raises(AssessmentInvalid):
            ws.create_assessment(e, pack.id, pack.version, assessor="张工\u2066")
        uuid = ws.create_assessment(e, pack.id, pack.version, assessor="张工")
        with pytest.raises(AssessmentInvalid) as err:
            ws.set_team(uuid, (TeamMember("李\u202d顾问"),))
        assert err.value.problems[0].field == "assessment.team[0].name"
        assert ws.load_assessment(uuid).team == ()
    finally:
        ws.close()


def test_the_template_and_every_example_fit_the_shapes(pack):
    from diag_app.assessment_file import read_assessment_file, template_data
    from diag_app.validation import shape_problems

    for industry in pack.industries:
        assert shape_problems("assessment", template_data(pack, industry, "en")) == [], industry
    for f in sorted((ROOT / "examples").glob("*.json")):
        read_assessment_file(f)


def test_special_files_are_refused_without_reading_them(pack, tmp_path):
    """/dev/zero, a FIFO with no writer and a folder: refused at once (a child process, so a hang
    would show as a timeout rather than a stuck test run)."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    fifo_sfd = tmp_path / "pipe.sfd"
    os.mkfifo(fifo_sfd)
    folder = tmp_path / "folder.sfd"
    folder.mkdir()
    db = tmp_path / "ws" / "workspace.db"
    for args in (
        ["score", "/dev/zero"],
        ["score", str(fifo)],
        ["import", "/dev/zero", str(fifo), str(fifo_sfd), str(folder), "--db", str(db)],
    ):
        r = subprocess.run(
            [sys.executable, "-m", "diag_app", *args, "--lang", "en"],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=ROOT,
        )
        assert r.returncode == 2, r.stderr
        assert "Traceback" not in r.stderr and "not a regular file" in r.stderr, r.stderr


# --- bundles --------------------------------------------------------------------------------


@pytest.fixture
def bundle(tmp_path, pack):
    ws, ids = filled_workspace(tmp_path / "src" / "workspace.db", pack, tmp_path / "files")
    out = tmp_path / "good.sfd"
    ws.export_bundle(out, list(ids.values()))
    ws.close()
    return out, ids


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _relisted(members: dict[str, bytes], out: Path, compress: int = zipfile.ZIP_DEFLATED) -> Path:
    manifest = json.loads(members.pop("manifest.json"))
    manifest["files"] = [
        {"name": n, "sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in members.items()
    ]
    with zipfile.ZipFile(out, "w", compress) as z:
        z.writestr("manifest.json", json.dumps(manifest))
        for n, b in members.items():
            z.writestr(n, b)
    return out


def test_a_damaged_deflate_stream_is_refused_as_damaged(bundle, tmp_path, capsys):
    good, _ = bundle
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = next(i for i in z.infolist() if i.filename.startswith("assessments/"))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 5, start + min(info.compress_size, 60)):
        data[k] ^= 0x5A  # scramble the deflate stream, keep the headers
    bad = tmp_path / "damaged.sfd"
    bad.write_bytes(bytes(data))
    db = tmp_path / "d" / "workspace.db"
    assert main(["import", str(bad), "--db", str(db), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and info.filename in err and ("damaged" in err or "digest" in err.lower()), err


def test_a_nested_or_malformed_manifest_is_refused_naming_the_field(bundle, tmp_path, capsys):
    good, _ = bundle
    members = _members(good)
    deep = dict(members)
    deep["manifest.json"] = b'{"format": "smart-factory-bundle/1", "files": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    bad_size = dict(members)
    m = json.loads(bad_size["manifest.json"])
    m["files"][0]["size"] = "12"
    bad_size["manifest.json"] = json.dumps(m).encode()
    nested = dict(members)
    nested["assessments/manifest.json"] = members["manifest.json"]
    cases = {"deep": (deep, "nested too deeply"), "size": (bad_size, "files[0].size")}
    for name, (ms, words) in cases.items():
        out = tmp_path / f"{name}.sfd"
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for n, b in ms.items():
                z.writestr(n, b)
        assert main(["import", str(out), "--db", str(tmp_path / "w" / "workspace.db"), "--lang", "en"]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and "manifest.json" in err and words in err, err
    out = _relisted(nested, tmp_path / "nested.sfd")
    assert main(["import", str(out), "--db", str(tmp_path / "w" / "workspace.db"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "assessments/manifest.json" in err and "no such member" in err, err


def test_a_file_copied_from_another_client_is_kept_as_a_new_assessment(pack, tmp_path, capsys):
    """A consultant copies last client's file for a new client: same uuid, another enterprise."""
    ws = Workspace.open(tmp_path / "ws" / "workspace.db")
    old = ws.create_assessment(enterprise_a(), pack.id, pack.version, assessor="李顾问")
    ws.set_answer(old, items(pack, "requirement")[0], 1.0)
    exported = tmp_path / "old-client.json"
    ws.export_json(old, exported)
    ws.close()
    data = json.loads(exported.read_text(encoding="utf-8"))
    b = enterprise_b()
    data["enterprise"].update(name=b.name, credit_code=b.credit_code, industry=b.industry, path=b.path)
    data["answers"] = [
        {"id": items(pack, "requirement", "advanced-materials", "process")[0], "value": 0.5, "note": "新客户"}
    ]
    new_client = _write(tmp_path / "new-client.json", json.dumps(data, ensure_ascii=False))
    db = str(tmp_path / "ws" / "workspace.db")
    assert main(["import", str(new_client), "--db", db, "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert old in err and "both are kept" in err
    ws = Workspace.open(db)
    try:
        rows = ws.list_assessments()
        assert len(rows) == 2
        copy = next(r for r in rows if r.credit_code == b.credit_code)
        assert copy.uuid != old and ws.load_assessment(copy.uuid).answers
        assert ws.load_assessment(old).enterprise.credit_code == CODE_A  # the old client's is untouched
    finally:
        ws.close()
    # the same copy again: already here, nothing new
    assert main(["import", str(new_client), "--db", db, "--lang", "en"]) == 0


def test_a_revision_that_differs_from_the_one_here_is_not_imported_and_says_so(pack, tmp_path, capsys):
    ws = Workspace.open(tmp_path / "a" / "workspace.db")
    u = ws.create_assessment(enterprise_a(), pack.id, pack.version)
    req = items(pack, "requirement")[0]
    ws.set_answer(u, req, 0.5)
    first = tmp_path / "first.json"
    ws.export_json(u, first)
    ws.set_answer(u, req, 1.0)
    second = tmp_path / "second.json"
    ws.export_json(u, second)
    ws.close()
    db = str(tmp_path / "b" / "workspace.db")
    assert main(["import", str(first), "--db", db]) == 0
    capsys.readouterr()
    assert main(["import", str(second), "--db", db, "--lang", "en"]) == 1
    assert "not imported (different content)" in capsys.readouterr().err


# --- evidence -------------------------------------------------------------------------------


def test_damaged_evidence_is_repaired_by_importing_the_genuine_bundle(bundle, tmp_path):
    good, ids = bundle
    ws = Workspace.open(tmp_path / "d" / "workspace.db")
    try:
        assert ws.import_files([good]).ok
        ev = ws.list_evidence(ids["self"])[0]
        path = ws.evidence_path(ev.sha256)
        os.chmod(path, 0o644)
        body = path.read_bytes()
        path.write_bytes(bytes(b ^ 0xFF for b in body))  # same size, other content
        assert not ws.evidence_ok(ev.sha256)
        from diag_app.store import EvidenceMissing

        with pytest.raises(EvidenceMissing):
            ws.export_bundle(tmp_path / "again.sfd", [ids["self"]])
        ws.import_files([good])  # the genuine copy again
        assert path.read_bytes() == body and ws.evidence_ok(ev.sha256)
        ws.export_bundle(tmp_path / "again.sfd", [ids["self"]])
    finally:
        ws.close()


def test_left_over_evidence_copies_are_cleaned_at_open_and_a_failed_import_leaves_none(bundle, tmp_path, pack):
    good, ids = bundle
    db = tmp_path / "d" / "workspace.db"
    ws = Workspace.open(db)
    ws.close()
    tmpdir = db.parent / "evidence" / "tmp"
    tmpdir.mkdir(parents=True, exist_ok=True)
    (tmpdir / "copy-killed").write_bytes(b"half a file")
    ws = Workspace.open(db)
    try:
        assert list(tmpdir.iterdir()) == []
        # a bundle whose evidence is fine but whose assessment cannot be written: its evidence goes
        members = _members(good)
        name = next(n for n in members if n.startswith("assessments/") and ids["self"] in n)
        data = json.loads(members[name])
        data["enterprise"]["credit_code"] = make_credit_code("91310000MA1FL0001")
        data["answers"][0]["value"] = "not a rating"
        members[name] = json.dumps(data, ensure_ascii=False).encode()
        bad = _relisted(members, tmp_path / "bad.sfd", zipfile.ZIP_STORED)
        s = ws.import_files([bad])
        assert s.rejected and not s.added
        ev_dir = db.parent / "evidence"
        assert [p for p in ev_dir.rglob("*") if p.is_file()] == []
    finally:
        ws.close()
    # an import killed after copying its evidence, before writing: the copy is dropped at a later open
    orphan = db.parent / "evidence" / "ab" / ("ab" + "0" * 62)
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"copied, never referenced")
    os.utime(orphan, (1_000_000_000, 1_000_000_000))
    young = db.parent / "evidence" / "cd" / ("cd" + "0" * 62)
    young.parent.mkdir(parents=True, exist_ok=True)
    young.write_bytes(b"maybe another window's import in progress")
    Workspace.open(db).close()
    assert not orphan.exists() and young.exists()


# --- memory ---------------------------------------------------------------------------------

# The peak resident memory of this process only: /proc's VmHWM starts again at exec, while
# getrusage's ru_maxrss keeps the forking parent's (pytest's) peak.
_MEASURE = """
import json, sys
from diag_app.cli import main
rc = main(sys.argv[1:])
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"rc": rc, "peak_mb": int(hwm.split()[1]) / 1024}))
"""


def _peak(args: list[str]) -> dict:
    r = subprocess.run([sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory is read from /proc (Linux)")
def test_memory_stays_under_300_mb_for_inputs_at_the_limits(pack, tmp_path):
    """Files at the documented limits (docs/limits.md): an 8 MB assessment full of objects, a
    20 MB answers file, a bundle of many large assessments."""
    objects = _write(tmp_path / "objects.json", "[" + ",".join(["{}"] * 99_000) + "," + "1," * 2_600_000 + "1]")
    assert objects.stat().st_size < 8 * 1024 * 1024
    answers = _write(
        tmp_path / "answers.json", '{"answers": [' + ",".join(['{"id":"x","value":1,"note":""}'] * 700_000) + "]}"
    )
    t = _template(pack, tmp_path)
    for a in t["answers"]:
        a["note"] = "说明" * 2_000
    body = json.dumps(t, ensure_ascii=False).encode()
    members = {}
    for i in range(12):
        d = json.loads(body)
        d["uuid"] = f"00000000-0000-4000-8000-{i:012d}"
        d["revision"] = 1
        members[f"assessments/{d['uuid']}-r1.json"] = json.dumps(d, ensure_ascii=False).encode()
    members["manifest.json"] = json.dumps({"format": "smart-factory-bundle/1", "files": []}).encode()
    big = _relisted(members, tmp_path / "big.sfd", zipfile.ZIP_STORED)  # ~48 MB
    db = str(tmp_path / "m" / "workspace.db")
    for args, rc in (
        (["score", str(objects)], 2),
        (["score", str(answers)], 2),
        (["import", str(big), "--db", db], 0),
    ):
        got = _peak(args)
        assert got["rc"] == rc and got["peak_mb"] < 300, (args[0], got)
