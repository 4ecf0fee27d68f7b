"""Chinese line breaking in the PDF: no line starts with closing punctuation, none ends with an
opening mark (reportlab's own lists lack ，；：？！》” and more; report/linebreak.py fixes it)."""

from __future__ import annotations

import random
from xml.sax.saxutils import escape

import pytest

CLOSING = "，。；：？！、）》」』”’"
OPENING = "（《「『“‘"


@pytest.fixture(scope="module")
def style():
    from reportlab.lib.styles import ParagraphStyle

    from diag_app.report.fonts import register_reportlab

    return ParagraphStyle("t", fontName=register_reportlab(), fontSize=10, leading=14, wordWrap="CJK")


def lines_of(text, width: float, style=None) -> list[str]:
    """The lines of a paragraph (markup, or a Paragraph already made) ``width`` points wide."""
    from reportlab.platypus import Paragraph

    p = text if isinstance(text, Paragraph) else Paragraph(text, style)
    p.wrap(width, 10_000)
    bl = p.blPara
    if bl.kind == 0:  # one plain fragment: reportlab's word splitter
        return [line[1][0] for line in bl.lines]
    return ["".join(f.text for f in line.words) for line in bl.lines]


def test_reportlab_lists_are_extended():
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    from diag_app.report.fonts import register_reportlab

    register_reportlab()
    for ch in CLOSING:
        assert ch in textsplit.ALL_CANNOT_START and ch in paragraph.ALL_CANNOT_START
    for ch in OPENING:
        assert ch in textsplit.ALL_CANNOT_END


@pytest.mark.parametrize("markup", [False, True], ids=["plain", "markup"])
def test_a_comma_at_the_break_is_kept_on_its_line(style, markup):
    # ten characters fill the line exactly; the comma would open the next line
    from reportlab.pdfbase.pdfmetrics import stringWidth

    w = stringWidth("智能工厂自诊断报告说", style.fontName, 10)
    text = "智能工厂自诊断报告说，明文字。”引号后面还有文字"
    if markup:
        text = "<b>智</b>" + text[1:]
    lines = lines_of(text, w + 0.5, style)
    assert "".join(lines) == text.replace("<b>", "").replace("</b>", "")
    for line in lines[1:]:
        assert line[0] not in CLOSING, lines


def test_two_closing_marks_at_a_break_move_a_character_down(style):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    w = stringWidth("智能工厂自诊断报告说", style.fontName, 10)
    text = "智能工厂自诊断报告说。”后续文字"
    lines = lines_of(text, w + 0.5, style)
    assert lines[0].endswith("告") and lines[1].startswith("说。”"), lines


@pytest.mark.parametrize("seed", range(3))
def test_random_sentences_never_start_a_line_with_closing_punctuation(style, seed):
    rnd = random.Random(seed)
    words = ["智能工厂", "数据采集", "设备联网", "生产计划", "质量追溯", "能源管理", "MES 系统", "CMMM 三级"]
    bad = []
    for _ in range(120):
        parts = []
        for _ in range(rnd.randint(3, 14)):
            parts.append(rnd.choice(words))
            parts.append(rnd.choice(["", "", "，", "。", "；", "：", "、", "）", "》", "！", "？", "。”", "（", "“"]))
        text = "".join(parts)
        if rnd.random() < 0.5:
            text = "<b>要求</b>" + text
        for w in (60, 95, 150, 230):
            lines = lines_of(text, w, style)
            bad += [(text, w, ln) for ln in lines[1:] if ln and ln[0] in CLOSING]
            bad += [(text, w, ln) for ln in lines[:-1] if ln and ln[-1] in OPENING]
    assert not bad, bad[:3]


def test_a_line_break_after_a_full_line_leaves_no_blank_line(style):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    w = stringWidth("智能工厂自诊断报告说（部分）", style.fontName, 10)
    lines = lines_of("智能工厂自诊断报告说（部分）<br/>第二条要求", w + 0.5, style)
    assert lines == ["智能工厂自诊断报告说（部分）", "第二条要求"]


def test_table_cells_break_exactly_as_paragraphs_of_the_same_text(style):
    # table cells are broken up front (plain_lines) and drawn as plain strings: a reader sees
    # the same lines a paragraph would show, with the same rules at every break (a paragraph
    # with a line break in it sometimes keeps a space at the start of a line; a cell does not)
    from reportlab.platypus import Paragraph

    from diag_app.report.linebreak import plain_lines

    rnd = random.Random(7)
    words = ["智能工厂", "数据采集", "设备联网", "生产计划", "MES 系统", "ISA-95 对象模型", "（部分满足）", "70%"]
    marks = ["", "", "，", "。", "；", "、", "）", "》", "。”", "（", "“", " "]
    texts = ["", "短", "A&B <对比>", "  两端 有  空格  ", "第一行\n\n第三行", "\n开头空一行", "结尾换行\n", " \n "]
    for _ in range(150):
        text = "".join(rnd.choice(words) + rnd.choice(marks) for _ in range(rnd.randint(1, 16)))
        if rnd.random() < 0.3:
            text = text.replace("。", "。\n", 1)
        texts.append(text)
    differ = []
    for text in texts:
        for w in (40, 95, 150, 230):
            p = Paragraph(escape(text).replace("\n", "<br/>"), style)
            expected = [ln.strip() for ln in lines_of(p, w)] if text.strip() else []
            got = list(plain_lines(text, w, style.fontName, style.fontSize))
            if got != expected:
                differ.append((text, w, expected, got))
    assert not differ, differ[:3]
