"""Online backups of the workspace database and restoring one.

Backups are made with SQLite's backup API (a consistent copy even while another instance writes)
into a rotating folder, by default ``<db folder>/backups/``, named
``<db stem>-<UTC timestamp>-<reason>.db`` so the newest sorts first. A restore never deletes
anything: the file it replaces is moved aside, with its ``-wal``/``-shm`` companions.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from ..atomic import replacing
from ..errors import os_reason_msg
from .errors import DatabaseCorrupt, NotADatabase, StorageFailed, sqlite_reason

KEEP = 10
SQLITE_HEADER = b"SQLite format 3\x00"
_STAMP = "%Y%m%dT%H%M%S%fZ"
_STALE_TMP_SECONDS = 3600


def backups_dir_for(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(Path(db_path).stem) + r"-(\d{8}T\d{12}Z)-([a-z0-9-]+)\.db")


def backups(db_path: str | Path, backups_dir: Path | None = None) -> list[Path]:
    """The backups of ``db_path``, newest first."""
    db_path = Path(db_path)
    folder = Path(backups_dir) if backups_dir else backups_dir_for(db_path)
    if not folder.is_dir():
        return []
    pat = _pattern(db_path)
    found = []
    for p in folder.iterdir():
        m = pat.fullmatch(p.name)
        if m and p.is_file():
            found.append((m.group(1), p))
    return [p for _, p in sorted(found, reverse=True)]


def backup_time(backup: Path) -> datetime | None:
    m = re.search(r"-(\d{8}T\d{12}Z)-[a-z0-9-]+\.db$", backup.name)
    if not m:
        return None
    return datetime.strptime(m.group(1), _STAMP).replace(tzinfo=UTC)


def has_sqlite_header(path: Path) -> bool:
    """True for an SQLite file or an empty one (SQLite treats an empty file as a new database)."""
    with open(path, "rb") as f:
        head = f.read(len(SQLITE_HEADER))
    return head == SQLITE_HEADER or head == b""


def check_file(path: Path) -> str | None:
    """None when ``path`` is an SQLite database that passes ``PRAGMA quick_check``, else why not.
    Opens the file read-only and never changes it."""
    try:
        if not has_sqlite_header(path):
            return "not an SQLite database"
        uri = Path(path).absolute().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=5)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as e:
        return str(e)
    if rows != [("ok",)]:
        return "; ".join(str(r[0]) for r in rows[:5])
    return None


def good_backups(db_path: Path, backups_dir: Path | None = None) -> list[Path]:
    """The backups that pass an integrity check, newest first."""
    return [b for b in backups(db_path, backups_dir) if check_file(b) is None]


def make_backup(conn: sqlite3.Connection, db_path: Path, backups_dir: Path, reason: str, keep: int = KEEP) -> Path:
    """Copy the open database ``conn`` into ``backups_dir`` and drop all but the newest ``keep``.
    The copy appears under its final name only once complete."""
    db_path = Path(db_path)
    name = f"{db_path.stem}-{datetime.now(UTC).strftime(_STAMP)}-{reason}.db"
    try:
        backups_dir.mkdir(parents=True, exist_ok=True)
        _remove_stale_tmp(backups_dir)
        final = backups_dir / name
        with replacing(final, suffix=".tmp") as tmp:
            dst = sqlite3.connect(tmp, isolation_level=None)
            try:
                conn.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        for old in backups(db_path, backups_dir)[keep:]:
            old.unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as e:
        raise StorageFailed(backups_dir, os_reason_msg(e) if isinstance(e, OSError) else sqlite_reason(e)) from e
    return final


def _remove_stale_tmp(folder: Path) -> None:
    now = datetime.now().timestamp()
    for p in folder.glob(".*.tmp"):
        try:
            if now - p.stat().st_mtime > _STALE_TMP_SECONDS:
                p.unlink()
        except OSError:
            pass


def daily_backup_due(db_path: Path, backups_dir: Path) -> bool:
    """True when no backup was made today (local calendar day)."""
    existing = backups(db_path, backups_dir)
    if not existing:
        return True
    t = backup_time(existing[0])
    return t is None or t.astimezone().date() != datetime.now().astimezone().date()


def restore_backup(backup: str | Path, db_path: str | Path) -> Path | None:
    """Put ``backup`` in place of ``db_path``. No workspace may have ``db_path`` open.

    The file being replaced (typically a corrupt one) is moved aside as
    ``<name>.broken-<timestamp>`` together with its ``-wal``/``-shm`` files — a stale WAL left
    beside the restored file would otherwise be replayed into it. Returns where the old file went
    (None if there was none)."""
    backup, db_path = Path(backup), Path(db_path)
    why = check_file(backup)
    if why is not None:
        if backup.exists() and not has_sqlite_header(backup):
            raise NotADatabase(backup)
        raise DatabaseCorrupt(backup, why, [])
    stamp = datetime.now(UTC).strftime(_STAMP)
    aside = db_path.with_name(f"{db_path.name}.broken-{stamp}")
    moved = None
    try:
        if db_path.exists():
            os.replace(db_path, aside)
            moved = aside
        for suffix in ("-wal", "-shm", "-journal"):
            companion = db_path.with_name(db_path.name + suffix)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + suffix))
        db_path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(db_path, suffix=".tmp") as tmp:
            shutil.copyfile(backup, tmp)
    except OSError as e:
        raise StorageFailed(db_path, os_reason_msg(e)) from e
    return moved
