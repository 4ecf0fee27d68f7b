"""The workspace: one SQLite database (through sqlite-utils) holding enterprises, assessments with
their revisions, answers, evidence and the audit trail. Nothing outside ``diag_app.store`` writes SQL.

Safety in a few lines:
- every change is one short ``BEGIN IMMEDIATE`` transaction (autosave per answer); a second
  instance waits for the lock up to ``timeout`` seconds, then gets ``DatabaseLocked``;
- WAL mode, ``synchronous=FULL``, foreign keys on;
- on open: the file is checked (never opened as SQLite if it is not one), ``PRAGMA quick_check``
  when it is worth its cost (see ``Workspace._check_due``), migrations (each preceded by an online
  backup) and a daily backup, rotating, keep 10;
- scores in the lists are a cache (table ``summaries``) recomputed from the answers and the pack
  the assessment was made with; the answers are the source of truth.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import stat
import tempfile
import threading
import uuid as uuidlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from sqlite_utils import Database
from sqlite_utils.db import Table

from .. import app_version
from ..assessment_file import write_json_atomic
from ..collector import collector_paused
from ..model.assessment import (
    MODES,
    NA,
    Answer,
    Assessment,
    AssessmentInvalid,
    Enterprise,
    Plan,
    Problem,
    assessment_to_data,
    credit_code_problem,
    parse_plans,
    validate_enterprise,
    validate_value,
)
from ..model.questionnaire import Pack
from ..progress import Progress
from . import bundle as bundlemod
from .backup import (
    backups_dir_for,
    daily_backup_due,
    good_backups,
    has_sqlite_header,
    make_backup,
)
from .errors import (
    AssessmentFinal,
    AssessmentNotFound,
    BundleRejected,
    DatabaseCorrupt,
    DatabaseLocked,
    EvidenceMissing,
    EvidenceTooLarge,
    NotADatabase,
    SchemaTooNew,
    StorageFailed,
    StoreError,
)
from .migrations import APPLICATION_ID, LATEST, migrate, schema_version
from .summaries import Summary, current_values, pack_for, packed, summarise, summary_of, values_of

EVIDENCE_LIMIT = 50 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0
# ``PRAGMA quick_check`` reads the whole file (~50 MB/s here): below this size it costs under a
# second and runs on every open; above it, see ``Workspace._check_due``.
QUICK_CHECK_ALWAYS_BELOW = 64 * 1024 * 1024
STATUSES = ("draft", "final")
_SHA = re.compile(r"[0-9a-f]{64}")


def default_db_path() -> Path:
    """The workspace used when no ``--db`` is given: the platform's user data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("diag-app", appauthor=False)) / "workspace.db"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _json(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True)


# --- rows handed to the GUI and CLI ---------------------------------------------------------


class EnterpriseRow(NamedTuple):
    """One line of the enterprise list. A named tuple, not a dataclass: the list makes 10,000 of
    them at a time, straight from the query's tuples."""

    name: str
    credit_code: str
    industry: str
    path: str | None
    district: str
    employees: int | None
    latest_uuid: str | None  # the enterprise's most recent assessment (latest revision)
    latest_tier: str | None  # None: never assessed, or no summary (pack not installed)
    latest_score: float | None
    latest_level: int | None
    last_assessed: str | None  # the assessment date, or the day it was last changed
    status: str | None  # "draft" / "final" of that assessment


@dataclass(frozen=True)
class AssessmentRow:
    uuid: str
    revision: int
    status: str
    mode: str
    assessor: str
    date: str
    created: str
    updated: str
    enterprise_name: str
    credit_code: str
    industry: str
    pack_id: str
    pack_version: str
    tier: str | None
    score: float | None
    level: int | None
    answered: int | None
    total: int | None


@dataclass(frozen=True)
class EvidenceRow:
    sha256: str
    item_id: str
    name: str
    size: int
    added: str


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    who: str
    revision: int
    action: str  # create, answer, plans, finalise, reopen, evidence, enterprise, import
    item_id: str | None
    old: Any
    new: Any


@dataclass(frozen=True)
class ImportedItem:
    file: str
    uuid: str
    revision: int
    enterprise_name: str
    credit_code: str
    mode: str
    assessor: str
    status: str
    differs: bool = False  # skipped although its content differs from the revision already here


@dataclass
class ImportSummary:
    added: list[ImportedItem] = field(default_factory=list)  # assessments new to this workspace
    skipped: list[ImportedItem] = field(default_factory=list)  # same uuid and revision already here
    new_revisions: list[ImportedItem] = field(default_factory=list)  # known uuid, new revision
    rejected: list[tuple[str, BundleRejected]] = field(default_factory=list)  # (file, why): nothing imported

    @property
    def ok(self) -> bool:
        return not self.rejected


_ROW_SQL = """
SELECT a.*, s.tier AS s_tier, s.score AS s_score, s.level AS s_level,
       s.answered AS s_answered, s.total AS s_total
FROM assessments a LEFT JOIN summaries s ON s.assessment_id = a.id
"""
_LATEST = "a.revision = (SELECT MAX(b.revision) FROM assessments b WHERE b.uuid = a.uuid)"


def _assessment_row(r: dict[str, Any]) -> AssessmentRow:
    return AssessmentRow(
        uuid=r["uuid"],
        revision=r["revision"],
        status=r["status"],
        mode=r["mode"],
        assessor=r["assessor"],
        date=r["date"],
        created=r["created"],
        updated=r["updated"],
        enterprise_name=r["enterprise_name"],
        credit_code=r["credit_code"],
        industry=r["industry"],
        pack_id=r["pack_id"],
        pack_version=r["pack_version"],
        tier=r["s_tier"],
        score=r["s_score"],
        level=r["s_level"],
        answered=r["s_answered"],
        total=r["s_total"],
    )


def _enterprise_problems(e: Enterprise, pack: Pack | None) -> list[Problem]:
    data = {
        "name": e.name,
        "credit_code": e.credit_code,
        "industry": e.industry,
        "path": e.path,
        "district": e.district,
        "employees": e.employees,
    }
    if pack is not None:
        return validate_enterprise(pack, data)
    problems = []
    if not isinstance(e.name, str) or not e.name.strip():
        problems.append(Problem("enterprise.name", "enterprise.name"))
    key = credit_code_problem(e.credit_code)
    if key:
        problems.append(Problem("enterprise.credit_code", key, {"code": e.credit_code}))
    return problems


class Workspace:
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

    # --- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, backups_dir: Path | None = None, timeout: float = DEFAULT_TIMEOUT) -> Workspace:
        """Open the workspace at ``path``, creating it if missing.

        Raises NotADatabase (the file is something else; it is not touched), DatabaseCorrupt (with
        the good backups, newest first), SchemaTooNew, DatabaseLocked or StorageFailed."""
        path = Path(path).expanduser().absolute()
        bdir = Path(backups_dir) if backups_dir else backups_dir_for(path)
        try:
            if path.exists():
                if not path.is_file() or not has_sqlite_header(path):
                    raise NotADatabase(path)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
            wal = Path(f"{path}-wal")
            unclean = wal.exists() and wal.stat().st_size > 0  # the last session did not close it
            conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None, check_same_thread=False)
        except OSError as e:
            raise StorageFailed(path, e.strerror or str(e)) from e
        except sqlite3.Error as e:
            raise StorageFailed(path, str(e)) from e
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
                if isinstance(e, sqlite3.OperationalError) and "locked" in str(e).lower():
                    raise
                raise DatabaseCorrupt(self.path, str(e), good_backups(self.path, self.backups_dir)) from e
            if rows != [("ok",)]:
                detail = "; ".join(str(r[0]) for r in rows[:5])
                raise DatabaseCorrupt(self.path, detail, good_backups(self.path, self.backups_dir))
            if version > LATEST:
                raise SchemaTooNew(self.path, version, LATEST)
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
        self._refresh_summaries(only_missing=True)

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
            if any(s in msg for s in ("disk i/o", "full", "readonly", "read-only", "unable to open")):
                raise StorageFailed(self.path, str(e)) from e
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

    # --- packs and summaries ---------------------------------------------------------------

    def _pack(self, pack_id: str, version: str) -> Pack:
        return pack_for(pack_id, version)

    def _answers(self, assessment_id: int) -> dict[str, Answer]:
        rows = self.conn.execute(
            "SELECT item_id, value, note FROM answers WHERE assessment_id = ? ORDER BY item_id", (assessment_id,)
        ).fetchall()
        return {item: Answer(item, json.loads(value), note) for item, value, note in rows}

    @staticmethod
    def _assessment(row: dict[str, Any], answers: dict[str, Answer]) -> Assessment:
        return Assessment(
            pack_id=row["pack_id"],
            pack_version=row["pack_version"],
            enterprise=Enterprise(
                name=row["enterprise_name"],
                credit_code=row["credit_code"],
                industry=row["industry"],
                path=row["path"],
                district=row["district"],
                employees=row["employees"],
            ),
            date=row["date"],
            assessor=row["assessor"],
            mode=row["mode"],
            answers=answers,
            plans=tuple(Plan(**{**p, "confirmed": tuple(p.get("confirmed", ()))}) for p in json.loads(row["plans"])),
            uuid=row["uuid"],
            revision=row["revision"],
            status=row["status"],
        )

    def _write_summary(self, row: dict[str, Any], values: Mapping[str, Any] | None = None) -> None:
        """Recompute the cached list summary of one revision (inside the caller's transaction),
        from ``values`` (item id → answer value) or, when not given, the stored answers."""
        if values is None:
            values = values_of(self.conn, row["id"])
        self._store_summaries([(row["id"], summary_of(row, values), packed(values))])

    def _store_summaries(self, rows: Sequence[tuple[int, Summary, str | None]]) -> None:
        """Write summaries as (revision id, summary, packed answer values to keep, or None to keep
        those stored), in two statements."""
        now = _now()
        self.conn.executemany(
            """INSERT INTO summaries (assessment_id, tier, score, level, answered, total, error, computed)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(assessment_id) DO UPDATE SET tier = excluded.tier, score = excluded.score,
                 level = excluded.level, answered = excluded.answered, total = excluded.total,
                 error = excluded.error, computed = excluded.computed""",
            [(aid, *summary, now) for aid, summary, _ in rows],
        )
        self.conn.executemany(
            """INSERT INTO packed_answers (assessment_id, answer_values) VALUES (?, ?)
               ON CONFLICT(assessment_id) DO UPDATE SET answer_values = excluded.answer_values""",
            [(aid, packed) for aid, _, packed in rows if packed is not None],
        )

    def _refresh_summaries(self, only_missing: bool) -> int:
        """Compute the summaries that are missing (after a migration or an import) or, with
        ``only_missing=False``, all of them (after a pack update). Returns how many.

        Many are summarised on every core (``summaries.summarise``); each batch of 500 is written
        in its own transaction as it comes."""
        with self._tx(write=False):
            where = "WHERE s.assessment_id IS NULL OR s.error IS NOT NULL" if only_missing else ""
            ids = [r[0] for r in self.conn.execute(_ROW_SQL.replace("a.*", "a.id") + where).fetchall()]
        done = 0
        chunks = [ids[start : start + 500] for start in range(0, len(ids), 500)]
        with self._lock, self._sqlite_errors():  # summarise reads through self.conn: nothing may interleave
            for computed in summarise(self.conn, str(self.path), chunks):
                with self._tx():
                    self._store_summaries(computed)
                done += len(computed)
        return done

    def rescore_all(self) -> int:
        """Recompute every cached summary (e.g. after installing a corrected pack)."""
        return self._refresh_summaries(only_missing=False)

    # --- enterprises -----------------------------------------------------------------------

    def _default_pack(self) -> Pack | None:
        try:
            from ..packs import default_pack

            return default_pack()
        except Exception:
            return None

    def upsert_enterprise(self, e: Enterprise) -> None:
        """Add or update an enterprise (keyed by its credit code). Draft assessments follow the new
        name, district and employees; final revisions keep what they were finalised with."""
        problems = _enterprise_problems(e, self._default_pack())
        if problems:
            raise AssessmentInvalid(problems)
        with self._tx():
            self._upsert_enterprise(e)

    def _upsert_enterprise(self, e: Enterprise) -> None:
        now = _now()
        name = e.name.strip()
        self.conn.execute(
            """INSERT INTO enterprises (credit_code, name, industry, path, district, employees, created, updated)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(credit_code) DO UPDATE SET name = excluded.name, industry = excluded.industry,
                 path = excluded.path, district = excluded.district, employees = excluded.employees,
                 updated = excluded.updated""",
            (e.credit_code, name, e.industry, e.path, e.district or "", e.employees, now, now),
        )
        drafts = self._rows(
            f"""SELECT a.id, a.enterprise_name, a.district, a.employees FROM assessments a
                WHERE a.credit_code = ? AND a.status = 'draft' AND {_LATEST}""",
            (e.credit_code,),
        )
        new = {"name": name, "district": e.district or "", "employees": e.employees}
        for d in drafts:
            old = {"name": d["enterprise_name"], "district": d["district"], "employees": d["employees"]}
            if old == new:
                continue
            self.conn.execute(
                "UPDATE assessments SET enterprise_name = ?, district = ?, employees = ?, updated = ? WHERE id = ?",
                (name, e.district or "", e.employees, now, d["id"]),
            )
            self._audit(d["id"], "enterprise", "", None, old, new)

    def get_enterprise(self, credit_code: str) -> Enterprise | None:
        with self._tx(write=False):
            r = self._one("SELECT * FROM enterprises WHERE credit_code = ?", (credit_code,))
        if r is None:
            return None
        return Enterprise(r["name"], r["credit_code"], r["industry"], r["path"], r["district"], r["employees"])

    def list_enterprises(
        self, search: str = "", industry: str | None = None, tier: str | None = None
    ) -> list[EnterpriseRow]:
        """Every enterprise with its most recent assessment's summary, by name. ``search`` matches
        name, credit code or district; ``tier`` "none" also matches enterprises never assessed."""
        needle = search.strip()
        like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        # Per enterprise, its most recent assessment is kept by triggers (migration 3).
        # The columns are EnterpriseRow's, in its order.
        sql = """
            SELECT e.name, e.credit_code, e.industry, e.path, e.district, e.employees,
                   a.uuid, s.tier, s.score, s.level,
                   COALESCE(NULLIF(a.date, ''), substr(a.updated, 1, 10)), a.status
            FROM enterprises e
            LEFT JOIN assessments a ON a.id = e.latest_assessment_id
            LEFT JOIN summaries s ON s.assessment_id = a.id
            WHERE (? = '' OR e.name LIKE ? ESCAPE '\\' OR e.credit_code LIKE ? ESCAPE '\\'
                   OR e.district LIKE ? ESCAPE '\\')
              AND (? IS NULL OR e.industry = ?)
              AND (? IS NULL OR s.tier = ? OR (? = 'none' AND s.tier IS NULL))
            ORDER BY e.name, e.credit_code
        """
        params = (needle, like, like, like, industry, industry, tier, tier, tier)
        with self._tx(write=False), collector_paused():  # 120,000 values at once
            return list(map(EnterpriseRow._make, self.conn.execute(sql, params).fetchall()))

    # --- assessments -----------------------------------------------------------------------

    def _revision(self, uuid: str, revision: int | None = None) -> dict[str, Any]:
        if revision is None:
            row = self._one("SELECT * FROM assessments WHERE uuid = ? ORDER BY revision DESC LIMIT 1", (uuid,))
        else:
            row = self._one("SELECT * FROM assessments WHERE uuid = ? AND revision = ?", (uuid, revision))
        if row is None:
            raise AssessmentNotFound(uuid, revision)
        return row

    def _draft(self, uuid: str) -> dict[str, Any]:
        row = self._revision(uuid)
        if row["status"] != "draft":
            raise AssessmentFinal(uuid, row["revision"])
        return row

    def _audit(self, assessment_id: int, action: str, who: str, item_id: str | None, old: Any, new: Any) -> None:
        self.conn.execute(
            "INSERT INTO audit (assessment_id, at, who, action, item_id, old, new) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                assessment_id,
                _now(),
                who or "",
                action,
                item_id,
                None if old is None else _json(old),
                None if new is None else _json(new),
            ),
        )

    def create_assessment(
        self,
        enterprise: Enterprise,
        pack_id: str,
        pack_version: str,
        *,
        mode: str = "self",
        assessor: str = "",
        date: str = "",
    ) -> str:
        """Start an assessment (revision 1, draft) of ``enterprise`` with the given pack; the
        enterprise is added or updated. Returns the new assessment's uuid."""
        pack = self._pack(pack_id, pack_version)
        problems = _enterprise_problems(enterprise, pack)
        if mode not in MODES:
            problems.append(Problem("assessment.mode", "assessment.mode", {"value": mode, "allowed": ", ".join(MODES)}))
        if date:
            try:
                _parse_date(date)
            except ValueError:
                problems.append(Problem("assessment.date", "assessment.date", {"value": date}))
        if not problems and not (enterprise.path or pack.industries[enterprise.industry].path):
            problems.append(Problem("enterprise.path", "path.required", {"industry": enterprise.industry}))
        if problems:
            raise AssessmentInvalid(problems)
        uid = str(uuidlib.uuid4())
        now = _now()
        with self._tx():
            self._upsert_enterprise(enterprise)
            self.db.table("assessments").insert(
                {
                    "uuid": uid,
                    "revision": 1,
                    "credit_code": enterprise.credit_code,
                    "enterprise_name": enterprise.name.strip(),
                    "industry": enterprise.industry,
                    "path": enterprise.path,
                    "district": enterprise.district or "",
                    "employees": enterprise.employees,
                    "pack_id": pack_id,
                    "pack_version": pack_version,
                    "mode": mode,
                    "assessor": assessor or "",
                    "date": date or "",
                    "status": "draft",
                    "plans": "[]",
                    "created": now,
                    "updated": now,
                    "finalised": None,
                    "origin": "",
                }
            )
            row = self._revision(uid, 1)
            self._audit(row["id"], "create", assessor, None, None, {"mode": mode, "pack": f"{pack_id} {pack_version}"})
            self._write_summary(row, {})
        return uid

    def load_assessment(self, uuid: str, revision: int | None = None) -> Assessment:
        """One revision (the latest by default) as the model's Assessment."""
        with self._tx(write=False):
            row = self._revision(uuid, revision)
            return self._assessment(row, self._answers(row["id"]))

    def assessment_row(self, uuid: str, revision: int | None = None) -> AssessmentRow:
        """Status, mode and summary of one revision (the latest by default)."""
        with self._tx(write=False):
            row = self._revision(uuid, revision)
            r = self._one(_ROW_SQL + "WHERE a.id = ?", (row["id"],))
        assert r is not None
        return _assessment_row(r)

    def list_assessments(self, credit_code: str | None = None) -> list[AssessmentRow]:
        """The latest revision of each assessment (of one enterprise, or all), newest first."""
        sql = _ROW_SQL + f"WHERE {_LATEST} AND (? IS NULL OR a.credit_code = ?) "
        sql += "ORDER BY COALESCE(NULLIF(a.date, ''), substr(a.updated, 1, 10)) DESC, a.updated DESC, a.id DESC"
        with self._tx(write=False):
            rows = self._rows(sql, (credit_code, credit_code))
        return [_assessment_row(r) for r in rows]

    def revisions(self, uuid: str) -> list[AssessmentRow]:
        """Every revision of one assessment, oldest first ([] for an unknown uuid)."""
        with self._tx(write=False):
            rows = self._rows(_ROW_SQL + "WHERE a.uuid = ? ORDER BY a.revision", (uuid,))
        return [_assessment_row(r) for r in rows]

    def set_answer(self, uuid: str, item_id: str, value: Any, note: str | None = None, who: str = "") -> None:
        """Save one answer of the latest revision in its own short transaction (autosave).

        ``value`` None with no note clears the answer; ``note`` None keeps the note there is.
        Raises AssessmentInvalid (value not allowed for the item), AssessmentFinal, PackUnavailable."""
        if isinstance(value, str) and value.lower() == NA:
            value = NA
        elif isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if note is not None and not isinstance(note, str):
            raise AssessmentInvalid([Problem(f"answers[{item_id}].note", "field.type_text")])
        with self._tx(write=False):
            head = self._revision(uuid)
        self._pack(head["pack_id"], head["pack_version"])  # load outside the write lock
        with self._tx():
            row = self._draft(uuid)
            pack = self._pack(row["pack_id"], row["pack_version"])
            problem = validate_value(pack, item_id, value)
            if problem is None:
                path = row["path"] or pack.industries[row["industry"]].path
                if path is None or all(i.id != item_id for i in pack.items_for(row["industry"], path)):
                    problem = Problem(
                        f"answers[{item_id}]",
                        "answer.not_applicable",
                        {"id": item_id, "industry": row["industry"], "path": path},
                    )
            if problem is not None:
                raise AssessmentInvalid([problem])
            # the one answer changed and the packed values, not all ~330 answer rows: this runs per click
            found = self.conn.execute(
                "SELECT value, note FROM answers WHERE assessment_id = ? AND item_id = ?", (row["id"], item_id)
            ).fetchone()
            old = None if found is None else Answer(item_id, json.loads(found[0]), found[1])
            new_note = note if note is not None else (old.note if old else "")
            if old is not None and old.value == value and type(old.value) is type(value) and old.note == new_note:
                return
            values = current_values(self.conn, row["id"])
            now = _now()
            if value is None and not new_note:
                self.conn.execute("DELETE FROM answers WHERE assessment_id = ? AND item_id = ?", (row["id"], item_id))
                values.pop(item_id, None)
            else:
                self.conn.execute(
                    """INSERT INTO answers (assessment_id, item_id, value, note, who, updated)
                       VALUES (?, ?, ?, ?, ?, ?)
                       ON CONFLICT(assessment_id, item_id) DO UPDATE SET value = excluded.value,
                         note = excluded.note, who = excluded.who, updated = excluded.updated""",
                    (row["id"], item_id, json.dumps(value), new_note, who or "", now),
                )
                values[item_id] = value
            self.conn.execute("UPDATE assessments SET updated = ? WHERE id = ?", (now, row["id"]))
            self._audit(
                row["id"],
                "answer",
                who,
                item_id,
                None if old is None else {"value": old.value, "note": old.note},
                None if item_id not in values else {"value": value, "note": new_note},
            )
            self._write_summary(row, values)

    def set_plans(self, uuid: str, plans: tuple[Plan, ...], who: str = "") -> None:
        """Replace the planned purchases of the latest (draft) revision."""
        with self._tx(write=False):
            head = self._revision(uuid)
        pack = self._pack(head["pack_id"], head["pack_version"])
        raw = [asdict(p) for p in plans]
        problems: list[Problem] = []
        parsed = parse_plans(pack, raw, problems)
        if problems:
            raise AssessmentInvalid(problems)
        new = [asdict(p) for p in parsed]
        with self._tx():
            row = self._draft(uuid)
            old = json.loads(row["plans"])
            if old == new:
                return
            now = _now()
            self.conn.execute(
                "UPDATE assessments SET plans = ?, updated = ? WHERE id = ?", (_json(new), now, row["id"])
            )
            self._audit(row["id"], "plans", who, None, old, new)

    def finalise(self, uuid: str, who: str = "") -> None:
        """Mark the latest revision final: from then on it is read-only (reopen to change)."""
        with self._tx():
            row = self._revision(uuid)
            if row["status"] == "final":
                return
            now = _now()
            self.conn.execute(
                "UPDATE assessments SET status = 'final', finalised = ?, updated = ? WHERE id = ?",
                (now, now, row["id"]),
            )
            self._audit(row["id"], "finalise", who, None, "draft", "final")

    def reopen(self, uuid: str, who: str = "") -> int:
        """Start a new draft revision from the final latest one, copying answers, notes, plans and
        evidence links; earlier revisions stay as they are. Returns the new revision number (or
        the current one if it is already a draft)."""
        with self._tx():
            row = self._revision(uuid)
            if row["status"] == "draft":
                return int(row["revision"])
            now = _now()
            enterprise = self._one("SELECT * FROM enterprises WHERE credit_code = ?", (row["credit_code"],))
            new = dict(row)
            del new["id"]
            new.update(revision=row["revision"] + 1, status="draft", created=now, updated=now, finalised=None)
            new["origin"] = ""
            if enterprise is not None:  # drafts follow the enterprise record (see upsert_enterprise)
                new.update(
                    enterprise_name=enterprise["name"],
                    district=enterprise["district"],
                    employees=enterprise["employees"],
                )
            new_id = _last_id(self.db.table("assessments").insert(new))
            self.conn.execute(
                """INSERT INTO answers (assessment_id, item_id, value, note, who, updated)
                   SELECT ?, item_id, value, note, who, updated FROM answers WHERE assessment_id = ?""",
                (new_id, row["id"]),
            )
            self.conn.execute(
                """INSERT INTO evidence (assessment_id, item_id, sha256, name, who, added)
                   SELECT ?, item_id, sha256, name, who, added FROM evidence WHERE assessment_id = ?""",
                (new_id, row["id"]),
            )
            self._audit(new_id, "reopen", who, None, row["revision"], new["revision"])
            new_row = self._revision(uuid, new["revision"])
            self._write_summary(new_row)
            return int(new["revision"])

    # --- evidence --------------------------------------------------------------------------

    @property
    def evidence_dir(self) -> Path:
        return self.path.parent / "evidence"

    def evidence_path(self, sha256: str) -> Path:
        """Where the evidence file with this digest is kept (it may be missing)."""
        if not isinstance(sha256, str) or not _SHA.fullmatch(sha256):
            raise ValueError(f"not a SHA-256 digest: {sha256!r}")
        return self.evidence_dir / sha256[:2] / sha256

    def _store_blob(self, copy_into: Any, expected: str | None = None) -> tuple[str, int]:
        """Put content into the evidence folder under its digest. ``copy_into(tmp_path)`` writes it
        and returns (sha256, size); a partial file never appears under a digest name."""
        tmpdir = self.evidence_dir / "tmp"
        tmpdir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=tmpdir)
        os.close(fd)
        try:
            sha, size = copy_into(Path(tmp))
            final = self.evidence_path(sha)
            if final.exists() and final.stat().st_size == size:
                Path(tmp).unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # never executable
                os.replace(tmp, final)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha, size

    def add_evidence(self, uuid: str, item_id: str, file: str | Path, who: str = "") -> EvidenceRow:
        """Copy ``file`` into the workspace's evidence folder (content-addressed, at most 50 MB) and
        attach it to one item of the latest draft revision. The file is only read, never opened
        with another program or executed."""
        src = Path(file)
        with self._tx(write=False):
            head = self._draft(uuid)
        pack = self._pack(head["pack_id"], head["pack_version"])
        if pack.item(item_id) is None:
            raise AssessmentInvalid([Problem(f"answers[{item_id}]", "answer.unknown_id", {"id": item_id})])
        try:
            st = src.stat()
            if not stat.S_ISREG(st.st_mode):
                raise StorageFailed(src, "not a regular file")
            if st.st_size > EVIDENCE_LIMIT:
                raise EvidenceTooLarge(src, st.st_size, EVIDENCE_LIMIT)

            def copy(tmp: Path) -> tuple[str, int]:
                h = hashlib.sha256()
                size = 0
                with open(src, "rb") as f, open(tmp, "wb") as out:
                    while chunk := f.read(1024 * 1024):
                        size += len(chunk)
                        if size > EVIDENCE_LIMIT:
                            raise EvidenceTooLarge(src, size, EVIDENCE_LIMIT)
                        h.update(chunk)
                        out.write(chunk)
                    out.flush()
                    os.fsync(out.fileno())
                return h.hexdigest(), size

            sha, size = self._store_blob(copy)
        except OSError as e:
            raise StorageFailed(src, e.strerror or str(e)) from e
        name = bundlemod.safe_name(src.name)
        now = _now()
        with self._tx():
            row = self._draft(uuid)
            self.conn.execute(
                "INSERT OR IGNORE INTO evidence_files (sha256, size, created) VALUES (?, ?, ?)", (sha, size, now)
            )
            have = self._one(
                "SELECT added FROM evidence WHERE assessment_id = ? AND item_id = ? AND sha256 = ?",
                (row["id"], item_id, sha),
            )
            if have is None:
                self.conn.execute(
                    "INSERT INTO evidence (assessment_id, item_id, sha256, name, who, added) VALUES (?, ?, ?, ?, ?, ?)",
                    (row["id"], item_id, sha, name, who or "", now),
                )
                self.conn.execute("UPDATE assessments SET updated = ? WHERE id = ?", (now, row["id"]))
                self._audit(row["id"], "evidence", who, item_id, None, {"sha256": sha, "name": name, "size": size})
            else:
                now = have["added"]
        return EvidenceRow(sha, item_id, name, size, now)

    def list_evidence(self, uuid: str, item_id: str | None = None, revision: int | None = None) -> list[EvidenceRow]:
        """Evidence of one revision (the latest by default), of one item or all."""
        with self._tx(write=False):
            row = self._revision(uuid, revision)
            rows = self._rows(
                """SELECT e.sha256, e.item_id, e.name, f.size, e.added FROM evidence e
                   JOIN evidence_files f ON f.sha256 = e.sha256
                   WHERE e.assessment_id = ? AND (? IS NULL OR e.item_id = ?) ORDER BY e.item_id, e.added, e.name""",
                (row["id"], item_id, item_id),
            )
        return [EvidenceRow(r["sha256"], r["item_id"], r["name"], r["size"], r["added"]) for r in rows]

    def audit(self, uuid: str) -> list[AuditRow]:
        """Every recorded change of every revision of one assessment, oldest first."""
        with self._tx(write=False):
            rows = self._rows(
                """SELECT u.*, a.revision FROM audit u JOIN assessments a ON a.id = u.assessment_id
                   WHERE a.uuid = ? ORDER BY u.id""",
                (uuid,),
            )
        return [
            AuditRow(
                id=r["id"],
                at=r["at"],
                who=r["who"],
                revision=r["revision"],
                action=r["action"],
                item_id=r["item_id"],
                old=None if r["old"] is None else json.loads(r["old"]),
                new=None if r["new"] is None else json.loads(r["new"]),
            )
            for r in rows
        ]

    # --- files: export ---------------------------------------------------------------------

    def _file_data(self, row: dict[str, Any], with_evidence: bool = True) -> dict[str, Any]:
        """An assessment file's JSON plus what a bundle carries: uuid, revision, status, times,
        who changed each answer when, and the evidence references."""
        a = self._assessment(row, self._answers(row["id"]))
        data = assessment_to_data(a)
        data["uuid"] = a.uuid
        data["revision"] = a.revision
        data["status"] = row["status"]
        data["created"] = row["created"]
        data["updated"] = row["updated"]
        if row["finalised"]:
            data["finalised"] = row["finalised"]
        meta = {
            item: (who, updated)
            for item, who, updated in self.conn.execute(
                "SELECT item_id, who, updated FROM answers WHERE assessment_id = ?", (row["id"],)
            )
        }
        for ans in data["answers"]:
            who, updated = meta.get(ans["id"], ("", ""))
            ans["who"] = who
            ans["updated"] = updated
        if with_evidence:
            data["evidence"] = [
                {
                    "item": r["item_id"],
                    "sha256": r["sha256"],
                    "name": r["name"],
                    "size": r["size"],
                    "added": r["added"],
                    "who": r["who"],
                }
                for r in self._rows(
                    """SELECT e.*, f.size FROM evidence e JOIN evidence_files f ON f.sha256 = e.sha256
                       WHERE e.assessment_id = ? ORDER BY e.item_id, e.sha256""",
                    (row["id"],),
                )
            ]
        return data

    def export_bundle(self, out: str | Path, uuids: list[str]) -> None:
        """Write every revision of the given assessments, with their evidence, to one bundle file
        (atomically: a temporary file renamed into place)."""
        out = Path(out)
        members: list[tuple[str, dict[str, Any]]] = []
        evidence: dict[str, Path] = {}
        names: dict[str, str] = {}
        with self._tx(write=False):
            for uid in dict.fromkeys(uuids):
                rows = self._rows("SELECT * FROM assessments WHERE uuid = ? ORDER BY revision", (uid,))
                if not rows:
                    raise AssessmentNotFound(uid)
                for row in rows:
                    data = self._file_data(row)
                    members.append((f"assessments/{row['uuid']}-r{row['revision']}.json", data))
                    for ref in data["evidence"]:
                        evidence[ref["sha256"]] = self.evidence_path(ref["sha256"])
                        names[ref["sha256"]] = ref["name"]
        try:
            bundlemod.write_bundle(out, members, evidence, app_version())
        except bundlemod.EvidenceUnreadable as e:
            raise EvidenceMissing(e.sha256, names.get(e.sha256, ""), self.evidence_path(e.sha256)) from None
        except OSError as e:
            raise StorageFailed(out, e.strerror or str(e)) from e

    def export_json(self, uuid: str, out: str | Path, revision: int | None = None) -> None:
        """Write one revision as a plain assessment file (JSON; evidence listed, not included)."""
        with self._tx(write=False):
            data = self._file_data(self._revision(uuid, revision))
        try:
            write_json_atomic(out, data)
        except OSError as e:
            raise StorageFailed(Path(out), e.strerror or str(e)) from e

    # --- files: import ---------------------------------------------------------------------

    def import_files(self, paths: list[str | Path], progress: Progress | None = None) -> ImportSummary:
        """Import bundles (.sfd) and plain assessment files (.json).

        Every file is validated completely before anything is written; a file that breaks a rule
        is listed in ``rejected`` and contributes nothing. The accepted files are then written in
        one transaction. An assessment revision already here (same uuid and revision) is skipped;
        another revision of a known assessment is added beside the ones here, never over them.
        ``progress.cancel()`` (from another thread) stops it with ``Cancelled`` before anything is
        written."""
        summary = ImportSummary()
        total = len(paths) + 1
        accepted: list[tuple[Path, list[bundlemod.Entry], dict[str, str]]] = []
        for i, p in enumerate(paths):
            file = Path(p)
            if progress is not None:
                progress(i, total, file.name)
                progress.check()
            try:
                if file.suffix.lower() == ".json":
                    accepted.append((file, [bundlemod.read_plain(file)], {}))
                else:
                    b = bundlemod.read_bundle(file)
                    accepted.append((file, b.entries, b.evidence))
            except BundleRejected as e:
                summary.rejected.append((str(file), e))
        if progress is not None:
            progress(len(paths), total, "")
            progress.check()

        # evidence files first (content-addressed: harmless if the transaction below fails)
        ready: list[tuple[Path, list[bundlemod.Entry]]] = []
        for file, entries, evidence in accepted:
            try:
                for sha in sorted({ref.sha256 for e in entries for ref in e.evidence}):
                    if not self.evidence_path(sha).exists():
                        member = evidence[sha]

                        def copy(tmp: Path, file: Path = file, member: str = member, sha: str = sha) -> tuple[str, int]:
                            bundlemod.copy_member(file, member, sha, tmp, bundlemod.LIMITS.max_evidence)
                            return sha, tmp.stat().st_size

                        self._store_blob(copy)
            except BundleRejected as e:
                summary.rejected.append((str(file), e))
                continue
            except OSError as e:
                raise StorageFailed(self.evidence_dir, e.strerror or str(e)) from e
            ready.append((file, entries))

        new_uuids: set[str] = set()
        with self._tx():
            for file, entries in ready:
                for entry in sorted(entries, key=lambda e: (e.assessment.uuid, e.assessment.revision)):
                    self._import_entry(file, entry, summary, new_uuids)
        if progress is not None:
            progress(total, total, "")
        return summary

    def _import_entry(self, file: Path, e: bundlemod.Entry, summary: ImportSummary, new_uuids: set[str]) -> None:
        """Insert one validated revision (inside import_files' transaction). ``new_uuids``: the
        assessments this import brought in, whose further revisions also count as added."""
        a = e.assessment
        if not a.uuid:  # a plain file never stored in a workspace: a new assessment
            a = replace(a, uuid=str(uuidlib.uuid4()), revision=1)
        item = ImportedItem(
            file=str(file),
            uuid=a.uuid,
            revision=a.revision,
            enterprise_name=a.enterprise.name,
            credit_code=a.enterprise.credit_code,
            mode=a.mode,
            assessor=a.assessor,
            status=e.status,
        )
        here = self._one("SELECT * FROM assessments WHERE uuid = ? AND revision = ?", (a.uuid, a.revision))
        if here is not None:
            mine = self._assessment(here, self._answers(here["id"]))
            differs = assessment_to_data(mine) != assessment_to_data(a) or here["status"] != e.status
            summary.skipped.append(replace(item, differs=differs))
            return
        known = self._one("SELECT 1 AS x FROM assessments WHERE uuid = ? LIMIT 1", (a.uuid,)) is not None
        if not known:
            new_uuids.add(a.uuid)
        now = _now()
        ent = a.enterprise
        if self._one("SELECT 1 AS x FROM enterprises WHERE credit_code = ?", (ent.credit_code,)) is None:
            self._upsert_enterprise(ent)  # a known enterprise keeps the data entered here
        new_id = _last_id(
            self.db.table("assessments").insert(
                {
                    "uuid": a.uuid,
                    "revision": a.revision,
                    "credit_code": ent.credit_code,
                    "enterprise_name": ent.name,
                    "industry": ent.industry,
                    "path": ent.path,
                    "district": ent.district or "",
                    "employees": ent.employees,
                    "pack_id": a.pack_id,
                    "pack_version": a.pack_version,
                    "mode": a.mode,
                    "assessor": a.assessor,
                    "date": a.date,
                    "status": e.status,
                    "plans": _json([asdict(p) for p in a.plans]),
                    "created": e.created or now,
                    "updated": e.updated or now,
                    "finalised": (e.finalised or now) if e.status == "final" else None,
                    "origin": file.name,
                }
            )
        )
        self.conn.executemany(
            "INSERT INTO answers (assessment_id, item_id, value, note, who, updated) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    new_id,
                    ans.item,
                    json.dumps(ans.value),
                    ans.note,
                    e.answer_meta[ans.item].who if ans.item in e.answer_meta else "",
                    (e.answer_meta[ans.item].updated if ans.item in e.answer_meta else "") or e.updated or now,
                )
                for ans in a.answers.values()
            ],
        )
        for ref in e.evidence:
            size = self.evidence_path(ref.sha256).stat().st_size
            self.conn.execute(
                "INSERT OR IGNORE INTO evidence_files (sha256, size, created) VALUES (?, ?, ?)", (ref.sha256, size, now)
            )
            self.conn.execute(
                "INSERT OR IGNORE INTO evidence (assessment_id, item_id, sha256, name, who, added) VALUES (?, ?, ?, ?, ?, ?)",
                (new_id, ref.item, ref.sha256, ref.name, ref.who, ref.added or now),
            )
        self._audit(
            new_id,
            "import",
            "",
            None,
            None,
            {"file": file.name, "member": e.member, "mode": a.mode, "assessor": a.assessor, "status": e.status},
        )
        self._write_summary(self._revision(a.uuid, a.revision), {item: ans.value for item, ans in a.answers.items()})
        (summary.new_revisions if known and a.uuid not in new_uuids else summary.added).append(item)


def _last_id(t: Table) -> int:
    pk = t.last_pk
    assert pk is not None
    return int(pk)


def _parse_date(text: str) -> date:
    return date.fromisoformat(text)
