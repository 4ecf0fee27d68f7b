"""The one place that formats money, numbers, scores and percentages for people to read.

Rules the report, the CLI and the GUI share: thousands separators; no trailing zeros; a score
always with two decimals; money in 万元 (Chinese) or CNY (English); a value that does not apply
is "—", never "0".
"""

from __future__ import annotations

NOT_APPLICABLE = "—"


def fmt_num(v: float | int | None, digits: int = 2) -> str:
    """Thousands separators; no trailing zeros on whole numbers."""
    if v is None:
        return NOT_APPLICABLE
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.{digits}f}".rstrip("0").rstrip(".")


def fmt_cny(v: float, lang: str = "zh") -> str:
    """An amount of CNY as a reviewer expects it: 万元 in Chinese, CNY in English."""
    if lang == "zh":
        wan = v / 10_000
        return f"{fmt_num(round(wan, 2))} 万元"
    return f"CNY {fmt_num(round(v))}"


def fmt_cny_if(v: float | None, lang: str = "zh") -> str:
    """An amount that may not apply (no loan, no contract): "—" for none or zero."""
    return NOT_APPLICABLE if not v else fmt_cny(v, lang)


def fmt_pct(v: float | None, digits: int = 1) -> str:
    """A fraction 0–1 as a percentage, without trailing zeros: 0.05 → "5%", 0.0435 → "4.35%"."""
    if v is None:
        return NOT_APPLICABLE
    return f"{fmt_num(round(v * 100, digits), digits)}%"


def fmt_cny_range(low: float, high: float, lang: str = "zh") -> str:
    """A range of CNY with the unit once: "30–150 万元", "CNY 300,000 – 1,500,000" (in English
    spaced, so that a narrow column breaks at the dash, never inside a number)."""
    if low == high:
        return fmt_cny(low, lang)
    if lang == "zh":
        return f"{fmt_num(round(low / 10_000, 2))}–{fmt_cny(high, lang)}"
    return f"CNY {fmt_num(round(low))} – {fmt_num(round(high))}"


def fmt_score(v: float | None) -> str:
    """A maturity score (S, a sub-domain's or a level's score, 0–5): always two decimals, as the
    report prints it ("2.50", not "2.5")."""
    if v is None:
        return "—"
    return f"{v:.2f}"


def fmt_delta(v: float) -> str:
    """A change of score, signed: "+0.35", "-0.10", "+0.00"."""
    return f"{v + 0.0:+.2f}" if abs(v) >= 0.005 else "+0.00"


def fmt_size(n: int) -> str:
    """A file size in bytes, KB or MB (1 KB = 1,024 bytes)."""
    if n >= 1_048_576:
        return f"{fmt_num(round(n / 1_048_576, 1), 1)} MB"
    if n >= 1024:
        return f"{fmt_num(round(n / 1024))} KB"
    return f"{n} B"
