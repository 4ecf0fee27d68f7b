"""Appendix A: every answer of the assessment, as embedded in the report — optional, on by default
for on-site assessments.

Compact by design (a typical report stays within 20 pages): the requirement ratings as a grid of
requirement numbers by sub-domain and level (the texts of the ones that fall short are in the
findings, every text in the questionnaire of the pack version named), then every note, the
indicators, conditions, scenarios and plans in full.
"""

from __future__ import annotations

from ...describe import answer_text, item_label, unit_suffix
from ...i18n import tr
from ...model.assessment import NA
from ...money import fmt_cny_if, fmt_num, fmt_pct
from ..document import Block, Para, Section, Table
from .context import Ctx


def rating_code(value: object) -> str:
    """A requirement's answer in the grid: the rating's number, NA, or — when unanswered."""
    if value is None:
        return "—"
    if value == NA:
        return "NA"
    return fmt_num(value) if isinstance(value, int | float) and not isinstance(value, bool) else str(value)


def appendix(c: Ctx) -> list[Section]:
    pack, lang, s, a = c.pack, c.lang, c.s, c.r.assessment
    if not c.meta.shows_appendix(a.mode):
        return []
    out = [Section("A", c.t("section.appendix"), 1, (Para(c.t("appendix.intro")),))]

    def answer(iid: str) -> str:
        return answer_text(pack, iid, a.value(iid), lang)

    levels = pack.scoring.levels
    grid: dict[str, dict[int, list[str]]] = {}
    for q in pack.requirements_for(s.industry, s.path):
        cell = grid.setdefault(q.subdomain, {}).setdefault(q.level, [])
        cell.append(f"{q.id} {rating_code(a.value(q.id))}")
    legend = c.join(
        (f"{r.label.get(lang)} {'NA' if r.value is None else fmt_num(r.value)}" for r in pack.scoring.ratings), ","
    )
    rows = tuple(
        (c.sd_name(sd), *("\n".join(grid[sd].get(lvl, [])) or "·" for lvl in levels))
        for sd in pack.subdomains
        if sd in grid
    )
    level_w = (1 - 0.16) / len(levels)
    out.append(
        Section(
            "A.1",
            c.t("appendix.requirements"),
            2,
            (
                Para(c.t("appendix.grid_legend", legend=legend), "note"),
                Table(
                    (c.t("appendix.col.subdomain"), *(c.t("appendix.col.level_n", level=lvl) for lvl in levels)),
                    rows,
                    (0.16, *([level_w] * len(levels))),
                    "L" + "L" * len(levels),
                    compact=True,
                ),
            ),
        )
    )

    def label(item_id: str) -> str:  # a requirement by its number: its text is in section 4 or the pack
        item = pack.item(item_id)
        return item_id if item is not None and item.kind == "requirement" else item_label(pack, item_id, lang)

    noted = [  # a not-applicable answer's note is its reason, listed in 2.2 already
        (label(item.id), answer(item.id), ans.note)
        for item in pack.items_for(s.industry, s.path)
        if (ans := a.answers.get(item.id)) is not None and ans.note.strip() and ans.value != NA
    ]
    notes: tuple[Block, ...] = (
        (
            Table(
                (c.t("appendix.col.item"), c.t("appendix.col.answer"), c.t("appendix.col.note")),
                tuple(noted),
                (0.3, 0.14, 0.56),
                "LLL",
                compact=True,
            ),
        )
        if noted
        else (Para(c.t("appendix.no_notes"), "note"),)
    )
    out.append(Section("A.2", c.t("appendix.notes"), 2, notes))
    ind_table = Table(
        (c.t("col.no"), c.t("appendix.col.indicator"), c.t("appendix.col.value"), c.t("appendix.col.targets")),
        tuple(
            (
                str(n),
                i.name.get(lang),
                answer(i.id),
                c.join(f"{t.label.get(lang)} {fmt_num(t.value)}{unit_suffix(i.unit)}" for t in i.targets) or "—",
            )
            for n, i in enumerate(pack.indicators_for(s.path), 1)
        ),
        (0.06, 0.38, 0.16, 0.4),
        "RLRL",
        compact=True,
    )
    out.append(Section("A.3", c.t("appendix.indicators"), 2, (ind_table,)))
    if pack.conditions:
        table = Table(
            (c.t("col.no"), c.t("appendix.col.conditions"), c.t("appendix.col.answer")),
            tuple((str(n), x.text.get(lang), answer(x.id)) for n, x in enumerate(pack.conditions, 1)),
            (0.06, 0.8, 0.14),
            "RLC",
            compact=True,
        )
        out.append(Section("A.4", c.t("appendix.conditions"), 2, (table,)))
    if pack.scenarios:  # two scenarios a row: forty of them fill half a page, not two
        cells = [(x.name.get(lang), answer(x.id)) for x in pack.scenarios]
        half = (len(cells) + 1) // 2
        left, right = cells[:half], cells[half:] + [("", "")] * (2 * half - len(cells))
        table = Table(
            (c.t("appendix.col.scenarios"), c.t("appendix.col.answer")) * 2,
            tuple((*lc, *rc) for lc, rc in zip(left, right, strict=True)),
            (0.38, 0.12, 0.38, 0.12),
            "LCLC",
            compact=True,
        )
        out.append(Section("A.5", c.t("appendix.scenarios"), 2, (table,)))
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
                    c.catalog_name(p.item),
                    c.cny(p.investment_cny),
                    tr(f"report.financing.{p.financing}", lang),
                    fmt_cny_if(p.loan_cny if p.financing == "loan" else 0, lang),
                    fmt_pct(p.rate, 2) if p.financing == "loan" and p.rate else "—",
                    fmt_cny_if(p.contract_cny, lang),
                )
                for p in a.plans
            ),
            (0.22, 0.16, 0.12, 0.16, 0.12, 0.22),
            "LRLRRR",
            compact=True,
        )
        out.append(Section("A.6", c.t("appendix.plans"), 2, (table,)))
    return out
