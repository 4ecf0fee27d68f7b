"""The recycle bin: a deleted enterprise or assessment is gone from every list, the portfolio,
exports and rescoring; restore brings it back whole; purge removes it for good and leaves no file
nobody refers to; an import of something in the bin brings it back."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from test_store_support import CODE_A, CODE_B, enterprise_a, enterprise_b, filled_workspace, items

from diag_app.store import AssessmentNotFound, EnterpriseNotFound, NotInBin, Workspace


@pytest.fixture
def filled(tmp_path, pack):
    ws, uuids = filled_workspace(tmp_path / "ws" / "workspace.db", pack, tmp_path / "files")
    yield ws, uuids
    ws.close()


def everything(ws, uuid):
    """All a user could see of one assessment: every revision with its answers, notes, plans,
    scope and team, its evidence and its audit trail."""
    return (
        [ws.load_assessment(uuid, r.revision) for r in ws.revisions(uuid)],
        [(r.revision, r.status, r.tier, r.score, r.answered) for r in ws.revisions(uuid)],
        [ws.list_evidence(uuid, revision=r.revision) for r in ws.revisions(uuid)],
        ws.audit(uuid),
    )


def stored_files(ws) -> set[str]:
    return {p.name for p in ws.evidence_dir.rglob("*") if p.is_file() and len(p.name) == 64}


def referenced_files(ws) -> set[str]:
    conn = sqlite3.connect(ws.path)
    try:
        q = "SELECT sha256 FROM evidence UNION SELECT sha256 FROM evidence_removals"
        return {r[0] for r in conn.execute(q)}
    finally:
        conn.close()


def test_a_deleted_enterprise_is_gone_everywhere_and_comes_back_whole(filled, tmp_path):
    ws, u = filled
    before = {k: everything(ws, v) for k, v in u.items() if k != "b"}
    listed_before = ws.list_enterprises()
    deleted = ws.delete_enterprise(CODE_A, who="张工")
    assert (deleted.kind, deleted.key, deleted.assessments, deleted.revisions) == ("enterprise", CODE_A, 2, 3)

    assert [e.credit_code for e in ws.list_enterprises()] == [CODE_B]  # the list and the portfolio
    assert [a.uuid for a in ws.list_assessments()] == [u["b"]]
    assert ws.list_assessments(CODE_A) == [] and ws.get_enterprise(CODE_A) is None
    assert ws.revisions(u["self"]) == []
    with pytest.raises(AssessmentNotFound):
        ws.load_assessment(u["self"])
    with pytest.raises(AssessmentNotFound):
        ws.export_bundle(tmp_path / "x.sfd", [u["onsite"]])
    with pytest.raises(AssessmentNotFound):
        ws.set_answer(u["onsite"], "OS.1.01", 1.0)
    assert ws.rescore_all() == 1  # only enterprise B's revision is rescored
    assert [(r.kind, r.key, r.name, r.who) for r in ws.list_deleted()] == [
        ("enterprise", CODE_A, enterprise_a().name, "张工")
    ]

    ws.restore("enterprise", CODE_A, who="张工")
    assert ws.list_enterprises() == listed_before
    for k, v in before.items():
        revisions, rows, evidence, audit = everything(ws, u[k])
        assert (revisions, rows, evidence) == v[:3]
        assert audit[: len(v[3])] == v[3]
        assert [a.action for a in audit[len(v[3]) :]] == ["delete", "restore"]
    assert ws.list_deleted() == []
    assert [(x.action, x.kind, x.key) for x in ws.bin_log()] == [
        ("delete", "enterprise", CODE_A),
        ("restore", "enterprise", CODE_A),
    ]


def test_a_deleted_assessment_leaves_its_enterprise_which_shows_its_other_assessment(filled):
    ws, u = filled
    before = everything(ws, u["onsite"])
    row = next(e for e in ws.list_enterprises() if e.credit_code == CODE_A)
    assert row.latest_uuid == u["onsite"]  # assessed last
    ws.finalise(u["onsite"])  # a final assessment may be deleted too (and stays final)
    before = everything(ws, u["onsite"])
    ws.delete_assessment(u["onsite"])
    row = next(e for e in ws.list_enterprises() if e.credit_code == CODE_A)
    assert row.latest_uuid == u["self"]
    assert {a.uuid for a in ws.list_assessments(CODE_A)} == {u["self"]}
    [entry] = ws.list_deleted()
    assert (entry.kind, entry.uuid, entry.mode, entry.assessor, entry.status) == (
        "assessment",
        u["onsite"],
        "onsite",
        "李顾问",
        "final",
    )
    ws.restore("assessment", u["onsite"])
    revisions, rows, evidence, audit = everything(ws, u["onsite"])
    assert (revisions, rows, evidence) == before[:3] and audit[: len(before[3])] == before[3]
    assert next(e for e in ws.list_enterprises() if e.credit_code == CODE_A).latest_uuid == u["onsite"]
    with pytest.raises(NotInBin):
        ws.restore("assessment", u["onsite"])


def test_restoring_an_enterprise_brings_back_only_what_was_deleted_with_it(filled):
    ws, u = filled
    ws.delete_assessment(u["onsite"])
    ws.delete_enterprise(CODE_A)
    assert {(r.kind, r.key, r.assessments) for r in ws.list_deleted()} == {
        ("enterprise", CODE_A, 1),
        ("assessment", u["onsite"], 1),
    }
    ws.restore("enterprise", CODE_A)
    assert {a.uuid for a in ws.list_assessments(CODE_A)} == {u["self"]}
    assert [(r.kind, r.key) for r in ws.list_deleted()] == [("assessment", u["onsite"])]


def test_an_assessment_restored_from_a_deleted_enterprise_brings_the_enterprise_back_alone(filled):
    ws, u = filled
    ws.delete_assessment(u["onsite"])
    ws.delete_enterprise(CODE_A)
    ws.restore("assessment", u["onsite"])
    assert ws.get_enterprise(CODE_A) is not None
    assert {a.uuid for a in ws.list_assessments(CODE_A)} == {u["onsite"]}
    # the other assessment, deleted with the enterprise, is still in the bin, restorable alone
    assert [(r.kind, r.key) for r in ws.list_deleted()] == [("assessment", u["self"])]
    ws.restore("assessment", u["self"])
    assert {a.uuid for a in ws.list_assessments(CODE_A)} == {u["onsite"], u["self"]}


def test_a_new_assessment_of_a_deleted_enterprise_brings_back_only_the_enterprise(filled, pack):
    ws, u = filled
    ws.delete_enterprise(CODE_A)
    new = ws.create_assessment(enterprise_a(), pack.id, pack.version)
    assert [a.uuid for a in ws.list_assessments(CODE_A)] == [new]
    assert {r.key for r in ws.list_deleted()} == {u["self"], u["onsite"]}


def test_purge_removes_for_good_and_leaves_no_orphan_files(filled, tmp_path):
    ws, u = filled
    onsite_files = {e.sha256 for e in ws.list_evidence(u["onsite"])}
    self_files = {e.sha256 for r in ws.revisions(u["self"]) for e in ws.list_evidence(u["self"], revision=r.revision)}
    assert onsite_files < self_files  # the on-site assessment shares its one file with the self-assessment
    ws.delete_assessment(u["onsite"])
    purged = ws.purge("assessment", u["onsite"], who="张工")
    assert (purged.row.key, purged.files) == (u["onsite"], 0)  # its file is still the self-assessment's
    assert stored_files(ws) == self_files

    ws.delete_enterprise(CODE_A)
    purged = ws.purge("enterprise", CODE_A, who="张工")
    assert (purged.row.assessments, purged.files) == (1, len(self_files))
    assert stored_files(ws) == set() == referenced_files(ws)
    assert ws.list_deleted() == [] and ws.get_enterprise(CODE_A) is None
    assert [e.credit_code for e in ws.list_enterprises()] == [CODE_B]
    assert ws.audit(u["self"]) == []
    conn = sqlite3.connect(ws.path)
    lines = list(conn.iterdump())
    conn.close()
    assert not [x for x in lines if u["self"] in x]  # no trace but the bin's record (by credit code)
    assert all(x.startswith('INSERT INTO "bin_log"') for x in lines if u["onsite"] in x)
    assert [(x.action, x.kind) for x in ws.bin_log()][-2:] == [("delete", "enterprise"), ("purge", "enterprise")]
    with pytest.raises(NotInBin):
        ws.purge("enterprise", CODE_A)
    with pytest.raises(NotInBin):
        ws.purge("assessment", u["b"])  # not in the bin: never purged
    assert ws.list_assessments(CODE_B)
    # the workspace still works and opens cleanly
    ws.close()
    ws2 = Workspace.open(ws.path)
    try:
        assert [e.credit_code for e in ws2.list_enterprises()] == [CODE_B]
    finally:
        ws2.close()


def test_the_rows_of_a_purged_assessment_are_gone_from_the_database(filled):
    ws, u = filled
    ws.delete_assessment(u["self"])
    ws.purge("assessment", u["self"])
    conn = sqlite3.connect(ws.path)
    try:
        assert conn.execute("SELECT count(*) FROM assessments WHERE uuid = ?", (u["self"],)).fetchone()[0] == 0
        for table in ("answers", "evidence", "evidence_removals", "audit", "summaries", "packed_answers"):
            orphans = conn.execute(
                f"SELECT count(*) FROM {table} WHERE assessment_id NOT IN (SELECT id FROM assessments)"
            ).fetchone()[0]
            assert orphans == 0, table
    finally:
        conn.close()


def test_purging_what_was_deleted_long_ago_is_offered_not_done_by_itself(filled):
    ws, u = filled
    ws.delete_assessment(u["onsite"])
    ws.delete_enterprise(CODE_B)
    soon = datetime.now(UTC) + timedelta(days=29)
    later = datetime.now(UTC) + timedelta(days=31)
    assert ws.list_deleted(30, now=soon) == []
    due = ws.list_deleted(30, now=later)
    assert {(r.kind, r.key) for r in due} == {("assessment", u["onsite"]), ("enterprise", CODE_B)}
    ws.close()
    ws = Workspace.open(ws.path)  # opening never purges
    try:
        assert len(ws.list_deleted()) == 2
        done = ws.purge_older_than(30, who="张工", now=later)
        assert {p.row.key for p in done} == {u["onsite"], CODE_B}
        assert ws.list_deleted() == []
        assert [e.credit_code for e in ws.list_enterprises()] == [CODE_A]
    finally:
        ws.close()


def test_a_bundle_bringing_an_assessment_in_the_bin_restores_it_with_the_new_revision(tmp_path, pack):
    """The consultant deleted the assessment here; a colleague sends it with a new revision. The
    import brings it back (every revision it had, plus the new one) and says so."""
    here = Workspace.open(tmp_path / "here" / "workspace.db")
    there = Workspace.open(tmp_path / "there" / "workspace.db")
    try:
        u = here.create_assessment(enterprise_a(), pack.id, pack.version, assessor="张工")
        req = items(pack, "requirement")
        here.set_answer(u, req[0], 1.0)
        here.finalise(u)
        other = here.create_assessment(enterprise_a(), pack.id, pack.version, mode="onsite")
        here.export_bundle(tmp_path / "r1.sfd", [u])
        assert there.import_files([tmp_path / "r1.sfd"]).ok
        there.reopen(u)
        there.set_answer(u, req[1], 0.5)
        there.export_bundle(tmp_path / "r2.sfd", [u])

        here.delete_enterprise(CODE_A)
        s = here.import_files([tmp_path / "r2.sfd"])
        assert s.ok and [(i.uuid, i.revision) for i in s.new_revisions] == [(u, 2)]
        assert [i.uuid for i in s.restored] == [u]
        assert [r.revision for r in here.revisions(u)] == [1, 2]
        assert here.load_assessment(u).value(req[1]) == 0.5
        assert [e.credit_code for e in here.list_enterprises()] == [CODE_A]
        # what was deleted with the enterprise and not in the bundle stays in the bin
        assert [(r.kind, r.key) for r in here.list_deleted()] == [("assessment", other)]
        assert any(x.action == "restore" for x in here.audit(u))
    finally:
        here.close()
        there.close()


def test_the_same_file_imported_again_after_deleting_brings_the_assessment_back(tmp_path, pack):
    ws = Workspace.open(tmp_path / "workspace.db")
    try:
        u = ws.create_assessment(enterprise_b(), pack.id, pack.version)
        ws.export_bundle(tmp_path / "b.sfd", [u])
        ws.delete_assessment(u)
        s = ws.import_files([tmp_path / "b.sfd"])
        assert s.ok and [i.uuid for i in s.skipped] == [u] and [i.uuid for i in s.restored] == [u]
        assert [a.uuid for a in ws.list_assessments()] == [u] and ws.list_deleted() == []
    finally:
        ws.close()


def test_a_new_assessment_imported_for_a_deleted_enterprise_brings_back_only_the_enterprise(filled, tmp_path, pack):
    ws, u = filled
    there = Workspace.open(tmp_path / "there" / "workspace.db")
    try:
        new = there.create_assessment(enterprise_a(), pack.id, pack.version, assessor="王工")
        there.export_bundle(tmp_path / "new.sfd", [new])
    finally:
        there.close()
    ws.delete_enterprise(CODE_A)
    s = ws.import_files([tmp_path / "new.sfd"])
    assert s.ok and [i.uuid for i in s.added] == [new] and s.restored == []
    assert [a.uuid for a in ws.list_assessments(CODE_A)] == [new]
    assert {r.key for r in ws.list_deleted()} == {u["self"], u["onsite"]}


def test_unknown_or_visible_things_are_neither_deleted_twice_nor_restored(filled):
    ws, u = filled
    with pytest.raises(EnterpriseNotFound):
        ws.delete_enterprise("91310000MA1FL9999X")
    ws.delete_enterprise(CODE_B)
    with pytest.raises(EnterpriseNotFound):
        ws.delete_enterprise(CODE_B)
    with pytest.raises(AssessmentNotFound):
        ws.delete_assessment(u["b"])  # already in the bin with its enterprise
    with pytest.raises(NotInBin):
        ws.restore("enterprise", CODE_A)
    with pytest.raises(NotInBin):
        ws.restore("evidence", "12345")


def test_the_bin_of_a_version_5_workspace_is_listed_and_restored(tmp_path, pack):
    import hashlib
    import shutil
    from pathlib import Path

    path = tmp_path / "workspace.db"
    shutil.copyfile(Path(__file__).parent / "fixtures" / "db" / "schema-v5.db", path)
    for content in (b"hello\n", b"bye\n"):
        sha = hashlib.sha256(content).hexdigest()
        (tmp_path / "evidence" / sha[:2]).mkdir(parents=True, exist_ok=True)
        (tmp_path / "evidence" / sha[:2] / sha).write_bytes(content)
    u1, u2, u3 = (f"0b0e6f8e-3f2a-4c55-9d7e-1a2b3c4d5e0{i}" for i in (1, 2, 3))
    ws = Workspace.open(path)
    try:
        assert [e.name for e in ws.list_enterprises()] == ["上海示例汽车零部件有限公司"]
        assert [a.uuid for a in ws.list_assessments()] == [u1]
        entries = {(r.kind, r.key, r.name, r.who) for r in ws.list_deleted()}
        assert entries == {
            ("assessment", u2, "上海示例汽车零部件有限公司", "李顾问"),
            ("enterprise", CODE_B, "上海示例新材料有限公司", "张工"),
            ("evidence", "1", "旧照片.jpg", "张工"),
        }
        ws.restore("evidence", "1")
        assert [(e.item_id, e.name) for e in ws.list_evidence(u1)] == [
            ("OS.1.01", "制度.txt"),
            ("OS.1.02", "旧照片.jpg"),
        ]
        ws.restore("enterprise", CODE_B)
        assert [a.uuid for a in ws.list_assessments(CODE_B)] == [u3]
        assert [(r.kind, r.key) for r in ws.list_deleted()] == [("assessment", u2)]
    finally:
        ws.close()


# --- the command line ------------------------------------------------------------------------


def test_cli_delete_bin_restore_and_purge(filled, capsys):
    import json

    from diag_app.cli import main

    ws, u = filled
    db = str(ws.path)
    ws.close()
    name_a = enterprise_a().name
    assert main(["delete", "--enterprise", CODE_A, "--db", db]) == 0
    out = capsys.readouterr().out
    assert "已移入回收站" in out and name_a in out and f"diag-app restore --enterprise {CODE_A}" in out
    assert main(["list", "--db", db]) == 0
    assert name_a not in capsys.readouterr().out  # gone from the list
    assert main(["bin", "--db", db, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert f"enterprise {name_a} ({CODE_A}) with 2 assessments (revisions: 3)" in out
    assert "purge" not in out  # nothing is old enough to be offered
    assert main(["bin", "--db", db, "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)["deleted"]
    assert (entry["kind"], entry["key"], entry["assessments"]) == ("enterprise", CODE_A, 2)

    assert main(["restore", "--enterprise", CODE_A, "--db", db]) == 0
    assert "已恢复" in capsys.readouterr().out
    assert main(["list", "--db", db]) == 0
    out = capsys.readouterr().out
    assert name_a in out and u["self"] in out and u["onsite"] in out

    # one failing target is named, the others are still done, and the exit status says so
    assert main(["delete", u["onsite"], "00000000-0000-4000-8000-000000000000", "--db", db, "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert u["onsite"] in captured.out and "has no assessment 00000000-0000-4000-8000-000000000000" in captured.err
    assert main(["restore", "--enterprise", CODE_A, "--db", db, "--lang", "en"]) == 2
    assert "the recycle bin holds no enterprise" in capsys.readouterr().err

    # purge: nothing without --yes, then for good
    assert main(["purge", u["onsite"], "--db", db]) == 2
    err = capsys.readouterr().err
    assert "将彻底删除" in err and "--yes" in err
    assert main(["bin", "--db", db]) == 0 and u["onsite"] in capsys.readouterr().out
    assert main(["purge", u["onsite"], "--yes", "--db", db]) == 0
    assert "已彻底删除" in capsys.readouterr().out
    assert main(["bin", "--db", db, "--lang", "en"]) == 0
    assert "the recycle bin is empty" in capsys.readouterr().out
    assert main(["purge", "--older-than", "30", "--yes", "--db", db, "--lang", "en"]) == 0
    assert "nothing was changed" in capsys.readouterr().out
    assert main(["delete", "--db", db]) == 2  # nothing named
    assert "--enterprise" in capsys.readouterr().err


def test_cli_bin_offers_to_purge_what_was_deleted_30_days_ago(filled, capsys):
    from diag_app.cli import main

    ws, u = filled
    ws.delete_assessment(u["b"])
    db = str(ws.path)
    ws.close()
    conn = sqlite3.connect(db)  # as if deleted 40 days ago
    with conn:
        conn.execute("UPDATE deletions SET at = ?", ((datetime.now(UTC) - timedelta(days=40)).isoformat(),))
    conn.close()
    assert main(["bin", "--db", db, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "1 of them was deleted 30 or more days ago" in out and "purge --older-than 30 --yes" in out
    assert main(["purge", "--older-than", "30", "--db", db]) == 2  # listed, not done
    assert u["b"] in capsys.readouterr().err
    assert main(["purge", "--older-than", "30", "--yes", "--db", db, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "removed for good" in out and u["b"] in out
    ws = Workspace.open(db)
    try:
        assert ws.list_deleted() == [] and {e.credit_code for e in ws.list_enterprises()} == {CODE_A, CODE_B}
    finally:
        ws.close()


def test_nonsense_on_the_command_line_ends_with_status_2_and_changes_nothing(filled, capsys):
    from diag_app.cli import main

    ws, u = filled
    ws.delete_assessment(u["b"])
    db = str(ws.path)
    ws.close()
    for args in (
        ["restore", "--evidence", "99999999999999999999999999"],
        ["restore", "--evidence", "-1"],
        ["purge", "--evidence", "１２", "--yes"],
        ["purge", "--evidence", "1; DROP TABLE evidence", "--yes"],
        ["restore", "'; DELETE FROM deletions; --"],
    ):
        assert main([*args, "--db", db]) == 2, args
    for days in ("nan", "-3", "inf", "soon"):
        with pytest.raises(SystemExit) as e:
            main(["purge", "--older-than", days, "--yes", "--db", db])
        assert e.value.code == 2
        with pytest.raises(SystemExit):
            main(["bin", "--older-than", days, "--db", db])
    capsys.readouterr()
    ws = Workspace.open(db)
    try:
        assert [(r.kind, r.key) for r in ws.list_deleted()] == [("assessment", u["b"])]
        with pytest.raises(ValueError):
            ws.purge_older_than(float("nan"))
    finally:
        ws.close()
