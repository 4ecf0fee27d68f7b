"""Entry point of the frozen app (PyInstaller runs this file as ``__main__``).

It is ``diag_app.cli:main`` plus one hook for the smoke test: with ``DIAG_APP_QUIT_AFTER_MS=N``
in the environment and no command (so the GUI starts), the app quits by itself once the main
window is ready and its charts are loaded, or after N ms at the latest, and prints one line
``gui: ...`` on stderr saying what it saw. The exit status is 0 only when the window got ready.
Nothing of this runs without the variable, so users never meet it.

With ``DIAG_APP_CHART_WORKER=1`` the executable is the result panel's chart process instead (the
app starts it so; see ``diag_app/report/chart_process.py``): a frozen build has no interpreter to run
``python -c`` with.
"""

from __future__ import annotations

import os
import sys


def _install_quit_hook(limit_ms: int) -> None:
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from diag_app.ui.app import create_app  # the very QApplication run() reuses

    app = create_app()
    started = time.monotonic()
    state = {"done": False}

    def windows() -> list:
        return [w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "is_ready")]

    def check() -> None:
        if state["done"]:
            return
        wins = windows()
        ready = bool(wins) and all(getattr(w, "is_ready", False) for w in wins)
        charts = bool(wins) and all(getattr(w, "charts", None) is not None for w in wins)
        elapsed = (time.monotonic() - started) * 1000
        if (ready and charts) or elapsed >= limit_ms:
            state["done"] = True
            title = wins[0].windowTitle() if wins else ""
            sys.stderr.write(
                f"gui: windows={len(wins)} ready={ready} charts={charts} elapsed_ms={elapsed:.0f} title={title!r}\n"
            )
            sys.stderr.flush()
            for w in wins:
                w.close()
            app.exit(0 if ready else 3)
            return
        QTimer.singleShot(100, check)

    QTimer.singleShot(100, check)


def main() -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # a summaries worker (store/summaries.py) runs this executable too
    if os.environ.get("DIAG_APP_CHART_WORKER") == "1":
        from diag_app.report.chart_process import child_main

        child_main()
    from diag_app.cli import build_parser
    from diag_app.cli import main as cli_main

    argv = sys.argv[1:]
    limit = os.environ.get("DIAG_APP_QUIT_AFTER_MS", "").strip()
    if limit.isdigit() and build_parser().parse_args(argv).command is None:
        _install_quit_hook(int(limit))
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
