"""The diagnosis report as plain data: sections of paragraphs, key–value blocks, tables and
figure references, built from (pack, Result, lang, meta).

Nothing here knows reportlab or matplotlib, so what the report says can be tested as data; the
PDF renderer (pdf.py) only lays it out, and figures are named here and drawn by charts.py.
All words come from the one translation table (messages/report.py) and describe.py.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from .. import app_version
from ..describe import check_text, estimate_basis, level_name, reason_text, tier_name
from ..i18n import tr
from ..model.assessment import NA
from ..model.diagnosis import Result
from ..model.questionnaire import Pack, Requirement, TierRule
from ..model.tiers import Check
from ..money import fmt_cny, fmt_cny_range, fmt_num, fmt_pct
from .integrity import canonical_bytes, sha256_hex

# --- the model ------------------------------------------------------------------------------

ParaStyle = Literal["body", "lead", "note", "bullet", "ok", "gap", "warn", "small"]


@dataclass(frozen=True)
class Para:
    text: str
    style: ParaStyle = "body"


@dataclass(frozen=True)
class KeyValues:
    rows: tuple[tuple[str, str], ...]
    across: bool = False  # labels in one row, values under them (a compact strip)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # fractions of the text width
    align: str  # one letter per column: L, R or C; R for numbers
    caption: str = ""
    strong_rows: frozenset[int] = frozenset()  # e.g. a total, or the enterprise's own row


@dataclass(frozen=True)
class FigureRef:
    chart: Literal["radar", "level_bars", "indicator_chart"]
    caption: str
    width: float = 1.0  # fraction of the text width


Block = Para | KeyValues | Table | FigureRef


@dataclass(frozen=True)
class Section:
    number: str  # "1", "4.2", "A.1"
    title: str
    level: int  # 1, 2 or 3
    blocks: tuple[Block, ...] = ()
    new_page: bool = False


@dataclass(frozen=True)
class Evidence:
    """A file the assessor attached to an answer, named with its digest."""

    name: str
    sha256: str = ""


@dataclass(frozen=True)
class ReportMeta:
    """What the report needs beyond the assessment: given by the caller (GUI, CLI)."""

    report_id: str = ""  # default: SFD-<date>-<first 8 of the digest>
    generated: str = ""  # ISO date of the report, default today
    evidence: Mapping[str, Sequence[Evidence]] = field(default_factory=dict)  # answer id -> files
    app_version: str = ""

    @classmethod
    def of(cls, meta: ReportMeta | Mapping[str, Any] | None) -> ReportMeta:
        if meta is None:
            return cls()
        if isinstance(meta, ReportMeta):
            return meta
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in meta.items() if k in known})


@dataclass(frozen=True)
class Report:
    lang: str
    title: str
    report_id: str
    digest: str
    enterprise: str
    generated: str
    app_version: str
    cover: KeyValues
    cover_notes: tuple[Para, ...]
    sections: tuple[Section, ...]
    printed: dict[str, str]  # the conclusions as printed (tier names, S), for verify's text check

    def section(self, number: str) -> Section:
        return next(s for s in self.sections if s.number == number)

    def texts(self) -> list[str]:
        """Every string the report shows (for glyph and wording checks)."""
        out = [self.title, self.report_id, self.digest, self.enterprise]
        out += [t for kv in self.cover.rows for t in kv]
        out += [p.text for p in self.cover_notes]
        for s in self.sections:
            out.append(f"{s.number} {s.title}")
            for b in s.blocks:
                out += block_texts(b)
        return out


def block_texts(b: Block) -> list[str]:
    if isinstance(b, Para):
        return [b.text]
    if isinstance(b, KeyValues):
        return [t for kv in b.rows for t in kv]
    if isinstance(b, Table):
        return [b.caption, *b.header, *(c for row in b.rows for c in row)]
    return [b.caption]


# --- helpers shared with charts and exports -------------------------------------------------


def report_id_for(digest: str, generated: str) -> str:
    return f"SFD-{generated.replace('-', '')}-{digest[:8].upper()}"


def target_levels(pack: Pack, result: Result) -> tuple[str | None, int | None, dict[str, int]]:
    """The tier the chart and the gaps aim at (the next Shanghai tier, or the current one at the
    top), its CMMM level and any sub-domain levels it names."""
    d = result.tier
    tier_id = d.next_tier or (d.tier if d.tier != "none" else None)
    if tier_id is None:
        return None, None, {}
    tier = next(t for t in pack.all_tiers() if t.id == tier_id)
    level: int | None = None
    per_sd: dict[str, int] = {}
    for rule in tier.rules:
        if rule.kind == "min_level":
            level = int(rule.params["level"])  # type: ignore[call-overload]
        elif rule.kind == "subdomain_level":
            per_sd[str(rule.params["subdomain"])] = int(rule.params["level"])  # type: ignore[call-overload]
    return tier_id, level, per_sd


def subdomain_target(pack: Pack, result: Result, sd: str) -> int | None:
    _, level, per_sd = target_levels(pack, result)
    if sd in per_sd:
        return max(per_sd[sd], level or 0)
    return level


def gaps(pack: Pack, result: Result) -> list[tuple[str, float, int, float]]:
    """(sub-domain, score, target level, weighted shortfall), biggest first: how far each
    sub-domain is below the target tier's level, weighted by its importance in this industry."""
    out = []
    for sd, sds in result.scores.subdomains.items():
        target = subdomain_target(pack, result, sd)
        if target is None:
            target = min(5, sds.level + 1)
        short = max(0.0, target - sds.score)
        if short > 0:
            out.append((sd, sds.score, target, short * sds.weight))
    out.sort(key=lambda g: (-g[3], g[0]))
    return out


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
    if item is not None and item.kind == "indicator" and isinstance(value, int | float):
        unit = item.unit
        return f"{fmt_num(value)}{unit}" if unit == "%" else f"{fmt_num(value)} {unit}".rstrip()
    return str(value)


def rule_text(pack: Pack, rule: TierRule, lang: str) -> str:
    """A tier rule in words, without an assessment (for the list of product defaults)."""
    p = rule.params
    if rule.kind == "min_level":
        return tr("report.rule.min_level", lang, level=p["level"])
    if rule.kind == "conditions":
        return tr("report.rule.conditions", lang)
    if rule.kind == "subdomain_level":
        sd = pack.subdomains[str(p["subdomain"])].name.get(lang)
        return tr("report.rule.subdomain_level", lang, subdomain=sd, level=p["level"])
    if rule.kind == "scenarios":
        return tr("report.rule.scenarios", lang, min=p["min"])
    ind = next(i for i in pack.indicators if i.id == p["indicator"])
    tgt = ind.target(str(p.get("target", "")))
    value = tgt.value if tgt else float(p["value"])  # type: ignore[arg-type]
    key = "report.rule.indicator_higher" if ind.better == "higher" else "report.rule.indicator_lower"
    return tr(key, lang, name=ind.name.get(lang), value=fmt_num(value), unit=_unit(ind.unit))


def _unit(unit: str) -> str:
    return unit if unit in ("%", "") else f" {unit}"


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
    for ind in pack.indicators:
        for t in ind.targets:
            if t.basis == "D":
                rows.append(
                    (
                        ind.name.get(lang),
                        f"{t.label.get(lang)}：{fmt_num(t.value)}{_unit(ind.unit)}"
                        if lang == "zh"
                        else f"{t.label.get(lang)}: {fmt_num(t.value)}{_unit(ind.unit)}",
                        "",
                    )
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


def _dist_range(key: str) -> tuple[int, int]:
    k = key.strip().replace("<=", "≤").replace(">=", "≥")
    if k.startswith("≤"):
        return 0, int(k[1:])
    if k.startswith("≥"):
        return int(k[1:]), 5
    return int(k), int(k)


# --- building -------------------------------------------------------------------------------


def build_report(
    pack: Pack, result: Result, lang: str = "zh", meta: ReportMeta | Mapping[str, Any] | None = None
) -> Report:
    m = ReportMeta.of(meta)
    a = result.assessment
    digest = sha256_hex(canonical_bytes(a))
    generated = m.generated or date.today().isoformat()
    report_id = m.report_id or report_id_for(digest, generated)
    version = m.app_version or app_version()
    b = _Builder(pack, result, lang, m)

    e = a.enterprise
    mode = tr(f"report.mode.{a.mode}", lang)
    cover = KeyValues(
        (
            (tr("report.cover.enterprise", lang), e.name),
            (tr("report.cover.credit_code", lang), e.credit_code),
            (tr("report.cover.industry", lang), pack.industries[e.industry].name.get(lang)),
            (tr("report.cover.path", lang), pack.paths[result.scores.path].get(lang)),
            (tr("report.cover.district", lang), e.district or "—"),
            (tr("report.cover.date", lang), a.date or "—"),
            (tr("report.cover.mode", lang), mode),
            (tr("report.cover.assessor", lang), a.assessor or "—"),
            (tr("report.cover.revision", lang), str(a.revision)),
            (tr("report.cover.report_id", lang), report_id),
            (tr("report.cover.generated", lang), generated),
            (
                tr("report.cover.pack", lang),
                f"{pack.name.get(lang)}（{pack.id} {pack.version}）"
                if lang == "zh"
                else f"{pack.name.get(lang)} ({pack.id} {pack.version})",
            ),
            (tr("report.cover.app", lang), tr("report.cover.app_value", lang, version=version)),
            (tr("report.cover.digest", lang), digest),
        )
    )
    notes = (
        Para(tr("report.cover.nature", lang), "note"),
        Para(tr("report.cover.verify", lang, digest=digest[:16]), "small"),
    )
    sections = (
        b.summary(),
        b.national(),
        b.charts(),
        *b.detail(),
        b.renewal(),
        b.roadmap(),
        b.disclaimers(),
        *b.appendix(),
    )
    printed = {
        "tier": tier_name(pack, result.tier.tier, lang),
        "national_tier": tier_name(pack, result.national.tier, lang),
        "s": f"{result.scores.s:.2f}",
    }
    return Report(
        lang=lang,
        title=tr("report.title", lang),
        report_id=report_id,
        digest=digest,
        enterprise=e.name,
        generated=generated,
        app_version=version,
        cover=cover,
        cover_notes=notes,
        sections=tuple(s for s in sections if s is not None),
        printed=printed,
    )


class _Builder:
    def __init__(self, pack: Pack, result: Result, lang: str, meta: ReportMeta):
        self.pack, self.r, self.lang, self.meta = pack, result, lang, meta
        self.s = result.scores

    def t(self, key: str, /, **kw: Any) -> str:
        return tr(f"report.{key}", self.lang, **kw)

    def check(self, c: Check) -> str:
        return check_text(self.pack, c, self.lang, self.s.s)

    def cny(self, v: float) -> str:
        return fmt_cny(v, self.lang)

    def span(self, low: float, high: float) -> str:
        return fmt_cny_range(low, high, self.lang)

    def sd_name(self, sd: str) -> str:
        return self.pack.subdomains[sd].name.get(self.lang)

    # 1 ------------------------------------------------------------------------------------
    def summary(self) -> Section:
        pack, r, s, lang = self.pack, self.r, self.s, self.lang
        blocks: list[Block] = [
            KeyValues(
                (
                    (self.t("summary.tier"), tier_name(pack, r.tier.tier, lang)),
                    (self.t("summary.national"), tier_name(pack, r.national.tier, lang)),
                    (self.t("summary.s"), self.t("summary.s_value", s=f"{s.s:.2f}")),
                    (self.t("summary.level"), level_name(pack, s.level, lang)),
                    (self.t("summary.answered"), self.t("summary.answered_value", answered=s.answered, total=s.total)),
                )
            )
        ]
        if s.provisional:
            blocks.append(Para(self.t("summary.provisional", n=len(s.missing)), "warn"))
        for label, d in ((self.t("summary.sh_label"), r.tier), (self.t("summary.nat_label"), r.national)):
            if d.decisive:
                blocks.append(Para(self.t("summary.reached", ladder=label, tier=tier_name(pack, d.tier, lang)), "lead"))
                blocks += [Para(self.check(c), "ok") for c in d.decisive]
            elif d.tier == "none":
                blocks.append(Para(self.t("summary.none_reached", ladder=label), "lead"))
            if d.next_tier:
                blocks.append(Para(self.t("summary.blocking", tier=tier_name(pack, d.next_tier, lang)), "lead"))
                blocks += [Para(self.check(c), "gap") for c in d.blocking]
        top = gaps(pack, r)[:3]
        if top:
            blocks.append(Para(self.t("summary.gaps"), "lead"))
            for sd, score, target, _ in top:
                blocks.append(
                    Para(
                        self.t("summary.gap_line", subdomain=self.sd_name(sd), score=f"{score:.2f}", target=target),
                        "bullet",
                    )
                )
        if r.suggestions:
            blocks.append(Para(self.t("summary.suggestions"), "lead"))
            for sg in r.suggestions[:3]:
                reasons = (
                    "；".join(reason_text(pack, x, lang) for x in sg.reasons)
                    if lang == "zh"
                    else "; ".join(reason_text(pack, x, lang) for x in sg.reasons)
                )
                blocks.append(
                    Para(
                        self.t(
                            "summary.suggestion_line",
                            name=sg.item.name.get(lang),
                            span=self.span(sg.investment_low, sg.investment_high),
                            reasons=reasons,
                        ),
                        "bullet",
                    )
                )
        if r.support:
            blocks.append(Para(self.t("summary.support", amount=self.cny(r.support_total_cny))))
        else:
            blocks.append(Para(self.t("summary.support_none")))
        return Section("1", self.t("section.summary"), 1, tuple(blocks), new_page=True)

    # 2 ------------------------------------------------------------------------------------
    def national(self) -> Section | None:
        pack, lang = self.pack, self.lang
        if not pack.distribution:
            return None
        level = self.s.level
        rows = []
        strong = set()
        above = below = same = 0.0
        for i, (key, share) in enumerate(pack.distribution):
            lo, hi = _dist_range(key)
            here = lo <= max(level, 0) <= hi
            if here:
                strong.add(i)
                same += share
            elif lo > level:
                above += share
            else:
                below += share
            label = self.t("national.group", group=key)
            rows.append((label, f"{fmt_num(share)}%", self.t("national.here") if here else ""))
        blocks: list[Block] = [
            Para(self.t("national.intro", source=pack.distribution_source.get(lang))),
            Table(
                (self.t("national.col.level"), self.t("national.col.share"), self.t("national.col.enterprise")),
                tuple(rows),
                (0.4, 0.25, 0.35),
                "LRC",
                strong_rows=frozenset(strong),
            ),
            Para(
                self.t(
                    "national.position",
                    level=level_name(pack, level, lang),
                    same=fmt_num(same),
                    above=fmt_num(above),
                    below=fmt_num(below),
                )
            ),
            Para(self.t("national.source", source=pack.distribution_source.get(lang)), "small"),
        ]
        return Section("2", self.t("section.national"), 1, tuple(blocks))

    # 3 ------------------------------------------------------------------------------------
    def charts(self) -> Section:
        tier_id, level, _ = target_levels(self.pack, self.r)
        target = (
            self.t("charts.target", tier=tier_name(self.pack, tier_id, self.lang), level=level)
            if tier_id and level
            else self.t("charts.no_target")
        )
        blocks: list[Block] = [
            FigureRef("radar", self.t("charts.radar", target=target), 0.82),
            FigureRef("level_bars", self.t("charts.level_bars", threshold=fmt_num(self.pack.scoring.level_threshold))),
            FigureRef("indicator_chart", self.t("charts.indicators")),
        ]
        return Section("3", self.t("section.charts"), 1, tuple(blocks), new_page=True)

    # 4 ------------------------------------------------------------------------------------
    def detail(self) -> list[Section]:
        pack, lang, s = self.pack, self.lang, self.s
        out = [
            Section(
                "4",
                self.t("section.detail"),
                1,
                (Para(self.t("detail.intro", threshold=fmt_num(pack.scoring.level_threshold))),),
                new_page=True,
            )
        ]
        reqs = pack.requirements_for(s.industry, s.path)
        by_sd: dict[str, list[Requirement]] = {}
        for q in reqs:
            by_sd.setdefault(q.subdomain, []).append(q)
        for ei, el in enumerate(pack.elements, 1):
            sds = [sd for dom in el.domains for sd in pack.domains[dom].subdomains]
            scored = [s.subdomains[sd] for sd in sds if sd in s.subdomains]
            wsum = sum(x.weight for x in scored)
            mean = sum(x.score * x.weight for x in scored) / wsum if wsum > 0 else None
            out.append(
                Section(
                    f"4.{ei}",
                    el.name.get(lang),
                    2,
                    (
                        Para(
                            self.t(
                                "detail.element",
                                n=len(sds),
                                names="、".join(self.sd_name(x) for x in sds)
                                if lang == "zh"
                                else ", ".join(self.sd_name(x) for x in sds),
                                score="—" if mean is None else f"{mean:.2f}",
                            )
                        ),
                    ),
                )
            )
            for si, sd in enumerate(sds, 1):
                out.append(Section(f"4.{ei}.{si}", self.sd_name(sd), 3, tuple(self.subdomain_blocks(sd, by_sd))))
        return out

    def subdomain_blocks(self, sd: str, by_sd: dict[str, list[Requirement]]) -> list[Block]:
        pack, lang, s, a = self.pack, self.lang, self.s, self.r.assessment
        sds = s.subdomains.get(sd)
        if sds is None:
            return [Para(self.t("detail.not_applicable"), "note")]
        target = subdomain_target(pack, self.r, sd)
        blocks: list[Block] = [
            KeyValues(
                (
                    (self.t("detail.score"), f"{sds.score:.2f}"),
                    (self.t("detail.level"), level_name(pack, sds.level, lang)),
                    (self.t("detail.weight"), fmt_pct(sds.weight, 1)),
                    (self.t("detail.target"), "—" if target is None else level_name(pack, target, lang)),
                    (self.t("detail.answered"), f"{sds.answered}/{sds.total}"),
                ),
                across=True,
            )
        ]
        threshold = pack.scoring.level_threshold
        rows = []
        strong = set()
        for i, lvl in enumerate(pack.scoring.levels):
            v = sds.level_scores.get(lvl)
            items = [q for q in by_sd.get(sd, []) if q.level == lvl]
            met, missing = [], []
            for q in items:
                val = a.value(q.id)
                if val == NA:
                    continue
                if isinstance(val, int | float) and not isinstance(val, bool) and val >= threshold - 1e-9:
                    met.append(q.id)
                else:
                    missing.append(
                        f"{q.id} {q.text.get(lang)}（{answer_text(pack, q.id, val, lang)}）"
                        if lang == "zh"
                        else f"{q.id} {q.text.get(lang)} ({answer_text(pack, q.id, val, lang)})"
                    )
            if v is None:
                verdict = self.t("detail.verdict.na")
            elif v >= threshold - 1e-9:
                verdict = self.t("detail.verdict.met")
            else:
                verdict = self.t("detail.verdict.not_met")
                strong.add(i)
            rows.append(
                (
                    level_name(pack, lvl, lang),
                    "—" if v is None else f"{v:.2f}",
                    verdict,
                    ("、" if lang == "zh" else ", ").join(met) or "—",
                    "\n".join(missing) or "—",
                )
            )
        blocks.append(
            Table(
                (
                    self.t("detail.col.level"),
                    self.t("detail.col.score"),
                    self.t("detail.col.verdict"),
                    self.t("detail.col.met"),
                    self.t("detail.col.missing"),
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
            blocks.append(Para(self.t("detail.notes"), "lead"))
            blocks += [Para(f"{iid}：{note}" if lang == "zh" else f"{iid}: {note}", "bullet") for iid, note in notes]
        evidence = [(q.id, ev) for q in by_sd.get(sd, []) for ev in self.meta.evidence.get(q.id, ())]
        if evidence:
            blocks.append(Para(self.t("detail.evidence"), "lead"))
            for iid, ev in evidence:
                ev = ev if isinstance(ev, Evidence) else Evidence(*ev)  # type: ignore[misc]
                digest = f"SHA-256 {ev.sha256}" if ev.sha256 else self.t("detail.no_digest")
                blocks.append(
                    Para(f"{iid}：{ev.name}（{digest}）" if lang == "zh" else f"{iid}: {ev.name} ({digest})", "bullet")
                )
        return blocks

    # 5 ------------------------------------------------------------------------------------
    def renewal(self) -> Section:
        pack, r, lang = self.pack, self.r, self.lang
        blocks: list[Block] = [Para(self.t("renewal.intro"))]
        sep = "；" if lang == "zh" else "; "
        if r.suggestions:
            rows: list[tuple[str, ...]] = []  # typed for both tables: the plans table below reuses it
            for i, sg in enumerate(r.suggestions, 1):
                cat = next((c.name.get(lang) for c in pack.categories if c.id == sg.item.category), sg.item.category)
                rows.append(
                    (
                        str(i),
                        sg.item.name.get(lang),
                        cat,
                        sep.join(reason_text(pack, x, lang) for x in sg.reasons),
                        self.span(sg.investment_low, sg.investment_high),
                        sep.join(pack.measures[mid].name.get(lang) for mid in sg.item.measures if mid in pack.measures)
                        or "—",
                        fmt_num(sg.priority, 1),
                    )
                )
            blocks.append(
                Table(
                    (
                        self.t("renewal.col.no"),
                        self.t("renewal.col.item"),
                        self.t("renewal.col.category"),
                        self.t("renewal.col.reasons"),
                        self.t("renewal.col.investment"),
                        self.t("renewal.col.measures"),
                        self.t("renewal.col.priority"),
                    ),
                    tuple(rows),
                    (0.05, 0.15, 0.11, 0.27, 0.15, 0.19, 0.08),
                    "RLLLRLR",
                    caption=self.t("renewal.table_caption"),
                )
            )
        else:
            blocks.append(Para(self.t("renewal.none"), "note"))

        used = []
        for sg in r.suggestions:
            for mid in sg.item.measures:
                if mid in pack.measures and mid not in used:
                    used.append(mid)
        for ps in r.support:
            for e in ps.estimates:
                if e.measure not in used:
                    used.append(e.measure)
        if used:
            blocks.append(
                Table(
                    (self.t("renewal.col.measure"), self.t("renewal.col.measure_rule"), self.t("renewal.col.cap")),
                    tuple(
                        (
                            pack.measures[mid].name.get(lang),
                            pack.measures[mid].note.get(lang),
                            self.cny(pack.measures[mid].cap),
                        )
                        for mid in used
                    ),
                    (0.25, 0.57, 0.18),
                    "LLR",
                    caption=self.t("renewal.measures_caption"),
                )
            )
        if r.support:
            rows = []
            for ps in r.support:
                item = next((c for c in pack.catalog if c.id == ps.plan.item), None)
                name = item.name.get(lang) if item else ps.plan.item
                for e in ps.estimates:
                    rows.append(
                        (
                            name,
                            self.cny(ps.plan.investment_cny),
                            tr(f"report.financing.{ps.plan.financing}", lang),
                            pack.measures[e.measure].name.get(lang),
                            self.cny(e.amount_cny) if e.eligible else self.t("renewal.not_eligible"),
                            estimate_basis(pack, e, lang),
                        )
                    )
            rows.append(
                (self.t("renewal.total"), "", "", "", self.cny(r.support_total_cny), self.t("renewal.total_rule"))
            )
            blocks.append(
                Table(
                    (
                        self.t("renewal.col.plan"),
                        self.t("renewal.col.plan_investment"),
                        self.t("renewal.col.financing"),
                        self.t("renewal.col.measure"),
                        self.t("renewal.col.estimate"),
                        self.t("renewal.col.basis"),
                    ),
                    tuple(rows),
                    (0.15, 0.13, 0.09, 0.18, 0.14, 0.31),
                    "LRLLRL",
                    caption=self.t("renewal.plans_caption"),
                    strong_rows=frozenset({len(rows) - 1}),
                )
            )
        else:
            blocks.append(Para(self.t("renewal.no_plans"), "note"))
        blocks.append(Para(self.t("renewal.upper_bound"), "warn"))
        return Section("5", self.t("section.renewal"), 1, tuple(blocks), new_page=True)

    # 6 ------------------------------------------------------------------------------------
    def roadmap(self) -> Section:
        pack, lang = self.pack, self.lang
        rm = self.r.roadmap
        blocks: list[Block] = []
        if rm is None:
            blocks.append(Para(self.t("roadmap.not_computed"), "note"))
        elif rm.target is None:
            blocks.append(Para(self.t("roadmap.top", tier=tier_name(pack, self.r.tier.tier, lang))))
        elif rm.reachable:
            tier = tier_name(pack, rm.target, lang)
            blocks.append(Para(self.t("roadmap.intro", tier=tier, amount=self.cny(rm.investment_cny))))
            rows = [
                (
                    str(i),
                    st.item.name.get(lang),
                    self.cny(st.cost_cny),
                    f"{st.s_after:.2f}",
                    level_name(pack, st.level_after, lang),
                    tier_name(pack, st.tier_after, lang),
                )
                for i, st in enumerate(rm.steps, 1)
            ]
            rows.append((self.t("roadmap.total"), "", self.cny(rm.investment_cny), "", "", ""))
            blocks.append(
                Table(
                    (
                        self.t("roadmap.col.step"),
                        self.t("roadmap.col.item"),
                        self.t("roadmap.col.cost"),
                        self.t("roadmap.col.s"),
                        self.t("roadmap.col.level"),
                        self.t("roadmap.col.tier"),
                    ),
                    tuple(rows),
                    (0.08, 0.34, 0.16, 0.1, 0.16, 0.16),
                    "RLRRLL",
                    strong_rows=frozenset({len(rows) - 1}),
                )
            )
            blocks.append(Para(self.t("roadmap.cost_basis"), "note"))
            if not rm.exhaustive:
                blocks.append(Para(self.t("roadmap.not_exhaustive"), "note"))
        else:
            blocks.append(Para(self.t("roadmap.blocked", tier=tier_name(pack, rm.target, lang)), "lead"))
            blocks += [Para(self.check(c), "gap") for c in rm.blockers]
        return Section("6", self.t("section.roadmap"), 1, tuple(blocks))

    # 7 ------------------------------------------------------------------------------------
    def disclaimers(self) -> Section:
        blocks: list[Block] = [
            Para(self.t("disclaimer.nature"), "bullet"),
            Para(self.t("disclaimer.support"), "bullet"),
            Para(self.t("disclaimer.recompute"), "bullet"),
            Para(self.t("disclaimer.verify"), "bullet"),
        ]
        if self.s.provisional:
            blocks.append(Para(self.t("disclaimer.provisional", n=len(self.s.missing)), "bullet"))
        rows = product_defaults(self.pack, self.lang)
        blocks.append(Para(self.t("disclaimer.defaults"), "lead"))
        blocks.append(
            Table(
                (self.t("disclaimer.col.what"), self.t("disclaimer.col.value"), self.t("disclaimer.col.note")),
                tuple(rows),
                (0.24, 0.38, 0.38),
                "LLL",
            )
        )
        return Section("7", self.t("section.disclaimers"), 1, tuple(blocks), new_page=True)

    # Appendix -----------------------------------------------------------------------------
    def appendix(self) -> list[Section]:
        pack, lang, s, a = self.pack, self.lang, self.s, self.r.assessment
        out = [Section("A", self.t("section.appendix"), 1, (Para(self.t("appendix.intro")),), new_page=True)]

        def note(iid: str) -> str:
            ans = a.answers.get(iid)
            return ans.note if ans else ""

        reqs = sorted(
            pack.requirements_for(s.industry, s.path),
            key=lambda q: (list(pack.subdomains).index(q.subdomain), q.level, q.id),
        )
        out.append(
            Section(
                "A.1",
                self.t("appendix.requirements"),
                2,
                (
                    Table(
                        (
                            self.t("appendix.col.id"),
                            self.t("appendix.col.subdomain"),
                            self.t("appendix.col.level"),
                            self.t("appendix.col.requirement"),
                            self.t("appendix.col.answer"),
                            self.t("appendix.col.note"),
                        ),
                        tuple(
                            (
                                q.id,
                                self.sd_name(q.subdomain),
                                str(q.level),
                                q.text.get(lang),
                                answer_text(pack, q.id, a.value(q.id), lang),
                                note(q.id),
                            )
                            for q in reqs
                        ),
                        (0.09, 0.11, 0.06, 0.44, 0.11, 0.19),
                        "LLCLLL",
                    ),
                ),
            )
        )
        inds = pack.indicators_for(s.path)
        out.append(
            Section(
                "A.2",
                self.t("appendix.indicators"),
                2,
                (
                    Table(
                        (
                            self.t("appendix.col.id"),
                            self.t("appendix.col.indicator"),
                            self.t("appendix.col.value"),
                            self.t("appendix.col.targets"),
                            self.t("appendix.col.note"),
                        ),
                        tuple(
                            (
                                i.id,
                                i.name.get(lang),
                                answer_text(pack, i.id, a.value(i.id), lang),
                                ("；" if lang == "zh" else "; ").join(
                                    f"{t.label.get(lang)} {fmt_num(t.value)}{_unit(i.unit)}" for t in i.targets
                                )
                                or "—",
                                note(i.id),
                            )
                            for i in inds
                        ),
                        (0.16, 0.22, 0.14, 0.3, 0.18),
                        "LLRLL",
                    ),
                ),
            )
        )
        for num, key, items in (
            ("A.3", "conditions", [(c.id, c.text.get(lang)) for c in pack.conditions]),
            ("A.4", "scenarios", [(x.id, x.name.get(lang)) for x in pack.scenarios]),
        ):
            if not items:
                continue
            out.append(
                Section(
                    num,
                    self.t(f"appendix.{key}"),
                    2,
                    (
                        Table(
                            (
                                self.t("appendix.col.id"),
                                self.t(f"appendix.col.{key}"),
                                self.t("appendix.col.answer"),
                                self.t("appendix.col.note"),
                            ),
                            tuple(
                                (iid, text, answer_text(pack, iid, a.value(iid), lang), note(iid))
                                for iid, text in items
                            ),
                            (0.14, 0.5, 0.12, 0.24),
                            "LLCL",
                        ),
                    ),
                )
            )
        if a.plans:
            out.append(
                Section(
                    "A.5",
                    self.t("appendix.plans"),
                    2,
                    (
                        Table(
                            (
                                self.t("renewal.col.plan"),
                                self.t("renewal.col.plan_investment"),
                                self.t("renewal.col.financing"),
                                self.t("appendix.col.loan"),
                                self.t("appendix.col.rate"),
                                self.t("appendix.col.contract"),
                            ),
                            tuple(
                                (
                                    p.item,
                                    self.cny(p.investment_cny),
                                    tr(f"report.financing.{p.financing}", lang),
                                    self.cny(p.loan_cny),
                                    fmt_pct(p.rate, 2),
                                    self.cny(p.contract_cny),
                                )
                                for p in a.plans
                            ),
                            (0.22, 0.16, 0.12, 0.16, 0.12, 0.22),
                            "LRLRRR",
                        ),
                    ),
                )
            )
        return out
