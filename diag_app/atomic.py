"""Files that appear whole or not at all.

Every file the app writes for the user to keep (reports, exports, assessment files, bundles,
backups, a restored workspace) is written next to its target under a temporary name, flushed to
disk and then renamed over the target: a crash or a full disk leaves the old file (or none), never
half of a new one. The temporary name starts with a dot and the target's name, so a leftover is
recognisable beside what it was for.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(target: str | Path, suffix: str = "") -> Iterator[Path]:
    """A temporary path beside ``target`` to write; when the block ends it is synced to disk and
    renamed over ``target``, and if the block fails it is removed."""
    p = Path(target)
    fd, name = tempfile.mkstemp(prefix=f".{p.name}.", suffix=suffix, dir=p.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_atomic(target: str | Path, data: bytes) -> None:
    with replacing(target) as tmp:
        tmp.write_bytes(data)
