"""Section 7 (disclaimers and the product defaults the result rests on) and the appendix of
every answer."""

from __future__ import annotations

from ...describe import answer_text, rule_text, unit_suffix
from ...i18n import tr
from ...model.questionnaire import Pack
from ...money import fmt_num, fmt_pct
from ..document import Block, Para, Section, Table
from .context import Ctx


def product_defaults(pack: Pack, lang: str) -> list[tuple[str, str, str]]:
    """(setting, value, note) for every threshold and rule of the pack marked basis D."""
    rows: list[tuple[str, str, str]] = []
    sc = pack.scoring
    for key in ("ratings", "level_threshold", "accumulation", "weights", "bands"):
        if sc.basis.get(key) != "D":
            continue
        if key == "ratings":
            value = " / ".join(
                r.label.get(lang) + ("" if r.value is None else f" {fmt_num(r.value)}") for r in sc.ratings
            )
        elif key == "level_threshold":
            value = fmt_num(sc.level_threshold)
        elif key == "bands":
            value = "; ".join(f"{fmt_num(b.low)}–{fmt_num(b.high)} → {b.level}" for b in sc.bands)
        else:
            value = tr(f"report.default.{key}.value", lang)
        rows.append((tr(f"report.default.{key}", lang), value, ""))
    for tier in pack.all_tiers():
        for rule in tier.rules:
            if rule.basis == "D":
                rows.append((tier.name.get(lang), rule_text(pack, rule, lang), rule.note.get(lang)))
    colon = "：" if lang == "zh" else ": "
    for ind in pack.indicators:
        for t in ind.targets:
            if t.basis == "D":
                rows.append(
                    (ind.name.get(lang), f"{t.label.get(lang)}{colon}{fmt_num(t.value)}{unit_suffix(ind.unit)}", "")
                )
    for c in pack.conditions:
        if c.basis == "D":
            rows.append((tr("report.default.condition", lang), c.text.get(lang), ""))
    for m in pack.measures.values():
        if m.basis == "D":
            rows.append((tr("report.default.measure", lang), m.name.get(lang), m.note.get(lang)))
    n_req = sum(1 for r in pack.requirements if r.basis == "D")
    if n_req:
        rows.append(
            (
                tr("report.default.requirements", lang),
                tr("report.default.requirements.value", lang, n=n_req, total=len(pack.requirements)),
                "",
            )
        )
    if pack.catalog:
        rows.append(
            (tr("report.default.catalog", lang), tr("report.default.catalog.value", lang, n=len(pack.catalog)), "")
        )
    return rows


def disclaimers(c: Ctx) -> Section:
    blocks: list[Block] = [
        Para(c.t("disclaimer.nature"), "bullet"),
        Para(c.t("disclaimer.support"), "bullet"),
        Para(c.t("disclaimer.recompute"), "bullet"),
        Para(c.t("disclaimer.verify"), "bullet"),
    ]
    if c.s.provisional:
        blocks.append(Para(c.t("disclaimer.provisional", n=len(c.s.missing)), "bullet"))
    blocks.append(Para(c.t("disclaimer.defaults"), "lead"))
    blocks.append(
        Table(
            (c.t("disclaimer.col.what"), c.t("disclaimer.col.value"), c.t("disclaimer.col.note")),
            tuple(product_defaults(c.pack, c.lang)),
            (0.24, 0.38, 0.38),
            "LLL",
        )
    )
    return Section("7", c.t("section.disclaimers"), 1, tuple(blocks), new_page=True)


def appendix(c: Ctx) -> list[Section]:
    pack, lang, s, a = c.pack, c.lang, c.s, c.r.assessment
    out = [Section("A", c.t("section.appendix"), 1, (Para(c.t("appendix.intro")),), new_page=True)]

    def note(iid: str) -> str:
        ans = a.answers.get(iid)
        return ans.note if ans else ""

    def answer(iid: str) -> str:
        return answer_text(pack, iid, a.value(iid), lang)

    reqs = sorted(
        pack.requirements_for(s.industry, s.path),
        key=lambda q: (list(pack.subdomains).index(q.subdomain), q.level, q.id),
    )
    req_table = Table(
        (
            c.t("appendix.col.id"),
            c.t("appendix.col.subdomain"),
            c.t("appendix.col.level"),
            c.t("appendix.col.requirement"),
            c.t("appendix.col.answer"),
            c.t("appendix.col.note"),
        ),
        tuple((q.id, c.sd_name(q.subdomain), str(q.level), q.text.get(lang), answer(q.id), note(q.id)) for q in reqs),
        (0.09, 0.11, 0.06, 0.44, 0.11, 0.19),
        "LLCLLL",
    )
    out.append(Section("A.1", c.t("appendix.requirements"), 2, (req_table,)))
    ind_table = Table(
        (
            c.t("appendix.col.id"),
            c.t("appendix.col.indicator"),
            c.t("appendix.col.value"),
            c.t("appendix.col.targets"),
            c.t("appendix.col.note"),
        ),
        tuple(
            (
                i.id,
                i.name.get(lang),
                answer(i.id),
                c.join(f"{t.label.get(lang)} {fmt_num(t.value)}{unit_suffix(i.unit)}" for t in i.targets) or "—",
                note(i.id),
            )
            for i in pack.indicators_for(s.path)
        ),
        (0.16, 0.22, 0.14, 0.3, 0.18),
        "LLRLL",
    )
    out.append(Section("A.2", c.t("appendix.indicators"), 2, (ind_table,)))
    for num, key, items in (
        ("A.3", "conditions", [(x.id, x.text.get(lang)) for x in pack.conditions]),
        ("A.4", "scenarios", [(x.id, x.name.get(lang)) for x in pack.scenarios]),
    ):
        if not items:
            continue
        table = Table(
            (c.t("appendix.col.id"), c.t(f"appendix.col.{key}"), c.t("appendix.col.answer"), c.t("appendix.col.note")),
            tuple((iid, text, answer(iid), note(iid)) for iid, text in items),
            (0.14, 0.5, 0.12, 0.24),
            "LLCL",
        )
        out.append(Section(num, c.t(f"appendix.{key}"), 2, (table,)))
    if a.plans:
        table = Table(
            (
                c.t("renewal.col.plan"),
                c.t("renewal.col.plan_investment"),
                c.t("renewal.col.financing"),
                c.t("appendix.col.loan"),
                c.t("appendix.col.rate"),
                c.t("appendix.col.contract"),
            ),
            tuple(
                (
                    p.item,
                    c.cny(p.investment_cny),
                    tr(f"report.financing.{p.financing}", lang),
                    c.cny(p.loan_cny),
                    fmt_pct(p.rate, 2),
                    c.cny(p.contract_cny),
                )
                for p in a.plans
            ),
            (0.22, 0.16, 0.12, 0.16, 0.12, 0.22),
            "LRLRRR",
        )
        out.append(Section("A.5", c.t("appendix.plans"), 2, (table,)))
    return out
