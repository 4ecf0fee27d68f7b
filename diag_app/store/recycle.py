"""The recycle bin: deleting an enterprise or an assessment hides it, restoring brings it back
whole, purging removes it for good.

A deletion is a row of ``deletions`` named by ``enterprises.deletion`` / ``assessments.deletion``
(every revision row of the assessment; an enterprise's deletion also marks each of its assessments
not already in the bin). Hidden means that column is set: the lists, the portfolio, exports,
rescoring and every lookup by uuid (``Records._revision``) skip such rows. Nothing of a deleted
assessment is touched — revisions, answers, notes, plans, evidence links, removals, audit — so a
restore is the column cleared. Purging deletes the rows and then the stored evidence files that
nothing refers to any more. ``bin_log`` keeps who deleted, restored and purged what, and when,
after the purge has removed the assessments' own audit trail.

An enterprise comes back by itself when something new is made for it (a new assessment, an edit,
an import): then only it comes back, and its assessments stay in the bin, each restorable alone.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from ..model.assessment import Enterprise
from .connection import to_json, utc_now
from .errors import AssessmentNotFound, EnterpriseNotFound, NotInBin
from .evidence_edit import EvidenceEdits
from .rows import BinLogRow, DeletedRow, Purged

KINDS = ("enterprise", "assessment", "evidence")

_ENTERPRISES = """
SELECT d.id, d.key, d.name, d.at, d.who, e.credit_code,
       (SELECT count(DISTINCT a.uuid) FROM assessments a WHERE a.deletion = d.id) AS n_assessments,
       (SELECT count(*) FROM assessments a WHERE a.deletion = d.id) AS n_revisions,
       (SELECT count(*) FROM evidence v JOIN assessments a ON a.id = v.assessment_id WHERE a.deletion = d.id) AS n_evidence
FROM deletions d JOIN enterprises e ON e.deletion = d.id
WHERE d.kind = 'enterprise'
"""
_ASSESSMENTS = """
SELECT d.id, d.key, d.name, d.at, d.who, a.credit_code, a.mode, a.assessor, a.date, a.status,
       (SELECT count(*) FROM assessments b WHERE b.uuid = d.key) AS n_revisions,
       (SELECT count(*) FROM evidence v JOIN assessments b ON b.id = v.assessment_id WHERE b.uuid = d.key) AS n_evidence
FROM deletions d JOIN assessments a ON a.uuid = d.key AND a.deletion = d.id
WHERE d.kind = 'assessment'
  AND a.revision = (SELECT MAX(c.revision) FROM assessments c WHERE c.uuid = a.uuid)
"""
_EVIDENCE = """
SELECT r.id, r.name, r.removed, r.removed_by, r.item_id, a.uuid, a.credit_code
FROM evidence_removals r JOIN assessments a ON a.id = r.assessment_id
WHERE a.deletion IS NULL
"""


class RecycleBin(EvidenceEdits):
    """Delete, list, restore and purge enterprises, assessments and removed evidence."""

    # --- the record ------------------------------------------------------------------------

    def _log(self, action: str, kind: str, key: str, name: str, who: str, **detail: Any) -> None:
        self.conn.execute(
            "INSERT INTO bin_log (at, who, action, kind, key, name, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (utc_now(), who or "", action, kind, key, name, to_json(detail)),
        )

    def bin_log(self) -> list[BinLogRow]:
        """Every deletion, restoration and purge, oldest first (kept after a purge)."""
        with self._tx(write=False):
            rows = self._rows("SELECT * FROM bin_log ORDER BY id")
        return [
            BinLogRow(r["id"], r["at"], r["who"], r["action"], r["kind"], r["key"], r["name"], json.loads(r["detail"]))
            for r in rows
        ]

    def _new_deletion(self, kind: str, key: str, name: str, who: str, at: str | None = None) -> int:
        cur = self.conn.execute(
            "INSERT INTO deletions (kind, key, name, at, who) VALUES (?, ?, ?, ?, ?)",
            (kind, key, name, at or utc_now(), who or ""),
        )
        assert cur.lastrowid is not None
        return int(cur.lastrowid)

    def _latest_ids(self, where: str, params: Sequence[Any]) -> list[tuple[str, int]]:
        """(uuid, id of its latest revision) of the assessments whose rows match ``where``."""
        sql = f"SELECT uuid, MAX(revision), id FROM assessments WHERE {where} GROUP BY uuid ORDER BY uuid"
        return [(r[0], r[2]) for r in self.conn.execute(sql, params).fetchall()]

    # --- deleting --------------------------------------------------------------------------

    def delete_enterprise(self, credit_code: str, who: str = "") -> DeletedRow:
        """Move an enterprise and all its assessments (every revision) to the recycle bin: they
        leave every list, the portfolio and exports, and come back whole with
        ``restore("enterprise", credit_code)``. Audited. Raises EnterpriseNotFound."""
        with self._tx():
            e = self._one("SELECT * FROM enterprises WHERE credit_code = ? AND deletion IS NULL", (credit_code,))
            if e is None:
                raise EnterpriseNotFound(credit_code)
            did = self._new_deletion("enterprise", credit_code, e["name"], who)
            self.conn.execute("UPDATE enterprises SET deletion = ? WHERE credit_code = ?", (did, credit_code))
            latest = self._latest_ids("credit_code = ? AND deletion IS NULL", (credit_code,))
            self.conn.execute(
                "UPDATE assessments SET deletion = ? WHERE credit_code = ? AND deletion IS NULL", (did, credit_code)
            )
            for _uuid, rid in latest:
                self._audit(rid, "delete", who, None, None, {"with": "enterprise", "credit_code": credit_code})
            row = self._deleted_entry("enterprise", did)
            self._log("delete", "enterprise", credit_code, e["name"], who, assessments=row.assessments)
        return row

    def delete_assessment(self, uuid: str, who: str = "") -> DeletedRow:
        """Move an assessment (every revision, final ones too) to the recycle bin; it comes back
        whole with ``restore("assessment", uuid)``. Audited. Raises AssessmentNotFound."""
        with self._tx():
            row = self._revision(uuid)
            did = self._new_deletion("assessment", uuid, row["enterprise_name"], who)
            self.conn.execute("UPDATE assessments SET deletion = ? WHERE uuid = ?", (did, uuid))
            entry = self._deleted_entry("assessment", did)
            self._audit(row["id"], "delete", who, None, None, {"revisions": entry.revisions})
            self._log("delete", "assessment", uuid, row["enterprise_name"], who, revisions=entry.revisions)
        return entry

    # --- listing ---------------------------------------------------------------------------

    def _deleted_entry(self, kind: str, did: int) -> DeletedRow:
        found = self._deleted(kind, did)
        assert found
        return found[0]

    def _deleted(self, kind: str, did: int | None = None) -> list[DeletedRow]:
        one = "" if did is None else f" AND {'r' if kind == 'evidence' else 'd'}.id = {int(did)}"
        if kind == "enterprise":
            return [
                DeletedRow(
                    "enterprise", r["key"], r["name"], r["at"], r["who"], r["credit_code"],
                    assessments=r["n_assessments"], revisions=r["n_revisions"], evidence=r["n_evidence"],
                )
                for r in self._rows(_ENTERPRISES + one)
            ]  # fmt: skip
        if kind == "assessment":
            return [
                DeletedRow(
                    "assessment", r["key"], r["name"], r["at"], r["who"], r["credit_code"], uuid=r["key"],
                    assessments=1, revisions=r["n_revisions"], evidence=r["n_evidence"],
                    mode=r["mode"], assessor=r["assessor"], date=r["date"], status=r["status"],
                )
                for r in self._rows(_ASSESSMENTS + one)
            ]  # fmt: skip
        return [
            DeletedRow(
                "evidence", str(r["id"]), r["name"], r["removed"], r["removed_by"], r["credit_code"],
                uuid=r["uuid"], item_id=r["item_id"], evidence=1,
            )
            for r in self._rows(_EVIDENCE + one)
        ]  # fmt: skip

    def list_deleted(self, older_than_days: float | None = None, *, now: datetime | None = None) -> list[DeletedRow]:
        """What the recycle bin holds, most recently deleted first: enterprises (with the
        assessments deleted with them), assessments deleted on their own, and evidence files taken
        off answers (of assessments not in the bin; those go and come back with theirs).
        ``older_than_days``: only what was deleted at least that many days ago (to offer a purge)."""
        with self._tx(write=False):
            rows = [r for kind in KINDS for r in self._deleted(kind)]
        if older_than_days is not None:
            cutoff = _cutoff(older_than_days, now)
            rows = [r for r in rows if r.deleted_at <= cutoff]
        return sorted(rows, key=lambda r: (r.deleted_at, r.kind, r.key), reverse=True)

    # --- restoring -------------------------------------------------------------------------

    def _restored(self, ids: Sequence[int]) -> None:
        """Summaries of revisions back from the bin: recomputed (rescoring skipped them)."""
        for rid in ids:
            row = self._one("SELECT * FROM assessments WHERE id = ?", (rid,))
            assert row is not None
            self._write_summary(row)

    def _revive_enterprise(self, credit_code: str, who: str, by: str) -> bool:
        """Bring an enterprise in the bin back on its own (inside the caller's transaction): the
        assessments deleted with it stay in the bin, each as a deletion of its own (same time,
        same person). False when it was not in the bin."""
        e = self._one("SELECT name, deletion FROM enterprises WHERE credit_code = ?", (credit_code,))
        if e is None or e["deletion"] is None:
            return False
        d = self._one("SELECT * FROM deletions WHERE id = ?", (e["deletion"],))
        assert d is not None
        left = self._latest_ids("deletion = ?", (d["id"],))
        for uuid, rid in left:
            name = self._one("SELECT enterprise_name FROM assessments WHERE id = ?", (rid,))
            nid = self._new_deletion(
                "assessment", uuid, name["enterprise_name"] if name else e["name"], d["who"], d["at"]
            )
            self.conn.execute(
                "UPDATE assessments SET deletion = ? WHERE uuid = ? AND deletion = ?", (nid, uuid, d["id"])
            )
        self.conn.execute("UPDATE enterprises SET deletion = NULL WHERE credit_code = ?", (credit_code,))
        self.conn.execute("DELETE FROM deletions WHERE id = ?", (d["id"],))
        self._log("restore", "enterprise", credit_code, e["name"], who, by=by, assessments_left_in_bin=len(left))
        return True

    def _restore_assessment(self, uuid: str, who: str, by: str) -> None:
        """Bring one assessment back (inside the caller's transaction), and its enterprise if that
        is in the bin (without the enterprise's other assessments). Raises NotInBin."""
        first = self._one("SELECT credit_code, deletion FROM assessments WHERE uuid = ? LIMIT 1", (uuid,))
        if first is None or first["deletion"] is None:
            raise NotInBin("assessment", uuid)
        self._revive_enterprise(first["credit_code"], who, by=f"assessment {uuid}")
        row = self._revision(uuid, deleted=True)
        did = row["deletion"]
        ids = [r[0] for r in self.conn.execute("SELECT id FROM assessments WHERE uuid = ?", (uuid,))]
        self.conn.execute("UPDATE assessments SET deletion = NULL WHERE uuid = ?", (uuid,))
        self.conn.execute("DELETE FROM deletions WHERE id = ? AND kind = 'assessment'", (did,))
        self._audit(row["id"], "restore", who, None, None, {"by": by})
        self._log("restore", "assessment", uuid, row["enterprise_name"], who, by=by, revisions=len(ids))
        self._restored(ids)

    def restore(self, kind: str, key: str, who: str = "") -> None:
        """Bring an entry of ``list_deleted()`` back whole (``DeletedRow.kind`` and ``.key``):
        an enterprise with the assessments deleted with it; an assessment with every revision,
        answer, note, plan, evidence link and its audit trail (and its enterprise, if that was in
        the bin, alone); an evidence file back on its answer (the latest revision must be a
        draft: AssessmentFinal otherwise). Audited. Raises NotInBin."""
        if kind == "evidence":
            if not _removal_id(key):
                raise NotInBin(kind, key)
            self.restore_evidence(int(key), who)
            return
        with self._tx():
            if kind == "assessment":
                self._restore_assessment(key, who, by="restore")
                return
            if kind != "enterprise":
                raise ValueError(f"unknown kind {kind!r}")
            e = self._one("SELECT name, deletion FROM enterprises WHERE credit_code = ?", (key,))
            if e is None or e["deletion"] is None:
                raise NotInBin(kind, key)
            did = e["deletion"]
            latest = self._latest_ids("deletion = ?", (did,))
            ids = [r[0] for r in self.conn.execute("SELECT id FROM assessments WHERE deletion = ?", (did,))]
            self.conn.execute("UPDATE assessments SET deletion = NULL WHERE deletion = ?", (did,))
            self.conn.execute("UPDATE enterprises SET deletion = NULL WHERE credit_code = ?", (key,))
            self.conn.execute("DELETE FROM deletions WHERE id = ?", (did,))
            for _uuid, rid in latest:
                self._audit(rid, "restore", who, None, None, {"with": "enterprise", "credit_code": key})
            self._log("restore", "enterprise", key, e["name"], who, by="restore", assessments=len(latest))
            self._restored(ids)

    def _upsert_enterprise(self, e: Enterprise) -> None:
        """An enterprise in the bin that is created, edited or assessed again comes back (alone)."""
        self._revive_enterprise(e.credit_code, "", by="edit")
        super()._upsert_enterprise(e)

    # --- purging ---------------------------------------------------------------------------

    def _drop_revisions(self, ids: Sequence[int]) -> set[str]:
        """Delete revisions and everything that hangs on them (inside the caller's transaction);
        the digests of the evidence files they referred to."""
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        shas = {
            r[0]
            for table in ("evidence", "evidence_removals")
            for r in self.conn.execute(f"SELECT sha256 FROM {table} WHERE assessment_id IN ({marks})", ids)
        }
        for table in ("answers", "evidence", "evidence_removals", "audit", "summaries", "packed_answers"):
            self.conn.execute(f"DELETE FROM {table} WHERE assessment_id IN ({marks})", ids)
        self.conn.execute(f"DELETE FROM assessments WHERE id IN ({marks})", ids)
        return shas

    def purge(self, kind: str, key: str, who: str = "") -> Purged:
        """Remove an entry of the recycle bin for good: an enterprise with every assessment it
        has (all are in the bin with it), an assessment with every revision, or a removed evidence
        link; then the stored evidence files nothing else refers to (no other assessment, in the
        bin or not, and no other removal). Recorded in ``bin_log``. Cannot be undone. Raises
        NotInBin."""
        with self._tx():
            entry, shas = self._purge(kind, key, who)
        return Purged(entry, self._forget_blobs(sorted(shas)))

    def _purge(self, kind: str, key: str, who: str) -> tuple[DeletedRow, set[str]]:
        if kind == "evidence":
            gone = (
                self._one("SELECT id, sha256 FROM evidence_removals WHERE id = ?", (int(key),))
                if _removal_id(key)
                else None
            )
            found = self._deleted("evidence", int(key)) if gone else []
            if gone is None or not found:
                raise NotInBin(kind, key)
            self.conn.execute("DELETE FROM evidence_removals WHERE id = ?", (gone["id"],))
            self._log("purge", kind, key, found[0].name, who, uuid=found[0].uuid, item=found[0].item_id)
            return found[0], {gone["sha256"]}
        if kind == "assessment":
            rows = self._rows("SELECT id, deletion FROM assessments WHERE uuid = ? AND deletion IS NOT NULL", (key,))
            if not rows:
                raise NotInBin(kind, key)
            did = rows[0]["deletion"]
            listed = self._deleted("assessment", did)
            entry = listed[0] if listed else self._assessment_entry(key, did)
            shas = self._drop_revisions([r["id"] for r in rows])
            self.conn.execute("DELETE FROM deletions WHERE id = ? AND kind = 'assessment'", (did,))
            self._log("purge", kind, key, entry.name, who, revisions=len(rows), evidence=entry.evidence)
            return entry, shas
        if kind != "enterprise":
            raise ValueError(f"unknown kind {kind!r}")
        e = self._one("SELECT deletion FROM enterprises WHERE credit_code = ?", (key,))
        if e is None or e["deletion"] is None:
            raise NotInBin(kind, key)
        entry = self._deleted_entry("enterprise", e["deletion"])
        rows = self._rows("SELECT id, deletion FROM assessments WHERE credit_code = ? AND deletion IS NOT NULL", (key,))
        dids = {r["deletion"] for r in rows} | {e["deletion"]}
        shas = self._drop_revisions([r["id"] for r in rows])
        if self._one("SELECT 1 AS x FROM assessments WHERE credit_code = ? LIMIT 1", (key,)) is None:
            self.conn.execute("DELETE FROM enterprises WHERE credit_code = ?", (key,))
        else:  # never happens (what is made for an enterprise brings it back first); keep what is visible
            self.conn.execute("UPDATE enterprises SET deletion = NULL WHERE credit_code = ?", (key,))
        self.conn.execute(f"DELETE FROM deletions WHERE id IN ({','.join('?' * len(dids))})", sorted(dids))
        self._log("purge", kind, key, entry.name, who, assessments=len({r["id"] for r in rows}), revisions=len(rows))
        return entry, shas

    def _assessment_entry(self, uuid: str, did: int) -> DeletedRow:
        """A bin entry for an assessment deleted with its enterprise (purged on its own)."""
        d = self._one("SELECT * FROM deletions WHERE id = ?", (did,))
        row = self._revision(uuid, deleted=True)
        assert d is not None
        return DeletedRow(
            "assessment", uuid, row["enterprise_name"], d["at"], d["who"], row["credit_code"], uuid=uuid,
            assessments=1, revisions=row["revision"], mode=row["mode"], assessor=row["assessor"],
            date=row["date"], status=row["status"],
        )  # fmt: skip

    def purge_older_than(self, days: float, who: str = "", *, now: datetime | None = None) -> list[Purged]:
        """Purge everything deleted at least ``days`` days ago (what ``list_deleted(days)``
        lists: show it and ask first; the app never purges by itself)."""
        done = []
        for entry in self.list_deleted(days, now=now):
            try:
                done.append(self.purge(entry.kind, entry.key, who))
            except (NotInBin, AssessmentNotFound):
                continue  # went with an enterprise purged just before, or in another window
        return done


def _removal_id(key: str) -> bool:
    """Whether ``key`` can be the id of an evidence removal (a positive integer SQLite can hold)."""
    return isinstance(key, str) and key.isascii() and key.isdigit() and len(key) <= 18


def _cutoff(days: float, now: datetime | None) -> str:
    if not 0 <= days < 1e6:  # NaN fails too
        raise ValueError(f"days must be a number from 0, not {days!r}")
    moment = (now or datetime.now(UTC)) - timedelta(days=days)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")
