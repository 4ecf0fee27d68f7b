"""The cached list summaries: what they hold, and computing many of them on every core.

A summary is (tier, score, level, answered, total, error) of one revision, from its answer values
and the pack it was made with. It is derived data: failing to compute one is recorded in it, never
raised, so it can never stop an answer from being saved.

Refreshing thousands at once (after a migration, or ``Workspace.rescore_all``) is one core's worth
of Python per revision (~0.6 ms: decoding its packed answers, ``score``, the tier). From
``POOL_FROM`` revisions on, batches are summarised in worker processes while the workspace writes
the results; the model is pure and each worker reads its batch and finds the pack itself, so only
ids and summaries cross the pipes. Where no pool can be started, the same function runs here.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Iterator, Mapping
from typing import Any

from ..model.questionnaire import Pack
from ..packs import PackError, PackNotFound, find_pack
from .errors import PackUnavailable

log = logging.getLogger(__name__)

Summary = tuple[str | None, float | None, int | None, int | None, int | None, str | None]
# (revision id, its summary, its packed answer values to write, or None to keep those stored)
Computed = tuple[int, Summary, str | None]

POOL_FROM = 2_000  # below this, starting worker processes (~0.6 s each) costs more than it saves
_PACKS: dict[tuple[str, str], Pack | None] = {}  # per process: shipped data, never changes while running


def pack_for(pack_id: str, version: str) -> Pack:
    """The installed pack (finding one parses every pack.yaml, ~0.1 s, so once per process)."""
    key = (pack_id, version)
    if key not in _PACKS:
        try:
            _PACKS[key] = find_pack(pack_id, version)
        except (PackNotFound, PackError):
            _PACKS[key] = None
    pack = _PACKS[key]
    if pack is None:
        raise PackUnavailable(pack_id, version)
    return pack


def summary_of(row: Mapping[str, Any], values: Mapping[str, Any]) -> Summary:
    """The values are those of ``diagnose(pack, a).scores`` and ``.tier``; only the two calls
    they come from are made, because diagnose's renewal suggestions rescore the assessment dozens
    of times (~40x slower), too slow for a summary refreshed on every keystroke."""
    from ..model.scoring import score_values
    from ..model.tiers import shanghai_tier

    try:
        pack = pack_for(row["pack_id"], row["pack_version"])
        path = row["path"] or pack.industries[row["industry"]].path
        if path is None:
            raise ValueError(f"no production path for industry {row['industry']!r}")
        na = json.loads(row["na_subdomains"]) if row.get("na_subdomains") else {}
        scores = score_values(pack, row["industry"], path, values, na)
        tier = shanghai_tier(pack, scores).tier
        return (tier, float(scores.s), int(scores.level), int(scores.answered), int(scores.total), None)
    except Exception as e:
        return (None, None, None, None, None, f"{type(e).__name__}: {e}"[:500])


def values_of(conn: sqlite3.Connection, assessment_id: int) -> dict[str, Any]:
    """A revision's answer values (item id → value), from the answers table."""
    rows = conn.execute("SELECT item_id, value FROM answers WHERE assessment_id = ?", (assessment_id,))
    return {item: json.loads(value) for item, value in rows}


def current_values(conn: sqlite3.Connection, assessment_id: int) -> dict[str, Any]:
    """A revision's answer values from their packed copy (one row), or from the answers table
    where there is none yet."""
    row = conn.execute("SELECT answer_values FROM packed_answers WHERE assessment_id = ?", (assessment_id,)).fetchone()
    return json.loads(row[0]) if row else values_of(conn, assessment_id)


def packed(values: Mapping[str, Any]) -> str:
    """Answer values as kept in ``packed_answers``."""
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def compute(conn: sqlite3.Connection, ids: list[int]) -> list[Computed]:
    """The summaries of these revisions, read in one snapshot: the answers from their packed copy
    where there is one (one row instead of ~330), from the answers table where not (a summary
    written before migration 3; the packed copy made then is returned to be written)."""
    conn.execute("BEGIN")
    try:
        cur = conn.execute(
            f"""SELECT a.id, a.pack_id, a.pack_version, a.industry, a.path, a.na_subdomains, p.answer_values
                FROM assessments a LEFT JOIN packed_answers p ON p.assessment_id = a.id
                WHERE a.id IN ({",".join("?" * len(ids))})""",
            ids,
        )
        keys = [d[0] for d in cur.description]
        out: list[Computed] = []
        for r in cur.fetchall():
            row = dict(zip(keys, r, strict=True))
            if row["answer_values"] is None:
                values = values_of(conn, row["id"])
                out.append((row["id"], summary_of(row, values), packed(values)))
            else:
                out.append((row["id"], summary_of(row, json.loads(row["answer_values"])), None))
        return out
    finally:
        conn.execute("COMMIT")


_CONNS: dict[str, sqlite3.Connection] = {}  # a worker's own connection to each workspace


def _compute_in_worker(path: str, ids: list[int]) -> list[Computed]:
    """A pool worker's unit of work (a top-level function, so a spawned process can import it):
    it reads its batch itself, so only ids and results cross the pipe."""
    conn = _CONNS.get(path)
    if conn is None:
        conn = _CONNS[path] = sqlite3.connect(path, isolation_level=None)
    return compute(conn, ids)


def summarise(conn: sqlite3.Connection, path: str, chunks: list[list[int]]) -> Iterator[list[Computed]]:
    """Each chunk's summaries, in order: in a worker process per core when there are ``POOL_FROM``
    or more revisions, else (or where the pool cannot start or breaks) through ``conn``."""
    cores = os.cpu_count() or 1
    if sum(map(len, chunks)) < POOL_FROM or cores < 2:
        for ids in chunks:
            yield compute(conn, ids)
        return
    import multiprocessing
    from concurrent.futures import Executor, Future, ProcessPoolExecutor

    pool: Executor | None = None
    futures: list[Future[list[Computed]]] = []
    try:
        # spawn, never fork: the GUI's threads and Qt must not be copied into a child
        pool = ProcessPoolExecutor(max_workers=min(cores, 8), mp_context=multiprocessing.get_context("spawn"))
        futures = [pool.submit(_compute_in_worker, path, ids) for ids in chunks]
    except Exception as e:  # no processes here (a sandbox, a broken frozen build): one core it is
        log.warning("summaries: no worker processes (%s), computing them here", e)
    try:
        for i, ids in enumerate(chunks):
            try:
                result = futures[i].result() if futures else compute(conn, ids)
            except Exception as e:  # a worker died: this chunk here, the rest as they come
                log.warning("summaries: a worker failed (%s), computing its chunk here", e)
                result = compute(conn, ids)
            yield result
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
