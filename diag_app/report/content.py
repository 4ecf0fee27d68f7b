"""The diagnosis report as data (``document.Report``), built from (pack, Result, lang, meta).

This module assembles the cover and puts the sections in order; each section is built in
``sections/``, the wording comes from the one translation table (messages/report*.py) and
describe.py, the arithmetic from ``model.targets``. Nothing here knows reportlab or matplotlib.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from .. import app_version
from ..describe import tier_name
from ..i18n import tr
from ..model.diagnosis import Result
from ..model.questionnaire import Pack
from .document import KeyValues, Para, Report, ReportMeta, report_id_for
from .integrity import canonical_bytes, sha256_hex
from .sections.appendix import appendix
from .sections.closing import disclaimers, evidence_index, signatures
from .sections.context import Ctx
from .sections.findings import findings
from .sections.plan import plan
from .sections.scope import scope
from .sections.summary import results, summary


def draft_reasons(result: Result) -> tuple[str, ...]:
    """Why a report of this result is a draft: "status" (the assessment is not final) and/or
    "unanswered" (items are still unanswered, so the result is provisional); () when it is not."""
    out = []
    if result.assessment.status != "final":
        out.append("status")
    if result.scores.provisional:
        out.append("unanswered")
    return tuple(out)


def draft_warning(result: Result, lang: str) -> str:
    """What the export dialog tells the user before a draft is exported ("" for a final, complete
    assessment): the report will carry the 草稿 / 未定稿 mark on every page, and why."""
    reasons = draft_reasons(result)
    if not reasons:
        return ""
    why = [tr(f"report.draft.why.{r}", lang, n=len(result.scores.missing)) for r in reasons]
    return tr("report.draft.warning", lang, why=("；" if lang == "zh" else "; ").join(why))


def build_report(
    pack: Pack, result: Result, lang: str = "zh", meta: ReportMeta | Mapping[str, Any] | None = None
) -> Report:
    m = ReportMeta.of(meta)
    a = result.assessment
    digest = sha256_hex(canonical_bytes(a))
    generated = m.generated or date.today().isoformat()
    report_id = m.report_id or report_id_for(digest, generated)
    version = m.app_version or app_version()
    c = Ctx(pack, result, lang, m)
    draft = draft_reasons(result)

    e = a.enterprise
    status = c.t("status.final") if not draft else c.t("status.draft")
    cover = KeyValues(
        (
            (c.t("cover.enterprise"), e.name),
            (c.t("cover.credit_code"), e.credit_code),
            (c.t("cover.industry"), pack.industries[e.industry].name.get(lang)),
            (c.t("cover.path"), pack.paths[result.scores.path].get(lang)),
            (c.t("cover.district"), e.district or "—"),
            (c.t("cover.date"), a.date or "—"),
            (c.t("cover.mode"), c.t(f"mode.{a.mode}")),
            (c.t("cover.assessor"), a.assessor or "—"),
            (c.t("cover.status"), status),
            (c.t("cover.revision"), str(a.revision)),
            (c.t("cover.report_id"), report_id),
            (c.t("cover.generated"), generated),
            (c.t("cover.pack"), c.paren(pack.name.get(lang), f"{pack.id} {pack.version}")),
            (c.t("cover.app"), c.t("cover.app_value", version=version)),
            (c.t("cover.digest"), digest),
        )
    )
    sections = [
        summary(c),
        *scope(c),
        *results(c),
        *findings(c),
        *plan(c),
        evidence_index(c),
        disclaimers(c),
        signatures(c),
        *appendix(c),
    ]
    notes = []
    if draft:
        why = [c.t(f"draft.why.{r}", n=len(result.scores.missing)) for r in draft]
        notes.append(Para(c.t("draft.cover", why=c.join(why)), "warn"))
    notes += [
        Para(c.t("cover.nature"), "note"),
        Para(c.t("cover.signed", section="8") if m.signed else c.t("cover.unsigned"), "note"),
        Para(c.t("cover.verify", digest=digest[:16]), "small"),
    ]
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
        cover_notes=tuple(notes),
        sections=tuple(sections),
        printed=printed,
        draft=bool(draft),
        watermark=c.t("draft.watermark") if draft else "",
    )
