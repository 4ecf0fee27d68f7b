"""The cached list summaries: what they hold, and computing many of them on every core.

A summary is (tier, score, level, answered, total, error) of one revision, from its answer values
and the pack it was made with. It is derived data: failing to compute one is recorded in it, never
raised, so it can never stop an answer from being saved.

Refreshing thousands at once (after a migration, or ``Workspace.rescore_all``) is one core's worth
of Python per revision (~0.6 ms: decoding its packed answers, ``score``, the tier). From
``POOL_FROM`` revisions on, the batches are summarised in worker processes while the workspace
writes the results; the model is pure and each worker finds the pack itself, so a batch travels as
rows and JSON text. Where no pool can be started, the same function runs in this process.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..model.questionnaire import Pack
from ..packs import PackError, PackNotFound, find_pack
from .errors import PackUnavailable

log = logging.getLogger(__name__)

Summary = tuple[str | None, float | None, int | None, int | None, int | None, str | None]
# (row: id, pack_id, pack_version, industry, path; the revision's answer values as JSON)
Item = tuple[dict[str, Any], str]

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
        scores = score_values(pack, row["industry"], path, values)
        tier = shanghai_tier(pack, scores).tier
        return (tier, float(scores.s), int(scores.level), int(scores.answered), int(scores.total), None)
    except Exception as e:
        return (None, None, None, None, None, f"{type(e).__name__}: {e}"[:500])


def summaries_of(items: list[Item]) -> list[Summary]:
    """One batch's summaries: the unit of work of a pool's worker (a plain top-level function, so
    a spawned process can import it)."""
    return [summary_of(row, json.loads(packed)) for row, packed in items]


def summarise(batches: Iterable[list[Item]], count: int) -> Iterator[tuple[list[Item], list[Summary]]]:
    """Each batch with its summaries, in order: in worker processes when there are ``POOL_FROM``
    or more revisions and more than one core, else (or if the pool breaks) in this process."""
    cores = os.cpu_count() or 1
    if count < POOL_FROM or cores < 2:
        for batch in batches:
            yield batch, summaries_of(batch)
        return
    import multiprocessing
    from concurrent.futures import Executor, ProcessPoolExecutor

    batches = list(batches)
    pool: Executor | None = None
    try:
        # spawn, never fork: the GUI's threads and Qt must not be copied into a child
        pool = ProcessPoolExecutor(max_workers=min(cores, 8), mp_context=multiprocessing.get_context("spawn"))
        futures = [pool.submit(summaries_of, batch) for batch in batches]
    except Exception as e:  # no processes here (a sandbox, a broken frozen build): one core it is
        log.warning("summaries: no worker processes (%s), computing them here", e)
        futures = []
    try:
        for i, batch in enumerate(batches):
            try:
                result = futures[i].result() if futures else summaries_of(batch)
            except Exception as e:  # a worker died: this batch here, the rest as they come
                log.warning("summaries: a worker failed (%s), computing its batch here", e)
                result = summaries_of(batch)
            yield batch, result
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
