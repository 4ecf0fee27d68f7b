"""Checking a report PDF against the assessment it carries.

A report is authentic when: the embedded assessment's SHA-256 is the one the report states (in
its claims, its metadata and printed on the cover), the pages are byte-for-byte those written
(content fingerprint), and scoring the embedded assessment again with the pack version it names
gives the tier, national tier, S, level and scores the report states and prints.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import tr
from . import integrity

AUTHENTIC, DIFFERS, NOT_OURS = 0, 1, 2


@dataclass(frozen=True)
class Verdict:
    status: int  # AUTHENTIC, DIFFERS or NOT_OURS
    problems: tuple[str, ...] = ()  # in the requested language
    claims: dict[str, Any] = field(default_factory=dict)
    summary: str = ""  # the one-line outcome, in the requested language

    @property
    def authentic(self) -> bool:
        return self.status == AUTHENTIC


class NotOurReport(Exception):
    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _read(data: bytes, lang: str) -> tuple[Any, bytes, dict[str, Any]]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        attachments = reader.attachments
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise NotOurReport(tr("verify.why.not_pdf", lang, msg=str(e) or type(e).__name__)) from None
    assessment = attachments.get(integrity.ASSESSMENT_NAME)
    if not assessment:
        raise NotOurReport(tr("verify.why.no_attachment", lang))
    raw_claims = attachments.get(integrity.CLAIMS_NAME)
    try:
        claims = json.loads(raw_claims[0].decode("utf-8")) if raw_claims else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        claims = None
    if not isinstance(claims, dict) or claims.get("format") != integrity.REPORT_FORMAT:
        raise NotOurReport(tr("verify.why.no_claims", lang))
    return reader, assessment[0], claims


def verify_bytes(data: bytes, lang: str = "zh", name: str = "") -> Verdict:
    from ..assessment_file import load_assessment_data, parse_json_bytes
    from ..describe import problem_text, tier_name
    from ..model.assessment import AssessmentInvalid
    from ..model.diagnosis import diagnose

    try:
        reader, assessment, claims = _read(data, lang)
    except NotOurReport as e:
        return Verdict(NOT_OURS, (e.why,), summary=tr("verify.not_ours", lang, file=name, why=e.why))

    problems: list[str] = []
    digest = integrity.sha256_hex(assessment)
    stated = str(claims.get("assessment_sha256", ""))
    if digest != stated:
        problems.append(tr("verify.diff.digest", lang, actual=digest, printed=stated))

    try:
        fingerprint = integrity.content_fingerprint(reader)
    except Exception:
        fingerprint = ""
    if fingerprint != claims.get("content_sha256"):
        problems.append(tr("verify.diff.content", lang))

    meta = reader.metadata or {}
    for key, field_name in (
        ("/AssessmentSHA256", "assessment_sha256"),
        ("/Tier", "tier"),
        ("/NationalTier", "national_tier"),
    ):
        if key in meta and str(meta[key]) != str(claims.get(field_name)):
            problems.append(
                tr("verify.diff.metadata", lang, field=key[1:], printed=meta[key], actual=claims.get(field_name))
            )

    report_lang = "en" if claims.get("lang") == "en" else "zh"
    texts = _page_texts(reader, [0, int(claims.get("summary_page") or 1) - 1])
    if _squash(digest) not in texts:
        problems.append(tr("verify.diff.digest_text", lang, digest=digest))

    try:
        pack, a = load_assessment_data(parse_json_bytes(assessment))
    except AssessmentInvalid as e:
        problems.append(
            tr("verify.diff.invalid", lang, msg="; ".join(problem_text(p, lang).strip() for p in e.problems))
        )
        return _done(problems, claims, lang, name)
    result = diagnose(pack, a, with_roadmap=False)
    recomputed = integrity.score_claims(result)
    for field_name, printed, actual in integrity.diff_claims(claims, recomputed):
        problems.append(tr("verify.diff.claim", lang, field=field_name, printed=_show(printed), actual=_show(actual)))

    printed_text = {
        "tier": tier_name(pack, result.tier.tier, report_lang),
        "national_tier": tier_name(pack, result.national.tier, report_lang),
        "s": f"{result.scores.s:.2f}",
    }
    for what, value in printed_text.items():
        if _squash(value) not in texts:
            problems.append(tr("verify.diff.printed", lang, what=tr(f"verify.what.{what}", lang), value=value))
    if not problems:
        summary = tr(
            "verify.authentic",
            lang,
            file=name,
            id=claims.get("report_id", ""),
            tier=tier_name(pack, result.tier.tier, lang),
            s=f"{result.scores.s:.2f}",
        )
        return Verdict(AUTHENTIC, (), claims, summary)
    return _done(problems, claims, lang, name)


def _done(problems: list[str], claims: dict[str, Any], lang: str, name: str) -> Verdict:
    return Verdict(DIFFERS, tuple(problems), claims, tr("verify.differs", lang, file=name))


def _show(v: Any) -> str:
    if isinstance(v, dict | list):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return str(v)


def _page_texts(reader: Any, pages: list[int]) -> str:
    out = []
    for n in sorted(set(pages)):
        if 0 <= n < len(reader.pages):
            try:
                out.append(reader.pages[n].extract_text() or "")
            except Exception:
                continue
    return _squash("".join(out))


def verify_file(path: str | Path, lang: str = "zh") -> Verdict:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        why = tr("verify.why.not_pdf", lang, msg=e.strerror or str(e))
        return Verdict(NOT_OURS, (why,), summary=tr("verify.not_ours", lang, file=str(p), why=why))
    return verify_bytes(data, lang, str(p))
