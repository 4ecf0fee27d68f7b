"""Section 4: the findings of every sub-domain, element by element — where it stands against the
target tier, its strengths (levels met, requirements already met above them) and its gaps (the
requirements still missing up to the target level)."""

from __future__ import annotations

from ...describe import answer_text, level_name
from ...model.assessment import NA
from ...model.questionnaire import Requirement
from ...model.targets import element_mean, subdomain_target
from ...money import fmt_num, fmt_pct, fmt_score
from ..document import Block, Para, Section
from .context import Ctx


def findings(c: Ctx) -> list[Section]:
    pack, lang, s = c.pack, c.lang, c.s
    intro = Para(c.t("findings.intro", threshold=fmt_num(pack.scoring.level_threshold)))
    out = [Section("4", c.t("section.findings"), 1, (intro,))]
    by_sd: dict[str, list[Requirement]] = {}
    for q in pack.requirements_for(s.industry, s.path):
        by_sd.setdefault(q.subdomain, []).append(q)
    for ei, el in enumerate(pack.elements, 1):
        sds = [sd for dom in el.domains for sd in pack.domains[dom].subdomains]
        mean = element_mean(pack, c.r, el.id)
        line = c.t(
            "findings.element",
            n=len(sds),
            names=c.join((c.sd_name(x) for x in sds), ","),
            score=fmt_score(mean),
        )
        out.append(Section(f"4.{ei}", el.name.get(lang), 2, (Para(line, "note"),)))
        for si, sd in enumerate(sds, 1):
            out.append(Section(f"4.{ei}.{si}", c.sd_name(sd), 3, tuple(subdomain_findings(c, sd, by_sd.get(sd, [])))))
    return out


def subdomain_findings(c: Ctx, sd: str, reqs: list[Requirement]) -> list[Block]:
    pack, lang, a = c.pack, c.lang, c.r.assessment
    if sd in a.na_subdomains:
        return [Para(c.t("findings.declared_na", reason=a.na_subdomains[sd] or c.t("scope.na_no_reason")), "note")]
    sds = c.s.subdomains.get(sd)
    if sds is None:
        return [Para(c.t("findings.not_applicable"), "note")]
    target = subdomain_target(pack, c.r, sd)
    aim = target if target is not None else min(max(pack.scoring.levels), sds.level + 1)
    threshold = pack.scoring.level_threshold - 1e-9

    def met(q: Requirement) -> bool:
        v = a.value(q.id)
        return isinstance(v, int | float) and not isinstance(v, bool) and v >= threshold

    # where it stands and its strengths, in one line: the levels met and what is met above them
    standing = c.t(
        "findings.standing" if sds.level >= 1 else "findings.standing_none",
        score=fmt_score(sds.score),
        level=level_name(pack, sds.level, lang),
        target="—" if target is None else level_name(pack, target, lang),
        weight=fmt_pct(sds.weight, 1),
        answered=sds.answered,
        total=sds.total,
    )
    ahead = [q for q in reqs if q.level > sds.level and met(q)]
    if ahead:  # by number: the texts that matter here are the gaps'
        standing = c.join([standing, c.t("findings.ahead", items=c.join((q.id for q in ahead), ","))])
    blocks: list[Block] = [Para(standing, "ok")]
    gaps = [q for q in reqs if q.level <= aim and not met(q) and a.value(q.id) != NA]
    if gaps:
        blocks.append(Para(c.t("findings.gaps", level=level_name(pack, aim, lang), n=len(gaps)), "lead"))
        for q in sorted(gaps, key=lambda q: (q.level, q.id)):
            text = c.paren(f"{q.id} {q.text.get(lang)}", answer_text(pack, q.id, a.value(q.id), lang))
            blocks.append(Para(text, "gap"))
    else:
        blocks.append(Para(c.t("findings.no_gaps", level=level_name(pack, aim, lang)), "note"))
    return blocks
