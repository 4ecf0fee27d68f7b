"""Start-up: from process start until the main window is shown (offscreen), median of ≥ 5 fresh
processes, against a bare PySide6 QMainWindow script started the same way (target ≤ 1.3×).

"Shown" is the first turn of the event loop after ``show()`` (the window is exposed and painted).
Also recorded: until the app is ready (pack loaded, workspace opened; the enterprise list is then read on a worker thread).
Runs alternate app / baseline so machine load hits both alike. Each app run gets a fresh workspace
and fresh settings; matplotlib's font cache is kept between runs, as on a user's machine.

    uv run python benchmarks/startup.py [--tiny] [--runs 7]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common

BASELINE = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.setWindowTitle("baseline")
w.resize(1280, 720)
w.show()
def shown():
    print("shown", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

APP = r"""
import sys
from PySide6.QtCore import QTimer
from diag_app.ui.app import create_app
app = create_app([])
from diag_app.ui.main_window import MainWindow
charts_wanted = sys.argv[2] == "charts"
w = MainWindow(lang="zh", db_path=sys.argv[1], load_charts=charts_wanted)
w.show()
w.start()
def shown():
    print("shown", flush=True)
def ready():
    print("ready", flush=True)
    if not charts_wanted:
        QTimer.singleShot(0, app.quit)
def charts():
    print("charts", flush=True)
    QTimer.singleShot(0, app.quit)
QTimer.singleShot(0, shown)
w.ready.connect(ready)
w.charts_loaded.connect(charts)
QTimer.singleShot(60_000, app.quit)
app.exec()
"""


def run(script: Path, args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from starting the process until each line it prints, and until it exits."""
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, str(script), *args], env=env, stdout=subprocess.PIPE, text=True)
    marks: dict[str, float] = {}
    assert p.stdout is not None
    for line in p.stdout:
        marks.setdefault(line.strip(), time.perf_counter() - t0)
    p.wait()
    marks["exit"] = time.perf_counter() - t0
    if p.returncode != 0 or "shown" not in marks:
        raise RuntimeError(f"{script.name} failed: {p.returncode} {marks}")
    return marks


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiny", action="store_true")
    ap.add_argument("--runs", type=int, default=_common.size(7, 1))
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="diag-bench-startup-"))
    base_py, app_py = tmp / "baseline.py", tmp / "app.py"
    base_py.write_text(BASELINE, "utf-8")
    app_py.write_text(APP, "utf-8")

    # one untimed run of each: byte-code compiled, matplotlib's font cache built, files in the OS cache
    if not _common.tiny():
        run(base_py, [], _common.child_env(tmp / "warm"))
        run(app_py, [str(tmp / "warm" / "ws.db"), "charts"], _common.child_env(tmp / "warm"))

    base, app, ready, charts = [], [], [], []
    for i in range(args.runs):
        b = run(base_py, [], _common.child_env(tmp / f"b{i}"))
        mode = "nocharts" if _common.tiny() else "charts"  # tiny: no wait for matplotlib
        a = run(app_py, [str(tmp / f"a{i}" / "ws.db"), mode], _common.child_env(tmp / f"a{i}"))
        base.append(b["shown"])
        app.append(a["shown"])
        if "ready" in a:
            ready.append(a["ready"])
        if "charts" in a:
            charts.append(a["charts"])
    mb, ma = _common.median(base), _common.median(app)
    ratio = ma / mb
    _common.emit(
        "startup",
        {
            "runs": args.runs,
            "shown_s": {"app": round(ma, 3), "baseline": round(mb, 3)},
            "ratio": round(ratio, 2),
            "ready_s": round(_common.median(ready), 3) if ready else None,
            "charts_loaded_s": round(_common.median(charts), 3) if charts else None,
            "all_s": {"app": [round(x, 3) for x in app], "baseline": [round(x, 3) for x in base]},
            "targets": {"shown_ratio": _common.target(ratio, 1.3, "max", "x")},
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
