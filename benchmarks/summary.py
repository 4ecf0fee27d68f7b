"""Print the results table of benchmarks/README.md from benchmarks/results/*.json (or another folder).

uv run python benchmarks/summary.py [results-folder]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ORDER = ("startup", "scoring", "report", "workspace", "import_bundles", "interaction")


def fmt(v: float, unit: str) -> str:
    if unit == "x":
        return f"{v:.2f}×"
    if unit == "1/s":
        return f"{v:,.0f}/s"
    if unit == "ms":
        return f"{v:,.1f} ms"
    if unit == "s":
        return f"{v:.2f} s"
    return f"{v:,.1f} {unit}".strip()


def rows(folder: Path) -> list[str]:
    out = ["| measure | target | result | baseline / detail | met |", "|---|---|---|---|---|"]
    for name in ORDER:
        f = folder / f"{name}.json"
        if not f.exists():
            continue
        r = json.loads(f.read_text("utf-8"))
        details = {
            "startup": lambda r: (
                f"app {r['shown_s']['app']} s vs bare window {r['shown_s']['baseline']} s (median of {r['runs']})"
            ),
            "scoring": lambda r: (
                f"{r['rescore']['assessments']:,} stored, {r['rescore']['seconds']} s; 10,000 ≈ {r['rescore']['extrapolated_10000_s']} s"
            ),
            "report": lambda r: (
                f"cold {r['cold_s']['app']} vs {r['cold_s']['baseline']} s; warm {r['warm_s']['app']} vs {r['warm_s']['baseline']} s"
            ),
            "workspace": lambda r: f"query {r['list_query_ms']} ms; open assessment {r['open_assessment_ms']} ms",
            "import_bundles": lambda r: (
                f"{r['bundles']:,} bundles in {r['one_per_call']['seconds']} s; p95 {r['one_per_call']['per_bundle_ms_p95']} ms"
            ),
            "interaction": lambda r: (
                f"debounce {r['debounce_ms']} ms; save p95 {r['save_ms']['p95']} ms; chart redraw {r['chart_redraw_ms_median']} ms"
            ),
        }[name](r)
        for key, t in r["targets"].items():
            limit = ("≤ " if t["kind"] == "max" else "≥ ") + fmt(t["limit"], t["unit"])
            out.append(
                f"| {name}: {key} | {limit} | {fmt(t['value'], t['unit'])} | {details} | {'yes' if t['ok'] else '**no**'} |"
            )
    return out


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "results"
    print("\n".join(rows(folder)))
