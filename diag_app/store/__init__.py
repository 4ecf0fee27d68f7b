"""Workspace storage: the SQLite database (schema via migrations), revisions, evidence, backups
and the portable assessment bundles. The only part of the app that writes SQL."""

from .backup import backups, restore_backup
from .bundle import FORMAT as BUNDLE_FORMAT
from .errors import (
    AssessmentFinal,
    AssessmentNotFound,
    BundleRejected,
    DatabaseCorrupt,
    DatabaseLocked,
    EnterpriseNotFound,
    EvidenceMissing,
    EvidenceTooLarge,
    ImportCancelled,
    NotADatabase,
    PackUnavailable,
    SchemaTooNew,
    StorageFailed,
    StoreError,
)
from .workspace import (
    EVIDENCE_LIMIT,
    AssessmentRow,
    AuditRow,
    EnterpriseRow,
    EvidenceRow,
    ImportedItem,
    ImportSummary,
    Progress,
    Workspace,
    default_db_path,
)

__all__ = [
    "BUNDLE_FORMAT",
    "EVIDENCE_LIMIT",
    "AssessmentFinal",
    "AssessmentNotFound",
    "AssessmentRow",
    "AuditRow",
    "BundleRejected",
    "DatabaseCorrupt",
    "DatabaseLocked",
    "EnterpriseNotFound",
    "EnterpriseRow",
    "EvidenceMissing",
    "EvidenceRow",
    "EvidenceTooLarge",
    "ImportCancelled",
    "ImportSummary",
    "ImportedItem",
    "NotADatabase",
    "PackUnavailable",
    "Progress",
    "SchemaTooNew",
    "StorageFailed",
    "StoreError",
    "Workspace",
    "backups",
    "default_db_path",
    "restore_backup",
]
