"""A readable overview of a pack (docs/questionnaire.md) for the domain experts who review it.
Tier rules are worded by ``describe.rule_text``, as in the report.

Generated from the data, never edited by hand; a test fails when the checked-in copy is stale.
"""

from __future__ import annotations

from collections import Counter

from ..describe import rule_text
from ..model.questionnaire import Pack, Requirement


def _basis(b: str) -> str:
    return {"S": "上海行动方案", "P": "公开来源", "D": "产品默认"}.get(b, b)


def _req_line(r: Requirement, pack: Pack) -> list[str]:
    paths = (
        "" if len(r.paths) == len(pack.paths) else "（仅" + "、".join(pack.paths[p].zh for p in sorted(r.paths)) + "）"
    )
    out = [f"- **{r.id}** {r.text.zh}{paths}"]
    if r.help.zh:
        out.append(f"  - 判断：{r.help.zh}")
    if r.evidence.zh:
        out.append(f"  - 证据：{r.evidence.zh}")
    if r.na_when.zh:
        out.append(f"  - 可判不适用：{r.na_when.zh}")
    return out


def overview_markdown(pack: Pack) -> str:
    lines = [
        f"# {pack.name.zh}（{pack.id} {pack.version}）",
        "",
        "本文件由 `diag-app pack-overview` 从题库数据生成，请勿手工修改。",
        "",
    ]
    common = [r for r in pack.requirements if r.industry is None]
    per_level = Counter(r.level for r in common)
    lines += [
        "## 概况",
        "",
        f"- 通用要求条款 {len(common)} 条（各级："
        + "，".join(f"L{k} {per_level[k]}" for k in sorted(per_level))
        + "）",
        f"- 行业附加条款 {len(pack.requirements) - len(common)} 条；指标 {len(pack.indicators)} 个；"
        f"基本条件 {sum(1 for c in pack.conditions if c.scope == 'basic')} 项；典型场景 {len(pack.scenarios)} 个",
        f"- 达级阈值 {pack.scoring.level_threshold}（{_basis(pack.scoring.basis.get('level_threshold', 'D'))}）；"
        "评分：" + "、".join(f"{r.label.zh} {r.key}" for r in pack.scoring.ratings),
        "",
    ]
    if pack.scoring.rating_help.zh:
        lines += ["## 如何评分", "", pack.scoring.rating_help.zh, ""]
        lines += [f"- **{r.label.zh}**：{r.guidance.zh}" for r in pack.scoring.ratings if r.guidance.zh]
        if pack.scoring.na_warn_share is not None:
            lines.append(f"- 不适用的要求超过 {pack.scoring.na_warn_share:.0%} 时，结果附带提示（产品默认）。")
        lines.append("")
    lines += ["## 要求条款", ""]
    for el in pack.elements:
        lines.append(f"### {el.name.zh}")
        lines.append("")
        for did in el.domains:
            for sid in pack.domains[did].subdomains:
                sd = pack.subdomains[sid]
                wd, wp = pack.weights["discrete"][sid], pack.weights["process"][sid]
                lines += [f"#### {sd.name.zh}（{sid}；权重 离散 {wd:.2f} / 流程 {wp:.2f}）", ""]
                if sd.na_when.zh:
                    lines += [f"整个子域可声明不适用：{sd.na_when.zh}", ""]
                for lvl in pack.scoring.levels:
                    reqs = [r for r in common if r.subdomain == sid and r.level == lvl]
                    if not reqs:
                        continue
                    lines.append(f"**{pack.scoring.level_names[lvl].zh}**")
                    lines.append("")
                    for r in reqs:
                        lines += _req_line(r, pack)
                    lines.append("")
    lines += ["## 行业模块", ""]
    for ind in pack.industries.values():
        path = pack.paths[ind.path].zh if ind.path else "需选择"
        lines += [f"### {ind.name.zh}（{ind.id}，{path}）", "", ind.focus.zh, ""]
        if ind.weights:
            lines.append(
                "权重调整：" + "，".join(f"{pack.subdomains[k].name.zh} ×{v:g}" for k, v in ind.weights.items())
            )
            lines.append("")
        for r in (r for r in pack.requirements if r.industry == ind.id):
            lines += [f"- **{r.id}** [{pack.subdomains[r.subdomain].name.zh} L{r.level}] {r.text.zh}"]
            if r.na_when.zh:
                lines.append(f"  - 可判不适用：{r.na_when.zh}")
        lines.append("")
    lines += ["## 指标", "", "| 指标 | 单位 | 范围 | 方向 | 参考值 | 用途 |", "|---|---|---|---|---|---|"]
    for i in pack.indicators:
        targets = "；".join(f"{t.label.zh} {t.value:g}（{_basis(t.basis)}）" for t in i.targets) or "—"
        better = "越高越好" if i.better == "higher" else "越低越好"
        lines.append(f"| {i.name.zh} | {i.unit or '—'} | {i.min:g}–{i.max:g} | {better} | {targets} | {i.used_by.zh} |")
    lines += ["", "## 基本条件", ""]
    lines += [f"- **{c.id}** {c.text.zh}（{_basis(c.basis)}）" for c in pack.conditions if c.scope == "basic"]
    tier_only = [c for c in pack.conditions if c.scope != "basic"]
    if tier_only:
        lines += ["", "仅部分层级要求的条件：", ""]
        lines += [f"- **{c.id}** {c.text.zh}（{_basis(c.basis)}）" for c in tier_only]
    lines += ["", "## 典型场景", ""]
    for lk in pack.links:
        lines.append(
            f"**{lk.name.zh}**：" + "；".join(f"{s.id} {s.name.zh}" for s in pack.scenarios if s.link == lk.id)
        )
        lines.append("")
    lines += ["## 分层规则", ""]
    for title, ladder in (("上海智能工厂分层", pack.tiers), ("国家梯度培育", pack.national_tiers)):
        lines.append(f"### {title}")
        lines.append("")
        for t in sorted(ladder, key=lambda t: -t.rank):
            rules = "；".join(rule_text(pack, r, "zh") + f"〔{_basis(r.basis)}〕" for r in t.rules)
            lines.append(f"- **{t.name.zh}**：{rules}")
            if t.source.zh:
                lines.append(f"  - 依据：{t.source.zh}" + (f"；{t.note.zh}" if t.note.zh else ""))
            lines += [f"  - 说明：{r.note.zh}" for r in t.rules if r.note.zh]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
