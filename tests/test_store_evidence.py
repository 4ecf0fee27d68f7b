"""Evidence taken off, replaced, put back and opened: what a user notices. A removal can always be
undone while it is in the bin (its file is kept); a file is only removed from disk when nothing
refers to it any more; a final revision refuses every change; a damaged file is never handed out."""

from __future__ import annotations

import os
import stat

import pytest
from test_store_support import enterprise_a, items

from diag_app.error_text import error_text
from diag_app.store import (
    AssessmentFinal,
    EvidenceDamaged,
    EvidenceMissing,
    EvidenceNotAttached,
    NotInBin,
    Workspace,
)


@pytest.fixture
def ws(tmp_path):
    w = Workspace.open(tmp_path / "ws" / "workspace.db")
    yield w
    w.close()


@pytest.fixture
def files(tmp_path):
    d = tmp_path / "files"
    d.mkdir()
    old = d / "设备台账.xlsx"
    old.write_bytes(b"PK\x03\x04 ledger v1 " * 40)
    new = d / "设备台账-2026.xlsx"
    new.write_bytes(b"PK\x03\x04 ledger v2 " * 40)
    return old, new


def stored_files(ws) -> set[str]:
    return {p.name for p in ws.evidence_dir.rglob("*") if p.is_file() and len(p.name) == 64}


def listed(ws, u):
    return [(e.item_id, e.name, e.sha256) for e in ws.list_evidence(u)]


def test_a_removed_file_leaves_the_answer_but_undo_puts_it_back_with_its_file(ws, pack, files):
    u = ws.create_assessment(enterprise_a(), pack.id, pack.version)
    item = items(pack, "requirement")[0]
    row = ws.add_evidence(u, item, files[0], who="张工")

    change = ws.remove_evidence(u, item, row.sha256, who="李顾问")
    assert listed(ws, u) == []
    assert ws.evidence_path(row.sha256).read_bytes() == files[0].read_bytes()  # kept for the undo
    files[0].unlink()  # the original is gone too: the undo must not need it

    redo = ws.undo_evidence(change, who="李顾问")
    assert [(e.item_id, e.name, e.added) for e in ws.list_evidence(u)] == [(item, "设备台账.xlsx", row.added)]
    assert ws.evidence_file(u, item, row.sha256).read_bytes() == b"PK\x03\x04 ledger v1 " * 40
    # redo takes it off again, and undoing that puts it back again
    again = ws.undo_evidence(redo)
    assert listed(ws, u) == []
    ws.undo_evidence(again)
    assert listed(ws, u) == [(item, "设备台账.xlsx", row.sha256)]
    trail = [(a.action, a.who, a.old and a.old["name"], a.new and a.new["name"]) for a in ws.audit(u)[1:]]
    assert trail == [
        ("evidence", "张工", None, "设备台账.xlsx"),
        ("evidence", "李顾问", "设备台账.xlsx", None),
        ("evidence", "李顾问", None, "设备台账.xlsx"),
        ("evidence", "", "设备台账.xlsx", None),
        ("evidence", "", None, "设备台账.xlsx"),
    ]


def test_replace_is_one_step_and_one_undo(ws, pack, files):
    u = ws.create_assessment(enterprise_a(), pack.id, pack.version)
    item = items(pack, "requirement")[0]
    old = ws.add_evidence(u, item, files[0])
    change = ws.replace_evidence(u, item, old.sha256, files[1], who="张工")
    assert change.row is not None and change.row.name == "设备台账-2026.xlsx"
    assert listed(ws, u) == [(item, "设备台账-2026.xlsx", change.row.sha256)]
    last = ws.audit(u)[-1]
    assert (last.action, last.old["name"], last.new["name"]) == ("evidence", "设备台账.xlsx", "设备台账-2026.xlsx")

    redo = ws.undo_evidence(change)
    assert listed(ws, u) == [(item, "设备台账.xlsx", old.sha256)]
    assert stored_files(ws) == {old.sha256, change.row.sha256}  # the new one kept for the redo
    files[1].unlink()
    ws.undo_evidence(redo)
    assert listed(ws, u) == [(item, "设备台账-2026.xlsx", change.row.sha256)]


def test_replacing_a_file_by_the_same_content_changes_nothing(ws, pack, files, tmp_path):
    u = ws.create_assessment(enterprise_a(), pack.id, pack.version)
    item = items(pack, "requirement")[0]
    old = ws.add_evidence(u, item, files[0])
    same = tmp_path / "copy.xlsx"
    same.write_bytes(files[0].read_bytes())
    n_audit = len(ws.audit(u))
    change = ws.replace_evidence(u, item, old.sha256, same)
    assert change.empty and listed(ws, u) == [(item, "设备台账.xlsx", old.sha256)]
    assert len(ws.audit(u)) == n_audit


def test_a_final_revision_refuses_every_evidence_change(ws, pack, files):
    u = ws.create_assessment(enterprise_a(), pack.id, pack.version)
    item = items(pack, "requirement")[0]
    old = ws.add_evidence(u, item, files[0])
    change = ws.remove_evidence(u, item, old.sha256)
    ws.undo_evidence(change)
    ws.finalise(u)
    before = listed(ws, u)
    with pytest.raises(AssessmentFinal):
        ws.remove_evidence(u, item, old.sha256)
    with pytest.raises(AssessmentFinal):
        ws.replace_evidence(u, item, old.sha256, files[1])
    with pytest.raises(AssessmentFinal):
        ws.add_evidence(u, item, files[1])
    assert listed(ws, u) == before
    assert stored_files(ws) == {old.sha256}  # refused before the new file was copied in
    # reopening gives a draft that may change; the final revision keeps its file
    ws.reopen(u)
    change = ws.remove_evidence(u, item, old.sha256)
    assert listed(ws, u) == [] and [e.name for e in ws.list_evidence(u, revision=1)] == ["设备台账.xlsx"]
    ws.finalise(u)
    with pytest.raises(AssessmentFinal):
        ws.undo_evidence(change)


def test_purging_a_removal_deletes_the_file_only_when_nothing_refers_to_it(ws, pack, files):
    u = ws.create_assessment(enterprise_a(), pack.id, pack.version)
    req = items(pack, "requirement")
    shared = ws.add_evidence(u, req[0], files[0])
    ws.add_evidence(u, req[1], files[0])  # the same file on a second answer
    alone = ws.add_evidence(u, req[2], files[1])
    first = ws.remove_evidence(u, req[0], shared.sha256)
    only = ws.remove_evidence(u, req[2], alone.sha256)
    entries = {(r.kind, r.name, r.item_id) for r in ws.list_deleted()}
    assert entries == {("evidence", "设备台账.xlsx", req[0]), ("evidence", "设备台账-2026.xlsx", req[2])}

    assert ws.purge("evidence", str(first.removed[0])).files == 0  # still on req[1]
    assert ws.purge("evidence", str(only.removed[0])).files == 1
    assert stored_files(ws) == {shared.sha256}
    assert ws.list_deleted() == []
    with pytest.raises(NotInBin):
        ws.undo_evidence(only)  # purged: no way back, and it says so
    assert listed(ws, u) == [(req[1], "设备台账.xlsx", shared.sha256)]


def test_a_file_an_earlier_revision_refers_to_is_kept_when_its_removal_is_purged(ws, pack, files):
    u = ws.create_assessment(enterprise_a(), pack.id, pack.version)
    item = items(pack, "requirement")[0]
    row = ws.add_evidence(u, item, files[0])
    ws.finalise(u)
    ws.reopen(u)
    change = ws.remove_evidence(u, item, row.sha256)
    ws.purge("evidence", str(change.removed[0]))
    assert stored_files(ws) == {row.sha256}
    assert ws.evidence_file(u, item, row.sha256, revision=1).read_bytes() == files[0].read_bytes()


def test_a_damaged_or_missing_file_is_named_and_never_handed_out(ws, pack, files):
    u = ws.create_assessment(enterprise_a(), pack.id, pack.version)
    item = items(pack, "requirement")[0]
    row = ws.add_evidence(u, item, files[0])
    path = ws.evidence_file(u, item, row.sha256)
    assert path == ws.evidence_path(row.sha256) and not os.access(path, os.X_OK)

    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    path.write_bytes(b"MZ tampered")
    with pytest.raises(EvidenceDamaged) as e:
        ws.evidence_file(u, item, row.sha256)
    for lang in ("zh", "en"):
        title, detail, hint = error_text(e.value, lang)
        assert "设备台账.xlsx" in detail and str(path) in detail and title and hint
    assert "not opened" in error_text(e.value, "en")[0]

    path.unlink()
    with pytest.raises(EvidenceMissing) as missing:
        ws.evidence_file(u, item, row.sha256)
    assert not isinstance(missing.value, EvidenceDamaged)
    with pytest.raises(EvidenceNotAttached):
        ws.evidence_file(u, items(pack, "requirement")[1], row.sha256)
    with pytest.raises(EvidenceNotAttached):
        ws.remove_evidence(u, items(pack, "requirement")[1], row.sha256)


def test_an_undo_whose_file_was_damaged_meanwhile_is_refused_and_changes_nothing(ws, pack, files):
    u = ws.create_assessment(enterprise_a(), pack.id, pack.version)
    item = items(pack, "requirement")[0]
    row = ws.add_evidence(u, item, files[0])
    change = ws.remove_evidence(u, item, row.sha256)
    path = ws.evidence_path(row.sha256)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    path.write_bytes(b"not the file")
    with pytest.raises(EvidenceDamaged):
        ws.undo_evidence(change)
    assert listed(ws, u) == [] and [r.kind for r in ws.list_deleted()] == ["evidence"]
    # attaching the original again repairs the stored copy; then the undo works
    ws.add_evidence(u, items(pack, "requirement")[1], files[0])
    ws.undo_evidence(change)
    assert (item, "设备台账.xlsx", row.sha256) in listed(ws, u)


def test_attaching_is_undone_and_redone_without_the_original_file(ws, pack, files):
    u = ws.create_assessment(enterprise_a(), pack.id, pack.version)
    item = items(pack, "requirement")[0]
    change = ws.attach_evidence(u, item, files[0], who="张工")
    assert change.row is not None and listed(ws, u) == [(item, "设备台账.xlsx", change.row.sha256)]
    again = ws.attach_evidence(u, item, files[0])  # already there: nothing to undo
    assert again.empty
    ws.undo_evidence(again)
    assert len(listed(ws, u)) == 1
    redo = ws.undo_evidence(change)
    assert listed(ws, u) == []
    files[0].unlink()
    ws.undo_evidence(redo)
    assert listed(ws, u) == [(item, "设备台账.xlsx", change.row.sha256)]
