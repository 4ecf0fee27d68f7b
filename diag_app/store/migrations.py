"""The workspace schema, built and changed only by the numbered migrations below.

The schema version is SQLite's ``PRAGMA user_version``: 0 for a new file, N after migration N.
Migration N is ``MIGRATIONS[N - 1]``; each runs in its own ``BEGIN IMMEDIATE`` transaction
together with the version bump, so a crash leaves the database at N-1 or N, never in between.
The workspace backs the database up before each migration (see ``Workspace.open``).

Rules for adding a migration:
- append a function, never edit or reorder one that has shipped;
- create and change tables through sqlite-utils (``db[name].create/add_column/create_index``);
  a migration runs inside a transaction, where ``PRAGMA foreign_keys`` cannot be switched, so a
  table rebuild (``table.transform()``) must keep every foreign key valid throughout;
- keep every row: a migration may add, never drop data;
- generate ``tests/fixtures/db/schema-v<N>.db`` with ``tests/fixtures/db/make_fixtures.py`` before
  the next migration lands, so the tests keep opening every version ever shipped.

sqlite-utils 4 also ships ``sqlite_utils.migrations.Migrations`` (names recorded in a table); this
small runner is kept because the project allows sqlite-utils 3.x, and ``user_version`` makes "this
file is newer than the app" a one-number check that needs no table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache

from sqlite_utils import Database

Migration = Callable[[Database], None]
APPLICATION_ID = 0x53464431  # "SFD1" in the file header: this is a workspace of this app


def m001_workspace(db: Database) -> None:
    """Enterprises, assessments (one row per revision), answers, evidence and the audit trail."""
    db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.table("enterprises").create(
        {
            "credit_code": str,
            "name": str,
            "industry": str,
            "path": str,
            "district": str,
            "employees": int,
            "created": str,
            "updated": str,
        },
        pk="credit_code",
        not_null=["name", "industry", "district", "created", "updated"],
        defaults={"district": ""},
        strict=True,
    )
    db.table("assessments").create(
        {
            "id": int,
            "uuid": str,
            "revision": int,
            "credit_code": str,
            # the enterprise as it was for this revision (a final revision never changes)
            "enterprise_name": str,
            "industry": str,
            "path": str,
            "district": str,
            "employees": int,
            "pack_id": str,
            "pack_version": str,
            "mode": str,
            "assessor": str,
            "date": str,
            "status": str,
            "plans": str,  # JSON list
            "created": str,
            "updated": str,
            "finalised": str,
            "origin": str,  # "" when made here, else the file it was imported from
        },
        pk="id",
        foreign_keys=[("credit_code", "enterprises", "credit_code")],
        not_null=[
            "uuid",
            "revision",
            "credit_code",
            "enterprise_name",
            "industry",
            "district",
            "pack_id",
            "pack_version",
            "mode",
            "assessor",
            "date",
            "status",
            "plans",
            "created",
            "updated",
            "origin",
        ],
        defaults={"district": "", "assessor": "", "date": "", "plans": "[]", "origin": ""},
        strict=True,
    )
    db.table("assessments").create_index(["uuid", "revision"], unique=True)
    db.table("assessments").create_index(["credit_code"])
    db.table("answers").create(
        {
            "assessment_id": int,
            "item_id": str,
            "value": str,  # JSON: number, true/false, "na" or null (a note without a value)
            "note": str,
            "who": str,
            "updated": str,
        },
        pk=("assessment_id", "item_id"),
        foreign_keys=[("assessment_id", "assessments", "id")],
        not_null=["value", "note", "who", "updated"],
        defaults={"note": "", "who": ""},
        strict=True,
    )
    db.table("evidence_files").create(
        {"sha256": str, "size": int, "created": str},
        pk="sha256",
        not_null=["size", "created"],
        strict=True,
    )
    db.table("evidence").create(
        {"assessment_id": int, "item_id": str, "sha256": str, "name": str, "who": str, "added": str},
        pk=("assessment_id", "item_id", "sha256"),
        foreign_keys=[("assessment_id", "assessments", "id"), ("sha256", "evidence_files", "sha256")],
        not_null=["name", "who", "added"],
        defaults={"who": ""},
        strict=True,
    )
    db.table("evidence").create_index(["sha256"])
    db.table("audit").create(
        {
            "id": int,
            "assessment_id": int,
            "at": str,
            "who": str,
            "action": str,
            "item_id": str,
            "old": str,  # JSON or NULL
            "new": str,  # JSON or NULL
        },
        pk="id",
        foreign_keys=[("assessment_id", "assessments", "id")],
        not_null=["at", "who", "action"],
        defaults={"who": ""},
        strict=True,
    )
    db.table("audit").create_index(["assessment_id"])


def m002_summaries(db: Database) -> None:
    """Cached list summaries (derived from answers + pack, never the source of truth) and the
    index the enterprise list sorts by."""
    db.table("summaries").create(
        {
            "assessment_id": int,
            "tier": str,
            "score": float,
            "level": int,
            "answered": int,
            "total": int,
            "computed": str,
            "error": str,  # why no summary could be computed (e.g. pack not installed)
        },
        pk="assessment_id",
        foreign_keys=[("assessment_id", "assessments", "id")],
        not_null=["computed"],
        strict=True,
    )
    db.table("assessments").create_index(["credit_code", "date", "created"])


# An enterprise's latest assessment: of the latest revision of each of its assessments, the one
# assessed most recently (its date, else the day it was last changed), then the one changed last.
LATEST_ASSESSMENT_SQL = """(
    SELECT b.id FROM assessments b
    WHERE b.credit_code = enterprises.credit_code
      AND b.revision = (SELECT MAX(c.revision) FROM assessments c WHERE c.uuid = b.uuid)
    ORDER BY COALESCE(NULLIF(b.date, ''), substr(b.updated, 1, 10)) DESC, b.updated DESC, b.id DESC
    LIMIT 1)"""


def m003_list_caches(db: Database) -> None:
    """Two caches that let the big lists read one row where they read many.

    ``enterprises.latest_assessment_id`` is kept by triggers on every change to ``assessments``,
    whatever code makes it, so the enterprise list is one scan of the enterprises instead of a
    search per enterprise. ``packed_answers`` holds each revision's answer values as one JSON
    object, written with its summary in the same transaction, so rescoring a workspace after a
    pack update reads one row per assessment instead of every answer row (~330). It is a table of
    its own so that ``summaries`` stays a few dozen bytes a row for the list to read. Both are
    derived: the answers stay the source of truth."""
    db.table("enterprises").add_column("latest_assessment_id", int)
    db.table("enterprises").create_index(["name", "credit_code"])  # the list's order, without a sort
    db.table("packed_answers").create(
        {"assessment_id": int, "answer_values": str},  # JSON object: item id -> value
        pk="assessment_id",
        foreign_keys=[("assessment_id", "assessments", "id")],
        not_null=["answer_values"],
        strict=True,
    )
    refresh = f"UPDATE enterprises SET latest_assessment_id = {LATEST_ASSESSMENT_SQL}"
    triggers = {
        "assessments_latest_insert": f"AFTER INSERT ON assessments BEGIN {refresh} WHERE credit_code = NEW.credit_code",
        "assessments_latest_update": "AFTER UPDATE OF credit_code, revision, date, updated ON assessments BEGIN "
        f"{refresh} WHERE credit_code IN (OLD.credit_code, NEW.credit_code)",
        "assessments_latest_delete": f"AFTER DELETE ON assessments BEGIN {refresh} WHERE credit_code = OLD.credit_code",
    }
    for name, body in triggers.items():  # one statement each: executescript would commit the migration
        db.conn.execute(f"CREATE TRIGGER {name} {body}; END")
    db.conn.execute(refresh)


def m004_assessment_format_2(db: Database) -> None:
    """What assessment format /2 adds to a revision (``status`` was there from the start): the
    scope of the assessment and its team, and the sub-domains declared not applicable with their
    reasons, each a JSON column of its own. A plan's confirmed qualifications travel inside the
    ``plans`` JSON, which needs no change. Existing revisions read as "nothing recorded"."""
    table = db.table("assessments")
    table.add_column("scope", str, not_null_default="{}")  # JSON object: Scope's fields
    table.add_column("team", str, not_null_default="[]")  # JSON list of {name, role, organisation}
    table.add_column("na_subdomains", str, not_null_default="{}")  # JSON object: sub-domain id -> reason


# Migration 5 on: the same, of the assessments not in the recycle bin.
LATEST_VISIBLE_ASSESSMENT_SQL = """(
    SELECT b.id FROM assessments b
    WHERE b.credit_code = enterprises.credit_code AND b.deletion IS NULL
      AND b.revision = (SELECT MAX(c.revision) FROM assessments c WHERE c.uuid = b.uuid)
    ORDER BY COALESCE(NULLIF(b.date, ''), substr(b.updated, 1, 10)) DESC, b.updated DESC, b.id DESC
    LIMIT 1)"""


def m005_recycle_bin(db: Database) -> None:
    """The recycle bin and undoable evidence removal; nothing is deleted by either until purged.

    ``deletions``: one row per deletion (an enterprise with its assessments, or one assessment
    with all its revisions). ``enterprises.deletion`` / ``assessments.deletion`` (every revision
    row of the assessment) name the deletion that hides them, NULL when visible: an enterprise's
    deletion marks each of its assessments not already in the bin, so "visible" is one column test
    everywhere. ``evidence_removals``: evidence links taken off an answer, kept (with the file they
    refer to) until restored or purged. ``bin_log``: deletions, restorations and purges, kept
    after a purge has removed the assessments and their audit trail. The enterprise list's latest
    assessment (migration 3's triggers) now skips assessments in the bin."""
    db.table("deletions").create(
        {"id": int, "kind": str, "key": str, "name": str, "at": str, "who": str},
        pk="id",
        not_null=["kind", "key", "name", "at", "who"],
        defaults={"who": ""},
        strict=True,
    )
    db.table("enterprises").add_column("deletion", int)
    db.table("assessments").add_column("deletion", int)
    db.table("assessments").create_index(["deletion"])
    db.table("evidence_removals").create(
        {
            "id": int,
            "assessment_id": int,  # the revision the link was taken from
            "item_id": str,
            "sha256": str,
            "name": str,
            "who": str,  # who had attached it
            "added": str,
            "removed": str,
            "removed_by": str,
        },
        pk="id",
        foreign_keys=[("assessment_id", "assessments", "id"), ("sha256", "evidence_files", "sha256")],
        not_null=["item_id", "sha256", "name", "who", "added", "removed", "removed_by"],
        defaults={"who": "", "removed_by": ""},
        strict=True,
    )
    db.table("evidence_removals").create_index(["assessment_id"])
    db.table("evidence_removals").create_index(["sha256"])
    db.table("bin_log").create(
        {"id": int, "at": str, "who": str, "action": str, "kind": str, "key": str, "name": str, "detail": str},
        pk="id",
        not_null=["at", "who", "action", "kind", "key", "name", "detail"],
        defaults={"who": "", "detail": "{}"},
        strict=True,
    )
    refresh = f"UPDATE enterprises SET latest_assessment_id = {LATEST_VISIBLE_ASSESSMENT_SQL}"
    triggers = {
        "assessments_latest_insert": f"AFTER INSERT ON assessments BEGIN {refresh} WHERE credit_code = NEW.credit_code",
        "assessments_latest_update": "AFTER UPDATE OF credit_code, revision, date, updated, deletion ON assessments "
        f"BEGIN {refresh} WHERE credit_code IN (OLD.credit_code, NEW.credit_code)",
        "assessments_latest_delete": f"AFTER DELETE ON assessments BEGIN {refresh} WHERE credit_code = OLD.credit_code",
    }
    for name, body in triggers.items():
        db.conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        db.conn.execute(f"CREATE TRIGGER {name} {body}; END")
    db.conn.execute(refresh)


MIGRATIONS: list[Migration] = [
    m001_workspace,
    m002_summaries,
    m003_list_caches,
    m004_assessment_format_2,
    m005_recycle_bin,
]
LATEST = len(MIGRATIONS)


def _tables(conn: sqlite3.Connection) -> dict[str, set[str]]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {n: {r[1] for r in conn.execute(f'PRAGMA table_info("{n}")')} for n in names if not n.startswith("sqlite_")}


@cache
def _expected(version: int) -> dict[str, frozenset[str]]:
    """The tables and columns migrations 1..version make (on an empty database in memory)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(Database(conn), target=version)
        return {t: frozenset(c) for t, c in _tables(conn).items()}
    finally:
        conn.close()


def schema_problem(conn: sqlite3.Connection, version: int) -> str | None:
    """Why the tables do not match the schema version the file claims (a table dropped, the
    version number lowered or raised by hand), or None."""
    have = _tables(conn)
    want = _expected(version)
    for table, cols in want.items():
        if table not in have:
            return f"table {table} is missing (schema version {version})"
        missing = sorted(cols - have[table])
        if missing:
            return f"column {table}.{missing[0]} is missing (schema version {version})"
    if version < LATEST:  # what a later migration makes must not be there yet
        later = _expected(version + 1)
        for table, cols in later.items():
            if table not in want and table in have:
                return f"table {table} exists, but the schema version says {version}"
            extra = sorted((cols - want.get(table, frozenset())) & have.get(table, set()))
            if table in want and extra:
                return f"column {table}.{extra[0]} exists, but the schema version says {version}"
    return None


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    db: Database,
    *,
    target: int | None = None,
    before_each: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Bring the database up to ``target`` (default: the latest version); returns the numbers of
    the migrations it ran. ``before_each(current, next)`` runs outside any transaction before a
    migration (the workspace makes its backup there). The connection must be in autocommit mode
    (``isolation_level=None``)."""
    conn = db.conn
    target = LATEST if target is None else target
    applied: list[int] = []
    while True:
        current = schema_version(conn)
        if current >= target:
            return applied
        nxt = current + 1
        if before_each is not None:
            before_each(current, nxt)
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) == current:  # another instance may have migrated meanwhile
                MIGRATIONS[nxt - 1](db)
                conn.execute(f"PRAGMA user_version = {int(nxt)}")
                applied.append(nxt)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
