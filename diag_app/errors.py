"""The base of every error a user can meet: ``AppError``.

A leaf module (the standard library only), so every layer, the model included, may raise one.
An error carries no words, only message keys and parameters:

- ``title_key``: what happened ("The workspace database is damaged.");
- ``key``: the specifics, filled in from ``params`` ("… ws.db (file is not a database) …");
- ``hint_key``: what to do next ("Restore the newest backup …");
- ``params``: the values that make the message specific. A parameter may itself be a ``Msg`` (a
  key with its own parameters), worded when the error is shown;
- ``problems``: optional, the individual problems of an invalid input (each one worded by
  ``diag_app.error_text``).

``diag_app.error_text.error_text(exc, lang)`` turns any exception, ours or the operating system's,
into (title, detail, hint) in the user's language; the GUI's presenter and the CLI both use it.

A subclass sets the three keys as class attributes. Its own ``__init__`` may take whatever it
likes; it passes the message parameters on as keywords (``super().__init__(path=path)``). Public
attributes of simple types (str, numbers, paths) set on the instance are offered to the messages
too, so an existing exception can join by adding ``AppError`` to its bases and the keys.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from dataclasses import dataclass, field
from os import PathLike
from typing import Any


@dataclass(frozen=True)
class Msg:
    """A message still to be worded: a key and its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


# The operating system's reasons we word ourselves (strerror is English, or the system's locale).
ERRNO_KINDS = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.ENOENT: "file_not_found",
    errno.EISDIR: "is_directory",
    errno.ENOTDIR: "file_not_found",
    errno.EIO: "io",
    errno.ENAMETOOLONG: "name_too_long",
}


def os_kind(exc: OSError) -> str:
    """Which of our OS error messages fits: disk_full, read_only, permission, file_not_found, … or os."""
    if exc.errno in ERRNO_KINDS:
        return ERRNO_KINDS[exc.errno]
    if isinstance(exc, PermissionError):
        return "permission"
    if isinstance(exc, FileNotFoundError):
        return "file_not_found"
    return "os"


def os_reason_msg(exc: OSError) -> Msg | str:
    """The operating system's reason as a parameter of one of our messages: worded in the user's
    language when we have words for it, else the system's own text."""
    kind = os_kind(exc)
    if kind != "os":
        return Msg(f"error.os.reason.{kind}")
    return exc.strerror or str(exc) or type(exc).__name__


class AppError(Exception):
    """Base of every error the user can meet; see the module's documentation."""

    key: str = "error.app.detail"
    title_key: str = "error.app"
    hint_key: str = "error.app.hint"
    # The individual problems of an invalid input, if any (model.assessment.Problem,
    # packs.PackProblem, …); shown after the detail, one line each.
    problems: Sequence[Any] = ()

    def __init__(self, *args: object, **params: Any) -> None:
        super().__init__(*args or (f"{type(self).__name__}: {self.key} {params}",))
        self.params: dict[str, Any] = dict(params)

    def message_params(self) -> dict[str, Any]:
        """Everything the messages may use: public simple attributes, then ``params``."""
        out: dict[str, Any] = {}
        for name, value in vars(self).items():
            if not name.startswith("_") and name not in _NOT_PARAMS and _simple(value):
                out[name] = value
        out.update(getattr(self, "params", None) or {})
        return out


_NOT_PARAMS = frozenset({"params", "key", "title_key", "hint_key", "lang", "args"})


def _simple(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | PathLike | Msg)
