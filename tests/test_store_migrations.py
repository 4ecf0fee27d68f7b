"""A database written by any earlier schema version opens in this one with every row kept.

tests/fixtures/db/schema-v<N>.db is a database as version N left it (made by make_fixtures.py
when N shipped, never regenerated)."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from diag_app.store import Workspace, backups
from diag_app.store.migrations import LATEST, MIGRATIONS, migrate, schema_version

FIXTURES = Path(__file__).parent / "fixtures" / "db"
VERSIONS = sorted(int(m.group(1)) for p in FIXTURES.glob("schema-v*.db") if (m := re.search(r"v(\d+)", p.name)))


def _tables(path: Path) -> dict[str, tuple[list[str], set[tuple]]]:
    conn = sqlite3.connect(path)
    try:
        out = {}
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for name in names:
            if name.startswith("sqlite_"):
                continue
            cur = conn.execute(f'SELECT * FROM "{name}"')
            out[name] = ([d[0] for d in cur.description], set(cur.fetchall()))
        return out
    finally:
        conn.close()


def test_there_is_a_fixture_for_every_schema_version():
    assert list(range(1, LATEST + 1)) == VERSIONS, "add tests/fixtures/db/schema-v<N>.db (make_fixtures.py)"


@pytest.mark.parametrize("version", VERSIONS)
def test_an_old_database_opens_with_every_row_kept(version, tmp_path, pack):
    path = tmp_path / "workspace.db"
    shutil.copyfile(FIXTURES / f"schema-v{version}.db", path)
    before = _tables(path)
    ws = Workspace.open(path)
    assert schema_version(ws.conn) == LATEST
    ws.close()
    after = _tables(path)
    for table, (cols, rows) in before.items():
        assert table in after, table
        new_cols, new_rows = after[table]
        idx = [new_cols.index(c) for c in cols]
        kept = {tuple(r[i] for i in idx) for r in new_rows}
        if table in ("summaries", "packed_answers"):  # derived: may be recomputed, no revision loses its row
            assert {r[0] for r in rows} <= {r[0] for r in new_rows}
            continue
        assert rows <= kept, f"{table}: rows lost"
        assert len(new_rows) == len(rows), f"{table}: rows added by the migration"

    ws = Workspace.open(path)
    try:
        # what a version with the recycle bin left in it comes back whole (its files are not here)
        for entry in ws.list_deleted():
            if entry.kind != "evidence":
                ws.restore(entry.kind, entry.key)
        # the app can use every row: revisions, answers of every kind, evidence, audit, lists
        cols = before["assessments"][0]
        uuids = {r[cols.index("uuid")] for r in before["assessments"][1]}
        n_answers = 0
        for u in uuids:
            for row in ws.revisions(u):
                a = ws.load_assessment(u, row.revision)
                n_answers += len(a.answers)
                assert row.tier is not None and row.total  # summaries computed after the migration
        assert n_answers == len(before["answers"][1])
        u1 = "0b0e6f8e-3f2a-4c55-9d7e-1a2b3c4d5e01"
        r1 = ws.load_assessment(u1, 1)
        assert r1.value("OS.1.03") == "na" and r1.value("cond.no-incident") is True
        assert r1.answers["OS.2.01"].value is None and r1.answers["OS.2.01"].note == "待确认"
        assert r1.plans[0].financing == "loan"
        assert [e.name for e in ws.list_evidence(u1, revision=1)] == ["制度.txt"]
        assert [x.action for x in ws.audit(u1)][:4] == ["create", "answer", "finalise", "reopen"]
        assert {(r.mode, r.assessor) for r in ws.list_assessments()} >= {("self", "张工"), ("onsite", "李顾问")}
        listed = ws.list_enterprises()
        assert len(listed) == 2
        for e in listed:  # each enterprise's latest assessment, found for the rows the migration met
            assert e.latest_uuid == ws.list_assessments(e.credit_code)[0].uuid and e.latest_tier is not None
        assert ws.reopen(u1) == 2  # already a draft: keep working on it
        ws.set_answer(u1, "OS.1.02", 1.0)
    finally:
        ws.close()
    if version < LATEST:
        made = backups(path)
        assert made and made[-1].name.endswith(f"-pre-v{version + 1}.db")
        with sqlite3.connect(made[-1]) as conn:
            assert schema_version(conn) == version


def test_an_interrupted_migration_leaves_the_previous_version(tmp_path, monkeypatch):
    path = tmp_path / "workspace.db"
    conn = sqlite3.connect(path, isolation_level=None)
    from sqlite_utils import Database

    db = Database(conn)
    migrate(db, target=1)

    def broken(db):
        db.table("half").create({"id": int}, pk="id")
        raise RuntimeError("power cut")

    monkeypatch.setattr("diag_app.store.migrations.MIGRATIONS", [MIGRATIONS[0], broken])
    with pytest.raises(RuntimeError):
        migrate(db)
    assert schema_version(conn) == 1
    assert not db.table("half").exists()
    conn.close()


def test_format_2_fields_read_as_nothing_recorded_before_migration_4_and_as_stored_after(tmp_path, pack):
    from diag_app.model.assessment import Scope

    u1 = "0b0e6f8e-3f2a-4c55-9d7e-1a2b3c4d5e01"
    for version in (3, 4):
        path = tmp_path / f"v{version}" / "workspace.db"
        path.parent.mkdir()
        shutil.copyfile(FIXTURES / f"schema-v{version}.db", path)
        sha = hashlib.sha256(b"hello\n").hexdigest()  # the fixture's one evidence file
        (path.parent / "evidence" / sha[:2]).mkdir(parents=True)
        (path.parent / "evidence" / sha[:2] / sha).write_bytes(b"hello\n")
        ws = Workspace.open(path)
        try:
            r1, r2 = ws.load_assessment(u1, 1), ws.load_assessment(u1, 2)
            assert (r1.status, r2.status) == ("final", "draft")
            assert (r1.scope, r1.team, r1.na_subdomains, r1.plans[0].confirmed) == (Scope(), (), {}, ())
            if version == 3:
                assert (r2.scope, r2.team, r2.na_subdomains) == (Scope(), (), {})
            else:
                assert r2.scope.site == "嘉定工厂一号厂房" and [m.name for m in r2.team] == ["张工", "李顾问"]
                assert r2.na_subdomains == {"information-security": "单机生产，无联网系统"}
                assert r2.plans[0].confirmed == ("first-set",)
            out = tmp_path / f"v{version}.sfd"
            ws.export_bundle(out, [u1])
        finally:
            ws.close()
        dest = Workspace.open(tmp_path / f"d{version}" / "workspace.db")
        try:
            assert dest.import_files([out]).ok
            assert dest.load_assessment(u1, 2) == _load_from(path, u1, 2)
        finally:
            dest.close()


def _load_from(path, uuid, revision):
    ws = Workspace.open(path)
    try:
        return ws.load_assessment(uuid, revision)
    finally:
        ws.close()
