"""``verify``: what a report PDF is, stated no stronger than what was checked.

Exit status (``Verdict.status``): 0 every check passed; 1 the file differs from what the app
wrote or renders (each difference named); 2 the file cannot be checked: not a PDF, not one of our
reports, encrypted, malformed, nested, bomb-like or over the size limit (``pdfsafe``).

Unsigned report — checked: the embedded assessment's digest is the one the report states; the
file has exactly the revisions the app saves (no incremental update after), nothing after its
end; every page (content, pictures, fonts, boxes, annotations and links), the bookmarks, the
document catalog, the attachments and the document information are identical to a **fresh
rendering** of the report from the embedded assessment and rendering options. Proved: the pages
are what this app renders from the embedded data. Not proved: who made the file.

Signed report — additionally, with pyHanko: the signature is cryptographically valid, who the
certificate names (self-signed, or not checked against a trusted authority: said so), and nothing
was added after signing (any later revision is named and fails). The signed revision is compared
with a fresh rendering as above, allowing only the signature's own field in the reserved box.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import tr
from . import integrity, pdfsafe
from .pdfcompare import Comparer, Finding, SignatureAllowance
from .pdfsafe import Refused

AUTHENTIC, DIFFERS, NOT_OURS = 0, 1, 2
APP_REVISIONS = 2  # reportlab's pages, then the attachments (integrity.embed)


@dataclass(frozen=True)
class Verdict:
    status: int  # AUTHENTIC, DIFFERS or NOT_OURS
    problems: tuple[str, ...] = ()  # in the requested language
    claims: dict[str, Any] = field(default_factory=dict)
    summary: str = ""  # the outcome, in the requested language
    signer: str = ""  # the certificate's name, for a signed report
    self_signed: bool = False

    @property
    def authentic(self) -> bool:
        return self.status == AUTHENTIC


@dataclass
class _Ctx:
    data: bytes
    lang: str
    name: str
    inflater: pdfsafe.Inflater = field(default_factory=pdfsafe.Inflater)
    pack: Any = None


def verify_file(path: str | Path, lang: str = "zh") -> Verdict:
    try:
        data = pdfsafe.read_file(path)
    except Refused as e:
        return _refused(e, lang, str(path))
    return verify_bytes(data, lang, str(path))


def verify_bytes(data: bytes, lang: str = "zh", name: str = "") -> Verdict:
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on a damaged file are ours to word
    try:
        return _verify(_Ctx(data, lang, name))
    except Refused as e:
        return _refused(e, lang, name)
    except RecursionError:
        return _refused(Refused("verify.why.nested"), lang, name)
    except MemoryError:
        return _refused(Refused("verify.why.bomb", limit=pdfsafe.MAX_INFLATE_TOTAL), lang, name)
    except Exception as e:  # a parser's error on a damaged file we did not foresee: still a verdict
        msg = f"{type(e).__name__}: {e}"[:200]
        return _refused(Refused("verify.why.unparsable", msg=msg), lang, name)


def _refused(e: Refused, lang: str, name: str) -> Verdict:
    why = tr(e.key, lang, **e.params)
    return Verdict(NOT_OURS, (why,), summary=tr("verify.not_ours", lang, file=name, why=why))


def _verify(ctx: _Ctx) -> Verdict:
    from .sigcheck import signature_count

    pdfsafe.prescan(ctx.data)
    ends = pdfsafe.revisions(ctx.data)
    reader = pdfsafe.open_reader(ctx.data)
    files = _attachments(reader, ctx)
    claims = _claims(files)
    assessment = files[integrity.ASSESSMENT_NAME] or b""
    pack, result = _rescore(assessment)
    ctx.pack = pack
    findings: list[Finding] = []
    if integrity.sha256_hex(assessment) != claims["assessment_sha256"]:
        findings.append(
            Finding(
                "verify.diff.digest",
                {"actual": integrity.sha256_hex(assessment), "printed": claims["assessment_sha256"]},
            )
        )
    key = integrity.sha256_hex(assessment + b"\0" + (files[integrity.CLAIMS_NAME] or b""))
    fresh = _render(pack, result, claims, key)
    signatures = signature_count(ctx.data)
    if signatures == 0:
        return _unsigned(ctx, reader, ends, files, claims, result, fresh, findings)
    if signatures > 1:
        findings.append(Finding("verify.diff.sig_many", {"n": signatures}))
    return _signed(ctx, ends, claims, result, fresh, findings)


def _attachments(reader: Any, ctx: _Ctx) -> dict[str, bytes | None]:
    files = pdfsafe.embedded_files(reader, ctx.inflater, integrity.MAX_ASSESSMENT_BYTES)
    for fname, content in files.items():
        if content is None:
            raise Refused("verify.why.attachment_too_big", name=fname, limit=integrity.MAX_ASSESSMENT_BYTES)
        if content.lstrip()[:5] == b"%PDF-":
            raise Refused("verify.why.nested_pdf", name=fname)
    if files.get(integrity.ASSESSMENT_NAME) is None:
        raise Refused("verify.why.no_attachment")
    if files.get(integrity.CLAIMS_NAME) is None:
        raise Refused("verify.why.no_claims")
    return files


def _claims(files: dict[str, bytes | None]) -> dict[str, Any]:
    raw = files[integrity.CLAIMS_NAME] or b""
    if len(raw) > integrity.MAX_CLAIMS_BYTES:
        raise Refused("verify.why.attachment_too_big", name=integrity.CLAIMS_NAME, limit=integrity.MAX_CLAIMS_BYTES)
    try:
        return integrity.parse_claims(raw)
    except integrity.BadClaims as e:
        if e.field == "format":
            try:
                fmt = json.loads(raw).get("format")
            except (ValueError, AttributeError, RecursionError):
                fmt = None
            if fmt in integrity.OLD_FORMATS:
                raise Refused("verify.why.old_format", format=fmt) from None
        raise Refused("verify.why.bad_claims", field=e.field) from None


def _rescore(assessment: bytes) -> tuple[Any, Any]:
    from ..assessment_file import load_assessment_data, parse_json_bytes
    from ..describe import problem_text
    from ..model.assessment import AssessmentInvalid
    from ..model.diagnosis import diagnose

    try:
        pack, a = load_assessment_data(parse_json_bytes(assessment))
    except AssessmentInvalid as e:
        msg = "; ".join(problem_text(p, "en").strip() for p in e.problems[:3])
        raise Refused("verify.why.invalid_assessment", msg=msg[:300]) from None
    except (RecursionError, ValueError, TypeError) as e:
        raise Refused("verify.why.invalid_assessment", msg=type(e).__name__) from None
    return pack, diagnose(pack, a, with_roadmap=True)


_FRESH: dict[str, bytes] = {}  # the last fresh rendering, by the digest of what it was made from


def _render(pack: Any, result: Any, claims: dict[str, Any], key: str) -> Any:
    """A pypdf reader over the report this app renders from the embedded data, as the claims
    say it was rendered. The rendering is deterministic, so the last one is kept (by the digest
    of the attachments it came from) for the next check of the same report."""
    import io

    from pypdf import PdfReader

    from .pdf import report_bytes

    data = _FRESH.get(key)
    if data is None:
        data, _info = report_bytes(pack, result, claims["lang"], claims["meta"])
        _FRESH.clear()
        _FRESH[key] = data
    return PdfReader(io.BytesIO(data))


def _fresh_attachments(fresh: Any) -> dict[str, bytes | None]:
    return pdfsafe.embedded_files(fresh, pdfsafe.Inflater(), integrity.MAX_ASSESSMENT_BYTES)


def _compare_files(got: dict[str, bytes | None], want: dict[str, bytes | None]) -> list[Finding]:
    out = Comparer(pdfsafe.Inflater()).attachments(got, want)
    for fname in sorted(set(got) & set(want)):
        if got[fname] != want[fname]:
            out += _claim_diffs(got[fname], want[fname]) if fname == integrity.CLAIMS_NAME else []
            out.append(Finding("verify.diff.attachment_changed", {"name": fname}))
    return out


def _claim_diffs(got: bytes | None, want: bytes | None) -> list[Finding]:
    try:
        g, w = json.loads(got or b"{}"), json.loads(want or b"{}")
    except ValueError:
        return []
    return [
        Finding("verify.diff.claim", {"field": k, "printed": _show(g.get(k)), "actual": _show(w.get(k))})
        for k in sorted(set(g) | set(w))
        if g.get(k) != w.get(k)
    ]


def _show(v: Any) -> str:
    if isinstance(v, dict | list):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)[:200]
    return str(v)


def _structure(ctx: _Ctx, ends: list[int], expected: int) -> list[Finding]:
    out = []
    if len(ends) > expected:
        out.append(Finding("verify.diff.revisions_added", {"n": len(ends) - expected}))
    elif len(ends) < expected:
        out.append(Finding("verify.diff.rewritten", {"n": len(ends), "m": expected}))
    if pdfsafe.after_last_eof(ctx.data, ends[-1]):
        out.append(Finding("verify.diff.trailing", {}))
    return out


def _unsigned(
    ctx: _Ctx,
    reader: Any,
    ends: list[int],
    files: dict[str, bytes | None],
    claims: dict[str, Any],
    result: Any,
    fresh: Any,
    findings: list[Finding],
) -> Verdict:
    if claims["meta"].signed:
        findings.append(Finding("verify.diff.signature_removed", {}))
    findings += _structure(ctx, ends, APP_REVISIONS)
    findings += Comparer(ctx.inflater).compare(reader, fresh)
    findings += _compare_files(files, _fresh_attachments(fresh))
    if findings:
        return _differs(ctx, findings, claims)
    summary = tr("verify.ok.unsigned", ctx.lang, file=ctx.name, pages=len(fresh.pages), **_facts(result, claims, ctx))
    return Verdict(AUTHENTIC, (), _public(claims), summary)


def _signed(
    ctx: _Ctx, ends: list[int], claims: dict[str, Any], result: Any, fresh: Any, findings: list[Finding]
) -> Verdict:
    from .sigcheck import check

    sig = check(ctx.data)
    if not (sig.intact and sig.valid):
        findings.append(Finding("verify.diff.sig_invalid", {}))
    if not claims["meta"].signed:
        findings.append(Finding("verify.diff.signed_unexpected", {}))
    findings += list(sig.later)
    box = integrity.signature_box(claims)
    allow = SignatureAllowance(box[0] if box else -1)
    signed_ends = [e for e in ends if e <= sig.signed_end]
    if not signed_ends or signed_ends[-1] != sig.signed_end:
        raise Refused("verify.why.malformed", what="/ByteRange")
    prefix = ctx.data[: sig.signed_end]
    findings += _structure(_Ctx(prefix, ctx.lang, ctx.name), signed_ends, APP_REVISIONS + 1)
    signed_reader = pdfsafe.open_reader(prefix)
    comparer = Comparer(ctx.inflater)
    findings += comparer.compare(signed_reader, fresh, allow)
    files = pdfsafe.embedded_files(signed_reader, ctx.inflater, integrity.MAX_ASSESSMENT_BYTES)
    findings += _compare_files(files, _fresh_attachments(fresh))
    if not sig.whole_file:  # name what the later revisions changed, as a viewer shows it now
        seen = set(map(repr, findings))
        final_reader = pdfsafe.open_reader(ctx.data)
        final = Comparer(ctx.inflater).compare(final_reader, fresh, allow)
        final_files = pdfsafe.embedded_files(final_reader, ctx.inflater, integrity.MAX_ASSESSMENT_BYTES)
        final += _compare_files(final_files, _fresh_attachments(fresh))
        findings += [f for f in final if repr(f) not in seen]
    trust = (
        tr("verify.trust.self_signed", ctx.lang)
        if sig.self_signed
        else tr("verify.trust.untrusted", ctx.lang, issuer=sig.issuer)
    )
    org = tr("verify.org", ctx.lang, org=sig.organisation) if sig.organisation else ""
    facts = {"signer": sig.name, "org": org, "time": sig.signed_at, "trust": trust}
    if findings:
        v = _differs(ctx, findings, claims)
        signer = tr("verify.signed_by", ctx.lang, **facts) if sig.intact and sig.valid else ""
        return dataclasses.replace(
            v, summary=(f"{signer} " if signer else "") + v.summary, signer=sig.name, self_signed=sig.self_signed
        )
    summary = tr("verify.ok.signed", ctx.lang, file=ctx.name, **facts, **_facts(result, claims, ctx))
    return Verdict(AUTHENTIC, (), _public(claims), summary, sig.name, sig.self_signed)


def _facts(result: Any, claims: dict[str, Any], ctx: _Ctx) -> dict[str, str]:
    from ..describe import tier_claim

    s = result.scores
    return {
        "id": str(claims.get("report_id", "")),
        "tier": tier_claim(ctx.pack, result.tier.tier, ctx.lang),  # as the report may claim it (contract 5)
        "s": f"{s.s:.2f}",
    }


def _differs(ctx: _Ctx, findings: list[Finding], claims: dict[str, Any]) -> Verdict:
    from .. import app_version

    __version__ = app_version()
    problems = tuple(dict.fromkeys(_word(f, ctx.lang) for f in _grouped(findings, ctx)))
    made = str(claims.get("app_version", ""))
    note = tr("verify.other_version", ctx.lang, made=made, this=__version__) if made and made != __version__ else ""
    summary = tr("verify.differs", ctx.lang, file=ctx.name, note=note)
    return Verdict(DIFFERS, problems, _public(claims), summary)


def _grouped(findings: list[Finding], ctx: _Ctx) -> list[Finding]:
    """The same difference on many pages said once, with the pages as ranges ("3–9, 12"); and
    when most pages differ, a note that a different build of the app renders differently."""
    groups: dict[tuple[str, str], list[int]] = {}
    firsts: dict[tuple[str, str], Finding] = {}
    out: list[Finding | tuple[str, str]] = []
    for f in findings:
        page = f.params.get("page")
        if not isinstance(page, int):
            out.append(f)
            continue
        key = (f.key, repr(sorted((k, repr(v)) for k, v in f.params.items() if k != "page")))
        if key not in groups:
            groups[key], firsts[key] = [], f
            out.append(key)
        groups[key].append(page)
    done: list[Finding] = []
    for item in out:
        if isinstance(item, Finding):
            done.append(item)
            continue
        pages = groups[item]
        done.append(Finding(firsts[item].key, {**firsts[item].params, "page": _ranges(pages)}))
    content = groups.get(("verify.diff.page_content", repr([])), [])
    total = max(len(content), 1)
    if len(content) >= 5 and len(content) * 2 >= total:
        from .. import app_version

        done.append(Finding("verify.diff.everywhere", {"n": len(content), "version": app_version()}))
    return done


def _ranges(pages: list[int]) -> str:
    ps = sorted(set(pages))
    parts: list[str] = []
    start = prev = ps[0]
    for p in [*ps[1:], None]:
        if p is not None and p == prev + 1:
            prev = p
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if p is not None:
            start = prev = p
    return ", ".join(parts)


def _word(f: Finding, lang: str) -> str:
    params = {k: _word(v, lang) if isinstance(v, Finding) else v for k, v in f.params.items()}
    return tr(f.key, lang, **params)


def _public(claims: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in claims.items() if k != "meta"}
