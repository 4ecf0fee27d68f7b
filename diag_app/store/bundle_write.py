"""Writing assessment bundles (``.sfd``; the format and the reading side: ``bundle.py``)."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..atomic import replacing
from .bundle import FORMAT, MANIFEST, MiB


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _zipinfo(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, datetime.now().timetuple()[:6])
    info.compress_type = compress
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


class EvidenceUnreadable(Exception):
    """An evidence file could not be read or no longer matches its digest (raised to the caller,
    which names the workspace file)."""

    def __init__(self, sha256: str):
        super().__init__(sha256)
        self.sha256 = sha256


def write_bundle(
    out: Path,
    assessments: list[tuple[str, dict[str, Any]]],
    evidence: dict[str, Path],
    app_version: str,
) -> None:
    """Write a bundle atomically: into a temporary file beside ``out``, then renamed over it."""
    with replacing(out, suffix=".tmp") as tmp, open(tmp, "wb") as raw, zipfile.ZipFile(raw, "w") as z:
        files = []
        for name, data in assessments:
            body = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            z.writestr(_zipinfo(name, zipfile.ZIP_DEFLATED), body)
            files.append({"name": name, "sha256": hashlib.sha256(body).hexdigest(), "size": len(body)})
        for sha, path in sorted(evidence.items()):
            name = f"evidence/{sha}"
            h = hashlib.sha256()
            size = 0
            # stored, not deflated: evidence is mostly compressed already, and a highly
            # compressible file must not trip the importer's zip-bomb ratio check
            with z.open(_zipinfo(name, zipfile.ZIP_STORED), "w", force_zip64=True) as dst:
                try:
                    with open(path, "rb") as src:
                        while chunk := src.read(MiB):
                            h.update(chunk)
                            size += len(chunk)
                            dst.write(chunk)
                except OSError:
                    raise EvidenceUnreadable(sha) from None
            if h.hexdigest() != sha:
                raise EvidenceUnreadable(sha)
            files.append({"name": name, "sha256": sha, "size": size})
        manifest = {"format": FORMAT, "app_version": app_version, "created": _now(), "files": files}
        z.writestr(
            _zipinfo(MANIFEST, zipfile.ZIP_DEFLATED),
            (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        )
