"""Helpers the main window needs before the first paint, importing their modules on first call.

The error presenter and the background helper (ui/errors.py, ui/background.py) import the store's
error types and more; the first paint needs neither, so the window reaches them through these."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..progress import Progress
    from .background import Job


def present_error(parent: QWidget | None, exc: BaseException, lang: str) -> None:
    from .errors import present_error as present

    present(parent, exc, lang)


def emit(signal: Any, *args: Any) -> None:
    from .signals import emit as emit_safely

    emit_safely(signal, *args)


def run_in_background(
    parent: QWidget | None,
    work: Callable[[Progress], Any],
    progress_text: str,
    on_done: Callable[[Any], Any] | None = None,
    **kwargs: Any,
) -> Job:
    from .background import run_in_background as run

    return run(parent, work, progress_text, on_done, **kwargs)
