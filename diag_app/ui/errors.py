"""The one error presenter: any error the user can meet becomes a message in their language that
says what happened and what to do next.

Widgets never build error boxes themselves; they call ``present_error`` (directly, or through
``run_in_background``, which routes worker errors here). The words come from
``diag_app.error_text.error_text``, which the command line uses too: our errors (``AppError``)
name their message keys, the operating system's (``OSError``) are worded by kind, anything else
is a bug: logged, and shown with its traceback under "Details".
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtWidgets import QMessageBox, QWidget

from ..error_text import error_text, is_expected
from ..i18n import tr

__all__ = ["error_text", "present_error"]

log = logging.getLogger(__name__)


def present_error(parent: QWidget | None, exc: BaseException, lang: str = "zh") -> QMessageBox:
    """Show ``exc`` to the user. The box is window-modal but does not block the caller."""
    from PySide6.QtCore import Qt  # not at import: the start-up imports this module before the first paint

    expected = is_expected(exc)
    if not expected:
        log.error("unexpected error", exc_info=exc)
    what, detail, hint = error_text(exc, lang)
    box = QMessageBox(parent)
    box.setObjectName("errorBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("ui.app.title", lang))
    box.setText(what)
    box.setInformativeText(f"{detail}\n\n{hint}" if detail else hint)
    if not expected:
        box.setDetailedText("".join(traceback.format_exception(exc)))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(tr("ui.ok", lang))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box
