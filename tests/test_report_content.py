"""The report as data: what it says and claims, without rendering it."""

from __future__ import annotations

import dataclasses
import re

import pytest
from test_report_support import completed, sample_result

from diag_app import __version__
from diag_app.describe import check_text, rule_text, tier_claim, tier_name
from diag_app.model.assessment import NA, Answer, Plan, Scope, TeamMember
from diag_app.model.diagnosis import diagnose
from diag_app.report.content import build_report, draft_reasons, draft_warning
from diag_app.report.document import Evidence, FigureRef, KeyValues, Para, ReportMeta, Table
from diag_app.report.fonts import missing_glyphs
from diag_app.report.integrity import canonical_bytes, sha256_hex
from diag_app.report.sections.closing import product_defaults


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


def everything(rep) -> str:
    return "\n".join(rep.texts())


def variant(industry: str = "electronics", **changes):
    """The sample assessment with some fields changed, diagnosed again."""
    pack, r = sample_result(industry)
    a = dataclasses.replace(r.assessment, **changes)
    return pack, diagnose(pack, a)


# --- what the report may claim ---------------------------------------------------------------


def test_every_shanghai_tier_and_national_tier_above_basic_is_worded_as_a_self_assessment_threshold(electronics):
    pack, _ = electronics
    basic = min(pack.national_tiers, key=lambda t: t.rank)
    for t in pack.tiers:
        assert tier_claim(pack, t.id, "zh") == f"达到“{t.name.zh}”自评门槛"
        assert tier_claim(pack, t.id, "en") == f"meets the self-assessment threshold for {t.name.en}"
    for t in pack.national_tiers:
        if t.id == basic.id:
            assert tier_claim(pack, t.id, "zh") == f"{t.name.zh}（企业自评）"
            assert "threshold" not in tier_claim(pack, t.id, "en")
        else:
            assert "自评门槛" in tier_claim(pack, t.id, "zh")
            assert tier_claim(pack, t.id, "en").startswith("meets the self-assessment threshold for ")
    assert tier_claim(pack, "none", "zh") == "尚未达到任何分层的自评门槛"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_tier_above_basic_is_ever_stated_as_reached(electronics, lang):
    """Wherever a tier above 基础级 is named as the enterprise's, it comes with the threshold wording."""
    pack, r = electronics
    rep = build_report(pack, r, lang)
    basic = min(pack.national_tiers, key=lambda t: t.rank).id
    summary = dict(rep.section("1").blocks[0].rows)
    for ladder, d in (("summary.tier", r.tier), ("summary.national", r.national)):
        from diag_app.i18n import tr

        shown = summary[tr(f"report.{ladder}", lang)]
        assert shown == tier_claim(pack, d.tier, lang)
        if d.tier not in ("none", basic):
            assert ("自评门槛" if lang == "zh" else "self-assessment threshold") in shown
    for p in paras(rep.section("1"), "lead"):
        if lang == "zh" and "判定为" in p:
            pytest.fail(f"a tier stated as decided: {p}")
    assert any(
        ("主管部门认定" if lang == "zh" else "recognised by the municipal or national authority") in p
        for p in paras(rep.section("1"))
    )


def test_summary_states_the_checks_that_decide_and_block(electronics, report):
    pack, r = electronics
    summary = report.section("1")
    kv = dict(summary.blocks[0].rows)
    assert kv["总分 S"].startswith(f"{r.scores.s:.2f}")
    assert r.tier.blocking, "the example should be short of the next tier"
    for c in r.tier.blocking:
        assert check_text(pack, c, "zh", r.scores.s) in paras(summary, "gap")
    for c in r.tier.decisive:
        assert check_text(pack, c, "zh", r.scores.s) in paras(summary, "ok")


def test_summary_names_three_gaps_and_the_top_suggestions(electronics, report):
    _pack, r = electronics
    from diag_app.model.targets import gaps

    bullets = paras(report.section("1"), "bullet")
    assert len([b for b in bullets if "目标为" in b]) == min(3, len(gaps(*electronics)))
    for sg in r.suggestions[:3]:
        line = next(b for b in bullets if b.startswith(sg.item.name.zh))
        assert "万元" in line


# --- cover and drafts ---------------------------------------------------------------------------


def test_cover_lists_everything_a_reviewer_checks(electronics, report):
    pack, r = electronics
    a = r.assessment
    cover = dict(report.cover.rows)
    digest = sha256_hex(canonical_bytes(a))
    assert cover["企业名称"] == a.enterprise.name
    assert cover["统一社会信用代码"] == a.enterprise.credit_code
    assert cover["所属行业"] == pack.industries[a.enterprise.industry].name.zh
    assert cover["评估日期"] == a.date and cover["修订版本"] == str(a.revision)
    assert pack.id in cover["评估题库"] and pack.version in cover["评估题库"]
    assert __version__ in cover["生成软件"]
    assert cover["评估数据摘要（SHA-256）"] == digest == report.digest
    assert cover["报告编号"] == report.report_id == f"SFD-20261128-{digest[:8].upper()}"
    notes = " ".join(p.text for p in report.cover_notes)
    assert "不是经认定机构实施的" in notes
    assert "未经数字签名" in notes  # unsigned unless the caller says it will be signed
    signed = build_report(pack, r, "en", {"signed": True})
    assert "Digitally signed" in " ".join(p.text for p in signed.cover_notes)


def test_a_draft_says_so_on_the_cover_and_carries_the_watermark():
    pack, r = variant(status="draft")
    assert "status" in draft_reasons(r)
    rep = build_report(pack, r, "zh")
    assert rep.draft and rep.watermark == "草稿 / 未定稿"
    assert dict(rep.cover.rows)["评估状态"] == "草稿（未定稿）"
    assert any(p.style == "warn" and p.text.startswith("草稿 / 未定稿") for p in rep.cover_notes)
    en = build_report(pack, r, "en")
    assert en.watermark == "DRAFT / not final"
    assert "DRAFT" in draft_warning(r, "en") and "草稿" in draft_warning(r, "zh")


def test_a_final_assessment_with_unanswered_items_is_still_a_draft():
    pack, r0 = sample_result("electronics")
    a = r0.assessment
    first = next(q.id for q in pack.requirements_for(r0.scores.industry, r0.scores.path) if q.id in a.answers)
    answers = {k: v for k, v in a.answers.items() if k != first}
    pack, r = variant(status="final", answers=answers)
    assert r.scores.provisional and draft_reasons(r) == ("unanswered",)
    rep = build_report(pack, r, "zh")
    assert rep.draft
    assert any("暂定" in p.text for p in rep.cover_notes)


def test_a_final_complete_assessment_is_no_draft():
    pack, r0 = sample_result("electronics")
    r = diagnose(pack, completed(pack, r0.assessment))
    assert not r.scores.provisional and draft_reasons(r) == ()
    rep = build_report(pack, r, "zh")
    assert not rep.draft and rep.watermark == ""
    assert dict(rep.cover.rows)["评估状态"] == "定稿"
    assert draft_warning(r, "zh") == ""


# --- scope, method, team, what does not apply ---------------------------------------------------


def test_scope_and_team_are_printed_as_recorded():
    scope = Scope(
        site="嘉定工厂一期",
        lines="总装线 A、焊装车间",
        period="2026-11-18 至 2026-11-20",
        interviewees="生产总监、IT 经理",
        documents="《设备台账》《MES 操作规程》",
    )
    team = (TeamMember("李华", "组长", "上海智造咨询"), TeamMember("陈静", "评估员", ""))
    pack, r = variant(scope=scope, team=team)
    rep = build_report(pack, r, "zh")
    covered = dict(next(b for b in rep.section("2.1").blocks if isinstance(b, KeyValues)).rows)
    assert covered["评估地点（厂区）"] == scope.site and covered["覆盖的产线与车间"] == scope.lines
    assert covered["评估时间"] == scope.period and covered["访谈对象"] == scope.interviewees
    assert covered["查阅的文件资料"] == scope.documents
    (members,) = tables(rep.section("2.3"))
    assert members.rows == (("李华", "组长", "上海智造咨询"), ("陈静", "评估员", "—"))


def test_an_assessment_without_scope_says_it_was_not_recorded(report):
    covered = dict(next(b for b in report.section("2.1").blocks if isinstance(b, KeyValues)).rows)
    assert covered["评估地点（厂区）"] == "未记录"
    assert any("未记录范围信息" in p for p in paras(report.section("2.1")))


def test_every_not_applicable_is_listed_with_its_reason():
    pack, r0 = sample_result("electronics")
    a = r0.assessment
    reqs = [q for q in pack.requirements_for(r0.scores.industry, r0.scores.path) if q.subdomain != "energy"]
    answers = dict(a.answers)
    answers[reqs[0].id] = Answer(reqs[0].id, NA, "本厂无此工序")
    answers[reqs[5].id] = Answer(reqs[5].id, NA, "")
    sd = next(iter(pack.subdomains))
    pack, r = variant(answers=answers, na_subdomains={sd: "委托外部单位负责，厂内不涉及"})
    rep = build_report(pack, r, "zh")
    (na,) = tables(rep.section("2.2"))
    whats = [row[2] for row in na.rows]
    reasons = [row[3] for row in na.rows]
    assert any(pack.subdomains[sd].name.zh in w for w in whats)
    assert "委托外部单位负责，厂内不涉及" in reasons
    if reqs[0].subdomain != sd:
        assert any(w.startswith(reqs[0].id) for w in whats) and "本厂无此工序" in reasons
    if reqs[5].subdomain != sd:
        assert "（未填写理由）" in reasons
    sd_section = next(s for s in rep.sections if s.level == 3 and s.title == pack.subdomains[sd].name.zh)
    assert "委托外部单位负责，厂内不涉及" in paras(sd_section)[0]


# --- findings -------------------------------------------------------------------------------------


def test_findings_cover_every_subdomain_with_its_gaps_up_to_the_target(electronics, report):
    pack, r = electronics
    subs = [s for s in report.sections if s.number.startswith("4.") and s.level == 3]
    assert {s.title for s in subs} == {sd.name.zh for sd in pack.subdomains.values()}
    from diag_app.model.targets import subdomain_target

    for s in subs:
        sd = next(k for k, v in pack.subdomains.items() if v.name.zh == s.title)
        target = subdomain_target(pack, r, sd)
        if sd not in r.scores.subdomains or target is None:
            continue
        missing = [
            q.id
            for q in pack.requirements_for(r.scores.industry, r.scores.path)
            if q.subdomain == sd
            and q.level <= target
            and not (isinstance(v := r.assessment.value(q.id), float | int) and v >= 0.8)
            and v != NA
        ]
        gaps = paras(s, "gap")
        assert sorted(g.split()[0] for g in gaps) == sorted(missing), s.title
        for g in gaps:
            q = next(q for q in pack.requirements if q.id == g.split()[0])
            assert q.text.zh in g
        assert paras(s, "ok"), "every scored sub-domain states its strengths"


# --- plan, support, evidence, signatures ------------------------------------------------------------


@pytest.mark.parametrize("industry", ["electronics", "fashion-consumer", "high-end-equipment"])
def test_roadmap_lists_every_stage_and_step_in_order(industry):
    pack, r = sample_result(industry)
    rm = r.roadmap
    assert rm is not None
    rep = build_report(pack, r, "zh")
    steps = [t for t in tables(rep.section("5.1"))]
    shown = [row[1] for t in steps for row in t.rows if row[0] not in ("合计",)]
    assert shown == [st.item.name.zh for st in (*rm.planned, *(x for s in rm.stages if s.reachable for x in s.steps))]
    for t in steps:
        assert all(row[0] for row in t.rows)  # an order for every step
        for row in t.rows:
            if row[0] != "合计":
                assert "万元" in row[2]
    for stage in rm.stages:
        if stage.reachable:
            assert any(tier_name(pack, stage.target, "zh") in t.caption for t in steps)
        else:
            assert any(tier_name(pack, stage.target, "zh") in p for p in paras(rep.section("5.1"), "lead"))


@pytest.mark.parametrize("industry", ["automotive", "high-end-equipment"])
def test_support_is_counted_only_when_confirmed_and_labelled_an_upper_bound(industry):
    from diag_app.money import fmt_cny_if

    pack, r = sample_result(industry)
    assert r.support, "the example has a plan"
    rep = build_report(pack, r, "zh")
    section = rep.section("5.3")
    plans = tables(section)[-1]
    assert "上限" in plans.caption and "上限" in plans.header[4]
    total = plans.rows[-1]
    assert total[0] == "合计（上限）" and total[4] == fmt_cny_if(r.support_total_cny, "zh")
    estimates = [e for ps in r.support for e in ps.estimates]
    for row, e in zip(plans.rows[:-1], estimates, strict=True):
        if e.status == "possible":
            assert row[4].startswith("可能") and "不计入合计" in row[4]
        elif e.status == "not-eligible":
            assert row[4] == "不符合条件"
    assert r.support_total_cny == sum(ps.amount_cny for ps in r.support)
    assert any("估算上限" in p for p in paras(section, "warn"))


def test_fields_that_do_not_apply_show_a_dash_not_zero():
    pack, _ = sample_result("automotive")
    item = pack.catalog[0].id
    pack, r = variant("automotive", plans=(Plan(item, 3_000_000, "own"),))
    rep = build_report(pack, r, "zh", {"appendix": True})
    (plans,) = tables(rep.section("A.6"))
    row = plans.rows[0]
    assert row[0] == pack.catalog[0].name.zh  # the item's name, not its id
    assert row[3:] == ("—", "—", "—")
    assert not re.search(r"(?<![\d,.])0 万元|(?<![\d,.])0(\.0+)?%", everything(rep))


def test_evidence_index_names_files_by_name_and_digest(electronics):
    pack, r = electronics
    ind = pack.indicators_for(r.scores.path)[0]
    ev = {"OS.1.01": [Evidence("智能制造规划2025.pdf", "ab" * 32)], ind.id: [("能耗台账.xlsx", "cd" * 32)]}
    rep = build_report(pack, r, "zh", {"evidence": ev})
    (index,) = tables(rep.section("6"))
    rows = {row[2]: row for row in index.rows}
    assert rows["智能制造规划2025.pdf"][3] == "ab" * 32 and rows["智能制造规划2025.pdf"][1].startswith("OS.1.01 ")
    assert rows["能耗台账.xlsx"][1] == ind.name.zh and rows["能耗台账.xlsx"][3] == "cd" * 32
    none = build_report(pack, r, "zh")
    assert paras(none.section("6"), "note") == ["本次评估没有为作答附上佐证文件。"]


def test_the_report_ends_with_the_pledge_and_the_signature_block(report):
    from diag_app.report.document import Signatures

    last = report.sections[[s.number for s in report.sections].index("8")]
    assert "真实、准确、完整" in paras(last)[0]
    (block,) = [b for b in last.blocks if isinstance(b, Signatures)]
    assert block.rows == ("评估人（签字）", "企业负责人（签字）", "企业（盖章）")


def test_disclaimers_list_every_product_default_of_the_pack(electronics, report):
    pack, _ = electronics
    section = report.section("7")
    text = "\n".join(paras(section))
    assert "GB/T 39116" in text and "不是经认定评估机构实施的" in text
    (defaults,) = tables(section)
    values = {row[1] for row in defaults.rows}
    for tier in pack.all_tiers():
        for rule in tier.rules:
            if rule.basis == "D":
                assert rule_text(pack, rule, "zh") in values
    assert len(defaults.rows) == len(product_defaults(pack, "zh"))


# --- the appendix ----------------------------------------------------------------------------------


def test_the_appendix_is_on_for_onsite_assessments_and_a_choice():
    onsite = build_report(*variant(mode="onsite"), "zh")
    self_ = build_report(*variant(mode="self"), "zh")
    assert any(s.number == "A" for s in onsite.sections)
    assert not any(s.number.startswith("A") for s in self_.sections)
    assert any(s.number == "A" for s in build_report(*variant(mode="self"), "zh", {"appendix": True}).sections)
    assert not any(s.number == "A" for s in build_report(*variant(mode="onsite"), "zh", {"appendix": False}).sections)


def test_appendix_has_every_answer(electronics):
    pack, r = electronics
    rep = build_report(pack, r, "zh", {"appendix": True})
    s = r.scores
    (grid,) = tables(rep.section("A.1"))
    cells = " ".join(c for row in grid.rows for c in row[1:])
    from diag_app.report.sections.appendix import rating_code

    for q in pack.requirements_for(s.industry, s.path):
        assert f"{q.id} {rating_code(r.assessment.value(q.id))}" in cells.split("\n") or re.search(
            rf"(^|\n|\s){re.escape(q.id)} {re.escape(rating_code(r.assessment.value(q.id)))}(\n|$|\s)", cells
        ), q.id
    (inds,) = tables(rep.section("A.3"))
    assert [row[1] for row in inds.rows] == [i.name.zh for i in pack.indicators_for(s.path)]
    (conds,) = tables(rep.section("A.4"))
    from diag_app.describe import answer_text

    assert [row[2] for row in conds.rows] == [
        answer_text(pack, c.id, r.assessment.value(c.id), "zh") for c in pack.conditions
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_internal_id_is_printed(lang):
    """Indicators, conditions, scenarios and catalogue items appear by name; their ids never."""
    pack, r = variant("automotive", mode="onsite")
    rep = build_report(pack, r, lang, {"appendix": True})
    text = everything(rep)
    internal = [i.id for i in pack.indicators] + [c.id for c in pack.conditions] + [x.id for x in pack.scenarios]
    internal += [x.id for x in pack.catalog] + list(pack.measures) + list(pack.qualifications)
    names = " ".join(t.get(lang) for x in (*pack.catalog, *pack.measures.values()) for t in [x.name])
    internal = [i for i in internal if i not in names]  # an id that is also words of a name cannot be told apart
    shown = [i for i in internal if re.search(rf"(?<![\w.-]){re.escape(i)}(?![\w.-])", text)]
    assert not shown, shown[:5]


def test_the_national_position_never_says_zero_percent_higher_for_the_open_top_band(electronics):
    pack, r = electronics
    top = max(pack.distribution, key=lambda kv: kv[0])[0]
    assert top.startswith(("≥", ">="))
    rep = build_report(pack, r, "zh")
    for level in (4, 5):
        scores = dataclasses.replace(r.scores, level=level)
        rep = build_report(pack, dataclasses.replace(r, scores=scores), "zh")
        text = "\n".join(paras(rep.section("3.1")))
        assert "约 0% " not in text and "0% 的企业处于更高" not in text
        assert "不封顶" in text
    scores = dataclasses.replace(r.scores, level=2)
    rep = build_report(pack, dataclasses.replace(r, scores=scores), "en")
    text = "\n".join(paras(rep.section("3.1")))
    assert "higher bands" in text and "lower bands" in text


# --- options, languages ----------------------------------------------------------------------------


def test_report_meta_round_trips_through_json_data():
    import json

    meta = ReportMeta(
        "SFD-1",
        "2026-11-28",
        {"OS.1.01": (Evidence("a.pdf", "ab" * 32),), "kpi.x": (("b.xlsx", ""),)},  # type: ignore[dict-item]
        "1.2.3",
        True,
        None,
    )
    data = json.loads(json.dumps(meta.to_data()))
    back = ReportMeta.from_data(data)
    assert back.to_data() == meta.to_data()
    assert back.signed is True and back.appendix is None
    with pytest.raises(ValueError):
        ReportMeta.from_data({"appendix": "yes"})
    with pytest.raises(ValueError):
        ReportMeta.from_data({"evidence": {"x": [{"name": 3}]}})


def test_charts_section_names_the_three_figures(report):
    figs = [b for b in report.section("3.2").blocks if isinstance(b, FigureRef)]
    assert [f.chart for f in figs] == ["radar", "level_bars", "indicator_chart"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_text_is_translated_and_drawable(electronics, lang):
    pack, r = electronics
    rep = build_report(pack, r, lang, {"appendix": True, "evidence": {"OS.1.01": [Evidence("x.pdf", "ab" * 32)]}})
    texts = rep.texts()
    raw_keys = [t for t in texts if t.startswith(("report.", "chart.", "export.", "verify.", "claim."))]
    assert not raw_keys, raw_keys[:5]
    assert missing_glyphs("".join(texts) + rep.watermark) == set()
    if lang == "en":
        assert rep.section("1").title == "Executive summary"
        assert not re.search(r"[\u4e00-\u9fff]", rep.section("5").title + rep.section("8").title)


def test_tier_names_in_printed_claims_match_verify(electronics, report):
    pack, r = electronics
    assert report.printed["tier"] == tier_name(pack, r.tier.tier, "zh")


def _plant(name: str):
    from test_report_support import EXAMPLES

    from diag_app.assessment_file import read_assessment_file

    path = EXAMPLES / "plants" / f"{name}.json"
    pack, a = read_assessment_file(path)
    return pack, diagnose(pack, a)


def test_contradictions_and_what_no_purchase_closes_are_shown():
    from diag_app.describe import flag_text

    pack, r = _plant("auto-parts-stamping")
    rep = build_report(pack, r, "zh")
    method = paras(rep.section("2.2"))
    assert r.flags and all(flag_text(pack, f, "zh") in method for f in r.flags)
    blocked = [s for s in r.roadmap.stages if not s.reachable and s.open_requirements]
    assert blocked, "the stamping plant cannot reach its second stage by buying"
    road = "\n".join(paras(rep.section("5.1")))
    for s in blocked:
        assert all(q in road for q in s.open_requirements)


def test_roadmap_steps_give_their_typical_time_without_adding_them_up(electronics, report):
    _pack, r = electronics
    steps = [row for t in tables(report.section("5.1")) for row in t.rows if row[0] != "合计"]
    every = [*r.roadmap.planned, *(st for s in r.roadmap.stages if s.reachable for st in s.steps)]
    for row, st in zip(steps, every, strict=True):
        if st.item.months:
            assert f"约 {st.item.months} 个月" in row[0]
    assert any("可并行" in p for p in paras(report.section("5.1"), "note"))


def test_every_na_gives_the_pack_condition_and_a_warning_above_the_share():
    from diag_app.model.applicability import not_applicable

    pack, r = _plant("auto-parts-stamping")
    rep = build_report(pack, r, "en")
    summary = not_applicable(pack, r.assessment)
    (table,) = [t for t in tables(rep.section("2.2")) if t.caption]
    assert len(table.rows) == len(summary.entries)
    for row, na in zip(table.rows, summary.entries, strict=True):
        assert na.reason in row[3]
        if na.allowed.en:
            assert na.allowed.en in row[3]
    warned = any("warning line" in p for p in paras(rep.section("2.2"), "warn"))
    assert warned == summary.warn
