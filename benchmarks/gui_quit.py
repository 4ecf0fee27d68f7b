"""Quit: from Ctrl+Q (the window's quit action) until the process has ended, with an assessment
open in the editor and the chart process running, as a user leaves the app. Target ≤ 0.5 s
(issue 18: it took ~3.4 s). Median of ≥ 5 fresh processes started through ``diag_app.ui.app.run``
(the path ``diag-app`` takes); a bare QMainWindow closed the same way is the baseline.

    uv run python benchmarks/gui_quit.py [--tiny] [--runs 7]
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
w.resize(1280, 720)
w.show()
def quit_now():
    print("quit", time.time(), flush=True)
    w.close()
    app.quit()
QTimer.singleShot(200, quit_now)
sys.exit(app.exec())
"""

APP = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from diag_app.store import Workspace
db = Path(sys.argv[1])
ws = Workspace.open(db)
ws.import_files(sorted((Path(sys.argv[2]) / "examples").glob("*.json"))[:2])
ws.close()
from diag_app.ui.app import create_app, run
app = create_app([])
def window():
    return next((w for w in QApplication.topLevelWidgets() if hasattr(w, "is_ready") and w.isVisible()), None)
def wait_ready():
    w = window()
    if w is None or not w.is_ready or w.listing is not None or (w.want_charts and w.charts is None):
        QTimer.singleShot(50, wait_ready)
        return
    w.open_latest(w.ws.list_enterprises()[0].credit_code)  # an assessment open, its charts drawn
    QTimer.singleShot(1500, lambda: quit_now(w))
def quit_now(w):
    print("quit", time.time(), flush=True)
    w.action("quit").trigger()  # what Ctrl+Q does
QTimer.singleShot(50, wait_ready)
run(str(db), "zh")
"""


def run(script: Path, args: list[str], env: dict[str, str]) -> float:
    """Seconds from the quit until the process has ended."""
    p = subprocess.Popen([sys.executable, str(script), *args], env=env, stdout=subprocess.PIPE, text=True)
    assert p.stdout is not None
    quit_at = None
    for line in p.stdout:
        if line.startswith("quit "):
            quit_at = float(line.split()[1])
    p.wait()
    ended = time.time()
    if p.returncode != 0 or quit_at is None:
        raise RuntimeError(f"{script.name} failed: {p.returncode}")
    return ended - quit_at


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiny", action="store_true")
    ap.add_argument("--runs", type=int, default=_common.size(7, 1))
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="diag-bench-quit-"))
    base_py, app_py = tmp / "baseline.py", tmp / "app.py"
    base_py.write_text(BASELINE, "utf-8")
    app_py.write_text(APP, "utf-8")
    base, app = [], []
    for i in range(args.runs):
        env = _common.child_env(tmp / f"r{i}")
        base.append(run(base_py, [], env))
        app.append(run(app_py, [str(tmp / f"r{i}" / "ws.db"), str(_common.ROOT)], env))
    ma, mb = _common.median(app), _common.median(base)
    _common.emit(
        "gui_quit",
        {
            "runs": args.runs,
            "quit_s": {"app": round(ma, 3), "baseline": round(mb, 3)},
            "all_s": {"app": [round(x, 3) for x in app], "baseline": [round(x, 3) for x in base]},
            "targets": {"quit_s": _common.target(ma, 0.5, "max", "s")},
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
