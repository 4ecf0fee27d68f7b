"""The in-app user guide (assets/help/<lang>.html and ui/help_dialog.py): both languages have the
same sections and every link of the contents leads somewhere; the tier section comes from the pack
and claims thresholds, never a recognition; the keys table lists the shortcuts the window really
has. Runs offscreen (conftest.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence

from diag_app.describe import tier_name
from diag_app.i18n import tr
from diag_app.ui.actions import COMMANDS
from diag_app.ui.help_dialog import HelpDialog, guide_html, guide_path

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("zh", "en")
PORTABLE = QKeySequence.SequenceFormat.PortableText


def guide(lang: str) -> str:
    return guide_path(lang).read_text(encoding="utf-8")


def section(text: str, anchor: str) -> str:
    """The HTML of one top-level section (up to the next <h2> or the end)."""
    m = re.search(rf'<h2 id="{anchor}">.*?(?=<h2 |</body>)', text, re.S)
    assert m, anchor
    return m.group(0)


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_every_link_of_the_contents_leads_to_a_section_in_both_languages():
    for lang in LANGS:
        text = guide(lang)
        links = re.findall(r'href="#([a-z_]+)"', text)
        assert len(links) >= 12, (lang, links)
        for anchor in links:
            # QTextBrowser scrolls to <a name>; the id is for the tests and for browsers
            assert f'id="{anchor}"' in text and f'<a name="{anchor}"></a>' in text, (lang, anchor)


def test_both_languages_have_the_same_sections_in_the_same_order():
    ids = {lang: re.findall(r'\bid="([a-z_]+)"', guide(lang)) for lang in LANGS}
    assert ids["zh"] == ids["en"]
    h2 = {lang: re.findall(r'<h2 id="([a-z_]+)"', guide(lang)) for lang in LANGS}
    assert h2["zh"] == h2["en"]
    for needed in ("fill", "ratings", "score", "tier", "whatif", "support", "exports", "verify", "workspace", "keys"):
        assert needed in h2["zh"], needed


@pytest.mark.parametrize("lang", LANGS)
def test_the_tier_section_comes_from_the_pack_and_claims_only_thresholds(qtbot, pack, lang):
    dlg = HelpDialog(lang, "tier", pack=pack)
    qtbot.addWidget(dlg)
    shown = dlg.text.toPlainText()
    for t in (*pack.tiers, *pack.national_tiers):
        assert tier_name(pack, t.id, lang) in shown, t.id
    assert tr("report.summary.recognition", lang) in shown

    tiers = plain(section(guide_html(lang, pack) or "", "tier"))
    assert tr("report.summary.recognition", lang) in tiers
    for t in (*pack.tiers, *pack.national_tiers):
        assert tier_name(pack, t.id, lang) in tiers, t.id
    # no unconditional claim: "达到……即为示范性智能工厂", "… is a benchmark smart factory"
    assert not re.search(r"达到[^。；\n]*即(为|是|可认定)", tiers), tiers
    assert not re.search(r"\b(is|becomes|qualifies as) an? [\w-]+ smart factory", tiers, re.I), tiers
    # the static text (no pack loaded) is worded as thresholds too
    static = plain(section(guide(lang), "tier"))
    assert tr("report.summary.recognition", lang) in static
    assert ("自评门槛" if lang == "zh" else "self-assessment threshold") in static
    assert "即为" not in static


def test_the_support_section_says_what_counts_and_what_only_might(pack):
    zh, en = plain(section(guide("zh"), "support")), plain(section(guide("en"), "support"))
    for word in ("首台", "创新产品推荐目录", "2000 万元", "合同能源管理", "从不计入", "上限估算", "主管部门"):
        assert word in zh, word
    for word in ("first-of-its-kind", "catalogue", "CNY 20 million", "energy performance contract", "never counted"):
        assert word in en, word
    assert "upper-bound" in en and "authority" in en
    # the one-measure rule is the model's: one Shanghai measure per plan, stacking ones on top
    assert "stacks" in (ROOT / "diag_app" / "model" / "support.py").read_text(encoding="utf-8")
    assert "可叠加" in zh and "stack" in en


def _keys_in_table(lang: str) -> set[str]:
    return set(re.findall(r"<kbd>([^<]+)</kbd>", section(guide(lang), "keys")))


def _bindings(key: str | QKeySequence.StandardKey) -> list[str]:
    if isinstance(key, QKeySequence.StandardKey):
        return [s.toString(PORTABLE) for s in QKeySequence.keyBindings(key)]
    return [QKeySequence(key).toString(PORTABLE)]


def _editor_shortcuts() -> set[str]:
    src = (ROOT / "diag_app" / "ui" / "editor.py").read_text(encoding="utf-8")
    return {QKeySequence(k).toString(PORTABLE) for k in re.findall(r'QKeySequence\("([^"]+)"\)', src)}


@pytest.mark.parametrize("lang", LANGS)
def test_the_keys_table_lists_every_shortcut_of_the_window_and_only_real_ones(qapp, lang):
    listed = _keys_in_table(lang)
    every: set[str] = set()
    for c in COMMANDS:
        for k in c.keys:
            names = _bindings(k)
            every.update(names)
            if isinstance(k, str):
                assert QKeySequence(k).toString(PORTABLE) in listed, (lang, c.id, k)
            elif names:  # a standard key: the platform gives none, one or several; the guide names one
                assert set(names) & listed, (lang, c.id, names)
    editor = _editor_shortcuts()
    assert {"Ctrl+PgDown", "Ctrl+PgUp", "F3"} <= editor
    assert editor <= listed, (lang, editor - listed)
    unknown = {k for k in listed if QKeySequence(k).toString(PORTABLE) not in every | editor}
    assert not unknown, (lang, unknown)
    assert "Ctrl+Shift+Z" in listed and "Ctrl+Y" in listed


def test_the_short_help_mentions_undo_and_the_guided_mode_and_promises_nothing_later():
    zh, en = tr("ui.help.body", "zh"), tr("ui.help.body", "en")
    assert "后续版本" not in zh and "later version" not in en
    assert "Ctrl+Z" in zh and "Ctrl+Z" in en
    assert "引导作答" in zh and "Guided" in en


def test_the_guide_names_the_features_a_user_meets():
    zh, en = plain(guide("zh")), plain(guide("en"))
    for word in (
        "撤销",
        "引导作答",
        "还需 N 项即可得出最终结果",
        "现有系统与装备",
        "从不计分",
        "替换…",
        "评估范围与团队",
        "回收站",
        "30 天",
        "草稿 / 未定稿",
        "附录 A",
        "PKCS#12",
        "自签名",
        "diag-app verify",
        "不能证明由谁出具",
        "--db",
        "examples.db",
        "从回收站恢复",
        "以新编号导入",
    ):
        assert word in zh, word
    for word in (
        "Undo",
        "Guided",
        "items until the result is final",
        "Existing systems and equipment",
        "never scored",
        "Replace…",
        "Scope and Team",
        "Recycle Bin",
        "30 or more days",
        "DRAFT / not final",
        "appendix A",
        "PKCS#12",
        "self-signed",
        "diag-app verify",
        "does not prove who issued it",
        "--db",
        "examples.db",
        "brought back from the recycle bin",
        "added under a new id",
    ):
        assert word in en, word
