"""Reading a file that comes from outside, and parsing its JSON, within limits.

- ``read_input``: only a regular file is read (a FIFO, a device such as /dev/zero, a folder or a
  socket is refused before a byte is read; it is opened without blocking, so a FIFO with no writer
  cannot hang us), and never more than the limit, whatever its size claims.
- ``parse_json``: UTF-8 JSON with limits on nesting depth, on the number of objects and lists, and
  on numbers (no NaN or Infinity, integers within ±2^53, decimals within ±10^15), and on strings
  (no lone surrogates, no NUL), and no key twice in one object (readers disagree on which of the
  two counts, so a file could score one way here and another way elsewhere). Every problem names
  the field (``answers[3].value``).

Problems are the model's ``Problem`` (field, message key, parameters), raised as
``AssessmentInvalid``; the caller names the file.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import os_reason_msg
from ..model.assessment import AssessmentInvalid, Problem

MiB = 1024 * 1024


@dataclass(frozen=True)
class JsonLimits:
    """What one JSON document may hold (docs/limits.md)."""

    max_bytes: int = 8 * MiB
    max_depth: int = 16  # nesting of objects and lists
    max_containers: int = 100_000  # objects and lists in the document
    max_int: int = 2**53  # larger whole numbers lose precision as decimals
    max_number: float = 1e15  # any number's magnitude
    max_problems: int = 50


JSON_LIMITS = JsonLimits()

_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSAFE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


class _Duplicates(dict[str, Any]):
    """An object that named a key more than once: parsed as JSON does (the last one counts) and
    marked, so the walk afterwards can say which key, and where."""

    duplicates: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    marked = _Duplicates(obj)
    seen: set[str] = set()
    twice: dict[str, None] = {}
    for k, _ in pairs:
        if k in seen:
            twice[k] = None
        seen.add(k)
    marked.duplicates = tuple(twice)
    return marked


class _Rejected:
    """A number JSON allows but we do not (NaN, Infinity, a huge integer): kept in place while
    parsing so the walk afterwards can say in which field it was."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


def read_input(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; AssessmentInvalid (field "$") for
    anything else. OSError reasons (missing, no permission) are reported, never raised."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        raise AssessmentInvalid([Problem("$", "file.read", {"msg": os_reason_msg(e)})]) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise AssessmentInvalid([Problem("$", "input.not_regular")])
        if st.st_size > max_bytes:
            raise AssessmentInvalid([Problem("$", "input.too_large", {"max_mb": _mb(max_bytes)})])
        chunks = []
        total = 0
        while chunk := os.read(fd, min(MiB, max_bytes + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # it grew while we read
                raise AssessmentInvalid([Problem("$", "input.too_large", {"max_mb": _mb(max_bytes)})])
        return b"".join(chunks)
    except OSError as e:
        raise AssessmentInvalid([Problem("$", "file.read", {"msg": os_reason_msg(e)})]) from None
    finally:
        os.close(fd)


def _mb(n: int) -> str:
    return f"{n / MiB:g}"


def parse_json(raw: bytes, limits: JsonLimits = JSON_LIMITS) -> Any:
    """Parse UTF-8 JSON within ``limits``; AssessmentInvalid listing what breaks them."""
    if len(raw) > limits.max_bytes:
        raise AssessmentInvalid([Problem("$", "input.too_large", {"max_mb": _mb(limits.max_bytes)})])
    # Each object or list costs ~60-200 bytes once parsed: count them before parsing (an upper
    # bound, as braces inside strings count too) so "[{},{},…]" cannot take the memory.
    if raw.count(b"{") + raw.count(b"[") > limits.max_containers:
        raise AssessmentInvalid([Problem("$", "input.too_many_values", {"max": limits.max_containers})])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise AssessmentInvalid([Problem("$", "input.not_utf8", {"at": e.start + 1})]) from None

    def number(s: str) -> Any:
        try:
            v = float(s)
        except (ValueError, OverflowError):
            return _Rejected(s)
        return v if math.isfinite(v) and abs(v) <= limits.max_number else _Rejected(s)

    def integer(s: str) -> Any:
        if len(s) > 20:  # never hand a 100,000-digit number to int()
            return _Rejected(s)
        v = int(s)
        return v if abs(v) <= limits.max_int else _Rejected(s)

    try:
        data = json.loads(
            text, parse_float=number, parse_int=integer, parse_constant=_Rejected, object_pairs_hook=_object
        )
    except RecursionError:
        raise AssessmentInvalid([Problem("$", "input.too_deep", {"max": limits.max_depth})]) from None
    except json.JSONDecodeError as e:
        raise AssessmentInvalid([Problem("$", "file.json", {"line": e.lineno, "col": e.colno, "msg": e.msg})]) from None
    except ValueError as e:  # anything else the decoder refuses
        raise AssessmentInvalid([Problem("$", "file.json", {"line": "-", "col": "-", "msg": str(e)[:200]})]) from None
    problems = walk_problems(data, limits)
    if problems:
        raise AssessmentInvalid(problems)
    return data


def field_path(parts: tuple[Any, ...] | list[Any]) -> str:
    """("answers", 3, "value") → "answers[3].value"; () → "$". Keys are shown safely: control
    characters and lone surrogates escaped, long ones cut."""
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            key = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", str(p))
            key = key if len(key) <= 60 else key[:57] + "…"
            out += f".{key}" if out else key
    return out or "$"


def walk_problems(data: Any, limits: JsonLimits = JSON_LIMITS) -> list[Problem]:
    """Depth, strings and numbers of a parsed document, without recursion (any depth is safe) and
    without a path per value: only objects and lists are queued (at most ``max_containers``),
    and a field's path is built only for a problem."""
    problems: list[Problem] = []
    _check_value(data, (), None, problems)
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())] if isinstance(data, dict | list) else []
    while stack and len(problems) < limits.max_problems:
        container, path = stack.pop()
        if len(path) >= limits.max_depth:
            problems.append(Problem(field_path(path), "input.too_deep", {"max": limits.max_depth}))
            continue
        if isinstance(container, dict):
            if isinstance(container, _Duplicates):
                for k in container.duplicates[:5]:
                    problems.append(Problem(field_path((*path, k)), "input.duplicate_key", {"name": k[:60]}))
            for k, value in container.items():
                if not _plain_text(k):
                    _check_text(k, (*path, k), problems, key=True)
                if isinstance(value, dict | list):
                    stack.append((value, (*path, k)))
                elif not _fine(value):
                    _check_value(value, path, k, problems)
        else:
            for i, value in enumerate(container):
                if isinstance(value, dict | list):
                    stack.append((value, (*path, i)))
                elif not _fine(value):
                    _check_value(value, path, i, problems)
    return problems


def _plain_text(s: str) -> bool:
    return len(s) <= 200 and "\x00" not in s and not _SURROGATE.search(s)


def _fine(value: Any) -> bool:
    """Most values: numbers, true/false, null and clean text need no further look."""
    return not isinstance(value, str | _Rejected) or (
        isinstance(value, str) and "\x00" not in value and not _SURROGATE.search(value)
    )


def _check_value(value: Any, path: tuple[Any, ...], key: Any, problems: list[Problem]) -> None:
    here = path if key is None else (*path, key)
    if isinstance(value, str):
        _check_text(value, here, problems)
    elif isinstance(value, _Rejected):
        problems.append(Problem(field_path(here), "input.number", {"value": value.text[:40]}))


def _check_text(s: str, path: tuple[Any, ...], problems: list[Problem], key: bool = False) -> None:
    if "\x00" in s:
        problems.append(Problem(field_path(path), "input.nul"))
    elif _SURROGATE.search(s):
        problems.append(Problem(field_path(path), "input.surrogate"))
    elif key and len(s) > 200:
        problems.append(Problem(field_path(path[:-1]), "input.key_long", {"max": 200}))
