"""Import: 1,000 bundles (.sfd, one assessment each, exported by the store from a generated
workspace) into an empty workspace, one ``Workspace.import_files([file])`` call — one transaction —
per bundle, as a consultant collecting files from enterprises would. Target ≥ 50 bundles/s.

Also recorded: the same bundles in one ``import_files(all)`` call (one transaction for all).

    uv run python benchmarks/import_bundles.py [--tiny] [--bundles 1000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common
import gen_workspace


def bundles(n: int) -> list[Path]:
    folder = _common.cache_dir() / f"bundles-{n}"
    done = folder / ".complete"
    if done.exists():
        return sorted(folder.glob("*.sfd"))
    from diag_app.store import Workspace

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    db, _meta = gen_workspace.cached((n + 2) // 3, 3, seed=3, limit=n)
    with Workspace.open(db) as ws:
        uuids = [r[0] for r in ws.conn.execute("SELECT uuid FROM assessments ORDER BY id").fetchall()]
        for i, uid in enumerate(uuids):
            ws.export_bundle(folder / f"{i:05d}.sfd", [uid])
    done.write_text("ok")
    return sorted(folder.glob("*.sfd"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiny", action="store_true")
    ap.add_argument("--bundles", type=int, default=_common.size(1_000, 5))
    args = ap.parse_args()
    t = _common.Timer()
    files = bundles(args.bundles)
    prepare_s = t()

    from diag_app.store import Workspace

    tmp = Path(tempfile.mkdtemp(prefix="diag-bench-import-"))
    per: list[float] = []
    added = rejected = 0
    with Workspace.open(tmp / "one-by-one.db") as ws:
        t = _common.Timer()
        for f in files:
            t1 = _common.Timer()
            s = ws.import_files([f])
            per.append(t1())
            added += len(s.added)
            rejected += len(s.rejected)
        each_s = t()
    with Workspace.open(tmp / "all-at-once.db") as ws:
        t = _common.Timer()
        s = ws.import_files(list(files))
        all_s = t()
        added_all = len(s.added)
    shutil.rmtree(tmp, ignore_errors=True)
    rate = len(files) / each_s
    _common.emit(
        "import_bundles",
        {
            "bundles": len(files),
            "bundle_kb_median": round(_common.median([f.stat().st_size for f in files]) / 1024, 1),
            "prepare_or_cache_s": round(prepare_s, 1),
            "one_per_call": {
                "seconds": round(each_s, 2),
                "per_s": round(rate, 1),
                "per_bundle_ms_median": _common.ms(_common.median(per)),
                "per_bundle_ms_p95": _common.ms(_common.pct(per, 95)),
                "added": added,
                "rejected": rejected,
            },
            "all_in_one_call": {"seconds": round(all_s, 2), "per_s": round(len(files) / all_s, 1), "added": added_all},
            "targets": {"bundles_per_s": _common.target(rate, 50, "min", "1/s")},
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
