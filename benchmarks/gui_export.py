"""Exporting the PDF report from the GUI against the command line (target ≤ 1.5×; issue 18: 6.7 s
from the GUI where the CLI took ~2 s). GUI: from the export command (after the file name is chosen)
until the file is written, the first export of a running app with an assessment open (reportlab
not yet imported: what a user meets). CLI: ``diag-app report FILE -o out.pdf``, process start to
exit. Same assessment (examples/automotive.json), same language; runs alternate, medians compared.

    uv run python benchmarks/gui_export.py [--tiny] [--runs 5]
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

EXAMPLE = _common.ROOT / "examples" / "automotive.json"

APP = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from diag_app.store import Workspace
db, example, out = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
ws = Workspace.open(db)
ws.import_files([example])
ws.close()
from diag_app.ui.app import create_app
app = create_app([])
from diag_app.ui.main_window import MainWindow
w = MainWindow(lang="zh", db_path=db)
w.show()
w.start()
def ready():
    if not w.is_ready or w.listing is not None or w.charts is None:
        QTimer.singleShot(50, ready)
        return
    w.open_latest(w.ws.list_enterprises()[0].credit_code)
    QTimer.singleShot(1500, export)  # the result panel's charts drawn, the user reaches for the menu
def export():
    t0 = time.perf_counter()
    job = w.exports.export_assessment(w.editor.uuid, None, out, "zh", "pdf")
    def poll():
        if job.done:
            print("export_s", time.perf_counter() - t0, flush=True)
            app.quit()
        else:
            QTimer.singleShot(2, poll)
    poll()
QTimer.singleShot(50, ready)
app.exec()
"""


def gui(script: Path, tmp: Path, env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, str(script), str(tmp / "ws.db"), str(EXAMPLE), str(tmp / "gui.pdf")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith("export_s ")), None)
    if out.returncode != 0 or line is None or not (tmp / "gui.pdf").exists():
        raise RuntimeError(f"GUI export failed: {out.returncode} {out.stderr[-2000:]}")
    return float(line.split()[1])


def cli(tmp: Path, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    cmd = [sys.executable, "-m", "diag_app", "report", str(EXAMPLE), "-o", str(tmp / "cli.pdf"), "--lang", "zh"]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    took = time.perf_counter() - t0
    if out.returncode != 0:
        raise RuntimeError(f"CLI report failed: {out.stderr[-2000:]}")
    return took


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiny", action="store_true")
    ap.add_argument("--runs", type=int, default=_common.size(5, 1))
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="diag-bench-export-"))
    app_py = tmp / "app.py"
    app_py.write_text(APP, "utf-8")
    if not _common.tiny():  # one untimed run of each: byte code, font caches, files in the OS cache
        gui(app_py, tmp / "warm", _common.child_env(tmp / "warm"))
        cli(tmp / "warm", _common.child_env(tmp / "warm"))
    g, c = [], []
    for i in range(args.runs):
        d = tmp / f"r{i}"
        d.mkdir()
        env = _common.child_env(d)
        g.append(gui(app_py, d, env))
        c.append(cli(d, env))
    mg, mc = _common.median(g), _common.median(c)
    ratio = mg / mc
    _common.emit(
        "gui_export",
        {
            "runs": args.runs,
            "export_s": {"gui": round(mg, 3), "cli": round(mc, 3)},
            "ratio": round(ratio, 2),
            "all_s": {"gui": [round(x, 3) for x in g], "cli": [round(x, 3) for x in c]},
            "targets": {"gui_vs_cli_ratio": _common.target(ratio, 1.5, "max", "x")},
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
