"""Helpers the GUI tests share: a window on a workspace of the example assessments, and a user's
keys and clicks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


def open_window(qtbot, db: Path, lang: str = "zh", examples: bool = True):
    """A shown, started window on ``db`` (the examples imported first, through the store)."""
    from diag_app.store import Workspace
    from diag_app.ui.app import create_app
    from diag_app.ui.main_window import MainWindow

    create_app([])
    if examples:
        ws = Workspace.open(db)
        ws.import_files(EXAMPLES)
        ws.close()
    w = MainWindow(lang=lang, db_path=db, load_charts=False)
    qtbot.addWidget(w)
    w.show()
    w.start()
    qtbot.waitUntil(lambda: w.ws is not None and w.workspace_page is not None and w.listing is None, timeout=30_000)
    w.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    return w


def key(qtbot, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is, as a user would."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, k, modifier)


def shortcut(qtbot, w: QWidget, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a window shortcut (Ctrl+Z, …) as a user would: on the active window. A progress dialog
    that has just closed gives the activation back a moment later; a shortcut pressed before that
    reaches nobody, so wait for it as a user's eyes would."""
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    qtbot.keyClick(w, k, modifier)


def click(qtbot, widget: QWidget) -> None:
    """Click a widget once it is laid out on screen, as a user can only click what they see."""
    qtbot.waitUntil(lambda: widget.isVisible() and widget.width() > 10 and widget.height() > 10)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def answer_box(qtbot, w, name: str, button: str):
    """The question ``w`` asks (its ``dialog``), answered with the button of that text."""
    box = w.dialog
    assert box is not None and box.objectName() == name and box.isVisible(), box
    click(qtbot, next(b for b in box.buttons() if b.text() == button))
    w.activateWindow()  # what the window manager does when a dialog closes (offscreen does not)
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    return box
