"""Message catalogues, one module per part of the app, merged into one table.

Each module defines ``MESSAGES = {key: {"zh": ..., "en": ...}}``; a key may live in one module only.
"""

from __future__ import annotations

import importlib

PARTS = ("core", "errors", "validation", "store", "report", "trust", "ui", "ui_review", "pack", "advice")


def load_all() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for part in PARTS:
        try:
            mod = importlib.import_module(f"{__name__}.{part}")
        except ModuleNotFoundError as e:
            if e.name != f"{__name__}.{part}":
                raise
            continue
        for key, texts in mod.MESSAGES.items():
            if key in merged:
                raise ValueError(f"message key {key!r} defined twice (again in {part})")
            merged[key] = texts
    return merged
