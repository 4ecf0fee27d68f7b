"""Signed reports: identities (create, load, wrong passphrase, not a PKCS#12), signing with a
visible block, pyHanko's own validator, verify's wording, and edits after signing refused."""

from __future__ import annotations

import io

import pytest
from test_report_support import sample_file, sample_result
from test_verify import add_annotation, differs, embed, g, incremental

from diag_app.cli import main
from diag_app.report import identity, signing
from diag_app.report.verify import AUTHENTIC, verify_bytes

PASS = "correct horse battery"


@pytest.fixture(scope="module")
def p12(tmp_path_factory):
    out = tmp_path_factory.mktemp("id") / "张伟.p12"
    identity.create("张伟", "上海某咨询有限公司", PASS, out)
    return out


@pytest.fixture(scope="module")
def signed(p12, tmp_path_factory):
    """A report signed the way a user signs it: `diag-app report FILE -o OUT --sign P12 --passphrase-file F`."""
    tmp = tmp_path_factory.mktemp("signed")
    pw = tmp / "pw.txt"
    pw.write_text(PASS + "\n", encoding="utf-8")
    out = tmp / "signed.pdf"
    src = sample_file("electronics", tmp)
    assert main(["report", str(src), "-o", str(out), "--sign", str(p12), "--passphrase-file", str(pw)]) == 0
    return out.read_bytes()


def test_a_created_identity_is_self_signed_and_says_whom_it_names(p12):
    ident = identity.inspect(p12, PASS)
    assert ident.name == "张伟" and ident.organisation == "上海某咨询有限公司"
    assert ident.self_signed and ident.not_after > ident.not_before


def test_a_wrong_passphrase_and_a_file_that_is_not_pkcs12_get_different_messages(p12, tmp_path):
    from diag_app.error_text import error_text

    with pytest.raises(identity.IdentityError) as wrong:
        identity.load(p12, "not it")
    assert wrong.value.key == "identity.error.passphrase"
    assert "口令错误" in error_text(wrong.value, "zh")[1]
    assert "wrong passphrase" in error_text(wrong.value, "en")[1]
    junk = tmp_path / "junk.p12"
    junk.write_bytes(b"\x30\x82\x01\x00" + b"junk" * 100)
    with pytest.raises(identity.IdentityError) as bad:
        identity.load(junk, PASS)
    assert bad.value.key == "identity.error.not_p12"
    pem = tmp_path / "cert.pem"
    pem.write_text("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
    with pytest.raises(identity.IdentityError) as bad:
        identity.load(pem, PASS)
    assert bad.value.key == "identity.error.not_p12"
    with pytest.raises(identity.IdentityError):
        identity.create("", "x", PASS, tmp_path / "x.p12")
    with pytest.raises(identity.IdentityError):
        identity.create("x", "x", "short", tmp_path / "x.p12")
    assert not (tmp_path / "x.p12").exists()


def test_cli_identity_create_and_a_wrong_passphrase_exit_as_documented(tmp_path, capsys, monkeypatch):
    pw = tmp_path / "pw"
    pw.write_text(PASS)
    out = tmp_path / "me.p12"
    assert (
        main(["identity", "create", "--name", "Li Na", "--org", "Acme", "-o", str(out), "--passphrase-file", str(pw)])
        == 0
    )
    assert main(["identity", "show", str(out), "--passphrase-file", str(pw), "--lang", "en"]) == 0
    assert "(self-signed)" in capsys.readouterr().out
    monkeypatch.setattr(identity, "identities_dir", lambda: tmp_path / "kept")
    assert main(["identity", "import", str(out), "--passphrase-file", str(pw)]) == 0
    assert main(["identity", "list", "--lang", "en"]) == 0
    listed = capsys.readouterr().out
    assert "Li Na · Acme (self-signed)" in listed and str(tmp_path / "kept") in listed
    before = out.read_bytes()
    assert main(["identity", "create", "--name", "X", "-o", str(out), "--passphrase-file", str(pw)]) == 2
    assert "不会覆盖" in capsys.readouterr().err and out.read_bytes() == before
    bad = tmp_path / "bad"
    bad.write_text("nope")
    report = tmp_path / "r.pdf"
    src = sample_file("electronics", tmp_path)
    code = main(["report", str(src), "-o", str(report), "--sign", str(out), "--passphrase-file", str(bad)])
    assert code == 2 and not report.exists()
    assert "口令错误" in capsys.readouterr().err


def test_the_signed_report_validates_in_pyhankos_own_validator_with_the_signers_name(signed, p12):
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    _key, cert, _ = identity.load(p12, PASS)
    root = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    (sig,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[root], allow_fetching=False))
    assert status.bottom_line  # valid, intact, and trusted once its own certificate is trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.signing_cert.subject.native["common_name"] == "张伟"
    assert sig.sig_object["/Name"] == "张伟"


def test_verify_says_who_signed_and_that_the_certificate_is_self_signed(signed):
    v = verify_bytes(signed, "zh", "s.pdf")
    assert v.status == AUTHENTIC and v.signer == "张伟" and v.self_signed
    assert "数字签名有效" in v.summary and "张伟" in v.summary and "签署后未被改动" in v.summary
    assert "自签名证书" in v.summary and "不能证明签署人的真实身份" in v.summary
    en = verify_bytes(signed, "en", "s.pdf").summary
    assert "self-signed" in en and "unchanged since signing" in en


def test_the_cover_says_signed_and_the_block_shows_in_the_reserved_box(signed):
    from pypdf import PdfReader

    from diag_app.report import integrity

    r = PdfReader(io.BytesIO(signed))
    claims = integrity.parse_claims(r.attachments[integrity.CLAIMS_NAME][0])
    page, rect = integrity.signature_box(claims)
    widgets = [a.get_object() for a in r.pages[page].get("/Annots") or [] if a.get_object().get("/FT") == "/Sig"]
    assert len(widgets) == 1
    assert [round(float(x)) for x in widgets[0]["/Rect"]] == [round(x) for x in rect]
    assert widgets[0]["/AP"]["/N"].get_object().get_data()  # a visible appearance, not an empty box


def test_an_incremental_edit_after_signing_is_refused_naming_it(signed):
    from pypdf import PdfReader

    summary = next(
        i for i, p in enumerate(PdfReader(io.BytesIO(signed)).pages) if "诊断结论摘要" in (p.extract_text() or "")
    )
    problems = differs(incremental(signed, lambda w: add_annotation(w, summary)), "签署后又追加了 1 次增量修改")
    assert any(f"第 {summary + 1} 页被添加了 1 个批注" in p for p in problems)
    differs(incremental(signed, lambda w: embed(w, "notes.txt", b"x")), "签署后又追加了", "被添加了附件 notes.txt")

    def touch(w):
        info = w.trailer["/Info"]
        info[g().NameObject("/Keywords")] = g().TextStringObject("edited")
        w.update_container(info)

    v = verify_bytes(incremental(signed, touch), "en")
    assert v.status == 1 and "signed by" in v.summary  # the signature itself is still reported as valid


def test_bytes_changed_inside_the_signed_range_break_the_signature(signed):
    i = signed.index(b"/Producer")
    forged = signed[:i] + b"/Producer" + signed[i + 9 :].replace(b"0.1", b"9.9", 1)
    v = verify_bytes(forged)
    assert v.status in (1, 2) and v.status != AUTHENTIC


def test_removing_the_signature_revision_is_refused(signed):
    """The file cut back to the revision before the signature: the cover still says signed."""
    from diag_app.report import pdfsafe

    ends = pdfsafe.revisions(signed)
    differs(signed[: ends[-2]], "签名被移除")


def test_only_a_report_rendered_for_signing_can_be_signed(p12):
    from diag_app.report.pdf import report_bytes

    pack, r = sample_result("electronics")
    plain, _ = report_bytes(pack, r, "zh")
    with pytest.raises(signing.SigningError) as e:
        signing.sign_pdf(plain, p12, PASS)
    assert e.value.key == "sign.error.not_for_signing"
    with pytest.raises(signing.SigningError):
        signing.sign_pdf(b"%PDF-1.4 not ours", p12, PASS)
    ready, _ = report_bytes(pack, r, "zh", {"signed": True})
    once = signing.sign_pdf(ready, p12, PASS).data
    with pytest.raises(signing.SigningError) as e:
        signing.sign_pdf(once, p12, PASS)
    assert e.value.key == "sign.error.already_signed"


def _issued_p12(tmp_path) -> bytes:
    """A PKCS#12 with a key and a certificate issued by a (test) certificate authority, as a user
    would import one bought from an authority."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test CA 测试 CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name(
        [x509.NameAttribute(NameOID.COMMON_NAME, "王芳"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "某认证机构")]
    )
    leaf = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(ca_key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        b"wf", key, leaf, [ca], serialization.BestAvailableEncryption(PASS.encode())
    )


def test_a_certificate_from_an_authority_signs_and_verify_says_what_it_did_not_check(tmp_path):
    from diag_app.report.pdf import report_bytes

    p12 = _issued_p12(tmp_path)
    ident = identity.inspect(p12, PASS)
    assert ident.name == "王芳" and not ident.self_signed and ident.issuer == "Test CA 测试 CA"
    pack, r = sample_result("electronics")
    ready, _ = report_bytes(pack, r, "zh", {"signed": True})
    signed = signing.sign_pdf(ready, p12, PASS)
    assert not signed.signer.self_signed
    v = verify_bytes(signed.data, "zh")
    assert v.status == AUTHENTIC and v.signer == "王芳" and not v.self_signed
    assert "Test CA 测试 CA" in v.summary and "未对照受信任的证书机构核验" in v.summary
    assert "自签名" not in v.summary


def test_the_passphrase_comes_from_the_environment_or_is_asked_for(p12, tmp_path, monkeypatch, capsys):
    src = sample_file("electronics", tmp_path)
    out = tmp_path / "env.pdf"
    monkeypatch.delenv("DIAG_APP_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: nothing to ask
    assert main(["report", str(src), "-o", str(out), "--sign", str(p12)]) == 2
    assert "DIAG_APP_PASSPHRASE" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("DIAG_APP_PASSPHRASE", PASS)
    assert main(["report", str(src), "-o", str(out), "--sign", str(p12)]) == 0
    assert "已由“张伟”签署（自签名）" in capsys.readouterr().out
