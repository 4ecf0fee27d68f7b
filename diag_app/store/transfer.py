"""Moving assessments between workspaces: export to bundles (.sfd) and plain assessment files
(.json), import of both. Every file is validated completely (``bundle.py``) before anything of it
is written."""

from __future__ import annotations

import json
import sqlite3
import uuid as uuidlib
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from .. import app_version
from ..assessment_file import write_json_atomic
from ..errors import os_reason_msg
from ..model.assessment import (
    assessment_to_data,
)
from ..progress import Progress
from . import bundle as bundlemod
from .bundle_write import EvidenceUnreadable, write_bundle
from .connection import last_id, to_json, utc_now
from .errors import (
    AssessmentNotFound,
    BundleRejected,
    EvidenceMissing,
    StorageFailed,
)
from .recycle import RecycleBin
from .rows import ImportedItem, ImportSummary


class Transfer(RecycleBin):
    """Export and import."""

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
                rows = self._rows(
                    "SELECT * FROM assessments WHERE uuid = ? AND deletion IS NULL ORDER BY revision", (uid,)
                )
                if not rows:
                    raise AssessmentNotFound(uid)
                for row in rows:
                    data = self._file_data(row)
                    members.append((f"assessments/{row['uuid']}-r{row['revision']}.json", data))
                    for ref in data["evidence"]:
                        evidence[ref["sha256"]] = self.evidence_path(ref["sha256"])
                        names[ref["sha256"]] = ref["name"]
        try:
            write_bundle(out, members, evidence, app_version())
        except EvidenceUnreadable as e:
            raise EvidenceMissing(e.sha256, names.get(e.sha256, ""), self.evidence_path(e.sha256)) from None
        except OSError as e:
            raise StorageFailed(out, os_reason_msg(e)) from e

    def export_json(self, uuid: str, out: str | Path, revision: int | None = None) -> None:
        """Write one revision as a plain assessment file (JSON; evidence listed, not included)."""
        with self._tx(write=False):
            data = self._file_data(self._revision(uuid, revision))
        try:
            write_json_atomic(out, data)
        except OSError as e:
            raise StorageFailed(Path(out), os_reason_msg(e)) from e

    # --- files: import ---------------------------------------------------------------------

    def import_files(self, paths: list[str | Path], progress: Progress | None = None) -> ImportSummary:
        """Import bundles (.sfd) and plain assessment files (.json).

        Every file is validated completely before anything of it is written; a file that breaks a
        rule is listed in ``rejected`` and contributes nothing, while the valid files are
        imported. Revisions are read one at a time (validated, let go of, read again to write),
        so memory stays bounded whatever the files hold. An assessment revision already here
        (same uuid and revision) is skipped (``differs`` says whether its content differs);
        another revision of a known assessment is added beside the ones here, never over them.
        An assessment whose uuid belongs to an assessment of another enterprise here (a copied
        file) is added as a new assessment with a new uuid (``copy_of``). Evidence files are
        checked by SHA-256: a damaged one here is replaced by the genuine copy from the bundle;
        evidence copied for a file that is then not imported is removed again.
        ``progress.cancel()`` (from another thread) stops it with ``Cancelled`` before anything is
        written."""
        summary = ImportSummary()
        total = len(paths) + 1
        sources: list[bundlemod.Bundle] = []
        for i, p in enumerate(paths):
            file = Path(p)
            if progress is not None:
                progress(i, total, file.name)
                progress.check()
            try:
                if file.suffix.lower() == ".json":
                    sources.append(bundlemod.read_plain(file))
                else:
                    sources.append(bundlemod.read_bundle(file))
            except BundleRejected as e:
                summary.rejected.append((str(file), e))
        if progress is not None:
            progress(len(paths), total, "")
            progress.check()

        created: list[str] = []  # evidence files new here: removed again unless a revision keeps them
        try:
            ready = [src for src in sources if self._import_evidence(src, summary, created)]
            new_uuids: set[str] = set()
            with self._tx():
                for src in ready:
                    self._import_source(src, summary, new_uuids)
        finally:
            self._drop_unreferenced(created)
        if progress is not None:
            progress(total, total, "")
        return summary

    def _import_evidence(self, src: bundlemod.Bundle, summary: ImportSummary, created: list[str]) -> bool:
        """Copy the evidence ``src`` refers to that is not here intact; False (and ``src`` listed
        as rejected) when the bundle's copy fails its checks."""
        try:
            for sha in sorted(src.referenced):
                if self.evidence_ok(sha):
                    continue
                member = src.evidence[sha]

                def copy(tmp: Path, file: Path = src.file, member: str = member, sha: str = sha) -> tuple[str, int]:
                    bundlemod.copy_member(file, member, sha, tmp, src.limits.max_evidence)
                    return sha, tmp.stat().st_size

                self._store_blob(copy, created)
        except BundleRejected as e:
            summary.rejected.append((str(src.file), e))
            return False
        except OSError as e:
            raise StorageFailed(self.evidence_dir, os_reason_msg(e)) from e
        return True

    def _import_source(self, src: bundlemod.Bundle, summary: ImportSummary, new_uuids: set[str]) -> None:
        """Write the revisions of one file inside import_files' transaction, all or none (a
        savepoint): a file whose revision cannot be written is listed as rejected."""
        mine = ImportSummary()
        mine_new: set[str] = set()
        renamed: dict[str, str] = {}
        self.conn.execute("SAVEPOINT import_file")
        try:
            for info in sorted(src.entries, key=lambda e: (e.uuid, e.revision)):
                self._import_entry(src.file, src.load(info), mine, new_uuids | mine_new, renamed, mine_new)
        except (BundleRejected, sqlite3.IntegrityError, sqlite3.InterfaceError, ValueError) as e:
            self.conn.execute("ROLLBACK TO import_file")
            self.conn.execute("RELEASE import_file")
            why = (
                e
                if isinstance(e, BundleRejected)
                else BundleRejected(src.file, "", "write_failed", detail=str(e)[:200])
            )
            summary.rejected.append((str(src.file), why))
            return
        except BaseException:
            self.conn.execute("ROLLBACK TO import_file")
            self.conn.execute("RELEASE import_file")
            raise
        self.conn.execute("RELEASE import_file")
        new_uuids |= mine_new
        summary.added += mine.added
        summary.skipped += mine.skipped
        summary.new_revisions += mine.new_revisions

    def _import_entry(
        self,
        file: Path,
        e: bundlemod.Entry,
        summary: ImportSummary,
        new_uuids: set[str],
        renamed: dict[str, str] | None = None,
        added_uuids: set[str] | None = None,
    ) -> None:
        """Insert one validated revision (inside import_files' transaction). ``new_uuids``: the
        assessments this import brought in, whose further revisions also count as added;
        ``renamed``: uuids given a new one in this file (copied from another enterprise's)."""
        renamed = {} if renamed is None else renamed
        added_uuids = new_uuids if added_uuids is None else added_uuids
        a = e.assessment
        copy_of = ""
        if not a.uuid:  # a plain file never stored in a workspace: a new assessment
            a = replace(a, uuid=str(uuidlib.uuid4()), revision=1)
        elif a.uuid in renamed:
            copy_of, a = a.uuid, replace(a, uuid=renamed[a.uuid])
        else:
            owner = self._one("SELECT credit_code FROM assessments WHERE uuid = ? LIMIT 1", (a.uuid,))
            if owner is not None and owner["credit_code"] != a.enterprise.credit_code:
                # a file copied from another client's: the same uuid, another enterprise. Both are kept.
                renamed[a.uuid] = str(uuidlib.uuid4())
                copy_of, a = a.uuid, replace(a, uuid=renamed[a.uuid])
        restored = False
        if self._one("SELECT 1 AS x FROM assessments WHERE uuid = ? AND deletion IS NOT NULL LIMIT 1", (a.uuid,)):
            # in the recycle bin: importing it again brings it back, with every revision it had
            self._restore_assessment(a.uuid, "", by=f"import {file.name}")
            restored = True
        item = ImportedItem(
            file=str(file),
            uuid=a.uuid,
            revision=a.revision,
            enterprise_name=a.enterprise.name,
            credit_code=a.enterprise.credit_code,
            mode=a.mode,
            assessor=a.assessor,
            status=e.status,
            copy_of=copy_of,
            restored=restored,
        )
        here = self._one("SELECT * FROM assessments WHERE uuid = ? AND revision = ?", (a.uuid, a.revision))
        if here is not None:
            mine = self._assessment(here, self._answers(here["id"]))
            differs = assessment_to_data(mine) != assessment_to_data(replace(a, status=e.status))
            summary.skipped.append(replace(item, differs=differs or here["status"] != e.status))
            return
        known = self._one("SELECT 1 AS x FROM assessments WHERE uuid = ? LIMIT 1", (a.uuid,)) is not None
        if not known:
            added_uuids.add(a.uuid)
        now = utc_now()
        ent = a.enterprise
        known_ent = self._one("SELECT deletion FROM enterprises WHERE credit_code = ?", (ent.credit_code,))
        if known_ent is None:
            self._upsert_enterprise(ent)  # a known enterprise keeps the data entered here
        elif known_ent["deletion"] is not None:  # in the bin: it comes back, its other assessments stay there
            self._revive_enterprise(ent.credit_code, "", by=f"import {file.name}")
        new_id = last_id(
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
                    "plans": to_json([asdict(p) for p in a.plans]),
                    "scope": to_json(asdict(a.scope)),
                    "team": to_json([asdict(m) for m in a.team]),
                    "na_subdomains": to_json(a.na_subdomains),
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
            try:
                size = self.evidence_path(ref.sha256).stat().st_size
            except FileNotFoundError:  # purged in another window since it was copied in
                raise BundleRejected(file, f"evidence/{ref.sha256}", "changed") from None
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
        (summary.new_revisions if known and a.uuid not in new_uuids | added_uuids else summary.added).append(item)
