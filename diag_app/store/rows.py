"""The rows the store hands to the GUI and the CLI, and the query that makes them.

Plain values (named tuples and frozen dataclasses): nothing in them reaches back into the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .errors import (
    BundleRejected,
)

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
class EvidenceChange:
    """What one evidence change did, so that it can be undone: ``Workspace.undo_evidence(change)``
    reverses it and returns the change that redoes it (undo and redo are the same call).

    ``removed``: the links this change took away, each kept as a restorable removal (ids in the
    workspace; the file stays on disk while any removal refers to it). ``added``: the SHA-256 of
    the links this change made (undo takes them away again, restorably). ``row``: the new link of
    ``replace_evidence`` (or of an undo that put one back)."""

    uuid: str
    item_id: str
    removed: tuple[int, ...] = ()
    added: tuple[str, ...] = ()
    row: EvidenceRow | None = None

    @property
    def empty(self) -> bool:
        """Nothing changed (e.g. a file replaced by one with the same content)."""
        return not self.removed and not self.added


@dataclass(frozen=True)
class DeletedRow:
    """One entry of the recycle bin (``Workspace.list_deleted()``).

    kind "enterprise": ``key`` is the credit code; restoring it brings back the enterprise and the
    ``assessments`` deleted with it. kind "assessment": ``key`` is the uuid (every revision goes and
    comes back together); its enterprise comes back with it if that is in the bin too (without the
    enterprise's other assessments). kind "evidence": an evidence file taken off an answer; ``key`` is
    the removal id (as text), ``name`` the file name, ``uuid``/``item_id`` where it was attached.
    ``name`` of the other kinds is the enterprise name."""

    kind: str
    key: str
    name: str
    deleted_at: str
    who: str
    credit_code: str
    uuid: str = ""  # assessment, evidence
    item_id: str = ""  # evidence
    assessments: int = 0  # enterprise: assessments that come back with it; assessment: 1
    revisions: int = 0  # enterprise, assessment: revisions that come back
    evidence: int = 0  # evidence links that come back (evidence: 1)
    mode: str = ""  # assessment: of its latest revision
    assessor: str = ""
    date: str = ""
    status: str = ""


@dataclass(frozen=True)
class Purged:
    """What ``Workspace.purge`` removed for good: the bin entry as it was listed, and how many
    stored evidence files went with it (those nothing else referred to)."""

    row: DeletedRow
    files: int


@dataclass(frozen=True)
class BinLogRow:
    """One line of the recycle bin's own record (``Workspace.bin_log()``), kept after a purge has
    removed the assessments and their audit trail. ``action``: delete, restore or purge."""

    id: int
    at: str
    who: str
    action: str
    kind: str
    key: str
    name: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    who: str
    revision: int
    # create, answer, plans, scope, team, na_subdomain, finalise, reopen, evidence (old/new: the file
    # taken off / attached; both for a replacement), enterprise, import, delete, restore
    action: str
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
    copy_of: str = ""  # added under a new uuid: the file's uuid belongs to another enterprise's assessment here
    restored: bool = False  # its assessment was in the recycle bin and is back (with every revision it had)


@dataclass
class ImportSummary:
    added: list[ImportedItem] = field(default_factory=list)  # assessments new to this workspace
    skipped: list[ImportedItem] = field(default_factory=list)  # same uuid and revision already here
    new_revisions: list[ImportedItem] = field(default_factory=list)  # known uuid, new revision
    rejected: list[tuple[str, BundleRejected]] = field(default_factory=list)  # (file, why): nothing imported

    @property
    def ok(self) -> bool:
        """Every file imported (or already here as it is)."""
        return not self.rejected and not self.conflicts

    @property
    def conflicts(self) -> list[ImportedItem]:
        """Revisions not imported because a different version of them is already here."""
        return [i for i in self.skipped if i.differs]

    @property
    def restored(self) -> list[ImportedItem]:
        """Assessments brought back from the recycle bin by this import (one item each)."""
        return [i for i in [*self.added, *self.new_revisions, *self.skipped] if i.restored]

    @property
    def copies(self) -> list[ImportedItem]:
        """Revisions added under a new uuid (their uuid belongs to another enterprise's here)."""
        return [i for i in self.added if i.copy_of]


ROW_SQL = """
SELECT a.*, s.tier AS s_tier, s.score AS s_score, s.level AS s_level,
       s.answered AS s_answered, s.total AS s_total
FROM assessments a LEFT JOIN summaries s ON s.assessment_id = a.id
"""
LATEST_REVISION = "a.revision = (SELECT MAX(b.revision) FROM assessments b WHERE b.uuid = a.uuid)"


def assessment_row_of(r: dict[str, Any]) -> AssessmentRow:
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
