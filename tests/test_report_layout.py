"""The report's pages, parsed back from real PDFs: bookmarks and contents links land on their
sections, no word or number is broken across lines, no heading is left alone at a page foot or on
a page, drafts carry their mark on every page, the signature box is where the report says, and a
typical report stays within 20 pages in both languages."""

from __future__ import annotations

import io
import json
import re
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import pytest
from test_report_support import EXAMPLES, completed, sample_result

from diag_app.i18n import tr
from diag_app.model.diagnosis import diagnose
from diag_app.report.content import build_report
from diag_app.report.document import Evidence, KeyValues, Para, Report, Section, Table

INDUSTRIES = (
    "automotive",
    "electronics",
    "life-health",
    "high-end-equipment",
    "advanced-materials",
    "fashion-consumer",
)
LONG_NAME = "Commissioning-and-acceptance-protocol-of-the-robotic-welding-cell.pdf"


def final_complete(industry: str):
    """The sample, signed off and with every item answered: no draft mark."""
    pack, r = sample_result(industry)
    return pack, diagnose(pack, completed(pack, r.assessment))


@cache
def made(industry: str, lang: str, kind: str = "default") -> tuple[bytes, object, Report]:
    from diag_app.report.pdf import report_bytes

    if kind == "final":
        pack, r = final_complete(industry)
    else:
        pack, r = sample_result(industry)
    meta: dict = {"generated": "2026-11-28"}
    if kind == "final":
        ind = pack.indicators_for(r.scores.path)[0].id
        meta["evidence"] = {"OS.1.01": [Evidence(LONG_NAME, "ab" * 32)], ind: [Evidence("energy.xlsx", "cd" * 32)]}
        meta["appendix"] = True
    data, info = report_bytes(pack, r, lang, meta)
    return data, info, build_report(pack, r, lang, meta)


def pdftotext(data: bytes, *args: str) -> list[str]:
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "r.pdf"
        f.write_bytes(data)
        out = subprocess.run(["pdftotext", *args, str(f), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def outline(data: bytes) -> list[tuple[str, int]]:
    """(title, page index) of every bookmark, in order."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    out: list[tuple[str, int]] = []

    def walk(items):
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                out.append((it.title, reader.get_destination_page_number(it)))

    walk(reader.outline)
    return out


# --- navigation ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_bookmark_jumps_to_the_page_of_its_heading(lang):
    data, _info, rep = made("electronics", lang)
    pages = [squash(p) for p in pdftotext(data)]
    marks = outline(data)
    assert len(marks) == len(rep.sections)
    for title, page in marks:
        found = next(i for i, text in enumerate(pages) if i > 1 and squash(title) in text)
        assert page == found, f"{title}: bookmark on page {page + 1}, heading on page {found + 1}"
    assert len({p for _, p in marks}) >= 6, "the bookmarks spread over the report"
    assert [p for _, p in marks] == sorted(p for _, p in marks)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_contents_link_jumps_to_its_section(lang):
    from pypdf import PdfReader

    data, _info, _rep = made("electronics", lang)
    reader = PdfReader(io.BytesIO(data))
    page_of = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    contents = reader.pages[1]
    links = []
    for ref in contents.get("/Annots") or []:
        annot = ref.get_object()
        if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
            dest = annot["/Dest"]
            if isinstance(dest, str):  # a named destination
                target = reader.get_destination_page_number(reader.named_destinations[dest])
            else:  # an explicit one: [page, /XYZ, left, top, zoom]
                target = page_of[dest[0].idnum]
            links.append((-float(annot["/Rect"][3]), target))
    targets = [p for _, p in sorted(links)]
    listed = [p for title, p in outline(data) if re.match(r"^(\d+|附录 A|Appendix A)(\.\d+)?[\s\u3000]", title)]
    assert targets == listed
    text = squash(pdftotext(data, "-layout")[1])
    for title, page in outline(data):
        if re.match(r"^\d+[\s\u3000]", title):  # the contents page prints each section's page number
            assert squash(title) in text and re.search(re.escape(squash(title)) + r"[.]*" + str(page + 1), text)


# --- words and numbers stay whole ------------------------------------------------------------------


_CJK = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"


def latin_tokens(text: str) -> set[str]:
    """The Latin words and numbers of a text, without the punctuation around them."""
    out = set()
    for raw in re.split(rf"[\s{_CJK}]+", text):
        tok = raw.strip(".,;:()[]“”\"'‘’…—–-•✓×·/")
        if re.search(r"[A-Za-z0-9]", tok):
            out.add(tok)
    return out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_word_or_number_is_broken_across_lines(lang):
    data, _info, rep = made("high-end-equipment", lang, "final")
    vocab = set()
    for t in rep.texts():
        vocab |= latin_tokens(t)
    furniture = [
        tr("report.pdf.page", lang, page=1, pages=2),
        tr("report.pdf.header_id", lang, id=rep.report_id),
        tr("report.pdf.footer_digest", lang, digest=rep.digest),
        tr("report.subtitle", lang),
        tr("report.pdf.contents", lang),
        tr("report.pdf.figure", lang, n=1, caption=""),
        tr("report.pdf.table", lang, n=1, caption=""),
        tr("report.pdf.appendix", lang, n="A"),
    ]
    for t in furniture:
        vocab |= latin_tokens(t)
    broken = set()
    for page in pdftotext(data, "-raw"):
        for tok in latin_tokens(page):
            if tok in vocab:
                continue
            if re.fullmatch(r"[1-9]\d{0,2}", tok):  # page and table numbers
                continue
            broken.add(tok)
    assert not broken, sorted(broken)[:20]
    assert LONG_NAME in vocab and LONG_NAME in "".join(pdftotext(data, "-raw")).replace("\n", "")


def tiny_report(sections: tuple[Section, ...], lang: str = "en") -> Report:
    return Report(
        lang=lang,
        title="Test",
        report_id="SFD-TEST",
        digest="0" * 64,
        enterprise="Test Co.",
        generated="2026-11-28",
        app_version="0",
        cover=KeyValues((("Enterprise", "Test Co."),)),
        cover_notes=(),
        sections=sections,
        printed={},
    )


class NoFigures:
    """A report without charts has no pictures to give."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def aspect(self, chart: str) -> float:
        raise AssertionError(chart)

    def late_image(self, chart: str) -> object:
        raise AssertionError(chart)


def render(rep: Report) -> bytes:
    from diag_app.report.layout import render_pages

    return render_pages(rep, NoFigures())[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_narrow_columns_are_widened_for_their_longest_word_and_headers_fit(lang):
    """A table whose preferred widths are too narrow for its numbers and words gets the columns it
    needs; its header (one long word) does not overflow either."""
    table = Table(
        ("No.", "Organisation", "Investment", "Explanation"),
        tuple((str(i), "Organisation", "CNY 3,000,000", "word " * 30) for i in range(1, 6)),
        (0.04, 0.05, 0.05, 0.86),
        "RLRL",
    )
    data = render(tiny_report((Section("1", "Table", 1, (table,)),), lang))
    text = "\n".join(pdftotext(data, "-raw"))
    assert text.count("Organisation") == 6 and text.count("3,000,000") == 5
    assert not re.search(r"Organisatio\s|3,0\s", text)


# --- headings ----------------------------------------------------------------------------------


def body_lines(page: str) -> list[str]:
    lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
    return lines[1:-1]  # without the header and the footer


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_page_of_a_real_report_holds_only_headings(lang):
    data, _info, _rep = made("high-end-equipment", lang, "final")
    titles = {squash(t) for t, _ in outline(data)}
    for n, page in enumerate(pdftotext(data, "-layout")[2:], 3):
        lines = body_lines(page)
        assert lines, f"page {n} is empty"
        assert not all(squash(ln) in titles for ln in lines), f"page {n} holds only {lines}"


@pytest.mark.parametrize("filler", range(34, 46))
def test_a_heading_never_stays_at_a_page_foot_without_what_it_introduces(filler):
    """Whatever fills the page before it, a heading goes to the next page with the start of its
    table rather than end a page alone (or with only the table's header)."""
    paras = tuple(Para(f"Paragraph {i} fills the page.") for i in range(filler))
    table = Table(("Item", "Value"), tuple((f"row {i}", str(i)) for i in range(40)), (0.5, 0.5), "LR", caption="Rows")
    rep = tiny_report(
        (
            Section("1", "First", 1, paras, new_page=True),
            Section("2", "Second", 1, ()),
            Section("2.1", "Detail", 2, (table,)),
        )
    )
    pages = pdftotext(render(rep), "-layout")
    for n, page in enumerate(pages[2:], 3):
        lines = body_lines(page)
        if any(squash(ln) in ("2Second", "2.1Detail") for ln in lines):
            last = lines[-1]
            assert "row" in last, f"page {n} ends with {last!r}: a heading or header left at the foot"
            assert sum(1 for ln in lines if ln.startswith("row")) >= 2


def test_a_split_table_repeats_its_header_and_leaves_two_rows_on_each_page():
    table = Table(("Item", "Value"), tuple((f"row {i}", str(i)) for i in range(150)), (0.5, 0.5), "LR")
    pages = pdftotext(render(tiny_report((Section("1", "Long", 1, (table,), new_page=True),))), "-layout")[2:]
    assert len(pages) >= 3
    for page in pages:
        lines = body_lines(page)
        assert any(re.match(r"Item\s+Value", ln) for ln in lines)
        assert sum(1 for ln in lines if ln.startswith("row")) >= 2


# --- drafts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_draft_carries_its_mark_on_every_page_and_the_cover(lang):
    from pypdf import PdfReader

    data, _info, rep = made("electronics", lang)  # the example is a draft
    assert rep.draft
    mark = squash(tr("report.draft.watermark", lang))
    pages = PdfReader(io.BytesIO(data)).pages
    assert all(mark in squash(p.extract_text()) for p in pages)
    cover = squash(pdftotext(data)[0])
    assert squash(tr("report.draft.watermark", lang).split("/")[0]) in cover


def test_a_final_complete_report_has_no_draft_mark():
    from pypdf import PdfReader

    data, _info, rep = made("electronics", "zh", "final")
    assert not rep.draft
    assert not any("草稿/未定稿" in squash(p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages)


# --- claims, signature, budget ------------------------------------------------------------------------


@pytest.mark.parametrize("industry", INDUSTRIES)
def test_the_printed_tiers_are_worded_as_self_assessment_thresholds(industry):
    from diag_app.describe import tier_claim

    pack, r = sample_result(industry)
    data, _info, _rep = made(industry, "zh")
    text = squash("".join(pdftotext(data)))
    assert squash(tier_claim(pack, r.tier.tier, "zh")) in text
    assert squash(tier_claim(pack, r.national.tier, "zh")) in text
    assert "判定为" not in text


def test_the_signature_box_is_reserved_on_the_signature_page_and_recorded():
    from pypdf import PdfReader

    from diag_app.report import integrity
    from diag_app.report.pdf import report_bytes

    data, info, _rep = made("electronics", "en", "final")
    page, (x0, y0, x1, y1) = info.signature_box
    reader = PdfReader(io.BytesIO(data))
    assert "Pledge, signatures and seal" in pdftotext(data)[page] or page == len(reader.pages) - 1
    assert "Digital signature" in pdftotext(data)[page]
    w, h = float(reader.pages[page].mediabox.width), float(reader.pages[page].mediabox.height)
    assert 0 < x0 < x1 <= w and 60 < y0 < y1 < h - 60
    assert round((x1 - x0) / 72 * 25.4) == 80 and round((y1 - y0) / 72 * 25.4) == 32
    inside = pdftotext(
        data,
        "-layout",
        *("-f", str(page + 1), "-l", str(page + 1)),
        *("-x", str(int(x0) + 2), "-y", str(int(h - y1) + 2), "-W", str(int(x1 - x0) - 4), "-H", str(int(y1 - y0) - 4)),
    )
    assert not squash("".join(inside)), "the box is empty"
    # a report to be signed records the box in its claims, where the signer and verify read it
    pack, r = final_complete("electronics")
    signed, signed_info = report_bytes(pack, r, "en", {"generated": "2026-11-28", "signed": True})
    claims = json.loads(PdfReader(io.BytesIO(signed)).attachments["report.json"][0])
    assert integrity.signature_box(claims) == signed_info.signature_box
    assert "digitallysigned" in squash(pdftotext(signed)[0]).lower()


EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json")) + sorted(EXAMPLES.glob("plants/*.json"))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def test_every_example_report_is_at_most_20_pages(example, lang):
    """With the options a user gets by default (the appendix for on-site assessments)."""
    from diag_app.assessment_file import read_assessment_file
    from diag_app.report.pdf import report_bytes

    pack, a = read_assessment_file(example)
    _data, info = report_bytes(pack, diagnose(pack, a), lang, {"generated": "2026-11-28"})
    assert info.pages <= 20, f"{example.name} ({lang}): {info.pages} pages"
