"""Pack files parsed once: what PyYAML made of a file's bytes, kept as JSON in the user's cache folder.

Reading pack 2.0.0's 35 YAML files is ~0.15 s of every command and of every worker process, nearly
all of it PyYAML building Python objects from libyaml's events, one Python call per value. The same
bytes always give the same values, so each file's values are kept as a JSON file named by the
SHA-256 of the YAML's bytes (and the PyYAML version and parser that read them): a file that changes
by one byte is simply another entry. JSON, not pickle: a cache file can only hold values, never run
code, and the pack's loader checks whatever it reads exactly as it checks the YAML.

Only plain values are kept (mappings with text keys, lists, text, numbers — ``.inf`` as Python's
json writes it —, true/false, null, each mapping and list in one place): a file with a date, a
number as a key or an alias is read from YAML every time, so what the loader gets is always what
PyYAML gives. The cache is a convenience: a folder that cannot be made or written, or an entry that
cannot be read or is not JSON, is passed over silently and the YAML is parsed as before.
``DIAG_APP_CACHE_DIR`` names another cache folder (the tests use one of their own).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import yaml

CACHE_ENV = "DIAG_APP_CACHE_DIR"
FORMAT = 1  # of the entries; a change of what is kept makes a new folder
MAX_ENTRIES = 400  # beyond this, the oldest entries are removed when one is written
KEEP_ENTRIES = 300

# libyaml's C parser when present.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = f"v{FORMAT}-pyyaml{yaml.__version__}-{'c' if _Loader is not yaml.SafeLoader else 'py'}"


def parse(raw: bytes) -> Any:
    """The values of a YAML file's bytes, as ``yaml.load`` of the file opened as UTF-8 text gives
    them; raises what that raises (``yaml.YAMLError``, ``UnicodeDecodeError``)."""
    folder = _folder()
    digest = hashlib.sha256(raw).hexdigest()
    if folder is not None:
        cached = _read(folder / f"{digest}.json", len(raw))
        if cached is not None:
            return cached[0]
    # as a file opened in text mode reads it: UTF-8, every line end as "\n"
    doc = yaml.load(raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n"), Loader=_Loader)
    if folder is not None and _plain(doc):
        _write(folder, digest, doc)
    return doc


def _folder() -> Path | None:
    root = os.environ.get(CACHE_ENV)
    if not root:
        try:
            from platformdirs import user_cache_dir

            root = user_cache_dir("diag-app", appauthor=False)
        except Exception:  # no home folder, say: no cache
            return None
    return Path(root) / "pack-yaml" / _TAG


def _read(path: Path, source_size: int) -> tuple[Any] | None:
    """(values,) from a cache entry, or None when there is none that can be used."""
    try:
        with path.open("rb") as f:
            data = f.read(8 * source_size + 65536 + 1)
    except OSError:
        return None
    if len(data) > 8 * source_size + 65536:  # not what this app writes for a file of that size
        return None
    try:
        return (json.loads(data),)
    except (ValueError, RecursionError):  # a damaged entry: parse the YAML (and write the entry again)
        return None


def _write(folder: Path, digest: str, doc: Any) -> None:
    from ..atomic import write_bytes_atomic

    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(folder / f"{digest}.json", json.dumps(doc, ensure_ascii=False).encode("utf-8"))
        _prune(folder)
    except OSError:  # read-only, full or not ours: the cache is only a convenience
        pass


def _prune(folder: Path) -> None:
    """Keep the folder small however many edited versions of a pack were read."""
    entries = [e for e in os.scandir(folder) if e.name.endswith(".json")]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda e: e.stat().st_mtime)
    for e in entries[: len(entries) - KEEP_ENTRIES]:
        with contextlib.suppress(OSError):
            os.unlink(e.path)


def _plain(doc: Any) -> bool:
    """Whether JSON gives back exactly ``doc``: mappings with text keys, lists, text, numbers, true/false
    and null, and no mapping or list in two places (a YAML alias: it would be written out
    as often as it is referred to)."""
    seen: set[int] = set()
    stack = [doc]
    while stack:
        v = stack.pop()
        if v is None or isinstance(v, str | bool | int):
            continue
        if isinstance(v, float):  # .inf and .nan too: Python's json writes and reads them back
            continue
        if type(v) is dict:
            if id(v) in seen or not all(type(k) is str for k in v):
                return False
            seen.add(id(v))
            stack.extend(v.values())
        elif type(v) is list:
            if id(v) in seen:
                return False
            seen.add(id(v))
            stack.extend(v)
        else:
            return False
    return True
