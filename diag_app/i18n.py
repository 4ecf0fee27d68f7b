"""The one translation mechanism: every string a user reads comes from MESSAGES through tr().

Plain Python data rather than Qt .ts files so the CLI, the report and the GUI share one catalogue
and a test can prove that both languages have every key.
"""

from __future__ import annotations

from typing import Any

from .messages import load_all

DEFAULT_LANG = "zh"

MESSAGES: dict[str, dict[str, str]] = load_all()


def tr(key: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """Translate ``key`` into ``lang`` and fill in ``params``; an unknown key shows itself, so a
    gap is visible rather than silently blank."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry[DEFAULT_LANG]
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text
