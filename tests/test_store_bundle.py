"""Bundles (.sfd) and assessment files between laptops: the round trip, revisions, the CLI, and a
set of deliberately broken files that must each be rejected with the database unchanged."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest
from test_store_support import CODE_A, enterprise_a, filled_workspace, items, state

from diag_app.cli import main
from diag_app.progress import Progress
from diag_app.store import BundleRejected, ImportCancelled, Workspace
from diag_app.store import bundle as bundlemod

# --- a source workspace and its bundle, made once -------------------------------------------


@pytest.fixture(scope="module")
def source(tmp_path_factory, pack):
    root = tmp_path_factory.mktemp("source")
    ws, ids = filled_workspace(root / "workspace.db", pack, root / "files")
    out = root / "all.sfd"
    ws.export_bundle(out, list(ids.values()))
    ws.close()
    return root / "workspace.db", ids, out


@pytest.fixture
def src(source):
    db, ids, bundle = source
    ws = Workspace.open(db)
    yield ws, ids, bundle
    ws.close()


def _members(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


# --- the round trip -------------------------------------------------------------------------


def test_a_bundle_carries_every_revision_answer_note_plan_and_evidence_file(src, tmp_path):
    ws, ids, bundle = src
    dest = Workspace.open(tmp_path / "laptop2" / "workspace.db")
    summary = dest.import_files([bundle])
    assert summary.ok and not summary.skipped and not summary.new_revisions
    assert sorted((i.uuid, i.revision) for i in summary.added) == sorted(
        (u, r.revision) for u in ids.values() for r in ws.revisions(u)
    )
    for u in ids.values():
        assert [(r.revision, r.status, r.mode, r.assessor) for r in dest.revisions(u)] == [
            (r.revision, r.status, r.mode, r.assessor) for r in ws.revisions(u)
        ]
        for r in ws.revisions(u):
            assert dest.load_assessment(u, r.revision) == ws.load_assessment(u, r.revision)
            mine = [(e.sha256, e.item_id, e.name, e.size) for e in ws.list_evidence(u, revision=r.revision)]
            theirs = [(e.sha256, e.item_id, e.name, e.size) for e in dest.list_evidence(u, revision=r.revision)]
            assert mine == theirs
            for e in dest.list_evidence(u, revision=r.revision):
                assert dest.evidence_path(e.sha256).read_bytes() == ws.evidence_path(e.sha256).read_bytes()
            assert dest.assessment_row(u, r.revision).tier == ws.assessment_row(u, r.revision).tier
    # who answered survives the trip; the import itself is in the audit trail
    self_u = ids["self"]
    a = ws.load_assessment(self_u)
    first = sorted(a.answers)[0]
    assert dest.audit(self_u)[-1].action == "import"
    exported = json.loads(_members(bundle)[f"assessments/{self_u}-r2.json"])
    assert next(x for x in exported["answers"] if x["id"] == first)["who"] == "张工"
    # the engineer's self-assessment and the consultant's on-site one stay apart
    assert {(r.mode, r.assessor) for r in dest.list_assessments(CODE_A)} == {("self", "张工"), ("onsite", "李顾问")}

    before = state(dest.path)
    again = dest.import_files([bundle])
    assert len(again.skipped) == len(summary.added) and not again.added and not any(i.differs for i in again.skipped)
    assert state(dest.path) == before
    dest.close()


def test_the_bundle_layout_and_manifest(src):
    _, ids, bundle = src
    members = _members(bundle)
    manifest = json.loads(members["manifest.json"])
    assert manifest["format"] == "smart-factory-bundle/1"
    assert {"app_version", "created", "files"} <= set(manifest)
    listed = {f["name"]: f for f in manifest["files"]}
    assert set(listed) == set(members) - {"manifest.json"}
    for name, body in members.items():
        if name != "manifest.json":
            assert listed[name]["sha256"] == hashlib.sha256(body).hexdigest()
            assert listed[name]["size"] == len(body)
    data = json.loads(members[f"assessments/{ids['self']}-r1.json"])
    assert data["format"] == "smart-factory-assessment/2"
    assert (data["uuid"], data["revision"], data["status"]) == (ids["self"], 1, "final")
    assert any(x["note"] for x in data["answers"])
    assert all(f"evidence/{e['sha256']}" in members for e in data["evidence"])


def test_a_new_revision_is_added_beside_the_one_here_and_never_over_it(tmp_path, pack):
    a = Workspace.open(tmp_path / "a" / "workspace.db")
    u = a.create_assessment(enterprise_a(), pack.id, pack.version, mode="self", assessor="张工")
    req = items(pack, "requirement")
    a.set_answer(u, req[0], 0.5)
    a.export_bundle(tmp_path / "r1.sfd", [u])
    b = Workspace.open(tmp_path / "b" / "workspace.db")
    assert len(b.import_files([tmp_path / "r1.sfd"]).added) == 1

    a.set_answer(u, req[0], 1.0)  # the draft moved on after it was sent
    a.export_bundle(tmp_path / "r1-changed.sfd", [u])
    s = b.import_files([tmp_path / "r1-changed.sfd"])
    assert [i.differs for i in s.skipped] == [True]  # reported, and the copy here is kept
    assert b.load_assessment(u).value(req[0]) == 0.5

    a.finalise(u)
    a.reopen(u)
    a.set_answer(u, req[1], 0.8)
    a.export_bundle(tmp_path / "r2.sfd", [u])
    s = b.import_files([tmp_path / "r2.sfd"])
    assert [(i.uuid, i.revision) for i in s.new_revisions] == [(u, 2)]
    assert [(i.revision, i.differs) for i in s.skipped] == [(1, True)]
    assert [r.revision for r in b.revisions(u)] == [1, 2]
    assert b.load_assessment(u, 1).value(req[0]) == 0.5  # never overwritten
    assert b.load_assessment(u).value(req[1]) == 0.8
    a.close()
    b.close()


def test_plain_assessment_files_import_and_export(src, tmp_path, pack):
    ws, ids, _ = src
    out = tmp_path / "one.json"
    ws.export_json(ids["self"], out, revision=1)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["uuid"], data["revision"], data["status"]) == (ids["self"], 1, "final")
    dest = Workspace.open(tmp_path / "d" / "workspace.db")
    s = dest.import_files([out])
    assert [(i.uuid, i.revision, i.status) for i in s.added] == [(ids["self"], 1, "final")]
    assert dest.load_assessment(ids["self"], 1) == ws.load_assessment(ids["self"], 1)

    # a file filled in by hand from `diag-app template` (no uuid): a new assessment each time
    from diag_app.assessment_file import template_data

    t = template_data(pack, "automotive", "zh")
    t["enterprise"].update(name="手填企业", credit_code=CODE_A)
    t["answers"][0]["value"] = 1.0
    t["assessment"]["mode"] = "onsite"
    filled = tmp_path / "filled.json"
    filled.write_text(json.dumps(t, ensure_ascii=False), encoding="utf-8")
    s = dest.import_files([filled])
    assert len(s.added) == 1 and s.added[0].mode == "onsite" and s.added[0].revision == 1
    assert dest.load_assessment(s.added[0].uuid).value(t["answers"][0]["id"]) == 1.0
    dest.close()


def test_import_reports_progress_and_can_be_cancelled_before_writing(src, tmp_path):
    _, _, bundle = src
    dest = Workspace.open(tmp_path / "d" / "workspace.db")
    seen = []

    dest.import_files([bundle], Progress(lambda done, total, text: seen.append((done, total))))
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)
    dest.close()
    other = Workspace.open(tmp_path / "e" / "workspace.db")
    before = state(other.path)
    cancelled = Progress()
    cancelled.cancel()
    with pytest.raises(ImportCancelled):
        other.import_files([bundle], cancelled)
    assert state(other.path) == before
    other.close()


# --- the CLI --------------------------------------------------------------------------------


def test_cli_export_import_and_list(src, tmp_path, capsys):
    _, ids, _ = src
    src_db = str(src[0].path)
    out = tmp_path / "ent.sfd"
    assert main(["export", "--out", str(out), "--enterprise", CODE_A, "--db", src_db]) == 0
    assert "已导出 2 份评估" in capsys.readouterr().out
    db = str(tmp_path / "cli" / "workspace.db")
    assert main(["import", str(out), "--db", db]) == 0
    text = capsys.readouterr().out
    assert "新评估 2 份" in text and "企业自评" in text and "现场评估" in text and "李顾问" in text
    assert main(["import", str(out), "--db", db, "--lang", "en"]) == 0
    assert "skipped (already in the workspace)" in capsys.readouterr().out
    assert main(["list", "--db", db]) == 0
    text = capsys.readouterr().out
    assert "上海测试汽车零部件有限公司" in text and ids["self"] in text and "第 2 版" in text
    assert main(["--db", db, "list", "--json"]) == 0  # --db before the command also works
    data = json.loads(capsys.readouterr().out)
    (ent,) = data["enterprises"]
    assert ent["credit_code"] == CODE_A and ent["latest_uuid"] == ids["onsite"]
    assert {a["mode"] for a in ent["assessments"]} == {"self", "onsite"}
    js = tmp_path / "one.json"
    assert main(["export", "--out", str(js), ids["onsite"], "--db", db]) == 0
    assert json.loads(js.read_text(encoding="utf-8"))["assessment"]["assessor"] == "李顾问"
    assert main(["export", "--out", str(tmp_path / "x.sfd"), "--db", db]) == 2
    assert "--all" in capsys.readouterr().err
    assert main(["export", "--out", str(tmp_path / "x.sfd"), "00000000-0000-4000-8000-000000000000", "--db", db]) == 2
    assert "没有评估" in capsys.readouterr().err
    assert not (tmp_path / "x.sfd").exists()


def test_cli_on_a_file_that_is_not_a_workspace_exits_2(tmp_path, capsys):
    f = tmp_path / "notes.txt"
    f.write_text("hello")
    assert main(["list", "--db", str(f), "--lang", "en"]) == 2
    assert "is not a workspace database" in capsys.readouterr().err
    assert f.read_text() == "hello"


# --- deliberately broken files --------------------------------------------------------------


def _rebuild(
    good: Path,
    out: Path,
    change: dict[str, bytes | None] | None = None,
    extra: list[tuple[zipfile.ZipInfo | str, bytes]] | None = None,
    manifest: dict | None = None,
    relist: bool = True,
) -> Path:
    """Copy a good bundle with members changed (None: removed) or added; the manifest is
    recomputed to match (so only the intended rule breaks) unless relist is False."""
    members = _members(good)
    old_manifest = json.loads(members.pop("manifest.json"))
    for name, body in (change or {}).items():
        if body is None:
            members.pop(name)
        else:
            members[name] = body
    files = (
        [{"name": n, "sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in members.items()]
        if relist
        else old_manifest["files"]
    )
    for info, body in extra or []:
        name = info.filename if isinstance(info, zipfile.ZipInfo) else info
        files.append({"name": name, "sha256": hashlib.sha256(body).hexdigest(), "size": len(body)})
    m = manifest if manifest is not None else {**old_manifest, "files": files}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", json.dumps(m))
        for name, body in members.items():
            z.writestr(name, body)
        for info, body in extra or []:
            z.writestr(info, body)
    return out


def _assessment_member(good: Path, uuid: str, rev: int = 1) -> tuple[str, dict]:
    name = f"assessments/{uuid}-r{rev}.json"
    return name, json.loads(_members(good)[name])


def _symlink_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def _mark_encrypted(path: Path, name: str) -> None:
    """Set the "encrypted" flag of one member in its local header and its directory entry
    (zipfile cannot write encrypted members)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        data[z.getinfo(name).header_offset + 6] |= 0x1
    i = data.find(b"PK\x01\x02")
    while i != -1:
        n, m, k = (int.from_bytes(data[i + j : i + j + 2], "little") for j in (28, 30, 32))
        if data[i + 46 : i + 46 + n] == name.encode():
            data[i + 8] |= 0x1
        i = data.find(b"PK\x01\x02", i + 46 + n + m + k)
    path.write_bytes(bytes(data))


def broken_truncated(good, out, ids):
    out.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return "", "不完整"


def broken_tail_cut(good, out, ids):
    out.write_bytes(good.read_bytes()[:-30])
    return "", "不完整"


def broken_not_zip(good, out, ids):
    out.write_text("this is not a bundle at all", encoding="utf-8")
    return "", "不是评估包"


def broken_wrong_digest(good, out, ids):
    name, data = _assessment_member(good, ids["self"], 2)
    data["answers"][0]["note"] = "edited after export"
    body = json.dumps(data).encode()
    _rebuild(good, out, {name: body}, relist=False)
    return name, "SHA-256 校验不符"


def broken_evidence_digest(good, out, ids):
    ev = next(n for n in _members(good) if n.startswith("evidence/"))
    _rebuild(good, out, {ev: b"swapped content"}, relist=False)
    return ev, "SHA-256 校验不符"


def broken_traversal(good, out, ids):
    _rebuild(good, out, extra=[("../../evil.sh", b"#!/bin/sh\nrm -rf ~\n")])
    return "../../evil.sh", "“..”"


def broken_absolute(good, out, ids):
    _rebuild(good, out, extra=[("/etc/cron.d/evil", b"* * * * * root sh\n")])
    return "/etc/cron.d/evil", "绝对路径"


def broken_symlink(good, out, ids):
    _rebuild(good, out, extra=[(_symlink_info("evidence/" + "a" * 64), b"/etc/passwd")])
    return "evidence/" + "a" * 64, "符号链接"


def broken_duplicate(good, out, ids):
    name, data = _assessment_member(good, ids["b"])
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate we are making
        _rebuild(good, out, extra=[(name, json.dumps(data).encode())])
    return name, "重复"


def broken_zip_bomb(good, out, ids):
    body = b"\0" * (8 * 1024 * 1024)
    sha = hashlib.sha256(body).hexdigest()
    _rebuild(good, out, extra=[(f"evidence/{sha}", body)])
    return f"evidence/{sha}", "压缩炸弹"


def broken_oversized(good, out, ids):
    body = b"\0" * (50 * 1024 * 1024 + 1)
    sha = hashlib.sha256(body).hexdigest()
    _rebuild(good, out, extra=[(f"evidence/{sha}", body)])
    return f"evidence/{sha}", "50 MB"


def broken_wrong_format(good, out, ids):
    members = _members(good)
    m = json.loads(members["manifest.json"])
    m["format"] = "smart-factory-bundle/2"
    _rebuild(good, out, manifest=m)
    return "manifest.json", "smart-factory-bundle/2"


def broken_unknown_pack(good, out, ids):
    name, data = _assessment_member(good, ids["b"])
    data["pack"]["version"] = "9.9.9"
    _rebuild(good, out, {name: json.dumps(data).encode()})
    return name, "9.9.9"


def broken_invalid_assessment(good, out, ids):
    name, data = _assessment_member(good, ids["b"])
    data["enterprise"]["credit_code"] = "91310000MA1FL00000"
    _rebuild(good, out, {name: json.dumps(data).encode()})
    return name, "校验位不正确"


def broken_bad_json(good, out, ids):
    name, _ = _assessment_member(good, ids["b"])
    _rebuild(good, out, {name: b'{"format": "smart-factory-assessment/1", '})
    return name, "不是有效的 JSON"


def broken_name_mismatch(good, out, ids):
    name, data = _assessment_member(good, ids["b"])
    data["revision"] = 7
    _rebuild(good, out, {name: json.dumps(data).encode()})
    return name, "成员名与内容不符"


def broken_unlisted(good, out, ids):
    members = _members(good)
    body = b"smuggled"
    name = f"evidence/{hashlib.sha256(body).hexdigest()}"
    manifest = json.loads(members["manifest.json"])
    _rebuild(good, out, extra=[(name, body)], manifest=manifest)
    return name, "未列在清单中"


def broken_missing_member(good, out, ids):
    ev = next(n for n in _members(good) if n.startswith("evidence/"))
    _rebuild(good, out, {ev: None}, relist=False)
    return ev, "不存在"


def broken_no_manifest(good, out, ids):
    with zipfile.ZipFile(out, "w") as z:
        for name, body in _members(good).items():
            if name != "manifest.json":
                z.writestr(name, body)
    return "manifest.json", "缺少清单"


def broken_unexpected(good, out, ids):
    _rebuild(good, out, extra=[("autorun.inf", b"[autorun]\nopen=evil.exe\n")])
    return "autorun.inf", "没有这种成员"


def broken_encrypted(good, out, ids):
    name, _ = _assessment_member(good, ids["b"])
    _rebuild(good, out)
    _mark_encrypted(out, name)
    return name, "加密"


def broken_dangling_evidence(good, out, ids):
    name, data = _assessment_member(good, ids["b"])
    data["evidence"] = [{"item": "OS.1.01", "sha256": "f" * 64, "name": "x.pdf"}]
    _rebuild(good, out, {name: json.dumps(data).encode()})
    return name, "证据引用"


BROKEN = [
    broken_truncated,
    broken_tail_cut,
    broken_not_zip,
    broken_wrong_digest,
    broken_evidence_digest,
    broken_traversal,
    broken_absolute,
    broken_symlink,
    broken_duplicate,
    broken_zip_bomb,
    broken_oversized,
    broken_wrong_format,
    broken_unknown_pack,
    broken_invalid_assessment,
    broken_bad_json,
    broken_name_mismatch,
    broken_unlisted,
    broken_missing_member,
    broken_no_manifest,
    broken_unexpected,
    broken_encrypted,
    broken_dangling_evidence,
]


@pytest.fixture(scope="module")
def target(tmp_path_factory, pack):
    """A workspace that already holds data (another enterprise's assessment with evidence)."""
    root = tmp_path_factory.mktemp("target")
    ws = Workspace.open(root / "workspace.db")
    u = ws.create_assessment(enterprise_a(), pack.id, pack.version, assessor="王工")
    ws.set_answer(u, items(pack, "requirement")[0], 1.0)
    (root / "e.txt").write_text("evidence here")
    ws.add_evidence(u, items(pack, "requirement")[0], root / "e.txt")
    ws.close()
    return root


@pytest.mark.parametrize("make", BROKEN, ids=[f.__name__.removeprefix("broken_") for f in BROKEN])
def test_a_broken_bundle_is_rejected_naming_member_and_rule_and_changes_nothing(make, source, target, tmp_path, capsys):
    _, ids, good = source
    work = tmp_path / "ws"
    shutil.copytree(target, work)
    db = work / "workspace.db"
    bad = tmp_path / "bad.sfd"
    member, phrase = make(good, bad, ids)
    before = state(db)
    assert main(["import", str(bad), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "bad.sfd" in err and phrase in err, err
    if member:
        assert f"成员 {member}" in err, err
    assert "没有任何内容写入" in err
    assert state(db) == before

    assert main(["import", str(bad), "--db", str(db), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "was rejected" in err and (not member or f"member {member}" in err), err
    assert state(db) == before


def test_the_good_files_of_a_batch_are_imported_and_the_broken_one_is_not(source, tmp_path, capsys):
    _, ids, good = source
    bad = tmp_path / "bad.sfd"
    broken_unknown_pack(good, bad, ids)
    db = tmp_path / "ws" / "workspace.db"
    assert main(["import", str(good), str(bad), "--db", str(db)]) == 2
    captured = capsys.readouterr()
    assert "bad.sfd" in captured.err and "9.9.9" in captured.err
    assert "拒绝文件 1 个" in captured.out
    ws = Workspace.open(db)
    assert len(ws.list_assessments()) == 3
    ws.close()


def test_total_size_and_member_count_limits(source, monkeypatch):
    """(Lowered here to keep the test small; the defaults are in bundle.Limits.)"""
    good = source[2]
    with zipfile.ZipFile(good) as z:
        total = sum(i.file_size for i in z.infolist())
    monkeypatch.setattr(bundlemod, "LIMITS", bundlemod.Limits(max_total=total - 1))
    with pytest.raises(BundleRejected) as e:
        bundlemod.read_bundle(good)
    assert e.value.rule == "total_too_large"
    monkeypatch.setattr(bundlemod, "LIMITS", bundlemod.Limits(max_members=3))
    with pytest.raises(BundleRejected) as e:
        bundlemod.read_bundle(good)
    assert e.value.rule == "too_many_members"


def test_every_rule_has_a_message_in_both_languages():
    from diag_app.i18n import MESSAGES

    for rule in BundleRejected.RULES:
        assert {"zh", "en"} <= set(MESSAGES[f"store.rule.{rule}"]), rule


def test_export_is_atomic_and_refuses_unknown_assessments(src, tmp_path):
    ws, ids, _ = src
    out = tmp_path / "keep.sfd"
    out.write_bytes(b"previous export")
    from diag_app.store import AssessmentNotFound

    with pytest.raises(AssessmentNotFound):
        ws.export_bundle(out, [ids["b"], "00000000-0000-4000-8000-000000000000"])
    assert out.read_bytes() == b"previous export"
    assert sorted(os.listdir(tmp_path)) == ["keep.sfd"]
