"""Signing identities: a PKCS#12 file (.p12/.pfx) with a private key and its certificate.

A user either imports one issued by a certificate authority or creates a self-signed one here
(name, organisation, passphrase). A self-signed identity proves only that the holder of its key
signed; the app labels it "self-signed" wherever it shows it (the signature block, verify, the
GUI). Identities the app creates or imports live in ``identities/`` beside the workspace, in the
user data folder. No Qt here; the GUI and the CLI call these functions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import write_bytes_atomic
from ..errors import AppError, os_reason_msg

MAX_P12_BYTES = 1024 * 1024
VALID_YEARS = 5


class IdentityError(AppError):
    """A signing identity that cannot be used: ``key`` is the ``identity.error.*`` message that
    says why."""

    title_key = "identity.error"
    hint_key = "identity.error.hint"

    def __init__(self, key: str, **params: Any):
        super().__init__(key, **params)
        self.key = key


@dataclass(frozen=True)
class Identity:
    """What a signing certificate says about its holder, as the app shows it."""

    name: str  # the certificate's common name
    organisation: str
    self_signed: bool  # issued by its own key: proves nothing about who the holder is
    issuer: str
    not_before: dt.datetime
    not_after: dt.datetime
    fingerprint: str  # SHA-256 of the certificate, hex
    path: Path | None = None


def identities_dir() -> Path:
    """Where identities live: ``identities/`` beside the workspace database."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("diag-app", appauthor=False)) / "identities"


def create(name: str, organisation: str, passphrase: str, out: str | Path, email: str = "") -> Identity:
    """A new self-signed identity (EC P-256 key, certificate valid VALID_YEARS), written to ``out``
    atomically as PKCS#12 protected by ``passphrase``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    name, organisation = name.strip(), organisation.strip()
    if not name:
        raise IdentityError("identity.error.no_name")
    if Path(out).exists():  # never over someone's key: a lost private key cannot be made again
        raise IdentityError("identity.error.exists", path=str(out))
    if len(passphrase) < 8:
        raise IdentityError("identity.error.short_passphrase", n=8)
    key = ec.generate_private_key(ec.SECP256R1())
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, name[:64])]
    if organisation:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]))
    if email:
        attrs.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email[:128]))
    subject = x509.Name(attrs)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * VALID_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        name[:32].encode("utf-8"),
        key,
        cert,
        None,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    write_bytes_atomic(out, data)
    return describe(cert, Path(out))


def load(source: bytes | str | Path, passphrase: str) -> tuple[Any, Any, list[Any]]:
    """(private key, certificate, other certificates) of a PKCS#12 file, as ``cryptography``
    objects. IdentityError for a file that is not PKCS#12, a wrong passphrase, a key that
    cannot sign, or a certificate outside its validity period."""
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.hazmat.primitives.serialization import pkcs12

    data = _read(source)
    if not _looks_like_pkcs12(data):
        raise IdentityError("identity.error.not_p12")
    try:
        key, cert, others = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8") or None)
    except ValueError:
        if passphrase:
            raise IdentityError("identity.error.passphrase") from None
        try:  # an empty passphrase may also be stored as the empty string
            key, cert, others = pkcs12.load_key_and_certificates(data, b"")
        except ValueError:
            raise IdentityError("identity.error.passphrase") from None
    if key is None or cert is None:
        raise IdentityError("identity.error.no_key")
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise IdentityError("identity.error.key_type")
    now = dt.datetime.now(dt.UTC)
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        raise IdentityError(
            "identity.error.expired",
            start=cert.not_valid_before_utc.date().isoformat(),
            end=cert.not_valid_after_utc.date().isoformat(),
        )
    return key, cert, list(others)


def inspect(source: bytes | str | Path, passphrase: str) -> Identity:
    """Load and describe an identity (IdentityError as ``load``)."""
    _key, cert, _others = load(source, passphrase)
    return describe(cert, Path(source) if isinstance(source, str | Path) else None)


def install(source: str | Path, passphrase: str, folder: Path | None = None) -> Identity:
    """Check a PKCS#12 file and copy it into ``folder`` (default ``identities_dir()``), named by
    the holder and the certificate's fingerprint, with a description beside it (so the app can
    list it, self-signed or not, without the passphrase); the copy is what the app signs with."""
    data = _read(source)
    ident = inspect(data, passphrase)
    folder = folder or identities_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{_safe(ident.name)}-{ident.fingerprint[:8]}.p12"
    write_bytes_atomic(target, data)
    ident = Identity(**{**ident.__dict__, "path": target})
    _describe_beside(ident)
    return ident


def create_installed(name: str, organisation: str, passphrase: str, folder: Path | None = None) -> Identity:
    """A new self-signed identity kept in ``folder`` (default ``identities_dir()``)."""
    folder = folder or identities_dir()
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".new-{_safe(name)}.p12"
    tmp.unlink(missing_ok=True)  # left by a crash: never a kept identity (those have no leading dot)
    try:
        ident = create(name, organisation, passphrase, tmp)
        target = folder / f"{_safe(ident.name)}-{ident.fingerprint[:8]}.p12"
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    ident = Identity(**{**ident.__dict__, "path": target})
    _describe_beside(ident)
    return ident


def installed(folder: Path | None = None) -> list[Identity]:
    """The identities kept in ``folder`` (default ``identities_dir()``), newest first, as their
    descriptions say (an identity file without one is listed by its file name)."""
    import json

    folder = folder or identities_dir()
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if p.suffix.lower() in (".p12", ".pfx") and p.is_file()]
    out = []
    for p in sorted(files, key=lambda p: p.stat().st_mtime, reverse=True):
        try:
            d = json.loads(p.with_suffix(".json").read_text("utf-8"))
            out.append(
                Identity(
                    name=str(d["name"]),
                    organisation=str(d["organisation"]),
                    self_signed=bool(d["self_signed"]),
                    issuer=str(d["issuer"]),
                    not_before=dt.datetime.fromisoformat(d["not_before"]),
                    not_after=dt.datetime.fromisoformat(d["not_after"]),
                    fingerprint=str(d["fingerprint"]),
                    path=p,
                )
            )
        except (OSError, ValueError, KeyError, TypeError):
            epoch = dt.datetime.fromtimestamp(0, dt.UTC)
            out.append(Identity(p.stem, "", False, "", epoch, epoch, "", p))
    return out


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:40] or "identity"


def _describe_beside(ident: Identity) -> None:
    import json

    assert ident.path is not None
    d = {
        "name": ident.name,
        "organisation": ident.organisation,
        "self_signed": ident.self_signed,
        "issuer": ident.issuer,
        "not_before": ident.not_before.isoformat(),
        "not_after": ident.not_after.isoformat(),
        "fingerprint": ident.fingerprint,
    }
    write_bytes_atomic(ident.path.with_suffix(".json"), json.dumps(d, ensure_ascii=False, indent=1).encode())


def describe(cert: Any, path: Path | None = None) -> Identity:
    """An ``Identity`` from a ``cryptography`` certificate."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.x509.oid import NameOID

    def attr(name: Any, oid: Any) -> str:
        values = name.get_attributes_for_oid(oid)
        return str(values[0].value) if values else ""

    der = cert.public_bytes(serialization.Encoding.DER)
    return Identity(
        name=attr(cert.subject, NameOID.COMMON_NAME) or cert.subject.rfc4514_string(),
        organisation=attr(cert.subject, NameOID.ORGANIZATION_NAME),
        self_signed=is_self_signed(cert),
        issuer=attr(cert.issuer, NameOID.COMMON_NAME) or cert.issuer.rfc4514_string(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        fingerprint=hashlib.sha256(der).hexdigest(),
        path=path,
    )


def is_self_signed(cert: Any) -> bool:
    """Issued by its own key (issuer is subject, and its own public key verifies it)."""
    if cert.issuer != cert.subject:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except Exception:  # wrong signature, unsupported algorithm: not provably self-issued
        return False
    return True


def _read(source: bytes | str | Path) -> bytes:
    if isinstance(source, bytes):
        data = source
    else:
        p = Path(source)
        try:
            if p.stat().st_size > MAX_P12_BYTES:
                raise IdentityError("identity.error.not_p12")
            data = p.read_bytes()
        except OSError as e:
            raise IdentityError("identity.error.unreadable", path=str(p), msg=os_reason_msg(e)) from None
    if len(data) > MAX_P12_BYTES:
        raise IdentityError("identity.error.not_p12")
    return data


def _looks_like_pkcs12(data: bytes) -> bool:
    """A DER PFX structure (version 3 and authenticated content), checked before the passphrase
    is tried so that a wrong file and a wrong passphrase get different messages."""
    from asn1crypto import pkcs12 as asn1_pkcs12

    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return bool(pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native)
    except Exception:  # asn1crypto raises ValueError, TypeError… on junk
        return False
