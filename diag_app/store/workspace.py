"""The workspace: one SQLite database (through sqlite-utils) holding enterprises, assessments with
their revisions, answers, evidence and the audit trail. Nothing outside ``diag_app.store`` writes SQL.

``Workspace`` is the one class the GUI and the CLI use. It is built in layers, one module each:
``connection.Connection`` (opening safely, transactions; its docstring says how data is kept
safe), ``records.Records`` (revisions, answers, audit, list summaries), ``evidence.EvidenceStore``
(evidence files), ``evidence_edit.EvidenceEdits`` (taking evidence off, replacing, undoing),
``recycle.RecycleBin`` (delete, restore, purge), ``transfer.Transfer`` (export and import); this
module adds the enterprise and assessment API.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

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
    Scope,
    TeamMember,
    parse_na_subdomains,
    parse_plans,
    parse_scope,
    parse_team,
    text_problem,
    validate_value,
)
from ..model.questionnaire import Pack
from ..validation import check_shape
from .connection import last_id, utc_now
from .records import enterprise_problems
from .rows import (
    LATEST_REVISION,
    ROW_SQL,
    AssessmentRow,
    AuditRow,
    EnterpriseRow,
    assessment_row_of,
)
from .summaries import current_values
from .transfer import Transfer

__all__ = ["Workspace", "default_db_path"]


def default_db_path() -> Path:
    """The workspace used when no ``--db`` is given: the platform's user data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("diag-app", appauthor=False)) / "workspace.db"


class Workspace(Transfer):
    """An open workspace database: enterprises, assessments with their revisions, answers, plans,
    evidence and the audit trail. Safe to share between the GUI thread and one background worker:
    calls are serialised by a lock. Open with ``Workspace.open(path)``.

    The layers of the class, one module each: ``connection.Connection`` (opening, transactions),
    ``records.Records`` (revisions, answers, audit, summaries), ``evidence.EvidenceStore``,
    ``evidence_edit.EvidenceEdits`` (remove, replace, undo, open), ``recycle.RecycleBin``,
    ``transfer.Transfer`` (export and import); here the enterprise and assessment API."""

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
        problems = enterprise_problems(e, self._default_pack())
        if problems:
            raise AssessmentInvalid(problems)
        with self._tx():
            self._upsert_enterprise(e)

    def get_enterprise(self, credit_code: str) -> Enterprise | None:
        """The enterprise with this credit code; None when there is none (or it is in the bin)."""
        with self._tx(write=False):
            r = self._one("SELECT * FROM enterprises WHERE credit_code = ? AND deletion IS NULL", (credit_code,))
        if r is None:
            return None
        return Enterprise(r["name"], r["credit_code"], r["industry"], r["path"], r["district"], r["employees"])

    def list_enterprises(
        self, search: str = "", industry: str | None = None, tier: str | None = None
    ) -> list[EnterpriseRow]:
        """Every enterprise (not in the recycle bin) with its most recent assessment's summary, by
        name. ``search`` matches name, credit code or district; ``tier`` "none" also matches
        enterprises never assessed."""
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
            WHERE e.deletion IS NULL AND (? = '' OR e.name LIKE ? ESCAPE '\\' OR e.credit_code LIKE ? ESCAPE '\\'
                   OR e.district LIKE ? ESCAPE '\\')
              AND (? IS NULL OR e.industry = ?)
              AND (? IS NULL OR s.tier = ? OR (? = 'none' AND s.tier IS NULL))
            ORDER BY e.name, e.credit_code
        """
        params = (needle, like, like, like, industry, industry, tier, tier, tier)
        with self._tx(write=False), collector_paused():  # 120,000 values at once
            return list(map(EnterpriseRow._make, self.conn.execute(sql, params).fetchall()))

    # --- assessments -----------------------------------------------------------------------
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
        problems = enterprise_problems(enterprise, pack)
        if mode not in MODES:
            problems.append(Problem("assessment.mode", "assessment.mode", {"value": mode, "allowed": ", ".join(MODES)}))
        if date:
            try:
                _parse_date(date)
            except ValueError:
                problems.append(Problem("assessment.date", "assessment.date", {"value": date}))
        if p := text_problem(assessor, "assessment.assessor"):  # as a file with it would be refused
            problems.append(p)
        if not problems and not (enterprise.path or pack.industries[enterprise.industry].path):
            problems.append(Problem("enterprise.path", "path.required", {"industry": enterprise.industry}))
        if problems:
            raise AssessmentInvalid(problems)
        uid = str(uuidlib.uuid4())
        now = utc_now()
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
            r = self._one(ROW_SQL + "WHERE a.id = ?", (row["id"],))
        assert r is not None
        return assessment_row_of(r)

    def list_assessments(self, credit_code: str | None = None) -> list[AssessmentRow]:
        """The latest revision of each assessment (of one enterprise, or all), newest first; those
        in the recycle bin are left out."""
        sql = ROW_SQL + f"WHERE a.deletion IS NULL AND {LATEST_REVISION} AND (? IS NULL OR a.credit_code = ?) "
        sql += "ORDER BY COALESCE(NULLIF(a.date, ''), substr(a.updated, 1, 10)) DESC, a.updated DESC, a.id DESC"
        with self._tx(write=False):
            rows = self._rows(sql, (credit_code, credit_code))
        return [assessment_row_of(r) for r in rows]

    def revisions(self, uuid: str) -> list[AssessmentRow]:
        """Every revision of one assessment, oldest first ([] for an unknown uuid or one in the
        recycle bin)."""
        with self._tx(write=False):
            rows = self._rows(ROW_SQL + "WHERE a.uuid = ? AND a.deletion IS NULL ORDER BY a.revision", (uuid,))
        return [assessment_row_of(r) for r in rows]

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
            if value == NA:  # 不适用 needs its reason in the note (format-2 packs): the note as it will be
                problem = validate_value(pack, item_id, value, new_note)
                if problem is not None:
                    raise AssessmentInvalid([problem])
            if old is not None and old.value == value and type(old.value) is type(value) and old.note == new_note:
                return
            values = current_values(self.conn, row["id"])
            now = utc_now()
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
        raw = [{**asdict(p), "confirmed": list(p.confirmed)} for p in plans]
        check_shape("plans", raw, ("plans",))
        problems: list[Problem] = []
        parsed = parse_plans(pack, raw, problems)
        if problems:
            raise AssessmentInvalid(problems)
        with self._tx():
            self._set_json(uuid, "plans", [asdict(p) for p in parsed], "plans", who)

    def set_scope(self, uuid: str, scope: Scope, who: str = "") -> None:
        """Replace what the latest (draft) revision covered: site, lines, period, interviewees,
        documents (free texts, at most 4,000 characters each)."""
        problems: list[Problem] = []
        parsed = parse_scope(asdict(scope), problems)
        if problems:
            raise AssessmentInvalid(problems)
        with self._tx():
            self._set_json(uuid, "scope", asdict(parsed), "scope", who)

    def set_team(self, uuid: str, team: Sequence[TeamMember], who: str = "") -> None:
        """Replace the assessment team of the latest (draft) revision (each member with a name)."""
        problems: list[Problem] = []
        parsed = parse_team([asdict(m) for m in team], problems)
        if problems:
            raise AssessmentInvalid(problems)
        with self._tx():
            self._set_json(uuid, "team", [asdict(m) for m in parsed], "team", who)

    def set_na_subdomain(self, uuid: str, subdomain_id: str, reason: str | None, who: str = "") -> None:
        """Declare a whole sub-domain 不适用 in the latest (draft) revision, with the reason; a
        reason of None (or blank) withdraws the declaration. The list summary is recomputed."""
        with self._tx(write=False):
            head = self._revision(uuid)
        pack = self._pack(head["pack_id"], head["pack_version"])
        with self._tx():
            row = self._draft(uuid)
            current = {str(k): str(v) for k, v in json.loads(row["na_subdomains"]).items()}
            if reason is None or (isinstance(reason, str) and not reason.strip()):
                current.pop(subdomain_id, None)
            else:
                current[subdomain_id] = reason
            problems: list[Problem] = []
            parsed = parse_na_subdomains(pack, current, problems)
            if problems:
                raise AssessmentInvalid(problems)
            if self._set_json(uuid, "na_subdomains", dict(sorted(parsed.items())), "na_subdomain", who, subdomain_id):
                self._write_summary(self._revision(uuid))

    def finalise(self, uuid: str, who: str = "") -> None:
        """Mark the latest revision final: from then on it is read-only (reopen to change)."""
        with self._tx():
            row = self._revision(uuid)
            if row["status"] == "final":
                return
            now = utc_now()
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
            now = utc_now()
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
            new_id = last_id(self.db.table("assessments").insert(new))
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


def _parse_date(text: str) -> date:
    return date.fromisoformat(text)
