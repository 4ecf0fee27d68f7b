"""The report model as data: what the report says, without rendering it."""

from __future__ import annotations

import dataclasses

import pytest
from test_report_support import sample_result

from diag_app import __version__
from diag_app.describe import check_text, reason_text, rule_text, tier_name
from diag_app.model.diagnosis import diagnose
from diag_app.report.content import build_report
from diag_app.report.document import Evidence, FigureRef, KeyValues, Para, Table
from diag_app.report.fonts import missing_glyphs
from diag_app.report.integrity import canonical_bytes, sha256_hex
from diag_app.report.sections.appendix import product_defaults


@pytest.fixture(scope="module")
def electronics():
    return sample_result("electronics")


@pytest.fixture(scope="module")
def report(electronics):
    pack, r = electronics
    return build_report(pack, r, "zh", {"generated": "2026-11-28"})


def paras(section, style=None):
    return [b.text for b in section.blocks if isinstance(b, Para) and (style is None or b.style == style)]


def tables(section):
    return [b for b in section.blocks if isinstance(b, Table)]


def test_summary_states_tier_and_the_checks_that_block_the_next_one(electronics, report):
    pack, r = electronics
    summary = report.section("1")
    kv = dict(summary.blocks[0].rows)
    assert kv["上海智能工厂分层"] == tier_name(pack, r.tier.tier, "zh")
    assert kv["国家智能工厂梯度培育"] == tier_name(pack, r.national.tier, "zh")
    assert kv["总分 S"].startswith(f"{r.scores.s:.2f}")
    assert r.tier.blocking, "the example should be short of the next tier"
    gaps = paras(summary, "gap")
    for c in r.tier.blocking:
        assert check_text(pack, c, "zh", r.scores.s) in gaps
    for c in r.tier.decisive:
        assert check_text(pack, c, "zh", r.scores.s) in paras(summary, "ok")


def test_summary_names_three_gaps_and_the_top_suggestions_with_their_reasons(electronics, report):
    pack, r = electronics
    summary = report.section("1")
    bullets = paras(summary, "bullet")
    gap_lines = [b for b in bullets if "目标为" in b]
    assert len(gap_lines) == 3
    for sg in r.suggestions[:3]:
        line = next(b for b in bullets if b.startswith(sg.item.name.zh))
        assert reason_text(pack, sg.reasons[0], "zh") in line
        assert "万元" in line


def test_cover_lists_everything_a_reviewer_checks(electronics, report):
    pack, r = electronics
    a = r.assessment
    cover = dict(report.cover.rows)
    digest = sha256_hex(canonical_bytes(a))
    assert cover["企业名称"] == a.enterprise.name
    assert cover["统一社会信用代码"] == a.enterprise.credit_code
    assert cover["所属行业"] == pack.industries[a.enterprise.industry].name.zh
    assert cover["评估日期"] == a.date and cover["修订版本"] == str(a.revision)
    assert cover["评估方式"] in ("企业自评", "现场评估")
    assert pack.id in cover["评估题库"] and pack.version in cover["评估题库"]
    assert __version__ in cover["生成软件"]
    assert cover["评估数据摘要（SHA-256）"] == digest == report.digest
    assert cover["报告编号"] == report.report_id == f"SFD-20261128-{digest[:8].upper()}"
    assert "不是经认定机构实施的" in report.cover_notes[0].text


def test_national_distribution_with_source_and_the_enterprise_marked(electronics, report):
    pack, _r = electronics
    section = report.section("2")
    (t,) = tables(section)
    assert [row[1] for row in t.rows] == [f"{v:g}%" for _, v in pack.distribution]
    (mine,) = t.strong_rows
    assert t.rows[mine][2] == "● 本企业"
    assert "2022" in pack.distribution_source.zh
    assert any(pack.distribution_source.zh in p for p in paras(section))


def test_charts_section_names_the_three_figures(report):
    figs = [b for b in report.section("3").blocks if isinstance(b, FigureRef)]
    assert [f.chart for f in figs] == ["radar", "level_bars", "indicator_chart"]
    assert "标杆性智能工厂" in figs[0].caption


def test_detail_covers_every_subdomain_with_met_and_missing_requirements(electronics, report):
    pack, r = electronics
    titles = {s.title for s in report.sections if s.number.startswith("4.") and s.level == 3}
    assert titles == {sd.name.zh for sd in pack.subdomains.values()}
    od = next(
        s for s in report.sections if s.level == 3 and s.title == pack.subdomains["organisation-strategy"].name.zh
    )
    stats = next(b for b in od.blocks if isinstance(b, KeyValues))
    assert dict(stats.rows)["子域得分"] == f"{r.scores.subdomains['organisation-strategy'].score:.2f}"
    (levels,) = tables(od)
    assert len(levels.rows) == 5
    missing = [
        q
        for q in pack.requirements
        if q.subdomain == "organisation-strategy"
        and isinstance(r.assessment.value(q.id), float)
        and r.assessment.value(q.id) < 0.8
    ]
    text = "\n".join(row[4] for row in levels.rows)
    for q in missing:
        assert q.id in text and q.text.zh in text
    noted = [ans for ans in r.assessment.answers.values() if ans.note and ans.item.startswith("OS.")]
    for ans in noted:
        assert f"{ans.item}：{ans.note}" in paras(od, "bullet")


def test_evidence_is_listed_with_file_name_and_digest(electronics):
    pack, r = electronics
    ev = {"OS.1.01": [Evidence("智能制造规划2025.pdf", "ab" * 32)]}
    rep = build_report(pack, r, "zh", {"evidence": ev})
    texts = "\n".join(rep.texts())
    assert "OS.1.01：智能制造规划2025.pdf（SHA-256 " + "ab" * 32 + "）" in texts


def test_renewal_plan_labels_every_support_figure_as_an_upper_bound():
    pack, r = sample_result("automotive")
    assert r.support, "the automotive example has a plan"
    rep = build_report(pack, r, "zh")
    section = rep.section("5")
    plans = tables(section)[-1]
    assert "上限" in plans.caption and "上限" in plans.header[4]
    total = plans.rows[-1]
    assert total[0] == "合计（上限）" and "万元" in total[4]
    assert any("估算上限" in p for p in paras(section, "warn"))
    assert any("上限" in p and "万元" in p for p in paras(rep.section("1")))


def test_roadmap_lists_steps_to_the_next_tier(electronics, report):
    _pack, r = electronics
    rm = r.roadmap
    assert rm is not None and rm.target == r.tier.next_tier
    (steps,) = tables(report.section("6"))
    assert [row[1] for row in steps.rows[:-1]] == [st.item.name.zh for st in rm.steps]
    assert steps.rows[-1][2].endswith("万元")


def test_top_tier_roadmap_says_so():
    pack, r = sample_result("automotive")
    rep = build_report(pack, r, "zh")
    if r.tier.next_tier is None:
        assert "已达到最高分层" in paras(rep.section("6"))[0]


def test_disclaimers_list_every_product_default_of_the_pack(electronics, report):
    pack, _ = electronics
    section = report.section("7")
    text = "\n".join(paras(section))
    assert "GB/T 39116" in text and "GB/T 39117" in text and "不是经认定评估机构实施的" in text
    assert "估算上限" in text
    (defaults,) = tables(section)
    values = {row[1] for row in defaults.rows}
    for tier in pack.all_tiers():
        for rule in tier.rules:
            if rule.basis == "D":
                assert rule_text(pack, rule, "zh") in values
    for ind in pack.indicators:
        for t in ind.targets:
            if t.basis == "D":
                assert any(t.label.zh in v for v in values), t.id
    assert len(defaults.rows) == len(product_defaults(pack, "zh"))


def test_appendix_has_every_answer(electronics, report):
    pack, r = electronics
    s = r.scores
    (reqs,) = tables(report.section("A.1"))
    assert {row[0] for row in reqs.rows} == {q.id for q in pack.requirements_for(s.industry, s.path)}
    (inds,) = tables(report.section("A.2"))
    assert {row[0] for row in inds.rows} == {i.id for i in pack.indicators_for(s.path)}
    (conds,) = tables(report.section("A.3"))
    assert [row[2] for row in conds.rows] == ["是" if r.assessment.value(c.id) else "否" for c in pack.conditions]


def test_provisional_result_is_flagged(electronics):
    pack, r = electronics
    a = r.assessment
    first = sorted(a.answers)[0]
    partial = dataclasses.replace(a, answers={k: v for k, v in a.answers.items() if k != first})
    rep = build_report(pack, diagnose(pack, partial, with_roadmap=False), "zh")
    assert any("暂定结果" in p for p in paras(rep.section("1"), "warn"))
    assert "未作答" in {row[4] for row in next(iter(tables(rep.section("A.1")))).rows}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_text_is_translated_and_drawable(electronics, lang):
    pack, r = electronics
    rep = build_report(pack, r, lang)
    texts = rep.texts()
    raw_keys = [t for t in texts if t.startswith(("report.", "chart.", "export.", "verify."))]
    assert not raw_keys, raw_keys[:5]
    assert missing_glyphs("".join(texts)) == set()
    if lang == "en":
        assert rep.title == "Smart-Factory Maturity Self-Diagnosis Report"
        assert rep.section("1").title == "Executive summary"
