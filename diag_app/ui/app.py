"""Start of the desktop app."""

from __future__ import annotations

import sys


def run(db_path: str | None = None, lang: str = "zh") -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    win = QMainWindow()
    win.setWindowTitle("智能工厂自诊断")
    win.setCentralWidget(QLabel("智能工厂自诊断"))
    win.show()
    return int(app.exec())
