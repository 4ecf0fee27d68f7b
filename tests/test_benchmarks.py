"""Smoke test of benchmarks/: every script runs on a tiny size and writes its one JSON record.

The numbers are not checked (benchmarks are not pass/fail); only that each script still runs
against the current code. The scripts run side by side to keep this short.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = (
    "startup",
    "scoring",
    "report",
    "workspace",
    "import_bundles",
    "interaction",
    "sign",
    "gui_quit",
    "gui_export",
    "advice",
)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, Path]]:
    tmp = tmp_path_factory.mktemp("bench")
    env = dict(os.environ)
    env.update(
        BENCH_TINY="1",
        BENCH_RESULTS_DIR=str(tmp / "results"),
        BENCH_CACHE=str(tmp / "cache"),
        QT_QPA_PLATFORM="offscreen",
        MPLBACKEND="Agg",
    )
    procs = {}
    for name in SCRIPTS:
        out = (tmp / f"{name}.out").open("w")
        procs[name] = (
            subprocess.Popen(
                [sys.executable, str(ROOT / "benchmarks" / f"{name}.py"), "--tiny"],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            ),
            out,
        )
    done = {}
    for name, (p, out) in procs.items():
        try:
            code = p.wait(timeout=120)
        except subprocess.TimeoutExpired:
            p.kill()
            code = -9
        out.close()
        done[name] = (code, (tmp / f"{name}.out").read_text("utf-8"), tmp / "results" / f"{name}.json")
    return done


@pytest.mark.parametrize("name", SCRIPTS)
def test_script_runs_tiny(runs: dict[str, tuple[int, str, Path]], name: str) -> None:
    code, output, result = runs[name]
    assert code == 0, output[-3000:]
    record = json.loads(result.read_text("utf-8"))
    assert record["name"] == name
    assert record["tiny"] is True
    assert record["targets"], "every benchmark states its targets"
    assert all({"value", "limit", "ok"} <= set(t) for t in record["targets"].values())
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert lines and lines[-1]["name"] == name


def test_generator_is_deterministic(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import gen_workspace
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    import sqlite3

    def dump(p: Path) -> list[tuple]:
        conn = sqlite3.connect(p)
        try:
            rows = conn.execute("SELECT uuid, credit_code, enterprise_name, date, status FROM assessments").fetchall()
            rows += conn.execute("SELECT assessment_id, item_id, value FROM answers ORDER BY 1, 2").fetchall()
            rows += conn.execute("SELECT assessment_id, tier, score, level FROM summaries ORDER BY 1").fetchall()
            return rows
        finally:
            conn.close()

    a = gen_workspace.generate(tmp_path / "a.db", 4, per=2, seed=5)
    b = gen_workspace.generate(tmp_path / "b.db", 4, per=2, seed=5)
    assert a["answers"] == b["answers"] and a["assessments"] == 8
    assert dump(tmp_path / "a.db") == dump(tmp_path / "b.db")

    from diag_app.store import Workspace

    with Workspace.open(tmp_path / "a.db") as ws:  # the store accepts it, and its summaries agree
        before = dump(tmp_path / "a.db")
        assert ws.rescore_all() == 8
    assert [r for r in dump(tmp_path / "a.db") if len(r) == 4 and isinstance(r[2], float)] == [
        r for r in before if len(r) == 4 and isinstance(r[2], float)
    ]
