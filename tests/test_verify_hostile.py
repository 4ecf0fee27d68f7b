"""verify on files that are not ours or are hostile: exit 2 with a reason, never a traceback,
memory bounded (the limits in pdfsafe and the README)."""

from __future__ import annotations

import io
import json
import zlib

import pytest
from test_report_support import sample_file
from test_verify import (
    _replace_attachments,
    add_stream,
    attachments,
    embed,
    incremental,
    reader,
    refused,
    rewritten,
)

from diag_app.cli import main
from diag_app.report import integrity, pdfsafe
from diag_app.report.verify import AUTHENTIC, DIFFERS, NOT_OURS, verify_bytes, verify_file


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    out = tmp / "report.pdf"
    assert main(["report", str(sample_file("electronics", tmp)), "-o", str(out)]) == 0
    return out.read_bytes()


# --- not ours, hostile: exit 2, never a traceback -----------------------------------------------------


def test_a_pdf_the_app_never_made_is_refused(tmp_path, capsys):
    from reportlab.pdfgen.canvas import Canvas

    other = tmp_path / "other.pdf"
    c = Canvas(str(other))
    c.drawString(100, 700, "an ordinary PDF")
    c.save()
    assert main(["verify", str(other)]) == 2
    assert "没有内嵌的评估数据" in capsys.readouterr().err
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    assert main(["verify", str(junk)]) == 2
    refused(b"%PDF-1.4 garbage")
    assert main(["verify", str(tmp_path / "missing.pdf")]) == 2
    assert main(["verify", str(tmp_path)]) == 2  # a folder


def test_an_encrypted_report_is_refused(pdf):
    from pypdf import PdfWriter

    w = PdfWriter(clone_from=reader(pdf))
    w.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    w.write(out)
    refused(out.getvalue(), "已加密")


def _bomb(size: int = 200 * 1024 * 1024) -> bytes:
    z = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    return b"".join(z.compress(chunk) for _ in range(size >> 20)) + z.flush()


def test_flate_bombs_are_refused_with_bounded_work(pdf):
    from pypdf.generic import NameObject, StreamObject

    bomb = _bomb()

    def as_content(w):
        s = StreamObject()
        s._data = bomb
        s[NameObject("/Filter")] = NameObject("/FlateDecode")
        w.pages[0][NameObject("/Contents")] = w._add_object(s)

    refused(rewritten(pdf, as_content), "压缩炸弹")
    refused(incremental(pdf, lambda w: w.add_stream_to_page(0, add_stream(w, bomb, raw_flate=True))), "压缩炸弹")
    files = attachments(pdf)

    def as_attachment(w):
        from pypdf.generic import NameObject

        del w._root_object[NameObject("/Names")]
        w.add_attachment(integrity.CLAIMS_NAME, files[integrity.CLAIMS_NAME])
        w.add_attachment(integrity.ASSESSMENT_NAME, b"x")
        ef = w._root_object["/Names"]["/EmbeddedFiles"]["/Names"]
        for i in range(0, len(ef), 2):
            if ef[i] == integrity.ASSESSMENT_NAME:
                stream = ef[i + 1].get_object()["/EF"]["/F"].get_object()
                stream._data = bomb
                stream[NameObject("/Filter")] = NameObject("/FlateDecode")

    refused(rewritten(pdf, as_attachment), "压缩炸弹")


@pytest.mark.parametrize(
    ("field", "value"),
    [("summary_page", "abc"), ("s", "high"), ("lang", ["zh"]), ("render", {"report_id": 5}), ("format", None)],
)
def test_a_malformed_claims_field_is_refused_naming_it(pdf, field, value):
    files = attachments(pdf)
    claims = json.loads(files[integrity.CLAIMS_NAME]) | {field: value}
    summary = refused(_replace_attachments(pdf, files[integrity.ASSESSMENT_NAME], claims), "report.json")
    assert field in summary


def test_an_invalid_embedded_assessment_is_refused(pdf):
    files = attachments(pdf)
    claims = json.loads(files[integrity.CLAIMS_NAME])
    refused(
        _replace_attachments(pdf, b'{"format": "smart-factory-assessment/1"' + b"[" * 100_000, claims), "评估数据无效"
    )


def test_a_nested_pdf_is_refused(pdf):
    refused(incremental(pdf, lambda w: embed(w, "inner.pdf", pdf)), "内嵌了另一个 PDF", "inner.pdf")
    # a foreign PDF carrying a genuine report inside
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(595, 842)
    w.add_attachment("report.pdf", pdf)
    out = io.BytesIO()
    w.write(out)
    refused(out.getvalue(), "内嵌了另一个 PDF")


def test_deep_nesting_and_reference_loops_are_refused():
    deep = b"[" * 50_000 + b"]" * 50_000
    body = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X " + deep + b" >>\nendobj\n"
    body += b"2 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 1 >>\nendobj\n"
    xref = len(body)
    body += b"xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n"
    body += b"%010d 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        body.index(b"2 0 obj"),
        xref,
    )
    refused(body)


def test_huge_object_counts_and_broken_xref_chains_are_refused():
    many = b"%PDF-1.7\n" + b"".join(b"%d 0 obj null endobj\n" % i for i in range(1, pdfsafe.MAX_OBJECTS + 5))
    refused(many + b"startxref\n0\n%%EOF\n", "对象数超过")
    loop = b"%PDF-1.7\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Prev 9 >>\nstartxref\n9\n%%EOF\n"
    refused(loop, "结构损坏")


def test_files_over_the_limit_are_refused_before_reading(tmp_path):
    big = tmp_path / "big.pdf"
    with open(big, "wb") as f:
        f.write(b"%PDF-1.7\n")
        f.truncate(pdfsafe.MAX_FILE_BYTES + 1)
    v = verify_file(big)
    assert v.status == NOT_OURS and "超过核验上限" in v.summary


def _peak_of_verify(path) -> tuple[int, int]:
    """(status, peak RSS in kB) of verify run on ``path`` in a fresh child process."""
    import subprocess
    import sys

    code = (
        "import re\n"
        "from diag_app.report.verify import verify_file\n"
        f"v = verify_file({str(path)!r})\n"
        "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
        "print(v.status, hwm)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    status, peak_kb = map(int, done.stdout.split())
    return status, peak_kb


def test_memory_stays_bounded_on_hostile_files(tmp_path, pdf):
    """Verified in a child process, each stays under 300 MB peak RSS (the limit the README
    states): a 24 MB file of flate bombs and reference arrays; our own report with 30 MB bombs
    appended as page content on every page (inflated and thrown away piece by piece, until the
    total limit stops it); a 50 MB file (refused by its size before it is read)."""
    bomb = _bomb(40 * 1024 * 1024)  # ~40 KB each, 40 MB inflated
    parts = [b"%PDF-1.7\n"]
    n = 0
    while sum(map(len, parts)) < 24 * 1024 * 1024 - len(bomb) - 4096:
        n += 1
        head = b"%d 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % (n, len(bomb))
        parts.append(head + bomb + b"\nendstream\nendobj\n")
        if n % 50 == 0:
            parts.append(b"%d 0 obj [" % (n + 100000) + b"1 0 R " * 1000 + b"] endobj\n")
    hostile = tmp_path / "hostile.pdf"
    hostile.write_bytes(b"".join(parts) + b"trailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n")
    assert _peak_of_verify(hostile)[1] < 300 * 1024

    bomb30 = _bomb(30 * 1024 * 1024)

    def every_page(w):
        ref = add_stream(w, bomb30, raw_flate=True)
        for i in range(len(reader(pdf).pages)):
            w.add_stream_to_page(i, ref, prepend=True)

    ours = tmp_path / "ours-bombed.pdf"
    ours.write_bytes(incremental(pdf, every_page))
    status, peak = _peak_of_verify(ours)
    assert status == NOT_OURS and peak < 300 * 1024

    big = tmp_path / "big.pdf"
    with open(big, "wb") as f:
        f.write(b"%PDF-1.7\n" + b"0 0 obj [] endobj\n" * (50 * 1024 * 1024 // 18))
    status, peak = _peak_of_verify(big)
    assert status == NOT_OURS and peak < 300 * 1024


def test_no_check_ends_in_a_traceback_on_mangled_copies(pdf):
    """Bytes flipped, truncated, spliced: every outcome is a verdict, and only the original passes."""
    import random

    rnd = random.Random(15)
    cases = [pdf[: len(pdf) // 2], pdf[:-20], pdf[1000:], b"%PDF-1.7" + pdf[len(pdf) // 3 :]]
    for _ in range(6):
        b = bytearray(pdf)
        for _ in range(20):
            b[rnd.randrange(len(b))] = rnd.randrange(256)
        cases.append(bytes(b))
    for case in cases:
        v = verify_bytes(case)
        assert v.status in (DIFFERS, NOT_OURS) and v.summary
    assert verify_bytes(pdf).status == AUTHENTIC
