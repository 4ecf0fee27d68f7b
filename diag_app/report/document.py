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
    signed: bool = False  # the PDF is signed after rendering (the cover says which; verify checks)

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


def report_id_for(digest: str, generated: str) -> str:
    return f"SFD-{generated.replace('-', '')}-{digest[:8].upper()}"
