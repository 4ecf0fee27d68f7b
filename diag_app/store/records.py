"""What every part of the workspace shares beyond the connection: one revision's row, its answers
as the model's Assessment, the audit trail, the enterprise record and the cached list summaries
(recomputed from the answers and the pack the assessment was made with; the answers are the
source of truth)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..model.assessment import (
    SCOPE_FIELDS,
    Answer,
    Assessment,
    Enterprise,
    Plan,
    Problem,
    Scope,
    TeamMember,
    credit_code_problem,
    validate_enterprise,
)
from ..model.questionnaire import Pack
from .connection import Connection, to_json, utc_now
from .errors import (
    AssessmentFinal,
    AssessmentNotFound,
)
from .rows import LATEST_REVISION, ROW_SQL
from .summaries import Summary, pack_for, packed, summarise, summary_of, values_of


def enterprise_problems(e: Enterprise, pack: Pack | None) -> list[Problem]:
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


class Records(Connection):
    """Revisions, answers, audit and summaries, inside the caller's transaction."""

    # --- packs and summaries ---------------------------------------------------------------

    def _opened(self) -> None:
        self._refresh_summaries(only_missing=True)

    def _pack(self, pack_id: str, version: str) -> Pack:
        return pack_for(pack_id, version)

    def _answers(self, assessment_id: int) -> dict[str, Answer]:
        rows = self.conn.execute(
            "SELECT item_id, value, note FROM answers WHERE assessment_id = ? ORDER BY item_id", (assessment_id,)
        ).fetchall()
        return {item: Answer(item, json.loads(value), note) for item, value, note in rows}

    @staticmethod
    def _assessment(row: dict[str, Any], answers: dict[str, Answer]) -> Assessment:
        scope = json.loads(row["scope"])
        team = json.loads(row["team"])
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
            scope=Scope(**{f: str(scope.get(f) or "") for f in SCOPE_FIELDS}),
            team=tuple(
                TeamMember(str(m["name"]), str(m.get("role", "")), str(m.get("organisation", ""))) for m in team
            ),
            na_subdomains={str(k): str(v) for k, v in json.loads(row["na_subdomains"]).items()},
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
        now = utc_now()
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
            where = "WHERE a.deletion IS NULL"  # the bin's are recomputed when restored
            if only_missing:
                where += " AND (s.assessment_id IS NULL OR s.error IS NOT NULL)"
            ids = [r[0] for r in self.conn.execute(ROW_SQL.replace("a.*", "a.id") + where).fetchall()]
        done = 0
        chunks = [ids[start : start + 500] for start in range(0, len(ids), 500)]
        with self._lock, self._sqlite_errors():  # summarise reads through self.conn: nothing may interleave
            for computed in summarise(self.conn, str(self.path), chunks):
                with self._tx():
                    self._store_summaries(computed)
                done += len(computed)
        return done

    def rescore_all(self) -> int:
        """Recompute every cached summary (e.g. after installing a corrected pack); those of
        assessments in the recycle bin are recomputed when they are restored."""
        return self._refresh_summaries(only_missing=False)

    def _upsert_enterprise(self, e: Enterprise) -> None:
        now = utc_now()
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
                WHERE a.credit_code = ? AND a.status = 'draft' AND {LATEST_REVISION}""",
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

    def _revision(self, uuid: str, revision: int | None = None, *, deleted: bool = False) -> dict[str, Any]:
        """One revision's row (the latest by default). An assessment in the recycle bin is not
        found, unless ``deleted`` (the bin's own work)."""
        visible = "" if deleted else " AND deletion IS NULL"
        if revision is None:
            row = self._one(
                f"SELECT * FROM assessments WHERE uuid = ?{visible} ORDER BY revision DESC LIMIT 1", (uuid,)
            )
        else:
            row = self._one(f"SELECT * FROM assessments WHERE uuid = ? AND revision = ?{visible}", (uuid, revision))
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
                utc_now(),
                who or "",
                action,
                item_id,
                None if old is None else to_json(old),
                None if new is None else to_json(new),
            ),
        )

    def _set_json(self, uuid: str, column: str, new: Any, action: str, who: str, item_id: str | None = None) -> bool:
        """Replace one JSON column of the latest draft revision and audit the change (old and new
        values); False when nothing changed. Inside the caller's write transaction."""
        row = self._draft(uuid)
        old = json.loads(row[column])
        new = json.loads(to_json(new))  # tuples as lists: compared as they will read back
        if old == new:
            return False
        self.conn.execute(
            f"UPDATE assessments SET {column} = ?, updated = ? WHERE id = ?", (to_json(new), utc_now(), row["id"])
        )
        if item_id is None:
            self._audit(row["id"], action, who, None, old, new)
        else:
            self._audit(row["id"], action, who, item_id, old.get(item_id), new.get(item_id))
        return True
