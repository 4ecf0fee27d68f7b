"""Emitting Qt signals from Python, safely.

PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without taking a reference to it, so
every emit from Python leaves ``True`` one reference short; after a few thousand emits (one long
session of answering) the interpreter frees ``True`` and aborts with "Fatal Python error:
bool_dealloc". ``emit`` below measures that once and gives the reference back when it is missing,
so it is a plain emit on a PySide that does not have the bug. Every signal the app emits from
Python goes through it. pyproject.toml excludes 6.12.0 (it also leaks None on every Qt call that
returns nothing, which no wrapper can cover); this stays for any release that brings the bug back.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _emit_drops_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    dropped = before - sys.getrefcount(True)
    if dropped >= 8:  # give back what the probe itself took
        for _ in range(8):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
        return True
    return False


_DROPS = _emit_drops_a_reference()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, minus PySide6 6.12's reference leak on the returned bool."""
    result = signal.emit(*args)
    if _DROPS and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
