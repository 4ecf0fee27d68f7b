"""Deterministic large workspaces for the benchmarks: N enterprises with K assessments each, every
assessment answered from the real pack (random but valid answers), the same bytes for the same seed.

The schema is made by the store (``Workspace.open`` runs the migrations); the rows then go in with
one bulk ``executemany`` transaction (the store's per-answer autosave path would take hours for
10 M answers), with each list summary computed by the same two model calls the store makes
(``score``, ``shanghai_tier``) — the store's own summary path runs at ~100/s here, see README. Audit rows are
not generated (the app writes one per answer; nothing measured here reads them).

    uv run python benchmarks/gen_workspace.py --enterprises 10000 --per 3 --seed 1 --out /tmp/ws.db
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
import uuid as uuidlib
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common

DISTRICTS = ("浦东新区", "闵行区", "嘉定区", "松江区", "金山区", "奉贤区", "青浦区", "宝山区", "临港新片区", "徐汇区")
WORDS = ("智驱", "精工", "芯联", "康宁", "新材", "锦绣", "华力", "申达", "东方", "远景", "恒通", "明德", "瑞丰", "通用")
TRADES = ("汽车零部件", "电子科技", "精密机械", "制药", "化工材料", "服饰", "装备制造", "智能装备", "医疗器械", "食品")
SUFFIX = ("有限公司", "股份有限公司", "科技有限公司")
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
RATINGS = (1.0, 0.8, 0.5, 0.0)
STAMP = "2026-11-20T08:00:00.000+00:00"


def _rating(rnd: random.Random, level: int, reached: int) -> Any:
    x = rnd.random()
    if x < 0.02:
        return "na"
    if level <= reached:
        return 1.0 if x < 0.75 else 0.8
    if level == reached + 1:
        return 0.8 if x < 0.2 else (0.5 if x < 0.8 else 0.0)
    return 0.5 if x < 0.25 else 0.0


_ITEMS: dict[tuple[str, str], Any] = {}


def _items(pack: Any, industry: str, path: str) -> Any:
    key = (industry, path)
    if key not in _ITEMS:
        _ITEMS[key] = (
            [(r.id, r.level, r.subdomain) for r in pack.requirements_for(industry, path)],
            [(i.id, i.min, i.max, i.optional) for i in pack.indicators_for(path)],
            [c.id for c in pack.conditions],
            [s.id for s in pack.scenarios],
        )
    return _ITEMS[key]


def answers_for(
    pack: Any, industry: str, path: str, rnd: random.Random, answered: float = 1.0
) -> list[tuple[str, Any]]:
    """(item id, value) pairs of one random valid assessment; ``answered`` is the share filled."""
    reqs, inds, conds, scens = _items(pack, industry, path)
    base = rnd.randint(0, 4)
    out: list[tuple[str, Any]] = []
    per_sd: dict[str, int] = {}
    for rid, level, sd in reqs:
        reached = per_sd.get(sd)
        if reached is None:
            reached = per_sd[sd] = max(0, min(5, base + rnd.choice((-1, 0, 0, 1))))
        out.append((rid, _rating(rnd, level, reached)))
    for iid, lo, hi, optional in inds:
        if optional and rnd.random() < 0.7:
            continue
        out.append((iid, round(lo + (hi - lo) * rnd.random(), 2)))
    for cid in conds:
        out.append((cid, rnd.random() < 0.9))
    for sid in scens:
        out.append((sid, rnd.random() < 0.4))
    if answered < 1.0:
        out = [a for a in out if rnd.random() < answered]
    return out


def credit_code(rnd: random.Random, seen: set[str]) -> str:
    from diag_app.model.assessment import make_credit_code

    while True:
        code = make_credit_code("91310" + "".join(rnd.choice(CODE_CHARS) for _ in range(12)))
        if code not in seen:
            seen.add(code)
            return code


def generate(
    out: Path,
    enterprises: int,
    per: int = 3,
    seed: int = 1,
    answered: float = 0.8,
    limit: int | None = None,
    store_summaries: bool = False,
) -> dict[str, Any]:
    """Write the workspace to ``out`` (replaced); ``limit`` caps the number of assessments.

    The list summaries are computed in the bulk transaction with the functions the store uses
    (``score`` and ``shanghai_tier``), or with ``store_summaries`` by the store itself on opening."""
    from diag_app.model.assessment import Answer, Assessment, Enterprise
    from diag_app.model.questionnaire import PATHS
    from diag_app.model.scoring import score
    from diag_app.model.tiers import shanghai_tier
    from diag_app.packs import default_pack
    from diag_app.store import Workspace

    out = Path(out)
    for p in (out, out.with_name(out.name + "-wal"), out.with_name(out.name + "-shm")):
        p.unlink(missing_ok=True)
    pack = default_pack()
    rnd = random.Random(seed)
    Workspace.open(out).close()  # backups where the app makes them: <folder>/backups

    t = _common.Timer()
    conn = sqlite3.connect(str(out), isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    industries = list(pack.industries)
    seen: set[str] = set()
    aid = 0
    n_answers = 0
    summaries: list[tuple[Any, ...]] = []
    packed_rows: list[tuple[int, str]] = []
    for i in range(enterprises):
        industry = rnd.choice(industries)
        path = pack.industries[industry].path or rnd.choice(PATHS)
        code = credit_code(rnd, seen)
        name = f"上海{rnd.choice(WORDS)}{rnd.choice(TRADES)}{i:05d}{rnd.choice(SUFFIX)}"
        district = rnd.choice(DISTRICTS)
        employees = rnd.randint(20, 5000)
        conn.execute(
            "INSERT INTO enterprises (credit_code, name, industry, path, district, employees, created, updated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (code, name, industry, path, district, employees, STAMP, STAMP),
        )
        for k in range(per):
            if limit is not None and aid >= limit:
                break
            aid += 1
            uid = str(uuidlib.UUID(int=rnd.getrandbits(128), version=4))
            year = 2026 - (per - 1 - k)
            date = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            status = "draft" if k == per - 1 and rnd.random() < 0.5 else "final"
            conn.execute(
                "INSERT INTO assessments (id, uuid, revision, credit_code, enterprise_name, industry, path, district,"
                " employees, pack_id, pack_version, mode, assessor, date, status, plans, created, updated, finalised,"
                " origin) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, '')",
                (
                    aid, uid, code, name, industry, path, district, employees, pack.id, pack.version,
                    rnd.choice(("self", "onsite")), rnd.choice(("王敏", "李强", "陈磊", "")), date, status,
                    STAMP, STAMP, STAMP if status == "final" else None,
                ),
            )  # fmt: skip
            pairs = answers_for(pack, industry, path, rnd, answered if status == "draft" else 1.0)
            rows = [(aid, item, json.dumps(v), "", "", STAMP) for item, v in pairs]
            n_answers += len(rows)
            if not store_summaries:
                a = Assessment(pack.id, pack.version, Enterprise(name, code, industry, path, district, employees),
                               answers={item: Answer(item, v) for item, v in pairs})  # fmt: skip
                s = score(pack, a)
                packed = json.dumps(dict(pairs), ensure_ascii=False, sort_keys=True)
                summaries.append(
                    (aid, shanghai_tier(pack, s).tier, float(s.s), int(s.level), s.answered, s.total, STAMP)
                )
                packed_rows.append((aid, packed))
            conn.executemany(
                "INSERT INTO answers (assessment_id, item_id, value, note, who, updated) VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
    conn.executemany(
        "INSERT INTO summaries (assessment_id, tier, score, level, answered, total, computed) VALUES (?, ?, ?, ?, ?, ?, ?)",
        summaries,
    )
    conn.executemany("INSERT INTO packed_answers (assessment_id, answer_values) VALUES (?, ?)", packed_rows)
    conn.execute("COMMIT")
    conn.close()
    insert_s = t()

    t = _common.Timer()
    ws = Workspace.open(out)  # computes missing summaries (none: the bulk path wrote them)
    summaries_s = t()
    ws.close()
    meta = {
        "enterprises": enterprises,
        "assessments": aid,
        "answers": n_answers,
        "seed": seed,
        "per": per,
        "answered": answered,
        "insert_s": round(insert_s, 2),
        "open_s": round(summaries_s, 2),
        "summaries_by": "store" if store_summaries else "bulk",
        "size_mb": round(out.stat().st_size / 1e6, 1),
    }
    out.with_name(out.name + ".meta.json").write_text(json.dumps(meta, indent=2), "utf-8")
    return meta


def cached(enterprises: int, per: int = 3, seed: int = 1, limit: int | None = None) -> tuple[Path, dict[str, Any]]:
    """The workspace for these parameters under the cache folder, generated on first use (per
    schema version: a file of an older schema would be migrated by the first run that opens it)."""
    from diag_app.store.migrations import LATEST

    tag = f"ws-v{LATEST}-e{enterprises}-p{per}-s{seed}" + (f"-l{limit}" if limit else "")
    path = _common.cache_dir() / f"{tag}.db"
    meta_file = path.with_name(path.name + ".meta.json")
    if path.exists() and meta_file.exists():
        return path, json.loads(meta_file.read_text("utf-8"))
    meta = generate(path, enterprises, per, seed, limit=limit)
    return path, meta


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--enterprises", type=int, default=_common.size(10_000, 30))
    ap.add_argument("--per", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--answered", type=float, default=0.8, help="share of items a draft has answered")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--tiny", action="store_true")
    args = ap.parse_args()
    out = args.out or _common.cache_dir() / f"ws-e{args.enterprises}-p{args.per}-s{args.seed}.db"
    t0 = time.perf_counter()
    meta = generate(out, args.enterprises, args.per, args.seed, args.answered)
    print(json.dumps({"out": str(out), "total_s": round(time.perf_counter() - t0, 2), **meta}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
