"""The signature of a signed report, checked with pyHanko's validator.

What is established, and only that: the signature is cryptographically sound and covers the
revision it signs; who the certificate names, whether it is self-signed, and that it was not
checked against a trusted certificate authority (the app ships no trust list and fetches
nothing); whether anything was appended after signing, with pyHanko's difference analysis of
what was changed. Whether the signed pages are what the app renders is ``verify``'s business.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from .pdfcompare import Finding
from .pdfsafe import Refused


@dataclass(frozen=True)
class SignatureCheck:
    intact: bool  # the signed bytes hash to the signed digest
    valid: bool  # the signature over that digest verifies with the certificate's key
    name: str  # the certificate's common name
    organisation: str
    self_signed: bool
    issuer: str
    signed_at: str  # as the signer's clock reported it, ISO
    signed_end: int  # bytes covered: the signed revision ends here
    whole_file: bool  # nothing after the signed revision
    later: tuple[Finding, ...]  # what pyHanko's difference analysis names after signing


def signature_count(data: bytes) -> int:
    """How many signature fields with a value the document has (pyHanko's reader)."""
    return len(_reader(data).embedded_signatures)


def _reader(data: bytes) -> Any:
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        return PdfFileReader(io.BytesIO(data), strict=False)
    except RecursionError:
        raise Refused("verify.why.nested") from None
    except Exception as e:
        raise Refused("verify.why.unparsable", msg=(str(e) or type(e).__name__)[:200]) from None


def check(data: bytes) -> SignatureCheck:
    """Validate the document's one signature (Refused when pyHanko cannot even read it)."""
    import logging

    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)  # it logs an untrusted chain with a traceback
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    reader = _reader(data)
    try:
        sig = reader.embedded_signatures[0]
        status = validate_pdf_signature(sig, ValidationContext(trust_roots=[], allow_fetching=False))
    except RecursionError:
        raise Refused("verify.why.nested") from None
    except Exception as e:
        raise Refused("verify.why.bad_signature", msg=(str(e) or type(e).__name__)[:200]) from None
    cert = status.signing_cert
    subject = cert.subject.native
    issuer = cert.issuer.native
    later: list[Finding] = []
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    signed_end = _signed_end(sig)
    if not whole:
        later += _later_changes(reader, sig, status, data, signed_end)
    return SignatureCheck(
        intact=bool(status.intact),
        valid=bool(status.valid),
        name=str(subject.get("common_name") or cert.subject.human_friendly),
        organisation=str(subject.get("organization_name") or ""),
        self_signed=cert.self_signed in ("yes", "maybe") and cert.subject == cert.issuer,
        issuer=str(issuer.get("common_name") or cert.issuer.human_friendly),
        signed_at=status.signer_reported_dt.isoformat(timespec="seconds") if status.signer_reported_dt else "",
        signed_end=signed_end,
        whole_file=whole,
        later=tuple(later),
    )


def _signed_end(sig: Any) -> int:
    br = sig.byte_range
    return int(br[2]) + int(br[3])


def _later_changes(reader: Any, sig: Any, status: Any, data: bytes, signed_end: int) -> list[Finding]:
    """The incremental updates after the signed revision, named as far as pyHanko's difference
    analysis names them."""
    from .pdfsafe import revisions

    try:
        n = len([e for e in revisions(data) if e > signed_end])
    except Refused:
        n = 1
    level = "OTHER"
    fields: list[str] = []
    diff = getattr(status, "diff_result", None)
    if diff is not None and getattr(diff, "modification_level", None) is not None:
        level = diff.modification_level.name
        fields = sorted(getattr(diff, "changed_form_fields", ()) or ())
    what = Finding(f"verify.modlevel.{level}", {"fields": ", ".join(fields) or "—"})
    return [Finding("verify.diff.after_signing", {"n": max(n, 1), "what": what})]
