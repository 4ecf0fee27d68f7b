"""The report PDF parsed back: Chinese text, embedded fonts, header and footer on every page,
the attachment and its digest (verify: tests/test_verify.py)."""

from __future__ import annotations

import io
import json
import re
import subprocess

import pytest
from test_report_support import sample, sample_file, sample_result

from diag_app.cli import main
from diag_app.report import integrity


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """One report, made the way a user makes it: `diag-app report FILE -o OUT.pdf`."""
    tmp = tmp_path_factory.mktemp("report")
    src = sample_file("electronics", tmp)
    out = tmp / "报告.pdf"
    assert main(["report", str(src), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def pdf_bytes(made):
    return made.read_bytes()


@pytest.fixture(scope="module")
def pages_text(made):
    text = subprocess.run(["pdftotext", "-layout", str(made), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]  # pdftotext ends every page with a form feed


def claims_of(data: bytes) -> dict:
    from pypdf import PdfReader

    return json.loads(PdfReader(io.BytesIO(data)).attachments[integrity.CLAIMS_NAME][0])


def test_chinese_text_is_extractable(pages_text):
    _pack, a = sample("electronics")
    cover = pages_text[0]
    assert "智能工厂成熟度自诊断报告" in cover
    assert a.enterprise.name in cover and a.enterprise.credit_code in cover
    everything = "".join(pages_text)
    assert "诊断结论摘要" in everything and "改进计划" in everything and "承诺、签字与盖章" in everything
    assert "达到“示范性智能工厂”自评门槛" in everything


def test_every_font_is_embedded_and_none_is_helvetica(made):
    out = subprocess.run(["pdffonts", str(made)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        assert "NotoSansSC" in row, row
        assert re.search(r"\s+yes\s+yes\s+yes\s+", row), f"not embedded/subset/unicode: {row}"
    assert "Helvetica" not in out


def test_page_count_is_sane_and_every_page_has_header_and_footer(made, pages_text, pdf_bytes):
    from pypdf import PdfReader

    n = len(PdfReader(io.BytesIO(pdf_bytes)).pages)
    assert len(pages_text) == n and 8 <= n <= 20
    claims = claims_of(pdf_bytes)
    _pack, a = sample("electronics")
    for i, page in enumerate(pages_text, 1):
        flat = re.sub(r"\s+", "", page)
        assert f"第{i}页共{n}页" in flat, f"page {i}"
        assert claims["report_id"] in flat
        assert re.sub(r"\s+", "", a.enterprise.name) in flat
        assert claims["assessment_sha256"] in flat


def test_attachment_is_the_canonical_assessment_and_its_digest_is_printed(pdf_bytes, pages_text):
    from pypdf import PdfReader

    from diag_app.model.assessment import assessment_to_data

    reader = PdfReader(io.BytesIO(pdf_bytes))
    (embedded,) = reader.attachments[integrity.ASSESSMENT_NAME]
    _, a = sample("electronics")
    data = assessment_to_data(a)
    assert embedded == json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    digest = integrity.sha256_hex(embedded)
    assert digest in re.sub(r"\s+", "", pages_text[0])
    assert claims_of(pdf_bytes)["assessment_sha256"] == digest
    meta = reader.metadata
    _, r = sample_result("electronics")
    assert meta["/AssessmentSHA256"] == digest and meta["/Tier"] == r.tier.tier


def test_money_is_in_wan_yuan_right_aligned_with_thousands_separators(pages_text):
    everything = "\n".join(pages_text)
    from diag_app.describe import measure_cap_text
    from diag_app.money import fmt_cny

    pack, r = sample_result("electronics")
    flat = re.sub(r"\s+", "", everything)
    amounts = [fmt_cny(s.investment_cny, "zh") for s in r.roadmap.stages if s.reachable]
    amounts += [fmt_cny(sg.investment_high, "zh") for sg in r.suggestions[:5]]
    amounts += [measure_cap_text(pack, m, "zh") for sg in r.suggestions[:10] for m in sg.item.measures]
    assert amounts and all(re.sub(r"\s+", "", a) in flat for a in amounts)
    assert any("," in a for a in amounts), "1,000 万元 and more with a separator"
    assert "CNY" not in everything


def test_figures_are_print_resolution(made):
    out = subprocess.run(["pdfimages", "-list", str(made)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:]]
    assert len(rows) >= 3
    for row in rows:
        x_ppi, y_ppi = int(row[12]), int(row[13])
        assert x_ppi >= 200 and y_ppi >= 200, row


def assert_charts_drawn_pixel_for_pixel(pdf_bytes: bytes, industry: str = "electronics") -> None:
    from PIL import ImageChops
    from pypdf import PdfReader

    from diag_app.report import charts
    from diag_app.report.pdf import FIGURE_DPI

    pack, r = sample_result(industry)
    drawn = [charts.raster(charts.CHARTS[name](pack, r, "zh"), FIGURE_DPI) for name in charts.CHARTS]
    embedded = [f.image.convert("RGB") for page in PdfReader(io.BytesIO(pdf_bytes)).pages for f in page.images]
    assert sorted(i.size for i in embedded) == sorted(i.size for i in drawn)
    for want in drawn:
        got = next(i for i in embedded if i.size == want.size)
        assert ImageChops.difference(got, want).getbbox() is None, "the chart in the PDF differs from the one drawn"


def test_the_charts_in_the_pdf_are_the_charts_drawn_pixel_for_pixel(pdf_bytes):
    """The report's charts come from the chart process; they are what this process draws."""
    assert_charts_drawn_pixel_for_pixel(pdf_bytes)


@pytest.mark.parametrize("case", ["no chart process", "a hung chart process"])
def test_the_charts_are_drawn_here_when_the_chart_process_cannot_draw_them(case, monkeypatch, tmp_path):
    """Where no chart process starts, or one hangs (it is killed after its timeout), the report
    draws its charts in its own process: the same pictures, and the report is made."""
    import sys

    from diag_app.report import chart_process
    from diag_app.report.pdf import write_report

    if case == "no chart process":
        renderer = chart_process.ChartProcess(command=[str(tmp_path / "no-such-program")])
    else:
        renderer = chart_process.ChartProcess(command=[sys.executable, "-c", "import time; time.sleep(600)"], timeout=1)
    monkeypatch.setattr(chart_process, "_renderer", renderer)
    pack, r = sample_result("electronics")
    info = write_report(pack, r, tmp_path / "r.pdf")
    assert info.pages > 10
    assert_charts_drawn_pixel_for_pixel((tmp_path / "r.pdf").read_bytes())
    if case == "no chart process":
        assert renderer.failed
    else:
        assert renderer._proc is None and not renderer.failed  # the hung one was ended; the next call starts another


def test_report_of_an_invalid_file_exits_2_naming_the_field(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"format": "smart-factory-assessment/1", "pack": {"id": "nope", "version": "9"}}), encoding="utf-8"
    )
    assert main(["report", str(bad), "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "pack" in err and "找不到题库" in err
    assert not (tmp_path / "x.pdf").exists()


def test_reports_and_lists_leave_memory_cleanup_as_it_was():
    # the cycle collector is paused while a report or a big list is made; a long session must not be left
    # without it, whether the report succeeds or fails
    import gc

    from diag_app.collector import collector_paused

    try:
        for enabled in (True, False):
            gc.enable() if enabled else gc.disable()
            with collector_paused():
                assert not gc.isenabled()
            assert gc.isenabled() is enabled
            with pytest.raises(RuntimeError), collector_paused():
                raise RuntimeError("report failed")
            assert gc.isenabled() is enabled
    finally:
        gc.enable()
