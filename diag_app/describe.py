"""Words and JSON for model results, in the user's language.

The model returns numbers and ids; this is the single place that turns them into sentences, so
the CLI, the GUI and the report explain a result the same way.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .describe_margins import margin_lines, na_json, sensitivity_json
from .i18n import tr
from .model.assessment import NA, Problem
from .model.diagnosis import Result
from .model.questionnaire import Pack, TierRule
from .model.ranking import RANKING_CRITERIA
from .model.renewal import Closure, Flag, Lift, Reason, Suppressed
from .model.support import Estimate
from .model.tiers import NONE, Check
from .money import fmt_cny, fmt_num

if TYPE_CHECKING:  # the loader pulls in YAML; wording its problems needs only their fields
    from .packs.loader import PackProblem


def problem_text(p: Problem, lang: str) -> str:
    return tr("cli.problem", lang, field=p.field, message=tr(p.key, lang, **p.params))


def pack_problem_text(p: PackProblem, lang: str) -> str:
    """One problem of a questionnaire pack as a list line in ``lang``; the location (file, item,
    field) stays verbatim so the pack's editor can find it in the YAML."""
    return tr("pack.problem_line", lang, where=p.where, message=tr(p.key, lang, **p.params))


def tier_name(pack: Pack, tier_id: str, lang: str) -> str:
    if tier_id == NONE:
        return tr("tier.none", lang)
    t = next(t for t in pack.all_tiers() if t.id == tier_id)
    return t.name.get(lang)


def self_declared(pack: Pack, tier_id: str) -> bool:
    """Whether an enterprise may state the tier itself: only the lowest national tier (基础级 is
    self-assessed); every Shanghai tier and the national tiers above it are recognised by the
    municipal or national authority."""
    lowest = min(pack.national_tiers, key=lambda t: t.rank, default=None)
    return lowest is not None and lowest.id == tier_id


def tier_claim(pack: Pack, tier_id: str, lang: str) -> str:
    """A tier as the app may claim it (contract 5): "meets the self-assessment threshold for …"
    unless the tier is self-declared; "no tier's threshold met yet" for none."""
    if tier_id == NONE:
        return tr("claim.tier.none", lang)
    name = tier_name(pack, tier_id, lang)
    if self_declared(pack, tier_id):
        return tr("claim.tier.self_declared", lang, tier=name)
    return tr("claim.tier.threshold", lang, tier=name)


def level_name(pack: Pack, level: int, lang: str) -> str:
    if level < 1:
        return tr("level.none", lang)
    return pack.scoring.level_names[level].get(lang)


def unit_suffix(unit: str) -> str:
    """A unit as it follows a number: "95%", "360 台/万人", "12" (no unit)."""
    return unit if unit in ("%", "") else f" {unit}"


def rule_text(pack: Pack, rule: TierRule, lang: str) -> str:
    """A tier rule in words, without an assessment (the list of product defaults, the pack
    overview); ``check_text`` words the same rule checked against an assessment."""
    p = rule.params
    if rule.kind == "min_level":
        return tr("report.rule.min_level", lang, level=p["level"])
    if rule.kind == "conditions":
        if _tier_conditions(pack, rule):
            return tr("report.rule.tier_conditions", lang, items=_condition_texts(pack, p["ids"], lang))
        return tr("report.rule.conditions", lang)
    if rule.kind == "prior_tier":
        return tr("report.rule.prior_tier", lang, tier=tier_name(pack, str(p["tier"]), lang))
    if rule.kind == "links_covered":
        return tr("report.rule.links_covered", lang, links=_link_names(pack, p["links"], lang), min=p.get("min", 1))
    if rule.kind == "subdomain_level":
        sd = pack.subdomains[str(p["subdomain"])].name.get(lang)
        return tr("report.rule.subdomain_level", lang, subdomain=sd, level=p["level"])
    if rule.kind == "scenarios":
        return tr("report.rule.scenarios", lang, min=p["min"])
    ind = next(i for i in pack.indicators if i.id == p["indicator"])
    tgt = ind.target(str(p.get("target", "")))
    value = tgt.value if tgt else float(p["value"])  # type: ignore[arg-type]
    key = "report.rule.indicator_higher" if ind.better == "higher" else "report.rule.indicator_lower"
    return tr(key, lang, name=ind.name.get(lang), value=fmt_num(value), unit=unit_suffix(ind.unit))


def item_label(pack: Pack, item_id: str, lang: str) -> str:
    """An item as a reviewer finds it: a requirement by its number and text, anything else (an
    indicator, condition, scenario) by its name — never by an internal id."""
    item = pack.item(item_id)
    if item is None:
        return item_id
    if item.kind == "requirement":
        return f"{item.id} {item.text.get(lang)}"
    text = getattr(item, "name", None) or getattr(item, "text", None)
    return text.get(lang) if text is not None else item_id


def answer_text(pack: Pack, item_id: str, value: object, lang: str) -> str:
    """An answer as a reviewer reads it: the rating's label, a number with its unit, 是/否."""
    item = pack.item(item_id)
    if value is None:
        return tr("report.answer.none", lang)
    if item is not None and item.kind == "requirement":
        for r in pack.scoring.ratings:
            if (value == NA and r.value is None) or (r.value is not None and value == r.value):
                return r.label.get(lang)
        return str(value)
    if isinstance(value, bool):
        return tr("report.answer.yes" if value else "report.answer.no", lang)
    if item is not None and item.kind in ("indicator", "profile") and isinstance(value, int | float):
        return f"{fmt_num(value)}{unit_suffix(item.unit)}".rstrip()
    return str(value)


def _sep(lang: str) -> str:
    return "；" if lang == "zh" else "; "


def _condition_texts(pack: Pack, ids: Any, lang: str) -> str:
    texts = {cd.id: cd.text.get(lang) for cd in pack.conditions}
    return _sep(lang).join(texts.get(str(i), str(i)) for i in (ids or ()))


def _link_names(pack: Pack, ids: Any, lang: str) -> str:
    names = {lk.id: lk.name.get(lang) for lk in pack.links}
    return ("、" if lang == "zh" else ", ").join(names.get(str(i), str(i)) for i in (ids or ()))


def _tier_conditions(pack: Pack, rule: TierRule) -> bool:
    """A conditions rule that names only tier-specific conditions (AI in use, say), not the basic ones."""
    ids = rule.params.get("ids")
    scopes = {cd.id: cd.scope for cd in pack.conditions}
    return bool(ids) and all(scopes.get(str(i)) == "tier" for i in ids)  # type: ignore[attr-defined]


def check_text(pack: Pack, c: Check, lang: str, s: float = 0.0) -> str:
    kind: str = c.rule.kind
    undecided = ("conditions", "indicator", "links_covered", "prior_tier")
    state = "pass" if c.passed else ("unknown" if c.unknown and kind in undecided else "fail")
    params: dict[str, Any] = {"actual": c.actual, "required": c.required, "s": s}
    if kind == "subdomain_level":
        params["subdomain"] = pack.subdomains[str(c.rule.params["subdomain"])].name.get(lang)
    elif kind == "conditions":
        params["items"] = _condition_texts(pack, c.actual, lang)
        if _tier_conditions(pack, c.rule):
            kind = "tier_conditions"
            params["items"] = _condition_texts(pack, c.rule.params["ids"], lang)
    elif kind == "prior_tier":
        params["tier"] = tier_name(pack, str(c.rule.params["tier"]), lang)
    elif kind == "links_covered":
        params["links"] = _link_names(pack, c.actual, lang)
    elif kind == "indicator":
        ind = next(i for i in pack.indicators if i.id == c.rule.params["indicator"])
        tgt = ind.target(str(c.rule.params.get("target", "")))
        params.update(
            name=ind.name.get(lang),
            unit=ind.unit if ind.unit == "%" else f" {ind.unit}".rstrip(),
            target=tgt.label.get(lang) if tgt else "",
            actual=fmt_num(c.actual) if isinstance(c.actual, int | float) else "—",
            required=fmt_num(c.required),
        )
    text = tr(f"check.{kind}.{state}", lang, **params)
    if c.rule.basis == "D":
        text += tr("check.basis.D", lang)
    return text


def reason_text(pack: Pack, r: Reason, lang: str) -> str:
    if r.kind == "closes":
        q = pack.item(r.target)
        sd = getattr(q, "subdomain", "")
        return closure_text(pack, Closure(r.target, r.actual, r.required or 0.0, sd, getattr(q, "level", 0)), lang)
    if r.kind == "lifts":
        return lift_text(pack, Lift(r.target, r.actual, r.required or 0.0, r.threshold or 0.0, r.target_ref), lang)
    if r.kind == "enables":
        names = [next((c.name.get(lang) for c in pack.catalog if c.id == x), x) for x in r.target.split(",")]
        return tr("advice.enables", lang, items=_sep(lang).join(names))
    if r.kind == "subdomain_below":
        return tr(
            "reason.subdomain",
            lang,
            subdomain=pack.subdomains[r.target].name.get(lang),
            actual=int(r.actual or 0),
            required=int(r.required or 0),
        )
    if r.kind == "indicator_worse":
        ind = next(i for i in pack.indicators if i.id == r.target)
        tgt = ind.target(r.target_ref) if r.target_ref else None
        unit = ind.unit if ind.unit == "%" else f" {ind.unit}".rstrip()
        key = "reason.indicator_higher" if ind.better == "higher" else "reason.indicator_lower"
        return tr(
            key,
            lang,
            name=ind.name.get(lang),
            actual=fmt_num(r.actual),
            unit=unit,
            target=tgt.label.get(lang) if tgt else tr("reason.reference", lang),
            required=fmt_num(r.required),
        )
    sc = next(s for s in pack.scenarios if s.id == r.target)
    return tr("reason.scenario", lang, scenario=sc.name.get(lang))


def estimate_basis(pack: Pack, e: Estimate, lang: str) -> str:
    """The arithmetic of an estimate in words, e.g. for `diag-app support`."""
    m = pack.measures[e.measure]
    if e.reason == "below-min-investment":
        return tr(
            "support.below_min", lang, investment=fmt_cny(e.investment_cny, lang), min=fmt_cny(m.min_investment, lang)
        )
    if e.reason in ("needs-loan", "needs-lease"):
        return tr(f"support.{e.reason}", lang)
    if e.reason in ("loan-exceeds-investment", "excluded"):
        return advice_estimate_reason(pack, e, lang)
    if not m.stated:
        return tr("advice.support.unstated", lang, note=m.note.get(lang)) + advice_possible_if(pack, e, lang)
    if m.base == "interest":
        text = tr(
            "support.interest",
            lang,
            loan=fmt_cny(e.loan_cny, lang),
            rate=f"{e.loan_rate * 100:g}%",
            years=m.years,
            interest=fmt_cny(e.base_cny, lang),
            share=f"{m.rate * 100:g}%",
            amount=fmt_cny(min(e.base_cny * m.rate, m.cap), lang),
        )
    else:
        key = "support.contract" if m.base == "contract" else "support.investment"
        text = tr(
            key,
            lang,
            base=fmt_cny(e.base_cny, lang),
            share=f"{m.rate * 100:g}%",
            amount=fmt_cny(e.base_cny * m.rate, lang),
        )
    if math.isinf(m.cap):
        text += tr("advice.support.no_cap", lang)
    else:
        text += tr("support.capped" if e.capped else "support.cap", lang, cap=fmt_cny(m.cap, lang))
    if m.min_investment:
        text += tr("support.min_ok", lang, min=fmt_cny(m.min_investment, lang))
    return text + advice_possible_if(pack, e, lang)


def estimate_json(pack: Pack, e: Estimate, lang: str) -> dict[str, Any]:
    return {
        "measure": e.measure,
        "eligible": e.eligible,
        "amount_cny": e.amount_cny,
        "cap_cny": None if math.isinf(e.cap_cny) else e.cap_cny,
        "basis": estimate_basis(pack, e, lang),
        "status": e.status,
        "possible_cny": e.possible_cny,
        "to_confirm": list(e.missing),
    }


def result_json(pack: Pack, r: Result, lang: str) -> dict[str, Any]:
    """The object `diag-app score --json` prints; its key names are a stable contract."""
    s = r.scores
    out: dict[str, Any] = {
        "pack": {"id": s.pack_id, "version": s.pack_version},
        "industry": s.industry,
        "path": s.path,
        "score": round(s.s, 2),
        "level": s.level,
        "level_scores": {str(k): (round(v, 4) if v is not None else None) for k, v in s.level_scores.items()},
        "subdomains": {k: {"score": round(v.score, 2), "level": v.level} for k, v in s.subdomains.items()},
        "tier": r.tier.tier,
        "tier_reasons": [check_text(pack, c, lang, s.s) for c in _reasons(r.tier)],
        "national_tier": r.national.tier,
        "national_tier_reasons": [check_text(pack, c, lang, s.s) for c in _reasons(r.national)],
        "missing": list(s.missing),
        "provisional": s.provisional,
        "sensitivity": sensitivity_json(pack, r.assessment, s, lang),
        "not_applicable": na_json(pack, r.assessment),
        "recommendations": [
            {
                "id": sg.item.id,
                "category": sg.item.category,
                "title": sg.item.name.get(lang),
                "priority": sg.priority,
                "reasons": [reason_text(pack, x, lang) for x in sg.reasons],
                "investment_cny": {"low": sg.investment_low, "high": sg.investment_high},
                "measures": list(sg.item.measures),
                "closes": [closure_json(pack, c, lang) for c in sg.closes],
                "tier_rules_met": [lift_text(pack, x, lang) for x in sg.lifts],
                "needs": list(sg.needs),
                "extends_coverage": sg.extends,
                "roadmap_step": sg.step,
            }
            for sg in r.suggestions
        ],
        "ranking": ranking_text(lang),
        "left_out": [
            {"id": x.item.id, "why": x.why, "ref": x.ref, "text": suppressed_text(pack, x, lang)} for x in r.suppressed
        ],
        "flags": [{"kind": f.kind, "ref": f.ref, "item": f.item, "text": flag_text(pack, f, lang)} for f in r.flags],
        "support": [{"item": ps.plan.item, **estimate_json(pack, e, lang)} for ps in r.support for e in ps.estimates],
        "support_total_cny": r.support_total_cny,
    }
    if r.roadmap is not None:
        rm = r.roadmap
        out["roadmap"] = {
            "target": rm.target,
            "reachable": rm.reachable,
            "steps": [
                {
                    "item": st.item.id,
                    "title": st.item.name.get(lang),
                    "cost_cny": st.cost_cny,
                    "score_after": round(st.s_after, 2),
                    "level_after": st.level_after,
                    "tier_after": st.tier_after,
                    "national_tier_after": st.national_after,
                    "stage": st.stage,
                    "planned": st.planned,
                    "closes": [c.requirement for c in st.closes],
                    "support_if_confirmed": (
                        {
                            "measure": st.support.measure,
                            "amount_cny": st.support.amount_cny,
                            "needs": list(st.support.needs),
                        }
                        if st.support
                        else None
                    ),
                }
                for st in rm.steps
            ],
            "stages": [
                {
                    "ladder": sg.ladder,
                    "target": sg.target,
                    "reachable": sg.reachable,
                    "investment_cny": sg.investment_cny,
                    "exhaustive": sg.exhaustive,
                    "steps": [st.item.id for st in sg.steps],
                    "open_requirements": list(sg.open_requirements),
                }
                for sg in rm.stages
            ],
            "investment_cny": rm.investment_cny,
            "exhaustive": rm.exhaustive,
            "blockers": [check_text(pack, c, lang, s.s) for c in rm.blockers],
        }
    return out


def _reasons(d: Any) -> list[Check]:
    """The decisive checks of the tier reached, then what blocks the next one."""
    return [*d.decisive, *d.blocking]


def summary_text(pack: Pack, r: Result, lang: str) -> str:
    s = r.scores
    lines = [
        tr("summary.title", lang, name=r.assessment.enterprise.name),
        tr("summary.score", lang, s=s.s, level=level_name(pack, s.level, lang)),
        tr("summary.tier", lang, tier=tier_claim(pack, r.tier.tier, lang)),
        tr("summary.national", lang, tier=tier_claim(pack, r.national.tier, lang)),
    ]
    if s.provisional:
        lines.append(tr("summary.provisional", lang, n=len(s.missing)))
    if r.tier.decisive:
        lines.append(tr("summary.reasons", lang))
        lines += [f"  ✓ {check_text(pack, c, lang, s.s)}" for c in r.tier.decisive]
    if r.tier.next_tier:
        lines.append(tr("summary.blocking", lang, tier=tier_name(pack, r.tier.next_tier, lang)))
        lines += [f"  ✗ {check_text(pack, c, lang, s.s)}" for c in r.tier.blocking]
    lines.append(tr("summary.levels", lang))
    lines += [f"  L{k}: {'—' if v is None else f'{v:.2f}'}" for k, v in s.level_scores.items()]
    lines += margin_lines(pack, r.assessment, s, lang)
    if r.suggestions:
        lines.append(tr("summary.suggestions", lang))
        for sg in r.suggestions[:5]:
            span = f"{fmt_cny(sg.investment_low, lang)}–{fmt_cny(sg.investment_high, lang)}"
            name = sg.item.name.get(lang)
            lines.append(f"  • {name}（{span}）" if lang == "zh" else f"  • {name} ({span})")
            closes = [c.requirement for c in sg.closes] + [x.indicator for x in sg.lifts]
            if closes:
                lines.append("    " + tr("advice.summary.closes", lang, ids=", ".join(closes)))
        lines.append("  " + ranking_text(lang))
    rm = r.roadmap
    if rm and rm.target:
        for st in rm.planned:
            lines.append(
                tr("advice.summary.planned", lang, item=st.item.name.get(lang), s=f"{st.s_after:.2f}")
                + (f" — {closures_text(pack, st.closes, lang, st.lifts)}" if st.closes or st.lifts else "")
            )
        for stage in rm.stages:
            tier = tier_name(pack, stage.target, lang)
            if stage.reachable:
                lines.append(tr("summary.roadmap", lang, tier=tier, amount=fmt_cny(stage.investment_cny, lang)))
                for i, st in enumerate(stage.steps, 1):
                    lines.append(
                        f"  {i}. {st.item.name.get(lang)} — {fmt_cny(st.cost_cny, lang)} → S {st.s_after:.2f}, "
                        f"{tier_name(pack, st.tier_after, lang)} / {tier_name(pack, st.national_after, lang)}"
                    )
                if not stage.exhaustive:
                    lines.append("  " + tr("advice.summary.not_exhaustive", lang))
            else:
                lines.append(tr("summary.roadmap_blocked", lang, tier=tier))
                lines += [f"  ✗ {check_text(pack, c, lang, s.s)}" for c in stage.blockers]
    for f in r.flags:
        lines.append("  ! " + flag_text(pack, f, lang))
    if r.support:
        lines.append(tr("summary.support", lang, amount=fmt_cny(r.support_total_cny, lang)))
        for ps in r.support:
            for e in ps.possible:
                lines.append("  ? " + pack.measures[e.measure].name.get(lang) + advice_possible_if(pack, e, lang))
    return "\n".join(lines)


# --- advice (issue 16): closures, left-out items, contradictions, qualifying conditions, ranking --------
def closure_text(pack: Pack, c: Closure, lang: str) -> str:
    """One requirement a suggestion closes: id, sub-domain and level, from → to."""
    ratings = {x.value: x.label.get(lang) for x in pack.scoring.ratings if x.value is not None}
    before = tr("advice.unanswered", lang) if c.before is None else ratings.get(c.before, f"{c.before:g}")
    after = ratings.get(c.after, f"{c.after:g}")
    sd = pack.subdomains[c.subdomain].name.get(lang) if c.subdomain in pack.subdomains else c.subdomain
    return tr("advice.closes", lang, id=c.requirement, subdomain=sd, level=c.level, before=before, after=after)


def closure_json(pack: Pack, c: Closure, lang: str) -> dict[str, Any]:
    return {"requirement": c.requirement, "before": c.before, "after": c.after, "text": closure_text(pack, c, lang)}


def lift_text(pack: Pack, x: Lift, lang: str) -> str:
    """A tier rule on an indicator that an item makes pass."""
    ind = next(i for i in pack.indicators if i.id == x.indicator)
    return tr(
        "advice.lifts",
        lang,
        name=ind.name.get(lang),
        before=fmt_num(x.before),
        after=fmt_num(x.after),
        required=fmt_num(x.required),
        unit=unit_suffix(ind.unit),
        tier=tier_name(pack, x.tier, lang),
    )


def closures_text(pack: Pack, closes: tuple[Closure, ...], lang: str, lifts: tuple[Lift, ...] = ()) -> str:
    """Everything a suggestion or a roadmap step closes, as one line."""
    parts = [closure_text(pack, c, lang) for c in closes] + [lift_text(pack, x, lang) for x in lifts]
    return _sep(lang).join(parts)


def _profile_name(pack: Pack, pid: str, lang: str) -> str:
    p = next((x for x in pack.profile if x.id == pid), None)
    return p.name.get(lang) if p else pid


def need_text(pack: Pack, need: str, lang: str) -> str:
    """A precondition not yet in place: a system the plant lacks or a requirement not yet met."""
    if any(p.id == need for p in pack.profile):
        return tr("advice.need.system", lang, name=_profile_name(pack, need, lang))
    return tr("advice.need.requirement", lang, id=need)


def suppressed_text(pack: Pack, x: Suppressed, lang: str) -> str:
    """Why a catalogue item is not suggested."""
    name = x.item.name.get(lang)
    if x.why == "not-applicable":
        ref = pack.subdomains[x.ref].name.get(lang) if x.ref in pack.subdomains else x.ref
    elif x.why == "not-applicable-item":
        req = pack.item(x.ref)
        text = req.text.get(lang) if req is not None and hasattr(req, "text") else ""
        ref = f"{x.ref} {text[:30]}…" if len(text) > 30 else f"{x.ref} {text}".strip()
    elif x.why == "saturated":
        ind = next((i for i in pack.indicators if i.id == x.ref), None)
        ref = ind.name.get(lang) if ind else x.ref
    else:
        ref = _profile_name(pack, x.ref, lang)
    value = fmt_num(x.value) if x.value is not None else ""
    by = next((c.name.get(lang) for c in pack.catalog if c.id == x.by), x.by)
    return tr(f"advice.left_out.{x.why}", lang, item=name, ref=ref, value=value, by=by)


def flag_text(pack: Pack, f: Flag, lang: str) -> str:
    """A contradiction in the answers, for the assessor to check."""
    reqs = ", ".join(f.requirements)
    item = next((c.name.get(lang) for c in pack.catalog if c.id == f.item), f.item)
    if f.kind == "saturated":
        ind = next((i for i in pack.indicators if i.id == f.ref), None)
        return tr(
            "advice.flag.saturated",
            lang,
            indicator=ind.name.get(lang) if ind else f.ref,
            value=fmt_num(f.value),
            threshold=fmt_num(f.threshold),
            item=item,
            requirements=reqs,
        )
    return tr(
        f"advice.flag.{f.kind}",
        lang,
        system=_profile_name(pack, f.ref, lang),
        requirements=reqs,
        value=fmt_num(f.value),
        threshold=fmt_num(f.threshold),
    )


def qualification_text(pack: Pack, qid: str, lang: str) -> str:
    q = pack.qualifications.get(qid)
    return q.question.get(lang) if q else qid


def advice_possible_if(pack: Pack, e: Estimate, lang: str) -> str:
    """ "possible if …" for an estimate whose qualifications are not all confirmed."""
    if e.reason != "unconfirmed":
        return ""
    if not e.missing:  # a pack without qualifying conditions (1.0.0): nothing can be confirmed
        return tr("advice.support.possible_legacy", lang, amount=fmt_cny(e.possible_cny, lang))
    conds = _sep(lang).join(qualification_text(pack, q, lang) for q in e.missing)
    if e.possible_cny:
        return tr("advice.support.possible_if", lang, amount=fmt_cny(e.possible_cny, lang), conditions=conds)
    return tr("advice.support.possible_if_unstated", lang, conditions=conds)


def advice_estimate_reason(pack: Pack, e: Estimate, lang: str) -> str:
    if e.reason == "loan-exceeds-investment":
        return tr(
            "advice.support.loan_exceeds",
            lang,
            loan=fmt_cny(e.loan_cny, lang),
            investment=fmt_cny(e.investment_cny, lang),
        )
    m = pack.measures[e.measure]
    conds = _sep(lang).join(qualification_text(pack, q, lang) for q in m.excluded_by)
    return tr("advice.support.excluded", lang, conditions=conds)


def measure_cap_text(pack: Pack, measure_id: str, lang: str) -> str:
    """A measure's cap as a table cell: an amount, none stated (a tax credit), or no figure at all."""
    m = pack.measures[measure_id]
    if not m.stated:
        return tr("advice.cap.unstated", lang)
    if math.isinf(m.cap):
        return tr("advice.cap.none", lang)
    return fmt_cny(m.cap, lang)


def ranking_text(lang: str) -> str:
    """How the renewal suggestions are ordered, in words (the same on screen, in the report and
    in the XLSX)."""
    parts = [tr(f"advice.ranking.{c}", lang) for c in RANKING_CRITERIA]
    return tr("advice.ranking", lang, criteria=_sep(lang).join(f"{i}. {p}" for i, p in enumerate(parts, 1)))
