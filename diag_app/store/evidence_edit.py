"""Taking evidence off an answer, replacing it, undoing either, and opening a file safely.

Nothing here deletes a file: a link taken off becomes a *removal* (``evidence_removals``) that
keeps the stored file and can be put back (undo, or restore from the recycle bin). Files go only
when purged (``recycle.py``), and then only those nothing refers to any more.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import bundle as bundlemod
from .connection import utc_now
from .errors import (
    EvidenceDamaged,
    EvidenceMissing,
    EvidenceNotAttached,
    NotInBin,
)
from .evidence import EvidenceStore, file_digest
from .rows import EvidenceChange, EvidenceRow


class EvidenceEdits(EvidenceStore):
    """Remove, replace, undo, restore and open evidence."""

    def _linked(self, row: dict[str, Any], item_id: str, sha256: str) -> dict[str, Any]:
        link = self._one(
            """SELECT e.*, f.size FROM evidence e JOIN evidence_files f ON f.sha256 = e.sha256
               WHERE e.assessment_id = ? AND e.item_id = ? AND e.sha256 = ?""",
            (row["id"], item_id, sha256),
        )
        if link is None:
            raise EvidenceNotAttached(row["uuid"], item_id, sha256)
        return link

    def _take_off(self, row: dict[str, Any], item_id: str, sha256: str, who: str) -> tuple[int, dict[str, Any]]:
        """Take one link off revision ``row`` and keep it as a restorable removal (inside the
        caller's write transaction): (removal id, the link as it was)."""
        link = self._linked(row, item_id, sha256)
        now = utc_now()
        cur = self.conn.execute(
            """INSERT INTO evidence_removals (assessment_id, item_id, sha256, name, who, added, removed, removed_by)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (row["id"], item_id, sha256, link["name"], link["who"], link["added"], now, who or ""),
        )
        self.conn.execute(
            "DELETE FROM evidence WHERE assessment_id = ? AND item_id = ? AND sha256 = ?", (row["id"], item_id, sha256)
        )
        self.conn.execute("UPDATE assessments SET updated = ? WHERE id = ?", (now, row["id"]))
        assert cur.lastrowid is not None
        return int(cur.lastrowid), link

    def _put_back(self, removal_id: int, who: str) -> tuple[dict[str, Any], EvidenceRow]:
        """Put a removed link back on the latest draft revision of its assessment (inside the
        caller's write transaction) and forget the removal: (that revision, the link)."""
        gone = self._one(
            """SELECT r.*, a.uuid, f.size FROM evidence_removals r
               JOIN assessments a ON a.id = r.assessment_id JOIN evidence_files f ON f.sha256 = r.sha256
               WHERE r.id = ?""",
            (removal_id,),
        )
        if gone is None:
            raise NotInBin("evidence", str(removal_id))
        row = self._draft(gone["uuid"])
        if not self.evidence_ok(gone["sha256"]):
            path = self.evidence_path(gone["sha256"])
            cls = EvidenceDamaged if path.exists() else EvidenceMissing
            raise cls(gone["sha256"], gone["name"], path)
        self.conn.execute("DELETE FROM evidence_removals WHERE id = ?", (removal_id,))
        link, _new = self._link(
            row, gone["item_id"], gone["sha256"], gone["size"], gone["name"], gone["who"], gone["added"]
        )
        return row, link

    def attach_evidence(self, uuid: str, item_id: str, file: str | Path, who: str = "") -> EvidenceChange:
        """``add_evidence`` for an undo stack: ``change.row`` is the link; ``undo_evidence(change)``
        takes it off again (restorably) — unless the file was already attached to the item, when
        nothing changed (``change.empty``) and the undo leaves it there."""
        link, new = self._attach(uuid, item_id, file, who)
        return EvidenceChange(uuid, item_id, added=(link.sha256,) if new else (), row=link)

    def remove_evidence(self, uuid: str, item_id: str, sha256: str, who: str = "") -> EvidenceChange:
        """Take one evidence file off an item of the latest (draft) revision. Audited. The stored
        file stays (earlier revisions may refer to it, and the removal can be undone with
        ``undo_evidence(change)`` or restored from the recycle bin until purged).

        Raises AssessmentNotFound, AssessmentFinal (a final revision is never changed: reopen
        it), EvidenceNotAttached."""
        with self._tx():
            row = self._draft(uuid)
            removal, link = self._take_off(row, item_id, sha256, who)
            self._audit(row["id"], "evidence", who, item_id, _file(link), None)
        return EvidenceChange(uuid, item_id, removed=(removal,))

    def replace_evidence(
        self, uuid: str, item_id: str, old_sha256: str, new_file: str | Path, who: str = ""
    ) -> EvidenceChange:
        """Replace one evidence file of an item of the latest (draft) revision by ``new_file``
        (copied in like ``add_evidence``), in one step: one audit record (old → new), one undo
        (``undo_evidence(change)`` takes the new one off and puts the old one back). A new file
        with the same content as the old one changes nothing (an empty change).

        Raises AssessmentNotFound, AssessmentFinal, EvidenceNotAttached, EvidenceTooLarge,
        StorageFailed (the new file cannot be read)."""
        src = Path(new_file)
        with self._tx(write=False):
            head = self._draft(uuid)
            self._linked(head, item_id, old_sha256)  # before copying anything
        self._check_item(head, item_id)
        name = bundlemod.safe_name(src.name)

        def swap(sha: str, size: int) -> EvidenceChange:
            row = self._draft(uuid)
            old = self._linked(row, item_id, old_sha256)
            if sha == old_sha256:
                return EvidenceChange(uuid, item_id, row=_row(old))
            link, new = self._link(row, item_id, sha, size, name, who, utc_now())
            removal, _ = self._take_off(row, item_id, old_sha256, who)
            self._audit(
                row["id"], "evidence", who, item_id, _file(old), {"sha256": sha, "name": link.name, "size": size}
            )
            return EvidenceChange(uuid, item_id, removed=(removal,), added=(sha,) if new else (), row=link)

        return self._copy_and_link(src, swap)

    def undo_evidence(self, change: EvidenceChange, who: str = "") -> EvidenceChange:
        """Reverse ``change`` (what remove_evidence, replace_evidence, restore or an earlier undo
        returned): the links it made are taken off (restorably), the links it took off are put
        back with their names and times. Returns the change that redoes it. All or nothing.

        Raises AssessmentFinal (the revision was finalised meanwhile), NotInBin (a removal was
        purged meanwhile), EvidenceMissing/EvidenceDamaged (its stored file is gone or altered)."""
        with self._tx():
            row = self._draft(change.uuid)
            removed = []
            for sha in change.added:
                removal, link = self._take_off(row, change.item_id, sha, who)
                self._audit(row["id"], "evidence", who, change.item_id, _file(link), None)
                removed.append(removal)
            added = []
            last: EvidenceRow | None = None
            for removal in change.removed:
                back_row, last = self._put_back(removal, who)
                self._audit(back_row["id"], "evidence", who, last.item_id, None, _file(last))
                added.append(last.sha256)
        return EvidenceChange(change.uuid, change.item_id, removed=tuple(removed), added=tuple(added), row=last)

    def restore_evidence(self, removal_id: int, who: str = "") -> EvidenceRow:
        """Put one removed evidence link back (from the recycle bin: ``DeletedRow.key`` of kind
        "evidence") on the latest draft revision of its assessment. Audited."""
        with self._tx():
            row, link = self._put_back(int(removal_id), who)
            self._audit(row["id"], "evidence", who, link.item_id, None, _file(link))
        return link

    def evidence_file(self, uuid: str, item_id: str, sha256: str, revision: int | None = None) -> Path:
        """The stored file of one evidence link, checked before it is handed out: its content must
        still have the SHA-256 it was stored under. Open the returned path read-only (or copy it
        to a temporary file with ``EvidenceRow.name`` for the system's viewer); it never has an
        extension and is never executable.

        Raises AssessmentNotFound, EvidenceNotAttached, EvidenceMissing (gone from the evidence
        folder), EvidenceDamaged (altered: never opened)."""
        with self._tx(write=False):
            row = self._revision(uuid, revision)
            link = self._linked(row, item_id, sha256)
        path = self.evidence_path(sha256)
        try:
            if not path.is_file():
                raise EvidenceMissing(sha256, link["name"], path)
            if file_digest(path) != sha256:
                raise EvidenceDamaged(sha256, link["name"], path)
        except OSError as e:
            raise EvidenceMissing(sha256, link["name"], path) from e
        return path

    def evidence_row(self, uuid: str, item_id: str, sha256: str, revision: int | None = None) -> EvidenceRow:
        """One evidence link of a revision (the latest by default)."""
        with self._tx(write=False):
            return _row(self._linked(self._revision(uuid, revision), item_id, sha256))


def _row(link: dict[str, Any]) -> EvidenceRow:
    return EvidenceRow(link["sha256"], link["item_id"], link["name"], link["size"], link["added"])


def _file(link: dict[str, Any] | EvidenceRow) -> dict[str, Any]:
    """How a link is recorded in the audit trail."""
    if isinstance(link, EvidenceRow):
        return {"sha256": link.sha256, "name": link.name, "size": link.size}
    return {"sha256": link["sha256"], "name": link["name"], "size": link["size"]}
