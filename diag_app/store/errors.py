"""The errors a user can meet in the workspace: one class each, with structured fields.

Every error carries a message key (in ``diag_app/messages/store.py``) and the parameters that
make the message specific, so the GUI's one error presenter and the CLI can say what happened and
what to do next in the user's language: ``tr(err.key, lang, **err.params)`` or ``err.message(lang)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class StoreError(Exception):
    """Base of every workspace error."""

    key = "store.error"

    def __init__(self, **params: Any):
        self.params: dict[str, Any] = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        from ..i18n import tr

        return tr(self.key, lang, **{k: _plain(v) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.message("zh")


def _plain(v: Any) -> Any:
    if isinstance(v, Path):
        return str(v)
    return v


class NotADatabase(StoreError):
    """The file exists but is not an SQLite database; it is left untouched."""

    key = "store.not_a_database"

    def __init__(self, path: Path):
        self.path = Path(path)
        super().__init__(path=self.path)


class DatabaseCorrupt(StoreError):
    """The database fails its integrity check. ``backups`` lists the good backups, newest first,
    so the user can be offered ``restore_backup(backups[0], path)``."""

    key = "store.corrupt"

    def __init__(self, path: Path, detail: str, backups: list[Path]):
        self.path = Path(path)
        self.detail = detail
        self.backups = list(backups)
        super().__init__(path=self.path, detail=detail, n=len(self.backups))

    def message(self, lang: str = "zh") -> str:
        from ..i18n import tr

        text = super().message(lang)
        if self.backups:
            return text + tr("store.corrupt.has_backup", lang, backup=str(self.backups[0]))
        return text + tr("store.corrupt.no_backup", lang)


class DatabaseLocked(StoreError):
    """Another program (or another window of this one) holds the write lock for too long."""

    key = "store.locked"

    def __init__(self, path: Path, seconds: float):
        self.path = Path(path)
        self.seconds = seconds
        super().__init__(path=self.path, seconds=round(seconds, 1))


class SchemaTooNew(StoreError):
    """The database was written by a newer version of the app; nothing was changed."""

    key = "store.schema_too_new"

    def __init__(self, path: Path, found: int, supported: int):
        self.path = Path(path)
        self.found = found
        self.supported = supported
        super().__init__(path=self.path, found=found, supported=supported)


class StorageFailed(StoreError):
    """The operating system refused a read or write (disk full, read-only folder, I/O error)."""

    key = "store.storage_failed"

    def __init__(self, path: Path, detail: str):
        self.path = Path(path)
        self.detail = detail
        super().__init__(path=self.path, detail=detail)


class AssessmentNotFound(StoreError):
    key = "store.assessment_not_found"

    def __init__(self, uuid: str, revision: int | None = None):
        self.uuid = uuid
        self.revision = revision
        super().__init__(uuid=uuid, revision=revision if revision is not None else "-")


class EnterpriseNotFound(StoreError):
    key = "store.enterprise_not_found"

    def __init__(self, credit_code: str):
        self.credit_code = credit_code
        super().__init__(code=credit_code)


class AssessmentFinal(StoreError):
    """The latest revision is final: reopen it (a new revision) before changing anything."""

    key = "store.final"

    def __init__(self, uuid: str, revision: int):
        self.uuid = uuid
        self.revision = revision
        super().__init__(uuid=uuid, revision=revision)


class PackUnavailable(StoreError):
    """The questionnaire pack an assessment was made with is not installed."""

    key = "store.pack_unavailable"

    def __init__(self, pack_id: str, version: str):
        self.pack_id = pack_id
        self.version = version
        super().__init__(id=pack_id, version=version)


class EvidenceTooLarge(StoreError):
    key = "store.evidence_too_large"

    def __init__(self, file: Path | str, size: int, limit: int):
        self.file = str(file)
        self.size = size
        self.limit = limit
        super().__init__(file=self.file, mb=round(size / 1_048_576, 1), limit_mb=limit // 1_048_576)


class EvidenceMissing(StoreError):
    """An evidence file the database lists is gone from the workspace's evidence folder."""

    key = "store.evidence_missing"

    def __init__(self, sha256: str, name: str, path: Path):
        self.sha256 = sha256
        self.name = name
        self.path = Path(path)
        super().__init__(sha256=sha256, name=name, path=self.path)


class ImportCancelled(StoreError):
    key = "store.import_cancelled"

    def __init__(self) -> None:
        super().__init__()


class BundleRejected(StoreError):
    """A bundle or assessment file failed validation; nothing of it was written.

    ``rule`` is one of the ``RULES`` below (also the suffix of its message key), ``member`` the
    zip member it concerns ("" for the file as a whole), ``details`` the rule's parameters and
    ``problems`` the assessment problems (model.assessment.Problem) for rule "assessment".
    """

    RULES = (
        "unreadable",
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
    )

    def __init__(
        self,
        file: Path | str,
        member: str,
        rule: str,
        problems: list[Any] | None = None,
        **details: Any,
    ):
        if rule not in self.RULES:
            raise ValueError(rule)
        self.file = str(file)
        self.member = member
        self.rule = rule
        self.details = details
        self.problems = list(problems or [])
        self.key = f"store.rule.{rule}"
        super().__init__(file=self.file, member=member, **details)

    def message(self, lang: str = "zh") -> str:
        from ..describe import problem_text
        from ..i18n import tr

        head = "store.rejected.member" if self.member else "store.rejected"
        lines = [
            tr(head, lang, file=self.file, member=self.member, rule=StoreError.message(self, lang)),
        ]
        lines += [problem_text(p, lang) for p in self.problems[:20]]
        if len(self.problems) > 20:
            lines.append(tr("store.rejected.more", lang, n=len(self.problems) - 20))
        return "\n".join(lines)
