"""verify on an unsigned report and on every class of forgery, each built with a real PDF tool
(pypdf's writer, incremental where a forger would append), and on hostile files: exit 0 only
for the untouched report, 1 naming what differs, 2 for what is not ours or cannot be read."""

from __future__ import annotations

import io
import json
import zlib

import pytest
from test_report_support import sample_file

from diag_app.cli import main
from diag_app.report import integrity
from diag_app.report.verify import AUTHENTIC, DIFFERS, NOT_OURS, verify_bytes, verify_file


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """One report, made the way a user makes it: `diag-app report FILE -o OUT.pdf`."""
    tmp = tmp_path_factory.mktemp("verify")
    out = tmp / "报告.pdf"
    assert main(["report", str(sample_file("electronics", tmp)), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def pdf(made):
    return made.read_bytes()


def reader(data: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data))


def incremental(data: bytes, edit) -> bytes:
    """``edit(writer)`` appended to ``data`` as an incremental update by pyHanko's writer (what
    a forger appending to a signed or unsigned PDF would use)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    edit(w)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def g():
    from pyhanko.pdf_utils import generic

    return generic


def page_ref(w, i: int):
    ref, _resources = w.find_page_for_modification(i)
    return ref


def add_annotation(w, i: int, subtype: str = "/FreeText") -> None:
    G = g()
    annot = G.DictionaryObject(
        {
            G.NameObject("/Type"): G.NameObject("/Annot"),
            G.NameObject("/Subtype"): G.NameObject(subtype),
            G.NameObject("/Rect"): G.ArrayObject([G.FloatObject(v) for v in (60, 600, 300, 640)]),
            G.NameObject("/Contents"): G.TextStringObject("S = 5.00"),
            G.NameObject("/DA"): G.TextStringObject("/Helv 18 Tf 0 g"),
        }
    )
    page = page_ref(w, i).get_object()
    annots = page.get("/Annots") or G.ArrayObject()
    annots = G.ArrayObject([*annots, w.add_object(annot)])
    page[G.NameObject("/Annots")] = annots
    w.update_container(page)


def add_stream(w, data: bytes, *, raw_flate: bool = False):
    G = g()
    s = G.StreamObject(stream_data=data) if not raw_flate else G.StreamObject(encoded_data=data)
    if raw_flate:
        s[G.NameObject("/Filter")] = G.NameObject("/FlateDecode")
    return w.add_object(s)


def embed(w, name: str, data: bytes) -> None:
    from pyhanko.pdf_utils import embed as pdf_embed

    f = pdf_embed.EmbeddedFileObject.from_file_data(w, data)
    pdf_embed.embed_file(w, pdf_embed.FileSpec(file_spec_string=name, embedded_data=f))


def rewritten(data: bytes, edit=lambda w: None) -> bytes:
    """``edit`` applied by pypdf writing the whole file anew."""
    from pypdf import PdfWriter

    w = PdfWriter(clone_from=reader(data))
    edit(w)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def attachments(data: bytes) -> dict[str, bytes]:
    return {k: v[0] for k, v in reader(data).attachments.items()}


def page_of(data: bytes, text: str) -> int:
    for i, page in enumerate(reader(data).pages):
        if text in (page.extract_text() or "").replace(" ", ""):
            return i
    raise AssertionError(text)


def differs(data: bytes, *words: str, lang: str = "zh") -> tuple[str, ...]:
    v = verify_bytes(data, lang, "x.pdf")
    assert v.status == DIFFERS, (v.summary, v.problems)
    text = "\n".join(v.problems)
    for w in words:
        assert w in text, text
    return v.problems


def refused(data: bytes, *words: str, lang: str = "zh") -> str:
    v = verify_bytes(data, lang, "x.pdf")
    assert v.status == NOT_OURS, (v.summary, v.problems)
    for w in words:
        assert w in v.summary, v.summary
    return v.summary


# --- the untouched report -------------------------------------------------------------------------


def test_the_untouched_report_verifies_and_says_only_what_was_checked(made, capsys):
    assert main(["verify", str(made)]) == 0
    out = capsys.readouterr().out
    assert "与本软件依据内嵌评估数据重新生成的报告一致" in out
    assert "未经数字签名，因此不能证明由谁出具" in out
    assert "真实有效" not in out  # it never claims authenticity it did not check
    assert "自评门槛" in out or "尚未达到" in out  # a tier only as the app may claim it (contract 5)
    assert main(["verify", "--lang", "en", str(made)]) == 0
    out = capsys.readouterr().out
    assert "consistent with a report this app renders from the embedded assessment" in out
    assert "Not signed, so who made it is not proven" in out


def test_rendering_is_deterministic(pdf):
    """verify's whole method: the same embedded data renders the same file, byte for byte."""
    from diag_app.assessment_file import load_assessment_data, parse_json_bytes
    from diag_app.model.diagnosis import diagnose
    from diag_app.report.pdf import report_bytes

    files = attachments(pdf)
    claims = integrity.parse_claims(files[integrity.CLAIMS_NAME])
    pack, a = load_assessment_data(parse_json_bytes(files[integrity.ASSESSMENT_NAME]))
    again, _ = report_bytes(pack, diagnose(pack, a), claims["lang"], claims["meta"])
    assert again == pdf


# --- forgeries: exit 1, naming what changed ------------------------------------------------------------


def test_an_annotation_laid_over_the_score_is_named(pdf):
    from pypdf.annotations import FreeText

    summary = page_of(pdf, "诊断结论摘要")

    differs(
        incremental(pdf, lambda w: add_annotation(w, summary)),
        f"第 {summary + 1} 页被添加了 1 个批注（FreeText）",
        "增量修改",
    )

    def cover_score(w):
        w.add_annotation(summary, FreeText(text="S = 5.00", rect=(60, 600, 300, 640), background_color="ffffff"))

    differs(rewritten(pdf, cover_score), f"第 {summary + 1} 页被添加了 1 个批注（FreeText）", "重新保存")
    differs(incremental(pdf, lambda w: add_annotation(w, 0, "/Link")), "第 1 页被添加了 1 个批注（Link）")


def test_an_incremental_update_after_export_is_refused_even_if_it_changes_nothing_visible(pdf):
    def touch(w):
        info = w.trailer["/Info"]
        info[g().NameObject("/Keywords")] = g().TextStringObject("edited")
        w.update_container(info)

    differs(incremental(pdf, touch), "追加了 1 次增量修改", "/Keywords")
    differs(incremental(pdf, lambda w: None), "追加了 1 次增量修改")
    differs(pdf + b"\n% appended\n", "文件末尾附加了额外数据")


def test_an_edited_cover_is_named(pdf):
    from pypdf.generic import DecodedStreamObject, NameObject

    def paint_over(w):
        page = w.pages[0]
        stream = DecodedStreamObject()
        stream.set_data(page.get_contents().get_data() + b"\nq 1 1 1 rg 150 420 300 40 re f Q\n")
        page[NameObject("/Contents")] = w._add_object(stream)

    differs(rewritten(pdf, paint_over), "第 1 页的内容与重新生成的不同", lang="zh")

    def paint_over_incrementally(w):
        w.add_stream_to_page(0, add_stream(w, b"q 1 1 1 rg 150 420 300 40 re f Q"))

    differs(incremental(pdf, paint_over_incrementally), "第 1 页的内容与重新生成的不同", "增量修改")


def _replace_attachments(data: bytes, assessment: bytes, claims: dict) -> bytes:
    from pypdf.generic import NameObject

    def swap(w):
        del w._root_object[NameObject("/Names")]
        w.add_attachment(integrity.ASSESSMENT_NAME, assessment)
        w.add_attachment(integrity.CLAIMS_NAME, integrity.canonical_json(claims))

    return rewritten(data, swap)


def test_edited_embedded_json_with_digest_and_claims_recomputed_is_caught_by_the_pages(pdf):
    from diag_app.assessment_file import load_assessment_data
    from diag_app.model.diagnosis import diagnose

    files = attachments(pdf)
    data = json.loads(files[integrity.ASSESSMENT_NAME])
    for ans in data["answers"]:
        if isinstance(ans["value"], float) and ans["value"] < 1:
            ans["value"] = 1.0
    altered = integrity.canonical_json(data)
    claims = json.loads(files[integrity.CLAIMS_NAME])
    pack, a = load_assessment_data(data)
    claims |= integrity.score_claims(diagnose(pack, a)) | {"assessment_sha256": integrity.sha256_hex(altered)}
    problems = differs(_replace_attachments(pdf, altered, claims), "页的内容与重新生成的不同")
    (pages,) = [p for p in problems if "页的内容与重新生成的不同" in p]
    assert pages.startswith("第 1") and ("," in pages or "–" in pages)  # the cover, the summary, the appendix…
    # the digest alone edited: named as such
    differs(_replace_attachments(pdf, altered, json.loads(files[integrity.CLAIMS_NAME])), "评估数据被改动")


def test_a_claim_edited_in_report_json_is_named(pdf):
    files = attachments(pdf)
    claims = json.loads(files[integrity.CLAIMS_NAME]) | {"tier": "benchmark"}
    differs(_replace_attachments(pdf, files[integrity.ASSESSMENT_NAME], claims), "report.json 的 tier")


def test_a_crop_box_hiding_the_disclaimer_is_named(pdf):
    from pypdf.generic import RectangleObject

    page = page_of(pdf, "声明与说明")

    def crop(w):
        p = page_ref(w, page).get_object()
        p[g().NameObject("/CropBox")] = g().ArrayObject([g().FloatObject(v) for v in (0, 420, 595.2756, 841.8898)])
        w.update_container(p)

    differs(incremental(pdf, crop), f"第 {page + 1} 页的页面框 CropBox 为 [0 420 595.276 841.89]")
    for box in ("trimbox", "bleedbox", "artbox", "mediabox"):

        def other(w, box=box):
            setattr(w.pages[page], box, RectangleObject([0, 0, 300, 300]))

        differs(rewritten(pdf, other), f"第 {page + 1} 页的页面框")


def test_an_extra_page_and_a_removed_page_are_named(pdf):
    n = len(reader(pdf).pages)
    differs(rewritten(pdf, lambda w: w.add_blank_page()), f"多出页面：第 {n + 1} 页")

    def drop(w):
        w.remove_page(n - 2)

    differs(rewritten(pdf, drop), f"缺少页面：共 {n - 1} 页，重新生成为 {n} 页")


def test_an_added_attachment_and_a_script_are_named(pdf):
    differs(incremental(pdf, lambda w: embed(w, "notes.txt", b"hello")), "被添加了附件 notes.txt")

    def script(w):
        G = g()
        action = {
            G.NameObject("/S"): G.NameObject("/JavaScript"),
            G.NameObject("/JS"): G.TextStringObject("app.alert(1)"),
        }
        w.root[G.NameObject("/OpenAction")] = w.add_object(G.DictionaryObject(action))
        w.update_root()

    differs(incremental(pdf, script), "文档目录项 /OpenAction")


def test_a_malformed_summary_field_in_the_metadata_is_named(pdf):
    differs(rewritten(pdf, lambda w: w.add_metadata({"/Score": "99.99"})), "文档信息 /Score 为“99.99”")


def test_an_unsigned_copy_of_a_signed_report_is_not_passed_off(tmp_path):
    """A report rendered for signing (its cover says so) but carrying no signature: refused."""
    from test_report_support import sample_result

    from diag_app.report.pdf import report_bytes

    pack, r = sample_result("electronics")
    data, _ = report_bytes(pack, r, "zh", {"signed": True})
    differs(data, "签名被移除")


def test_an_english_report_verifies_too(tmp_path):
    out = tmp_path / "en.pdf"
    assert main(["report", str(sample_file("automotive", tmp_path)), "-o", str(out), "--lang", "en"]) == 0
    v = verify_file(out, "en")
    assert v.status == AUTHENTIC, v.problems
    assert "Not signed" in v.summary


def test_a_changed_font_or_chart_picture_is_named(pdf):
    """Forgeries that leave the content streams alone: the glyph widths of a font changed, a chart's
    pixels replaced (same size, so the page looks plausible)."""
    from pypdf.generic import ArrayObject, NameObject, NumberObject

    def widths(w):
        for font in w.pages[0]["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/Widths" in font:
                font[NameObject("/Widths")] = ArrayObject([NumberObject(500) for _ in font["/Widths"]])
                return

    differs(rewritten(pdf, widths), "第 1", "页的字体")

    chart_page = next(
        i
        for i, p in enumerate(reader(pdf).pages)
        if any("chart_" in n for n in (p["/Resources"].get("/XObject") or {}))
    )

    def repaint(w):
        xobjects = w.pages[chart_page]["/Resources"]["/XObject"]
        name = next(n for n in xobjects if "chart_" in n)
        image = xobjects[name].get_object()
        size = image["/Width"] * image["/Height"] * 3
        image._data = zlib.compress(b"\x80" * size)

    differs(rewritten(pdf, repaint), f"第 {chart_page + 1} 页的图片 FormXob.chart_")

    def as_jpeg(w):
        xobjects = w.pages[chart_page]["/Resources"]["/XObject"]
        image = xobjects[next(n for n in xobjects if "chart_" in n)].get_object()
        image._data = b"\xff\xd8\xff\xe0 not really a jpeg"
        image[NameObject("/Filter")] = NameObject("/DCTDecode")

    differs(rewritten(pdf, as_jpeg), f"第 {chart_page + 1} 页的图片 FormXob.chart_")


def test_a_report_of_the_first_format_is_refused_as_not_checkable_by_this_version(pdf):
    files = attachments(pdf)
    old = {"format": "smart-factory-report/1", "assessment_sha256": "x", "tier": "benchmark"}
    refused(_replace_attachments(pdf, files[integrity.ASSESSMENT_NAME], old), "旧版本", "smart-factory-report/1")


def test_every_rendering_option_rides_along_so_both_appendix_choices_verify(tmp_path):
    """--no-appendix and --appendix render different reports; each carries its choice and verifies."""
    src = sample_file("automotive", tmp_path)
    pages = {}
    for flag in ("--appendix", "--no-appendix"):
        out = tmp_path / f"{flag}.pdf"
        assert main(["report", str(src), "-o", str(out), flag]) == 0
        claims = integrity.parse_claims(attachments(out.read_bytes())[integrity.CLAIMS_NAME])
        assert claims["render"]["appendix"] is (flag == "--appendix")
        assert verify_file(out).status == AUTHENTIC
        pages[flag] = len(reader(out.read_bytes()).pages)
    assert pages["--appendix"] > pages["--no-appendix"]
