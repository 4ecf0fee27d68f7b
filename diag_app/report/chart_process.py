"""The charts, drawn in a separate process: for the result panel, and for the report while its
pages are laid out.

Drawing the figures is ~0.5 s of matplotlib, mostly Python and C calls that hold the GIL. On a
worker thread it starved the GUI thread (the window froze for 150–270 ms after an answer changed),
and beside the report's page layout it gained nothing. A process has its own GIL and its own core:
the caller only waits on a pipe, the window stays free, and a report's charts are drawn while its
pages are laid out (a cold report no longer pays matplotlib's import and the drawing on top).

The jobs: ``screen`` (the report's own figures as PNGs for the panel, sized to it), ``print`` (the
pixels the PDF embeds, see ``charts.for_print``), and ``comparison`` and ``portfolio`` (the history
and portfolio pages' figures from ``page_charts``, one PNG each, sized to the page). This module
imports nothing of Qt.

Messages are pickled tuples framed by their length, between this app and its own child only. The
child is this interpreter running ``serve()``; in a frozen build it is the app's own executable,
whose entry point (``packaging/entry.py``) serves when ``DIAG_APP_CHART_WORKER=1`` is set. Where no
child can be started (or it died), ``render`` draws in the calling thread, so the charts are slower
but never missing.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import io
import logging
import os
import pickle
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

log = logging.getLogger(__name__)

MEMO_SIZE = 8  # pictures kept per chart process (a report's three charts are one entry)
_HEADER = struct.Struct("<Q")
Wanted = list[tuple[str, int]]  # (chart function, height in pixels)


def _png(fig: Any, width: int, height: int, dpi: float) -> bytes:
    """The figure as PNG bytes of exactly ``width`` × ``height`` pixels; ``dpi`` sets how large its
    text and lines come out, so a narrow picture can keep the proportions the figure was laid out
    with."""
    fig.set_dpi(dpi)
    fig.set_size_inches(width / dpi, height / dpi)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def screen(pack: Any, result: Any, lang: str, width: int, dpi: float, wanted: Wanted) -> list[tuple[str, bytes]]:
    """The charts as PNG bytes, ``width`` pixels wide, drawn as if on a page about five inches wide."""
    from . import charts

    return [(fn, _png(getattr(charts, fn)(pack, result, lang), width, height, dpi)) for fn, height in wanted]


def comparison(
    pack: Any, result: Any, lang: str, c: Any, label_a: str, label_b: str, width: int, height: int, dpi: float
) -> bytes:
    """The history page's chart of two assessments (``c``, a ``Comparison``) as PNG bytes. The
    words are in ``c`` and the labels already; ``pack`` and ``result`` are not needed."""
    from .page_charts import comparison_figure

    return _png(comparison_figure(c, label_a, label_b), width, height, dpi)


def portfolio(
    pack: Any, result: Any, lang: str, levels: dict[int, int], assessed: int, width: int, height: int, dpi: float
) -> bytes:
    """The portfolio page's chart of CMMM levels as PNG bytes (``result`` is not needed)."""
    from .page_charts import levels_figure

    return _png(levels_figure(pack, levels, assessed, lang), width, height, dpi)


def _send(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    head = stream.read(_HEADER.size)
    if len(head) < _HEADER.size:
        raise EOFError("the chart process closed its pipe")
    (n,) = _HEADER.unpack(head)
    data = stream.read(n)
    if len(data) < n:
        raise EOFError("the chart process closed its pipe")
    return pickle.loads(data)


def _job(name: str) -> Any:
    """The drawing function a request names (only these: the pipe carries no code)."""
    from . import charts

    return {"screen": screen, "print": charts.for_print, "comparison": comparison, "portfolio": portfolio}[name]


# --- the child ----------------------------------------------------------------------------------


def _warm_up() -> None:
    """Import matplotlib and lay out some Chinese once, so the first real request is quick."""
    from .charts import import_matplotlib
    from .fonts import register_matplotlib

    import_matplotlib()
    from matplotlib.figure import Figure

    register_matplotlib()
    fig = Figure(figsize=(2, 1), dpi=50)
    fig.text(0.1, 0.5, "智能工厂 1.0", fontsize=9)
    fig.text(0.1, 0.2, "智能工厂", fontsize=9, weight="bold")
    fig.savefig(io.BytesIO(), format="png")


def serve(inp: IO[bytes] | None = None, out: IO[bytes] | None = None) -> None:
    """Answer drawing requests until the parent closes the pipe (the child's main loop)."""
    inp = inp or sys.stdin.buffer
    out = out or sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the pipe
    packs: dict[int, Any] = {}
    try:
        _warm_up()
    except Exception:  # the first request will report it
        log.exception("chart process: warm-up failed")
    while True:
        try:
            msg = _receive(inp)
        except EOFError:
            return
        kind = msg[0]
        if kind == "pack":
            packs[msg[1]] = msg[2]
            continue
        _, key, job, result, lang, args = msg
        try:
            reply: tuple[str, Any] = ("ok", _job(job)(packs[key], result, lang, *args))
        except Exception as exc:
            reply = ("error", f"{type(exc).__name__}: {exc}")
        _send(out, reply)


def child_main() -> None:
    """The child's whole life: serve, then leave at once. It has nothing to save, and tearing down
    matplotlib's modules took ~0.3 s, which whoever waits for the process to end would wait out
    (a command-line report whose output is read through a pipe)."""
    serve()
    sys.stderr.flush()
    os._exit(0)


# --- the parent ---------------------------------------------------------------------------------


class ChartError(RuntimeError):
    """A chart the child could not draw (the message is the child's error)."""


class ChartProcess:
    """The child process and its pipe; ``render`` may be called from any thread, one at a time.

    ``command`` starts the child (default: ``default_command()``). A drawing that takes longer than
    ``timeout`` seconds (one takes about a second, the first one after start-up two) is taken for a
    hung child: it is killed and the charts are drawn in the calling thread, so a report or the
    panel never waits for ever.
    """

    def __init__(self, command: list[str] | None = None, timeout: float = 60.0) -> None:
        self.command = command or self.default_command()
        self.timeout = timeout
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._packs: dict[int, int] = {}  # id(pack) -> key sent to the child
        self._pack_refs: list[Any] = []  # keeps those packs alive, so their ids stay theirs
        self.failed = False  # no child could be started: draw in the calling thread
        # The last pictures drawn, by what they were drawn from (pack, job, the pickled result,
        # language and arguments): the same report exported again, in the other format, or
        # re-rendered by verify does not draw its charts twice.
        self._memo: collections.OrderedDict[tuple[int, str, bytes], Any] = collections.OrderedDict()

    @staticmethod
    def default_command() -> list[str]:
        """How to start the child: the frozen app's executable serves by itself (see above)."""
        if getattr(sys, "frozen", False):
            return [sys.executable]
        root = str(Path(__file__).resolve().parent.parent.parent)
        code = f"import sys; sys.path.insert(0, {root!r}); from diag_app.report.chart_process import child_main; child_main()"
        return [sys.executable, "-c", code]

    def start(self) -> None:
        """Start the child (it imports matplotlib and warms up while the app does other things)."""
        with self._lock:
            self._start()

    def _start(self) -> subprocess.Popen[bytes] | None:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        if self.failed:
            return None
        env = dict(os.environ, DIAG_APP_CHART_WORKER="1")
        env.setdefault("MPLBACKEND", "Agg")
        try:
            self._proc = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError as exc:
            log.warning("chart process could not start (%s): drawing in the calling thread", exc)
            self.failed = True
            return None
        self._packs.clear()
        self._pack_refs.clear()
        return self._proc

    def render(self, pack: Any, result: Any, lang: str, job: str, *args: Any) -> Any:
        """What ``job`` (a name in ``_job``) returns for these arguments, drawn in the child."""
        with self._lock:
            try:
                memo_key = (id(pack), job, hashlib.sha256(pickle.dumps((result, lang, args), protocol=5)).digest())
            except (pickle.PicklingError, TypeError, AttributeError):
                memo_key = None
            if memo_key is not None and memo_key in self._memo and self._memo_pack(pack):
                self._memo.move_to_end(memo_key)
                return self._memo[memo_key]
            proc = self._start()
            if proc is None:
                return _job(job)(pack, result, lang, *args)
            assert proc.stdin is not None and proc.stdout is not None
            watchdog = threading.Timer(self.timeout, proc.kill)
            watchdog.daemon = True
            watchdog.start()
            try:
                key = self._packs.get(id(pack))
                if key is None:
                    key = len(self._pack_refs)
                    _send(proc.stdin, ("pack", key, pack))
                    self._packs[id(pack)] = key
                    self._pack_refs.append(pack)
                _send(proc.stdin, ("render", key, job, result, lang, args))
                status, payload = _receive(proc.stdout)
            except (OSError, EOFError) as exc:  # died or hung: the next call starts another
                log.warning("chart process lost (%s): drawing in the calling thread this time", exc)
                self._stop()
                return _job(job)(pack, result, lang, *args)
            finally:
                watchdog.cancel()
            if status == "ok" and memo_key is not None:
                self._memo[memo_key] = payload
                while len(self._memo) > MEMO_SIZE:
                    self._memo.popitem(last=False)
        if status != "ok":
            raise ChartError(payload)
        return payload

    def _memo_pack(self, pack: Any) -> bool:
        """Whether ``pack`` is the very pack the memo's entries were drawn with (kept alive, so its
        id is still its own)."""
        key = self._packs.get(id(pack))
        return key is not None and self._pack_refs[key] is pack

    def _stop(self, wait: bool = True) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        for stream in (proc.stdin, proc.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()
        if not wait:
            return
        try:  # it ends on its own at the closed pipe, unless it is still warming up: it keeps nothing
            proc.wait(timeout=0.3)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def close(self, wait: bool = True) -> None:
        """End the child: closing its pipe ends its loop. Without ``wait`` the caller does not
        wait for it to be gone (at exit: its own teardown took ~0.3 s of a command-line report)."""
        with self._lock:
            self._stop(wait)


_renderer: ChartProcess | None = None
_renderer_lock = threading.Lock()


def renderer() -> ChartProcess:
    """The process's one chart process (started on first use, ended when the process exits)."""
    global _renderer
    with _renderer_lock:
        if _renderer is None:
            import atexit

            _renderer = ChartProcess()
            atexit.register(_renderer.close, wait=False)
        return _renderer
