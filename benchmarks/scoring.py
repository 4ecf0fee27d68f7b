"""Scoring: one full assessment through ``model.scoring.score`` (target ≤ 2 ms each), and rescoring
stored assessments from the database with ``Workspace.rescore_all`` (target ≥ 2,000/s; from
``summaries.POOL_FROM`` assessments on it uses a worker process per core).

    uv run python benchmarks/scoring.py [--tiny] [--stored N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common
import gen_workspace


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiny", action="store_true")
    ap.add_argument("--stored", type=int, default=_common.size(10_000, 30), help="assessments to rescore")
    ap.add_argument("--repeat", type=int, default=_common.size(300, 5), help="score() calls per assessment")
    args = ap.parse_args()

    import random

    from diag_app.assessment_file import read_assessment_file
    from diag_app.model.assessment import Answer, Assessment, Enterprise
    from diag_app.model.scoring import score, score_values
    from diag_app.model.tiers import shanghai_tier
    from diag_app.packs import default_pack
    from diag_app.store import Workspace
    from diag_app.store.summaries import POOL_FROM

    pack = default_pack()
    cases = []
    for f in sorted((_common.ROOT / "examples").glob("*.json")):
        _p, a = read_assessment_file(f)
        cases.append((f.stem, a))
    rnd = random.Random(7)
    for industry in pack.industries:
        path = pack.industries[industry].path or "discrete"
        pairs = gen_workspace.answers_for(pack, industry, path, rnd)
        e = Enterprise("基准企业", "91310115MA1K4AUT0E", industry, path)
        cases.append(
            (f"random-{industry}", Assessment(pack.id, pack.version, e, answers={i: Answer(i, v) for i, v in pairs}))
        )

    per_call: dict[str, float] = {}
    all_calls: list[float] = []
    for name, a in cases:
        score(pack, a)  # warm
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            score(pack, a)
            times.append(time.perf_counter() - t0)
        per_call[name] = _common.ms(_common.median(times))
        all_calls += times
    tier_times = []
    for _name, a in cases:
        t0 = time.perf_counter()
        shanghai_tier(pack, score(pack, a))
        tier_times.append(time.perf_counter() - t0)
    one_ms = _common.median(all_calls) * 1000
    p95_ms = _common.pct(all_calls, 95) * 1000

    # rescoring from the database: the store's rescore_all on a generated workspace (copied, so the
    # cached file stays as generated)
    per = 3
    src, meta = gen_workspace.cached((args.stored + per - 1) // per, per, seed=2, limit=args.stored)
    work = _common.cache_dir() / "rescore-work.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    shutil.copyfile(src, work)
    ws = Workspace.open(work, backups_dir=_common.cache_dir() / "rescore-backups")
    t = _common.Timer()
    n = ws.rescore_all()
    rescore_s = t()
    ws.close()
    rate = n / rescore_s

    # where the time goes, per assessment: reading its packed answers (one row, JSON), score(), the
    # rest (tier, upsert, transaction)
    ws = Workspace.open(work, backups_dir=_common.cache_dir() / "rescore-backups")
    sql = """SELECT a.industry, a.path, p.answer_values FROM assessments a
             JOIN packed_answers p ON p.assessment_id = a.id ORDER BY a.id LIMIT 500"""
    t = _common.Timer()
    loaded = [(industry, path, json.loads(packed)) for industry, path, packed in ws.conn.execute(sql)]
    read_ms = t() / len(loaded) * 1000
    t = _common.Timer()
    for industry, path, values in loaded:
        score_values(pack, industry, path or pack.industries[industry].path, values)
    score_ms = t() / len(loaded) * 1000
    ws.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)

    _common.emit(
        "scoring",
        {
            "score_one_ms_median": round(one_ms, 3),
            "score_one_ms_p95": round(p95_ms, 3),
            "score_tier_ms_median": _common.ms(_common.median(tier_times)),
            "per_case_ms": per_call,
            "rescore": {
                "assessments": n,
                "seconds": round(rescore_s, 2),
                "per_s": round(rate, 1),
                "extrapolated_10000_s": round(10_000 / rate, 1),
                # wall time per assessment (worker processes from summaries.POOL_FROM on), and
                # what one core spends on the two big parts of each
                "per_assessment_ms": {"wall": round(rescore_s / n * 1000, 2)},
                "one_core_ms": {"decode_packed_answers": round(read_ms, 2), "score": round(score_ms, 2)},
                "workers": min(os.cpu_count() or 1, 8) if n >= POOL_FROM and (os.cpu_count() or 1) > 1 else 0,
                "db": meta,
            },
            "targets": {
                "score_one_ms": _common.target(one_ms, 2.0, "max", "ms"),
                "rescore_per_s": _common.target(rate, 2000, "min", "1/s"),
            },
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
