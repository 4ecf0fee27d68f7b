"""The closing sections: 6 the evidence index (every file attached to an answer, by name and
SHA-256), 7 the disclaimers with every product default the result rests on, 8 the truthfulness
pledge with the signature and seal block."""

from __future__ import annotations

from ...describe import item_label, rule_text, unit_suffix
from ...i18n import tr
from ...model.questionnaire import Pack
from ...money import fmt_num
from ..document import Block, Evidence, Para, Section, Signatures, Table
from .context import Ctx


def evidence_index(c: Ctx) -> Section:
    pack, lang = c.pack, c.lang
    order = {item.id: n for n, item in enumerate(pack.items_for(c.s.industry, c.s.path))}
    rows = []
    for item_id in sorted(c.meta.evidence, key=lambda i: (order.get(i, len(order)), i)):
        for ev in c.meta.evidence[item_id]:
            ev = ev if isinstance(ev, Evidence) else Evidence(*ev)  # type: ignore[misc]
            rows.append((item_label(pack, item_id, lang), ev.name, ev.sha256 or c.t("evidence.no_digest")))
    if not rows:
        blocks: tuple[Block, ...] = (Para(c.t("evidence.none"), "note"),)
    else:
        numbered = tuple((str(n), *row) for n, row in enumerate(rows, 1))
        blocks = (
            Para(c.t("evidence.intro", n=len(rows))),
            Table(
                (c.t("col.no"), c.t("evidence.col.item"), c.t("evidence.col.file"), c.t("evidence.col.sha256")),
                numbered,
                (0.05, 0.3, 0.2, 0.45),
                "RLLL",
            ),
        )
    return Section("6", c.t("section.evidence"), 1, blocks)


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
        Para(c.t("disclaimer.verify_signed" if c.meta.signed else "disclaimer.verify"), "bullet"),
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
            compact=True,
        )
    )
    return Section("7", c.t("section.disclaimers"), 1, tuple(blocks))


def signatures(c: Ctx) -> Section:
    blocks: tuple[Block, ...] = (
        Para(c.t("sign.pledge")),
        Para(c.t("sign.assessor_pledge"), "note"),
        Signatures(
            (c.t("sign.assessor"), c.t("sign.representative"), c.t("sign.seal")),
            c.t("sign.date"),
            c.t("sign.digital"),
        ),
    )
    return Section("8", c.t("section.signatures"), 1, blocks, keep=True)
