"""The report as plain data: a cover, then numbered sections of paragraphs, key–value blocks,
tables and figure references.

Nothing here knows reportlab or matplotlib, so what the report says can be tested as data; the
sections are built by ``content.build_report`` and laid out by ``pdf``/``layout``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

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
    compact: bool = False  # a reference table set smaller (the answer grid, the product defaults)


@dataclass(frozen=True)
class FigureRef:
    chart: Literal["radar", "level_bars", "indicator_chart"]
    caption: str
    width: float = 1.0  # fraction of the text width


@dataclass(frozen=True)
class Signatures:
    """Where people sign and seal by hand (one line each: who, and a date), and the reserved,
    empty box for the visible digital signature."""

    rows: tuple[str, ...]  # e.g. "评估人（签字）", "企业（盖章）"
    date_label: str
    box_label: str  # printed under the digital signature box


Block = Para | KeyValues | Table | FigureRef | Signatures


@dataclass(frozen=True)
class Section:
    number: str  # "1", "4.2", "A.1"
    title: str
    level: int  # 1, 2 or 3
    blocks: tuple[Block, ...] = ()
    new_page: bool = False
    keep: bool = False  # the whole section on one page (the signature page)


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
    signed: bool = False  # the PDF is signed after rendering (the cover says which; verify checks)
    appendix: bool | None = None  # the answer appendix; None: on for on-site assessments only

    @classmethod
    def of(cls, meta: ReportMeta | Mapping[str, Any] | None) -> ReportMeta:
        if meta is None:
            return cls()
        if isinstance(meta, ReportMeta):
            return meta
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in meta.items() if k in known})

    def to_data(self) -> dict[str, Any]:
        """Every rendering option as JSON data (a report records it; rendering ``from_data`` of it
        again gives the same pages)."""
        return {
            "report_id": self.report_id,
            "generated": self.generated,
            "app_version": self.app_version,
            "signed": self.signed,
            "appendix": self.appendix,
            "evidence": {
                item: [{"name": ev.name, "sha256": ev.sha256} for ev in map(_evidence, files)]
                for item, files in sorted(self.evidence.items())
            },
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> ReportMeta:
        """The inverse of ``to_data``. report.json is untrusted input for verify: an unknown key or
        a wrong type raises ValueError naming it."""
        unknown = sorted(set(data) - {"report_id", "generated", "app_version", "signed", "appendix", "evidence"})
        if unknown:
            raise ValueError(f"render.{unknown[0]}: not a rendering option")

        def text(key: str) -> str:
            v = data.get(key, "")
            if not isinstance(v, str):
                raise ValueError(f"render.{key}: not a string")
            return v

        appendix = data.get("appendix")
        if appendix is not None and not isinstance(appendix, bool):
            raise ValueError("render.appendix: not true, false or null")
        signed = data.get("signed", False)
        if not isinstance(signed, bool):
            raise ValueError("render.signed: not true or false")
        raw = data.get("evidence") or {}
        if not isinstance(raw, Mapping):
            raise ValueError("render.evidence: not an object")
        evidence: dict[str, tuple[Evidence, ...]] = {}
        for item, files in raw.items():
            if not isinstance(item, str) or not isinstance(files, list):
                raise ValueError("render.evidence: not a list of files per item")
            out = []
            for f in files:
                if not (
                    isinstance(f, Mapping) and isinstance(f.get("name"), str) and isinstance(f.get("sha256", ""), str)
                ):
                    raise ValueError(f"render.evidence.{item}: not a file name and digest")
                out.append(Evidence(f["name"], f.get("sha256", "")))
            evidence[item] = tuple(out)
        return cls(text("report_id"), text("generated"), evidence, text("app_version"), signed, appendix)

    def shows_appendix(self, mode: str) -> bool:
        return (mode == "onsite") if self.appendix is None else self.appendix


def _evidence(ev: Any) -> Evidence:
    """An Evidence, or the (name, sha256) pair a caller may pass instead."""
    return ev if isinstance(ev, Evidence) else Evidence(*ev)


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
    draft: bool = False  # a draft or provisional assessment: every page carries ``watermark``
    watermark: str = ""

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
    if isinstance(b, Signatures):
        return [*b.rows, b.date_label, b.box_label]
    return [b.caption]


def report_id_for(digest: str, generated: str) -> str:
    return f"SFD-{generated.replace('-', '')}-{digest[:8].upper()}"
