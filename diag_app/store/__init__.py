"""Workspace storage: the SQLite database (schema via migrations), revisions, evidence, backups
and the portable assessment bundles. The only part of the app that writes SQL.

Modules: ``connection`` (opening, transactions, SQLite errors → ours), ``rows`` (the row types
handed out), ``records`` (revisions, answers, audit, summaries), ``evidence``, ``evidence_edit``
(remove, replace, undo, open), ``recycle`` (the recycle bin), ``transfer``
(export and import), ``workspace`` (the public ``Workspace``: enterprises and assessments, built
on the others); ``bundle`` (the .sfd file format), ``backup``, ``migrations``, ``summaries``
(list scores, computed in worker processes), ``errors``.
"""

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    AssessmentFinal,
    AssessmentNotFound,
    BundleRejected,
    DatabaseCorrupt,
    DatabaseLocked,
    EnterpriseNotFound,
    EvidenceDamaged,
    EvidenceMissing,
    EvidenceNotAttached,
    EvidenceTooLarge,
    ImportCancelled,
    NotADatabase,
    NotInBin,
    PackUnavailable,
    SchemaTooNew,
    StorageFailed,
    StoreError,
    WorkspaceReadOnly,
)

# Loaded on first use: the workspace module brings sqlite-utils and with it numpy (~0.3 s), which
# a process that only computes summaries (store/summaries.py's pool workers) never needs.
_LAZY = {
    "BUNDLE_FORMAT": ("bundle", "FORMAT"),
    "Progress": ("progress", "Progress"),
    **{name: ("backup", name) for name in ("backups", "restore_backup")},
    **{name: ("rows", name) for name in ("AssessmentRow", "AuditRow", "EnterpriseRow", "EvidenceRow")},
    **{name: ("rows", name) for name in ("BinLogRow", "DeletedRow", "EvidenceChange", "Purged")},
    **{name: ("rows", name) for name in ("ImportedItem", "ImportSummary")},
    "EVIDENCE_LIMIT": ("evidence", "EVIDENCE_LIMIT"),
    **{name: ("workspace", name) for name in ("Workspace", "default_db_path")},
}

if TYPE_CHECKING:
    from ..progress import Progress
    from .backup import backups, restore_backup
    from .bundle import FORMAT as BUNDLE_FORMAT
    from .evidence import EVIDENCE_LIMIT
    from .rows import (
        AssessmentRow,
        AuditRow,
        BinLogRow,
        DeletedRow,
        EnterpriseRow,
        EvidenceChange,
        EvidenceRow,
        ImportedItem,
        ImportSummary,
        Purged,
    )
    from .workspace import Workspace, default_db_path


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attr = _LAZY[name]
    package = "diag_app" if module == "progress" else __name__
    value = getattr(importlib.import_module(f".{module}", package), attr)
    globals()[name] = value
    return value


__all__ = [
    "BUNDLE_FORMAT",
    "EVIDENCE_LIMIT",
    "AssessmentFinal",
    "AssessmentNotFound",
    "AssessmentRow",
    "AuditRow",
    "BinLogRow",
    "BundleRejected",
    "DatabaseCorrupt",
    "DatabaseLocked",
    "DeletedRow",
    "EnterpriseNotFound",
    "EnterpriseRow",
    "EvidenceChange",
    "EvidenceDamaged",
    "EvidenceMissing",
    "EvidenceNotAttached",
    "EvidenceRow",
    "EvidenceTooLarge",
    "ImportCancelled",
    "ImportSummary",
    "ImportedItem",
    "NotADatabase",
    "NotInBin",
    "PackUnavailable",
    "Progress",
    "Purged",
    "SchemaTooNew",
    "StorageFailed",
    "StoreError",
    "Workspace",
    "WorkspaceReadOnly",
    "backups",
    "default_db_path",
    "restore_backup",
]
