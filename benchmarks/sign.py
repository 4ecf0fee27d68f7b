"""Signing and verifying a report: what a signature adds to an export, and what verify costs.

In one warm process (the chart process started, one report made before): the zh report of an
example rendered for signing (``report_bytes``), then signed with a self-signed identity
(``signing.sign_pdf``: identity loaded, appearance drawn, pyHanko's incremental signed save), then
``verify`` of the unsigned and of the signed report (a fresh rendering, the object-by-object
comparison, and for the signed one pyHanko's validation). Medians of several runs.

Targets: signing adds ≤ 1.0 s to a warm export; verify of a signed report ≤ 5 s warm.
(benchmarks/report.py measures the unsigned export against bare reportlab; signing is not in it.)

    uv run python benchmarks/sign.py [--tiny] [--example automotive]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiny", action="store_true")
    ap.add_argument("--example", default="automotive")
    args = ap.parse_args()
    runs = _common.size(5, 1)

    from diag_app.assessment_file import read_assessment_file
    from diag_app.model.diagnosis import diagnose
    from diag_app.report import identity, signing, verify
    from diag_app.report.chart_process import renderer
    from diag_app.report.pdf import report_bytes

    renderer().start()
    pack, a = read_assessment_file(_common.ROOT / "examples" / f"{args.example}.json")
    result = diagnose(pack, a)
    tmp = Path(tempfile.mkdtemp(prefix="bench-sign-"))
    passphrase = "bench passphrase"
    t = time.perf_counter()
    identity.create("基准测试", "Benchmark Ltd", passphrase, tmp / "id.p12")
    create_s = time.perf_counter() - t
    report_bytes(pack, result, "zh", {"signed": True})  # warm: fonts, chart process, imports

    render, sign, verify_unsigned, verify_signed = [], [], [], []
    plain, _ = report_bytes(pack, result, "zh")
    for _ in range(runs):
        t = time.perf_counter()
        data, _info = report_bytes(pack, result, "zh", {"signed": True})
        render.append(time.perf_counter() - t)
        t = time.perf_counter()
        signed = signing.sign_pdf(data, tmp / "id.p12", passphrase).data
        sign.append(time.perf_counter() - t)
        verify._FRESH.clear()  # every verify renders afresh, as a new process would
        t = time.perf_counter()
        v1 = verify.verify_bytes(plain)
        verify_unsigned.append(time.perf_counter() - t)
        verify._FRESH.clear()
        t = time.perf_counter()
        v2 = verify.verify_bytes(signed)
        verify_signed.append(time.perf_counter() - t)
        assert v1.status == 0 and v2.status == 0, (v1.summary, v2.summary)

    sign_s = _common.median(sign)
    verify_s = _common.median(verify_signed)
    _common.emit(
        "sign",
        {
            "example": args.example,
            "runs": runs,
            "create_identity_s": round(create_s, 3),
            "render_for_signing_s": round(_common.median(render), 3),
            "sign_s": round(sign_s, 3),
            "signed_bytes_added": len(signed) - len(data),
            "verify_unsigned_s": round(_common.median(verify_unsigned), 3),
            "verify_signed_s": round(verify_s, 3),
            "peak_rss_mb": _common.peak_rss_mb(),
            "targets": {
                "sign_adds_s": _common.target(sign_s, 1.0, unit="s"),
                "verify_signed_s": _common.target(verify_s, 5.0, unit="s"),
            },
        },
    )


if __name__ == "__main__":
    main()
