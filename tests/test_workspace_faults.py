"""Workspace faults (issue 19): a read-only place is not damage (no backup offered), a damaged
header or schema is (with the good backups), and a full disk ends in words, not a traceback,
leaving no half-written file."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store_support import enterprise_a, filled_workspace

from diag_app.cli import main
from diag_app.error_text import error_text
from diag_app.i18n import tr
from diag_app.store import DatabaseCorrupt, NotADatabase, StorageFailed, Workspace, WorkspaceReadOnly

ROOT = Path(__file__).parent.parent


@contextlib.contextmanager
def small_disk(tmp_path: Path, size: str = "4m") -> Iterator[Path]:
    """A real file system of its own (tmpfs), so it can be made read-only or full; needs root."""
    mnt = tmp_path / f"mnt-{uuid.uuid4().hex[:8]}"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.fail(f"cannot mount a tmpfs (run the tests as root, as CI does): {r.stderr!r}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _remount(mnt: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(mnt)], check=True)


needs_root = pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="mounting a file system needs root")


def _workspace(path: Path) -> None:
    ws = Workspace.open(path)
    ws.upsert_enterprise(enterprise_a())
    ws.backup_now("test")
    ws.close()


@needs_root
def test_a_read_only_workspace_is_not_called_damaged_and_no_backup_is_offered(tmp_path, capsys):
    with small_disk(tmp_path) as mnt:
        db = mnt / "workspace.db"
        _workspace(db)
        before = db.read_bytes()
        _remount(mnt, "ro")
        with pytest.raises(WorkspaceReadOnly) as e:
            Workspace.open(db)
        assert not isinstance(e.value, DatabaseCorrupt) and not hasattr(e.value, "backups")
        title, _, hint = error_text(e.value, "zh")
        assert title == tr("error.read_only_workspace", "zh") and "没有损坏" in hint
        assert main(["list", "--db", str(db), "--lang", "en"]) == 2
        err = capsys.readouterr().err
        assert "read-only" in err and "damaged" not in err.replace("not damaged", "")
        _remount(mnt, "rw")
        assert db.read_bytes() == before


def test_a_zeroed_header_is_damage_and_names_the_good_backups(tmp_path):
    db = tmp_path / "workspace.db"
    _workspace(db)
    data = bytearray(db.read_bytes())
    data[:100] = bytes(100)
    db.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt) as e:
        Workspace.open(db)
    assert e.value.backups and "header" in e.value.detail
    assert db.read_bytes() == bytes(data)  # left as it was
    other = tmp_path / "notes" / "workspace.db"  # somebody else's file, no backups: not ours
    other.parent.mkdir()
    other.write_text("not a database at all, and no backups beside it")
    with pytest.raises(NotADatabase):
        Workspace.open(other)


@pytest.mark.parametrize(
    "tamper, words",
    [
        ("PRAGMA user_version = 1", "schema version says 1"),
        ("DROP TABLE audit", "table audit is missing"),
        ("ALTER TABLE assessments DROP COLUMN scope", "column assessments.scope is missing"),
    ],
)
def test_a_tampered_schema_is_damage_not_a_traceback(tmp_path, capsys, tamper, words):
    db = tmp_path / "workspace.db"
    _workspace(db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(tamper)
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseCorrupt) as e:
        Workspace.open(db)
    assert words in e.value.detail and e.value.backups
    assert main(["list", "--db", str(db), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and words in err and "restore the newest good backup" in err


@needs_root
def test_exports_on_a_full_disk_end_in_words_and_leave_no_half_file(tmp_path, pack):
    ws, ids = filled_workspace(tmp_path / "ws" / "workspace.db", pack, tmp_path / "files")
    db = str(ws.path)
    ws.close()
    with small_disk(tmp_path, "64k") as mnt:
        (mnt / "filler").write_bytes(b"\0" * 60_000)
        for args in (
            ["export", "--out", str(mnt / "all.sfd"), "--all", "--db", db],
            ["export", "--out", str(mnt / "one.json"), ids["self"], "--db", db],
            ["export-xlsx", str(ROOT / "examples" / "automotive.json"), "-o", str(mnt / "plan.xlsx")],
            ["template", "--industry", "automotive", "-o", str(mnt / "t.json")],
        ):
            r = subprocess.run(
                [sys.executable, "-m", "diag_app", *args, "--lang", "en"],
                capture_output=True,
                text=True,
                timeout=120,
                cwd=ROOT,
            )
            assert r.returncode == 2, (args, r.stdout, r.stderr)
            assert "Traceback" not in r.stderr, r.stderr
            assert "no space left on the disk" in r.stderr or "disk is full" in r.stderr, r.stderr
            assert "No space left on device" not in r.stderr  # the system's English, not ours
            assert sorted(p.name for p in mnt.iterdir()) == ["filler"], args


def test_storage_errors_keep_their_kind(tmp_path):
    e = WorkspaceReadOnly(tmp_path / "ws.db")
    assert isinstance(e, StorageFailed)
    assert error_text(e, "en")[0] == tr("error.read_only_workspace", "en")
