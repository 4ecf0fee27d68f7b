"""The one error presenter: any error the user can meet becomes a message in their language that
says what happened and what to do next.

Widgets never build error boxes themselves; they call ``present_error`` (directly, or through
``run_in_background``, which routes worker errors here).
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from ..i18n import MESSAGES, tr

log = logging.getLogger(__name__)

# Exceptions whose class name has a message of its own; a subclass uses its nearest known base.
KNOWN = (
    "AssessmentInvalid",
    "PackError",
    "PackNotFound",
    "DatabaseCorrupt",
    "NotADatabase",
    "DatabaseLocked",
    "AssessmentFinal",
    "EvidenceTooLarge",
    "EvidenceMissing",
    "BundleRejected",
    "SchemaTooNew",
    "StorageFailed",
    "AssessmentNotFound",
    "EnterpriseNotFound",
    "PackUnavailable",
    "ImportCancelled",
    "StoreError",
    "PermissionError",
    "FileNotFoundError",
    "OSError",
)


def _kind(exc: BaseException) -> str:
    for cls in type(exc).__mro__:
        if cls.__name__ in KNOWN:
            return cls.__name__
    return "unexpected"


def _detail(exc: BaseException, lang: str) -> str:
    """The specific part: the core's problems, the store's own message, or the exception text."""
    from ..describe import pack_problem_text, problem_text

    message = getattr(exc, "message", None)
    if callable(message):  # the store's errors word themselves through the catalogue
        try:
            return str(message(lang))
        except TypeError:
            pass
    problems = getattr(exc, "problems", None)
    if isinstance(problems, list | tuple) and problems:
        lines = []
        for p in problems[:12]:
            if hasattr(p, "file") and hasattr(p, "key"):  # a questionnaire pack's: names file and item too
                lines.append(pack_problem_text(p, lang).strip())
            elif hasattr(p, "key") and hasattr(p, "field"):
                lines.append(problem_text(p, lang).strip())
            else:
                lines.append(f"- {p}")
        if len(problems) > 12:
            lines.append(tr("ui.error.more", lang, n=len(problems) - 12))
        return "\n".join(lines)
    key = getattr(exc, "key", None)
    if isinstance(key, str) and key in MESSAGES:
        params: dict[str, Any] = getattr(exc, "params", None) or {}
        return tr(key, lang, **params)
    text = str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        text = f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return text


def error_text(exc: BaseException, lang: str) -> tuple[str, str, str]:
    """(what happened, the specifics, what to do next) for one error."""
    kind = _kind(exc)
    params = {
        "id": getattr(exc, "pack_id", ""),
        "version": getattr(exc, "version", ""),
        "path": str(getattr(exc, "path", "") or getattr(exc, "filename", "") or ""),
    }
    return (
        tr(f"ui.error.{kind}", lang, **params),
        _detail(exc, lang),
        tr(f"ui.error.{kind}.hint", lang, **params),
    )


def present_error(parent: QWidget | None, exc: BaseException, lang: str = "zh") -> QMessageBox:
    """Show ``exc`` to the user. The box is window-modal but does not block the caller."""
    from PySide6.QtCore import Qt  # not at import: the start-up imports this module before the first paint

    if _kind(exc) == "unexpected":
        log.error("unexpected error", exc_info=exc)
    what, detail, hint = error_text(exc, lang)
    box = QMessageBox(parent)
    box.setObjectName("errorBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("ui.app.title", lang))
    box.setText(what)
    box.setInformativeText(f"{detail}\n\n{hint}" if detail else hint)
    if _kind(exc) == "unexpected":
        box.setDetailedText("".join(traceback.format_exception(exc)))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(tr("ui.ok", lang))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box
