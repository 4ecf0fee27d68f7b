"""The one helper for slow work: it runs a plain function off the GUI thread, shows progress,
offers cancellation and routes any error to the one error presenter.

Work functions know nothing of Qt. They receive a ``Progress`` (``diag_app/progress.py``, the
one the store and the report take too) and call it to report how far they are;
``progress.check()`` raises ``Cancelled`` once the user gave up (they stop where nothing is left
half-written).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..i18n import tr
from ..progress import Cancelled, Progress
from .errors import present_error
from .signals import emit

SHOW_AFTER_MS = 300


class _Signals(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, signals: _Signals):
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._progress = progress
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as exc:  # every error goes to the presenter, none is lost in a thread
            self._send(self._signals.failed, exc)
        else:
            self._send(self._signals.finished, result)

    @staticmethod
    def _send(signal: Any, *args: Any) -> None:
        # The receiving job may be gone (the app quit while this ran): then nobody is left to
        # tell, and whatever the work wrote it finished atomically.
        with contextlib.suppress(RuntimeError):
            emit(signal, *args)


class Job(QObject):
    """One background operation; lives on the GUI thread and receives the worker's signals."""

    _active: ClassVar[set[Job]] = set()

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[Progress], Any],
        progress_text: str,
        on_done: Callable[[Any], Any] | None,
        lang: str,
        cancellable: bool,
        on_error: Callable[[BaseException], None] | None,
        show_progress: bool = True,
    ):
        super().__init__(None)
        self.parent_widget = parent
        self.lang = lang
        self.on_done = on_done
        self.on_error = on_error
        self.done = False
        self.error: BaseException | None = None
        self.signals = _Signals()
        self.signals.progressed.connect(self._on_progress)
        self.signals.finished.connect(self._on_finished)
        self.signals.failed.connect(self._on_failed)
        self.progress = Progress(lambda done, total, text: emit(self.signals.progressed, done, total, text))
        self.dialog = QProgressDialog(progress_text, tr("ui.cancel", lang) if cancellable else "", 0, 0, parent)
        self.dialog.setObjectName("progressDialog")
        self.dialog.setWindowTitle(tr("ui.app.title", lang))
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.progress.cancel)
        self._shown = QTimer(self)
        self._shown.setSingleShot(True)
        self._shown.timeout.connect(self._show_dialog)
        Job._active.add(self)
        if show_progress:
            self._shown.start(SHOW_AFTER_MS)
        QThreadPool.globalInstance().start(_Runnable(work, self.progress, self.signals))

    @Slot()
    def _show_dialog(self) -> None:
        # The modality is set only now: touching ``Qt`` costs ~50 ms the first time, and the start-up
        # starts a job before the first paint.
        from PySide6.QtCore import Qt

        if not self.done:
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.show()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if text:
            self.dialog.setLabelText(text)

    def _finish(self) -> bool:
        """Put the progress away; False when the window that asked for the work is gone (closed
        while the work ran): then there is nothing left to show the result in."""
        self.done = True
        self._shown.stop()
        Job._active.discard(self)
        if not shiboken6.isValid(self.dialog):  # deleted with its parent window
            return False
        self.dialog.hide()
        self.dialog.deleteLater()
        return self.parent_widget is None or shiboken6.isValid(self.parent_widget)

    def _handlers(self) -> tuple[Callable[[Any], Any] | None, Callable[[BaseException], None] | None]:
        """The callbacks, let go of: a finished job can live on for a while (its signal connections
        make a reference cycle), and must not keep what they hold, nor the result, alive meanwhile
        (a list of 10,000 enterprises is ~12 MB)."""
        handlers = self.on_done, self.on_error
        self.on_done = self.on_error = None
        return handlers

    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        on_done, _ = self._handlers()
        if self._finish() and on_done is not None and not self.progress.cancelled:
            on_done(result)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.error = exc
        _, on_error = self._handlers()
        if not self._finish() or isinstance(exc, Cancelled):
            return
        if on_error is not None:
            on_error(exc)
        else:
            present_error(self.parent_widget, exc, self.lang)


def run_in_background(
    parent: QWidget | None,
    work: Callable[[Progress], Any],
    progress_text: str,
    on_done: Callable[[Any], Any] | None = None,
    *,
    lang: str | None = None,
    cancellable: bool = True,
    on_error: Callable[[BaseException], None] | None = None,
    show_progress: bool = True,
) -> Job:
    """Run ``work(progress)`` on a worker thread; call ``on_done(result)`` back on the GUI thread.

    A progress dialog appears if the work takes longer than a moment; errors are shown by
    ``present_error`` unless ``on_error`` takes them. ``show_progress=False`` is for quiet work the
    user did not ask for (loading the charts after start-up).
    """
    if lang is None:
        win = parent.window() if parent is not None else None
        lang = getattr(win, "lang", "zh")
    return Job(parent, work, progress_text, on_done, str(lang), cancellable, on_error, show_progress)
