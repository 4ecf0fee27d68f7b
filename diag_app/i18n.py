"""The one translation mechanism: every string a user reads comes from MESSAGES through tr().

Plain Python data rather than Qt .ts files so the CLI, the report and the GUI share one catalogue
and a test can prove that both languages have every key.
"""

from __future__ import annotations

import sys
from typing import Any

from .messages import load_all

DEFAULT_LANG = "zh"

MESSAGES: dict[str, dict[str, str]] = load_all()


def tr(key: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """Translate ``key`` into ``lang`` and fill in ``params``; an unknown key shows itself, so a
    gap is visible rather than silently blank. With ``n=1`` the key's ``.one`` form is used when
    there is one (a count in a message: give it as ``n``). A parameter that is a ``Msg`` (a reason
    still to be worded, e.g. the operating system's) is worded in ``lang`` first."""
    # No Msg can exist before diag_app.errors is imported; not importing it here keeps dataclasses
    # and inspect (~10 ms) off the window's start-up.
    errors = sys.modules.get(f"{__package__}.errors")
    if errors is not None:
        for k, v in params.items():
            if isinstance(v, errors.Msg):
                params[k] = tr(v.key, lang, **v.params)
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    if params.get("n") == 1:  # the singular, where a language has one ("1 enterprise", not "1 enterprises")
        entry = MESSAGES.get(key + ".one", entry)
    text = entry.get(lang) or entry[DEFAULT_LANG]
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text
