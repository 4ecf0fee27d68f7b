"""Any error in words, in the user's language: ``error_text(exc, lang) -> (title, detail, hint)``.

The one renderer behind the GUI's error presenter and the command line. Our own errors
(``diag_app.errors.AppError``) name their message keys; the operating system's errors (OSError and
its kinds: no permission, not found, disk full, read-only) have words of their own here; anything
else is "unexpected", with its type and text as the detail.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import AppError, Msg, os_kind, os_reason_msg
from .i18n import tr

MAX_PROBLEMS = 12


def _plain(value: Any, lang: str) -> Any:
    if isinstance(value, Msg):
        return tr(value.key, lang, **{k: _plain(v, lang) for k, v in value.params.items()})
    if isinstance(value, Path):
        return str(value)
    return value


def problem_lines(problems: Any, lang: str, limit: int = MAX_PROBLEMS) -> list[str]:
    """One line per problem (an assessment's or a pack's), at most ``limit`` and a count of the rest."""
    from .describe import pack_problem_text, problem_text

    items = list(problems or ())
    lines = []
    for p in items[:limit]:
        if hasattr(p, "file") and hasattr(p, "key"):  # a questionnaire pack's: names file and item too
            lines.append(pack_problem_text(p, lang).strip())
        elif hasattr(p, "key") and hasattr(p, "field"):
            lines.append(problem_text(p, lang).strip())
        else:
            lines.append(f"- {p}")
    if len(items) > limit:
        lines.append(tr("error.more", lang, n=len(items) - limit))
    return lines


def os_reason(exc: OSError, lang: str) -> str:
    """The operating system's reason in the user's language (its own words when we have none)."""
    return str(_plain(os_reason_msg(exc), lang))


def error_text(exc: BaseException, lang: str) -> tuple[str, str, str]:
    """(what happened, the specifics, what to do next) for any exception, in ``lang``."""
    if isinstance(exc, AppError):
        words = {k: _plain(v, lang) for k, v in exc.message_params().items() if k not in ("key", "lang")}
        detail = tr(exc.key, lang, **words) if exc.key else ""
        lines = [detail] if detail else []
        lines += problem_lines(exc.problems, lang)
        return tr(exc.title_key, lang, **words), "\n".join(lines), tr(exc.hint_key, lang, **words)
    if isinstance(exc, OSError):
        kind = os_kind(exc)
        path = exc.filename if exc.filename is not None else ""
        reason = os_reason(exc, lang)
        detail = tr("error.os.detail", lang, path=path, reason=reason) if path else reason
        return tr(f"error.{kind}", lang), detail, tr(f"error.{kind}.hint", lang)
    text = str(exc)
    detail = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return tr("error.unexpected", lang), detail, tr("error.unexpected.hint", lang)


def is_expected(exc: BaseException) -> bool:
    """Whether ``exc`` is one we have words for (ours or the operating system's); the rest are bugs
    worth a log entry and a traceback for support."""
    return isinstance(exc, AppError | OSError)


def error_message(exc: BaseException, lang: str) -> str:
    """The whole message on one or more lines (for the command line and logs)."""
    title, detail, hint = error_text(exc, lang)
    return "\n".join(part for part in (title, detail, hint) if part)
