"""Shared by every benchmark script: sizes (full or tiny), the machine description, one JSON line on
stdout and the same record in ``benchmarks/results/<name>.json``.

Tiny mode (``--tiny`` or ``BENCH_TINY=1``) is for the smoke test: a few iterations on small data, and
its records go to ``BENCH_RESULTS_DIR`` (default: a temporary folder), never over the recorded results.
Generated databases and bundles are cached in ``BENCH_CACHE`` (default ``/tmp/diag-bench``).
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")


def tiny() -> bool:
    return "--tiny" in sys.argv or os.environ.get("BENCH_TINY") == "1"


def size(full: int, small: int) -> int:
    return small if tiny() else full


def cache_dir() -> Path:
    d = Path(os.environ.get("BENCH_CACHE", "/tmp/diag-bench"))
    if tiny():
        d = d / "tiny"
    d.mkdir(parents=True, exist_ok=True)
    return d


def results_dir() -> Path:
    env = os.environ.get("BENCH_RESULTS_DIR")
    if env:
        d = Path(env)
    elif tiny():
        d = Path(tempfile.gettempdir()) / "diag-bench-tiny-results"
    else:
        d = BENCH / "results"
    d.mkdir(parents=True, exist_ok=True)
    return d


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = None
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "mem_gb": mem,
        "loadavg": load,
    }


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of ``values``."""
    v = sorted(values)
    if not v:
        return float("nan")
    k = max(0, min(len(v) - 1, round(p / 100 * len(v) + 0.5) - 1))
    return v[k]


def median(values: list[float]) -> float:
    return statistics.median(values)


def target(value: float, limit: float, kind: str = "max", unit: str = "") -> dict[str, Any]:
    """A checked target: ``kind`` "max" (value must be ≤ limit) or "min" (≥ limit)."""
    ok = value <= limit if kind == "max" else value >= limit
    return {"value": round(value, 4), "limit": limit, "kind": kind, "unit": unit, "ok": bool(ok)}


def emit(name: str, data: dict[str, Any]) -> dict[str, Any]:
    record = {"name": name, "tiny": tiny(), **data, "machine": machine()}
    line = json.dumps(record, ensure_ascii=False, sort_keys=False)
    print(line, flush=True)
    (results_dir() / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return record


class Timer:
    def __init__(self) -> None:
        self.t0 = time.perf_counter()

    def __call__(self) -> float:
        return time.perf_counter() - self.t0


def isolate_settings(tmp: Path) -> None:
    """Point QSettings (window geometry, last workspace) at ``tmp``, not the user's settings."""
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp / "settings"))


def child_env(tmp: Path) -> dict[str, str]:
    """Environment for a child process: offscreen Qt, settings and data under ``tmp``."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["MPLBACKEND"] = "Agg"
    env["XDG_CONFIG_HOME"] = str(tmp / "config")
    env["XDG_DATA_HOME"] = str(tmp / "data")
    # matplotlib's font list cache survives between runs on a user's machine: keep one here too
    # (a fresh MPLCONFIGDIR rebuilds it, ~5 s, on every process)
    env["MPLCONFIGDIR"] = str(cache_dir() / "mplconfig")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
