"""The rows of the spreadsheet exports, as plain values (numbers stay numbers): one assessment's
answers, gaps per sub-domain, renewal suggestions, roadmap, plans with their support, and the
summary. ``tables`` writes them to XLSX and CSV.
"""

from __future__ import annotations

from typing import Any

from ..describe import answer_text, estimate_basis, level_name, ranking_text, reason_text, tier_claim, tier_name
from ..i18n import tr
from ..model.assessment import NA
from ..model.diagnosis import Result
from ..model.questionnaire import Pack
from ..model.renewal import Suggestion
from ..model.targets import subdomain_target
from .integrity import canonical_bytes, sha256_hex


def money(v: float, lang: str) -> float:
    """Money as the sheet shows it: 万元 in Chinese, CNY in English."""
    return round(v / 10_000, 2) if lang == "zh" else round(v, 2)


def money_head(key: str, lang: str) -> str:
    return tr(key, lang, unit=tr("export.unit.money", lang))


def _suggestions_for(result: Result, sd: str) -> list[Suggestion]:
    out = []
    for sg in result.suggestions:
        touches = any(c.subdomain == sd for c in sg.closes)
        fired = any(r.kind == "subdomain_below" and r.target == sd for r in sg.reasons)
        if touches or fired:
            out.append(sg)
    return out


def answer_rows(pack: Pack, result: Result, lang: str) -> tuple[list[str], list[list[Any]]]:
    """One row per question asked: answer, note, and the gap and suggested actions of its
    sub-domain (the table behind both the XLSX sheet and the CSV)."""
    s, a = result.scores, result.assessment
    threshold = pack.scoring.level_threshold
    header = [
        tr("export.col.element", lang),
        tr("export.col.subdomain", lang),
        tr("export.col.sd_score", lang),
        tr("export.col.sd_level", lang),
        tr("export.col.sd_target", lang),
        tr("export.col.id", lang),
        tr("export.col.kind", lang),
        tr("export.col.level", lang),
        tr("export.col.text", lang),
        tr("export.col.answer", lang),
        tr("export.col.value", lang),
        tr("export.col.status", lang),
        tr("export.col.note", lang),
        tr("export.col.actions", lang),
    ]
    rows: list[list[Any]] = []
    sd_info: dict[str, tuple[Any, Any, Any, str]] = {}
    for sd in pack.subdomains:
        sds = s.subdomains.get(sd)
        target = subdomain_target(pack, result, sd)
        actions = (
            "；".join(sg.item.name.get(lang) for sg in _suggestions_for(result, sd))
            if lang == "zh"
            else "; ".join(sg.item.name.get(lang) for sg in _suggestions_for(result, sd))
        )
        sd_info[sd] = (
            round(sds.score, 2) if sds else None,
            sds.level if sds else None,
            target,
            actions,
        )
    element_of = {sd.id: sd.element for sd in pack.subdomains.values()}
    elements = {e.id: e.name.get(lang) for e in pack.elements}

    def status(value: object, kind: str) -> str:
        if value is None:
            return tr("export.status.missing", lang)
        if value == NA:
            return tr("export.status.na", lang)
        if kind == "requirement":
            ok = isinstance(value, int | float) and value >= threshold - 1e-9
            return tr("export.status.met" if ok else "export.status.not_met", lang)
        return ""

    for q in sorted(
        pack.requirements_for(s.industry, s.path),
        key=lambda q: (list(pack.subdomains).index(q.subdomain), q.level, q.id),
    ):
        v = a.value(q.id)
        score, level, target, actions = sd_info[q.subdomain]
        ans = a.answers.get(q.id)
        rows.append(
            [
                elements[element_of[q.subdomain]],
                pack.subdomains[q.subdomain].name.get(lang),
                score,
                level,
                target,
                q.id,
                tr("export.kind.requirement", lang),
                q.level,
                q.text.get(lang),
                answer_text(pack, q.id, v, lang),
                v if isinstance(v, int | float) and not isinstance(v, bool) else None,
                status(v, "requirement"),
                ans.note if ans else "",
                actions,
            ]
        )
    others: list[tuple[str, str, str, tuple[str, ...]]] = [
        (i.id, "indicator", i.name.get(lang), i.subdomains) for i in pack.indicators_for(s.path)
    ]
    others += [(c.id, "condition", c.text.get(lang), ()) for c in pack.conditions]
    others += [(x.id, "scenario", x.name.get(lang), x.subdomains) for x in pack.scenarios]
    others += [(x.id, "profile", x.name.get(lang), ()) for x in pack.profile]
    for iid, kind, text, sds_ in others:
        v = a.value(iid)
        ans = a.answers.get(iid)
        first_sd = sds_[0] if sds_ else None
        score, level, target, actions = sd_info[first_sd] if first_sd else (None, None, None, "")
        rows.append(
            [
                elements[element_of[first_sd]] if first_sd else "",
                "、".join(pack.subdomains[x].name.get(lang) for x in sds_)
                if lang == "zh"
                else ", ".join(pack.subdomains[x].name.get(lang) for x in sds_),
                score,
                level,
                target,
                iid,
                tr(f"export.kind.{kind}", lang),
                None,
                text,
                answer_text(pack, iid, v, lang),
                v if isinstance(v, int | float) and not isinstance(v, bool) else (None if v is None else v is True),
                status(v, kind),
                ans.note if ans else "",
                actions if kind != "condition" else "",
            ]
        )
    return header, rows


def gap_rows(pack: Pack, result: Result, lang: str) -> tuple[list[str], list[list[Any]]]:
    """One row per sub-domain: where it stands, what it lacks, what to buy."""
    s, a = result.scores, result.assessment
    threshold = pack.scoring.level_threshold
    header = [
        tr("export.col.element", lang),
        tr("export.col.subdomain", lang),
        tr("export.col.weight", lang),
        tr("export.col.sd_score", lang),
        tr("export.col.sd_level", lang),
        tr("export.col.sd_target", lang),
        tr("export.col.gap", lang),
        tr("export.col.unmet", lang),
        tr("export.col.actions", lang),
        money_head("export.col.investment_low", lang),
        money_head("export.col.investment_high", lang),
        tr("export.col.measures", lang),
    ]
    reqs = pack.requirements_for(s.industry, s.path)
    elements = {e.id: e.name.get(lang) for e in pack.elements}
    rows = []
    sep = "；" if lang == "zh" else "; "
    for sd, sdef in pack.subdomains.items():
        sds = s.subdomains.get(sd)
        if sds is None:
            continue
        target = subdomain_target(pack, result, sd)
        unmet = [
            q.id
            for q in reqs
            if q.subdomain == sd
            and (target is None or q.level <= max(target, sds.level + 1))
            and not (isinstance(v := a.value(q.id), int | float) and v >= threshold - 1e-9)
            and a.value(q.id) != NA
        ]
        sgs = _suggestions_for(result, sd)
        measures: list[str] = []
        for sg in sgs:
            for mid in sg.item.measures:
                name = pack.measures[mid].name.get(lang) if mid in pack.measures else mid
                if name not in measures:
                    measures.append(name)
        rows.append(
            [
                elements[sdef.element],
                sdef.name.get(lang),
                sds.weight,  # a fraction; the sheet shows it as a percentage
                round(sds.score, 2),
                sds.level,
                target,
                round(max(0.0, (target or 0) - sds.score), 2),
                ", ".join(unmet),
                sep.join(sg.item.name.get(lang) for sg in sgs),
                money(sum(sg.investment_low for sg in sgs), lang) if sgs else None,
                money(sum(sg.investment_high for sg in sgs), lang) if sgs else None,
                sep.join(measures),
            ]
        )
    return header, rows


def suggestion_rows(pack: Pack, result: Result, lang: str) -> tuple[list[str], list[list[Any]]]:
    header = [
        tr("export.col.no", lang),
        tr("export.col.item", lang),
        tr("export.col.category", lang),
        tr("export.col.reasons", lang),
        money_head("export.col.investment_low", lang),
        money_head("export.col.investment_high", lang),
        tr("export.col.measures", lang),
        tr("export.col.priority", lang),
    ]
    sep = "；" if lang == "zh" else "; "
    rows = []
    for i, sg in enumerate(result.suggestions, 1):
        cat = next((c.name.get(lang) for c in pack.categories if c.id == sg.item.category), sg.item.category)
        rows.append(
            [
                i,
                sg.item.name.get(lang),
                cat,
                sep.join(reason_text(pack, r, lang) for r in sg.reasons),
                money(sg.investment_low, lang),
                money(sg.investment_high, lang),
                sep.join(pack.measures[m].name.get(lang) for m in sg.item.measures if m in pack.measures),
                sg.priority,
            ]
        )
    return header, rows


def summary_rows(pack: Pack, result: Result, lang: str) -> list[tuple[str, Any]]:
    s, a = result.scores, result.assessment
    e = a.enterprise
    draft = a.status != "final" or s.provisional
    return [
        (tr("report.cover.enterprise", lang), e.name),
        (tr("report.cover.credit_code", lang), e.credit_code),
        (tr("report.cover.industry", lang), pack.industries[e.industry].name.get(lang)),
        (tr("report.cover.district", lang), e.district),
        (tr("report.cover.date", lang), a.date),
        (tr("report.cover.assessor", lang), a.assessor),
        (tr("report.cover.status", lang), tr("report.status.draft" if draft else "report.status.final", lang)),
        (tr("report.cover.revision", lang), a.revision),
        (tr("report.summary.tier", lang), tier_claim(pack, result.tier.tier, lang)),
        (tr("report.summary.national", lang), tier_claim(pack, result.national.tier, lang)),
        (tr("report.summary.s", lang), round(s.s, 2)),
        (tr("report.summary.level", lang), level_name(pack, s.level, lang)),
        (tr("report.summary.answered", lang), f"{s.answered}/{s.total}"),
        (money_head("export.support_total", lang), money(result.support_total_cny, lang)),
        (tr("export.ranking", lang), ranking_text(lang)),
        (tr("report.cover.pack", lang), f"{pack.id} {pack.version}"),
        (tr("report.cover.digest", lang), sha256_hex(canonical_bytes(a))),
    ]


def roadmap_rows(pack: Pack, result: Result, lang: str) -> tuple[list[str], list[list[Any]]]:
    """The roadmap's steps in order (planned projects first, then each reachable stage), with what
    each raises, its typical implementation time and what it leaves the plant at (empty without one)."""
    header = [
        tr("export.col.no", lang),
        tr("export.col.target", lang),
        tr("export.col.item", lang),
        tr("export.col.months", lang),
        money_head("export.col.cost", lang),
        tr("report.roadmap.col.closes", lang),
        tr("report.roadmap.col.s", lang),
        tr("report.roadmap.col.level", lang),
        tr("report.roadmap.col.tier", lang),
        money_head("export.col.possible", lang),
    ]
    rm = result.roadmap
    if rm is None:
        return header, []
    steps: list[tuple[str, Any]] = [(tr("report.roadmap.planned", lang), st) for st in rm.planned]
    for stage in rm.stages:
        if stage.reachable:
            target = tier_claim(pack, stage.target, lang)
            steps += [(target, st) for st in stage.steps]
    sep = "、" if lang == "zh" else ", "
    rows: list[list[Any]] = [
        [
            i,
            target,
            st.item.name.get(lang),
            st.item.months or None,
            money(st.cost_cny, lang),
            sep.join(c.requirement for c in st.closes),
            round(st.s_after, 2),
            level_name(pack, st.level_after, lang),
            tier_name(pack, st.tier_after, lang),
            money(st.support.amount_cny, lang) if st.support is not None and st.support.amount_cny else None,
        ]
        for i, (target, st) in enumerate(steps, 1)
    ]
    return header, rows


def _estimate_status(e: Any) -> str:
    status = getattr(e, "status", None) or ("counted" if e.eligible else "not-eligible")
    return str(status)


def plan_rows(pack: Pack, result: Result, lang: str) -> tuple[list[str], list[list[Any]]]:
    """One row per planned item and measure: the plan's figures, whether the measure is counted,
    possible once a qualification is confirmed, or not eligible, and the arithmetic."""
    header = [
        tr("report.renewal.col.plan", lang),
        money_head("export.col.investment", lang),
        tr("report.renewal.col.financing", lang),
        money_head("export.col.loan", lang),
        tr("report.appendix.col.rate", lang),
        money_head("export.col.contract", lang),
        tr("report.renewal.col.measure", lang),
        tr("export.col.support_status", lang),
        money_head("export.col.counted", lang),
        money_head("export.col.possible", lang),
        tr("report.renewal.col.basis", lang),
    ]
    rows: list[list[Any]] = []
    for ps in result.support:
        p = ps.plan
        item = next((x for x in pack.catalog if x.id == p.item), None)
        loan = p.financing == "loan"
        for e in ps.estimates:
            status = _estimate_status(e)
            rows.append(
                [
                    item.name.get(lang) if item else p.item,
                    money(p.investment_cny, lang),
                    tr(f"report.financing.{p.financing}", lang),
                    money(p.loan_cny, lang) if loan and p.loan_cny else None,
                    p.rate if loan and p.rate else None,
                    money(p.contract_cny, lang) if p.contract_cny else None,
                    pack.measures[e.measure].name.get(lang),
                    tr(f"export.support.{status}", lang),
                    money(e.amount_cny, lang) if status == "counted" else None,
                    money(getattr(e, "possible_cny", 0.0), lang) if status == "possible" else None,
                    estimate_basis(pack, e, lang),
                ]
            )
    return header, rows
