"""The diagnosis report as data (``document.Report``), built from (pack, Result, lang, meta).

This module assembles the cover and puts the sections in order; each section is built in
``sections/``, the wording comes from the one translation table (messages/report.py) and
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
from .sections.appendix import appendix, disclaimers
from .sections.context import Ctx
from .sections.detail import detail
from .sections.plan import renewal, roadmap
from .sections.summary import charts, national, summary


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

    e = a.enterprise
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
            (c.t("cover.revision"), str(a.revision)),
            (c.t("cover.report_id"), report_id),
            (c.t("cover.generated"), generated),
            (c.t("cover.pack"), c.paren(pack.name.get(lang), f"{pack.id} {pack.version}")),
            (c.t("cover.app"), c.t("cover.app_value", version=version)),
            (c.t("cover.digest"), digest),
        )
    )
    notes = (
        Para(c.t("cover.nature"), "note"),
        Para(c.t("cover.verify", digest=digest[:16]), "small"),
    )
    sections = (
        summary(c),
        national(c),
        charts(c),
        *detail(c),
        renewal(c),
        roadmap(c),
        disclaimers(c),
        *appendix(c),
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
