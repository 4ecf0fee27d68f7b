"""The errors a user can meet in the workspace: one class each, with structured fields.

Each is an ``AppError`` (``diag_app/errors.py``): a title key (what happened), a message key of the
specifics (in ``diag_app/messages/store.py``) with the parameters that fill it in, and a hint key
(what to do next). ``diag_app.error_text.error_text`` words them in the user's language; the GUI's
one presenter and the CLI both use it. ``err.message(lang)`` is the specifics alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import AppError, Msg
from ..progress import Cancelled


class StoreError(AppError):
    """Base of every workspace error."""

    key = "store.error"
    title_key = "error.store"
    hint_key = "error.store.hint"

    def __init__(self, **params: Any):
        super().__init__("", **{k: _plain(v) for k, v in params.items()})
        self.args = (self.message("en"),)

    def message(self, lang: str = "zh") -> str:
        """The specifics (the detail of ``error_text``) in ``lang``."""
        from ..error_text import error_text

        return error_text(self, lang)[1]

    def __str__(self) -> str:
        return self.message("zh")


def _plain(v: Any) -> Any:
    if isinstance(v, Path):
        return str(v)
    return v


class NotADatabase(StoreError):
    """The file exists but is not an SQLite database; it is left untouched."""

    key = "store.not_a_database"
    title_key = "error.not_a_database"
    hint_key = "error.not_a_database.hint"

    def __init__(self, path: Path):
        self.path = Path(path)
        super().__init__(path=self.path)


class DatabaseCorrupt(StoreError):
    """The database fails its integrity check. ``backups`` lists the good backups, newest first,
    so the user can be offered ``restore_backup(backups[0], path)``."""

    key = "store.corrupt"
    title_key = "error.db_corrupt"
    hint_key = "error.db_corrupt.hint"

    def __init__(self, path: Path, detail: str, backups: list[Path]):
        self.path = Path(path)
        self.detail = detail
        self.backups = list(backups)
        backup = (
            Msg("store.corrupt.has_backup", {"backup": str(self.backups[0])})
            if self.backups
            else Msg("store.corrupt.no_backup")
        )
        super().__init__(path=self.path, detail=detail, n=len(self.backups), backup=backup)


class DatabaseLocked(StoreError):
    """Another program (or another window of this one) holds the write lock for too long."""

    key = "store.locked"
    title_key = "error.db_locked"
    hint_key = "error.db_locked.hint"

    def __init__(self, path: Path, seconds: float):
        self.path = Path(path)
        self.seconds = seconds
        super().__init__(path=self.path, seconds=round(seconds, 1))


class SchemaTooNew(StoreError):
    """The database was written by a newer version of the app; nothing was changed."""

    key = "store.schema_too_new"
    title_key = "error.schema_too_new"
    hint_key = "error.schema_too_new.hint"

    def __init__(self, path: Path, found: int, supported: int):
        self.path = Path(path)
        self.found = found
        self.supported = supported
        super().__init__(path=self.path, found=found, supported=supported)


def sqlite_reason(exc: BaseException) -> Msg | str:
    """SQLite's reason for a failed read or write in our words where we have them (its text is
    English): a full disk, an I/O error, a file it cannot open."""
    msg = str(exc).lower()
    for words, kind in (("full", "disk_full"), ("disk i/o", "io"), ("unable to open", "cannot_open")):
        if words in msg:
            return Msg(f"error.os.reason.{kind}")
    return str(exc)


class StorageFailed(StoreError):
    """The operating system refused a read or write (disk full, read-only folder, I/O error)."""

    key = "store.storage_failed"
    title_key = "error.storage_failed"
    hint_key = "error.storage_failed.hint"

    def __init__(self, path: Path, detail: str | Msg):
        self.path = Path(path)
        self.detail = detail  # the system's reason: our words for it (a Msg) where we have them
        super().__init__(path=self.path, detail=detail)


class WorkspaceReadOnly(StorageFailed):
    """The workspace is on a read-only medium or folder (a write-protected USB stick, a CD, a
    folder without write permission). Nothing is damaged: no backup is offered."""

    key = "store.read_only"
    title_key = "error.read_only_workspace"
    hint_key = "error.read_only_workspace.hint"

    def __init__(self, path: Path):
        super().__init__(path, "read-only")


class AssessmentNotFound(StoreError):
    key = "store.assessment_not_found"
    title_key = "error.assessment_not_found"
    hint_key = "error.assessment_not_found.hint"

    def __init__(self, uuid: str, revision: int | None = None):
        self.uuid = uuid
        self.revision = revision
        super().__init__(uuid=uuid, revision=revision if revision is not None else "-")


class EnterpriseNotFound(StoreError):
    key = "store.enterprise_not_found"
    title_key = "error.enterprise_not_found"
    hint_key = "error.enterprise_not_found.hint"

    def __init__(self, credit_code: str):
        self.credit_code = credit_code
        super().__init__(code=credit_code)


class AssessmentFinal(StoreError):
    """The latest revision is final: reopen it (a new revision) before changing anything."""

    key = "store.final"
    title_key = "error.assessment_final"
    hint_key = "error.assessment_final.hint"

    def __init__(self, uuid: str, revision: int):
        self.uuid = uuid
        self.revision = revision
        super().__init__(uuid=uuid, revision=revision)


class PackUnavailable(StoreError):
    """The questionnaire pack an assessment was made with is not installed."""

    key = "store.pack_unavailable"
    title_key = "error.pack_missing"
    hint_key = "error.pack_missing.hint"

    def __init__(self, pack_id: str, version: str):
        self.pack_id = pack_id
        self.version = version
        super().__init__(id=pack_id, version=version)


class EvidenceTooLarge(StoreError):
    key = "store.evidence_too_large"
    title_key = "error.evidence_too_large"
    hint_key = "error.evidence_too_large.hint"

    def __init__(self, file: Path | str, size: int, limit: int):
        self.file = str(file)
        self.size = size
        self.limit = limit
        super().__init__(file=self.file, mb=round(size / 1_048_576, 1), limit_mb=limit // 1_048_576)


class EvidenceMissing(StoreError):
    """An evidence file the database lists is gone from the workspace's evidence folder."""

    key = "store.evidence_missing"
    title_key = "error.evidence_missing"
    hint_key = "error.evidence_missing.hint"

    def __init__(self, sha256: str, name: str, path: Path):
        self.sha256 = sha256
        self.name = name
        self.path = Path(path)
        super().__init__(sha256=sha256, name=name, path=self.path)


class EvidenceDamaged(EvidenceMissing):
    """An evidence file is there but its content no longer has the SHA-256 it was stored under
    (altered or damaged on disk): it is not opened."""

    key = "store.evidence_damaged"
    title_key = "error.evidence_damaged"
    hint_key = "error.evidence_damaged.hint"


class EvidenceNotAttached(StoreError):
    """The answer has no evidence file with this digest (taken off meanwhile, e.g. in another
    window)."""

    key = "store.evidence_not_attached"
    title_key = "error.evidence_not_attached"
    hint_key = "error.evidence_not_attached.hint"

    def __init__(self, uuid: str, item_id: str, sha256: str):
        self.uuid = uuid
        self.item_id = item_id
        self.sha256 = sha256
        super().__init__(uuid=uuid, item=item_id, sha256=sha256[:12])


class NotInBin(StoreError):
    """What was to be restored or purged is not in the recycle bin (restored or purged meanwhile,
    e.g. in another window)."""

    key = "store.not_in_bin"
    title_key = "error.not_in_bin"
    hint_key = "error.not_in_bin.hint"

    def __init__(self, kind: str, key: str):
        self.kind = kind
        self.what = key
        super().__init__(kind=Msg(f"store.bin.kind.{kind}"), what=key)


# The one cancel (diag_app/progress.py), under the name the store has always used.
ImportCancelled = Cancelled


class BundleRejected(StoreError):
    """A bundle or assessment file failed validation; nothing of it was written.

    ``rule`` is one of the ``RULES`` below (also the suffix of its message key), ``member`` the
    zip member it concerns ("" for the file as a whole), ``details`` the rule's parameters and
    ``problems`` the assessment problems (model.assessment.Problem) for rule "assessment".
    """

    title_key = "error.bundle_rejected"
    hint_key = "error.bundle_rejected.hint"

    RULES = (
        "unreadable",
        "not_regular",
        "not_zip",
        "truncated",
        "encrypted",
        "too_many_members",
        "absolute_path",
        "parent_ref",
        "bad_name",
        "symlink",
        "duplicate",
        "unexpected_member",
        "member_too_large",
        "total_too_large",
        "ratio",
        "no_manifest",
        "manifest_invalid",
        "format",
        "not_listed",
        "missing_member",
        "digest",
        "size",
        "json",
        "assessment",
        "unknown_pack",
        "name_mismatch",
        "status",
        "evidence_ref",
        "changed",
        "write_failed",
    )

    def __init__(
        self,
        file: Path | str,
        member: str,
        rule: str,
        problems: Sequence[Any] | None = None,
        **details: Any,
    ):
        if rule not in self.RULES:
            raise ValueError(rule)
        self.file = str(file)
        self.member = member
        self.rule = rule
        self.details = details
        self.problems = list(problems or [])
        self.key = "store.rejected.member" if member else "store.rejected"
        super().__init__(file=self.file, member=member, rule=Msg(f"store.rule.{rule}", dict(details)))
