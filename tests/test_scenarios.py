"""The typical scenarios are the 40 of 《智能制造典型场景参考指引（2025年版）》 (工信厅通装函〔2025〕155号), with the
guide's names, in its 8 links and order."""

from __future__ import annotations

GUIDE = {
    "工厂建设": ["工厂数字化规划设计", "数字基础设施建设", "数字孪生工厂构建"],
    "产品研发": ["产品数字化设计", "产品虚拟验证"],
    "工艺设计": ["工艺数字化设计", "制造工程优化"],
    "生产管理": [
        "生产计划优化",
        "车间智能排产",
        "生产进度跟踪",
        "生产动态调度",
        "仓储智能管理",
        "物料精准配送",
        "危险作业自动化",
        "安全一体化管控",
        "能源智能管控",
        "碳资产全生命周期管理",
        "污染在线管理",
        "网络协同制造",
    ],
    "生产作业": [
        "柔性产线快速换产",
        "工艺动态优化",
        "先进过程控制",
        "人机协同作业",
        "在线智能检测",
        "质量精准追溯",
        "质量分析与改进",
        "设备运行监控",
        "设备故障诊断与预测",
        "设备维修维护",
    ],
    "运营管理": ["智能经营决策", "数智精益管理", "规模化定制", "产品精准营销"],
    "产品服务": ["远程运维服务", "产品增值服务", "客户主动服务"],
    "供应链管理": ["供应链数字化管理", "采购计划优化协同", "供应链风险预警与调度", "供应链物流智能配送"],
}


def test_the_40_scenarios_of_the_2025_guide_in_its_links_and_order(pack):
    links = {lk.id: lk.name.zh for lk in pack.links}
    assert list(links.values()) == list(GUIDE)
    got: dict[str, list[str]] = {}
    for s in pack.scenarios:
        got.setdefault(links[s.link], []).append(s.name.zh)
    assert got == GUIDE
    assert sum(map(len, GUIDE.values())) == len(pack.scenarios) == 40


def test_every_scenario_is_explained_and_evidences_a_subdomain(pack):
    ids = [s.id for s in pack.scenarios]
    assert len(set(ids)) == 40
    for s in pack.scenarios:
        assert s.name.en and s.help.zh and s.help.en, s.id
        assert "勾选" in s.help.zh and s.help.en.startswith("Tick when"), s.id
        assert s.subdomains and set(s.subdomains) <= set(pack.subdomains), s.id


def test_the_three_links_advanced_needs_exist(pack):
    names = {lk.id: lk.name.zh for lk in pack.links}
    advanced = next(t for t in pack.national_tiers if t.id == "advanced")
    rule = next(r for r in advanced.rules if r.kind == "links_covered")
    assert [names[x] for x in rule.params["links"]] == ["生产作业", "生产管理", "运营管理"]
