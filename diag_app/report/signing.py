"""Signing a report PDF (PAdES, with pyHanko), with a visible signature block.

``sign_pdf(data, p12, passphrase)`` adds one incremental update to the report: a signature field
whose widget sits in the box the report reserved for it (``report.json``'s ``signature_box``) and
shows who signed (name, organisation, "self-signed" when it is), when, and that a change after
signing breaks the signature. PDF readers (Acrobat, Foxit, …) then show "signed by …, not
modified since"; ``verify`` checks the same with pyHanko. The block is drawn with reportlab in
the report's fonts, so Chinese names show.

No Qt here. The GUI calls ``sign_pdf`` (or ``sign_file``) in its background helper.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import write_bytes_atomic
from ..errors import AppError
from ..i18n import tr
from . import identity, integrity

FIELD_NAME = "AssessorSignature"


class SigningError(AppError):
    """A report that cannot be signed: ``key`` is the ``sign.error.*`` message that says why."""

    title_key = "sign.error"
    hint_key = "sign.error.hint"

    def __init__(self, key: str, **params: Any):
        super().__init__(key, **params)
        self.key = key


@dataclass(frozen=True)
class Signed:
    data: bytes
    signer: identity.Identity
    signed_at: dt.datetime


def sign_pdf(
    data: bytes, p12: bytes | str | Path, passphrase: str, when: dt.datetime | None = None, reason: str = ""
) -> Signed:
    """The report ``data`` signed with the identity in ``p12`` (IdentityError for a bad identity,
    SigningError for a PDF that is not an unsigned report of ours, made to be signed)."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key, cert, others = identity.load(p12, passphrase)
    who = identity.describe(cert)
    claims = _claims(data)
    box = integrity.signature_box(claims)
    if box is None:
        raise SigningError("sign.error.not_for_signing")
    page, rect = box
    lang = str(claims.get("lang") or "zh")
    when = (when or dt.datetime.now(dt.UTC)).astimezone()

    def asn1_cert(c: Any) -> Any:
        return asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))

    signer = signers.SimpleSigner(
        signing_cert=asn1_cert(cert),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
        cert_registry=SimpleCertificateStore.from_certs([asn1_cert(c) for c in others]),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        name=who.name,
        reason=reason or tr("sign.reason", lang, id=claims.get("report_id", "")),
        location=who.organisation or None,
    )
    style = _stamp_style(_appearance(who, when, lang, rect))
    spec = fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=page, box=rect)  # type: ignore[arg-type]
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style, new_field_spec=spec)
        out = pdf_signer.sign_pdf(writer)
    except Exception as e:  # pyHanko's errors on a file it cannot update
        raise SigningError("sign.error.failed", msg=(str(e) or type(e).__name__)[:200]) from None
    return Signed(out.getvalue(), who, when)


def sign_file(src: str | Path, out: str | Path, p12: bytes | str | Path, passphrase: str) -> Signed:
    """Sign the report ``src`` into ``out`` (written atomically; ``out`` may be ``src``)."""
    signed = sign_pdf(Path(src).read_bytes(), p12, passphrase)
    write_bytes_atomic(out, signed.data)
    return signed


def _claims(data: bytes) -> dict[str, Any]:
    """The claims of an unsigned report of ours, read with the same care as verify."""
    from . import pdfsafe

    try:
        pdfsafe.prescan(data)
        reader = pdfsafe.open_reader(data)
        files = pdfsafe.embedded_files(reader, pdfsafe.Inflater(), integrity.MAX_CLAIMS_BYTES)
        raw = files.get(integrity.CLAIMS_NAME)
        claims = json.loads(raw.decode("utf-8")) if raw else None
        if reader.trailer["/Root"].get_object().get("/AcroForm") is not None:
            raise SigningError("sign.error.already_signed")
    except (pdfsafe.Refused, ValueError):
        raise SigningError("sign.error.not_ours") from None
    if not isinstance(claims, dict) or claims.get("format") != integrity.REPORT_FORMAT:
        raise SigningError("sign.error.not_ours")
    return claims


def _appearance(who: identity.Identity, when: dt.datetime, lang: str, rect: tuple[float, ...]) -> bytes:
    """The visible signature block as a one-page PDF the size of the box (reportlab)."""
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    from .fonts import BOLD, FAMILY, register_reportlab
    from .pagestyle import fit as _fit

    register_reportlab()
    w, h = rect[2] - rect[0], rect[3] - rect[1]
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(w, h), invariant=1)
    c.setStrokeColor(colors.HexColor("#1f3a5f"))
    c.setFillColor(colors.HexColor("#f4f7fb"))
    c.setLineWidth(0.8)
    c.rect(0.5, 0.5, w - 1, h - 1, stroke=1, fill=1)
    name = who.name + (tr("sign.block.self_signed", lang) if who.self_signed else "")
    lines = [
        (BOLD, 8.5, tr("sign.block.title", lang)),
        (FAMILY, 7.5, tr("sign.block.signer", lang, name=name)),
        *([(FAMILY, 7.5, tr("sign.block.org", lang, org=who.organisation))] if who.organisation else []),
        (FAMILY, 7.5, tr("sign.block.time", lang, time=_when(when))),
        (FAMILY, 6.3, tr("sign.block.note", lang)),
    ]
    y = h - 12
    step = (h - 14) / len(lines)
    c.setFillColor(colors.HexColor("#1b2631"))
    for font, size, text in lines:
        c.setFont(font, size)
        c.drawString(6, y, _fit(text, w - 12, font, size))
        y -= step
    c.showPage()
    c.save()
    return buf.getvalue()


def _when(when: dt.datetime) -> str:
    """ "2026-12-03 17:02 UTC+08:00": the signer's local time with its offset."""
    off = when.utcoffset() or dt.timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{when:%Y-%m-%d %H:%M} UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _stamp_style(appearance: bytes) -> Any:
    """A pyHanko stamp style that draws ``appearance`` (a one-page PDF) as the widget."""
    import binascii
    import hashlib

    from pyhanko.pdf_utils import content, layout
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.stamp import StaticStampStyle

    class PdfBytesPage(content.PdfContent):  # pyHanko's ImportedPdfPage, from bytes
        def render(self) -> bytes:
            w = self._ensure_writer
            xobj = w.import_page_as_xobject(PdfFileReader(io.BytesIO(appearance)), page_ix=0)
            name = b"/Block" + binascii.hexlify(hashlib.sha256(appearance).digest()[:8])
            self.resources.xobject[name.decode("ascii")] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return name + b" Do"

    return StaticStampStyle(background=PdfBytesPage(), border_width=0, background_opacity=1.0)


def check_identity(p12: bytes | str | Path, passphrase: str) -> identity.Identity:
    """Open the identity before a long export, so a wrong passphrase is told at once."""
    return identity.inspect(p12, passphrase)


def export_signed(
    pack: Any,
    result: Any,
    out: str | Path,
    p12: bytes | str | Path,
    passphrase: str,
    lang: str = "zh",
    meta: Any = None,
    progress: Any = None,
) -> tuple[Any, Signed]:
    """The report rendered for signing (its cover says it is signed, the box reserved) and signed
    with the identity, written to ``out`` atomically: (pdf.ReportInfo, Signed). Nothing is
    written when the identity cannot be used (IdentityError) or signing fails (SigningError).
    For the GUI's export dialog (run it through ``run_in_background``) and the CLI."""
    import dataclasses

    from .document import ReportMeta
    from .pdf import ReportInfo, report_bytes

    check_identity(p12, passphrase)
    m = dataclasses.replace(ReportMeta.of(meta), signed=True)
    data, info = report_bytes(pack, result, lang, m, progress)
    signed = sign_pdf(data, p12, passphrase)
    write_bytes_atomic(out, signed.data)
    return ReportInfo(Path(out), info.pages, info.report_id, info.digest), signed
