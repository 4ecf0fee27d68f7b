"""What makes a report checkable: the data it is rendered from, carried inside it.

A report PDF carries two attachments, added by ``embed`` as one incremental update after
reportlab's pages:

- ``assessment.json``: the assessment in canonical JSON (its SHA-256 is printed on the cover and
  in every footer);
- ``report.json`` (the claims): everything else the rendering needs (``render``: report id,
  date, app version, evidence index, signed or not, and whatever options the layout takes), the
  conclusions as printed (tier, national tier, S, level and sub-domain scores), the page the
  summary starts on and where the signature block belongs.

The rendering is deterministic, so ``verify`` renders the report again from these two and
compares the file with that fresh rendering page by page. That proves the pages are what this
app renders from the embedded data; it does not prove who made the file (anyone with the app can
render a report from any assessment) — only a signature does that.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
from collections.abc import Mapping
from typing import Any

from ..model.assessment import Assessment, assessment_to_data
from ..model.diagnosis import Result

ASSESSMENT_NAME = "assessment.json"
CLAIMS_NAME = "report.json"
REPORT_FORMAT = "smart-factory-report/2"
OLD_FORMATS = ("smart-factory-report/1",)

MAX_ASSESSMENT_BYTES = 20 * 1024 * 1024  # as assessment_file.MAX_FILE_BYTES
MAX_CLAIMS_BYTES = 4 * 1024 * 1024

# Where the visible signature goes until the layout reserves a box: the last page, bottom right,
# above the footer (x 105-190 mm, y 30-62 mm from the bottom), in PDF points.
_MM = 72 / 25.4
DEFAULT_SIGNATURE_RECT = (105 * _MM, 30 * _MM, 190 * _MM, 62 * _MM)


def canonical_json(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def canonical_bytes(a: Assessment) -> bytes:
    """The assessment as embedded in a report: canonical JSON of the assessment file structure."""
    return canonical_json(assessment_to_data(a))


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def score_claims(result: Result) -> dict[str, Any]:
    """The conclusions a report prints, rounded as printed."""
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


# --- the rendering options (ReportMeta) as data ----------------------------------------------


def meta_to_data(meta: Any) -> dict[str, Any]:
    """A ReportMeta as JSON-able data (``ReportMeta.to_data`` where the layout defines it; else
    every field, dataclasses such as Evidence as objects)."""
    own = getattr(meta, "to_data", None)
    if callable(own):
        return dict(own())
    return {f.name: _plain(getattr(meta, f.name)) for f in dataclasses.fields(meta)}


def _plain(v: Any) -> Any:
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return {f.name: _plain(getattr(v, f.name)) for f in dataclasses.fields(v)}
    if isinstance(v, Mapping):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_plain(x) for x in v]
    return v


class BadClaims(ValueError):
    """report.json is not what this app writes; ``field`` names the first wrong field."""

    def __init__(self, field: str):
        super().__init__(field)
        self.field = field


def meta_from_data(data: Any) -> Any:
    """The ReportMeta a report was rendered with, from its claims' ``render`` object.
    BadClaims for a field this version does not know or of the wrong type."""
    from .document import Evidence, ReportMeta

    if not isinstance(data, dict):
        raise BadClaims("render")
    own = getattr(ReportMeta, "from_data", None)
    if callable(own):
        try:
            return own(data)
        except (TypeError, ValueError, KeyError, AttributeError) as e:
            named = next((a for a in e.args if isinstance(a, str) and a.startswith("render.")), "")
            raise BadClaims(named.split()[0].rstrip(":")[:80] if named else "render") from None
    fields = {f.name: f for f in dataclasses.fields(ReportMeta)}
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        f = fields.get(name)
        if f is None:
            raise BadClaims(f"render.{name}")
        if name == "evidence":
            kwargs[name] = _evidence(value, Evidence)
            continue
        default = f.default if f.default is not dataclasses.MISSING else None
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, int | float):
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        elif isinstance(default, tuple):
            ok = isinstance(value, list) and all(isinstance(x, str | int | float | bool) for x in value)
            value = tuple(value) if ok else value
        else:
            ok = value is None or isinstance(value, str)
        if not ok:
            raise BadClaims(f"render.{name}")
        kwargs[name] = value
    return ReportMeta(**kwargs)


def _evidence(value: Any, cls: type) -> dict[str, tuple[Any, ...]]:
    if not isinstance(value, dict):
        raise BadClaims("render.evidence")
    out: dict[str, tuple[Any, ...]] = {}
    for k, files in value.items():
        if not isinstance(files, list):
            raise BadClaims(f"render.evidence.{k}")
        items = []
        for f in files:
            if not (
                isinstance(f, dict) and set(f) <= {"name", "sha256"} and all(isinstance(x, str) for x in f.values())
            ):
                raise BadClaims(f"render.evidence.{k}")
            items.append(cls(**f))
        out[k] = tuple(items)
    return out


def parse_claims(raw: bytes) -> dict[str, Any]:
    """report.json read and checked field by field (BadClaims naming the first wrong one)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadClaims("report.json") from None
    if not isinstance(data, dict):
        raise BadClaims("report.json")
    fmt = data.get("format")
    if fmt != REPORT_FORMAT:
        raise BadClaims("format")
    for key in ("report_id", "assessment_sha256", "lang", "app_version", "generated"):
        if not isinstance(data.get(key), str):
            raise BadClaims(key)
    if data["lang"] not in ("zh", "en"):
        raise BadClaims("lang")
    page = data.get("summary_page")
    if not isinstance(page, int) or isinstance(page, bool) or not 1 <= page <= 10_000:
        raise BadClaims("summary_page")
    box = data.get("signature_box")
    if box is not None and not (
        isinstance(box, list)
        and len(box) == 5
        and isinstance(box[0], int)
        and not isinstance(box[0], bool)
        and box[0] >= 0
        and all(isinstance(x, int | float) and not isinstance(x, bool) for x in box[1:])
    ):
        raise BadClaims("signature_box")
    if not isinstance(data.get("s"), int | float) or isinstance(data.get("s"), bool):
        raise BadClaims("s")
    for key in ("tier", "national_tier"):
        if not isinstance(data.get(key), str | None):
            raise BadClaims(key)
    data["meta"] = meta_from_data(data.get("render"))
    return data


def signature_box(claims: Mapping[str, Any]) -> tuple[int, tuple[float, float, float, float]] | None:
    box = claims.get("signature_box")
    if not box:
        return None
    return int(box[0]), (float(box[1]), float(box[2]), float(box[3]), float(box[4]))


# --- embedding -------------------------------------------------------------------------------


def embed(
    raw: bytes,
    report: Any,
    result: Result,
    meta: Any,
    summary_page: int,
    signature_box: tuple[int, tuple[float, float, float, float]] | None = None,
) -> bytes:
    """reportlab's ``raw`` PDF with the two attachments and the metadata added as one incremental
    update (reportlab's bytes stay as they are). ``report`` is the document.Report the pages were
    laid out from, ``meta`` the ReportMeta it was built with (its defaults resolved from
    ``report``), ``signature_box`` the box the layout reserved for a signature: (page index from
    0, (x0, y0, x1, y1) in PDF points); without one a signed report gets DEFAULT_SIGNATURE_RECT on
    its last page."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(raw))
    pages = len(reader.pages)
    writer = PdfWriter(reader, incremental=True)
    render = meta_to_data(
        dataclasses.replace(
            meta, report_id=report.report_id, generated=report.generated, app_version=report.app_version
        )
    )
    box = signature_box or (pages - 1, DEFAULT_SIGNATURE_RECT)
    claims = {
        "format": REPORT_FORMAT,
        "report_id": report.report_id,
        "assessment_sha256": report.digest,
        "lang": report.lang,
        "app_version": report.app_version,
        "generated": report.generated,
        "render": render,
        "summary_page": summary_page,
        "signature_box": [box[0], *(round(x, 2) for x in box[1])] if render.get("signed") else None,
        **score_claims(result),
    }
    writer.add_attachment(ASSESSMENT_NAME, canonical_bytes(result.assessment))
    writer.add_attachment(CLAIMS_NAME, canonical_json(claims))
    writer.add_metadata(
        {
            "/SmartFactoryReport": REPORT_FORMAT,
            "/ReportId": report.report_id,
            "/AssessmentSHA256": report.digest,
            "/Tier": str(claims["tier"]),
            "/NationalTier": str(claims["national_tier"]),
            "/Score": f"{claims['s']:.2f}",
        }
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
