"""The connection to a workspace database: opening it safely, transactions, and turning SQLite's
errors into the store's own (``errors.py``).

Safety in a few lines:
- every change is one short ``BEGIN IMMEDIATE`` transaction (autosave per answer); a second
  instance waits for the lock up to ``timeout`` seconds, then gets ``DatabaseLocked``;
- WAL mode, ``synchronous=FULL``, foreign keys on;
- on open: the file is checked (never opened as SQLite if it is not one), ``PRAGMA quick_check``
  when it is worth its cost (see ``Connection._check_due``), migrations (each preceded by an online
  backup) and a daily backup, rotating, keep 10.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from sqlite_utils import Database
from sqlite_utils.db import Table

from ..errors import Msg, os_reason_msg
from .backup import (
    backups_dir_for,
    daily_backup_due,
    good_backups,
    has_sqlite_header,
    make_backup,
)
from .errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    NotADatabase,
    SchemaTooNew,
    StorageFailed,
    StoreError,
    WorkspaceReadOnly,
    sqlite_reason,
)
from .migrations import APPLICATION_ID, LATEST, migrate, schema_problem, schema_version

DEFAULT_TIMEOUT = 10.0
# ``PRAGMA quick_check`` reads the whole file (~50 MB/s here): below this size it costs under a
# second and runs on every open; above it, see ``Connection._check_due``.
QUICK_CHECK_ALWAYS_BELOW = 64 * 1024 * 1024


def _read_only(path: Path) -> bool:
    """Whether ``path`` is on a read-only file system, or may not be written by this user."""
    with suppress(OSError, AttributeError):
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return True
    return not os.access(path, os.W_OK)


def _zeroed_header(path: Path) -> bool:
    """The first 100 bytes (SQLite's header) all zero: what a crashed disk write leaves."""
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError:
        return False
    return len(head) == 100 and not any(head)


def _damage(e: sqlite3.DatabaseError) -> bool:
    """Whether SQLite's error says the file itself is damaged (not: busy, read-only, cannot be
    opened, an I/O error of the disk)."""
    msg = str(e).lower()
    if isinstance(e, sqlite3.OperationalError):
        return "malformed" in msg or "no such table" in msg
    return not any(s in msg for s in ("locked", "busy", "readonly", "read-only", "unable to open", "disk i/o"))


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def to_json(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True)


def last_id(t: Table) -> int:
    pk = t.last_pk
    assert pk is not None
    return int(pk)


class Connection:
    """An open workspace database. Safe to share between the GUI thread and one background worker:
    calls are serialised by a lock. Open with ``Workspace.open(path)``."""

    def __init__(self, path: Path, conn: sqlite3.Connection, backups_dir: Path, timeout: float):
        self.path = path
        self.conn = conn
        self.db = Database(conn)
        self.backups_dir = backups_dir
        self.timeout = timeout
        self.warnings: list[StoreError] = []  # problems that did not stop the opening (daily backup)
        self._lock = threading.RLock()
        self._data_version = 0  # the last PRAGMA data_version read (see data_version())

    # --- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, backups_dir: Path | None = None, timeout: float = DEFAULT_TIMEOUT) -> Self:
        """Open the workspace at ``path``, creating it if missing.

        Raises NotADatabase (the file is something else; it is not touched), DatabaseCorrupt (with
        the good backups, newest first), SchemaTooNew, DatabaseLocked or StorageFailed."""
        path = Path(path).expanduser().absolute()
        bdir = Path(backups_dir) if backups_dir else backups_dir_for(path)
        try:
            if path.exists():
                if not path.is_file():
                    raise NotADatabase(path)
                if not has_sqlite_header(path):
                    # our workspace with a damaged header (it has backups here, or its first page
                    # was zeroed), or somebody else's file that must be left alone
                    found = good_backups(path, bdir)
                    if found or _zeroed_header(path):
                        raise DatabaseCorrupt(path, "the file header is damaged", found)
                    raise NotADatabase(path)
                if _read_only(path):
                    raise WorkspaceReadOnly(path)
            else:
                if path.parent.exists() and _read_only(path.parent):
                    raise WorkspaceReadOnly(path)
                path.parent.mkdir(parents=True, exist_ok=True)
            wal = Path(f"{path}-wal")
            unclean = wal.exists() and wal.stat().st_size > 0  # the last session did not close it
            conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None, check_same_thread=False)
        except OSError as e:
            if e.errno == errno.EROFS:
                raise WorkspaceReadOnly(path) from e
            raise StorageFailed(path, os_reason_msg(e)) from e
        except sqlite3.Error as e:
            raise StorageFailed(path, sqlite_reason(e)) from e
        ws = cls(path, conn, bdir, timeout)
        try:
            ws._prepare(unclean)
        except BaseException:
            conn.close()
            raise
        return ws

    def _check_due(self, version: int, unclean: bool) -> bool:
        """Whether to read the whole file with ``PRAGMA quick_check`` now: always for a file small
        enough to check in under a second; for a big one (15 s for 800 MB) only when damage is
        likely or would spread — after an unclean shutdown, before a migration or the day's first
        backup (a backup of a damaged file is no backup). Damage met later still surfaces as
        ``DatabaseCorrupt`` from the query that meets it."""
        try:
            small = self.path.stat().st_size < QUICK_CHECK_ALWAYS_BELOW
        except OSError:
            small = True
        return small or unclean or 0 < version < LATEST or daily_backup_due(self.path, self.backups_dir)

    def _prepare(self, unclean: bool = False) -> None:
        conn = self.conn
        with self._sqlite_errors():
            conn.execute("PRAGMA foreign_keys = ON")
            try:
                version = schema_version(conn)
                rows = conn.execute("PRAGMA quick_check").fetchall() if self._check_due(version, unclean) else [("ok",)]
            except sqlite3.DatabaseError as e:
                if not _damage(e):  # locked, read-only, cannot open, I/O: the file is not at fault
                    raise
                raise DatabaseCorrupt(self.path, str(e), good_backups(self.path, self.backups_dir)) from e
            if rows != [("ok",)]:
                detail = "; ".join(str(r[0]) for r in rows[:5])
                raise DatabaseCorrupt(self.path, detail, good_backups(self.path, self.backups_dir))
            if version > LATEST:
                raise SchemaTooNew(self.path, version, LATEST)
            wrong = schema_problem(conn, version) if version > 0 else None
            if wrong:  # a table dropped, or a version number that does not match the tables
                raise DatabaseCorrupt(self.path, wrong, good_backups(self.path, self.backups_dir))
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if version > 0 and app_id != APPLICATION_ID:
                raise NotADatabase(self.path)
            if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise NotADatabase(self.path)  # somebody else's SQLite file: leave it alone
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            # Up to 64 MB of pages kept between queries (default 2 MB): listing 10,000 enterprises
            # touches ~10,000 scattered pages of assessments and summaries (160 → 120 ms warm).
            conn.execute("PRAGMA cache_size = -65536")

            def before(current: int, nxt: int) -> None:
                if version > 0:  # a file that was new when opened has nothing to lose
                    make_backup(conn, self.path, self.backups_dir, f"pre-v{nxt}")

            migrated = migrate(self.db, before_each=before)
            if version > 0 and not migrated and daily_backup_due(self.path, self.backups_dir):
                try:
                    make_backup(conn, self.path, self.backups_dir, "daily")
                except StorageFailed as e:
                    self.warnings.append(e)
            self._data_version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        self._opened()

    def _opened(self) -> None:
        """Work due once the database is open and migrated (``Records`` computes the missing
        list summaries)."""

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def data_version(self) -> int:
        """A number that changes when another connection (another window, the CLI's ``import
        --db``) has committed a change to this workspace since the last call; this connection's
        own changes leave it as it is (SQLite's ``PRAGMA data_version``). Cheap enough to poll
        every second or two: compare with the value read last time and refresh the lists when it
        differs."""
        if not self._lock.acquire(blocking=False):
            # a background task of this window (an import, a rescoring) holds the connection: the
            # GUI thread must not wait for it. Other programs' commits accumulate in the number and
            # show at the next call once the task is done.
            return self._data_version
        try:
            with self._sqlite_errors():
                self._data_version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        finally:
            self._lock.release()
        return self._data_version

    def backup_now(self, reason: str = "manual") -> Path:
        """Make a backup now (e.g. from the File menu)."""
        with self._lock:
            return make_backup(self.conn, self.path, self.backups_dir, reason)

    # --- transactions ----------------------------------------------------------------------

    @contextmanager
    def _sqlite_errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.IntegrityError:
            raise
        except sqlite3.OperationalError as e:
            msg = str(e).lower()
            if "locked" in msg or "busy" in msg:
                raise DatabaseLocked(self.path, self.timeout) from e
            if "readonly" in msg or "read-only" in msg:
                raise WorkspaceReadOnly(self.path) from e
            if isinstance(reason := sqlite_reason(e), Msg):  # a full disk, an I/O error, cannot open
                raise StorageFailed(self.path, reason) from e
            if "no such table" in msg or "no such column" in msg:  # the schema was tampered with
                raise DatabaseCorrupt(self.path, str(e), good_backups(self.path, self.backups_dir)) from e
            raise
        except sqlite3.DatabaseError as e:
            msg = str(e).lower()
            if "malformed" in msg or "not a database" in msg:
                raise DatabaseCorrupt(self.path, str(e), good_backups(self.path, self.backups_dir)) from e
            raise

    @contextmanager
    def _tx(self, write: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction: BEGIN IMMEDIATE for writes (waits for the write lock up to the busy
        timeout, so a read-modify-write can never lose another instance's update), a plain BEGIN
        (one consistent snapshot) for reads."""
        with self._lock, self._sqlite_errors():
            self.conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    with suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                raise

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, params)
        keys = [d[0] for d in cur.description]
        return [dict(zip(keys, r, strict=True)) for r in cur.fetchall()]

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None
