"""What makes a report checkable: the canonical assessment bytes, their digest, the claims the
report prints, and a fingerprint of the pages.

The PDF carries two attachments: ``assessment.json`` (the assessment in canonical JSON, whose
SHA-256 is printed on the cover and in every footer) and ``report.json`` (the claims: tier,
national tier, S, level and level/sub-domain scores as printed, plus a SHA-256 over the page
content streams and images, so an edit of the visible text is caught too). ``verify`` recomputes
all of them. This detects edits and mismatches; it is not a cryptographic signature — whoever
can run this program can make a new, consistent report from an altered assessment, which then
states the altered answers in its appendix for a reviewer to see.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..model.assessment import Assessment, assessment_to_data
from ..model.diagnosis import Result

ASSESSMENT_NAME = "assessment.json"
CLAIMS_NAME = "report.json"
REPORT_FORMAT = "smart-factory-report/1"


def canonical_json(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def canonical_bytes(a: Assessment) -> bytes:
    """The assessment as embedded in a report: canonical JSON of the assessment file structure."""
    return canonical_json(assessment_to_data(a))


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def score_claims(result: Result) -> dict[str, Any]:
    """The conclusions a report prints, rounded as printed; verify compares these after
    re-scoring."""
    s = result.scores
    return {
        "pack": {"id": s.pack_id, "version": s.pack_version},
        "tier": result.tier.tier,
        "national_tier": result.national.tier,
        "s": round(s.s, 2),
        "level": s.level,
        "level_scores": {str(k): (None if v is None else round(v, 4)) for k, v in s.level_scores.items()},
        "subdomains": {k: {"score": round(v.score, 2), "level": v.level} for k, v in sorted(s.subdomains.items())},
    }


def claims(result: Result, digest: str, report_id: str, lang: str, app_version: str, generated: str) -> dict[str, Any]:
    return {
        "format": REPORT_FORMAT,
        "report_id": report_id,
        "assessment_sha256": digest,
        "lang": lang,
        "app_version": app_version,
        "generated": generated,
        **score_claims(result),
    }


def diff_claims(printed: dict[str, Any], recomputed: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, printed, recomputed) for every score claim that differs."""
    out = []
    for key in ("pack", "tier", "national_tier", "s", "level", "level_scores"):
        if printed.get(key) != recomputed.get(key):
            out.append((key, printed.get(key), recomputed.get(key)))
    p_sd = printed.get("subdomains") or {}
    r_sd = recomputed.get("subdomains") or {}
    if not isinstance(p_sd, dict):
        out.append(("subdomains", p_sd, r_sd))
        return out
    for sd in sorted(set(p_sd) | set(r_sd)):
        if p_sd.get(sd) != r_sd.get(sd):
            out.append((f"subdomains.{sd}", p_sd.get(sd), r_sd.get(sd)))
    return out


def content_fingerprint(reader: Any) -> str:
    """SHA-256 over every page's decoded content streams and the data of the images it draws,
    in page order. ``reader`` is a pypdf PdfReader (or anything with the same ``pages``)."""
    from pypdf.generic import ArrayObject

    h = hashlib.sha256()
    for n, page in enumerate(reader.pages):
        h.update(f"page {n}\n".encode())
        contents = page.get("/Contents")
        if contents is not None:
            obj = contents.get_object()
            streams = list(obj) if isinstance(obj, ArrayObject) else [obj]
            for s in streams:
                h.update(s.get_object().get_data())
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is not None:
            xo = xobjects.get_object()
            for name in sorted(xo):
                h.update(f"xobject {name}\n".encode())
                h.update(_stream_bytes(xo[name].get_object()))
    return h.hexdigest()


def _stream_bytes(obj: Any) -> bytes:
    """A stream's bytes as stored (images: no need to decode megabytes to compare them)."""
    raw = getattr(obj, "_data", None)
    return raw if isinstance(raw, bytes) else obj.get_data()
