"""One way to ask before a step that is hard to take back: a window-modal question with the
step's own name on its button (never a bare "OK"), opened without blocking, so tests and users
answer it alike. The parent's window keeps it as ``dialog`` (tests look there)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from ..i18n import tr


def confirm(
    parent: QWidget,
    lang: str,
    name: str,
    text: str,
    detail: str,
    go: str,
    on_yes: Callable[[], object],
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(icon)
    box.setWindowTitle(tr("ui.app.title", lang))
    box.setText(text)
    box.setInformativeText(detail)
    yes = box.addButton(go, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(tr("ui.cancel", lang), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)  # Enter does not take the step by accident
    box.setEscapeButton(no)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def clicked(button: QAbstractButton) -> None:
        if button is yes:
            on_yes()

    box.buttonClicked.connect(clicked)
    window = parent.window()
    if hasattr(window, "dialog"):
        window.dialog = box
    box.open()
    return box
