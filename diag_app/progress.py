"""How long work reports how far it is and learns that the user gave up: one ``Progress``.

Work functions (import, export, report) know nothing of Qt. They take a ``Progress`` and call it
(``progress(done, total, text)``) to report; between steps they call ``progress.check()``, which
raises ``Cancelled`` once somebody called ``cancel()`` (the GUI's Cancel button, from another
thread). A work function stops where nothing is left half-written. Tests pass a plain
``Progress()`` or one with a recording callback.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from .errors import AppError


class Cancelled(AppError):
    """The user cancelled the work; nothing of it was kept."""

    key = "error.cancelled.detail"
    title_key = "error.cancelled"
    hint_key = "error.cancelled.hint"

    def __init__(self) -> None:
        super().__init__("cancelled")


class Progress:
    """Passed to work functions: ``progress(done, total, text)`` reports, ``check()`` stops."""

    def __init__(self, report: Callable[[int, int, str], None] | None = None):
        self._report = report
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int = 0, text: str = "") -> None:
        if self._report is not None:
            self._report(int(done), int(total), str(text))

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the work to stop (safe from any thread)."""
        self._cancel.set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the work was asked to stop."""
        if self._cancel.is_set():
            raise Cancelled


def fraction(progress: Progress, start: int, end: int, steps: int = 100) -> Callable[[float, str], None]:
    """A callback for work that reports a fraction (0–1) of one stage, mapped onto
    ``start``…``end`` of ``steps`` (``report.pdf``'s stages); it also stops on cancel."""

    def step(done: float, text: str = "") -> None:
        progress.check()
        progress(start + round(max(0.0, min(1.0, done)) * (end - start)), steps, text)

    return step
