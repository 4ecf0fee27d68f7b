"""Section 4: every element and sub-domain, with its levels, the requirements met and missing,
the assessor's notes and the evidence."""

from __future__ import annotations

from ...describe import answer_text, level_name
from ...model.assessment import NA
from ...model.questionnaire import Requirement
from ...model.targets import element_mean, subdomain_target
from ...money import fmt_num, fmt_pct
from ..document import Block, Evidence, KeyValues, Para, Section, Table
from .context import Ctx


def detail(c: Ctx) -> list[Section]:
    pack, lang, s = c.pack, c.lang, c.s
    out = [
        Section(
            "4",
            c.t("section.detail"),
            1,
            (Para(c.t("detail.intro", threshold=fmt_num(pack.scoring.level_threshold))),),
            new_page=True,
        )
    ]
    by_sd: dict[str, list[Requirement]] = {}
    for q in pack.requirements_for(s.industry, s.path):
        by_sd.setdefault(q.subdomain, []).append(q)
    for ei, el in enumerate(pack.elements, 1):
        sds = [sd for dom in el.domains for sd in pack.domains[dom].subdomains]
        mean = element_mean(pack, c.r, el.id)
        intro = c.t(
            "detail.element",
            n=len(sds),
            names=c.join((c.sd_name(x) for x in sds), ","),
            score="—" if mean is None else f"{mean:.2f}",
        )
        out.append(Section(f"4.{ei}", el.name.get(lang), 2, (Para(intro),)))
        for si, sd in enumerate(sds, 1):
            out.append(Section(f"4.{ei}.{si}", c.sd_name(sd), 3, tuple(subdomain_blocks(c, sd, by_sd))))
    return out


def subdomain_blocks(c: Ctx, sd: str, by_sd: dict[str, list[Requirement]]) -> list[Block]:
    pack, lang, a = c.pack, c.lang, c.r.assessment
    sds = c.s.subdomains.get(sd)
    if sds is None:
        return [Para(c.t("detail.not_applicable"), "note")]
    target = subdomain_target(pack, c.r, sd)
    blocks: list[Block] = [
        KeyValues(
            (
                (c.t("detail.score"), f"{sds.score:.2f}"),
                (c.t("detail.level"), level_name(pack, sds.level, lang)),
                (c.t("detail.weight"), fmt_pct(sds.weight, 1)),
                (c.t("detail.target"), "—" if target is None else level_name(pack, target, lang)),
                (c.t("detail.answered"), f"{sds.answered}/{sds.total}"),
            ),
            across=True,
        )
    ]
    threshold = pack.scoring.level_threshold
    rows = []
    for lvl in pack.scoring.levels:
        v = sds.level_scores.get(lvl)
        met, missing = [], []
        for q in (q for q in by_sd.get(sd, []) if q.level == lvl):
            val = a.value(q.id)
            if val == NA:
                continue
            if isinstance(val, int | float) and not isinstance(val, bool) and val >= threshold - 1e-9:
                met.append(q.id)
            else:
                missing.append(c.paren(f"{q.id} {q.text.get(lang)}", answer_text(pack, q.id, val, lang)))
        if v is None:
            verdict = c.t("detail.verdict.na")
        elif v >= threshold - 1e-9:
            verdict = c.t("detail.verdict.met")
        else:
            verdict = c.t("detail.verdict.not_met")
        rows.append(
            (
                level_name(pack, lvl, lang),
                "—" if v is None else f"{v:.2f}",
                verdict,
                c.join(met, ",") or "—",
                "\n".join(missing) or "—",
            )
        )
    blocks.append(
        Table(
            (
                c.t("detail.col.level"),
                c.t("detail.col.score"),
                c.t("detail.col.verdict"),
                c.t("detail.col.met"),
                c.t("detail.col.missing"),
            ),
            tuple(rows),
            (0.15, 0.09, 0.1, 0.2, 0.46),
            "LRCLL",
        )
    )
    notes = [
        (q.id, ans.note) for q in by_sd.get(sd, []) if (ans := a.answers.get(q.id)) is not None and ans.note.strip()
    ]
    if notes:
        blocks.append(Para(c.t("detail.notes"), "lead"))
        blocks += [Para(c.colon(iid, note), "bullet") for iid, note in notes]
    evidence = [(q.id, ev) for q in by_sd.get(sd, []) for ev in c.meta.evidence.get(q.id, ())]
    if evidence:
        blocks.append(Para(c.t("detail.evidence"), "lead"))
        for iid, ev in evidence:
            ev = ev if isinstance(ev, Evidence) else Evidence(*ev)  # type: ignore[misc]
            digest = f"SHA-256 {ev.sha256}" if ev.sha256 else c.t("detail.no_digest")
            blocks.append(Para(c.colon(iid, c.paren(ev.name, digest)), "bullet"))
    return blocks
