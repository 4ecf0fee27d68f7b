"""Advice: the whole diagnosis with suggestions, support and the staged roadmap (``diagnose``) on
the examples, the three example plants and random assessments (target: median ≤ 1 s, every example
≤ 3 s), and how often the roadmap search is proven exhaustive within its node limit.

    uv run python benchmarks/advice.py [--tiny] [--random N]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common
import gen_workspace


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiny", action="store_true")
    ap.add_argument("--random", type=int, default=_common.size(24, 2), help="random assessments")
    args = ap.parse_args()

    from diag_app.assessment_file import read_assessment_file
    from diag_app.model.assessment import Answer, Assessment, Enterprise
    from diag_app.model.diagnosis import diagnose
    from diag_app.packs import default_pack

    pack = default_pack()
    examples = sorted((_common.ROOT / "examples").glob("*.json")) + sorted(
        (_common.ROOT / "examples" / "plants").glob("*.json")
    )
    if _common.tiny():
        examples = examples[:2]
    cases: list[tuple[str, Assessment]] = []
    for f in examples:
        _p, a = read_assessment_file(f)
        cases.append((f.stem, a))
    rnd = random.Random(11)
    industries = list(pack.industries)
    for i in range(args.random):
        industry = industries[i % len(industries)]
        path = pack.industries[industry].path or rnd.choice(("discrete", "process"))
        pairs = gen_workspace.answers_for(pack, industry, path, rnd)
        e = Enterprise("基准企业", "91310115MA1K4AUT0E", industry, path)
        a = Assessment(pack.id, pack.version, e, answers={k: Answer(k, v) for k, v in pairs})
        cases.append((f"random-{i}-{industry}", a))

    per_case: dict[str, dict[str, object]] = {}
    times = []
    example_times = []
    proven = total_stages = 0
    for name, a in cases:
        t = _common.Timer()
        r = diagnose(pack, a)
        dt = t()
        times.append(dt)
        if not name.startswith("random-"):
            example_times.append(dt)
        rm = r.roadmap
        stages = rm.stages if rm else ()
        total_stages += len(stages)
        proven += sum(1 for s in stages if s.exhaustive)
        per_case[name] = {
            "ms": _common.ms(dt),
            "suggestions": len(r.suggestions),
            "stages": [(s.ladder, s.target, s.reachable, s.exhaustive, len(s.steps)) for s in stages],
        }
    median_s = _common.median(times)
    worst_example = max(example_times) if example_times else 0.0
    _common.emit(
        "advice",
        {
            "diagnose_ms_median": _common.ms(median_s),
            "diagnose_ms_p95": _common.ms(_common.pct(times, 95)),
            "diagnose_ms_max": _common.ms(max(times)),
            "examples_ms_max": _common.ms(worst_example),
            "stages_proven_exhaustive": f"{proven}/{total_stages}",
            "per_case": per_case,
            "targets": {
                "diagnose_median_s": _common.target(median_s, 1.0, "max", "s"),
                "examples_max_s": _common.target(worst_example, 3.0, "max", "s"),
            },
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
