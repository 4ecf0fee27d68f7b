"""Evidence files: kept beside the database in ``evidence/``, content-addressed by SHA-256, copied
through a temporary file so a partial copy never appears under a digest's name, never executable."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import Any, TypeVar

from ..errors import Msg, os_reason_msg
from ..model.assessment import (
    AssessmentInvalid,
    Problem,
)
from . import bundle as bundlemod
from .connection import utc_now
from .errors import (
    EvidenceTooLarge,
    StorageFailed,
)
from .records import Records
from .rows import EvidenceRow

EVIDENCE_LIMIT = 50 * 1024 * 1024
ORPHAN_AGE = 3600.0  # seconds: an unreferenced evidence file younger than this may be an import in progress
_SHA = re.compile(r"[0-9a-f]{64}")


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1024 * 1024):
            h.update(chunk)
    return h.hexdigest()


def _hold(fd: int) -> bool:
    """Lock an evidence copy in progress (POSIX); False where files cannot be locked this way
    (Windows, where an open file cannot be deleted anyway)."""
    try:
        import fcntl
    except ImportError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _in_use(path: Path) -> bool:
    """Whether another process holds the lock of an evidence copy in progress."""
    try:
        import fcntl
    except ImportError:
        return False  # Windows: deleting a file in use fails, and the caller skips it
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


T = TypeVar("T")


class _BlobGone(Exception):
    """The stored file of a digest went between copying it and linking it."""


class EvidenceStore(Records):
    """Attaching evidence to answers and finding it again."""

    # --- evidence --------------------------------------------------------------------------

    @property
    def evidence_dir(self) -> Path:
        return self.path.parent / "evidence"

    def evidence_path(self, sha256: str) -> Path:
        """Where the evidence file with this digest is kept (it may be missing)."""
        if not isinstance(sha256, str) or not _SHA.fullmatch(sha256):
            raise ValueError(f"not a SHA-256 digest: {sha256!r}")
        return self.evidence_dir / sha256[:2] / sha256

    def evidence_ok(self, sha256: str) -> bool:
        """Whether the evidence file with this digest is here with exactly that content."""
        path = self.evidence_path(sha256)
        try:
            return path.is_file() and file_digest(path) == sha256
        except OSError:
            return False

    def _store_blob(self, copy_into: Any, created: list[str] | None = None) -> tuple[str, int]:
        """Put content into the evidence folder under its digest. ``copy_into(tmp_path)`` writes it
        and returns (sha256, size); a partial file never appears under a digest name. A file
        already there is kept only if its content really has that digest (a damaged one is
        replaced by the genuine copy). The digests of files new here are added to ``created``."""
        tmpdir = self.evidence_dir / "tmp"
        tmpdir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=tmpdir, prefix="copy-")
        held = _hold(fd)  # while held, the clean-up at open leaves the copy alone
        if not held:
            os.close(fd)
        try:
            sha, size = copy_into(Path(tmp))
            final = self.evidence_path(sha)
            if self.evidence_ok(sha):
                Path(tmp).unlink()
            else:
                existed = final.exists()
                final.parent.mkdir(parents=True, exist_ok=True)
                os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # never executable
                if existed:  # damaged: make room for the genuine copy (read-only files on Windows)
                    with suppress(OSError):
                        os.chmod(final, stat.S_IRUSR | stat.S_IWUSR)
                os.replace(tmp, final)
                if not existed and created is not None:
                    created.append(sha)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        finally:
            if held:
                os.close(fd)
        return sha, size

    def _clean_tmp(self) -> int:
        """Remove the evidence copies left in evidence/tmp by a process that was killed while
        copying; a copy another process is still making (it holds a lock on it) is left alone."""
        removed = 0
        tmpdir = self.evidence_dir / "tmp"
        try:
            leftovers = list(tmpdir.iterdir())
        except OSError:
            return 0
        for f in leftovers:
            try:
                if not f.is_file() or f.is_symlink():
                    continue
                if _in_use(f):
                    continue
                f.unlink()
                removed += 1
            except OSError:
                continue
        return removed

    def _drop_unreferenced(self, shas: list[str]) -> None:
        """Delete evidence files copied for an import that did not keep them (rejected or failed),
        unless a revision refers to them after all."""
        with suppress(Exception):
            self._forget_blobs(shas)

    def _drop_orphans(self, min_age: float = ORPHAN_AGE) -> int:
        """Remove evidence files no revision refers to that are older than ``min_age`` seconds:
        what an import killed between copying its evidence and writing its revisions left (a
        younger one may belong to an import still running in another window)."""
        try:
            files = [f for d in self.evidence_dir.iterdir() if len(d.name) == 2 and d.is_dir() for f in d.iterdir()]
        except OSError:
            return 0
        if not files:
            return 0
        with self._tx(write=False):
            known = {r[0] for r in self.conn.execute("SELECT sha256 FROM evidence_files")}
        now = time.time()
        removed = 0
        for f in files:
            if f.name in known or not _SHA.fullmatch(f.name) or f.is_symlink():
                continue
            with suppress(OSError):
                if now - f.stat().st_mtime >= min_age:
                    os.chmod(f, stat.S_IRUSR | stat.S_IWUSR)
                    f.unlink()
                    removed += 1
        return removed

    def _opened(self) -> None:
        super()._opened()
        self._clean_tmp()
        self._drop_orphans()

    def _copy_in(self, src: Path) -> tuple[str, int]:
        """Copy a file given by the user into the evidence folder (at most 50 MB, a regular file):
        (sha256, size). Nothing refers to it yet."""
        try:
            st = src.stat()
            if not stat.S_ISREG(st.st_mode):
                raise StorageFailed(src, Msg("error.os.reason.not_regular"))
            if st.st_size > EVIDENCE_LIMIT:
                raise EvidenceTooLarge(src, st.st_size, EVIDENCE_LIMIT)

            def copy(tmp: Path) -> tuple[str, int]:
                h = hashlib.sha256()
                size = 0
                with open(src, "rb") as f, open(tmp, "wb") as out:
                    while chunk := f.read(1024 * 1024):
                        size += len(chunk)
                        if size > EVIDENCE_LIMIT:
                            raise EvidenceTooLarge(src, size, EVIDENCE_LIMIT)
                        h.update(chunk)
                        out.write(chunk)
                    out.flush()
                    os.fsync(out.fileno())
                return h.hexdigest(), size

            return self._store_blob(copy)
        except OSError as e:
            raise StorageFailed(src, os_reason_msg(e)) from e

    def _check_item(self, head: dict[str, Any], item_id: str) -> None:
        pack = self._pack(head["pack_id"], head["pack_version"])
        if pack.item(item_id) is None:
            raise AssessmentInvalid([Problem(f"answers[{item_id}]", "answer.unknown_id", {"id": item_id})])

    def _link(
        self, row: dict[str, Any], item_id: str, sha: str, size: int, name: str, who: str, added: str
    ) -> tuple[EvidenceRow, bool]:
        """Attach the stored file ``sha`` to one item of revision ``row`` (inside the caller's write
        transaction); (the link, whether it is new). Raises ``_BlobGone`` when the file went in the
        meantime (removed by a purge in another window): the caller copies it again."""
        if not self.evidence_path(sha).is_file():  # checked under the write lock: see _forget_blobs
            raise _BlobGone(sha)
        self.conn.execute(
            "INSERT OR IGNORE INTO evidence_files (sha256, size, created) VALUES (?, ?, ?)", (sha, size, utc_now())
        )
        have = self._one(
            "SELECT name, added FROM evidence WHERE assessment_id = ? AND item_id = ? AND sha256 = ?",
            (row["id"], item_id, sha),
        )
        if have is not None:
            return EvidenceRow(sha, item_id, have["name"], size, have["added"]), False
        self.conn.execute(
            "INSERT INTO evidence (assessment_id, item_id, sha256, name, who, added) VALUES (?, ?, ?, ?, ?, ?)",
            (row["id"], item_id, sha, name, who or "", added),
        )
        self.conn.execute("UPDATE assessments SET updated = ? WHERE id = ?", (utc_now(), row["id"]))
        return EvidenceRow(sha, item_id, name, size, added), True

    def add_evidence(self, uuid: str, item_id: str, file: str | Path, who: str = "") -> EvidenceRow:
        """Copy ``file`` into the workspace's evidence folder (content-addressed, at most 50 MB) and
        attach it to one item of the latest draft revision (a file already attached to the item is
        left as it is). The file is only read, never opened with another program or executed. For
        an undo stack use ``attach_evidence``."""
        return self._attach(uuid, item_id, file, who)[0]

    def _attach(self, uuid: str, item_id: str, file: str | Path, who: str) -> tuple[EvidenceRow, bool]:
        src = Path(file)
        with self._tx(write=False):
            head = self._draft(uuid)
        self._check_item(head, item_id)
        name = bundlemod.safe_name(src.name)

        def link(sha: str, size: int) -> tuple[EvidenceRow, bool]:
            row = self._draft(uuid)
            out = self._link(row, item_id, sha, size, name, who, utc_now())
            if out[1]:
                self._audit(row["id"], "evidence", who, item_id, None, {"sha256": sha, "name": name, "size": size})
            return out

        return self._copy_and_link(src, link)

    def _copy_and_link(self, src: Path, link: Callable[[str, int], T]) -> T:
        """Copy ``src`` in, then run ``link(sha, size)`` in one write transaction. A purge in another
        window may remove the copy before the transaction starts (``_BlobGone``): copied once more,
        then the failure is the user's to see."""
        for attempt in (1, 2):
            sha, size = self._copy_in(src)
            try:
                with self._tx():
                    return link(sha, size)
            except _BlobGone:
                if attempt == 2:
                    raise StorageFailed(self.evidence_path(sha), Msg("error.os.reason.removed_meanwhile")) from None
        raise AssertionError("unreachable")

    def _forget_blobs(self, shas: Iterable[str]) -> int:
        """Remove the stored files of these digests that nothing refers to any more: no link of any
        revision (the recycle bin's included) and no restorable removal. Returns how many.

        The check and the removal happen while holding the write lock, and ``_link`` checks that
        the file is there under the same lock, so a file is never removed under a link being made
        in another window. The database change (the ``evidence_files`` row) and the file go
        together; if the transaction fails after the file went, nothing refers to it anyway."""
        removed = 0
        with self._tx():
            for sha in dict.fromkeys(shas):
                if not _SHA.fullmatch(sha):
                    continue
                used = self.conn.execute(
                    """SELECT EXISTS(SELECT 1 FROM evidence WHERE sha256 = ?)
                          OR EXISTS(SELECT 1 FROM evidence_removals WHERE sha256 = ?)""",
                    (sha, sha),
                ).fetchone()[0]
                if used:
                    continue
                self.conn.execute("DELETE FROM evidence_files WHERE sha256 = ?", (sha,))
                path = self.evidence_path(sha)
                with suppress(OSError):
                    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
                try:
                    path.unlink()
                    removed += 1
                except FileNotFoundError:
                    pass
                except OSError as e:
                    raise StorageFailed(path, os_reason_msg(e)) from e
        return removed

    def list_evidence(self, uuid: str, item_id: str | None = None, revision: int | None = None) -> list[EvidenceRow]:
        """Evidence of one revision (the latest by default), of one item or all."""
        with self._tx(write=False):
            row = self._revision(uuid, revision)
            rows = self._rows(
                """SELECT e.sha256, e.item_id, e.name, f.size, e.added FROM evidence e
                   JOIN evidence_files f ON f.sha256 = e.sha256
                   WHERE e.assessment_id = ? AND (? IS NULL OR e.item_id = ?) ORDER BY e.item_id, e.added, e.name""",
                (row["id"], item_id, item_id),
            )
        return [EvidenceRow(r["sha256"], r["item_id"], r["name"], r["size"], r["added"]) for r in rows]
