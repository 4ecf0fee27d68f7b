"""Crash test: a writer process is killed with SIGKILL at random moments, again and again. After
every kill the database passes PRAGMA integrity_check and holds every answer whose set_answer
had returned (the writer prints each one to its stdout only after the call returned).

The writer is forked from the test process, which has already imported the app and loaded the
pack, so a round costs a few milliseconds instead of a fresh interpreter's start. Each child
opens the workspace itself (so kills also land in the opening, the migration of the first round,
and backups), then creates assessments, answers, finalises and reopens until it is killed.

DIAG_CRASH_KILLS sets the number of kills (default 50; a benchmark run uses more) and
DIAG_CRASH_SEED the random seed (printed on failure).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import sys
import time

import pytest
from test_store_support import enterprise_a, items

from diag_app.store import Workspace

KILLS = int(os.environ.get("DIAG_CRASH_KILLS", "50"))
SEED = int(os.environ.get("DIAG_CRASH_SEED", str(time.time_ns() % 1_000_000)))

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL")


def _writer(db: str, out_fd: int, seed: int, pack) -> None:
    """The child: never returns."""
    try:
        os.dup2(out_fd, 1)  # its stdout is the pipe the test reads

        def say(line: str) -> None:
            os.write(1, (line + "\n").encode())  # unbuffered: on the pipe before the next step

        rnd = random.Random(seed)
        req = items(pack, "requirement")
        other = items(pack, "indicator") + items(pack, "condition") + items(pack, "scenario")
        ws = Workspace.open(db, timeout=30)
        while True:
            u = ws.create_assessment(enterprise_a(), pack.id, pack.version, assessor="crash")
            say(f"C {u}")
            chosen = rnd.sample(req, 25) + rnd.sample(other, 5)
            rnd.shuffle(chosen)
            for k, item in enumerate(chosen):
                kind = pack.item(item).kind
                if kind == "requirement":
                    na = ["na"] if pack.item(item).na_allowed else []  # the pack says where 不适用 may be
                    value = rnd.choice([1.0, 0.8, 0.5, 0.0, *na])
                elif kind == "indicator":
                    ind = pack.item(item)
                    value = float(rnd.randint(int(ind.min), int(ind.max)))
                else:
                    value = rnd.random() < 0.5
                note = f"note {k} {'长' * rnd.randint(0, 300)}"
                ws.set_answer(u, item, value, note=note, who="crash")
                say(f"A {u} {item} {json.dumps(value)} {len(note)}")
                if k % 10 == 9:
                    ws.finalise(u)
                    say(f"F {u}")
                    say(f"R {u} {ws.reopen(u)}")
    except BaseException as e:  # pragma: no cover - only a bug gets here
        os.write(2, f"writer failed: {e!r}\n".encode())
    finally:
        os._exit(0)


def _check(db: str, lines: list[str], round_: int) -> int:
    """Integrity, then every reported step. Returns the number of answers checked."""
    conn = sqlite3.connect(db)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        assert result == [("ok",)], f"round {round_}, seed {SEED}: {result}"
        revision: dict[str, int] = {}
        checked = 0
        for line in lines:
            kind, u, *rest = line.split(" ", 4)
            if kind == "C":
                revision[u] = 1
                n = conn.execute("SELECT count(*) FROM assessments WHERE uuid = ?", (u,)).fetchone()[0]
                assert n >= 1, f"round {round_}, seed {SEED}: assessment {u} lost"
            elif kind == "A":
                item, value, note_len = rest[0], rest[1], int(rest[2])
                row = conn.execute(
                    """SELECT x.value, length(x.note) FROM answers x JOIN assessments a ON a.id = x.assessment_id
                       WHERE a.uuid = ? AND a.revision = ? AND x.item_id = ?""",
                    (u, revision[u], item),
                ).fetchone()
                assert row is not None, f"round {round_}, seed {SEED}: answer {u} r{revision[u]} {item} lost"
                assert json.loads(row[0]) == json.loads(value) and row[1] == note_len, (round_, SEED, line, row)
                checked += 1
            elif kind == "F":
                status = conn.execute(
                    "SELECT status FROM assessments WHERE uuid = ? AND revision = ?", (u, revision[u])
                ).fetchone()
                assert status == ("final",), (round_, SEED, line)
            elif kind == "R":
                revision[u] = int(rest[0])
                assert conn.execute(
                    "SELECT 1 FROM assessments WHERE uuid = ? AND revision = ?", (u, revision[u])
                ).fetchone(), (round_, SEED, line)
        return checked
    finally:
        conn.close()


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_sigkill_at_random_moments_loses_no_committed_answer(tmp_path, pack):
    db = str(tmp_path / "workspace.db")
    rnd = random.Random(SEED)
    # warm up every lazy import in this process, so the children do not import after fork
    warm = Workspace.open(tmp_path / "warm" / "workspace.db")
    u = warm.create_assessment(enterprise_a(), pack.id, pack.version)
    warm.set_answer(u, items(pack, "requirement")[0], 1.0)
    warm.finalise(u)
    warm.reopen(u)
    warm.close()

    sys.stdout.flush()
    sys.stderr.flush()
    started = time.monotonic()
    total_checked = 0
    mid_run = 0
    reopened = 0
    for round_ in range(KILLS):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os.close(r)
            _writer(db, w, SEED * 1000 + round_, pack)
        os.close(w)
        time.sleep(rnd.uniform(0.0, 0.3) if round_ else 0.005)  # the first kill lands in the migration
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        out = _read_all(r).decode()
        os.close(r)
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            mid_run += 1
        lines = out.split("\n")[:-1]  # a line cut off by the kill was not reported
        reopened += sum(line.startswith("R ") for line in lines)
        total_checked += _check(db, lines, round_)
        if round_ % 10 == 9:  # the app itself recovers and reopens it
            Workspace.open(db).close()
    elapsed = time.monotonic() - started
    assert mid_run == KILLS, "every writer must have been killed while running"
    assert total_checked > KILLS, f"too few answers were written to mean anything ({total_checked})"
    ws = Workspace.open(db)
    assert ws.list_enterprises()[0].credit_code == enterprise_a().credit_code
    ws.close()
    print(f"{KILLS} kills, {total_checked} answers and {reopened} reopenings checked, {elapsed:.1f} s, seed {SEED}")
