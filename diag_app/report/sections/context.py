"""What every section builder works from, with the few wording helpers they all use."""

from __future__ import annotations

from typing import Any

from ...describe import check_text, tier_claim
from ...i18n import tr
from ...model.diagnosis import Result
from ...model.questionnaire import Pack
from ...model.tiers import Check
from ...money import fmt_cny, fmt_cny_range
from ..document import ReportMeta


class Ctx:
    def __init__(self, pack: Pack, result: Result, lang: str, meta: ReportMeta):
        self.pack, self.r, self.lang, self.meta = pack, result, lang, meta
        self.s = result.scores

    def t(self, key: str, /, **kw: Any) -> str:
        return tr(f"report.{key}", self.lang, **kw)

    def check(self, c: Check) -> str:
        return check_text(self.pack, c, self.lang, self.s.s)

    def claim(self, tier_id: str) -> str:
        """A tier as the report may claim it ("meets the self-assessment threshold for …")."""
        return tier_claim(self.pack, tier_id, self.lang)

    def cny(self, v: float) -> str:
        return fmt_cny(v, self.lang)

    def span(self, low: float, high: float) -> str:
        return fmt_cny_range(low, high, self.lang)

    def catalog_name(self, item_id: str) -> str:
        """A renewal item by its name (never its internal id, unless the catalogue lacks it)."""
        item = next((x for x in self.pack.catalog if x.id == item_id), None)
        return item.name.get(self.lang) if item else item_id

    def sd_name(self, sd: str) -> str:
        return self.pack.subdomains[sd].name.get(self.lang)

    def join(self, parts: Any, sep: str = ";") -> str:
        """A list in running text: "、"/"；" in Chinese, ", "/"; " in English."""
        if sep == ",":
            return ("、" if self.lang == "zh" else ", ").join(parts)
        return ("；" if self.lang == "zh" else "; ").join(parts)

    def paren(self, text: str, inner: str) -> str:
        """``text (inner)`` with the parentheses of the language."""
        return f"{text}（{inner}）" if self.lang == "zh" else f"{text} ({inner})"

    def colon(self, label: str, text: str) -> str:
        return f"{label}：{text}" if self.lang == "zh" else f"{label}: {text}"
