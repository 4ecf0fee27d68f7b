"""The workspace database: answers, revisions, evidence, audit, lists, and the safety rules
(integrity check, backups, locks, files that are not ours)."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from itertools import pairwise
from pathlib import Path

import pytest
from test_store_support import CODE_A, dump, enterprise_a, enterprise_b, filled_workspace, items, na_items

from diag_app.model.assessment import AssessmentInvalid, Enterprise, Plan
from diag_app.model.diagnosis import diagnose
from diag_app.store import (
    AssessmentFinal,
    AssessmentNotFound,
    DatabaseCorrupt,
    DatabaseLocked,
    EvidenceTooLarge,
    NotADatabase,
    SchemaTooNew,
    Workspace,
    backups,
    default_db_path,
    restore_backup,
)
from diag_app.store.backup import make_backup
from diag_app.store.migrations import LATEST


@pytest.fixture
def ws(tmp_path):
    w = Workspace.open(tmp_path / "ws" / "workspace.db")
    yield w
    w.close()


def new_assessment(ws, pack, **kw):
    return ws.create_assessment(enterprise_a(), pack.id, pack.version, **kw)


# --- answers and revisions -------------------------------------------------------------------


def test_an_answer_is_saved_at_once_and_survives_reopening_the_workspace(tmp_path, pack):
    path = tmp_path / "workspace.db"
    ws = Workspace.open(path)
    u = new_assessment(ws, pack, assessor="张工")
    req = items(pack, "requirement")
    ws.set_answer(u, req[0], 0.8, note="有记录", who="张工")
    ws.set_answer(u, items(pack, "indicator")[0], 55, who="张工")
    ws.set_answer(u, items(pack, "condition")[0], True)
    na = na_items(pack)[0]
    ws.set_answer(u, na, "NA", note="本厂无此工序")
    # another connection sees it without any explicit save
    other = Workspace.open(path)
    a = other.load_assessment(u)
    assert a.value(req[0]) == 0.8 and a.answers[req[0]].note == "有记录"
    assert a.value(items(pack, "indicator")[0]) == 55.0
    assert a.value(items(pack, "condition")[0]) is True
    assert a.value(na) == "na"
    other.close()
    ws.close()


def test_note_is_kept_when_only_the_value_changes_and_clearing_removes_the_answer(ws, pack):
    u = new_assessment(ws, pack)
    r = items(pack, "requirement")[0]
    ws.set_answer(u, r, 0.5, note="初评")
    ws.set_answer(u, r, 1.0)
    assert ws.load_assessment(u).answers[r].note == "初评"
    ws.set_answer(u, r, None, note="")
    assert r not in ws.load_assessment(u).answers


def test_values_the_item_does_not_allow_are_refused_with_the_models_problem(ws, pack):
    u = new_assessment(ws, pack)
    r = items(pack, "requirement")[0]
    with pytest.raises(AssessmentInvalid) as e:
        ws.set_answer(u, r, 0.7)
    assert e.value.problems[0].key == "answer.rating"
    with pytest.raises(AssessmentInvalid) as e:
        ws.set_answer(u, "no.such.item", 1.0)
    assert e.value.problems[0].key == "answer.unknown_id"
    process_only = next(i.id for i in pack.requirements if i.paths == frozenset({"process"}) and i.industry is None)
    with pytest.raises(AssessmentInvalid) as e:
        ws.set_answer(u, process_only, 1.0)
    assert e.value.problems[0].key == "answer.not_applicable"
    assert ws.load_assessment(u).answers == {}
    assert [x.action for x in ws.audit(u)] == ["create"]


def test_the_cached_summary_is_what_diagnose_says(ws, pack):
    u = new_assessment(ws, pack)
    for r in items(pack, "requirement")[:60]:
        ws.set_answer(u, r, 1.0)
    ws.set_answer(u, items(pack, "indicator")[0], 80.0)
    row = ws.assessment_row(u)
    result = diagnose(pack, ws.load_assessment(u), with_roadmap=False)
    assert row.tier == result.tier.tier
    assert row.score == pytest.approx(result.scores.s)
    assert row.level == result.scores.level
    assert (row.answered, row.total) == (result.scores.answered, result.scores.total)
    assert row.answered == 61


def test_a_final_revision_refuses_changes_and_reopening_starts_a_new_one(ws, pack, tmp_path):
    u = new_assessment(ws, pack, assessor="张工")
    req = items(pack, "requirement")
    ws.set_answer(u, req[0], 0.8, note="n")
    f = tmp_path / "a.txt"
    f.write_text("x")
    ws.add_evidence(u, req[0], f)
    ws.set_plans(u, (Plan(pack.catalog[0].id, 100000.0),))
    ws.finalise(u)
    with pytest.raises(AssessmentFinal) as e:
        ws.set_answer(u, req[1], 1.0)
    assert e.value.revision == 1 and "重新打开" in e.value.message("zh")
    with pytest.raises(AssessmentFinal):
        ws.add_evidence(u, req[1], f)
    with pytest.raises(AssessmentFinal):
        ws.set_plans(u, ())

    assert ws.reopen(u) == 2
    assert ws.reopen(u) == 2  # already a draft: nothing new
    ws.set_answer(u, req[0], 1.0)
    r1, r2 = ws.load_assessment(u, 1), ws.load_assessment(u)
    assert r1.value(req[0]) == 0.8 and r2.value(req[0]) == 1.0
    assert r2.answers[req[0]].note == "n" and r2.plans == r1.plans
    assert [e.sha256 for e in ws.list_evidence(u)] == [e.sha256 for e in ws.list_evidence(u, revision=1)]
    assert [(r.revision, r.status) for r in ws.revisions(u)] == [(1, "final"), (2, "draft")]
    assert [r.revision for r in ws.list_assessments()] == [2]
    actions = [(x.revision, x.action) for x in ws.audit(u)]
    assert actions == [
        (1, "create"),
        (1, "answer"),
        (1, "evidence"),
        (1, "plans"),
        (1, "finalise"),
        (2, "reopen"),
        (2, "answer"),
    ]


def test_the_audit_trail_records_who_changed_what_from_what(ws, pack):
    u = new_assessment(ws, pack)
    r = items(pack, "requirement")[0]
    ws.set_answer(u, r, 0.5, who="张工")
    ws.set_answer(u, r, 0.8, note="复核", who="李顾问")
    ws.set_answer(u, r, 0.8, note="复核", who="李顾问")  # no change: no entry
    last = ws.audit(u)[-1]
    assert (last.who, last.item_id, last.old, last.new) == (
        "李顾问",
        r,
        {"value": 0.5, "note": ""},
        {"value": 0.8, "note": "复核"},
    )
    assert len(ws.audit(u)) == 3


def test_unknown_assessment_is_a_clear_error(ws):
    with pytest.raises(AssessmentNotFound):
        ws.load_assessment("00000000-0000-4000-8000-000000000000")
    assert ws.revisions("00000000-0000-4000-8000-000000000000") == []


def test_create_assessment_checks_the_enterprise(ws, pack):
    bad = Enterprise("X", "91310000MA1FL00000", "automotive")
    with pytest.raises(AssessmentInvalid) as e:
        ws.create_assessment(bad, pack.id, pack.version)
    assert e.value.problems[0].key == "credit_code.check"
    assert ws.list_enterprises() == []


# --- enterprises and lists ------------------------------------------------------------------


def test_enterprise_list_shows_the_latest_assessment_and_filters(tmp_path, pack):
    ws, ids = filled_workspace(tmp_path / "workspace.db", pack, tmp_path / "files")
    rows = {r.credit_code: r for r in ws.list_enterprises()}
    a = rows[CODE_A]
    assert a.latest_uuid == ids["onsite"]  # dated 2026-11-20, after the self-assessment
    assert a.last_assessed == "2026-11-20" and a.status == "draft"
    assert a.latest_tier == ws.assessment_row(ids["onsite"]).tier
    assert [r.credit_code for r in ws.list_enterprises(search="新材料")] == [enterprise_b().credit_code]
    assert [r.credit_code for r in ws.list_enterprises(search="91310000")] == [CODE_A]
    assert [r.credit_code for r in ws.list_enterprises(search="嘉定")] == [CODE_A]
    assert [r.credit_code for r in ws.list_enterprises(industry="advanced-materials")] == [enterprise_b().credit_code]
    assert len(ws.list_enterprises(tier="none")) == 2
    assert ws.list_enterprises(search="100%_") == []
    mine = ws.list_assessments(CODE_A)
    assert {(r.mode, r.assessor) for r in mine} == {("self", "张工"), ("onsite", "李顾问")}
    ws.close()


def test_editing_an_enterprise_updates_drafts_but_not_final_revisions(ws, pack):
    u = new_assessment(ws, pack)
    ws.finalise(u)
    ws.reopen(u)
    e = enterprise_a()
    ws.upsert_enterprise(Enterprise("上海新名称有限公司", e.credit_code, e.industry, district="闵行区"))
    assert ws.get_enterprise(CODE_A).name == "上海新名称有限公司"
    assert ws.load_assessment(u).enterprise.name == "上海新名称有限公司"
    assert ws.load_assessment(u, 1).enterprise.name == e.name
    assert ws.audit(u)[-1].action == "enterprise"


# --- evidence -------------------------------------------------------------------------------


def test_evidence_is_copied_content_addressed_and_kept_read_only(ws, pack, tmp_path):
    u = new_assessment(ws, pack)
    req = items(pack, "requirement")
    src = tmp_path / "run.sh"
    src.write_bytes(b"#!/bin/sh\necho hi\n")
    src.chmod(0o755)
    row = ws.add_evidence(u, req[0], src)
    sha = hashlib.sha256(src.read_bytes()).hexdigest()
    assert (row.sha256, row.name, row.size) == (sha, "run.sh", src.stat().st_size)
    stored = ws.evidence_path(sha)
    assert stored == ws.path.parent / "evidence" / sha[:2] / sha
    assert stored.read_bytes() == src.read_bytes()
    assert stored.stat().st_mode & 0o111 == 0  # never executable
    copy = tmp_path / "other-name.sh"
    copy.write_bytes(src.read_bytes())
    ws.add_evidence(u, req[1], copy)
    assert len([p for p in (ws.path.parent / "evidence").rglob("*") if p.is_file()]) == 1
    assert [(e.item_id, e.name) for e in ws.list_evidence(u)] == [(req[0], "run.sh"), (req[1], "other-name.sh")]
    assert [e.item_id for e in ws.list_evidence(u, req[1])] == [req[1]]
    with pytest.raises(ValueError):
        ws.evidence_path("../../etc/passwd")


def test_evidence_over_50_mb_is_refused_before_copying(ws, pack, tmp_path):
    u = new_assessment(ws, pack)
    big = tmp_path / "big.mp4"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024 + 1)  # sparse: no 50 MB written
    with pytest.raises(EvidenceTooLarge) as e:
        ws.add_evidence(u, items(pack, "requirement")[0], big)
    assert e.value.limit == 50 * 1024 * 1024 and "50 MB" in e.value.message("en")
    assert ws.list_evidence(u) == []
    assert not any(p.is_file() for p in (ws.path.parent / "evidence").rglob("*"))


# --- opening: files that are not ours, damage, versions ---------------------------------------


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path):
    f = tmp_path / "report.pdf"
    f.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 10)
    before = f.read_bytes()
    with pytest.raises(NotADatabase) as e:
        Workspace.open(f)
    assert "report.pdf" in e.value.message("zh")
    assert f.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_somebody_elses_sqlite_file_is_refused_and_left_untouched(tmp_path):
    f = tmp_path / "other.db"
    conn = sqlite3.connect(f)
    conn.execute("CREATE TABLE notes (t TEXT)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()
    before = f.read_bytes()
    with pytest.raises(NotADatabase):
        Workspace.open(f)
    assert f.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_unchanged(tmp_path, pack):
    path = tmp_path / "workspace.db"
    ws = Workspace.open(path)
    new_assessment(ws, pack)
    ws.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    before = dump(path)
    with pytest.raises(SchemaTooNew) as e:
        Workspace.open(path)
    assert (e.value.found, e.value.supported) == (LATEST + 1, LATEST)
    assert dump(path) == before


def test_a_damaged_database_is_reported_with_the_newest_good_backup_and_can_be_restored(tmp_path, pack):
    path = tmp_path / "workspace.db"
    ws = Workspace.open(path)
    u = new_assessment(ws, pack)
    for r in items(pack, "requirement")[:40]:
        ws.set_answer(u, r, 1.0, note="x" * 200)
    good = ws.backup_now()
    ws.close()
    broken_backup = good.with_name(good.name.replace("manual", "zzz"))  # sorts first, but is broken
    broken_backup.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    size = path.stat().st_size
    with open(path, "r+b") as f:  # scribble over the middle pages
        f.seek(4096 * 2)
        f.write(b"\xde\xad\xbe\xef" * ((size - 4096 * 3) // 4))
    damaged = path.read_bytes()
    with pytest.raises(DatabaseCorrupt) as e:
        Workspace.open(path)
    assert e.value.backups == [good]
    assert str(good) in e.value.message("zh")
    assert path.read_bytes() == damaged  # never overwritten

    aside = restore_backup(e.value.backups[0], path)
    assert aside is not None and aside.read_bytes() == damaged  # kept, not deleted
    ws = Workspace.open(path)
    assert len(ws.load_assessment(u).answers) == 40
    ws.close()


def test_backups_before_each_migration_and_once_a_day_keep_ten(tmp_path, pack):
    path = tmp_path / "workspace.db"
    Workspace.open(path).close()
    assert backups(path) == []  # a new, empty workspace has nothing to back up
    ws = Workspace.open(path)
    new_assessment(ws, pack)
    ws.close()
    ws = Workspace.open(path)
    ws.close()
    daily = backups(path)
    assert len(daily) == 1 and daily[0].name.endswith("-daily.db")
    assert daily[0].parent == tmp_path / "backups"
    Workspace.open(path).close()
    assert len(backups(path)) == 1  # once a day
    conn = sqlite3.connect(path)
    for _ in range(12):
        make_backup(conn, path, tmp_path / "backups", "manual")
    conn.close()
    assert len(backups(path)) == 10
    names = [b.name for b in backups(path)]
    assert names == sorted(names, reverse=True)


def test_backups_go_where_asked(tmp_path, pack):
    path = tmp_path / "db" / "workspace.db"
    elsewhere = tmp_path / "safe"
    ws = Workspace.open(path, backups_dir=elsewhere)
    new_assessment(ws, pack)
    ws.backup_now()
    ws.close()
    assert len(backups(path, elsewhere)) == 1 and backups(path) == []


def test_default_db_path_is_in_the_user_data_folder():
    p = default_db_path()
    assert p.name == "workspace.db" and "diag-app" in str(p)


# --- two instances --------------------------------------------------------------------------


def _hold_write_lock(path: Path, seconds: float, started: threading.Event) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    started.set()
    time.sleep(seconds)
    conn.execute("COMMIT")
    conn.close()


def test_a_second_writer_waits_for_the_first(tmp_path, pack):
    path = tmp_path / "workspace.db"
    ws = Workspace.open(path)
    u = new_assessment(ws, pack)
    started = threading.Event()
    t = threading.Thread(target=_hold_write_lock, args=(path, 0.4, started))
    t.start()
    started.wait()
    t0 = time.monotonic()
    ws.set_answer(u, items(pack, "requirement")[0], 1.0)
    assert time.monotonic() - t0 >= 0.3
    t.join()
    assert ws.load_assessment(u).value(items(pack, "requirement")[0]) == 1.0
    ws.close()


def test_a_second_writer_that_waits_too_long_gets_a_clear_message(tmp_path, pack):
    path = tmp_path / "workspace.db"
    ws = Workspace.open(path, timeout=0.2)
    u = new_assessment(ws, pack)
    started = threading.Event()
    t = threading.Thread(target=_hold_write_lock, args=(path, 1.0, started))
    t.start()
    started.wait()
    with pytest.raises(DatabaseLocked) as e:
        ws.set_answer(u, items(pack, "requirement")[0], 1.0)
    assert "另一个窗口" in e.value.message("zh") and "another window" in e.value.message("en")
    t.join()
    assert ws.load_assessment(u).answers == {}
    ws.set_answer(u, items(pack, "requirement")[0], 1.0)  # works again once the other is done
    ws.close()


def test_two_instances_writing_at_once_lose_no_update(tmp_path, pack):
    path = tmp_path / "workspace.db"
    first = Workspace.open(path)
    u = new_assessment(first, pack)
    second = Workspace.open(path)
    req = items(pack, "requirement")[:60]
    errors: list[BaseException] = []

    def write(ws: Workspace, mine: list[str], who: str) -> None:
        try:
            for r in mine:
                ws.set_answer(u, r, 0.8, who=who)
                ws.set_answer(u, req[0], None, note=f"{who} {r}", who=who)  # both touch the same row
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [
        threading.Thread(target=write, args=(first, req[1::2], "A")),
        threading.Thread(target=write, args=(second, req[2::2], "B")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    a = first.load_assessment(u)
    assert all(a.value(r) == 0.8 for r in req[1:])
    answer_entries = [x for x in first.audit(u) if x.action == "answer"]
    assert len(answer_entries) == 2 * (len(req) - 1)
    # each note change saw the previous one: the audit chain of the shared row has no gap
    chain = [x for x in answer_entries if x.item_id == req[0]]
    for before, after in pairwise(chain):
        assert after.old == before.new
    first.close()
    second.close()


def test_export_names_an_evidence_file_that_went_missing(tmp_path, pack):
    from diag_app.store import EvidenceMissing

    ws = Workspace.open(tmp_path / "workspace.db")
    u = new_assessment(ws, pack)
    f = tmp_path / "scan.pdf"
    f.write_bytes(b"%PDF scan")
    row = ws.add_evidence(u, items(pack, "requirement")[0], f)
    path = ws.evidence_path(row.sha256)
    path.chmod(0o644)
    path.unlink()
    with pytest.raises(EvidenceMissing) as e:
        ws.export_bundle(tmp_path / "out.sfd", [u])
    assert e.value.name == "scan.pdf" and "scan.pdf" in e.value.message("zh")
    assert not (tmp_path / "out.sfd").exists()
    ws.close()


def test_summaries_of_an_uninstalled_pack_are_marked_not_guessed(tmp_path, pack):
    path = tmp_path / "workspace.db"
    ws = Workspace.open(path)
    u = new_assessment(ws, pack)
    ws.set_answer(u, items(pack, "requirement")[0], 1.0)
    ws.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE assessments SET pack_version = '0.0.1'")
    conn.commit()
    conn.close()
    ws = Workspace.open(path)
    assert ws.rescore_all() == 1
    row = ws.assessment_row(u)
    assert (row.tier, row.score) == (None, None)
    assert ws.load_assessment(u).value(items(pack, "requirement")[0]) == 1.0  # answers still readable
    from diag_app.store import PackUnavailable

    with pytest.raises(PackUnavailable):
        ws.set_answer(u, items(pack, "requirement")[1], 1.0)
    ws.close()


# --- caches the lists read (migration 3) ----------------------------------------------------


def _packed_and_stored(ws: Workspace) -> list[tuple[dict, dict]]:
    """Per revision: its packed answer values and the answers table's values."""
    import json

    out = []
    for aid, packed in ws.conn.execute(
        "SELECT assessment_id, answer_values FROM packed_answers ORDER BY assessment_id"
    ):
        rows = ws.conn.execute("SELECT item_id, value FROM answers WHERE assessment_id = ?", (aid,)).fetchall()
        out.append((json.loads(packed), {item: json.loads(v) for item, v in rows}))
    return out


def test_the_enterprise_list_follows_every_change_of_the_latest_assessment(tmp_path, pack):
    ws, ids = filled_workspace(tmp_path / "workspace.db", pack, tmp_path / "files")

    def latest() -> dict[str, tuple[str | None, str | None]]:
        rows = {r.credit_code: (r.latest_uuid, r.status) for r in ws.list_enterprises()}
        # the definition, from the assessment list (newest first), computed apart from the cache
        for code in rows:
            mine = ws.list_assessments(code)
            assert rows[code] == ((mine[0].uuid, mine[0].status) if mine else (None, None)), code
        return rows

    assert latest()[CODE_A] == (ids["onsite"], "draft")  # dated 20 Nov, after the self-assessment
    ws.set_answer(ids["self"], items(pack, "requirement")[5], 1.0)  # changed later, but dated earlier
    assert latest()[CODE_A] == (ids["onsite"], "draft")
    ws.finalise(ids["onsite"])
    assert latest()[CODE_A] == (ids["onsite"], "final")
    ws.reopen(ids["onsite"])
    assert latest()[CODE_A] == (ids["onsite"], "draft")  # the new revision, not the final one
    newer = ws.create_assessment(enterprise_a(), pack.id, pack.version, date="2026-11-25")
    assert latest()[CODE_A] == (newer, "draft")
    undated = ws.create_assessment(enterprise_b(), pack.id, pack.version)  # counts by the day it changed
    assert latest()[enterprise_b().credit_code] == (undated, "draft")
    ws.set_answer(ids["b"], items(pack, "requirement", "advanced-materials", "process")[1], 1.0)
    assert latest()[enterprise_b().credit_code] == (ids["b"], "draft")  # same day, changed last
    ws.upsert_enterprise(Enterprise("上海新名称有限公司", CODE_A, "automotive", None, "闵行区"))
    assert latest()[CODE_A] == (newer, "draft")
    assert ws.list_enterprises(search="新名称")[0].latest_uuid == newer

    # an imported bundle brings its own revisions: the list follows them too
    bundle = tmp_path / "a.sfd"
    ws.export_bundle(bundle, [newer, ids["onsite"]])
    other = Workspace.open(tmp_path / "other.db")
    other.import_files([bundle])
    assert [(r.credit_code, r.latest_uuid) for r in other.list_enterprises()] == [(CODE_A, newer)]
    other.close()
    ws.close()


def test_rescoring_reads_the_packed_answers_which_always_equal_the_answers(tmp_path, pack):
    ws, ids = filled_workspace(tmp_path / "workspace.db", pack, tmp_path / "files")
    n = ws.conn.execute("SELECT count(*) FROM assessments").fetchone()[0]
    pairs = _packed_and_stored(ws)
    assert len(pairs) == n and all(packed == stored for packed, stored in pairs)
    assert any(v == "na" for packed, _ in pairs for v in packed.values())  # every kind of value kept
    assert any(v is None for packed, _ in pairs for v in packed.values())  # a note without a value
    rows = {u: ws.assessment_row(u) for u in ids.values()}

    assert ws.rescore_all() == n
    assert {u: ws.assessment_row(u) for u in ids.values()} == rows

    # summaries written before migration 3 have no packed copy: rescoring reads the answers instead
    ws.conn.execute("DELETE FROM packed_answers")
    ws.conn.execute("UPDATE summaries SET tier = NULL, score = NULL, level = NULL")
    assert ws.rescore_all() == n
    assert {u: ws.assessment_row(u) for u in ids.values()} == rows
    assert all(packed == stored for packed, stored in _packed_and_stored(ws))
    ws.close()


def test_a_big_workspace_is_fully_checked_only_when_damage_is_likely(tmp_path, pack, monkeypatch):
    """quick_check reads the whole file (15 s for 800 MB): a big workspace is checked after an
    unclean shutdown and before the day's first backup, not on every open."""
    import diag_app.store.connection as wsmod

    path = tmp_path / "workspace.db"
    ws = Workspace.open(path)
    new_assessment(ws, pack)
    ws.close()
    decisions: list[bool] = []
    real = Workspace._check_due

    def record(self, version, unclean):
        decisions.append(real(self, version, unclean))
        return decisions[-1]

    monkeypatch.setattr(Workspace, "_check_due", record)
    Workspace.open(path).close()  # a small file: checked every time (and today's backup made)
    monkeypatch.setattr(wsmod, "QUICK_CHECK_ALWAYS_BELOW", 0)  # from here on, a "big" file
    Workspace.open(path).close()
    assert decisions == [True, False]

    Path(f"{path}-wal").write_bytes(b"\x00" * 4096)  # left behind by a session that did not close
    Workspace.open(path).close()
    assert decisions[-1] is True
    for b in backups(path):
        b.unlink()
    Workspace.open(path).close()  # the day's first backup is due
    assert decisions[-1] is True and len(backups(path)) == 1


def test_many_summaries_are_computed_in_worker_processes_with_the_same_results(tmp_path, pack, monkeypatch):
    import diag_app.store.summaries as summaries

    ws, ids = filled_workspace(tmp_path / "workspace.db", pack, tmp_path / "files")
    rows = {u: ws.assessment_row(u) for u in ids.values()}
    n = ws.conn.execute("SELECT count(*) FROM assessments").fetchone()[0]
    ws.conn.execute("UPDATE summaries SET tier = NULL, score = NULL, level = NULL")
    ws.conn.execute("DELETE FROM packed_answers WHERE assessment_id = (SELECT MIN(id) FROM assessments)")
    pools = []
    from concurrent import futures

    class Recording(futures.ProcessPoolExecutor):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            pools.append(self)

    monkeypatch.setattr(futures, "ProcessPoolExecutor", Recording)
    monkeypatch.setattr(summaries, "POOL_FROM", 2)
    assert ws.rescore_all() == n
    assert len(pools) == 1  # the real pool of worker processes, not this process
    assert {u: ws.assessment_row(u) for u in ids.values()} == rows
    assert all(packed == stored for packed, stored in _packed_and_stored(ws))  # the missing one written back
    ws.close()


# --- assessment format /2: scope, team, sub-domains not applicable, confirmed qualifications ---


def test_scope_team_and_not_applicable_subdomains_are_saved_audited_and_copied_on_reopen(ws, pack):
    from diag_app.model.assessment import Scope, TeamMember

    u = new_assessment(ws, pack, assessor="张工")
    sd = next(s for s, x in pack.subdomains.items() if x.na_allowed)
    ws.set_scope(
        u, Scope(site="一号厂房", lines="A 线", period="2026-11", interviewees="厂长", documents="台账"), who="张工"
    )
    ws.set_team(u, [TeamMember("张工", "组长", "示例公司"), TeamMember("李顾问", organisation="咨询")], who="张工")
    ws.set_na_subdomain(u, sd, "  本厂无此业务 ", who="张工")
    ws.set_plans(
        u,
        (
            Plan(
                pack.catalog[0].id, 2_000_000.0, "own", confirmed=("first-of-kind-certified", "first-of-kind-certified")
            ),
        ),
    )
    a = ws.load_assessment(u)
    assert a.scope.site == "一号厂房" and a.scope.documents == "台账"
    assert a.team == (TeamMember("张工", "组长", "示例公司"), TeamMember("李顾问", "", "咨询"))
    assert a.na_subdomains == {sd: "本厂无此业务"}
    assert a.plans[0].confirmed == ("first-of-kind-certified",)
    actions = [(x.action, x.item_id) for x in ws.audit(u)]
    assert actions == [("create", None), ("scope", None), ("team", None), ("na_subdomain", sd), ("plans", None)]
    na = ws.audit(u)[3]
    assert (na.old, na.new, na.who) == (None, "本厂无此业务", "张工")
    # the same again changes nothing and is not audited
    ws.set_scope(u, a.scope)
    ws.set_team(u, a.team)
    ws.set_na_subdomain(u, sd, "本厂无此业务")
    ws.set_plans(u, a.plans)
    assert len(ws.audit(u)) == 5
    ws.finalise(u)
    with pytest.raises(AssessmentFinal):
        ws.set_scope(u, Scope(site="别处"))
    with pytest.raises(AssessmentFinal):
        ws.set_na_subdomain(u, sd, None)
    assert ws.reopen(u) == 2
    b = ws.load_assessment(u)
    assert (b.scope, b.team, b.na_subdomains, b.plans) == (a.scope, a.team, a.na_subdomains, a.plans)
    assert b.status == "draft" and ws.load_assessment(u, 1).status == "final"
    ws.set_na_subdomain(u, sd, None)  # withdrawn
    assert ws.load_assessment(u).na_subdomains == {} and ws.load_assessment(u, 1).na_subdomains == {sd: "本厂无此业务"}


def test_invalid_scope_team_or_subdomain_is_refused_with_the_field_named(ws, pack):
    from diag_app.model.assessment import Scope, TeamMember

    u = new_assessment(ws, pack)
    with pytest.raises(AssessmentInvalid) as e:
        ws.set_scope(u, Scope(site="x" * 5000))
    assert e.value.problems[0].field == "assessment.scope.site"
    with pytest.raises(AssessmentInvalid) as e:
        ws.set_team(u, [TeamMember("")])
    assert e.value.problems[0].field == "assessment.team[0].name"
    with pytest.raises(AssessmentInvalid) as e:
        ws.set_na_subdomain(u, "no-such-subdomain", "原因")
    assert e.value.problems[0].key == "na.unknown_subdomain"
    a = ws.load_assessment(u)
    assert a.scope.is_empty() and a.team == () and a.na_subdomains == {}
    assert [x.action for x in ws.audit(u)] == ["create"]


def test_export_json_carries_format_2_fields_and_reads_back(tmp_path, pack):
    from diag_app.assessment_file import read_assessment_file

    ws, ids = filled_workspace(tmp_path / "workspace.db", pack, tmp_path / "files")
    out = tmp_path / "self.json"
    ws.export_json(ids["self"], out)
    _, a = read_assessment_file(out)
    mine = ws.load_assessment(ids["self"])
    assert (a.scope, a.team, a.na_subdomains, a.plans, a.status) == (
        mine.scope,
        mine.team,
        mine.na_subdomains,
        mine.plans,
        "draft",
    )
    assert a.plans[0].confirmed == ("first-of-kind-certified",) and a.team[0].role == "组长"
    ws.export_json(ids["self"], out, revision=1)
    assert read_assessment_file(out)[1].status == "final"
    ws.close()
